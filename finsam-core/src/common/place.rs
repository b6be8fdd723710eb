//! Where something stands in the document it was read from.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Where a block, row or cell stands in its document. Text documents give the line and column
/// (1-based); Word documents the paragraph or the table, row and cell (1-based, in document
/// order). A row or cell of a text table has both its line and its table, row and cell.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Place {
    /// The line of a text document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The column of a text document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The paragraph of a Word document, counting the paragraphs outside tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// The table, counting the document's tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<usize>,
    /// The row of the table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// The cell of the row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<usize>,
}

impl Place {
    /// A place in a text document.
    pub fn line(line: usize, column: usize) -> Place {
        Place {
            line: Some(line),
            column: Some(column),
            ..Place::default()
        }
    }

    /// A paragraph of a Word document.
    pub fn paragraph(paragraph: usize) -> Place {
        Place {
            paragraph: Some(paragraph),
            ..Place::default()
        }
    }

    /// The same place in `table`, `row` and `cell`.
    #[must_use]
    pub fn in_table(self, table: usize, row: Option<usize>, cell: Option<usize>) -> Place {
        Place {
            table: Some(table),
            row,
            cell,
            ..self
        }
    }

    /// The place in words, in Swedish or English: "rad 12, kolumn 1", "table 3, row 2, cell 4".
    pub fn describe(&self, language: crate::common::locale::Language) -> String {
        let words = [
            (self.table, language.pick("tabell", "table")),
            (self.row, language.pick("rad", "row")),
            (self.cell, language.pick("cell", "cell")),
            (self.paragraph, language.pick("stycke", "paragraph")),
        ];
        let mut parts: Vec<String> = words
            .iter()
            .filter_map(|(n, word)| n.map(|n| format!("{word} {n}")))
            .collect();
        if parts.is_empty() || self.table.is_some() {
            if let Some(line) = self.line {
                let line_word = language.pick("rad", "line");
                let text = match self.column {
                    Some(column) if self.table.is_none() => {
                        format!(
                            "{line_word} {line}, {} {column}",
                            language.pick("kolumn", "column")
                        )
                    }
                    _ => format!("{line_word} {line}"),
                };
                parts.insert(0, text);
            }
        }
        parts.join(", ")
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(crate::common::locale::Language::English))
    }
}
