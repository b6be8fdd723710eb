//! The report's appendix as a Word document, written with `docx-rs`: real Word tables, heading
//! styles, a bulleted list style, and a footnote; optionally the styles of a template.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BorderType, Docx, Footnote, Paragraph, Run, RunFonts, Style, StyleType, Table,
    TableBorder, TableBorderPosition, TableBorders, TableCell, TableRow, WidthType,
};

use super::{appendix, Piece, PieceTable};
use crate::common::error::{Error, ErrorKind, Result};
use crate::common::locale::Language;
use crate::grading::policy::GradingPolicy;
use crate::model::report::Report;

/// The style ids the appendix uses, and what they are.
const BODY: &str = "Normal";
const LIST: &str = "ListBullet";
const TABLE: &str = "TableGrid";

/// A report's appendix ([`appendix`]) as the bytes of a Word document in `language`.
///
/// Headings use Word's built-in heading styles ("heading 1" to "heading 3"), the explanation's
/// lines the style "List Bullet", and the tables the style "Table Grid", so that Word's
/// navigation pane, table of contents and a template's look apply. With `template` (the bytes
/// of a .docx; feature `docx-template`), the template's styles are used: its own heading, list
/// and table styles where it has them, finsam's where it does not. A template that is not a
/// Word file is an `invalid_document` error; a template given to a build without the feature
/// is an `invalid_value` error at `template`.
///
/// The document's dates are fixed (the zip entries' 1980-01-01, docProps' 1970-01-01), so that
/// the same report gives the same bytes. The Swedish appendix reads back with
/// [`crate::reader::read_report`] as the same report, but for what a Word appendix does not
/// state in a form the reader reads: a person's assessment of a qualitative result (written in
/// the explanation, in words), a section's list items that state no goal, and the places the
/// report was first read from.
///
/// ```
/// use finsam_core::write::write_docx;
/// use finsam_core::{GradingPolicy, Language, Report};
/// let report = Report::from_json(include_str!("../../samples/arsredovisning-2017.json"))?;
/// let bytes = write_docx(&report, &GradingPolicy::default(), Language::Swedish, None)?;
/// assert!(bytes.starts_with(b"PK\x03\x04"));
/// # Ok::<(), finsam_core::Error>(())
/// ```
pub fn write_docx(
    report: &Report,
    policy: &GradingPolicy,
    language: Language,
    template: Option<&[u8]>,
) -> Result<Vec<u8>> {
    let pieces = appendix(report, policy, language)?;
    let styles = match template {
        Some(bytes) => template_styles(bytes)?,
        None => StyleIds::own(),
    };
    let mut docx = styles.docx;
    for piece in &pieces {
        docx = match piece {
            Piece::Heading { level, text } => {
                let id = styles
                    .headings
                    .get(usize::from(level.saturating_sub(1)))
                    .map_or("Heading3", String::as_str);
                docx.add_paragraph(paragraph(text).style(id))
            }
            Piece::Paragraph(text) => docx.add_paragraph(paragraph(text).style(BODY)),
            Piece::ListItem(text) => docx.add_paragraph(paragraph(text).style(&styles.list)),
            Piece::Table(table) => docx.add_table(word_table(table, &styles.table)),
        };
    }
    let mut bytes = Cursor::new(Vec::new());
    docx.build().pack(&mut bytes).map_err(|error| {
        Error::bilingual(
            ErrorKind::InvalidDocument,
            "",
            format!("Word-dokumentet kunde inte skrivas: {error}"),
            format!("the Word document could not be written: {error}"),
        )
    })?;
    Ok(bytes.into_inner())
}

