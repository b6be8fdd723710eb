//! The Python binding of finsam, the native module `finsam._finsam`. It converts arguments,
//! calls `finsam-core` and hands back its values: handles with behaviour as the classes here,
//! records and tables through the generic converters of `finsam._convert` (frozen dataclasses
//! generated from the core's schema, pandas frames typed by the core's columns). The typed
//! facade is the Python package `finsam`.

mod assessments;
mod convert;
mod economics;
mod errors;
mod flows;
mod model;
mod money;
mod outcome;
mod reading;
mod series;
mod text;

use pyo3::prelude::*;

/// The native module.
#[pymodule]
mod _finsam {
    use finsam_core::{Agreement, ErrorKind, Intervention, Language, Report};
    use pyo3::prelude::*;
    use pyo3::sync::PyOnceLock;
    use pyo3::types::PyList;

    use crate::convert::{frame, grade_in, record, record_in, Arg, SV};
    use crate::errors::{catch, core_error, run, to_py_err, Result};
    use crate::model::policy_or_default;

    #[pymodule_export]
    use crate::assessments::{PyAssessmentList, PyAssessmentListIterator};
    #[pymodule_export]
    use crate::economics::{
        _cost_group_sum, PyCostRule, PyEconomics, PyForecast, PyInterventionCosts, PyStatement,
    };
    #[pymodule_export]
    use crate::flows::{PyEndReasonTable, PyFlowTable};
    #[pymodule_export]
    use crate::model::{
        PyDecidedGrade, PyGoal, PyGoalResult, PyGradingPolicy, PyIntervention, PyReport,
    };
    #[pymodule_export]
    use crate::money::PyMoney;
    #[pymodule_export]
    use crate::outcome::{
        PyAssessment, PyCalibration, PyConfusionMatrix, PyDiagnostic, PyGoalAssessment, PyRule,
    };
    #[pymodule_export]
    use crate::reading::{_read_report, PyReading};
    #[pymodule_export]
    use crate::series::{
        PyAppearance, PyGoalHistory, PyGoalPoint, PyInterventionHistory, PyReportSeries,
        PySeriesComparison,
    };
    #[pymodule_export]
    use crate::text::{
        id_from_name, parse_goal_cell, parse_number, parse_result_cell, read_cells, PyAligned,
        PyGoalCell, PyGoalItem, PyIssue, PyResultCell, PyResultItem, PyTextIntervention,
        PyTextReport,
    };

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> Result<()> {
        m.add("MAX_CELL_CHARS", finsam_core::text::MAX_CELL_CHARS)?;
        m.add("FORMAT_VERSION", finsam_core::FORMAT_VERSION)?;
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        Ok(())
    }

    /// Grades one intervention.
    #[pyfunction]
    #[pyo3(signature = (intervention, policy = None))]
    fn grade(
        intervention: PyRef<'_, PyIntervention>,
        policy: Option<PyRef<'_, PyGradingPolicy>>,
    ) -> Result<PyAssessment> {
        let policy = policy_or_default(policy);
        Ok(PyAssessment::own(catch(|| {
            finsam_core::grade(&intervention.inner, &policy)
        })?))
    }

    /// Grades many interventions in one call, in order.
    #[pyfunction]
    #[pyo3(signature = (interventions, policy = None))]
    fn grade_many(
        py: Python<'_>,
        interventions: Vec<Bound<'_, PyIntervention>>,
        policy: Option<PyRef<'_, PyGradingPolicy>>,
    ) -> Result<Py<PyAny>> {
        let policy = policy_or_default(policy);
        // Interventions are frozen: graded in place, without a copy.
        let held = interventions.iter().map(|i| &i.get().inner);
        let assessments = catch(|| finsam_core::grade_each(held, &policy, ""))?;
        Ok(PyAssessmentList::new_py(py, assessments)?)
    }

    /// Finds the band edges that agree best with the decided grades of `interventions`.
    #[pyfunction]
    #[pyo3(signature = (interventions, policy = None))]
    fn calibrate(
        interventions: Vec<PyIntervention>,
        policy: Option<PyRef<'_, PyGradingPolicy>>,
    ) -> Result<PyCalibration> {
        let policy = policy_or_default(policy);
        let interventions: Vec<Intervention> = interventions.into_iter().map(|i| i.inner).collect();
        Ok(PyCalibration::from(catch(|| {
            finsam_core::calibrate(&interventions, &policy)
        })?))
    }

    /// How far the computed grades of `assessments` (an `AssessmentList`, or a sequence of
    /// `Assessment`s) agree with the grades the association decided, the rows it did not grade
    /// counted apart: an `Agreement`.
    #[pyfunction]
    fn agreement(py: Python<'_>, assessments: &Bound<'_, PyAny>) -> Result<Py<PyAny>> {
        if let Ok(list) = assessments.cast::<PyAssessmentList>() {
            return list.get().agreement(py);
        }
        let items: Vec<Bound<'_, PyAssessment>> = assessments.extract()?;
        let counted = run(|| Agreement::of(items.iter().map(|a| &*a.get().inner)))?;
        record(py, "Agreement", &counted)
    }

