//! Calibration: given interventions with the grades their association decided, find the band
//! edges, the cap for unmeasured goals and the share basis that agree with the most of them.
//!
//! Agreement only changes where an edge passes a score, so the search runs over the cuts
//! between the distinct scores. For a fixed cap, whether a row agrees is a sum of step
//! functions of single edges (`band == d` is `[s ≥ edge(d)] − [s ≥ edge(d+1)]`), so the best
//! ordered triple of edges is found exactly in linear time after sorting, with a prefix maximum
//! for the lowest edge and a suffix maximum for the highest. Ties go to the edges nearest the
//! starting policy, then to its cap.
//!
//! A share's figure (the fraction "n av N" or the printed percentage) changes the scores
//! themselves, so the search runs once on each [`ShareBasis`], and the basis whose calibrated
//! policy agrees with more decided grades is kept ([`ShareBasisTrial`]); a tie keeps the
//! starting policy's basis. Two runs of a linear search: still linear after sorting.

use std::cmp::Ordering;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};

use crate::common::error::Result;
use crate::grading::assessment::Rule;
use crate::grading::grader::grade;
use crate::grading::policy::GradingPolicy;
use crate::model::grade::{Decision, Grade};
use crate::model::intervention::{Intervention, InterventionId};
use crate::model::result::ShareBasis;

/// Why an intervention took no part in calibration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ExclusionReason {
    /// No decided grade is recorded.
    NoDecidedGrade,
    /// The association decided "Ej tillämpbar", which no band can produce.
    DecidedNotApplicable,
    /// The intervention has no goal to grade, so no grade can be computed.
    NoGradableGoals,
}

impl ExclusionReason {
    /// The stable code, e.g. `decided_not_applicable`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }
}

/// An intervention left out of calibration, and why.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Excluded {
    /// The intervention's id.
    pub intervention_id: InterventionId,
    /// The intervention's name, as the report gives it.
    pub name: String,
    /// Why it was left out.
    pub reason: ExclusionReason,
}

/// One intervention whose computed grade (under the calibrated policy) differs from the
/// decided one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Disagreement {
    /// The intervention's id.
    pub intervention_id: InterventionId,
    /// The intervention's name.
    pub name: String,
    /// Its score (`None` when no goal was measured).
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(with = "crate::common::decimal::option")]
    pub score: Option<Decimal>,
    /// The grade the association decided.
    pub decided: Grade,
    /// The grade the calibrated policy computes.
    pub computed: Grade,
}

/// Counts of decided grade against computed grade.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ConfusionMatrix {
    counts: [[usize; 4]; 4],
}

impl ConfusionMatrix {
    /// How many interventions were decided `decided` and computed `computed`.
    pub fn get(&self, decided: Grade, computed: Grade) -> usize {
        self.counts
            .get(decided.rank())
            .and_then(|row| row.get(computed.rank()))
            .copied()
            .unwrap_or(0)
    }

    fn add(&mut self, decided: Grade, computed: Grade) {
        if let Some(cell) = self
            .counts
            .get_mut(decided.rank())
            .and_then(|row| row.get_mut(computed.rank()))
        {
            *cell += 1;
        }
    }

    /// All sixteen cells, decided grade best first, then computed grade best first.
    pub fn cells(&self) -> Vec<ConfusionCell> {
        Grade::BEST_FIRST
            .iter()
            .flat_map(|&decided| {
                Grade::BEST_FIRST
                    .iter()
                    .map(move |&computed| (decided, computed))
            })
            .map(|(decided, computed)| ConfusionCell {
                decided,
                computed,
                count: self.get(decided, computed),
            })
            .collect()
    }

    /// The number of interventions counted.
    pub fn total(&self) -> usize {
        self.counts.iter().flatten().sum()
    }
}

/// One cell of a [`ConfusionMatrix`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConfusionCell {
    /// The decided grade (row).
    pub decided: Grade,
    /// The computed grade (column).
    pub computed: Grade,
    /// How many interventions.
    pub count: usize,
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for ConfusionMatrix {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ConfusionMatrix".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Vec::<ConfusionCell>::json_schema(generator)
    }
}

