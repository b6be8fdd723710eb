//! What the core computes from a report's economics, as read-only Python value classes:
//! `EconomicsSummary` (from `Economics.summary`) with its `StatementSummary`, `Figures`,
//! `GroupSummary`, `MemberSplit`, `MemberShare`, `RuleOutcome`, `Deviation` and
//! `ForecastOutcome`. Every amount is a `decimal.Decimal`; nothing is computed here.

use finsam_core::{
    Deviation, EconomicsSummary, Figures, ForecastOutcome, GroupSummary, RuleOutcome,
    StatementSummary,
};
use finsam_core::{MemberShare, MemberSplit};
use pyo3::prelude::*;

use crate::convert::{decimal_opt_out, decimal_out, repr_decimal, repr_str};
use crate::economics::repr_opt_decimal;

/// A Python bool as `repr` writes it.
pub(crate) fn repr_bool(value: bool) -> &'static str {
    if value {
        "True"
    } else {
        "False"
    }
}

/// Budget, outcome and difference computed from lines.
#[pyclass(name = "Figures", module = "finsam", frozen, eq, hash, from_py_object)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyFigures {
    pub(crate) inner: Figures,
}

#[pymethods]
impl PyFigures {
    /// The budget.
    #[getter]
    fn budget(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.budget)
    }
    /// The outcome.
    #[getter]
    fn outcome(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.outcome)
    }
    /// The difference.
    #[getter]
    fn difference(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.difference)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Figures budget={}, outcome={}, difference={}>",
            repr_decimal(self.inner.budget),
            repr_decimal(self.inner.outcome),
            repr_decimal(self.inner.difference)
        )
    }
}

fn figures(inner: Figures) -> PyFigures {
    PyFigures { inner }
}

/// A cost group's sums computed from its lines.
#[pyclass(
    name = "GroupSummary",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyGroupSummary {
    pub(crate) inner: GroupSummary,
}

#[pymethods]
impl PyGroupSummary {
    /// The group's id, when it has one.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.inner.id.as_deref()
    }
    /// The group as printed.
    #[getter]
    fn label(&self) -> &str {
        &self.inner.label
    }
    /// The sums of its lines.
    #[getter]
    fn lines(&self) -> PyFigures {
        figures(self.inner.lines)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<GroupSummary {}: budget={}, outcome={}, difference={}>",
            repr_str(py, &self.inner.label)?,
            repr_decimal(self.inner.lines.budget),
            repr_decimal(self.inner.lines.outcome),
            repr_decimal(self.inner.lines.difference)
        ))
    }
}

/// One member kind's contribution and what the Finsam law implies.
#[pyclass(
    name = "MemberShare",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyMemberShare {
    pub(crate) inner: MemberShare,
}

#[pymethods]
impl PyMemberShare {
    /// `state`, `region` or `municipality`.
    #[getter]
    fn member(&self) -> &'static str {
        self.inner.member.code()
    }
    /// What the statement shows (all lines of this kind together).
    #[getter]
    fn amount(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.amount)
    }
    /// The law's share of the members' total: 50 % for the state, 25 % for the region and for
    /// the municipalities together.
    #[getter]
    fn expected(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.expected)
    }

    fn __repr__(&self) -> String {
        format!(
            "<MemberShare '{}': amount={}, expected={}>",
            self.inner.member.code(),
            repr_decimal(self.inner.amount),
            repr_decimal(self.inner.expected)
        )
    }
}

/// The members' contributions in one column against the 50 / 25 / 25 split of the law.
#[pyclass(
    name = "MemberSplit",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyMemberSplit {
    pub(crate) inner: MemberSplit,
}

#[pymethods]
impl PyMemberSplit {
    /// The column: `budget`, `outcome` or `difference`.
    #[getter]
    fn column(&self) -> &'static str {
        self.inner.column.code()
    }
    /// All members' contributions together.
    #[getter]
    fn total(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.total)
    }
    /// Per member kind, in the order of the law (state, region, municipality).
    #[getter]
    fn members(&self) -> Vec<PyMemberShare> {
        self.inner
            .members
            .iter()
            .cloned()
            .map(|inner| PyMemberShare { inner })
            .collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "<MemberSplit '{}': total={}>",
            self.inner.column.code(),
            repr_decimal(self.inner.total)
        )
    }
}

