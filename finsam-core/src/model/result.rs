//! The result reported for a goal in a period (*resultat*): a count, a share, a qualitative
//! statement with a person's assessment, or the report's word that it was not measured, not
//! applicable or is missing.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::common::checks::{check_not_negative, check_percent, check_text, check_whole};
use crate::common::error::{Error, ErrorKind, Result};
use crate::common::locale::{format_number, format_percent, Language};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// A result for one goal in one period.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(
    tag = "type",
    rename_all = "snake_case",
    try_from = "crate::model::fields::ResultFields"
)]
pub enum GoalResult {
    /// A number of something: "96 deltagare", "21 remisser".
    Count(CountResult),
    /// A share: "93 %", or better "96 % (48 av 50)".
    Share(ShareResult),
    /// A statement in words, with a person's assessment of whether it meets the goal.
    Qualitative(QualitativeResult),
    /// The goal was not measured: "Ej mätbart", "Mätning ej gjord". Counts as not reached.
    NotMeasured {
        /// The report's wording, kept as printed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        wording: Option<String>,
    },
    /// The goal does not apply this period: "Ej tillämpbart". Left out of grading.
    NotApplicable {
        /// The report's wording, kept as printed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        wording: Option<String>,
    },
    /// No result was reported ("Resultat saknas", or a blank cell). Counts as not reached.
    Missing {
        /// The report's wording, kept as printed, if it said anything.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        wording: Option<String>,
    },
}

impl GoalResult {
    /// A count result; the value may not be negative.
    pub fn count(value: Decimal) -> Result<GoalResult> {
        CountResult::new(value).map(GoalResult::Count)
    }

    /// A share given only as a printed percentage (0–100).
    pub fn share_percent(percent: Decimal) -> Result<GoalResult> {
        ShareResult::new(Some(percent), None).map(GoalResult::Share)
    }

    /// A share given as "n av N" (numerator and denominator), without a printed percentage.
    pub fn share_fraction(numerator: Decimal, denominator: Decimal) -> Result<GoalResult> {
        ShareResult::new(None, Some((numerator, denominator))).map(GoalResult::Share)
    }

    /// A qualitative result: what the report says and whether it meets the goal.
    pub fn qualitative(
        text: impl Into<String>,
        assessment: QualitativeAssessment,
    ) -> Result<GoalResult> {
        QualitativeResult::new(text, assessment).map(GoalResult::Qualitative)
    }

    /// Not measured, with the report's wording if any.
    pub fn not_measured(wording: Option<String>) -> GoalResult {
        GoalResult::NotMeasured { wording }
    }

    /// Not applicable, with the report's wording if any.
    pub fn not_applicable(wording: Option<String>) -> GoalResult {
        GoalResult::NotApplicable { wording }
    }

    /// Missing, with nothing reported.
    pub fn missing() -> GoalResult {
        GoalResult::Missing { wording: None }
    }

    /// What makes the result impossible as printed, if anything: a share's numerator above its
    /// denominator, percentage above 100 or zero denominator (see
    /// [`ShareResult::impossibility`]). Such a result loads; the checker reports it.
    pub fn impossibility(&self) -> Option<Error> {
        match self {
            GoalResult::Share(share) => share.impossibility(),
            _ => None,
        }
    }

    /// The result as a report table prints it: "67 % (14 av 21)", "1 150", "Ej mätt" (the
    /// examples are at `render::result_text`).
    pub fn shown(&self, language: Language) -> String {
        let wording_or = |wording: &Option<String>, sv: &str, en: &str| {
            wording
                .clone()
                .unwrap_or_else(|| language.pick(sv, en).to_owned())
        };
        match self {
            GoalResult::Count(count) => format_number(count.value(), 2, language),
            // A fraction alone is shown with its exact percentage: "8,5 % (17 av 200)".
            GoalResult::Share(share) => match (share.percent, share.fraction_percent) {
                (None, Some(exact)) => format!(
                    "{} ({})",
                    format_percent(exact, language),
                    share.as_written(language)
                ),
                _ => share.as_written(language),
            },
            GoalResult::Qualitative(qualitative) => qualitative.text().to_owned(),
            GoalResult::NotMeasured { wording } => wording_or(wording, "Ej mätt", "Not measured"),
            GoalResult::NotApplicable { wording } => {
                wording_or(wording, "Ej tillämpligt", "Not applicable")
            }
            GoalResult::Missing { wording } => wording_or(wording, "Resultat saknas", "No result"),
        }
    }

    /// The result if it is possible, else the error a form shows for it: strict, as
    /// [`ShareResult::new`] is.
    pub fn strict(self) -> Result<GoalResult> {
        match self.impossibility() {
            Some(error) => Err(error),
            None => Ok(self),
        }
    }

