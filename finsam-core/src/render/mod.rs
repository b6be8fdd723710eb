//! Graded interventions as tables: one row per goal and one row per intervention (for data
//! frames and spreadsheets), and the goal-fulfilment summary (*Sammanställning av
//! måluppfyllelse*: Insats | Mål | Resultat | Måluppfyllelse) as an accessible HTML table.
//!
//! A whole report's tables, the goal-fulfilment summary ([`render_goal_table`]) and the
//! participant flows ([`render_flow_table`]), render in each [`Format`]: Markdown, a
//! standalone HTML document, or CSV. A result reads the same in every table
//! ([`result_text`]).
//!
//! Everything here works on [`Assessment`]s, so the tables show exactly what grading computed.
//! Labels are Swedish by default and English on request; all text from the data is
//! escaped for the format.
//!
//! ```
//! use finsam_core::render::{goal_fulfilment_table, goal_rows};
//! use finsam_core::{grade, Goal, GoalResult, GradingPolicy, Intervention, InterventionKind, Language};
//! use rust_decimal::Decimal;
//! let start = Intervention::new("start", "START", InterventionKind::Individual)?
//!     .with_goal(Goal::count("20 nya deltagare", Decimal::from(20))?
//!         .with_result(GoalResult::count(Decimal::from(21))?)?);
//! let assessments = [grade(&start, &GradingPolicy::default())?];
//! let rows = goal_rows(&assessments, Language::Swedish);
//! assert_eq!(rows.first().map(|r| r.result.as_str()), Some("21"));
//! assert!(goal_fulfilment_table(&assessments, Language::Swedish, None).contains("<th scope=\"col\">Måluppfyllelse</th>"));
//! # Ok::<(), finsam_core::Error>(())
//! ```

use std::fmt::{self, Write as _};
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

mod diagnostics;
mod tables;
mod text;

pub use crate::common::table::{Column, ColumnKind, Row, Table};
pub use diagnostics::{diagnostics_html, table_html};
pub use tables::*;
pub use text::{
    diagnostics_summary, diagnostics_text, goal_text, intervention_text, reading_text, series_text,
    table_text,
};

use crate::common::error::{Error, ErrorKind, Result};
use crate::common::locale::{format_number, format_percent, Language};
use crate::grading::assessment::{Assessment, Comparison, GoalAssessment, GoalStatus};
use crate::grading::policy::GradingPolicy;
use crate::model::flows::{FlowField, FlowFigure, FlowFigures};
use crate::model::goal::{Direction, GoalKind};
use crate::model::grade::{Decision, Grade};
use crate::model::intervention::InterventionId;
use crate::model::report::Report;
use crate::model::result::GoalResult;

/// One goal of one graded intervention, as a flat row (e.g. for a data frame).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GoalRow {
    /// The intervention's id.
    pub intervention_id: InterventionId,
    /// The intervention's name.
    pub intervention: String,
    /// The goal's number within the intervention, from 1 (as in explanations).
    pub goal_number: usize,
    /// The goal as written.
    pub goal: String,
    /// Count, share or qualitative.
    pub kind: GoalKind,
    /// At least or at most.
    pub direction: Direction,
    /// The target (a percentage for a share; `None` for a qualitative goal).
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub target: Option<Decimal>,
    /// The goal's unit, if any.
    pub unit: Option<String>,
    /// The form of the result: `count`, `share`, `qualitative`, `not_measured`,
    /// `not_applicable` or `missing`.
    pub result_type: &'static str,
    /// The result in words, in the table's language ("89 av 93 = 95,7 % (tryckt 93 %)").
    pub result: String,
    /// The figure graded: the count, or the share's percentage on the policy's basis.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub value: Option<Decimal>,
    /// Attainment in [0, 1]; `None` when the goal was not measured or does not apply.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub attainment: Option<Decimal>,
    /// What grading made of the goal.
    pub status: GoalStatus,
}

/// One graded intervention as a flat row: its score, computed grade, decided grade and how
/// the two compare.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InterventionRow {
    /// The intervention's id.
    pub intervention_id: InterventionId,
    /// The intervention's name.
    pub intervention: String,
    /// How many goals the intervention has.
    pub goals: usize,
    /// How many of them were measured (entered the mean).
    pub measured_goals: usize,
    /// How many counted as not reached for want of measurement.
    pub unmeasured_goals: usize,
    /// The mean attainment of the measured goals.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub score: Option<Decimal>,
    /// The computed grade.
    pub grade: Option<Grade>,
    /// The computed grade's label in the table's language.
    pub grade_label: Option<&'static str>,
    /// The grade the association decided, if recorded.
    pub decided: Option<Decision>,
    /// The decided grade's label in the table's language ("Ej tillämpbar" included).
    pub decided_label: Option<&'static str>,
    /// How the decided grade compares with the computed one, if one was decided.
    pub comparison: Option<Comparison>,
    /// The code of the rule that set the grade, e.g. `score_band`.
    pub rule: &'static str,
}

