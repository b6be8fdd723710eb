//! The text parser ([`finsam_core::parse`]) for Python: reading a goal cell and a result cell
//! (`read_cells`, `parse_goal_cell`, `parse_result_cell`, `parse_number`, `id_from_name`), what
//! the parser is unsure of (`Issue`), and building interventions and reports from the rows of a
//! goal-fulfilment table pasted as text (`Intervention.from_text`, `Report.from_text`).
//!
//! Spans cross as Python `str` indexes (code points), not as the core's UTF-8 byte offsets:
//! `cell[start:end]` is the text concerned whatever å, ä and ö stand before it.

use finsam_core::render::char_index;
use finsam_core::text::{
    self, Aligned, Cell, GoalCell, GoalItem, Issue, ResultCell, ResultItem, Span, TextIntervention,
    TextRow,
};
use finsam_core::{ErrorKind, InterventionKind, Language, Period, Report};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyFloat, PyList, PyString, PyTuple};

use crate::convert::{code_out, decimal_opt_out, frame, repr_str, Arg, Named, SV};
use crate::errors::{catch, core_error, run, Error, Result};
use crate::model::{PyGoal, PyGoalResult, PyIntervention, PyReport};

/// A Python string as Rust text. A lone surrogate, which UTF-8 cannot hold, becomes "?": one
/// character for one, so that an index into the text is an index into the Python string.
fn text_in(value: &Bound<'_, PyString>) -> Result<String> {
    match value.to_cow() {
        Ok(text) => Ok(text.into_owned()),
        Err(_) => {
            let encoded = value.call_method1("encode", ("utf-8", "replace"))?;
            let bytes = encoded.cast::<PyBytes>().map_err(PyErr::from)?;
            Ok(String::from_utf8_lossy(bytes.as_bytes()).into_owned())
        }
    }
}

/// A core span (bytes) as `(start, end)` Python `str` indexes into `text`.
fn span_out(text: &str, span: Span) -> (usize, usize) {
    (char_index(text, span.start), char_index(text, span.end))
}

/// The issues as Python objects; `goals` and `results` are the texts of the two cells.
fn issues_out(issues: &[Issue], goals: &str, results: &str) -> Vec<PyIssue> {
    issues
        .iter()
        .map(|issue| PyIssue::new(issue.clone(), goals, results))
        .collect()
}

/// One thing the parser is unsure of or could not read, with the text it concerns.
#[pyclass(name = "Issue", module = "finsam", frozen, eq, hash, from_py_object)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyIssue {
    inner: Issue,
    start: usize,
    end: usize,
}

impl PyIssue {
    fn new(inner: Issue, goals: &str, results: &str) -> PyIssue {
        let text = match inner.cell {
            Cell::Goals => goals,
            Cell::Results => results,
        };
        let (start, end) = span_out(text, inner.span);
        PyIssue { inner, start, end }
    }
}

#[pymethods]
impl PyIssue {
    /// The stable code: `unparsed_text`, `number_in_text`, `approximate_number`,
    /// `missing_result`, `unaligned_result`, `shared_result` or `too_long`.
    #[getter]
    fn code(&self) -> &'static str {
        self.inner.code.code()
    }
    /// `error` (text not read), `warning` (a goal without a result, a result without a goal, a
    /// number inside a text) or `info`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.inner.severity.code()
    }
    /// The cell the issue is in: `goals` or `results`.
    #[getter]
    fn cell(&self) -> String {
        code_out(&self.inner.cell)
    }
    /// `(start, end)`: Python `str` indexes (not bytes) into the cell's text, so that
    /// `text[start:end]` is the text concerned.
    #[getter]
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
    /// The first index of the span (a `str` index).
    #[getter]
    fn start(&self) -> usize {
        self.start
    }
    /// One past the last index of the span (a `str` index).
    #[getter]
    fn end(&self) -> usize {
        self.end
    }
    /// The text concerned, line breaks and runs of spaces made single spaces (for a cell too
    /// long to read, its first 80 characters).
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// The issue in `language` (`sv` or `en`).
    #[pyo3(signature = (language = SV))]
    fn message(&self, language: Arg<Language>) -> &str {
        language
            .0
            .pick(&self.inner.message_sv, &self.inner.message_en)
    }

    fn __repr__(&self, py: Python<'_>) -> Result<String> {
        Ok(format!(
            "<Issue '{}' in {} [{}:{}]: {}>",
            self.inner.code.code(),
            code_out(&self.inner.cell),
            self.start,
            self.end,
            repr_str(py, &self.inner.text)?
        ))
    }
}

