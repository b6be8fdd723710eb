//! A report's economics as read-only Python value classes: `Economics` and what it holds (the
//! `Statement` with its `Income`, `Costs`, `CostGroup`s and `Line`s; the `CostRule`s with their
//! printed `RuleFigures`; the per-intervention table `InterventionCosts` with its
//! `InterventionCostGroup`s, `InterventionCost` rows and `StatedCost`s; the `Forecast` with its
//! `PlannedCost`s and printed `ForecastFigures`), and pandas frames of the statement, the rules
//! and the deviations. What the core computes from them is in [`crate::summary`].
//!
//! Amounts cross as `decimal.Decimal` (`None` for a blank cell), units, members and wordings as
//! their stable codes.

use finsam_core::{
    Column, CostGroup, CostRule, Economics, Forecast, InterventionCost, InterventionCosts,
    InterventionId, Line, RuleBase, StatedCost, Statement,
};
use finsam_core::{
    Costs, ForecastFigures, Income, InterventionCostGroup, Item, PlannedCost, RuleFigures,
};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use pyo3::IntoPyObjectExt;

use crate::convert::{code_in, code_out, decimal_opt_out, decimal_out, repr_decimal, repr_str};
use crate::errors::{guard, Outcome};
use crate::summary::{
    repr_bool, PyEconomicsSummary, PyForecastOutcome, PyMemberSplit, PyRuleOutcome,
    PyStatementSummary,
};
use crate::tables::{cell, Columns};

/// A column argument: `budget`, `outcome` or `difference`.
fn column_in(code: &str) -> Outcome<Column> {
    code_in(code, "column")
}

/// `repr` of an optional decimal.
pub(crate) fn repr_opt_decimal(value: Option<rust_decimal::Decimal>) -> String {
    value.map(repr_decimal).unwrap_or_else(|| "None".to_owned())
}

/// `repr` of an optional string.
fn repr_opt_str(py: Python<'_>, value: Option<&str>) -> PyResult<String> {
    match value {
        Some(text) => repr_str(py, text),
        None => Ok("None".to_owned()),
    }
}

/// The code of a rule's base: `members_budget`, `income_budget`, `costs_budget` or `amount`
/// (a stated amount).
fn base_code(base: RuleBase) -> String {
    match base {
        RuleBase::Amount(_) => "amount".to_owned(),
        other => code_out(&other),
    }
}

/// One printed line of a statement: a label, an optional id, the member whose contribution an
/// income line is, and its budget, outcome and printed difference (`None` for a blank cell).
#[pyclass(name = "Line", module = "finsam", frozen, eq, hash, from_py_object)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyLine {
    pub(crate) inner: Line,
}

#[pymethods]
impl PyLine {
    /// The id cost rules use to refer to the line, when it has one.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.inner.id.as_deref()
    }
    /// The line as printed ("Revision").
    #[getter]
    fn label(&self) -> &str {
        &self.inner.label
    }
    /// `state`, `region` or `municipality` for a member's contribution; `None` otherwise.
    #[getter]
    fn member(&self) -> Option<&'static str> {
        self.inner.member.map(|member| member.code())
    }
    /// The budget.
    #[getter]
    fn budget(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.budget)
    }
    /// The outcome.
    #[getter]
    fn outcome(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.outcome)
    }
    /// The difference as printed (budget − outcome).
    #[getter]
    fn difference(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.difference)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Line {}: budget={}, outcome={}, difference={}>",
            repr_str(py, &self.inner.label)?,
            repr_opt_decimal(self.inner.budget),
            repr_opt_decimal(self.inner.outcome),
            repr_opt_decimal(self.inner.difference)
        ))
    }
}

fn lines_out(lines: &[Line]) -> Vec<PyLine> {
    lines
        .iter()
        .cloned()
        .map(|inner| PyLine { inner })
        .collect()
}

fn line_out(line: Option<&Line>) -> Option<PyLine> {
    line.cloned().map(|inner| PyLine { inner })
}

/// The income of a statement: member contributions and other income, and the printed total.
#[pyclass(name = "Income", module = "finsam", frozen, eq, hash, from_py_object)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyIncome {
    pub(crate) inner: Income,
}