/// One row per goal of every assessment, in order. Texts are in `language`.
pub fn goal_rows(assessments: &[Assessment], language: Language) -> Vec<GoalRow> {
    assessments
        .iter()
        .flat_map(|assessment| {
            assessment.goals.iter().map(move |goal| GoalRow {
                intervention_id: assessment.intervention_id.clone(),
                intervention: assessment.name.to_string(),
                goal_number: goal.index + 1,
                goal: goal.description.to_string(),
                kind: goal.kind,
                direction: goal.direction,
                target: goal.target,
                unit: goal.unit.as_deref().map(str::to_owned),
                result_type: goal.result.code(),
                result: goal.result_text(language),
                value: goal.value,
                attainment: goal.attainment,
                status: goal.status,
            })
        })
        .collect()
}

/// One row per assessment, in order. Labels are in `language`.
pub fn intervention_rows(assessments: &[Assessment], language: Language) -> Vec<InterventionRow> {
    assessments
        .iter()
        .map(|assessment| InterventionRow {
            intervention_id: assessment.intervention_id.clone(),
            intervention: assessment.name.to_string(),
            goals: assessment.goals.len(),
            measured_goals: assessment.measured_goals(),
            unmeasured_goals: assessment
                .goals
                .iter()
                .filter(|g| g.status.is_unmeasured())
                .count(),
            score: assessment.score,
            grade: assessment.grade,
            grade_label: assessment.grade.map(|g| g.label(language)),
            decided: assessment.decided.as_ref().map(|d| d.decision),
            decided_label: assessment
                .decided
                .as_ref()
                .map(|d| d.decision.label(language)),
            comparison: assessment.comparison,
            rule: assessment.rule.code(),
        })
        .collect()
}

/// Escapes text for HTML element content and attribute values.
///
/// ```
/// assert_eq!(finsam_core::render::escape_html("<b>\"A&B\"</b>"), "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;");
/// ```
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// The caption used when none is given: "Sammanställning av måluppfyllelse" or "Summary of
/// goal fulfilment".
pub fn default_caption(language: Language) -> &'static str {
    language.pick(
        "Sammanställning av måluppfyllelse",
        "Summary of goal fulfilment",
    )
}

/// Attainment as a percentage, rounded towards zero like the explanations, so that 99.96 %
/// never prints as 100 %.
fn attainment_percent(attainment: Decimal, language: Language) -> String {
    let percent = attainment
        .checked_mul(Decimal::ONE_HUNDRED)
        .unwrap_or(attainment)
        .round_dp_with_strategy(1, RoundingStrategy::ToZero);
    format_percent(percent, language)
}

/// The Resultat cell: the result in words and, for a count or share, the attainment and status.
fn result_cell(goal: &GoalAssessment, language: Language) -> String {
    let text = goal.result_text(language);
    match (goal.result.as_ref(), goal.attainment) {
        (GoalResult::Count(_) | GoalResult::Share(_), Some(attainment)) => format!(
            "{text} → {} ({})",
            attainment_percent(attainment, language),
            goal.status.label(language)
        ),
        _ => text,
    }
}

/// The Måluppfyllelse cell: the computed grade and, when recorded, the decided grade.
fn grade_cell(assessment: &Assessment, language: Language) -> String {
    let computed = assessment
        .grade
        .map(|g| g.label(language))
        .unwrap_or_else(|| language.pick("ingen grad", "no grade"));
    let mut cell = format!(
        "{} {}",
        language.pick("Beräknad:", "Computed:"),
        escape_html(computed)
    );
    if let Some(decided) = &assessment.decided {
        let _ = write!(
            cell,
            "<br>{} {}",
            language.pick("Beslutad:", "Decided:"),
            escape_html(decided.decision.label(language))
        );
    }
    cell
}

/// The goal-fulfilment summary as an HTML `<table>`: a column header row Insats | Mål |
/// Resultat | Måluppfyllelse (Intervention | Goal | Result | Goal fulfilment in English), and
/// one `<tbody>` per intervention whose name heads its rows (`<th scope="rowgroup">`), one row
/// per goal, and one Måluppfyllelse cell with the computed and the decided grade. A grade cell
/// whose decided grade differs from the computed one has the class `finsam-differs`.
///
/// `caption` defaults to [`default_caption`].
pub fn goal_fulfilment_table(
    assessments: &[Assessment],
    language: Language,
    caption: Option<&str>,
) -> String {
    let caption = caption.unwrap_or_else(|| default_caption(language));
    let mut html = String::from("<table class=\"finsam-goal-fulfilment\">\n");
    let _ = writeln!(html, "<caption>{}</caption>", escape_html(caption));
    let headers = [
        language.pick("Insats", "Intervention"),
        language.pick("Mål", "Goal"),
        language.pick("Resultat", "Result"),
        language.pick("Måluppfyllelse", "Goal fulfilment"),
    ];
    html.push_str("<thead>\n<tr>");
    for header in headers {
        let _ = write!(html, "<th scope=\"col\">{header}</th>");
    }
    html.push_str("</tr>\n</thead>\n");
    for assessment in assessments {
        let rows = assessment.goals.len().max(1);
        let grade_class = if assessment.differs_from_decided() {
            " class=\"finsam-differs\""
        } else {
            ""
        };
        let _ = writeln!(
            html,
            "<tbody data-intervention=\"{}\">",
            escape_html(assessment.intervention_id.as_str())
        );
        let name = format!(
            "<th scope=\"rowgroup\" rowspan=\"{rows}\">{}</th>",
            escape_html(&assessment.name)
        );
        let grade = format!(
            "<td rowspan=\"{rows}\"{grade_class}>{}</td>",
            grade_cell(assessment, language)
        );
        if assessment.goals.is_empty() {
            let _ = writeln!(
                html,
                "<tr>{name}<td colspan=\"2\">{}</td>{grade}</tr>",
                language.pick("Inga mål", "No goals")
            );
        }
        for (position, goal) in assessment.goals.iter().enumerate() {
            html.push_str("<tr>");
            if position == 0 {
                html.push_str(&name);
            }
            let _ = write!(
                html,
                "<td>{}</td><td>{}</td>",
                escape_html(&goal.description),
                escape_html(&result_cell(goal, language))
            );
            if position == 0 {
                html.push_str(&grade);
            }
            html.push_str("</tr>\n");
        }
        html.push_str("</tbody>\n");
    }
    html.push_str("</table>");
    html
}

