//! TypeScript declarations generated from the schemas of this module, so that the WebAssembly
//! package declares exactly the shapes the core reads and writes (finsam-wasm's build script
//! writes them into the package's `.d.ts`).
//!
//! Every definition becomes an `export interface` (an object with properties) or an
//! `export type` (unions, string-literal unions for enums, `Decimal = string`), with its doc
//! comment. Nothing becomes `any`: a schema that allows every value is `unknown`.
//!
//! A type is read ([`read_schema`]) and written ([`written_schema`]) under one Rust name. When
//! the two contracts give it the same schema it is declared once. When they differ, the shape
//! read keeps the name (it is the format people write) and the shape written is declared as
//! `…Output`, unless one of the two is a bare string or number (a grade read from any spelling),
//! which is then written in place instead of named.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

use super::output_schema;
use crate::common::locale::Language;
use crate::grading::policy::GradingPolicy;
use crate::model::money::{Money, Rounding};
use crate::model::report::Report;
use crate::series::{SeriesGoalRow, SeriesGradeRow};
use crate::text::TextRow;

/// The TypeScript declarations of every type the core reads ([`read_schema`]) and writes
/// ([`written_schema`]), each as its name and its declaration (with its doc comment), by name.
///
/// ```
/// let declarations = finsam_core::format::schema::typescript::declarations();
/// let decimal = declarations.iter().find(|(name, _)| name == "Decimal");
/// assert_eq!(decimal.map(|(_, d)| d.trim_end()), Some(
///     "/** A decimal number written as a string, such as \"80\" or \"8.5\": plain notation, no exponent, no grouping. */\nexport type Decimal = string;"));
/// ```
pub fn declarations() -> Vec<(String, String)> {
    declarations_of(&read_schema(), &written_schema())
}

/// [`output_schema`] with the other types the WebAssembly binding writes: the flat rows of a
/// series and the language codes.
pub fn written_schema() -> Value {
    let mut schema = output_schema();
    let mut generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    generator.subschema_for::<SeriesGradeRow>();
    generator.subschema_for::<SeriesGoalRow>();
    generator.subschema_for::<Language>();
    if let Some(Value::Object(defs)) = schema.get_mut("$defs") {
        for (name, definition) in generator.take_definitions(true) {
            defs.entry(name).or_insert(definition);
        }
    }
    schema
}

/// The schema whose `$defs` hold every type a binding reads: the report (as
/// [`report_schema`](super::report_schema) describes it), a grading policy, a row of text, and
/// an amount of money with its rounding.
pub fn read_schema() -> Value {
    let mut generator = SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator();
    generator.subschema_for::<Report>();
    generator.subschema_for::<GradingPolicy>();
    generator.subschema_for::<TextRow>();
    generator.subschema_for::<Money>();
    generator.subschema_for::<Rounding>();
    serde_json::json!({ "$defs": generator.take_definitions(true) })
}

/// The declarations of the definitions of `read` (a root schema with `$defs`, itself named by
/// its `title` when it describes a value) and of `written`, named as the module says.
pub fn declarations_of(read: &Value, written: &Value) -> Vec<(String, String)> {
    let read_defs = definitions(read);
    let written_defs = definitions(written);
    let mut names: BTreeMap<&str, (Option<&Value>, Option<&Value>)> = BTreeMap::new();
    for (name, schema) in &read_defs {
        names.entry(name).or_default().0 = Some(schema);
    }
    for (name, schema) in &written_defs {
        names.entry(name).or_default().1 = Some(schema);
    }
    // How each contract refers to each name: a declared name, or a type written in place. A
    // name both contracts define apart (its TypeScript differs, also through what it refers
    // to) is split into the name read and `…Output`, until no more split.
    let mut read_refs = Refs::default();
    let mut written_refs = Refs::default();
    read_refs.root = root_name(read);
    written_refs.root = root_name(written);
    for (&name, &(r, w)) in &names {
        match (r, w) {
            (Some(r), Some(w)) if r != w && primitive(r).is_some() => read_refs.inline(name, r),
            (Some(r), Some(w)) if r != w && primitive(w).is_some() => written_refs.inline(name, w),
            _ => {}
        }
        for refs in [&mut read_refs, &mut written_refs] {
            if !refs.names.contains_key(name) {
                refs.name(name, name);
            }
        }
    }
    let shared = |name: &str, refs: &Refs| refs.names.get(name).is_some_and(|n| n == name);
    loop {
        let split: Vec<&str> = (names.iter())
            .filter_map(|(&name, &(r, w))| {
                let (r, w) = (r?, w?);
                let both = shared(name, &read_refs) && shared(name, &written_refs);
                (both && declaration(name, r, &read_refs) != declaration(name, w, &written_refs))
                    .then_some(name)
            })
            .collect();
        if split.is_empty() {
            break;
        }
        for name in split {
            written_refs.name(name, &format!("{name}Output"));
        }
    }
    let mut declared = Vec::new();
    for (&name, &(r, w)) in &names {
        if let Some(r) = r.filter(|_| shared(name, &read_refs)) {
            declared.push((name.to_owned(), declaration(name, r, &read_refs)));
        }
        let Some(w) = w else { continue };
        match written_refs.names.get(name) {
            Some(output) if output != name && r.is_some() && !is_keyword(output) => {
                declared.push((output.clone(), declaration(output, w, &written_refs)));
            }
            Some(_) if r.is_none() || !shared(name, &read_refs) => {
                declared.push((name.to_owned(), declaration(name, w, &written_refs)));
            }
            _ => {}
        }
    }
    declared
}