/// One item of a goal cell: a goal read, or text that could not be read.
#[pyclass(name = "GoalItem", module = "finsam", frozen, eq, hash, from_py_object)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyGoalItem {
    inner: GoalItem,
    start: usize,
    end: usize,
    text: String,
}

impl PyGoalItem {
    fn new(inner: GoalItem, cell: &str) -> PyGoalItem {
        let span = match &inner {
            GoalItem::Goal { span, .. }
            | GoalItem::Unparsed { span, .. }
            | GoalItem::Aside { span, .. } => *span,
        };
        let (start, end) = span_out(cell, span);
        PyGoalItem {
            text: span.of(cell).to_owned(),
            inner,
            start,
            end,
        }
    }
}

#[pymethods]
impl PyGoalItem {
    /// `goal` or `unparsed`.
    #[getter]
    fn r#type(&self) -> &'static str {
        match self.inner {
            GoalItem::Goal { .. } => "goal",
            GoalItem::Unparsed { .. } => "unparsed",
            GoalItem::Aside { .. } => "aside",
        }
    }
    /// The goal read (its result missing: results are placed by `read_cells`); `None` for
    /// unparsed text.
    #[getter]
    fn goal(&self) -> Option<PyGoal> {
        match &self.inner {
            GoalItem::Goal { goal, .. } => Some(PyGoal {
                inner: goal.clone(),
            }),
            GoalItem::Unparsed { .. } | GoalItem::Aside { .. } => None,
        }
    }
    /// `(start, end)`: Python `str` indexes into the cell's text.
    #[getter]
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
    /// The cell's text the item stands in, as given: `cell.text[start:end]`.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }

    fn __repr__(&self, py: Python<'_>) -> Result<String> {
        Ok(format!(
            "<GoalItem {} [{}:{}]: {}>",
            self.r#type(),
            self.start,
            self.end,
            repr_str(py, &self.text)?
        ))
    }
}

/// One item of a result cell: a result read, or text that could not be read.
#[pyclass(
    name = "ResultItem",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyResultItem {
    inner: ResultItem,
    start: usize,
    end: usize,
    text: String,
}

impl PyResultItem {
    fn new(inner: ResultItem, cell: &str) -> PyResultItem {
        let span = match &inner {
            ResultItem::Result { span, .. } | ResultItem::Unparsed { span, .. } => *span,
        };
        let (start, end) = span_out(cell, span);
        PyResultItem {
            text: span.of(cell).to_owned(),
            inner,
            start,
            end,
        }
    }
}

#[pymethods]
impl PyResultItem {
    /// `result` or `unparsed`.
    #[getter]
    fn r#type(&self) -> &'static str {
        match self.inner {
            ResultItem::Result { .. } => "result",
            ResultItem::Unparsed { .. } => "unparsed",
        }
    }
    /// The result read; `None` for unparsed text.
    #[getter]
    fn result(&self) -> Option<PyGoalResult> {
        match &self.inner {
            ResultItem::Result { result, .. } => Some(PyGoalResult {
                inner: result.clone(),
            }),
            ResultItem::Unparsed { .. } => None,
        }
    }
    /// `(start, end)`: Python `str` indexes into the cell's text.
    #[getter]
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
    /// The cell's text the item stands in, as given: `cell.text[start:end]`.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }

    fn __repr__(&self, py: Python<'_>) -> Result<String> {
        Ok(format!(
            "<ResultItem {} [{}:{}]: {}>",
            self.r#type(),
            self.start,
            self.end,
            repr_str(py, &self.text)?
        ))
    }
}