/// A report's goal-fulfilment table: grades every intervention with `policy` and captions the
/// table with the organisation and period, e.g. "Sammanställning av måluppfyllelse –
/// Samordningsförbundet Exempel, 2017".
pub fn report_table(report: &Report, policy: &GradingPolicy, language: Language) -> Result<String> {
    let assessments = report.grade(policy)?;
    let caption = report_caption(default_caption(language), report);
    Ok(goal_fulfilment_table(
        &assessments,
        language,
        Some(&caption),
    ))
}

/// A table's title with the report's organisation and period: "… – Samordningsförbundet
/// Exempel, 2017".
fn report_caption(title: &str, report: &Report) -> String {
    format!("{title} – {}, {}", report.organisation, report.period)
}

/// One assessment for a notebook: its goal-fulfilment table captioned with the headline
/// ([`Assessment::summary`]), then the rule that set the grade and, if a grade was decided,
/// the comparison with it, each as a paragraph.
pub fn assessment_html(assessment: &Assessment, language: Language) -> String {
    let mut html = String::from("<div class=\"finsam-assessment\">\n");
    html.push_str(&goal_fulfilment_table(
        std::slice::from_ref(assessment),
        language,
        Some(&assessment.summary(language)),
    ));
    let _ = write!(
        html,
        "\n<p>{}</p>",
        escape_html(&assessment.rule.explain(assessment.score, language))
    );
    if let Some(comparison) = assessment.comparison_text(language) {
        let _ = write!(html, "\n<p>{}</p>", escape_html(&comparison));
    }
    html.push_str("\n</div>");
    html
}

/// The form a rendered table is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// A Markdown pipe table (GitHub and CommonMark extensions) under its caption in bold
    /// (`markdown`). The default.
    #[default]
    Markdown,
    /// A complete HTML document holding one accessible table: `<!DOCTYPE html>`, the language
    /// in `lang`, a `<caption>`, header cells with `scope`, all text escaped (`html`).
    Html,
    /// Comma-separated values after RFC 4180: a header row, then one record per row, fields
    /// quoted where needed, CRLF line ends; no caption (`csv`).
    Csv,
}

impl Format {
    /// The stable code: `markdown`, `html` or `csv`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Format {
    type Err = Error;

    /// Reads `markdown` (or `md`), `html` or `csv`, ignoring case and surrounding whitespace.
    fn from_str(text: &str) -> Result<Format> {
        match text.trim().to_lowercase().as_str() {
            "markdown" | "md" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            "csv" => Ok(Format::Csv),
            other => Err(Error::new(
                ErrorKind::UnknownVariant,
                "",
                format!("'{other}' is not a table format; use markdown, html or csv"),
            )),
        }
    }
}

/// A result as a report table prints it: a count as a number ("1 150"), a share as "x % (n av
/// N)" ("x% (n of N)" in English) with the printed percentage where one is given, a qualitative
/// result as its text, and for a result that was not measured, does not apply or is missing
/// the report's wording, or else "Ej mätt", "Ej tillämpligt", "Resultat saknas".
///
/// ```
/// use finsam_core::render::result_text;
/// use finsam_core::{GoalResult, Language, ShareResult};
/// use rust_decimal::Decimal;
/// let share = GoalResult::Share(ShareResult::new(
///     Some(Decimal::from(67)),
///     Some((Decimal::from(14), Decimal::from(21))),
/// )?);
/// assert_eq!(result_text(&share, Language::Swedish), "67 % (14 av 21)");
/// assert_eq!(result_text(&share, Language::English), "67% (14 of 21)");
/// let fraction = GoalResult::share_fraction(Decimal::from(17), Decimal::from(200))?;
/// assert_eq!(result_text(&fraction, Language::Swedish), "8,5 % (17 av 200)");
/// let count = GoalResult::count(Decimal::from(1150))?;
/// assert_eq!(result_text(&count, Language::Swedish), "1 150");
/// assert_eq!(result_text(&GoalResult::missing(), Language::English), "No result");
/// # Ok::<(), finsam_core::Error>(())
/// ```
pub fn result_text(result: &GoalResult, language: Language) -> String {
    result.shown(language)
}

