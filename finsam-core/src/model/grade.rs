//! The grade of goal fulfilment (*måluppfyllelse*) and the grade an association decided.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::common::error::{Error, ErrorKind, Result};
use crate::common::locale::Language;

/// A grade of goal fulfilment. Ordered: `NotMet < Acceptable < Good < VeryGood`.
///
/// ```
/// use finsam_core::Grade;
/// let g: Grade = " Mycket God ".parse()?;
/// assert_eq!(g, Grade::VeryGood);
/// assert!(Grade::VeryGood > Grade::Good);
/// assert_eq!(Grade::Acceptable.label_sv(), "Godtagbar");
/// # Ok::<(), finsam_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Grade {
    /// *Ej uppfyllt*: the goals were not met.
    NotMet,
    /// *Godtagbar*: acceptable.
    Acceptable,
    /// *God*: good.
    Good,
    /// *Mycket god*: very good.
    VeryGood,
}

impl Grade {
    /// Every grade, best first.
    pub const BEST_FIRST: [Grade; 4] = [
        Grade::VeryGood,
        Grade::Good,
        Grade::Acceptable,
        Grade::NotMet,
    ];

    /// The stable code used in the JSON format: `very_good`, `good`, `acceptable`, `not_met`.
    pub fn code(self) -> &'static str {
        match self {
            Grade::VeryGood => "very_good",
            Grade::Good => "good",
            Grade::Acceptable => "acceptable",
            Grade::NotMet => "not_met",
        }
    }

    /// The Swedish label: "Mycket god", "God", "Godtagbar", "Ej uppfyllt".
    pub fn label_sv(self) -> &'static str {
        match self {
            Grade::VeryGood => "Mycket god",
            Grade::Good => "God",
            Grade::Acceptable => "Godtagbar",
            Grade::NotMet => "Ej uppfyllt",
        }
    }

    /// The English label: "Very good", "Good", "Acceptable", "Not met".
    pub fn label_en(self) -> &'static str {
        match self {
            Grade::VeryGood => "Very good",
            Grade::Good => "Good",
            Grade::Acceptable => "Acceptable",
            Grade::NotMet => "Not met",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: Language) -> &'static str {
        match language {
            Language::Swedish => self.label_sv(),
            Language::English => self.label_en(),
        }
    }

    /// The grade's position on the scale, 0 for `NotMet` to 3 for `VeryGood`.
    pub fn rank(self) -> usize {
        match self {
            Grade::NotMet => 0,
            Grade::Acceptable => 1,
            Grade::Good => 2,
            Grade::VeryGood => 3,
        }
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_sv())
    }
}

/// Lower-cases and collapses runs of whitespace, so "Mycket  God " reads as "mycket god".
fn normalise(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a normalised text means: a grade, "not applicable", or nothing known.
fn interpret(text: &str) -> Option<Decision> {
    let grade = match normalise(text).replace('_', " ").as_str() {
        "mycket god" | "mycket gott" | "very good" => Grade::VeryGood,
        "god" | "gott" | "good" => Grade::Good,
        "godtagbar" | "godtagbart" | "acceptable" => Grade::Acceptable,
        "ej uppfyllt" | "ej uppfylld" | "ej uppfyllda" | "inte uppfyllt" | "not met" => {
            Grade::NotMet
        }
        "ej tillämpbar" | "ej tillämpbart" | "ej tillämplig" | "ej tillämpligt"
        | "not applicable" => return Some(Decision::NotApplicable),
        _ => return None,
    };
    Some(Decision::Graded(grade))
}

impl FromStr for Grade {
    type Err = Error;

    /// Parses the codes and the spellings reports use, ignoring case and extra whitespace:
    /// "Mycket god", "Mycket God", "God", "Godtagbar", "Godtagbart", "Ej uppfyllt", and the
    /// English labels.
    fn from_str(text: &str) -> Result<Grade> {
        match interpret(text) {
            Some(Decision::Graded(grade)) => Ok(grade),
            Some(Decision::NotApplicable) => Err(Error::bilingual(
                ErrorKind::InvalidGrade,
                "",
                format!(
                    "'{}' betyder ej tillämpbar, som är ett beslut, inte en grad",
                    text.trim()
                ),
                format!(
                    "'{}' means not applicable, which is a decision, not a grade",
                    text.trim()
                ),
            )),
            None => Err(Error::bilingual(
                ErrorKind::InvalidGrade,
                "",
                format!(
                    "'{}' är ingen grad; använd Mycket god, God, Godtagbar eller Ej uppfyllt",
                    text.trim()
                ),
                format!(
                    "'{}' is not a grade; use Mycket god, God, Godtagbar or Ej uppfyllt",
                    text.trim()
                ),
            )),
        }
    }
}

impl Serialize for Grade {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Grade {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Grade, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(crate::common::json::to_serde_error)
    }
}

/// What an association decided for an intervention: a grade, or "Ej tillämpbar" (used for
/// interventions that closed early in the year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Decision {
    /// The association set this grade.
    Graded(Grade),
    /// *Ej tillämpbar*: the association did not grade the intervention.
    NotApplicable,
}

impl Decision {
    /// The stable code: a grade's code, or `not_applicable`.
    pub fn code(self) -> &'static str {
        match self {
            Decision::Graded(grade) => grade.code(),
            Decision::NotApplicable => "not_applicable",
        }
    }

    /// The label in `language`; "Ej tillämpbar" / "Not applicable" for no grade.
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (Decision::Graded(grade), _) => grade.label(language),
            (Decision::NotApplicable, Language::Swedish) => "Ej tillämpbar",
            (Decision::NotApplicable, Language::English) => "Not applicable",
        }
    }

    /// The grade, if one was decided.
    pub fn grade(self) -> Option<Grade> {
        match self {
            Decision::Graded(grade) => Some(grade),
            Decision::NotApplicable => None,
        }
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(Language::Swedish))
    }
}

