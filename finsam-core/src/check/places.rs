//! What a goal states in several places: the summary's result, last year's beside it, and the
//! result and target another place gives (the section's goal list and table). Every share in
//! every place is checked against its own fraction and for being possible at all; a target or
//! a result stated differently in two places is a finding between the two, at most a warning
//! when the match of the goals is unsure. Each finding is then placed in the document the
//! report was read from, as far as the report's `sources` say.

use rust_decimal::Decimal;

use super::{number, percent, Finding, PERCENT_TOLERANCE};
use crate::check::diagnostic::{Diagnostic, DiagnosticCode, Severity, Table};
use crate::common::locale::Language;
use crate::common::place::Place;
use crate::model::goal::{place_name, Certainty, Goal, ResultPlace};
use crate::model::intervention::Intervention;
use crate::model::report::Source;
use crate::model::result::{GoalResult, ShareBasis};

/// The name of last year's column, as a place of the report.
const LAST_YEAR: &str = "förra årets resultat";

/// " (i avsnittets tabell)": where a figure stands, for a message; nothing for the summary.
fn at(place: Option<&str>, language: Language) -> String {
    match place {
        Some(place) => format!(" ({} {})", language.pick("i", "in"), name(place, language)),
        None => String::new(),
    }
}

/// A place's name in `language`; last year's column has its own.
fn name(place: &str, language: Language) -> String {
    if place == LAST_YEAR {
        language
            .pick("förra årets resultat", "last year's result")
            .to_owned()
    } else {
        place_name(place, language)
    }
}

fn severity(certainty: Certainty) -> Severity {
    match certainty {
        Certainty::Sure => Severity::Error,
        Certainty::Unsure => Severity::Warning,
    }
}

