//! What the checker finds, as Python values: the `Diagnostic` class, the `DiagnosticList` that
//! `check` returns (defined in Python), and its pandas `DataFrame` and HTML table.

use std::fmt::Write as _;

use finsam_core::render::escape_html;
use finsam_core::{format_number, Diagnostic, Language};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyList;
use rust_decimal::Decimal;

use crate::convert::{decimal_opt_out, language_in, repr_decimal, repr_str};
use crate::errors::guard;
use crate::model::PyReport;
use crate::tables::{cell, Columns};

static DIAGNOSTIC_LIST: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Diagnostics as a `finsam.DiagnosticList` (a `list` that renders in notebooks).
pub(crate) fn diagnostic_list(py: Python<'_>, diagnostics: Vec<Diagnostic>) -> PyResult<Py<PyAny>> {
    let items = diagnostics
        .into_iter()
        .map(|inner| Py::new(py, PyDiagnostic { inner }))
        .collect::<PyResult<Vec<_>>>()?;
    let list = PyList::new(py, items)?;
    Ok(DIAGNOSTIC_LIST
        .import(py, "finsam._diagnostics", "DiagnosticList")?
        .call1((list,))?
        .unbind())
}

/// Checks `report` with the core's checker (which never changes it).
pub(crate) fn check_report(py: Python<'_>, report: &PyReport) -> PyResult<Py<PyAny>> {
    let diagnostics = guard(py, || Ok(report.inner.check()))?;
    diagnostic_list(py, diagnostics)
}

/// Checks the arithmetic of a report and returns what does not hold, as a `DiagnosticList`.
/// The report is not changed.
#[pyfunction]
pub(crate) fn check(py: Python<'_>, report: PyRef<'_, PyReport>) -> PyResult<Py<PyAny>> {
    check_report(py, &report)
}

fn repr_opt_decimal(value: Option<Decimal>) -> String {
    value.map(repr_decimal).unwrap_or_else(|| "None".to_owned())
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
    /// The value the rest of the report implies.
    #[getter]
    fn expected(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.expected)
    }
    /// The value printed.
    #[getter]
    fn printed(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        decimal_opt_out(py, self.inner.printed)
    }

    /// The finding in `language` (`sv` or `en`).
    #[pyo3(signature = (language = "sv"))]
    fn message(&self, py: Python<'_>, language: &str) -> PyResult<String> {
        guard(py, || {
            Ok(self.inner.message(language_in(language)?).to_owned())
        })
    }

    /// The diagnostic in the JSON form the core writes.
    fn to_json(&self) -> String {
        finsam_core::format::to_json(&self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
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

/// Diagnostics as a pandas `DataFrame`, one row per diagnostic (the body of
/// `DiagnosticList.to_pandas`). Every column holds Python objects, so that a missing
/// intervention or value stays `None` and decimals stay `decimal.Decimal`.
#[pyfunction]
#[pyo3(signature = (diagnostics, language = "sv"))]
pub(crate) fn _diagnostics_to_pandas(
    py: Python<'_>,
    diagnostics: Vec<PyDiagnostic>,
    language: &str,
) -> PyResult<Py<PyAny>> {
    let language = guard(py, || language_in(language))?;
    let mut columns = Columns::new(
        py,
        &[
            "code",
            "severity",
            "intervention_id",
            "table",
            "path",
            "expected",
            "printed",
            "message",
        ],
    );
    for diagnostic in &diagnostics {
        let d = &diagnostic.inner;
        columns.push(vec![
            cell(py, d.code.code())?,
            cell(py, d.severity.code())?,
            cell(py, d.location.intervention.as_ref().map(|id| id.as_str()))?,
            cell(py, d.location.table.code())?,
            cell(py, d.location.path.as_str())?,
            cell(py, decimal_opt_out(py, d.expected)?)?,
            cell(py, decimal_opt_out(py, d.printed)?)?,
            cell(py, d.message(language))?,
        ]);
    }
    columns.into_object_frame()
}

/// A decimal in the language's notation, every decimal kept.
fn number_text(value: Option<Decimal>, language: Language) -> String {
    value
        .map(|v| format_number(v, v.scale(), language))
        .unwrap_or_default()
}

/// Diagnostics as an HTML table (the body of `DiagnosticList.to_html`): one row per diagnostic
/// with its code, severity, intervention, table, path, expected and printed value and message;
/// every text escaped. No diagnostics give a paragraph saying so.
#[pyfunction]
#[pyo3(signature = (diagnostics, language = "sv"))]
pub(crate) fn _diagnostics_to_html(
    py: Python<'_>,
    diagnostics: Vec<PyDiagnostic>,
    language: &str,
) -> PyResult<String> {
    let language = guard(py, || language_in(language))?;
    if diagnostics.is_empty() {
        return Ok(format!(
            "<p class=\"finsam-diagnostics\">{}</p>",
            language.pick("Inga avvikelser.", "No findings.")
        ));
    }
    let headers = [
        language.pick("Kod", "Code"),
        language.pick("Allvarlighet", "Severity"),
        language.pick("Insats", "Intervention"),
        language.pick("Tabell", "Table"),
        language.pick("Fält", "Field"),
        language.pick("Förväntat", "Expected"),
        language.pick("Tryckt", "Printed"),
        language.pick("Meddelande", "Message"),
    ];
    let mut html = String::from("<table class=\"finsam-diagnostics\">\n<thead>\n<tr>");
    for header in headers {
        let _ = write!(html, "<th scope=\"col\">{header}</th>");
    }
    html.push_str("</tr>\n</thead>\n<tbody>\n");
    for diagnostic in &diagnostics {
        let d = &diagnostic.inner;
        let cells = [
            d.code.code(),
            d.severity.code(),
            d.location
                .intervention
                .as_ref()
                .map(|id| id.as_str())
                .unwrap_or_default(),
            d.location.table.code(),
            d.location.path.as_str(),
            &number_text(d.expected, language),
            &number_text(d.printed, language),
            d.message(language),
        ];
        let _ = write!(
            html,
            "<tr class=\"finsam-{}\">",
            escape_html(d.severity.code())
        );
        for text in cells {
            let _ = write!(html, "<td>{}</td>", escape_html(text));
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>");
    Ok(html)
}