impl Serialize for ConfusionMatrix {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        self.cells().serialize(serializer)
    }
}

/// How calibration fared on each share basis: the edges and cap are calibrated once with shares
/// read from their fraction and once from their printed percentage, and the basis whose
/// calibrated policy agrees with more decided grades is chosen (a tie keeps the starting
/// policy's basis). The two counts are equal when no share's printed percentage and fraction
/// lead to different grades.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ShareBasisTrial {
    /// How many considered interventions the policy calibrated on the fraction "n av N" grades
    /// as decided.
    pub fraction: usize,
    /// How many considered interventions the policy calibrated on the printed percentage grades
    /// as decided.
    pub printed: usize,
    /// The basis of the calibrated policy: the one with more agreement, or the starting
    /// policy's on a tie.
    pub chosen: ShareBasis,
}

/// The outcome of calibration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Calibration {
    /// The starting policy with the edges, cap and share basis that agree best.
    pub policy: GradingPolicy,
    /// Interventions that took part (a decided grade and a computable grade).
    pub considered: usize,
    /// How many of them the calibrated policy grades as decided.
    pub agreeing: usize,
    /// How many of them the starting policy grades as decided.
    pub baseline_agreeing: usize,
    /// How the edges calibrated on each share basis agree, and which basis was chosen.
    pub share_basis: ShareBasisTrial,
    /// `agreeing / considered` (0 when nothing was considered).
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    pub agreement: Decimal,
    /// Decided against computed under the calibrated policy.
    pub confusion: ConfusionMatrix,
    /// The interventions that still disagree.
    pub disagreements: Vec<Disagreement>,
    /// The interventions left out, and why.
    pub excluded: Vec<Excluded>,
}

/// A row that takes part in the search.
struct Row {
    score: Decimal,
    capped: bool,
    decided: Grade,
}

/// Score of a candidate: agreement first, then nearness to the starting policy.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Merit {
    agree: i64,
    distance: Decimal,
}

impl Merit {
    fn plus(self, other: Merit) -> Merit {
        Merit {
            agree: self.agree + other.agree,
            distance: self.distance + other.distance,
        }
    }
}

