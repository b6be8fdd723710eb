//! Money as a Python value class: `Money`, an exact decimal amount in thousand kronor (`tkr`)
//! or kronor (`sek`). Conversion, rounding, checked arithmetic and formatting are the core's
//! ([`finsam_core::Money`]); adding `tkr` to `sek`, or an overflow, raises a `FinsamError`
//! (`unit_mismatch`, `overflow`).

use finsam_core::{Language, Money, Rounding, Unit};
use pyo3::prelude::*;

use crate::convert::{decimal_in, decimal_opt_out, decimal_out, repr_str, Arg, SV};
use crate::errors::{catch, Result};

/// The unit argument's default, thousand kronor.
const TKR: Arg<Unit> = Arg(Unit::Tkr);

/// The rounding argument's default, half away from zero (as the reports round).
const HALF_AWAY: Arg<Rounding> = Arg(Rounding::HalfAwayFromZero);

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
    #[pyo3(signature = (amount, unit = TKR))]
    fn new(amount: &Bound<'_, PyAny>, unit: Arg<Unit>) -> Result<Self> {
        Ok(Money::new(decimal_in(amount, "amount")?, unit.0).into())
    }

    /// An amount in thousand kronor.
    #[staticmethod]
    fn tkr(amount: &Bound<'_, PyAny>) -> Result<Self> {
        Ok(Money::tkr(decimal_in(amount, "amount")?).into())
    }

    /// An amount in kronor.
    #[staticmethod]
    fn sek(amount: &Bound<'_, PyAny>) -> Result<Self> {
        Ok(Money::sek(decimal_in(amount, "amount")?).into())
    }

    /// The exact sum of `amounts`, all in `unit` (zero in `unit` when there are none). A
    /// `FinsamError` with code `unit_mismatch` and the item's index as path (`[2]`) when one is
    /// in another unit, `overflow` when the sum does not fit.
    #[staticmethod]
    #[pyo3(signature = (amounts, unit = TKR))]
    fn sum(amounts: &Bound<'_, PyAny>, unit: Arg<Unit>) -> Result<Self> {
        let items = amounts
            .try_iter()?
            .map(|item| Ok(item?.extract::<PyMoney>()?.inner))
            .collect::<PyResult<Vec<Money>>>()?;
        Ok(catch(|| Money::sum(items, unit.0))?.into())
    }

    /// The amount, a `decimal.Decimal`.
    #[getter]
    fn amount(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        decimal_out(py, self.inner.amount)
    }

    /// The unit: `tkr` or `sek`.
    #[getter]
    fn unit(&self) -> &'static str {
        self.inner.unit.code()
    }

    /// The same amount in `unit`, exactly (tkr → sek multiplies by 1000, sek → tkr divides).
    fn convert(&self, unit: Arg<Unit>) -> Result<Self> {
        Ok(catch(|| self.inner.convert(unit.0))?.into())
    }

    /// Rounded to whole units of its own unit: `half_away_from_zero` (2.5 → 3, as the reports
    /// round), `half_even` (2.5 → 2) or `toward_zero` (2.9 → 2).
    #[pyo3(signature = (rounding = HALF_AWAY))]
    fn round(&self, rounding: Arg<Rounding>) -> Self {
        self.inner.round(rounding.0).into()
    }

    /// Converted to `unit`, then rounded to whole units of it ("to whole tkr").
    #[pyo3(signature = (unit, rounding = HALF_AWAY))]
    fn round_to(&self, unit: Arg<Unit>, rounding: Arg<Rounding>) -> Result<Self> {
        Ok(catch(|| self.inner.round_to(unit.0, rounding.0))?.into())
    }

    /// `percent` % of this amount, exactly.
    fn percent(&self, percent: &Bound<'_, PyAny>) -> Result<Self> {
        let percent = decimal_in(percent, "percent")?;
        Ok(catch(|| self.inner.percent(percent))?.into())
    }

    /// What percentage this amount is of `base` (in the same unit); `None` when `base` is zero.
    fn percent_of(&self, py: Python<'_>, base: PyMoney) -> Result<Option<Py<PyAny>>> {
        let percent = catch(|| self.inner.percent_of(base.inner))?;
        decimal_opt_out(py, percent)
    }

    /// Written the Swedish (`sv`: "1 733 tkr") or English (`en`: "1,733 kSEK") way, with at
    /// most three decimals.
    #[pyo3(signature = (language = SV))]
    fn format(&self, language: Arg<Language>) -> String {
        self.inner.format(language.0)
    }

    fn __add__(&self, other: PyMoney) -> Result<Self> {
        Ok(catch(|| self.inner.checked_add(other.inner))?.into())
    }

    fn __sub__(&self, other: PyMoney) -> Result<Self> {
        Ok(catch(|| self.inner.checked_sub(other.inner))?.into())
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __repr__(&self, py: Python<'_>) -> Result<String> {
        Ok(format!(
            "Money(Decimal('{}'), {})",
            self.inner.amount,
            repr_str(py, self.inner.unit.code())?
        ))
    }

    fn __reduce__(slf: &Bound<'_, Self>) -> Result<Reduced> {
        let money = slf.get().inner;
        Ok((
            slf.get_type().into_any().unbind(),
            (decimal_out(slf.py(), money.amount)?, money.unit.code()),
        ))
    }
}
