//! A goal (*mål*) an intervention set itself for the period, with the result reported for it.

use std::fmt;

use std::sync::Arc;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::common::checks::{check_not_negative, check_percent, check_text};
use crate::common::error::{Error, ErrorKind, Result};
use crate::model::flows::FlowMeasure;
use crate::model::result::GoalResult;

/// What kind of figure a goal sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GoalKind {
    /// A number of something: "80 nya deltagare", "60 remisser", "1 150 ärenden".
    Count,
    /// A percentage of some group (target 0–100): "30 % till arbete/studier".
    Share,
    /// A goal in words: "Ökad programtrohet". Its result needs a person's assessment.
    Qualitative,
}

impl GoalKind {
    /// The stable code: `count`, `share`, `qualitative`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }
}

impl fmt::Display for GoalKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Whether the result should reach the target or stay under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// At least the target (nearly all goals). The default.
    #[default]
    AtLeast,
    /// At most the target: "Maximal deltagartid 0-3 månader".
    AtMost,
}

impl Direction {
    /// The stable code: `at_least`, `at_most`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }
}

/// A goal and the result reported for it in the report's period.
///
/// ```
/// use finsam_core::{Goal, GoalResult};
/// use rust_decimal::Decimal;
/// let goal = Goal::count("80 nya deltagare", Decimal::from(80))?
///     .with_unit("nya deltagare")?
///     .with_result(GoalResult::count(Decimal::from(96))?)?;
/// assert_eq!(goal.target(), Some(Decimal::from(80)));
/// # Ok::<(), finsam_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "crate::model::fields::GoalFields")]
pub struct Goal {
    // Shared, so that an assessment carries the goal's text without copying it.
    description: Arc<str>,
    kind: GoalKind,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    target: Option<Decimal>,
    direction: Direction,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<Arc<str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    measures: Option<FlowMeasure>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    also_stated: Vec<GoalStatement>,
    // Shared as well: an assessment keeps the result without copying its texts.
    result: Arc<GoalResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_year: Option<Arc<GoalResult>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    also_reported: Vec<ResultStatement>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    locked: bool,
}

/// Where a goal states one of its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultPlace<'a> {
    /// The summary's result for the period (`result`).
    Summary,
    /// Last year's result beside it (`last_year`).
    LastYear,
    /// The result another place of the report states (`also_reported`), with that place.
    Stated(&'a str),
}

/// The place a document reader gives a goal stated in the section's goal list ("Mål 2014").
pub const GOAL_LIST: &str = "avsnittets mållista";

/// The place a document reader gives a goal stated in the section's own table.
pub const SECTION_TABLE: &str = "avsnittets tabell";

/// A statement's place in `language`: the reader's own places ([`GOAL_LIST`],
/// [`SECTION_TABLE`]) have English names; any other place is given as written.
pub fn place_name(place: &str, language: crate::common::locale::Language) -> String {
    let english = match place {
        GOAL_LIST => "the section's goal list",
        SECTION_TABLE => "the section's table",
        _ => place,
    };
    language.pick(place, english).to_owned()
}

/// How sure it is that a statement in another place is the same goal: `sure` when its wording
/// shares the goal's meaning and its position, target or flow figure agrees too; `unsure` when
/// only part of that holds. A contradiction found through an unsure match is a warning, never
/// an error.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// The same goal: written so by hand, or matched by meaning and by position, target or
    /// flow figure. The default.
    #[default]
    Sure,
    /// Probably the same goal: matched by meaning or by position alone.
    Unsure,
}

impl Certainty {
    /// The stable code: `sure` or `unsure`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }

    fn is_sure(&self) -> bool {
        *self == Certainty::Sure
    }
}

/// The goal's result as another place of the report states it, e.g. the column "Resultat 2014"
/// of the intervention section's table, beside the summary table's result.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ResultStatement {
    /// Where: "avsnittets tabell".
    pub place: String,
    /// The result as written there.
    pub text: String,
    /// The result read from it.
    pub result: GoalResult,
    /// How sure it is that the place states this goal.
    #[serde(default, skip_serializing_if = "Certainty::is_sure")]
    pub certainty: Certainty,
}

/// The same goal as another place of the report states it, e.g. the bullet list "Mål 2017" of
/// the intervention's section or its small table, beside the summary table.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GoalStatement {
    /// Where: "avsnittet, Mål 2014", "avsnittets tabell".
    pub place: String,
    /// The goal as written there.
    pub text: String,
    /// The target stated there.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub target: Decimal,
    /// How sure it is that the place states this goal.
    #[serde(default, skip_serializing_if = "Certainty::is_sure")]
    pub certainty: Certainty,
}

