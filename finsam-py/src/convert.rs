//! Conversions between Python values and core values: decimals as `decimal.Decimal` (never
//! `float`), grades as the `finsam.Grade` enum, codes and languages as [`Arg`] arguments, and
//! everything the core serialises (records, tables) through the two generic converters of
//! `finsam._convert`.

use finsam_core::render::{Format, GoalValue, GradeValue, Table};
use finsam_core::{
    Column, Decision, Direction, ErrorKind, GoalKind, Grade, InterventionKind, InterventionStatus,
    Language, QualitativeAssessment, Rounding, ShareBasis, Unit,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString};
use pyo3::Borrowed;
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::errors::{core_error, Error, Result};

static DECIMAL: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static GRADE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static FRAME: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static RECORD: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static RECORDS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
/// The members of `finsam.Grade`, in the order of `Grade::BEST_FIRST`: looked up once, as
/// calling the enum with a code on every conversion costs far more than the conversion itself.
static GRADE_MEMBERS: PyOnceLock<Vec<Py<PyAny>>> = PyOnceLock::new();

/// An argument read from a string: a language, a format, a code. Its errors name the argument.
pub(crate) struct Arg<T>(pub(crate) T);

/// A value an [`Arg`] reads: the argument's name (the error's path) and how to read it.
pub(crate) trait Named: Sized {
    /// The argument's name.
    const FIELD: &'static str;
    /// The value `text` spells.
    fn read(text: &str) -> finsam_core::Result<Self>;
}

/// Arguments read with the core's `FromStr`.
macro_rules! by_str {
    ($($type:ty => $field:literal),* $(,)?) => {$(
        impl Named for $type {
            const FIELD: &'static str = $field;
            fn read(text: &str) -> finsam_core::Result<Self> {
                text.parse()
            }
        }
    )*};
}

/// Arguments read as their stable codes, with the core's JSON names.
macro_rules! by_code {
    ($($type:ty => $field:literal),* $(,)?) => {$(
        impl Named for $type {
            const FIELD: &'static str = $field;
            fn read(text: &str) -> finsam_core::Result<Self> {
                from_code(text)
            }
        }
    )*};
}

by_str!(Language => "language", Format => "format", GradeValue => "value", GoalValue => "value");
by_code!(
    Unit => "unit",
    Rounding => "rounding",
    Column => "column",
    InterventionStatus => "status",
    Direction => "direction",
    GoalKind => "kind",
    ShareBasis => "share_basis",
    QualitativeAssessment => "assessment",
    InterventionKind => "kind",
);

impl<'a, 'py, T: Named> FromPyObject<'a, 'py> for Arg<T> {
    type Error = Error;

    fn extract(value: Borrowed<'a, 'py, PyAny>) -> Result<Self> {
        let text: String = value.extract()?;
        Ok(Arg(T::read(&text).map_err(|e| e.under(T::FIELD))?))
    }
}

/// The value `text` spells, as an argument named `T::FIELD`.
pub(crate) fn parse<T: Named>(text: &str) -> Result<T> {
    Ok(T::read(text).map_err(|e| e.under(T::FIELD))?)
}

/// The language argument's default, Swedish.
pub(crate) const SV: Arg<Language> = Arg(Language::Swedish);

/// An enumeration from its stable code, read with the core's own JSON names so that the
/// error lists the allowed codes.
fn from_code<T: DeserializeOwned>(code: &str) -> finsam_core::Result<T> {
    let quoted = serde_json::Value::String(code.to_owned()).to_string();
    finsam_core::format::from_json::<T>(&quoted)
        .map_err(|e| finsam_core::Error::new(e.kind(), "", e.message().to_owned()))
}

/// A Python number as an exact decimal: `decimal.Decimal`, `int` or a string such as "0.95".
/// A `float` is refused: its binary value is not the decimal the user wrote.
pub(crate) fn decimal_in(value: &Bound<'_, PyAny>, field: &str) -> Result<Decimal> {
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
) -> Result<Option<Decimal>> {
    match value {
        Some(value) if !value.is_none() => decimal_in(value, field).map(Some),
        _ => Ok(None),
    }
}

/// A decimal as `decimal.Decimal`.
pub(crate) fn decimal_out(py: Python<'_>, value: Decimal) -> Result<Py<PyAny>> {
    Ok(DECIMAL
        .import(py, "decimal", "Decimal")?
        .call1((value.to_string(),))?
        .unbind())
}

