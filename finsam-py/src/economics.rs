//! A report's economics as Python handles: `Economics`, its `Statement`, `CostRule`s,
//! per-intervention table `InterventionCosts` and `Forecast`, with the core's computations as
//! their methods. What they hold and what the core computes (lines, cost groups, rule outcomes,
//! deviations, the summary) are records: dataclasses built from the core's serde output.
//! Tables (the statement, the rules, the deviations) are the core's, as pandas frames.
//!
//! Amounts cross as `decimal.Decimal` (`None` for a blank cell), units, members and wordings as
//! their stable codes.

use finsam_core::render::{deviation_table, rule_table, statement_table};
use finsam_core::{
    Column, CostGroup, CostRule, Economics, Forecast, InterventionCosts, InterventionId, Item,
    RuleBase, Statement,
};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::convert::{
    decimal_out, frame, record, record_in, record_opt, records, repr_decimal, repr_opt_decimal,
    repr_str, Arg,
};
use crate::errors::{catch, Result};

/// JSON, indented when `pretty`.
fn json<T: serde::Serialize>(value: &T, pretty: bool) -> String {
    if pretty {
        finsam_core::format::to_json_pretty(value)
    } else {
        finsam_core::format::to_json(value)
    }
}

/// A Python bool as `repr` writes it.
fn repr_bool(value: bool) -> &'static str {
    if value {
        "True"
    } else {
        "False"
    }
}

/// A cost group's figure in `column` (the body of `CostGroup.figure` and `CostGroup.lines_sum`):
/// with `printed` the printed subtotal or else the sum of the lines, without it the sum of the
/// lines (blank cells count as zero).
#[pyfunction]
pub(crate) fn _cost_group_sum(
    py: Python<'_>,
    group: &Bound<'_, PyAny>,
    column: Arg<Column>,
    printed: bool,
) -> Result<Py<PyAny>> {
    let group: CostGroup = record_in(group, "group")?;
    let value = catch(|| match printed {
        true => group.figure(column.0),
        false => group.lines_sum(column.0),
    })?;
    decimal_out(py, value)
}

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

type Sum = fn(&Statement, Column) -> finsam_core::Result<rust_decimal::Decimal>;

impl PyStatement {
    fn computed(&self, py: Python<'_>, column: Arg<Column>, compute: Sum) -> Result<Py<PyAny>> {
        decimal_out(py, catch(|| compute(&self.inner, column.0))?)
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
    fn income(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        record(py, "Income", &self.inner.income)
    }
    /// The costs.
    #[getter]
    fn costs(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        record(py, "Costs", &self.inner.costs)
    }
    /// The printed result (*Resultat*), when there is one.
    #[getter]
    fn result(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        record_opt(py, "Line", self.inner.result.as_ref())
    }
    /// Equity brought forward from earlier years (*eget kapital*).
    #[getter]
    fn equity_brought_forward(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        crate::convert::decimal_opt_out(py, self.inner.equity_brought_forward)
    }

    /// The line (`Line`) or group (`CostGroup`) with `id`, or `None`.
    fn item(&self, py: Python<'_>, id: &str) -> Result<Option<Py<PyAny>>> {
        match self.inner.item(id) {
            Some(Item::Line(line)) => record(py, "Line", line).map(Some),
            Some(Item::Group(group)) => record(py, "CostGroup", group).map(Some),
            None => Ok(None),
        }
    }

    /// The sum of the income lines in `column` (`budget`, `outcome`, `difference`).
    fn income_sum(&self, py: Python<'_>, column: Arg<Column>) -> Result<Py<PyAny>> {
        self.computed(py, column, Statement::income_sum)
    }
    /// The members' contributions in `column` (the lines with a member).
    fn members_sum(&self, py: Python<'_>, column: Arg<Column>) -> Result<Py<PyAny>> {
        self.computed(py, column, Statement::members_sum)
    }
    /// Income in `column`: the printed total, or the sum of the lines.
    fn income_figure(&self, py: Python<'_>, column: Arg<Column>) -> Result<Py<PyAny>> {
        self.computed(py, column, Statement::income_figure)
    }
    /// The sum of the cost groups in `column` (each its printed subtotal, or its lines).
    fn groups_sum(&self, py: Python<'_>, column: Arg<Column>) -> Result<Py<PyAny>> {
        self.computed(py, column, Statement::groups_sum)
    }
    /// Total costs in `column`: the printed total, or the sum of the groups.
    fn costs_figure(&self, py: Python<'_>, column: Arg<Column>) -> Result<Py<PyAny>> {
        self.computed(py, column, Statement::costs_figure)
    }
    /// The result income − costs in `column`, from the printed totals.
    fn computed_result(&self, py: Python<'_>, column: Arg<Column>) -> Result<Py<PyAny>> {
        self.computed(py, column, Statement::computed_result)
    }

    /// The members' contributions in `column` against the 50 / 25 / 25 split of the Finsam
    /// law; `None` when the statement has no member lines.
    fn member_split(&self, py: Python<'_>, column: Arg<Column>) -> Result<Option<Py<PyAny>>> {
        let split = catch(|| self.inner.member_split(column.0))?;
        record_opt(py, "MemberSplit", split.as_ref())
    }

    /// The statement's sums computed from its lines.
    fn summary(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        record(py, "StatementSummary", &catch(|| self.inner.summary())?)
    }

    /// The statement in the JSON format.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, pretty: bool) -> String {
        json(&self.inner, pretty)
    }

