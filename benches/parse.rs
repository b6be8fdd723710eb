//! Text parser throughput: reads the goal and result cells of the 2014, 2015 and 2017 summary
//! tables (`finsam-core/tests/vectors/cells.json`), repeated to 10 000 and 100 000 cells, and
//! prints cells per second (target: at least 100 000) and the time per cell at each size, whose
//! ratio shows the parser is linear in the size of its input.
//!
//! `cargo bench -p finsam-benches --bench parse`. Without `--bench` it makes one small smoke run.

use std::hint::black_box;

use finsam_benches::{median_of, per_second};
use finsam_core::text::read_cells;

const CELLS: &str = include_str!("../finsam-core/tests/vectors/cells.json");

/// The (goal cell, result cell) pairs of the fixture.
fn pairs() -> Vec<(String, String)> {
    let fixture: serde_json::Value = serde_json::from_str(CELLS).unwrap_or_default();
    fixture
        .get("rows")
        .and_then(|rows| rows.as_array())
        .map(|rows| {
            rows.iter()
                .map(|row| {
                    let text = |key: &str| {
                        row.get(key)
                            .and_then(|v| v.as_str())
                            .unwrap_or_default()
                            .to_owned()
                    };
                    (text("goals_text"), text("results_text"))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let (sizes, runs): (&[usize], usize) = if full {
        (&[10_000, 100_000], 7)
    } else {
        (&[1_000], 1)
    };
    let fixture = pairs();
    let bytes_per_pair: usize = fixture
        .iter()
        .map(|(g, r)| g.len() + r.len())
        .sum::<usize>()
        / fixture.len().max(1);
    println!(
        "text parser ({} cell pairs from the three summaries, {bytes_per_pair} bytes per pair on average; median of {runs} runs)",
        fixture.len()
    );
    let mut per_cell = Vec::new();
    for &cells in sizes {
        let pairs: Vec<&(String, String)> = fixture.iter().cycle().take(cells / 2).collect();
        let median = median_of(runs, || {
            for (goals, results) in &pairs {
                black_box(read_cells(black_box(goals), black_box(results)));
            }
        });
        let nanos = median.as_secs_f64() * 1e9 / cells as f64;
        per_cell.push(nanos);
        let rate = per_second(cells, median);
        println!(
            "  {cells:>7} cells: {:>8.1} ms, {rate:>10.0} cells/s, {nanos:>6.0} ns per cell{}",
            median.as_secs_f64() * 1000.0,
            if rate >= 100_000.0 {
                ""
            } else {
                "  (below the 100 000 cells/s target)"
            }
        );
    }
    if let (Some(first), Some(last)) = (per_cell.first(), per_cell.last()) {
        println!(
            "  time per cell, largest / smallest: {:.2} (1.00 is linear)",
            last / first
        );
    }
}
