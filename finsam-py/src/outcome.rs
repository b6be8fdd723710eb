//! What grading, calibration and the checker return, as Python handles with behaviour:
//! `Assessment`, `GoalAssessment`, `Rule`, `Calibration`, `ConfusionMatrix` and `Diagnostic`
//! (their explanations and messages are the core's). The records inside them (`Disagreement`,
//! `Excluded`) are dataclasses built from the core's serde output.

use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

use finsam_core::{Assessment, Calibration, ConfusionMatrix, Diagnostic, GoalAssessment};
use finsam_core::{Language, Rule};
use pyo3::prelude::*;

use crate::convert::{
    decimal_opt_in, decimal_opt_out, decimal_out, grade_in, grade_opt_out, grade_out, record,
    records, repr_decimal, repr_grade, repr_opt_decimal, repr_str, Arg, SV,
};
use crate::errors::{run, Result};
use crate::model::{PyDecidedGrade, PyGoalResult, PyGradingPolicy};

fn repr_opt_grade(grade: Option<finsam_core::Grade>) -> String {
    grade.map(repr_grade).unwrap_or_else(|| "None".to_owned())
}

/// The grading of one intervention.
#[pyclass(
    name = "Assessment",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyAssessment {
    pub(crate) inner: Held,
}

/// The assessment an `Assessment` object stands for: its own, or an item of an
/// `AssessmentList`, read in place (the list cannot change, so the item stays where it is).
#[derive(Clone)]
pub(crate) struct Held(Place);

#[derive(Clone)]
enum Place {
    Own(Arc<Assessment>),
    Item(Arc<Vec<Assessment>>, usize),
}

impl PyAssessment {
    /// An assessment of its own.
    pub(crate) fn own(assessment: Assessment) -> PyAssessment {
        PyAssessment {
            inner: Held::own(assessment),
        }
    }
}

impl Held {
    /// An assessment of its own.
    pub(crate) fn own(assessment: Assessment) -> Held {
        Held(Place::Own(Arc::new(assessment)))
    }

    /// Item `index` of `list`, or `None` past its end.
    pub(crate) fn item(list: &Arc<Vec<Assessment>>, index: usize) -> Option<Held> {
        (index < list.len()).then(|| Held(Place::Item(Arc::clone(list), index)))
    }
}

impl Deref for Held {
    type Target = Assessment;

    fn deref(&self) -> &Assessment {
        match &self.0 {
            Place::Own(assessment) => assessment,
            #[allow(
                clippy::indexing_slicing,
                reason = "`Held::item` is the only way to an item, and it checks the index against a list that never changes"
            )]
            Place::Item(list, index) => &list[*index],
        }
    }
}

impl PartialEq for Held {
    fn eq(&self, other: &Held) -> bool {
        **self == **other
    }
}

impl Eq for Held {}

impl Hash for Held {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (**self).hash(state);
    }
}

#[pymethods]
impl PyAssessment {
    #[getter]
    fn intervention_id(&self) -> &str {
        self.inner.intervention_id.as_str()
    }
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
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
    #[getter]
    fn goals(&self) -> Vec<PyGoalAssessment> {
        self.inner
            .goals
            .iter()
            .cloned()
            .map(|inner| PyGoalAssessment { inner })
            .collect()
    }
    #[getter]
    fn rule(&self) -> PyRule {
        PyRule {
            inner: self.inner.rule,
        }
    }
    #[getter]
    fn decided(&self) -> Option<PyDecidedGrade> {
        self.inner
            .decided
            .clone()
            .map(|inner| PyDecidedGrade { inner })
    }
    /// How the decided grade compares with the computed one: `agrees`, `decided_higher`,
    /// `decided_lower`, `decided_not_applicable`, `not_computed`; `None` if none was decided.
    #[getter]
    fn comparison(&self) -> Option<&'static str> {
        self.inner.comparison.map(|c| c.code())
    }
    #[getter]
    fn measured_goals(&self) -> usize {
        self.inner.measured_goals()
    }
    #[getter]
    fn differs_from_decided(&self) -> bool {
        self.inner.differs_from_decided()
    }

    /// The whole explanation: headline, one line per goal, the rule, the comparison.
    #[pyo3(signature = (language = SV))]
    fn explain(&self, language: Arg<Language>) -> Result<String> {
        run(|| self.inner.explain(language.0))
    }

    /// The headline: the name, the computed grade and the score.
    #[pyo3(signature = (language = SV))]
    fn summary(&self, language: Arg<Language>) -> Result<String> {
        run(|| self.inner.summary(language.0))
    }

    /// The assessment in the JSON format.
    fn to_json(&self) -> String {
        finsam_core::format::to_json(&*self.inner)
    }

    /// The assessment as HTML: its goal-fulfilment table, the rule and the comparison.
    #[pyo3(signature = (language = SV))]
    fn to_html(&self, language: Arg<Language>) -> Result<String> {
        run(|| finsam_core::render::assessment_html(&self.inner, language.0))
    }

    fn _repr_html_(&self) -> Result<String> {
        self.to_html(SV)
    }

    pub(crate) fn __repr__(&self, py: Python<'_>) -> Result<String> {
        Ok(format!(
            "<Assessment {}: grade={}, score={}, rule='{}', comparison={}>",
            repr_str(py, self.inner.intervention_id.as_str())?,
            repr_opt_grade(self.inner.grade),
            repr_opt_decimal(self.inner.score),
            self.inner.rule.code(),
            match self.inner.comparison {
                Some(c) => format!("'{}'", c.code()),
                None => "None".to_owned(),
            }
        ))
    }
}

