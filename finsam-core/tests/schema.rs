//! The JSON Schema in `docs/finsam-report.schema.json` accepts the sample data and everything the
//! library writes, and rejects the malformed documents the library rejects.

use serde_json::Value;

const SCHEMA: &str = include_str!("../../docs/finsam-report.schema.json");
const SAMPLES: [&str; 4] = [
    include_str!("../../examples/data/arsredovisning-2014.json"),
    include_str!("../../examples/data/arsredovisning-2015.json"),
    include_str!("../../examples/data/arsredovisning-2017.json"),
    include_str!("../../examples/data/halvarsrapport-2019.json"),
];

fn validator() -> Result<jsonschema::Validator, Box<dyn std::error::Error>> {
    let schema: Value = serde_json::from_str(SCHEMA)?;
    Ok(jsonschema::draft202012::new(&schema)?)
}

#[test]
fn sample_data_is_valid_against_the_schema() -> Result<(), Box<dyn std::error::Error>> {
    let validator = validator()?;
    for sample in SAMPLES {
        let document: Value = serde_json::from_str(sample)?;
        let errors: Vec<String> = validator
            .iter_errors(&document)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        // And the library reads what the schema accepts.
        finsam_core::Report::from_json(sample)?;
    }
    Ok(())
}

#[test]
fn schema_rejects_what_the_library_rejects() -> Result<(), Box<dyn std::error::Error>> {
    let validator = validator()?;
    let vectors: Value = serde_json::from_str(include_str!("vectors/errors.json"))?;
    let cases = vectors
        .get("cases")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut checked = 0;
    for case in cases {
        if case.get("what").and_then(Value::as_str) != Some("report") {
            continue;
        }
        let code = case
            .pointer("/expected/code")
            .and_then(Value::as_str)
            .unwrap_or_default();
        // A schema cannot see duplicates of a field inside array items, grade spellings, nor
        // references between parts of the document.
        if matches!(
            code,
            "json_syntax"
                | "duplicate_id"
                | "unknown_intervention"
                | "unknown_item"
                | "unit_mismatch"
                | "invalid_grade"
                | "numerator_above_denominator"
                | "share_above_100"
                | "zero_denominator"
        ) {
            continue;
        }
        let input = case
            .get("input")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let document: Value = serde_json::from_str(input)?;
        assert!(
            !validator.is_valid(&document),
            "the schema accepts {}",
            case.get("name").unwrap_or(&Value::Null)
        );
        checked += 1;
    }
    assert_eq!(checked, 13);
    Ok(())
}

#[test]
fn what_the_library_writes_is_valid_against_the_schema() -> Result<(), Box<dyn std::error::Error>> {
    let validator = validator()?;
    let vectors: Value = serde_json::from_str(include_str!("vectors/grading.json"))?;
    let mut report = finsam_core::Report::new("Samordningsförbundet Prov", "2019-H1".parse()?)?;
    let mut seen = std::collections::HashSet::new();
    for case in vectors
        .get("cases")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
    {
        let text = case
            .get("intervention")
            .map(Value::to_string)
            .unwrap_or_default();
        let intervention: finsam_core::Intervention = finsam_core::format::from_json(&text)?;
        if seen.insert(intervention.id.clone()) {
            report.interventions.push(intervention);
        }
    }
    assert_eq!(report.interventions.len(), 10);
    let written: Value = serde_json::from_str(&report.to_json())?;
    let errors: Vec<String> = validator
        .iter_errors(&written)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    Ok(())
}

