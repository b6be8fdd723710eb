//! Grading throughput: grades 10 000 and 100 000 interventions of three goals each with the
//! default policy and prints goals per second (median of several runs).
//!
//! Beside it, on the same data, a loop that does only the policy's decimal arithmetic: each
//! goal's attainment (`min(value / target, 1)`, or its inverse for an *at most* goal, 1 or 0
//! for a qualitative one), their sum, the mean, the policy's band and its cap for unmeasured
//! goals, with nothing kept but the count of each grade (which the benchmark checks against
//! grading's). The ratio of the two, timed one after the other in each run, is what grading
//! costs beyond its arithmetic (the assessment it returns: each goal's status, value and
//! text, the rule, the comparison with the decided grade); the target is at most 3×.
//!
//! `cargo bench -p finsam-benches --bench grading`. Run without `--bench` (as `cargo test
//! --benches` does) it makes one small smoke run instead.

use std::hint::black_box;
use std::time::Instant;

use finsam_benches::{interventions, median_of, per_second};
use finsam_core::{
    grade_all, Direction, GoalResult, Grade, GradingPolicy, Intervention, QualitativeAssessment,
};
use rust_decimal::Decimal;

/// The policy's arithmetic alone: the band of each intervention's mean attainment (`None`
/// when no goal is measured), counted by grade so that nothing is optimised away.
fn arithmetic_only(data: &[Intervention], policy: &GradingPolicy) -> Option<[usize; 4]> {
    let mut bands = [0usize; 4];
    for intervention in data {
        let mut sum = Decimal::ZERO;
        let mut measured = 0u32;
        let mut unmeasured = 0u32;
        for goal in &intervention.goals {
            let value = match goal.result() {
                GoalResult::Count(count) => Some(count.value()),
                GoalResult::Share(share) => share.value_percent(policy.share_basis()),
                GoalResult::Qualitative(q) => match q.assessment() {
                    QualitativeAssessment::Reached => {
                        sum = sum.checked_add(Decimal::ONE)?;
                        measured += 1;
                        None
                    }
                    QualitativeAssessment::NotReached => {
                        measured += 1;
                        None
                    }
                    QualitativeAssessment::NotAssessed => None,
                },
                GoalResult::NotMeasured { .. } | GoalResult::Missing { .. } => {
                    unmeasured += 1;
                    None
                }
                _ => None,
            };
            if let (Some(value), Some(target)) = (value, goal.target()) {
                let attainment = match goal.direction() {
                    Direction::AtLeast if value >= target => Decimal::ONE,
                    Direction::AtLeast => value.checked_div(target)?,
                    Direction::AtMost if value <= target => Decimal::ONE,
                    Direction::AtMost => target.checked_div(value)?,
                };
                sum = sum.checked_add(attainment)?;
                measured += 1;
            }
        }
        let grade = if measured > 0 {
            let band = policy.band(sum.checked_div(Decimal::from(measured))?);
            Some(if unmeasured > 0 && band > policy.unmeasured_cap() {
                policy.unmeasured_cap()
            } else {
                band
            })
        } else if unmeasured > 0 {
            Some(policy.none_measured())
        } else {
            None
        };
        if let Some(grade) = grade {
            if let Some(slot) = bands.get_mut(slot_of(grade)) {
                *slot += 1;
            }
        }
    }
    Some(bands)
}

/// The place of a grade in the counts.
fn slot_of(grade: Grade) -> usize {
    match grade {
        Grade::VeryGood => 0,
        Grade::Good => 1,
        Grade::Acceptable => 2,
        Grade::NotMet => 3,
    }
}

fn main() -> Result<(), finsam_core::Error> {
    let full = std::env::args().any(|a| a == "--bench");
    let (sizes, runs): (&[usize], usize) = if full {
        (&[10_000, 100_000], 7)
    } else {
        (&[1_000], 1)
    };
    let policy = GradingPolicy::default();
    println!("grading (default policy, 3 goals per intervention, median of {runs} runs)");
    for &size in sizes {
        let data = interventions(size)?;
        let goals: usize = data.iter().map(|i| i.goals.len()).sum();
        let mut failures = 0;
        let median = median_of(runs, || {
            if grade_all(black_box(&data), &policy).map(black_box).is_err() {
                failures += 1;
            }
        });
        if failures > 0 {
            eprintln!("grading failed {failures} times");
            std::process::exit(1);
        }
        // The loop does the same arithmetic: it gives the grades grading gives.
        let mut graded = [0usize; 4];
        for assessment in grade_all(&data, &policy)? {
            if let Some(grade) = assessment.grade {
                if let Some(slot) = graded.get_mut(slot_of(grade)) {
                    *slot += 1;
                }
            }
        }
        if arithmetic_only(&data, &policy) != Some(graded) {
            eprintln!("the arithmetic-only loop does not give grading's grades");
            std::process::exit(1);
        }
        // Side by side: each run times grading and then the loop, and the ratio is the median
        // of the runs' ratios, so that a load beside the benchmark weighs on both alike.
        let mut ratios = Vec::with_capacity(runs);
        let mut bare_times = Vec::with_capacity(runs);
        for _ in 0..runs {
            let start = Instant::now();
            black_box(grade_all(black_box(&data), &policy)?);
            let graded_in = start.elapsed();
            let start = Instant::now();
            black_box(arithmetic_only(black_box(&data), &policy));
            let bare_in = start.elapsed();
            ratios.push(graded_in.as_secs_f64() / bare_in.as_secs_f64().max(1e-9));
            bare_times.push(bare_in);
        }
        ratios.sort_by(f64::total_cmp);
        bare_times.sort();
        let ratio = ratios.get(runs / 2).copied().unwrap_or_default();
        let bare = bare_times.get(runs / 2).copied().unwrap_or_default();
        println!(
            "  {size:>7} interventions: {:>8.2} ms, {:>12.0} goals/s; the arithmetic alone \
             {:>8.2} ms: grading is {:.2}× the arithmetic",
            median.as_secs_f64() * 1000.0,
            per_second(goals, median),
            bare.as_secs_f64() * 1000.0,
            ratio
        );
    }
    Ok(())
}