/// What a statement's lines give: the sums a reader would compute.
#[pyclass(
    name = "StatementSummary",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyStatementSummary {
    pub(crate) inner: StatementSummary,
}

#[pymethods]
impl PyStatementSummary {
    /// The unit of every amount: `tkr` or `sek`.
    #[getter]
    fn unit(&self) -> &'static str {
        self.inner.unit.code()
    }
    /// The sum of the income lines.
    #[getter]
    fn income(&self) -> PyFigures {
        figures(self.inner.income)
    }
    /// The sum of the members' contributions.
    #[getter]
    fn members(&self) -> PyFigures {
        figures(self.inner.members)
    }
    /// Each cost group's sums, in order.
    #[getter]
    fn groups(&self) -> Vec<PyGroupSummary> {
        self.inner
            .groups
            .iter()
            .cloned()
            .map(|inner| PyGroupSummary { inner })
            .collect()
    }
    /// Total costs: the sum of the groups (each its printed subtotal, or its lines).
    #[getter]
    fn costs(&self) -> PyFigures {
        figures(self.inner.costs)
    }
    /// The result: income − costs, from the printed totals.
    #[getter]
    fn result(&self) -> PyFigures {
        figures(self.inner.result)
    }
    /// The members' contributions against the law, in budget and outcome (empty when the
    /// statement has no member lines).
    #[getter]
    fn member_split(&self) -> Vec<PyMemberSplit> {
        self.inner
            .member_split
            .iter()
            .cloned()
            .map(|inner| PyMemberSplit { inner })
            .collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "<StatementSummary unit='{}': income={}, costs={}, result={}>",
            self.inner.unit.code(),
            repr_decimal(self.inner.income.outcome),
            repr_decimal(self.inner.costs.outcome),
            repr_decimal(self.inner.result.outcome)
        )
    }
}

/// A cost rule evaluated on a statement.
#[pyclass(
    name = "RuleOutcome",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyRuleOutcome {
    pub(crate) inner: RuleOutcome,
}

#[pymethods]
impl PyRuleOutcome {
    /// The rule's id.
    #[getter]
    fn rule(&self) -> &str {
        &self.inner.rule
    }
    /// The base amount.
    #[getter]
    fn base(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.base)
    }
    /// The allowed amount: `limit_percent` % of the base.
    #[getter]
    fn allowed(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.allowed)
    }
    /// The actual costs: the outcome of the rule's items.
    #[getter]
    fn actual(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.actual)
    }
    /// The actual costs in percent of the base (unrounded); `None` when the base is zero.
    #[getter]
    fn percent(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.percent)
    }
    /// How much the actual costs exceed the allowed amount (zero when within).
    #[getter]
    fn excess(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.excess)
    }
    /// How much room is left under the allowed amount (zero when exceeded).
    #[getter]
    fn room(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.room)
    }
    /// Whether the actual costs are within the allowed amount.
    #[getter]
    fn within(&self) -> bool {
        self.inner.within
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let o = &self.inner;
        Ok(format!(
            "<RuleOutcome {}: allowed={}, actual={}, excess={}, room={}, within={}>",
            repr_str(py, &o.rule)?,
            repr_decimal(o.allowed),
            repr_decimal(o.actual),
            repr_decimal(o.excess),
            repr_decimal(o.room),
            repr_bool(o.within)
        ))
    }
}

/// One row of the per-intervention table with its deviation from the budget.
#[pyclass(
    name = "Deviation",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyDeviation {
    pub(crate) inner: Deviation,
}

#[pymethods]
impl PyDeviation {
    /// The group of the table the row is in.
    #[getter]
    fn group(&self) -> &str {
        &self.inner.group
    }
    /// The row as printed.
    #[getter]
    fn label(&self) -> &str {
        &self.inner.label
    }
    /// The id of the report's intervention, when the row is linked to one.
    #[getter]
    fn intervention_id(&self) -> Option<&str> {
        self.inner.intervention.as_ref().map(|id| id.as_str())
    }
    /// The word used for the outcome: `outcome`, `requisitioned` or `costs`.
    #[getter]
    fn wording(&self) -> &'static str {
        self.inner.wording.code()
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
    /// Budget − outcome (positive: under budget); `None` when either is blank.
    #[getter]
    fn deviation(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.deviation)
    }
    /// The deviation in percent of the budget (unrounded); `None` when the budget is zero or
    /// blank.
    #[getter]
    fn deviation_percent(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.deviation_percent)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Deviation {}: budget={}, outcome={}, deviation={}>",
            repr_str(py, &self.inner.label)?,
            repr_opt_decimal(self.inner.budget),
            repr_opt_decimal(self.inner.outcome),
            repr_opt_decimal(self.inner.deviation)
        ))
    }
}