#[pymethods]
impl PyIncome {
    /// The lines: member contributions (with `member`) and other income (ESF).
    #[getter]
    fn lines(&self) -> Vec<PyLine> {
        lines_out(&self.inner.lines)
    }
    /// The printed total (*Summa intäkter*).
    #[getter]
    fn total(&self) -> Option<PyLine> {
        line_out(self.inner.total.as_ref())
    }

    fn __repr__(&self) -> String {
        format!("<Income {} line(s)>", self.inner.lines.len())
    }
}

/// A named group of cost lines with its printed subtotal.
#[pyclass(
    name = "CostGroup",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyCostGroup {
    pub(crate) inner: CostGroup,
}

#[pymethods]
impl PyCostGroup {
    /// The id cost rules use to refer to the whole group, when it has one.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.inner.id.as_deref()
    }
    /// The group as printed ("Styrelse och kansli").
    #[getter]
    fn label(&self) -> &str {
        &self.inner.label
    }
    /// The lines.
    #[getter]
    fn lines(&self) -> Vec<PyLine> {
        lines_out(&self.inner.lines)
    }
    /// The printed subtotal (*Summa …*), when there is one.
    #[getter]
    fn subtotal(&self) -> Option<PyLine> {
        line_out(self.inner.subtotal.as_ref())
    }

    /// The group's figure in `column` (`budget`, `outcome`, `difference`): the printed
    /// subtotal, or the sum of the lines when it is not printed.
    fn figure(&self, py: Python<'_>, column: &str) -> PyResult<Py<PyAny>> {
        let value = guard(py, || Ok(self.inner.figure(column_in(column)?)?))?;
        decimal_out(py, value)
    }

    /// The sum of the lines' figures in `column` (blank cells count as zero).
    fn lines_sum(&self, py: Python<'_>, column: &str) -> PyResult<Py<PyAny>> {
        let value = guard(py, || Ok(self.inner.lines_sum(column_in(column)?)?))?;
        decimal_out(py, value)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<CostGroup {}: id={}, {} line(s)>",
            repr_str(py, &self.inner.label)?,
            repr_opt_str(py, self.inner.id.as_deref())?,
            self.inner.lines.len()
        ))
    }
}

/// The costs of a statement: the groups and the printed total.
#[pyclass(name = "Costs", module = "finsam", frozen, eq, hash, from_py_object)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyCosts {
    pub(crate) inner: Costs,
}

#[pymethods]
impl PyCosts {
    /// The groups, in the report's order.
    #[getter]
    fn groups(&self) -> Vec<PyCostGroup> {
        self.inner
            .groups
            .iter()
            .cloned()
            .map(|inner| PyCostGroup { inner })
            .collect()
    }
    /// The printed total (*Summa kostnader totalt*).
    #[getter]
    fn total(&self) -> Option<PyLine> {
        line_out(self.inner.total.as_ref())
    }

    fn __repr__(&self) -> String {
        format!("<Costs {} group(s)>", self.inner.groups.len())
    }
}

/// The columns of `Statement.to_pandas`.
const STATEMENT_COLUMNS: [&str; 10] = [
    "section",
    "group",
    "group_id",
    "label",
    "id",
    "member",
    "budget",
    "outcome",
    "difference",
    "kind",
];

/// The association's statement for a period (*ekonomisk redovisning*), with the figures as
/// printed. The computations (sums, result, member split) are its methods and `summary`.
#[pyclass(
    name = "Statement",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyStatement {
    pub(crate) inner: Statement,
}

impl PyStatement {
    fn computed(
        &self,
        py: Python<'_>,
        column: &str,
        compute: impl FnOnce(&Statement, Column) -> finsam_core::Result<rust_decimal::Decimal>,
    ) -> PyResult<Py<PyAny>> {
        let value = guard(py, || Ok(compute(&self.inner, column_in(column)?)?))?;
        decimal_out(py, value)
    }
}