fn paragraph(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

/// The document to write into, with the style ids to use.
struct StyleIds {
    docx: Docx,
    headings: Vec<String>,
    list: String,
    table: String,
}

impl StyleIds {
    /// finsam's own styles.
    fn own() -> StyleIds {
        let mut docx = Docx::new();
        for style in own_styles() {
            docx = docx.add_style(style);
        }
        StyleIds {
            docx,
            headings: (1..=3).map(|n| format!("Heading{n}")).collect(),
            list: LIST.to_owned(),
            table: TABLE.to_owned(),
        }
    }
}

/// Headings in three sizes, a bulleted list's indent, and a table with thin borders.
fn own_styles() -> Vec<Style> {
    let heading = |level: usize, size: usize| {
        Style::new(format!("Heading{level}"), StyleType::Paragraph)
            .name(format!("heading {level}"))
            .based_on(BODY)
            .next(BODY)
            .q_format(true)
            .bold()
            .size(size)
            .outline_lvl(level - 1)
    };
    let border = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(4)
            .color("808080")
    };
    let borders = [
        TableBorderPosition::Top,
        TableBorderPosition::Bottom,
        TableBorderPosition::Left,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::new(), |borders, position| {
        borders.set(border(position))
    });
    vec![
        Style::new(BODY, StyleType::Paragraph)
            .name("Normal")
            .q_format(true)
            .fonts(RunFonts::new().ascii("Calibri").hi_ansi("Calibri"))
            .size(22),
        heading(1, 32),
        heading(2, 28),
        heading(3, 24),
        Style::new(LIST, StyleType::Paragraph)
            .name("List Bullet")
            .based_on(BODY)
            .indent(Some(360), None, None, None),
        Style::new(TABLE, StyleType::Table)
            .name("Table Grid")
            .set_borders(borders),
    ]
}

#[cfg(not(feature = "docx-template"))]
fn template_styles(_bytes: &[u8]) -> Result<StyleIds> {
    Err(Error::bilingual(
        ErrorKind::InvalidValue,
        "template",
        "den här versionen av finsam skriver Word-dokument utan mall (funktionen docx-template)",
        "this build of finsam writes Word documents without a template (feature docx-template)",
    ))
}

/// The template's styles, and the ids of its heading, list and table styles; finsam's own
/// style is added for any the template lacks.
#[cfg(feature = "docx-template")]
fn template_styles(bytes: &[u8]) -> Result<StyleIds> {
    let template = docx_rs::read_docx(bytes).map_err(|error| {
        Error::bilingual(
            ErrorKind::InvalidDocument,
            "template",
            format!("mallen är inte ett läsbart Word-dokument: {error}"),
            format!("the template is not a readable Word document: {error}"),
        )
    })?;
    let styles = template.styles;
    let by_name = |wanted: &str| {
        styles
            .styles
            .iter()
            .find(|s| s.style_type == StyleType::Paragraph && name_of(s) == wanted)
            .map(|s| s.style_id.clone())
    };
    let table = styles
        .styles
        .iter()
        .find(|s| s.style_type == StyleType::Table && name_of(s) == "table grid")
        .map(|s| s.style_id.clone());
    let headings: Vec<Option<String>> = (1..=3).map(|n| by_name(&format!("heading {n}"))).collect();
    let list = by_name("list bullet");
    let mut docx = Docx::new().styles(styles.clone());
    for style in own_styles() {
        let missing = match style.style_id.as_str() {
            BODY => !styles.styles.iter().any(|s| s.style_id == BODY),
            LIST => list.is_none(),
            TABLE => table.is_none(),
            id => headings
                .iter()
                .zip(1..)
                .any(|(found, n)| found.is_none() && id == format!("Heading{n}")),
        };
        if missing {
            docx = docx.add_style(style);
        }
    }
    Ok(StyleIds {
        docx,
        headings: headings
            .into_iter()
            .zip(1..)
            .map(|(found, n)| found.unwrap_or_else(|| format!("Heading{n}")))
            .collect(),
        list: list.unwrap_or_else(|| LIST.to_owned()),
        table: table.unwrap_or_else(|| TABLE.to_owned()),
    })
}

/// A style's name in lower case ("heading 1").
#[cfg(feature = "docx-template")]
fn name_of(style: &Style) -> String {
    serde_json::to_value(&style.name)
        .ok()
        .and_then(|v| v.as_str().map(str::to_lowercase))
        .unwrap_or_default()
}

/// The width of a page's text in twentieths of a point: A4 less Word's default margins.
const TEXT_WIDTH: usize = 9_638;

