//! The checker: finds the arithmetic that does not hold in a report — flow rows whose parts do
//! not add up, totals that are not column sums, printed percentages that do not match their
//! fractions, shares that cannot be (n above N), goal results that contradict the flow table, end-reason tables that do not add up,
//! and goals stated with different targets in two places. It never changes the report.
//!
//! Blank and not-applicable cells are skipped where a check needs them, and count as 0 in column
//! sums (as the printed totals treat them).

pub(crate) mod diagnostic;
mod economics;
mod places;
mod prose;

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::check::diagnostic::{Diagnostic, DiagnosticCode, Location, Severity, Table};
use crate::common::locale::{format_number, format_percent, Language};
use crate::model::end_reasons::{EndReasonRow, EndReasonTable};
use crate::model::flows::{FlowField, FlowFigure, FlowFigures, FlowTable};
use crate::model::goal::Goal;
use crate::model::intervention::{Intervention, InterventionId, InterventionKind};
use crate::model::report::Report;
use crate::model::result::GoalResult;

/// A printed percentage this far (in percentage points) or further from its fraction is wrong,
/// not rounded.
const PERCENT_TOLERANCE: Decimal = Decimal::ONE;

/// Checks `report` and returns every finding, in the order of the report: goals intervention by
/// intervention, then the flow table, the end-reason table, and the economics (statement, cost
/// rules, per-intervention table, forecast).
///
/// ```
/// use finsam_core::{check, Report};
/// let report = Report::from_json(r#"{"format_version": 1, "organisation": "X", "period": "2015",
///   "interventions": [{"id": "lyra", "name": "Lyra", "kind": "individual", "status": "active"}],
///   "flows": {"rows": [{"intervention": "lyra", "label": "Lyra",
///     "figures": {"current": 28, "women": 6, "men": 5, "other": 1}}]}}"#)?;
/// let found = check(&report);
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].code.code(), "flow_gender_sum");
/// assert_eq!(found[0].location.path, "flows.rows[0].figures.current");
/// assert_eq!(found[0].message_en, "Lyra: women + men + other = 12, but current participants = 28.");
/// # Ok::<(), finsam_core::Error>(())
/// ```
pub fn check(report: &Report) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    // Indexes by id, so that the checker stays linear in the size of the report.
    let rows: HashMap<&InterventionId, (usize, &FlowFigures)> = report
        .flows
        .iter()
        .flat_map(|flows| flows.rows.iter().enumerate())
        .map(|(index, row)| (&row.intervention, (index, &row.figures)))
        .collect();
    let interventions: HashMap<&InterventionId, &Intervention> =
        report.interventions.iter().map(|i| (&i.id, i)).collect();
    for (index, intervention) in report.interventions.iter().enumerate() {
        let row = rows.get(&intervention.id).copied();
        for (goal_index, goal) in intervention.goals.iter().enumerate() {
            let path = format!("interventions[{index}].goals[{goal_index}]");
            check_goal(intervention, goal, &path, row.map(|(_, f)| f), &mut found);
        }
        prose::check_stated_counts(
            intervention,
            &format!("interventions[{index}]"),
            row,
            &mut found,
        );
    }
    if let Some(flows) = &report.flows {
        check_flows(report, flows, &interventions, &rows, &mut found);
    }
    if let Some(end_reasons) = &report.end_reasons {
        check_end_reasons(end_reasons, &mut found);
    }
    if let Some(economics) = &report.economics {
        economics::check_economics(economics, &interventions, &mut found);
    }
    places::place_in_document(&report.sources, &mut found);
    found
}

pub(crate) struct Finding<'a> {
    // The fields are the diagnostic's, before its messages are prefixed with the name.
    pub(crate) code: DiagnosticCode,
    pub(crate) severity: Severity,
    pub(crate) intervention: Option<&'a Intervention>,
    pub(crate) table: Table,
    pub(crate) path: String,
    pub(crate) expected: Option<Decimal>,
    pub(crate) printed: Option<Decimal>,
    pub(crate) sv: String,
    pub(crate) en: String,
}