/// An optional decimal as `decimal.Decimal` or `None`.
pub(crate) fn decimal_opt_out(py: Python<'_>, value: Option<Decimal>) -> Result<Option<Py<PyAny>>> {
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
        .ok_or_else(|| {
            pyo3::exceptions::PyValueError::new_err(format!("no finsam.Grade for {}", grade.code()))
        })
}

/// An optional grade as a member of `finsam.Grade` or `None`.
pub(crate) fn grade_opt_out(py: Python<'_>, grade: Option<Grade>) -> PyResult<Option<Py<PyAny>>> {
    grade.map(|g| grade_out(py, g)).transpose()
}

/// The text a grade argument stands for: a `finsam.Grade` member's code, or a string as a
/// report spells it.
fn grade_text(value: &Bound<'_, PyAny>, field: &str) -> Result<String> {
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
pub(crate) fn grade_in(value: &Bound<'_, PyAny>, field: &str) -> Result<Grade> {
    Ok(grade_text(value, field)?
        .parse::<Grade>()
        .map_err(|e| e.under(field))?)
}

/// A decision argument: a grade, or "Ej tillämpbar" / `not_applicable`.
pub(crate) fn decision_in(value: &Bound<'_, PyAny>, field: &str) -> Result<Decision> {
    Ok(grade_text(value, field)?
        .parse::<Decision>()
        .map_err(|e| e.under(field))?)
}

/// The stable code of an enumeration, as the core's JSON format writes it.
pub(crate) fn code_out<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(code)) => code,
        _ => String::new(),
    }
}

/// Python's `repr` of a string.
pub(crate) fn repr_str(py: Python<'_>, text: &str) -> Result<String> {
    Ok(PyString::new(py, text).repr()?.to_string())
}

/// The `repr` of a decimal as Python writes it: `Decimal('0.95')`.
pub(crate) fn repr_decimal(value: Decimal) -> String {
    format!("Decimal('{value}')")
}

/// The `repr` of an optional decimal.
pub(crate) fn repr_opt_decimal(value: Option<Decimal>) -> String {
    value.map(repr_decimal).unwrap_or_else(|| "None".to_owned())
}

/// The `repr` of a grade as `finsam.Grade` writes it: `Grade.VERY_GOOD`.
pub(crate) fn repr_grade(grade: Grade) -> String {
    format!("Grade.{}", grade.code().to_uppercase())
}

/// A core table as a pandas `DataFrame` (`finsam._convert.frame`): every column of dtype
/// `object`, or with `infer` the types pandas infers.
pub(crate) fn frame(py: Python<'_>, table: Table, infer: bool) -> Result<Py<PyAny>> {
    let text = finsam_core::format::to_json(&table);
    Ok(FRAME
        .import(py, "finsam._convert", "frame")?
        .call1((text, infer))?
        .unbind())
}

/// A value the core serialises as the record `name` of `finsam._records`, a frozen dataclass.
pub(crate) fn record<T: Serialize>(py: Python<'_>, name: &str, value: &T) -> Result<Py<PyAny>> {
    let text = finsam_core::format::to_json(value);
    Ok(RECORD
        .import(py, "finsam._convert", "record")?
        .call1((name, text))?
        .unbind())
}

/// Values the core serialises as a list of records `name`.
pub(crate) fn records<T: Serialize>(py: Python<'_>, name: &str, values: &[T]) -> Result<Py<PyAny>> {
    let text = finsam_core::format::to_json(&values);
    Ok(RECORDS
        .import(py, "finsam._convert", "records")?
        .call1((name, text))?
        .unbind())
}

/// An optional record (`None` stays `None`).
pub(crate) fn record_opt<T: Serialize>(
    py: Python<'_>,
    name: &str,
    value: Option<&T>,
) -> Result<Option<Py<PyAny>>> {
    value.map(|v| record(py, name, v)).transpose()
}

/// A record passed back from Python (`finsam._convert.to_json` of a dataclass), read by the
/// core.
pub(crate) fn record_in<T: DeserializeOwned>(record: &Bound<'_, PyAny>, field: &str) -> Result<T> {
    let text: String = record
        .py()
        .import("finsam._convert")?
        .getattr("to_json")?
        .call1((record,))?
        .extract()?;
    Ok(finsam_core::format::from_json(&text).map_err(|e| e.under(field))?)
}
