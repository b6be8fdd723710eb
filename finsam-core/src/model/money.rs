//! Money: an exact decimal amount with its unit, thousand kronor (**tkr**, most tables of the
//! reports) or whole kronor (**SEK**, the half-year intervention table). Conversions and
//! rounding are explicit calls; arithmetic is checked: adding tkr to SEK is an error, and so is
//! overflow, never a wrap or a panic.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::common::error::{Error, ErrorKind, Result};
use crate::common::locale::{format_number, Language};

/// The unit of an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Thousand kronor (*tkr*).
    Tkr,
    /// Kronor (*kr*, SEK).
    Sek,
}

impl Unit {
    /// The stable code: `tkr` or `sek`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }

    /// How written after an amount: "tkr" or "kr" in Swedish, "kSEK" or "SEK" in English.
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (Unit::Tkr, Language::Swedish) => "tkr",
            (Unit::Sek, Language::Swedish) => "kr",
            (Unit::Tkr, Language::English) => "kSEK",
            (Unit::Sek, Language::English) => "SEK",
        }
    }

    /// Kronor in one of this unit: 1000 for tkr, 1 for SEK.
    pub fn kronor(self) -> Decimal {
        match self {
            Unit::Tkr => Decimal::ONE_THOUSAND,
            Unit::Sek => Decimal::ONE,
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(Language::Swedish))
    }
}

/// How to round an amount to whole units. The default is half away from zero (2.5 → 3,
/// −2.5 → −3), as the reports round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Halves away from zero: 2.5 → 3, −2.5 → −3.
    #[default]
    HalfAwayFromZero,
    /// Halves to the even neighbour (banker's rounding): 2.5 → 2, 3.5 → 4.
    HalfEven,
    /// Towards zero (truncation): 2.9 → 2, −2.9 → −2.
    TowardZero,
}

impl Rounding {
    fn strategy(self) -> RoundingStrategy {
        match self {
            Rounding::HalfAwayFromZero => RoundingStrategy::MidpointAwayFromZero,
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
            Rounding::TowardZero => RoundingStrategy::ToZero,
        }
    }
}

/// An exact amount of money in a unit.
///
/// ```
/// use finsam_core::{Money, Rounding, Unit};
/// use rust_decimal::Decimal;
/// let outcome = Money::sek(Decimal::from(1_732_974));
/// let tkr = outcome.convert(Unit::Tkr)?;
/// assert_eq!(tkr.amount, Decimal::new(1_732_974, 3));
/// assert_eq!(tkr.round(Rounding::HalfAwayFromZero).to_string(), "1 733 tkr");
/// // Units never mix silently.
/// let error = tkr.checked_add(Money::sek(Decimal::ONE)).unwrap_err();
/// assert_eq!(error.code(), "unit_mismatch");
/// # Ok::<(), finsam_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Money {
    /// The amount, in `unit`.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub amount: Decimal,
    /// The unit of `amount`.
    pub unit: Unit,
}

impl Money {
    /// An amount in `unit`.
    pub fn new(amount: Decimal, unit: Unit) -> Money {
        Money { amount, unit }
    }

    /// An amount in thousand kronor.
    pub fn tkr(amount: Decimal) -> Money {
        Money::new(amount, Unit::Tkr)
    }

    /// An amount in kronor.
    pub fn sek(amount: Decimal) -> Money {
        Money::new(amount, Unit::Sek)
    }

    /// Zero in `unit`.
    pub fn zero(unit: Unit) -> Money {
        Money::new(Decimal::ZERO, unit)
    }

    /// The same amount in `unit`, exactly (tkr → SEK multiplies by 1000, SEK → tkr divides).
    /// An error with code `overflow` when the result does not fit.
    pub fn convert(self, unit: Unit) -> Result<Money> {
        if unit == self.unit {
            return Ok(self);
        }
        let amount = match (self.unit, unit) {
            (Unit::Tkr, Unit::Sek) => self.amount.checked_mul(Decimal::ONE_THOUSAND),
            _ => self.amount.checked_div(Decimal::ONE_THOUSAND),
        }
        .ok_or_else(|| overflow(format!("{self} in {unit}")))?;
        Ok(Money::new(amount, unit))
    }

    /// Rounded to whole units of its own unit.
    pub fn round(self, rounding: Rounding) -> Money {
        Money::new(
            self.amount.round_dp_with_strategy(0, rounding.strategy()),
            self.unit,
        )
    }

    /// Converted to `unit`, then rounded to whole units of it: the usual "to whole tkr".
    pub fn round_to(self, unit: Unit, rounding: Rounding) -> Result<Money> {
        Ok(self.convert(unit)?.round(rounding))
    }

    /// The sum; an error when the units differ (`unit_mismatch`) or on overflow.
    pub fn checked_add(self, other: Money) -> Result<Money> {
        self.same_unit(other)?;
        self.amount
            .checked_add(other.amount)
            .map(|amount| Money::new(amount, self.unit))
            .ok_or_else(|| overflow(format!("{self} + {other}")))
    }

