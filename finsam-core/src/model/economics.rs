//! Economics: the association's statement for a period (income per member and other income,
//! cost lines in named groups with subtotals, total costs, result, equity brought forward), the
//! per-intervention budget against outcome, local cost rules (a share limit on a base), and the
//! full-year forecast of a half-year report. All amounts are exact decimals in the table's
//! [`Unit`]; every computation is checked (overflow is an error).
//!
//! The figures are kept as printed: what the report says a subtotal, difference or result is.
//! The computations here derive the same figures from the lines, and the checker
//! (`check()` at the crate root) compares the two.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::common::checks::check_text;
use crate::common::error::{join_path, Error, ErrorKind, Result};
use crate::common::locale::Language;
use crate::model::intervention::InterventionId;
use crate::model::money::{checked_difference, checked_sum, percent_of, Money, Unit};

/// A column of an economic table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Column {
    /// *Budget*.
    Budget,
    /// *Utfall* (or *rekvirerat*, *kostnader*).
    Outcome,
    /// *Differens*, budget − outcome as printed.
    Difference,
}

impl Column {
    /// The three columns, in the order the reports print them.
    pub const ALL: [Column; 3] = [Column::Budget, Column::Outcome, Column::Difference];

    /// The stable code: `budget`, `outcome`, `difference` (also the JSON field name).
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }

    /// The column's heading in `language`.
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (Column::Budget, _) => "budget",
            (Column::Outcome, Language::Swedish) => "utfall",
            (Column::Outcome, Language::English) => "outcome",
            (Column::Difference, Language::Swedish) => "differens",
            (Column::Difference, Language::English) => "difference",
        }
    }
}

/// Who a member contribution comes from. By the Finsam law the state (through
/// Försäkringskassan, together with Arbetsförmedlingen) pays half, the region a quarter and the
/// municipalities together a quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Member {
    /// The state, through Försäkringskassan (including Arbetsförmedlingen): 50 %.
    State,
    /// The region: 25 %.
    Region,
    /// A municipality; all municipalities together: 25 %.
    Municipality,
}

impl Member {
    /// Every member kind, in the order of the law.
    pub const ALL: [Member; 3] = [Member::State, Member::Region, Member::Municipality];

    /// The stable code: `state`, `region`, `municipality`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }

    /// The share of the members' contributions the law gives this kind of member, in percent.
    pub fn legal_percent(self) -> Decimal {
        match self {
            Member::State => Decimal::from(50),
            Member::Region | Member::Municipality => Decimal::from(25),
        }
    }

    /// The member kind in `language`.
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (Member::State, Language::Swedish) => "staten (Försäkringskassan)",
            (Member::State, Language::English) => "the state (Försäkringskassan)",
            (Member::Region, Language::Swedish) => "regionen",
            (Member::Region, Language::English) => "the region",
            (Member::Municipality, Language::Swedish) => "kommunerna",
            (Member::Municipality, Language::English) => "the municipalities",
        }
    }
}

/// Budget, outcome and difference of one line, as printed; a blank cell is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Amounts {
    /// The budget.
    pub budget: Option<Decimal>,
    /// The outcome.
    pub outcome: Option<Decimal>,
    /// The difference as printed (budget − outcome).
    pub difference: Option<Decimal>,
}

impl Amounts {
    /// The printed figure in `column`.
    pub fn get(&self, column: Column) -> Option<Decimal> {
        match column {
            Column::Budget => self.budget,
            Column::Outcome => self.outcome,
            Column::Difference => self.difference,
        }
    }

    /// The deviation: budget − outcome, computed (positive means under budget); `None` when
    /// either is blank.
    pub fn deviation(&self) -> Result<Option<Decimal>> {
        match (self.budget, self.outcome) {
            (Some(budget), Some(outcome)) => checked_difference(budget, outcome).map(Some),
            _ => Ok(None),
        }
    }

    /// The deviation in percent of the budget; `None` when the budget is zero or blank.
    pub fn deviation_percent(&self) -> Result<Option<Decimal>> {
        match (self.deviation()?, self.budget) {
            (Some(deviation), Some(budget)) => percent_of(deviation, budget),
            _ => Ok(None),
        }
    }
}

/// One line of a statement: a label, an optional id (for cost rules to refer to), and its
/// budget, outcome and printed difference. Income lines from members say which member.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Line {
    /// An id that cost rules use to refer to the line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The line as printed ("Region Stockholm", "Revision").
    pub label: String,
    /// The member whose contribution this income line is; absent for other income and costs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<Member>,
    /// The budget.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub budget: Option<Decimal>,
    /// The outcome.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub outcome: Option<Decimal>,
    /// The difference as printed.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub difference: Option<Decimal>,
}

