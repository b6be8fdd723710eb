//! Reports of one association across periods (`docs/domain.md` §9): which intervention of one
//! year is which of another, each goal's result against the year before, and each
//! intervention's grade period by period.
//!
//! A [`ReportSeries`] holds at most one report per period, ordered by period whatever the
//! order they were added in. [`ReportSeries::compare`] grades every report and follows:
//!
//! - **interventions** by their stable id and, when the ids differ, by name: an intervention
//!   joins an earlier one when one of its name and aliases is one of the earlier's, ignoring
//!   case and whitespace ([`Intervention::is_called`]);
//! - **goals** from an intervention's previous report of the same kind (annual to annual,
//!   half-year to half-year): first by description (ignoring case, whitespace and a final full
//!   stop), then by the figure measured — the same goal kind with the same flow measure and
//!   unit ([`GoalMatch`]). A goal with no counterpart starts or ends its own history; none is
//!   dropped.
//!
//! ```
//! use finsam_core::{GradingPolicy, Report, ReportSeries};
//! let report = |period: &str, result: &str| Report::from_json(&format!(r#"{{
//!   "format_version": 1, "organisation": "Exempel", "period": "{period}",
//!   "interventions": [{{"id": "halsosam", "name": "Hälsosam", "kind": "individual", "status": "active",
//!     "goals": [{{"description": "80 deltagare", "kind": "count", "target": "80",
//!                 "result": {{"type": "count", "value": "{result}"}}}}]}}]}}"#));
//! let series = ReportSeries::from_reports([report("2015", "85")?, report("2014", "89")?])?;
//! let comparison = series.compare(&GradingPolicy::default())?;
//! let halsosam = comparison.intervention("halsosam").ok_or("no Hälsosam")?;
//! let goal = halsosam.goals.first().ok_or("no goal")?;
//! let values: Vec<String> = goal.points.iter().filter_map(|p| p.goal.value).map(|v| v.to_string()).collect();
//! assert_eq!(values, ["89", "85"]);
//! let change = goal.points.last().and_then(|p| p.change).and_then(|c| c.value_change);
//! assert_eq!(change.map(|c| c.to_string()), Some("-4".into()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::common::error::{Error, ErrorKind, Result};
use crate::grading::assessment::{Assessment, GoalAssessment};
use crate::grading::policy::GradingPolicy;
use crate::model::flows::FlowMeasure;
use crate::model::goal::{Goal, GoalKind};
use crate::model::grade::{Decision, Grade};
use crate::model::intervention::{Intervention, InterventionId, InterventionStatus};
use crate::model::period::Period;
use crate::model::report::Report;

/// Reports of different periods, ordered by period.
///
/// ```
/// use finsam_core::{ErrorKind, Period, Report, ReportSeries};
/// let mut series = ReportSeries::new();
/// series.add(Report::new("Exempel", Period::year_of(2017)?)?)?;
/// series.add(Report::new("Exempel", Period::first_half_of(2017)?)?)?;
/// series.add(Report::new("Exempel", Period::year_of(2015)?)?)?;
/// let periods: Vec<String> = series.periods().iter().map(|p| p.to_string()).collect();
/// assert_eq!(periods, ["2015", "2017-H1", "2017"]);
/// let again = series.add(Report::new("Exempel", Period::year_of(2015)?)?);
/// assert_eq!(again.err().map(|e| e.kind()), Some(ErrorKind::DuplicatePeriod));
/// # Ok::<(), finsam_core::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportSeries {
    reports: BTreeMap<Period, Report>,
}

impl ReportSeries {
    /// An empty series.
    pub fn new() -> ReportSeries {
        ReportSeries::default()
    }

    /// A series of `reports`, in any order; two reports of one period are an error, as in
    /// [`ReportSeries::add`].
    pub fn from_reports(reports: impl IntoIterator<Item = Report>) -> Result<ReportSeries> {
        let mut series = ReportSeries::new();
        for report in reports {
            series.add(report)?;
        }
        Ok(series)
    }

