//! The report's own tables, found by their column headers: the goal-fulfilment summary, the
//! participant-flow table and the end-reason table.

use std::str::FromStr;

use crate::common::place::Place;
use crate::common::severity::Severity;
use crate::document::{BlockKind, Cell, Document, TableRow};
use crate::model::end_reasons::{EndReason, EndReasonRow, EndReasonTable, EndReasonTotals};
use crate::model::flows::{FlowField, FlowFigure, FlowFigures, FlowRow, FlowTable};
use crate::model::intervention::{InterventionId, InterventionKind};
use crate::model::report::{Report, Source};
use crate::reader::words::{joined_name, years, NameIndex};
use crate::reader::{PartKind, ReadingCode, Record};
use crate::text::{intervention_from_text, parse_number, Cell as TextCell, TextRow};

/// The text of a header cell, lower case and on one line.
fn header(cell: &Cell) -> String {
    cell.text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Which column of a summary holds what.
pub(super) struct SummaryColumns {
    name: usize,
    /// The intervention's id, where the table gives one ("Insats-id", as finsam writes it when
    /// an id is not the one its name makes).
    id: Option<usize>,
    goals: usize,
    results: usize,
    grade: Option<usize>,
    current: Option<usize>,
}

/// A goal-fulfilment summary table found in the document.
pub(super) struct Summary<'a> {
    rows: &'a [TableRow],
    place: Place,
    kind: Option<InterventionKind>,
    columns: SummaryColumns,
    /// The year its column headings name ("Mål 2014").
    pub(super) year: Option<u16>,
}

/// The summary tables of a document: tables whose header names the intervention, the goals
/// and the results; individual or structural by the heading above them.
pub(super) fn summaries(document: &Document) -> Vec<Summary<'_>> {
    let mut found = Vec::new();
    let mut heading = String::new();
    for block in &document.blocks {
        match &block.kind {
            BlockKind::Heading { text, .. } => heading = text.to_lowercase(),
            BlockKind::Table { rows } => {
                let Some(first) = rows.first() else { continue };
                let headers: Vec<String> = first.cells.iter().map(header).collect();
                let position = |test: &dyn Fn(&str) -> bool| headers.iter().position(|h| test(h));
                let name = position(&|h| h.starts_with("insats") || h.starts_with("projekt"));
                let goals = position(&|h| h.starts_with("mål") && !h.starts_with("måluppfyllelse"));
                let results = position(&|h| h.starts_with("resultat"));
                let (Some(name), Some(goals), Some(results)) = (name, goals, results) else {
                    continue;
                };
                let grade =
                    position(&|h| h.contains("måluppfyllelse") || h.starts_with("bedömning"));
                let id = position(&|h| h == "id" || h == "insats-id");
                let current = position(&|h| {
                    h.contains("aktuella deltagare") || h.contains("antal deltagare")
                });
                let kind = if heading.contains("struktur") {
                    Some(InterventionKind::Structural)
                } else if heading.contains("individ") {
                    Some(InterventionKind::Individual)
                } else {
                    None
                };
                let year = headers.get(goals).and_then(|h| years(h).into_iter().next());
                found.push(Summary {
                    rows,
                    place: block.place,
                    kind,
                    columns: SummaryColumns {
                        name,
                        id,
                        goals,
                        results,
                        grade,
                        current,
                    },
                    year,
                });
            }
            _ => {}
        }
    }
    found
}