/// The Måluppfyllelse cell of a rendered table: the computed grade ("Ingen grad" when there
/// is none) and, when the association decided otherwise, the decided grade after it:
/// "God (beslutad: Mycket god)". A decided grade that agrees is not repeated.
fn grade_text(assessment: &Assessment, language: Language) -> String {
    let computed = assessment
        .grade
        .map(|g| g.label(language))
        .unwrap_or_else(|| language.pick("Ingen grad", "No grade"));
    match &assessment.decided {
        Some(decided) if assessment.differs_from_decided() => format!(
            "{computed} ({} {})",
            language.pick("beslutad:", "decided:"),
            decided.decision.label(language)
        ),
        _ => computed.to_owned(),
    }
}

/// A report's goal-fulfilment summary (*Sammanställning av måluppfyllelse*) in `format`:
/// columns Insats | Mål | Resultat | Måluppfyllelse (Intervention | Goal | Result | Goal
/// fulfilment), one row per goal, every intervention graded with `policy`. The Resultat cell
/// is [`result_text`]; the Måluppfyllelse cell is the computed grade, followed by the decided
/// grade where that differs ("God (beslutad: Mycket god)").
///
/// An intervention's rows form a group: in HTML a `<tbody>` whose name cell
/// (`<th scope="rowgroup">`) and grade cell span its rows; in Markdown the name and grade stand
/// on its first row only; in CSV every record repeats them. An intervention without goals has
/// one row reading "Inga mål". The caption names the organisation and period.
///
/// ```
/// use finsam_core::render::{render_goal_table, Format};
/// use finsam_core::{Goal, GoalResult, GradingPolicy, Intervention, InterventionKind, Language, Period, Report};
/// use rust_decimal::Decimal;
/// let mut report = Report::new("Samordningsförbundet Exempel", Period::year_of(2017)?)?;
/// report.interventions.push(
///     Intervention::new("start", "START", InterventionKind::Individual)?
///         .with_goal(Goal::share("50 % i arbete/studier", Decimal::from(50))?
///             .with_result(GoalResult::share_fraction(Decimal::from(14), Decimal::from(21))?)?),
/// );
/// let markdown = render_goal_table(&report, &GradingPolicy::default(), Format::Markdown, Language::Swedish)?;
/// assert!(markdown.ends_with("| START | 50 % i arbete/studier | 66,7 % (14 av 21) | Mycket god |\n"));
/// let csv = render_goal_table(&report, &GradingPolicy::default(), Format::Csv, Language::English)?;
/// assert_eq!(csv, "Intervention,Goal,Result,Goal fulfilment\r\nSTART,50 % i arbete/studier,66.7% (14 of 21),Very good\r\n");
/// # Ok::<(), finsam_core::Error>(())
/// ```
pub fn render_goal_table(
    report: &Report,
    policy: &GradingPolicy,
    format: Format,
    language: Language,
) -> Result<String> {
    let assessments = report.grade(policy)?;
    let columns = vec![
        TextColumn::grouped(language.pick("Insats", "Intervention")),
        TextColumn::text(language.pick("Mål", "Goal")),
        TextColumn::text(language.pick("Resultat", "Result")),
        TextColumn::grouped(language.pick("Måluppfyllelse", "Goal fulfilment")),
    ];
    let groups = assessments
        .iter()
        .map(|assessment| {
            let row = |goal: &str, result: String| {
                vec![
                    assessment.name.to_string(),
                    goal.to_owned(),
                    result,
                    grade_text(assessment, language),
                ]
            };
            if assessment.goals.is_empty() {
                return vec![row(language.pick("Inga mål", "No goals"), String::new())];
            }
            assessment
                .goals
                .iter()
                .map(|goal| row(&goal.description, result_text(&goal.result, language)))
                .collect()
        })
        .collect();
    let table = TextTable {
        caption: report_caption(default_caption(language), report),
        columns,
        groups,
        footer: Vec::new(),
    };
    Ok(table.render(format, language))
}

