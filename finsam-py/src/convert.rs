//! Conversions between Python values and core values: decimals as `decimal.Decimal` (never
//! `float`), grades as the `finsam.Grade` enum, enumerations as their stable codes.

use finsam_core::render::Format;
use finsam_core::{Decision, ErrorKind, Grade, Language};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString};
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::errors::{core_error, Outcome};

static DECIMAL: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static GRADE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
/// The members of `finsam.Grade`, in the order of `Grade::BEST_FIRST`: looked up once, as
/// calling the enum with a code on every conversion costs far more than the conversion itself.
static GRADE_MEMBERS: PyOnceLock<Vec<Py<PyAny>>> = PyOnceLock::new();

/// A Python number as an exact decimal: `decimal.Decimal`, `int` or a string such as "0.95".
/// A `float` is refused: its binary value is not the decimal the user wrote.
pub(crate) fn decimal_in(value: &Bound<'_, PyAny>, field: &str) -> Outcome<Decimal> {
    let py = value.py();
    let text: String = if value.is_instance_of::<PyBool>() {
        return Err(core_error(
            ErrorKind::InvalidType,
            field,
            "expected a decimal number, got a bool",
        ));
    } else if value.is_instance_of::<PyFloat>() {
        return Err(core_error(
            ErrorKind::InvalidType,
            field,
            format!(
                "a float ({}) is not an exact decimal; pass decimal.Decimal(\"...\"), an int or a string",
                value.repr()?
            ),
        ));
    } else if value.is_instance_of::<PyInt>() {
        value.str()?.to_string()
    } else if value.is_instance_of::<PyString>() {
        value.extract::<String>()?.trim().to_owned()
    } else if value.is_instance(DECIMAL.import(py, "decimal", "Decimal")?)? {
        if !value.call_method0("is_finite")?.is_truthy()? {
            return Err(core_error(
                ErrorKind::InvalidValue,
                field,
                format!("{} is not a finite number", value.repr()?),
            ));
        }
        // Plain notation, so that Decimal("1E+2") reads as 100.
        py.import("builtins")?
            .getattr("format")?
            .call1((value, "f"))?
            .extract()?
    } else {
        return Err(core_error(
            ErrorKind::InvalidType,
            field,
            format!(
                "expected decimal.Decimal, int or str, got {}",
                value.get_type().name()?
            ),
        ));
    };
    Decimal::from_str_exact(&text).map_err(|e| {
        core_error(
            ErrorKind::InvalidValue,
            field,
            format!("'{text}' is not a decimal this library can hold exactly: {e}"),
        )
    })
}

/// An optional decimal argument (`None` stays `None`).
pub(crate) fn decimal_opt_in(
    value: Option<&Bound<'_, PyAny>>,
    field: &str,
) -> Outcome<Option<Decimal>> {
    match value {
        Some(value) if !value.is_none() => decimal_in(value, field).map(Some),
        _ => Ok(None),
    }
}

/// A decimal as `decimal.Decimal`.
pub(crate) fn decimal_out(py: Python<'_>, value: Decimal) -> PyResult<Py<PyAny>> {
    Ok(DECIMAL
        .import(py, "decimal", "Decimal")?
        .call1((value.to_string(),))?
        .unbind())
}

/// An optional decimal as `decimal.Decimal` or `None`.
pub(crate) fn decimal_opt_out(
    py: Python<'_>,
    value: Option<Decimal>,
) -> PyResult<Option<Py<PyAny>>> {
    value.map(|v| decimal_out(py, v)).transpose()
}

/// A grade as a member of `finsam.Grade`.
pub(crate) fn grade_out(py: Python<'_>, grade: Grade) -> PyResult<Py<PyAny>> {
    let members = GRADE_MEMBERS.get_or_try_init(py, || {
        let enum_type = GRADE.import(py, "finsam._grade", "Grade")?;
        Grade::BEST_FIRST
            .iter()
            .map(|g| Ok(enum_type.call1((g.code(),))?.unbind()))
            .collect::<PyResult<Vec<_>>>()
    })?;
    Grade::BEST_FIRST
        .iter()
        .zip(members)
        .find(|(g, _)| **g == grade)
        .map(|(_, member)| member.clone_ref(py))
        .ok_or_else(|| PyValueError::new_err(format!("no finsam.Grade for {}", grade.code())))
}

/// An optional grade as a member of `finsam.Grade` or `None`.
pub(crate) fn grade_opt_out(py: Python<'_>, grade: Option<Grade>) -> PyResult<Option<Py<PyAny>>> {
    grade.map(|g| grade_out(py, g)).transpose()
}

/// The text a grade argument stands for: a `finsam.Grade` member's code, or a string as a
/// report spells it.
fn grade_text(value: &Bound<'_, PyAny>, field: &str) -> Outcome<String> {
    let py = value.py();
    if value.is_instance(GRADE.import(py, "finsam._grade", "Grade")?)? {
        Ok(value.getattr("value")?.extract()?)
    } else if value.is_instance_of::<PyString>() {
        Ok(value.extract()?)
    } else {
        Err(core_error(
            ErrorKind::InvalidType,
            field,
            format!(
                "expected finsam.Grade or str, got {}",
                value.get_type().name()?
            ),
        ))
    }
}

/// A grade argument: a `finsam.Grade` member or a spelling the core parses ("Mycket God").
pub(crate) fn grade_in(value: &Bound<'_, PyAny>, field: &str) -> Outcome<Grade> {
    grade_text(value, field)?
        .parse::<Grade>()
        .map_err(|e| e.under(field).into())
}

/// A decision argument: a grade, or "Ej tillämpbar" / `not_applicable`.
pub(crate) fn decision_in(value: &Bound<'_, PyAny>, field: &str) -> Outcome<Decision> {
    grade_text(value, field)?
        .parse::<Decision>()
        .map_err(|e| e.under(field).into())
}

/// A language argument: `sv` or `en` (also "svenska", "english").
pub(crate) fn language_in(text: &str) -> Outcome<Language> {
    text.parse::<Language>()
        .map_err(|e| e.under("language").into())
}

/// A table format argument: `markdown` (or `md`), `html` or `csv`.
pub(crate) fn format_in(text: &str) -> Outcome<Format> {
    text.parse::<Format>().map_err(|e| e.under("format").into())
}

/// An enumeration from its stable code, read with the core's own JSON names so that the
/// error lists the allowed codes.
pub(crate) fn code_in<T: DeserializeOwned>(code: &str, field: &str) -> Outcome<T> {
    let quoted = serde_json::Value::String(code.to_owned()).to_string();
    finsam_core::format::from_json::<T>(&quoted)
        .map_err(|e| finsam_core::Error::new(e.kind(), field, e.message().to_owned()).into())
}

/// The stable code of an enumeration, as the core's JSON format writes it.
pub(crate) fn code_out<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(code)) => code,
        _ => String::new(),
    }
}

/// Python's `repr` of a string.
pub(crate) fn repr_str(py: Python<'_>, text: &str) -> PyResult<String> {
    Ok(PyString::new(py, text).repr()?.to_string())
}

/// The `repr` of a decimal as Python writes it: `Decimal('0.95')`.
pub(crate) fn repr_decimal(value: Decimal) -> String {
    format!("Decimal('{value}')")
}

/// The `repr` of a grade as `finsam.Grade` writes it: `Grade.VERY_GOOD`.
pub(crate) fn repr_grade(grade: Grade) -> String {
    format!("Grade.{}", grade.code().to_uppercase())
}
