//! The JSON format: reading with typed errors that name the JSON path (and line), writing with
//! decimals as strings. The format is described in `docs/format.md`.
//!
//! Validation errors raised inside serde travel through serde's string-only error channel; they
//! are encoded there by [`SerdeError`] and decoded again in [`from_json`], so the caller gets the
//! original [`ErrorKind`] with the full path.

use std::fmt;

use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::{join_path, Error, ErrorKind, Result};
use crate::goal::{Direction, Goal, GoalKind};
use crate::result::CountResult;
use crate::result::{GoalResult, QualitativeAssessment, QualitativeResult, ShareResult};

const MARK: char = '\u{1}';

/// A finsam [`Error`] on its way through serde. Its `Display` is an internal encoding, read back
/// by [`from_json`]; it never reaches a user.
#[derive(Debug)]
pub struct SerdeError(Error);

impl From<Error> for SerdeError {
    fn from(error: Error) -> SerdeError {
        SerdeError(error)
    }
}

impl fmt::Display for SerdeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{MARK}{}{MARK}{}{MARK}{}",
            self.0.code(),
            self.0.path(),
            self.0.message()
        )
    }
}

/// Wraps a finsam error as a serde error (used by hand-written `Deserialize` impls).
pub(crate) fn to_serde_error<E: serde::de::Error>(error: Error) -> E {
    E::custom(SerdeError(error))
}

/// Limits on what is read, so that a huge or deeply nested input is refused with a clear error
/// at once instead of being worked on for minutes. The defaults are far above any real report
/// (the largest sample is about 40 KB, nested 7 levels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    /// The largest document, in bytes (default 16 MiB).
    pub max_bytes: usize,
    /// The deepest nesting of arrays and objects (default 32).
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 16 * 1024 * 1024,
            max_depth: 32,
        }
    }
}

