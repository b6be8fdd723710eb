//! Documents out: a report's tables as a spreadsheet and its appendix as a Word document, the
//! files an office hands to its board.
//!
//! - [`report_sheets`]: the report's tables, one [`Sheet`] per table (goal fulfilment, goals,
//!   participant flows, end reasons, the checker's findings, the statement, the cost rules and
//!   the budget per intervention), each a [`Table`] of the core with its typed columns.
//!   `write_xlsx` (cargo feature `xlsx`) writes them as an .xlsx workbook.
//! - [`appendix`]: the report's appendix as [`Piece`]s: the goal-fulfilment table or tables with
//!   a footnote stating the grading rule, the flow table with its TOTALT row, the end reasons,
//!   the checker's findings, and each intervention's section with its owner, its table of this
//!   year's and last year's results, its budget sentence and the explanation of its grade.
//!   `write_docx` (cargo feature `docx-write`) writes them as a Word document, optionally with a
//!   template's styles.
//!
//! Both are pure: a report in, the file's bytes out, the same bytes for the same report. The
//! Swedish appendix is written the way the reader of [`crate::reader`] reads a report, so
//! that an appendix finsam writes reads back as the same report.

#[cfg(feature = "docx-write")]
mod docx;
#[cfg(feature = "xlsx")]
mod xlsx;

use crate::check::check;
use crate::common::error::Result;
use crate::common::locale::{format_number, Language};
use crate::common::table::Table;
use crate::grading::assessment::Assessment;
use crate::grading::policy::GradingPolicy;
use crate::model::economics::{OutcomeWording, StatedBudget};
use crate::model::end_reasons::EndReasonTable;
use crate::model::goal::{Goal, GOAL_LIST, SECTION_TABLE};
use crate::model::intervention::{Intervention, InterventionKind};
use crate::model::money::Unit;
use crate::model::period::PeriodPart;
use crate::model::report::Report;
use crate::model::result::GoalResult;
use crate::render::flow_table_cells;
use crate::render::{
    deviation_table, diagnostic_table, end_reason_table, flow_table, goal_table,
    intervention_table, rule_table, stated_budget_table, statement_table,
};
use crate::text::id_from_name;

#[cfg(feature = "docx-write")]
pub use docx::write_docx;
#[cfg(feature = "xlsx")]
pub use xlsx::{report_xlsx, write_xlsx};

/// One sheet of a workbook: its name in Swedish and English, and its table.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The stable code of the table, e.g. `goal_fulfilment`.
    pub code: &'static str,
    /// The sheet's name in Swedish.
    pub name_sv: &'static str,
    /// The sheet's name in English.
    pub name_en: &'static str,
    /// The table.
    pub table: Table,
}

impl Sheet {
    /// The sheet's name in `language`.
    pub fn name(&self, language: Language) -> &'static str {
        language.pick(self.name_sv, self.name_en)
    }
}