impl Line {
    /// A line with a label and its figures.
    pub fn new(label: impl Into<String>, budget: Decimal, outcome: Decimal) -> Line {
        Line {
            id: None,
            label: label.into(),
            member: None,
            budget: Some(budget),
            outcome: Some(outcome),
            difference: None,
        }
    }

    /// The same line with the printed difference.
    pub fn with_difference(mut self, difference: Decimal) -> Line {
        self.difference = Some(difference);
        self
    }

    /// The same line with an id.
    pub fn with_id(mut self, id: impl Into<String>) -> Line {
        self.id = Some(id.into());
        self
    }

    /// The same line as the contribution of `member`.
    pub fn of_member(mut self, member: Member) -> Line {
        self.member = Some(member);
        self
    }

    /// Its figures.
    pub fn amounts(&self) -> Amounts {
        Amounts {
            budget: self.budget,
            outcome: self.outcome,
            difference: self.difference,
        }
    }
}

/// Income lines and their printed total.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Income {
    /// The lines: member contributions (with `member`) and other income.
    #[serde(default)]
    pub lines: Vec<Line>,
    /// The printed total (*Summa intäkter*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Line>,
}

/// A named group of cost lines with its printed subtotal.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CostGroup {
    /// An id that cost rules use to refer to the whole group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The group as printed ("Aktiviteter/Insatser").
    pub label: String,
    /// The lines.
    #[serde(default)]
    pub lines: Vec<Line>,
    /// The printed subtotal (*Summa …*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtotal: Option<Line>,
}

impl CostGroup {
    /// The group's figure in `column`: the printed subtotal, or the sum of the lines when the
    /// subtotal is not printed.
    pub fn figure(&self, column: Column) -> Result<Decimal> {
        match self.subtotal.as_ref().and_then(|s| s.amounts().get(column)) {
            Some(printed) => Ok(printed),
            None => self.lines_sum(column),
        }
    }

    /// The sum of the lines' figures in `column` (blank cells count as zero).
    pub fn lines_sum(&self, column: Column) -> Result<Decimal> {
        column_sum(&self.lines, column)
    }
}

/// Cost groups and the printed total costs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Costs {
    /// The groups, in the report's order.
    #[serde(default)]
    pub groups: Vec<CostGroup>,
    /// The printed total (*Summa kostnader totalt*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Line>,
}

/// The association's statement for a period (*ekonomisk redovisning*, *resultaträkning*).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The unit of every amount of the statement.
    pub unit: Unit,
    /// Income.
    #[serde(default)]
    pub income: Income,
    /// Costs.
    #[serde(default)]
    pub costs: Costs,
    /// The printed result (*Resultat*): income − costs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Line>,
    /// Equity brought forward from earlier years (*eget kapital*).
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub equity_brought_forward: Option<Decimal>,
}

/// The members' contributions in one column, against the split of the Finsam law.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MemberSplit {
    /// The column.
    pub column: Column,
    /// All members' contributions together.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub total: Decimal,
    /// Per member kind: (member, the contribution, the contribution the law implies).
    pub members: Vec<MemberShare>,
}

/// One member kind's contribution and what the law implies.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MemberShare {
    /// The member kind.
    pub member: Member,
    /// What the statement shows (all lines of this kind together).
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub amount: Decimal,
    /// The law's share of the total: 50 % or 25 %.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub expected: Decimal,
}