/// The interventions of the summaries, with the issues of their cells; the current
/// participants of a summary column become the flow table's current figures.
pub(super) fn read_summaries(summaries: &[Summary<'_>], report: &mut Report, record: &mut Record) {
    if summaries.is_empty() {
        record.absent(PartKind::Summary, None);
        return;
    }
    let mut flow_rows = Vec::new();
    let mut ids: std::collections::HashSet<InterventionId> =
        report.interventions.iter().map(|i| i.id.clone()).collect();
    for summary in summaries {
        record.found(PartKind::Summary, None, summary.place, None);
        for row in summary.rows.iter().skip(1) {
            let text = |column: usize| {
                row.cells
                    .get(column)
                    .map(|c| c.text.trim().to_owned())
                    .unwrap_or_default()
            };
            let place = |column: usize| row.cells.get(column).map(|c| c.place).unwrap_or(row.place);
            let name = joined_name(&text(summary.columns.name));
            if name.is_empty() {
                continue;
            }
            let grade = summary.columns.grade.map(text).filter(|g| !g.is_empty());
            let built = intervention_from_text(&TextRow {
                name: name.clone(),
                goals: text(summary.columns.goals),
                results: text(summary.columns.results),
                grade,
                id: summary.columns.id.map(text).filter(|id| !id.is_empty()),
                kind: summary.kind,
            });
            let built = match built {
                Ok(built) => built,
                Err(error) => {
                    record.issue(
                        ReadingCode::UnreadRow,
                        Severity::Error,
                        row.place,
                        None,
                        &name,
                        format!(
                            "Raden \"{name}\" kunde inte läsas: {}",
                            error.message_in(crate::common::locale::Language::Swedish)
                        ),
                        format!("The row \"{name}\" could not be read: {}", error.message()),
                    );
                    continue;
                }
            };
            let id = built.intervention.id.clone();
            if !ids.insert(id.clone()) {
                record.issue(
                    ReadingCode::UnreadRow,
                    Severity::Error,
                    row.place,
                    Some(&id),
                    &name,
                    format!("\"{name}\" står två gånger i sammanställningen; den andra raden är inte läst."),
                    format!("\"{name}\" is in the summary twice; the second row is not read."),
                );
                continue;
            }
            for issue in &built.aligned.issues {
                let column = match issue.cell {
                    TextCell::Goals => summary.columns.goals,
                    TextCell::Results => summary.columns.results,
                };
                record.issue(
                    ReadingCode::Cell,
                    issue.severity,
                    place(column),
                    Some(&id),
                    &issue.text,
                    issue.message_sv.clone(),
                    issue.message_en.clone(),
                );
            }
            let index = report.interventions.len();
            for goal in 0..built.intervention.goals.len() {
                let path = format!("interventions[{index}].goals[{goal}]");
                report.sources.push(Source {
                    path: path.clone(),
                    place: place(summary.columns.goals),
                });
                report.sources.push(Source {
                    path: format!("{path}.result"),
                    place: place(summary.columns.results),
                });
            }
            if let Some(column) = summary
                .columns
                .grade
                .filter(|_| built.intervention.decided_grade.is_some())
            {
                report.sources.push(Source {
                    path: format!("interventions[{index}].decided_grade"),
                    place: place(column),
                });
            }
            if let Some(column) = summary.columns.current {
                let printed = text(column);
                match figure(&printed) {
                    Some(Some(current)) => {
                        report.sources.push(Source {
                            path: format!("flows.rows[{}].figures.current", flow_rows.len()),
                            place: place(column),
                        });
                        flow_rows.push(FlowRow {
                            intervention: id.clone(),
                            label: Some(name.clone()),
                            figures: FlowFigures {
                                current: Some(current),
                                ..FlowFigures::default()
                            },
                        });
                    }
                    Some(None) => {}
                    None => unread_figure(record, place(column), Some(&id), &printed),
                }
            }
            report.interventions.push(built.intervention);
        }
    }
    if !flow_rows.is_empty() {
        // The summary's column of current participants, until a flow table is found.
        let place = summaries
            .iter()
            .find(|s| s.columns.current.is_some())
            .map_or(Place::default(), |s| s.place);
        record.found(
            PartKind::Flows,
            None,
            place,
            Some("aktuella deltagare i sammanställningen".to_owned()),
        );
        report.flows = Some(FlowTable {
            rows: flow_rows,
            total: None,
            unique_participants: None,
        });
    }
}

/// A figure of a table: a count, "ej tillämpligt", or blank (`Some(None)`); `None` when it is
/// not a figure.
fn figure(text: &str) -> Option<Option<FlowFigure>> {
    let text = text.trim();
    if text.is_empty() || text == "-" || text == "–" {
        return Some(None);
    }
    let lower = text.to_lowercase();
    if lower.starts_with("ej till") || lower == "e.t." || lower == "et" {
        return Some(Some(FlowFigure::NotApplicable));
    }
    let value = parse_number(text)?;
    if value.is_sign_negative() || !value.fract().is_zero() {
        return None;
    }
    u64::try_from(value.normalize().mantissa())
        .ok()
        .map(|n| Some(FlowFigure::Count(n)))
}

fn unread_figure(record: &mut Record, place: Place, id: Option<&InterventionId>, text: &str) {
    record.issue(
        ReadingCode::UnreadFigure,
        Severity::Warning,
        place,
        id,
        text,
        format!("\"{text}\" är inget antal; cellen är inte läst."),
        format!("\"{text}\" is not a count; the cell is not read."),
    );
}

/// The participant-flow table: a table whose header has the current participants and at least
/// two other flow figures.
pub(super) fn read_flows(document: &Document, report: &mut Report, record: &mut Record) {
    for (rows, place) in document.tables() {
        let Some(first) = rows.first() else { continue };
        let headers: Vec<String> = first.cells.iter().map(header).collect();
        let column_of = |field: FlowField| -> Option<usize> {
            headers.iter().position(|h| match field {
                FlowField::Current => h.contains("aktuella"),
                FlowField::Women => h.contains("kvinnor"),
                FlowField::Men => h.contains("män"),
                FlowField::Other => h.contains("annat") || h.contains("ej angivet"),
                FlowField::New => h.starts_with("nya") || h.contains(" nya"),
                FlowField::Ended => h.starts_with("avslutade") || h.contains(" avslutade"),
                FlowField::ToWorkOrStudies => {
                    h.contains("arbete/studier") || h.contains("arbete eller studier")
                }
                FlowField::JobSeeking => h.contains("arbetssökande"),
            })
        };
        let columns: Vec<(FlowField, usize)> = FlowField::ALL
            .iter()
            .filter_map(|f| column_of(*f).map(|c| (*f, c)))
            .collect();
        let has_current = columns.iter().any(|(f, _)| *f == FlowField::Current);
        // The summary with its column of current participants is not the flow table.
        if !has_current || columns.len() < 3 || headers.iter().any(|h| h.starts_with("mål")) {
            continue;
        }
        record.parts.retain(|p| p.kind != PartKind::Flows);
        let names = NameIndex::new(&report.interventions);
        record.found(PartKind::Flows, None, place, None);
        let mut table = FlowTable::default();
        for row in rows.iter().skip(1) {
            let label = row
                .cells
                .first()
                .map(|c| joined_name(&c.text))
                .unwrap_or_default();
            let lower = label.to_lowercase();
            let mut figures = FlowFigures::default();
            // Where each figure stands, for the checker to name.
            let mut cells: Vec<(FlowField, Place)> = Vec::new();
            for (field, column) in &columns {
                let cell = row.cells.get(*column);
                let printed = cell.map(|c| c.text.clone()).unwrap_or_default();
                match figure(&printed) {
                    Some(value) => {
                        figures.set(*field, value);
                        cells.push((*field, cell.map_or(row.place, |c| c.place)));
                    }
                    None => {
                        unread_figure(record, cell.map_or(row.place, |c| c.place), None, &printed)
                    }
                }
            }
            let mut sources = |prefix: String| {
                report
                    .sources
                    .extend(cells.iter().map(|(field, place)| Source {
                        path: format!("{prefix}.{}", field.code()),
                        place: *place,
                    }));
            };
            if lower.starts_with("totalt") || lower.starts_with("summa") {
                sources("flows.total".to_owned());
                table.total = Some(figures);
                continue;
            }
            if lower.contains("unika") {
                table.unique_participants = figures.count(FlowField::Current).or_else(|| {
                    row.cells
                        .iter()
                        .skip(1)
                        .find_map(|c| figure(&c.text).flatten().and_then(FlowFigure::count))
                });
                continue;
            }
            let best = names
                .best(&label, |_| true)
                .and_then(|i| report.interventions.get(i))
                .map(|i| i.id.clone());
            match best {
                Some(id) if table.row(&id).is_none() => {
                    sources(format!("flows.rows[{}].figures", table.rows.len()));
                    table.rows.push(FlowRow {
                        intervention: id,
                        label: Some(label),
                        figures,
                    });
                }
                _ => record.issue(
                    ReadingCode::UnreadTableRow,
                    Severity::Warning,
                    row.place,
                    None,
                    &label,
                    format!("Raden \"{label}\" i tabellen över deltagarflöden hör till ingen insats i sammanställningen."),
                    format!("The row \"{label}\" of the flow table belongs to no intervention of the summary."),
                ),
            }
        }
        report.flows = Some(table);
        return;
    }
    if report.flows.is_none() {
        record.absent(PartKind::Flows, None);
    }
}

/// The end-reason table: a table whose first column is headed by the reason for ending, with
/// a column for women and one for men (under a merged "Kön" header or not).
pub(super) fn read_end_reasons(document: &Document, report: &mut Report, record: &mut Record) {
    for (index, block) in document.blocks.iter().enumerate() {
        let BlockKind::Table { rows } = &block.kind else {
            continue;
        };
        let Some(first) = rows.first() else { continue };
        let heads_reasons = first.cells.first().map(header).is_some_and(|h| {
            h.starts_with("avslutsanledning")
                || h.starts_with("avslutsorsak")
                || h.starts_with("orsak")
        });
        if !heads_reasons {
            continue;
        }
        // The header rows: until the first row whose first cell is a reason.
        let header_rows = rows
            .iter()
            .position(|row| {
                row.cells.first().is_some_and(|c| {
                    !c.text.trim().is_empty() && EndReason::from_str(&c.text).is_ok()
                })
            })
            .unwrap_or(1)
            .max(1);
        let find = |test: &dyn Fn(&str) -> bool| -> Option<usize> {
            rows.iter().take(header_rows).find_map(|row| {
                let columns = row.columns();
                columns.iter().position(|c| test(&c.to_lowercase()))
            })
        };
        let women = find(&|h| h.starts_with("kvinn"));
        let men = find(&|h| h == "man" || h == "män" || h.starts_with("män"));
        let other = find(&|h| h.starts_with("annat") || h.starts_with("ej angivet"));
        let total = find(&|h| h.starts_with("totalt") || h.starts_with("summa"));
        if women.is_none() && men.is_none() {
            continue;
        }
        record.found(PartKind::EndReasons, None, block.place, None);
        let mut table = EndReasonTable {
            note: note_before(document, index),
            ..EndReasonTable::default()
        };
        let count = |row: &TableRow, column: Option<usize>, record: &mut Record| -> Option<u64> {
            let column = column?;
            let columns = row.columns();
            let text = columns.get(column).copied().unwrap_or_default();
            match figure(text) {
                Some(value) => value.and_then(FlowFigure::count),
                None => {
                    let place = cell_at(row, column).map_or(row.place, |c| c.place);
                    unread_figure(record, place, None, text);
                    None
                }
            }
        };
        for row in rows.iter().skip(header_rows) {
            let label = row
                .cells
                .first()
                .map(|c| c.text.trim().to_owned())
                .unwrap_or_default();
            if label.is_empty() {
                continue;
            }
            let (w, m, o, t) = (
                count(row, women, record),
                count(row, men, record),
                count(row, other, record),
                count(row, total, record),
            );
            if label.to_lowercase().starts_with("totalt")
                || label.to_lowercase().starts_with("summa")
            {
                table.total = Some(EndReasonTotals {
                    women: w,
                    men: m,
                    other: o,
                    total: t,
                });
                continue;
            }
            let reason = match EndReason::from_str(&label) {
                Ok(reason) => reason,
                Err(_) => {
                    record.issue(
                        ReadingCode::UnreadTableRow,
                        Severity::Info,
                        row.place,
                        None,
                        &label,
                        format!("\"{label}\" är ingen känd avslutsorsak; läst som Övrigt med sin text."),
                        format!("\"{label}\" is not a known end reason; read as Other with its wording."),
                    );
                    EndReason::Other
                }
            };
            table.rows.push(EndReasonRow {
                reason,
                label: Some(label),
                women: w,
                men: m,
                other: o,
                total: t,
            });
        }
        report.end_reasons = Some(table);
        return;
    }
    record.absent(PartKind::EndReasons, None);
}

/// The cell of `row` that holds grid column `column`.
fn cell_at(row: &TableRow, column: usize) -> Option<&Cell> {
    let mut at = 0;
    row.cells.iter().find(|cell| {
        let here = at;
        at += cell.span.max(1);
        (here..at).contains(&column)
    })
}

/// What the end-reason table covers, from the paragraph before it that says how many ended
/// ("Av de totalt 212 individer som avslutades … för 189 personer").
fn note_before(document: &Document, table: usize) -> Option<String> {
    document
        .blocks
        .get(table.saturating_sub(8)..table)?
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Paragraph { text } => Some(text),
            _ => None,
        })
        .find(|text| text.contains("avslutades"))
        .map(|text| {
            text.split_inclusive(". ")
                .next()
                .unwrap_or(text)
                .trim()
                .to_owned()
        })
}
