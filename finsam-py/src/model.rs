//! The model as Python value classes: `Report`, `Intervention`, `Goal`, `Result`,
//! `DecidedGrade` and `GradingPolicy`. Each wraps its core value, is frozen, compares and hashes
//! by value, and converts on the way in and out; every check is the core's.

use std::path::PathBuf;

use finsam_core::render::Format;
use finsam_core::{
    DecidedGrade, Direction, FlowMeasure, Goal, GoalKind, GoalResult, GradingPolicy, Intervention,
    InterventionKind, InterventionStatus, Language, Period, QualitativeAssessment, Report,
    ShareBasis, ShareResult,
};
use pyo3::prelude::*;

use crate::assessments::{assessments_frame, Level, PyAssessmentList, GOAL};
use crate::convert::{
    code_out, decimal_in, decimal_opt_in, decimal_opt_out, decimal_out, decision_in, grade_in,
    grade_opt_out, grade_out, parse, repr_decimal, repr_grade, repr_str, Arg, Named, SV,
};
use crate::economics::PyEconomics;
use crate::errors::{catch, run, Result};
use crate::flows::{PyEndReasonTable, PyFlowTable};
use crate::outcome::{PyAssessment, PyCalibration};
use crate::text::{self, PyTextIntervention, PyTextReport, TextRowArgs};

/// The format argument's default, Markdown.
const MARKDOWN: Arg<Format> = Arg(Format::Markdown);

impl Named for Period {
    const FIELD: &'static str = "period";
    fn read(text: &str) -> finsam_core::Result<Period> {
        text.parse()
    }
}

/// The policy argument: the given policy, or the default one.
pub(crate) fn policy_or_default(policy: Option<PyRef<'_, PyGradingPolicy>>) -> GradingPolicy {
    policy.map(|p| p.inner.clone()).unwrap_or_default()
}

/// Pickling (and `copy`) of a class that reads its own JSON: `(cls.from_json, (json,))`.
fn reduce_by_json<T: pyo3::PyClass>(
    slf: &Bound<'_, T>,
    json: String,
) -> Result<(Py<PyAny>, (String,))> {
    Ok((
        slf.as_any().get_type().getattr("from_json")?.unbind(),
        (json,),
    ))
}

/// A report of one association for one period.
#[pyclass(name = "Report", module = "finsam", frozen, eq, hash, from_py_object)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyReport {
    pub(crate) inner: Report,
}

#[pymethods]
impl PyReport {
    #[new]
    #[pyo3(signature = (organisation, period, interventions = Vec::new()))]
    fn new(
        organisation: &str,
        period: Arg<Period>,
        interventions: Vec<PyIntervention>,
    ) -> Result<Self> {
        let mut report = Report::new(organisation, period.0)?;
        report.interventions = interventions.into_iter().map(|i| i.inner).collect();
        report.validate()?;
        Ok(PyReport { inner: report })
    }

    /// Reads a report from the JSON format.
    #[staticmethod]
    fn from_json(text: &str) -> Result<Self> {
        Ok(PyReport {
            inner: catch(|| Report::from_json(text))?,
        })
    }

    /// Reads a report from a JSON file.
    #[staticmethod]
    fn load(path: PathBuf) -> Result<Self> {
        let text = std::fs::read_to_string(&path)?;
        Ok(PyReport {
            inner: catch(|| Report::from_json(&text))?,
        })
    }

    /// Builds a report from the rows of a goal-fulfilment table pasted as text: an iterable
    /// of dicts (keys `name`, `goals`, `results`, `grade`, `id`, `kind`), of tuples in that
    /// order (3 to 6 values), or a pandas `DataFrame` with those columns. Returns the report
    /// with each row as parsed and its issues; errors name the row (`[2].grade`).
    #[staticmethod]
    fn from_text(
        organisation: &str,
        period: Arg<Period>,
        rows: &Bound<'_, PyAny>,
    ) -> Result<PyTextReport> {
        text::report_from_text(organisation, period.0, rows)
    }