impl Statement {
    /// The line or group with `id`.
    pub fn item(&self, id: &str) -> Option<Item<'_>> {
        let lines = self.income.lines.iter().chain(
            self.costs
                .groups
                .iter()
                .flat_map(|group| group.lines.iter()),
        );
        for line in lines {
            if line.id.as_deref() == Some(id) {
                return Some(Item::Line(line));
            }
        }
        self.costs
            .groups
            .iter()
            .find(|group| group.id.as_deref() == Some(id))
            .map(Item::Group)
    }

    /// The sum of the income lines in `column`.
    pub fn income_sum(&self, column: Column) -> Result<Decimal> {
        column_sum(&self.income.lines, column)
    }

    /// The members' contributions in `column` (the lines with a member).
    pub fn members_sum(&self, column: Column) -> Result<Decimal> {
        column_sum(
            self.income
                .lines
                .iter()
                .filter(|line| line.member.is_some()),
            column,
        )
    }

    /// Income in `column`: the printed total, or the sum of the lines.
    pub fn income_figure(&self, column: Column) -> Result<Decimal> {
        match self
            .income
            .total
            .as_ref()
            .and_then(|t| t.amounts().get(column))
        {
            Some(printed) => Ok(printed),
            None => self.income_sum(column),
        }
    }

    /// The sum of the cost groups in `column` (each its printed subtotal, or its lines).
    pub fn groups_sum(&self, column: Column) -> Result<Decimal> {
        let figures = self
            .costs
            .groups
            .iter()
            .map(|group| group.figure(column))
            .collect::<Result<Vec<_>>>()?;
        checked_sum(figures)
    }

    /// Total costs in `column`: the printed total, or the sum of the groups.
    pub fn costs_figure(&self, column: Column) -> Result<Decimal> {
        match self
            .costs
            .total
            .as_ref()
            .and_then(|t| t.amounts().get(column))
        {
            Some(printed) => Ok(printed),
            None => self.groups_sum(column),
        }
    }

    /// The result income − costs in `column`, computed from the printed totals. For the
    /// difference column it is the income difference minus the costs difference.
    pub fn computed_result(&self, column: Column) -> Result<Decimal> {
        checked_difference(self.income_figure(column)?, self.costs_figure(column)?)
    }

    /// The members' contributions in `column` against the 50 / 25 / 25 split of the law;
    /// `None` when the statement has no member lines.
    pub fn member_split(&self, column: Column) -> Result<Option<MemberSplit>> {
        let total = self.members_sum(column)?;
        if !self.income.lines.iter().any(|line| line.member.is_some()) {
            return Ok(None);
        }
        let members = Member::ALL
            .into_iter()
            .map(|member| {
                let amount = column_sum(
                    self.income
                        .lines
                        .iter()
                        .filter(|line| line.member == Some(member)),
                    column,
                )?;
                let expected = Money::new(total, self.unit)
                    .percent(member.legal_percent())?
                    .amount;
                Ok(MemberShare {
                    member,
                    amount,
                    expected,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Some(MemberSplit {
            column,
            total,
            members,
        }))
    }

    fn validate(&self, path: &str) -> Result<()> {
        let mut ids = HashSet::new();
        let mut lines: Vec<(String, &Line)> = Vec::new();
        for (index, line) in self.income.lines.iter().enumerate() {
            lines.push((format!("income.lines[{index}]"), line));
        }
        if let Some(total) = &self.income.total {
            lines.push(("income.total".to_owned(), total));
        }
        for (g, group) in self.costs.groups.iter().enumerate() {
            let group_path = join_path(path, &format!("costs.groups[{g}]"));
            check_text(&group.label, "label").map_err(|e| e.under(&group_path))?;
            if let Some(id) = &group.id {
                check_item_id(id, &mut ids).map_err(|e| e.under(&group_path))?;
            }
            for (index, line) in group.lines.iter().enumerate() {
                lines.push((format!("costs.groups[{g}].lines[{index}]"), line));
            }
            if let Some(subtotal) = &group.subtotal {
                lines.push((format!("costs.groups[{g}].subtotal"), subtotal));
            }
        }
        if let Some(total) = &self.costs.total {
            lines.push(("costs.total".to_owned(), total));
        }
        if let Some(result) = &self.result {
            lines.push(("result".to_owned(), result));
        }
        for (line_path, line) in lines {
            let full = join_path(path, &line_path);
            check_text(&line.label, "label").map_err(|e| e.under(&full))?;
            if let Some(id) = &line.id {
                check_item_id(id, &mut ids).map_err(|e| e.under(&full))?;
            }
            let is_income_line = line_path.starts_with("income.lines");
            if line.member.is_some() && !is_income_line {
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    join_path(&full, "member"),
                    "only an income line can be a member's contribution",
                ));
            }
        }
        Ok(())
    }
}

/// A line or a group of a statement, as a cost rule refers to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item<'a> {
    /// One line.
    Line(&'a Line),
    /// A group of cost lines.
    Group(&'a CostGroup),
}

impl Item<'_> {
    /// The item's figure in `column`: the line's (blank as zero), or the group's subtotal.
    pub fn figure(&self, column: Column) -> Result<Decimal> {
        match self {
            Item::Line(line) => Ok(line.amounts().get(column).unwrap_or_default()),
            Item::Group(group) => group.figure(column),
        }
    }

    /// The label as printed.
    pub fn label(&self) -> &str {
        match self {
            Item::Line(line) => &line.label,
            Item::Group(group) => &group.label,
        }
    }
}

/// What a cost rule's percentage applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RuleBase {
    /// The budget of the members' contributions for the period (the statement's member lines).
    MembersBudget,
    /// The budget of all income for the period (the statement's income).
    IncomeBudget,
    /// The budget of all costs for the period (the statement's total costs).
    CostsBudget,
    /// A stated amount, in the statement's unit.
    Amount(
        #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
        #[serde(with = "crate::common::decimal")]
        Decimal,
    ),
}

/// The figures a report printed for a rule; each optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RuleFigures {
    /// The allowed amount.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed: Option<Decimal>,
    /// The actual costs.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub actual: Option<Decimal>,
    /// How much the actual costs exceed the allowed amount.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub excess: Option<Decimal>,
    /// How much room is left under the allowed amount.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub room: Option<Decimal>,
    /// The actual costs in percent of the base.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub percent: Option<Decimal>,
}