/// Whether a reference is written as a TypeScript keyword (a definition written in place).
fn is_keyword(name: &str) -> bool {
    matches!(name, "string" | "number" | "boolean" | "unknown")
}

/// The definitions of a root schema: its `$defs`, and the root itself under its `title` when
/// it describes a value (not only holds definitions).
fn definitions(root: &Value) -> Vec<(String, Value)> {
    let mut defs: Vec<(String, Value)> = root
        .get("$defs")
        .and_then(Value::as_object)
        .map(|defs| defs.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default();
    if let (Some(name), Value::Object(object)) = (root_name(root), root) {
        let mut schema = object.clone();
        for key in ["$schema", "$defs", "title"] {
            schema.remove(key);
        }
        defs.push((name, Value::Object(schema)));
    }
    defs
}

/// The name of a root schema that describes a value: its `title`.
fn root_name(root: &Value) -> Option<String> {
    let describes = ["type", "properties", "oneOf", "anyOf", "$ref"]
        .iter()
        .any(|key| root.get(key).is_some());
    describes
        .then(|| root.get("title").and_then(Value::as_str).map(str::to_owned))
        .flatten()
}

/// How one contract's `$ref`s read: each definition's TypeScript name, or its type in place.
#[derive(Default)]
struct Refs {
    names: BTreeMap<String, String>,
    root: Option<String>,
}

impl Refs {
    fn name(&mut self, definition: &str, name: &str) {
        self.names.insert(definition.to_owned(), name.to_owned());
    }

    fn inline(&mut self, definition: &str, schema: &Value) {
        let written = primitive(schema).unwrap_or("unknown");
        self.names.insert(definition.to_owned(), written.to_owned());
    }

    /// The TypeScript for a `$ref` (`#/$defs/Name`, or `#` for the root).
    fn get(&self, reference: &str) -> String {
        let name = match reference.strip_prefix("#/$defs/") {
            Some(definition) => self.names.get(definition).cloned(),
            None if reference == "#" => self.root.clone(),
            None => None,
        };
        name.unwrap_or_else(|| "unknown".to_owned())
    }
}

/// The TypeScript keyword of a schema that is only a string, number or boolean (whatever its
/// format or pattern), if it is one.
fn primitive(schema: &Value) -> Option<&'static str> {
    let object = schema.as_object()?;
    let structural = [
        "enum",
        "const",
        "oneOf",
        "anyOf",
        "allOf",
        "$ref",
        "items",
        "properties",
    ];
    if structural.iter().any(|key| object.contains_key(*key)) {
        return None;
    }
    match object.get("type")?.as_str()? {
        "string" => Some("string"),
        "integer" | "number" => Some("number"),
        "boolean" => Some("boolean"),
        _ => None,
    }
}

/// One `export` declaration with its doc comment.
fn declaration(name: &str, schema: &Value, refs: &Refs) -> String {
    let mut out = doc_comment(&documentation(schema), "");
    match schema.as_object() {
        Some(object) if is_plain_object(object) => {
            let _ = writeln!(
                out,
                "export interface {name} {}",
                object_type(object, refs, "")
            );
        }
        _ => {
            let _ = writeln!(out, "export type {name} = {};", type_of(schema, refs, ""));
        }
    }
    out
}

/// An object schema with properties and nothing that combines it with other schemas.
fn is_plain_object(object: &Map<String, Value>) -> bool {
    object.contains_key("properties")
        && !["oneOf", "anyOf", "allOf", "$ref", "type"]
            .iter()
            .any(|key| match object.get(*key) {
                Some(Value::String(kind)) => *key != "type" || kind != "object",
                Some(_) => true,
                None => false,
            })
}