    /// The report in the JSON format.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, pretty: bool) -> String {
        if pretty {
            self.inner.to_json_pretty()
        } else {
            self.inner.to_json()
        }
    }

    /// Writes the report to a JSON file (indented unless `pretty` is false).
    #[pyo3(signature = (path, pretty = true))]
    fn save(&self, path: PathBuf, pretty: bool) -> Result<()> {
        let mut text = self.to_json(pretty);
        text.push('\n');
        std::fs::write(&path, text)?;
        Ok(())
    }

    #[getter]
    fn organisation(&self) -> &str {
        &self.inner.organisation
    }

    #[getter]
    fn period(&self) -> String {
        self.inner.period.to_string()
    }

    #[getter]
    fn interventions(&self) -> Vec<PyIntervention> {
        self.inner
            .interventions
            .iter()
            .cloned()
            .map(|inner| PyIntervention { inner })
            .collect()
    }

    /// The participant-flow table, when the report has one.
    #[getter]
    fn flows(&self) -> Option<PyFlowTable> {
        self.inner.flows.clone().map(|inner| PyFlowTable { inner })
    }

    /// The end-reason table, when the report has one.
    #[getter]
    fn end_reasons(&self) -> Option<PyEndReasonTable> {
        self.inner
            .end_reasons
            .clone()
            .map(|inner| PyEndReasonTable { inner })
    }

    /// The economics (statement, cost rules, per-intervention table, forecast), when the
    /// report has them.
    #[getter]
    fn economics(&self) -> Option<PyEconomics> {
        self.inner
            .economics
            .clone()
            .map(|inner| PyEconomics { inner })
    }

    /// The intervention with this id, or `None`.
    fn intervention(&self, id: &str) -> Option<PyIntervention> {
        self.inner
            .intervention(id)
            .cloned()
            .map(|inner| PyIntervention { inner })
    }

    /// Checks the report's arithmetic and returns what does not hold, as a
    /// `DiagnosticList`. The report is not changed.
    fn check(slf: PyRef<'_, Self>) -> Result<Py<PyAny>> {
        crate::_finsam::check(slf.py(), slf)
    }

    /// Grades every intervention, in order.
    #[pyo3(signature = (policy = None))]
    fn grade(
        &self,
        py: Python<'_>,
        policy: Option<PyRef<'_, PyGradingPolicy>>,
    ) -> Result<Py<PyAny>> {
        let policy = policy_or_default(policy);
        Ok(PyAssessmentList::new_py(
            py,
            catch(|| self.inner.grade(&policy))?,
        )?)
    }

    /// Finds the band edges that agree best with the decided grades.
    #[pyo3(signature = (policy = None))]
    fn calibrate(&self, policy: Option<PyRef<'_, PyGradingPolicy>>) -> Result<PyCalibration> {
        let policy = policy_or_default(policy);
        Ok(catch(|| self.inner.calibrate(&policy))?.into())
    }

    /// The graded report as a pandas DataFrame, one row per goal or per intervention.
    #[pyo3(signature = (level = GOAL, policy = None, language = SV))]
    fn to_pandas(
        &self,
        py: Python<'_>,
        level: Arg<Level>,
        policy: Option<PyRef<'_, PyGradingPolicy>>,
        language: Arg<Language>,
    ) -> Result<Py<PyAny>> {
        let policy = policy_or_default(policy);
        let assessments = catch(|| self.inner.grade(&policy))?;
        assessments_frame(py, &assessments, level.0, language.0)
    }

    /// The goal-fulfilment table (Insats | Mål | Resultat | Måluppfyllelse) as HTML.
    #[pyo3(signature = (policy = None, language = SV))]
    fn to_html(
        &self,
        policy: Option<PyRef<'_, PyGradingPolicy>>,
        language: Arg<Language>,
    ) -> Result<String> {
        let policy = policy_or_default(policy);
        catch(|| finsam_core::render::report_table(&self.inner, &policy, language.0))
    }

    fn _repr_html_(&self) -> Result<String> {
        self.to_html(None, SV)
    }

    /// The goal-fulfilment summary (Insats | Mål | Resultat | Måluppfyllelse), every
    /// intervention graded with `policy`, as `markdown`, a standalone `html` document or `csv`.
    #[pyo3(signature = (format = MARKDOWN, language = SV, policy = None))]
    fn render(
        &self,
        format: Arg<Format>,
        language: Arg<Language>,
        policy: Option<PyRef<'_, PyGradingPolicy>>,
    ) -> Result<String> {
        let policy = policy_or_default(policy);
        catch(|| finsam_core::render::render_goal_table(&self.inner, &policy, format.0, language.0))
    }

    /// The participant-flow table in `format` (`markdown`, `html` or `csv`), or `None` when the
    /// report has none.
    #[pyo3(signature = (format = MARKDOWN, language = SV))]
    fn render_flows(&self, format: Arg<Format>, language: Arg<Language>) -> Result<Option<String>> {
        run(|| finsam_core::render::render_flow_table(&self.inner, format.0, language.0))
    }

    /// The report's tables as an .xlsx workbook (one sheet per table, typed cells), sheet
    /// names and headers in `language`, every intervention graded with `policy`.
    #[pyo3(signature = (language = SV, policy = None))]
    fn to_xlsx<'py>(
        &self,
        py: Python<'py>,
        language: Arg<Language>,
        policy: Option<PyRef<'_, PyGradingPolicy>>,
    ) -> Result<Bound<'py, pyo3::types::PyBytes>> {
        let policy = policy_or_default(policy);
        let bytes = catch(|| finsam_core::write::report_xlsx(&self.inner, &policy, language.0))?;
        Ok(pyo3::types::PyBytes::new(py, &bytes))
    }

    /// The report's appendix as a Word document (.docx) in `language`, every intervention
    /// graded with `policy`; with `template` (the bytes of a .docx), in the template's styles.
    #[pyo3(signature = (language = SV, policy = None, template = None))]
    fn to_docx<'py>(
        &self,
        py: Python<'py>,
        language: Arg<Language>,
        policy: Option<PyRef<'_, PyGradingPolicy>>,
        template: Option<&[u8]>,
    ) -> Result<Bound<'py, pyo3::types::PyBytes>> {
        let policy = policy_or_default(policy);
        let bytes =
            catch(|| finsam_core::write::write_docx(&self.inner, &policy, language.0, template))?;
        Ok(pyo3::types::PyBytes::new(py, &bytes))
    }

    fn __reduce__(slf: &Bound<'_, Self>) -> Result<(Py<PyAny>, (String,))> {
        reduce_by_json(slf, slf.get().inner.to_json())
    }

    fn __repr__(&self, py: Python<'_>) -> Result<String> {
        Ok(format!(
            "<Report {} {}: {} intervention(s)>",
            repr_str(py, &self.inner.organisation)?,
            self.inner.period,
            self.inner.interventions.len()
        ))
    }
}