/// A local cost rule set by a member council: the outcome of some lines or groups may be at
/// most `limit_percent` % of a base (e.g. office costs at most 19 % of the budget).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CostRule {
    /// A stable id for the rule.
    pub id: String,
    /// The rule in words ("Kansliet högst 19 % av budgeten").
    pub label: String,
    /// The limit, in percent of the base (0–100).
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub limit_percent: Decimal,
    /// What the percentage applies to.
    pub base: RuleBase,
    /// The ids of the statement lines or groups whose outcome counts.
    pub items: Vec<String>,
    /// What the report printed for the rule, to be checked.
    #[serde(default, skip_serializing_if = "is_default")]
    pub printed: RuleFigures,
    /// Where the rule comes from ("Kommunfullmäktige 2016-02-08 § 23").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A cost rule evaluated on a statement.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleOutcome {
    /// The rule's id.
    pub rule: String,
    /// The base amount.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub base: Decimal,
    /// The allowed amount: `limit_percent` % of the base.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub allowed: Decimal,
    /// The actual costs: the outcome of the rule's items.
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
    /// How much the actual costs exceed the allowed amount (zero when within).
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub excess: Decimal,
    /// How much room is left under the allowed amount (zero when exceeded).
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub room: Decimal,
    /// Whether the actual costs are within the allowed amount.
    pub within: bool,
}

impl CostRule {
    /// The base amount on `statement`.
    pub fn base_amount(&self, statement: &Statement) -> Result<Decimal> {
        match self.base {
            RuleBase::MembersBudget => statement.members_sum(Column::Budget),
            RuleBase::IncomeBudget => statement.income_figure(Column::Budget),
            RuleBase::CostsBudget => statement.costs_figure(Column::Budget),
            RuleBase::Amount(amount) => Ok(amount),
        }
    }

    /// Evaluates the rule on `statement`: the allowed amount, the actual, and the excess or
    /// the room left. An error with code `unknown_item` when an item is not in the statement.
    ///
    /// ```
    /// use finsam_core::{CostRule, RuleBase, Statement};
    /// use finsam_core::format::from_json;
    /// use rust_decimal::Decimal;
    /// let statement: Statement = from_json(r#"{"unit": "tkr",
    ///   "income": {"lines": [{"label": "Försäkringskassan", "member": "state", "budget": "8000"},
    ///                        {"label": "Region", "member": "region", "budget": "4000"},
    ///                        {"label": "Staden", "member": "municipality", "budget": "4000"}]},
    ///   "costs": {"groups": [{"id": "office", "label": "Kansli",
    ///     "lines": [{"label": "Löner", "budget": "2197", "outcome": "2571"}]}]}}"#)?;
    /// let rule: CostRule = from_json(r#"{"id": "office", "label": "Kansliet högst 19 %",
    ///   "limit_percent": "19", "base": "members_budget", "items": ["office"]}"#)?;
    /// let outcome = rule.evaluate(&statement)?;
    /// assert_eq!(outcome.allowed, Decimal::from(3040));
    /// assert_eq!(outcome.excess, Decimal::ZERO);
    /// assert_eq!(outcome.room, Decimal::from(469));
    /// # Ok::<(), finsam_core::Error>(())
    /// ```
    pub fn evaluate(&self, statement: &Statement) -> Result<RuleOutcome> {
        let base = self.base_amount(statement)?;
        let allowed = Money::new(base, statement.unit)
            .percent(self.limit_percent)?
            .amount;
        let figures = self
            .items
            .iter()
            .enumerate()
            .map(|(index, id)| {
                statement
                    .item(id)
                    .ok_or_else(|| unknown_item(id, &format!("items[{index}]")))?
                    .figure(Column::Outcome)
            })
            .collect::<Result<Vec<_>>>()?;
        let actual = checked_sum(figures)?;
        let over = checked_difference(actual, allowed)?;
        Ok(RuleOutcome {
            rule: self.id.clone(),
            base,
            allowed,
            actual,
            percent: percent_of(actual, base)?,
            excess: over.max(Decimal::ZERO),
            room: over.min(Decimal::ZERO).abs(),
            within: over <= Decimal::ZERO,
        })
    }