    /// Adds a report. A report of a period the series already holds is refused with
    /// [`ErrorKind::DuplicatePeriod`] (code `duplicate_period`) at the path `period`, and the series is
    /// left as it was.
    pub fn add(&mut self, report: Report) -> Result<()> {
        if self.reports.contains_key(&report.period) {
            return Err(Error::new(
                ErrorKind::DuplicatePeriod,
                "period",
                format!(
                    "the series already holds a report for the period {}",
                    report.period
                ),
            ));
        }
        self.reports.insert(report.period, report);
        Ok(())
    }

    /// How many reports the series holds.
    pub fn len(&self) -> usize {
        self.reports.len()
    }

    /// Whether the series holds no report.
    pub fn is_empty(&self) -> bool {
        self.reports.is_empty()
    }

    /// The periods, earliest first (a year's first half before the whole year).
    pub fn periods(&self) -> Vec<Period> {
        self.reports.keys().copied().collect()
    }

    /// The reports, earliest period first.
    pub fn reports(&self) -> impl Iterator<Item = &Report> {
        self.reports.values()
    }

    /// The report of `period`.
    pub fn report(&self, period: Period) -> Option<&Report> {
        self.reports.get(&period)
    }

    /// Grades every report with `policy` and follows every intervention and goal across the
    /// periods (see [`ReportSeries`]). The result depends only on the reports,
    /// not on the order they were added in.
    pub fn compare(&self, policy: &GradingPolicy) -> Result<SeriesComparison> {
        let mut tracks: Vec<Track<'_>> = Vec::new();
        for (period, report) in &self.reports {
            let graded = report
                .interventions
                .iter()
                .zip(report.grade(policy)?)
                .collect::<Vec<_>>();
            let mut by_name = Vec::new();
            for (intervention, assessment) in graded {
                match tracks
                    .iter_mut()
                    .find(|t| t.is_open(*period) && t.has_id(&intervention.id))
                {
                    Some(track) => track.push(
                        *period,
                        intervention,
                        assessment,
                        Some(InterventionMatch::Id),
                    ),
                    None => by_name.push((intervention, assessment)),
                }
            }
            for (intervention, assessment) in by_name {
                match tracks
                    .iter_mut()
                    .find(|t| t.is_open(*period) && t.has_name_of(intervention))
                {
                    Some(track) => track.push(
                        *period,
                        intervention,
                        assessment,
                        Some(InterventionMatch::Name),
                    ),
                    None => {
                        let mut track = Track::default();
                        track.push(*period, intervention, assessment, None);
                        tracks.push(track);
                    }
                }
            }
        }
        let interventions = tracks
            .into_iter()
            .map(Track::into_history)
            .collect::<Result<Vec<_>>>()?;
        Ok(SeriesComparison {
            periods: self.periods(),
            interventions,
        })
    }
}

/// How an intervention's appearance was joined to its earlier ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum InterventionMatch {
    /// By an id it had before (`id`).
    Id,
    /// By a name or alias it had before, under another id (`name`).
    Name,
}

impl InterventionMatch {
    /// The stable code: `id` or `name`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }
}

/// How a goal was joined to a goal of the intervention's previous report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GoalMatch {
    /// The same description, ignoring case, whitespace and a final full stop
    /// (`description`).
    Description,
    /// The same kind, flow measure and unit, with a measure or a unit stated (`figure`).
    Figure,
    /// The same kind; the flow measure and unit agree where both goals state them, and one goal
    /// leaves one of them out, e.g. "70 nya deltagare" with no measure and "50 nya deltagare"
    /// measuring new participants (`partial_figure`).
    PartialFigure,
}

impl GoalMatch {
    /// The stable code: `description`, `figure` or `partial_figure`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }
}

/// A series followed across its periods: the result of [`ReportSeries::compare`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SeriesComparison {
    /// The periods of the series, earliest first.
    pub periods: Vec<Period>,
    /// Every intervention of any period, in the order of first appearance.
    pub interventions: Vec<InterventionHistory>,
}

impl SeriesComparison {
    /// The intervention that has or had the id `id` in any period.
    pub fn intervention(&self, id: &str) -> Option<&InterventionHistory> {
        self.interventions
            .iter()
            .find(|history| history.appearances.iter().any(|a| a.id.as_str() == id))
    }

