//! Diagnostics: what the checker found in a report. Each has a stable code, a severity, a
//! location (intervention, table, JSON path), the expected and the printed value, and a message
//! in Swedish and in English.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::common::locale::Language;
use crate::model::intervention::InterventionId;

pub use crate::common::severity::Severity;

/// Which table of a report a finding is in.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Table {
    /// The goal-fulfilment summary and the goals of the intervention sections.
    Goals,
    /// The participant-flow table.
    Flows,
    /// The end-reason table.
    EndReasons,
    /// The association's economic statement.
    Statement,
    /// The local cost rules.
    CostRules,
    /// Budget against outcome per intervention.
    InterventionCosts,
    /// The full-year forecast.
    Forecast,
}

impl Table {
    /// Every table, in the order of a report.
    pub const ALL: [Table; 7] = [
        Table::Goals,
        Table::Flows,
        Table::EndReasons,
        Table::Statement,
        Table::CostRules,
        Table::InterventionCosts,
        Table::Forecast,
    ];

    /// The stable code: `goals`, `flows`, `end_reasons`, `statement`, `cost_rules`,
    /// `intervention_costs`, `forecast`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }
}

/// The kind of a finding. Every code is stable.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticCode {
    /// Women + men + other ≠ current participants (`flow_gender_sum`).
    FlowGenderSum,
    /// More new participants than current ones (`flow_new_above_current`).
    FlowNewAboveCurrent,
    /// More ended participants than current ones (`flow_ended_above_current`).
    FlowEndedAboveCurrent,
    /// To work/studies + job-seeking above the ended participants (`flow_outcomes_above_ended`).
    FlowOutcomesAboveEnded,
    /// A figure of the TOTALT row is not the sum of its column (`flow_total_mismatch`).
    FlowTotalMismatch,
    /// More unique participants than the total of current participants (`flow_unique_above_total`).
    FlowUniqueAboveTotal,
    /// An individual intervention with goals has no row in the flow table (`flow_row_missing`).
    FlowRowMissing,
    /// A share's printed percentage is one percentage point or more from its fraction
    /// (`share_printed_mismatch`).
    SharePrintedMismatch,
    /// A share as printed cannot be: a numerator above its denominator, a percentage above
    /// 100 or a zero denominator (`share_impossible`).
    ShareImpossible,
    /// A goal's result contradicts the flow figure it measures (`goal_flow_mismatch`).
    GoalFlowMismatch,
    /// An end-reason row's counts do not add up to its printed total (`end_reason_row_total`).
    EndReasonRowTotal,
    /// An end-reason column does not add up to the printed total row (`end_reason_column_total`).
    EndReasonColumnTotal,
    /// The same goal is stated with different targets in two places (`goal_target_conflict`).
    GoalTargetConflict,
    /// A printed difference is not budget − outcome (`difference_mismatch`).
    DifferenceMismatch,
    /// A printed subtotal or total is not the sum of its lines (`subtotal_mismatch`).
    SubtotalMismatch,
    /// The printed total costs are not the sum of the cost groups (`cost_total_mismatch`).
    CostTotalMismatch,
    /// The printed result is not income − costs (`result_mismatch`).
    ResultMismatch,
    /// The members' contributions do not follow the 50 / 25 / 25 split of the Finsam law
    /// (`member_split_mismatch`).
    MemberSplitMismatch,
    /// Costs exceed what a local cost rule allows (`cost_rule_exceeded`).
    CostRuleExceeded,
    /// A figure printed for a cost rule (allowed, actual, excess, room, share) is wrong
    /// (`cost_rule_figure_mismatch`).
    CostRuleFigureMismatch,
    /// A figure of the forecast is not what its parts give (`forecast_mismatch`).
    ForecastMismatch,
    /// An intervention's outcome stated in its own section differs from the per-intervention
    /// table (`outcome_stated_mismatch`).
    OutcomeStatedMismatch,
    /// A goal's result stated in another place (the section's table) differs from the
    /// summary's (`result_stated_mismatch`).
    ResultStatedMismatch,
    /// Women and men stated in a section's text do not add up to the number they split
    /// (`text_sum_mismatch`).
    TextSumMismatch,
    /// The gender shares stated in a section's text do not add up to 100 % (`text_share_sum`).
    TextShareSum,
    /// A figure of the period stated in a section's text differs from the flow table's
    /// (`text_figure_mismatch`).
    TextFigureMismatch,
    /// The figures are too large to compute with (`overflow`).
    Overflow,
}