    fn validate(&self, statement: Option<&Statement>) -> Result<()> {
        check_text(&self.id, "id")?;
        check_text(&self.label, "label")?;
        if self.limit_percent.is_sign_negative() && !self.limit_percent.is_zero() {
            return Err(Error::new(
                ErrorKind::NegativeValue,
                "limit_percent",
                format!("a limit cannot be negative, got {}", self.limit_percent),
            ));
        }
        if self.limit_percent > Decimal::ONE_HUNDRED {
            return Err(Error::new(
                ErrorKind::ShareAbove100,
                "limit_percent",
                format!("a limit is a percentage 0–100, got {}", self.limit_percent),
            ));
        }
        // A rule measures costs of the statement: without one there is nothing to measure.
        match statement {
            None => Err(Error::new(
                ErrorKind::UnknownItem,
                "items",
                "a cost rule measures costs of the statement, but the report has none",
            )),
            Some(statement) => {
                self.items
                    .iter()
                    .enumerate()
                    .try_for_each(|(index, id)| match statement.item(id) {
                        Some(_) => Ok(()),
                        None => Err(unknown_item(id, &format!("items[{index}]"))),
                    })
            }
        }
    }
}

/// The word a report used for the outcome of an intervention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OutcomeWording {
    /// *Utfall*: the outcome.
    #[default]
    Outcome,
    /// *Rekvirerat*: what the intervention owner has requisitioned.
    Requisitioned,
    /// *Kostnader*: the costs.
    Costs,
}

impl OutcomeWording {
    /// The stable code: `outcome`, `requisitioned`, `costs`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }

    /// The word in `language`: "utfall", "rekvirerat", "kostnader".
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (OutcomeWording::Outcome, Language::Swedish) => "utfall",
            (OutcomeWording::Requisitioned, Language::Swedish) => "rekvirerat",
            (OutcomeWording::Costs, Language::Swedish) => "kostnader",
            (OutcomeWording::Outcome, Language::English) => "outcome",
            (OutcomeWording::Requisitioned, Language::English) => "requisitioned",
            (OutcomeWording::Costs, Language::English) => "costs",
        }
    }
}

/// One intervention's budget and outcome for the period.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InterventionCost {
    /// The row as printed ("Case-Manger AMF MIA").
    pub label: String,
    /// The intervention of the report this row is, when it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intervention: Option<InterventionId>,
    /// The word used for the outcome, when it differs from the table's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<OutcomeWording>,
    /// The budget.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub budget: Option<Decimal>,
    /// The outcome.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub outcome: Option<Decimal>,
    /// The difference as printed.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub difference: Option<Decimal>,
    /// The same intervention's figures as stated elsewhere in the report (its own section),
    /// kept to be checked against the table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_stated: Vec<StatedCost>,
}

/// An intervention's budget and outcome as its own section states them ("Projektet var
/// budgeterat med 3 335 tkr … varav insatsen endast rekvirerat 2 611 tkr"), with the word the
/// section uses for the outcome.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatedBudget {
    /// The unit of the figures.
    pub unit: Unit,
    /// The budget stated.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub budget: Option<Decimal>,
    /// The outcome stated.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub outcome: Option<Decimal>,
    /// The word used for the outcome: *utfall*, *rekvirerat* or *kostnader*.
    #[serde(default)]
    pub wording: OutcomeWording,
    /// The sentence or sentences the figures were read from, as printed.
    pub text: String,
}

/// An intervention's budget and outcome as stated in another place of the report, e.g. its
/// own section: "Ekonomi: Budgeterat 336 tkr för 2019, utfall halvåret 350 tkr."
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatedCost {
    /// Where ("avsnittet om insatsen").
    pub place: String,
    /// The unit of the stated figures.
    pub unit: Unit,
    /// The budget stated there, for the period it names (often the whole year).
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub budget: Option<Decimal>,
    /// The period the stated budget is for, as written ("2019").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_period: Option<String>,
    /// The outcome stated there, for the table's period.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub outcome: Option<Decimal>,
}

impl InterventionCost {
    /// Its figures.
    pub fn amounts(&self) -> Amounts {
        Amounts {
            budget: self.budget,
            outcome: self.outcome,
            difference: self.difference,
        }
    }
}

/// A group of intervention rows (individual, structural) with its printed total.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InterventionCostGroup {
    /// The group as printed ("Individinriktade insatser").
    pub label: String,
    /// The rows.
    #[serde(default)]
    pub rows: Vec<InterventionCost>,
    /// The printed total (*Summa …*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Line>,
}

/// Budget against outcome per intervention (the half-year report's appendix).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InterventionCosts {
    /// The unit of every amount of the table.
    pub unit: Unit,
    /// The word the table uses for the outcome.
    #[serde(default)]
    pub wording: OutcomeWording,
    /// The groups.
    #[serde(default)]
    pub groups: Vec<InterventionCostGroup>,
}

impl InterventionCosts {
    /// The row for `id`, if the table links one.
    pub fn row(&self, id: &InterventionId) -> Option<&InterventionCost> {
        self.groups
            .iter()
            .flat_map(|group| &group.rows)
            .find(|row| row.intervention.as_ref() == Some(id))
    }
}