/// A schema's description, with the descriptions of the values of a string enum listed after.
fn documentation(schema: &Value) -> String {
    let mut text = description(schema).unwrap_or_default().to_owned();
    let variants = schema.get("oneOf").and_then(Value::as_array);
    for variant in variants.into_iter().flatten() {
        if let (Some(Value::String(value)), Some(about)) =
            (variant.get("const"), description(variant))
        {
            let _ = write!(text, "\n- `{value}`: {}", about.replace('\n', " "));
        }
    }
    text.trim().to_owned()
}

fn description(schema: &Value) -> Option<&str> {
    schema.get("description").and_then(Value::as_str)
}

/// A Rust doc comment as TypeScript documentation: without its code examples (Rust), and
/// with intra-doc links (``[`Grade`]``) as plain code.
fn readable(text: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if !in_code {
            out.push_str(&line.replace("[`", "`").replace("`]", "`"));
            out.push('\n');
        }
    }
    out
}

/// `text` as a `/** … */` comment at `indent`, or nothing when it is empty.
fn doc_comment(text: &str, indent: &str) -> String {
    let text = readable(text).trim().replace("*/", "*\\/");
    if text.is_empty() {
        return String::new();
    }
    if !text.contains('\n') {
        return format!("{indent}/** {text} */\n");
    }
    let mut out = format!("{indent}/**\n");
    for line in text.lines() {
        let _ = writeln!(
            out,
            "{indent} *{}{line}",
            if line.is_empty() { "" } else { " " }
        );
    }
    let _ = writeln!(out, "{indent} */");
    out
}

