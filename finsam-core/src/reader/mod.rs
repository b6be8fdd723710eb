//! Reading a whole report from its [`Document`]: the parts of an annual report's appendix found
//! by their headings and column headers, not by their position.
//!
//! - The goal-fulfilment summary (*Sammanställning av måluppfyllelse*), or one table for
//!   individual and one for structural interventions, told apart by the heading above them.
//! - The participant-flow table (its TOTALT row and "Varav unika"), and the end-reason table
//!   (gender columns under a merged header).
//! - Each intervention's own section, found by its name or an alias: the owner ("… är
//!   huvudman", "Projektägare är …"), the partners, the target group, the goal list, the table
//!   *Mål | Resultat 2014 | Resultat 2013* (this year and last year) and the budget sentence.
//! - The organisation and the period from the title, when it names them.
//!
//! The result is the [`Report`] and a reading record ([`Reading`]): each part with where it came
//! from, each expected part that was not found (absent, not empty), and each thing that could
//! not be read as an issue at its place. Nothing is guessed silently.

mod prose;
mod rows;
mod sections;
mod tables;
mod words;

pub use rows::{reading_table, ReadingRow};

use serde::Serialize;

use crate::common::error::Result;
use crate::common::locale::Language;
use crate::common::place::Place;
use crate::common::severity::Severity;
use crate::document::{Block, BlockKind, Document};
use crate::model::intervention::InterventionId;
use crate::model::period::Period;
use crate::model::report::Report;

/// What a caller knows that the document may not say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The association, when the title does not name it.
    pub organisation: Option<String>,
    /// The period, when the title does not name it.
    pub period: Option<Period>,
}

/// A part of a report the reader looks for.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    /// The organisation, named in the title.
    Organisation,
    /// The period, named in the title.
    Period,
    /// The goal-fulfilment summary table.
    Summary,
    /// The participant-flow table.
    Flows,
    /// The end-reason table.
    EndReasons,
    /// An intervention's own section.
    Section,
    /// The owner, in the section.
    Owner,
    /// The partners, in the section.
    Partners,
    /// The target group, in the section.
    TargetGroup,
    /// The section's list of goals.
    GoalList,
    /// The section's table of results, this year and last year.
    ResultTable,
    /// The section's budget and outcome.
    Budget,
}

impl PartKind {
    /// The stable code, e.g. `result_table`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }
}

/// Whether an expected part was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartStatus {
    /// Found and read.
    Found,
    /// Not in the document.
    Absent,
}

impl PartStatus {
    /// The stable code: `found` or `absent`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }
}

/// One part of the reading record: a part found, with where it came from, or an expected part
/// that is absent.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Part {
    /// Which part.
    pub kind: PartKind,
    /// The intervention it belongs to, for the parts of a section.
    pub intervention: Option<InterventionId>,
    /// Found or absent.
    pub status: PartStatus,
    /// Where it was found.
    pub place: Option<Place>,
    /// What was read, in words (a heading, an owner's name), when short.
    pub text: Option<String>,
}

/// What the reader could not read or is unsure of. Every code is stable.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReadingCode {
    /// The text of a summary cell that the cell parser could not read or is unsure of; the
    /// message is the parser's (`cell`).
    Cell,
    /// A row of the summary that could not become an intervention (`unread_row`).
    UnreadRow,
    /// A section whose name matches no intervention of the summary (`unknown_section`).
    UnknownSection,
    /// A row of a section's result table that matches no goal of the summary (`unmatched_goal`).
    UnmatchedGoal,
    /// A result in a section's table that could not be read (`unread_result`).
    UnreadResult,
    /// A budget sentence whose figures could not be told apart (`unclear_budget`).
    UnclearBudget,
    /// A row of the end-reason or flow table that could not be read (`unread_table_row`).
    UnreadTableRow,
    /// A figure of a table that is not a number (`unread_figure`).
    UnreadFigure,
    /// The organisation or period is neither in the title nor given (`missing_heading`).
    MissingHeading,
    /// A sentence of a section's prose that gives one figure two numbers, and was not read
    /// (`unclear_text`).
    UnclearText,
}

