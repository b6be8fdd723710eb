//! Reading a Word document (.docx): its paragraphs with their heading styles, its lists, and
//! its tables with merged cells and several paragraphs or line breaks in a cell. The file is a
//! zip archive (read with `zip`) of XML parts (read with `quick-xml`); only `word/document.xml`
//! and `word/styles.xml` are read.
//!
//! Everything is bounded before it is read: the file's size, the archive's number of entries,
//! each part's unpacked size and its ratio to the packed size (a zip bomb), and the nesting of
//! the XML.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::common::error::{Error, ErrorKind, Result};
use crate::document::plain::{clean, list_item};
use crate::document::{limit, Block, BlockKind, Cell, Document, Limits, Place, TableRow};

/// Reads a Word document from its bytes.
///
/// Errors: `limit_exceeded` for a file over `limits`; `invalid_document` for bytes that are not
/// a Word document (not a zip archive, no `word/document.xml`, XML that does not parse).
pub fn read_docx(bytes: &[u8], limits: &Limits) -> Result<Document> {
    limits.check_size(bytes.len())?;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        invalid(
            format!("filen är inget zip-arkiv, som en .docx-fil är ({e})"),
            format!("the file is not a zip archive, as a .docx file is ({e})"),
        )
    })?;
    if archive.len() > limits.max_entries {
        return Err(limit(
            format!(
                "arkivet har {} delar; gränsen är {}",
                archive.len(),
                limits.max_entries
            ),
            format!(
                "the archive has {} entries; the limit is {}",
                archive.len(),
                limits.max_entries
            ),
        ));
    }
    let document = part(&mut archive, "word/document.xml", limits)?.ok_or_else(|| {
        invalid(
            "arkivet har ingen word/document.xml: det är inget Word-dokument".to_owned(),
            "the archive has no word/document.xml: it is not a Word document".to_owned(),
        )
    })?;
    let styles = match part(&mut archive, "word/styles.xml", limits)? {
        Some(styles) => heading_styles(&styles, limits)?,
        None => Vec::new(),
    };
    body(&document, &styles, limits)
}

fn invalid(swedish: String, english: String) -> Error {
    Error::bilingual(ErrorKind::InvalidDocument, "", swedish, english)
}

/// The text of the part `name`, unpacked within the limits; `None` when the archive lacks it.
fn part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limits: &Limits,
) -> Result<Option<String>> {
    let mut file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(invalid(
                format!("delen {name} kunde inte läsas ({e})"),
                format!("the part {name} could not be read ({e})"),
            ))
        }
    };
    let (size, packed) = (file.size(), file.compressed_size().max(1));
    if size > limits.max_part_bytes || size / packed > limits.max_ratio {
        return Err(limit(
            format!("delen {name} packas upp till {size} byte ur {packed}: för stor"),
            format!("the part {name} unpacks to {size} bytes from {packed}: too large"),
        ));
    }
    // The declared size may lie: read at most the limit and one byte more.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    let read = file
        .by_ref()
        .take(limits.max_part_bytes.saturating_add(1))
        .read_to_end(&mut bytes);
    if let Err(e) = read {
        return Err(invalid(
            format!("delen {name} är skadad ({e})"),
            format!("the part {name} is damaged ({e})"),
        ));
    }
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limits.max_part_bytes {
        return Err(limit(
            format!("delen {name} är större än {} byte", limits.max_part_bytes),
            format!(
                "the part {name} is larger than {} bytes",
                limits.max_part_bytes
            ),
        ));
    }
    String::from_utf8(bytes).map(Some).map_err(|_| {
        invalid(
            format!("delen {name} är inte UTF-8-text"),
            format!("the part {name} is not UTF-8 text"),
        )
    })
}

/// An XML error of `part`.
fn xml_error(part: &str, error: impl std::fmt::Display) -> Error {
    invalid(
        format!("XML-texten i {part} är felaktig ({error})"),
        format!("the XML of {part} is malformed ({error})"),
    )
}

/// A value of attribute `name` (local name) of an element.
fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The heading level of a style from its name ("heading 2", "Rubrik 2", "Title") or its
/// outline level.
fn level_of_name(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    if lower == "title" || lower == "rubrik" {
        return Some(1);
    }
    let number = ["heading ", "rubrik "]
        .iter()
        .find_map(|prefix| lower.strip_prefix(prefix))?;
    number
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|n| (1..=9).contains(n))
}

