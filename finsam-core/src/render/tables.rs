//! Every table a user gets, as data: one [`Row`] type per table and one function per table
//! returning a [`Table`]. The bindings convert these tables generically (Python's `to_pandas`,
//! the JavaScript functions); none of them lists a column.
//!
//! Cells are the values the rows serialise: codes as their stable codes, decimals as strings,
//! an absent value as `null`. A column of kind [`ColumnKind::Grade`] holds a grade's code, or
//! `not_applicable` where an association decided *Ej tillämpbar*.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::check::diagnostic::{Diagnostic, DiagnosticCode, Table as DiagnosticTable};
use crate::common::error::{Error, ErrorKind, Result};
use crate::common::locale::Language;
use crate::common::severity::Severity;
use crate::common::table::{Column, ColumnKind, Row, Table};
use crate::grading::assessment::{Assessment, GoalStatus};
use crate::model::economics::{
    CostGroup, Deviation, Economics, Line, Member, OutcomeWording, RuleBase, Statement,
};
use crate::model::end_reasons::{EndReason, EndReasonTable};
use crate::model::flows::{FlowFigure, FlowTable};
use crate::model::goal::{Direction, GoalKind};
use crate::model::grade::{Decision, Grade};
use crate::model::intervention::{InterventionId, InterventionStatus};
use crate::model::money::Unit;
use crate::model::report::Report;
use crate::render::{goal_rows, intervention_rows, result_text, GoalRow, InterventionRow};
use crate::series::{GoalMatch, InterventionMatch, SeriesComparison};
use crate::text::{Cell, IssueCode, TextIntervention};

use ColumnKind::{Bool, Code, Decimal as Dec, Fraction, Grade as GradeKind, Id, Integer, Money};
use ColumnKind::{Percent, Text};

/// A column with a fixed key and headings (shorter to write in the tables below).
const fn col(key: &'static str, kind: ColumnKind, sv: &'static str, en: &'static str) -> Column {
    Column::new(key, kind, sv, en)
}

impl Row for GoalRow {
    fn columns() -> Vec<Column> {
        vec![
            col("intervention_id", Id, "Insats-id", "Intervention id"),
            col("intervention", Text, "Insats", "Intervention"),
            col("goal_number", Integer, "Mål nr", "Goal no."),
            col("goal", Text, "Mål", "Goal"),
            col("kind", Code, "Typ", "Kind"),
            col("direction", Code, "Riktning", "Direction"),
            col("target", Dec, "Målvärde", "Target"),
            col("unit", Text, "Enhet", "Unit"),
            col("result_type", Code, "Resultattyp", "Result type"),
            col("result", Text, "Resultat", "Result"),
            col("value", Dec, "Värde", "Value"),
            col("attainment", Fraction, "Måluppfyllelse", "Attainment"),
            col("status", Code, "Status", "Status"),
        ]
    }
}

impl Row for InterventionRow {
    fn columns() -> Vec<Column> {
        vec![
            col("intervention_id", Id, "Insats-id", "Intervention id"),
            col("intervention", Text, "Insats", "Intervention"),
            col("goals", Integer, "Mål", "Goals"),
            col("measured_goals", Integer, "Mätta mål", "Measured goals"),
            col(
                "unmeasured_goals",
                Integer,
                "Omätta mål",
                "Unmeasured goals",
            ),
            col("score", Fraction, "Poäng", "Score"),
            col("grade", GradeKind, "Beräknad bedömning", "Computed grade"),
            col("grade_label", Text, "Beräknad", "Computed"),
            col("decided", GradeKind, "Beslutad bedömning", "Decided grade"),
            col("decided_label", Text, "Beslutad", "Decided"),
            col("comparison", Code, "Jämförelse", "Comparison"),
            col("rule", Code, "Regel", "Rule"),
        ]
    }
}

/// One row per goal of every assessment (`GoalRow`), texts in `language`.
pub fn goal_table(assessments: &[Assessment], language: Language) -> Result<Table> {
    Table::of(&goal_rows(assessments, language))
}

/// One row per assessment (`InterventionRow`), labels in `language`.
pub fn intervention_table(assessments: &[Assessment], language: Language) -> Result<Table> {
    Table::of(&intervention_rows(assessments, language))
}

/// One finding of the checker as a row.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DiagnosticRow<'a> {
    /// The stable code.
    pub code: DiagnosticCode,
    /// How serious.
    pub severity: Severity,
    /// The intervention concerned, if one is.
    pub intervention_id: Option<&'a InterventionId>,
    /// The table of the report.
    pub table: DiagnosticTable,
    /// The JSON path of the field.
    pub path: &'a str,
    /// The JSON path of the other place, when the finding is between two.
    pub compared_with: Option<&'a str>,
    /// Where the finding and the place it is compared with stand in the document the report
    /// was read from, in words ("rad 92, tabell 3, rad 2, cell 2; rad 8, …"); empty when the
    /// report was not read from a document.
    pub places: String,
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
    /// The finding in the table's language.
    pub message: &'a str,
}