#[pymethods]
impl PyStatement {
    /// The unit of every amount: `tkr` or `sek`.
    #[getter]
    fn unit(&self) -> &'static str {
        self.inner.unit.code()
    }
    /// The income.
    #[getter]
    fn income(&self) -> PyIncome {
        PyIncome {
            inner: self.inner.income.clone(),
        }
    }
    /// The costs.
    #[getter]
    fn costs(&self) -> PyCosts {
        PyCosts {
            inner: self.inner.costs.clone(),
        }
    }
    /// The printed result (*Resultat*), when there is one.
    #[getter]
    fn result(&self) -> Option<PyLine> {
        line_out(self.inner.result.as_ref())
    }
    /// Equity brought forward from earlier years (*eget kapital*).
    #[getter]
    fn equity_brought_forward(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.equity_brought_forward)
    }

    /// The line (`Line`) or group (`CostGroup`) with `id`, or `None`.
    fn item(&self, py: Python<'_>, id: &str) -> PyResult<Option<Py<PyAny>>> {
        self.inner
            .item(id)
            .map(|item| match item {
                Item::Line(line) => PyLine {
                    inner: line.clone(),
                }
                .into_py_any(py),
                Item::Group(group) => PyCostGroup {
                    inner: group.clone(),
                }
                .into_py_any(py),
            })
            .transpose()
    }

    /// The sum of the income lines in `column` (`budget`, `outcome`, `difference`).
    fn income_sum(&self, py: Python<'_>, column: &str) -> PyResult<Py<PyAny>> {
        self.computed(py, column, Statement::income_sum)
    }
    /// The members' contributions in `column` (the lines with a member).
    fn members_sum(&self, py: Python<'_>, column: &str) -> PyResult<Py<PyAny>> {
        self.computed(py, column, Statement::members_sum)
    }
    /// Income in `column`: the printed total, or the sum of the lines.
    fn income_figure(&self, py: Python<'_>, column: &str) -> PyResult<Py<PyAny>> {
        self.computed(py, column, Statement::income_figure)
    }
    /// The sum of the cost groups in `column` (each its printed subtotal, or its lines).
    fn groups_sum(&self, py: Python<'_>, column: &str) -> PyResult<Py<PyAny>> {
        self.computed(py, column, Statement::groups_sum)
    }
    /// Total costs in `column`: the printed total, or the sum of the groups.
    fn costs_figure(&self, py: Python<'_>, column: &str) -> PyResult<Py<PyAny>> {
        self.computed(py, column, Statement::costs_figure)
    }
    /// The result income − costs in `column`, from the printed totals.
    fn computed_result(&self, py: Python<'_>, column: &str) -> PyResult<Py<PyAny>> {
        self.computed(py, column, Statement::computed_result)
    }

    /// The members' contributions in `column` against the 50 / 25 / 25 split of the Finsam
    /// law; `None` when the statement has no member lines.
    fn member_split(&self, py: Python<'_>, column: &str) -> PyResult<Option<PyMemberSplit>> {
        guard(py, || {
            Ok(self
                .inner
                .member_split(column_in(column)?)?
                .map(|inner| PyMemberSplit { inner }))
        })
    }

    /// The statement's sums computed from its lines.
    fn summary(&self, py: Python<'_>) -> PyResult<PyStatementSummary> {
        guard(py, || {
            Ok(PyStatementSummary {
                inner: self.inner.summary()?,
            })
        })
    }

    /// The statement in the JSON format.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, pretty: bool) -> String {
        if pretty {
            finsam_core::format::to_json_pretty(&self.inner)
        } else {
            finsam_core::format::to_json(&self.inner)
        }
    }

    /// The statement as a pandas `DataFrame`, one row per printed line in the report's order:
    /// the income lines and their total, each cost group's lines and its subtotal, the total
    /// costs and the result. Columns: `section` (`income`, `costs`, `result`), `group` and
    /// `group_id` (of a cost group's lines and subtotal, else `None`), `label`, `id`, `member`,
    /// `budget`, `outcome`, `difference` (`decimal.Decimal` or `None` for a blank cell) and
    /// `kind` (`line`, `subtotal`, `total`, `result`). Every column holds Python objects.
    fn to_pandas(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let mut columns = Columns::new(py, &STATEMENT_COLUMNS);
        let mut push =
            |section: &str, group: Option<&CostGroup>, line: &Line, kind: &str| -> PyResult<()> {
                columns.push(vec![
                    cell(py, section)?,
                    cell(py, group.map(|g| g.label.as_str()))?,
                    cell(py, group.and_then(|g| g.id.as_deref()))?,
                    cell(py, line.label.as_str())?,
                    cell(py, line.id.as_deref())?,
                    cell(py, line.member.map(|m| m.code()))?,
                    cell(py, decimal_opt_out(py, line.budget)?)?,
                    cell(py, decimal_opt_out(py, line.outcome)?)?,
                    cell(py, decimal_opt_out(py, line.difference)?)?,
                    cell(py, kind)?,
                ]);
                Ok(())
            };
        let statement = &self.inner;
        for line in &statement.income.lines {
            push("income", None, line, "line")?;
        }
        if let Some(total) = &statement.income.total {
            push("income", None, total, "total")?;
        }
        for group in &statement.costs.groups {
            for line in &group.lines {
                push("costs", Some(group), line, "line")?;
            }
            if let Some(subtotal) = &group.subtotal {
                push("costs", Some(group), subtotal, "subtotal")?;
            }
        }
        if let Some(total) = &statement.costs.total {
            push("costs", None, total, "total")?;
        }
        if let Some(result) = &statement.result {
            push("result", None, result, "result")?;
        }
        columns.into_object_frame()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Statement unit='{}': {} income line(s), {} cost group(s), equity_brought_forward={}>",
            self.inner.unit.code(),
            self.inner.income.lines.len(),
            self.inner.costs.groups.len(),
            repr_opt_decimal(self.inner.equity_brought_forward)
        )
    }
}

