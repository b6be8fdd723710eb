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
//! Where things live:
//! - [`period`], [`intervention`], [`goal`], [`result`], [`mod@grade`]: the model;
//! - [`policy`] and [`grading`]: how a grade is computed; [`assessment`] and [`explain`]: what
//!   grading returns and how it reads;
//! - [`calibration`]: fitting the policy to decided grades;
//! - [`flows`] and [`end_reasons`]: participant flows; [`money`] and [`economics`]: amounts,
//!   the statement, cost rules and the forecast; [`mod@check`]: the checker and its
//!   [`diagnostic`]s;
//! - [`parse`]: reading the reports' Swedish text (goal and result cells) and building
//!   interventions from it; [`render`]: tables as Markdown, HTML and CSV; [`series`]: reports of
//!   several years compared;
//! - [`report`] and [`json`]: a whole report and its JSON format;
//! - [`error`]: the typed errors with stable codes; [`locale`]: language and number format.
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

pub mod assessment;
pub mod calibration;
pub mod check;
mod check_economics;
pub mod diagnostic;
pub mod economics;
pub mod end_reasons;
pub mod error;
pub mod explain;
pub mod flows;
pub mod goal;
pub mod grade;
pub mod grading;
pub mod intervention;
pub mod json;
pub mod locale;
pub mod money;
pub mod parse;
pub mod period;
pub mod policy;
pub mod render;
pub mod report;
pub mod result;
pub mod series;

pub use assessment::{Assessment, Comparison, GoalAssessment, GoalStatus, Rule};
pub use calibration::{
    calibrate, Calibration, ConfusionCell, ConfusionMatrix, Disagreement, Excluded, ExclusionReason,
};
pub use check::check;
pub use diagnostic::{Diagnostic, DiagnosticCode, Location, Severity, Table};
pub use economics::{
    Amounts, Column, CostGroup, CostRule, Deviation, Economics, EconomicsSummary, Figures,
    Forecast, ForecastOutcome, GroupSummary, InterventionCost, InterventionCosts, Line, Member,
    OutcomeWording, RuleBase, RuleOutcome, StatedCost, Statement, StatementSummary,
};
pub use end_reasons::{EndReason, EndReasonRow, EndReasonTable, EndReasonTotals};
pub use error::{Error, ErrorKind, Result};
pub use flows::{FlowField, FlowFigure, FlowFigures, FlowMeasure, FlowRow, FlowTable};
pub use goal::{Direction, Goal, GoalKind, GoalStatement};
pub use grade::{DecidedGrade, Decision, Grade};
pub use grading::{attainment, grade, grade_all, grade_each};
pub use intervention::{Intervention, InterventionId, InterventionKind, InterventionStatus};
pub use locale::{format_number, format_percent, Language};
pub use money::{Money, Rounding, Unit};
pub use period::{Period, PeriodPart};
pub use policy::GradingPolicy;
pub use render::{
    goal_fulfilment_table, goal_rows, intervention_rows, render_flow_table, render_goal_table,
    Format, GoalRow, InterventionRow,
};
pub use report::{Report, FORMAT_VERSION};
pub use result::{
    CountResult, GoalResult, QualitativeAssessment, QualitativeResult, ShareBasis, ShareResult,
};
pub use series::{
    Appearance, GoalChange, GoalHistory, GoalMatch, GoalPoint, InterventionHistory,
    InterventionMatch, ReportSeries, SeriesComparison, SeriesGoalRow, SeriesGradeRow,
};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
