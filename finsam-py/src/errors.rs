//! Errors crossing into Python: every [`finsam_core::Error`] becomes a `finsam.FinsamError`
//! (a `ValueError`, defined in Python because an abi3 module cannot subclass a built-in
//! exception from Rust) carrying the core's `code`, `path`, `line` and `column`; a panic becomes
//! a `FinsamError` with the code `internal_error` instead of a `PanicException`.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;

/// Why a binding call failed, before it is turned into a Python exception.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The core refused the input.
    Core(finsam_core::Error),
    /// Python itself raised (e.g. an argument of the wrong type, or an I/O error).
    Python(PyErr),
    /// Something that should not happen did (a panic); the text says what.
    Internal(String),
}

impl From<finsam_core::Error> for Failure {
    fn from(error: finsam_core::Error) -> Failure {
        Failure::Core(error)
    }
}

impl From<std::io::Error> for Failure {
    fn from(error: std::io::Error) -> Failure {
        // Python's own OSError subclass (FileNotFoundError, PermissionError, ...).
        Failure::Python(error.into())
    }
}

impl From<PyErr> for Failure {
    fn from(error: PyErr) -> Failure {
        Failure::Python(error)
    }
}

/// The result of the work inside a binding call.
pub(crate) type Outcome<T> = Result<T, Failure>;

/// Runs the work of one binding call, turning a panic into [`Failure::Internal`].
pub(crate) fn catch<T>(work: impl FnOnce() -> Outcome<T>) -> Outcome<T> {
    catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|payload| {
        let text = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        Err(Failure::Internal(text))
    })
}

/// Runs one binding call: catches panics and raises every failure as a Python exception.
pub(crate) fn guard<T>(py: Python<'_>, work: impl FnOnce() -> Outcome<T>) -> PyResult<T> {
    catch(work).map_err(|failure| to_py_err(py, failure))
}

static FROM_CORE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The Python exception for a failure: a `finsam.FinsamError` (or subclass) built by
/// `finsam._errors._from_core`.
pub(crate) fn to_py_err(py: Python<'_>, failure: Failure) -> PyErr {
    let (code, path, message, line, column, display) = match failure {
        Failure::Python(error) => return error,
        Failure::Core(error) => (
            error.code(),
            error.path().to_owned(),
            error.message().to_owned(),
            error.line(),
            error.column(),
            error.to_string(),
        ),
        Failure::Internal(text) => {
            let message =
                format!("an internal error occurred in finsam (please report it): {text}");
            (
                "internal_error",
                String::new(),
                message.clone(),
                None,
                None,
                format!("[internal_error] {message}"),
            )
        }
    };
    let built = || -> PyResult<Bound<'_, PyAny>> {
        let factory = FROM_CORE.import(py, "finsam._errors", "_from_core")?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("code", code)?;
        kwargs.set_item("path", &path)?;
        kwargs.set_item("message", &message)?;
        kwargs.set_item("line", line)?;
        kwargs.set_item("column", column)?;
        factory.call((&display,), Some(&kwargs))
    };
    match built() {
        Ok(exception) => PyErr::from_value(exception),
        // Only when the native module is loaded without its package.
        Err(_) => PyValueError::new_err(display),
    }
}

/// A core error of `kind` at `path` (for checks the binding makes on Python values).
pub(crate) fn core_error(
    kind: finsam_core::ErrorKind,
    path: &str,
    message: impl Into<String>,
) -> Failure {
    Failure::Core(finsam_core::Error::new(kind, path, message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::panic)] // The point of the test is a panic.
    fn a_panic_becomes_an_internal_failure() {
        let outcome: Outcome<()> = catch(|| panic!("boom {}", 7));
        assert!(matches!(outcome, Err(Failure::Internal(ref text)) if text == "boom 7"));
        let outcome: Outcome<u8> = catch(|| Ok(3));
        assert!(matches!(outcome, Ok(3)));
    }
}
