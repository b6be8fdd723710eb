//! Prints a report's economics: the statement with budget, outcome and difference per line,
//! the members' contributions against the 50 / 25 / 25 split, the local cost rules (allowed,
//! actual, excess or room left), the per-intervention deviations, the full-year forecast, and
//! what the checker finds in them.
//!
//! ```text
//! cargo run --example finance                  # the built-in 2019 half-year report
//! cargo run --example finance -- report.json   # a report of your own
//! cargo run --example finance -- --en          # in English
//! ```

use std::fmt::Write as _;
use std::process::ExitCode;

use finsam_core::{format_number, format_percent, Language, Report, Unit};
use finsam_core::{Column, Economics, Line, Statement};
use rust_decimal::Decimal;

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
        None => finsam_examples::HALF_YEAR_REPORT_2019.to_owned(),
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("cannot read {path}: {error}");
                return ExitCode::FAILURE;
            }
        },
    };
    let report = match Report::from_json(&text) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    match render(&report, language) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

type Out = Result<String, Box<dyn std::error::Error>>;

fn render(report: &Report, language: Language) -> Out {
    let l = |sv: &'static str, en: &'static str| language.pick(sv, en);
    let mut out = String::new();
    writeln!(out, "{} {}", report.organisation, report.period)?;
    let Some(economics) = &report.economics else {
        writeln!(
            out,
            "{}",
            l(
                "Rapporten har ingen ekonomi.",
                "The report has no economics."
            )
        )?;
        return Ok(out);
    };
    if let Some(statement) = &economics.statement {
        out.push_str(&statement_table(statement, language)?);
    }
    out.push_str(&rules(economics, language)?);
    out.push_str(&intervention_deviations(economics, language)?);
    out.push_str(&forecast(economics, language)?);
    let diagnostics = report.check();
    writeln!(out, "\n{} ({})", l("Kontroll", "Check"), diagnostics.len())?;
    for d in &diagnostics {
        writeln!(
            out,
            "  {} [{}] {}\n    {} {}",
            d.severity.label(language),
            d.code.code(),
            d.message(language),
            l("i", "at"),
            d.location.path
        )?;
    }
    Ok(out)
}

fn amount(value: Option<Decimal>, language: Language) -> String {
    value
        .map(|v| format_number(v, 3, language))
        .unwrap_or_default()
}

fn row(out: &mut String, indent: usize, line: &Line, language: Language) -> std::fmt::Result {
    let label = format!("{:indent$}{}", "", line.label);
    writeln!(
        out,
        "{label:<56}{:>10}{:>10}{:>10}",
        amount(line.budget, language),
        amount(line.outcome, language),
        amount(line.difference, language)
    )
}

fn statement_table(statement: &Statement, language: Language) -> Out {
    let l = |sv: &'static str, en: &'static str| language.pick(sv, en);
    let mut out = String::new();
    writeln!(
        out,
        "\n{} ({})\n{:<56}{:>10}{:>10}{:>10}",
        l("Resultaträkning", "Statement"),
        statement.unit.label(language),
        "",
        Column::Budget.label(language),
        Column::Outcome.label(language),
        Column::Difference.label(language)
    )?;
    writeln!(out, "{}", l("Intäkter", "Income"))?;
    for line in &statement.income.lines {
        row(&mut out, 2, line, language)?;
    }
    if let Some(total) = &statement.income.total {
        row(&mut out, 2, total, language)?;
    }
    writeln!(out, "{}", l("Kostnader", "Costs"))?;
    for group in &statement.costs.groups {
        writeln!(out, "  {}", group.label)?;
        for line in &group.lines {
            row(&mut out, 4, line, language)?;
        }
        if let Some(subtotal) = &group.subtotal {
            row(&mut out, 4, subtotal, language)?;
        }
    }
    if let Some(total) = &statement.costs.total {
        row(&mut out, 2, total, language)?;
    }
    if let Some(result) = &statement.result {
        row(&mut out, 0, result, language)?;
    }
    if let Some(equity) = statement.equity_brought_forward {
        writeln!(
            out,
            "{:<56}{:>10}",
            l("Eget kapital från tidigare år", "Equity brought forward"),
            amount(Some(equity), language)
        )?;
    }
    for column in [Column::Budget, Column::Outcome] {
        let Some(split) = statement.member_split(column)? else {
            continue;
        };
        let parts: Vec<String> = split
            .members
            .iter()
            .map(|share| {
                format!(
                    "{} {} ({} {})",
                    share.member.label(language),
                    format_number(share.amount, 3, language),
                    l("lagen:", "the law:"),
                    format_number(share.expected, 3, language)
                )
            })
            .collect();
        writeln!(
            out,
            "{} {}: {}",
            l("Medlemmarnas bidrag,", "Members' contributions,"),
            column.label(language),
            parts.join(", ")
        )?;
    }
    Ok(out)
}

