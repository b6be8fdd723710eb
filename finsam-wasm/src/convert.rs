//! Crossing the boundary: a JS value becomes JSON text for the core's reader, a core value
//! becomes a plain JS object through the core's writer, and a core error becomes a JS `Error`
//! carrying the stable `code`, the `path` and the message in both languages.
//!
//! Going through the JSON format (rather than walking JS objects) means JS callers get exactly
//! the core's checks, codes, paths and messages, and decimals stay strings on both sides.

use std::str::FromStr;

use finsam_core::format::{from_json, to_json};
use finsam_core::{Error, ErrorKind, GradingPolicy, Language, Report};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What the functions return: a JS value, or a thrown `FinsamError`.
pub(crate) type JsResult<T = JsValue> = Result<T, JsValue>;

/// The JSON text of a JS value, or an `invalid_type` error for values JSON cannot hold
/// (`undefined`, functions, symbols, BigInt, cycles).
pub(crate) fn json_text(value: &JsValue) -> Result<String, Error> {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| {
            let found = value.js_typeof().as_string().unwrap_or_default();
            Error::new(
                ErrorKind::InvalidType,
                "",
                format!("expected a value in the finsam JSON format, found a value of type {found} that JSON cannot hold"),
            )
        })
}

/// Reads a JS value with `reader`, the core's reader of its type; misuse becomes a thrown
/// `FinsamError`, without line and column: they would point into JSON text the caller never
/// saw.
pub(crate) fn read_with<T>(
    value: &JsValue,
    reader: impl FnOnce(&str) -> Result<T, Error>,
) -> JsResult<T> {
    let text = json_text(value).map_err(|e| throwable(&e))?;
    reader(&text).map_err(|e| {
        let swedish = e.message_in(Language::Swedish);
        throwable(&Error::bilingual(e.kind(), e.path(), swedish, e.message()))
    })
}

/// Reads a JS value as a value of the JSON format.
pub(crate) fn from_js<T: DeserializeOwned>(value: &JsValue) -> JsResult<T> {
    read_with(value, from_json)
}

/// Reads a report: its format version first, as `Report::from_json` does.
pub(crate) fn report_from_js(value: &JsValue) -> JsResult<Report> {
    read_with(value, Report::from_json)
}

/// The string argument `name`. A JS string is taken as it is (a lone surrogate becomes U+FFFD,
/// which JSON text could not carry); anything else is an `invalid_type` error at `name`.
pub(crate) fn string_argument(value: &JsValue, name: &str) -> JsResult<String> {
    value.as_string().ok_or_else(|| {
        let found = if value.is_null() {
            "null".to_owned()
        } else {
            value.js_typeof().as_string().unwrap_or_default()
        };
        let what = if name.is_empty() {
            "the argument"
        } else {
            name
        };
        throwable(&Error::new(
            ErrorKind::InvalidType,
            name,
            format!("{what} must be a string, found {found}"),
        ))
    })
}

/// The string argument `name` read with `parse`; its error is placed at the parameter's name.
pub(crate) fn parsed<T: FromStr<Err = Error>>(value: &JsValue, name: &str) -> JsResult<T> {
    string_argument(value, name)?
        .parse()
        .map_err(|e: Error| throwable(&e.under(name)))
}

/// A core value as a plain JS object (decimals as strings).
pub(crate) fn to_js<T: Serialize>(value: &T) -> JsResult {
    js_sys::JSON::parse(&to_json(value))
}

/// A JS `Error` named `FinsamError` whose message is the core's `[code] path: message` and
/// which carries `code`, `path`, `message_sv` and `message_en` as properties.
pub(crate) fn throwable(error: &Error) -> JsValue {
    binding_error(
        &error.to_string(),
        error.code(),
        error.path(),
        [&error.message_in(Language::Swedish), error.message()],
    )
}

/// A `FinsamError` with `message`, `code`, `path` and the message in Swedish and English.
pub(crate) fn binding_error(message: &str, code: &str, path: &str, [sv, en]: [&str; 2]) -> JsValue {
    let error: JsValue = JsError::new(message).into();
    let properties = [
        ("name", "FinsamError"),
        ("code", code),
        ("path", path),
        ("message_sv", sv),
        ("message_en", en),
    ];
    for (key, value) in properties {
        // Setting a property on a fresh Error object cannot fail; if it somehow did, the
        // Error would still carry its message.
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    error
}

/// An optional argument: `None` when absent, `undefined` or `null`.
pub(crate) fn given(value: Option<JsValue>) -> Option<JsValue> {
    value.filter(|v| !v.is_null() && !v.is_undefined())
}

/// The policy given, or the default one when the argument is absent or `null`.
pub(crate) fn policy_or_default(policy: Option<JsValue>) -> JsResult<GradingPolicy> {
    given(policy).map_or_else(
        || Ok(GradingPolicy::default()),
        |p| read_with(&p, GradingPolicy::from_json),
    )
}

/// The language argument: Swedish when absent or `null`.
pub(crate) fn language_or_swedish(language: Option<JsValue>) -> JsResult<Language> {
    given(language).map_or(Ok(Language::Swedish), |l| parsed(&l, "language"))
}