/// A goal cell as parsed: its items in the order of the text and the issues.
#[pyclass(name = "GoalCell", module = "finsam", frozen, eq, hash, from_py_object)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyGoalCell {
    inner: GoalCell,
}

#[pymethods]
impl PyGoalCell {
    /// The cell's text, as given.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }
    /// Every item, goals and unparsed text, in the order of the text.
    #[getter]
    fn items(&self) -> Vec<PyGoalItem> {
        self.inner
            .items
            .iter()
            .map(|item| PyGoalItem::new(item.clone(), &self.inner.text))
            .collect()
    }
    /// The goals read, in order (their results missing).
    #[getter]
    fn goals(&self) -> Vec<PyGoal> {
        self.inner
            .goals()
            .map(|goal| PyGoal {
                inner: goal.clone(),
            })
            .collect()
    }
    /// What the parser is unsure of in this cell.
    #[getter]
    fn issues(&self) -> Vec<PyIssue> {
        issues_out(&self.inner.issues, &self.inner.text, &self.inner.text)
    }

    fn __repr__(&self) -> String {
        format!(
            "<GoalCell: {} item(s), {} issue(s)>",
            self.inner.items.len(),
            self.inner.issues.len()
        )
    }
}

/// A result cell as parsed: its items in the order of the text and the issues.
#[pyclass(
    name = "ResultCell",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyResultCell {
    inner: ResultCell,
}

#[pymethods]
impl PyResultCell {
    /// The cell's text, as given.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }
    /// Every item, results and unparsed text, in the order of the text.
    #[getter]
    fn items(&self) -> Vec<PyResultItem> {
        self.inner
            .items
            .iter()
            .map(|item| PyResultItem::new(item.clone(), &self.inner.text))
            .collect()
    }
    /// The results read, in order.
    #[getter]
    fn results(&self) -> Vec<PyGoalResult> {
        self.inner
            .items
            .iter()
            .filter_map(|item| match item {
                ResultItem::Result { result, .. } => Some(PyGoalResult {
                    inner: result.clone(),
                }),
                ResultItem::Unparsed { .. } => None,
            })
            .collect()
    }
    /// What the parser is unsure of in this cell.
    #[getter]
    fn issues(&self) -> Vec<PyIssue> {
        issues_out(&self.inner.issues, &self.inner.text, &self.inner.text)
    }

    fn __repr__(&self) -> String {
        format!(
            "<ResultCell: {} item(s), {} issue(s)>",
            self.inner.items.len(),
            self.inner.issues.len()
        )
    }
}

/// The goals of a goal cell with the results of a result cell placed on them.
#[pyclass(name = "Aligned", module = "finsam", frozen, eq, hash, from_py_object)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyAligned {
    inner: Aligned,
}

#[pymethods]
impl PyAligned {
    /// The goals, each with its result (a missing result where none was found).
    #[getter]
    fn goals(&self) -> Vec<PyGoal> {
        self.inner
            .goals
            .iter()
            .cloned()
            .map(|inner| PyGoal { inner })
            .collect()
    }
    /// For each goal, the indexes of the result cell's items (`result_cell.items`) that
    /// answer it.
    #[getter]
    fn sources(&self) -> Vec<Vec<usize>> {
        self.inner.sources.clone()
    }
    /// The goal cell as parsed.
    #[getter]
    fn goal_cell(&self) -> PyGoalCell {
        PyGoalCell {
            inner: self.inner.goal_cell.clone(),
        }
    }
    /// The result cell as parsed.
    #[getter]
    fn result_cell(&self) -> PyResultCell {
        PyResultCell {
            inner: self.inner.result_cell.clone(),
        }
    }
    /// Every issue of both cells and of the alignment; each span indexes the text of its
    /// `cell`.
    #[getter]
    fn issues(&self) -> Vec<PyIssue> {
        issues_out(
            &self.inner.issues,
            &self.inner.goal_cell.text,
            &self.inner.result_cell.text,
        )
    }
    /// Whether both cells were read completely: no unparsed text, every goal with a result and
    /// every result placed (issues of severity `info` allowed).
    #[getter]
    fn complete(&self) -> bool {
        self.inner.complete()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Aligned: {} goal(s), {} issue(s), {}>",
            self.inner.goals.len(),
            self.inner.issues.len(),
            if self.inner.complete() {
                "complete"
            } else {
                "incomplete"
            }
        )
    }
}