/// A planned cost of the rest of the year.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlannedCost {
    /// As printed ("Finansiering insatser 2:a halvåret").
    pub label: String,
    /// The amount.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub amount: Decimal,
}

/// The figures a report printed for its forecast; each optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ForecastFigures {
    /// The first half's outcome as the forecast prints it.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub first_half_costs: Option<Decimal>,
    /// The full-year costs.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_costs: Option<Decimal>,
    /// Income and capital for the year: income + expected other income + equity.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub funds: Option<Decimal>,
    /// What remains: funds − full-year costs.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub remaining: Option<Decimal>,
    /// The year's forecast result: income + expected other income − full-year costs.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub year_result: Option<Decimal>,
    /// What remains of the year's budgeted income for the second half.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(
        default,
        with = "crate::common::decimal::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub remaining_income: Option<Decimal>,
}

/// The full-year forecast of a half-year report: the first half's outcome plus the planned
/// costs of the second half, against the year's income and the equity brought forward.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Forecast {
    /// The unit of every amount (the statement's, when there is one).
    pub unit: Unit,
    /// The year's budgeted income from the members.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub annual_income: Decimal,
    /// Other income expected for the year (e.g. ESF reimbursements).
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(default, with = "crate::common::decimal")]
    pub expected_other_income: Decimal,
    /// The planned costs of the second half.
    #[serde(default)]
    pub planned: Vec<PlannedCost>,
    /// What the report printed, to be checked.
    #[serde(default, skip_serializing_if = "is_default")]
    pub printed: ForecastFigures,
}

/// A forecast computed from the statement and the planned costs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ForecastOutcome {
    /// The first half's costs (the statement's total costs outcome).
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub first_half_costs: Decimal,
    /// The planned costs of the second half, together.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub planned_costs: Decimal,
    /// The full-year costs: first half + planned.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub total_costs: Decimal,
    /// The year's income: budgeted income + expected other income.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub income: Decimal,
    /// Equity brought forward.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub equity: Decimal,
    /// Income and capital for the year: income + equity.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub funds: Decimal,
    /// What remains at the end of the year: funds − full-year costs.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub remaining: Decimal,
    /// The year's result: income − full-year costs.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub year_result: Decimal,
    /// What remains of the year's budgeted income for the second half: budgeted income −
    /// (the first half's costs − its other income).
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub remaining_income: Decimal,
}

impl Forecast {
    /// Computes the forecast with the first half's figures from `statement` (its total costs
    /// outcome, its other income, its equity brought forward); without a statement, from the
    /// first-half costs the forecast prints, or zero.
    pub fn compute(&self, statement: Option<&Statement>) -> Result<ForecastOutcome> {
        let (first_half_costs, other_income, equity) = match statement {
            Some(statement) => (
                statement.costs_figure(Column::Outcome)?,
                checked_difference(
                    statement.income_figure(Column::Outcome)?,
                    statement.members_sum(Column::Outcome)?,
                )?,
                statement.equity_brought_forward.unwrap_or_default(),
            ),
            None => (
                self.printed.first_half_costs.unwrap_or_default(),
                Decimal::ZERO,
                Decimal::ZERO,
            ),
        };
        let planned_costs = checked_sum(self.planned.iter().map(|cost| cost.amount))?;
        let total_costs = checked_sum([first_half_costs, planned_costs])?;
        let income = checked_sum([self.annual_income, self.expected_other_income])?;
        let funds = checked_sum([income, equity])?;
        Ok(ForecastOutcome {
            first_half_costs,
            planned_costs,
            total_costs,
            income,
            equity,
            funds,
            remaining: checked_difference(funds, total_costs)?,
            year_result: checked_difference(income, total_costs)?,
            remaining_income: checked_difference(
                self.annual_income,
                checked_difference(first_half_costs, other_income)?,
            )?,
        })
    }
}

/// The economics of a report: the statement, the local cost rules, the per-intervention table
/// and the forecast, each optional.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Economics {
    /// The association's statement for the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<Statement>,
    /// The local cost rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<CostRule>,
    /// Budget against outcome per intervention.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interventions: Option<InterventionCosts>,
    /// The full-year forecast (half-year reports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forecast: Option<Forecast>,
}

impl Economics {
    /// Every cost rule evaluated on the statement, in order. An error when a rule needs a
    /// statement and there is none.
    pub fn evaluate_rules(&self) -> Result<Vec<RuleOutcome>> {
        self.rules
            .iter()
            .enumerate()
            .map(|(index, rule)| {
                let statement = self.statement.as_ref().ok_or_else(|| {
                    Error::new(
                        ErrorKind::UnknownItem,
                        "items",
                        "a cost rule refers to the statement, but the report has none",
                    )
                });
                statement
                    .and_then(|statement| rule.evaluate(statement))
                    .map_err(|e| e.under(&format!("rules[{index}]")))
            })
            .collect()
    }

