//! Tables as data. Every table a user gets (the goal-fulfilment rows, the checker's findings,
//! the flow table, the statement, the series per year, …) is a [`Row`] type of the core: a
//! `Serialize` struct whose fields are the table's columns in order, with each column's
//! [`ColumnKind`] and its headings in Swedish and English ([`Row::columns`]). A [`Table`] is
//! the rows with their columns, as data.
//!
//! Bindings and writers never list a table's columns: Python's `to_pandas`, the JavaScript
//! functions, the HTML tables and the document writers all read them from here, and type their
//! cells by the column's kind (a decimal stays exact, an id stays text).

use std::borrow::Cow;

use serde::Serialize;
use serde_json::Value;

use crate::common::error::{Error, ErrorKind, Result};
use crate::common::locale::Language;

/// What a column holds, so that a binding or a writer can type its cells.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    /// Text for people: a name, a goal as written, a message.
    Text,
    /// A stable code a program branches on (`share`, `reached`, `flow_gender_sum`).
    Code,
    /// An id: text, even when it is digits ("0012").
    Id,
    /// A whole number: a count of people, goals or rows; a position.
    Integer,
    /// An exact decimal, written as a string in JSON ("8.5").
    Decimal,
    /// A percentage on the 0–100 scale, an exact decimal.
    Percent,
    /// A part of one in [0, 1] (an attainment, a score), an exact decimal.
    Fraction,
    /// An amount of money in the table's unit (tkr or SEK), an exact decimal.
    Money,
    /// A calendar year.
    Year,
    /// A grade's code (`very_good`, `good`, `acceptable`, `not_met`).
    Grade,
    /// Yes or no.
    Bool,
}

impl ColumnKind {
    /// Whether the column's values are exact decimals written as strings.
    pub fn is_decimal(self) -> bool {
        matches!(
            self,
            ColumnKind::Decimal | ColumnKind::Percent | ColumnKind::Fraction | ColumnKind::Money
        )
    }
}

/// One column of a table: its key (the row's field), what it holds, and its heading in Swedish
/// and English.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "TableColumn"))]
pub struct Column {
    /// The field of the row, e.g. `intervention_id`.
    pub key: Cow<'static, str>,
    /// What the column holds.
    pub kind: ColumnKind,
    /// The heading in Swedish.
    pub label_sv: Cow<'static, str>,
    /// The heading in English.
    pub label_en: Cow<'static, str>,
}

impl Column {
    /// A column with a fixed key and headings.
    pub const fn new(
        key: &'static str,
        kind: ColumnKind,
        label_sv: &'static str,
        label_en: &'static str,
    ) -> Column {
        Column {
            key: Cow::Borrowed(key),
            kind,
            label_sv: Cow::Borrowed(label_sv),
            label_en: Cow::Borrowed(label_en),
        }
    }

    /// A column whose key and heading are made at run time (one column per period of a series).
    pub fn named(key: String, kind: ColumnKind, label_sv: String, label_en: String) -> Column {
        Column {
            key: Cow::Owned(key),
            kind,
            label_sv: Cow::Owned(label_sv),
            label_en: Cow::Owned(label_en),
        }
    }

    /// The heading in `language`.
    pub fn label(&self, language: Language) -> &str {
        match language {
            Language::Swedish => &self.label_sv,
            Language::English => &self.label_en,
        }
    }
}

/// A row of a table the core gives users: a `Serialize` struct whose fields are the table's
/// [`columns`](Row::columns).
pub trait Row: Serialize {
    /// The columns, in the table's order; one per field the row serialises.
    fn columns() -> Vec<Column>;
}

/// A table as data: its columns and its rows, each row its values in the columns' order
/// (decimals as strings, absent values as `null`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "DataTable"))]
pub struct Table {
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// The rows, in order; each has one value per column.
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    /// The table of `rows`. Each row must serialise to an object with exactly its type's
    /// columns (a test of every row type checks this); a row that does not is an error.
    pub fn of<R: Row>(rows: &[R]) -> Result<Table> {
        let columns = R::columns();
        let rows = rows
            .iter()
            .enumerate()
            .map(|(index, row)| row_map(row, &columns, index))
            .collect::<Result<Vec<_>>>()?;
        Ok(Table { columns, rows })
    }

    /// A table of columns made at run time and rows already as values in the columns' order.
    pub fn new(columns: Vec<Column>, rows: Vec<Vec<Value>>) -> Table {
        Table { columns, rows }
    }

    /// The value of the column `key` in row `index`, if there is one.
    pub fn value(&self, index: usize, key: &str) -> Option<&Value> {
        let column = self.columns.iter().position(|c| c.key == key)?;
        self.rows.get(index).and_then(|row| row.get(column))
    }
}

fn row_map<R: Serialize>(row: &R, columns: &[Column], index: usize) -> Result<Vec<Value>> {
    let mismatch = |what: String| {
        Error::new(
            ErrorKind::InvalidValue,
            format!("[{index}]"),
            format!("the row does not fit its table: {what}"),
        )
    };
    let Ok(Value::Object(mut map)) = serde_json::to_value(row) else {
        return Err(mismatch("it is not an object".to_owned()));
    };
    let values = columns
        .iter()
        .map(|column| {
            map.remove(column.key.as_ref())
                .ok_or_else(|| mismatch(format!("it has no field {}", column.key)))
        })
        .collect::<Result<Vec<_>>>()?;
    if let Some(extra) = map.keys().next() {
        return Err(mismatch(format!("its field {extra} is not a column")));
    }
    Ok(values)
}