impl ReadingCode {
    /// The stable code, e.g. `unclear_budget`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }
}

/// One thing the reader could not read or is unsure of, at its place.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReadingIssue {
    /// What.
    pub code: ReadingCode,
    /// How serious.
    pub severity: Severity,
    /// Where in the document.
    pub place: Place,
    /// The intervention concerned, if one is.
    pub intervention: Option<InterventionId>,
    /// The text concerned.
    pub text: String,
    /// The issue in Swedish.
    pub message_sv: String,
    /// The issue in English.
    pub message_en: String,
}

impl ReadingIssue {
    /// The message in `language`.
    pub fn message(&self, language: Language) -> &str {
        language.pick(&self.message_sv, &self.message_en)
    }
}

/// A report read from a document, with its reading record.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reading {
    /// The report.
    pub report: Report,
    /// Each part found, with its place, and each expected part absent.
    pub parts: Vec<Part>,
    /// What could not be read or is unsure.
    pub issues: Vec<ReadingIssue>,
}

impl Reading {
    /// The parts of `kind` (for the intervention `id`, when given).
    pub fn parts_of(&self, kind: PartKind, id: Option<&str>) -> Vec<&Part> {
        self.parts
            .iter()
            .filter(|p| p.kind == kind)
            .filter(|p| id.is_none_or(|id| p.intervention.as_ref().map(|i| i.as_str()) == Some(id)))
            .collect()
    }

    /// The expected parts not found.
    pub fn absent(&self) -> impl Iterator<Item = &Part> {
        self.parts.iter().filter(|p| p.status == PartStatus::Absent)
    }
}

/// What the reader gathers while it reads.
#[derive(Default)]
struct Record {
    parts: Vec<Part>,
    issues: Vec<ReadingIssue>,
}

impl Record {
    fn found(
        &mut self,
        kind: PartKind,
        intervention: Option<&InterventionId>,
        place: Place,
        text: Option<String>,
    ) {
        self.parts.push(Part {
            kind,
            intervention: intervention.cloned(),
            status: PartStatus::Found,
            place: Some(place),
            text,
        });
    }

    fn absent(&mut self, kind: PartKind, intervention: Option<&InterventionId>) {
        self.parts.push(Part {
            kind,
            intervention: intervention.cloned(),
            status: PartStatus::Absent,
            place: None,
            text: None,
        });
    }

    #[allow(clippy::too_many_arguments)] // One argument per field of the issue.
    fn issue(
        &mut self,
        code: ReadingCode,
        severity: Severity,
        place: Place,
        intervention: Option<&InterventionId>,
        text: &str,
        message_sv: String,
        message_en: String,
    ) {
        self.issues.push(ReadingIssue {
            code,
            severity,
            place,
            intervention: intervention.cloned(),
            text: text.to_owned(),
            message_sv,
            message_en,
        });
    }
}