/// The fenced ```json blocks of a Markdown text.
fn json_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_start()) {
            (None, "```json") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn the_format_documents_examples_load() -> Result<(), Box<dyn std::error::Error>> {
    let blocks = json_blocks(include_str!("../../docs/format.md"));
    assert_eq!(blocks.len(), 4);
    let report_text = blocks.first().cloned().unwrap_or_default();
    let report = finsam_core::Report::from_json(&report_text)?;
    assert!(validator()?.is_valid(&serde_json::from_str(&report_text)?));
    let policy = finsam_core::GradingPolicy::from_json(
        blocks.get(3).map(String::as_str).unwrap_or_default(),
    )?;
    assert_eq!(policy, finsam_core::GradingPolicy::default());
    let assessments = report.grade(&policy)?;
    // One goal not measured caps Hälsosam at God although its three measured goals are met.
    assert_eq!(
        assessments.first().and_then(|a| a.grade),
        Some(finsam_core::Grade::Good)
    );
    assert_eq!(
        assessments.first().map(|a| a.rule.code()),
        Some("capped_for_unmeasured")
    );

    // The flow-table example: Möjliggörarna 2017, with more new and ended than current.
    let flows: finsam_core::FlowTable =
        finsam_core::format::from_json(blocks.get(1).map(String::as_str).unwrap_or_default())?;
    let mut report = finsam_core::Report::new(
        "Samordningsförbundet Huddinge Botkyrka Salem",
        "2017".parse()?,
    )?;
    report.interventions.push(finsam_core::Intervention::new(
        "mojliggorarna",
        "Möjliggörarna",
        finsam_core::InterventionKind::Individual,
    )?);
    report.flows = Some(flows);
    report.validate()?;
    let codes: Vec<&str> = report.check().iter().map(|d| d.code.code()).collect();
    assert_eq!(
        codes,
        ["flow_new_above_current", "flow_ended_above_current"]
    );

    // The economics example: one wrong figure, the rule's printed allowed amount.
    let economics: finsam_core::Economics =
        finsam_core::format::from_json(blocks.get(2).map(String::as_str).unwrap_or_default())?;
    report.flows = None;
    report.economics = Some(economics);
    report.validate()?;
    assert!(validator()?.is_valid(&serde_json::from_str(&report.to_json())?));
    let diagnostics = report.check();
    let found: Vec<(&str, &str)> = diagnostics
        .iter()
        .map(|d| (d.code.code(), d.location.path.as_str()))
        .collect();
    assert_eq!(
        found,
        [(
            "cost_rule_figure_mismatch",
            "economics.rules[0].printed.allowed"
        )]
    );
    Ok(())
}

#[test]
fn the_format_document_lists_every_diagnostic_code() {
    let document = include_str!("../../docs/format.md");
    for code in finsam_core::DiagnosticCode::ALL {
        assert!(
            document.contains(&format!("| `{}` |", code.code())),
            "docs/format.md lacks {}",
            code.code()
        );
    }
}

#[test]
fn the_format_document_lists_every_error_code() {
    let document = include_str!("../../docs/format.md");
    for kind in finsam_core::ErrorKind::ALL {
        assert!(
            document.contains(&format!("| `{}` |", kind.code())),
            "docs/format.md lacks {}",
            kind.code()
        );
    }
}

/// The object schemas reached from the root of `schema` by property names: for each path of
/// properties (`interventions[].goals[].result`), the object's property names and which are
/// required. `oneOf`/`anyOf` alternatives of one path are merged; the required ones are then
/// left out (each alternative requires its own), as `["*"]`.
fn objects(schema: &Value) -> std::collections::BTreeMap<String, (Vec<String>, Vec<String>)> {
    fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
        match node.get("$ref").and_then(Value::as_str) {
            Some(reference) => reference
                .strip_prefix('#')
                .and_then(|pointer| root.pointer(pointer))
                .map_or(node, |target| resolve(root, target)),
            None => node,
        }
    }
    fn walk(
        root: &Value,
        node: &Value,
        path: String,
        depth: usize,
        found: &mut std::collections::BTreeMap<String, (Vec<String>, Vec<String>)>,
    ) {
        if depth > 12 {
            return;
        }
        let node = resolve(root, node);
        for key in ["oneOf", "anyOf", "allOf"] {
            for alternative in node
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                walk(root, alternative, path.clone(), depth + 1, found);
            }
        }
        if let Some(items) = node.get("items") {
            walk(root, items, format!("{path}[]"), depth + 1, found);
        }
        let Some(properties) = node.get("properties").and_then(Value::as_object) else {
            return;
        };
        let merged = found.contains_key(&path);
        let entry = found.entry(path.clone()).or_default();
        if merged {
            entry.1 = vec!["*".to_owned()];
        }
        for name in properties.keys() {
            if !entry.0.contains(name) {
                entry.0.push(name.clone());
            }
        }
        let required = node
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten();
        for name in required.filter(|_| !merged) {
            let name = name.as_str().unwrap_or_default().to_owned();
            if !entry.1.contains(&name) {
                entry.1.push(name);
            }
        }
        entry.0.sort();
        entry.1.sort();
        for (name, property) in properties {
            let next = if path.is_empty() {
                name.clone()
            } else {
                format!("{path}.{name}")
            };
            walk(root, property, next, depth + 1, found);
        }
    }
    let mut found = std::collections::BTreeMap::new();
    walk(schema, schema, String::new(), 0, &mut found);
    found
}

/// The documented schema has, for every object of the format, exactly the fields the library
/// reads and the same required ones: it is written by hand for its value constraints, and
/// this test keeps it from drifting from the types.
#[test]
fn documented_schema_has_the_fields_of_the_types() -> Result<(), Box<dyn std::error::Error>> {
    let documented: Value = serde_json::from_str(SCHEMA)?;
    let derived = finsam_core::format::schema::report_schema();
    let (documented, derived) = (objects(&documented), objects(&derived));
    let paths =
        |map: &std::collections::BTreeMap<String, _>| map.keys().cloned().collect::<Vec<_>>();
    assert_eq!(paths(&documented), paths(&derived));
    for (path, (fields, required)) in &derived {
        let (documented_fields, documented_required) =
            documented.get(path).cloned().unwrap_or_default();
        assert_eq!(
            &documented_fields, fields,
            "the fields of the object at '{path}'"
        );
        let alternatives = |r: &[String]| r == ["*"];
        if !alternatives(required) && !alternatives(&documented_required) {
            assert_eq!(
                &documented_required, required,
                "the required fields at '{path}'"
            );
        }
    }
    Ok(())
}

/// docs/format.md lists every part the reader looks for and every code of its issues, as the
/// core's schema enumerates them.
#[test]
fn the_format_document_lists_every_part_and_reading_code() {
    let document = include_str!("../../docs/format.md");
    let schema = finsam_core::format::schema::output_schema();
    for name in ["PartKind", "ReadingCode"] {
        let def = schema
            .pointer(&format!("/$defs/{name}"))
            .cloned()
            .unwrap_or_default();
        let listed = def
            .get("enum")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let alternatives = def
            .get("oneOf")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let codes: Vec<String> = listed
            .into_iter()
            .chain(
                alternatives
                    .into_iter()
                    .filter_map(|v| v.get("const").cloned()),
            )
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
        assert!(codes.len() >= 9, "{name}: {codes:?}");
        for code in codes {
            assert!(
                document.contains(&format!("| `{code}` |")),
                "docs/format.md lacks {code}"
            );
        }
    }
}