/// The tables of a report, one sheet each, in this order: goal fulfilment (one row per
/// intervention), goals (one row per goal), the checker's findings, then those the report has:
/// participant flows, end reasons, the statement, the cost rules, the budget per intervention
/// of the economics, and the budget each section states. Labels are in `language`.
///
/// ```
/// use finsam_core::write::report_sheets;
/// use finsam_core::{GradingPolicy, Language, Report};
/// let report = Report::from_json(include_str!("../../samples/arsredovisning-2014.json"))?;
/// let sheets = report_sheets(&report, &GradingPolicy::default(), Language::Swedish)?;
/// let names: Vec<&str> = sheets.iter().map(|s| s.name(Language::Swedish)).collect();
/// assert_eq!(names[..3], ["Måluppfyllelse", "Mål", "Kontroll"]);
/// # Ok::<(), finsam_core::Error>(())
/// ```
pub fn report_sheets(
    report: &Report,
    policy: &GradingPolicy,
    language: Language,
) -> Result<Vec<Sheet>> {
    let assessments = report.grade(policy)?;
    let findings = check(report);
    let sheet = |code, name_sv, name_en, table| Sheet {
        code,
        name_sv,
        name_en,
        table,
    };
    let mut sheets = vec![
        sheet(
            "goal_fulfilment",
            "Måluppfyllelse",
            "Goal fulfilment",
            intervention_table(&assessments, language)?,
        ),
        sheet("goals", "Mål", "Goals", goal_table(&assessments, language)?),
        sheet(
            "findings",
            "Kontroll",
            "Findings",
            diagnostic_table(&findings, language)?,
        ),
    ];
    if let Some(flows) = &report.flows {
        sheets.push(sheet(
            "flows",
            "Deltagarflöden",
            "Participant flows",
            flow_table(flows)?,
        ));
    }
    if let Some(end_reasons) = &report.end_reasons {
        sheets.push(sheet(
            "end_reasons",
            "Avslutsorsaker",
            "End reasons",
            end_reason_table(end_reasons)?,
        ));
    }
    if let Some(economics) = &report.economics {
        if let Some(statement) = &economics.statement {
            sheets.push(sheet(
                "statement",
                "Resultaträkning",
                "Statement",
                statement_table(statement)?,
            ));
        }
        if !economics.rules.is_empty() {
            sheets.push(sheet(
                "cost_rules",
                "Kostnadsregler",
                "Cost rules",
                rule_table(economics)?,
            ));
        }
        if economics.interventions.is_some() {
            sheets.push(sheet(
                "budget",
                "Budget per insats",
                "Budget per intervention",
                deviation_table(economics)?,
            ));
        }
    }
    if report.interventions.iter().any(|i| i.budget.is_some()) {
        sheets.push(sheet(
            "stated_budget",
            "Budget i avsnitten",
            "Budget in the sections",
            stated_budget_table(report)?,
        ));
    }
    Ok(sheets)
}

/// A table of the appendix: its header, its rows of cell texts (a cell's lines separated by
/// `\n`), which columns hold figures, how many rows at its end are summary rows (TOTALT), and
/// a footnote on a header cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PieceTable {
    /// The header row.
    pub header: Vec<String>,
    /// The body's rows, each with one cell per header cell.
    pub rows: Vec<Vec<String>>,
    /// For each column, whether it holds figures (right-aligned).
    pub numeric: Vec<bool>,
    /// How many of the last rows sum the others (set in bold).
    pub summary_rows: usize,
    /// A footnote on a header cell: the column and the note's text.
    pub footnote: Option<(usize, String)>,
}

/// One piece of the appendix, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A heading of `level` (1 the highest).
    Heading {
        /// The level, 1 to 3.
        level: u8,
        /// The text.
        text: String,
    },
    /// A paragraph of running text.
    Paragraph(String),
    /// An item of a bulleted list.
    ListItem(String),
    /// A table.
    Table(PieceTable),
}

