//! Checks a report's arithmetic and prints what does not hold, with where it is, what the rest
//! of the report implies and what was printed.
//!
//! ```text
//! cargo run --example check_report                 # the built-in samples (2014, 2015, 2017, 2019-H1)
//! cargo run --example check_report -- report.json  # a report of your own
//! cargo run --example check_report -- --en         # in English
//! ```
//!
//! With `--strict` it exits with 1 when a finding of severity `error` is found (for scripts).

use std::process::ExitCode;

use finsam_core::{Diagnostic, Language, Report, Severity};

fn main() -> ExitCode {
    let mut language = Language::Swedish;
    let mut strict = false;
    let mut paths = Vec::new();
    for argument in std::env::args().skip(1) {
        match argument.as_str() {
            "--en" => language = Language::English,
            "--sv" => language = Language::Swedish,
            "--strict" => strict = true,
            other => paths.push(other.to_owned()),
        }
    }
    let inputs: Vec<(String, String)> = if paths.is_empty() {
        vec![
            (
                "arsredovisning-2014.json".into(),
                finsam_examples::ANNUAL_REPORT_2014.into(),
            ),
            (
                "arsredovisning-2015.json".into(),
                finsam_examples::ANNUAL_REPORT_2015.into(),
            ),
            (
                "arsredovisning-2017.json".into(),
                finsam_examples::ANNUAL_REPORT_2017.into(),
            ),
            (
                "halvarsrapport-2019.json".into(),
                finsam_examples::HALF_YEAR_REPORT_2019.into(),
            ),
        ]
    } else {
        let mut read = Vec::new();
        for path in paths {
            match std::fs::read_to_string(&path) {
                Ok(text) => read.push((path, text)),
                Err(error) => {
                    eprintln!("cannot read {path}: {error}");
                    return ExitCode::FAILURE;
                }
            }
        }
        read
    };
    let mut errors = 0;
    for (name, text) in inputs {
        let report = match Report::from_json(&text) {
            Ok(report) => report,
            Err(error) => {
                eprintln!("{name}: {error}");
                return ExitCode::FAILURE;
            }
        };
        let diagnostics = report.check();
        errors += diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        print!("{}", render(&name, &report, &diagnostics, language));
    }
    if strict && errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn render(name: &str, report: &Report, diagnostics: &[Diagnostic], language: Language) -> String {
    let mut out = format!(
        "{name}: {} {}, {} {}\n",
        report.organisation,
        report.period,
        diagnostics.len(),
        language.pick("anmärkningar", "findings")
    );
    for d in diagnostics {
        let severity = d.severity.label(language);
        out.push_str(&format!(
            "  {severity} [{}] {}\n",
            d.code.code(),
            d.message(language)
        ));
        let mut location = format!("    {} {}", language.pick("i", "at"), d.location.path);
        if let (Some(expected), Some(printed)) = (d.expected, d.printed) {
            location.push_str(&format!(
                "; {} {}, {} {}",
                language.pick("väntat", "expected"),
                finsam_core::format_number(expected, 2, language),
                language.pick("tryckt", "printed"),
                finsam_core::format_number(printed, 2, language)
            ));
        }
        out.push_str(&location);
        out.push('\n');
    }
    out.push('\n');
    out
}
