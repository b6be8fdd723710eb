//! Reports of one association across periods ([`finsam_core::series`], `DOMAIN.md` §9) for
//! Python: `ReportSeries` holds at most one report per period; `compare` follows every
//! intervention and goal and returns a `SeriesComparison` with its histories
//! (`InterventionHistory`, `Appearance`, `GoalHistory`, `GoalPoint`) and pandas `DataFrame`s
//! with one column per period.

use finsam_core::render::result_text;
use finsam_core::{
    Appearance, DecidedGrade, ErrorKind, GoalHistory, GoalPoint, InterventionHistory, Language,
    Period, ReportSeries, SeriesComparison,
};
use pyo3::prelude::*;

use crate::convert::{
    code_out, decimal_opt_out, grade_opt_out, language_in, repr_decimal, repr_grade, repr_str,
};
use crate::errors::{core_error, guard, Outcome};
use crate::model::{policy_or_default, PyDecidedGrade, PyGradingPolicy, PyReport};
use crate::outcome::PyGoalAssessment;
use crate::tables::{cell, Columns};

/// A period argument ("2017", "2019-H1").
fn period_in(text: &str) -> Outcome<Period> {
    text.parse()
        .map_err(|e: finsam_core::Error| e.under("period").into())
}

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
    fn new(py: Python<'_>, reports: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        guard(py, || {
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
        })
    }

    /// Adds a report. A report of a period the series already holds raises `FinsamError`
    /// (code `duplicate_period`, path `period`) and leaves the series as it was.
    fn add(&mut self, py: Python<'_>, report: PyRef<'_, PyReport>) -> PyResult<()> {
        guard(py, || Ok(self.inner.add(report.inner.clone())?))
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
    fn report(&self, py: Python<'_>, period: &str) -> PyResult<Option<PyReport>> {
        let period = guard(py, || period_in(period))?;
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
    fn compare(
        &self,
        py: Python<'_>,
        policy: Option<PyRef<'_, PyGradingPolicy>>,
    ) -> PyResult<PySeriesComparison> {
        let policy = policy_or_default(policy);
        guard(py, || {
            Ok(PySeriesComparison {
                inner: self.inner.compare(&policy)?,
            })
        })
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        format!("<ReportSeries [{}]>", self.periods().join(", "))
    }
}

/// What `SeriesComparison.grades_to_pandas` puts in a period's cell.
#[derive(Clone, Copy)]
enum GradeCell {
    Label,
    Grade,
    Score,
    Decided,
}

impl GradeCell {
    fn parse(text: &str) -> Outcome<GradeCell> {
        match text {
            "label" => Ok(GradeCell::Label),
            "grade" => Ok(GradeCell::Grade),
            "score" => Ok(GradeCell::Score),
            "decided" => Ok(GradeCell::Decided),
            other => Err(core_error(
                ErrorKind::UnknownVariant,
                "value",
                format!("unknown value '{other}'; use 'label', 'grade', 'score' or 'decided'"),
            )),
        }
    }

    fn of(
        self,
        py: Python<'_>,
        appearance: &Appearance,
        language: Language,
    ) -> PyResult<Py<PyAny>> {
        match self {
            GradeCell::Label => cell(py, appearance.grade.map(|g| g.label(language))),
            GradeCell::Grade => cell(py, grade_opt_out(py, appearance.grade)?),
            GradeCell::Score => cell(py, decimal_opt_out(py, appearance.score)?),
            GradeCell::Decided => cell(py, appearance.decided.map(|d| d.label(language))),
        }
    }
}

/// What `SeriesComparison.goals_to_pandas` puts in a period's cell.
#[derive(Clone, Copy)]
enum GoalCell {
    Value,
    Attainment,
    Target,
    Result,
    Status,
}

impl GoalCell {
    fn parse(text: &str) -> Outcome<GoalCell> {
        match text {
            "value" => Ok(GoalCell::Value),
            "attainment" => Ok(GoalCell::Attainment),
            "target" => Ok(GoalCell::Target),
            "result" => Ok(GoalCell::Result),
            "status" => Ok(GoalCell::Status),
            other => Err(core_error(
                ErrorKind::UnknownVariant,
                "value",
                format!(
                    "unknown value '{other}'; use 'value', 'attainment', 'target', 'result' or 'status'"
                ),
            )),
        }
    }

    fn of(self, py: Python<'_>, point: &GoalPoint, language: Language) -> PyResult<Py<PyAny>> {
        let goal = &point.goal;
        match self {
            GoalCell::Value => cell(py, decimal_opt_out(py, goal.value)?),
            GoalCell::Attainment => cell(py, decimal_opt_out(py, goal.attainment)?),
            GoalCell::Target => cell(py, decimal_opt_out(py, goal.target)?),
            GoalCell::Result => cell(py, result_text(&goal.result, language)),
            GoalCell::Status => cell(py, goal.status.code()),
        }
    }
}

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

impl PySeriesComparison {
    /// The column names of a pivoted frame: `fixed`, then one per period.
    fn pivot_columns(&self, fixed: &[&str]) -> Vec<String> {
        fixed
            .iter()
            .map(|name| (*name).to_owned())
            .chain(self.inner.periods.iter().map(Period::to_string))
            .collect()
    }
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
    #[pyo3(signature = (value = "label", language = "sv"))]
    fn grades_to_pandas(&self, py: Python<'_>, value: &str, language: &str) -> PyResult<Py<PyAny>> {
        let (value, language) = guard(py, || {
            Ok((GradeCell::parse(value)?, language_in(language)?))
        })?;
        let mut columns =
            Columns::named(py, self.pivot_columns(&["intervention_id", "intervention"]));
        for history in &self.inner.interventions {
            let mut cells = vec![
                cell(py, history.id.as_str())?,
                cell(py, history.name.as_str())?,
            ];
            for period in &self.inner.periods {
                cells.push(match history.appearance(*period) {
                    Some(appearance) => value.of(py, appearance, language)?,
                    None => py.None(),
                });
            }
            columns.push(cells);
        }
        columns.into_object_frame()
    }

    /// Every goal across the periods as a pandas `DataFrame`: one row per intervention and goal
    /// (columns `intervention_id`, `intervention`, `goal_number` from 1 within the
    /// intervention, `goal` as the latest period words it), then one column per period. A cell
    /// holds, by `value`: `value` the figure graded (a count, or a share's percentage),
    /// `attainment`, `target`, `result` the result as a report table prints it (in
    /// `language`), or `status`. `None` where the goal is not in the period's report. Needs
    /// pandas.
    #[pyo3(signature = (value = "value", language = "sv"))]
    fn goals_to_pandas(&self, py: Python<'_>, value: &str, language: &str) -> PyResult<Py<PyAny>> {
        let (value, language) =
            guard(py, || Ok((GoalCell::parse(value)?, language_in(language)?)))?;
        let mut columns = Columns::named(
            py,
            self.pivot_columns(&["intervention_id", "intervention", "goal_number", "goal"]),
        );
        for history in &self.inner.interventions {
            for (index, goal) in history.goals.iter().enumerate() {
                let mut cells = vec![
                    cell(py, history.id.as_str())?,
                    cell(py, history.name.as_str())?,
                    cell(py, index + 1)?,
                    cell(py, goal.description.as_str())?,
                ];
                for period in &self.inner.periods {
                    cells.push(match goal.point(*period) {
                        Some(point) => value.of(py, point, language)?,
                        None => py.None(),
                    });
                }
                columns.push(cells);
            }
        }
        columns.into_object_frame()
    }

    /// Every intervention in every period it appears in, one row each (long form):
    /// `intervention_id`, `intervention`, `period`, `id` and `name` (as that period's report
    /// has them), `matched_by`, `status`, `grade`, `grade_label`, `score`, `decided` (a
    /// `Grade`, `None` for Ej tillämpbar) and `decided_label`. Needs pandas.
    #[pyo3(signature = (language = "sv"))]
    fn grade_rows_to_pandas(&self, py: Python<'_>, language: &str) -> PyResult<Py<PyAny>> {
        let language = guard(py, || language_in(language))?;
        let mut columns = Columns::new(
            py,
            &[
                "intervention_id",
                "intervention",
                "period",
                "id",
                "name",
                "matched_by",
                "status",
                "grade",
                "grade_label",
                "score",
                "decided",
                "decided_label",
            ],
        );
        for row in self.inner.grade_rows() {
            let a = &row.appearance;
            columns.push(vec![
                cell(py, row.intervention_id.as_str())?,
                cell(py, row.intervention)?,
                cell(py, a.period.to_string())?,
                cell(py, a.id.as_str())?,
                cell(py, a.name.as_str())?,
                cell(py, a.matched_by.map(|m| m.code()))?,
                cell(py, code_out(&a.status))?,
                cell(py, grade_opt_out(py, a.grade)?)?,
                cell(py, a.grade.map(|g| g.label(language)))?,
                cell(py, decimal_opt_out(py, a.score)?)?,
                cell(py, grade_opt_out(py, a.decided.and_then(|d| d.grade()))?)?,
                cell(py, a.decided.map(|d| d.label(language)))?,
            ]);
        }
        columns.into_object_frame()
    }

    /// Every goal in every period, one row each (long form): `intervention_id`,
    /// `intervention`, `goal_number`, `goal` (as the latest period words it), `period`,
    /// `description` (as that period words it), `kind`, `direction`, `target`, `unit`,
    /// `measures`, `result_type`, `result` (as a report table prints it, in `language`),
    /// `value`, `attainment`, `status`, and against the goal's previous point
    /// `previous_period`, `matched_by`, `value_change` and `attainment_change`. Needs pandas.
    #[pyo3(signature = (language = "sv"))]
    fn goal_rows_to_pandas(&self, py: Python<'_>, language: &str) -> PyResult<Py<PyAny>> {
        let language = guard(py, || language_in(language))?;
        let mut columns = Columns::new(
            py,
            &[
                "intervention_id",
                "intervention",
                "goal_number",
                "goal",
                "period",
                "description",
                "kind",
                "direction",
                "target",
                "unit",
                "measures",
                "result_type",
                "result",
                "value",
                "attainment",
                "status",
                "previous_period",
                "matched_by",
                "value_change",
                "attainment_change",
            ],
        );
        for row in self.inner.goal_rows() {
            let point = &row.point;
            let goal = &point.goal;
            let change = point.change;
            columns.push(vec![
                cell(py, row.intervention_id.as_str())?,
                cell(py, row.intervention)?,
                cell(py, row.goal_number)?,
                cell(py, row.goal_description)?,
                cell(py, point.period.to_string())?,
                cell(py, &*goal.description)?,
                cell(py, goal.kind.code())?,
                cell(py, goal.direction.code())?,
                cell(py, decimal_opt_out(py, goal.target)?)?,
                cell(py, goal.unit.as_deref())?,
                cell(py, point.measures.map(|m| m.code()))?,
                cell(py, goal.result.code())?,
                cell(py, result_text(&goal.result, language))?,
                cell(py, decimal_opt_out(py, goal.value)?)?,
                cell(py, decimal_opt_out(py, goal.attainment)?)?,
                cell(py, goal.status.code())?,
                cell(py, change.map(|c| c.previous_period.to_string()))?,
                cell(py, change.map(|c| c.matched_by.code()))?,
                cell(
                    py,
                    decimal_opt_out(py, change.and_then(|c| c.value_change))?,
                )?,
                cell(
                    py,
                    decimal_opt_out(py, change.and_then(|c| c.attainment_change))?,
                )?,
            ]);
        }
        columns.into_object_frame()
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
    fn grades(&self, py: Python<'_>) -> PyResult<Vec<(String, Option<Py<PyAny>>)>> {
        self.inner
            .grades()
            .into_iter()
            .map(|(period, grade)| Ok((period.to_string(), grade_opt_out(py, grade)?)))
            .collect()
    }

    /// The appearance in `period`, or `None`.
    fn appearance(&self, py: Python<'_>, period: &str) -> PyResult<Option<PyAppearance>> {
        let period = guard(py, || period_in(period))?;
        Ok(self
            .inner
            .appearance(period)
            .cloned()
            .map(|inner| PyAppearance { inner }))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
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
    fn score(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.score)
    }
    /// The grade the association decided, if recorded (without the printed text).
    #[getter]
    fn decided(&self) -> Option<PyDecidedGrade> {
        self.inner.decided.map(|decision| PyDecidedGrade {
            inner: DecidedGrade::new(decision),
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
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
    fn point(&self, py: Python<'_>, period: &str) -> PyResult<Option<PyGoalPoint>> {
        let period = guard(py, || period_in(period))?;
        Ok(self
            .inner
            .point(period)
            .cloned()
            .map(|inner| PyGoalPoint { inner }))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
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
    fn value_change(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.change.and_then(|c| c.value_change))
    }
    /// This attainment minus the previous one, when both were measured.
    #[getter]
    fn attainment_change(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.change.and_then(|c| c.attainment_change))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
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