impl Row for DiagnosticRow<'_> {
    fn columns() -> Vec<Column> {
        vec![
            col("code", Code, "Kod", "Code"),
            col("severity", Code, "Allvarlighet", "Severity"),
            col("intervention_id", Id, "Insats", "Intervention"),
            col("table", Code, "Tabell", "Table"),
            col("path", Text, "Fält", "Field"),
            col("compared_with", Text, "Jämfört med", "Compared with"),
            col(
                "places",
                Text,
                "Plats i dokumentet",
                "Place in the document",
            ),
            col("expected", Dec, "Förväntat", "Expected"),
            col("printed", Dec, "Tryckt", "Printed"),
            col("message", Text, "Meddelande", "Message"),
        ]
    }
}

/// The checker's findings, one row each, messages in `language`.
pub fn diagnostic_table(diagnostics: &[Diagnostic], language: Language) -> Result<Table> {
    let rows: Vec<DiagnosticRow<'_>> = diagnostics
        .iter()
        .map(|d| DiagnosticRow {
            code: d.code,
            severity: d.severity,
            intervention_id: d.location.intervention.as_ref(),
            table: d.location.table,
            path: &d.location.path,
            compared_with: d.location.compared_with.as_deref(),
            places: d
                .location
                .places
                .iter()
                .map(|p| p.describe(language))
                .collect::<Vec<_>>()
                .join("; "),
            expected: d.expected,
            printed: d.printed,
            message: d.message(language),
        })
        .collect();
    Table::of(&rows)
}

/// The label of the printed total row of a flow table.
pub const FLOW_TOTAL_LABEL: &str = "TOTALT";

/// The label of the printed total row of an end-reason table.
pub const END_REASON_TOTAL_LABEL: &str = "Totalt";

/// One row of the participant-flow table: an intervention's figures, or the TOTALT row
/// (without an intervention). A figure is a count, `not_applicable` or `null` (blank).
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FlowTableRow<'a> {
    /// The intervention; `None` on the TOTALT row.
    pub intervention_id: Option<&'a InterventionId>,
    /// The name as printed ("TOTALT" on the total row).
    pub label: Option<&'a str>,
    /// Current participants.
    pub current: Option<FlowFigure>,
    /// Of whom women.
    pub women: Option<FlowFigure>,
    /// Of whom men.
    pub men: Option<FlowFigure>,
    /// Of whom other or unspecified.
    pub other: Option<FlowFigure>,
    /// New participants.
    pub new: Option<FlowFigure>,
    /// Ended participants.
    pub ended: Option<FlowFigure>,
    /// Of the ended, to work or studies.
    pub to_work_or_studies: Option<FlowFigure>,
    /// Of the ended, job-seeking.
    pub job_seeking: Option<FlowFigure>,
}

impl Row for FlowTableRow<'_> {
    fn columns() -> Vec<Column> {
        vec![
            col("intervention_id", Id, "Insats-id", "Intervention id"),
            col("label", Text, "Insats", "Intervention"),
            col(
                "current",
                Integer,
                "Aktuella deltagare",
                "Current participants",
            ),
            col("women", Integer, "Kvinnor", "Women"),
            col("men", Integer, "Män", "Men"),
            col("other", Integer, "Annat/ej angivet", "Other/unspecified"),
            col("new", Integer, "Nya deltagare", "New participants"),
            col("ended", Integer, "Avslutade", "Ended"),
            col(
                "to_work_or_studies",
                Integer,
                "Till arbete/studier",
                "To work/studies",
            ),
            col("job_seeking", Integer, "Arbetssökande", "Job-seeking"),
        ]
    }
}

/// The participant-flow table: one row per intervention, then the TOTALT row when printed.
pub fn flow_table(table: &FlowTable) -> Result<Table> {
    let row = |id, label, f: &crate::model::flows::FlowFigures| FlowTableRow {
        intervention_id: id,
        label,
        current: f.current,
        women: f.women,
        men: f.men,
        other: f.other,
        new: f.new,
        ended: f.ended,
        to_work_or_studies: f.to_work_or_studies,
        job_seeking: f.job_seeking,
    };
    let mut rows: Vec<FlowTableRow<'_>> = table
        .rows
        .iter()
        .map(|r| row(Some(&r.intervention), r.label.as_deref(), &r.figures))
        .collect();
    if let Some(total) = &table.total {
        rows.push(row(None, Some(FLOW_TOTAL_LABEL), total));
    }
    Table::of(&rows)
}

/// One row of the end-reason table, or its printed total row (without a reason).
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EndReasonTableRow<'a> {
    /// The reason; `None` on the total row.
    pub reason: Option<EndReason>,
    /// The reason as printed ("Totalt" on the total row).
    pub label: Option<&'a str>,
    /// Women.
    pub women: Option<u64>,
    /// Men.
    pub men: Option<u64>,
    /// Other or unspecified.
    pub other: Option<u64>,
    /// The row's printed total.
    pub total: Option<u64>,
}