/// The appendix of a report, in `language`: what `write_docx` writes.
///
/// - A title naming the organisation and the period.
/// - The goal-fulfilment table (*Sammanställning av måluppfyllelse*), one for individual and
///   one for structural interventions (one per run of either, so that the report's order is
///   kept): Insats | Mål | Resultat | Måluppfyllelse (the grade the
///   association decided) | Beräknad (the grade finsam computes), one row per intervention with
///   its goals and results one per line, and a footnote that states the grading rule
///   ([`GradingPolicy::rule_text`]).
/// - The flow table with its TOTALT row and "Varav unika deltagare", and the end-reason table.
/// - The checker's findings, each with where it stands.
/// - Each intervention's section: its owner, partners and target group, its goals, its table
///   *Mål | Resultat (year) | Resultat (last year)* where the report states a result in the
///   section or last year's result, its budget sentence, the sentences of its text that state
///   participant figures, and the explanation of its grade as a list.
///
/// Results are written as the report printed them, where it kept the text.
pub fn appendix(report: &Report, policy: &GradingPolicy, language: Language) -> Result<Vec<Piece>> {
    let assessments = report.grade(policy)?;
    let findings = check(report);
    let year = report.period.year();
    let mut pieces = vec![Piece::Heading {
        level: 1,
        text: title(report, language),
    }];
    // One table per run of interventions of one kind, so that the report's order is kept.
    let mut runs: Vec<(InterventionKind, Vec<(&Intervention, &Assessment)>)> = Vec::new();
    for pair in report.interventions.iter().zip(&assessments) {
        match runs.last_mut() {
            Some((kind, rows)) if *kind == pair.0.kind => rows.push(pair),
            _ => runs.push((pair.0.kind, vec![pair])),
        }
    }
    for (kind, rows) in runs {
        pieces.push(Piece::Heading {
            level: 2,
            text: match (kind, language) {
                (InterventionKind::Structural, Language::Swedish) => {
                    "Sammanställning av måluppfyllelse – strukturinriktade insatser"
                }
                (InterventionKind::Structural, Language::English) => {
                    "Summary of goal fulfilment – structural interventions"
                }
                (_, Language::Swedish) => {
                    "Sammanställning av måluppfyllelse – individinriktade insatser"
                }
                (_, Language::English) => "Summary of goal fulfilment – individual interventions",
            }
            .to_owned(),
        });
        pieces.push(Piece::Table(summary_table(&rows, year, policy, language)));
    }
    if let Some(table) = flow_piece(report, language) {
        pieces.push(Piece::Heading {
            level: 2,
            text: format!(
                "{} {}",
                language.pick("Deltagarflöden", "Participant flows"),
                report.period
            ),
        });
        pieces.push(Piece::Table(table));
    }
    if let Some(end_reasons) = &report.end_reasons {
        pieces.push(Piece::Heading {
            level: 2,
            text: language.pick("Avslutsorsaker", "End reasons").to_owned(),
        });
        if let Some(note) = &end_reasons.note {
            pieces.push(Piece::Paragraph(note.clone()));
        }
        pieces.push(Piece::Table(end_reason_piece(end_reasons, language)));
    }
    pieces.push(Piece::Heading {
        level: 2,
        text: language.pick("Kontrollens fynd", "Findings").to_owned(),
    });
    if findings.is_empty() {
        pieces.push(Piece::Paragraph(
            language
                .pick(
                    "Kontrollen fann inga motsägelser.",
                    "The checker found no contradictions.",
                )
                .to_owned(),
        ));
    } else {
        pieces.push(Piece::Table(PieceTable {
            header: [
                language.pick("Allvar", "Severity"),
                language.pick("Kod", "Code"),
                language.pick("Var", "Where"),
                language.pick("Fynd", "Finding"),
            ]
            .map(str::to_owned)
            .to_vec(),
            rows: findings
                .iter()
                .map(|finding| {
                    let places: Vec<String> = finding
                        .location
                        .places
                        .iter()
                        .map(|p| p.describe(language))
                        .collect();
                    let place = if places.is_empty() {
                        finding.location.path.clone()
                    } else {
                        places.join(language.pick(" mot ", " against "))
                    };
                    vec![
                        finding.severity.label(language).to_owned(),
                        finding.code.code().to_owned(),
                        place,
                        finding.message(language).to_owned(),
                    ]
                })
                .collect(),
            numeric: vec![false; 4],
            summary_rows: 0,
            footnote: None,
        }));
    }
    for (index, (intervention, assessment)) in
        report.interventions.iter().zip(&assessments).enumerate()
    {
        section(
            &mut pieces,
            index,
            intervention,
            assessment,
            report,
            language,
        );
    }
    Ok(pieces)
}

/// "Samordningsförbundet Exempel: måluppfyllelse 2017" (the first half: "halvåret 2019").
fn title(report: &Report, language: Language) -> String {
    let period = match report.period.part() {
        PeriodPart::FirstHalf => format!(
            "{} {}",
            language.pick("första halvåret", "first half of"),
            report.period.year()
        ),
        _ => report.period.year().to_string(),
    };
    format!(
        "{}: {} {period}",
        report.organisation,
        language.pick("måluppfyllelse", "goal fulfilment")
    )
}

/// A result as a table cell prints it: the report's own text where it kept it, else the
/// figures ("67 % (14 av 21)").
fn result_cell(result: &GoalResult, language: Language) -> String {
    let printed = match result {
        GoalResult::Count(count) => count.text(),
        GoalResult::Share(share) => share.text(),
        _ => None,
    };
    printed.map_or_else(|| result.shown(language), str::to_owned)
}