/// The figures a report printed for a cost rule, each `None` when not printed.
#[pyclass(
    name = "RuleFigures",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyRuleFigures {
    pub(crate) inner: RuleFigures,
}

#[pymethods]
impl PyRuleFigures {
    /// The allowed amount.
    #[getter]
    fn allowed(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.allowed)
    }
    /// The actual costs.
    #[getter]
    fn actual(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.actual)
    }
    /// How much the actual costs exceed the allowed amount.
    #[getter]
    fn excess(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.excess)
    }
    /// How much room is left under the allowed amount.
    #[getter]
    fn room(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.room)
    }
    /// The actual costs in percent of the base.
    #[getter]
    fn percent(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.percent)
    }

    fn __repr__(&self) -> String {
        let f = &self.inner;
        format!(
            "<RuleFigures allowed={}, actual={}, excess={}, room={}, percent={}>",
            repr_opt_decimal(f.allowed),
            repr_opt_decimal(f.actual),
            repr_opt_decimal(f.excess),
            repr_opt_decimal(f.room),
            repr_opt_decimal(f.percent)
        )
    }
}

/// A local cost rule set by a member council: the outcome of some lines or groups of the
/// statement may be at most `limit_percent` % of a base.
#[pyclass(name = "CostRule", module = "finsam", frozen, eq, hash, from_py_object)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyCostRule {
    pub(crate) inner: CostRule,
}

#[pymethods]
impl PyCostRule {
    /// The rule's stable id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }
    /// The rule in words.
    #[getter]
    fn label(&self) -> &str {
        &self.inner.label
    }
    /// The limit in percent of the base (0–100).
    #[getter]
    fn limit_percent(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.limit_percent)
    }
    /// What the percentage applies to: `members_budget`, `income_budget`, `costs_budget`, or
    /// `amount` (a stated amount, see `amount`).
    #[getter]
    fn base(&self) -> String {
        base_code(self.inner.base)
    }
    /// The stated base amount when `base` is `amount`; `None` otherwise.
    #[getter]
    fn amount(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        match self.inner.base {
            RuleBase::Amount(amount) => decimal_out(py, amount).map(Some),
            _ => Ok(None),
        }
    }
    /// The ids of the statement lines or groups whose outcome counts.
    #[getter]
    fn items(&self) -> Vec<String> {
        self.inner.items.clone()
    }
    /// What the report printed for the rule.
    #[getter]
    fn printed(&self) -> PyRuleFigures {
        PyRuleFigures {
            inner: self.inner.printed,
        }
    }
    /// Where the rule comes from, when stated.
    #[getter]
    fn source(&self) -> Option<&str> {
        self.inner.source.as_deref()
    }

    /// The rule evaluated on `statement`: base, allowed amount, actual costs, excess or room.
    /// A `FinsamError` with code `unknown_item` when an item is not in the statement.
    fn evaluate(&self, py: Python<'_>, statement: PyStatement) -> PyResult<PyRuleOutcome> {
        guard(py, || {
            Ok(PyRuleOutcome {
                inner: self.inner.evaluate(&statement.inner)?,
            })
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<CostRule {}: limit_percent={}, base='{}', items={}>",
            repr_str(py, &self.inner.id)?,
            repr_decimal(self.inner.limit_percent),
            base_code(self.inner.base),
            PyTuple::new(py, &self.inner.items)?.repr()?
        ))
    }
}