/// An intervention (*insats*) with its goals and the grade the association decided.
#[pyclass(
    name = "Intervention",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyIntervention {
    pub(crate) inner: Intervention,
}

#[pymethods]
impl PyIntervention {
    #[new]
    #[pyo3(signature = (
        id, name, kind = "individual", status = "active", goals = Vec::new(), decided_grade = None,
        aliases = Vec::new(), owner = None, partners = Vec::new(), target_group = None,
        start_year = None, notes = None
    ))]
    #[allow(clippy::too_many_arguments)] // One keyword argument per field, as Python expects.
    fn new(
        id: &str,
        name: &str,
        kind: &str,
        status: &str,
        goals: Vec<PyGoal>,
        decided_grade: Option<&Bound<'_, PyAny>>,
        aliases: Vec<String>,
        owner: Option<String>,
        partners: Vec<String>,
        target_group: Option<String>,
        start_year: Option<u16>,
        notes: Option<String>,
    ) -> Result<Self> {
        let mut inner = Intervention::new(id, name, parse::<InterventionKind>(kind)?)?;
        inner.status = parse::<InterventionStatus>(status)?;
        inner.goals = goals.into_iter().map(|g| g.inner).collect();
        inner.decided_grade = decided_grade_in(decided_grade)?;
        inner.aliases = aliases;
        inner.owner = owner;
        inner.partners = partners;
        inner.target_group = target_group;
        inner.start_year = start_year;
        inner.notes = notes;
        Ok(PyIntervention { inner })
    }

    /// Builds an intervention from a row of text: its name, goal cell, result cell and printed
    /// grade ("Mycket God", "Ej tillämpbar"). Returns the intervention with the cells as parsed
    /// and what the parser is unsure of; the id is made from the name unless given.
    #[staticmethod]
    #[pyo3(signature = (name, goals, results, grade = None, id = None, kind = "individual"))]
    fn from_text(
        name: String,
        goals: String,
        results: String,
        grade: Option<String>,
        id: Option<String>,
        kind: &str,
    ) -> Result<PyTextIntervention> {
        let row = TextRowArgs {
            name,
            goals,
            results,
            grade,
            id,
        };
        text::intervention_from_text(row, parse::<InterventionKind>(kind)?)
    }

    /// Reads an intervention from its JSON form.
    #[staticmethod]
    fn from_json(text: &str) -> Result<Self> {
        Ok(PyIntervention {
            inner: catch(|| finsam_core::format::from_json(text))?,
        })
    }

    /// The intervention in the JSON format.
    #[pyo3(signature = (pretty = false))]
    fn to_json(&self, pretty: bool) -> String {
        if pretty {
            finsam_core::format::to_json_pretty(&self.inner)
        } else {
            finsam_core::format::to_json(&self.inner)
        }
    }

    fn __reduce__(slf: &Bound<'_, Self>) -> Result<(Py<PyAny>, (String,))> {
        reduce_by_json(slf, finsam_core::format::to_json(&slf.get().inner))
    }

    #[getter]
    fn id(&self) -> &str {
        self.inner.id.as_str()
    }
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }
    #[getter]
    fn kind(&self) -> String {
        code_out(&self.inner.kind)
    }
    #[getter]
    fn status(&self) -> String {
        code_out(&self.inner.status)
    }
    #[getter]
    fn goals(&self) -> Vec<PyGoal> {
        self.inner
            .goals
            .iter()
            .cloned()
            .map(|inner| PyGoal { inner })
            .collect()
    }
    #[getter]
    fn decided_grade(&self) -> Option<PyDecidedGrade> {
        self.inner
            .decided_grade
            .clone()
            .map(|inner| PyDecidedGrade { inner })
    }
    #[getter]
    fn aliases(&self) -> Vec<String> {
        self.inner.aliases.clone()
    }
    #[getter]
    fn owner(&self) -> Option<&str> {
        self.inner.owner.as_deref()
    }
    #[getter]
    fn partners(&self) -> Vec<String> {
        self.inner.partners.clone()
    }
    #[getter]
    fn target_group(&self) -> Option<&str> {
        self.inner.target_group.as_deref()
    }
    #[getter]
    fn start_year(&self) -> Option<u16> {
        self.inner.start_year
    }
    #[getter]
    fn notes(&self) -> Option<&str> {
        self.inner.notes.as_deref()
    }
    /// The budget and outcome the intervention's own section states (a `StatedBudget`), if
    /// the report has them.
    #[getter]
    fn budget(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        crate::convert::record_opt(py, "StatedBudget", self.inner.budget.as_ref())
    }
    /// The participant figures its section states in its prose (`StatedCounts` records).
    #[getter]
    fn stated_counts(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        crate::convert::records(py, "StatedCounts", &self.inner.stated_counts)
    }

    /// Whether `name` is the intervention's name or one of its aliases (ignoring case and
    /// whitespace).
    fn is_called(&self, name: &str) -> bool {
        self.inner.is_called(name)
    }

    /// Grades the intervention.
    #[pyo3(signature = (policy = None))]
    fn grade(&self, policy: Option<PyRef<'_, PyGradingPolicy>>) -> Result<PyAssessment> {
        let policy = policy_or_default(policy);
        Ok(PyAssessment::own(catch(|| {
            finsam_core::grade(&self.inner, &policy)
        })?))
    }

    fn __repr__(&self, py: Python<'_>) -> Result<String> {
        let goals = self
            .inner
            .goals
            .iter()
            .map(|g| goal_repr(py, g))
            .collect::<Result<Vec<_>>>()?
            .join(", ");
        let decided = match &self.inner.decided_grade {
            Some(d) => format!(", decided_grade={}", decided_repr(py, d)?),
            None => String::new(),
        };
        Ok(format!(
            "Intervention(id={}, name={}, kind={}, status={}, goals=[{goals}]{decided})",
            repr_str(py, self.inner.id.as_str())?,
            repr_str(py, &self.inner.name)?,
            repr_str(py, &code_out(&self.inner.kind))?,
            repr_str(py, &code_out(&self.inner.status))?,
        ))
    }
}

