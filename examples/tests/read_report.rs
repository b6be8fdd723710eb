//! Runs the `read_report` example on the 2014 appendix as text, and checks what it prints: the
//! findings with where they stand in the document, and with `--json` one object with the
//! report, the reading record and the findings.

mod support;

fn run(args: &[&str]) -> (bool, String, String) {
    support::run("read_report", args)
}

const TEXT_2014: &str = "../finsam-core/tests/documents/arsredovisning-2014-bilaga2.txt";

#[test]
fn prints_each_finding_with_both_places_in_the_document() {
    let (ok, out, err) = run(&[TEXT_2014, "--en"]);
    assert!(ok, "{err}");
    assert!(out.contains("\nThe checker found: 14\n"), "{out}");
    assert!(out.contains(
        "  ERROR result_stated_mismatch: Lyra: goal \"50 % i arbete/studier (1 år efter avslut)\": the summary reports 74% but the section's table 67% (10 of 15).\n    (line 465, table 10, row 4, cell 2 against line 15, table 1, row 9, cell 3)\n"
    ), "{out}");
}

#[test]
fn prints_one_json_object_with_the_report_its_reading_and_the_findings() {
    let (ok, out, err) = run(&[TEXT_2014, "--json"]);
    assert!(ok, "{err}");
    let value: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    let mut keys: Vec<&str> = value
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    keys.sort_unstable();
    assert_eq!(keys, ["findings", "reading", "report"]);
    let findings = value.get("findings").and_then(|f| f.as_array());
    assert_eq!(findings.map(Vec::len), Some(14));
    let first = findings.and_then(|f| f.first());
    assert_eq!(
        first.and_then(|f| f.pointer("/location/places/0/line")),
        Some(&serde_json::json!(92))
    );
    assert_eq!(
        first.and_then(|f| f.pointer("/location/compared_with")),
        Some(&serde_json::json!("interventions[0].goals[0].target"))
    );
}