/// An intervention's budget and outcome as stated in another place of the report (its own
/// section), kept to be checked against the table.
#[pyclass(
    name = "StatedCost",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyStatedCost {
    pub(crate) inner: StatedCost,
}

#[pymethods]
impl PyStatedCost {
    /// Where ("avsnittet om insatsen").
    #[getter]
    fn place(&self) -> &str {
        &self.inner.place
    }
    /// The unit of the stated figures: `tkr` or `sek`.
    #[getter]
    fn unit(&self) -> &'static str {
        self.inner.unit.code()
    }
    /// The budget stated there, for `budget_period`.
    #[getter]
    fn budget(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.budget)
    }
    /// The period the stated budget is for, as written ("2019").
    #[getter]
    fn budget_period(&self) -> Option<&str> {
        self.inner.budget_period.as_deref()
    }
    /// The outcome stated there, for the table's period.
    #[getter]
    fn outcome(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.outcome)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<StatedCost {}: unit='{}', budget={}, outcome={}>",
            repr_str(py, &self.inner.place)?,
            self.inner.unit.code(),
            repr_opt_decimal(self.inner.budget),
            repr_opt_decimal(self.inner.outcome)
        ))
    }
}

/// One row of the per-intervention table: an intervention's budget and outcome for the period.
#[pyclass(
    name = "InterventionCost",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyInterventionCost {
    pub(crate) inner: InterventionCost,
}

#[pymethods]
impl PyInterventionCost {
    /// The row as printed.
    #[getter]
    fn label(&self) -> &str {
        &self.inner.label
    }
    /// The id of the report's intervention this row is, when it is linked to one.
    #[getter]
    fn intervention_id(&self) -> Option<&str> {
        self.inner.intervention.as_ref().map(|id| id.as_str())
    }
    /// The word used for the outcome when it differs from the table's (`outcome`,
    /// `requisitioned`, `costs`); `None` otherwise.
    #[getter]
    fn wording(&self) -> Option<&'static str> {
        self.inner.wording.map(|wording| wording.code())
    }
    /// The budget.
    #[getter]
    fn budget(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.budget)
    }
    /// The outcome.
    #[getter]
    fn outcome(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.outcome)
    }
    /// The difference as printed.
    #[getter]
    fn difference(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.difference)
    }
    /// The same intervention's figures as stated elsewhere in the report.
    #[getter]
    fn also_stated(&self) -> Vec<PyStatedCost> {
        self.inner
            .also_stated
            .iter()
            .cloned()
            .map(|inner| PyStatedCost { inner })
            .collect()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<InterventionCost {}: intervention_id={}, budget={}, outcome={}>",
            repr_str(py, &self.inner.label)?,
            repr_opt_str(py, self.intervention_id())?,
            repr_opt_decimal(self.inner.budget),
            repr_opt_decimal(self.inner.outcome)
        ))
    }
}

/// A group of rows of the per-intervention table (individual, structural) with its printed
/// total.
#[pyclass(
    name = "InterventionCostGroup",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyInterventionCostGroup {
    pub(crate) inner: InterventionCostGroup,
}

