//! Prints the goal-fulfilment table of an annual report with the computed grade beside the
//! grade the association decided, how many of the rows it graded agree (rows decided "Ej
//! tillämpbar" counted apart), and explains every row where they differ.
//!
//! ```text
//! cargo run --example annual_report                 # the built-in 2017 sample
//! cargo run --example annual_report -- report.json  # a report of your own
//! cargo run --example annual_report -- --en         # in English
//! ```

use std::process::ExitCode;

use finsam_core::{Agreement, Assessment, GradingPolicy, Language, Report};

fn main() -> ExitCode {
    let mut language = Language::Swedish;
    let mut path = None;
    for argument in std::env::args().skip(1) {
        match argument.as_str() {
            "--en" => language = Language::English,
            "--sv" => language = Language::Swedish,
            other => path = Some(other.to_owned()),
        }
    }
    let text = match &path {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("cannot read {path}: {error}");
                return ExitCode::FAILURE;
            }
        },
        None => finsam_examples::ANNUAL_REPORT_2017.to_owned(),
    };
    let report = match Report::from_json(&text) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("{}: {error}", path.as_deref().unwrap_or("built-in sample"));
            return ExitCode::FAILURE;
        }
    };
    match report.grade(&GradingPolicy::default()) {
        Ok(assessments) => {
            print!("{}", render(&report, &assessments, language));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

fn render(report: &Report, assessments: &[Assessment], language: Language) -> String {
    let pick = |sv: &'static str, en: &'static str| language.pick(sv, en);
    let mut out = format!(
        "{} — {} {}\n\n",
        report.organisation,
        pick("måluppfyllelse", "goal fulfilment"),
        report.period
    );
    let headers = [
        pick("Insats", "Intervention"),
        pick("Mål", "Goals"),
        pick("Medelvärde", "Mean"),
        pick("Beräknad", "Computed"),
        pick("Beslutad", "Decided"),
        pick("Stämmer", "Agrees"),
    ];
    let rows: Vec<[String; 6]> = assessments
        .iter()
        .map(|a| {
            [
                a.name.to_string(),
                a.goals.len().to_string(),
                a.score_text(language).unwrap_or_else(|| "–".into()),
                a.grade
                    .map(|g| g.label(language).to_owned())
                    .unwrap_or_else(|| "–".into()),
                a.decided
                    .as_ref()
                    .map(|d| d.decision.label(language).to_owned())
                    .unwrap_or_else(|| "–".into()),
                match a.comparison {
                    Some(c) if c.agrees() => pick("ja", "yes").to_owned(),
                    Some(_) => pick("NEJ", "NO").to_owned(),
                    None => "–".to_owned(),
                },
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..headers.len())
        .map(|column| {
            rows.iter()
                .filter_map(|row| row.get(column))
                .map(|cell| cell.chars().count())
                .chain(headers.get(column).map(|h| h.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: Vec<&str>| -> String {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    out.push_str(&line(headers.to_vec()));
    out.push_str(&line(
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    ));
    for row in &rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out.push_str(&format!(
        "\n{}.\n",
        Agreement::of(assessments).text(language)
    ));
    for assessment in assessments.iter().filter(|a| a.differs_from_decided()) {
        out.push('\n');
        out.push_str(&assessment.explain(language));
        out.push('\n');
    }
    out
}
