//! The Python binding of finsam, the native module `finsam._finsam`. It converts types, calls
//! `finsam-core` and maps its errors; the typed facade is the Python package `finsam`.

mod assessments;
mod convert;
mod diagnostics;
mod economics;
mod errors;
mod flows;
mod model;
mod money;
mod outcome;
mod series;
mod summary;
mod tables;
mod text;

use finsam_core::Intervention;
use pyo3::prelude::*;

use crate::assessments::PyAssessmentList;
use crate::convert::{grade_in, language_in};
use crate::errors::guard;
use crate::model::{policy_or_default, PyGradingPolicy, PyIntervention};
use crate::outcome::{Held, PyAssessment, PyCalibration};

fn interventions_in(interventions: Vec<PyIntervention>) -> Vec<Intervention> {
    interventions.into_iter().map(|i| i.inner).collect()
}

/// Grades one intervention.
#[pyfunction]
#[pyo3(signature = (intervention, policy = None))]
fn grade(
    py: Python<'_>,
    intervention: PyRef<'_, PyIntervention>,
    policy: Option<PyRef<'_, PyGradingPolicy>>,
) -> PyResult<PyAssessment> {
    let policy = policy_or_default(policy);
    guard(py, || {
        Ok(PyAssessment {
            inner: Held::own(finsam_core::grade(&intervention.inner, &policy)?),
        })
    })
}

/// Grades many interventions in one call, in order.
#[pyfunction]
#[pyo3(signature = (interventions, policy = None))]
fn grade_many(
    py: Python<'_>,
    interventions: Vec<Bound<'_, PyIntervention>>,
    policy: Option<PyRef<'_, PyGradingPolicy>>,
) -> PyResult<Py<PyAny>> {
    let policy = policy_or_default(policy);
    // Interventions are frozen: graded in place, without a copy.
    let assessments = guard(py, || {
        Ok(finsam_core::grade_each(
            interventions.iter().map(|i| &i.get().inner),
            &policy,
            "",
        )?)
    })?;
    PyAssessmentList::new_py(py, assessments)
}

/// Finds the band edges that agree best with the decided grades of `interventions`.
#[pyfunction]
#[pyo3(signature = (interventions, policy = None))]
fn calibrate(
    py: Python<'_>,
    interventions: Vec<PyIntervention>,
    policy: Option<PyRef<'_, PyGradingPolicy>>,
) -> PyResult<PyCalibration> {
    let policy = policy_or_default(policy);
    let interventions = interventions_in(interventions);
    guard(py, || {
        Ok(PyCalibration {
            inner: finsam_core::calibrate(&interventions, &policy)?,
        })
    })
}

/// Checks a report in the JSON format and returns every error found (as exceptions, not
/// raised); an empty list means the report loads.
#[pyfunction]
fn validate_json(py: Python<'_>, text: &str) -> Vec<PyErr> {
    finsam_core::format::validate_report_json(text)
        .into_iter()
        .map(|e| errors::to_py_err(py, e.into()))
        .collect()
}

/// The code of the grade `text` spells ("Mycket God" → `very_good`).
#[pyfunction]
fn _grade_code(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<&'static str> {
    guard(py, || Ok(grade_in(text, "grade")?.code()))
}

/// The label of the grade with `code` in `language`.
#[pyfunction]
fn _grade_label(py: Python<'_>, code: &Bound<'_, PyAny>, language: &str) -> PyResult<&'static str> {
    guard(py, || {
        Ok(grade_in(code, "grade")?.label(language_in(language)?))
    })
}

/// The rank of the grade with `code`: 0 for Ej uppfyllt to 3 for Mycket god.
#[pyfunction]
fn _grade_rank(py: Python<'_>, code: &Bound<'_, PyAny>) -> PyResult<usize> {
    guard(py, || Ok(grade_in(code, "grade")?.rank()))
}

/// The sample reports shipped with finsam, by year (in `examples/data`): the annual reports
/// 2014, 2015 and 2017 and the half-year report 2019.
const SAMPLES: [(u16, &str); 4] = [
    (
        2014,
        include_str!("../../examples/data/arsredovisning-2014.json"),
    ),
    (
        2015,
        include_str!("../../examples/data/arsredovisning-2015.json"),
    ),
    (
        2017,
        include_str!("../../examples/data/arsredovisning-2017.json"),
    ),
    (
        2019,
        include_str!("../../examples/data/halvarsrapport-2019.json"),
    ),
];

/// A sample report shipped with finsam: the annual reports 2014, 2015 and 2017, or the
/// half-year report 2019 (period `2019-H1`, with economics).
#[pyfunction]
#[pyo3(signature = (year = 2017))]
fn sample_report(py: Python<'_>, year: i64) -> PyResult<model::PyReport> {
    guard(py, || {
        let text = SAMPLES
            .iter()
            .find(|(y, _)| i64::from(*y) == year)
            .map(|(_, text)| *text)
            .ok_or_else(|| {
                let years: Vec<String> = SAMPLES.iter().map(|(y, _)| y.to_string()).collect();
                errors::core_error(
                    finsam_core::ErrorKind::InvalidValue,
                    "year",
                    format!(
                        "there is no sample report for {year}; the samples are {}",
                        years.join(", ")
                    ),
                )
            })?;
        Ok(model::PyReport {
            inner: finsam_core::Report::from_json(text)?,
        })
    })
}