impl Row for EndReasonTableRow<'_> {
    fn columns() -> Vec<Column> {
        vec![
            col("reason", Code, "Orsak", "Reason"),
            col("label", Text, "Orsak (tryckt)", "Reason (printed)"),
            col("women", Integer, "Kvinnor", "Women"),
            col("men", Integer, "Män", "Men"),
            col("other", Integer, "Annat/ej angivet", "Other/unspecified"),
            col("total", Integer, "Totalt", "Total"),
        ]
    }
}

/// The end-reason table: one row per reason, then the printed total row when there is one.
pub fn end_reason_table(table: &EndReasonTable) -> Result<Table> {
    let mut rows: Vec<EndReasonTableRow<'_>> = table
        .rows
        .iter()
        .map(|r| EndReasonTableRow {
            reason: Some(r.reason),
            label: r.label.as_deref(),
            women: r.women,
            men: r.men,
            other: r.other,
            total: r.total,
        })
        .collect();
    if let Some(t) = &table.total {
        rows.push(EndReasonTableRow {
            reason: None,
            label: Some(END_REASON_TOTAL_LABEL),
            women: t.women,
            men: t.men,
            other: t.other,
            total: t.total,
        });
    }
    Table::of(&rows)
}

/// One printed line of a statement, in the report's order.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatementRow<'a> {
    /// `income`, `costs` or `result`.
    pub section: &'static str,
    /// The cost group of a group's line or subtotal.
    pub group: Option<&'a str>,
    /// The id of that cost group.
    pub group_id: Option<&'a str>,
    /// The line as printed.
    pub label: &'a str,
    /// The line's id.
    pub id: Option<&'a str>,
    /// The member of a member's contribution.
    pub member: Option<Member>,
    /// The budget.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub budget: Option<Decimal>,
    /// The outcome.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub outcome: Option<Decimal>,
    /// The difference as printed.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub difference: Option<Decimal>,
    /// `line`, `subtotal`, `total` or `result`.
    pub kind: &'static str,
}

impl Row for StatementRow<'_> {
    fn columns() -> Vec<Column> {
        vec![
            col("section", Code, "Avsnitt", "Section"),
            col("group", Text, "Grupp", "Group"),
            col("group_id", Id, "Grupp-id", "Group id"),
            col("label", Text, "Rad", "Line"),
            col("id", Id, "Id", "Id"),
            col("member", Code, "Medlem", "Member"),
            col("budget", Money, "Budget", "Budget"),
            col("outcome", Money, "Utfall", "Outcome"),
            col("difference", Money, "Differens", "Difference"),
            col("kind", Code, "Radtyp", "Kind"),
        ]
    }
}

/// The statement, one row per printed line: the income lines and their total, each cost
/// group's lines and its subtotal, the total costs and the result.
pub fn statement_table<'a>(statement: &'a Statement) -> Result<Table> {
    let mut rows = Vec::new();
    let mut push = |section, group: Option<&'a CostGroup>, line: &'a Line, kind| {
        rows.push(StatementRow {
            section,
            group: group.map(|g| g.label.as_str()),
            group_id: group.and_then(|g| g.id.as_deref()),
            label: &line.label,
            id: line.id.as_deref(),
            member: line.member,
            budget: line.budget,
            outcome: line.outcome,
            difference: line.difference,
            kind,
        });
    };
    for line in &statement.income.lines {
        push("income", None, line, "line");
    }
    if let Some(total) = &statement.income.total {
        push("income", None, total, "total");
    }
    for group in &statement.costs.groups {
        for line in &group.lines {
            push("costs", Some(group), line, "line");
        }
        if let Some(subtotal) = &group.subtotal {
            push("costs", Some(group), subtotal, "subtotal");
        }
    }
    if let Some(total) = &statement.costs.total {
        push("costs", None, total, "total");
    }
    if let Some(result) = &statement.result {
        push("result", None, result, "result");
    }
    Table::of(&rows)
}

/// A rule's base as a code: `amount` for a stated amount (the amount is the rule's own).
fn base_code<S: Serializer>(
    base: &RuleBase,
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    match base {
        RuleBase::Amount(_) => serializer.serialize_str("amount"),
        other => other.serialize(serializer),
    }
}

/// A cost rule with its outcome on the statement and the figures the report printed.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleRow<'a> {
    /// The rule's id.
    pub id: &'a str,
    /// The rule in words.
    pub label: &'a str,
    /// The limit in percent of the base.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub limit_percent: Decimal,
    /// What the percentage applies to.
    #[serde(serialize_with = "base_code")]
    pub base: RuleBase,
    /// The ids of the lines or groups whose outcome counts.
    pub items: &'a [String],
    /// The base amount.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub base_amount: Decimal,
    /// The allowed amount.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub allowed: Decimal,
    /// The actual costs.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub actual: Decimal,
    /// The actual costs in percent of the base; `None` when the base is zero.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub percent: Option<Decimal>,
    /// How much the actual costs exceed the allowed amount.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub excess: Decimal,
    /// How much room is left.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub room: Decimal,
    /// Whether the actual costs are within the allowed amount.
    pub within: bool,
    /// The allowed amount as printed.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub printed_allowed: Option<Decimal>,
    /// The actual costs as printed.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub printed_actual: Option<Decimal>,
    /// The excess as printed.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub printed_excess: Option<Decimal>,
    /// The room as printed.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub printed_room: Option<Decimal>,
    /// The percentage as printed.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub printed_percent: Option<Decimal>,
}

