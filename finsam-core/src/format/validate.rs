//! Validation that reports every error of a document at once, strictly: a share that cannot
//! be (n above N, above 100 %, "0 av 0") loads, because a report may print one, but a form
//! that validates refuses it as the owner types.

use crate::common::error::{Error, ErrorKind};
use crate::common::json::{from_json, from_value};
use crate::model::goal::Goal;

/// Checks a report in the JSON format and returns every error found, not only the first: when
/// the document as a whole does not load, each intervention and each goal is checked on its
/// own, so that a form can mark every bad field at once. An empty list means the report loads.
///
/// ```
/// use finsam_core::format::validate_report_json;
/// let errors = validate_report_json(r#"{"format_version": 1, "organisation": "X", "period": "2017",
///   "interventions": [{"id": "a", "name": "A", "kind": "individual", "status": "active", "goals": [
///     {"description": "g1", "kind": "share", "target": "120"},
///     {"description": "g2", "kind": "count", "target": "-1"}]}]}"#);
/// let found: Vec<_> = errors.iter().map(|e| (e.code(), e.path())).collect();
/// assert_eq!(found, [("share_above_100", "interventions[0].goals[0].target"),
///                    ("negative_value", "interventions[0].goals[1].target")]);
/// ```
pub fn validate_report_json(json: &str) -> Vec<Error> {
    let first = match crate::model::report::Report::from_json(json) {
        Ok(report) => {
            return report
                .interventions
                .iter()
                .enumerate()
                .flat_map(|(index, intervention)| {
                    intervention_impossibilities(intervention)
                        .map(move |e| e.under(&format!("interventions[{index}]")))
                })
                .collect()
        }
        // A document over the limits is not read further.
        Err(error) if error.kind() == ErrorKind::LimitExceeded => return vec![error],
        Err(error) => error,
    };
    // Syntax errors leave nothing to walk.
    let Ok(serde_json::Value::Object(mut document)) =
        serde_json::from_str::<serde_json::Value>(json)
    else {
        return vec![first];
    };
    let Some(serde_json::Value::Array(interventions)) = document.remove("interventions") else {
        return vec![first];
    };
    let mut errors = Vec::new();
    // The document with each intervention reduced to its id shows the errors of the top-level
    // fields and the tables, whose references to interventions still resolve. An intervention
    // whose id does not parse stands in under a placeholder id, so that indexes stay right;
    // its own check reports the id.
    let stand_ins = interventions
        .iter()
        .enumerate()
        .map(|(index, intervention)| {
            let id = intervention
                .get("id")
                .and_then(serde_json::Value::as_str)
                .filter(|id| {
                    id.parse::<crate::model::intervention::InterventionId>()
                        .is_ok()
                })
                .map(str::to_owned)
                .unwrap_or_else(|| format!("_unreadable.{index}"));
            serde_json::json!({"id": id, "name": id, "kind": "individual", "status": "active"})
        })
        .collect();
    document.insert("interventions".into(), serde_json::Value::Array(stand_ins));
    if let Err(error) =
        from_value::<crate::model::report::Report>(serde_json::Value::Object(document))
    {
        errors.push(error);
    }
    let mut load_errors = errors.len();
    for (index, intervention) in interventions.into_iter().enumerate() {
        let found = validate_intervention_value(intervention);
        load_errors += found.load_errors;
        errors.extend(
            found
                .errors
                .into_iter()
                .map(|e| e.under(&format!("interventions[{index}]"))),
        );
    }
    if load_errors == 0 {
        // The parts load on their own; the error is between them (e.g. a duplicate id).
        errors.insert(0, first);
    }
    errors
}

/// Checks one intervention in the JSON format and returns every error found (each goal is
/// checked on its own). Paths are relative to the intervention.
pub fn validate_intervention_json(json: &str) -> Vec<Error> {
    match serde_json::from_str::<serde_json::Value>(json) {
        Ok(value) => validate_intervention_value(value).errors,
        Err(_) => from_json::<crate::model::intervention::Intervention>(json)
            .err()
            .into_iter()
            .collect(),
    }
}

/// The errors of the shares of an intervention's goals that load as printed but cannot be
/// (see [`crate::GoalResult::impossibility`]), with paths relative to the intervention.
fn intervention_impossibilities(
    intervention: &crate::model::intervention::Intervention,
) -> impl Iterator<Item = Error> + '_ {
    intervention
        .goals
        .iter()
        .enumerate()
        .flat_map(|(index, goal)| {
            goal_impossibilities(goal).map(move |e| e.under(&format!("goals[{index}]")))
        })
}

/// The impossible shares of one goal: its result, last year's, and the results stated
/// elsewhere, with paths relative to the goal.
fn goal_impossibilities(goal: &Goal) -> impl Iterator<Item = Error> + '_ {
    goal.stated_results()
        .into_iter()
        .filter_map(|(path, _, result)| result.impossibility().map(|e| e.under(&path)))
}

/// The errors of one intervention, in the order of its fields, and how many of them keep it
/// from loading (the rest are impossible shares, which load).
struct Found {
    errors: Vec<Error>,
    load_errors: usize,
}

fn validate_intervention_value(value: serde_json::Value) -> Found {
    let first = match from_value::<crate::model::intervention::Intervention>(value.clone()) {
        Ok(intervention) => {
            return Found {
                errors: intervention_impossibilities(&intervention).collect(),
                load_errors: 0,
            }
        }
        Err(error) => error,
    };
    let only_first = |first| Found {
        errors: vec![first],
        load_errors: 1,
    };
    let serde_json::Value::Object(mut fields) = value else {
        return only_first(first);
    };
    let Some(serde_json::Value::Array(goals)) = fields.remove("goals") else {
        return only_first(first);
    };
    let mut errors = Vec::new();
    let mut load_errors = 0;
    fields.insert("goals".into(), serde_json::Value::Array(Vec::new()));
    if let Err(error) =
        from_value::<crate::model::intervention::Intervention>(serde_json::Value::Object(fields))
    {
        errors.push(error);
        load_errors += 1;
    }
    for (index, goal) in goals.into_iter().enumerate() {
        match from_value::<Goal>(goal) {
            Ok(goal) => errors
                .extend(goal_impossibilities(&goal).map(|e| e.under(&format!("goals[{index}]")))),
            Err(error) => {
                errors.push(error.under(&format!("goals[{index}]")));
                load_errors += 1;
            }
        }
    }
    if load_errors == 0 {
        // The goals load on their own; the error is between them and the intervention.
        errors.insert(0, first);
        load_errors = 1;
    }
    Found {
        errors,
        load_errors,
    }
}