/// The `decided_grade` argument: a `DecidedGrade`, a `Grade`, a printed grade or `None`.
fn decided_grade_in(value: Option<&Bound<'_, PyAny>>) -> Result<Option<DecidedGrade>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if let Ok(decided) = value.cast::<PyDecidedGrade>() {
        return Ok(Some(decided.get().inner.clone()));
    }
    if let Ok(printed) = value.extract::<String>() {
        return Ok(Some(
            DecidedGrade::from_printed(&printed).map_err(|e| e.under("decided_grade"))?,
        ));
    }
    Ok(Some(DecidedGrade::new(decision_in(
        value,
        "decided_grade",
    )?)))
}

fn goal_repr(py: Python<'_>, goal: &Goal) -> Result<String> {
    let mut args = vec![repr_str(py, goal.description())?];
    if let Some(target) = goal.target() {
        args.push(repr_decimal(target));
    }
    if goal.direction() != Direction::AtLeast {
        args.push(format!(
            "direction={}",
            repr_str(py, goal.direction().code())?
        ));
    }
    if let Some(unit) = goal.unit() {
        args.push(format!("unit={}", repr_str(py, unit)?));
    }
    args.push(format!("result={}", result_repr(py, goal.result())?));
    Ok(format!("Goal.{}({})", goal.kind().code(), args.join(", ")))
}

