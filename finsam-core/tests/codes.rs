//! Every code of the enums that list their variants is its serde name: not empty, unique, and
//! what the JSON format writes; the tagged enums' codes are the tag serde writes.

use finsam_core::{DiagnosticCode, EndReason, ErrorKind, FlowField, GoalResult, Table};
use rust_decimal::Decimal;
use serde::Serialize;

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

#[test]
fn codes_are_the_serde_names() {
    let lists: [Vec<(&str, String)>; 5] = [
        ErrorKind::ALL.map(|k| (k.code(), json(&k))).to_vec(),
        DiagnosticCode::ALL.map(|k| (k.code(), json(&k))).to_vec(),
        Table::ALL.map(|k| (k.code(), json(&k))).to_vec(),
        FlowField::ALL.map(|k| (k.code(), json(&k))).to_vec(),
        EndReason::ALL.map(|k| (k.code(), json(&k))).to_vec(),
    ];
    for list in lists {
        let mut seen = std::collections::HashSet::new();
        for (code, written) in list {
            assert!(!code.is_empty());
            assert!(seen.insert(code), "{code} twice");
            assert_eq!(format!("\"{code}\""), written);
        }
    }
    assert_eq!(ErrorKind::ShareAbove100.code(), "share_above_100");
}

#[test]
fn a_result_code_is_its_type_tag() -> Result<(), finsam_core::Error> {
    let results = [
        GoalResult::count(Decimal::from(3))?,
        GoalResult::share_percent(Decimal::from(40))?,
        GoalResult::qualitative(
            "Ökad samverkan",
            finsam_core::QualitativeAssessment::Reached,
        )?,
        GoalResult::not_measured(None),
        GoalResult::not_applicable(None),
        GoalResult::missing(),
    ];
    for result in results {
        let written: serde_json::Value = serde_json::to_value(&result).unwrap_or_default();
        assert_eq!(
            written.get("type").and_then(|t| t.as_str()),
            Some(result.code())
        );
    }
    Ok(())
}