impl Limits {
    /// Checks `json` against the limits without parsing it: its size, then its nesting (in one
    /// pass that skips strings). The error has code `limit_exceeded`, and for nesting the line
    /// and column where the limit is passed.
    pub fn check(&self, json: &str) -> Result<()> {
        if json.len() > self.max_bytes {
            return Err(Error::new(
                ErrorKind::LimitExceeded,
                "",
                format!(
                    "the document is {} bytes; the limit is {} bytes",
                    json.len(),
                    self.max_bytes
                ),
            ));
        }
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        let (mut line, mut column) = (1usize, 0usize);
        for c in json.chars() {
            if c == '\n' {
                line += 1;
                column = 0;
            } else {
                column += 1;
            }
            if in_string {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => in_string = true,
                '[' | '{' => {
                    depth += 1;
                    if depth > self.max_depth {
                        return Err(Error::new(
                            ErrorKind::LimitExceeded,
                            "",
                            format!("the document nests deeper than {} levels", self.max_depth),
                        )
                        .with_position(line, column));
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        Ok(())
    }
}

/// Reads a value of the JSON format from text. Every error has a kind, the JSON path and, where
/// serde knows it, the line and column. The text is first checked against the default
/// [`Limits`].
pub fn from_json<T: DeserializeOwned>(json: &str) -> Result<T> {
    from_json_with_limits(json, &Limits::default())
}

/// Like [`from_json`] with other [`Limits`].
///
/// ```
/// use finsam_core::json::{from_json_with_limits, Limits};
/// use finsam_core::Report;
/// let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
/// let error = from_json_with_limits::<Report>(&deep, &Limits::default()).unwrap_err();
/// assert_eq!(error.code(), "limit_exceeded");
/// let small = Limits { max_bytes: 10, ..Limits::default() };
/// let error = from_json_with_limits::<Report>(r#"{"format_version": 1}"#, &small).unwrap_err();
/// assert_eq!(error.message(), "the document is 21 bytes; the limit is 10 bytes");
/// ```
pub fn from_json_with_limits<T: DeserializeOwned>(json: &str, limits: &Limits) -> Result<T> {
    limits.check(json)?;
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(convert)?;
    deserializer.end().map_err(|e| {
        let (line, column) = (e.line(), e.column());
        Error::new(
            ErrorKind::JsonSyntax,
            "",
            "trailing characters after the JSON document",
        )
        .with_position(line, column)
    })?;
    Ok(value)
}

/// Writes a value in the JSON format, compact.
pub fn to_json<T: Serialize>(value: &T) -> String {
    // Serialising these types cannot fail: all map keys are strings and no type refuses to
    // serialise itself.
    serde_json::to_string(value).unwrap_or_default()
}

/// Writes a value in the JSON format, indented for people.
pub fn to_json_pretty<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

fn convert(error: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let path = match error.path().to_string().as_str() {
        "." | "?" => String::new(),
        other => other.to_owned(),
    };
    let inner = error.into_inner();
    let (line, column) = (inner.line(), inner.column());
    let full = inner.to_string();
    let suffix = format!(" at line {line} column {column}");
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    let converted = match inner.classify() {
        serde_json::error::Category::Syntax
        | serde_json::error::Category::Eof
        | serde_json::error::Category::Io => Error::new(ErrorKind::JsonSyntax, path, message),
        serde_json::error::Category::Data => data_error(path, message),
    };
    converted.with_position(line, column)
}

/// Turns serde's message for a data error into a typed error.
fn data_error(path: String, message: &str) -> Error {
    if let Some(encoded) = message.strip_prefix(MARK) {
        let mut parts = encoded.splitn(3, MARK);
        let (code, relative, text) = (parts.next(), parts.next(), parts.next());
        if let (Some(kind), Some(relative), Some(text)) =
            (code.and_then(ErrorKind::from_code), relative, text)
        {
            return Error::new(kind, join_path(&path, relative), text);
        }
    }
    let quoted = |rest: &str| rest.split('`').nth(1).map(str::to_owned);
    if let Some(rest) = message.strip_prefix("unknown field ") {
        // serde_path_to_error already stands on the unknown key unless the error came from
        // buffered content; append it only when missing.
        let field = quoted(rest).unwrap_or_default();
        let path = if path.ends_with(&field) {
            path
        } else {
            join_path(&path, &field)
        };
        return Error::new(ErrorKind::UnknownField, path, message);
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let field = quoted(rest).unwrap_or_default();
        return Error::new(ErrorKind::MissingField, join_path(&path, &field), message);
    }
    let kind = if message.starts_with("invalid type") {
        ErrorKind::InvalidType
    } else if message.starts_with("unknown variant") {
        ErrorKind::UnknownVariant
    } else {
        ErrorKind::InvalidValue
    };
    Error::new(kind, path, message)
}

/// A goal's fields as the JSON form gives them, before validation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GoalFields {
    description: String,
    kind: GoalKind,
    #[serde(default, with = "crate::json::decimal::option")]
    target: Option<Decimal>,
    #[serde(default)]
    direction: Direction,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    measures: Option<crate::flows::FlowMeasure>,
    #[serde(default)]
    also_stated: Vec<crate::goal::GoalStatement>,
    #[serde(default = "GoalResult::missing")]
    result: GoalResult,
}

impl TryFrom<GoalFields> for Goal {
    type Error = SerdeError;

    fn try_from(fields: GoalFields) -> std::result::Result<Goal, SerdeError> {
        let mut goal = Goal::new(
            fields.description,
            fields.kind,
            fields.target,
            fields.direction,
            fields.unit,
            fields.result,
        )?;
        if let Some(measure) = fields.measures {
            goal = goal.with_measure(measure)?;
        }
        for statement in fields.also_stated {
            goal = goal.with_statement(statement)?;
        }
        Ok(goal)
    }
}

/// The form of a result, the JSON field `type`.
#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum ResultType {
    Count,
    Share,
    Qualitative,
    NotMeasured,
    NotApplicable,
    Missing,
}

/// A result's fields as the JSON form gives them: every field any form uses, checked against
/// the form in `TryFrom`, so that each error names its own field.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ResultFields {
    #[serde(rename = "type")]
    form: ResultType,
    #[serde(default, with = "crate::json::decimal::option")]
    value: Option<Decimal>,
    #[serde(default, with = "crate::json::decimal::option")]
    percent: Option<Decimal>,
    #[serde(default, with = "crate::json::decimal::option")]
    numerator: Option<Decimal>,
    #[serde(default, with = "crate::json::decimal::option")]
    denominator: Option<Decimal>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    assessment: Option<QualitativeAssessment>,
    #[serde(default)]
    wording: Option<String>,
}

impl ResultFields {
    /// Rejects every field that is given but not among `allowed` for the result's form.
    fn only(&self, form: &str, allowed: &[&str]) -> Result<()> {
        let given = [
            ("value", self.value.is_some()),
            ("percent", self.percent.is_some()),
            ("numerator", self.numerator.is_some()),
            ("denominator", self.denominator.is_some()),
            ("text", self.text.is_some()),
            ("assessment", self.assessment.is_some()),
            ("wording", self.wording.is_some()),
        ];
        for (field, present) in given {
            if present && !allowed.contains(&field) {
                return Err(Error::new(
                    ErrorKind::UnknownField,
                    field,
                    format!("unknown field `{field}`: a {form} result does not have it"),
                ));
            }
        }
        Ok(())
    }
}

fn required<T>(value: Option<T>, field: &str, form: &str) -> Result<T> {
    value.ok_or_else(|| {
        Error::new(
            ErrorKind::MissingField,
            field,
            format!("missing field `{field}`: a {form} result needs it"),
        )
    })
}

impl TryFrom<ResultFields> for GoalResult {
    type Error = SerdeError;