impl Finding<'_> {
    pub(crate) fn into_diagnostic(self) -> Diagnostic {
        let prefix = |text: String| match self.intervention {
            Some(intervention) => format!("{}: {text}", intervention.name),
            None => text,
        };
        Diagnostic {
            code: self.code,
            severity: self.severity,
            location: Location::new(
                self.intervention.map(|i| i.id.clone()),
                self.table,
                self.path,
            ),
            expected: self.expected,
            printed: self.printed,
            message_sv: prefix(self.sv.clone()),
            message_en: prefix(self.en),
        }
    }
}

pub(crate) fn number(value: impl Into<Decimal>, language: Language) -> String {
    format_number(value.into(), 2, language)
}

pub(crate) fn percent(value: Decimal, language: Language) -> String {
    format_percent(value, language)
}

fn check_goal(
    intervention: &Intervention,
    goal: &Goal,
    path: &str,
    flow: Option<&FlowFigures>,
    found: &mut Vec<Diagnostic>,
) {
    let (sv, en) = (Language::Swedish, Language::English);
    let finding = |code, path: String, expected, printed, sv: String, en: String| {
        Finding {
            code,
            severity: Severity::Error,
            intervention: Some(intervention),
            table: Table::Goals,
            path,
            expected,
            printed,
            sv,
            en,
        }
        .into_diagnostic()
    };
    places::check_goal_places(intervention, goal, path, found);
    let (Some(measure), Some(figures)) = (goal.measures(), flow) else {
        return;
    };
    let Some((flow_value, flow_denominator)) = measure.read(figures) else {
        return;
    };
    let flow_value = Decimal::from(flow_value);
    let mut mismatch =
        |field: &str, expected: Decimal, printed: Decimal, what_sv: &str, what_en: &str| {
            found.push(finding(
                DiagnosticCode::GoalFlowMismatch,
                format!("{path}.result.{field}"),
                Some(expected),
                Some(printed),
                format!(
                    "målet \"{}\" redovisar {}{what_sv}, men deltagarflödet ger {}.",
                    goal.description(),
                    number(printed, sv),
                    number(expected, sv)
                ),
                format!(
                    "the goal \"{}\" reports {}{what_en}, but the participant flows give {}.",
                    goal.description(),
                    number(printed, en),
                    number(expected, en)
                ),
            ));
        };
    match (goal.result(), flow_denominator) {
        (GoalResult::Count(count), None) if count.value() != flow_value => {
            mismatch("value", flow_value, count.value(), "", "");
        }
        (GoalResult::Share(share), Some(denominator)) => {
            let denominator = Decimal::from(denominator);
            match (share.numerator(), share.denominator(), share.percent()) {
                (Some(n), Some(d), _) => {
                    if n != flow_value {
                        mismatch("numerator", flow_value, n, " i täljaren", " as numerator");
                    }
                    if d != denominator {
                        mismatch(
                            "denominator",
                            denominator,
                            d,
                            " i nämnaren",
                            " as denominator",
                        );
                    }
                }
                (None, None, Some(printed)) if !denominator.is_zero() => {
                    let exact = flow_value / denominator * Decimal::ONE_HUNDRED;
                    if (printed - exact).abs() >= PERCENT_TOLERANCE {
                        mismatch(
                            "percent",
                            exact.round_dp(1),
                            printed,
                            " procent",
                            " per cent",
                        );
                    }
                }
                _ => {}
            }
        }
        _ => {}
    }
}

fn count(figure: Option<FlowFigure>) -> Option<u128> {
    figure.and_then(FlowFigure::count).map(u128::from)
}

/// A count for sums: blank and not applicable count as 0.
fn part(figure: Option<FlowFigure>) -> u128 {
    count(figure).unwrap_or(0)
}