    /// Every intervention's grade in every period it appears in, as flat rows (for a data
    /// frame: pivot `period` into columns).
    pub fn grade_rows(&self) -> Vec<SeriesGradeRow> {
        self.interventions
            .iter()
            .flat_map(|history| {
                history
                    .appearances
                    .iter()
                    .map(move |appearance| SeriesGradeRow {
                        intervention_id: history.id.clone(),
                        intervention: history.name.clone(),
                        appearance: appearance.clone(),
                    })
            })
            .collect()
    }

    /// Every goal in every period, as flat rows (for a data frame: index by intervention and
    /// goal number, pivot `period` into columns).
    pub fn goal_rows(&self) -> Vec<SeriesGoalRow> {
        self.interventions
            .iter()
            .flat_map(|history| {
                history
                    .goals
                    .iter()
                    .enumerate()
                    .flat_map(move |(index, goal)| {
                        goal.points.iter().map(move |point| SeriesGoalRow {
                            intervention_id: history.id.clone(),
                            intervention: history.name.clone(),
                            goal_number: index + 1,
                            goal_description: goal.description.clone(),
                            point: point.clone(),
                        })
                    })
            })
            .collect()
    }

    /// The comparison in the JSON form (decimals as strings), compact.
    pub fn to_json(&self) -> String {
        crate::common::json::to_json(self)
    }
}

/// One intervention across the periods of a series.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InterventionHistory {
    /// The id in the latest period it appears in.
    pub id: InterventionId,
    /// The name in the latest period it appears in.
    pub name: String,
    /// Each period it appears in, earliest first, with its grade: the grade history.
    pub appearances: Vec<Appearance>,
    /// Each goal followed across the periods, in the order of first appearance.
    pub goals: Vec<GoalHistory>,
}

impl InterventionHistory {
    /// The computed grade in each period the intervention appears in, earliest first.
    pub fn grades(&self) -> Vec<(Period, Option<Grade>)> {
        self.appearances
            .iter()
            .map(|a| (a.period, a.grade))
            .collect()
    }

    /// The appearance in `period`.
    pub fn appearance(&self, period: Period) -> Option<&Appearance> {
        self.appearances.iter().find(|a| a.period == period)
    }
}

/// An intervention as one period's report has it, graded.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Appearance {
    /// The report's period.
    pub period: Period,
    /// The id in that report.
    pub id: InterventionId,
    /// The name in that report.
    pub name: String,
    /// How it was joined to its earlier appearances; `None` for the first.
    pub matched_by: Option<InterventionMatch>,
    /// Active or closed in the period.
    pub status: InterventionStatus,
    /// The computed grade.
    pub grade: Option<Grade>,
    /// The mean attainment of the measured goals.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub score: Option<Decimal>,
    /// The grade the association decided, if recorded.
    pub decided: Option<Decision>,
}

/// One goal followed across periods: the same goal in consecutive reports of the
/// intervention, each matched to the one before.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GoalHistory {
    /// The goal as the latest period writes it.
    pub description: String,
    /// The goal in each period, earliest first.
    pub points: Vec<GoalPoint>,
}

impl GoalHistory {
    /// The goal in `period`.
    pub fn point(&self, period: Period) -> Option<&GoalPoint> {
        self.points.iter().find(|p| p.period == period)
    }
}

/// One goal in one period: the goal as graded, the flow figure it measures, and the change
/// against the same goal in the intervention's previous report.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GoalPoint {
    /// The report's period.
    pub period: Period,
    /// The goal as grading saw it: description, target, result, value, attainment, status
    /// (its `index` is the goal's position in that period's intervention, from 0).
    #[serde(flatten)]
    pub goal: GoalAssessment,
    /// The flow figure the goal measures, if linked.
    pub measures: Option<FlowMeasure>,
    /// The change against the previous point; `None` for the first.
    #[serde(flatten)]
    pub change: Option<GoalChange>,
}

/// A goal against the same goal in the intervention's previous report of the same kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GoalChange {
    /// The period compared with.
    pub previous_period: Period,
    /// How the goal was matched to that period's.
    pub matched_by: GoalMatch,
    /// This value minus the previous one, when both goals have one and are of one kind.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub value_change: Option<Decimal>,
    /// This attainment minus the previous one, when both were measured.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub attainment_change: Option<Decimal>,
}

