//! Writing documents: the .xlsx workbook and the Word appendix of reports of 100 and 1 000
//! interventions (three goals each and a flow row per intervention). Prints the time of each and
//! the time per intervention; the ratio of the two sizes shows whether writing is linear.
//!
//! `cargo bench -p finsam-benches --bench writing`. Without `--bench` it makes one small smoke
//! run.

use std::hint::black_box;

use finsam_benches::{median_of, report};
use finsam_core::write::{report_xlsx, write_docx};
use finsam_core::{GradingPolicy, Language};

fn main() -> Result<(), finsam_core::Error> {
    let full = std::env::args().any(|a| a == "--bench");
    let (sizes, runs): (&[usize], usize) = if full { (&[100, 1_000], 7) } else { (&[50], 1) };
    let policy = GradingPolicy::default();
    println!("writing documents (3 goals and a flow row per intervention, median of {runs} runs)");
    for (name, write) in [
        (
            "xlsx",
            &(|r: &_| report_xlsx(r, &policy, Language::Swedish)) as &dyn Fn(&_) -> _,
        ),
        ("docx", &|r: &_| {
            write_docx(r, &policy, Language::Swedish, None)
        }),
    ] {
        let mut per_intervention = Vec::new();
        for &size in sizes {
            let data = report(size)?;
            let mut bytes = 0;
            let mut failed = None;
            let median = median_of(runs, || match write(black_box(&data)) {
                Ok(written) => bytes = black_box(written).len(),
                Err(error) => failed = Some(error),
            });
            if let Some(error) = failed {
                return Err(error);
            }
            let micros = median.as_secs_f64() * 1e6 / size as f64;
            per_intervention.push(micros);
            println!(
                "  {name} {size:>5} interventions: {:>8.2} ms, {micros:>6.1} µs each, {bytes} bytes",
                median.as_secs_f64() * 1000.0
            );
        }
        if name == "docx" {
            // Of which laying out the appendix (grading, checking, the pieces); the rest is Word's
            // XML and its zip.
            if let Some(&size) = sizes.last() {
                let data = report(size)?;
                let median = median_of(runs, || {
                    let _ = black_box(finsam_core::write::appendix(
                        black_box(&data),
                        &policy,
                        Language::Swedish,
                    ));
                });
                println!(
                    "  docx {size:>5} interventions: {:>8.2} ms of it laying out the appendix",
                    median.as_secs_f64() * 1000.0
                );
            }
        }
        if let (Some(first), Some(last)) = (per_intervention.first(), per_intervention.last()) {
            println!(
                "  {name} time per intervention, largest / smallest: {:.2} (1.00 is linear)",
                last / first
            );
        }
    }
    Ok(())
}