/// A goal (*mål*) with the result reported for it.
#[pyclass(name = "Goal", module = "finsam", frozen, eq, hash, from_py_object)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyGoal {
    pub(crate) inner: Goal,
}

impl PyGoal {
    fn build(
        description: &str,
        kind: GoalKind,
        target: Option<&Bound<'_, PyAny>>,
        direction: &str,
        unit: Option<String>,
        result: Option<PyGoalResult>,
    ) -> Result<PyGoal> {
        let target = decimal_opt_in(target, "target")?;
        let direction = parse::<Direction>(direction)?;
        let result = result.map(|r| r.inner).unwrap_or_else(GoalResult::missing);
        Ok(PyGoal {
            inner: Goal::new(description, kind, target, direction, unit, result)?,
        })
    }
}

#[pymethods]
impl PyGoal {
    #[new]
    #[pyo3(signature = (description, kind, target = None, direction = "at_least", unit = None, result = None))]
    fn new(
        description: &str,
        kind: &str,
        target: Option<&Bound<'_, PyAny>>,
        direction: &str,
        unit: Option<String>,
        result: Option<PyGoalResult>,
    ) -> Result<Self> {
        let kind = parse::<GoalKind>(kind)?;
        PyGoal::build(description, kind, target, direction, unit, result)
    }

    /// A count goal: "80 nya deltagare".
    #[staticmethod]
    #[pyo3(signature = (description, target, direction = "at_least", unit = None, result = None))]
    fn count(
        description: &str,
        target: &Bound<'_, PyAny>,
        direction: &str,
        unit: Option<String>,
        result: Option<PyGoalResult>,
    ) -> Result<Self> {
        PyGoal::build(
            description,
            GoalKind::Count,
            Some(target),
            direction,
            unit,
            result,
        )
    }

    /// A share goal with a target percentage 0–100: "30 % till arbete/studier".
    #[staticmethod]
    #[pyo3(signature = (description, target, direction = "at_least", unit = None, result = None))]
    fn share(
        description: &str,
        target: &Bound<'_, PyAny>,
        direction: &str,
        unit: Option<String>,
        result: Option<PyGoalResult>,
    ) -> Result<Self> {
        PyGoal::build(
            description,
            GoalKind::Share,
            Some(target),
            direction,
            unit,
            result,
        )
    }

    /// A qualitative goal: "Ökad programtrohet".
    #[staticmethod]
    #[pyo3(signature = (description, unit = None, result = None))]
    fn qualitative(
        description: &str,
        unit: Option<String>,
        result: Option<PyGoalResult>,
    ) -> Result<Self> {
        PyGoal::build(
            description,
            GoalKind::Qualitative,
            None,
            "at_least",
            unit,
            result,
        )
    }

    /// The same goal with another result.
    fn with_result(&self, result: PyGoalResult) -> Result<Self> {
        Ok(PyGoal {
            inner: self.inner.clone().with_result(result.inner)?,
        })
    }

    #[getter]
    fn description(&self) -> &str {
        self.inner.description()
    }
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind().code()
    }
    #[getter]
    fn target(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.target())
    }
    #[getter]
    fn direction(&self) -> &'static str {
        self.inner.direction().code()
    }
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.inner.unit()
    }
    #[getter]
    fn result(&self) -> PyGoalResult {
        PyGoalResult {
            inner: self.inner.result().clone(),
        }
    }
    /// The code of the flow figure the goal measures (e.g. `new_participants`), if linked.
    #[getter]
    fn measures(&self) -> Option<&'static str> {
        self.inner.measures().map(FlowMeasure::code)
    }
    /// Whether the association set the goal and locked it against editing in a form (`locked`
    /// in the JSON format): the owner then enters its results only.
    #[getter]
    fn locked(&self) -> bool {
        self.inner.is_locked()
    }

    fn __repr__(&self, py: Python<'_>) -> Result<String> {
        goal_repr(py, &self.inner)
    }
}