/// The TypeScript type of a schema, for a declaration indented by `indent`.
fn type_of(schema: &Value, refs: &Refs, indent: &str) -> String {
    let object = match schema {
        Value::Bool(true) => return "unknown".to_owned(),
        Value::Bool(false) => return "never".to_owned(),
        Value::Object(object) => object,
        _ => return "unknown".to_owned(),
    };
    let mut parts: Vec<String> = Vec::new();
    if let Some(reference) = object.get("$ref").and_then(Value::as_str) {
        parts.push(refs.get(reference));
    }
    if let Some(value) = object.get("const") {
        parts.push(value.to_string());
    } else if let Some(values) = object.get("enum").and_then(Value::as_array) {
        parts.push(union(values.iter().map(Value::to_string).collect()));
    } else if let Some(own) = own_type(object, refs, indent) {
        parts.push(own);
    }
    for (key, separator) in [("oneOf", " | "), ("anyOf", " | "), ("allOf", " & ")] {
        if let Some(schemas) = object.get(key).and_then(Value::as_array) {
            let members: Vec<String> = schemas.iter().map(|s| type_of(s, refs, indent)).collect();
            let joined = if separator == " | " {
                union(members)
            } else {
                members.join(separator)
            };
            parts.push(if parts.is_empty() {
                joined
            } else {
                format!("({joined})")
            });
        }
    }
    match parts.len() {
        0 => "unknown".to_owned(),
        _ => parts
            .iter()
            .map(|part| {
                if parts.len() > 1 && part.contains(" | ") && !part.starts_with('(') {
                    format!("({part})")
                } else {
                    part.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(" & "),
    }
}

/// Members of a union, each once, `null` last.
fn union(members: Vec<String>) -> String {
    let mut unique: Vec<String> = Vec::new();
    for member in members {
        if !unique.contains(&member) {
            unique.push(member);
        }
    }
    if let Some(at) = unique.iter().position(|m| m == "null") {
        let null = unique.remove(at);
        unique.push(null);
    }
    unique.join(" | ")
}

/// The type a schema's `type` keyword gives (one type, or a union of several), if it has one.
fn own_type(object: &Map<String, Value>, refs: &Refs, indent: &str) -> Option<String> {
    let kinds: Vec<&str> = match object.get("type")? {
        Value::String(kind) => vec![kind.as_str()],
        Value::Array(kinds) => kinds.iter().filter_map(Value::as_str).collect(),
        _ => return None,
    };
    let members = kinds
        .into_iter()
        .map(|kind| match kind {
            "string" => "string".to_owned(),
            "integer" | "number" => "number".to_owned(),
            "boolean" => "boolean".to_owned(),
            "null" => "null".to_owned(),
            "array" => array_type(object, refs, indent),
            "object" => object_type(object, refs, indent),
            _ => "unknown".to_owned(),
        })
        .collect();
    Some(union(members))
}

/// The type of an array schema: a tuple for `prefixItems`, else `T[]`.
fn array_type(object: &Map<String, Value>, refs: &Refs, indent: &str) -> String {
    if let Some(items) = object.get("prefixItems").and_then(Value::as_array) {
        let items: Vec<String> = items.iter().map(|s| type_of(s, refs, indent)).collect();
        return format!("[{}]", items.join(", "));
    }
    let item = object
        .get("items")
        .map_or_else(|| "unknown".to_owned(), |s| type_of(s, refs, indent));
    if item.contains(' ') || item.contains('\n') {
        format!("({item})[]")
    } else {
        format!("{item}[]")
    }
}

/// The type of an object schema: its properties (optional unless required), each with its doc
/// comment, or a record of its `additionalProperties`.
fn object_type(object: &Map<String, Value>, refs: &Refs, indent: &str) -> String {
    let properties = object.get("properties").and_then(Value::as_object);
    let Some(properties) = properties.filter(|p| !p.is_empty()) else {
        return match object.get("additionalProperties") {
            Some(Value::Bool(false)) => "Record<string, never>".to_owned(),
            Some(values @ Value::Object(_)) => {
                format!("Record<string, {}>", type_of(values, refs, indent))
            }
            _ => "Record<string, unknown>".to_owned(),
        };
    };
    let required: Vec<&str> = object
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let inner = format!("{indent}  ");
    let mut out = String::from("{\n");
    for (key, schema) in properties {
        out.push_str(&doc_comment(
            description(schema).unwrap_or_default(),
            &inner,
        ));
        let optional = if required.contains(&key.as_str()) {
            ""
        } else {
            "?"
        };
        let _ = writeln!(
            out,
            "{inner}{}{optional}: {};",
            property_name(key),
            type_of(schema, refs, &inner)
        );
    }
    out.push_str(indent);
    out.push('}');
    out
}

/// A property name as TypeScript writes it: bare when it is an identifier, else quoted.
fn property_name(key: &str) -> String {
    let mut chars = key.chars();
    let identifier = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if identifier {
        key.to_owned()
    } else {
        Value::String(key.to_owned()).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn read_and_written_shapes_are_declared_once_or_apart() {
        let read = json!({
            "title": "Report",
            "type": "object",
            "properties": {"grade": {"$ref": "#/$defs/Grade"}, "goals": {"type": "array", "items": {"$ref": "#/$defs/Goal"}}},
            "required": ["grade"],
            "$defs": {
                "Grade": {"type": "string", "description": "Any spelling."},
                "Goal": {"type": "object", "properties": {"target": {"anyOf": [{"$ref": "#/$defs/Decimal"}, {"type": "null"}]}}},
                "Decimal": {"type": "string", "format": "decimal"},
                "Decided": {"type": "object", "properties": {"grade": {"$ref": "#/$defs/Grade"}}}
            }
        });
        let written = json!({
            "$defs": {
                "Grade": {"description": "A grade.", "oneOf": [{"const": "good", "description": "God."}, {"const": "not_met"}]},
                "Goal": {"type": "object", "properties": {"target": {"anyOf": [{"$ref": "#/$defs/Decimal"}, {"type": "null"}]}}, "required": ["target"]},
                "Decimal": {"type": "string", "format": "decimal"},
                "Rule": {"oneOf": [
                    {"type": "object", "properties": {"code": {"type": "string", "const": "a"}}, "required": ["code"]},
                    {"type": "object", "properties": {"code": {"const": "b"}}, "$ref": "#/$defs/Goal", "required": ["code"]}
                ]},
                "Map": {"type": "object", "additionalProperties": {"type": ["integer", "null"]}},
                "Pair": {"type": "array", "prefixItems": [{"type": "integer"}, {"type": "string"}]},
                "Anything": true,
                "Decided": {"type": "object", "properties": {"grade": {"$ref": "#/$defs/Grade"}}}
            }
        });
        let ts: String = declarations_of(&read, &written)
            .into_iter()
            .map(|(_, d)| format!("\n{d}"))
            .collect();
        for expected in [
            "export type Decimal = string;",
            "/**\n * A grade.\n * - `good`: God.\n */\nexport type Grade = \"good\" | \"not_met\";",
            "export interface Goal {\n  target?: Decimal | null;\n}",
            "export interface GoalOutput {\n  target: Decimal | null;\n}",
            "export interface Report {\n  grade: string;\n  goals?: Goal[];\n}",
            "export type Rule = {\n  code: \"a\";\n} | GoalOutput & {\n  code: \"b\";\n};",
            "export type Map = Record<string, number | null>;",
            "export type Pair = [number, string];",
            "export type Anything = unknown;",
            // The same schema, but what it refers to differs between the contracts.
            "export interface Decided {\n  grade?: string;\n}",
            "export interface DecidedOutput {\n  grade?: Grade;\n}",
        ] {
            assert!(ts.contains(expected), "missing {expected:?} in\n{ts}");
        }
        assert!(!ts.contains("any;"));
    }
}
