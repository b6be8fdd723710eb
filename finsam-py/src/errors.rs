//! Errors crossing into Python. A binding function returns [`Result`], whose [`Error`] wraps a
//! [`finsam_core::Error`], a Python exception, or a panic caught by [`catch`]; `?` converts
//! each, and `From<Error> for PyErr` raises it as a `finsam.FinsamError` (a `ValueError`,
//! defined in Python because an abi3 module cannot subclass a built-in exception from Rust)
//! carrying the core's `code`, `path`, `line`, `column` and the message in both languages. A
//! panic becomes a `finsam.InternalError`, never a `PanicException`.

use std::panic::{catch_unwind, AssertUnwindSafe};

use finsam_core::{ErrorKind, Language};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;

/// Why a binding call failed.
#[derive(Debug)]
pub(crate) enum Error {
    /// The core refused the input.
    Core(finsam_core::Error),
    /// Python itself raised (an argument of the wrong type, an I/O error).
    Python(PyErr),
    /// Something that should not happen did (a panic); the text says what.
    Internal(String),
}

/// The result of a binding call.
pub(crate) type Result<T> = std::result::Result<T, Error>;

impl From<finsam_core::Error> for Error {
    fn from(error: finsam_core::Error) -> Error {
        Error::Core(error)
    }
}

impl From<PyErr> for Error {
    fn from(error: PyErr) -> Error {
        Error::Python(error)
    }
}

impl From<std::io::Error> for Error {
    fn from(error: std::io::Error) -> Error {
        // Python's own OSError subclass (FileNotFoundError, PermissionError, ...).
        Error::Python(error.into())
    }
}

impl From<Error> for PyErr {
    fn from(error: Error) -> PyErr {
        Python::attach(|py| to_py_err(py, error))
    }
}

/// A core error of `kind` at `path`, for the checks the binding makes on Python values.
pub(crate) fn core_error(kind: ErrorKind, path: &str, message: impl Into<String>) -> Error {
    Error::Core(finsam_core::Error::new(kind, path, message))
}

/// Runs `work` (a call into the core), turning a panic into [`Error::Internal`].
pub(crate) fn catch<T, E: Into<Error>>(
    work: impl FnOnce() -> std::result::Result<T, E>,
) -> Result<T> {
    match catch_unwind(AssertUnwindSafe(work)) {
        Ok(outcome) => outcome.map_err(Into::into),
        Err(payload) => Err(Error::Internal(
            payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned()),
        )),
    }
}

/// Runs `work` (an infallible call into the core), turning a panic into [`Error::Internal`].
pub(crate) fn run<T>(work: impl FnOnce() -> T) -> Result<T> {
    catch(|| Ok::<T, Error>(work()))
}

static FROM_CORE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// What a `finsam.FinsamError` carries.
struct Fields {
    code: &'static str,
    path: String,
    message_sv: String,
    message_en: String,
    line: Option<usize>,
    column: Option<usize>,
    display: String,
}

/// The Python exception for `error`: a `finsam.FinsamError` (or subclass) built by
/// `finsam._errors._from_core`.
pub(crate) fn to_py_err(py: Python<'_>, error: Error) -> PyErr {
    let fields = match error {
        Error::Python(error) => return error,
        Error::Core(error) => Fields {
            code: error.code(),
            path: error.path().to_owned(),
            message_sv: error.message_in(Language::Swedish),
            message_en: error.message_in(Language::English),
            line: error.line(),
            column: error.column(),
            display: error.to_string(),
        },
        Error::Internal(text) => {
            let message_en =
                format!("an internal error occurred in finsam (please report it): {text}");
            Fields {
                code: "internal_error",
                path: String::new(),
                message_sv: format!("ett internt fel uppstod i finsam (rapportera det): {text}"),
                display: format!("[internal_error] {message_en}"),
                message_en,
                line: None,
                column: None,
            }
        }
    };
    let built = || -> PyResult<Bound<'_, PyAny>> {
        let kwargs = PyDict::new(py);
        kwargs.set_item("code", fields.code)?;
        kwargs.set_item("path", &fields.path)?;
        kwargs.set_item("message", &fields.message_en)?;
        kwargs.set_item("message_sv", &fields.message_sv)?;
        kwargs.set_item("message_en", &fields.message_en)?;
        kwargs.set_item("line", fields.line)?;
        kwargs.set_item("column", fields.column)?;
        let factory = FROM_CORE.import(py, "finsam._errors", "_from_core")?;
        factory.call((&fields.display,), Some(&kwargs))
    };
    match built() {
        Ok(exception) => PyErr::from_value(exception),
        // Only when the native module is loaded without its package.
        Err(_) => PyValueError::new_err(fields.display.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::panic)] // The point of the test is a panic.
    fn a_panic_becomes_an_internal_error() {
        let outcome: Result<()> = catch(|| -> Result<()> { panic!("boom {}", 7) });
        assert!(matches!(outcome, Err(Error::Internal(ref text)) if text == "boom 7"));
        let outcome: Result<u8> = catch(|| -> Result<u8> { Ok(3) });
        assert!(matches!(outcome, Ok(3)));
    }
}