    /// The statement as a pandas `DataFrame`, one row per printed line in the report's order:
    /// the income lines and their total, each cost group's lines and its subtotal, the total
    /// costs and the result. Columns: `section` (`income`, `costs`, `result`), `group` and
    /// `group_id` (of a cost group's lines and subtotal, else `None`), `label`, `id`, `member`,
    /// `budget`, `outcome`, `difference` (`decimal.Decimal` or `None` for a blank cell) and
    /// `kind` (`line`, `subtotal`, `total`, `result`). Every column holds Python objects.
    fn to_pandas(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        frame(py, catch(|| statement_table(&self.inner))?, false)
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

/// The code of a rule's base: `members_budget`, `income_budget`, `costs_budget` or `amount`.
fn base_code(base: RuleBase) -> String {
    match base {
        RuleBase::Amount(_) => "amount".to_owned(),
        other => crate::convert::code_out(&other),
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
    fn limit_percent(&self, py: Python<'_>) -> Result<Py<PyAny>> {
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
    fn amount(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
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
    fn printed(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        record(py, "RuleFigures", &self.inner.printed)
    }
    /// Where the rule comes from, when stated.
    #[getter]
    fn source(&self) -> Option<&str> {
        self.inner.source.as_deref()
    }

    /// The rule evaluated on `statement`: base, allowed amount, actual costs, excess or room.
    /// A `FinsamError` with code `unknown_item` when an item is not in the statement.
    fn evaluate(&self, py: Python<'_>, statement: PyRef<'_, PyStatement>) -> Result<Py<PyAny>> {
        record(
            py,
            "RuleOutcome",
            &catch(|| self.inner.evaluate(&statement.inner))?,
        )
    }

    fn __repr__(&self, py: Python<'_>) -> Result<String> {
        Ok(format!(
            "<CostRule {}: limit_percent={}, base='{}', items={}>",
            repr_str(py, &self.inner.id)?,
            repr_decimal(self.inner.limit_percent),
            base_code(self.inner.base),
            PyTuple::new(py, &self.inner.items)?.repr()?
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
    fn groups(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        records(py, "InterventionCostGroup", &self.inner.groups)
    }

    /// The row linked to the intervention `intervention_id`, or `None`.
    fn row(&self, py: Python<'_>, intervention_id: &str) -> Result<Option<Py<PyAny>>> {
        let id: Option<InterventionId> = intervention_id.parse().ok();
        let row = id.and_then(|id| self.inner.row(&id));
        record_opt(py, "InterventionCost", row)
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
    fn annual_income(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        decimal_out(py, self.inner.annual_income)
    }
    /// Other income expected for the year (e.g. ESF).
    #[getter]
    fn expected_other_income(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        decimal_out(py, self.inner.expected_other_income)
    }
    /// The planned costs of the second half.
    #[getter]
    fn planned(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        records(py, "PlannedCost", &self.inner.planned)
    }
    /// What the report printed.
    #[getter]
    fn printed(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        record(py, "ForecastFigures", &self.inner.printed)
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
        let inner = self.inner.statement.clone()?;
        Some(PyStatement { inner })
    }
    /// The local cost rules, in order.
    #[getter]
    fn rules(&self) -> Vec<PyCostRule> {
        let rules = self.inner.rules.iter().cloned();
        rules.map(|inner| PyCostRule { inner }).collect()
    }
    /// Budget against outcome per intervention, when the report has that table.
    #[getter]
    fn interventions(&self) -> Option<PyInterventionCosts> {
        let inner = self.inner.interventions.clone()?;
        Some(PyInterventionCosts { inner })
    }
    /// The full-year forecast, when the report has one (half-year reports).
    #[getter]
    fn forecast(&self) -> Option<PyForecast> {
        let inner = self.inner.forecast.clone()?;
        Some(PyForecast { inner })
    }

    /// Every cost rule evaluated on the statement, in order.
    fn evaluate_rules(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        records(py, "RuleOutcome", &catch(|| self.inner.evaluate_rules())?)
    }

    /// The forecast computed on the statement; `None` when the report has no forecast.
    fn compute_forecast(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        let outcome = catch(|| self.inner.compute_forecast())?;
        record_opt(py, "ForecastOutcome", outcome.as_ref())
    }

    /// Everything computed from the economics: the statement's sums and member split, every
    /// rule's outcome, every intervention's deviation and the forecast.
    fn summary(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        record(py, "EconomicsSummary", &catch(|| self.inner.summary())?)
    }

    /// The economics in the JSON format.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, pretty: bool) -> String {
        json(&self.inner, pretty)
    }

    /// The cost rules as a pandas `DataFrame`, one row per rule in order: the rule (`id`,
    /// `label`, `limit_percent`, `base`, `items` as a tuple of ids), its outcome on the
    /// statement (`base_amount`, `allowed`, `actual`, `percent`, `excess`, `room`, `within`)
    /// and the figures the report printed (`printed_allowed`, `printed_actual`,
    /// `printed_excess`, `printed_room`, `printed_percent`; `None` when not printed). Every
    /// column holds Python objects.
    fn rules_to_pandas(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        frame(py, catch(|| rule_table(&self.inner))?, false)
    }

    /// The per-intervention table as a pandas `DataFrame`, one row per table row in order:
    /// `group`, `label`, `intervention_id` (`None` when not linked), `wording` (the row's or
    /// the table's), `budget`, `outcome`, `deviation` (budget − outcome, computed; positive is
    /// under budget) and `deviation_percent` (of the budget, unrounded; `None` when the budget
    /// is zero or blank), in the table's unit. Every column holds Python objects. No table gives
    /// an empty frame.
    fn deviations_to_pandas(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        frame(py, catch(|| deviation_table(&self.inner))?, false)
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