impl DiagnosticCode {
    /// Every code, in declaration order.
    pub const ALL: [DiagnosticCode; 27] = [
        DiagnosticCode::FlowGenderSum,
        DiagnosticCode::FlowNewAboveCurrent,
        DiagnosticCode::FlowEndedAboveCurrent,
        DiagnosticCode::FlowOutcomesAboveEnded,
        DiagnosticCode::FlowTotalMismatch,
        DiagnosticCode::FlowUniqueAboveTotal,
        DiagnosticCode::FlowRowMissing,
        DiagnosticCode::SharePrintedMismatch,
        DiagnosticCode::ShareImpossible,
        DiagnosticCode::GoalFlowMismatch,
        DiagnosticCode::EndReasonRowTotal,
        DiagnosticCode::EndReasonColumnTotal,
        DiagnosticCode::GoalTargetConflict,
        DiagnosticCode::DifferenceMismatch,
        DiagnosticCode::SubtotalMismatch,
        DiagnosticCode::CostTotalMismatch,
        DiagnosticCode::ResultMismatch,
        DiagnosticCode::MemberSplitMismatch,
        DiagnosticCode::CostRuleExceeded,
        DiagnosticCode::CostRuleFigureMismatch,
        DiagnosticCode::ForecastMismatch,
        DiagnosticCode::OutcomeStatedMismatch,
        DiagnosticCode::ResultStatedMismatch,
        DiagnosticCode::TextSumMismatch,
        DiagnosticCode::TextShareSum,
        DiagnosticCode::TextFigureMismatch,
        DiagnosticCode::Overflow,
    ];

    /// The stable code, e.g. `flow_gender_sum`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }
}

/// Where a finding is: in the report (its JSON path) and, when the report was read from a
/// document, in the document (line, or table, row and cell). A finding between two places
/// names both.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Location {
    /// The intervention concerned, if one is.
    pub intervention: Option<InterventionId>,
    /// The table.
    pub table: Table,
    /// The JSON path of the field in the report, e.g. `flows.rows[4].figures.new`.
    pub path: String,
    /// The JSON path of the other place, when the finding is between two: the summary's
    /// result that a section's table contradicts, for instance.
    pub compared_with: Option<String>,
    /// Where `path` and then `compared_with` stand in the document the report was read from,
    /// as far as the report's `sources` say; empty for a report that was not read from one.
    pub places: Vec<crate::common::place::Place>,
}

impl Location {
    /// A location in the report, not yet placed in a document.
    pub fn new(intervention: Option<InterventionId>, table: Table, path: String) -> Location {
        Location {
            intervention,
            table,
            path,
            compared_with: None,
            places: Vec::new(),
        }
    }
}

/// One finding of the checker.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Diagnostic {
    /// What kind of finding.
    pub code: DiagnosticCode,
    /// How serious.
    pub severity: Severity,
    /// Where.
    pub location: Location,
    /// The value the rest of the report implies.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub expected: Option<Decimal>,
    /// The value printed.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub printed: Option<Decimal>,
    /// The finding in Swedish.
    pub message_sv: String,
    /// The finding in English.
    pub message_en: String,
}

impl Diagnostic {
    /// The message in `language`.
    pub fn message(&self, language: Language) -> &str {
        match language {
            Language::Swedish => &self.message_sv,
            Language::English => &self.message_en,
        }
    }
}