fn check_flows(
    report: &Report,
    flows: &FlowTable,
    interventions: &HashMap<&InterventionId, &Intervention>,
    rows: &HashMap<&InterventionId, (usize, &FlowFigures)>,
    found: &mut Vec<Diagnostic>,
) {
    let (sv, en) = (Language::Swedish, Language::English);
    for (index, row) in flows.rows.iter().enumerate() {
        let intervention = interventions.get(&row.intervention).copied();
        let f = &row.figures;
        let path = |field: FlowField| format!("flows.rows[{index}].figures.{}", field.code());
        let mut push =
            |code, field: FlowField, expected: u128, printed: u128, sv: String, en: String| {
                found.push(
                    Finding {
                        code,
                        severity: Severity::Error,
                        intervention,
                        table: Table::Flows,
                        path: path(field),
                        expected: Some(Decimal::from(expected)),
                        printed: Some(Decimal::from(printed)),
                        sv,
                        en,
                    }
                    .into_diagnostic(),
                );
            };
        if let (Some(current), Some(women), Some(men)) =
            (count(f.current), count(f.women), count(f.men))
        {
            let not_applicable = f.other == Some(FlowFigure::NotApplicable);
            let sum = women + men + part(f.other);
            if !not_applicable && sum != current {
                push(
                    DiagnosticCode::FlowGenderSum,
                    FlowField::Current,
                    sum,
                    current,
                    format!(
                        "kvinnor + män + annat = {}, men aktuella deltagare = {}.",
                        number(sum as u64, sv),
                        number(current as u64, sv)
                    ),
                    format!(
                        "women + men + other = {}, but current participants = {}.",
                        number(sum as u64, en),
                        number(current as u64, en)
                    ),
                );
            }
        }
        if let Some(current) = count(f.current) {
            if let Some(new) = count(f.new).filter(|new| *new > current) {
                push(
                    DiagnosticCode::FlowNewAboveCurrent,
                    FlowField::New,
                    current,
                    new,
                    format!(
                        "{} nya deltagare men bara {} aktuella.",
                        number(new as u64, sv),
                        number(current as u64, sv)
                    ),
                    format!(
                        "{} new participants but only {} current.",
                        number(new as u64, en),
                        number(current as u64, en)
                    ),
                );
            }
            if let Some(ended) = count(f.ended).filter(|ended| *ended > current) {
                push(
                    DiagnosticCode::FlowEndedAboveCurrent,
                    FlowField::Ended,
                    current,
                    ended,
                    format!(
                        "{} avslutade deltagare men bara {} aktuella.",
                        number(ended as u64, sv),
                        number(current as u64, sv)
                    ),
                    format!(
                        "{} ended participants but only {} current.",
                        number(ended as u64, en),
                        number(current as u64, en)
                    ),
                );
            }
        }
        if let Some(ended) = count(f.ended) {
            let outcomes = part(f.to_work_or_studies) + part(f.job_seeking);
            if outcomes > ended {
                push(
                    DiagnosticCode::FlowOutcomesAboveEnded,
                    FlowField::Ended,
                    outcomes,
                    ended,
                    format!(
                        "till arbete/studier + arbetssökande = {}, fler än de {} avslutade.",
                        number(outcomes as u64, sv),
                        number(ended as u64, sv)
                    ),
                    format!(
                        "to work/studies + job-seeking = {}, more than the {} ended.",
                        number(outcomes as u64, en),
                        number(ended as u64, en)
                    ),
                );
            }
        }
    }
    for (index, intervention) in report.interventions.iter().enumerate() {
        if intervention.kind == InterventionKind::Individual
            && !intervention.goals.is_empty()
            && !rows.contains_key(&intervention.id)
        {
            found.push(
                Finding {
                    code: DiagnosticCode::FlowRowMissing,
                    severity: Severity::Warning,
                    intervention: Some(intervention),
                    table: Table::Flows,
                    path: format!("interventions[{index}]"),
                    expected: None,
                    printed: None,
                    sv: "individinriktad insats utan rad i tabellen över deltagarflöden.".into(),
                    en: "an individual intervention without a row in the participant-flow table."
                        .into(),
                }
                .into_diagnostic(),
            );
        }
    }
    let column = |field: FlowField| -> u128 {
        flows
            .rows
            .iter()
            .map(|row| part(row.figures.get(field)))
            .sum()
    };
    if let Some(total) = &flows.total {
        for field in FlowField::ALL {
            let Some(printed) = count(total.get(field)) else {
                continue;
            };
            let sum = column(field);
            if sum != printed {
                found.push(
                    Finding {
                        code: DiagnosticCode::FlowTotalMismatch,
                        severity: Severity::Error,
                        intervention: None,
                        table: Table::Flows,
                        path: format!("flows.total.{}", field.code()),
                        expected: Some(Decimal::from(sum)),
                        printed: Some(Decimal::from(printed)),
                        sv: format!(
                            "TOTALT, {}: {}, men kolumnens summa är {}.",
                            field.label(sv),
                            number(printed as u64, sv),
                            number(sum as u64, sv)
                        ),
                        en: format!(
                            "TOTAL, {}: {}, but the column sums to {}.",
                            field.label(en),
                            number(printed as u64, en),
                            number(sum as u64, en)
                        ),
                    }
                    .into_diagnostic(),
                );
            }
        }
    }
    if let Some(unique) = flows.unique_participants.map(u128::from) {
        let total = flows
            .total
            .as_ref()
            .and_then(|t| count(t.current))
            .unwrap_or_else(|| column(FlowField::Current));
        if unique > total {
            found.push(
                Finding {
                    code: DiagnosticCode::FlowUniqueAboveTotal,
                    severity: Severity::Error,
                    intervention: None,
                    table: Table::Flows,
                    path: "flows.unique_participants".into(),
                    expected: Some(Decimal::from(total)),
                    printed: Some(Decimal::from(unique)),
                    sv: format!(
                        "{} unika deltagare men bara {} aktuella totalt.",
                        number(unique as u64, sv),
                        number(total as u64, sv)
                    ),
                    en: format!(
                        "{} unique participants but only {} current in total.",
                        number(unique as u64, en),
                        number(total as u64, en)
                    ),
                }
                .into_diagnostic(),
            );
        }
    }
}