/// A report's participant-flow table (*Sammanfattning av deltagarflöden*) in `format`, or
/// `None` when the report has none: one row per intervention with its eight figures (current
/// participants, of whom women, men, other/unspecified; new; ended; to work/studies;
/// job-seeking at end), then the TOTALT row as the report states it and "Varav unika
/// deltagare" (in the current-participants column) when stated. Figures are written the
/// language's way ("1 150" / "1,150"); a figure that does not apply reads "ej tillämpligt" /
/// "n/a"; a blank figure stays empty. Rows are named by the intervention's name in the report.
/// In HTML the summary rows stand in a `<tfoot>`.
///
/// ```
/// use finsam_core::render::{render_flow_table, Format};
/// use finsam_core::{Language, Report};
/// let report = Report::from_json(r#"{"format_version": 1, "organisation": "Exempel", "period": "2017",
///   "interventions": [{"id": "halsosam", "name": "Hälsosam", "kind": "individual", "status": "active"}],
///   "flows": {"rows": [{"intervention": "halsosam", "figures": {"current": 1150, "women": 800,
///     "men": 350, "to_work_or_studies": "not_applicable"}}], "unique_participants": 1100}}"#)?;
/// let csv = render_flow_table(&report, Format::Csv, Language::Swedish);
/// assert_eq!(csv.as_deref(), Some("Insats,Aktuella deltagare,Varav kvinnor,Varav män,Annat/ej angivet,\
///     Nya deltagare,Avslutade deltagare,Till arbete/studier,Arbetssökande vid avslut\r\n\
///     Hälsosam,1 150,800,350,,,,ej tillämpligt,\r\n\
///     Varav unika deltagare,1 100,,,,,,,\r\n"));
/// # Ok::<(), finsam_core::Error>(())
/// ```
pub fn render_flow_table(report: &Report, format: Format, language: Language) -> Option<String> {
    let cells = flow_table_cells(report, language)?;
    let mut header = cells.header.into_iter();
    let columns = header
        .next()
        .map(|name| TextColumn::text(&name))
        .into_iter()
        .chain(header.map(|title| TextColumn::number(&title)))
        .collect();
    let table = TextTable {
        caption: report_caption(
            language.pick(
                "Sammanfattning av deltagarflöden",
                "Summary of participant flows",
            ),
            report,
        ),
        columns,
        groups: vec![cells.rows],
        footer: cells.footer,
    };
    Some(table.render(format, language))
}

/// The participant-flow table as the report prints it, in cells: the header (Insats, then the
/// eight figures), a row per intervention named as the report names it, and the summary rows
/// (TOTALT, "Varav unika deltagare"). One source for every format and document it is written in.
pub(crate) struct FlowTableCells {
    /// The header: the intervention, then the eight figures' labels.
    pub(crate) header: Vec<String>,
    /// A row per intervention.
    pub(crate) rows: Vec<Vec<String>>,
    /// TOTALT and "Varav unika deltagare", as stated.
    pub(crate) footer: Vec<Vec<String>>,
}

/// The report's flow table in cells, or `None` when it has none.
pub(crate) fn flow_table_cells(report: &Report, language: Language) -> Option<FlowTableCells> {
    let flows = report.flows.as_ref()?;
    let header = std::iter::once(language.pick("Insats", "Intervention").to_owned())
        .chain(FlowField::ALL.map(|field| capitalise_first(field.label(language))))
        .collect();
    let rows = flows
        .rows
        .iter()
        .map(|row| {
            let name = report
                .intervention(row.intervention.as_str())
                .map(|intervention| intervention.name.to_string())
                .or_else(|| row.label.clone())
                .unwrap_or_else(|| row.intervention.to_string());
            flow_cells(name, &row.figures, language)
        })
        .collect();
    let mut footer = Vec::new();
    if let Some(total) = &flows.total {
        footer.push(flow_cells(
            language.pick("TOTALT", "TOTAL").to_owned(),
            total,
            language,
        ));
    }
    if let Some(unique) = flows.unique_participants {
        let figures = FlowFigures {
            current: Some(FlowFigure::Count(unique)),
            ..FlowFigures::default()
        };
        footer.push(flow_cells(
            language
                .pick("Varav unika deltagare", "Of whom unique participants")
                .to_owned(),
            &figures,
            language,
        ));
    }
    Some(FlowTableCells {
        header,
        rows,
        footer,
    })
}

/// A flow row's cells: its name, then the eight figures in the printed order.
fn flow_cells(name: String, figures: &FlowFigures, language: Language) -> Vec<String> {
    let figure = |field: FlowField| match figures.get(field) {
        Some(FlowFigure::Count(n)) => format_number(Decimal::from(n), 0, language),
        Some(FlowFigure::NotApplicable) => language.pick("ej tillämpligt", "n/a").to_owned(),
        None => String::new(),
    };
    std::iter::once(name)
        .chain(FlowField::ALL.map(figure))
        .collect()
}

/// "aktuella deltagare" → "Aktuella deltagare".
pub(crate) fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A column of a rendered table.
struct TextColumn {
    title: String,
    /// The value belongs to the row group (an intervention), not to one row: shown once per
    /// group (spanning its rows in HTML), repeated in every CSV record.
    grouped: bool,
    /// A figure: right-aligned.
    numeric: bool,
}

impl TextColumn {
    fn text(title: &str) -> TextColumn {
        TextColumn {
            title: title.to_owned(),
            grouped: false,
            numeric: false,
        }
    }

    fn grouped(title: &str) -> TextColumn {
        TextColumn {
            grouped: true,
            ..TextColumn::text(title)
        }
    }

    fn number(title: &str) -> TextColumn {
        TextColumn {
            numeric: true,
            ..TextColumn::text(title)
        }
    }
}

