//! A report's participant-flow table and end-reason table as read-only Python value classes:
//! `FlowTable`, `FlowRow`, `FlowFigures`, `EndReasonTable`, `EndReasonRow` and
//! `EndReasonTotals`, each with a pandas `DataFrame` for the whole table.
//!
//! A flow figure crosses as an `int`, the string `"not_applicable"` (*ej tillämpligt*) or
//! `None` (a blank cell); an end-reason count as an `int` or `None`.

use finsam_core::{
    EndReasonRow, EndReasonTable, EndReasonTotals, FlowField, FlowFigure, FlowFigures, FlowRow,
    FlowTable,
};
use pyo3::prelude::*;
use pyo3::IntoPyObjectExt;

use crate::convert::{code_out, repr_str};
use crate::tables::{cell, Columns};

/// A flow cell: an `int`, `"not_applicable"` or `None`.
fn figure_out(py: Python<'_>, figure: Option<FlowFigure>) -> PyResult<Py<PyAny>> {
    match figure {
        Some(FlowFigure::Count(n)) => n.into_py_any(py),
        Some(FlowFigure::NotApplicable) => code_out(&FlowFigure::NotApplicable).into_py_any(py),
        None => Ok(py.None()),
    }
}

/// The label of the printed total row of a flow table.
const FLOW_TOTAL_LABEL: &str = "TOTALT";

/// The label of the printed total row of an end-reason table.
const END_REASON_TOTAL_LABEL: &str = "Totalt";

/// The eight figures of a flow row or of the TOTALT row.
#[pyclass(
    name = "FlowFigures",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyFlowFigures {
    pub(crate) inner: FlowFigures,
}

impl PyFlowFigures {
    fn figure(&self, py: Python<'_>, field: FlowField) -> PyResult<Py<PyAny>> {
        figure_out(py, self.inner.get(field))
    }
}

#[pymethods]
impl PyFlowFigures {
    /// Current participants in the period (*aktuella deltagare*).
    #[getter]
    fn current(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.figure(py, FlowField::Current)
    }
    /// Of whom women.
    #[getter]
    fn women(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.figure(py, FlowField::Women)
    }
    /// Of whom men.
    #[getter]
    fn men(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.figure(py, FlowField::Men)
    }
    /// Of whom other or unspecified gender.
    #[getter]
    fn other(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.figure(py, FlowField::Other)
    }
    /// New participants in the period (the Python property `new`).
    #[getter(new)]
    fn new_participants(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.figure(py, FlowField::New)
    }
    /// Participants who ended in the period.
    #[getter]
    fn ended(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.figure(py, FlowField::Ended)
    }
    /// Of the ended, to work or studies.
    #[getter]
    fn to_work_or_studies(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.figure(py, FlowField::ToWorkOrStudies)
    }
    /// Of the ended, job-seeking at the end.
    #[getter]
    fn job_seeking(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.figure(py, FlowField::JobSeeking)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut parts = Vec::new();
        for field in FlowField::ALL {
            let value = self.figure(py, field)?;
            parts.push(format!("{}={}", field.code(), value.bind(py).repr()?));
        }
        Ok(format!("<FlowFigures {}>", parts.join(", ")))
    }
}

/// One row of a flow table: an intervention's figures.
#[pyclass(name = "FlowRow", module = "finsam", frozen, eq, hash, from_py_object)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyFlowRow {
    pub(crate) inner: FlowRow,
}

#[pymethods]
impl PyFlowRow {
    /// The id of the intervention the row is about.
    #[getter]
    fn intervention_id(&self) -> &str {
        self.inner.intervention.as_str()
    }
    /// The name as the table prints it, when given.
    #[getter]
    fn label(&self) -> Option<&str> {
        self.inner.label.as_deref()
    }
    /// The figures.
    #[getter]
    fn figures(&self) -> PyFlowFigures {
        PyFlowFigures {
            inner: self.inner.figures,
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<FlowRow {}: current={}>",
            repr_str(py, self.inner.intervention.as_str())?,
            figure_out(py, self.inner.figures.current)?
                .bind(py)
                .repr()?
        ))
    }
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

/// The names of a flow frame's columns: the row's id and label, then the figures in the
/// printed order.
const FLOW_COLUMNS: [&str; 10] = [
    "intervention_id",
    "label",
    "current",
    "women",
    "men",
    "other",
    "new",
    "ended",
    "to_work_or_studies",
    "job_seeking",
];

#[pymethods]
impl PyFlowTable {
    /// One row per individual intervention, in the table's order.
    #[getter]
    fn rows(&self) -> Vec<PyFlowRow> {
        self.inner
            .rows
            .iter()
            .cloned()
            .map(|inner| PyFlowRow { inner })
            .collect()
    }
    /// The TOTALT row as printed, when the table has one.
    #[getter]
    fn total(&self) -> Option<PyFlowFigures> {
        self.inner.total.map(|inner| PyFlowFigures { inner })
    }
    /// *Varav unika deltagare*: people counted once across interventions, when stated.
    #[getter]
    fn unique_participants(&self) -> Option<u64> {
        self.inner.unique_participants
    }

    /// The row of the intervention `intervention_id`, or `None`.
    fn row(&self, intervention_id: &str) -> Option<PyFlowRow> {
        self.inner
            .rows
            .iter()
            .find(|row| row.intervention.as_str() == intervention_id)
            .cloned()
            .map(|inner| PyFlowRow { inner })
    }