fn rules(economics: &Economics, language: Language) -> Out {
    let l = |sv: &'static str, en: &'static str| language.pick(sv, en);
    let mut out = String::new();
    if economics.rules.is_empty() {
        return Ok(out);
    }
    let unit = economics
        .statement
        .as_ref()
        .map(|s| s.unit)
        .unwrap_or(Unit::Tkr);
    writeln!(out, "\n{}", l("Kostnadsregler", "Cost rules"))?;
    for (rule, outcome) in economics.rules.iter().zip(economics.evaluate_rules()?) {
        let money =
            |v: Decimal| format!("{} {}", format_number(v, 3, language), unit.label(language));
        let verdict = if outcome.within {
            format!("{} {}", l("utrymme kvar", "room left"), money(outcome.room))
        } else {
            format!(
                "{} {}",
                l("överskridet med", "exceeded by"),
                money(outcome.excess)
            )
        };
        writeln!(
            out,
            "  {}: {} {} ({} {} {}), {} {} ({}) → {verdict}",
            rule.label,
            l("tillåtet", "allowed"),
            money(outcome.allowed),
            format_percent(rule.limit_percent, language),
            l("av", "of"),
            money(outcome.base),
            l("faktiskt", "actual"),
            money(outcome.actual),
            outcome
                .percent
                .map(|p| format_percent(p, language))
                .unwrap_or_default()
        )?;
    }
    Ok(out)
}

fn intervention_deviations(economics: &Economics, language: Language) -> Out {
    let l = |sv: &'static str, en: &'static str| language.pick(sv, en);
    let mut out = String::new();
    let Some(table) = &economics.interventions else {
        return Ok(out);
    };
    writeln!(
        out,
        "\n{} ({}; {})\n{:<48}{:>12}{:>12}{:>12}{:>9}",
        l(
            "Budget mot utfall per insats",
            "Budget against outcome per intervention"
        ),
        table.unit.label(language),
        table.wording.label(language),
        "",
        Column::Budget.label(language),
        table.wording.label(language),
        l("avvikelse", "deviation"),
        "%"
    )?;
    for group in &table.groups {
        writeln!(out, "  {}", group.label)?;
        for cost in &group.rows {
            let amounts = cost.amounts();
            writeln!(
                out,
                "    {:<44}{:>12}{:>12}{:>12}{:>9}",
                cost.label,
                amount(amounts.budget, language),
                amount(amounts.outcome, language),
                amount(amounts.deviation()?, language),
                amounts
                    .deviation_percent()?
                    .map(|p| format_percent(p, language))
                    .unwrap_or_default()
            )?;
        }
    }
    Ok(out)
}

fn forecast(economics: &Economics, language: Language) -> Out {
    let l = |sv: &'static str, en: &'static str| language.pick(sv, en);
    let mut out = String::new();
    let (Some(forecast), Some(computed)) = (&economics.forecast, economics.compute_forecast()?)
    else {
        return Ok(out);
    };
    let money = |v: Decimal| {
        format!(
            "{} {}",
            format_number(v, 3, language),
            forecast.unit.label(language)
        )
    };
    writeln!(out, "\n{}", l("Helårsprognos", "Full-year forecast"))?;
    let lines = [
        (
            l("Utfall första halvåret", "First half's outcome"),
            computed.first_half_costs,
        ),
        (
            l(
                "Planerade kostnader andra halvåret",
                "Planned costs, second half",
            ),
            computed.planned_costs,
        ),
        (
            l("Kostnader för helåret", "Full-year costs"),
            computed.total_costs,
        ),
        (l("Årets intäkter", "The year's income"), computed.income),
        (l("Eget kapital", "Equity"), computed.equity),
        (
            l("Intäkter och kapital", "Income and capital"),
            computed.funds,
        ),
        (
            l("Årets resultat", "The year's result"),
            computed.year_result,
        ),
        (
            l("Kvar vid årets slut", "Left at the end of the year"),
            computed.remaining,
        ),
        (
            l(
                "Kvar av årets intäkter för andra halvåret",
                "Left of the year's income for the second half",
            ),
            computed.remaining_income,
        ),
    ];
    for (label, value) in lines {
        writeln!(out, "  {label:<52}{:>14}", money(value))?;
    }
    Ok(out)
}
