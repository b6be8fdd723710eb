//! Participant flows (*deltagarflöden*): per intervention and period the current participants,
//! of whom women, men and other/unspecified, the new, the ended, and of the ended those who went
//! to work or studies and those job-seeking at the end. A flow table holds the rows, the total
//! row as printed, and the unique participants when stated.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::intervention::InterventionId;

/// One cell of a flow table: a count of people, or "ej tillämpligt" (the intervention does not
/// track it). A blank cell is `None` where the figure is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FlowFigure {
    /// A number of people.
    Count(u64),
    /// *Ej tillämpligt*: not tracked by this intervention.
    NotApplicable,
}

impl FlowFigure {
    /// The count, if the cell holds one.
    pub fn count(self) -> Option<u64> {
        match self {
            FlowFigure::Count(n) => Some(n),
            FlowFigure::NotApplicable => None,
        }
    }
}

impl Serialize for FlowFigure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            FlowFigure::Count(n) => serializer.serialize_u64(*n),
            FlowFigure::NotApplicable => serializer.serialize_str("not_applicable"),
        }
    }
}

impl<'de> Deserialize<'de> for FlowFigure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<FlowFigure, D::Error> {
        struct FigureVisitor;

        impl Visitor<'_> for FigureVisitor {
            type Value = FlowFigure;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole number of people (0 or more) or \"not_applicable\"")
            }

            fn visit_u64<E: de::Error>(self, n: u64) -> Result<FlowFigure, E> {
                Ok(FlowFigure::Count(n))
            }

            fn visit_i64<E: de::Error>(self, n: i64) -> Result<FlowFigure, E> {
                u64::try_from(n)
                    .map(FlowFigure::Count)
                    .map_err(|_| E::invalid_value(de::Unexpected::Signed(n), &self))
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<FlowFigure, E> {
                if text == "not_applicable" {
                    Ok(FlowFigure::NotApplicable)
                } else {
                    Err(E::invalid_value(de::Unexpected::Str(text), &self))
                }
            }
        }

        deserializer.deserialize_any(FigureVisitor)
    }
}

/// Which figure of a flow row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FlowField {
    /// *Antal aktuella deltagare*.
    Current,
    /// *Varav kvinnor*.
    Women,
    /// *Varav män*.
    Men,
    /// *Annat / ej angivet*.
    Other,
    /// *Varav nya deltagare*.
    New,
    /// *Antal avslutade deltagare*.
    Ended,
    /// *Till arbete/studier* (of the ended).
    ToWorkOrStudies,
    /// *Arbetssökande vid avslut* (of the ended).
    JobSeeking,
}

impl FlowField {
    /// Every field, in the order of the printed table.
    pub const ALL: [FlowField; 8] = [
        FlowField::Current,
        FlowField::Women,
        FlowField::Men,
        FlowField::Other,
        FlowField::New,
        FlowField::Ended,
        FlowField::ToWorkOrStudies,
        FlowField::JobSeeking,
    ];

    /// The JSON field name, e.g. `to_work_or_studies`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }

    /// The column heading in Swedish and English.
    pub fn label(self, language: crate::common::locale::Language) -> &'static str {
        let (sv, en) = match self {
            FlowField::Current => ("aktuella deltagare", "current participants"),
            FlowField::Women => ("varav kvinnor", "of whom women"),
            FlowField::Men => ("varav män", "of whom men"),
            FlowField::Other => ("annat/ej angivet", "other/unspecified"),
            FlowField::New => ("nya deltagare", "new participants"),
            FlowField::Ended => ("avslutade deltagare", "ended participants"),
            FlowField::ToWorkOrStudies => ("till arbete/studier", "to work/studies"),
            FlowField::JobSeeking => ("arbetssökande vid avslut", "job-seeking at end"),
        };
        language.pick(sv, en)
    }
}

/// The eight figures of a flow row (or of the total row). Each may be absent (a blank cell) or
/// not applicable.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FlowFigures {
    /// Current participants in the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<FlowFigure>,
    /// Of whom women.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub women: Option<FlowFigure>,
    /// Of whom men.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub men: Option<FlowFigure>,
    /// Of whom other or unspecified gender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<FlowFigure>,
    /// New participants in the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<FlowFigure>,
    /// Participants who ended in the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<FlowFigure>,
    /// Of the ended, to work or studies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_work_or_studies: Option<FlowFigure>,
    /// Of the ended, job-seeking at the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_seeking: Option<FlowFigure>,
}

