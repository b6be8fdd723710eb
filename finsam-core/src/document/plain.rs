//! Reading a report's plain text: what Word writes with "Spara som oformaterad text", a table
//! copied out of a document, or the text of a published report.
//!
//! - A line with a tab is a table row; consecutive such lines are one table.
//! - A line starting with `#` is a heading of that many levels (`## Bilaga 2` is level 2); a
//!   short line standing alone (blank lines around it, no closing punctuation) is a heading of
//!   unknown level, 0.
//! - A line starting with a bullet (`-`, `•`, `*`, `–`) is a list item.
//! - Other lines run together into a paragraph until a blank line.
//! - Markup such as `<b>…</b>` and `&amp;` is dropped (published text keeps some).

use crate::common::error::Result;
use crate::document::{limit, Block, BlockKind, Cell, Document, Limits, Place, TableRow};

/// The longest line taken as a heading when it stands alone.
const HEADING_CHARS: usize = 80;
/// The most words of a line taken as a heading when it stands alone.
const HEADING_WORDS: usize = 10;

/// Reads a document's text into blocks. A text longer than `limits.max_bytes`, or with more
/// than `limits.max_blocks` blocks, is refused with `limit_exceeded`.
///
/// ```
/// use finsam_core::document::{read_text, BlockKind, Limits};
/// let text = "## Orsak till avslut\n\nAvslutsanledning\tKvinna\tMan\nFlytt\t7\t3\n\nTotalt 189 avslutade.\n";
/// let document = read_text(text, &Limits::default())?;
/// assert!(matches!(&document.blocks[0].kind, BlockKind::Heading { level: 2, text } if text == "Orsak till avslut"));
/// let BlockKind::Table { rows } = &document.blocks[1].kind else { panic!() };
/// assert_eq!(rows[1].columns(), ["Flytt", "7", "3"]);
/// assert_eq!(rows[1].cells[2].place.to_string(), "line 4, table 1, row 2, cell 3");
/// # Ok::<(), finsam_core::Error>(())
/// ```
pub fn read_text(text: &str, limits: &Limits) -> Result<Document> {
    limits.check_size(text.len())?;
    let lines: Vec<&str> = text.lines().collect();
    let mut blocks = Vec::new();
    let mut tables = 0;
    let mut index = 0;
    while let Some(raw) = lines.get(index) {
        if blocks.len() >= limits.max_blocks {
            return Err(limit(
                format!("dokumentet har fler än {} block", limits.max_blocks),
                format!("the document has more than {} blocks", limits.max_blocks),
            ));
        }
        let number = index + 1;
        let line = clean(raw);
        if line.trim().is_empty() {
            index += 1;
            continue;
        }
        if raw.contains('\t') {
            tables += 1;
            let mut rows = Vec::new();
            while let Some(raw) = lines.get(index).filter(|l| l.contains('\t')) {
                rows.push(row(raw, index + 1, tables, rows.len() + 1));
                index += 1;
            }
            blocks.push(Block {
                kind: BlockKind::Table { rows },
                place: Place::line(number, 1).in_table(tables, None, None),
            });
            continue;
        }
        let trimmed = line.trim();
        let indent = line.len() - line.trim_start().len();
        let place = Place::line(number, column_of(&line, indent));
        if let Some((level, heading)) = marked_heading(trimmed) {
            blocks.push(Block {
                kind: BlockKind::Heading {
                    level,
                    text: heading.to_owned(),
                },
                place,
            });
            index += 1;
            continue;
        }
        if let Some(item) = list_item(trimmed) {
            blocks.push(Block {
                kind: BlockKind::ListItem {
                    text: item.to_owned(),
                },
                place,
            });
            index += 1;
            continue;
        }
        let alone = index == 0
            || lines
                .get(index - 1)
                .is_some_and(|l| clean(l).trim().is_empty());
        let next_blank = lines
            .get(index + 1)
            .is_none_or(|l| clean(l).trim().is_empty());
        if alone && next_blank && looks_like_heading(trimmed) {
            blocks.push(Block {
                kind: BlockKind::Heading {
                    level: 0,
                    text: trimmed.to_owned(),
                },
                place,
            });
            index += 1;
            continue;
        }
        let mut paragraph = trimmed.to_owned();
        index += 1;
        while let Some(raw) = lines.get(index) {
            let next = clean(raw);
            let next = next.trim();
            if next.is_empty()
                || raw.contains('\t')
                || marked_heading(next).is_some()
                || list_item(next).is_some()
            {
                break;
            }
            paragraph.push(' ');
            paragraph.push_str(next);
            index += 1;
        }
        blocks.push(Block {
            kind: BlockKind::Paragraph {
                text: strip_emphasis(&paragraph).to_owned(),
            },
            place,
        });
    }
    Ok(Document { blocks })
}

/// The 1-based column (in characters) of byte offset `at` of `line`.
fn column_of(line: &str, at: usize) -> usize {
    line.get(..at).map_or(0, |before| before.chars().count()) + 1
}

