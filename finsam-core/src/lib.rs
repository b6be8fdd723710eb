//! # finsam-core
//!
//! The domain of follow-up of interventions funded by Swedish coordination associations
//! (*samordningsförbund*, Finsam): interventions, their goals and results, the grading of goal
//! fulfilment (*måluppfyllelse*: Mycket god / God / Godtagbar / Ej uppfyllt), explanations of
//! grades in Swedish and English, calibration of the grading policy against the grades an
//! association decided, and the JSON format of a report.
//!
//! The crate is pure: no I/O, no clock, no randomness. It builds for `wasm32-unknown-unknown`
//! as well as native targets. All money and attainment arithmetic is exact decimal
//! ([`rust_decimal::Decimal`]) and checked.
//!
//! Where things live, one folder per concept (`src/`):
//! - `model/`: what a report states: [`Period`], [`Intervention`], [`Goal`], [`GoalResult`],
//!   [`Grade`] and [`DecidedGrade`], [`Money`], participant flows ([`FlowTable`]), end reasons
//!   ([`EndReasonTable`]), the [`Economics`], and the whole [`Report`];
//! - `grading/`: how a grade is computed ([`GradingPolicy`], [`grade()`]), what grading returns
//!   ([`Assessment`]) and how it reads ([`Assessment::explain`]), how far it agrees with the
//!   decided grades ([`Agreement`]), and [`calibrate()`];
//! - `check/`: the checker ([`check()`]) and its [`Diagnostic`]s;
//! - [`text`]: reading the reports' Swedish text (goal and result cells) and building
//!   interventions from it;
//! - [`render`]: tables as Markdown, HTML and CSV;
//! - [`write`](mod@write): documents out: the report's tables as an .xlsx workbook (feature `xlsx`) and
//!   its appendix as a Word document (feature `docx-write`);
//! - `series/`: reports of several years compared ([`ReportSeries`]);
//! - [`format`](mod@format): the JSON format, its limits and validation;
//! - `common/`: what all of them build on: the typed [`Error`] with stable codes, [`Language`]
//!   and number formats, decimals as strings.
//!
//! Each item has one public path: the three public modules ([`format`](mod@format), [`text`],
//! [`render`]) hold what is used through its module; every other type is at the crate's root.
//!
//! ```
//! use finsam_core::{GradingPolicy, Language, Report};
//! let report = Report::from_json(r#"{
//!   "format_version": 1,
//!   "organisation": "Samordningsförbundet Exempel",
//!   "period": "2017",
//!   "interventions": [{
//!     "id": "start", "name": "START", "kind": "individual", "status": "active",
//!     "goals": [
//!       {"description": "20 nya deltagare", "kind": "count", "target": "20",
//!        "result": {"type": "count", "value": "21"}},
//!       {"description": "50 % i arbete/studier", "kind": "share", "target": "50",
//!        "result": {"type": "share", "percent": "67", "numerator": "14", "denominator": "21"}}
//!     ],
//!     "decided_grade": {"grade": "Mycket God"}
//!   }]
//! }"#)?;
//! let assessments = report.grade(&GradingPolicy::default())?;
//! assert_eq!(assessments[0].grade.map(|g| g.label_sv()), Some("Mycket god"));
//! assert!(!assessments[0].differs_from_decided());
//! # Ok::<(), finsam_core::Error>(())
//! ```

#![forbid(unsafe_code)]
mod check;
mod common;
pub mod document;
pub mod format;
mod grading;
mod model;
pub mod reader;
pub mod render;
mod series;
pub mod text;
pub mod write;

pub use check::check;
pub use check::diagnostic::{Diagnostic, DiagnosticCode, Location, Table};
pub use common::command::{chart_text, command_message, CHART_TEXTS, COMMAND_MESSAGES};
pub use common::error::{Error, ErrorKind, Result};
pub use common::locale::{format_number, format_percent, Language};
pub use common::severity::Severity;

pub use grading::agreement::Agreement;
pub use grading::assessment::{Assessment, Comparison, GoalAssessment, GoalStatus, Rule};
pub use grading::calibration::{
    calibrate, Calibration, ConfusionCell, ConfusionMatrix, Disagreement, Excluded,
    ExclusionReason, ShareBasisTrial,
};
pub use grading::explain::explain_all;
pub use grading::grader::{attainment, grade, grade_all, grade_each};
pub use grading::policy::GradingPolicy;
pub use model::economics::{
    Amounts, Column, CostGroup, CostRule, Costs, Deviation, Economics, EconomicsSummary, Figures,
    Forecast, ForecastFigures, ForecastOutcome, GroupSummary, Income, InterventionCost,
    InterventionCostGroup, InterventionCosts, Item, Line, Member, MemberShare, MemberSplit,
    OutcomeWording, PlannedCost, RuleBase, RuleFigures, RuleOutcome, StatedBudget, StatedCost,
    Statement, StatementSummary,
};
pub use model::end_reasons::{EndReason, EndReasonRow, EndReasonTable, EndReasonTotals};
pub use model::flows::{
    FlowField, FlowFigure, FlowFigures, FlowMeasure, FlowRow, FlowTable, GenderShares, OfWhom,
    PrintedPart, StatedCounts,
};
pub use model::goal::{
    Certainty, Direction, Goal, GoalKind, GoalStatement, ResultPlace, ResultStatement,
};
pub use model::grade::{DecidedGrade, Decision, Grade};
pub use model::intervention::{
    Intervention, InterventionId, InterventionKind, InterventionStatus, MAX_ID_LEN,
};
pub use model::money::{Money, Rounding, Unit};
pub use model::period::{Period, PeriodPart, FIRST_YEAR, LAST_YEAR};
pub use model::report::{Report, Source, FORMAT_VERSION};
pub use model::result::{
    CountResult, GoalResult, QualitativeAssessment, QualitativeResult, ShareBasis, ShareResult,
};
pub use series::{
    Appearance, GoalChange, GoalHistory, GoalMatch, GoalPoint, InterventionHistory,
    InterventionMatch, ReportSeries, SeriesComparison, SeriesGoalRow, SeriesGradeRow,
};

/// The crate README's examples, compiled and run as doctests (the repository README shows the
/// same examples; a test of the examples crate checks that they are the same text).
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