    /// The stable code of the result's form: `count`, `share`, `qualitative`, `not_measured`,
    /// `not_applicable` or `missing`.
    pub fn code(&self) -> &'static str {
        match self {
            GoalResult::Count(_) => "count",
            GoalResult::Share(_) => "share",
            GoalResult::Qualitative(_) => "qualitative",
            GoalResult::NotMeasured { .. } => "not_measured",
            GoalResult::NotApplicable { .. } => "not_applicable",
            GoalResult::Missing { .. } => "missing",
        }
    }
}

/// A count result: a number that is not negative.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CountResult {
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    value: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

impl CountResult {
    /// A count of `value`, which may not be negative.
    pub fn new(value: Decimal) -> Result<CountResult> {
        check_not_negative(value, "value")?;
        Ok(CountResult { value, text: None })
    }

    /// The same result, keeping the text the report printed ("96 deltagare").
    #[must_use]
    pub fn with_text(mut self, text: Option<String>) -> CountResult {
        self.text = text;
        self
    }

    /// The counted value.
    pub fn value(&self) -> Decimal {
        self.value
    }

    /// The text the report printed, if kept.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }
}

/// A share result: a printed percentage, a fraction "n av N", or both. Both are kept when
/// given, so that a percentage that does not match its fraction can be seen and checked.
///
/// ```
/// use finsam_core::ShareResult;
/// use rust_decimal::Decimal;
/// let share = ShareResult::new(Some(Decimal::from(93)), Some((Decimal::from(89), Decimal::from(93))))?;
/// assert_eq!(share.fraction_percent().map(|p| p.round_dp(1)), Some(Decimal::new(957, 1)));
/// # Ok::<(), finsam_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ShareResult {
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    percent: Option<Decimal>,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    numerator: Option<Decimal>,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    denominator: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    /// `100 · n / N`, computed once when the share is made: grading, calibration (which grades
    /// the same results under many policies), the checker and the tables all read it.
    #[serde(skip)]
    fraction_percent: Option<Decimal>,
}

impl ShareResult {
    /// A share from a printed percentage (0–100) and/or a fraction `(numerator, denominator)`,
    /// as a form enters it: strict.
    ///
    /// Errors name the field: a negative number (`negative_value`), a percentage above 100
    /// (`share_above_100`), a fraction that is not whole numbers (`not_whole_number`), a zero
    /// denominator (`zero_denominator`), a numerator above its denominator
    /// (`numerator_above_denominator`), or neither percentage nor fraction (`empty_share`).
    /// A report that printed such a share still loads: see [`ShareResult::as_printed`].
    pub fn new(
        percent: Option<Decimal>,
        fraction: Option<(Decimal, Decimal)>,
    ) -> Result<ShareResult> {
        let share = ShareResult::as_printed(percent, fraction)?;
        match share.impossibility() {
            Some(error) => Err(error),
            None => Ok(share),
        }
    }

    /// A share as a report printed it, which may be impossible: a numerator above its
    /// denominator ("14 av 12"), a percentage above 100, or a zero denominator ("0 av 0").
    /// Such a share loads, so that nothing printed is lost; [`ShareResult::impossibility`]
    /// says what is wrong with it, and the checker reports it (`share_impossible`).
    ///
    /// What cannot be a share at all is still an error: a negative number
    /// (`negative_value`), a fraction that is not whole numbers (`not_whole_number`), or
    /// neither percentage nor fraction (`empty_share`).
    ///
    /// ```
    /// use finsam_core::ShareResult;
    /// use rust_decimal::Decimal;
    /// let share = ShareResult::as_printed(None, Some((Decimal::from(14), Decimal::from(12))))?;
    /// assert_eq!(share.impossibility().map(|e| e.code()), Some("numerator_above_denominator"));
    /// assert!(ShareResult::new(None, Some((Decimal::from(14), Decimal::from(12)))).is_err());
    /// # Ok::<(), finsam_core::Error>(())
    /// ```
    pub fn as_printed(
        percent: Option<Decimal>,
        fraction: Option<(Decimal, Decimal)>,
    ) -> Result<ShareResult> {
        if let Some(percent) = percent {
            check_not_negative(percent, "percent")?;
        }
        if let Some((numerator, denominator)) = fraction {
            check_not_negative(numerator, "numerator")?;
            check_not_negative(denominator, "denominator")?;
            check_whole(numerator, "numerator")?;
            check_whole(denominator, "denominator")?;
        }
        if percent.is_none() && fraction.is_none() {
            return Err(Error::bilingual(
                ErrorKind::EmptyShare,
                "",
                "en andel behöver en procentsats, en täljare och en nämnare, eller båda",
                "a share needs a percentage, a numerator and denominator, or both",
            ));
        }
        let fraction_percent = match fraction {
            // "0 av 0" has no percentage.
            Some((_, denominator)) if denominator.is_zero() => None,
            Some((numerator, denominator)) => Some(
                numerator
                    .checked_div(denominator)
                    .and_then(|ratio| ratio.checked_mul(HUNDRED))
                    .ok_or_else(|| {
                        Error::bilingual(
                            ErrorKind::Overflow,
                            "numerator",
                            "andelens procentsats kunde inte räknas ut",
                            "the share's percentage could not be computed",
                        )
                    })?,
            ),
            None => None,
        };
        Ok(ShareResult {
            percent,
            numerator: fraction.map(|f| f.0),
            denominator: fraction.map(|f| f.1),
            text: None,
            fraction_percent,
        })
    }

