//! What grading returns: per goal its attainment and status, per intervention the score, the
//! grade, the rule that decided it, and how it compares with the grade the association decided.

use std::sync::Arc;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::goal::{Direction, GoalKind};
use crate::model::grade::{DecidedGrade, Decision, Grade};
use crate::model::intervention::InterventionId;
use crate::model::result::GoalResult;

/// The state of one goal after grading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    /// Attainment 1: the goal is met.
    Reached,
    /// Attainment strictly between 0 and 1.
    PartlyReached,
    /// Attainment 0: measured, and nothing of the goal was met.
    NotReached,
    /// Not measured ("Ej mätbart"): counts as not reached, left out of the mean.
    NotMeasured,
    /// A qualitative result nobody has assessed: as [`GoalStatus::NotMeasured`].
    NotAssessed,
    /// No result reported: as [`GoalStatus::NotMeasured`].
    Missing,
    /// Not applicable this period: left out entirely.
    NotApplicable,
}

impl GoalStatus {
    /// The stable code, e.g. `partly_reached`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }

    /// Whether the goal counts as not reached for want of measurement.
    pub fn is_unmeasured(self) -> bool {
        matches!(
            self,
            GoalStatus::NotMeasured | GoalStatus::NotAssessed | GoalStatus::Missing
        )
    }
}

/// One goal after grading.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GoalAssessment {
    /// The goal's position in the intervention (0-based).
    pub index: usize,
    /// The goal as written.
    pub description: Arc<str>,
    /// Count, share or qualitative.
    pub kind: GoalKind,
    /// At least or at most.
    pub direction: Direction,
    /// The target (a percentage for a share).
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub target: Option<Decimal>,
    /// The goal's unit, if any.
    pub unit: Option<Arc<str>>,
    /// The result as reported (shared with the goal, not copied).
    pub result: Arc<GoalResult>,
    /// The figure graded: the count, or the share's percentage on the policy's basis.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub value: Option<Decimal>,
    /// Attainment in [0, 1]; `None` when the goal was not measured or does not apply.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub attainment: Option<Decimal>,
    /// What grading made of the goal.
    pub status: GoalStatus,
    /// Whether a share was graded on its printed percentage although a fraction was given
    /// (the policy's share basis is `printed`).
    pub printed_used: bool,
}

/// The rule that set an intervention's grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Rule {
    /// No goal to grade (none, or only not-applicable ones): no grade.
    NoGradableGoals,
    /// No goal was measured: the policy's grade for that (default Ej uppfyllt).
    NoneMeasured {
        /// How many goals were not measured.
        unmeasured: usize,
        /// The grade given.
        grade: Grade,
    },
    /// The score fell in this grade's band.
    ScoreBand {
        /// The band's grade.
        band: Grade,
        /// The band's lower edge (`None` for Ej uppfyllt).
        #[cfg_attr(
            feature = "schema",
            schemars(with = "Option<crate::common::decimal::Text>")
        )]
        #[serde(with = "crate::common::decimal::option")]
        edge: Option<Decimal>,
        /// How many goals were not measured (they did not enter the mean).
        unmeasured: usize,
        /// The highest grade allowed because of them (relevant only when `unmeasured > 0`).
        cap: Grade,
    },
    /// The score's band was above the highest grade allowed when a goal was not measured.
    CappedForUnmeasured {
        /// The band the score fell in.
        band: Grade,
        /// The grade given.
        cap: Grade,
        /// How many goals were not measured.
        unmeasured: usize,
    },
}

impl Rule {
    /// The stable code: `no_gradable_goals`, `none_measured`, `score_band`,
    /// `capped_for_unmeasured`.
    pub fn code(&self) -> &'static str {
        match self {
            Rule::NoGradableGoals => "no_gradable_goals",
            Rule::NoneMeasured { .. } => "none_measured",
            Rule::ScoreBand { .. } => "score_band",
            Rule::CappedForUnmeasured { .. } => "capped_for_unmeasured",
        }
    }
}

/// How the decided grade compares with the computed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// The same grade (or both "no grade").
    Agrees,
    /// The association decided a higher grade than computed.
    DecidedHigher,
    /// The association decided a lower grade than computed.
    DecidedLower,
    /// The association decided "Ej tillämpbar" where a grade was computed.
    DecidedNotApplicable,
    /// The association decided a grade where none could be computed.
    NotComputed,
}

impl Comparison {
    /// Compares a decision with a computed grade.
    pub fn of(decision: Decision, computed: Option<Grade>) -> Comparison {
        match (decision, computed) {
            (Decision::NotApplicable, None) => Comparison::Agrees,
            (Decision::NotApplicable, Some(_)) => Comparison::DecidedNotApplicable,
            (Decision::Graded(_), None) => Comparison::NotComputed,
            (Decision::Graded(decided), Some(computed)) if decided == computed => {
                Comparison::Agrees
            }
            (Decision::Graded(decided), Some(computed)) if decided > computed => {
                Comparison::DecidedHigher
            }
            (Decision::Graded(_), Some(_)) => Comparison::DecidedLower,
        }
    }

    /// The stable code, e.g. `decided_higher`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }

    /// Whether the two agree.
    pub fn agrees(self) -> bool {
        self == Comparison::Agrees
    }
}

/// The grading of one intervention.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Assessment {
    /// The intervention's id.
    pub intervention_id: InterventionId,
    /// The intervention's name.
    pub name: Arc<str>,
    /// The computed grade; `None` when there was nothing to grade.
    pub grade: Option<Grade>,
    /// The mean attainment of the measured goals; `None` when none was measured.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub score: Option<Decimal>,
    /// Each goal, in order.
    pub goals: Vec<GoalAssessment>,
    /// The rule that set the grade.
    pub rule: Rule,
    /// The grade the association decided, if recorded.
    pub decided: Option<DecidedGrade>,
    /// How the decided grade compares with the computed one, if one was decided.
    pub comparison: Option<Comparison>,
}

impl Assessment {
    /// How many goals were measured (entered the mean).
    pub fn measured_goals(&self) -> usize {
        self.goals.iter().filter(|g| g.attainment.is_some()).count()
    }

    /// Whether a decided grade exists and differs from the computed one.
    pub fn differs_from_decided(&self) -> bool {
        self.comparison.is_some_and(|c| !c.agrees())
    }
}
