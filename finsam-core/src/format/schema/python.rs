//! Python record classes generated from the output schema: each listed `$defs` entry becomes a
//! frozen dataclass whose fields are the type's serde fields, annotated with Python types
//! (`Decimal` for a decimal string, `Grade` for a grade, `Optional[...]` for a value that may be
//! absent, `Tuple[X, ...]` for a list, `Literal[...]` for a code, the record's class for a
//! nested record), with the doc comments as docstrings. The Python binding's build script writes
//! the module; its one builder (`finsam._convert.build`) reads the annotations to build a record
//! from what the core serialises, so a field added to a core type reaches Python with no edit
//! in the binding.
//!
//! ```
//! use finsam_core::format::schema::{output_schema, python::{python_records, Record}};
//! let source = python_records(&output_schema(), &[Record::new("PlannedCost", "PlannedCost")]).unwrap();
//! assert!(source.contains("@dataclass(frozen=True)\nclass PlannedCost:"));
//! assert!(source.contains("    amount: Decimal\n"));
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{Map, Value};

/// One record to generate: the Rust type (its name in `$defs`), the Python class name, and
/// optionally a base class of the module `_methods` that gives it methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record<'a> {
    /// The type's name in the schema's `$defs` (its Rust name).
    pub rust: &'a str,
    /// The Python class.
    pub python: &'a str,
    /// A class of the Python module `_methods` the record derives from, for its methods.
    pub base: Option<&'a str>,
}

impl<'a> Record<'a> {
    /// A record of `rust` named `python`, without methods.
    pub const fn new(rust: &'a str, python: &'a str) -> Record<'a> {
        Record {
            rust,
            python,
            base: None,
        }
    }

    /// The same record deriving from `_methods.<base>`.
    pub const fn with_base(self, base: &'a str) -> Record<'a> {
        Record {
            base: Some(base),
            ..self
        }
    }
}

/// Python's keywords, which cannot name a field.
const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// The source of a Python module defining `records` from `schema` (the output schema, whose
/// `$defs` hold every type by its Rust name). An error names what cannot be written in Python:
/// a listed type that is not an object, a field whose type is another object that is not
/// listed, a number that is not a whole number.
pub fn python_records(schema: &Value, records: &[Record<'_>]) -> Result<String, String> {
    let defs = schema
        .get("$defs")
        .and_then(Value::as_object)
        .ok_or("the schema has no $defs")?;
    let names: BTreeMap<&str, &str> = records.iter().map(|r| (r.rust, r.python)).collect();
    let generator = Generator {
        defs,
        names: &names,
    };
    let mut out = String::from(
        "\"\"\"The records of finsam: frozen dataclasses generated from the core's JSON Schema by\n\
         ``finsam_core::format::schema::python`` when the binding is built. Do not edit: a field\n\
         added to a core type appears here by itself.\"\"\"\n\n\
         from __future__ import annotations\n\n\
         from dataclasses import dataclass, field\n\
         from decimal import Decimal\n\
         from typing import Literal, Optional, Tuple, Union\n\n\
         from . import _methods\n\
         from ._grade import Grade\n\n",
    );
    out.push_str("__all__ = [\n");
    let mut sorted: Vec<&str> = records.iter().map(|r| r.python).collect();
    sorted.sort_unstable();
    for name in sorted {
        let _ = writeln!(out, "    \"{name}\",");
    }
    out.push_str("]\n");
    for record in records {
        out.push_str("\n\n");
        out.push_str(&generator.class(record)?);
    }
    // Every generated module uses these names, whether or not its records do.
    out.push_str(
        "\n\n_USED = (field, Decimal, Literal, Optional, Tuple, Union, Grade, _methods)\n",
    );
    Ok(out)
}

struct Generator<'a> {
    defs: &'a Map<String, Value>,
    names: &'a BTreeMap<&'a str, &'a str>,
}

/// A field's Python type and what an absent value defaults to.
struct Annotation {
    text: String,
    /// The default when the serialised record leaves the field out.
    default: Option<String>,
}

