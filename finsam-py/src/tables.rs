//! The core's tables ([`finsam_core::render`]) handed to Python as a pandas `DataFrame` (one
//! row per goal or per intervention), and the column builder the other frames (diagnostics,
//! flows, end reasons) use.

use finsam_core::render::{goal_rows, intervention_rows};
use finsam_core::{Assessment, Decision, ErrorKind};
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3::IntoPyObjectExt;

use crate::convert::{code_out, decimal_opt_out, grade_opt_out, language_in};
use crate::errors::{core_error, guard};

/// Columns in order, each a Python list.
pub(crate) struct Columns<'py> {
    py: Python<'py>,
    names: Vec<String>,
    values: Vec<Vec<Py<PyAny>>>,
}

impl<'py> Columns<'py> {
    /// Empty columns with these names.
    pub(crate) fn new(py: Python<'py>, names: &[&'static str]) -> Self {
        Columns::named(py, names.iter().map(|name| (*name).to_owned()).collect())
    }

    /// Empty columns with names made at run time (e.g. one per period).
    pub(crate) fn named(py: Python<'py>, names: Vec<String>) -> Self {
        Columns {
            py,
            values: names.iter().map(|_| Vec::new()).collect(),
            names,
        }
    }

    /// Appends one row; `cells` are in column order.
    pub(crate) fn push(&mut self, cells: Vec<Py<PyAny>>) {
        for (column, cell) in self.values.iter_mut().zip(cells) {
            column.push(cell);
        }
    }

    /// The `DataFrame`, with the column types pandas infers.
    pub(crate) fn into_frame(self) -> PyResult<Py<PyAny>> {
        self.build(None)
    }

    /// The `DataFrame` with every column of dtype `object`, so that each cell is the Python
    /// value the binding's properties return (`None` stays `None`, an `int` beside `None` or
    /// `"not_applicable"` stays an `int`).
    pub(crate) fn into_object_frame(self) -> PyResult<Py<PyAny>> {
        let object = self.py.import("builtins")?.getattr("object")?.unbind();
        self.build(Some(object))
    }

    fn build(self, dtype: Option<Py<PyAny>>) -> PyResult<Py<PyAny>> {
        let pandas = self.py.import("pandas").map_err(|_| {
            PyImportError::new_err(
                "to_pandas needs pandas, which is not installed: pip install pandas",
            )
        })?;
        let data = PyDict::new(self.py);
        for (name, column) in self.names.iter().zip(self.values) {
            data.set_item(name, PyList::new(self.py, column)?)?;
        }
        let kwargs = PyDict::new(self.py);
        if let Some(dtype) = dtype {
            kwargs.set_item("dtype", dtype)?;
        }
        Ok(pandas
            .getattr("DataFrame")?
            .call((data,), Some(&kwargs))?
            .unbind())
    }
}

/// One cell: any value that converts to Python.
pub(crate) fn cell<'py, T: IntoPyObject<'py>>(py: Python<'py>, value: T) -> PyResult<Py<PyAny>> {
    value.into_py_any(py)
}

/// The assessments as a pandas `DataFrame`: `level="goal"` gives one row per goal,
/// `level="intervention"` one row per intervention.
pub(crate) fn frame(
    py: Python<'_>,
    assessments: &[Assessment],
    level: &str,
    language: &str,
) -> PyResult<Py<PyAny>> {
    let language = guard(py, || language_in(language))?;
    match level {
        "goal" => {
            let mut columns = Columns::new(
                py,
                &[
                    "intervention_id",
                    "intervention",
                    "goal_number",
                    "goal",
                    "kind",
                    "direction",
                    "target",
                    "unit",
                    "result_type",
                    "result",
                    "value",
                    "attainment",
                    "status",
                ],
            );
            for row in goal_rows(assessments, language) {
                columns.push(vec![
                    cell(py, row.intervention_id.as_str())?,
                    cell(py, row.intervention)?,
                    cell(py, row.goal_number)?,
                    cell(py, row.goal)?,
                    cell(py, row.kind.code())?,
                    cell(py, row.direction.code())?,
                    cell(py, decimal_opt_out(py, row.target)?)?,
                    cell(py, row.unit)?,
                    cell(py, row.result_type)?,
                    cell(py, row.result)?,
                    cell(py, decimal_opt_out(py, row.value)?)?,
                    cell(py, decimal_opt_out(py, row.attainment)?)?,
                    cell(py, row.status.code())?,
                ]);
            }
            columns.into_frame()
        }
        "intervention" => {
            let mut columns = Columns::new(
                py,
                &[
                    "intervention_id",
                    "intervention",
                    "goals",
                    "measured_goals",
                    "unmeasured_goals",
                    "score",
                    "grade",
                    "grade_label",
                    "decided",
                    "decided_label",
                    "comparison",
                    "rule",
                ],
            );
            for row in intervention_rows(assessments, language) {
                columns.push(vec![
                    cell(py, row.intervention_id.as_str())?,
                    cell(py, row.intervention)?,
                    cell(py, row.goals)?,
                    cell(py, row.measured_goals)?,
                    cell(py, row.unmeasured_goals)?,
                    cell(py, decimal_opt_out(py, row.score)?)?,
                    cell(py, grade_opt_out(py, row.grade)?)?,
                    cell(py, row.grade_label)?,
                    cell(
                        py,
                        grade_opt_out(py, row.decided.and_then(Decision::grade))?,
                    )?,
                    cell(py, row.decided_label)?,
                    cell(py, row.comparison.map(|c| code_out(&c)))?,
                    cell(py, row.rule)?,
                ]);
            }
            columns.into_frame()
        }
        other => guard(py, || {
            Err(core_error(
                ErrorKind::UnknownVariant,
                "level",
                format!("unknown level '{other}'; use 'goal' or 'intervention'"),
            ))
        }),
    }
}
