//! Checker throughput: checks reports of 1 000 and 10 000 interventions (three goals each, two
//! linked to a flow table with a row per intervention) and prints the time per intervention; the
//! ratio of the two shows that the checker is linear in the size of the report.
//!
//! `cargo bench -p finsam-benches --bench check`. Without `--bench` it makes one small smoke run.

use std::hint::black_box;

use finsam_benches::{median_of, per_second, report};
use finsam_core::check;

fn main() -> Result<(), finsam_core::Error> {
    let full = std::env::args().any(|a| a == "--bench");
    let (sizes, runs): (&[usize], usize) = if full {
        (&[1_000, 10_000], 9)
    } else {
        (&[500], 1)
    };
    println!("checker (3 goals and a flow row per intervention, median of {runs} runs)");
    let mut per_intervention = Vec::new();
    for &size in sizes {
        let data = report(size)?;
        let mut findings = 0;
        let median = median_of(runs, || findings = black_box(check(black_box(&data))).len());
        let nanos = median.as_secs_f64() * 1e9 / size as f64;
        per_intervention.push(nanos);
        println!(
            "  {size:>6} interventions: {:>8.2} ms, {:>10.0} interventions/s, {nanos:>7.0} ns each, {findings} findings",
            median.as_secs_f64() * 1000.0,
            per_second(size, median)
        );
    }
    if let (Some(first), Some(last)) = (per_intervention.first(), per_intervention.last()) {
        println!(
            "  time per intervention, largest / smallest: {:.2} (1.00 is linear)",
            last / first
        );
    }
    Ok(())
}