impl Generator<'_> {
    fn class(&self, record: &Record<'_>) -> Result<String, String> {
        let def = self
            .defs
            .get(record.rust)
            .ok_or_else(|| format!("the schema has no type {}", record.rust))?;
        let properties = def
            .get("properties")
            .and_then(Value::as_object)
            .ok_or_else(|| format!("{} is not an object with fields", record.rust))?;
        let required: Vec<&str> = def
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut fields = Vec::new();
        let mut defaulted = Vec::new();
        for (name, schema) in properties {
            if KEYWORDS.contains(&name.as_str()) {
                return Err(format!("{}.{name} is a Python keyword", record.rust));
            }
            let here = format!("{}.{name}", record.rust);
            let annotation = self.annotation(schema, &here)?;
            let mut text = format!("    {name}: {}", annotation.text);
            let absent = !required.contains(&name.as_str());
            if absent {
                let default = annotation
                    .default
                    .ok_or_else(|| format!("{here} may be absent but has no default"))?;
                let _ = write!(text, " = {default}");
            }
            text.push('\n');
            if let Some(doc) = schema.get("description").and_then(Value::as_str) {
                text.push_str(&docstring(doc, "    "));
            }
            if absent {
                defaulted.push(text);
            } else {
                fields.push(text);
            }
        }
        let base = record
            .base
            .map(|b| format!("(_methods.{b})"))
            .unwrap_or_default();
        let mut out = format!("@dataclass(frozen=True)\nclass {}{base}:\n", record.python);
        let doc = def
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or(record.python);
        out.push_str(&docstring(doc, "    "));
        if fields.is_empty() && defaulted.is_empty() {
            out.push_str("    pass\n");
        }
        for text in fields.into_iter().chain(defaulted) {
            out.push('\n');
            out.push_str(&text);
        }
        Ok(out)
    }

    fn annotation(&self, schema: &Value, here: &str) -> Result<Annotation, String> {
        let plain = |text: String| Annotation {
            text,
            default: None,
        };
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let name = reference.trim_start_matches("#/$defs/");
            if let Some(python) = self.names.get(name) {
                let fills = self.fills_itself(name);
                return Ok(Annotation {
                    text: (*python).to_owned(),
                    default: fills.then(|| format!("field(default_factory=lambda: {python}())")),
                });
            }
            if name == "Grade" {
                return Ok(plain("Grade".to_owned()));
            }
            let def = self
                .defs
                .get(name)
                .ok_or_else(|| format!("{here}: the schema has no type {name}"))?;
            if def.get("properties").is_some() {
                return Err(format!("{here}: {name} is a record that is not generated"));
            }
            return self.annotation(def, here);
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(options) = schema.get(key).and_then(Value::as_array) {
                return self.union(options, here);
            }
        }
        if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
            if let [only] = all.as_slice() {
                return self.annotation(only, here);
            }
        }
        if let Some(codes) = schema.get("enum").and_then(Value::as_array) {
            return Ok(plain(literal(codes, here)?));
        }
        if let Some(code) = schema.get("const") {
            return Ok(plain(literal(std::slice::from_ref(code), here)?));
        }
        match schema.get("type") {
            Some(Value::Array(types)) => {
                let options: Vec<Value> = types
                    .iter()
                    .map(|t| {
                        let mut one = schema.clone();
                        if let Some(object) = one.as_object_mut() {
                            object.insert("type".to_owned(), t.clone());
                        }
                        one
                    })
                    .collect();
                self.union(&options, here)
            }
            Some(Value::String(kind)) => match kind.as_str() {
                "string" if schema.get("format").and_then(Value::as_str) == Some("decimal") => {
                    Ok(plain("Decimal".to_owned()))
                }
                "string" => Ok(plain("str".to_owned())),
                "integer" => Ok(plain("int".to_owned())),
                "boolean" => Ok(plain("bool".to_owned())),
                "null" => Ok(plain("None".to_owned())),
                "array" => {
                    let items = schema
                        .get("items")
                        .ok_or_else(|| format!("{here}: a list without items"))?;
                    let item = self.annotation(items, here)?;
                    Ok(Annotation {
                        text: format!("Tuple[{}, ...]", item.text),
                        default: Some("()".to_owned()),
                    })
                }
                other => Err(format!(
                    "{here}: a value of type {other} has no Python record type"
                )),
            },
            _ => Err(format!("{here}: a value of no known type")),
        }
    }

    /// `Optional[...]` of the one other option when one option is `null`, else a `Union` (or a
    /// `Literal` when every option is a code).
    fn union(&self, options: &[Value], here: &str) -> Result<Annotation, String> {
        let is_null = |o: &Value| o.get("type").and_then(Value::as_str) == Some("null");
        let nullable = options.iter().any(is_null);
        let rest: Vec<&Value> = options.iter().filter(|o| !is_null(o)).collect();
        let codes: Option<Vec<Value>> = rest.iter().map(|o| o.get("const").cloned()).collect();
        let inner = match (codes, rest.as_slice()) {
            (Some(codes), _) if !codes.is_empty() => literal(&codes, here)?,
            (_, [only]) => self.annotation(only, here)?.text,
            _ => {
                let texts = rest
                    .iter()
                    .map(|o| self.annotation(o, here).map(|a| a.text))
                    .collect::<Result<Vec<_>, _>>()?;
                format!("Union[{}]", texts.join(", "))
            }
        };
        Ok(if nullable {
            Annotation {
                text: format!("Optional[{inner}]"),
                default: Some("None".to_owned()),
            }
        } else {
            Annotation {
                text: inner,
                default: None,
            }
        })
    }

    /// Whether every field of the record `name` may be absent, so that it can default to
    /// itself with no fields.
    fn fills_itself(&self, name: &str) -> bool {
        self.defs
            .get(name)
            .and_then(|def| def.get("required"))
            .and_then(Value::as_array)
            .is_none_or(Vec::is_empty)
    }
}

