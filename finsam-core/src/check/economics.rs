//! The checker's economic part: the statement's subtotals, totals, differences and result
//! against their lines; the members' contributions against the 50 / 25 / 25 split of the
//! Finsam law; the cost rules' printed figures and whether a rule is kept; the per-intervention
//! table; the forecast.
//!
//! Printed amounts are rounded (to whole tkr, or whole kronor). A printed figure that equals the
//! computed one rounded to the printed precision agrees. One that differs by no more than the
//! rounding of the figures involved could explain (half a unit of the coarsest printed
//! precision for each printed figure in the relation, and at least one unit, as a truncated
//! figure is off by less than one) is reported as `info`: it "differs only by rounding".
//! Anything more is an error.

use std::collections::HashMap;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::check::diagnostic::{Diagnostic, DiagnosticCode, Location, Severity, Table};
use crate::common::error::Error;
use crate::common::locale::{format_number, format_percent, Language};
use crate::model::economics::{
    Column, CostRule, Economics, Forecast, InterventionCost, InterventionCosts, Line, RuleOutcome,
    Statement,
};
use crate::model::intervention::{Intervention, InterventionId};
use crate::model::money::{Money, Unit};

/// How a printed figure compares with the one computed from other printed figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Agreement {
    Agrees,
    Rounding,
    Differs,
}

/// Compares `printed` with `computed`, which was computed from `inputs` (printed figures).
fn compare(printed: Decimal, computed: Decimal, inputs: &[Decimal]) -> Agreement {
    let scale = printed.normalize().scale();
    if printed == computed
        || computed.round_dp_with_strategy(scale, RoundingStrategy::MidpointAwayFromZero) == printed
    {
        return Agreement::Agrees;
    }
    // The coarsest precision among the figures: whole units unless all have decimals.
    let coarsest = inputs
        .iter()
        .chain([&printed])
        .map(|figure| figure.normalize().scale())
        .min()
        .unwrap_or(0);
    let step = Decimal::new(1, coarsest);
    // Half a unit for each rounded figure, and at least one unit: a figure a person rounded
    // or truncated is off by less than one unit of what they printed.
    let figures = Decimal::from(inputs.len() + 1);
    let tolerance = (step * figures / Decimal::TWO).max(step);
    if (printed - computed).abs() <= tolerance {
        Agreement::Rounding
    } else {
        Agreement::Differs
    }
}

/// A printed figure to check: (field, printed, computed, what in Swedish, what in English, how
/// many printed figures the computed one stands for).
type FigureCheck<'a> = (
    &'a str,
    Option<Decimal>,
    Option<Decimal>,
    &'a str,
    &'a str,
    usize,
);

/// Collects the economic findings.
struct Findings<'a> {
    found: &'a mut Vec<Diagnostic>,
    interventions: &'a HashMap<&'a InterventionId, &'a Intervention>,
}

/// One finding before it becomes a diagnostic.
struct Finding<'a> {
    code: DiagnosticCode,
    table: Table,
    path: String,
    intervention: Option<&'a InterventionId>,
    expected: Decimal,
    printed: Decimal,
    sv: String,
    en: String,
}

impl Findings<'_> {
    /// Records `finding` unless the figures agree; as `info` when they differ only by rounding,
    /// else with `severity`.
    fn push(&mut self, agreement: Agreement, severity: Severity, finding: Finding<'_>) {
        let severity = match agreement {
            Agreement::Agrees => return,
            Agreement::Rounding => Severity::Info,
            Agreement::Differs => severity,
        };
        let (sv, en) = if severity == Severity::Info {
            (
                format!("{} Skillnaden beror bara på avrundning.", finding.sv),
                format!("{} The difference is only rounding.", finding.en),
            )
        } else {
            (finding.sv, finding.en)
        };
        let name = finding
            .intervention
            .and_then(|id| self.interventions.get(id))
            .map(|intervention| &*intervention.name);
        let prefix = |text: String| match name {
            Some(name) => format!("{name}: {text}"),
            None => text,
        };
        self.found.push(Diagnostic {
            code: finding.code,
            severity,
            location: Location::new(finding.intervention.cloned(), finding.table, finding.path),
            expected: Some(finding.expected),
            printed: Some(finding.printed),
            message_sv: prefix(sv),
            message_en: prefix(en),
        });
    }

    /// Records a computation that overflowed: the figures are too large to check.
    fn overflow(&mut self, table: Table, path: &str, error: &Error) {
        self.found.push(Diagnostic {
            code: DiagnosticCode::Overflow,
            severity: Severity::Error,
            location: Location::new(
                None,
                table,
                crate::common::error::join_path(path, error.path()),
            ),
            expected: None,
            printed: None,
            message_sv: "talen är för stora för att kontrollera.".to_owned(),
            message_en: format!("the figures are too large to check ({}).", error.message()),
        });
    }
}