/// A table row: the line split at its tabs, each cell with its column.
fn row(raw: &str, line: usize, table: usize, row: usize) -> TableRow {
    let mut cells = Vec::new();
    let mut column = 1;
    for (index, text) in raw.split('\t').enumerate() {
        let cleaned = clean(text);
        cells.push(Cell {
            text: strip_emphasis(cleaned.trim()).to_owned(),
            span: 1,
            merged_above: false,
            place: Place::line(line, column).in_table(table, Some(row), Some(index + 1)),
        });
        column += text.chars().count() + 1;
    }
    TableRow {
        cells,
        place: Place::line(line, 1).in_table(table, Some(row), None),
    }
}

/// A heading marked with `#`: its level and text.
fn marked_heading(line: &str) -> Option<(u8, &str)> {
    let level = line.bytes().take_while(|b| *b == b'#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let text = line.get(level..)?;
    if !text.starts_with(' ') {
        return None;
    }
    let text = text.trim();
    (!text.is_empty()).then_some((u8::try_from(level).ok()?, text))
}

/// A list item's text without its bullet.
pub(crate) fn list_item(line: &str) -> Option<&str> {
    ["- ", "• ", "* ", "– ", "· "]
        .iter()
        .find_map(|bullet| line.strip_prefix(bullet))
        .map(str::trim)
        .filter(|text| !text.is_empty())
}

/// Whether a line standing alone reads as a heading: short, with a letter, without closing
/// punctuation.
fn looks_like_heading(line: &str) -> bool {
    line.chars().count() <= HEADING_CHARS
        && line.split_whitespace().count() <= HEADING_WORDS
        && line.chars().any(char::is_alphabetic)
        && !line.ends_with(['.', ',', ';', ':', '!', '?', ')', '"', '”'])
        && !line.starts_with(['*', '"', '”', '(', '['])
}

/// Emphasis around a whole text (`*"…"*`, `**…**`) dropped.
fn strip_emphasis(text: &str) -> &str {
    let mut text = text.trim();
    while let Some(inner) = text
        .strip_prefix('*')
        .and_then(|t| t.strip_suffix('*'))
        .or_else(|| text.strip_prefix('_').and_then(|t| t.strip_suffix('_')))
    {
        text = inner.trim();
    }
    text
}

/// A line without markup: tags such as `<b>` and `</span>` dropped, entities read.
pub(crate) fn clean(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find(['<', '&']) {
        let (before, at) = rest.split_at(start);
        out.push_str(before);
        if let Some(tag) = tag_length(at) {
            rest = at.get(tag..).unwrap_or_default();
            continue;
        }
        if let Some((entity, length)) = entity(at) {
            out.push(entity);
            rest = at.get(length..).unwrap_or_default();
            continue;
        }
        out.push_str(at.get(..1).unwrap_or_default());
        rest = at.get(1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// The length of an HTML tag at the start of `text` (`<b>`, `</b>`, `<br/>`, `<span class=x>`).
fn tag_length(text: &str) -> Option<usize> {
    let inner = text.strip_prefix('<')?;
    let inner = inner.strip_prefix('/').unwrap_or(inner);
    if !inner.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let end = text.find('>')?;
    let body = text.get(1..end)?;
    let name_end = body
        .trim_start_matches('/')
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    (name_end <= 10 && !body.contains('<')).then_some(end + 1)
}

/// An HTML entity at the start of `text` and its length.
fn entity(text: &str) -> Option<(char, usize)> {
    [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&nbsp;", ' '),
        ("&#39;", '\''),
    ]
    .iter()
    .find(|(name, _)| text.starts_with(name))
    .map(|(name, c)| (*c, name.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<BlockKind> {
        read_text(text, &Limits::default())
            .map(|d| d.blocks.into_iter().map(|b| b.kind).collect())
            .unwrap_or_default()
    }

    #[test]
    fn markup_is_dropped_and_short_lines_alone_are_headings() {
        let found = blocks(
            "Samverkansteamet Botkyrka\n\n<b>Totalt</b> har 85 &amp; fler\npersoner haft stöd.\n\n- 60 personer ska tas upp,\n- 50 % upplever förbättring.\n",
        );
        assert_eq!(
            found,
            [
                BlockKind::Heading {
                    level: 0,
                    text: "Samverkansteamet Botkyrka".into()
                },
                BlockKind::Paragraph {
                    text: "Totalt har 85 & fler personer haft stöd.".into()
                },
                BlockKind::ListItem {
                    text: "60 personer ska tas upp,".into()
                },
                BlockKind::ListItem {
                    text: "50 % upplever förbättring.".into()
                },
            ]
        );
    }

    #[test]
    fn a_sentence_is_not_a_heading_and_a_comparison_is_not_a_tag() {
        let found = blocks("Teamet tog emot 37 remisser.\n\nn <5 och 3 > 2\n");
        assert_eq!(
            found,
            [
                BlockKind::Paragraph {
                    text: "Teamet tog emot 37 remisser.".into()
                },
                BlockKind::Heading {
                    level: 0,
                    text: "n <5 och 3 > 2".into()
                },
            ]
        );
    }

    #[test]
    fn too_large_is_refused() {
        let small = Limits {
            max_bytes: 4,
            ..Limits::default()
        };
        let error = read_text("12345", &small).err().map(|e| e.code());
        assert_eq!(error, Some("limit_exceeded"));
    }
}
