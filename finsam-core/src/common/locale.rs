//! Language of output, and numbers written the Swedish way ("1 150", "8,5 %") or the English
//! way ("1,150", "8.5%").

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::common::error::{Error, ErrorKind, Result};

/// The language of labels, explanations and number formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Language {
    /// Swedish, the default (`sv`).
    #[default]
    #[serde(rename = "sv")]
    Swedish,
    /// English (`en`).
    #[serde(rename = "en")]
    English,
}

impl Language {
    /// The ISO 639-1 code: `sv` or `en`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }

    /// Picks the Swedish or the English text.
    pub fn pick<'a>(self, swedish: &'a str, english: &'a str) -> &'a str {
        match self {
            Language::Swedish => swedish,
            Language::English => english,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = Error;

    fn from_str(text: &str) -> Result<Language> {
        match text.trim().to_lowercase().as_str() {
            "sv" | "swedish" | "svenska" => Ok(Language::Swedish),
            "en" | "english" | "engelska" => Ok(Language::English),
            other => Err(Error::new(
                ErrorKind::UnknownVariant,
                "",
                format!("'{other}' is not a language; use sv or en"),
            )),
        }
    }
}

/// Writes `value` rounded (half away from zero) to at most `max_decimals` decimals, without
/// trailing zeros, with the language's thousands separator and decimal mark.
///
/// ```
/// use finsam_core::{format_number, Language};
/// use rust_decimal::Decimal;
/// assert_eq!(format_number(Decimal::new(1150, 0), 1, Language::Swedish), "1 150");
/// assert_eq!(format_number(Decimal::new(85, 1), 1, Language::Swedish), "8,5");
/// assert_eq!(format_number(Decimal::new(-12345678, 3), 2, Language::English), "-12,345.68");
/// ```
pub fn format_number(value: Decimal, max_decimals: u32, language: Language) -> String {
    let rounded = value
        .round_dp_with_strategy(max_decimals, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    let text = rounded.abs().to_string();
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text.as_str(), None),
    };
    let (group, mark) = match language {
        Language::Swedish => (' ', ','),
        Language::English => (',', '.'),
    };
    let mut out = String::with_capacity(text.len() + 4);
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push('-');
    }
    let digits = whole.len();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push(mark);
        out.push_str(fraction);
    }
    out
}

/// Writes a percentage (0–100 scale): "93 %" in Swedish, "93%" in English, with at most one
/// decimal.
///
/// ```
/// use finsam_core::{format_percent, Language};
/// use rust_decimal::Decimal;
/// assert_eq!(format_percent(Decimal::new(9569, 2), Language::Swedish), "95,7 %");
/// assert_eq!(format_percent(Decimal::new(93, 0), Language::English), "93%");
/// ```
pub fn format_percent(percent: Decimal, language: Language) -> String {
    let number = format_number(percent, 1, language);
    match language {
        Language::Swedish => format!("{number} %"),
        Language::English => format!("{number}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_and_uses_decimal_comma() {
        let sv = Language::Swedish;
        assert_eq!(format_number(Decimal::new(0, 0), 2, sv), "0");
        assert_eq!(format_number(Decimal::new(999, 0), 2, sv), "999");
        assert_eq!(
            format_number(Decimal::new(1_234_567, 0), 0, sv),
            "1 234 567"
        );
        assert_eq!(format_number(Decimal::new(-5, 1), 0, sv), "-1");
        assert_eq!(format_number(Decimal::new(-4, 1), 0, sv), "0");
        assert_eq!(format_number(Decimal::new(12_500, 3), 3, sv), "12,5");
        assert_eq!(format_percent(Decimal::new(100, 0), sv), "100 %");
    }

    #[test]
    fn parses_language_codes() -> Result<()> {
        assert_eq!("SV".parse::<Language>()?, Language::Swedish);
        assert_eq!("english".parse::<Language>()?, Language::English);
        assert!("de".parse::<Language>().is_err());
        Ok(())
    }
}