#[pymethods]
impl PyInterventionCostGroup {
    /// The group as printed ("Individinriktade insatser").
    #[getter]
    fn label(&self) -> &str {
        &self.inner.label
    }
    /// The rows.
    #[getter]
    fn rows(&self) -> Vec<PyInterventionCost> {
        self.inner
            .rows
            .iter()
            .cloned()
            .map(|inner| PyInterventionCost { inner })
            .collect()
    }
    /// The printed total (*Summa …*), when there is one.
    #[getter]
    fn total(&self) -> Option<PyLine> {
        line_out(self.inner.total.as_ref())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<InterventionCostGroup {}: {} row(s)>",
            repr_str(py, &self.inner.label)?,
            self.inner.rows.len()
        ))
    }
}

/// Budget against outcome per intervention (the half-year report's appendix).
#[pyclass(
    name = "InterventionCosts",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyInterventionCosts {
    pub(crate) inner: InterventionCosts,
}

#[pymethods]
impl PyInterventionCosts {
    /// The unit of every amount of the table: `tkr` or `sek`.
    #[getter]
    fn unit(&self) -> &'static str {
        self.inner.unit.code()
    }
    /// The word the table uses for the outcome: `outcome` (*utfall*), `requisitioned`
    /// (*rekvirerat*) or `costs` (*kostnader*).
    #[getter]
    fn wording(&self) -> &'static str {
        self.inner.wording.code()
    }
    /// The groups.
    #[getter]
    fn groups(&self) -> Vec<PyInterventionCostGroup> {
        self.inner
            .groups
            .iter()
            .cloned()
            .map(|inner| PyInterventionCostGroup { inner })
            .collect()
    }

    /// The row linked to the intervention `intervention_id`, or `None`.
    fn row(&self, intervention_id: &str) -> Option<PyInterventionCost> {
        let id: InterventionId = intervention_id.parse().ok()?;
        self.inner
            .row(&id)
            .cloned()
            .map(|inner| PyInterventionCost { inner })
    }

    fn __repr__(&self) -> String {
        format!(
            "<InterventionCosts unit='{}', wording='{}': {} group(s)>",
            self.inner.unit.code(),
            self.inner.wording.code(),
            self.inner.groups.len()
        )
    }
}

/// A planned cost of the rest of the year.
#[pyclass(
    name = "PlannedCost",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyPlannedCost {
    pub(crate) inner: PlannedCost,
}

#[pymethods]
impl PyPlannedCost {
    /// As printed ("Finansiering insatser 2:a halvåret").
    #[getter]
    fn label(&self) -> &str {
        &self.inner.label
    }
    /// The amount.
    #[getter]
    fn amount(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.amount)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<PlannedCost {}: {}>",
            repr_str(py, &self.inner.label)?,
            repr_decimal(self.inner.amount)
        ))
    }
}

/// The figures a report printed for its forecast, each `None` when not printed.
#[pyclass(
    name = "ForecastFigures",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyForecastFigures {
    pub(crate) inner: ForecastFigures,
}

#[pymethods]
impl PyForecastFigures {
    /// The first half's outcome as the forecast prints it.
    #[getter]
    fn first_half_costs(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.first_half_costs)
    }
    /// The full-year costs.
    #[getter]
    fn total_costs(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.total_costs)
    }
    /// Income and capital for the year.
    #[getter]
    fn funds(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.funds)
    }
    /// What remains: funds − full-year costs.
    #[getter]
    fn remaining(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.remaining)
    }
    /// The year's forecast result.
    #[getter]
    fn year_result(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.year_result)
    }
    /// What remains of the year's budgeted income for the second half.
    #[getter]
    fn remaining_income(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.remaining_income)
    }

    fn __repr__(&self) -> String {
        let f = &self.inner;
        format!(
            "<ForecastFigures first_half_costs={}, total_costs={}, funds={}, remaining={}, year_result={}, remaining_income={}>",
            repr_opt_decimal(f.first_half_costs),
            repr_opt_decimal(f.total_costs),
            repr_opt_decimal(f.funds),
            repr_opt_decimal(f.remaining),
            repr_opt_decimal(f.year_result),
            repr_opt_decimal(f.remaining_income)
        )
    }
}