/// One goal after grading.
#[pyclass(
    name = "GoalAssessment",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyGoalAssessment {
    pub(crate) inner: GoalAssessment,
}

#[pymethods]
impl PyGoalAssessment {
    /// The goal's position in the intervention, from 0.
    #[getter]
    fn index(&self) -> usize {
        self.inner.index
    }
    #[getter]
    fn description(&self) -> &str {
        &self.inner.description
    }
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.code()
    }
    #[getter]
    fn direction(&self) -> &'static str {
        self.inner.direction.code()
    }
    #[getter]
    fn target(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.target)
    }
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.inner.unit.as_deref()
    }
    #[getter]
    fn result(&self) -> PyGoalResult {
        PyGoalResult {
            inner: self.inner.result.as_ref().clone(),
        }
    }
    /// The figure graded: the count, or the share's percentage on the policy's basis.
    #[getter]
    fn value(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.value)
    }
    /// Attainment in [0, 1]; `None` when the goal was not measured or does not apply.
    #[getter]
    fn attainment(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.attainment)
    }
    /// `reached`, `partly_reached`, `not_reached`, `not_measured`, `not_assessed`, `missing`
    /// or `not_applicable`.
    #[getter]
    fn status(&self) -> &'static str {
        self.inner.status.code()
    }

    /// One line on the goal: target, result, attainment and status.
    #[pyo3(signature = (language = SV))]
    fn explain(&self, language: Arg<Language>) -> Result<String> {
        run(|| self.inner.explain(language.0))
    }

    /// The target in words ("minst 80 %"); `None` for a qualitative goal.
    #[pyo3(signature = (language = SV))]
    fn target_text(&self, language: Arg<Language>) -> Result<Option<String>> {
        run(|| self.inner.target_text(language.0))
    }

    /// The result in words ("89 av 93 = 95,7 %").
    #[pyo3(signature = (language = SV))]
    fn result_text(&self, language: Arg<Language>) -> Result<String> {
        run(|| self.inner.result_text(language.0))
    }

    /// The status in words ("delvis uppnått").
    #[pyo3(signature = (language = SV))]
    fn status_label(&self, language: Arg<Language>) -> &'static str {
        self.inner.status.label(language.0)
    }

    fn __repr__(&self, py: Python<'_>) -> Result<String> {
        Ok(format!(
            "<GoalAssessment {}: attainment={}, status='{}'>",
            repr_str(py, &self.inner.description)?,
            repr_opt_decimal(self.inner.attainment),
            self.inner.status.code()
        ))
    }
}

/// The rule that set an intervention's grade.
#[pyclass(name = "Rule", module = "finsam", frozen, eq, hash, from_py_object)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyRule {
    inner: Rule,
}

