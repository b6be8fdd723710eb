//! End reasons (*avslutsorsak*): how many participants ended for each reason, by gender, with
//! the totals as printed (the 2014 report's "Orsak till avslut" is the model).

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::common::error::{Error, ErrorKind, Result};
use crate::common::locale::Language;

/// Why participants ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    /// *Arbete/studier/arbetssökande*.
    WorkStudiesJobSeeking,
    /// *Fortsatt rehabilitering*.
    ContinuedRehabilitation,
    /// *Sjukdom*.
    Illness,
    /// *Föräldraledighet*.
    ParentalLeave,
    /// *Flytt*.
    Moved,
    /// *Medgivande återtaget*.
    ConsentWithdrawn,
    /// *Mätning saknas/avhopp*.
    MeasurementMissingOrDropout,
    /// *Övrigt*, or a reason outside this list (the row's label keeps its wording).
    Other,
}

impl EndReason {
    /// Every reason, in the order of the 2014 table.
    pub const ALL: [EndReason; 8] = [
        EndReason::WorkStudiesJobSeeking,
        EndReason::ContinuedRehabilitation,
        EndReason::Illness,
        EndReason::ParentalLeave,
        EndReason::Moved,
        EndReason::ConsentWithdrawn,
        EndReason::MeasurementMissingOrDropout,
        EndReason::Other,
    ];

    /// The stable code, e.g. `continued_rehabilitation`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }

    /// The label in `language`.
    pub fn label(self, language: Language) -> &'static str {
        let (sv, en) = match self {
            EndReason::WorkStudiesJobSeeking => {
                ("Arbete/studier/arbetssökande", "Work/studies/job-seeking")
            }
            EndReason::ContinuedRehabilitation => {
                ("Fortsatt rehabilitering", "Continued rehabilitation")
            }
            EndReason::Illness => ("Sjukdom", "Illness"),
            EndReason::ParentalLeave => ("Föräldraledighet", "Parental leave"),
            EndReason::Moved => ("Flytt", "Moved"),
            EndReason::ConsentWithdrawn => ("Medgivande återtaget", "Consent withdrawn"),
            EndReason::MeasurementMissingOrDropout => {
                ("Mätning saknas/avhopp", "Measurement missing/drop-out")
            }
            EndReason::Other => ("Övrigt", "Other"),
        };
        language.pick(sv, en)
    }
}

impl FromStr for EndReason {
    type Err = Error;

    /// Reads the Swedish labels reports print (also the 2014 report's "arbetsökande" and
    /// "återtagit" spellings), the English labels and the codes, ignoring case.
    fn from_str(text: &str) -> Result<EndReason> {
        let folded: String = text
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        let reason = match folded.as_str() {
            "arbetestudierarbetssökande"
            | "arbetestudierarbetsökande"
            | "workstudiesjobseeking" => EndReason::WorkStudiesJobSeeking,
            "fortsattrehabilitering" | "continuedrehabilitation" => {
                EndReason::ContinuedRehabilitation
            }
            "sjukdom" | "illness" => EndReason::Illness,
            "föräldraledighet" | "parentalleave" => EndReason::ParentalLeave,
            "flytt" | "moved" => EndReason::Moved,
            "medgivandeåtertaget" | "medgivandeåtertagit" | "consentwithdrawn" => {
                EndReason::ConsentWithdrawn
            }
            "mätningsaknasavhopp" | "measurementmissingordropout" | "measurementmissingdropout" => {
                EndReason::MeasurementMissingOrDropout
            }
            "övrigt" | "other" => EndReason::Other,
            _ => {
                return Err(Error::new(
                    ErrorKind::UnknownVariant,
                    "",
                    format!(
                    "'{}' is not a known end reason; use Övrigt (other) with the wording as label",
                    text.trim()
                ),
                ))
            }
        };
        Ok(reason)
    }
}

/// Counts of one end reason by gender, with the row total as printed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EndReasonRow {
    /// The reason.
    pub reason: EndReason,
    /// The reason as the table prints it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Women (*kvinna*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub women: Option<u64>,
    /// Men (*man*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub men: Option<u64>,
    /// Other or unspecified gender, when the table has that column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<u64>,
    /// The row's printed total (*Totalt*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
}

/// The printed total row of an end-reason table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EndReasonTotals {
    /// Women.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub women: Option<u64>,
    /// Men.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub men: Option<u64>,
    /// Other or unspecified.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<u64>,
    /// The grand total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
}

/// A report's end-reason table (*Orsak till avslut*).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EndReasonTable {
    /// One row per reason.
    #[serde(default)]
    pub rows: Vec<EndReasonRow>,
    /// The printed total row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<EndReasonTotals>,
    /// What the table covers, e.g. "189 of the 212 ended participants registered in SUS".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_labels_of_the_2014_table() -> Result<()> {
        let labels = [
            (
                "Arbete/studier/arbetsökande",
                EndReason::WorkStudiesJobSeeking,
            ),
            (
                "Fortsatt rehabilitering",
                EndReason::ContinuedRehabilitation,
            ),
            ("Sjukdom", EndReason::Illness),
            ("Föräldraledighet", EndReason::ParentalLeave),
            ("Flytt", EndReason::Moved),
            ("Medgivande återtagit", EndReason::ConsentWithdrawn),
            (
                "Mätning saknas/avhopp",
                EndReason::MeasurementMissingOrDropout,
            ),
            ("Övrigt", EndReason::Other),
        ];
        for (label, reason) in labels {
            assert_eq!(label.parse::<EndReason>()?, reason, "{label}");
            assert_eq!(
                reason.label(Language::Swedish).parse::<EndReason>()?,
                reason
            );
        }
        assert_eq!(
            "Semester".parse::<EndReason>().err().map(|e| e.kind()),
            Some(ErrorKind::UnknownVariant)
        );
        Ok(())
    }
}
