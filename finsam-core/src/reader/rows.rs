//! The reading record as a table: one row per part found or absent, then one per issue.

use serde::Serialize;

use crate::common::error::Result;
use crate::common::locale::Language;
use crate::common::table::{Column, ColumnKind, Row, Table};
use crate::reader::Reading;

/// A row of the reading record.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReadingRow<'a> {
    /// `part` or `issue`.
    pub entry: &'static str,
    /// The part's kind or the issue's code.
    pub code: &'static str,
    /// For a part `found` or `absent`; for an issue its severity.
    pub status: &'static str,
    /// The intervention concerned, if one is.
    pub intervention_id: Option<&'a str>,
    /// Where, in the document's terms and the table's language.
    pub place: Option<String>,
    /// What was read (a part) or the text concerned (an issue).
    pub text: Option<&'a str>,
    /// The issue in the table's language.
    pub message: Option<&'a str>,
}

impl Row for ReadingRow<'_> {
    fn columns() -> Vec<Column> {
        vec![
            Column::new("entry", ColumnKind::Code, "post", "entry"),
            Column::new("code", ColumnKind::Code, "kod", "code"),
            Column::new("status", ColumnKind::Code, "status", "status"),
            Column::new("intervention_id", ColumnKind::Id, "insats", "intervention"),
            Column::new("place", ColumnKind::Text, "plats", "place"),
            Column::new("text", ColumnKind::Text, "text", "text"),
            Column::new("message", ColumnKind::Text, "meddelande", "message"),
        ]
    }
}

/// The reading record of `reading` as a table, places and messages in `language`.
pub fn reading_table(reading: &Reading, language: Language) -> Result<Table> {
    let parts = reading.parts.iter().map(|part| ReadingRow {
        entry: "part",
        code: part.kind.code(),
        status: part.status.code(),
        intervention_id: part.intervention.as_ref().map(|i| i.as_str()),
        place: part.place.map(|p| p.describe(language)),
        text: part.text.as_deref(),
        message: None,
    });
    let issues = reading.issues.iter().map(|issue| ReadingRow {
        entry: "issue",
        code: issue.code.code(),
        status: issue.severity.code(),
        intervention_id: issue.intervention.as_ref().map(|i| i.as_str()),
        place: Some(issue.place.describe(language)),
        text: Some(issue.text.as_str()),
        message: Some(issue.message(language)),
    });
    let rows: Vec<ReadingRow<'_>> = parts.chain(issues).collect();
    Table::of(&rows)
}