    /// The difference; an error when the units differ (`unit_mismatch`) or on overflow.
    pub fn checked_sub(self, other: Money) -> Result<Money> {
        self.same_unit(other)?;
        self.amount
            .checked_sub(other.amount)
            .map(|amount| Money::new(amount, self.unit))
            .ok_or_else(|| overflow(format!("{self} − {other}")))
    }

    /// `percent` % of this amount, exact; an error on overflow.
    pub fn percent(self, percent: Decimal) -> Result<Money> {
        self.amount
            .checked_mul(percent)
            .and_then(|product| product.checked_div(Decimal::ONE_HUNDRED))
            .map(|amount| Money::new(amount, self.unit))
            .ok_or_else(|| overflow(format!("{percent} % of {self}")))
    }

    /// What percentage this amount is of `base` (both in one unit); `None` when `base` is zero.
    pub fn percent_of(self, base: Money) -> Result<Option<Decimal>> {
        self.same_unit(base)?;
        percent_of(self.amount, base.amount)
    }

    /// The sum of `amounts`, all in `unit`, exact and independent of order; an error on a unit
    /// mismatch (naming the item's index) or on overflow.
    pub fn sum(amounts: impl IntoIterator<Item = Money>, unit: Unit) -> Result<Money> {
        amounts
            .into_iter()
            .enumerate()
            .try_fold(Money::zero(unit), |sum, (index, amount)| {
                sum.checked_add(amount)
                    .map_err(|e| e.under(&format!("[{index}]")))
            })
    }

    /// Written the Swedish or English way: "1 733 tkr", "1,733 kSEK".
    pub fn format(self, language: Language) -> String {
        format!(
            "{} {}",
            format_number(self.amount, 3, language),
            self.unit.label(language)
        )
    }

    fn same_unit(self, other: Money) -> Result<()> {
        if self.unit == other.unit {
            Ok(())
        } else {
            Err(Error::new(
                ErrorKind::UnitMismatch,
                "",
                format!("{self} and {other} are in different units; convert one of them first"),
            ))
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format(Language::Swedish))
    }
}

/// `part` as a percentage of `base`; `None` when `base` is zero; an error on overflow.
pub(crate) fn percent_of(part: Decimal, base: Decimal) -> Result<Option<Decimal>> {
    if base.is_zero() {
        return Ok(None);
    }
    part.checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|scaled| scaled.checked_div(base))
        .map(Some)
        .ok_or_else(|| overflow(format!("{part} as a percentage of {base}")))
}

/// Checked sum of decimals; an error on overflow.
pub(crate) fn checked_sum(values: impl IntoIterator<Item = Decimal>) -> Result<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |sum, value| sum.checked_add(value))
        .ok_or_else(|| overflow("a sum of amounts".to_owned()))
}

/// Checked difference of decimals; an error on overflow.
pub(crate) fn checked_difference(left: Decimal, right: Decimal) -> Result<Decimal> {
    left.checked_sub(right)
        .ok_or_else(|| overflow(format!("{left} − {right}")))
}

fn overflow(what: String) -> Error {
    Error::new(
        ErrorKind::Overflow,
        "",
        format!("{what} does not fit in a decimal"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure<T>(result: Result<T>) -> Option<(&'static str, String)> {
        result.err().map(|e| (e.code(), e.path().to_owned()))
    }

    #[test]
    fn rounding_is_explicit_and_configurable() {
        let half = Money::tkr(Decimal::new(25, 1));
        assert_eq!(
            half.round(Rounding::HalfAwayFromZero).amount,
            Decimal::from(3)
        );
        assert_eq!(half.round(Rounding::HalfEven).amount, Decimal::from(2));
        assert_eq!(half.round(Rounding::TowardZero).amount, Decimal::from(2));
        let negative = Money::tkr(Decimal::new(-25, 1));
        assert_eq!(
            negative.round(Rounding::default()).amount,
            Decimal::from(-3)
        );
    }

    #[test]
    fn overflow_is_an_error() {
        assert_eq!(
            failure(Money::tkr(Decimal::MAX).convert(Unit::Sek)),
            Some(("overflow", String::new()))
        );
        assert_eq!(
            failure(Money::sek(Decimal::MAX).checked_add(Money::sek(Decimal::ONE))),
            Some(("overflow", String::new()))
        );
    }

    #[test]
    fn a_unit_mismatch_in_a_sum_names_the_item() {
        assert_eq!(
            failure(Money::sum(
                [Money::tkr(Decimal::ONE), Money::sek(Decimal::ONE)],
                Unit::Tkr
            )),
            Some(("unit_mismatch", "[1]".to_owned()))
        );
    }

    #[test]
    fn formats_in_both_languages() {
        let amount = Money::sek(Decimal::from(-185_239));
        assert_eq!(amount.format(Language::Swedish), "-185 239 kr");
        assert_eq!(amount.format(Language::English), "-185,239 SEK");
        assert_eq!(
            Money::tkr(Decimal::new(17_4575, 1)).format(Language::Swedish),
            "17 457,5 tkr"
        );
    }
}