/// Reads a goal cell and a result cell and places the results on the goals. Never raises for
/// any text: what cannot be read comes back as unparsed items with issues.
#[pyfunction]
pub(crate) fn read_cells(
    goals: &Bound<'_, PyString>,
    results: &Bound<'_, PyString>,
) -> Result<PyAligned> {
    let (goals, results) = (text_in(goals)?, text_in(results)?);
    let inner = run(|| text::read_cells(&goals, &results))?;
    Ok(PyAligned { inner })
}

/// Reads a goal cell into goals and unparsed text.
#[pyfunction]
pub(crate) fn parse_goal_cell(text: &Bound<'_, PyString>) -> Result<PyGoalCell> {
    let text = text_in(text)?;
    let inner = run(|| text::parse_goal_cell(&text))?;
    Ok(PyGoalCell { inner })
}

/// Reads a result cell into results and unparsed text.
#[pyfunction]
pub(crate) fn parse_result_cell(text: &Bound<'_, PyString>) -> Result<PyResultCell> {
    let text = text_in(text)?;
    let inner = run(|| text::parse_result_cell(&text))?;
    Ok(PyResultCell { inner })
}

/// A Swedish number ("1 150", "8,5", "-3") as `decimal.Decimal`; `None` unless the whole text
/// is one number.
#[pyfunction]
pub(crate) fn parse_number(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
) -> Result<Option<Py<PyAny>>> {
    let text = text_in(text)?;
    decimal_opt_out(py, text::parse_number(&text))
}

/// The id `from_text` makes from a name ("Möjliggörarna" → `mojliggorarna`); `None` when
/// nothing is left.
#[pyfunction]
pub(crate) fn id_from_name(name: &Bound<'_, PyString>) -> Result<Option<String>> {
    Ok(text::id_from_name(&text_in(name)?))
}

/// An intervention built from a row of text, with the cells as parsed and what the parser is
/// unsure of.
#[pyclass(
    name = "TextIntervention",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyTextIntervention {
    inner: TextIntervention,
}

impl PyTextIntervention {
    fn issues_of(built: &TextIntervention) -> Vec<PyIssue> {
        issues_out(
            built.issues(),
            &built.aligned.goal_cell.text,
            &built.aligned.result_cell.text,
        )
    }
}

#[pymethods]
impl PyTextIntervention {
    /// The intervention: its goals with their results, and the decided grade as printed.
    #[getter]
    fn intervention(&self) -> PyIntervention {
        PyIntervention {
            inner: self.inner.intervention.clone(),
        }
    }
    /// The two cells as parsed and aligned.
    #[getter]
    fn aligned(&self) -> PyAligned {
        PyAligned {
            inner: self.inner.aligned.clone(),
        }
    }
    /// Every issue of the row.
    #[getter]
    fn issues(&self) -> Vec<PyIssue> {
        PyTextIntervention::issues_of(&self.inner)
    }
    /// Whether both cells were read completely (see `Aligned.complete`).
    #[getter]
    fn complete(&self) -> bool {
        self.inner.aligned.complete()
    }

    fn __repr__(&self, py: Python<'_>) -> Result<String> {
        Ok(format!(
            "<TextIntervention {}: {} goal(s), {} issue(s)>",
            repr_str(py, self.inner.intervention.id.as_str())?,
            self.inner.intervention.goals.len(),
            self.inner.issues().len()
        ))
    }
}