impl PartialOrd for Merit {
    fn partial_cmp(&self, other: &Merit) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Merit {
    fn cmp(&self, other: &Merit) -> Ordering {
        self.agree
            .cmp(&other.agree)
            .then_with(|| other.distance.cmp(&self.distance))
    }
}

/// Finds the band edges, cap and share basis that agree with the most decided grades among
/// `interventions`, starting from (and, on ties, staying nearest to) `start`. The edges and cap
/// are searched on each share basis; the basis with more agreement wins, a tie keeps `start`'s.
/// `baseline_agreeing` is the agreement of `start` itself.
pub fn calibrate(interventions: &[Intervention], start: &GradingPolicy) -> Result<Calibration> {
    let basis = start.share_basis();
    let other = match basis {
        ShareBasis::Fraction => ShareBasis::Printed,
        ShareBasis::Printed => ShareBasis::Fraction,
    };
    let own = search(interventions, start)?;
    let alternative = search(interventions, &start.with_share_basis(other))?;
    let (fraction, printed) = match basis {
        ShareBasis::Fraction => (own.agreeing, alternative.agreeing),
        ShareBasis::Printed => (alternative.agreeing, own.agreeing),
    };
    let baseline_agreeing = own.baseline_agreeing;
    // More agreement wins; a tie keeps the starting basis.
    let best = if alternative.agreeing > own.agreeing {
        alternative
    } else {
        own
    };
    let agreement = if best.considered == 0 {
        Decimal::ZERO
    } else {
        Decimal::from(best.agreeing) / Decimal::from(best.considered)
    };
    Ok(Calibration {
        share_basis: ShareBasisTrial {
            fraction,
            printed,
            chosen: best.policy.share_basis(),
        },
        policy: best.policy,
        considered: best.considered,
        agreeing: best.agreeing,
        baseline_agreeing,
        agreement,
        confusion: best.confusion,
        disagreements: best.disagreements,
        excluded: best.excluded,
    })
}

/// The outcome of the search on one share basis (that of `start`).
struct Search {
    policy: GradingPolicy,
    considered: usize,
    agreeing: usize,
    baseline_agreeing: usize,
    confusion: ConfusionMatrix,
    disagreements: Vec<Disagreement>,
    excluded: Vec<Excluded>,
}

/// The edges and cap that agree with the most decided grades, shares read on `start`'s basis.
fn search(interventions: &[Intervention], start: &GradingPolicy) -> Result<Search> {
    let mut rows = Vec::new();
    let mut excluded = Vec::new();
    let mut baseline_agreeing = 0;
    for intervention in interventions {
        let exclude = |reason| Excluded {
            intervention_id: intervention.id.clone(),
            name: intervention.name.to_string(),
            reason,
        };
        let decided = match intervention.decided_grade.as_ref().map(|d| d.decision) {
            None => {
                excluded.push(exclude(ExclusionReason::NoDecidedGrade));
                continue;
            }
            Some(Decision::NotApplicable) => {
                excluded.push(exclude(ExclusionReason::DecidedNotApplicable));
                continue;
            }
            Some(Decision::Graded(grade)) => grade,
        };
        let assessment = grade(intervention, start)?;
        if assessment.grade == Some(decided) {
            baseline_agreeing += 1;
        }
        match (assessment.rule, assessment.score) {
            (Rule::NoGradableGoals, _) => excluded.push(exclude(ExclusionReason::NoGradableGoals)),
            // Its grade does not depend on the edges: it counts the same for every candidate.
            (Rule::NoneMeasured { .. }, _) => {}
            (
                Rule::ScoreBand { unmeasured, .. } | Rule::CappedForUnmeasured { unmeasured, .. },
                Some(score),
            ) => {
                rows.push(Row {
                    score,
                    capped: unmeasured > 0,
                    decided,
                });
            }
            (_, None) => excluded.push(exclude(ExclusionReason::NoGradableGoals)),
        }
    }

    let mut scores: Vec<Decimal> = rows.iter().map(|r| r.score).collect();
    scores.sort();
    scores.dedup();

    let caps = std::iter::once(start.unmeasured_cap()).chain(
        Grade::BEST_FIRST
            .into_iter()
            .filter(|&c| c != start.unmeasured_cap()),
    );
    let mut best: Option<(Merit, [Decimal; 3], Grade)> = None;
    for cap in caps {
        let (merit, edges) = best_edges(&rows, &scores, cap, start);
        if best.as_ref().is_none_or(|(m, _, _)| merit > *m) {
            best = Some((merit, edges, cap));
        }
    }
    let policy = match best {
        Some((_, [very_good, good, acceptable], cap)) => start
            .with_edges(very_good, good, acceptable)?
            .with_unmeasured_cap(cap),
        None => start.clone(),
    };

    // Re-grade with the chosen policy for the matrix and the rows that still disagree.
    let mut confusion = ConfusionMatrix::default();
    let mut disagreements = Vec::new();
    let mut considered = 0;
    for intervention in interventions {
        let Some(Decision::Graded(decided)) =
            intervention.decided_grade.as_ref().map(|d| d.decision)
        else {
            continue;
        };
        let assessment = grade(intervention, &policy)?;
        let Some(computed) = assessment.grade else {
            continue;
        };
        considered += 1;
        confusion.add(decided, computed);
        if computed != decided {
            disagreements.push(Disagreement {
                intervention_id: intervention.id.clone(),
                name: intervention.name.to_string(),
                score: assessment.score,
                decided,
                computed,
            });
        }
    }
    let agreeing = considered - disagreements.len();
    Ok(Search {
        policy,
        considered,
        agreeing,
        baseline_agreeing,
        confusion,
        disagreements,
        excluded,
    })
}

/// The lower edge a grade's band starts at, as an index into the edge triple
/// (`[very_good, good, acceptable]`); `None` for Ej uppfyllt, whose band has no lower edge.
fn edge_slot(grade: Grade) -> Option<usize> {
    match grade {
        Grade::VeryGood => Some(0),
        Grade::Good => Some(1),
        Grade::Acceptable => Some(2),
        Grade::NotMet => None,
    }
}

fn next_better(grade: Grade) -> Option<Grade> {
    match grade {
        Grade::NotMet => Some(Grade::Acceptable),
        Grade::Acceptable => Some(Grade::Good),
        Grade::Good => Some(Grade::VeryGood),
        Grade::VeryGood => None,
    }
}

/// The best edges for a fixed cap: returns the merit (agreement among `rows`, distance from
/// `start`) and the edges `[very_good, good, acceptable]`.
fn best_edges(
    rows: &[Row],
    scores: &[Decimal],
    cap: Grade,
    start: &GradingPolicy,
) -> (Merit, [Decimal; 3]) {
    let cuts = scores.len() + 1;
    // coefficient[slot][rank] adds to F_slot(cut) for every cut ≤ rank (rows whose score has
    // that rank are ≥ every edge in those cuts).
    let mut coefficient = vec![vec![0i64; scores.len()]; 3];
    let mut constant: i64 = 0;
    for row in rows {
        let effective_cap = if row.capped { cap } else { Grade::VeryGood };
        if row.decided > effective_cap {
            continue;
        }
        let rank = scores.partition_point(|s| *s < row.score);
        let mut add = |grade: Grade, delta: i64| match edge_slot(grade) {
            Some(slot) => {
                if let Some(cell) = coefficient.get_mut(slot).and_then(|c| c.get_mut(rank)) {
                    *cell += delta;
                }
            }
            None => constant += delta,
        };
        add(row.decided, 1);
        if row.decided < effective_cap {
            if let Some(better) = next_better(row.decided) {
                add(better, -1);
            }
        }
    }
    // F_slot(cut) = sum of coefficients at ranks ≥ cut.
    let step = |slot: usize| -> Vec<i64> {
        let mut f = vec![0i64; cuts];
        let column = coefficient.get(slot).cloned().unwrap_or_default();
        for cut in (0..scores.len()).rev() {
            let above = f.get(cut + 1).copied().unwrap_or(0);
            if let Some(cell) = f.get_mut(cut) {
                *cell = above + column.get(cut).copied().unwrap_or(0);
            }
        }
        f
    };
    let defaults = [start.very_good(), start.good(), start.acceptable()];
    let merit = |slot: usize, values: &[i64], cut: usize| -> (Merit, Decimal) {
        let default = defaults.get(slot).copied().unwrap_or_default();
        let edge = representative(scores, cut, default);
        let merit = Merit {
            agree: values.get(cut).copied().unwrap_or(0),
            distance: (edge - default).abs(),
        };
        (merit, edge)
    };
    let (f_v, f_g, f_a) = (step(0), step(1), step(2));

    // Best acceptable edge at a cut ≤ j, best very-good edge at a cut ≥ j.
    let mut prefix: Vec<(Merit, Decimal)> = Vec::with_capacity(cuts);
    for cut in 0..cuts {
        let here = merit(2, &f_a, cut);
        let best = match prefix.last() {
            Some(previous) if previous.0 >= here.0 => *previous,
            _ => here,
        };
        prefix.push(best);
    }
    let mut suffix: Vec<(Merit, Decimal)> = vec![merit(0, &f_v, cuts - 1); cuts];
    for cut in (0..cuts).rev() {
        let here = merit(0, &f_v, cut);
        let best = match suffix.get(cut + 1) {
            Some(next) if cut + 1 < cuts && next.0 > here.0 => *next,
            _ => here,
        };
        if let Some(cell) = suffix.get_mut(cut) {
            *cell = best;
        }
    }
    let mut best: Option<(Merit, [Decimal; 3])> = None;
    for cut in 0..cuts {
        let (Some(low), Some(high)) = (prefix.get(cut), suffix.get(cut)) else {
            continue;
        };
        let middle = merit(1, &f_g, cut);
        let total = low.0.plus(middle.0).plus(high.0);
        if best.as_ref().is_none_or(|(m, _)| total > *m) {
            // Edges in the same cut keep their order by being raised to the one below.
            let acceptable = low.1;
            let good = middle.1.max(acceptable);
            let very_good = high.1.max(good);
            best = Some((total, [very_good, good, acceptable]));
        }
    }
    let (mut merit, edges) = best.unwrap_or((
        Merit {
            agree: 0,
            distance: Decimal::ZERO,
        },
        defaults,
    ));
    merit.agree += constant;
    (merit, edges)
}

/// A representative edge for a cut: cut `j` holds the edges `x` with `s[j-1] < x ≤ s[j]`. The
/// starting edge is used when it lies in the cut; otherwise the nearest point of the cut, or
/// halfway into it when the starting edge lies below it (0.05 above the highest score for the
/// last cut). The point is then shortened to the fewest decimals that stay in the cut, so
/// that calibrated edges read as 0.84 rather than as a 28-digit score.
fn representative(scores: &[Decimal], cut: usize, default: Decimal) -> Decimal {
    let upper = scores.get(cut).copied();
    let lower = cut.checked_sub(1).and_then(|i| scores.get(i)).copied();
    let half = Decimal::new(5, 1);
    let inside = |x: Decimal| lower.is_none_or(|l| x > l) && upper.is_none_or(|u| x <= u);
    if inside(default) {
        return default;
    }
    let point = match (lower, upper) {
        (_, Some(upper)) if default > upper => upper,
        (Some(lower), Some(upper)) => (lower + upper) * half,
        (Some(lower), None) => lower + Decimal::new(5, 2),
        (None, _) => default,
    };
    (1..=6)
        .flat_map(|dp| {
            [
                point.round_dp_with_strategy(dp, RoundingStrategy::ToZero),
                point.round_dp_with_strategy(dp, RoundingStrategy::AwayFromZero),
            ]
        })
        .find(|candidate| inside(*candidate))
        .unwrap_or(point)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::goal::Goal;
    use crate::model::grade::DecidedGrade;
    use crate::model::intervention::InterventionKind;
    use crate::model::result::GoalResult;

    /// An intervention with one count goal of target 100 and `result`, decided `decided`.
    fn row(id: &str, result: i64, decided: Grade) -> Result<Intervention> {
        Ok(Intervention::new(id, id, InterventionKind::Individual)?
            .with_goal(
                Goal::count("100 deltagare", Decimal::from(100))?
                    .with_result(GoalResult::count(Decimal::from(result))?)?,
            )
            .with_decided_grade(DecidedGrade::new(Decision::Graded(decided))))
    }

    #[test]
    fn finds_edges_that_agree_with_everything_when_possible() -> Result<()> {
        // Decisions consistent with edges 0.9 / 0.8 / 0.4 but not with the defaults.
        let rows = vec![
            row("a", 92, Grade::VeryGood)?,
            row("b", 83, Grade::Good)?,
            row("c", 45, Grade::Acceptable)?,
            row("d", 30, Grade::NotMet)?,
            row("e", 100, Grade::VeryGood)?,
        ];
        let calibration = calibrate(&rows, &GradingPolicy::default())?;
        assert_eq!(calibration.considered, 5);
        assert_eq!(calibration.baseline_agreeing, 2);
        assert_eq!(calibration.agreeing, 5);
        assert_eq!(calibration.agreement, Decimal::ONE);
        assert!(calibration.disagreements.is_empty());
        // Nearest the defaults within the cuts, shortened: very good in (0.83, 0.92] → 0.92 →
        // 0.9; good in (0.45, 0.83] → 0.83 → 0.8; acceptable in (0.30, 0.45] → 0.45 → 0.4.
        assert_eq!(calibration.policy.very_good(), Decimal::new(9, 1));
        assert_eq!(calibration.policy.good(), Decimal::new(8, 1));
        assert_eq!(calibration.policy.acceptable(), Decimal::new(4, 1));
        assert_eq!(calibration.confusion.get(Grade::Good, Grade::Good), 1);
        assert_eq!(calibration.confusion.total(), 5);
        Ok(())
    }

    #[test]
    fn keeps_defaults_when_they_already_agree_and_reports_exclusions() -> Result<()> {
        let mut closed = row("closed", 50, Grade::Good)?;
        closed.decided_grade = Some(DecidedGrade::new(Decision::NotApplicable));
        let rows = vec![
            row("a", 96, Grade::VeryGood)?,
            row("b", 60, Grade::Acceptable)?,
            closed,
        ];
        let calibration = calibrate(&rows, &GradingPolicy::default())?;
        assert_eq!(calibration.policy, GradingPolicy::default());
        assert_eq!((calibration.considered, calibration.agreeing), (2, 2));
        assert_eq!(calibration.excluded.len(), 1);
        assert_eq!(
            calibration.excluded.first().map(|e| e.reason),
            Some(ExclusionReason::DecidedNotApplicable)
        );
        Ok(())
    }

    #[test]
    fn chooses_the_share_basis_that_agrees_better() -> Result<()> {
        use crate::model::result::ShareResult;
        // "45 %" printed as 50 %: 0.9 on the fraction, 1 on the printed figure. Decided Mycket
        // god beside a count at 0.9 decided God: only the printed figure tells them apart.
        let share = GoalResult::Share(ShareResult::new(
            Some(Decimal::from(50)),
            Some((Decimal::from(9), Decimal::from(20))),
        )?);
        let printed_higher = Intervention::new("a", "a", InterventionKind::Individual)?
            .with_goal(Goal::share("50 % i arbete", Decimal::from(50))?.with_result(share)?)
            .with_decided_grade(DecidedGrade::new(Decision::Graded(Grade::VeryGood)));
        let rows = vec![printed_higher, row("b", 90, Grade::Good)?];
        let calibration = calibrate(&rows, &GradingPolicy::default())?;
        assert_eq!(
            calibration.share_basis,
            ShareBasisTrial {
                fraction: 1,
                printed: 2,
                chosen: ShareBasis::Printed
            }
        );
        assert_eq!(calibration.policy.share_basis(), ShareBasis::Printed);
        assert_eq!(
            (calibration.agreeing, calibration.baseline_agreeing),
            (2, 1)
        );
        // Starting on the printed basis, nothing changes; with no share at all, a tie keeps
        // the starting basis.
        let printed = GradingPolicy::default().with_share_basis(ShareBasis::Printed);
        let from_printed = calibrate(&rows, &printed)?;
        assert_eq!(from_printed.share_basis.chosen, ShareBasis::Printed);
        assert_eq!(from_printed.baseline_agreeing, 2);
        let counts = vec![row("c", 90, Grade::Good)?];
        let tie = calibrate(&counts, &printed)?;
        assert_eq!(
            tie.share_basis,
            ShareBasisTrial {
                fraction: 1,
                printed: 1,
                chosen: ShareBasis::Printed
            }
        );
        Ok(())
    }

    #[test]
    fn lists_rows_no_edges_can_satisfy() -> Result<()> {
        // Same score, two different decisions: one must disagree.
        let rows = vec![
            row("a", 70, Grade::Good)?,
            row("b", 70, Grade::Acceptable)?,
            row("c", 70, Grade::Good)?,
        ];
        let calibration = calibrate(&rows, &GradingPolicy::default())?;
        assert_eq!(calibration.agreeing, 2);
        assert_eq!(calibration.disagreements.len(), 1);
        assert_eq!(
            calibration
                .disagreements
                .first()
                .map(|d| d.intervention_id.as_str()),
            Some("b")
        );
        Ok(())
    }
}