fn summary_table(
    rows: &[(&Intervention, &Assessment)],
    year: u16,
    policy: &GradingPolicy,
    language: Language,
) -> PieceTable {
    // The ids stand in a column of their own where one is not the id its name makes, so that
    // the appendix reads back with them.
    let with_ids = rows
        .iter()
        .any(|(i, _)| id_from_name(&i.name).as_deref() != Some(i.id.as_str()));
    let mut header = vec![language.pick("Insats", "Intervention").to_owned()];
    if with_ids {
        header.push(language.pick("Insats-id", "Intervention id").to_owned());
    }
    header.extend([
        format!("{} {year}", language.pick("Mål", "Goals")),
        format!("{} {year}", language.pick("Resultat", "Results")),
        language
            .pick("Måluppfyllelse", "Goal fulfilment")
            .to_owned(),
        language.pick("Beräknad", "Computed").to_owned(),
    ]);
    let columns = header.len();
    let body = rows
        .iter()
        .map(|(intervention, assessment)| {
            let lines = |f: &dyn Fn(&Goal) -> String| {
                intervention
                    .goals
                    .iter()
                    .map(f)
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            let decided = intervention
                .decided_grade
                .as_ref()
                .map(|d| match (&d.printed, language) {
                    (Some(printed), Language::Swedish) => printed.to_string(),
                    _ => d.decision.label(language).to_owned(),
                })
                .unwrap_or_default();
            let computed = assessment
                .grade
                .map(|g| g.label(language))
                .unwrap_or_else(|| language.pick("Ingen grad", "No grade"))
                .to_owned();
            let mut cells = vec![intervention.name.to_string()];
            if with_ids {
                cells.push(intervention.id.to_string());
            }
            cells.extend([
                lines(&|g: &Goal| g.description().to_owned()),
                lines(&|g: &Goal| result_cell(g.result(), language)),
                decided,
                computed,
            ]);
            cells
        })
        .collect();
    PieceTable {
        header,
        rows: body,
        numeric: vec![false; columns],
        summary_rows: 0,
        footnote: Some((columns - 1, policy.rule_text(language))),
    }
}

fn flow_piece(report: &Report, language: Language) -> Option<PieceTable> {
    let cells = flow_table_cells(report, language)?;
    let numeric = (0..cells.header.len()).map(|column| column > 0).collect();
    let summary_rows = cells.footer.len();
    let mut rows = cells.rows;
    rows.extend(cells.footer);
    Some(PieceTable {
        header: cells.header,
        rows,
        numeric,
        summary_rows,
        footnote: None,
    })
}

fn end_reason_piece(table: &EndReasonTable, language: Language) -> PieceTable {
    let other = table.rows.iter().any(|r| r.other.is_some())
        || table.total.is_some_and(|t| t.other.is_some());
    let mut header = vec![
        language.pick("Avslutsorsak", "End reason").to_owned(),
        language.pick("Kvinnor", "Women").to_owned(),
        language.pick("Män", "Men").to_owned(),
    ];
    if other {
        header.push(
            language
                .pick("Annat/ej angivet", "Other/unspecified")
                .to_owned(),
        );
    }
    header.push(language.pick("Totalt", "Total").to_owned());
    let count = |n: Option<u64>| {
        n.map(|n| format_number(n.into(), 0, language))
            .unwrap_or_default()
    };
    let cells = |label: String, women, men, others, total| {
        let mut row = vec![label, count(women), count(men)];
        if other {
            row.push(count(others));
        }
        row.push(count(total));
        row
    };
    let mut rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| {
            let label = match (&r.label, language) {
                (Some(label), Language::Swedish) => label.clone(),
                _ => r.reason.label(language).to_owned(),
            };
            cells(label, r.women, r.men, r.other, r.total)
        })
        .collect();
    let mut summary_rows = 0;
    if let Some(total) = table.total {
        rows.push(cells(
            language.pick("Totalt", "Total").to_owned(),
            total.women,
            total.men,
            total.other,
            total.total,
        ));
        summary_rows = 1;
    }
    let numeric = (0..header.len()).map(|c| c > 0).collect();
    PieceTable {
        header,
        rows,
        numeric,
        summary_rows,
        footnote: None,
    }
}

