//! The schema of what the core writes covers the types the bindings receive, each under its
//! Rust name, with decimals as strings.

use serde_json::Value;

#[test]
fn output_schema_defines_the_types_bindings_receive() {
    let schema = finsam_core::format::schema::output_schema();
    let defs = schema.get("$defs").and_then(Value::as_object);
    let names: Vec<&str> = defs
        .map(|d| d.keys().map(String::as_str).collect())
        .unwrap_or_default();
    for wanted in [
        "Report",
        "Intervention",
        "Goal",
        "GoalResult",
        "Assessment",
        "GoalAssessment",
        "Rule",
        "Agreement",
        "Calibration",
        "ShareBasisTrial",
        "Diagnostic",
        "Location",
        "FlowTable",
        "FlowFigures",
        "EconomicsSummary",
        "Table",
        "Column",
        "ErrorKind",
        "Decimal",
        "Aligned",
        "SeriesComparison",
    ] {
        assert!(
            names.contains(&wanted),
            "{wanted} is not defined; defined: {names:?}"
        );
    }
    assert_eq!(
        schema
            .pointer("/$defs/Decimal/format")
            .and_then(Value::as_str),
        Some("decimal")
    );
    // What a binding reads of a diagnostic is what serde writes.
    let diagnostic = schema
        .pointer("/$defs/Diagnostic/properties")
        .and_then(Value::as_object);
    let fields: Vec<&str> = diagnostic
        .map(|p| p.keys().map(String::as_str).collect())
        .unwrap_or_default();
    assert_eq!(
        fields,
        [
            "code",
            "severity",
            "location",
            "expected",
            "printed",
            "message_sv",
            "message_en"
        ]
    );
}
