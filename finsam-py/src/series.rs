//! Reports of one association across periods (`ReportSeries`, `docs/domain.md` §9) for
//! Python: `ReportSeries` holds at most one report per period; `compare` follows every
//! intervention and goal and returns a `SeriesComparison` with its histories
//! (`InterventionHistory`, `Appearance`, `GoalHistory`, `GoalPoint`) and pandas `DataFrame`s
//! with one column per period.

use finsam_core::render::{
    series_goal_pivot, series_goal_table, series_grade_pivot, series_grade_table, series_text,
    GoalValue, GradeValue,
};
use finsam_core::{
    Appearance, DecidedGrade, ErrorKind, GoalHistory, GoalPoint, InterventionHistory, Language,
    Period, ReportSeries, SeriesComparison,
};
use pyo3::prelude::*;

use crate::convert::{
    code_out, decimal_opt_out, frame, grade_opt_out, repr_decimal, repr_grade, repr_str, Arg, SV,
};
use crate::errors::{catch, core_error, Result};
use crate::model::{policy_or_default, PyDecidedGrade, PyGradingPolicy, PyReport};
use crate::outcome::PyGoalAssessment;

/// Reports of one association for different periods, ordered by period whatever the order
/// they were added in; at most one report per period.
#[pyclass(name = "ReportSeries", module = "finsam")]
pub struct PyReportSeries {
    inner: ReportSeries,
}

#[pymethods]
impl PyReportSeries {
    #[new]
    #[pyo3(signature = (reports = None))]
    fn new(reports: Option<&Bound<'_, PyAny>>) -> Result<Self> {
        let mut inner = ReportSeries::new();
        if let Some(reports) = reports {
            for (index, report) in reports.try_iter()?.enumerate() {
                let report = report?;
                let here = format!("[{index}]");
                let report = report.cast::<PyReport>().map_err(|_| {
                    let got = report
                        .get_type()
                        .name()
                        .map(|n| n.to_string())
                        .unwrap_or_default();
                    core_error(
                        ErrorKind::InvalidType,
                        &here,
                        format!("expected finsam.Report, got {got}"),
                    )
                })?;
                inner
                    .add(report.get().inner.clone())
                    .map_err(|e| e.under(&here))?;
            }
        }
        Ok(PyReportSeries { inner })
    }

    /// Adds a report. A report of a period the series already holds raises `FinsamError`
    /// (code `duplicate_period`, path `period`) and leaves the series as it was.
    fn add(&mut self, report: PyRef<'_, PyReport>) -> Result<()> {
        Ok(self.inner.add(report.inner.clone())?)
    }

    /// The periods, earliest first (a year's first half before the whole year).
    #[getter]
    fn periods(&self) -> Vec<String> {
        self.inner.periods().iter().map(Period::to_string).collect()
    }

    /// The reports, earliest period first.
    #[getter]
    fn reports(&self) -> Vec<PyReport> {
        self.inner
            .reports()
            .cloned()
            .map(|inner| PyReport { inner })
            .collect()
    }

    /// The report of `period` ("2017", "2019-H1"), or `None`.
    fn report(&self, period: Arg<Period>) -> Result<Option<PyReport>> {
        let period = period.0;
        Ok(self
            .inner
            .report(period)
            .cloned()
            .map(|inner| PyReport { inner }))
    }

    /// Grades every report with `policy` and follows every intervention (by id, then by name
    /// or alias) and every goal (by description, then by the figure measured) across the
    /// periods.
    #[pyo3(signature = (policy = None))]
    fn compare(&self, policy: Option<PyRef<'_, PyGradingPolicy>>) -> Result<PySeriesComparison> {
        let policy = policy_or_default(policy);
        Ok(PySeriesComparison {
            inner: catch(|| self.inner.compare(&policy))?,
        })
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        format!("<ReportSeries [{}]>", self.periods().join(", "))
    }
}

