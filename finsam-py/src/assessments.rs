//! `AssessmentList`: the assessments grading returns, held in Rust. Grading many interventions
//! makes this one Python object; an item becomes an `Assessment` object when it is read, one
//! that shares the list's assessment rather than copying it.

use std::sync::Arc;

use finsam_core::render::{goal_table, goal_text, intervention_table, intervention_text};
use finsam_core::{explain_all, Agreement, Assessment, ErrorKind, Language};
use pyo3::exceptions::{PyIndexError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyInt, PyList, PySlice, PyTuple};
use pyo3::IntoPyObjectExt;

use crate::convert::{frame, record, Arg, Named, SV};
use crate::errors::{catch, run, Result};
use crate::outcome::{Held, PyAssessment};

/// What a row of a graded table is: a goal or an intervention.
#[derive(Clone, Copy)]
pub(crate) enum Level {
    Goal,
    Intervention,
}

impl Named for Level {
    const FIELD: &'static str = "level";
    fn read(text: &str) -> finsam_core::Result<Level> {
        match text {
            "goal" => Ok(Level::Goal),
            "intervention" => Ok(Level::Intervention),
            other => Err(finsam_core::Error::new(
                ErrorKind::UnknownVariant,
                "",
                format!("unknown level '{other}'; use 'goal' or 'intervention'"),
            )),
        }
    }
}

/// The level argument's default, one row per goal.
pub(crate) const GOAL: Arg<Level> = Arg(Level::Goal);

/// The assessments as a pandas `DataFrame`, one row per goal or per intervention.
pub(crate) fn assessments_frame(
    py: Python<'_>,
    assessments: &[Assessment],
    level: Level,
    language: Language,
) -> Result<Py<PyAny>> {
    let table = catch(|| match level {
        Level::Goal => goal_table(assessments, language),
        Level::Intervention => intervention_table(assessments, language),
    });
    frame(py, table?, true)
}

/// The assessments grading returns (`grade_many`, `Report.grade`), in the order graded: a
/// read-only sequence whose items are `Assessment`s. It renders as the goal-fulfilment table in
/// a notebook and converts to pandas.
#[pyclass(name = "AssessmentList", module = "finsam", frozen, sequence)]
pub struct PyAssessmentList {
    // Shared with the `Assessment` objects read from the list, which stand for its items in
    // place.
    items: Arc<Vec<Assessment>>,
}

impl PyAssessmentList {
    /// The list of `assessments`.
    pub(crate) fn new_py(py: Python<'_>, assessments: Vec<Assessment>) -> PyResult<Py<PyAny>> {
        Ok(Py::new(
            py,
            PyAssessmentList {
                items: Arc::new(assessments),
            },
        )?
        .into_any())
    }

    fn item(&self, index: usize) -> Option<PyAssessment> {
        Held::item(&self.items, index).map(|inner| PyAssessment { inner })
    }

    /// The positions of the items equal to `item`; none when it is not an `Assessment`.
    fn positions_of<'a>(&'a self, item: &Bound<'_, PyAny>) -> impl Iterator<Item = usize> + 'a {
        let wanted: Option<Held> = item
            .cast::<PyAssessment>()
            .ok()
            .map(|a| a.get().inner.clone());
        self.items
            .iter()
            .enumerate()
            .filter(move |(_, candidate)| wanted.as_deref() == Some(*candidate))
            .map(|(position, _)| position)
    }

    /// Whether `other` holds the same assessments in the same order: another `AssessmentList`,
    /// or a `list` or `tuple` of `Assessment`s.
    fn same_items(&self, other: &Bound<'_, PyAny>) -> PyResult<Option<bool>> {
        if let Ok(list) = other.cast::<PyAssessmentList>() {
            return Ok(Some(self.items == list.get().items));
        }
        if !(other.is_instance_of::<PyList>() || other.is_instance_of::<PyTuple>()) {
            return Ok(None);
        }
        if other.len()? != self.items.len() {
            return Ok(Some(false));
        }
        for (mine, theirs) in self.items.iter().zip(other.try_iter()?) {
            match theirs?.cast::<PyAssessment>() {
                Ok(theirs) if *theirs.get().inner == *mine => {}
                _ => return Ok(Some(false)),
            }
        }
        Ok(Some(true))
    }
}

#[pymethods]
impl PyAssessmentList {
    /// A list of the given `Assessment`s, e.g. a selection of what grading returned.
    #[new]
    #[pyo3(signature = (assessments = None))]
    fn new(assessments: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let mut items = Vec::new();
        if let Some(assessments) = assessments {
            for (index, item) in assessments.try_iter()?.enumerate() {
                let item = item?;
                let Ok(assessment) = item.cast::<PyAssessment>() else {
                    return Err(PyTypeError::new_err(format!(
                        "AssessmentList items must be Assessment, not {} (item {index})",
                        item.get_type().name()?
                    )));
                };
                items.push(Assessment::clone(&assessment.get().inner));
            }
        }
        Ok(PyAssessmentList {
            items: Arc::new(items),
        })
    }

    fn __len__(&self) -> usize {
        self.items.len()
    }