impl FlowFigures {
    /// The cell for `field`.
    pub fn get(&self, field: FlowField) -> Option<FlowFigure> {
        match field {
            FlowField::Current => self.current,
            FlowField::Women => self.women,
            FlowField::Men => self.men,
            FlowField::Other => self.other,
            FlowField::New => self.new,
            FlowField::Ended => self.ended,
            FlowField::ToWorkOrStudies => self.to_work_or_studies,
            FlowField::JobSeeking => self.job_seeking,
        }
    }

    /// The count in `field`, if the cell holds one.
    pub fn count(&self, field: FlowField) -> Option<u64> {
        self.get(field).and_then(FlowFigure::count)
    }

    /// Sets the cell for `field`.
    pub fn set(&mut self, field: FlowField, figure: Option<FlowFigure>) {
        let cell = match field {
            FlowField::Current => &mut self.current,
            FlowField::Women => &mut self.women,
            FlowField::Men => &mut self.men,
            FlowField::Other => &mut self.other,
            FlowField::New => &mut self.new,
            FlowField::Ended => &mut self.ended,
            FlowField::ToWorkOrStudies => &mut self.to_work_or_studies,
            FlowField::JobSeeking => &mut self.job_seeking,
        };
        *cell = figure;
    }
}

/// One row of a flow table: an intervention's figures.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FlowRow {
    /// The intervention the row is about.
    pub intervention: InterventionId,
    /// The name as the table prints it ("ADRIAN"), when it differs from the intervention's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The figures.
    pub figures: FlowFigures,
}

/// A report's participant-flow table (*Sammanfattning av deltagarflöden*).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FlowTable {
    /// One row per individual intervention.
    #[serde(default)]
    pub rows: Vec<FlowRow>,
    /// The TOTALT row as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<FlowFigures>,
    /// *Varav unika deltagare*: people counted once across interventions, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_participants: Option<u64>,
}

impl FlowTable {
    /// The row for the intervention `id`.
    pub fn row(&self, id: &InterventionId) -> Option<&FlowRow> {
        self.rows.iter().find(|row| &row.intervention == id)
    }
}

/// Which flow figure a goal measures, so that its result can be checked against the flow table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FlowMeasure {
    /// "deltagare": the current participants (a count goal).
    CurrentParticipants,
    /// "nya deltagare": the new participants (a count goal).
    NewParticipants,
    /// "avslutade": the ended participants (a count goal).
    EndedParticipants,
    /// "% till arbete/studier": to work or studies over ended (a share goal).
    ShareToWorkOrStudiesOfEnded,
    /// "% arbetssökande": job-seeking at end over ended (a share goal).
    ShareJobSeekingOfEnded,
    /// "% arbete/studier/arbetssökande": to work or studies plus job-seeking, over ended (a
    /// share goal).
    ShareWorkStudiesOrJobSeekingOfEnded,
}

impl FlowMeasure {
    /// The stable code, e.g. `new_participants`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }

    /// The goal kind the measure belongs to.
    pub fn goal_kind(self) -> crate::model::goal::GoalKind {
        match self {
            FlowMeasure::CurrentParticipants
            | FlowMeasure::NewParticipants
            | FlowMeasure::EndedParticipants => crate::model::goal::GoalKind::Count,
            _ => crate::model::goal::GoalKind::Share,
        }
    }