/// The full-year forecast of a half-year report, as the report gives it: the year's income,
/// the planned costs of the second half, and the printed figures. `Economics.compute_forecast`
/// computes it.
#[pyclass(name = "Forecast", module = "finsam", frozen, eq, hash, from_py_object)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyForecast {
    pub(crate) inner: Forecast,
}

#[pymethods]
impl PyForecast {
    /// The unit of every amount: `tkr` or `sek`.
    #[getter]
    fn unit(&self) -> &'static str {
        self.inner.unit.code()
    }
    /// The year's budgeted income from the members.
    #[getter]
    fn annual_income(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.annual_income)
    }
    /// Other income expected for the year (e.g. ESF).
    #[getter]
    fn expected_other_income(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.expected_other_income)
    }
    /// The planned costs of the second half.
    #[getter]
    fn planned(&self) -> Vec<PyPlannedCost> {
        self.inner
            .planned
            .iter()
            .cloned()
            .map(|inner| PyPlannedCost { inner })
            .collect()
    }
    /// What the report printed.
    #[getter]
    fn printed(&self) -> PyForecastFigures {
        PyForecastFigures {
            inner: self.inner.printed,
        }
    }

    fn __repr__(&self) -> String {
        format!(
            "<Forecast unit='{}': annual_income={}, expected_other_income={}, {} planned cost(s)>",
            self.inner.unit.code(),
            repr_decimal(self.inner.annual_income),
            repr_decimal(self.inner.expected_other_income),
            self.inner.planned.len()
        )
    }
}

/// The columns of `Economics.rules_to_pandas`.
const RULE_COLUMNS: [&str; 17] = [
    "id",
    "label",
    "limit_percent",
    "base",
    "items",
    "base_amount",
    "allowed",
    "actual",
    "percent",
    "excess",
    "room",
    "within",
    "printed_allowed",
    "printed_actual",
    "printed_excess",
    "printed_room",
    "printed_percent",
];

/// The columns of `Economics.deviations_to_pandas`.
const DEVIATION_COLUMNS: [&str; 8] = [
    "group",
    "label",
    "intervention_id",
    "wording",
    "budget",
    "outcome",
    "deviation",
    "deviation_percent",
];

/// The economics of a report: the statement, the local cost rules, the per-intervention table
/// and the forecast, each optional, with the figures as printed. `summary` gives everything
/// the core computes from them.
#[pyclass(
    name = "Economics",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyEconomics {
    pub(crate) inner: Economics,
}

#[pymethods]
impl PyEconomics {
    /// The association's statement for the period, when the report has one.
    #[getter]
    fn statement(&self) -> Option<PyStatement> {
        self.inner
            .statement
            .clone()
            .map(|inner| PyStatement { inner })
    }
    /// The local cost rules, in order.
    #[getter]
    fn rules(&self) -> Vec<PyCostRule> {
        self.inner
            .rules
            .iter()
            .cloned()
            .map(|inner| PyCostRule { inner })
            .collect()
    }
    /// Budget against outcome per intervention, when the report has that table.
    #[getter]
    fn interventions(&self) -> Option<PyInterventionCosts> {
        self.inner
            .interventions
            .clone()
            .map(|inner| PyInterventionCosts { inner })
    }
    /// The full-year forecast, when the report has one (half-year reports).
    #[getter]
    fn forecast(&self) -> Option<PyForecast> {
        self.inner
            .forecast
            .clone()
            .map(|inner| PyForecast { inner })
    }

    /// Every cost rule evaluated on the statement, in order.
    fn evaluate_rules(&self, py: Python<'_>) -> PyResult<Vec<PyRuleOutcome>> {
        guard(py, || {
            Ok(self
                .inner
                .evaluate_rules()?
                .into_iter()
                .map(|inner| PyRuleOutcome { inner })
                .collect())
        })
    }

    /// The forecast computed on the statement; `None` when the report has no forecast.
    fn compute_forecast(&self, py: Python<'_>) -> PyResult<Option<PyForecastOutcome>> {
        guard(py, || {
            Ok(self
                .inner
                .compute_forecast()?
                .map(|inner| PyForecastOutcome { inner }))
        })
    }