/// A forecast computed from the statement and the planned costs.
#[pyclass(
    name = "ForecastOutcome",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyForecastOutcome {
    pub(crate) inner: ForecastOutcome,
}

#[pymethods]
impl PyForecastOutcome {
    /// The first half's costs (the statement's total costs outcome).
    #[getter]
    fn first_half_costs(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.first_half_costs)
    }
    /// The planned costs of the second half, together.
    #[getter]
    fn planned_costs(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.planned_costs)
    }
    /// The full-year costs: first half + planned.
    #[getter]
    fn total_costs(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.total_costs)
    }
    /// The year's income: budgeted income + expected other income.
    #[getter]
    fn income(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.income)
    }
    /// Equity brought forward.
    #[getter]
    fn equity(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.equity)
    }
    /// Income and capital for the year: income + equity.
    #[getter]
    fn funds(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.funds)
    }
    /// What remains at the end of the year: funds − full-year costs.
    #[getter]
    fn remaining(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.remaining)
    }
    /// The year's result: income − full-year costs.
    #[getter]
    fn year_result(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.year_result)
    }
    /// What remains of the year's budgeted income for the second half.
    #[getter]
    fn remaining_income(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        decimal_out(py, self.inner.remaining_income)
    }

    fn __repr__(&self) -> String {
        let f = &self.inner;
        format!(
            "<ForecastOutcome total_costs={}, funds={}, remaining={}, year_result={}>",
            repr_decimal(f.total_costs),
            repr_decimal(f.funds),
            repr_decimal(f.remaining),
            repr_decimal(f.year_result)
        )
    }
}

/// Everything computed from a report's economics: the statement's sums and member split,
/// every cost rule's outcome, every intervention's deviation and the forecast.
#[pyclass(
    name = "EconomicsSummary",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyEconomicsSummary {
    pub(crate) inner: EconomicsSummary,
}

#[pymethods]
impl PyEconomicsSummary {
    /// The statement's computed sums, when the report has a statement.
    #[getter]
    fn statement(&self) -> Option<PyStatementSummary> {
        self.inner
            .statement
            .clone()
            .map(|inner| PyStatementSummary { inner })
    }
    /// Every cost rule evaluated, in order.
    #[getter]
    fn rules(&self) -> Vec<PyRuleOutcome> {
        self.inner
            .rules
            .iter()
            .cloned()
            .map(|inner| PyRuleOutcome { inner })
            .collect()
    }
    /// The unit of the per-intervention table (`tkr`, `sek`), when the report has one.
    #[getter]
    fn deviations_unit(&self) -> Option<&'static str> {
        self.inner.deviations_unit.map(|unit| unit.code())
    }
    /// Every row of the per-intervention table with its deviation, in order.
    #[getter]
    fn deviations(&self) -> Vec<PyDeviation> {
        self.inner
            .deviations
            .iter()
            .cloned()
            .map(|inner| PyDeviation { inner })
            .collect()
    }
    /// The forecast computed, when the report has one.
    #[getter]
    fn forecast(&self) -> Option<PyForecastOutcome> {
        self.inner
            .forecast
            .clone()
            .map(|inner| PyForecastOutcome { inner })
    }

    /// The summary as JSON (decimals as strings), as the core serialises it.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, pretty: bool) -> String {
        if pretty {
            finsam_core::format::to_json_pretty(&self.inner)
        } else {
            finsam_core::format::to_json(&self.inner)
        }
    }

    fn __repr__(&self) -> String {
        let s = &self.inner;
        format!(
            "<EconomicsSummary statement={}, {} rule(s), {} deviation(s), forecast={}>",
            repr_bool(s.statement.is_some()),
            s.rules.len(),
            s.deviations.len(),
            repr_bool(s.forecast.is_some())
        )
    }
}