/// Every paragraph style that is a heading, with its level.
fn heading_styles(xml: &str, limits: &Limits) -> Result<Vec<(String, u8)>> {
    let mut reader = Reader::from_str(xml);
    let mut found = Vec::new();
    let mut depth = 0usize;
    let mut style: Option<(String, Option<u8>)> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error("word/styles.xml", e))?;
        match event {
            Event::Start(element) => {
                depth += 1;
                if depth > limits.max_depth {
                    return Err(too_deep(limits));
                }
                if element.local_name().as_ref() == "style" {
                    style = attribute(&element, "styleId").map(|id| (id, None));
                }
            }
            Event::Empty(element) => {
                let name = element.local_name();
                if let Some((_, level)) = style.as_mut() {
                    if name.as_ref() == "name" {
                        *level = level.or(attribute(&element, "val")
                            .as_deref()
                            .and_then(level_of_name));
                    } else if name.as_ref() == "outlineLvl" {
                        let outline = attribute(&element, "val").and_then(|v| v.parse::<u8>().ok());
                        *level = level.or(outline.filter(|l| *l < 9).map(|l| l + 1));
                    }
                }
            }
            Event::End(element) => {
                depth = depth.saturating_sub(1);
                if element.local_name().as_ref() == "style" {
                    if let Some((id, Some(level))) = style.take() {
                        found.push((id, level));
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(found)
}

fn too_deep(limits: &Limits) -> Error {
    limit(
        format!(
            "XML-texten är nästlad djupare än {} nivåer",
            limits.max_depth
        ),
        format!("the XML nests deeper than {} levels", limits.max_depth),
    )
}

/// A paragraph being read: its text, its style and whether it is a list item.
#[derive(Default)]
struct Paragraph {
    text: String,
    style: Option<String>,
    listed: bool,
}

/// A table being read.
struct TableBuild {
    rows: Vec<TableRow>,
    row: Option<Vec<Cell>>,
    cell: Option<(String, usize, bool)>,
    number: usize,
}

/// The document's body as blocks.
fn body(xml: &str, styles: &[(String, u8)], limits: &Limits) -> Result<Document> {
    let mut reader = Reader::from_str(xml);
    // End tags are matched by depth here; checking their names again only costs time.
    reader.config_mut().check_end_names = false;
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    let mut paragraphs = 0usize;
    let mut tables_seen = 0usize;
    // Tables being read, outermost first: a table inside a cell adds its text to that cell.
    let mut tables: Vec<TableBuild> = Vec::new();
    let mut paragraph: Option<Paragraph> = None;
    let mut in_text = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_error("word/document.xml", e))?;
        if blocks.len() > limits.max_blocks {
            return Err(limit(
                format!("dokumentet har fler än {} block", limits.max_blocks),
                format!("the document has more than {} blocks", limits.max_blocks),
            ));
        }
        match event {
            Event::Start(element) => {
                depth += 1;
                if depth > limits.max_depth {
                    return Err(too_deep(limits));
                }
                match element.local_name().as_ref() {
                    "p" => paragraph = Some(Paragraph::default()),
                    "t" => in_text = true,
                    "tbl" => {
                        if tables.is_empty() {
                            tables_seen += 1;
                        }
                        tables.push(TableBuild {
                            rows: Vec::new(),
                            row: None,
                            cell: None,
                            number: tables_seen,
                        });
                    }
                    "tr" => {
                        if let Some(table) = tables.last_mut() {
                            table.row = Some(Vec::new());
                        }
                    }
                    "tc" => {
                        if let Some(table) = tables.last_mut() {
                            table.cell = Some((String::new(), 1, false));
                        }
                    }
                    "vMerge" => merge(&mut tables, &element),
                    "numPr" => {
                        if let Some(paragraph) = paragraph.as_mut() {
                            paragraph.listed = true;
                        }
                    }
                    _ => {}
                }
            }
            Event::Empty(element) => match element.local_name().as_ref() {
                "pStyle" => {
                    if let Some(paragraph) = paragraph.as_mut() {
                        paragraph.style = attribute(&element, "val");
                    }
                }
                "numPr" => {
                    if let Some(paragraph) = paragraph.as_mut() {
                        paragraph.listed = true;
                    }
                }
                "tab" => {
                    if let Some(paragraph) = paragraph.as_mut() {
                        paragraph.text.push('\t');
                    }
                }
                "br" | "cr" => {
                    if let Some(paragraph) = paragraph.as_mut() {
                        paragraph.text.push('\n');
                    }
                }
                "gridSpan" => {
                    let span = attribute(&element, "val").and_then(|v| v.parse::<usize>().ok());
                    if let Some((_, cell_span, _)) = tables.last_mut().and_then(|t| t.cell.as_mut())
                    {
                        *cell_span = span.unwrap_or(1).clamp(1, 64);
                    }
                }
                "vMerge" => merge(&mut tables, &element),
                "p" => paragraph_end(
                    Paragraph::default(),
                    &mut tables,
                    &mut blocks,
                    &mut paragraphs,
                    styles,
                ),
                _ => {}
            },
            Event::Text(text) if in_text => {
                if let Some(paragraph) = paragraph.as_mut() {
                    paragraph.text.push_str(&text.xml10_content());
                }
            }
            Event::GeneralRef(reference) if in_text => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match reference.xml10_content().as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let (Some(c), Some(paragraph)) = (resolved, paragraph.as_mut()) {
                    paragraph.text.push(c);
                }
            }
            Event::CData(data) if in_text => {
                if let Some(paragraph) = paragraph.as_mut() {
                    paragraph.text.push_str(&data.xml10_content());
                }
            }
            Event::End(element) => {
                depth = depth.saturating_sub(1);
                match element.local_name().as_ref() {
                    "t" => in_text = false,
                    "p" => {
                        if let Some(done) = paragraph.take() {
                            paragraph_end(done, &mut tables, &mut blocks, &mut paragraphs, styles);
                        }
                    }
                    "tc" => cell_end(&mut tables),
                    "tr" => row_end(&mut tables),
                    "tbl" => {
                        if let Some(table) = tables.pop() {
                            table_end(table, &mut tables, &mut blocks);
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof if depth > 0 => {
                return Err(xml_error("word/document.xml", "it ends inside an element"))
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(Document { blocks })
}

/// A `w:vMerge` in a cell's properties: without `w:val="restart"` the cell continues the one
/// above.
fn merge(tables: &mut [TableBuild], element: &BytesStart<'_>) {
    let continues = attribute(element, "val").is_none_or(|v| v != "restart");
    if let Some((_, _, merged)) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
        *merged = continues;
    }
}

/// A paragraph ends: in a cell it adds a line to the cell, else it is a block.
fn paragraph_end(
    done: Paragraph,
    tables: &mut [TableBuild],
    blocks: &mut Vec<Block>,
    paragraphs: &mut usize,
    styles: &[(String, u8)],
) {
    if let Some(table) = tables.last_mut() {
        if let Some((text, _, _)) = table.cell.as_mut() {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(clean(done.text.trim_end()).trim_end());
        }
        return;
    }
    *paragraphs += 1;
    // A Word file made from published text may keep its markup ("<sup>1</sup>").
    let text = clean(done.text.trim()).trim().to_owned();
    if text.is_empty() {
        return;
    }
    let level = done.style.as_deref().and_then(|style| {
        styles
            .iter()
            .find(|(id, _)| id == style)
            .map(|(_, level)| *level)
            .or_else(|| level_of_name(style).or_else(|| style_id_level(style)))
    });
    let kind = match level {
        Some(level) => BlockKind::Heading { level, text },
        None if done.listed || is_list_style(done.style.as_deref()) => BlockKind::ListItem { text },
        // A bullet typed as text ("- 60 personer …"), as a text document has it.
        None => match list_item(&text) {
            Some(item) => BlockKind::ListItem {
                text: item.to_owned(),
            },
            None => BlockKind::Paragraph { text },
        },
    };
    blocks.push(Block {
        kind,
        place: Place::paragraph(*paragraphs),
    });
}

/// The level of a style id such as `Heading2` or `Rubrik2` when styles.xml does not name it.
fn style_id_level(style: &str) -> Option<u8> {
    let lower = style.to_lowercase();
    let number = ["heading", "rubrik"]
        .iter()
        .find_map(|prefix| lower.strip_prefix(prefix))?;
    number.parse::<u8>().ok().filter(|n| (1..=9).contains(n))
}

fn is_list_style(style: Option<&str>) -> bool {
    style.is_some_and(|s| {
        let lower = s.to_lowercase();
        lower.starts_with("list") || lower.starts_with("liststycke")
    })
}

fn cell_end(tables: &mut [TableBuild]) {
    let Some(table) = tables.last_mut() else {
        return;
    };
    let Some((text, span, merged_above)) = table.cell.take() else {
        return;
    };
    let (table_number, row_number) = (table.number, table.rows.len() + 1);
    if let Some(row) = table.row.as_mut() {
        let place = Place::default().in_table(table_number, Some(row_number), Some(row.len() + 1));
        row.push(Cell {
            text: if merged_above { String::new() } else { text },
            span,
            merged_above,
            place,
        });
    }
}

fn row_end(tables: &mut [TableBuild]) {
    let Some(table) = tables.last_mut() else {
        return;
    };
    if let Some(cells) = table.row.take() {
        let place = Place::default().in_table(table.number, Some(table.rows.len() + 1), None);
        table.rows.push(TableRow { cells, place });
    }
}

/// A table ends: an outer table is a block; a table inside a cell adds its text to the cell,
/// a row per line with its cells separated by tabs.
fn table_end(table: TableBuild, outer: &mut [TableBuild], blocks: &mut Vec<Block>) {
    if let Some(parent) = outer.last_mut() {
        if let Some((text, _, _)) = parent.cell.as_mut() {
            for row in &table.rows {
                if !text.is_empty() {
                    text.push('\n');
                }
                let cells: Vec<&str> = row.cells.iter().map(|c| c.text.as_str()).collect();
                text.push_str(&cells.join("\t"));
            }
        }
        return;
    }
    let place = Place::default().in_table(table.number, None, None);
    blocks.push(Block {
        kind: BlockKind::Table { rows: table.rows },
        place,
    });
}
