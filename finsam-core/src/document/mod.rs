//! Documents as an office holds them: a report's text (what Word writes with "Spara som
//! oformaterad text", or a table copied out of it) and the Word file itself (.docx, with the
//! cargo feature `docx`). Both are read into one [`Document`]: headings, paragraphs, list items
//! and tables of rows of cells, each block keeping where it stands ([`Place`]: line and column
//! for text; paragraph, or table, row and cell for a Word file), so that whatever is read from
//! it can say where it came from.
//!
//! Reading is pure (bytes or text in) and bounded: a document over its [`Limits`] is refused
//! at once with `limit_exceeded`.

#[cfg(feature = "docx")]
mod docx;
mod plain;

use serde::Serialize;

pub use crate::common::place::Place;
#[cfg(feature = "docx")]
pub use docx::read_docx;
pub use plain::read_text;

/// A cell of a table: its text (a cell's paragraphs and line breaks become lines), how many
/// grid columns it spans, and whether it continues the cell above it (a vertical merge).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Cell {
    /// The text, its paragraphs and line breaks as `\n`.
    pub text: String,
    /// The grid columns the cell spans (1 unless merged across).
    pub span: usize,
    /// Whether the cell continues the one above it (merged down); its text is then empty.
    pub merged_above: bool,
    /// Where the cell is.
    pub place: Place,
}

/// A row of a table.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TableRow {
    /// The cells, in order.
    pub cells: Vec<Cell>,
    /// Where the row is.
    pub place: Place,
}

impl TableRow {
    /// The text of each grid column of the row: a cell spanning several columns stands in the
    /// first of them, the others are empty.
    pub fn columns(&self) -> Vec<&str> {
        let mut columns = Vec::with_capacity(self.cells.len());
        for cell in &self.cells {
            columns.push(cell.text.as_str());
            columns.extend(std::iter::repeat_n("", cell.span.saturating_sub(1)));
        }
        columns
    }
}

/// What a block of a document is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BlockKind {
    /// A heading. Its level is 1 for the highest; 0 for a short line standing alone in a text
    /// document, taken as a heading of unknown level.
    Heading {
        /// The level.
        level: u8,
        /// The heading's text.
        text: String,
    },
    /// A paragraph of running text.
    Paragraph {
        /// The text.
        text: String,
    },
    /// An item of a bulleted or numbered list, without its bullet.
    ListItem {
        /// The text.
        text: String,
    },
    /// A table.
    Table {
        /// The rows, in order.
        rows: Vec<TableRow>,
    },
}

/// A block of a document and where it starts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Block {
    /// What it is.
    #[serde(flatten)]
    pub kind: BlockKind,
    /// Where it starts.
    pub place: Place,
}

impl Block {
    /// The block's text: a heading's, a paragraph's or a list item's; `None` for a table.
    pub fn text(&self) -> Option<&str> {
        match &self.kind {
            BlockKind::Heading { text, .. }
            | BlockKind::Paragraph { text }
            | BlockKind::ListItem { text } => Some(text),
            BlockKind::Table { .. } => None,
        }
    }
}

/// A document: its blocks in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Document {
    /// The blocks, in order.
    pub blocks: Vec<Block>,
}

impl Document {
    /// The tables, in order, with their place.
    pub fn tables(&self) -> impl Iterator<Item = (&[TableRow], Place)> {
        self.blocks.iter().filter_map(|block| match &block.kind {
            BlockKind::Table { rows } => Some((rows.as_slice(), block.place)),
            _ => None,
        })
    }
}

/// Reads a document from the bytes of a file: a Word document (a zip archive: `PK` first), or
/// text in UTF-8 (a byte-order mark is skipped). Bounded by `limits` like the readers.
///
/// Errors: `limit_exceeded`; `invalid_document` for bytes that are neither a Word document nor
/// UTF-8 text, or for a Word document in a build without the feature `docx`.
pub fn read_bytes(bytes: &[u8], limits: &Limits) -> crate::common::error::Result<Document> {
    limits.check_size(bytes.len())?;
    if bytes.starts_with(b"PK\x03\x04") {
        #[cfg(feature = "docx")]
        return read_docx(bytes, limits);
        #[cfg(not(feature = "docx"))]
        return Err(crate::common::error::Error::bilingual(
            crate::common::error::ErrorKind::InvalidDocument,
            "",
            "den här byggda versionen läser inga Word-dokument (funktionen docx saknas)",
            "this build reads no Word documents (the feature docx is off)",
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        crate::common::error::Error::bilingual(
            crate::common::error::ErrorKind::InvalidDocument,
            "",
            format!(
                "filen är varken ett Word-dokument eller text i UTF-8 (byte {})",
                e.valid_up_to()
            ),
            format!(
                "the file is neither a Word document nor UTF-8 text (byte {})",
                e.valid_up_to()
            ),
        )
    })?;
    read_text(text, limits)
}

/// Limits on what is read, so that a file a user picks cannot make the reader hang or exhaust
/// memory: it is refused at once with `limit_exceeded`. The defaults are far above any real
/// report (a 30-page appendix is about 100 KB as .docx).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    /// The largest file, in bytes (default 20 MiB).
    pub max_bytes: usize,
    /// The most entries a Word file's zip archive may have (default 1 000).
    pub max_entries: usize,
    /// The largest part read from the archive once unpacked, in bytes (default 64 MiB).
    pub max_part_bytes: u64,
    /// The highest ratio of a part's unpacked size to its packed size (default 200): a zip
    /// bomb packs far more.
    pub max_ratio: u64,
    /// The deepest nesting of XML elements (default 128).
    pub max_depth: usize,
    /// The most blocks a document may have (default 200 000).
    pub max_blocks: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 20 * 1024 * 1024,
            max_entries: 1_000,
            max_part_bytes: 64 * 1024 * 1024,
            max_ratio: 200,
            max_depth: 128,
            max_blocks: 200_000,
        }
    }
}

impl Limits {
    /// Refuses a file larger than [`max_bytes`](Limits::max_bytes).
    pub(crate) fn check_size(&self, bytes: usize) -> crate::common::error::Result<()> {
        if bytes > self.max_bytes {
            return Err(limit(
                format!(
                    "dokumentet är {bytes} byte; gränsen är {} byte",
                    self.max_bytes
                ),
                format!(
                    "the document is {bytes} bytes; the limit is {} bytes",
                    self.max_bytes
                ),
            ));
        }
        Ok(())
    }
}

/// A `limit_exceeded` error.
pub(crate) fn limit(swedish: String, english: String) -> crate::common::error::Error {
    crate::common::error::Error::bilingual(
        crate::common::error::ErrorKind::LimitExceeded,
        "",
        swedish,
        english,
    )
}