fn money(value: Decimal, unit: Unit, language: Language) -> String {
    format!(
        "{} {}",
        format_number(value, 3, language),
        unit.label(language)
    )
}

/// Runs every economic check of `economics`.
pub(crate) fn check_economics(
    economics: &Economics,
    interventions: &HashMap<&InterventionId, &Intervention>,
    found: &mut Vec<Diagnostic>,
) {
    let mut findings = Findings {
        found,
        interventions,
    };
    if let Some(statement) = &economics.statement {
        check_statement(statement, &mut findings);
        for (index, rule) in economics.rules.iter().enumerate() {
            let path = format!("economics.rules[{index}]");
            match rule.evaluate(statement) {
                Ok(outcome) => check_rule(rule, &outcome, statement, &path, &mut findings),
                Err(error) => findings.overflow(Table::CostRules, &path, &error),
            }
        }
    }
    if let Some(table) = &economics.interventions {
        check_intervention_costs(table, &mut findings);
    }
    if let Some(forecast) = &economics.forecast {
        check_forecast(forecast, economics.statement.as_ref(), &mut findings);
    }
}

/// The printed difference of `line` against its budget − outcome.
fn check_difference(
    label: &str,
    amounts: crate::model::economics::Amounts,
    unit: Unit,
    table: Table,
    path: &str,
    intervention: Option<&InterventionId>,
    findings: &mut Findings<'_>,
) {
    let (Some(budget), Some(outcome), Some(printed)) =
        (amounts.budget, amounts.outcome, amounts.difference)
    else {
        return;
    };
    let Some(computed) = budget.checked_sub(outcome) else {
        findings.overflow(
            table,
            path,
            &Error::new(crate::ErrorKind::Overflow, "", "budget − outcome"),
        );
        return;
    };
    let (sv, en) = (Language::Swedish, Language::English);
    findings.push(
        compare(printed, computed, &[budget, outcome]),
        Severity::Error,
        Finding {
            code: DiagnosticCode::DifferenceMismatch,
            table,
            path: format!("{path}.difference"),
            intervention,
            expected: computed,
            printed,
            sv: format!(
                "{label}: budget − utfall = {} − {} = {}, men differensen är tryckt som {}.",
                money(budget, unit, sv),
                money(outcome, unit, sv),
                money(computed, unit, sv),
                money(printed, unit, sv)
            ),
            en: format!(
                "{label}: budget − outcome = {} − {} = {}, but the printed difference is {}.",
                money(budget, unit, en),
                money(outcome, unit, en),
                money(computed, unit, en),
                money(printed, unit, en)
            ),
        },
    );
}

/// A printed sum line against the sum of its parts, column by column.
#[allow(clippy::too_many_arguments)]
fn check_sum<'a>(
    total: &Line,
    parts: &[Option<Decimal>],
    column: Column,
    code: DiagnosticCode,
    unit: Unit,
    table: Table,
    path: &str,
    findings: &mut Findings<'a>,
    parts_sv: &str,
    parts_en: &str,
) {
    let Some(printed) = total.amounts().get(column) else {
        return;
    };
    let inputs: Vec<Decimal> = parts.iter().flatten().copied().collect();
    let Some(computed) = inputs
        .iter()
        .try_fold(Decimal::ZERO, |sum, value| sum.checked_add(*value))
    else {
        findings.overflow(
            table,
            path,
            &Error::new(crate::ErrorKind::Overflow, "", "a column sum"),
        );
        return;
    };
    let (sv, en) = (Language::Swedish, Language::English);
    findings.push(
        compare(printed, computed, &inputs),
        Severity::Error,
        Finding {
            code,
            table,
            path: format!("{path}.{}", column.code()),
            intervention: None,
            expected: computed,
            printed,
            sv: format!(
                "{}, {}: {parts_sv} summerar till {}, men summan är tryckt som {}.",
                total.label,
                column.label(sv),
                money(computed, unit, sv),
                money(printed, unit, sv)
            ),
            en: format!(
                "{}, {}: {parts_en} add up to {}, but the printed sum is {}.",
                total.label,
                column.label(en),
                money(computed, unit, en),
                money(printed, unit, en)
            ),
        },
    );
}

