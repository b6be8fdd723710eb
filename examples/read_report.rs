//! Reads a whole report from its Word file or its text, and prints what was found, what could
//! not be read, the grades and the checker's findings.
//!
//! ```text
//! cargo run --example read_report                          # the 2014 appendix (.docx)
//! cargo run --example read_report -- rapport.docx          # a report of your own (.docx or text)
//! cargo run --example read_report -- rapport.txt --en      # in English
//! cargo run --example read_report -- rapport.docx --json   # one JSON object
//! ```
//!
//! With `--json` it prints `{"report": …, "reading": {"parts": […], "issues": […]}, "findings":
//! […]}`: the report in the JSON format, the reading record, and the diagnostics as the core
//! writes them.

use std::process::ExitCode;

use finsam_core::reader::{read_report_bytes, PartStatus, ReadOptions};
use finsam_core::{GradingPolicy, Language};

/// The 2014 appendix as a Word file, read when no path is given.
const SAMPLE: &[u8] =
    include_bytes!("../finsam-core/tests/documents/arsredovisning-2014-bilaga2.docx");

fn main() -> ExitCode {
    let mut language = Language::Swedish;
    let mut json = false;
    let mut path = None;
    for argument in std::env::args().skip(1) {
        match argument.as_str() {
            "--en" => language = Language::English,
            "--sv" => language = Language::Swedish,
            "--json" => json = true,
            other => path = Some(other.to_owned()),
        }
    }
    let bytes = match &path {
        Some(path) => match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("cannot read {path}: {error}");
                return ExitCode::from(2);
            }
        },
        None => SAMPLE.to_vec(),
    };
    let reading = match read_report_bytes(&bytes, &ReadOptions::default()) {
        Ok(reading) => reading,
        Err(error) => {
            eprintln!("{}: {}", error.code(), error.message_in(language));
            return ExitCode::from(2);
        }
    };
    let findings = reading.report.check();
    if json {
        let report: serde_json::Value =
            serde_json::from_str(&reading.report.to_json()).unwrap_or_default();
        let out = serde_json::json!({
            "report": report,
            "reading": {"parts": reading.parts, "issues": reading.issues},
            "findings": findings,
        });
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    let words = |sv: &'static str, en: &'static str| language.pick(sv, en);
    let report = &reading.report;
    println!(
        "{} {}: {} {}",
        report.organisation,
        report.period,
        report.interventions.len(),
        words("insatser", "interventions")
    );
    println!("\n{}", words("Hittat:", "Found:"));
    for part in reading
        .parts
        .iter()
        .filter(|p| p.status == PartStatus::Found)
    {
        let place = part.place.map(|p| p.describe(language)).unwrap_or_default();
        let whose = part
            .intervention
            .as_ref()
            .map(|i| format!(" [{i}]"))
            .unwrap_or_default();
        let text = part
            .text
            .as_ref()
            .map(|t| format!(": {t}"))
            .unwrap_or_default();
        println!("  {}{whose} ({place}){text}", part.kind.code());
    }
    let absent: Vec<String> = reading
        .absent()
        .map(|p| match &p.intervention {
            Some(id) => format!("{} [{id}]", p.kind.code()),
            None => p.kind.code().to_owned(),
        })
        .collect();
    println!("\n{} {}", words("Saknas:", "Absent:"), absent.join(", "));
    println!(
        "\n{}",
        words(
            "Kunde inte läsas eller är osäkert:",
            "Could not be read or is unsure:"
        )
    );
    for issue in &reading.issues {
        println!(
            "  {} {} ({}): {}",
            issue.severity.label(language),
            issue.code.code(),
            issue.place.describe(language),
            issue.message(language)
        );
    }
    println!("\n{}", words("Måluppfyllelse:", "Goal fulfilment:"));
    match report.grade(&GradingPolicy::default()) {
        Ok(assessments) => {
            for assessment in assessments {
                let grade = assessment
                    .grade
                    .map_or(words("ingen grad", "no grade"), |g| g.label(language));
                println!("  {}: {grade}", assessment.name);
            }
        }
        Err(error) => println!("  {}", error.message_in(language)),
    }
    println!(
        "\n{} {}",
        words("Kontrollen fann:", "The checker found:"),
        findings.len()
    );
    for finding in &findings {
        println!(
            "  {} {}: {}",
            finding.severity.label(language),
            finding.code.code(),
            finding.message(language)
        );
        // Where it stands in the document, and the place it is compared with.
        let places: Vec<String> = finding
            .location
            .places
            .iter()
            .map(|place| place.describe(language))
            .collect();
        if !places.is_empty() {
            println!("    ({})", places.join(words(" mot ", " against ")));
        }
    }
    ExitCode::SUCCESS
}
