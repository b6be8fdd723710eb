//! Tables as plain text for a terminal: aligned columns under their headings in the language,
//! numbers right-aligned and written in the language's notation, one line per row.
//!
//! [`table_text`] writes any [`Table`] of the core. The views below are what a command line
//! shows of each result: the columns a person reads first, taken from the full tables of
//! [`tables`](super::tables) (which keep every column for data frames and spreadsheets).
//!
//! ```
//! use finsam_core::render::{table_text, Column, ColumnKind, Table};
//! use finsam_core::Language;
//! use serde_json::json;
//! let table = Table::new(
//!     vec![
//!         Column::new("id", ColumnKind::Id, "Id", "Id"),
//!         Column::new("score", ColumnKind::Fraction, "Poäng", "Score"),
//!     ],
//!     vec![vec![json!("0012"), json!("0.875")], vec![json!("lyra"), json!("1")]],
//! );
//! assert_eq!(table_text(&table, Language::Swedish), "Id    Poäng\n----  -----\n0012  0,875\nlyra      1\n");
//! ```

use std::fmt::Write as _;

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;

use crate::check::diagnostic::Diagnostic;
use crate::common::error::Result;
use crate::common::locale::{format_number, Language};
use crate::common::severity::Severity;
use crate::common::table::{Column, ColumnKind, Table};
use crate::grading::assessment::Assessment;
use crate::reader::{reading_table, Reading};
use crate::render::tables::{
    diagnostic_table, goal_table, intervention_table, series_grade_pivot, GradeValue,
};
use crate::series::SeriesComparison;

/// The separator between two columns.
const GAP: &str = "  ";

/// Whether a column of `kind` is right-aligned: the numbers.
fn is_numeric(kind: ColumnKind) -> bool {
    kind.is_decimal() || matches!(kind, ColumnKind::Integer | ColumnKind::Year)
}

/// A cell as one line of text. A decimal is written in the language's notation with every
/// decimal it has, except a fraction (a score, an attainment), which keeps three and is
/// rounded toward zero so that a score just under a band's edge never reads as the edge (as
/// in explanations); a percentage keeps one. A yes or no is a word, `null` is blank, and a
/// line break becomes a space.
fn cell_text(value: &Value, kind: ColumnKind, language: Language) -> String {
    let text = match value {
        Value::Null => return String::new(),
        Value::Bool(yes) => language
            .pick(
                if *yes { "ja" } else { "nej" },
                if *yes { "yes" } else { "no" },
            )
            .to_owned(),
        Value::String(text) if kind.is_decimal() => match text.parse::<Decimal>() {
            Ok(number) => decimal_text(number, kind, language),
            Err(_) => text.clone(),
        },
        Value::String(text) => text.clone(),
        Value::Array(items) => items
            .iter()
            .map(|item| cell_text(item, kind, language))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    };
    text.replace("\r\n", " ").replace(['\n', '\r', '\t'], " ")
}

fn decimal_text(number: Decimal, kind: ColumnKind, language: Language) -> String {
    match kind {
        ColumnKind::Fraction => {
            let floored = number.round_dp_with_strategy(3, RoundingStrategy::ToZero);
            format_number(floored, 3, language)
        }
        ColumnKind::Percent => format_number(number, 1, language),
        _ => format_number(number, number.scale(), language),
    }
}