/// The default cell of `grades_to_pandas`: the computed grade's label.
const LABEL: Arg<GradeValue> = Arg(GradeValue::Label);

/// The default cell of `goals_to_pandas`: the figure graded.
const VALUE: Arg<GoalValue> = Arg(GoalValue::Value);

/// A series followed across its periods: the result of `ReportSeries.compare`.
#[pyclass(
    name = "SeriesComparison",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PySeriesComparison {
    inner: SeriesComparison,
}

#[pymethods]
impl PySeriesComparison {
    /// The periods of the series, earliest first.
    #[getter]
    fn periods(&self) -> Vec<String> {
        self.inner.periods.iter().map(Period::to_string).collect()
    }

    /// Every intervention of any period, in the order of first appearance.
    #[getter]
    fn interventions(&self) -> Vec<PyInterventionHistory> {
        self.inner
            .interventions
            .iter()
            .cloned()
            .map(|inner| PyInterventionHistory { inner })
            .collect()
    }

    /// The intervention that has or had the id `id` in any period, or `None`.
    fn intervention(&self, id: &str) -> Option<PyInterventionHistory> {
        self.inner
            .intervention(id)
            .cloned()
            .map(|inner| PyInterventionHistory { inner })
    }

    /// The grade history as a pandas `DataFrame`: one row per intervention (columns
    /// `intervention_id` and `intervention`, by its latest id and name), then one column per
    /// period, named by the period ("2014", "2019-H1"). A cell holds, by `value`: `label` the
    /// computed grade's label in `language`, `grade` the `Grade`, `score` the mean attainment,
    /// `decided` the label of the decided grade. `None` where the intervention is not in the
    /// period's report or has no such value. Needs pandas.
    #[pyo3(signature = (value = LABEL, language = SV))]
    fn grades_to_pandas(
        &self,
        py: Python<'_>,
        value: Arg<GradeValue>,
        language: Arg<Language>,
    ) -> Result<Py<PyAny>> {
        frame(
            py,
            series_grade_pivot(&self.inner, value.0, language.0),
            false,
        )
    }

    /// Every goal across the periods as a pandas `DataFrame`: one row per intervention and goal
    /// (columns `intervention_id`, `intervention`, `goal_number` from 1 within the
    /// intervention, `goal` as the latest period words it), then one column per period. A cell
    /// holds, by `value`: `value` the figure graded (a count, or a share's percentage),
    /// `attainment`, `target`, `result` the result as a report table prints it (in
    /// `language`), or `status`. `None` where the goal is not in the period's report. Needs
    /// pandas.
    #[pyo3(signature = (value = VALUE, language = SV))]
    fn goals_to_pandas(
        &self,
        py: Python<'_>,
        value: Arg<GoalValue>,
        language: Arg<Language>,
    ) -> Result<Py<PyAny>> {
        frame(
            py,
            series_goal_pivot(&self.inner, value.0, language.0),
            false,
        )
    }

    /// Every intervention in every period it appears in, one row each (long form):
    /// `intervention_id`, `intervention`, `period`, `id` and `name` (as that period's report
    /// has them), `matched_by`, `status`, `grade`, `grade_label`, `score`, `decided` (a
    /// `Grade`, `None` for Ej tillämpbar) and `decided_label`. Needs pandas.
    #[pyo3(signature = (language = SV))]
    fn grade_rows_to_pandas(&self, py: Python<'_>, language: Arg<Language>) -> Result<Py<PyAny>> {
        frame(
            py,
            catch(|| series_grade_table(&self.inner, language.0))?,
            false,
        )
    }

    /// Every goal in every period, one row each (long form): `intervention_id`,
    /// `intervention`, `goal_number`, `goal` (as the latest period words it), `period`,
    /// `description` (as that period words it), `kind`, `direction`, `target`, `unit`,
    /// `measures`, `result_type`, `result` (as a report table prints it, in `language`),
    /// `value`, `attainment`, `status`, and against the goal's previous point
    /// `previous_period`, `matched_by`, `value_change` and `attainment_change`. Needs pandas.
    #[pyo3(signature = (language = SV))]
    fn goal_rows_to_pandas(&self, py: Python<'_>, language: Arg<Language>) -> Result<Py<PyAny>> {
        frame(
            py,
            catch(|| series_goal_table(&self.inner, language.0))?,
            false,
        )
    }