    fn try_from(fields: ResultFields) -> std::result::Result<GoalResult, SerdeError> {
        let result = match fields.form {
            ResultType::Count => {
                fields.only("count", &["value", "text"])?;
                let value = required(fields.value, "value", "count")?;
                GoalResult::Count(CountResult::new(value)?.with_text(fields.text))
            }
            ResultType::Share => {
                fields.only("share", &["percent", "numerator", "denominator", "text"])?;
                let fraction = match (fields.numerator, fields.denominator) {
                    (None, None) => None,
                    (Some(n), Some(d)) => Some((n, d)),
                    (Some(_), None) => {
                        return Err(Error::new(
                            ErrorKind::IncompleteFraction,
                            "denominator",
                            "a numerator is given without its denominator",
                        )
                        .into())
                    }
                    (None, Some(_)) => {
                        return Err(Error::new(
                            ErrorKind::IncompleteFraction,
                            "numerator",
                            "a denominator is given without its numerator",
                        )
                        .into())
                    }
                };
                GoalResult::Share(
                    ShareResult::new(fields.percent, fraction)?.with_text(fields.text),
                )
            }
            ResultType::Qualitative => {
                fields.only("qualitative", &["text", "assessment"])?;
                let text = required(fields.text, "text", "qualitative")?;
                let assessment = required(fields.assessment, "assessment", "qualitative")?;
                GoalResult::Qualitative(QualitativeResult::new(text, assessment)?)
            }
            ResultType::NotMeasured => {
                fields.only("not_measured", &["wording"])?;
                GoalResult::NotMeasured {
                    wording: fields.wording,
                }
            }
            ResultType::NotApplicable => {
                fields.only("not_applicable", &["wording"])?;
                GoalResult::NotApplicable {
                    wording: fields.wording,
                }
            }
            ResultType::Missing => {
                fields.only("missing", &["wording"])?;
                GoalResult::Missing {
                    wording: fields.wording,
                }
            }
        };
        Ok(result)
    }
}

/// Checks a report in the JSON format and returns every error found, not only the first: when
/// the document as a whole does not load, each intervention and each goal is checked on its
/// own, so that a form can mark every bad field at once. An empty list means the report loads.
///
/// ```
/// use finsam_core::json::validate_report_json;
/// let errors = validate_report_json(r#"{"format_version": 1, "organisation": "X", "period": "2017",
///   "interventions": [{"id": "a", "name": "A", "kind": "individual", "status": "active", "goals": [
///     {"description": "g1", "kind": "share", "target": "120"},
///     {"description": "g2", "kind": "count", "target": "-1"}]}]}"#);
/// let found: Vec<_> = errors.iter().map(|e| (e.code(), e.path())).collect();
/// assert_eq!(found, [("share_above_100", "interventions[0].goals[0].target"),
///                    ("negative_value", "interventions[0].goals[1].target")]);
/// ```
pub fn validate_report_json(json: &str) -> Vec<Error> {
    let first = match from_json::<crate::report::Report>(json) {
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
                .filter(|id| id.parse::<crate::intervention::InterventionId>().is_ok())
                .map(str::to_owned)
                .unwrap_or_else(|| format!("_unreadable.{index}"));
            serde_json::json!({"id": id, "name": id, "kind": "individual", "status": "active"})
        })
        .collect();
    document.insert("interventions".into(), serde_json::Value::Array(stand_ins));
    if let Err(error) = from_value::<crate::report::Report>(serde_json::Value::Object(document)) {
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
        Err(_) => from_json::<crate::intervention::Intervention>(json)
            .err()
            .into_iter()
            .collect(),
    }
}

