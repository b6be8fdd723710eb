//! Validation that reports every error of a document at once.

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
        Ok(_) => return Vec::new(),
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
    for (index, intervention) in interventions.into_iter().enumerate() {
        errors.extend(
            validate_intervention_value(intervention)
                .into_iter()
                .map(|e| e.under(&format!("interventions[{index}]"))),
        );
    }
    if errors.is_empty() {
        // The parts are sound on their own; the error is between them (e.g. a duplicate id).
        errors.push(first);
    }
    errors
}

/// Checks one intervention in the JSON format and returns every error found (each goal is
/// checked on its own). Paths are relative to the intervention.
pub fn validate_intervention_json(json: &str) -> Vec<Error> {
    match serde_json::from_str::<serde_json::Value>(json) {
        Ok(value) => validate_intervention_value(value),
        Err(_) => from_json::<crate::model::intervention::Intervention>(json)
            .err()
            .into_iter()
            .collect(),
    }
}

fn validate_intervention_value(value: serde_json::Value) -> Vec<Error> {
    let first = match from_value::<crate::model::intervention::Intervention>(value.clone()) {
        Ok(_) => return Vec::new(),
        Err(error) => error,
    };
    let serde_json::Value::Object(mut fields) = value else {
        return vec![first];
    };
    let Some(serde_json::Value::Array(goals)) = fields.remove("goals") else {
        return vec![first];
    };
    let mut errors = Vec::new();
    fields.insert("goals".into(), serde_json::Value::Array(Vec::new()));
    if let Err(error) =
        from_value::<crate::model::intervention::Intervention>(serde_json::Value::Object(fields))
    {
        errors.push(error);
    }
    for (index, goal) in goals.into_iter().enumerate() {
        if let Err(error) = from_value::<Goal>(goal) {
            errors.push(error.under(&format!("goals[{index}]")));
        }
    }
    if errors.is_empty() {
        errors.push(first);
    }
    errors
}