impl Row for RuleRow<'_> {
    fn columns() -> Vec<Column> {
        vec![
            col("id", Id, "Id", "Id"),
            col("label", Text, "Regel", "Rule"),
            col("limit_percent", Percent, "Gräns %", "Limit %"),
            col("base", Code, "Bas", "Base"),
            col("items", Id, "Poster", "Items"),
            col("base_amount", Money, "Basbelopp", "Base amount"),
            col("allowed", Money, "Tillåtet", "Allowed"),
            col("actual", Money, "Faktiskt", "Actual"),
            col("percent", Percent, "Andel %", "Percent"),
            col("excess", Money, "Överskridande", "Excess"),
            col("room", Money, "Utrymme", "Room"),
            col("within", Bool, "Inom gränsen", "Within"),
            col(
                "printed_allowed",
                Money,
                "Tryckt tillåtet",
                "Printed allowed",
            ),
            col("printed_actual", Money, "Tryckt faktiskt", "Printed actual"),
            col(
                "printed_excess",
                Money,
                "Tryckt överskridande",
                "Printed excess",
            ),
            col("printed_room", Money, "Tryckt utrymme", "Printed room"),
            col(
                "printed_percent",
                Percent,
                "Tryckt andel %",
                "Printed percent",
            ),
        ]
    }
}

/// Every cost rule evaluated on the statement, one row each in order.
pub fn rule_table(economics: &Economics) -> Result<Table> {
    let outcomes = economics.evaluate_rules()?;
    let rows: Vec<RuleRow<'_>> = economics
        .rules
        .iter()
        .zip(&outcomes)
        .map(|(rule, outcome)| RuleRow {
            id: &rule.id,
            label: &rule.label,
            limit_percent: rule.limit_percent,
            base: rule.base,
            items: &rule.items,
            base_amount: outcome.base,
            allowed: outcome.allowed,
            actual: outcome.actual,
            percent: outcome.percent,
            excess: outcome.excess,
            room: outcome.room,
            within: outcome.within,
            printed_allowed: rule.printed.allowed,
            printed_actual: rule.printed.actual,
            printed_excess: rule.printed.excess,
            printed_room: rule.printed.room,
            printed_percent: rule.printed.percent,
        })
        .collect();
    Table::of(&rows)
}

/// A row of the per-intervention table with its deviation from the budget.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeviationRow<'a> {
    /// The group of the table.
    pub group: &'a str,
    /// The row as printed.
    pub label: &'a str,
    /// The linked intervention.
    pub intervention_id: Option<&'a InterventionId>,
    /// The word for the outcome (the row's or the table's).
    pub wording: OutcomeWording,
    /// The budget.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub budget: Option<Decimal>,
    /// The outcome.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub outcome: Option<Decimal>,
    /// Budget − outcome.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub deviation: Option<Decimal>,
    /// The deviation in percent of the budget.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub deviation_percent: Option<Decimal>,
}

impl Row for DeviationRow<'_> {
    fn columns() -> Vec<Column> {
        vec![
            col("group", Text, "Grupp", "Group"),
            col("label", Text, "Rad", "Row"),
            col("intervention_id", Id, "Insats-id", "Intervention id"),
            col("wording", Code, "Utfallsord", "Wording"),
            col("budget", Money, "Budget", "Budget"),
            col("outcome", Money, "Utfall", "Outcome"),
            col("deviation", Money, "Avvikelse", "Deviation"),
            col("deviation_percent", Percent, "Avvikelse %", "Deviation %"),
        ]
    }
}

/// Every row of the per-intervention table with its deviation (no table: no rows).
pub fn deviation_table(economics: &Economics) -> Result<Table> {
    let summary = economics.summary()?;
    let rows: Vec<DeviationRow<'_>> = summary.deviations.iter().map(deviation_row).collect();
    Table::of(&rows)
}

fn deviation_row(d: &Deviation) -> DeviationRow<'_> {
    DeviationRow {
        group: &d.group,
        label: &d.label,
        intervention_id: d.intervention.as_ref(),
        wording: d.wording,
        budget: d.budget,
        outcome: d.outcome,
        deviation: d.deviation,
        deviation_percent: d.deviation_percent,
    }
}

/// An intervention's budget and outcome as its section states them ("budgeterat med 3 335 tkr
/// … rekvirerat 2 611 tkr").
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatedBudgetRow<'a> {
    /// The intervention's id.
    pub intervention_id: &'a InterventionId,
    /// The intervention's name.
    pub intervention: &'a str,
    /// The unit of the figures: `tkr` or `sek`.
    pub unit: Unit,
    /// The budget stated.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub budget: Option<Decimal>,
    /// The outcome stated.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub outcome: Option<Decimal>,
    /// Budget − outcome, when both are stated.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub deviation: Option<Decimal>,
    /// The word used for the outcome.
    pub wording: OutcomeWording,
}