/// Reads a report from a document.
///
/// The organisation and period come from the title when it names them, else from `options`;
/// when neither gives them, the report says "okänd organisation" or is of the period of the
/// summary's column headings, and the record says the heading is missing.
///
/// ```
/// use finsam_core::document::{read_text, Limits};
/// use finsam_core::reader::{read_report, PartKind, ReadOptions};
/// let text = "# Samordningsförbundet Exempel: årsredovisning 2014\n\n\
///     ## Sammanställning av måluppfyllelse\n\n\
///     Insats\tMål 2014\tResultat 2014\n\
///     Lyra\t20 nya deltagare\t18 nya deltagare\n\n\
///     ## Lyra\n\nProjektägare är Huddinge kommun.\n\n\
///     ### Ekonomiskt utfall i förhållande till budget\n\n\
///     Lyra hade en budget på 1 910 tkr varav 1 643 tkr rekvirerades.\n";
/// let reading = read_report(&read_text(text, &Limits::default())?, &ReadOptions::default())?;
/// let lyra = &reading.report.interventions[0];
/// assert_eq!(reading.report.organisation, "Samordningsförbundet Exempel");
/// assert_eq!(lyra.owner.as_deref(), Some("Huddinge kommun"));
/// assert_eq!(lyra.budget.as_ref().and_then(|b| b.outcome).map(|o| o.to_string()), Some("1643".into()));
/// assert_eq!(reading.parts_of(PartKind::ResultTable, Some("lyra"))[0].status.code(), "absent");
/// # Ok::<(), finsam_core::Error>(())
/// ```
pub fn read_report(document: &Document, options: &ReadOptions) -> Result<Reading> {
    let mut record = Record::default();
    let title = title(document);
    let organisation = match title
        .as_ref()
        .and_then(|(text, _)| words::organisation_in(text))
    {
        Some(organisation) => {
            let place = title.as_ref().map(|(_, p)| *p).unwrap_or_default();
            record.found(
                PartKind::Organisation,
                None,
                place,
                Some(organisation.clone()),
            );
            organisation
        }
        None => {
            record.absent(PartKind::Organisation, None);
            match &options.organisation {
                Some(given) => given.clone(),
                None => {
                    record.issue(
                        ReadingCode::MissingHeading,
                        Severity::Warning,
                        Place::default(),
                        None,
                        "",
                        "Titeln namnger inget samordningsförbund och inget är angivet: rapporten heter \"okänd organisation\".".into(),
                        "The title names no association and none is given: the report says \"okänd organisation\".".into(),
                    );
                    "okänd organisation".to_owned()
                }
            }
        }
    };
    let summaries = tables::summaries(document);
    let period = match title.as_ref().and_then(|(text, _)| words::period_in(text)) {
        Some(period) => {
            let place = title.as_ref().map(|(_, p)| *p).unwrap_or_default();
            record.found(PartKind::Period, None, place, Some(period.to_string()));
            period
        }
        None => {
            record.absent(PartKind::Period, None);
            let from_columns = summaries
                .first()
                .and_then(|s| s.year)
                .and_then(|y| Period::year_of(y).ok());
            match options.period.or(from_columns) {
                Some(period) => period,
                None => {
                    record.issue(
                        ReadingCode::MissingHeading,
                        Severity::Error,
                        Place::default(),
                        None,
                        "",
                        "Varken titeln eller tabellerna anger året, och inget är angivet.".into(),
                        "Neither the title nor the tables give the year, and none is given.".into(),
                    );
                    return Err(crate::common::error::Error::bilingual(
                        crate::common::error::ErrorKind::InvalidPeriod,
                        "period",
                        "dokumentet anger inget år; ange perioden",
                        "the document gives no year; give the period",
                    ));
                }
            }
        }
    };
    let mut report = Report::new(organisation, period)?;
    tables::read_summaries(&summaries, &mut report, &mut record);
    tables::read_flows(document, &mut report, &mut record);
    tables::read_end_reasons(document, &mut report, &mut record);
    sections::read_sections(document, period, &mut report, &mut record);
    report.validate()?;
    Ok(Reading {
        report,
        parts: record.parts,
        issues: record.issues,
    })
}

/// Reads a report from the bytes of a file (a Word document, or its text in UTF-8), within
/// the default [`Limits`](crate::document::Limits).
pub fn read_report_bytes(bytes: &[u8], options: &ReadOptions) -> Result<Reading> {
    let document = crate::document::read_bytes(bytes, &crate::document::Limits::default())?;
    read_report(&document, options)
}

/// The document's title: its first heading, or its first paragraph when it has no heading
/// before its first table.
fn title(document: &Document) -> Option<(String, Place)> {
    document
        .blocks
        .iter()
        .take_while(|b| !matches!(b.kind, BlockKind::Table { .. }))
        .find_map(|block: &Block| match &block.kind {
            BlockKind::Heading { text, .. } | BlockKind::Paragraph { text } => {
                Some((text.clone(), block.place))
            }
            _ => None,
        })
}