impl Goal {
    /// A goal, validated: the description may not be blank; a count target may not be
    /// negative; a share target is a percentage 0–100; a qualitative goal has no target and no
    /// direction other than the default; the result must fit the kind.
    pub fn new(
        description: impl Into<String>,
        kind: GoalKind,
        target: Option<Decimal>,
        direction: Direction,
        unit: Option<String>,
        result: GoalResult,
    ) -> Result<Goal> {
        let description = description.into();
        check_text(&description, "description")?;
        match (kind, target) {
            (GoalKind::Count, Some(target)) => check_not_negative(target, "target")?,
            (GoalKind::Share, Some(target)) => check_percent(target, "target")?,
            (GoalKind::Count | GoalKind::Share, None) => {
                return Err(Error::bilingual(
                    ErrorKind::MissingTarget,
                    "target",
                    format!("ett mål av typen {kind} behöver ett målvärde"),
                    format!("a {kind} goal needs a target"),
                ))
            }
            (GoalKind::Qualitative, Some(target)) => {
                return Err(Error::bilingual(
                    ErrorKind::UnexpectedTarget,
                    "target",
                    format!("ett kvalitativt mål har inget målvärde, men {target} är angivet"),
                    format!("a qualitative goal has no numeric target, but {target} is given"),
                ))
            }
            (GoalKind::Qualitative, None) => {
                if direction != Direction::AtLeast {
                    return Err(Error::bilingual(
                        ErrorKind::InvalidValue,
                        "direction",
                        "ett kvalitativt mål har ingen riktning",
                        "a qualitative goal has no direction",
                    ));
                }
            }
        }
        if let Some(unit) = &unit {
            check_text(unit, "unit")?;
        }
        check_fits(kind, &result, "result")?;
        Ok(Goal {
            description: description.into(),
            kind,
            target,
            direction,
            unit: unit.map(Arc::from),
            measures: None,
            also_stated: Vec::new(),
            result: Arc::new(result),
            last_year: None,
            also_reported: Vec::new(),
            locked: false,
        })
    }

    /// A count goal, at least `target`, with no result yet.
    pub fn count(description: impl Into<String>, target: Decimal) -> Result<Goal> {
        Goal::new(
            description,
            GoalKind::Count,
            Some(target),
            Direction::AtLeast,
            None,
            GoalResult::missing(),
        )
    }

    /// A share goal, at least `target_percent` (0–100), with no result yet.
    pub fn share(description: impl Into<String>, target_percent: Decimal) -> Result<Goal> {
        Goal::new(
            description,
            GoalKind::Share,
            Some(target_percent),
            Direction::AtLeast,
            None,
            GoalResult::missing(),
        )
    }

    /// A qualitative goal with no result yet.
    pub fn qualitative(description: impl Into<String>) -> Result<Goal> {
        Goal::new(
            description,
            GoalKind::Qualitative,
            None,
            Direction::AtLeast,
            None,
            GoalResult::missing(),
        )
    }

    /// The same goal with another direction.
    pub fn with_direction(self, direction: Direction) -> Result<Goal> {
        if self.kind == GoalKind::Qualitative && direction != Direction::AtLeast {
            return Err(Error::bilingual(
                ErrorKind::InvalidValue,
                "direction",
                "ett kvalitativt mål har ingen riktning",
                "a qualitative goal has no direction",
            ));
        }
        Ok(Goal { direction, ..self })
    }

    /// The same goal with a unit, e.g. "nya deltagare" or "remisser".
    pub fn with_unit(self, unit: impl Into<String>) -> Result<Goal> {
        let unit = unit.into();
        check_text(&unit, "unit")?;
        Ok(Goal {
            unit: Some(unit.into()),
            ..self
        })
    }

    /// The same goal saying which flow figure it measures; the measure must fit the goal's
    /// kind (a count measure for a count goal, a share measure for a share goal).
    pub fn with_measure(self, measure: FlowMeasure) -> Result<Goal> {
        if measure.goal_kind() != self.kind {
            return Err(Error::new(
                ErrorKind::MeasureKindMismatch,
                "measures",
                format!(
                    "the measure {} does not fit a {} goal",
                    measure.code(),
                    self.kind
                ),
            ));
        }
        Ok(Goal {
            measures: Some(measure),
            ..self
        })
    }