/// An intervention's grade in one period, as a flat row.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SeriesGradeRow {
    /// The intervention's id in the latest period (the same on all its rows).
    pub intervention_id: InterventionId,
    /// The intervention's name in the latest period.
    pub intervention: String,
    /// The intervention in this period, graded.
    #[serde(flatten)]
    pub appearance: Appearance,
}

/// A goal in one period, as a flat row.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SeriesGoalRow {
    /// The intervention's id in the latest period (the same on all its rows).
    pub intervention_id: InterventionId,
    /// The intervention's name in the latest period.
    pub intervention: String,
    /// The goal history's number within the intervention, from 1 (the same on all its rows).
    pub goal_number: usize,
    /// The goal as the latest period writes it (the same on all its rows).
    pub goal_description: String,
    /// The goal in this period.
    #[serde(flatten)]
    pub point: GoalPoint,
}

/// One intervention's appearances while the series is followed.
#[derive(Default)]
struct Track<'a> {
    appearances: Vec<(
        Period,
        &'a Intervention,
        Assessment,
        Option<InterventionMatch>,
    )>,
}

impl<'a> Track<'a> {
    /// Whether the track can take an intervention of `period`: it has none of that period yet.
    fn is_open(&self, period: Period) -> bool {
        self.appearances
            .last()
            .is_none_or(|(last, ..)| *last != period)
    }

    fn has_id(&self, id: &InterventionId) -> bool {
        self.appearances.iter().any(|(_, i, ..)| &i.id == id)
    }

    /// Whether the intervention's name or one of its aliases is a name or alias the track had.
    fn has_name_of(&self, intervention: &Intervention) -> bool {
        let names = || {
            std::iter::once(&*intervention.name)
                .chain(intervention.aliases.iter().map(String::as_str))
        };
        self.appearances
            .iter()
            .any(|(_, known, ..)| names().any(|name| known.is_called(name)))
    }

    fn push(
        &mut self,
        period: Period,
        intervention: &'a Intervention,
        assessment: Assessment,
        matched_by: Option<InterventionMatch>,
    ) {
        self.appearances
            .push((period, intervention, assessment, matched_by));
    }

    fn into_history(self) -> Result<InterventionHistory> {
        let mut goals: Vec<GoalHistory> = Vec::new();
        // Which history each goal of each appearance went to, by (appearance, goal) index.
        let mut placed: HashMap<(usize, usize), usize> = HashMap::new();
        for (index, (period, intervention, assessment, _)) in self.appearances.iter().enumerate() {
            // The previous report of the same kind: annual against annual, half-year against
            // half-year.
            let previous = self
                .appearances
                .iter()
                .enumerate()
                .take(index)
                .rev()
                .find(|(_, (p, ..))| p.part() == period.part());
            let matches = match previous {
                Some((_, (_, earlier, ..))) => match_goals(&earlier.goals, &intervention.goals),
                None => vec![None; intervention.goals.len()],
            };
            for (goal_index, (goal, assessed)) in
                intervention.goals.iter().zip(&assessment.goals).enumerate()
            {
                let link = previous.zip(matches.get(goal_index).copied().flatten());
                let found = link.and_then(|((earlier, _), (previous_goal, how))| {
                    let history = *placed.get(&(earlier, previous_goal))?;
                    Some((history, how))
                });
                let mut point = GoalPoint {
                    period: *period,
                    goal: assessed.clone(),
                    measures: goal.measures(),
                    change: None,
                };
                let history = match found {
                    Some((history, how)) => {
                        let entry = goals.get_mut(history).ok_or_else(internal)?;
                        point.change = entry.points.last().map(|before| GoalChange {
                            previous_period: before.period,
                            matched_by: how,
                            value_change: change(before.goal.value, point.goal.value)
                                .filter(|_| before.goal.kind == point.goal.kind),
                            attainment_change: change(
                                before.goal.attainment,
                                point.goal.attainment,
                            ),
                        });
                        entry.description = point.goal.description.to_string();
                        entry.points.push(point);
                        history
                    }
                    None => {
                        goals.push(GoalHistory {
                            description: point.goal.description.to_string(),
                            points: vec![point],
                        });
                        goals.len() - 1
                    }
                };
                placed.insert((index, goal_index), history);
            }
        }
        let appearances: Vec<Appearance> = self
            .appearances
            .into_iter()
            .map(
                |(period, intervention, assessment, matched_by)| Appearance {
                    period,
                    id: intervention.id.clone(),
                    name: intervention.name.to_string(),
                    matched_by,
                    status: intervention.status,
                    grade: assessment.grade,
                    score: assessment.score,
                    decided: assessment.decided.map(|d| d.decision),
                },
            )
            .collect();
        let latest = appearances.last().ok_or_else(internal)?;
        Ok(InterventionHistory {
            id: latest.id.clone(),
            name: latest.name.clone(),
            appearances,
            goals,
        })
    }
}