#[pymethods]
impl PyRule {
    /// `no_gradable_goals`, `none_measured`, `score_band` or `capped_for_unmeasured`.
    #[getter]
    fn code(&self) -> &'static str {
        self.inner.code()
    }
    /// The band the score fell in (`score_band`, `capped_for_unmeasured`).
    #[getter]
    fn band(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let band = match self.inner {
            Rule::ScoreBand { band, .. } | Rule::CappedForUnmeasured { band, .. } => Some(band),
            Rule::NoGradableGoals | Rule::NoneMeasured { .. } => None,
        };
        grade_opt_out(py, band)
    }
    /// The lower edge of the band (`score_band`; `None` for Ej uppfyllt).
    #[getter]
    fn edge(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        let edge = match self.inner {
            Rule::ScoreBand { edge, .. } => edge,
            _ => None,
        };
        decimal_opt_out(py, edge)
    }
    /// The highest grade allowed with unmeasured goals (`score_band`,
    /// `capped_for_unmeasured`).
    #[getter]
    fn cap(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let cap = match self.inner {
            Rule::ScoreBand { cap, .. } | Rule::CappedForUnmeasured { cap, .. } => Some(cap),
            Rule::NoGradableGoals | Rule::NoneMeasured { .. } => None,
        };
        grade_opt_out(py, cap)
    }
    /// How many goals were not measured.
    #[getter]
    fn unmeasured(&self) -> usize {
        match self.inner {
            Rule::NoneMeasured { unmeasured, .. }
            | Rule::ScoreBand { unmeasured, .. }
            | Rule::CappedForUnmeasured { unmeasured, .. } => unmeasured,
            Rule::NoGradableGoals => 0,
        }
    }
    /// The grade the rule gave when no goal was measured (`none_measured`).
    #[getter]
    fn grade(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let grade = match self.inner {
            Rule::NoneMeasured { grade, .. } => Some(grade),
            _ => None,
        };
        grade_opt_out(py, grade)
    }

    /// The rule in words, given the score it was applied to.
    #[pyo3(signature = (score = None, language = SV))]
    fn explain(&self, score: Option<&Bound<'_, PyAny>>, language: Arg<Language>) -> Result<String> {
        Ok(self
            .inner
            .explain(decimal_opt_in(score, "score")?, language.0))
    }

    fn __repr__(&self) -> String {
        format!("<Rule '{}'>", self.inner.code())
    }
}

/// The outcome of calibration: the policy whose edges agree best with the decided grades, and
/// how well.
#[pyclass(name = "Calibration", module = "finsam", frozen, eq)]
#[derive(Clone, PartialEq, Eq)]
pub struct PyCalibration {
    pub(crate) inner: Calibration,
}

impl From<Calibration> for PyCalibration {
    fn from(inner: Calibration) -> PyCalibration {
        PyCalibration { inner }
    }
}

#[pymethods]
impl PyCalibration {
    /// The starting policy with the edges and cap that agree best.
    #[getter]
    fn policy(&self) -> PyGradingPolicy {
        PyGradingPolicy {
            inner: self.inner.policy.clone(),
        }
    }
    /// The calibrated lower band edges `(very_good, good, acceptable)`.
    #[getter]
    fn edges(&self, py: Python<'_>) -> Result<(Py<PyAny>, Py<PyAny>, Py<PyAny>)> {
        let p = &self.inner.policy;
        Ok((
            decimal_out(py, p.very_good())?,
            decimal_out(py, p.good())?,
            decimal_out(py, p.acceptable())?,
        ))
    }
    #[getter]
    fn considered(&self) -> usize {
        self.inner.considered
    }
    #[getter]
    fn agreeing(&self) -> usize {
        self.inner.agreeing
    }
    #[getter]
    fn baseline_agreeing(&self) -> usize {
        self.inner.baseline_agreeing
    }
    /// How the edges calibrated on each share basis agree, and which basis was chosen.
    #[getter]
    fn share_basis(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        record(py, "ShareBasisTrial", &self.inner.share_basis)
    }
    /// `agreeing / considered` as a decimal in [0, 1].
    #[getter]
    fn agreement(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        decimal_out(py, self.inner.agreement)
    }
    #[getter]
    fn confusion(&self) -> PyConfusionMatrix {
        PyConfusionMatrix {
            inner: self.inner.confusion.clone(),
        }
    }
    /// The interventions whose computed grade still differs from the decided one.
    #[getter]
    fn disagreements(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        records(py, "Disagreement", &self.inner.disagreements)
    }
    /// The interventions left out, and why.
    #[getter]
    fn excluded(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        records(py, "Excluded", &self.inner.excluded)
    }

    /// The calibration in JSON.
    fn to_json(&self) -> String {
        finsam_core::format::to_json(&self.inner)
    }