    /// The grade history as plain text for a terminal: one row per intervention (its latest
    /// id and name), one column per period, each cell holding `value` as in
    /// `grades_to_pandas` (`label` by default); blank where the intervention is not in the
    /// period's report.
    #[pyo3(signature = (value = LABEL, language = SV))]
    fn to_text(&self, value: Arg<GradeValue>, language: Arg<Language>) -> String {
        series_text(&self.inner, value.0, language.0)
    }

    /// The comparison in the JSON form the core writes (decimals as strings).
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    fn __repr__(&self) -> String {
        format!(
            "<SeriesComparison [{}]: {} intervention(s)>",
            self.periods().join(", "),
            self.inner.interventions.len()
        )
    }
}

/// One intervention across the periods of a series.
#[pyclass(
    name = "InterventionHistory",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyInterventionHistory {
    inner: InterventionHistory,
}

#[pymethods]
impl PyInterventionHistory {
    /// The id in the latest period it appears in.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id.as_str()
    }
    /// The name in the latest period it appears in.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }
    /// Each period it appears in, earliest first, with its grade.
    #[getter]
    fn appearances(&self) -> Vec<PyAppearance> {
        self.inner
            .appearances
            .iter()
            .cloned()
            .map(|inner| PyAppearance { inner })
            .collect()
    }
    /// Each goal followed across the periods, in the order of first appearance.
    #[getter]
    fn goals(&self) -> Vec<PyGoalHistory> {
        self.inner
            .goals
            .iter()
            .cloned()
            .map(|inner| PyGoalHistory { inner })
            .collect()
    }
    /// The computed grade in each period it appears in, earliest first: `(period, grade)`.
    #[getter]
    fn grades(&self, py: Python<'_>) -> Result<Vec<(String, Option<Py<PyAny>>)>> {
        self.inner
            .grades()
            .into_iter()
            .map(|(period, grade)| Ok((period.to_string(), grade_opt_out(py, grade)?)))
            .collect()
    }

    /// The appearance in `period`, or `None`.
    fn appearance(&self, period: Arg<Period>) -> Result<Option<PyAppearance>> {
        let period = period.0;
        Ok(self
            .inner
            .appearance(period)
            .cloned()
            .map(|inner| PyAppearance { inner }))
    }

    fn __repr__(&self, py: Python<'_>) -> Result<String> {
        let periods: Vec<String> = self
            .inner
            .appearances
            .iter()
            .map(|a| a.period.to_string())
            .collect();
        Ok(format!(
            "<InterventionHistory {} {}: [{}], {} goal(s)>",
            repr_str(py, self.inner.id.as_str())?,
            repr_str(py, &self.inner.name)?,
            periods.join(", "),
            self.inner.goals.len()
        ))
    }
}

/// An intervention as one period's report has it, graded.
#[pyclass(
    name = "Appearance",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyAppearance {
    inner: Appearance,
}