impl Row for StatedBudgetRow<'_> {
    fn columns() -> Vec<Column> {
        vec![
            col("intervention_id", Id, "Insats-id", "Intervention id"),
            col("intervention", Text, "Insats", "Intervention"),
            col("unit", Code, "Enhet", "Unit"),
            col("budget", Money, "Budget", "Budget"),
            col("outcome", Money, "Utfall", "Outcome"),
            col("deviation", Money, "Avvikelse", "Deviation"),
            col("wording", Code, "Utfallsord", "Wording"),
        ]
    }
}

/// One row per intervention whose section states a budget, in the report's order. An
/// `overflow` error when budget − outcome does not fit a decimal.
pub fn stated_budget_table(report: &Report) -> Result<Table> {
    let rows = report
        .interventions
        .iter()
        .enumerate()
        .filter_map(|(index, i)| i.budget.as_ref().map(|b| (index, i, b)))
        .map(|(index, intervention, budget)| {
            let deviation = match budget.budget.zip(budget.outcome) {
                Some((planned, outcome)) => {
                    Some(planned.checked_sub(outcome).ok_or_else(|| {
                        Error::new(
                            ErrorKind::Overflow,
                            format!("interventions[{index}].budget"),
                            "budget − outcome does not fit a decimal",
                        )
                    })?)
                }
                None => None,
            };
            Ok(StatedBudgetRow {
                intervention_id: &intervention.id,
                intervention: &intervention.name,
                unit: budget.unit,
                budget: budget.budget,
                outcome: budget.outcome,
                deviation,
                wording: budget.wording,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Table::of(&rows)
}

/// One issue of the text parser, of one row of a table read from text.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IssueRow<'a> {
    /// The row's position, from 0.
    pub row: usize,
    /// The id of the row's intervention.
    pub intervention_id: &'a InterventionId,
    /// The stable code.
    pub code: IssueCode,
    /// How serious.
    pub severity: Severity,
    /// `goals` or `results`.
    pub cell: Cell,
    /// The first character of the text concerned (a character index, not a byte).
    pub start: usize,
    /// One past its last character.
    pub end: usize,
    /// The text concerned.
    pub text: &'a str,
    /// The issue in the table's language.
    pub message: &'a str,
}

impl Row for IssueRow<'_> {
    fn columns() -> Vec<Column> {
        vec![
            col("row", Integer, "Rad", "Row"),
            col("intervention_id", Id, "Insats-id", "Intervention id"),
            col("code", Code, "Kod", "Code"),
            col("severity", Code, "Allvarlighet", "Severity"),
            col("cell", Code, "Cell", "Cell"),
            col("start", Integer, "Från", "Start"),
            col("end", Integer, "Till", "End"),
            col("text", Text, "Text", "Text"),
            col("message", Text, "Meddelande", "Message"),
        ]
    }
}

/// The character index of the byte offset `byte` of `text`.
pub fn char_index(text: &str, byte: usize) -> usize {
    text.char_indices()
        .take_while(|(offset, _)| *offset < byte)
        .count()
}

/// Every issue of every row read from text, in order; spans as character indexes into the
/// issue's cell.
pub fn issue_table(rows: &[TextIntervention], language: Language) -> Result<Table> {
    let mut table = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        for issue in row.issues() {
            let cell_text = match issue.cell {
                Cell::Goals => &row.aligned.goal_cell.text,
                Cell::Results => &row.aligned.result_cell.text,
            };
            table.push(IssueRow {
                row: index,
                intervention_id: &row.intervention.id,
                code: issue.code,
                severity: issue.severity,
                cell: issue.cell,
                start: char_index(cell_text, issue.span.start),
                end: char_index(cell_text, issue.span.end),
                text: &issue.text,
                message: language.pick(&issue.message_sv, &issue.message_en),
            });
        }
    }
    Table::of(&table)
}

/// What a period's cell of the grade pivot holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GradeValue {
    /// The computed grade's label.
    Label,
    /// The computed grade.
    Grade,
    /// The mean attainment.
    Score,
    /// The decided grade's label.
    Decided,
}

impl FromStr for GradeValue {
    type Err = Error;

    fn from_str(text: &str) -> Result<GradeValue> {
        match text {
            "label" => Ok(GradeValue::Label),
            "grade" => Ok(GradeValue::Grade),
            "score" => Ok(GradeValue::Score),
            "decided" => Ok(GradeValue::Decided),
            other => Err(Error::new(
                ErrorKind::UnknownVariant,
                "",
                format!("unknown value '{other}'; use 'label', 'grade', 'score' or 'decided'"),
            )),
        }
    }
}

/// What a period's cell of the goal pivot holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalValue {
    /// The figure graded.
    Value,
    /// The attainment.
    Attainment,
    /// The target.
    Target,
    /// The result as a report table prints it.
    Result,
    /// The goal's status.
    Status,
}