/// Builds an intervention from a row of text (the body of `Intervention.from_text`).
pub(crate) fn intervention_from_text(
    row: TextRowArgs,
    kind: InterventionKind,
) -> Result<PyTextIntervention> {
    let row = TextRow {
        kind: Some(kind),
        name: row.name,
        goals: row.goals,
        results: row.results,
        grade: row.grade,
        id: row.id,
    };
    Ok(PyTextIntervention {
        inner: catch(|| text::intervention_from_text(&row))?,
    })
}

/// The text arguments of `Intervention.from_text`.
pub(crate) struct TextRowArgs {
    /// The intervention's name.
    pub(crate) name: String,
    /// The goal cell.
    pub(crate) goals: String,
    /// The result cell.
    pub(crate) results: String,
    /// The printed grade.
    pub(crate) grade: Option<String>,
    /// The id, when not made from the name.
    pub(crate) id: Option<String>,
}

/// A report built from the rows of a goal-fulfilment table, with each row as parsed.
#[pyclass(
    name = "TextReport",
    module = "finsam",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyTextReport {
    report: Report,
    rows: Vec<TextIntervention>,
}

#[pymethods]
impl PyTextReport {
    /// The report: one intervention per row, in order.
    #[getter]
    fn report(&self) -> PyReport {
        PyReport {
            inner: self.report.clone(),
        }
    }
    /// Each row as built and parsed, in order.
    #[getter]
    fn rows(&self) -> Vec<PyTextIntervention> {
        self.rows
            .iter()
            .cloned()
            .map(|inner| PyTextIntervention { inner })
            .collect()
    }
    /// The issues of each row: one list per row, in order.
    #[getter]
    fn issues(&self) -> Vec<Vec<PyIssue>> {
        self.rows
            .iter()
            .map(PyTextIntervention::issues_of)
            .collect()
    }
    /// Whether every row was read completely.
    #[getter]
    fn complete(&self) -> bool {
        self.rows.iter().all(|row| row.aligned.complete())
    }

    /// Every issue as a pandas `DataFrame`, one row per issue: `row` (the row's position),
    /// `intervention_id`, `code`, `severity`, `cell`, `start`, `end` (Python `str` indexes into
    /// the cell), `text` and `message` (in `language`). Needs pandas.
    #[pyo3(signature = (language = SV))]
    fn issues_to_pandas(&self, py: Python<'_>, language: Arg<Language>) -> Result<Py<PyAny>> {
        let table = catch(|| finsam_core::render::issue_table(&self.rows, language.0))?;
        frame(py, table, false)
    }

    fn __repr__(&self, py: Python<'_>) -> Result<String> {
        Ok(format!(
            "<TextReport {} {}: {} row(s), {} issue(s)>",
            repr_str(py, &self.report.organisation)?,
            self.report.period,
            self.rows.len(),
            self.rows.iter().map(|r| r.issues().len()).sum::<usize>()
        ))
    }
}

/// The columns of a row of text, in the order a tuple gives them.
const ROW_FIELDS: [&str; 6] = ["name", "goals", "results", "grade", "id", "kind"];

static DATA_FRAME: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Whether `value` is a pandas `DataFrame` (without importing pandas when it is not loaded).
fn is_data_frame(value: &Bound<'_, PyAny>) -> Result<bool> {
    let py = value.py();
    let loaded = py.import("sys")?.getattr("modules")?.contains("pandas")?;
    if !loaded {
        return Ok(false);
    }
    Ok(value.is_instance(DATA_FRAME.import(py, "pandas", "DataFrame")?)?)
}

/// Whether a cell is empty: `None`, a float NaN or pandas' `NA`/`NaT` (a blank cell of a
/// `DataFrame`).
fn is_missing(value: &Bound<'_, PyAny>) -> Result<bool> {
    if value.is_none() {
        return Ok(true);
    }
    if let Ok(float) = value.cast::<PyFloat>() {
        return Ok(float.value().is_nan());
    }
    let name = value.get_type().name()?;
    Ok(matches!(name.to_cow()?.as_ref(), "NAType" | "NaTType"))
}

