//! The shared test vectors in `tests/vectors/`, read by the Rust tests, pytest and the Node
//! tests alike: grading cases with their expected grade, score, rule, comparison, goal statuses
//! and explanations; and bad inputs with their expected error code and path.

use finsam_core::format::from_json;
use finsam_core::{grade, GradingPolicy, Intervention, Language, Report};
use serde_json::{json, Value};

const GRADING: &str = include_str!("vectors/grading.json");
const ERRORS: &str = include_str!("vectors/errors.json");

fn cases(text: &str) -> Vec<Value> {
    let document: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    let cases = document
        .get("cases")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    assert!(!cases.is_empty(), "the vector file has cases");
    cases
}

/// What the library computes for a grading case, in the vectors' `expected` form.
fn outcome(case: &Value) -> Result<Value, finsam_core::Error> {
    let policy = match case.get("policy") {
        Some(Value::Null) | None => GradingPolicy::default(),
        Some(policy) => GradingPolicy::from_json(&policy.to_string())?,
    };
    let intervention: Intervention = from_json(
        &case
            .get("intervention")
            .map(Value::to_string)
            .unwrap_or_default(),
    )?;
    let assessment = grade(&intervention, &policy)?;
    Ok(json!({
        "grade": assessment.grade.map(|g| g.code()),
        "score": assessment.score.map(|s| s.to_string()),
        "rule": assessment.rule.code(),
        "comparison": assessment.comparison.map(|c| c.code()),
        "goal_statuses": assessment.goals.iter().map(|g| g.status.code()).collect::<Vec<_>>(),
        "explanation_sv": assessment.explain(Language::Swedish),
        "explanation_en": assessment.explain(Language::English),
    }))
}

#[test]
fn grading_vectors() -> Result<(), finsam_core::Error> {
    for case in cases(GRADING) {
        let name = case.get("name").and_then(Value::as_str).unwrap_or("?");
        let actual = outcome(&case)?;
        assert_eq!(Some(&actual), case.get("expected"), "vector {name}");
    }
    Ok(())
}

/// A vector that loads, because a report may print it, but that validation refuses and the
/// checker reports: the first validation error is the expected one, and the report's findings
/// hold the expected finding.
fn printed_but_impossible(case: &Value, name: &str, what: Option<&str>, input: &str) {
    let expected = case.get("expected").cloned().unwrap_or_default();
    let validated = match what {
        Some("report") => {
            let report = Report::from_json(input);
            assert!(report.is_ok(), "vector {name} loads: {report:?}");
            if let (Ok(report), Some(finding)) = (&report, case.get("finding")) {
                let found: Vec<Value> = report
                    .check()
                    .iter()
                    .map(|d| {
                        json!({"code": d.code.code(), "path": d.location.path,
                               "message_sv": d.message_sv, "message_en": d.message_en})
                    })
                    .collect();
                assert_eq!(
                    found,
                    std::slice::from_ref(finding),
                    "vector {name}, checked"
                );
            }
            finsam_core::format::validate_report_json(input)
        }
        Some("intervention") => {
            let loaded = from_json::<Intervention>(input);
            assert!(loaded.is_ok(), "vector {name} loads: {loaded:?}");
            finsam_core::format::validate_intervention_json(input)
        }
        _ => {
            assert_eq!(
                what,
                Some("report"),
                "vector {name}: only reports and interventions load as printed"
            );
            Vec::new()
        }
    };
    let found: Vec<Value> = validated
        .iter()
        .map(|e| json!({"code": e.code(), "path": e.path()}))
        .collect();
    assert_eq!(found, [expected], "vector {name}, validated");
}

#[test]
fn error_vectors() {
    for case in cases(ERRORS) {
        let name = case.get("name").and_then(Value::as_str).unwrap_or("?");
        let input = case
            .get("input")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let what = case.get("what").and_then(Value::as_str);
        if case.get("loads") == Some(&Value::Bool(true)) {
            printed_but_impossible(&case, name, what, input);
            continue;
        }
        let error = match what {
            Some("report") => Report::from_json(input).err(),
            Some("intervention") => from_json::<Intervention>(input).err(),
            Some("policy") => GradingPolicy::from_json(input).err(),
            _ => None,
        };
        assert!(
            error.is_some(),
            "vector {name} ({what:?}) must fail to load"
        );
        let expected = case.get("expected");
        // The messages are asserted where the vector gives them.
        let with_messages = expected.is_some_and(|e| e.get("message_en").is_some());
        let found = error.map(|e| {
            if with_messages {
                json!({"code": e.code(), "path": e.path(),
                       "message_sv": e.message_in(Language::Swedish),
                       "message_en": e.message_in(Language::English)})
            } else {
                json!({"code": e.code(), "path": e.path()})
            }
        });
        assert_eq!(found.as_ref(), expected, "vector {name}");
        // Validation (what a form shows) reports the same error first.
        if what == Some("report") {
            let first = finsam_core::format::validate_report_json(input);
            assert_eq!(
                first.first().map(|e| e.code()),
                expected.and_then(|e| e.get("code")).and_then(Value::as_str),
                "vector {name}, validated"
            );
        }
    }
}