    /// The flow figures the measure reads: for a count the figure itself, for a share the
    /// numerator and the denominator. `None` when a figure is blank or not applicable.
    pub fn read(self, figures: &FlowFigures) -> Option<(u64, Option<u64>)> {
        let ended = || figures.count(FlowField::Ended);
        match self {
            FlowMeasure::CurrentParticipants => Some((figures.count(FlowField::Current)?, None)),
            FlowMeasure::NewParticipants => Some((figures.count(FlowField::New)?, None)),
            FlowMeasure::EndedParticipants => Some((figures.count(FlowField::Ended)?, None)),
            FlowMeasure::ShareToWorkOrStudiesOfEnded => {
                Some((figures.count(FlowField::ToWorkOrStudies)?, Some(ended()?)))
            }
            FlowMeasure::ShareJobSeekingOfEnded => {
                Some((figures.count(FlowField::JobSeeking)?, Some(ended()?)))
            }
            FlowMeasure::ShareWorkStudiesOrJobSeekingOfEnded => {
                let both = figures
                    .count(FlowField::ToWorkOrStudies)?
                    .checked_add(figures.count(FlowField::JobSeeking)?)?;
                Some((both, Some(ended()?)))
            }
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for FlowFigure {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FlowFigure".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A count of people, or \"not_applicable\" (ej tillämpligt).",
            "oneOf": [
                {"type": "integer", "minimum": 0},
                {"const": "not_applicable"}
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_counts_and_not_applicable() -> Result<(), crate::Error> {
        let figures: FlowFigures = crate::common::json::from_json(
            r#"{"current": 96, "women": 69, "men": 27, "other": 0, "new": 96, "ended": 96,
                "to_work_or_studies": "not_applicable", "job_seeking": "not_applicable"}"#,
        )?;
        assert_eq!(figures.count(FlowField::Current), Some(96));
        assert_eq!(
            figures.get(FlowField::JobSeeking),
            Some(FlowFigure::NotApplicable)
        );
        assert_eq!(
            FlowMeasure::ShareToWorkOrStudiesOfEnded.read(&figures),
            None
        );
        assert_eq!(
            FlowMeasure::NewParticipants.read(&figures),
            Some((96, None))
        );
        let err = crate::common::json::from_json::<FlowFigures>(r#"{"current": -3}"#).err();
        assert_eq!(
            err.map(|e| (e.code(), e.path().to_owned())),
            Some(("invalid_value", "current".into()))
        );
        let err =
            crate::common::json::from_json::<FlowFigures>(r#"{"current": "ej tillämpligt"}"#).err();
        assert_eq!(err.map(|e| e.code()), Some("invalid_value"));
        Ok(())
    }
}

/// Participant figures an intervention's section states in its prose, one sentence each:
/// "Totalt har 85 personer haft stöd under året och 20 personer avslutades, varav 9 (26 %) till
/// arbete/studier". A reader fills only what the sentence says unambiguously; the checker
/// compares the figures with each other and, when the sentence speaks of the period, with the
/// flow table.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatedCounts {
    /// The sentence, as printed.
    pub text: String,
    /// Whether the sentence speaks of the report's period ("under året", "under 2014"), not of
    /// a longer time ("sedan starten", "under projekttiden"): only then are its figures the
    /// flow table's.
    #[serde(default)]
    pub this_period: bool,
    /// Participants in all ("haft stöd", "varit inskrivna", "totalt 45 deltagare").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<u64>,
    /// New participants ("skrevs in").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<u64>,
    /// Ended participants ("avslutades", "har avslutats").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<u64>,
    /// A number of people split by gender: "35 deltagare …, varav 16 kvinnor och 19 män".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of_whom: Option<OfWhom>,
    /// "84 % kvinnor och 16 % män": the two shares, which must add up to 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender_shares: Option<GenderShares>,
    /// "varav 9 (26 %) till arbete/studier": of the ended, to work or studies, with the
    /// percentage printed beside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_work_or_studies: Option<PrintedPart>,
}

/// A number of people and the women and men among them, as a sentence states them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OfWhom {
    /// The number split.
    pub total: u64,
    /// Women among them.
    pub women: u64,
    /// Men among them.
    pub men: u64,
}

/// The shares of women and men a sentence states, in per cent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GenderShares {
    /// Women, in per cent.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub women: rust_decimal::Decimal,
    /// Men, in per cent.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub men: rust_decimal::Decimal,
}

/// A part of a number with the percentage printed beside it: "9 (26 %)".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PrintedPart {
    /// The part.
    pub count: u64,
    /// The percentage printed beside it, if one is.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub percent: Option<rust_decimal::Decimal>,
}
