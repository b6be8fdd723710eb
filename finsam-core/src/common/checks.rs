//! Checks shared by the model's constructors: text that must say something, numbers that may
//! not be negative, percentages, whole numbers.

use rust_decimal::Decimal;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

use crate::common::error::{Error, ErrorKind, Result};

pub(crate) fn check_not_negative(value: Decimal, field: &str) -> Result<()> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(Error::bilingual(
            ErrorKind::NegativeValue,
            field,
            format!("{value} är negativt"),
            format!("{value} is negative"),
        ));
    }
    Ok(())
}

pub(crate) fn check_percent(value: Decimal, field: &str) -> Result<()> {
    check_not_negative(value, field)?;
    if value > HUNDRED {
        return Err(Error::bilingual(
            ErrorKind::ShareAbove100,
            field,
            format!("{value} % är mer än 100 %"),
            format!("{value}% is above 100%"),
        ));
    }
    Ok(())
}

pub(crate) fn check_whole(value: Decimal, field: &str) -> Result<()> {
    if !value.fract().is_zero() {
        return Err(Error::bilingual(
            ErrorKind::NotWholeNumber,
            field,
            format!("{value} är inte ett heltal"),
            format!("{value} is not a whole number"),
        ));
    }
    Ok(())
}

pub(crate) fn check_text(text: &str, field: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::bilingual(
            ErrorKind::EmptyText,
            field,
            "är tomt",
            "is empty",
        ));
    }
    Ok(())
}
