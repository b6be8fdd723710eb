//! Reading and writing JSON: reading with typed errors that name the JSON path (and line), writing with
//! decimals as strings. The format is described in `docs/format.md`.
//!
//! Validation errors raised inside serde travel through serde's string-only error channel; they
//! are encoded there by [`SerdeError`] and decoded again in [`from_json`], so the caller gets the
//! original [`ErrorKind`] with the full path.

use std::fmt;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::common::error::{join_path, Error, ErrorKind, Result};

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
            "{MARK}{}{MARK}{}{MARK}{}{MARK}{}",
            self.0.code(),
            self.0.path(),
            self.0.message(),
            self.0.swedish().unwrap_or_default()
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
            return Err(Error::bilingual(
                ErrorKind::LimitExceeded,
                "",
                format!(
                    "dokumentet är {} byte; gränsen är {} byte",
                    json.len(),
                    self.max_bytes
                ),
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
                        return Err(Error::bilingual(
                            ErrorKind::LimitExceeded,
                            "",
                            format!("dokumentet är nästlat djupare än {} nivåer", self.max_depth),
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
/// use finsam_core::format::{from_json_with_limits, Limits};
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
        Error::bilingual(
            ErrorKind::JsonSyntax,
            "",
            "tecken efter slutet av JSON-dokumentet",
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
        | serde_json::error::Category::Io => Error::bilingual(
            ErrorKind::JsonSyntax,
            path,
            format!("texten är inte giltig JSON: {message}"),
            format!("the text is not valid JSON: {message}"),
        ),
        serde_json::error::Category::Data => data_error(path, message),
    };
    converted.with_position(line, column)
}

/// Turns serde's message for a data error into a typed error.
fn data_error(path: String, message: &str) -> Error {
    if let Some(encoded) = message.strip_prefix(MARK) {
        let mut parts = encoded.splitn(4, MARK);
        let (code, relative, text) = (parts.next(), parts.next(), parts.next());
        if let (Some(kind), Some(relative), Some(text)) =
            (code.and_then(ErrorKind::from_code), relative, text)
        {
            let error = Error::new(kind, join_path(&path, relative), text);
            return match parts.next().filter(|sv| !sv.is_empty()) {
                Some(swedish) => error.with_swedish(swedish),
                None => error,
            };
        }
    }
    let quoted = |rest: &str| rest.split('`').nth(1).map(str::to_owned);
    let (kind, path) = if let Some(rest) = message.strip_prefix("unknown field ") {
        // serde_path_to_error already stands on the unknown key unless the error came from
        // buffered content; append it only when missing.
        let field = quoted(rest).unwrap_or_default();
        let path = if path.ends_with(&field) {
            path
        } else {
            join_path(&path, &field)
        };
        (ErrorKind::UnknownField, path)
    } else if let Some(rest) = message.strip_prefix("missing field ") {
        let field = quoted(rest).unwrap_or_default();
        (ErrorKind::MissingField, join_path(&path, &field))
    } else if message.starts_with("invalid type") || message.starts_with("invalid length") {
        (ErrorKind::InvalidType, path)
    } else if message.starts_with("unknown variant") {
        (ErrorKind::UnknownVariant, path)
    } else {
        (ErrorKind::InvalidValue, path)
    };
    let (swedish, english) = crate::common::words::plain(message);
    Error::bilingual(kind, path, swedish, english)
}
/// Like [`from_json`] for a value already parsed (no line numbers). It goes through text on
/// purpose: reading from `serde_json::Value` directly would compile every reader of the format
/// a second time, which the WebAssembly build pays for in size.
pub(crate) fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T> {
    let text = value.to_string();
    let mut deserializer = serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let mut error = convert(e);
        error.clear_position();
        error
    })
}
