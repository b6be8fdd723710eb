//! The reporting period: a whole year (annual report, *årsredovisning*) or its first half
//! (half-year report, *halvårsrapport*).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::common::error::{Error, ErrorKind, Result};

/// Which part of the year a period covers.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodPart {
    /// January to June (*första halvåret*).
    FirstHalf,
    /// The whole calendar year.
    FullYear,
}

/// A reporting period, written `2017` for a year and `2017-H1` for its first half.
///
/// ```
/// use finsam_core::Period;
/// let p: Period = "2019-H1".parse()?;
/// assert_eq!(p.year(), 2019);
/// assert_eq!(p.to_string(), "2019-H1");
/// # Ok::<(), finsam_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    year: u16,
    part: PeriodPart,
}

/// The earliest year a period may name (Finsam began in 2004).
pub const FIRST_YEAR: u16 = 2004;
/// The latest year a period may name.
pub const LAST_YEAR: u16 = 2199;

impl Period {
    /// The whole of `year`.
    pub fn year_of(year: u16) -> Result<Period> {
        Period::new(year, PeriodPart::FullYear)
    }

    /// The first half of `year`.
    pub fn first_half_of(year: u16) -> Result<Period> {
        Period::new(year, PeriodPart::FirstHalf)
    }

    /// A period of `year` covering `part`; the year must lie in [`FIRST_YEAR`]..=[`LAST_YEAR`].
    pub fn new(year: u16, part: PeriodPart) -> Result<Period> {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return Err(Error::bilingual(
                ErrorKind::InvalidPeriod,
                "",
                format!("året {year} ligger utanför {FIRST_YEAR}–{LAST_YEAR}"),
                format!("year {year} is outside {FIRST_YEAR}..={LAST_YEAR}"),
            ));
        }
        Ok(Period { year, part })
    }

    /// The calendar year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// Which part of the year.
    pub fn part(self) -> PeriodPart {
        self.part
    }

    /// The period of the same part one year earlier, if that is a valid period.
    pub fn previous_year(self) -> Option<Period> {
        Period::new(self.year.checked_sub(1)?, self.part).ok()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.part {
            PeriodPart::FullYear => write!(f, "{}", self.year),
            PeriodPart::FirstHalf => write!(f, "{}-H1", self.year),
        }
    }
}

impl FromStr for Period {
    type Err = Error;

    fn from_str(text: &str) -> Result<Period> {
        let text = text.trim();
        let (year, part) = match text
            .strip_suffix("-H1")
            .or_else(|| text.strip_suffix("-h1"))
        {
            Some(year) => (year, PeriodPart::FirstHalf),
            None => (text, PeriodPart::FullYear),
        };
        let invalid = || {
            Error::bilingual(
                ErrorKind::InvalidPeriod,
                "",
                format!("'{text}' är ingen period; skriv ett år som 2017 eller ett första halvår som 2017-H1"),
                format!("'{text}' is not a period; write a year such as 2017 or a first half such as 2017-H1"),
            )
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        let year: u16 = year.parse().map_err(|_| invalid())?;
        Period::new(year, part)
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Period, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(crate::common::json::to_serde_error)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Period {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A reporting period: a year (\"2017\") or its first half (\"2017-H1\").",
            "type": "string",
            "pattern": "^[0-9]{4}(-H1)?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() -> Result<()> {
        assert_eq!("2017".parse::<Period>()?, Period::year_of(2017)?);
        assert_eq!("2019-H1".parse::<Period>()?, Period::first_half_of(2019)?);
        assert_eq!(Period::first_half_of(2019)?.to_string(), "2019-H1");
        assert_eq!(
            Period::year_of(2017)?.previous_year(),
            Some(Period::year_of(2016)?)
        );
        Ok(())
    }

    #[test]
    fn rejects_other_text() {
        for bad in ["17", "2017-H2", "år 2017", "", "1999", "20x7"] {
            let err = bad.parse::<Period>().err();
            assert_eq!(
                err.map(|e| e.kind()),
                Some(ErrorKind::InvalidPeriod),
                "{bad}"
            );
        }
    }
}
