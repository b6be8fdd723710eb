//! Grading (`docs/domain.md` §5): each goal's attainment, the intervention's score, and the grade.
//!
//! 1. Attainment in [0, 1]: *at least* `min(result / target, 1)`; *at most* 1 if
//!    `result ≤ target`, else `target / result`; qualitative 1 if reached, 0 if not; not
//!    measured, missing or not assessed: no attainment (not reached); not applicable: left out.
//! 2. Score: the mean attainment of the measured goals.
//! 3. Any unmeasured goal caps the grade (default at God); no measured goal gives the policy's
//!    grade for that (default Ej uppfyllt); no gradable goal gives no grade.
//! 4. Bands on the score (default ≥ 0.95, ≥ 0.85, ≥ 0.50).

use rust_decimal::Decimal;

use crate::common::error::{Error, ErrorKind, Result};
use crate::grading::assessment::{Assessment, Comparison, GoalAssessment, GoalStatus, Rule};
use crate::grading::policy::GradingPolicy;
use crate::model::goal::{Direction, Goal};
use crate::model::intervention::Intervention;
use crate::model::result::{GoalResult, QualitativeAssessment, ShareBasis};

/// Grades one intervention with `policy`.
///
/// ```
/// use finsam_core::{grade, Goal, GoalResult, Grade, GradingPolicy, Intervention, InterventionKind};
/// use rust_decimal::Decimal;
/// let lyra = Intervention::new("lyra", "Lyra", InterventionKind::Individual)?
///     .with_goal(Goal::share("Alla har en individuell handlingsplan", Decimal::from(100))?
///         .with_result(GoalResult::share_fraction(Decimal::from(13), Decimal::from(13))?)?)
///     .with_goal(Goal::share("50 % når studier/arbete 1 år efter insats", Decimal::from(50))?
///         .with_result(GoalResult::share_fraction(Decimal::from(2), Decimal::from(13))?)?);
/// let assessment = grade(&lyra, &GradingPolicy::default())?;
/// assert_eq!(assessment.grade, Some(Grade::Acceptable));
/// assert_eq!(assessment.score.map(|s| s.round_dp(3)), Some(Decimal::new(654, 3)));
/// # Ok::<(), finsam_core::Error>(())
/// ```
pub fn grade(intervention: &Intervention, policy: &GradingPolicy) -> Result<Assessment> {
    let mut goals = Vec::with_capacity(intervention.goals.len());
    let mut sum = Decimal::ZERO;
    let mut measured: usize = 0;
    let mut unmeasured: usize = 0;
    for (index, goal) in intervention.goals.iter().enumerate() {
        let assessed =
            assess_goal(index, goal, policy).map_err(|e| e.under(&format!("goals[{index}]")))?;
        if let Some(attainment) = assessed.attainment {
            sum = sum
                .checked_add(attainment)
                .ok_or_else(|| overflow("goals"))?;
            measured += 1;
        } else if assessed.status.is_unmeasured() {
            unmeasured += 1;
        }
        goals.push(assessed);
    }

    let (grade, score, rule) = if measured + unmeasured == 0 {
        (None, None, Rule::NoGradableGoals)
    } else if measured == 0 {
        let grade = policy.none_measured();
        (Some(grade), None, Rule::NoneMeasured { unmeasured, grade })
    } else {
        let score = sum
            .checked_div(Decimal::from(measured))
            .ok_or_else(|| overflow("goals"))?;
        let band = policy.band(score);
        let cap = policy.unmeasured_cap();
        if unmeasured > 0 && band > cap {
            (
                Some(cap),
                Some(score),
                Rule::CappedForUnmeasured {
                    band,
                    cap,
                    unmeasured,
                },
            )
        } else {
            let edge = policy.edge(band);
            (
                Some(band),
                Some(score),
                Rule::ScoreBand {
                    band,
                    edge,
                    unmeasured,
                    cap,
                },
            )
        }
    };

    let comparison = intervention
        .decided_grade
        .as_ref()
        .map(|decided| Comparison::of(decided.decision, grade));
    Ok(Assessment {
        intervention_id: intervention.id.clone(),
        name: intervention.name.clone(),
        grade,
        score,
        goals,
        rule,
        decided: intervention.decided_grade.clone(),
        comparison,
    })
}

/// Grades many interventions in one call, in order. An error names the intervention by its
/// position: `[2].goals[0]`.
pub fn grade_all(
    interventions: &[Intervention],
    policy: &GradingPolicy,
) -> Result<Vec<Assessment>> {
    grade_each(interventions, policy, "")
}