pub(crate) fn result_repr(py: Python<'_>, result: &GoalResult) -> Result<String> {
    let wording = |w: &Option<String>| -> Result<String> {
        Ok(match w {
            Some(w) => repr_str(py, w)?,
            None => String::new(),
        })
    };
    Ok(match result {
        GoalResult::Count(count) => match count.text() {
            Some(text) => format!(
                "Result.count({}, text={})",
                repr_decimal(count.value()),
                repr_str(py, text)?
            ),
            None => format!("Result.count({})", repr_decimal(count.value())),
        },
        GoalResult::Share(share) => {
            let mut args = Vec::new();
            let fields = [
                ("percent", share.percent()),
                ("numerator", share.numerator()),
                ("denominator", share.denominator()),
            ];
            for (name, value) in fields {
                if let Some(value) = value {
                    args.push(format!("{name}={}", repr_decimal(value)));
                }
            }
            if let Some(text) = share.text() {
                args.push(format!("text={}", repr_str(py, text)?));
            }
            format!("Result.share({})", args.join(", "))
        }
        GoalResult::Qualitative(q) => format!(
            "Result.qualitative({}, {})",
            repr_str(py, q.text())?,
            repr_str(py, q.assessment().code())?
        ),
        GoalResult::NotMeasured { wording: w } => format!("Result.not_measured({})", wording(w)?),
        GoalResult::NotApplicable { wording: w } => {
            format!("Result.not_applicable({})", wording(w)?)
        }
        GoalResult::Missing { wording: w } => format!("Result.missing({})", wording(w)?),
    })
}

/// The result reported for a goal (*resultat*).
#[pyclass(name = "Result", module = "finsam", frozen, eq, hash, from_py_object)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyGoalResult {
    pub(crate) inner: GoalResult,
}

#[pymethods]
impl PyGoalResult {
    /// A count: "96 deltagare".
    #[staticmethod]
    #[pyo3(signature = (value, text = None))]
    fn count(value: &Bound<'_, PyAny>, text: Option<String>) -> Result<Self> {
        let value = decimal_in(value, "value")?;
        let count = finsam_core::CountResult::new(value)?.with_text(text);
        Ok(PyGoalResult {
            inner: GoalResult::Count(count),
        })
    }

    /// A share: a printed percentage, a fraction "n av N", or both.
    #[staticmethod]
    #[pyo3(signature = (percent = None, numerator = None, denominator = None, text = None))]
    fn share(
        percent: Option<&Bound<'_, PyAny>>,
        numerator: Option<&Bound<'_, PyAny>>,
        denominator: Option<&Bound<'_, PyAny>>,
        text: Option<String>,
    ) -> Result<Self> {
        let percent = decimal_opt_in(percent, "percent")?;
        let numerator = decimal_opt_in(numerator, "numerator")?;
        let denominator = decimal_opt_in(denominator, "denominator")?;
        // Read as the format reads a share, so that every check (an incomplete fraction
        // included) is the core's.
        let mut share = serde_json::Map::new();
        share.insert("type".into(), "share".into());
        let fields = [
            ("percent", percent),
            ("numerator", numerator),
            ("denominator", denominator),
        ];
        for (field, value) in fields {
            if let Some(value) = value {
                share.insert(field.into(), value.to_string().into());
            }
        }
        if let Some(text) = text {
            share.insert("text".into(), text.into());
        }
        let share = serde_json::Value::Object(share);
        // Strict, as a form is: a share that cannot be loads only from a report as printed.
        let share: GoalResult = catch(|| finsam_core::format::from_json(&share.to_string()))?;
        Ok(PyGoalResult {
            inner: share.strict()?,
        })
    }

    /// A statement in words with a person's assessment: `reached`, `not_reached` or
    /// `not_assessed`.
    #[staticmethod]
    fn qualitative(text: &str, assessment: &str) -> Result<Self> {
        let assessment = parse::<QualitativeAssessment>(assessment)?;
        Ok(PyGoalResult {
            inner: GoalResult::qualitative(text, assessment)?,
        })
    }

    /// Not measured ("Ej mätbart", "Mätning ej gjord").
    #[staticmethod]
    #[pyo3(signature = (wording = None))]
    fn not_measured(wording: Option<String>) -> Self {
        PyGoalResult {
            inner: GoalResult::not_measured(wording),
        }
    }

    /// Not applicable this period ("Ej tillämpbart").
    #[staticmethod]
    #[pyo3(signature = (wording = None))]
    fn not_applicable(wording: Option<String>) -> Self {
        PyGoalResult {
            inner: GoalResult::not_applicable(wording),
        }
    }

    /// No result reported ("Resultat saknas").
    #[staticmethod]
    #[pyo3(signature = (wording = None))]
    fn missing(wording: Option<String>) -> Self {
        PyGoalResult {
            inner: GoalResult::Missing { wording },
        }
    }

