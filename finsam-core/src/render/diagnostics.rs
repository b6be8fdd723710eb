//! The checker's findings as an HTML table (what a notebook shows for a list of diagnostics):
//! the columns of [`diagnostic_table`](super::tables::diagnostic_table) with their headings in
//! the language, one row per diagnostic classed by its severity, every text escaped.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde_json::Value;

use crate::check::diagnostic::Diagnostic;
use crate::common::error::Result;
use crate::common::locale::{format_number, Language};
use crate::common::table::Table;
use crate::render::escape_html;
use crate::render::tables::diagnostic_table;

/// A cell as text: a decimal in the language's notation with every decimal kept, a code or a
/// text as it is, nothing for `null`.
fn cell_text(value: &Value, is_decimal: bool, language: Language) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) if is_decimal => match text.parse::<Decimal>() {
            Ok(number) => format_number(number, number.scale(), language),
            Err(_) => text.clone(),
        },
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The diagnostics as an HTML table with headings in `language`; no diagnostics give a
/// paragraph saying so.
pub fn diagnostics_html(diagnostics: &[Diagnostic], language: Language) -> Result<String> {
    if diagnostics.is_empty() {
        return Ok(format!(
            "<p class=\"finsam-diagnostics\">{}</p>",
            language.pick("Inga avvikelser.", "No findings.")
        ));
    }
    let table = diagnostic_table(diagnostics, language)?;
    Ok(table_html(&table, language, "finsam-diagnostics"))
}

/// Any table of the core as an HTML table with headings in `language` and the HTML class
/// `class`; a row with a `severity` column is classed `finsam-<severity>`. Every text is
/// escaped and decimals are written in the language's notation.
pub fn table_html(table: &Table, language: Language, class: &str) -> String {
    let mut html = format!("<table class=\"{}\">\n<thead>\n<tr>", escape_html(class));
    for column in &table.columns {
        let _ = write!(
            html,
            "<th scope=\"col\">{}</th>",
            escape_html(column.label(language))
        );
    }
    html.push_str("</tr>\n</thead>\n<tbody>\n");
    for (index, row) in table.rows.iter().enumerate() {
        match table.value(index, "severity") {
            Some(severity) => {
                let severity = cell_text(severity, false, language);
                let _ = write!(html, "<tr class=\"finsam-{}\">", escape_html(&severity));
            }
            None => html.push_str("<tr>"),
        }
        for (value, column) in row.iter().zip(&table.columns) {
            let text = cell_text(value, column.kind.is_decimal(), language);
            let _ = write!(html, "<td>{}</td>", escape_html(&text));
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>");
    html
}