/// The native module.
#[pymodule]
fn _finsam(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<assessments::PyAssessmentList>()?;
    m.add_class::<assessments::PyAssessmentListIterator>()?;
    m.add_class::<model::PyReport>()?;
    m.add_class::<model::PyIntervention>()?;
    m.add_class::<model::PyGoal>()?;
    m.add_class::<model::PyGoalResult>()?;
    m.add_class::<model::PyDecidedGrade>()?;
    m.add_class::<model::PyGradingPolicy>()?;
    m.add_class::<outcome::PyAssessment>()?;
    m.add_class::<outcome::PyGoalAssessment>()?;
    m.add_class::<outcome::PyRule>()?;
    m.add_class::<outcome::PyCalibration>()?;
    m.add_class::<outcome::PyConfusionMatrix>()?;
    m.add_class::<outcome::PyDisagreement>()?;
    m.add_class::<outcome::PyExcluded>()?;
    m.add_class::<diagnostics::PyDiagnostic>()?;
    m.add_class::<flows::PyFlowTable>()?;
    m.add_class::<flows::PyFlowRow>()?;
    m.add_class::<flows::PyFlowFigures>()?;
    m.add_class::<flows::PyEndReasonTable>()?;
    m.add_class::<flows::PyEndReasonRow>()?;
    m.add_class::<flows::PyEndReasonTotals>()?;
    m.add_class::<money::PyMoney>()?;
    m.add_class::<economics::PyEconomics>()?;
    m.add_class::<economics::PyStatement>()?;
    m.add_class::<economics::PyIncome>()?;
    m.add_class::<economics::PyCosts>()?;
    m.add_class::<economics::PyCostGroup>()?;
    m.add_class::<economics::PyLine>()?;
    m.add_class::<economics::PyCostRule>()?;
    m.add_class::<economics::PyRuleFigures>()?;
    m.add_class::<economics::PyInterventionCosts>()?;
    m.add_class::<economics::PyInterventionCostGroup>()?;
    m.add_class::<economics::PyInterventionCost>()?;
    m.add_class::<economics::PyStatedCost>()?;
    m.add_class::<economics::PyForecast>()?;
    m.add_class::<economics::PyPlannedCost>()?;
    m.add_class::<economics::PyForecastFigures>()?;
    m.add_class::<summary::PyEconomicsSummary>()?;
    m.add_class::<summary::PyStatementSummary>()?;
    m.add_class::<summary::PyFigures>()?;
    m.add_class::<summary::PyGroupSummary>()?;
    m.add_class::<summary::PyMemberSplit>()?;
    m.add_class::<summary::PyMemberShare>()?;
    m.add_class::<summary::PyRuleOutcome>()?;
    m.add_class::<summary::PyDeviation>()?;
    m.add_class::<summary::PyForecastOutcome>()?;
    m.add_class::<text::PyIssue>()?;
    m.add_class::<text::PyGoalItem>()?;
    m.add_class::<text::PyResultItem>()?;
    m.add_class::<text::PyGoalCell>()?;
    m.add_class::<text::PyResultCell>()?;
    m.add_class::<text::PyAligned>()?;
    m.add_class::<text::PyTextIntervention>()?;
    m.add_class::<text::PyTextReport>()?;
    m.add_class::<series::PyReportSeries>()?;
    m.add_class::<series::PySeriesComparison>()?;
    m.add_class::<series::PyInterventionHistory>()?;
    m.add_class::<series::PyAppearance>()?;
    m.add_class::<series::PyGoalHistory>()?;
    m.add_class::<series::PyGoalPoint>()?;
    m.add_function(wrap_pyfunction!(grade, m)?)?;
    m.add_function(wrap_pyfunction!(grade_many, m)?)?;
    m.add_function(wrap_pyfunction!(calibrate, m)?)?;
    m.add_function(wrap_pyfunction!(validate_json, m)?)?;
    m.add_function(wrap_pyfunction!(diagnostics::check, m)?)?;
    m.add_function(wrap_pyfunction!(diagnostics::_diagnostics_to_pandas, m)?)?;
    m.add_function(wrap_pyfunction!(diagnostics::_diagnostics_to_html, m)?)?;
    m.add_function(wrap_pyfunction!(_grade_code, m)?)?;
    m.add_function(wrap_pyfunction!(_grade_label, m)?)?;
    m.add_function(wrap_pyfunction!(_grade_rank, m)?)?;
    m.add_function(wrap_pyfunction!(sample_report, m)?)?;
    m.add_function(wrap_pyfunction!(text::read_cells, m)?)?;
    m.add_function(wrap_pyfunction!(text::parse_goal_cell, m)?)?;
    m.add_function(wrap_pyfunction!(text::parse_result_cell, m)?)?;
    m.add_function(wrap_pyfunction!(text::parse_number, m)?)?;
    m.add_function(wrap_pyfunction!(text::id_from_name, m)?)?;
    m.add("MAX_CELL_CHARS", finsam_core::text::MAX_CELL_CHARS)?;
    m.add("FORMAT_VERSION", finsam_core::FORMAT_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
