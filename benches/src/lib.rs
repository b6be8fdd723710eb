//! Helpers for the benchmarks: synthetic reports of any size and a small timing harness that
//! reports medians.

use std::time::{Duration, Instant};

use finsam_core::{
    DecidedGrade, Decision, FlowField, FlowFigure, FlowFigures, FlowMeasure, FlowRow, FlowTable,
    Goal, GoalResult, Grade, Intervention, InterventionKind, Period, Report,
};
use rust_decimal::Decimal;

/// A deterministic pseudo-random sequence (xorshift), so that every run grades the same data.
pub struct Sequence(u64);

impl Sequence {
    /// A sequence from a seed.
    pub fn new(seed: u64) -> Sequence {
        Sequence(seed.max(1))
    }

    /// The next number below `bound` (`bound` > 0).
    pub fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound.max(1)
    }
}

/// `count` interventions with three goals each (a count, a share with a fraction, and a
/// qualitative or unmeasured goal), results spread so that every grade occurs.
pub fn interventions(count: usize) -> Result<Vec<Intervention>, finsam_core::Error> {
    let mut sequence = Sequence::new(2017);
    let mut all = Vec::with_capacity(count);
    for index in 0..count {
        let target = Decimal::from(20 + sequence.below(80));
        let achieved = Decimal::from(sequence.below(120));
        let denominator = 1 + sequence.below(200);
        let numerator = sequence.below(denominator + 1);
        let third = match sequence.below(4) {
            0 => Goal::qualitative("Ökad samverkan")?
                .with_result(GoalResult::not_measured(Some("Ej mätbart".into())))?,
            1 => Goal::qualitative("Ökad samverkan")?.with_result(GoalResult::qualitative(
                "Samverkan har ökat",
                finsam_core::QualitativeAssessment::Reached,
            )?)?,
            _ => Goal::count("4 möten", Decimal::from(4))?
                .with_result(GoalResult::count(Decimal::from(sequence.below(6)))?)?,
        };
        let intervention = Intervention::new(
            &format!("insats-{index}"),
            format!("Insats {index}"),
            InterventionKind::Individual,
        )?
        .with_goal(Goal::count("nya deltagare", target)?.with_result(GoalResult::count(achieved)?)?)
        .with_goal(
            Goal::share("i arbete/studier", Decimal::from(10 + sequence.below(60)))?.with_result(
                GoalResult::share_fraction(Decimal::from(numerator), Decimal::from(denominator))?,
            )?,
        )
        .with_goal(third)
        .with_decided_grade(DecidedGrade::new(Decision::Graded(
            match sequence.below(4) {
                0 => Grade::VeryGood,
                1 => Grade::Good,
                2 => Grade::Acceptable,
                _ => Grade::NotMet,
            },
        )));
        all.push(intervention);
    }
    Ok(all)
}

/// A report holding [`interventions`]`(count)`, each goal of the first two linked to the flow
/// table, which has a row per intervention (about one in ten inconsistent) and a total row.
pub fn report(count: usize) -> Result<Report, finsam_core::Error> {
    let mut report = Report::new("Samordningsförbundet Benchmark", Period::year_of(2017)?)?;
    let mut sequence = Sequence::new(2015);
    let mut rows = Vec::with_capacity(count);
    let mut total = FlowFigures::default();
    for mut intervention in interventions(count)? {
        let figures = flow_figures(&mut sequence);
        for field in FlowField::ALL {
            let sum = total.count(field).unwrap_or(0) + figures.count(field).unwrap_or(0);
            total.set(field, Some(FlowFigure::Count(sum)));
        }
        let mut goals = std::mem::take(&mut intervention.goals).into_iter();
        if let (Some(first), Some(second)) = (goals.next(), goals.next()) {
            intervention
                .goals
                .push(first.with_measure(FlowMeasure::NewParticipants)?);
            intervention
                .goals
                .push(second.with_measure(FlowMeasure::ShareToWorkOrStudiesOfEnded)?);
        }
        intervention.goals.extend(goals);
        rows.push(FlowRow {
            intervention: intervention.id.clone(),
            label: None,
            figures,
        });
        report.interventions.push(intervention);
    }
    report.flows = Some(FlowTable {
        rows,
        total: Some(total),
        unique_participants: total.count(FlowField::Current),
    });
    Ok(report)
}

fn flow_figures(sequence: &mut Sequence) -> FlowFigures {
    let women = sequence.below(60);
    let men = sequence.below(60);
    let other = sequence.below(3);
    // About one row in ten does not add up, as in the printed reports.
    let current = women + men + other + u64::from(sequence.below(10) == 0);
    let new = sequence.below(current + 1);
    let ended = sequence.below(current + 1);
    let to_work = sequence.below(ended + 1);
    let job_seeking = sequence.below(ended - to_work + 1);
    let c = |n| Some(FlowFigure::Count(n));
    FlowFigures {
        current: c(current),
        women: c(women),
        men: c(men),
        other: c(other),
        new: c(new),
        ended: c(ended),
        to_work_or_studies: c(to_work),
        job_seeking: c(job_seeking),
    }
}

/// Runs `work` `runs` times and returns the median duration.
pub fn median_of(runs: usize, mut work: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// `items / duration` as items per second.
pub fn per_second(items: usize, duration: Duration) -> f64 {
    let seconds = duration.as_secs_f64();
    if seconds > 0.0 {
        items as f64 / seconds
    } else {
        f64::INFINITY
    }
}