/// Each column's width in twentieths of a point: room for its longest line (at most 40
/// characters), shrunk where the page is too narrow, but never below its longest word, so
/// that names and goals get room and a grade does not break inside a word.
fn column_widths(table: &PieceTable) -> Vec<usize> {
    // About 115 twips per character of 11-point Calibri, and the cell's margins.
    let twips = |chars: usize| chars * 115 + 230;
    let texts = |column: usize| {
        table
            .header
            .get(column)
            .into_iter()
            .chain(table.rows.iter().filter_map(move |row| row.get(column)))
            .flat_map(|text| text.lines())
    };
    let (natural, least): (Vec<usize>, Vec<usize>) = (0..table.header.len())
        .map(|column| {
            let line = texts(column).map(|l| l.chars().count()).max().unwrap_or(0);
            let word = texts(column)
                .flat_map(str::split_whitespace)
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            let least = twips(word.min(24));
            (twips(line.min(40)).max(least), least)
        })
        .unzip();
    let total: usize = natural.iter().sum();
    if total <= TEXT_WIDTH {
        return natural;
    }
    let excess = total - TEXT_WIDTH;
    let room: usize = natural
        .iter()
        .zip(&least)
        .map(|(n, l)| n - l)
        .sum::<usize>()
        .max(1);
    let shrunk: Vec<usize> = natural
        .iter()
        .zip(&least)
        .map(|(n, l)| n - (excess * (n - l) / room).min(n - l))
        .collect();
    // Too many long words for the page: every column in proportion, within the page.
    let sum: usize = shrunk.iter().sum::<usize>().max(1);
    if sum <= TEXT_WIDTH {
        return shrunk;
    }
    shrunk.iter().map(|w| w * TEXT_WIDTH / sum).collect()
}

fn word_table(table: &PieceTable, style: &str) -> Table {
    let widths = column_widths(table);
    let width = |column: usize| widths.get(column).copied().unwrap_or(0);
    let cell = |text: &str, bold: bool, right: bool, footnote: Option<&str>| {
        let mut cell = TableCell::new();
        // A cell's lines are its paragraphs.
        let lines: Vec<&str> = if text.is_empty() {
            vec![""]
        } else {
            text.split('\n').collect()
        };
        let last = lines.len().saturating_sub(1);
        for (index, line) in lines.into_iter().enumerate() {
            let mut run = Run::new().add_text(line);
            if bold {
                run = run.bold();
            }
            let mut paragraph = Paragraph::new().add_run(run);
            if let Some(note) = footnote.filter(|_| index == last) {
                paragraph = paragraph.add_run(
                    Run::new().add_footnote_reference(
                        Footnote::new()
                            .add_content(Paragraph::new().add_run(Run::new().add_text(note))),
                    ),
                );
            }
            if right {
                paragraph = paragraph.align(AlignmentType::Right);
            }
            cell = cell.add_paragraph(paragraph);
        }
        cell
    };
    let numeric = |column: usize| table.numeric.get(column).copied().unwrap_or(false);
    let header = TableRow::new(
        table
            .header
            .iter()
            .enumerate()
            .map(|(column, text)| {
                let footnote = table
                    .footnote
                    .as_ref()
                    .filter(|(at, _)| *at == column)
                    .map(|(_, note)| note.as_str());
                cell(text, true, numeric(column), footnote).width(width(column), WidthType::Dxa)
            })
            .collect(),
    );
    let summary_from = table.rows.len().saturating_sub(table.summary_rows);
    let rows = table.rows.iter().enumerate().map(|(index, row)| {
        TableRow::new(
            row.iter()
                .enumerate()
                .map(|(column, text)| {
                    cell(text, index >= summary_from, numeric(column), None)
                        .width(width(column), WidthType::Dxa)
                })
                .collect(),
        )
    });
    Table::new(std::iter::once(header).chain(rows).collect())
        .style(style)
        .width(widths.iter().sum(), WidthType::Dxa)
        .set_grid(widths.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "docx-template")]
    #[test]
    fn a_template_that_is_not_a_word_file_is_refused() {
        let report = Report::new(
            "Samordningsförbundet Exempel",
            crate::model::period::Period::year_of(2017).unwrap_or_else(|_| unreachable!()),
        );
        let Ok(report) = report else { return };
        let error = write_docx(
            &report,
            &GradingPolicy::default(),
            Language::Swedish,
            Some(b"not a zip"),
        )
        .err();
        assert_eq!(error.as_ref().map(Error::code), Some("invalid_document"));
        assert_eq!(
            error.map(|e| e.path().to_owned()),
            Some("template".to_owned())
        );
    }
}