    /// The form: `count`, `share`, `qualitative`, `not_measured`, `not_applicable`, `missing`.
    #[getter]
    fn r#type(&self) -> &'static str {
        self.inner.code()
    }
    #[getter]
    fn value(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        match &self.inner {
            GoalResult::Count(count) => decimal_out(py, count.value()).map(Some),
            _ => Ok(None),
        }
    }
    #[getter]
    fn percent(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.share_result().and_then(ShareResult::percent))
    }
    #[getter]
    fn numerator(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.share_result().and_then(ShareResult::numerator))
    }
    #[getter]
    fn denominator(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.share_result().and_then(ShareResult::denominator))
    }
    /// The exact percentage of the fraction, if one is given.
    #[getter]
    fn fraction_percent(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        decimal_opt_out(
            py,
            self.share_result().and_then(ShareResult::fraction_percent),
        )
    }
    #[getter]
    fn text(&self) -> Option<&str> {
        match &self.inner {
            GoalResult::Count(count) => count.text(),
            GoalResult::Share(share) => share.text(),
            GoalResult::Qualitative(q) => Some(q.text()),
            _ => None,
        }
    }
    #[getter]
    fn assessment(&self) -> Option<&'static str> {
        match &self.inner {
            GoalResult::Qualitative(q) => Some(q.assessment().code()),
            _ => None,
        }
    }
    #[getter]
    fn wording(&self) -> Option<&str> {
        match &self.inner {
            GoalResult::NotMeasured { wording }
            | GoalResult::NotApplicable { wording }
            | GoalResult::Missing { wording } => wording.as_deref(),
            _ => None,
        }
    }

    fn __repr__(&self, py: Python<'_>) -> Result<String> {
        result_repr(py, &self.inner)
    }
}

impl PyGoalResult {
    fn share_result(&self) -> Option<&ShareResult> {
        match &self.inner {
            GoalResult::Share(share) => Some(share),
            _ => None,
        }
    }
}

fn decided_repr(py: Python<'_>, decided: &DecidedGrade) -> Result<String> {
    let grade = match decided.decision.grade() {
        Some(grade) => repr_grade(grade),
        None => repr_str(py, "Ej tillämpbar")?,
    };
    let mut text = format!("DecidedGrade({grade}");
    if let Some(printed) = &decided.printed {
        text.push_str(&format!(", printed={}", repr_str(py, printed)?));
    }
    if let Some(reason) = &decided.reason {
        text.push_str(&format!(", reason={}", repr_str(py, reason)?));
    }
    text.push(')');
    Ok(text)
}

/// The grade an association decided: a grade, or "Ej tillämpbar".
#[pyclass(
    name = "DecidedGrade",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyDecidedGrade {
    pub(crate) inner: DecidedGrade,
}

#[pymethods]
impl PyDecidedGrade {
    #[new]
    #[pyo3(signature = (grade, printed = None, reason = None))]
    fn new(
        grade: &Bound<'_, PyAny>,
        printed: Option<String>,
        reason: Option<String>,
    ) -> Result<Self> {
        let decision = decision_in(grade, "grade")?;
        let inner = DecidedGrade {
            decision,
            printed: printed.map(Into::into),
            reason: reason.map(Into::into),
        };
        Ok(PyDecidedGrade { inner })
    }

    /// Reads a grade as a report prints it ("Mycket God", "Godtagbart", "Ej tillämpbar") and
    /// keeps the printed text.
    #[staticmethod]
    #[pyo3(signature = (printed, reason = None))]
    fn from_printed(printed: &str, reason: Option<String>) -> Result<Self> {
        let mut inner = DecidedGrade::from_printed(printed)?;
        inner.reason = reason.map(Into::into);
        Ok(PyDecidedGrade { inner })
    }

    /// The decided grade; `None` for "Ej tillämpbar".
    #[getter]
    fn grade(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        grade_opt_out(py, self.inner.decision.grade())
    }
    /// Whether the association decided "Ej tillämpbar".
    #[getter]
    fn not_applicable(&self) -> bool {
        self.inner.decision.grade().is_none()
    }
    /// The stable code: a grade's code or `not_applicable`.
    #[getter]
    fn code(&self) -> &'static str {
        self.inner.decision.code()
    }
    #[getter]
    fn printed(&self) -> Option<&str> {
        self.inner.printed.as_deref()
    }
    #[getter]
    fn reason(&self) -> Option<&str> {
        self.inner.reason.as_deref()
    }

    /// The label in `language` ("Ej tillämpbar" included).
    #[pyo3(signature = (language = SV))]
    fn label(&self, language: Arg<Language>) -> &'static str {
        self.inner.decision.label(language.0)
    }

    fn __repr__(&self, py: Python<'_>) -> Result<String> {
        decided_repr(py, &self.inner)
    }
}

