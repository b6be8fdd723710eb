//! An intervention (*insats*, *projekt*): what a report section states about it, its goals with
//! their results, and the grade the association decided.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::common::checks::check_text;
use crate::common::error::{Error, ErrorKind, Result};
use crate::model::goal::Goal;
use crate::model::grade::DecidedGrade;

/// The longest intervention id accepted.
pub const MAX_ID_LEN: usize = 64;

/// A stable identifier of an intervention across tables and years, e.g. `upis` for
/// "Ungdomsprojektet i Salem" / "Unga på väg i Salem (UPIS)" / "Upis".
///
/// Ids are 1–64 characters of ASCII letters, digits, `-`, `_`, `.` and `:`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InterventionId(Arc<str>);

impl InterventionId {
    /// Checks and wraps an id.
    pub fn new(id: impl Into<String>) -> Result<InterventionId> {
        let id = id.into();
        let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':');
        if id.is_empty() || id.len() > MAX_ID_LEN || !id.chars().all(allowed) {
            return Err(Error::bilingual(
                ErrorKind::InvalidId,
                "",
                format!("'{id}' är ingen identitet för en insats: använd 1–{MAX_ID_LEN} ASCII-bokstäver, siffror, '-', '_', '.' eller ':'"),
format!(
                    "'{id}' is not an intervention id: use 1-{MAX_ID_LEN} ASCII letters, digits, '-', '_', '.' or ':'"
                ),
            ));
        }
        Ok(InterventionId(id.into()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for InterventionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for InterventionId {
    type Err = Error;

    fn from_str(text: &str) -> Result<InterventionId> {
        InterventionId::new(text)
    }
}

impl Serialize for InterventionId {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for InterventionId {
    fn deserialize<D: Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<InterventionId, D::Error> {
        let text = String::deserialize(deserializer)?;
        InterventionId::new(text).map_err(crate::common::json::to_serde_error)
    }
}

/// Whether an intervention works with participants or with structures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum InterventionKind {
    /// *Individinriktad*: works with participants.
    Individual,
    /// *Strukturell / strukturövergripande*: methods, networks, training.
    Structural,
}

/// Whether an intervention was running or had closed in the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum InterventionStatus {
    /// Running during the period.
    Active,
    /// Closed during the period (*avslutad*).
    Closed,
}

/// An intervention as a report describes it for one period.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Intervention {
    /// Stable id, the same in every table and year.
    pub id: InterventionId,
    /// The name the report uses in this period.
    pub name: Arc<str>,
    /// Other names the intervention goes by ("Upis", "HälsoSam").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Individual or structural.
    pub kind: InterventionKind,
    /// Active or closed in the period.
    pub status: InterventionStatus,
    /// The owner (*insatsägare*, *huvudman*), e.g. "Huddinge kommun".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The partners (*samverkanspartners*).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// The target group (*målgrupp*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_group: Option<String>,
    /// The year the intervention started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_year: Option<u16>,
    /// The goals for the period, each with its result.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// The grade the association decided, when recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_grade: Option<DecidedGrade>,
    /// The budget and outcome its own section states, when the report has such a section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<crate::model::economics::StatedBudget>,
    /// Participant figures its section states in its prose, one sentence each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stated_counts: Vec<crate::model::flows::StatedCounts>,
    /// Free notes, e.g. on how the row was transcribed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl Intervention {
    /// A new intervention with an id, a name and a kind; active, with no goals.
    pub fn new(id: &str, name: impl Into<String>, kind: InterventionKind) -> Result<Intervention> {
        let id = InterventionId::new(id).map_err(|e| e.under("id"))?;
        let name = name.into();
        check_text(&name, "name")?;
        Ok(Intervention {
            id,
            name: name.into(),
            aliases: Vec::new(),
            kind,
            status: InterventionStatus::Active,
            owner: None,
            partners: Vec::new(),
            target_group: None,
            start_year: None,
            goals: Vec::new(),
            decided_grade: None,
            budget: None,
            stated_counts: Vec::new(),
            notes: None,
        })
    }

    /// The same intervention with one more goal.
    #[must_use]
    pub fn with_goal(mut self, goal: Goal) -> Intervention {
        self.goals.push(goal);
        self
    }

    /// The same intervention with a decided grade.
    #[must_use]
    pub fn with_decided_grade(mut self, decided: DecidedGrade) -> Intervention {
        self.decided_grade = Some(decided);
        self
    }

    /// Whether `name` is this intervention's name or one of its aliases, ignoring case and
    /// whitespace ("HälsoSam" matches "Hälsosam").
    pub fn is_called(&self, name: &str) -> bool {
        let wanted = fold_name(name);
        std::iter::once(&*self.name)
            .chain(self.aliases.iter().map(String::as_str))
            .any(|known| fold_name(known) == wanted)
    }

    /// Checks what the types do not: the name is not blank.
    pub(crate) fn check(&self) -> Result<()> {
        check_text(&self.name, "name")
    }
}

fn fold_name(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for InterventionId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "InterventionId".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A stable id of an intervention: 1-64 ASCII letters, digits, '-', '_', '.' or ':'.",
            "type": "string",
            "pattern": "^[A-Za-z0-9_.:-]{1,64}$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked() {
        assert!(InterventionId::new("samverkansteam-botkyrka").is_ok());
        assert!(InterventionId::new("HBS:2017.01_a").is_ok());
        for bad in ["", "två ord", "hälsosam", &"x".repeat(65)] {
            let kind = InterventionId::new(bad).err().map(|e| e.kind());
            assert_eq!(kind, Some(ErrorKind::InvalidId), "{bad}");
        }
        let err = Intervention::new("a b", "X", InterventionKind::Individual).err();
        assert_eq!(err.map(|e| e.path().to_owned()), Some("id".to_owned()));
    }

    #[test]
    fn names_match_aliases_ignoring_case() -> Result<()> {
        let mut upis = Intervention::new(
            "upis",
            "Ungdomsprojektet i Salem",
            InterventionKind::Individual,
        )?;
        upis.aliases = vec!["Unga på väg i Salem (UPIS)".into(), "Upis".into()];
        assert!(upis.is_called("UPIS"));
        assert!(upis.is_called("ungdomsprojektet  i salem"));
        assert!(!upis.is_called("Slussen"));
        Ok(())
    }
}