fn figures(lines: &[Line], column: Column) -> Vec<Option<Decimal>> {
    lines
        .iter()
        .map(|line| line.amounts().get(column))
        .collect()
}

fn check_statement(statement: &Statement, findings: &mut Findings<'_>) {
    let unit = statement.unit;
    let table = Table::Statement;
    let base = "economics.statement";
    let mut lines: Vec<(String, &Line)> = Vec::new();
    for (index, line) in statement.income.lines.iter().enumerate() {
        lines.push((format!("{base}.income.lines[{index}]"), line));
    }
    if let Some(total) = &statement.income.total {
        lines.push((format!("{base}.income.total"), total));
    }
    for (g, group) in statement.costs.groups.iter().enumerate() {
        for (index, line) in group.lines.iter().enumerate() {
            lines.push((format!("{base}.costs.groups[{g}].lines[{index}]"), line));
        }
        if let Some(subtotal) = &group.subtotal {
            lines.push((format!("{base}.costs.groups[{g}].subtotal"), subtotal));
        }
    }
    if let Some(total) = &statement.costs.total {
        lines.push((format!("{base}.costs.total"), total));
    }
    if let Some(result) = &statement.result {
        lines.push((format!("{base}.result"), result));
    }
    for (path, line) in &lines {
        check_difference(
            &line.label,
            line.amounts(),
            unit,
            table,
            path,
            None,
            findings,
        );
    }
    for column in Column::ALL {
        if let Some(total) = &statement.income.total {
            check_sum(
                total,
                &figures(&statement.income.lines, column),
                column,
                DiagnosticCode::SubtotalMismatch,
                unit,
                table,
                &format!("{base}.income.total"),
                findings,
                "raderna",
                "the lines",
            );
        }
        for (g, group) in statement.costs.groups.iter().enumerate() {
            if let Some(subtotal) = &group.subtotal {
                check_sum(
                    subtotal,
                    &figures(&group.lines, column),
                    column,
                    DiagnosticCode::SubtotalMismatch,
                    unit,
                    table,
                    &format!("{base}.costs.groups[{g}].subtotal"),
                    findings,
                    "raderna",
                    "the lines",
                );
            }
        }
        if let Some(total) = &statement.costs.total {
            let groups: Result<Vec<Option<Decimal>>, Error> = statement
                .costs
                .groups
                .iter()
                .map(|group| group.figure(column).map(Some))
                .collect();
            match groups {
                Ok(groups) => check_sum(
                    total,
                    &groups,
                    column,
                    DiagnosticCode::CostTotalMismatch,
                    unit,
                    table,
                    &format!("{base}.costs.total"),
                    findings,
                    "delsummorna",
                    "the subtotals",
                ),
                Err(error) => findings.overflow(table, &format!("{base}.costs.total"), &error),
            }
        }
        check_result(statement, column, findings);
        if column != Column::Difference {
            check_member_split(statement, column, findings);
        }
    }
}

fn check_result(statement: &Statement, column: Column, findings: &mut Findings<'_>) {
    let Some(result) = &statement.result else {
        return;
    };
    let Some(printed) = result.amounts().get(column) else {
        return;
    };
    let path = format!("economics.statement.result.{}", column.code());
    let figures = statement
        .income_figure(column)
        .and_then(|income| Ok((income, statement.costs_figure(column)?)))
        .and_then(|(income, costs)| Ok((income, costs, statement.computed_result(column)?)));
    let (income, costs, computed) = match figures {
        Ok(figures) => figures,
        Err(error) => return findings.overflow(Table::Statement, &path, &error),
    };
    let (sv, en, unit) = (Language::Swedish, Language::English, statement.unit);
    findings.push(
        compare(printed, computed, &[income, costs]),
        Severity::Error,
        Finding {
            code: DiagnosticCode::ResultMismatch,
            table: Table::Statement,
            path,
            intervention: None,
            expected: computed,
            printed,
            sv: format!(
                "{}, {}: intäkter − kostnader = {} − {} = {}, men resultatet är tryckt som {}.",
                result.label,
                column.label(sv),
                money(income, unit, sv),
                money(costs, unit, sv),
                money(computed, unit, sv),
                money(printed, unit, sv)
            ),
            en: format!(
                "{}, {}: income − costs = {} − {} = {}, but the printed result is {}.",
                result.label,
                column.label(en),
                money(income, unit, en),
                money(costs, unit, en),
                money(computed, unit, en),
                money(printed, unit, en)
            ),
        },
    );
}