/// `Literal["a", "b"]` of string codes.
fn literal(codes: &[Value], here: &str) -> Result<String, String> {
    let texts = codes
        .iter()
        .map(|c| {
            c.as_str()
                .map(python_string)
                .ok_or_else(|| format!("{here}: a code that is not a string"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(format!("Literal[{}]", texts.join(", ")))
}

/// A Python string literal of `text`.
fn python_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text` as a docstring indented by `indent`.
fn docstring(text: &str, indent: &str) -> String {
    let text = text
        .trim()
        .replace('\\', "\\\\")
        .replace("\"\"\"", "\\\"\\\"\\\"");
    let mut out = format!("{indent}\"\"\"");
    for (index, line) in text.lines().enumerate() {
        if index > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(indent);
            }
        }
        out.push_str(line);
    }
    if text.ends_with('"') {
        out.push(' ');
    }
    out.push_str("\"\"\"\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema() -> Value {
        json!({"$defs": {
            "Decimal": {"type": "string", "format": "decimal"},
            "Unit": {"oneOf": [{"type": "string", "const": "tkr"}, {"type": "string", "const": "sek"}]},
            "Grade": {"enum": ["very_good", "good"]},
            "Figures": {"type": "object", "description": "Sums.",
                "properties": {"budget": {"$ref": "#/$defs/Decimal", "description": "The \"budget\"."}},
                "required": ["budget"]},
            "Row": {"type": "object", "description": "A row.\nTwo lines.",
                "properties": {
                    "label": {"type": ["string", "null"]},
                    "unit": {"$ref": "#/$defs/Unit"},
                    "grade": {"anyOf": [{"$ref": "#/$defs/Grade"}, {"type": "null"}]},
                    "lines": {"type": "array", "items": {"$ref": "#/$defs/Figures"}},
                    "count": {"type": "integer"},
                    "figure": {"oneOf": [{"type": "integer"}, {"const": "not_applicable"}]},
                    "sums": {"$ref": "#/$defs/Figures"}},
                "required": ["unit", "count", "figure", "sums", "grade"]},
        }})
    }

    #[test]
    fn writes_typed_frozen_dataclasses_with_defaults_last() -> Result<(), String> {
        let records = [
            Record::new("Figures", "Figures"),
            Record::new("Row", "Row").with_base("RowMethods"),
        ];
        let source = python_records(&schema(), &records)?;
        assert!(source.contains(
            "@dataclass(frozen=True)\nclass Figures:\n    \"\"\"Sums.\"\"\"\n\n    budget: Decimal\n    \"\"\"The \"budget\".\"\"\"\n"
        ));
        assert!(source
            .contains("class Row(_methods.RowMethods):\n    \"\"\"A row.\n    Two lines.\"\"\"\n"));
        let fields: Vec<&str> = source
            .lines()
            .skip_while(|l| !l.starts_with("class Row"))
            .filter(|l| l.starts_with("    ") && l.contains(": "))
            .collect();
        assert_eq!(
            fields,
            [
                "    unit: Literal[\"tkr\", \"sek\"]",
                "    grade: Optional[Grade]",
                "    count: int",
                "    figure: Union[int, Literal[\"not_applicable\"]]",
                "    sums: Figures",
                "    label: Optional[str] = None",
                "    lines: Tuple[Figures, ...] = ()",
            ]
        );
        Ok(())
    }

    #[test]
    fn refuses_what_python_records_cannot_hold() {
        let unlisted = python_records(&schema(), &[Record::new("Row", "Row")]);
        assert_eq!(
            unlisted,
            Err("Row.lines: Figures is a record that is not generated".to_owned())
        );
        let missing = python_records(&schema(), &[Record::new("Nothing", "Nothing")]);
        assert_eq!(missing, Err("the schema has no type Nothing".to_owned()));
    }

    #[test]
    fn every_record_of_the_output_schema_can_be_written() -> Result<(), String> {
        let schema = crate::format::schema::output_schema();
        let source = python_records(
            &schema,
            &[
                Record::new("Line", "Line"),
                Record::new("Income", "Income"),
                Record::new("PlannedCost", "PlannedCost"),
            ],
        )?;
        assert!(source.contains("class Income:"));
        assert!(source.contains("    lines: Tuple[Line, ...]"));
        Ok(())
    }
}