    /// The forecast computed on the statement, when the report has a forecast.
    pub fn compute_forecast(&self) -> Result<Option<ForecastOutcome>> {
        self.forecast
            .as_ref()
            .map(|forecast| forecast.compute(self.statement.as_ref()))
            .transpose()
            .map_err(|e| e.under("forecast"))
    }

    /// Checks what the types cannot: labels are not blank, ids are unique, rules refer to
    /// items that exist, and the forecast is in the statement's unit. Paths start at
    /// `economics`.
    pub(crate) fn validate(&self, known: &HashMap<&InterventionId, usize>) -> Result<()> {
        if let Some(statement) = &self.statement {
            statement.validate("statement")?;
        }
        let mut rule_ids = HashSet::new();
        for (index, rule) in self.rules.iter().enumerate() {
            let path = format!("rules[{index}]");
            rule.validate(self.statement.as_ref())
                .map_err(|e| e.under(&path))?;
            if !rule_ids.insert(rule.id.as_str()) {
                return Err(Error::new(
                    ErrorKind::DuplicateId,
                    format!("{path}.id"),
                    format!("the rule id '{}' is used twice", rule.id),
                ));
            }
        }
        if let Some(table) = &self.interventions {
            for (g, group) in table.groups.iter().enumerate() {
                let path = format!("interventions.groups[{g}]");
                check_text(&group.label, "label").map_err(|e| e.under(&path))?;
                for (r, row) in group.rows.iter().enumerate() {
                    let row_path = format!("{path}.rows[{r}]");
                    check_text(&row.label, "label").map_err(|e| e.under(&row_path))?;
                    for (index, stated) in row.also_stated.iter().enumerate() {
                        check_text(&stated.place, "place")
                            .map_err(|e| e.under(&format!("{row_path}.also_stated[{index}]")))?;
                    }
                    if let Some(id) = &row.intervention {
                        if !known.contains_key(id) {
                            return Err(Error::new(
                                ErrorKind::UnknownIntervention,
                                format!("{row_path}.intervention"),
                                format!("the report has no intervention with the id '{id}'"),
                            ));
                        }
                    }
                }
            }
        }
        if let (Some(forecast), Some(statement)) = (&self.forecast, &self.statement) {
            if forecast.unit != statement.unit {
                return Err(Error::new(
                    ErrorKind::UnitMismatch,
                    "forecast.unit",
                    format!(
                        "the forecast is in {} but the statement in {}; use one unit",
                        forecast.unit.code(),
                        statement.unit.code()
                    ),
                ));
            }
        }
        if let Some(forecast) = &self.forecast {
            for (index, cost) in forecast.planned.iter().enumerate() {
                check_text(&cost.label, "label")
                    .map_err(|e| e.under(&format!("forecast.planned[{index}]")))?;
            }
        }
        Ok(())
    }
}

/// The sum of `lines`' figures in `column`, blank cells as zero.
fn column_sum<'a>(lines: impl IntoIterator<Item = &'a Line>, column: Column) -> Result<Decimal> {
    checked_sum(
        lines
            .into_iter()
            .map(|line| line.amounts().get(column).unwrap_or_default()),
    )
}

fn check_item_id<'a>(id: &'a str, seen: &mut HashSet<&'a str>) -> Result<()> {
    check_text(id, "id")?;
    if seen.insert(id) {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::DuplicateId,
            "id",
            format!("the id '{id}' is used twice in the statement"),
        ))
    }
}

fn unknown_item(id: &str, path: &str) -> Error {
    Error::new(
        ErrorKind::UnknownItem,
        path,
        format!("the statement has no line or group with the id '{id}'"),
    )
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// Budget, outcome and difference computed from lines (never blank).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Figures {
    /// The budget.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub budget: Decimal,
    /// The outcome.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub outcome: Decimal,
    /// The difference.
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub difference: Decimal,
}

impl Figures {
    fn of(figure: impl Fn(Column) -> Result<Decimal>) -> Result<Figures> {
        Ok(Figures {
            budget: figure(Column::Budget)?,
            outcome: figure(Column::Outcome)?,
            difference: figure(Column::Difference)?,
        })
    }
}

/// A cost group's sums computed from its lines.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GroupSummary {
    /// The group's id, if it has one.
    pub id: Option<String>,
    /// The group as printed.
    pub label: String,
    /// The sums of its lines.
    pub lines: Figures,
}

/// What the statement's lines give: the sums a reader would compute.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatementSummary {
    /// The unit of every amount.
    pub unit: Unit,
    /// The sum of the income lines.
    pub income: Figures,
    /// The sum of the members' contributions.
    pub members: Figures,
    /// Each cost group's sums.
    pub groups: Vec<GroupSummary>,
    /// Total costs: the sum of the groups (each its printed subtotal, or its lines).
    pub costs: Figures,
    /// The result: income − costs, from the printed totals.
    pub result: Figures,
    /// The members' contributions against the law, in budget and outcome.
    pub member_split: Vec<MemberSplit>,
}