/// An intervention's own section.
fn section(
    pieces: &mut Vec<Piece>,
    index: usize,
    intervention: &Intervention,
    assessment: &Assessment,
    report: &Report,
    language: Language,
) {
    let heading = |level, text: &str| Piece::Heading {
        level,
        text: text.to_owned(),
    };
    pieces.push(heading(2, &intervention.name));
    if let Some(owner) = &intervention.owner {
        pieces.push(Piece::Paragraph(match language {
            Language::Swedish => format!("{owner} är huvudman för insatsen."),
            Language::English => format!("The intervention is run by {owner}."),
        }));
    }
    if !intervention.partners.is_empty() {
        pieces.push(heading(3, language.pick("Samverkanspartners", "Partners")));
        pieces.push(Piece::Paragraph(format!(
            "{} {}.",
            language.pick(
                "Insatsen drivs i samarbete med",
                "The intervention is run together with"
            ),
            and_list(&intervention.partners, language)
        )));
    }
    if let Some(target_group) = &intervention.target_group {
        pieces.push(heading(3, language.pick("Målgrupp", "Target group")));
        pieces.push(Piece::Paragraph(target_group.clone()));
    }
    let year = report.period.year();
    // Where the report stated a part, so that the list and the table keep the report's order.
    let place_of = |path: String, fallback: usize| {
        let place = report
            .sources
            .iter()
            .find(|s| s.path == path)
            .map(|s| s.place)
            .unwrap_or_default();
        (
            place.line.or(place.paragraph).unwrap_or(usize::MAX),
            place.table.unwrap_or(0),
            place.row.unwrap_or(0),
            fallback,
        )
    };
    let goal_path = |g: usize| format!("interventions[{index}].goals[{g}]");
    let mut listed: Vec<(_, &str)> = intervention
        .goals
        .iter()
        .enumerate()
        .flat_map(|(g, goal)| {
            goal.also_stated()
                .iter()
                .enumerate()
                .filter(|(_, s)| s.place == GOAL_LIST)
                .map(move |(k, s)| ((g, k), s.text.as_str()))
        })
        .map(|((g, k), text)| {
            (
                place_of(format!("{}.also_stated[{k}]", goal_path(g)), g),
                text,
            )
        })
        .collect();
    listed.sort_by_key(|(key, _)| *key);
    if !listed.is_empty() {
        pieces.push(heading(
            3,
            &format!("{} {year}", language.pick("Mål", "Goals")),
        ));
        let mut seen = Vec::new();
        for (_, text) in listed {
            // One line of the list may state two goals; it is written once.
            if !seen.contains(&text) {
                seen.push(text);
                pieces.push(Piece::ListItem(text.to_owned()));
            }
        }
    }
    let mut rows: Vec<(_, Vec<String>)> = intervention
        .goals
        .iter()
        .enumerate()
        .map(|(g, goal)| {
            let wording = goal
                .also_stated()
                .iter()
                .enumerate()
                .find(|(_, s)| s.place == SECTION_TABLE);
            let reported = goal
                .also_reported()
                .iter()
                .enumerate()
                .find(|(_, s)| s.place == SECTION_TABLE);
            let path = match (reported, wording) {
                (Some((k, _)), _) => format!("{}.also_reported[{k}]", goal_path(g)),
                (None, Some((k, _))) => format!("{}.also_stated[{k}]", goal_path(g)),
                (None, None) => format!("{}.last_year", goal_path(g)),
            };
            let cells = vec![
                wording.map_or_else(|| goal.description().to_owned(), |(_, s)| s.text.clone()),
                reported.map_or_else(
                    || result_cell(goal.result(), language),
                    |(_, s)| s.text.clone(),
                ),
                goal.last_year()
                    .map(|r| result_cell(r, language))
                    .unwrap_or_default(),
            ];
            (place_of(path, g), cells)
        })
        .collect();
    rows.sort_by_key(|(key, _)| *key);
    // The table is written when the section states a result, or last year's; then with a row
    // for every goal, so that a row stands where its goal does.
    let section_states = intervention.goals.iter().any(|goal| {
        goal.last_year().is_some()
            || goal
                .also_reported()
                .iter()
                .any(|s| s.place == SECTION_TABLE)
            || goal.also_stated().iter().any(|s| s.place == SECTION_TABLE)
    });
    if section_states {
        pieces.push(heading(
            3,
            &format!("{} {year}", language.pick("Resultat", "Results")),
        ));
        pieces.push(Piece::Table(PieceTable {
            header: vec![
                language.pick("Mål", "Goal").to_owned(),
                format!("{} {year}", language.pick("Resultat", "Result")),
                format!(
                    "{} {}",
                    language.pick("Resultat", "Result"),
                    year.saturating_sub(1)
                ),
            ],
            rows: rows.into_iter().map(|(_, cells)| cells).collect(),
            numeric: vec![false, true, true],
            summary_rows: 0,
            footnote: None,
        }));
    }
    if !intervention.stated_counts.is_empty() {
        pieces.push(heading(3, language.pick("Deltagare", "Participants")));
        for stated in &intervention.stated_counts {
            pieces.push(Piece::Paragraph(stated.text.clone()));
        }
    }
    if let Some(budget) = &intervention.budget {
        pieces.push(heading(
            3,
            language.pick(
                "Ekonomiskt utfall i förhållande till budget",
                "Outcome against budget",
            ),
        ));
        pieces.push(Piece::Paragraph(budget_sentence(
            intervention,
            budget,
            language,
        )));
    }
    pieces.push(heading(
        3,
        language.pick(
            "Bedömning av måluppfyllelse",
            "Assessment of goal fulfilment",
        ),
    ));
    for line in assessment.explain(language).lines() {
        pieces.push(Piece::ListItem(line.trim().to_owned()));
    }
}

