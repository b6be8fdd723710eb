//! Money as a Python value class: `Money`, an exact decimal amount in thousand kronor (`tkr`)
//! or kronor (`sek`). Conversion, rounding, checked arithmetic and formatting are the core's
//! ([`finsam_core::Money`]); adding `tkr` to `sek`, or an overflow, raises a `FinsamError`
//! (`unit_mismatch`, `overflow`).

use finsam_core::{Money, Rounding, Unit};
use pyo3::prelude::*;

use crate::convert::{code_in, decimal_in, decimal_opt_out, decimal_out, language_in, repr_str};
use crate::errors::{guard, Outcome};

/// A unit argument: `tkr` or `sek`.
pub(crate) fn unit_in(code: &str) -> Outcome<Unit> {
    code_in(code, "unit")
}

/// A rounding argument: `half_away_from_zero`, `half_even` or `toward_zero`.
fn rounding_in(code: &str) -> Outcome<Rounding> {
    code_in(code, "rounding")
}

/// What `Money.__reduce__` returns: the class and its arguments (amount, unit).
type Reduced = (Py<PyAny>, (Py<PyAny>, &'static str));

/// An exact amount of money in thousand kronor (`tkr`) or kronor (`sek`).
#[pyclass(name = "Money", module = "finsam", frozen, eq, hash, from_py_object)]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PyMoney {
    pub(crate) inner: Money,
}

impl From<Money> for PyMoney {
    fn from(inner: Money) -> PyMoney {
        PyMoney { inner }
    }
}

#[pymethods]
impl PyMoney {
    /// An amount (`decimal.Decimal`, `int` or a string; never a `float`) in `unit`.
    #[new]
    #[pyo3(signature = (amount, unit = "tkr"))]
    fn new(py: Python<'_>, amount: &Bound<'_, PyAny>, unit: &str) -> PyResult<Self> {
        guard(py, || {
            Ok(Money::new(decimal_in(amount, "amount")?, unit_in(unit)?).into())
        })
    }

    /// An amount in thousand kronor.
    #[staticmethod]
    fn tkr(py: Python<'_>, amount: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || Ok(Money::tkr(decimal_in(amount, "amount")?).into()))
    }

    /// An amount in kronor.
    #[staticmethod]
    fn sek(py: Python<'_>, amount: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || Ok(Money::sek(decimal_in(amount, "amount")?).into()))
    }

    /// The exact sum of `amounts`, all in `unit` (zero in `unit` when there are none). A
    /// `FinsamError` with code `unit_mismatch` and the item's index as path (`[2]`) when one is
    /// in another unit, `overflow` when the sum does not fit.
    #[staticmethod]
    #[pyo3(signature = (amounts, unit = "tkr"))]
    fn sum(py: Python<'_>, amounts: &Bound<'_, PyAny>, unit: &str) -> PyResult<Self> {
        let items = amounts
            .try_iter()?
            .map(|item| Ok(item?.extract::<PyMoney>()?.inner))
            .collect::<PyResult<Vec<Money>>>()?;
        guard(py, || Ok(Money::sum(items, unit_in(unit)?)?.into()))
    }

    /// The amount, a `decimal.Decimal`.
    #[getter]
    fn amount(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.amount)
    }

    /// The unit: `tkr` or `sek`.
    #[getter]
    fn unit(&self) -> &'static str {
        self.inner.unit.code()
    }

    /// The same amount in `unit`, exactly (tkr → sek multiplies by 1000, sek → tkr divides).
    fn convert(&self, py: Python<'_>, unit: &str) -> PyResult<Self> {
        guard(py, || Ok(self.inner.convert(unit_in(unit)?)?.into()))
    }

    /// Rounded to whole units of its own unit: `half_away_from_zero` (2.5 → 3, as the reports
    /// round), `half_even` (2.5 → 2) or `toward_zero` (2.9 → 2).
    #[pyo3(signature = (rounding = "half_away_from_zero"))]
    fn round(&self, py: Python<'_>, rounding: &str) -> PyResult<Self> {
        guard(py, || Ok(self.inner.round(rounding_in(rounding)?).into()))
    }

    /// Converted to `unit`, then rounded to whole units of it ("to whole tkr").
    #[pyo3(signature = (unit, rounding = "half_away_from_zero"))]
    fn round_to(&self, py: Python<'_>, unit: &str, rounding: &str) -> PyResult<Self> {
        guard(py, || {
            Ok(self
                .inner
                .round_to(unit_in(unit)?, rounding_in(rounding)?)?
                .into())
        })
    }

    /// `percent` % of this amount, exactly.
    fn percent(&self, py: Python<'_>, percent: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || {
            Ok(self.inner.percent(decimal_in(percent, "percent")?)?.into())
        })
    }

    /// What percentage this amount is of `base` (in the same unit); `None` when `base` is zero.
    fn percent_of(&self, py: Python<'_>, base: PyMoney) -> PyResult<Option<Py<PyAny>>> {
        let percent = guard(py, || Ok(self.inner.percent_of(base.inner)?))?;
        decimal_opt_out(py, percent)
    }

    /// Written the Swedish (`sv`: "1 733 tkr") or English (`en`: "1,733 kSEK") way, with at
    /// most three decimals.
    #[pyo3(signature = (language = "sv"))]
    fn format(&self, py: Python<'_>, language: &str) -> PyResult<String> {
        guard(py, || Ok(self.inner.format(language_in(language)?)))
    }

    fn __add__(&self, py: Python<'_>, other: PyMoney) -> PyResult<Self> {
        guard(py, || Ok(self.inner.checked_add(other.inner)?.into()))
    }

    fn __sub__(&self, py: Python<'_>, other: PyMoney) -> PyResult<Self> {
        guard(py, || Ok(self.inner.checked_sub(other.inner)?.into()))
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Money(Decimal('{}'), {})",
            self.inner.amount,
            repr_str(py, self.inner.unit.code())?
        ))
    }

    fn __reduce__(slf: &Bound<'_, Self>) -> PyResult<Reduced> {
        let money = slf.get().inner;
        Ok((
            slf.get_type().into_any().unbind(),
            (decimal_out(slf.py(), money.amount)?, money.unit.code()),
        ))
    }
}