#[pymethods]
impl PyAppearance {
    /// The report's period.
    #[getter]
    fn period(&self) -> String {
        self.inner.period.to_string()
    }
    /// The id in that report.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id.as_str()
    }
    /// The name in that report.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }
    /// How it was joined to its earlier appearances: `id` or `name`; `None` for the first.
    #[getter]
    fn matched_by(&self) -> Option<&'static str> {
        self.inner.matched_by.map(|m| m.code())
    }
    /// `active` or `closed` in the period.
    #[getter]
    fn status(&self) -> String {
        code_out(&self.inner.status)
    }
    /// The computed grade; `None` when there was nothing to grade.
    #[getter]
    fn grade(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        grade_opt_out(py, self.inner.grade)
    }
    /// The mean attainment of the measured goals.
    #[getter]
    fn score(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.score)
    }
    /// The grade the association decided, if recorded (without the printed text).
    #[getter]
    fn decided(&self) -> Option<PyDecidedGrade> {
        self.inner.decided.map(|decision| PyDecidedGrade {
            inner: DecidedGrade::new(decision),
        })
    }

    fn __repr__(&self, py: Python<'_>) -> Result<String> {
        Ok(format!(
            "<Appearance {} {}: grade={}>",
            self.inner.period,
            repr_str(py, self.inner.id.as_str())?,
            self.inner
                .grade
                .map(repr_grade)
                .unwrap_or_else(|| "None".to_owned())
        ))
    }
}

/// One goal followed across periods: the same goal in consecutive reports of the
/// intervention.
#[pyclass(
    name = "GoalHistory",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyGoalHistory {
    inner: GoalHistory,
}

#[pymethods]
impl PyGoalHistory {
    /// The goal as the latest period words it.
    #[getter]
    fn description(&self) -> &str {
        &self.inner.description
    }
    /// The goal in each period, earliest first.
    #[getter]
    fn points(&self) -> Vec<PyGoalPoint> {
        self.inner
            .points
            .iter()
            .cloned()
            .map(|inner| PyGoalPoint { inner })
            .collect()
    }

    /// The goal in `period`, or `None`.
    fn point(&self, period: Arg<Period>) -> Result<Option<PyGoalPoint>> {
        let period = period.0;
        Ok(self
            .inner
            .point(period)
            .cloned()
            .map(|inner| PyGoalPoint { inner }))
    }

    fn __repr__(&self, py: Python<'_>) -> Result<String> {
        let periods: Vec<String> = self
            .inner
            .points
            .iter()
            .map(|p| p.period.to_string())
            .collect();
        Ok(format!(
            "<GoalHistory {}: [{}]>",
            repr_str(py, &self.inner.description)?,
            periods.join(", ")
        ))
    }
}

/// One goal in one period: the goal as graded, the flow figure it measures, and the change
/// against the same goal in the intervention's previous report of the same kind.
#[pyclass(
    name = "GoalPoint",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyGoalPoint {
    inner: GoalPoint,
}

#[pymethods]
impl PyGoalPoint {
    /// The report's period.
    #[getter]
    fn period(&self) -> String {
        self.inner.period.to_string()
    }
    /// The goal as grading saw it (its `index` is its position in that period's intervention).
    #[getter]
    fn goal(&self) -> PyGoalAssessment {
        PyGoalAssessment {
            inner: self.inner.goal.clone(),
        }
    }
    /// The code of the flow figure the goal measures, if linked.
    #[getter]
    fn measures(&self) -> Option<&'static str> {
        self.inner.measures.map(|m| m.code())
    }
    /// The period compared with; `None` for the goal's first point.
    #[getter]
    fn previous_period(&self) -> Option<String> {
        self.inner.change.map(|c| c.previous_period.to_string())
    }
    /// How the goal was matched to the previous period's: `description`, `figure` or
    /// `partial_figure`; `None` for the first point.
    #[getter]
    fn matched_by(&self) -> Option<&'static str> {
        self.inner.change.map(|c| c.matched_by.code())
    }
    /// This value minus the previous one, when both goals have one and are of one kind.
    #[getter]
    fn value_change(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.change.and_then(|c| c.value_change))
    }
    /// This attainment minus the previous one, when both were measured.
    #[getter]
    fn attainment_change(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.change.and_then(|c| c.attainment_change))
    }

    fn __repr__(&self, py: Python<'_>) -> Result<String> {
        Ok(format!(
            "<GoalPoint {} {}: value={}>",
            self.inner.period,
            repr_str(py, &self.inner.goal.description)?,
            self.inner
                .goal
                .value
                .map(repr_decimal)
                .unwrap_or_else(|| "None".to_owned())
        ))
    }
}