/// "A, B och C".
fn and_list(items: &[String], language: Language) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), language.pick("och", "and")),
    }
}

/// The budget sentence: the section's own where it kept it (in Swedish), else one made of the
/// figures ("START hade en budget på 2 150 tkr, varav 2 088 tkr rekvirerades.").
fn budget_sentence(
    intervention: &Intervention,
    budget: &StatedBudget,
    language: Language,
) -> String {
    if language == Language::Swedish && !budget.text.trim().is_empty() {
        return budget.text.clone();
    }
    let unit = match budget.unit {
        Unit::Tkr => "tkr",
        Unit::Sek => "kr",
    };
    let amount =
        |value: rust_decimal::Decimal| format!("{} {unit}", format_number(value, 2, language));
    let name = &intervention.name;
    let planned = budget.budget.map(|b| match language {
        Language::Swedish => format!("{name} hade en budget på {}", amount(b)),
        Language::English => format!("{name} had a budget of {}", amount(b)),
    });
    let outcome = budget.outcome.map(|o| (o, budget.wording));
    match (planned, outcome, language) {
        (Some(planned), Some((o, OutcomeWording::Requisitioned)), Language::Swedish) => {
            format!("{planned}, varav {} rekvirerades.", amount(o))
        }
        (Some(planned), Some((o, OutcomeWording::Requisitioned)), Language::English) => {
            format!("{planned}, of which {} was requisitioned.", amount(o))
        }
        (planned, Some((o, wording)), Language::Swedish) => {
            let noun = match wording {
                OutcomeWording::Costs => "Kostnaderna uppgick till",
                OutcomeWording::Requisitioned => "Rekvirerat belopp var",
                OutcomeWording::Outcome => "Utfallet blev",
            };
            let planned = planned.map(|p| format!("{p}. ")).unwrap_or_default();
            format!("{planned}{noun} {}.", amount(o))
        }
        (planned, Some((o, wording)), Language::English) => {
            let noun = match wording {
                OutcomeWording::Costs => "The costs came to",
                OutcomeWording::Requisitioned => "The amount requisitioned was",
                OutcomeWording::Outcome => "The outcome was",
            };
            let planned = planned.map(|p| format!("{p}. ")).unwrap_or_default();
            format!("{planned}{noun} {}.", amount(o))
        }
        (Some(planned), None, _) => format!("{planned}."),
        (None, None, _) => budget.text.clone(),
    }
}