/// A column of an end-reason table: its JSON field, its printed total, how to read it from a
/// row, and its Swedish and English names.
type EndReasonColumn = (
    &'static str,
    Option<u64>,
    fn(&EndReasonRow) -> Option<u64>,
    &'static str,
    &'static str,
);

fn check_end_reasons(table: &EndReasonTable, found: &mut Vec<Diagnostic>) {
    let (sv, en) = (Language::Swedish, Language::English);
    let mut push = |code, path: String, expected: u128, printed: u128, sv: String, en: String| {
        found.push(
            Finding {
                code,
                severity: Severity::Error,
                intervention: None,
                table: Table::EndReasons,
                path,
                expected: Some(Decimal::from(expected)),
                printed: Some(Decimal::from(printed)),
                sv,
                en,
            }
            .into_diagnostic(),
        );
    };
    let value = |v: Option<u64>| v.map(u128::from).unwrap_or(0);
    for (index, row) in table.rows.iter().enumerate() {
        let Some(total) = row.total.map(u128::from) else {
            continue;
        };
        if row.women.is_none() && row.men.is_none() && row.other.is_none() {
            continue;
        }
        let sum = value(row.women) + value(row.men) + value(row.other);
        if sum != total {
            let label = row
                .label
                .clone()
                .unwrap_or_else(|| row.reason.label(sv).to_owned());
            push(
                DiagnosticCode::EndReasonRowTotal,
                format!("end_reasons.rows[{index}].total"),
                sum,
                total,
                format!(
                    "avslutsorsaken \"{label}\": kvinnor + män = {} men totalt {}.",
                    number(sum as u64, sv),
                    number(total as u64, sv)
                ),
                format!(
                    "end reason \"{label}\": women + men = {} but total {}.",
                    number(sum as u64, en),
                    number(total as u64, en)
                ),
            );
        }
    }
    let Some(totals) = &table.total else { return };
    let columns: [EndReasonColumn; 4] = [
        ("women", totals.women, |r| r.women, "kvinnor", "women"),
        ("men", totals.men, |r| r.men, "män", "men"),
        ("other", totals.other, |r| r.other, "annat", "other"),
        ("total", totals.total, |r| r.total, "totalt", "total"),
    ];
    for (field, printed, get, name_sv, name_en) in columns {
        let Some(printed) = printed.map(u128::from) else {
            continue;
        };
        let sum: u128 = table.rows.iter().map(|row| value(get(row))).sum();
        if sum != printed {
            push(
                DiagnosticCode::EndReasonColumnTotal,
                format!("end_reasons.total.{field}"),
                sum,
                printed,
                format!(
                    "kolumnen {name_sv} summerar till {} men totalraden säger {}.",
                    number(sum as u64, sv),
                    number(printed as u64, sv)
                ),
                format!(
                    "the column {name_en} sums to {} but the total row says {}.",
                    number(sum as u64, en),
                    number(printed as u64, en)
                ),
            );
        }
    }
}

impl Report {
    /// Checks the report's arithmetic and returns what does not hold; see [`check()`].
    pub fn check(&self) -> Vec<Diagnostic> {
        check(self)
    }
}