/// Grades interventions held anywhere (a report's, a binding's objects), in order. An error's
/// path starts with `path` and the intervention's position (`interventions[2].goals[0]` for
/// `path` = `"interventions"`).
///
/// ```
/// use finsam_core::{grade_each, Goal, GoalResult, Grade, GradingPolicy, Intervention, InterventionKind, InterventionStatus};
/// use rust_decimal::Decimal;
/// let goal = |n| Goal::count("20 nya", Decimal::from(20))?.with_result(GoalResult::count(Decimal::from(n))?);
/// let start = Intervention::new("start", "START", InterventionKind::Individual)?.with_goal(goal(21)?);
/// let mut lyra = Intervention::new("lyra", "Lyra", InterventionKind::Individual)?.with_goal(goal(5)?);
/// lyra.status = InterventionStatus::Closed;
/// let all = [start, lyra];
/// // The active interventions only, without copying them.
/// let active = all.iter().filter(|i| i.status == InterventionStatus::Active);
/// let assessments = grade_each(active, &GradingPolicy::default(), "interventions")?;
/// assert_eq!(assessments.iter().map(|a| a.grade).collect::<Vec<_>>(), [Some(Grade::VeryGood)]);
/// # Ok::<(), finsam_core::Error>(())
/// ```
pub fn grade_each<'a, I>(
    interventions: I,
    policy: &GradingPolicy,
    path: &str,
) -> Result<Vec<Assessment>>
where
    I: IntoIterator<Item = &'a Intervention>,
{
    let interventions = interventions.into_iter();
    // A vector of the right size from the start: growing one step by step would move every
    // assessment each time.
    let mut assessments = Vec::with_capacity(interventions.size_hint().0);
    for (index, intervention) in interventions.enumerate() {
        let assessed =
            grade(intervention, policy).map_err(|e| e.under(&format!("{path}[{index}]")))?;
        assessments.push(assessed);
    }
    Ok(assessments)
}

fn assess_goal(index: usize, goal: &Goal, policy: &GradingPolicy) -> Result<GoalAssessment> {
    let (value, attainment, status) = match goal.result() {
        GoalResult::Count(count) => numeric(goal, count.value())?,
        GoalResult::Share(share) => match share.value_percent(policy.share_basis()) {
            Some(value) => numeric(goal, value)?,
            // "0 av 0": nobody was measured.
            None => (None, None, GoalStatus::NotMeasured),
        },
        GoalResult::Qualitative(q) => match q.assessment() {
            QualitativeAssessment::Reached => (None, Some(Decimal::ONE), GoalStatus::Reached),
            QualitativeAssessment::NotReached => {
                (None, Some(Decimal::ZERO), GoalStatus::NotReached)
            }
            QualitativeAssessment::NotAssessed => (None, None, GoalStatus::NotAssessed),
        },
        GoalResult::NotMeasured { .. } => (None, None, GoalStatus::NotMeasured),
        GoalResult::Missing { .. } => (None, None, GoalStatus::Missing),
        GoalResult::NotApplicable { .. } => (None, None, GoalStatus::NotApplicable),
    };
    Ok(GoalAssessment {
        index,
        description: goal.shared_description(),
        kind: goal.kind(),
        direction: goal.direction(),
        target: goal.target(),
        unit: goal.shared_unit(),
        result: goal.shared_result(),
        value,
        attainment,
        status,
        printed_used: matches!(goal.result(), GoalResult::Share(share)
            if policy.share_basis() == ShareBasis::Printed && share.percent().is_some() && share.numerator().is_some()),
    })
}

type Numeric = (Option<Decimal>, Option<Decimal>, GoalStatus);

/// Attainment of a count or share result against the goal's target.
fn numeric(goal: &Goal, value: Decimal) -> Result<Numeric> {
    let target = goal.target().ok_or_else(|| {
        // A count or share goal always has a target (checked in `Goal::new`).
        Error::new(
            ErrorKind::MissingTarget,
            "target",
            "a numeric result needs a target",
        )
    })?;
    let (attainment, status) =
        attainment_status(value, target, goal.direction()).ok_or_else(|| overflow("result"))?;
    Ok((Some(value), Some(attainment), status))
}

/// `min(value / target, 1)` for *at least*; 1 if `value ≤ target`, else `target / value`, for
/// *at most*. The comparison comes first, so the division is only ever of a smaller number by a
/// larger positive one and cannot overflow; `None` only if the arithmetic fails all the same.
pub fn attainment(value: Decimal, target: Decimal, direction: Direction) -> Option<Decimal> {
    attainment_status(value, target, direction).map(|(attainment, _)| attainment)
}