/// A text column of a row: a `str`, or nothing for an empty cell.
fn text_field(value: Option<&Bound<'_, PyAny>>, path: &str) -> Result<Option<String>> {
    let Some(value) = value else {
        return Ok(None);
    };
    if is_missing(value)? {
        return Ok(None);
    }
    match value.cast::<PyString>() {
        Ok(text) => Ok(Some(text.to_cow()?.into_owned())),
        Err(_) => Err(core_error(
            ErrorKind::InvalidType,
            path,
            format!("expected str, got {}", value.get_type().name()?),
        )),
    }
}

/// One row of `Report.from_text`: a dict with the columns as keys, or a tuple or list of 3 to 6
/// values in the order name, goals, results, grade, id, kind.
fn row_in(row: &Bound<'_, PyAny>, index: usize) -> Result<TextRow> {
    let here = format!("[{index}]");
    let at = |field: &str| format!("{here}.{field}");
    let mut values: [Option<Bound<'_, PyAny>>; 6] = Default::default();
    if let Ok(dict) = row.cast::<PyDict>() {
        for (key, value) in dict.iter() {
            let key = key.str()?.to_cow()?.into_owned();
            let slot = ROW_FIELDS
                .iter()
                .position(|field| *field == key)
                .and_then(|position| values.get_mut(position))
                .ok_or_else(|| {
                    core_error(
                        ErrorKind::UnknownField,
                        &at(&key),
                        format!(
                            "unknown column '{key}'; the columns are {}",
                            ROW_FIELDS.join(", ")
                        ),
                    )
                })?;
            *slot = Some(value);
        }
    } else if row.is_instance_of::<PyTuple>() || row.is_instance_of::<PyList>() {
        let items = row.try_iter()?.collect::<PyResult<Vec<_>>>()?;
        if !(3..=ROW_FIELDS.len()).contains(&items.len()) {
            return Err(core_error(
                ErrorKind::InvalidValue,
                &here,
                format!(
                    "a row of {} values; give 3 to 6, in the order {}",
                    items.len(),
                    ROW_FIELDS.join(", ")
                ),
            ));
        }
        for (slot, item) in values.iter_mut().zip(items) {
            *slot = Some(item);
        }
    } else {
        return Err(core_error(
            ErrorKind::InvalidType,
            &here,
            format!("expected a dict or a tuple, got {}", row.get_type().name()?),
        ));
    }
    let [name, goals, results, grade, id, kind] = values;
    let name = text_field(name.as_ref(), &at("name"))?.ok_or_else(|| {
        core_error(
            ErrorKind::MissingField,
            &at("name"),
            "every row needs the intervention's name",
        )
    })?;
    let kind = text_field(kind.as_ref(), &at("kind"))?
        .map(|kind| InterventionKind::read(&kind).map_err(|e| Error::from(e.under(&at("kind")))))
        .transpose()?;
    Ok(TextRow {
        name,
        goals: text_field(goals.as_ref(), &at("goals"))?.unwrap_or_default(),
        results: text_field(results.as_ref(), &at("results"))?.unwrap_or_default(),
        grade: text_field(grade.as_ref(), &at("grade"))?,
        id: text_field(id.as_ref(), &at("id"))?,
        kind,
    })
}

/// The rows of `Report.from_text`: an iterable of rows, or a `DataFrame` whose columns are
/// the fields.
fn rows_in(rows: &Bound<'_, PyAny>) -> Result<Vec<TextRow>> {
    let records = if is_data_frame(rows)? {
        rows.call_method1("to_dict", ("records",))?
    } else {
        rows.clone()
    };
    records
        .try_iter()?
        .enumerate()
        .map(|(index, row)| row_in(&row?, index))
        .collect()
}

/// Builds a report from the rows of a goal-fulfilment table (the body of `Report.from_text`).
pub(crate) fn report_from_text(
    organisation: &str,
    period: Period,
    rows: &Bound<'_, PyAny>,
) -> Result<PyTextReport> {
    let rows = rows_in(rows)?;
    let (report, rows) = catch(|| text::report_from_text(organisation, period, &rows))?;
    Ok(PyTextReport { report, rows })
}