    /// The same goal with one more statement of it from another place of the report; its
    /// target is checked like the goal's own.
    pub fn with_statement(mut self, statement: GoalStatement) -> Result<Goal> {
        let path = format!("also_stated[{}]", self.also_stated.len());
        check_text(&statement.place, "place").map_err(|e| e.under(&path))?;
        check_text(&statement.text, "text").map_err(|e| e.under(&path))?;
        match self.kind {
            GoalKind::Count => check_not_negative(statement.target, "target"),
            GoalKind::Share => check_percent(statement.target, "target"),
            GoalKind::Qualitative => Err(Error::bilingual(
                ErrorKind::UnexpectedTarget,
                "target",
                "ett kvalitativt mål har inget målvärde att ange på annat ställe",
                "a qualitative goal has no numeric target to state elsewhere",
            )),
        }
        .map_err(|e| e.under(&path))?;
        self.also_stated.push(statement);
        Ok(self)
    }

    /// The same goal with this period's result; the result must fit the goal's kind.
    pub fn with_result(self, result: GoalResult) -> Result<Goal> {
        check_fits(self.kind, &result, "result")?;
        Ok(Goal {
            result: Arc::new(result),
            ..self
        })
    }

    /// The same goal with last year's result for it, as the report states it beside this
    /// year's ("Resultat 2013"); the result must fit the goal's kind.
    pub fn with_last_year(self, result: GoalResult) -> Result<Goal> {
        check_fits(self.kind, &result, "")?;
        Ok(Goal {
            last_year: Some(Arc::new(result)),
            ..self
        })
    }

    /// The same goal with one more statement of its result from another place of the report;
    /// the result must fit the goal's kind.
    pub fn with_reported(mut self, statement: ResultStatement) -> Result<Goal> {
        let path = format!("also_reported[{}]", self.also_reported.len());
        check_text(&statement.place, "place").map_err(|e| e.under(&path))?;
        check_text(&statement.text, "text").map_err(|e| e.under(&path))?;
        check_fits(self.kind, &statement.result, "result").map_err(|e| e.under(&path))?;
        self.also_reported.push(statement);
        Ok(self)
    }

    /// Every result the goal states, in order: the summary's, last year's and each one stated
    /// elsewhere, each with its JSON path relative to the goal (`result`, `last_year`,
    /// `also_reported[0].result`) and its place.
    pub fn stated_results(&self) -> Vec<(String, ResultPlace<'_>, &GoalResult)> {
        let mut stated = vec![("result".to_owned(), ResultPlace::Summary, self.result())];
        if let Some(last_year) = self.last_year() {
            stated.push(("last_year".to_owned(), ResultPlace::LastYear, last_year));
        }
        for (index, statement) in self.also_reported.iter().enumerate() {
            stated.push((
                format!("also_reported[{index}].result"),
                ResultPlace::Stated(&statement.place),
                &statement.result,
            ));
        }
        stated
    }

    /// The same goal, locked (`true`) or not: a locked goal was set by the association's
    /// office, and a form lets the intervention owner enter its result only. Grading and
    /// checking do not depend on it.
    #[must_use]
    pub fn with_locked(self, locked: bool) -> Goal {
        Goal { locked, ..self }
    }

    /// Whether the goal is locked against editing in a form (`locked` in the JSON format).
    pub fn is_locked(&self) -> bool {
        self.locked
    }

    /// Last year's result, when the report states it.
    pub fn last_year(&self) -> Option<&GoalResult> {
        self.last_year.as_deref()
    }

    /// The goal's result as other places of the report state it.
    pub fn also_reported(&self) -> &[ResultStatement] {
        &self.also_reported
    }

    /// The goal as written: "80 % förbättrad hälsa".
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The description, shared (no copy): what an assessment keeps of the goal.
    pub(crate) fn shared_description(&self) -> Arc<str> {
        Arc::clone(&self.description)
    }

    /// The unit, shared (no copy).
    pub(crate) fn shared_unit(&self) -> Option<Arc<str>> {
        self.unit.clone()
    }

    /// The result, shared (no copy).
    pub(crate) fn shared_result(&self) -> Arc<GoalResult> {
        Arc::clone(&self.result)
    }

    /// Count, share or qualitative.
    pub fn kind(&self) -> GoalKind {
        self.kind
    }

    /// The target: a count, or a percentage 0–100 for a share; `None` for a qualitative goal.
    pub fn target(&self) -> Option<Decimal> {
        self.target
    }

    /// At least or at most.
    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// The unit, e.g. "nya deltagare".
    pub fn unit(&self) -> Option<&str> {
        self.unit.as_deref()
    }