/// The attainment and the status it gives. The status follows from the comparison that
/// decides the division: reached when the target is met, not reached when the quotient's
/// dividend is zero, partly reached otherwise (a smaller positive number over a larger one).
fn attainment_status(
    value: Decimal,
    target: Decimal,
    direction: Direction,
) -> Option<(Decimal, GoalStatus)> {
    let (dividend, divisor) = match direction {
        Direction::AtLeast if value >= target => return Some((Decimal::ONE, GoalStatus::Reached)),
        Direction::AtMost if value <= target => return Some((Decimal::ONE, GoalStatus::Reached)),
        Direction::AtLeast => (value, target),
        Direction::AtMost => (target, value),
    };
    if dividend.is_zero() {
        return Some((Decimal::ZERO, GoalStatus::NotReached));
    }
    let attainment = dividend.checked_div(divisor)?;
    // A quotient too small for 28 decimal places rounds to zero: nothing of the goal met.
    let status = if attainment.is_zero() {
        GoalStatus::NotReached
    } else {
        GoalStatus::PartlyReached
    };
    Some((attainment, status))
}

fn overflow(path: &str) -> Error {
    Error::new(
        ErrorKind::Overflow,
        path,
        "decimal arithmetic overflowed while grading",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::grade::{DecidedGrade, Decision, Grade};
    use crate::model::intervention::InterventionKind;

    fn d(n: i64) -> Decimal {
        Decimal::from(n)
    }

    fn count(target: i64, result: GoalResult) -> Result<Goal> {
        Goal::count(format!("{target} deltagare"), d(target))?.with_result(result)
    }

    fn intervention(goals: Vec<Goal>) -> Result<Intervention> {
        let mut i = Intervention::new("x", "X", InterventionKind::Individual)?;
        i.goals = goals;
        Ok(i)
    }

    #[test]
    fn attainment_follows_direction() {
        assert_eq!(
            attainment(d(96), d(80), Direction::AtLeast),
            Some(Decimal::ONE)
        );
        assert_eq!(
            attainment(d(40), d(80), Direction::AtLeast),
            Some(Decimal::new(5, 1))
        );
        assert_eq!(
            attainment(d(0), d(0), Direction::AtLeast),
            Some(Decimal::ONE)
        );
        assert_eq!(
            attainment(d(3), d(4), Direction::AtMost),
            Some(Decimal::ONE)
        );
        assert_eq!(
            attainment(d(8), d(4), Direction::AtMost),
            Some(Decimal::new(5, 1))
        );
        assert_eq!(
            attainment(d(8), d(0), Direction::AtMost),
            Some(Decimal::ZERO)
        );
    }

    #[test]
    fn unmeasured_goal_caps_at_good_and_stays_out_of_the_mean() -> Result<()> {
        let i = intervention(vec![
            count(10, GoalResult::count(d(10))?)?,
            count(10, GoalResult::not_measured(Some("Ej mätbart".into())))?,
        ])?;
        let a = grade(&i, &GradingPolicy::default())?;
        assert_eq!(a.score, Some(Decimal::ONE));
        assert_eq!(a.grade, Some(Grade::Good));
        assert_eq!(a.rule.code(), "capped_for_unmeasured");
        assert_eq!(
            a.goals.get(1).map(|g| g.status),
            Some(GoalStatus::NotMeasured)
        );
        Ok(())
    }

    #[test]
    fn nothing_measured_is_not_met_and_no_goals_is_no_grade() -> Result<()> {
        let none = intervention(vec![count(10, GoalResult::missing())?])?;
        let a = grade(&none, &GradingPolicy::default())?;
        assert_eq!(
            (a.grade, a.score, a.rule.code()),
            (Some(Grade::NotMet), None, "none_measured")
        );
        let only_na = intervention(vec![count(10, GoalResult::not_applicable(None))?])?;
        let a = grade(&only_na, &GradingPolicy::default())?;
        assert_eq!((a.grade, a.rule), (None, Rule::NoGradableGoals));
        let empty = intervention(vec![])?;
        assert_eq!(grade(&empty, &GradingPolicy::default())?.grade, None);
        Ok(())
    }

    #[test]
    fn score_is_mean_of_measured_goals_and_banded() -> Result<()> {
        // 1 + 0.5 + 0.35 = 1.85 / 3 = 0.6166… → Godtagbar
        let i = intervention(vec![
            count(20, GoalResult::count(d(25))?)?,
            count(20, GoalResult::count(d(10))?)?,
            count(20, GoalResult::count(d(7))?)?,
        ])?
        .with_decided_grade(DecidedGrade::new(Decision::Graded(Grade::Good)));
        let a = grade(&i, &GradingPolicy::default())?;
        assert_eq!(a.score.map(|s| s.round_dp(4)), Some(Decimal::new(6167, 4)));
        assert_eq!(a.grade, Some(Grade::Acceptable));
        assert_eq!(
            a.rule,
            Rule::ScoreBand {
                band: Grade::Acceptable,
                edge: Some(Decimal::new(50, 2)),
                unmeasured: 0,
                cap: Grade::Good
            }
        );
        assert_eq!(a.comparison, Some(Comparison::DecidedHigher));
        Ok(())
    }
}