    /// Everything computed from the economics: the statement's sums and member split, every
    /// rule's outcome, every intervention's deviation and the forecast.
    fn summary(&self, py: Python<'_>) -> PyResult<PyEconomicsSummary> {
        guard(py, || {
            Ok(PyEconomicsSummary {
                inner: self.inner.summary()?,
            })
        })
    }

    /// The economics in the JSON format.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, pretty: bool) -> String {
        if pretty {
            finsam_core::format::to_json_pretty(&self.inner)
        } else {
            finsam_core::format::to_json(&self.inner)
        }
    }

    /// The cost rules as a pandas `DataFrame`, one row per rule in order: the rule (`id`,
    /// `label`, `limit_percent`, `base`, `items` as a tuple of ids), its outcome on the
    /// statement (`base_amount`, `allowed`, `actual`, `percent`, `excess`, `room`, `within`)
    /// and the figures the report printed (`printed_allowed`, `printed_actual`,
    /// `printed_excess`, `printed_room`, `printed_percent`; `None` when not printed). Every
    /// column holds Python objects.
    fn rules_to_pandas(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let outcomes = guard(py, || Ok(self.inner.evaluate_rules()?))?;
        let mut columns = Columns::new(py, &RULE_COLUMNS);
        for (rule, outcome) in self.inner.rules.iter().zip(&outcomes) {
            columns.push(vec![
                cell(py, rule.id.as_str())?,
                cell(py, rule.label.as_str())?,
                decimal_out(py, rule.limit_percent)?,
                cell(py, base_code(rule.base))?,
                PyTuple::new(py, &rule.items)?.into_any().unbind(),
                decimal_out(py, outcome.base)?,
                decimal_out(py, outcome.allowed)?,
                decimal_out(py, outcome.actual)?,
                cell(py, decimal_opt_out(py, outcome.percent)?)?,
                decimal_out(py, outcome.excess)?,
                decimal_out(py, outcome.room)?,
                cell(py, outcome.within)?,
                cell(py, decimal_opt_out(py, rule.printed.allowed)?)?,
                cell(py, decimal_opt_out(py, rule.printed.actual)?)?,
                cell(py, decimal_opt_out(py, rule.printed.excess)?)?,
                cell(py, decimal_opt_out(py, rule.printed.room)?)?,
                cell(py, decimal_opt_out(py, rule.printed.percent)?)?,
            ]);
        }
        columns.into_object_frame()
    }

    /// The per-intervention table as a pandas `DataFrame`, one row per table row in order:
    /// `group`, `label`, `intervention_id` (`None` when not linked), `wording` (the row's or
    /// the table's), `budget`, `outcome`, `deviation` (budget − outcome, computed; positive is
    /// under budget) and `deviation_percent` (of the budget, unrounded; `None` when the budget
    /// is zero or blank), in the table's unit. Every column holds Python objects. No table gives
    /// an empty frame.
    fn deviations_to_pandas(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let summary = guard(py, || Ok(self.inner.summary()?))?;
        let mut columns = Columns::new(py, &DEVIATION_COLUMNS);
        for row in &summary.deviations {
            columns.push(vec![
                cell(py, row.group.as_str())?,
                cell(py, row.label.as_str())?,
                cell(py, row.intervention.as_ref().map(|id| id.as_str()))?,
                cell(py, row.wording.code())?,
                cell(py, decimal_opt_out(py, row.budget)?)?,
                cell(py, decimal_opt_out(py, row.outcome)?)?,
                cell(py, decimal_opt_out(py, row.deviation)?)?,
                cell(py, decimal_opt_out(py, row.deviation_percent)?)?,
            ]);
        }
        columns.into_object_frame()
    }

    fn __repr__(&self) -> String {
        let e = &self.inner;
        format!(
            "<Economics statement={}, {} rule(s), interventions={}, forecast={}>",
            repr_bool(e.statement.is_some()),
            e.rules.len(),
            repr_bool(e.interventions.is_some()),
            repr_bool(e.forecast.is_some())
        )
    }
}