impl FromStr for Decision {
    type Err = Error;

    /// Parses everything [`Grade`] parses, plus "Ej tillämpbar", "Ej tillämpbart",
    /// "Ej tillämpligt" and `not_applicable`.
    fn from_str(text: &str) -> Result<Decision> {
        interpret(text).ok_or_else(|| {
            Error::bilingual(
                ErrorKind::InvalidGrade,
                "",
                format!("'{}' är ingen beslutad grad; använd Mycket god, God, Godtagbar, Ej uppfyllt eller Ej tillämpbar", text.trim()),
format!(
                    "'{}' is not a decided grade; use Mycket god, God, Godtagbar, Ej uppfyllt or Ej tillämpbar",
                    text.trim()
                ),
            )
        })
    }
}

impl Serialize for Decision {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Decision {
    fn deserialize<D: Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Decision, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(crate::common::json::to_serde_error)
    }
}

/// The grade an association actually decided for an intervention, beside the computed one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DecidedGrade {
    /// The decision.
    #[serde(rename = "grade")]
    pub decision: Decision,
    /// The grade as the report printed it, e.g. "Godtagbart", when it was transcribed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed: Option<Arc<str>>,
    /// Why the association decided this, when the report says (or the transcriber noted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Arc<str>>,
}

impl DecidedGrade {
    /// A decision with no printed form and no reason.
    pub fn new(decision: Decision) -> DecidedGrade {
        DecidedGrade {
            decision,
            printed: None,
            reason: None,
        }
    }

    /// Reads a grade as a report prints it ("Mycket God", "Ej tillämpbar") and keeps the
    /// printed text.
    pub fn from_printed(printed: &str) -> Result<DecidedGrade> {
        Ok(DecidedGrade {
            decision: printed.parse()?,
            printed: Some(Arc::from(printed.trim())),
            reason: None,
        })
    }

    /// The same decision with a reason.
    #[must_use]
    pub fn with_reason(mut self, reason: impl Into<Arc<str>>) -> DecidedGrade {
        self.reason = Some(reason.into());
        self
    }
}

/// The codes of the grades, best first, for the schemas.
#[cfg(feature = "schema")]
fn codes(grades: &[Grade], extra: Option<&'static str>) -> Vec<&'static str> {
    grades.iter().map(|g| g.code()).chain(extra).collect()
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Grade {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Grade".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        match generator.contract() {
            schemars::generate::Contract::Deserialize => schemars::json_schema!({
                "description": "A grade code, or a Swedish or English label as reports print it (any case).",
                "type": "string"
            }),
            _ => schemars::json_schema!({
                "description": "A grade of goal fulfilment: Mycket god, God, Godtagbar, Ej uppfyllt.",
                "enum": codes(&Grade::BEST_FIRST, None)
            }),
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Decision {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decision".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        match generator.contract() {
            schemars::generate::Contract::Deserialize => schemars::json_schema!({
                "description": "A grade or Ej tillämpbar: a code, or a label as reports print it (any case).",
                "type": "string"
            }),
            _ => schemars::json_schema!({
                "description": "What an association decided: a grade, or not_applicable (Ej tillämpbar).",
                "enum": codes(&Grade::BEST_FIRST, Some("not_applicable"))
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_report_spellings() -> Result<()> {
        let cases = [
            ("Mycket god", Grade::VeryGood),
            ("Mycket God", Grade::VeryGood),
            ("  MYCKET\tgod ", Grade::VeryGood),
            ("very_good", Grade::VeryGood),
            ("God", Grade::Good),
            ("Godtagbar", Grade::Acceptable),
            ("Godtagbart", Grade::Acceptable),
            ("Ej uppfyllt", Grade::NotMet),
            ("not_met", Grade::NotMet),
        ];
        for (text, grade) in cases {
            assert_eq!(text.parse::<Grade>()?, grade, "{text}");
        }
        Ok(())
    }

    #[test]
    fn not_applicable_is_a_decision_not_a_grade() -> Result<()> {
        assert_eq!(
            "Ej tillämpbar".parse::<Decision>()?,
            Decision::NotApplicable
        );
        assert_eq!(
            "ej tillämpligt".parse::<Decision>()?,
            Decision::NotApplicable
        );
        assert_eq!("God".parse::<Decision>()?, Decision::Graded(Grade::Good));
        let err = "Ej tillämpbar".parse::<Grade>().err().map(|e| e.kind());
        assert_eq!(err, Some(ErrorKind::InvalidGrade));
        let err = "Utmärkt".parse::<Decision>().err().map(|e| e.kind());
        assert_eq!(err, Some(ErrorKind::InvalidGrade));
        Ok(())
    }

    #[test]
    fn order_and_labels() {
        assert!(Grade::NotMet < Grade::Acceptable && Grade::Acceptable < Grade::Good);
        assert_eq!(Grade::VeryGood.label_en(), "Very good");
        assert_eq!(
            Decision::NotApplicable.label(Language::Swedish),
            "Ej tillämpbar"
        );
        assert_eq!(Grade::BEST_FIRST.map(Grade::rank), [3, 2, 1, 0]);
    }
}