/// One intervention's deviation from its budget.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Deviation {
    /// The group of the table the row is in.
    pub group: String,
    /// The row as printed.
    pub label: String,
    /// The intervention of the report, when the row is linked to one.
    pub intervention: Option<InterventionId>,
    /// The word used for the outcome.
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
    /// Budget − outcome (positive: under budget).
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub deviation: Option<Decimal>,
    /// The deviation in percent of the budget; `None` when the budget is zero or blank.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub deviation_percent: Option<Decimal>,
}

/// Everything computed from a report's economics in one value: the statement's sums and member
/// split, every rule's outcome, every intervention's deviation and the forecast. What the
/// bindings hand to Python and JavaScript.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EconomicsSummary {
    /// The statement's computed sums, when there is a statement.
    pub statement: Option<StatementSummary>,
    /// Every cost rule evaluated, in order.
    pub rules: Vec<RuleOutcome>,
    /// The unit of the per-intervention table, when there is one.
    pub deviations_unit: Option<Unit>,
    /// Every row of the per-intervention table with its deviation.
    pub deviations: Vec<Deviation>,
    /// The forecast computed, when the report has one.
    pub forecast: Option<ForecastOutcome>,
}

impl Statement {
    /// The statement's sums computed from its lines.
    pub fn summary(&self) -> Result<StatementSummary> {
        let groups = self
            .costs
            .groups
            .iter()
            .map(|group| {
                Ok(GroupSummary {
                    id: group.id.clone(),
                    label: group.label.clone(),
                    lines: Figures::of(|column| group.lines_sum(column))?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let member_split = [Column::Budget, Column::Outcome]
            .into_iter()
            .filter_map(|column| self.member_split(column).transpose())
            .collect::<Result<Vec<_>>>()?;
        Ok(StatementSummary {
            unit: self.unit,
            income: Figures::of(|column| self.income_sum(column))?,
            members: Figures::of(|column| self.members_sum(column))?,
            groups,
            costs: Figures::of(|column| self.groups_sum(column))?,
            result: Figures::of(|column| self.computed_result(column))?,
            member_split,
        })
    }
}

impl Economics {
    /// Everything computed from the economics: see [`EconomicsSummary`]. An error only on
    /// overflow.
    ///
    /// ```
    /// use finsam_core::Report;
    /// let report = Report::from_json(r#"{"format_version": 1, "organisation": "X",
    ///   "period": "2019-H1", "economics": {"interventions": {"unit": "sek", "groups": [
    ///     {"label": "Individinriktade insatser", "rows": [
    ///       {"label": "AMA", "budget": "500000", "outcome": "874476"}]}]}}}"#)?;
    /// let summary = report.economics.as_ref().map(|e| e.summary()).transpose()?;
    /// let ama = summary.as_ref().and_then(|s| s.deviations.first());
    /// assert_eq!(ama.and_then(|d| d.deviation).map(|d| d.to_string()), Some("-374476".into()));
    /// # Ok::<(), finsam_core::Error>(())
    /// ```
    pub fn summary(&self) -> Result<EconomicsSummary> {
        let statement = self
            .statement
            .as_ref()
            .map(Statement::summary)
            .transpose()
            .map_err(|e| e.under("statement"))?;
        Ok(EconomicsSummary {
            statement,
            rules: self.evaluate_rules()?,
            deviations_unit: self.interventions.as_ref().map(|table| table.unit),
            deviations: self.deviations()?,
            forecast: self.compute_forecast()?,
        })
    }

    /// Every row of the per-intervention table with its deviation from budget, in order; empty
    /// when there is no table. An error only on overflow.
    pub fn deviations(&self) -> Result<Vec<Deviation>> {
        let mut deviations = Vec::new();
        if let Some(table) = &self.interventions {
            for (g, group) in table.groups.iter().enumerate() {
                for (r, row) in group.rows.iter().enumerate() {
                    let amounts = row.amounts();
                    let path = format!("interventions.groups[{g}].rows[{r}]");
                    deviations.push(Deviation {
                        group: group.label.clone(),
                        label: row.label.clone(),
                        intervention: row.intervention.clone(),
                        wording: row.wording.unwrap_or(table.wording),
                        budget: amounts.budget,
                        outcome: amounts.outcome,
                        deviation: amounts.deviation().map_err(|e| e.under(&path))?,
                        deviation_percent: amounts
                            .deviation_percent()
                            .map_err(|e| e.under(&path))?,
                    });
                }
            }
        }
        Ok(deviations)
    }
}