    /// The result reported for the period.
    pub fn result(&self) -> &GoalResult {
        &self.result
    }

    /// The flow figure the goal measures, if linked.
    pub fn measures(&self) -> Option<FlowMeasure> {
        self.measures
    }

    /// The goal as other places of the report state it.
    pub fn also_stated(&self) -> &[GoalStatement] {
        &self.also_stated
    }
}

/// A count goal takes a count result, a share goal a share result; any goal may take a
/// qualitative result (a person's assessment) or be not measured, not applicable or missing.
fn check_fits(kind: GoalKind, result: &GoalResult, field: &str) -> Result<()> {
    let fits = match result {
        GoalResult::Count(_) => kind == GoalKind::Count,
        GoalResult::Share(_) => kind == GoalKind::Share,
        GoalResult::Qualitative(_)
        | GoalResult::NotMeasured { .. }
        | GoalResult::NotApplicable { .. }
        | GoalResult::Missing { .. } => true,
    };
    if fits {
        Ok(())
    } else {
        Err(Error::bilingual(
            ErrorKind::ResultKindMismatch,
            field,
            format!(
                "ett resultat av typen {} passar inte ett mål av typen {kind}",
                result.code()
            ),
            format!("a {} result does not fit a {kind} goal", result.code()),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: i64) -> Decimal {
        Decimal::from(n)
    }

    fn failure(result: Result<Goal>) -> Option<(ErrorKind, String)> {
        result.err().map(|e| (e.kind(), e.path().to_owned()))
    }

    #[test]
    fn constructors_validate_and_name_the_field() -> Result<()> {
        assert_eq!(
            failure(Goal::count("", d(3))),
            Some((ErrorKind::EmptyText, "description".into()))
        );
        assert_eq!(
            failure(Goal::count("x", d(-3))),
            Some((ErrorKind::NegativeValue, "target".into()))
        );
        assert_eq!(
            failure(Goal::share("x", d(120))),
            Some((ErrorKind::ShareAbove100, "target".into()))
        );
        assert_eq!(
            failure(Goal::new(
                "x",
                GoalKind::Count,
                None,
                Direction::AtLeast,
                None,
                GoalResult::missing()
            )),
            Some((ErrorKind::MissingTarget, "target".into()))
        );
        assert_eq!(
            failure(Goal::new(
                "x",
                GoalKind::Qualitative,
                Some(d(1)),
                Direction::AtLeast,
                None,
                GoalResult::missing()
            )),
            Some((ErrorKind::UnexpectedTarget, "target".into()))
        );
        assert_eq!(
            failure(Goal::count("x", d(3))?.with_result(GoalResult::share_percent(d(50))?)),
            Some((ErrorKind::ResultKindMismatch, "result".into()))
        );
        assert_eq!(
            failure(Goal::count("x", d(3))?.with_unit(" ")),
            Some((ErrorKind::EmptyText, "unit".into()))
        );
        Ok(())
    }

    #[test]
    fn builder_keeps_fields() -> Result<()> {
        let goal = Goal::share("Maximal andel avbrott", d(10))?
            .with_direction(Direction::AtMost)?
            .with_result(GoalResult::share_fraction(d(1), d(20))?)?;
        assert_eq!(goal.direction(), Direction::AtMost);
        assert_eq!(goal.kind(), GoalKind::Share);
        assert_eq!(goal.result().code(), "share");
        Ok(())
    }

    #[test]
    fn a_locked_goal_reads_and_writes_its_flag() -> Result<()> {
        let json = r#"{"description": "40 deltagare", "kind": "count", "target": "40", "locked": true,
            "result": {"type": "count", "value": "58"}}"#;
        let locked: Goal = serde_json::from_str(json)
            .map_err(|e| Error::new(ErrorKind::JsonSyntax, "", e.to_string()))?;
        assert!(locked.is_locked());
        let written = serde_json::to_value(&locked)
            .map_err(|e| Error::new(ErrorKind::JsonSyntax, "", e.to_string()))?;
        assert_eq!(written.get("locked"), Some(&serde_json::Value::Bool(true)));
        // Unlocked, the flag is not written, and nothing else differs.
        let open = locked.clone().with_locked(false);
        let written = serde_json::to_value(&open)
            .map_err(|e| Error::new(ErrorKind::JsonSyntax, "", e.to_string()))?;
        assert_eq!(written.get("locked"), None);
        assert_eq!(open.with_locked(true), locked);
        Ok(())
    }
}
