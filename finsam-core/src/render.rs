//! Graded interventions as tables: one row per goal and one row per intervention (for data
//! frames and spreadsheets), and the goal-fulfilment summary (*Sammanställning av
//! måluppfyllelse*: Insats | Mål | Resultat | Måluppfyllelse) as an accessible HTML table.
//!
//! Everything here works on [`Assessment`]s, so the tables show exactly what grading computed.
//! Labels are Swedish by default and English on request; all text from the data is
//! HTML-escaped.
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

use std::fmt::Write as _;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::assessment::{Assessment, Comparison, GoalAssessment, GoalStatus};
use crate::error::Result;
use crate::goal::{Direction, GoalKind};
use crate::grade::{Decision, Grade};
use crate::intervention::InterventionId;
use crate::locale::{format_percent, Language};
use crate::policy::GradingPolicy;
use crate::report::Report;
use crate::result::GoalResult;

/// One goal of one graded intervention, as a flat row (e.g. for a data frame).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
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
    #[serde(with = "crate::json::decimal::option")]
    pub target: Option<Decimal>,
    /// The goal's unit, if any.
    pub unit: Option<String>,
    /// The form of the result: `count`, `share`, `qualitative`, `not_measured`,
    /// `not_applicable` or `missing`.
    pub result_type: &'static str,
    /// The result in words, in the table's language ("89 av 93 = 95,7 % (tryckt 93 %)").
    pub result: String,
    /// The figure graded: the count, or the share's percentage on the policy's basis.
    #[serde(with = "crate::json::decimal::option")]
    pub value: Option<Decimal>,
    /// Attainment in [0, 1]; `None` when the goal was not measured or does not apply.
    #[serde(with = "crate::json::decimal::option")]
    pub attainment: Option<Decimal>,
    /// What grading made of the goal.
    pub status: GoalStatus,
}

/// One graded intervention as a flat row: its score, computed grade, decided grade and how
/// the two compare.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
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
    #[serde(with = "crate::json::decimal::option")]
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
                intervention: assessment.name.clone(),
                goal_number: goal.index + 1,
                goal: goal.description.clone(),
                kind: goal.kind,
                direction: goal.direction,
                target: goal.target,
                unit: goal.unit.clone(),
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
            intervention: assessment.name.clone(),
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
    match (&goal.result, goal.attainment) {
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
    let caption = format!(
        "{} – {}, {}",
        default_caption(language),
        report.organisation,
        report.period
    );
    Ok(goal_fulfilment_table(
        &assessments,
        language,
        Some(&caption),
    ))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goal::Goal;
    use crate::grade::DecidedGrade;
    use crate::grading::grade;
    use crate::intervention::{Intervention, InterventionKind};
    use crate::period::Period;
    use crate::result::QualitativeAssessment;

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
                crate::result::ShareResult::new(Some(d(70)), Some((d(14), d(21))))?,
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