/// A table before it is written in a format: every row holds one cell per column, the first
/// being the row's header (the intervention's name, TOTALT).
struct TextTable {
    caption: String,
    columns: Vec<TextColumn>,
    /// The body's rows in groups.
    groups: Vec<Vec<Vec<String>>>,
    /// Summary rows after the body.
    footer: Vec<Vec<String>>,
}

/// Minimal styling of the standalone document: borders, and figures right-aligned.
const HTML_STYLE: &str = "table{border-collapse:collapse}\
    caption{font-weight:bold;text-align:left;padding:.25em 0}\
    th,td{border:1px solid #999;padding:.25em .5em;text-align:left;vertical-align:top}\
    td.num{text-align:right}";

impl TextTable {
    fn render(&self, format: Format, language: Language) -> String {
        match format {
            Format::Markdown => self.markdown(),
            Format::Html => self.html(language),
            Format::Csv => self.csv(),
        }
    }

    /// The body's rows with the position of each in its group and the group's size.
    fn body(&self) -> impl Iterator<Item = (&Vec<String>, usize, usize)> {
        self.groups.iter().flat_map(|group| {
            group
                .iter()
                .enumerate()
                .map(move |(position, row)| (row, position, group.len()))
        })
    }

    fn markdown(&self) -> String {
        let mut out = format!("**{}**\n\n", escape_markdown(&self.caption));
        push_markdown_row(
            &mut out,
            self.columns.iter().map(|c| escape_markdown(&c.title)),
        );
        push_markdown_row(
            &mut out,
            self.columns
                .iter()
                .map(|c| if c.numeric { "---:" } else { "---" }.to_owned()),
        );
        for (row, position, _) in self.body() {
            push_markdown_row(
                &mut out,
                self.columns.iter().zip(row).map(|(column, cell)| {
                    if column.grouped && position > 0 {
                        String::new()
                    } else {
                        escape_markdown(cell)
                    }
                }),
            );
        }
        for row in &self.footer {
            push_markdown_row(&mut out, row.iter().map(|cell| escape_markdown(cell)));
        }
        out
    }

    fn html(&self, language: Language) -> String {
        let caption = escape_html(&self.caption);
        let mut html = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>{caption}</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body>\n\
             <table>\n<caption>{caption}</caption>\n<thead>\n<tr>",
            language.code()
        );
        for column in &self.columns {
            let _ = write!(
                html,
                "<th scope=\"col\">{}</th>",
                escape_html(&column.title)
            );
        }
        html.push_str("</tr>\n</thead>\n");
        for group in &self.groups {
            html.push_str("<tbody>\n");
            for (position, row) in group.iter().enumerate() {
                self.push_html_row(&mut html, row, position, group.len());
            }
            html.push_str("</tbody>\n");
        }
        if !self.footer.is_empty() {
            html.push_str("<tfoot>\n");
            for row in &self.footer {
                self.push_html_row(&mut html, row, 0, 1);
            }
            html.push_str("</tfoot>\n");
        }
        html.push_str("</table>\n</body>\n</html>\n");
        html
    }

    /// One `<tr>`: the first cell a header for its row (or for its group, when the column is
    /// grouped and the group has several rows); grouped cells only on a group's first row,
    /// spanning the group.
    fn push_html_row(&self, html: &mut String, row: &[String], position: usize, rows: usize) {
        html.push_str("<tr>");
        for (index, (column, cell)) in self.columns.iter().zip(row).enumerate() {
            let spans = column.grouped && rows > 1;
            if column.grouped && position > 0 {
                continue;
            }
            let span = if spans {
                format!(" rowspan=\"{rows}\"")
            } else {
                String::new()
            };
            let text = escape_html(cell);
            if index == 0 {
                let scope = if spans { "rowgroup" } else { "row" };
                let _ = write!(html, "<th scope=\"{scope}\"{span}>{text}</th>");
            } else {
                let class = if column.numeric { " class=\"num\"" } else { "" };
                let _ = write!(html, "<td{span}{class}>{text}</td>");
            }
        }
        html.push_str("</tr>\n");
    }

    fn csv(&self) -> String {
        let mut out = String::new();
        push_csv_record(&mut out, self.columns.iter().map(|c| c.title.as_str()));
        for row in self.groups.iter().flatten().chain(&self.footer) {
            push_csv_record(&mut out, row.iter().map(String::as_str));
        }
        out
    }
}

fn push_markdown_row(out: &mut String, cells: impl Iterator<Item = String>) {
    out.push('|');
    for cell in cells {
        let _ = write!(out, " {cell} |");
    }
    out.push('\n');
}

/// Escapes text for a Markdown table cell: the characters Markdown would read as markup
/// (`\ | * _ ` [ ] < > &`) get a backslash, and line breaks become spaces (a row is one line).
///
/// ```
/// assert_eq!(finsam_core::render::escape_markdown("A|B <b>*x*</b>\nC"), r"A\|B \<b\>\*x\*\</b\> C");
/// ```
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push(' '),
            other => out.push(other),
        }
    }
    out
}