    /// What makes the share impossible, if anything: the error [`ShareResult::new`] gives for
    /// it (`share_above_100`, `zero_denominator` or `numerator_above_denominator`), with the
    /// field it is in.
    pub fn impossibility(&self) -> Option<Error> {
        if let Some(error) = self.percent.and_then(|p| check_percent(p, "percent").err()) {
            return Some(error);
        }
        let (numerator, denominator) = (self.numerator?, self.denominator?);
        if denominator.is_zero() {
            return Some(Error::bilingual(
                ErrorKind::ZeroDenominator,
                "denominator",
                "nämnaren i en andel är noll",
                "the denominator of a share is zero",
            ));
        }
        (numerator > denominator).then(|| {
            Error::bilingual(
                ErrorKind::NumeratorAboveDenominator,
                "numerator",
                format!("täljaren {numerator} är större än nämnaren {denominator}"),
                format!("the numerator {numerator} is larger than the denominator {denominator}"),
            )
        })
    }

    /// The same result, keeping the text the report printed.
    #[must_use]
    pub fn with_text(mut self, text: Option<String>) -> ShareResult {
        self.text = text;
        self
    }

    /// The share with the figures the report gave and no others: "120 %", "14 av 12",
    /// "50 % (9 av 8)" ("50% (9 of 8)" in English).
    pub fn as_written(&self, language: Language) -> String {
        let percent = self.percent.map(|p| format_percent(p, language));
        let fraction = self.numerator.zip(self.denominator).map(|(n, d)| {
            format!(
                "{} {} {}",
                format_number(n, 0, language),
                language.pick("av", "of"),
                format_number(d, 0, language)
            )
        });
        match (percent, fraction) {
            (Some(percent), Some(fraction)) => format!("{percent} ({fraction})"),
            (Some(shown), None) | (None, Some(shown)) => shown,
            // A share has one or the other (checked when it is made).
            (None, None) => String::new(),
        }
    }

    /// The percentage as printed, if given.
    pub fn percent(&self) -> Option<Decimal> {
        self.percent
    }

    /// The numerator ("n" of "n av N"), if given.
    pub fn numerator(&self) -> Option<Decimal> {
        self.numerator
    }

    /// The denominator ("N" of "n av N"), if given.
    pub fn denominator(&self) -> Option<Decimal> {
        self.denominator
    }

    /// The text the report printed, if kept.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// The exact percentage `100 · n / N` of the fraction, if one is given.
    pub fn fraction_percent(&self) -> Option<Decimal> {
        self.fraction_percent
    }

    /// The percentage the result stands for: the fraction's exact percentage when a fraction is
    /// given (the printed figure is often rounded or wrong), else the printed percentage.
    /// `None` only for a printed "0 av 0" without a percentage, which stands for none.
    pub fn value_percent(&self, basis: ShareBasis) -> Option<Decimal> {
        match basis {
            ShareBasis::Fraction => self.fraction_percent.or(self.percent),
            ShareBasis::Printed => self.percent.or(self.fraction_percent),
        }
    }

    /// How far the printed percentage is from the fraction's, in percentage points, when both
    /// are given.
    pub fn printed_deviation(&self) -> Option<Decimal> {
        Some((self.percent? - self.fraction_percent()?).abs())
    }
}

/// Which figure of a share grading uses when a report gives both a percentage and a fraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ShareBasis {
    /// The fraction "n av N" (exact), falling back to the printed percentage. The default.
    #[default]
    Fraction,
    /// The printed percentage, falling back to the fraction.
    Printed,
}

/// A person's assessment of whether a qualitative result meets its goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum QualitativeAssessment {
    /// The goal is met.
    Reached,
    /// The goal is not met.
    NotReached,
    /// Nobody has assessed it yet; counts as not reached for want of measurement.
    NotAssessed,
}

impl QualitativeAssessment {
    /// The stable code: `reached`, `not_reached`, `not_assessed`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }
}