fn check_member_split(statement: &Statement, column: Column, findings: &mut Findings<'_>) {
    let split = match statement.member_split(column) {
        Ok(Some(split)) => split,
        Ok(None) => return,
        Err(error) => {
            return findings.overflow(Table::Statement, "economics.statement.income", &error)
        }
    };
    let member_figures: Vec<Decimal> = statement
        .income
        .lines
        .iter()
        .filter(|line| line.member.is_some())
        .filter_map(|line| line.amounts().get(column))
        .collect();
    let (sv, en, unit) = (Language::Swedish, Language::English, statement.unit);
    for share in &split.members {
        let Some(index) = statement
            .income
            .lines
            .iter()
            .position(|line| line.member == Some(share.member))
        else {
            continue;
        };
        let percent = share.member.legal_percent();
        findings.push(
            compare(share.amount, share.expected, &member_figures),
            Severity::Warning,
            Finding {
                code: DiagnosticCode::MemberSplitMismatch,
                table: Table::Statement,
                path: format!(
                    "economics.statement.income.lines[{index}].{}",
                    column.code()
                ),
                intervention: None,
                expected: share.expected,
                printed: share.amount,
                sv: format!(
                    "medlemsbidrag, {}: {} ska enligt Finsamlagen stå för {} av {}, alltså {}, men står för {}.",
                    column.label(sv),
                    share.member.label(sv),
                    format_percent(percent, sv),
                    money(split.total, unit, sv),
                    money(share.expected, unit, sv),
                    money(share.amount, unit, sv)
                ),
                en: format!(
                    "members' contributions, {}: by the Finsam law {} pays {} of {}, that is {}, but pays {}.",
                    column.label(en),
                    share.member.label(en),
                    format_percent(percent, en),
                    money(split.total, unit, en),
                    money(share.expected, unit, en),
                    money(share.amount, unit, en)
                ),
            },
        );
    }
}