/// Writes one CSV record: fields holding a comma, a quote or a line break are quoted, quotes
/// doubled (RFC 4180); the record ends with CRLF.
fn push_csv_record<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (index, field) in fields.enumerate() {
        if index > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\r', '\n']) {
            let _ = write!(out, "\"{}\"", field.replace('"', "\"\""));
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grading::grader::grade;
    use crate::model::goal::Goal;
    use crate::model::grade::DecidedGrade;
    use crate::model::intervention::{Intervention, InterventionKind};
    use crate::model::period::Period;
    use crate::model::result::QualitativeAssessment;

    fn d(n: i64) -> Decimal {
        Decimal::from(n)
    }

    /// START: 21 of 20 new participants, 14 of 21 (printed 70 %) of a 50 % goal, one goal not
    /// measured; decided Mycket god.
    fn start() -> Result<Intervention> {
        Ok(Intervention::new(
            "start",
            "START <Botkyrka & Salem>",
            InterventionKind::Individual,
        )?
        .with_goal(Goal::count("20 nya deltagare", d(20))?.with_result(GoalResult::count(d(21))?)?)
        .with_goal(
            Goal::share("50 % i arbete/studier", d(50))?.with_result(GoalResult::Share(
                crate::model::result::ShareResult::new(Some(d(70)), Some((d(14), d(21))))?,
            ))?,
        )
        .with_goal(
            Goal::count("10 remisser", d(10))?
                .with_result(GoalResult::not_measured(Some("Ej mätbart".into())))?,
        )
        .with_decided_grade(DecidedGrade::new(Decision::Graded(Grade::VeryGood))))
    }

    fn lyra() -> Result<Intervention> {
        Ok(
            Intervention::new("lyra", "Lyra", InterventionKind::Structural)?
                .with_goal(Goal::qualitative("Ökad programtrohet")?.with_result(
                    GoalResult::qualitative("Ökad i \"Huddinge\"", QualitativeAssessment::Reached)?,
                )?)
                .with_goal(Goal::count("8 möten", d(8))?.with_result(GoalResult::count(d(2))?)?),
        )
    }

    fn assessments() -> Result<Vec<Assessment>> {
        let policy = GradingPolicy::default();
        Ok(vec![
            grade(&start()?, &policy)?,
            grade(&lyra()?, &policy)?,
            grade(
                &Intervention::new("tom", "Tom", InterventionKind::Individual)?,
                &policy,
            )?,
        ])
    }

    #[test]
    fn goal_rows_hold_one_row_per_goal() -> Result<()> {
        let rows = goal_rows(&assessments()?, Language::Swedish);
        let cells: Vec<_> = rows
            .iter()
            .map(|r| {
                (
                    r.intervention_id.as_str(),
                    r.goal_number,
                    r.result_type,
                    r.result.as_str(),
                    r.attainment.map(|a| a.round_dp(4)),
                    r.status,
                )
            })
            .collect();
        assert_eq!(
            cells,
            [
                (
                    "start",
                    1,
                    "count",
                    "21",
                    Some(Decimal::ONE),
                    GoalStatus::Reached
                ),
                (
                    "start",
                    2,
                    "share",
                    "14 av 21 = 66,7 % (tryckt 70 %)",
                    Some(Decimal::ONE),
                    GoalStatus::Reached
                ),
                (
                    "start",
                    3,
                    "not_measured",
                    "ej mätt (\"Ej mätbart\")",
                    None,
                    GoalStatus::NotMeasured
                ),
                (
                    "lyra",
                    1,
                    "qualitative",
                    "\"Ökad i \"Huddinge\"\" (bedömt uppnått)",
                    Some(Decimal::ONE),
                    GoalStatus::Reached
                ),
                (
                    "lyra",
                    2,
                    "count",
                    "2",
                    Some(Decimal::new(25, 2)),
                    GoalStatus::PartlyReached
                ),
            ]
        );
        let english = goal_rows(&assessments()?, Language::English);
        assert_eq!(
            english.get(1).map(|r| r.result.as_str()),
            Some("14 of 21 = 66.7% (printed 70%)")
        );
        assert_eq!(
            english.first().map(|r| (r.target, r.kind)),
            Some((Some(d(20)), GoalKind::Count))
        );
        Ok(())
    }

    #[test]
    fn intervention_rows_compare_computed_and_decided() -> Result<()> {
        let rows = intervention_rows(&assessments()?, Language::Swedish);
        let start = rows.first();
        assert_eq!(
            start.map(|r| (r.goals, r.measured_goals, r.unmeasured_goals)),
            Some((3, 2, 1))
        );
        assert_eq!(
            start.map(|r| (r.grade, r.grade_label)),
            Some((Some(Grade::Good), Some("God")))
        );
        assert_eq!(
            start.map(|r| (r.decided_label, r.comparison)),
            Some((Some("Mycket god"), Some(Comparison::DecidedHigher)))
        );
        assert_eq!(start.map(|r| r.rule), Some("capped_for_unmeasured"));
        let lyra = rows.get(1);
        assert_eq!(
            lyra.map(|r| (r.score, r.grade_label, r.decided)),
            Some((Some(Decimal::new(625, 3)), Some("Godtagbar"), None))
        );
        let empty = rows.get(2);
        assert_eq!(
            empty.map(|r| (r.grade, r.rule)),
            Some((None, "no_gradable_goals"))
        );
        let english = intervention_rows(&assessments()?, Language::English);
        assert_eq!(
            english.first().map(|r| (r.grade_label, r.decided_label)),
            Some((Some("Good"), Some("Very good")))
        );
        Ok(())
    }

    #[test]
    fn html_table_has_exact_cells_and_escapes() -> Result<()> {
        let html = goal_fulfilment_table(&assessments()?, Language::Swedish, None);
        let expected = "<table class=\"finsam-goal-fulfilment\">\n\
            <caption>Sammanställning av måluppfyllelse</caption>\n\
            <thead>\n<tr><th scope=\"col\">Insats</th><th scope=\"col\">Mål</th><th scope=\"col\">Resultat</th><th scope=\"col\">Måluppfyllelse</th></tr>\n</thead>\n\
            <tbody data-intervention=\"start\">\n\
            <tr><th scope=\"rowgroup\" rowspan=\"3\">START &lt;Botkyrka &amp; Salem&gt;</th><td>20 nya deltagare</td><td>21 → 100 % (uppnått)</td>\
            <td rowspan=\"3\" class=\"finsam-differs\">Beräknad: God<br>Beslutad: Mycket god</td></tr>\n\
            <tr><td>50 % i arbete/studier</td><td>14 av 21 = 66,7 % (tryckt 70 %) → 100 % (uppnått)</td></tr>\n\
            <tr><td>10 remisser</td><td>ej mätt (&quot;Ej mätbart&quot;)</td></tr>\n\
            </tbody>\n\
            <tbody data-intervention=\"lyra\">\n\
            <tr><th scope=\"rowgroup\" rowspan=\"2\">Lyra</th><td>Ökad programtrohet</td><td>&quot;Ökad i &quot;Huddinge&quot;&quot; (bedömt uppnått)</td>\
            <td rowspan=\"2\">Beräknad: Godtagbar</td></tr>\n\
            <tr><td>8 möten</td><td>2 → 25 % (delvis uppnått)</td></tr>\n\
            </tbody>\n\
            <tbody data-intervention=\"tom\">\n\
            <tr><th scope=\"rowgroup\" rowspan=\"1\">Tom</th><td colspan=\"2\">Inga mål</td><td rowspan=\"1\">Beräknad: ingen grad</td></tr>\n\
            </tbody>\n\
            </table>";
        assert_eq!(html, expected);
        Ok(())
    }

    #[test]
    fn html_table_in_english_with_caption() -> Result<()> {
        let all = assessments()?;
        let html = goal_fulfilment_table(
            all.get(..1).unwrap_or_default(),
            Language::English,
            Some("2017 <draft>"),
        );
        assert!(html.contains("<caption>2017 &lt;draft&gt;</caption>"));
        assert!(html.contains(
            "<tr><th scope=\"col\">Intervention</th><th scope=\"col\">Goal</th><th scope=\"col\">Result</th><th scope=\"col\">Goal fulfilment</th></tr>"
        ));
        assert!(html.contains("<td>14 of 21 = 66.7% (printed 70%) → 100% (reached)</td>"));
        assert!(html.contains(
            "<td rowspan=\"3\" class=\"finsam-differs\">Computed: Good<br>Decided: Very good</td>"
        ));
        assert!(!html.contains("lyra"));
        Ok(())
    }

    #[test]
    fn report_table_captions_with_organisation_and_period() -> Result<()> {
        let mut report = Report::new("Samordningsförbundet Exempel", Period::year_of(2017)?)?;
        report.interventions.push(lyra()?);
        let html = report_table(&report, &GradingPolicy::default(), Language::Swedish)?;
        assert!(html.contains("<caption>Sammanställning av måluppfyllelse – Samordningsförbundet Exempel, 2017</caption>"));
        assert!(html.contains("<td rowspan=\"2\">Beräknad: Godtagbar</td>"));
        Ok(())
    }

    #[test]
    fn assessment_html_adds_rule_and_comparison() -> Result<()> {
        let all = assessments()?;
        let html = all
            .first()
            .map(|a| assessment_html(a, Language::Swedish))
            .unwrap_or_default();
        assert!(html.starts_with("<div class=\"finsam-assessment\">\n<table class=\"finsam-goal-fulfilment\">\n<caption>START &lt;Botkyrka &amp; Salem&gt;: beräknad måluppfyllelse God (medelvärde 1 av 2 mätta mål)</caption>"));
        assert!(html.ends_with(
            "<p>Regel: medelvärdet 1 ligger i bandet för Mycket god, men 1 mål mättes inte; när ett mål inte mätts blir graden högst God.</p>\n\
             <p>Beslutad grad: Mycket god, högre än den beräknade (God).</p>\n</div>"
        ));
        Ok(())
    }
}
