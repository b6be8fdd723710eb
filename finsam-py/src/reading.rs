//! A whole report read from its document: `finsam.read_report` and `Reading`, the report with
//! its reading record (the parts found or absent, the issues).

use finsam_core::reader::{read_report_bytes, reading_table, ReadOptions, Reading};
use finsam_core::render::{reading_text, table_html};
use finsam_core::{Language, Period};
use pyo3::prelude::*;

use crate::convert::{frame, records, Arg, SV};
use crate::errors::{catch, Result};
use crate::model::PyReport;

/// A report read from its document, with the reading record.
#[pyclass(name = "Reading", module = "finsam", frozen)]
pub struct PyReading {
    inner: Reading,
}

#[pymethods]
impl PyReading {
    /// The report read.
    #[getter]
    fn report(&self) -> PyReport {
        PyReport {
            inner: self.inner.report.clone(),
        }
    }

    /// Each part found, with where it was found, and each expected part absent.
    #[getter]
    fn parts(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        records(py, "Part", &self.inner.parts)
    }

    /// What could not be read or is unsure, each at its place.
    #[getter]
    fn issues(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        records(py, "ReadingIssue", &self.inner.issues)
    }

    /// The reading record as a pandas `DataFrame`: one row per part, then one per issue, with
    /// places and messages in `language`. Needs pandas.
    #[pyo3(signature = (language = SV))]
    fn to_pandas(&self, py: Python<'_>, language: Arg<Language>) -> Result<Py<PyAny>> {
        let table = catch(|| reading_table(&self.inner, language.0))?;
        frame(py, table, false)
    }

    /// The reading record as an HTML table.
    #[pyo3(signature = (language = SV))]
    fn to_html(&self, language: Arg<Language>) -> Result<String> {
        let table = catch(|| reading_table(&self.inner, language.0))?;
        Ok(table_html(&table, language.0, "finsam-reading"))
    }

    /// The reading record as plain text for a terminal: one row per part, then one per
    /// issue, aligned under headings in `language`.
    #[pyo3(signature = (language = SV))]
    fn to_text(&self, language: Arg<Language>) -> Result<String> {
        catch(|| reading_text(&self.inner, language.0))
    }

    fn _repr_html_(&self) -> Result<String> {
        self.to_html(SV)
    }

    fn __repr__(&self) -> String {
        let absent = self.inner.absent().count();
        format!(
            "<Reading {} {}: {} intervention(s), {} part(s) absent, {} issue(s)>",
            self.inner.report.organisation,
            self.inner.report.period,
            self.inner.report.interventions.len(),
            absent,
            self.inner.issues.len()
        )
    }
}

/// Reads a report from the bytes of its Word file or of its text (UTF-8). `organisation` and
/// `period` are used when the document's title does not give them.
#[pyfunction]
#[pyo3(signature = (data, organisation = None, period = None))]
pub fn _read_report(
    data: &[u8],
    organisation: Option<String>,
    period: Option<&str>,
) -> Result<PyReading> {
    let period = match period {
        Some(text) => Some(catch(|| {
            text.parse::<Period>().map_err(|e| e.under("period"))
        })?),
        None => None,
    };
    let options = ReadOptions {
        organisation,
        period,
    };
    Ok(PyReading {
        inner: catch(|| read_report_bytes(data, &options))?,
    })
}