/// How interventions are graded: band edges, the cap for unmeasured goals, the grade when
/// nothing was measured, and which figure of a share counts.
#[pyclass(
    name = "GradingPolicy",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyGradingPolicy {
    pub(crate) inner: GradingPolicy,
}

#[pymethods]
impl PyGradingPolicy {
    #[new]
    #[pyo3(signature = (
        *, very_good = None, good = None, acceptable = None, unmeasured_cap = None,
        none_measured = None, share_basis = None
    ))]
    fn new(
        very_good: Option<&Bound<'_, PyAny>>,
        good: Option<&Bound<'_, PyAny>>,
        acceptable: Option<&Bound<'_, PyAny>>,
        unmeasured_cap: Option<&Bound<'_, PyAny>>,
        none_measured: Option<&Bound<'_, PyAny>>,
        share_basis: Option<&str>,
    ) -> Result<Self> {
        let default = GradingPolicy::default();
        let mut policy = default.with_edges(
            decimal_opt_in(very_good, "very_good")?.unwrap_or(default.very_good()),
            decimal_opt_in(good, "good")?.unwrap_or(default.good()),
            decimal_opt_in(acceptable, "acceptable")?.unwrap_or(default.acceptable()),
        )?;
        if let Some(cap) = unmeasured_cap.filter(|v| !v.is_none()) {
            policy = policy.with_unmeasured_cap(grade_in(cap, "unmeasured_cap")?);
        }
        if let Some(grade) = none_measured.filter(|v| !v.is_none()) {
            policy = policy.with_none_measured(grade_in(grade, "none_measured")?);
        }
        if let Some(basis) = share_basis {
            policy = policy.with_share_basis(parse::<ShareBasis>(basis)?);
        }
        Ok(PyGradingPolicy { inner: policy })
    }

    /// Reads a policy from its JSON form; absent fields take the default.
    #[staticmethod]
    fn from_json(text: &str) -> Result<Self> {
        Ok(PyGradingPolicy {
            inner: GradingPolicy::from_json(text)?,
        })
    }

    /// The policy as JSON.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    fn __reduce__(slf: &Bound<'_, Self>) -> Result<(Py<PyAny>, (String,))> {
        reduce_by_json(slf, slf.get().inner.to_json())
    }

    #[getter]
    fn very_good(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        decimal_out(py, self.inner.very_good())
    }
    #[getter]
    fn good(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        decimal_out(py, self.inner.good())
    }
    #[getter]
    fn acceptable(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        decimal_out(py, self.inner.acceptable())
    }
    #[getter]
    fn unmeasured_cap(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        grade_out(py, self.inner.unmeasured_cap())
    }
    #[getter]
    fn none_measured(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        grade_out(py, self.inner.none_measured())
    }
    #[getter]
    fn share_basis(&self) -> String {
        code_out(&self.inner.share_basis())
    }
    /// The lower band edges `(very_good, good, acceptable)`.
    #[getter]
    fn edges(&self, py: Python<'_>) -> Result<(Py<PyAny>, Py<PyAny>, Py<PyAny>)> {
        Ok((self.very_good(py)?, self.good(py)?, self.acceptable(py)?))
    }

    /// The grade whose band holds `score` (lower edges inclusive).
    fn band(&self, py: Python<'_>, score: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let grade = self.inner.band(decimal_in(score, "score")?);
        grade_out(py, grade)
    }

    /// The lower edge of `grade`'s band; `None` for Ej uppfyllt.
    fn edge(&self, py: Python<'_>, grade: &Bound<'_, PyAny>) -> Result<Option<Py<PyAny>>> {
        let edge = self.inner.edge(grade_in(grade, "grade")?);
        decimal_opt_out(py, edge)
    }

    fn __repr__(&self) -> String {
        let p = &self.inner;
        format!(
            "GradingPolicy(very_good={}, good={}, acceptable={}, unmeasured_cap={}, none_measured={}, share_basis='{}')",
            repr_decimal(p.very_good()),
            repr_decimal(p.good()),
            repr_decimal(p.acceptable()),
            repr_grade(p.unmeasured_cap()),
            repr_grade(p.none_measured()),
            code_out(&p.share_basis())
        )
    }
}
