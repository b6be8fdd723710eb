//! Crossing the boundary: a JS value becomes JSON text for the core's reader, a core value
//! becomes a plain JS object through the core's writer, and a core error becomes a JS `Error`
//! carrying the stable `code` and `path`.
//!
//! Going through the JSON format (rather than walking JS objects) means JS callers get exactly
//! the core's checks, codes and paths, and decimals stay strings on both sides.

use finsam_core::format::{from_json, to_json};
use finsam_core::{Error, ErrorKind, GradingPolicy};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The `name` of every error this binding throws.
const ERROR_NAME: &str = "FinsamError";

/// The JSON text of a JS value, or an `invalid_type` error for values JSON cannot hold
/// (`undefined`, functions, symbols, BigInt, cycles).
pub(crate) fn json_text(value: &JsValue) -> Result<String, JsValue> {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| {
            let found = type_name(value);
            throwable(&Error::new(
                ErrorKind::InvalidType,
                "",
                format!("expected a value in the finsam JSON format, found a value of type {found} that JSON cannot hold"),
            ))
        })
}

/// Reads a JS value as a value of the JSON format; misuse becomes a thrown `FinsamError`.
pub(crate) fn from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T, JsValue> {
    from_json(&json_text(value)?).map_err(|e| throwable(&without_position(&e)))
}

/// A core value as a plain JS object (decimals as strings).
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&to_json(value))
}

/// The same error without line and column: for a JS object they would point into JSON text
/// the caller never saw.
pub(crate) fn without_position(error: &Error) -> Error {
    Error::new(error.kind(), error.path(), error.message())
}

/// A JS `Error` named `FinsamError` whose message is the core's `[code] path: message` and
/// which carries `code` and `path` as properties.
pub(crate) fn throwable(error: &Error) -> JsValue {
    binding_error(&error.to_string(), error.code(), error.path())
}

/// A string argument, or an `invalid_type` error whose path names the parameter (`format`,
/// `period`), as the arguments of the functions that take several loose ones report it.
#[cfg(feature = "reports")]
pub(crate) fn string_param(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        throwable(&Error::new(
            ErrorKind::InvalidType,
            name,
            format!("{name} must be a string, found {}", type_name(value)),
        ))
    })
}

/// What a JS value is, for an error message: `null`, or its `typeof` (`number`, `object`, …).
pub(crate) fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_owned()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

/// The string argument `name` read with `parse`; its error is placed at the parameter's name.
#[cfg(feature = "reports")]
pub(crate) fn parsed_param<T>(value: &JsValue, name: &str) -> Result<T, JsValue>
where
    T: std::str::FromStr<Err = Error>,
{
    string_param(value, name)?
        .parse()
        .map_err(|e: Error| throwable(&e.under(name)))
}

/// An optional argument: `None` when absent, `undefined` or `null`.
pub(crate) fn given(value: Option<JsValue>) -> Option<JsValue> {
    value.filter(|v| !v.is_null() && !v.is_undefined())
}

/// A `FinsamError` for a condition of the binding itself (a panic), with its own code.
pub(crate) fn binding_error(message: &str, code: &str, path: &str) -> JsValue {
    let error: JsValue = JsError::new(message).into();
    for (key, value) in [("name", ERROR_NAME), ("code", code), ("path", path)] {
        // Setting a property on a fresh Error object cannot fail; if it somehow did, the
        // Error would still carry its message.
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    error
}

/// The policy given, or the default one when the argument is absent or `null`.
pub(crate) fn policy_or_default(policy: Option<JsValue>) -> Result<GradingPolicy, JsValue> {
    match given(policy) {
        Some(policy) => from_js(&policy),
        None => Ok(GradingPolicy::default()),
    }
}