impl FromStr for GoalValue {
    type Err = Error;

    fn from_str(text: &str) -> Result<GoalValue> {
        match text {
            "value" => Ok(GoalValue::Value),
            "attainment" => Ok(GoalValue::Attainment),
            "target" => Ok(GoalValue::Target),
            "result" => Ok(GoalValue::Result),
            "status" => Ok(GoalValue::Status),
            other => Err(Error::new(
                ErrorKind::UnknownVariant,
                "",
                format!(
                    "unknown value '{other}'; use 'value', 'attainment', 'target', 'result' or 'status'"
                ),
            )),
        }
    }
}

fn json<T: Serialize>(value: T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn decimal_cell(value: Option<Decimal>) -> Value {
    value.map_or(Value::Null, |v| Value::String(v.to_string()))
}

/// The fixed columns of a pivot, then one column per period of `comparison` of `kind`.
fn pivot_columns(
    fixed: Vec<Column>,
    comparison: &SeriesComparison,
    kind: ColumnKind,
) -> Vec<Column> {
    let periods = comparison.periods.iter().map(|period| {
        let name = period.to_string();
        Column::named(name.clone(), kind, name.clone(), name)
    });
    fixed.into_iter().chain(periods).collect()
}

/// The grade history: one row per intervention (`intervention_id`, `intervention`, by its
/// latest id and name), then one column per period with `value`; `null` where the
/// intervention is not in the period's report.
pub fn series_grade_pivot(
    comparison: &SeriesComparison,
    value: GradeValue,
    language: Language,
) -> Table {
    let kind = match value {
        GradeValue::Label | GradeValue::Decided => Text,
        GradeValue::Grade => GradeKind,
        GradeValue::Score => Fraction,
    };
    let fixed = vec![
        col("intervention_id", Id, "Insats-id", "Intervention id"),
        col("intervention", Text, "Insats", "Intervention"),
    ];
    let rows = comparison
        .interventions
        .iter()
        .map(|history| {
            let mut cells = vec![json(&history.id), json(&history.name)];
            cells.extend(comparison.periods.iter().map(|period| {
                let Some(a) = history.appearance(*period) else {
                    return Value::Null;
                };
                match value {
                    GradeValue::Label => json(a.grade.map(|g| g.label(language))),
                    GradeValue::Grade => json(a.grade),
                    GradeValue::Score => decimal_cell(a.score),
                    GradeValue::Decided => json(a.decided.map(|d| d.label(language))),
                }
            }));
            cells
        })
        .collect();
    Table::new(pivot_columns(fixed, comparison, kind), rows)
}

/// Every goal across the periods: one row per intervention and goal (`intervention_id`,
/// `intervention`, `goal_number` from 1, `goal` as the latest period words it), then one
/// column per period with `value`; `null` where the goal is not in the period's report.
pub fn series_goal_pivot(
    comparison: &SeriesComparison,
    value: GoalValue,
    language: Language,
) -> Table {
    let kind = match value {
        GoalValue::Value | GoalValue::Target => Dec,
        GoalValue::Attainment => Fraction,
        GoalValue::Result => Text,
        GoalValue::Status => Code,
    };
    let fixed = vec![
        col("intervention_id", Id, "Insats-id", "Intervention id"),
        col("intervention", Text, "Insats", "Intervention"),
        col("goal_number", Integer, "Mål nr", "Goal no."),
        col("goal", Text, "Mål", "Goal"),
    ];
    let mut rows = Vec::new();
    for history in &comparison.interventions {
        for (index, goal) in history.goals.iter().enumerate() {
            let mut cells = vec![
                json(&history.id),
                json(&history.name),
                json(index + 1),
                json(&goal.description),
            ];
            cells.extend(comparison.periods.iter().map(|period| {
                let Some(point) = goal.point(*period) else {
                    return Value::Null;
                };
                let g = &point.goal;
                match value {
                    GoalValue::Value => decimal_cell(g.value),
                    GoalValue::Attainment => decimal_cell(g.attainment),
                    GoalValue::Target => decimal_cell(g.target),
                    GoalValue::Result => json(result_text(&g.result, language)),
                    GoalValue::Status => json(g.status),
                }
            }));
            rows.push(cells);
        }
    }
    Table::new(pivot_columns(fixed, comparison, kind), rows)
}

/// An intervention in one period of a series, graded (long form).
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SeriesGradeTableRow<'a> {
    /// The id in the latest period.
    pub intervention_id: &'a InterventionId,
    /// The name in the latest period.
    pub intervention: &'a str,
    /// The period.
    pub period: String,
    /// The id in that period's report.
    pub id: &'a InterventionId,
    /// The name in that period's report.
    pub name: &'a str,
    /// How it was joined to its earlier appearances.
    pub matched_by: Option<InterventionMatch>,
    /// Active or closed.
    pub status: InterventionStatus,
    /// The computed grade.
    pub grade: Option<Grade>,
    /// Its label.
    pub grade_label: Option<&'static str>,
    /// The mean attainment.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub score: Option<Decimal>,
    /// The decided grade (`not_applicable` for Ej tillämpbar).
    pub decided: Option<Decision>,
    /// Its label.
    pub decided_label: Option<&'static str>,
}

