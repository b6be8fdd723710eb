//! A report's participant-flow table and end-reason table as Python handles: `FlowTable` and
//! `EndReasonTable`, with their rows as records (`FlowRow`, `FlowFigures`, `EndReasonRow`,
//! `EndReasonTotals`: dataclasses built from the core's serde output) and each table as a
//! pandas `DataFrame` of the core's table.
//!
//! A flow figure crosses as an `int`, the string `"not_applicable"` (*ej tillämpligt*) or
//! `None` (a blank cell); an end-reason count as an `int` or `None`.

use finsam_core::render::{end_reason_table, flow_table};
use finsam_core::{EndReasonTable, FlowTable};
use pyo3::prelude::*;

use crate::convert::{frame, record_opt, records};
use crate::errors::{catch, Result};

fn count_repr(count: Option<u64>) -> String {
    count
        .map(|n| n.to_string())
        .unwrap_or_else(|| "None".to_owned())
}

/// A report's participant-flow table (*Sammanfattning av deltagarflöden*).
#[pyclass(
    name = "FlowTable",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyFlowTable {
    pub(crate) inner: FlowTable,
}

#[pymethods]
impl PyFlowTable {
    /// One row per individual intervention, in the table's order.
    #[getter]
    fn rows(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        records(py, "FlowRow", &self.inner.rows)
    }
    /// The TOTALT row as printed, when the table has one.
    #[getter]
    fn total(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        record_opt(py, "FlowFigures", self.inner.total.as_ref())
    }
    /// *Varav unika deltagare*: people counted once across interventions, when stated.
    #[getter]
    fn unique_participants(&self) -> Option<u64> {
        self.inner.unique_participants
    }

    /// The row of the intervention `intervention_id`, or `None`.
    fn row(&self, py: Python<'_>, intervention_id: &str) -> Result<Option<Py<PyAny>>> {
        let row = self
            .inner
            .rows
            .iter()
            .find(|r| r.intervention.as_str() == intervention_id);
        record_opt(py, "FlowRow", row)
    }

    /// The table as a pandas `DataFrame`: one row per intervention (`intervention_id`,
    /// `label`, then the eight figures), then the TOTALT row (`intervention_id` `None`, `label`
    /// "TOTALT") when the table has one. Every column holds Python objects, so a figure is an
    /// `int`, `"not_applicable"` or `None` as on `FlowFigures`.
    fn to_pandas(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        frame(py, catch(|| flow_table(&self.inner))?, false)
    }

    fn __repr__(&self) -> String {
        format!(
            "<FlowTable {} row(s), unique_participants={}>",
            self.inner.rows.len(),
            count_repr(self.inner.unique_participants)
        )
    }
}

/// A report's end-reason table (*Orsak till avslut*).
#[pyclass(
    name = "EndReasonTable",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyEndReasonTable {
    pub(crate) inner: EndReasonTable,
}

#[pymethods]
impl PyEndReasonTable {
    /// One row per reason, in the table's order.
    #[getter]
    fn rows(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        records(py, "EndReasonRow", &self.inner.rows)
    }
    /// The printed total row, when the table has one.
    #[getter]
    fn total(&self, py: Python<'_>) -> Result<Option<Py<PyAny>>> {
        record_opt(py, "EndReasonTotals", self.inner.total.as_ref())
    }
    /// What the table covers, when the report says.
    #[getter]
    fn note(&self) -> Option<&str> {
        self.inner.note.as_deref()
    }

    /// The table as a pandas `DataFrame`: one row per reason (`reason`, `label`, `women`,
    /// `men`, `other`, `total`), then the printed total row (`reason` `None`, `label`
    /// "Totalt") when the table has one. Every column holds Python objects, so a count is an
    /// `int` or `None`.
    fn to_pandas(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        frame(py, catch(|| end_reason_table(&self.inner))?, false)
    }

    fn __repr__(&self) -> String {
        format!(
            "<EndReasonTable {} row(s), total={}>",
            self.inner.rows.len(),
            count_repr(self.inner.total.and_then(|t| t.total))
        )
    }
}