    fn __repr__(&self) -> String {
        let p = &self.inner.policy;
        format!(
            "<Calibration edges=({}, {}, {}), agreeing={}/{}, baseline_agreeing={}>",
            repr_decimal(p.very_good()),
            repr_decimal(p.good()),
            repr_decimal(p.acceptable()),
            self.inner.agreeing,
            self.inner.considered,
            self.inner.baseline_agreeing
        )
    }
}

/// One confusion-matrix cell for Python: `(decided, computed, count)`.
type Cell = (Py<PyAny>, Py<PyAny>, usize);

/// Counts of decided grade (rows) against computed grade (columns).
#[pyclass(name = "ConfusionMatrix", module = "finsam", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyConfusionMatrix {
    inner: ConfusionMatrix,
}

#[pymethods]
impl PyConfusionMatrix {
    /// How many interventions were decided `decided` and computed `computed`.
    fn get(&self, decided: &Bound<'_, PyAny>, computed: &Bound<'_, PyAny>) -> Result<usize> {
        let (decided, computed) = (
            grade_in(decided, "decided")?,
            grade_in(computed, "computed")?,
        );
        Ok(self.inner.get(decided, computed))
    }
    /// All sixteen cells `(decided, computed, count)`, decided best first, then computed best
    /// first.
    #[getter]
    fn cells(&self, py: Python<'_>) -> Result<Vec<Cell>> {
        self.inner
            .cells()
            .into_iter()
            .map(|c| {
                Ok((
                    grade_out(py, c.decided)?,
                    grade_out(py, c.computed)?,
                    c.count,
                ))
            })
            .collect()
    }
    /// The number of interventions counted.
    #[getter]
    fn total(&self) -> usize {
        self.inner.total()
    }

    fn __repr__(&self) -> String {
        format!("<ConfusionMatrix total={}>", self.inner.total())
    }
}

/// One finding of the checker: a stable code, a severity, where it is, the expected and the
/// printed value, and a message in Swedish and English.
#[pyclass(
    name = "Diagnostic",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyDiagnostic {
    pub(crate) inner: Diagnostic,
}

#[pymethods]
impl PyDiagnostic {
    /// The stable code, e.g. `flow_gender_sum`.
    #[getter]
    fn code(&self) -> &'static str {
        self.inner.code.code()
    }
    /// `error`, `warning` or `info`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.inner.severity.code()
    }
    /// The id of the intervention concerned, if one is.
    #[getter]
    fn intervention_id(&self) -> Option<&str> {
        self.inner
            .location
            .intervention
            .as_ref()
            .map(|id| id.as_str())
    }
    /// The table: `goals`, `flows`, `end_reasons`, `statement`, `cost_rules`,
    /// `intervention_costs` or `forecast`.
    #[getter]
    fn table(&self) -> &'static str {
        self.inner.location.table.code()
    }
    /// The JSON path of the field, e.g. `flows.rows[3].figures.current`.
    #[getter]
    fn path(&self) -> &str {
        &self.inner.location.path
    }
    /// The JSON path of the other place, when the finding is between two.
    #[getter]
    fn compared_with(&self) -> Option<&str> {
        self.inner.location.compared_with.as_deref()
    }
    /// Where `path` and then `compared_with` stand in the document the report was read from
    /// (`Place` records), as far as the report's sources say.
    #[getter]
    fn places(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        crate::convert::records(py, "Place", &self.inner.location.places)
    }
    /// The value the rest of the report implies.
    #[getter]
    fn expected(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.expected)
    }
    /// The value printed.
    #[getter]
    fn printed(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.printed)
    }

    /// The finding in `language` (`sv` or `en`).
    #[pyo3(signature = (language = SV))]
    fn message(&self, language: Arg<Language>) -> &str {
        self.inner.message(language.0)
    }

    /// The diagnostic in the JSON form the core writes.
    fn to_json(&self) -> String {
        finsam_core::format::to_json(&self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> Result<String> {
        let intervention = match &self.inner.location.intervention {
            Some(id) => repr_str(py, id.as_str())?,
            None => "None".to_owned(),
        };
        Ok(format!(
            "<Diagnostic '{}': severity='{}', intervention_id={intervention}, table='{}', path={}, expected={}, printed={}>",
            self.inner.code.code(),
            self.inner.severity.code(),
            self.inner.location.table.code(),
            repr_str(py, &self.inner.location.path)?,
            repr_opt_decimal(self.inner.expected),
            repr_opt_decimal(self.inner.printed),
        ))
    }
}