    /// The table as a pandas `DataFrame`: one row per intervention (`intervention_id`,
    /// `label`, then the eight figures), then the TOTALT row (`intervention_id` `None`, `label`
    /// "TOTALT") when the table has one. Every column holds Python objects, so a figure is an
    /// `int`, `"not_applicable"` or `None` as on `FlowFigures`.
    fn to_pandas(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let mut columns = Columns::new(py, &FLOW_COLUMNS);
        let mut push = |id: Option<&str>, label: Option<&str>, figures: &FlowFigures| {
            let mut cells = vec![cell(py, id)?, cell(py, label)?];
            for field in FlowField::ALL {
                cells.push(figure_out(py, figures.get(field))?);
            }
            columns.push(cells);
            PyResult::Ok(())
        };
        for row in &self.inner.rows {
            push(
                Some(row.intervention.as_str()),
                row.label.as_deref(),
                &row.figures,
            )?;
        }
        if let Some(total) = &self.inner.total {
            push(None, Some(FLOW_TOTAL_LABEL), total)?;
        }
        columns.into_object_frame()
    }

    fn __repr__(&self) -> String {
        format!(
            "<FlowTable {} row(s), unique_participants={}>",
            self.inner.rows.len(),
            count_repr(self.inner.unique_participants)
        )
    }
}

/// Counts of one end reason by gender, with the row's printed total.
#[pyclass(
    name = "EndReasonRow",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyEndReasonRow {
    pub(crate) inner: EndReasonRow,
}

#[pymethods]
impl PyEndReasonRow {
    /// The reason's stable code, e.g. `continued_rehabilitation`.
    #[getter]
    fn reason(&self) -> &'static str {
        self.inner.reason.code()
    }
    /// The reason as the table prints it, when given.
    #[getter]
    fn label(&self) -> Option<&str> {
        self.inner.label.as_deref()
    }
    /// Women.
    #[getter]
    fn women(&self) -> Option<u64> {
        self.inner.women
    }
    /// Men.
    #[getter]
    fn men(&self) -> Option<u64> {
        self.inner.men
    }
    /// Other or unspecified gender, when the table has that column.
    #[getter]
    fn other(&self) -> Option<u64> {
        self.inner.other
    }
    /// The row's printed total.
    #[getter]
    fn total(&self) -> Option<u64> {
        self.inner.total
    }

    fn __repr__(&self) -> String {
        format!(
            "<EndReasonRow '{}': women={}, men={}, other={}, total={}>",
            self.inner.reason.code(),
            count_repr(self.inner.women),
            count_repr(self.inner.men),
            count_repr(self.inner.other),
            count_repr(self.inner.total)
        )
    }
}

fn count_repr(count: Option<u64>) -> String {
    count
        .map(|n| n.to_string())
        .unwrap_or_else(|| "None".to_owned())
}

/// The printed total row of an end-reason table.
#[pyclass(
    name = "EndReasonTotals",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyEndReasonTotals {
    pub(crate) inner: EndReasonTotals,
}

#[pymethods]
impl PyEndReasonTotals {
    /// Women.
    #[getter]
    fn women(&self) -> Option<u64> {
        self.inner.women
    }
    /// Men.
    #[getter]
    fn men(&self) -> Option<u64> {
        self.inner.men
    }
    /// Other or unspecified gender.
    #[getter]
    fn other(&self) -> Option<u64> {
        self.inner.other
    }
    /// The grand total.
    #[getter]
    fn total(&self) -> Option<u64> {
        self.inner.total
    }

    fn __repr__(&self) -> String {
        format!(
            "<EndReasonTotals women={}, men={}, other={}, total={}>",
            count_repr(self.inner.women),
            count_repr(self.inner.men),
            count_repr(self.inner.other),
            count_repr(self.inner.total)
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
    fn rows(&self) -> Vec<PyEndReasonRow> {
        self.inner
            .rows
            .iter()
            .cloned()
            .map(|inner| PyEndReasonRow { inner })
            .collect()
    }
    /// The printed total row, when the table has one.
    #[getter]
    fn total(&self) -> Option<PyEndReasonTotals> {
        self.inner.total.map(|inner| PyEndReasonTotals { inner })
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
    fn to_pandas(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let mut columns = Columns::new(py, &["reason", "label", "women", "men", "other", "total"]);
        for row in &self.inner.rows {
            columns.push(vec![
                cell(py, row.reason.code())?,
                cell(py, row.label.as_deref())?,
                cell(py, row.women)?,
                cell(py, row.men)?,
                cell(py, row.other)?,
                cell(py, row.total)?,
            ]);
        }
        if let Some(total) = &self.inner.total {
            columns.push(vec![
                py.None(),
                cell(py, END_REASON_TOTAL_LABEL)?,
                cell(py, total.women)?,
                cell(py, total.men)?,
                cell(py, total.other)?,
                cell(py, total.total)?,
            ]);
        }
        columns.into_object_frame()
    }

    fn __repr__(&self) -> String {
        format!(
            "<EndReasonTable {} row(s), total={}>",
            self.inner.rows.len(),
            count_repr(self.inner.total.and_then(|t| t.total))
        )
    }
}