/// An invariant of the series did not hold; never expected.
fn internal() -> Error {
    Error::new(
        ErrorKind::InvalidValue,
        "",
        "internal error while following the series",
    )
}

fn change(before: Option<Decimal>, after: Option<Decimal>) -> Option<Decimal> {
    after?.checked_sub(before?)
}

/// A description for matching: lower case, whitespace collapsed, final full stops, colons and
/// semicolons dropped ("80 deltagare." is "80 deltagare").
fn normalise(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['.', ':', ';', ','])
        .trim_end()
        .to_owned()
}

/// What a goal measures, for matching when the descriptions differ.
#[derive(PartialEq, Eq)]
struct Figure {
    kind: GoalKind,
    measures: Option<FlowMeasure>,
    unit: Option<String>,
}

impl Figure {
    fn of(goal: &Goal) -> Figure {
        Figure {
            kind: goal.kind(),
            measures: goal.measures(),
            unit: goal.unit().map(normalise),
        }
    }

    /// How well two figures agree, if they do: all alike, with something stated
    /// ([`GoalMatch::Figure`]), or alike where both state it, with one thing stated by both
    /// ([`GoalMatch::PartialFigure`]).
    fn agreement(&self, other: &Figure) -> Option<GoalMatch> {
        if self.kind != other.kind {
            return None;
        }
        let measures = agree(self.measures.as_ref(), other.measures.as_ref())?;
        let unit = agree(self.unit.as_ref(), other.unit.as_ref())?;
        if self == other && (self.measures.is_some() || self.unit.is_some()) {
            Some(GoalMatch::Figure)
        } else if measures || unit {
            Some(GoalMatch::PartialFigure)
        } else {
            None
        }
    }
}

/// `None` when both are stated and differ; else whether both are stated (and so agree).
fn agree<T: PartialEq>(a: Option<&T>, b: Option<&T>) -> Option<bool> {
    match (a, b) {
        (Some(a), Some(b)) if a != b => None,
        (Some(_), Some(_)) => Some(true),
        _ => Some(false),
    }
}

/// For each goal of `current`, the goal of `previous` it continues and how, if any. Each goal
/// of `previous` is used once. Passes go from the surest kind of match to the loosest, so that
/// a loose match never takes a goal a surer one wants; within a pass, goals pair in order.
fn match_goals(previous: &[Goal], current: &[Goal]) -> Vec<Option<(usize, GoalMatch)>> {
    let descriptions: Vec<String> = previous
        .iter()
        .map(|g| normalise(g.description()))
        .collect();
    let figures: Vec<Figure> = previous.iter().map(Figure::of).collect();
    let mut used = vec![false; previous.len()];
    let mut found: Vec<Option<(usize, GoalMatch)>> = vec![None; current.len()];
    for pass in [
        GoalMatch::Description,
        GoalMatch::Figure,
        GoalMatch::PartialFigure,
    ] {
        for (goal, slot) in current.iter().zip(found.iter_mut()) {
            if slot.is_some() {
                continue;
            }
            let description = normalise(goal.description());
            let figure = Figure::of(goal);
            let candidate = used.iter().enumerate().position(|(index, taken)| {
                !taken
                    && match pass {
                        GoalMatch::Description => descriptions.get(index) == Some(&description),
                        _ => figures.get(index).and_then(|f| f.agreement(&figure)) == Some(pass),
                    }
            });
            if let Some(index) = candidate {
                if let Some(taken) = used.get_mut(index) {
                    *taken = true;
                }
                *slot = Some((index, pass));
            }
        }
    }
    found
}