fn check_rule(
    rule: &CostRule,
    outcome: &RuleOutcome,
    statement: &Statement,
    path: &str,
    findings: &mut Findings<'_>,
) {
    let (sv, en, unit) = (Language::Swedish, Language::English, statement.unit);
    let table = Table::CostRules;
    let limit_sv = format!(
        "{} av {}",
        format_percent(rule.limit_percent, sv),
        money(outcome.base, unit, sv)
    );
    let limit_en = format!(
        "{} of {}",
        format_percent(rule.limit_percent, en),
        money(outcome.base, unit, en)
    );
    if !outcome.within {
        findings.push(
            Agreement::Differs,
            Severity::Warning,
            Finding {
                code: DiagnosticCode::CostRuleExceeded,
                table,
                path: path.to_owned(),
                intervention: None,
                expected: outcome.allowed,
                printed: outcome.actual,
                sv: format!(
                    "{}: kostnaderna {} överskrider det tillåtna {} ({limit_sv}) med {}.",
                    rule.label,
                    money(outcome.actual, unit, sv),
                    money(outcome.allowed, unit, sv),
                    money(outcome.excess, unit, sv)
                ),
                en: format!(
                    "{}: the costs {} exceed the allowed {} ({limit_en}) by {}.",
                    rule.label,
                    money(outcome.actual, unit, en),
                    money(outcome.allowed, unit, en),
                    money(outcome.excess, unit, en)
                ),
            },
        );
    }
    let printed = rule.printed;
    let checks: [FigureCheck<'_>; 5] = [
        (
            "allowed",
            printed.allowed,
            Some(outcome.allowed),
            "det tillåtna beloppet",
            "the allowed amount",
            1,
        ),
        (
            "actual",
            printed.actual,
            Some(outcome.actual),
            "kostnaderna",
            "the costs",
            rule.items.len(),
        ),
        (
            "excess",
            printed.excess,
            Some(outcome.excess),
            "överskridandet",
            "the excess",
            2,
        ),
        (
            "room",
            printed.room,
            Some(outcome.room),
            "utrymmet som återstår",
            "the room left",
            2,
        ),
        (
            "percent",
            printed.percent,
            outcome.percent,
            "andelen av basen",
            "the share of the base",
            0,
        ),
    ];
    for (field, printed, computed, what_sv, what_en, inputs) in checks {
        let (Some(printed), Some(computed)) = (printed, computed) else {
            continue;
        };
        let is_percent = field == "percent";
        let show = |value: Decimal, language: Language| {
            if is_percent {
                format_percent(value, language)
            } else {
                money(value, unit, language)
            }
        };
        // The computed figure stands for `inputs` printed figures of the statement, each
        // rounded to the printed precision.
        let agreement = compare(printed, computed, &vec![printed; inputs]);
        findings.push(
            agreement,
            Severity::Error,
            Finding {
                code: DiagnosticCode::CostRuleFigureMismatch,
                table,
                path: format!("{path}.printed.{field}"),
                intervention: None,
                expected: computed,
                printed,
                sv: format!(
                    "{}: {what_sv} är tryckt som {} men blir {} ({limit_sv}, kostnader {}).",
                    rule.label,
                    show(printed, sv),
                    show(computed, sv),
                    money(outcome.actual, unit, sv)
                ),
                en: format!(
                    "{}: {what_en} is printed as {} but comes to {} ({limit_en}, costs {}).",
                    rule.label,
                    show(printed, en),
                    show(computed, en),
                    money(outcome.actual, unit, en)
                ),
            },
        );
    }
}

fn check_intervention_costs(table: &InterventionCosts, findings: &mut Findings<'_>) {
    let unit = table.unit;
    for (g, group) in table.groups.iter().enumerate() {
        let path = format!("economics.interventions.groups[{g}]");
        for (r, row) in group.rows.iter().enumerate() {
            let row_path = format!("{path}.rows[{r}]");
            check_difference(
                &row.label,
                row.amounts(),
                unit,
                Table::InterventionCosts,
                &row_path,
                row.intervention.as_ref(),
                findings,
            );
            check_stated(row, unit, &row_path, findings);
        }
        let Some(total) = &group.total else {
            continue;
        };
        let total_path = format!("{path}.total");
        check_difference(
            &total.label,
            total.amounts(),
            unit,
            Table::InterventionCosts,
            &total_path,
            None,
            findings,
        );
        for column in Column::ALL {
            let parts: Vec<Option<Decimal>> = group
                .rows
                .iter()
                .map(|row| row.amounts().get(column))
                .collect();
            check_sum(
                total,
                &parts,
                column,
                DiagnosticCode::SubtotalMismatch,
                unit,
                Table::InterventionCosts,
                &total_path,
                findings,
                "raderna",
                "the rows",
            );
        }
    }
}

/// The outcome stated elsewhere in the report (an intervention's own section) against the
/// table's, in the stated unit.
fn check_stated(row: &InterventionCost, unit: Unit, path: &str, findings: &mut Findings<'_>) {
    let Some(outcome) = row.outcome else {
        return;
    };
    let (sv, en) = (Language::Swedish, Language::English);
    for (index, stated) in row.also_stated.iter().enumerate() {
        let Some(printed) = stated.outcome else {
            continue;
        };
        let stated_path = format!("{path}.also_stated[{index}]");
        let computed = match Money::new(outcome, unit).convert(stated.unit) {
            Ok(money) => money.amount,
            Err(error) => {
                findings.overflow(Table::InterventionCosts, &stated_path, &error);
                continue;
            }
        };
        findings.push(
            compare(printed, computed, &[]),
            Severity::Error,
            Finding {
                code: DiagnosticCode::OutcomeStatedMismatch,
                table: Table::InterventionCosts,
                path: format!("{stated_path}.outcome"),
                intervention: row.intervention.as_ref(),
                expected: computed,
                printed,
                sv: format!(
                    "{} anger utfallet {} men tabellen {} ({}).",
                    stated.place,
                    money(printed, stated.unit, sv),
                    money(outcome, unit, sv),
                    row.label
                ),
                en: format!(
                    "{} states the outcome {} but the table {} ({}).",
                    stated.place,
                    money(printed, stated.unit, en),
                    money(outcome, unit, en),
                    row.label
                ),
            },
        );
    }
}

