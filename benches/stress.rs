//! Stress: the largest inputs finsam is asked to carry, each run in a child process so that its
//! peak resident memory (`VmHWM`, Linux) is its own.
//!
//! - `document`: a report's text of 10 000 interventions (its summary table and a section per
//!   intervention), read whole, checked and graded; `document-1000` the same of 1 000, beside
//!   it, for the cost per intervention.
//! - `series`: one association's reports of 100 years (2004–2103), 25 interventions each,
//!   followed across the years.
//! - `associations`: 75 associations × 25 interventions × 10 years (750 reports, 18 750
//!   interventions), every report graded and checked.
//!
//! `cargo bench -p finsam-benches --bench stress -- --bench`. Without `--bench` each scenario
//! runs at a tenth of its size.

use std::fmt::Write as _;
use std::hint::black_box;
use std::process::{Command, ExitCode};
use std::time::Instant;

use finsam_core::document::{read_text, Limits};
use finsam_core::reader::{read_report, ReadOptions};
use finsam_core::{GradingPolicy, Period, Report, ReportSeries};

fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// The text of a report of `count` interventions: the summary table, then each section with
/// its owner and budget sentence.
fn document(count: usize) -> String {
    let mut text = String::from(
        "# Samordningsförbundet Benchmark: årsredovisning 2017\n\n\
         ## Sammanställning av måluppfyllelse\n\n\
         Insats\tMål 2017\tResultat 2017\tMåluppfyllelse\n",
    );
    for i in 0..count {
        let _ = writeln!(
            text,
            "Insats {i}\t{} nya deltagare\\n{} % i arbete/studier\t{} nya deltagare\\n{} % till arbete/studier ({} av {})\tGod",
            20 + i % 40,
            30 + i % 20,
            18 + i % 45,
            40 + i % 30,
            4 + i % 6,
            10 + i % 5
        );
    }
    text = text.replace("\\n", " ");
    for i in 0..count {
        let _ = write!(
            text,
            "\n## Insats {i}\n\nSocialförvaltningen är huvudman för insatsen.\n\n\
             ### Ekonomiskt utfall i förhållande till budget\n\n\
             Insatsen hade en budget på {} tkr varav {} tkr rekvirerades.\n",
            1_000 + i % 900,
            800 + i % 700
        );
    }
    text
}

/// One association's report of `year` with `interventions` interventions.
fn yearly(
    association: usize,
    year: u16,
    interventions: usize,
) -> Result<Report, finsam_core::Error> {
    let mut report = finsam_benches::report(interventions)?;
    report.organisation = format!("Samordningsförbundet {association}");
    report.period = Period::year_of(year)?;
    Ok(report)
}

/// Runs one scenario; returns what it did, for the line it prints.
fn scenario(name: &str, scale: usize) -> Result<String, Box<dyn std::error::Error>> {
    let policy = GradingPolicy::default();
    Ok(match name {
        "document" | "document-1000" => {
            let count = if name == "document" { 10_000 } else { 1_000 };
            let text = document(count / scale);
            let limits = Limits::default();
            let reading = read_report(&read_text(&text, &limits)?, &ReadOptions::default())?;
            let findings = reading.report.check().len();
            let graded = reading.report.grade(&policy)?.len();
            format!(
                "{:.1} MB of text, {graded} interventions read and graded, {findings} findings",
                text.len() as f64 / 1e6
            )
        }
        "series" => {
            let years = 100 / scale;
            let mut series = ReportSeries::new();
            for year in 0..years {
                series.add(yearly(1, 2004 + u16::try_from(year)?, 25)?)?;
            }
            let comparison = series.compare(&policy)?;
            format!(
                "{years} years × 25 interventions, {} followed",
                black_box(comparison).interventions.len()
            )
        }
        "associations" => {
            let associations = 75 / scale;
            let (mut graded, mut findings) = (0, 0);
            for association in 0..associations {
                for year in 0..10u16 {
                    let report = yearly(association, 2015 + year, 25)?;
                    graded += report.grade(&policy)?.len();
                    findings += report.check().len();
                }
            }
            format!("{associations} associations × 25 interventions × 10 years: {graded} graded, {findings} findings")
        }
        other => return Err(format!("no scenario {other}").into()),
    })
}

fn main() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let scale = if args.iter().any(|a| a == "--bench") {
        1
    } else {
        10
    };
    if let Some(name) = args
        .iter()
        .position(|a| a == "--child")
        .and_then(|i| args.get(i + 1))
    {
        let start = Instant::now();
        let done = scenario(name, scale)?;
        let elapsed = start.elapsed();
        println!(
            "  {name}: {:.0} ms, peak {:.1} MB resident — {done}",
            elapsed.as_secs_f64() * 1000.0,
            peak_mb().ok_or("no VmHWM in /proc/self/status")?
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!("stress (each scenario in its own process; time and peak resident memory)");
    for name in ["document-1000", "document", "series", "associations"] {
        let mut command = Command::new(std::env::current_exe()?);
        command.args(["--child", name]);
        if scale == 1 {
            command.arg("--bench");
        }
        let output = command.output()?;
        print!("{}", String::from_utf8_lossy(&output.stdout));
        if !output.status.success() {
            eprintln!("{}", String::from_utf8_lossy(&output.stderr));
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
}
