//! Grading throughput: grades 10 000 and 100 000 interventions of three goals each with the
//! default policy and prints goals per second (median of several runs).
//!
//! `cargo bench -p finsam-benches --bench grading`. Run without `--bench` (as `cargo test
//! --benches` does) it makes one small smoke run instead.

use std::hint::black_box;

use finsam_benches::{interventions, median_of, per_second};
use finsam_core::{grade_all, GradingPolicy};

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
        println!(
            "  {size:>7} interventions: {:>8.2} ms, {:>12.0} goals/s",
            median.as_secs_f64() * 1000.0,
            per_second(goals, median)
        );
    }
    Ok(())
}