    /// The `finsam` command's message `key` in `language`, its fields still to fill in.
    #[pyfunction]
    #[pyo3(signature = (key, language = SV))]
    fn _command_message(key: &str, language: Arg<Language>) -> Result<&'static str> {
        finsam_core::command_message(key, language.0).ok_or_else(|| {
            core_error(
                finsam_core::ErrorKind::UnknownVariant,
                "key",
                format!("'{key}' is not a message of the command"),
            )
        })
    }

    /// The notebook's chart text `key` in `language`.
    #[pyfunction]
    #[pyo3(signature = (key, language = SV))]
    fn _chart_text(key: &str, language: Arg<Language>) -> Result<&'static str> {
        finsam_core::chart_text(key, language.0).ok_or_else(|| {
            core_error(
                finsam_core::ErrorKind::UnknownVariant,
                "key",
                format!("'{key}' is not a text of the charts"),
            )
        })
    }

    /// The agreement in words (the body of `Agreement.text`).
    #[pyfunction]
    #[pyo3(signature = (agreement, language = SV))]
    fn _agreement_text(agreement: &Bound<'_, PyAny>, language: Arg<Language>) -> Result<String> {
        let agreement: Agreement = record_in(agreement, "agreement")?;
        run(|| agreement.text(language.0))
    }

    /// Checks a report in the JSON format and returns every error found (as exceptions, not
    /// raised); an empty list means the report loads.
    #[pyfunction]
    fn validate_json(py: Python<'_>, text: &str) -> Vec<PyErr> {
        finsam_core::format::validate_report_json(text)
            .into_iter()
            .map(|e| to_py_err(py, e.into()))
            .collect()
    }

    static DIAGNOSTIC_LIST: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

    /// Checks the arithmetic of a report and returns what does not hold, as a
    /// `DiagnosticList`. The report is not changed.
    #[pyfunction]
    pub(crate) fn check(py: Python<'_>, report: PyRef<'_, PyReport>) -> Result<Py<PyAny>> {
        let items = run(|| report.inner.check())?
            .into_iter()
            .map(|inner| Py::new(py, PyDiagnostic { inner }))
            .collect::<PyResult<Vec<_>>>()?;
        let list = DIAGNOSTIC_LIST.import(py, "finsam._diagnostics", "DiagnosticList")?;
        Ok(list.call1((PyList::new(py, items)?,))?.unbind())
    }

    /// The diagnostics as a `DataFrame` (the body of `DiagnosticList.to_pandas`).
    #[pyfunction]
    #[pyo3(signature = (diagnostics, language = SV))]
    fn _diagnostics_to_pandas(
        py: Python<'_>,
        diagnostics: Vec<PyDiagnostic>,
        language: Arg<Language>,
    ) -> Result<Py<PyAny>> {
        let diagnostics: Vec<_> = diagnostics.into_iter().map(|d| d.inner).collect();
        let table = catch(|| finsam_core::render::diagnostic_table(&diagnostics, language.0))?;
        frame(py, table, false)
    }

    /// The diagnostics as an HTML table (the body of `DiagnosticList.to_html`).
    #[pyfunction]
    #[pyo3(signature = (diagnostics, language = SV))]
    fn _diagnostics_to_html(
        diagnostics: Vec<PyDiagnostic>,
        language: Arg<Language>,
    ) -> Result<String> {
        let diagnostics: Vec<_> = diagnostics.into_iter().map(|d| d.inner).collect();
        catch(|| finsam_core::render::diagnostics_html(&diagnostics, language.0))
    }

    /// The diagnostics as plain text for a terminal (the body of `DiagnosticList.to_text`).
    #[pyfunction]
    #[pyo3(signature = (diagnostics, language = SV))]
    fn _diagnostics_to_text(
        diagnostics: Vec<PyDiagnostic>,
        language: Arg<Language>,
    ) -> Result<String> {
        let diagnostics: Vec<_> = diagnostics.into_iter().map(|d| d.inner).collect();
        catch(|| finsam_core::render::diagnostics_text(&diagnostics, language.0))
    }

    /// The code of the grade `text` spells ("Mycket God" → `very_good`).
    #[pyfunction]
    fn _grade_code(text: &Bound<'_, PyAny>) -> Result<&'static str> {
        Ok(grade_in(text, "grade")?.code())
    }

    /// The label of the grade with `code` in `language`.
    #[pyfunction]
    fn _grade_label(code: &Bound<'_, PyAny>, language: Arg<Language>) -> Result<&'static str> {
        Ok(grade_in(code, "grade")?.label(language.0))
    }

    /// The rank of the grade with `code`: 0 for Ej uppfyllt to 3 for Mycket god.
    #[pyfunction]
    fn _grade_rank(code: &Bound<'_, PyAny>) -> Result<usize> {
        Ok(grade_in(code, "grade")?.rank())
    }

    /// The sample reports shipped with finsam, by year (`examples/data/`), read through
    /// finsam-core's `samples/` link, which the sdist carries as part of finsam-core.
    const SAMPLES: [(u16, &str); 4] = [
        (
            2014,
            include_str!("../../finsam-core/samples/arsredovisning-2014.json"),
        ),
        (
            2015,
            include_str!("../../finsam-core/samples/arsredovisning-2015.json"),
        ),
        (
            2017,
            include_str!("../../finsam-core/samples/arsredovisning-2017.json"),
        ),
        (
            2019,
            include_str!("../../finsam-core/samples/halvarsrapport-2019.json"),
        ),
    ];

    /// A sample report shipped with finsam: the annual reports 2014, 2015 and 2017, or the
    /// half-year report 2019 (period `2019-H1`, with economics).
    #[pyfunction]
    #[pyo3(signature = (year = 2017))]
    fn sample_report(year: i64) -> Result<PyReport> {
        let Some((_, text)) = SAMPLES.iter().find(|(y, _)| i64::from(*y) == year) else {
            let years: Vec<String> = SAMPLES.iter().map(|(y, _)| y.to_string()).collect();
            return Err(core_error(
                ErrorKind::InvalidValue,
                "year",
                format!(
                    "there is no sample report for {year}; the samples are {}",
                    years.join(", ")
                ),
            ));
        };
        Ok(PyReport {
            inner: catch(|| Report::from_json(text))?,
        })
    }
}