fn validate_intervention_value(value: serde_json::Value) -> Vec<Error> {
    let first = match from_value::<crate::intervention::Intervention>(value.clone()) {
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
        from_value::<crate::intervention::Intervention>(serde_json::Value::Object(fields))
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

/// Like [`from_json`] for a value already parsed (no line numbers). It goes through text on
/// purpose: reading from `serde_json::Value` directly would compile every reader of the format
/// a second time, which the WebAssembly build pays for in size.
fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T> {
    let text = value.to_string();
    let mut deserializer = serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let mut error = convert(e);
        error.clear_position();
        error
    })
}

/// Decimals in the JSON format: written as strings ("80", "8.5") so that no JSON number ever
/// passes through a float. Text with more digits than a decimal holds is an error, not rounded.
pub mod decimal {
    use rust_decimal::Decimal;
    use serde::de::{self, Visitor};
    use serde::{Deserializer, Serializer};

    /// Writes a decimal as a string.
    pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }

    /// Reads a decimal from a string.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        deserializer.deserialize_str(DecimalVisitor)
    }

    pub(crate) struct DecimalVisitor;

    impl Visitor<'_> for DecimalVisitor {
        type Value = Decimal;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a decimal number written as a string, such as \"80\" or \"8.5\"")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
            parse(text).ok_or_else(|| E::invalid_value(de::Unexpected::Str(text), &self))
        }
    }

    /// Parses plain decimal notation ("-12.50"); no exponent, no grouping, no excess digits.
    pub(crate) fn parse(text: &str) -> Option<Decimal> {
        let plain = !text.is_empty()
            && text
                .bytes()
                .enumerate()
                .all(|(i, b)| b.is_ascii_digit() || b == b'.' || (i == 0 && b == b'-'))
            && text.bytes().any(|b| b.is_ascii_digit());
        if !plain {
            return None;
        }
        Decimal::from_str_exact(text).ok()
    }

    /// Optional decimals as strings; `null` or an absent field is `None`.
    pub mod option {
        use rust_decimal::Decimal;
        use serde::de::{self, Visitor};
        use serde::{Deserializer, Serializer};

        use super::DecimalVisitor;

        /// Writes an optional decimal as a string or `null`.
        pub fn serialize<S: Serializer>(
            value: &Option<Decimal>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            match value {
                Some(value) => serializer.collect_str(value),
                None => serializer.serialize_none(),
            }
        }

        /// Reads an optional decimal from a string or `null`.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<Decimal>, D::Error> {
            deserializer.deserialize_option(OptionVisitor)
        }

        struct OptionVisitor;

        impl<'de> Visitor<'de> for OptionVisitor {
            type Value = Option<Decimal>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "a decimal number written as a string, such as \"80\" or \"8.5\", or null",
                )
            }

            fn visit_none<E: de::Error>(self) -> Result<Option<Decimal>, E> {
                Ok(None)
            }

            fn visit_unit<E: de::Error>(self) -> Result<Option<Decimal>, E> {
                Ok(None)
            }

            fn visit_some<D: Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Option<Decimal>, D::Error> {
                deserializer.deserialize_str(DecimalVisitor).map(Some)
            }
        }
    }
}
