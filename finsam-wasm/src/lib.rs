//! # finsam-wasm
//!
//! The WebAssembly binding of [`finsam_core`] for Node and the browser. JS callers pass plain
//! objects in the finsam JSON format (decimals as strings) and get plain objects back, as the
//! core writes them; the TypeScript declarations are generated from the core's schemas
//! (build.rs).
//!
//! - Validation returns its outcome as data: `{valid, errors: [{path, code, message,
//!   message_sv, message_en}]}`.
//! - Misuse (a value of the wrong type, a malformed intervention passed to a grading function)
//!   throws a real JS `Error` named `FinsamError` with the core's stable `code`, `path` and
//!   message in Swedish and English (`message_sv`, `message_en`).
//! - Tables come back as data, `{columns, rows}`, as the core builds them.
//! - A Rust panic throws a `FinsamError` with code `internal_panic` and the panic message; the
//!   instance then refuses further calls with code `poisoned` (see `src/panic_hook.rs`).
//!
//! The package has two modules, each its own `.wasm`, built from this crate with one cargo
//! feature each: `finsam` (feature `main`: validation, grading, the checker, calibration,
//! economics, the error messages) and `finsam/reports` (feature `reports`: whole reports as
//! documents: reading their text, writing their tables, following them across years). A web
//! form that validates and grades loads only the first. Both modules have `errorCodes` and
//! `version`; objects pass between them as plain JS objects.
//!
//! Every function converts, calls the core and maps the error; the logic lives in the core.

mod convert;
#[cfg(feature = "documents")]
mod documents;
#[cfg(feature = "reports")]
mod economics;
#[cfg(feature = "main")]
mod model;
mod panic_hook;
#[cfg(feature = "reports")]
mod reports;
#[cfg(feature = "reports")]
mod text;
mod typescript;

use finsam_core::ErrorKind;
use wasm_bindgen::prelude::*;

/// Every error code the core can report, in a stable order.
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "ErrorKind[]")]
pub fn error_codes() -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    convert::to_js(&ErrorKind::ALL.as_slice())
}

/// The version of this package (the same as finsam-core's).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Panics on purpose, so that tests can check how a panic reaches JS. Only in builds with the
/// `test-panic` feature, which the published package does not have.
#[cfg(feature = "test-panic")]
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests(message: &str) -> Result<(), JsValue> {
    panic_hook::check()?;
    #[allow(clippy::panic, reason = "this entry point exists to panic")]
    {
        panic!("{message}")
    }
}