impl Row for SeriesGradeTableRow<'_> {
    fn columns() -> Vec<Column> {
        vec![
            col("intervention_id", Id, "Insats-id", "Intervention id"),
            col("intervention", Text, "Insats", "Intervention"),
            col("period", Code, "Period", "Period"),
            col("id", Id, "Id i perioden", "Id in the period"),
            col("name", Text, "Namn i perioden", "Name in the period"),
            col("matched_by", Code, "Matchad på", "Matched by"),
            col("status", Code, "Status", "Status"),
            col("grade", GradeKind, "Beräknad bedömning", "Computed grade"),
            col("grade_label", Text, "Beräknad", "Computed"),
            col("score", Fraction, "Poäng", "Score"),
            col("decided", GradeKind, "Beslutad bedömning", "Decided grade"),
            col("decided_label", Text, "Beslutad", "Decided"),
        ]
    }
}

/// Every intervention in every period it appears in, one row each.
pub fn series_grade_table(comparison: &SeriesComparison, language: Language) -> Result<Table> {
    let source = comparison.grade_rows();
    let rows: Vec<SeriesGradeTableRow<'_>> = source
        .iter()
        .map(|row| {
            let a = &row.appearance;
            SeriesGradeTableRow {
                intervention_id: &row.intervention_id,
                intervention: &row.intervention,
                period: a.period.to_string(),
                id: &a.id,
                name: &a.name,
                matched_by: a.matched_by,
                status: a.status,
                grade: a.grade,
                grade_label: a.grade.map(|g| g.label(language)),
                score: a.score,
                decided: a.decided,
                decided_label: a.decided.map(|d| d.label(language)),
            }
        })
        .collect();
    Table::of(&rows)
}

/// A goal in one period of a series (long form), with its change against the previous point.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SeriesGoalTableRow<'a> {
    /// The intervention's id in the latest period.
    pub intervention_id: &'a InterventionId,
    /// Its name in the latest period.
    pub intervention: &'a str,
    /// The goal history's number, from 1.
    pub goal_number: usize,
    /// The goal as the latest period words it.
    pub goal: &'a str,
    /// The period.
    pub period: String,
    /// The goal as that period words it.
    pub description: &'a str,
    /// Count, share or qualitative.
    pub kind: GoalKind,
    /// At least or at most.
    pub direction: Direction,
    /// The target.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub target: Option<Decimal>,
    /// The unit.
    pub unit: Option<&'a str>,
    /// The flow figure measured.
    pub measures: Option<crate::model::flows::FlowMeasure>,
    /// The form of the result.
    pub result_type: &'static str,
    /// The result as a report table prints it.
    pub result: String,
    /// The figure graded.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub value: Option<Decimal>,
    /// The attainment.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub attainment: Option<Decimal>,
    /// What grading made of the goal.
    pub status: GoalStatus,
    /// The period compared with.
    pub previous_period: Option<String>,
    /// How the goal was matched to the previous period's.
    pub matched_by: Option<GoalMatch>,
    /// The change in value.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub value_change: Option<Decimal>,
    /// The change in attainment.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub attainment_change: Option<Decimal>,
}

impl Row for SeriesGoalTableRow<'_> {
    fn columns() -> Vec<Column> {
        vec![
            col("intervention_id", Id, "Insats-id", "Intervention id"),
            col("intervention", Text, "Insats", "Intervention"),
            col("goal_number", Integer, "Mål nr", "Goal no."),
            col("goal", Text, "Mål", "Goal"),
            col("period", Code, "Period", "Period"),
            col("description", Text, "Mål i perioden", "Goal in the period"),
            col("kind", Code, "Typ", "Kind"),
            col("direction", Code, "Riktning", "Direction"),
            col("target", Dec, "Målvärde", "Target"),
            col("unit", Text, "Enhet", "Unit"),
            col("measures", Code, "Mäter", "Measures"),
            col("result_type", Code, "Resultattyp", "Result type"),
            col("result", Text, "Resultat", "Result"),
            col("value", Dec, "Värde", "Value"),
            col("attainment", Fraction, "Måluppfyllelse", "Attainment"),
            col("status", Code, "Status", "Status"),
            col(
                "previous_period",
                Code,
                "Föregående period",
                "Previous period",
            ),
            col("matched_by", Code, "Matchad på", "Matched by"),
            col("value_change", Dec, "Förändring värde", "Value change"),
            col(
                "attainment_change",
                Fraction,
                "Förändring måluppfyllelse",
                "Attainment change",
            ),
        ]
    }
}