/// Writes `table` as plain text: the headings in `language`, a line of dashes under each, then
/// one line per row. Columns are as wide as their widest cell (counted in characters) and
/// separated by two spaces; numbers (integers, years, decimals, percentages, fractions,
/// amounts) are right-aligned, everything else (ids and codes included) left-aligned. Decimals
/// are written in the language's notation (`0,875`, `1 150` in Swedish; `0.875`, `1,150` in
/// English). No line ends in spaces; the text ends with a line break. A table without rows is
/// its headings alone.
pub fn table_text(table: &Table, language: Language) -> String {
    let header: Vec<String> = table
        .columns
        .iter()
        .map(|c| c.label(language).to_owned())
        .collect();
    let body: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .zip(&table.columns)
                .map(|(value, column)| cell_text(value, column.kind, language))
                .collect()
        })
        .collect();
    let widths: Vec<usize> = (0..table.columns.len())
        .map(|index| {
            std::iter::once(&header)
                .chain(&body)
                .filter_map(|row| row.get(index))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let numeric: Vec<bool> = table.columns.iter().map(|c| is_numeric(c.kind)).collect();
    let rule: Vec<String> = widths.iter().map(|width| "-".repeat(*width)).collect();
    let mut out = String::new();
    push_line(&mut out, &header, &widths, &numeric);
    push_line(&mut out, &rule, &widths, &vec![false; widths.len()]);
    for row in &body {
        push_line(&mut out, row, &widths, &numeric);
    }
    out
}

fn push_line(out: &mut String, cells: &[String], widths: &[usize], numeric: &[bool]) {
    let mut line = String::new();
    for (index, cell) in cells.iter().enumerate() {
        if index > 0 {
            line.push_str(GAP);
        }
        let width = widths.get(index).copied().unwrap_or(0);
        if numeric.get(index).copied().unwrap_or(false) {
            let _ = write!(line, "{cell:>width$}");
        } else {
            let _ = write!(line, "{cell:<width$}");
        }
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// The columns `keys` of `table`, in that order (a key the table does not have is left out).
fn select(table: &Table, keys: &[&str]) -> Table {
    let positions: Vec<usize> = keys
        .iter()
        .filter_map(|key| table.columns.iter().position(|c| c.key == *key))
        .collect();
    let columns = positions
        .iter()
        .filter_map(|p| table.columns.get(*p).cloned())
        .collect();
    let rows = table
        .rows
        .iter()
        .map(|row| {
            positions
                .iter()
                .map(|p| row.get(*p).cloned().unwrap_or(Value::Null))
                .collect()
        })
        .collect();
    Table::new(columns, rows)
}

/// The column "where" of [`diagnostics_text`].
const WHERE: Column = Column::new("where", ColumnKind::Text, "Var", "Where");

/// The checker's findings as text: a table of the code, the severity, where the finding is
/// (its places in the document's terms, "rad 92, tabell 3, rad 2, cell 1; rad 8, …", or the
/// JSON path of the field when the report was not read from a document) and the message in
/// `language`; then a line counting the findings by severity ([`diagnostics_summary`]). No
/// findings give "Inga avvikelser." / "No findings.".
pub fn diagnostics_text(diagnostics: &[Diagnostic], language: Language) -> Result<String> {
    if diagnostics.is_empty() {
        return Ok(format!(
            "{}\n",
            language.pick("Inga avvikelser.", "No findings.")
        ));
    }
    let full = diagnostic_table(diagnostics, language)?;
    let mut table = select(&full, &["code", "severity", "places", "message"]);
    if let Some(column) = table.columns.get_mut(2) {
        *column = WHERE;
    }
    for (index, row) in table.rows.iter_mut().enumerate() {
        let blank = row
            .get(2)
            .is_none_or(|v| v.as_str().is_none_or(str::is_empty));
        if let (true, Some(cell), Some(path)) = (blank, row.get_mut(2), full.value(index, "path")) {
            *cell = path.clone();
        }
    }
    Ok(format!(
        "{}\n{}\n",
        table_text(&table, language),
        diagnostics_summary(diagnostics, language)
    ))
}

/// The findings counted by severity: "14 fynd: 6 fel, 8 varningar, 0 noteringar." /
/// "14 findings: 6 errors, 8 warnings, 0 notes.".
pub fn diagnostics_summary(diagnostics: &[Diagnostic], language: Language) -> String {
    let count = |severity: Severity| {
        diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    let (errors, warnings, notes) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let plural = |n: usize, one: &'static str, many: &'static str| if n == 1 { one } else { many };
    match language {
        Language::Swedish => format!(
            "{} fynd: {errors} fel, {warnings} {}, {notes} {}.",
            diagnostics.len(),
            plural(warnings, "varning", "varningar"),
            plural(notes, "notering", "noteringar"),
        ),
        Language::English => format!(
            "{} {}: {errors} {}, {warnings} {}, {notes} {}.",
            diagnostics.len(),
            plural(diagnostics.len(), "finding", "findings"),
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings"),
            plural(notes, "note", "notes"),
        ),
    }
}

/// The graded interventions as text, one row each: the id, the name, the score, the computed
/// grade, the decided grade and how the two compare (the comparison's code, e.g.
/// `decided_higher`). Labels are in `language`.
pub fn intervention_text(assessments: &[Assessment], language: Language) -> Result<String> {
    let full = intervention_table(assessments, language)?;
    let keys = [
        "intervention_id",
        "intervention",
        "score",
        "grade_label",
        "decided_label",
        "comparison",
    ];
    Ok(table_text(&select(&full, &keys), language))
}

/// The graded goals as text, one row each: the intervention's id, the goal's number and
/// wording, the result in words, the attainment and the status's code.
pub fn goal_text(assessments: &[Assessment], language: Language) -> Result<String> {
    let full = goal_table(assessments, language)?;
    let keys = [
        "intervention_id",
        "goal_number",
        "goal",
        "result",
        "attainment",
        "status",
    ];
    Ok(table_text(&select(&full, &keys), language))
}

/// The reading record as text: every column of [`reading_table`], one row per part found or
/// absent, then one per issue, places and messages in `language`.
pub fn reading_text(reading: &Reading, language: Language) -> Result<String> {
    Ok(table_text(&reading_table(reading, language)?, language))
}

/// A series of reports side by side as text: one row per intervention (its latest id and
/// name), one column per period holding `value` ([`series_grade_pivot`]); blank where the
/// intervention is not in the period's report.
pub fn series_text(comparison: &SeriesComparison, value: GradeValue, language: Language) -> String {
    table_text(&series_grade_pivot(comparison, value, language), language)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grading::policy::GradingPolicy;
    use crate::model::report::Report;
    use crate::series::ReportSeries;
    use serde_json::json;

    const SAMPLES: [&str; 3] = [
        include_str!("../../samples/arsredovisning-2014.json"),
        include_str!("../../samples/arsredovisning-2015.json"),
        include_str!("../../samples/arsredovisning-2017.json"),
    ];

    fn table() -> Table {
        Table::new(
            vec![
                Column::new("id", ColumnKind::Id, "Insats-id", "Intervention id"),
                Column::new("count", ColumnKind::Integer, "Antal", "Count"),
                Column::new("amount", ColumnKind::Money, "Belopp", "Amount"),
                Column::new("share", ColumnKind::Percent, "Andel", "Share"),
                Column::new("score", ColumnKind::Fraction, "Poäng", "Score"),
                Column::new("done", ColumnKind::Bool, "Klar", "Done"),
                Column::new("note", ColumnKind::Text, "Not", "Note"),
            ],
            vec![
                vec![
                    json!("0012"),
                    json!(7),
                    json!("1150.50"),
                    json!("95.66"),
                    json!("0.79999"),
                    json!(true),
                    json!("två\nrader"),
                ],
                vec![
                    json!("lyra"),
                    json!(12),
                    json!("-3"),
                    json!(null),
                    json!("1"),
                    json!(false),
                    json!(null),
                ],
            ],
        )
    }

    #[test]
    fn aligns_columns_and_writes_numbers_in_the_language() {
        assert_eq!(
            table_text(&table(), Language::Swedish),
            "Insats-id  Antal   Belopp  Andel  Poäng  Klar  Not\n\
             ---------  -----  -------  -----  -----  ----  ---------\n\
             0012           7  1 150,5   95,7  0,799  ja    två rader\n\
             lyra          12       -3             1  nej\n"
        );
        assert_eq!(
            table_text(&table(), Language::English),
            "Intervention id  Count   Amount  Share  Score  Done  Note\n\
             ---------------  -----  -------  -----  -----  ----  ---------\n\
             0012                 7  1,150.5   95.7  0.799  yes   två rader\n\
             lyra                12       -3             1  no\n"
        );
    }

    #[test]
    fn a_table_without_rows_is_its_headings() {
        let empty = Table::new(table().columns, Vec::new());
        assert_eq!(
            table_text(&empty, Language::English),
            "Intervention id  Count  Amount  Share  Score  Done  Note\n\
             ---------------  -----  ------  -----  -----  ----  ----\n"
        );
    }

    fn reports() -> Result<Vec<Report>> {
        SAMPLES.iter().map(|text| Report::from_json(text)).collect()
    }

    #[test]
    fn diagnostics_of_a_json_report_stand_at_their_path() -> Result<()> {
        assert_eq!(
            diagnostics_text(&[], Language::Swedish)?,
            "Inga avvikelser.\n"
        );
        assert_eq!(diagnostics_text(&[], Language::English)?, "No findings.\n");
        let report = reports()?.remove(1);
        let text = diagnostics_text(&report.check(), Language::English)?;
        assert_eq!(
            text,
            "Code                Severity  Where                                   Message\n\
             ------------------  --------  --------------------------------------  ---------------------------------------------------------------------------------\n\
             goal_flow_mismatch  error     interventions[7].goals[0].result.value  Slussen: the goal \"60 deltagare.\" reports 59, but the participant flows give 108.\n\
             flow_gender_sum     error     flows.rows[3].figures.current           Lyra: women + men + other = 12, but current participants = 28.\n\
             flow_gender_sum     error     flows.rows[4].figures.current           SamPlan: women + men + other = 236, but current participants = 237.\n\
             \n\
             3 findings: 3 errors, 0 warnings, 0 notes.\n"
        );
        let swedish = diagnostics_text(&report.check(), Language::Swedish)?;
        assert!(swedish.starts_with("Kod                 Allvarlighet  Var "));
        assert!(swedish.ends_with("\n\n3 fynd: 3 fel, 0 varningar, 0 noteringar.\n"));
        Ok(())
    }

    #[test]
    fn summary_counts_by_severity_in_both_languages() -> Result<()> {
        assert_eq!(
            diagnostics_summary(&[], Language::Swedish),
            "0 fynd: 0 fel, 0 varningar, 0 noteringar."
        );
        assert_eq!(
            diagnostics_summary(&[], Language::English),
            "0 findings: 0 errors, 0 warnings, 0 notes."
        );
        let mut diagnostics = reports()?.remove(1).check();
        diagnostics.truncate(1);
        assert_eq!(
            diagnostics_summary(&diagnostics, Language::English),
            "1 finding: 1 error, 0 warnings, 0 notes."
        );
        Ok(())
    }

    #[test]
    fn interventions_goals_and_series_as_text() -> Result<()> {
        let policy = GradingPolicy::default();
        let reports = reports()?;
        let graded = reports.get(2).map(|r| r.grade(&policy)).transpose()?;
        let assessments = graded.unwrap_or_default();
        let text = intervention_text(&assessments, Language::Swedish)?;
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 12);
        assert_eq!(
            lines.get(..3).unwrap_or_default(),
            [
                "Insats-id                Insats                   Poäng  Beräknad    Beslutad       Jämförelse",
                "-----------------------  -----------------------  -----  ----------  -------------  ----------------------",
                "adrian                   Adrian                   0,629  Godtagbar   Ej tillämpbar  decided_not_applicable",
            ]
        );
        assert_eq!(
            lines.last().copied(),
            Some("mia                      MIA-projektet            0,843  Godtagbar   God            decided_higher")
        );
        let goals = goal_text(&assessments, Language::English)?;
        assert_eq!(
            goals.lines().nth(3),
            Some("adrian                          2  35 % i egen försörjning.                          1 of 11 = 9.1%                                                                         0.259  partly_reached")
        );
        let comparison = ReportSeries::from_reports(reports)?.compare(&policy)?;
        let text = series_text(&comparison, GradeValue::Label, Language::Swedish);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines.get(..5).unwrap_or_default(),
            [
                "Insats-id                Insats                         2014         2015        2017",
                "-----------------------  -----------------------------  -----------  ----------  ----------",
                "samverkansteam-botkyrka  Samverkansteam Botkyrka        God          Godtagbar   Godtagbar",
                "samverkansteam-huddinge  Samverkansteam Huddinge        Godtagbar    Mycket god  Godtagbar",
                "adrian                   Adrian                         Mycket god   Mycket god  Godtagbar",
            ]
        );
        assert_eq!(
            lines.get(7).copied(),
            Some("paraplyteamet            Paraplyteamet                  God")
        );
        Ok(())
    }
}