    /// The assessment at `index` (negative counts from the end), or a new `AssessmentList` for
    /// a slice.
    fn __getitem__(&self, py: Python<'_>, index: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        if let Ok(slice) = index.cast::<PySlice>() {
            let length = isize::try_from(self.items.len())
                .map_err(|_| PyIndexError::new_err("AssessmentList is too long to slice"))?;
            let indices = slice.indices(length)?;
            let mut items = Vec::with_capacity(indices.slicelength);
            let mut position = indices.start;
            for _ in 0..indices.slicelength {
                if let Some(item) = usize::try_from(position)
                    .ok()
                    .and_then(|p| self.items.get(p))
                {
                    items.push(item.clone());
                }
                position += indices.step;
            }
            return PyAssessmentList::new_py(py, items);
        }
        let Ok(position) = index.extract::<isize>() else {
            if index.is_instance_of::<PyInt>() {
                return Err(PyIndexError::new_err("AssessmentList index out of range"));
            }
            return Err(PyTypeError::new_err(format!(
                "AssessmentList indices must be integers or slices, not {}",
                index.get_type().name()?
            )));
        };
        let from_start = if position < 0 {
            self.items.len().checked_sub(position.unsigned_abs())
        } else {
            usize::try_from(position).ok()
        };
        from_start
            .and_then(|p| self.item(p))
            .ok_or_else(|| PyIndexError::new_err("AssessmentList index out of range"))?
            .into_py_any(py)
    }

    fn __iter__(slf: Bound<'_, Self>) -> PyAssessmentListIterator {
        PyAssessmentListIterator {
            list: slf.unbind(),
            next: 0,
        }
    }

    fn __contains__(&self, item: &Bound<'_, PyAny>) -> bool {
        self.positions_of(item).next().is_some()
    }

    /// The position of the first item equal to `assessment`; `ValueError` if there is none.
    fn index(&self, assessment: &Bound<'_, PyAny>) -> PyResult<usize> {
        self.positions_of(assessment)
            .next()
            .ok_or_else(|| PyValueError::new_err("the assessment is not in the list"))
    }

    /// How many items equal `assessment`.
    fn count(&self, assessment: &Bound<'_, PyAny>) -> usize {
        self.positions_of(assessment).count()
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        match self.same_items(other)? {
            Some(same) => same.into_py_any(py),
            None => Ok(py.NotImplemented()),
        }
    }

    fn __ne__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        match self.same_items(other)? {
            Some(same) => (!same).into_py_any(py),
            None => Ok(py.NotImplemented()),
        }
    }

    /// The list itself: it cannot change, so a copy would only be the same list again.
    fn __copy__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    /// The list itself, as for `__copy__`.
    fn __deepcopy__<'py>(slf: Bound<'py, Self>, _memo: &Bound<'py, PyAny>) -> Bound<'py, Self> {
        slf
    }

    /// A `DataFrame` with one row per goal (`level="goal"`) or per intervention
    /// (`level="intervention"`). Needs pandas.
    #[pyo3(signature = (level = GOAL, language = SV))]
    fn to_pandas(
        &self,
        py: Python<'_>,
        level: Arg<Level>,
        language: Arg<Language>,
    ) -> Result<Py<PyAny>> {
        assessments_frame(py, &self.items, level.0, language.0)
    }

    /// The goal-fulfilment table (Insats | Mål | Resultat | Måluppfyllelse) as HTML.
    #[pyo3(signature = (language = SV, caption = None))]
    fn to_html(&self, language: Arg<Language>, caption: Option<&str>) -> Result<String> {
        run(|| finsam_core::render::goal_fulfilment_table(&self.items, language.0, caption))
    }

    /// The assessments as plain text for a terminal: one row per goal (`level="goal"`: the
    /// intervention's id, the goal's number and wording, the result, the attainment, the
    /// status) or per intervention (`level="intervention"`: the id, the name, the score, the
    /// computed and the decided grade, and how they compare), aligned under headings in
    /// `language`.
    #[pyo3(signature = (level = GOAL, language = SV))]
    fn to_text(&self, level: Arg<Level>, language: Arg<Language>) -> Result<String> {
        catch(|| match level.0 {
            Level::Goal => goal_text(&self.items, language.0),
            Level::Intervention => intervention_text(&self.items, language.0),
        })
    }

    /// Every assessment's explanation, separated by blank lines.
    #[pyo3(signature = (language = SV))]
    fn explain(&self, language: Arg<Language>) -> Result<String> {
        run(|| explain_all(&self.items, language.0))
    }

    /// How far the computed grades agree with the decided ones, the rows the association did
    /// not grade counted apart: an `Agreement`.
    pub(crate) fn agreement(&self, py: Python<'_>) -> Result<Py<PyAny>> {
        let counted = run(|| Agreement::of(self.items.iter()))?;
        record(py, "Agreement", &counted)
    }

    fn _repr_html_(&self) -> Result<String> {
        self.to_html(SV, None)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut items = Vec::with_capacity(self.items.len());
        for index in 0..self.items.len() {
            if let Some(item) = self.item(index) {
                items.push(item.__repr__(py)?);
            }
        }
        Ok(format!("AssessmentList([{}])", items.join(", ")))
    }
}

/// Iterates over an `AssessmentList`, making each `Assessment` as it is reached.
#[pyclass(name = "AssessmentListIterator", module = "finsam")]
pub struct PyAssessmentListIterator {
    list: Py<PyAssessmentList>,
    next: usize,
}

#[pymethods]
impl PyAssessmentListIterator {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self) -> Option<PyAssessment> {
        let item = self.list.get().item(self.next)?;
        self.next += 1;
        Some(item)
    }
}