/// Every goal in every period, one row each, results in `language`.
pub fn series_goal_table(comparison: &SeriesComparison, language: Language) -> Result<Table> {
    let source = comparison.goal_rows();
    let rows: Vec<SeriesGoalTableRow<'_>> = source
        .iter()
        .map(|row| {
            let point = &row.point;
            let g = &point.goal;
            let change = point.change;
            SeriesGoalTableRow {
                intervention_id: &row.intervention_id,
                intervention: &row.intervention,
                goal_number: row.goal_number,
                goal: &row.goal_description,
                period: point.period.to_string(),
                description: &g.description,
                kind: g.kind,
                direction: g.direction,
                target: g.target,
                unit: g.unit.as_deref(),
                measures: point.measures,
                result_type: g.result.code(),
                result: result_text(&g.result, language),
                value: g.value,
                attainment: g.attainment,
                status: g.status,
                previous_period: change.map(|c| c.previous_period.to_string()),
                matched_by: change.map(|c| c.matched_by),
                value_change: change.and_then(|c| c.value_change),
                attainment_change: change.and_then(|c| c.attainment_change),
            }
        })
        .collect();
    Table::of(&rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grading::policy::GradingPolicy;
    use crate::model::report::Report;
    use crate::series::ReportSeries;
    use crate::text::{report_from_text, TextRow};

    const SAMPLES: [&str; 4] = [
        include_str!("../../samples/arsredovisning-2014.json"),
        include_str!("../../samples/arsredovisning-2015.json"),
        include_str!("../../samples/arsredovisning-2017.json"),
        include_str!("../../samples/halvarsrapport-2019.json"),
    ];

    /// A table's rows each have one value per column.
    fn rectangular(table: &Table) -> bool {
        table
            .rows
            .iter()
            .all(|row| row.len() == table.columns.len())
    }

    #[test]
    fn every_row_type_fits_its_columns_on_the_samples() -> Result<()> {
        let reports = SAMPLES
            .iter()
            .map(|text| Report::from_json(text))
            .collect::<Result<Vec<_>>>()?;
        let policy = GradingPolicy::default();
        let mut rows = 0;
        for report in &reports {
            let assessments = report.grade(&policy)?;
            for language in [Language::Swedish, Language::English] {
                let mut tables = vec![
                    goal_table(&assessments, language)?,
                    intervention_table(&assessments, language)?,
                    diagnostic_table(&report.check(), language)?,
                ];
                if let Some(flows) = &report.flows {
                    tables.push(flow_table(flows)?);
                }
                if let Some(end_reasons) = &report.end_reasons {
                    tables.push(end_reason_table(end_reasons)?);
                }
                if let Some(economics) = &report.economics {
                    tables.push(rule_table(economics)?);
                    tables.push(deviation_table(economics)?);
                    if let Some(statement) = &economics.statement {
                        tables.push(statement_table(statement)?);
                    }
                }
                for table in &tables {
                    assert!(rectangular(table));
                    rows += table.rows.len();
                }
            }
        }
        assert!(rows > 500);
        let series = ReportSeries::from_reports(reports.into_iter().take(3))?;
        let comparison = series.compare(&policy)?;
        let grades = series_grade_pivot(&comparison, GradeValue::Grade, Language::Swedish);
        assert_eq!(
            grades
                .columns
                .iter()
                .map(|c| c.key.as_ref())
                .collect::<Vec<_>>(),
            ["intervention_id", "intervention", "2014", "2015", "2017"]
        );
        assert_eq!(grades.columns.get(2).map(|c| c.kind), Some(GradeKind));
        let goals = series_goal_pivot(&comparison, GoalValue::Result, Language::English);
        for table in [
            grades,
            goals,
            series_grade_table(&comparison, Language::Swedish)?,
            series_goal_table(&comparison, Language::English)?,
        ] {
            assert!(rectangular(&table) && !table.rows.is_empty());
        }
        Ok(())
    }

    #[test]
    fn issue_spans_are_character_indexes() -> Result<()> {
        let row = TextRow {
            name: "Åtgärd".into(),
            goals: "Ökad hälsa för 80 % av de nya deltagarna".into(),
            results: "åtta av tio".into(),
            ..TextRow::default()
        };
        let (_, built) = report_from_text("X", "2017".parse()?, std::slice::from_ref(&row))?;
        let table = issue_table(&built, Language::English)?;
        assert!(!table.rows.is_empty() && rectangular(&table));
        for index in 0..table.rows.len() {
            let cell = table.value(index, "cell").and_then(Value::as_str);
            let text = match cell {
                Some("goals") => &row.goals,
                _ => &row.results,
            };
            let end = table.value(index, "end").and_then(Value::as_u64);
            assert!(end.is_some_and(|end| end <= text.chars().count() as u64));
        }
        assert_eq!(char_index("åäö x", "åäö".len()), 3);
        Ok(())
    }

    #[test]
    fn pivot_values_are_read_by_name() {
        assert_eq!("score".parse::<GradeValue>().ok(), Some(GradeValue::Score));
        assert_eq!("status".parse::<GoalValue>().ok(), Some(GoalValue::Status));
        let error = "colour".parse::<GradeValue>().err().map(|e| e.code());
        assert_eq!(error, Some("unknown_variant"));
    }
}