fn check_forecast(forecast: &Forecast, statement: Option<&Statement>, findings: &mut Findings<'_>) {
    let path = "economics.forecast";
    let computed = match forecast.compute(statement) {
        Ok(computed) => computed,
        Err(error) => return findings.overflow(Table::Forecast, path, &error),
    };
    let (sv, en, unit) = (Language::Swedish, Language::English, forecast.unit);
    let planned = forecast.planned.len();
    let first_half_inputs = if statement.is_some() { 1 } else { 0 };
    let checks: [FigureCheck<'_>; 6] = [
        (
            "first_half_costs",
            forecast.printed.first_half_costs.filter(|_| statement.is_some()),
            Some(computed.first_half_costs),
            "utfallet för första halvåret (kostnader totalt i resultaträkningen)",
            "the first half's outcome (total costs of the statement)",
            first_half_inputs,
        ),
        (
            "total_costs",
            forecast.printed.total_costs,
            Some(computed.total_costs),
            "helårets kostnader (första halvårets utfall + planerade kostnader)",
            "the full year's costs (the first half's outcome + planned costs)",
            planned + 1,
        ),
        (
            "funds",
            forecast.printed.funds,
            Some(computed.funds),
            "årets intäkter och kapital (intäkter + övriga intäkter + eget kapital)",
            "the year's income and capital (income + other income + equity)",
            3,
        ),
        (
            "remaining",
            forecast.printed.remaining,
            Some(computed.remaining),
            "det som återstår (intäkter och kapital − helårets kostnader)",
            "what remains (income and capital − the full year's costs)",
            planned + 4,
        ),
        (
            "year_result",
            forecast.printed.year_result,
            Some(computed.year_result),
            "årets resultat (intäkter + övriga intäkter − helårets kostnader)",
            "the year's result (income + other income − the full year's costs)",
            planned + 3,
        ),
        (
            "remaining_income",
            forecast.printed.remaining_income,
            Some(computed.remaining_income),
            "det som återstår av årets intäkter (intäkter − första halvårets kostnader + övriga intäkter)",
            "what remains of the year's income (income − the first half's costs + other income)",
            3,
        ),
    ];
    for (field, printed, computed, what_sv, what_en, inputs) in checks {
        let (Some(printed), Some(computed)) = (printed, computed) else {
            continue;
        };
        findings.push(
            compare(printed, computed, &vec![printed; inputs]),
            Severity::Error,
            Finding {
                code: DiagnosticCode::ForecastMismatch,
                table: Table::Forecast,
                path: format!("{path}.printed.{field}"),
                intervention: None,
                expected: computed,
                printed,
                sv: format!(
                    "prognosen: {what_sv} är tryckt som {} men blir {}.",
                    money(printed, unit, sv),
                    money(computed, unit, sv)
                ),
                en: format!(
                    "the forecast: {what_en} is printed as {} but comes to {}.",
                    money(printed, unit, en),
                    money(computed, unit, en)
                ),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_told_apart_from_errors() {
        let d = |v: i64| Decimal::from(v);
        // 1055 + 70 + 17458 + 504 = 19087: agrees.
        assert_eq!(
            compare(d(19087), d(19087), &[d(1055), d(70), d(17458), d(504)]),
            Agreement::Agrees
        );
        // Off by one tkr over four rounded lines: rounding.
        assert_eq!(
            compare(d(13424), d(13423), &[d(1065), d(33), d(11966), d(359)]),
            Agreement::Rounding
        );
        // 19 % of 16 000 is 3 040, printed 3 004: an error.
        assert_eq!(compare(d(3004), d(3040), &[d(3004)]), Agreement::Differs);
        // A percentage printed whole agrees with its exact value.
        assert_eq!(
            compare(d(28), Decimal::new(281625, 4), &[]),
            Agreement::Agrees
        );
    }
}
