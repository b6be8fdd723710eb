//! The participant figures an intervention's section states in its prose (`stated_counts`),
//! against each other and against the flow table: women and men that do not add up to the
//! number they split, gender shares that do not add up to 100 %, a percentage of the ended that
//! is not its count, and a figure of the period that the flow table, or the summary's result of
//! a goal that measures it, states otherwise.

use rust_decimal::Decimal;

use super::{number, percent, Finding, PERCENT_TOLERANCE};
use crate::check::diagnostic::{Diagnostic, DiagnosticCode, Severity, Table};
use crate::common::locale::Language;
use crate::model::flows::{FlowField, FlowFigures, FlowMeasure};
use crate::model::intervention::Intervention;
use crate::model::result::GoalResult;

/// Checks the intervention's stated counts; `flow` is its row of the flow table and its index.
pub(super) fn check_stated_counts(
    intervention: &Intervention,
    path: &str,
    flow: Option<(usize, &FlowFigures)>,
    found: &mut Vec<Diagnostic>,
) {
    let (sv, en) = (Language::Swedish, Language::English);
    for (index, stated) in intervention.stated_counts.iter().enumerate() {
        let at = format!("{path}.stated_counts[{index}]");
        let mut push = |code, severity, field: &str, expected, printed, sv: String, en: String| {
            found.push(
                Finding {
                    code,
                    severity,
                    intervention: Some(intervention),
                    table: Table::Flows,
                    path: format!("{at}.{field}"),
                    expected,
                    printed,
                    sv,
                    en,
                }
                .into_diagnostic(),
            );
        };
        if let Some(split) = stated.of_whom {
            let sum = split.women + split.men;
            // Fewer may be the ones of another or no stated gender: a judgement, so a warning.
            let severity = if sum > split.total {
                Some(Severity::Error)
            } else if sum < split.total {
                Some(Severity::Warning)
            } else {
                None
            };
            if let Some(severity) = severity {
                push(
                    DiagnosticCode::TextSumMismatch,
                    severity,
                    "of_whom.total",
                    Some(Decimal::from(sum)),
                    Some(Decimal::from(split.total)),
                    format!(
                        "texten säger {} men {} kvinnor och {} män är {} (\"{}\").",
                        number(split.total, sv),
                        number(split.women, sv),
                        number(split.men, sv),
                        number(sum, sv),
                        stated.text
                    ),
                    format!(
                        "the text says {} but {} women and {} men are {} (\"{}\").",
                        number(split.total, en),
                        number(split.women, en),
                        number(split.men, en),
                        number(sum, en),
                        stated.text
                    ),
                );
            }
        }
        if let Some(shares) = stated.gender_shares {
            let sum = shares.women + shares.men;
            // Two rounded shares may add up to 99 or 101.
            if (sum - Decimal::ONE_HUNDRED).abs() > Decimal::ONE {
                push(
                    DiagnosticCode::TextShareSum,
                    Severity::Error,
                    "gender_shares",
                    Some(Decimal::ONE_HUNDRED),
                    Some(sum),
                    format!(
                        "{} kvinnor och {} män är tillsammans {} (\"{}\").",
                        percent(shares.women, sv),
                        percent(shares.men, sv),
                        percent(sum, sv),
                        stated.text
                    ),
                    format!(
                        "{} women and {} men add up to {} (\"{}\").",
                        percent(shares.women, en),
                        percent(shares.men, en),
                        percent(sum, en),
                        stated.text
                    ),
                );
            }
        }
        if let (Some(part), Some(ended)) = (stated.to_work_or_studies, stated.ended) {
            if let (Some(printed), false) = (part.percent, ended == 0) {
                let exact = Decimal::from(part.count) * Decimal::ONE_HUNDRED / Decimal::from(ended);
                if (printed - exact).abs() >= PERCENT_TOLERANCE {
                    let exact = exact.round_dp(1);
                    push(
                        DiagnosticCode::SharePrintedMismatch,
                        Severity::Error,
                        "to_work_or_studies.percent",
                        Some(exact),
                        Some(printed),
                        format!(
                            "texten: tryckt {} men {} av {} avslutade är {} (\"{}\").",
                            percent(printed, sv),
                            number(part.count, sv),
                            number(ended, sv),
                            percent(exact, sv),
                            stated.text
                        ),
                        format!(
                            "the text: printed {} but {} of {} ended is {} (\"{}\").",
                            percent(printed, en),
                            number(part.count, en),
                            number(ended, en),
                            percent(exact, en),
                            stated.text
                        ),
                    );
                }
            }
        }
        if !stated.this_period {
            continue;
        }
        // A figure of the period against the summary's result of a goal that measures it.
        for (goal_index, goal) in intervention.goals.iter().enumerate() {
            let (Some(measure), GoalResult::Count(count)) = (goal.measures(), goal.result()) else {
                continue;
            };
            let (field, value) = match measure {
                FlowMeasure::CurrentParticipants => ("current", stated.current),
                FlowMeasure::NewParticipants => ("new", stated.new),
                FlowMeasure::EndedParticipants => ("ended", stated.ended),
                _ => continue,
            };
            let Some(value) = value.map(Decimal::from) else {
                continue;
            };
            if value == count.value() {
                continue;
            }
            let mut diagnostic = Finding {
                code: DiagnosticCode::TextFigureMismatch,
                severity: Severity::Error,
                intervention: Some(intervention),
                table: Table::Goals,
                path: format!("{at}.{field}"),
                expected: Some(count.value()),
                printed: Some(value),
                sv: format!(
                    "texten säger {} men sammanställningen redovisar {} för målet \"{}\" (\"{}\").",
                    number(value, sv),
                    number(count.value(), sv),
                    goal.description(),
                    stated.text
                ),
                en: format!(
                    "the text says {} but the summary reports {} for the goal \"{}\" (\"{}\").",
                    number(value, en),
                    number(count.value(), en),
                    goal.description(),
                    stated.text
                ),
            }
            .into_diagnostic();
            diagnostic.location.compared_with =
                Some(format!("{path}.goals[{goal_index}].result.value"));
            found.push(diagnostic);
        }
        // A figure of the period against the flow table's.
        let Some((row, figures)) = flow else {
            continue;
        };
        let mut compare = vec![
            ("current", stated.current, FlowField::Current),
            ("new", stated.new, FlowField::New),
            ("ended", stated.ended, FlowField::Ended),
        ];
        if let Some(split) = stated.of_whom.filter(|s| Some(s.total) == stated.current) {
            compare.push(("of_whom.women", Some(split.women), FlowField::Women));
            compare.push(("of_whom.men", Some(split.men), FlowField::Men));
        }
        for (field, stated_value, flow_field) in compare {
            let (Some(value), Some(table_value)) = (
                stated_value,
                figures.get(flow_field).and_then(|f| f.count()),
            ) else {
                continue;
            };
            if value == table_value {
                continue;
            }
            let mut diagnostic = Finding {
                code: DiagnosticCode::TextFigureMismatch,
                severity: Severity::Error,
                intervention: Some(intervention),
                table: Table::Flows,
                path: format!("{at}.{field}"),
                expected: Some(Decimal::from(table_value)),
                printed: Some(Decimal::from(value)),
                sv: format!(
                    "texten säger {} för {} men tabellen över deltagarflöden {} (\"{}\").",
                    number(value, sv),
                    flow_field.label(sv),
                    number(table_value, sv),
                    stated.text
                ),
                en: format!(
                    "the text says {} for {} but the participant-flow table {} (\"{}\").",
                    number(value, en),
                    flow_field.label(en),
                    number(table_value, en),
                    stated.text
                ),
            }
            .into_diagnostic();
            diagnostic.location.compared_with =
                Some(format!("flows.rows[{row}].figures.{}", flow_field.code()));
            found.push(diagnostic);
        }
    }
}