/// A qualitative result: the report's words and an assessment.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QualitativeResult {
    text: String,
    assessment: QualitativeAssessment,
}

impl QualitativeResult {
    /// A qualitative result; the text may not be blank.
    pub fn new(
        text: impl Into<String>,
        assessment: QualitativeAssessment,
    ) -> Result<QualitativeResult> {
        let text = text.into();
        check_text(&text, "text")?;
        Ok(QualitativeResult { text, assessment })
    }

    /// What the report says.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether it meets the goal.
    pub fn assessment(&self) -> QualitativeAssessment {
        self.assessment
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: i64) -> Decimal {
        Decimal::from(n)
    }

    fn kind_of<T>(result: Result<T>) -> Option<(ErrorKind, String)> {
        result.err().map(|e| (e.kind(), e.path().to_owned()))
    }

    #[test]
    fn share_validation_names_the_field() {
        assert_eq!(
            kind_of(ShareResult::new(Some(d(101)), None)),
            Some((ErrorKind::ShareAbove100, "percent".into()))
        );
        assert_eq!(
            kind_of(ShareResult::new(Some(d(-1)), None)),
            Some((ErrorKind::NegativeValue, "percent".into()))
        );
        assert_eq!(
            kind_of(ShareResult::new(None, Some((d(5), d(4))))),
            Some((ErrorKind::NumeratorAboveDenominator, "numerator".into()))
        );
        assert_eq!(
            kind_of(ShareResult::new(None, Some((d(0), d(0))))),
            Some((ErrorKind::ZeroDenominator, "denominator".into()))
        );
        assert_eq!(
            kind_of(ShareResult::new(None, Some((Decimal::new(15, 1), d(4))))),
            Some((ErrorKind::NotWholeNumber, "numerator".into()))
        );
        assert_eq!(
            kind_of(ShareResult::new(None, None)),
            Some((ErrorKind::EmptyShare, String::new()))
        );
        assert_eq!(
            kind_of(CountResult::new(d(-3))),
            Some((ErrorKind::NegativeValue, "value".into()))
        );
        assert_eq!(
            kind_of(QualitativeResult::new("  ", QualitativeAssessment::Reached)),
            Some((ErrorKind::EmptyText, "text".into()))
        );
    }

    #[test]
    fn an_impossible_share_as_printed_loads_and_says_what_is_wrong() -> Result<()> {
        let above = ShareResult::as_printed(None, Some((d(14), d(12))))?;
        assert_eq!(
            above.fraction_percent().map(|p| p.round_dp(2)),
            Some(Decimal::new(11667, 2))
        );
        assert_eq!(
            kind_of(GoalResult::Share(above).strict()),
            Some((ErrorKind::NumeratorAboveDenominator, "numerator".into()))
        );
        let zero = ShareResult::as_printed(None, Some((d(0), d(0))))?;
        assert_eq!(zero.value_percent(ShareBasis::Fraction), None);
        assert_eq!(
            zero.impossibility()
                .map(|e| (e.kind(), e.path().to_owned())),
            Some((ErrorKind::ZeroDenominator, "denominator".into()))
        );
        let printed = ShareResult::as_printed(Some(d(120)), Some((d(6), d(5))))?;
        assert_eq!(printed.value_percent(ShareBasis::Printed), Some(d(120)));
        assert_eq!(
            printed.impossibility().map(|e| e.kind()),
            Some(ErrorKind::ShareAbove100)
        );
        // What cannot be a share at all is still refused.
        assert_eq!(
            kind_of(ShareResult::as_printed(None, Some((d(-1), d(5))))),
            Some((ErrorKind::NegativeValue, "numerator".into()))
        );
        assert_eq!(
            kind_of(ShareResult::as_printed(None, None)),
            Some((ErrorKind::EmptyShare, String::new()))
        );
        assert_eq!(GoalResult::count(d(3))?.impossibility(), None);
        Ok(())
    }

    #[test]
    fn share_keeps_both_and_picks_by_basis() -> Result<()> {
        let share = ShareResult::new(Some(d(31)), Some((d(5), d(17))))?;
        assert_eq!(share.value_percent(ShareBasis::Printed), Some(d(31)));
        assert_eq!(
            share
                .value_percent(ShareBasis::Fraction)
                .map(|p| p.round_dp(2)),
            Some(Decimal::new(2941, 2))
        );
        assert_eq!(
            share.printed_deviation().map(|x| x.round_dp(2)),
            Some(Decimal::new(159, 2))
        );
        let only_percent = ShareResult::new(Some(d(93)), None)?;
        assert_eq!(
            only_percent.value_percent(ShareBasis::Fraction),
            Some(d(93))
        );
        assert_eq!(only_percent.printed_deviation(), None);
        Ok(())
    }
}