/// Checks every share the goal states, its targets stated elsewhere, and its results stated
/// elsewhere against the summary's.
pub(super) fn check_goal_places(
    intervention: &Intervention,
    goal: &Goal,
    path: &str,
    found: &mut Vec<Diagnostic>,
) {
    let (sv, en) = (Language::Swedish, Language::English);
    let finding = |code, severity, path: String, expected, printed, sv: String, en: String| {
        Finding {
            code,
            severity,
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
    let description = goal.description();
    for (at_path, where_, result) in goal.stated_results() {
        let GoalResult::Share(share) = result else {
            continue;
        };
        let stated_path = format!("{path}.{at_path}");
        let place = match where_ {
            ResultPlace::Summary => None,
            ResultPlace::LastYear => Some(LAST_YEAR),
            ResultPlace::Stated(place) => Some(place),
        };
        if let (Some(printed), Some(exact), Some(n), Some(d)) = (
            share.percent(),
            share.fraction_percent(),
            share.numerator(),
            share.denominator(),
        ) {
            if (printed - exact).abs() >= PERCENT_TOLERANCE {
                let exact = exact.round_dp(1);
                found.push(finding(
                    DiagnosticCode::SharePrintedMismatch,
                    Severity::Error,
                    format!("{}.percent", stated_path),
                    Some(exact),
                    Some(printed),
                    format!(
                        "målet \"{description}\"{}: tryckt {} men {} av {} är {}.",
                        at(place, sv),
                        percent(printed, sv),
                        number(n, sv),
                        number(d, sv),
                        percent(exact, sv)
                    ),
                    format!(
                        "goal \"{description}\"{}: printed {} but {} of {} is {}.",
                        at(place, en),
                        percent(printed, en),
                        number(n, en),
                        number(d, en),
                        percent(exact, en)
                    ),
                ));
            }
        }
        if let Some(error) = share.impossibility() {
            found.push(finding(
                DiagnosticCode::ShareImpossible,
                Severity::Error,
                format!("{}.{}", stated_path, error.path()),
                None,
                None,
                format!(
                    "målet \"{description}\"{}: andelen {} kan inte stämma: {}.",
                    at(place, sv),
                    share.as_written(sv),
                    error.message_in(sv)
                ),
                format!(
                    "goal \"{description}\"{}: the share {} cannot be right: {}.",
                    at(place, en),
                    share.as_written(en),
                    error.message_in(en)
                ),
            ));
        }
    }
    if let Some(target) = goal.target() {
        for (index, statement) in goal.also_stated().iter().enumerate() {
            if statement.target == target {
                continue;
            }
            let mut diagnostic = finding(
                DiagnosticCode::GoalTargetConflict,
                severity(statement.certainty),
                format!("{path}.also_stated[{index}].target"),
                Some(target),
                Some(statement.target),
                format!(
                    "målet \"{description}\" har målvärdet {} i sammanställningen men {} i {} (\"{}\"){}.",
                    number(target, sv),
                    number(statement.target, sv),
                    name(&statement.place, sv),
                    statement.text,
                    unsure(statement.certainty, sv)
                ),
                format!(
                    "the goal \"{description}\" has the target {} in the summary but {} in {} (\"{}\"){}.",
                    number(target, en),
                    number(statement.target, en),
                    name(&statement.place, en),
                    statement.text,
                    unsure(statement.certainty, en)
                ),
            );
            diagnostic.location.compared_with = Some(format!("{path}.target"));
            found.push(diagnostic);
        }
    }
    for (index, statement) in goal.also_reported().iter().enumerate() {
        let Some(difference) = differ(goal.result(), &statement.result) else {
            continue;
        };
        // The summary's figure may be last year's, copied from the column beside it.
        let last_years = goal
            .last_year()
            .is_some_and(|last| differ(goal.result(), last).is_none());
        let hint = |language: Language| {
            if last_years {
                format!(
                    " ({} {} {})",
                    figure(goal.result(), language),
                    language.pick("är förra årets resultat i", "is last year's result in"),
                    name(&statement.place, language)
                )
            } else {
                String::new()
            }
        };
        let certainty = match (statement.certainty, difference.judged) {
            (Certainty::Sure, false) => Certainty::Sure,
            _ => Certainty::Unsure,
        };
        let mut diagnostic = finding(
            DiagnosticCode::ResultStatedMismatch,
            severity(certainty),
            format!("{path}.also_reported[{index}].result.{}", difference.field),
            Some(difference.summary),
            Some(difference.stated),
            format!(
                "målet \"{description}\": sammanställningen redovisar {} men {} {}{}{}.",
                figure(goal.result(), sv),
                name(&statement.place, sv),
                figure(&statement.result, sv),
                hint(sv),
                unsure(statement.certainty, sv)
            ),
            format!(
                "goal \"{description}\": the summary reports {} but {} {}{}{}.",
                figure(goal.result(), en),
                name(&statement.place, en),
                figure(&statement.result, en),
                hint(en),
                unsure(statement.certainty, en)
            ),
        );
        diagnostic.location.compared_with = Some(format!("{path}.result.{}", difference.field));
        found.push(diagnostic);
    }
}

/// A count or a share as the report gives it ("38", "29 % (7 av 24)"): the only results
/// [`differ`] compares. Kept apart from the tables' fuller `GoalResult::shown`, which the web
/// form's module does not otherwise need.
fn figure(result: &GoalResult, language: Language) -> String {
    match result {
        GoalResult::Count(count) => number(count.value(), language),
        GoalResult::Share(share) => share.as_written(language),
        other => other.code().to_owned(),
    }
}

/// ", om det är samma mål": said of a finding through an unsure match.
fn unsure(certainty: Certainty, language: Language) -> &'static str {
    match certainty {
        Certainty::Sure => "",
        Certainty::Unsure => language.pick(" (om det är samma mål)", " (if it is the same goal)"),
    }
}

/// How two statements of one result differ: the field, the summary's figure and the other's,
/// and whether telling them apart takes a judgement (a percentage against a fraction).
struct Difference {
    field: &'static str,
    summary: Decimal,
    stated: Decimal,
    judged: bool,
}

fn differ(summary: &GoalResult, stated: &GoalResult) -> Option<Difference> {
    let exact = |field, summary: Decimal, stated: Decimal| {
        (summary != stated).then_some(Difference {
            field,
            summary,
            stated,
            judged: false,
        })
    };
    match (summary, stated) {
        (GoalResult::Count(a), GoalResult::Count(b)) => exact("value", a.value(), b.value()),
        (GoalResult::Share(a), GoalResult::Share(b)) => {
            let fields = [
                ("percent", a.percent(), b.percent()),
                ("numerator", a.numerator(), b.numerator()),
                ("denominator", a.denominator(), b.denominator()),
            ];
            let common: Vec<(&'static str, Decimal, Decimal)> = fields
                .into_iter()
                .filter_map(|(field, a, b)| Some((field, a?, b?)))
                .collect();
            if common.is_empty() {
                // One gives a percentage, the other a fraction: they differ only beyond
                // rounding, and saying so is a judgement.
                let (x, y) = (
                    a.value_percent(ShareBasis::Fraction)?,
                    b.value_percent(ShareBasis::Fraction)?,
                );
                return ((x - y).abs() >= PERCENT_TOLERANCE).then(|| Difference {
                    field: "percent",
                    summary: x.round_dp(1),
                    stated: y.round_dp(1),
                    judged: true,
                });
            }
            common
                .into_iter()
                .find_map(|(field, a, b)| exact(field, a, b))
        }
        _ => None,
    }
}

/// Places each finding in the document the report was read from: the source of its path (or
/// of the nearest field around it that has one), and likewise of the place it is compared with.
pub(super) fn place_in_document(sources: &[Source], found: &mut [Diagnostic]) {
    if sources.is_empty() {
        return;
    }
    // The sources by path, and for one path in the order the reader gave them, so that a
    // path finds its first source by binary search: a report of 10 000 interventions has as
    // many findings as it has sections, and a scan per finding made placing them quadratic.
    let mut by_path: Vec<(&str, usize, Place)> = sources
        .iter()
        .enumerate()
        .map(|(index, source)| (source.path.as_str(), index, source.place))
        .collect();
    by_path.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let place_of = |path: &str| -> Option<Place> {
        let mut path = path;
        loop {
            let first = by_path.partition_point(|(known, _, _)| *known < path);
            if let Some((known, _, place)) = by_path.get(first) {
                if *known == path {
                    return Some(*place);
                }
            }
            path = &path[..path.rfind(['.', '['])?];
        }
    };
    for diagnostic in found {
        let location = &mut diagnostic.location;
        let places: Vec<Place> = std::iter::once(location.path.as_str())
            .chain(location.compared_with.as_deref())
            .filter_map(place_of)
            .collect();
        location.places = places;
    }
}
