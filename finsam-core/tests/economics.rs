//! Economics on the 2019 half-year report of Samordningsförbundet Stockholms stad: every
//! computed subtotal, deviation, rule outcome and forecast figure, and the exact set of findings
//! (each a real discrepancy in the printed report, the reason beside it). Then property tests:
//! sums are exact and order-independent, tkr ↔ SEK round-trips, rounding moves an amount by at
//! most half a unit, a consistent statement raises nothing and one changed figure raises
//! something.

use finsam_core::{Column, Line, Statement};
use finsam_core::{CostGroup, Economics, Money, Report, Rounding, Severity, Table, Unit};
use proptest::prelude::*;
use rust_decimal::Decimal;

const HALF_YEAR_2019: &str = include_str!("../../examples/data/halvarsrapport-2019.json");

type Outcome = Result<(), Box<dyn std::error::Error>>;

fn d(value: i64) -> Decimal {
    Decimal::from(value)
}

fn load() -> Result<(Report, Economics), finsam_core::Error> {
    let report = Report::from_json(HALF_YEAR_2019)?;
    let economics = report.economics.clone().unwrap_or_default();
    Ok((report, economics))
}

#[test]
fn the_statements_sums_and_result() -> Outcome {
    let (_, economics) = load()?;
    let statement = economics.statement.ok_or("no statement")?;
    assert_eq!(statement.unit, Unit::Tkr);
    // Income: 8 000 + 4 000 + 4 000 + 926 = 16 926 budgeted, 17 432 outcome, as printed.
    assert_eq!(statement.income_sum(Column::Budget)?, d(16_926));
    assert_eq!(statement.income_sum(Column::Outcome)?, d(17_432));
    assert_eq!(statement.income_sum(Column::Difference)?, d(-506));
    assert_eq!(statement.members_sum(Column::Budget)?, d(16_000));
    // Aktiviteter/Insatser: the lines give 19 087 / 13 423 / 5 664 (printed 13 424 and 5 663).
    let groups = &statement.costs.groups;
    let sums = |group: &CostGroup| -> Result<Vec<Decimal>, finsam_core::Error> {
        Column::ALL.iter().map(|c| group.lines_sum(*c)).collect()
    };
    assert_eq!(
        sums(groups.first().ok_or("no group")?)?,
        [d(19_087), d(13_423), d(5_664)]
    );
    // Styrelse och kansli: 3 325 / 3 442 / -117 (printed outcome 3 441).
    assert_eq!(
        sums(groups.get(1).ok_or("no group")?)?,
        [d(3_325), d(3_442), d(-117)]
    );
    // Total costs from the printed subtotals: 19 087 + 3 325 = 22 412 (printed 22 411).
    assert_eq!(statement.groups_sum(Column::Budget)?, d(22_412));
    assert_eq!(statement.groups_sum(Column::Outcome)?, d(16_865));
    assert_eq!(statement.groups_sum(Column::Difference)?, d(5_546));
    // Result = income − costs, from the printed totals: as printed.
    assert_eq!(statement.computed_result(Column::Budget)?, d(-5_485));
    assert_eq!(statement.computed_result(Column::Outcome)?, d(567));
    assert_eq!(statement.computed_result(Column::Difference)?, d(-6_052));
    // The members pay 50 / 25 / 25, in budget and outcome.
    for column in [Column::Budget, Column::Outcome] {
        let split = statement.member_split(column)?.ok_or("no members")?;
        let shares: Vec<(Decimal, Decimal)> = split
            .members
            .iter()
            .map(|share| (share.amount, share.expected))
            .collect();
        assert_eq!(
            shares,
            [
                (d(8_000), d(8_000)),
                (d(4_000), d(4_000)),
                (d(4_000), d(4_000))
            ]
        );
    }
    Ok(())
}

#[test]
fn the_cost_rules() -> Outcome {
    let (_, economics) = load()?;
    let outcomes = economics.evaluate_rules()?;
    let figures: Vec<(&str, Decimal, Decimal, Decimal, Decimal, Decimal, bool)> = outcomes
        .iter()
        .map(|o| {
            (
                o.rule.as_str(),
                o.base,
                o.allowed,
                o.actual,
                o.excess,
                o.room,
                o.within,
            )
        })
        .collect();
    assert_eq!(
        figures,
        [
            // 19 % of the members' 16 000 tkr is 3 040; the office cost 3 441: 401 over.
            (
                "kansli_19",
                d(16_000),
                d(3_040),
                d(3_441),
                d(401),
                d(0),
                false
            ),
            // 11 % is 1 760; structural interventions cost 1 065: 695 left.
            (
                "strukturella_11",
                d(16_000),
                d(1_760),
                d(1_065),
                d(0),
                d(695),
                true
            ),
            // 30 % is 4 800; together 4 506: 294 left.
            (
                "sammanlagt_30",
                d(16_000),
                d(4_800),
                d(4_506),
                d(0),
                d(294),
                true
            ),
        ]
    );
    let percents: Vec<Option<Decimal>> = outcomes.iter().map(|o| o.percent).collect();
    assert_eq!(
        percents,
        [
            Some(Decimal::new(2150625, 5)),
            Some(Decimal::new(665625, 5)),
            Some(Decimal::new(2816250, 5)),
        ]
    );
    Ok(())
}

#[test]
fn the_deviation_per_intervention() -> Outcome {
    let (_, economics) = load()?;
    let table = economics.interventions.ok_or("no table")?;
    assert_eq!(table.unit, Unit::Sek);
    let row = |label: &str| {
        table
            .groups
            .iter()
            .flat_map(|g| &g.rows)
            .find(|r| r.label == label)
            .map(|r| r.amounts())
            .ok_or(format!("no row {label}"))
    };
    // Aktivitetsplatsen: 4 455 500 − 1 204 800 = 3 250 700 under budget, 72.96 % of it.
    let aktivitetsplatsen = row("Aktivitetsplatsen")?;
    assert_eq!(aktivitetsplatsen.deviation()?, Some(d(3_250_700)));
    assert_eq!(
        aktivitetsplatsen
            .deviation_percent()?
            .map(|p| p.round_dp(2)),
        Some(Decimal::new(7296, 2))
    );
    // AMA: 374 476 over budget, -74.90 %.
    let ama = row("AMA- Aktivitet mot arbetet")?;
    assert_eq!(ama.deviation()?, Some(d(-374_476)));
    assert_eq!(
        ama.deviation_percent()?.map(|p| p.round_dp(2)),
        Some(Decimal::new(-7490, 2))
    );
    // ASF Arbetsträning MIA had no budget: no percentage.
    let asf = row("ASF Arbetsträning MIA")?;
    assert_eq!(asf.deviation()?, Some(d(-154_500)));
    assert_eq!(asf.deviation_percent()?, None);
    // The row linked to an intervention of the report.
    let tensta = table
        .row(&"team-tensta-vc".parse()?)
        .ok_or("no Tensta row")?;
    assert_eq!(tensta.outcome, Some(d(3_246)));
    Ok(())
}

#[test]
fn the_forecast() -> Outcome {
    let (_, economics) = load()?;
    let forecast = economics.compute_forecast()?.ok_or("no forecast")?;
    assert_eq!(forecast.first_half_costs, d(16_865));
    assert_eq!(forecast.planned_costs, d(17_151));
    assert_eq!(forecast.total_costs, d(34_016));
    assert_eq!(forecast.income, d(33_852));
    assert_eq!(forecast.equity, d(6_218));
    assert_eq!(forecast.funds, d(40_070));
    assert_eq!(forecast.remaining, d(6_054));
    assert_eq!(forecast.year_result, d(-164));
    // 32 000 − (16 865 − 1 432) = 16 567 "kvar av årets 32 000 tkr".
    assert_eq!(forecast.remaining_income, d(16_567));
    Ok(())
}

/// (code, severity, path, expected, printed) of every finding on the half-year report.
#[test]
fn the_checker_finds_exactly_the_discrepancies_of_the_half_year_report() -> Outcome {
    let (report, _) = load()?;
    let diagnostics = report.check();
    assert_eq!(
        Report::from_json(HALF_YEAR_2019)?,
        report,
        "checking changes nothing"
    );
    let found: Vec<(&str, Severity, &str, String, String)> = diagnostics
        .iter()
        .map(|d| {
            (
                d.code.code(),
                d.severity,
                d.location.path.as_str(),
                d.expected
                    .map(|v| v.normalize().to_string())
                    .unwrap_or_default(),
                d.printed
                    .map(|v| v.normalize().to_string())
                    .unwrap_or_default(),
            )
        })
        .collect();
    let s = |v: &str| v.to_owned();
    use Severity::{Error, Info, Warning};
    let expected = vec![
        // Styrelse och kansli: 3 325 − 3 441 = -116, printed -117 (its lines do sum to -117;
        // the printed outcome is one tkr off its lines, see below).
        (
            "difference_mismatch",
            Info,
            "economics.statement.costs.groups[1].subtotal.difference",
            s("-116"),
            s("-117"),
        ),
        // Total costs, budget: 19 087 + 3 325 = 22 412, printed 22 411.
        (
            "cost_total_mismatch",
            Info,
            "economics.statement.costs.total.budget",
            s("22412"),
            s("22411"),
        ),
        // Aktiviteter/Insatser, outcome: 1 065 + 33 + 11 966 + 359 = 13 423, printed 13 424.
        (
            "subtotal_mismatch",
            Info,
            "economics.statement.costs.groups[0].subtotal.outcome",
            s("13423"),
            s("13424"),
        ),
        // Styrelse och kansli, outcome: 143 + 25 + 305 + 398 + 2 571 = 3 442, printed 3 441.
        (
            "subtotal_mismatch",
            Info,
            "economics.statement.costs.groups[1].subtotal.outcome",
            s("3442"),
            s("3441"),
        ),
        // Aktiviteter/Insatser, difference: -10 + 37 + 5 492 + 145 = 5 664, printed 5 663.
        (
            "subtotal_mismatch",
            Info,
            "economics.statement.costs.groups[0].subtotal.difference",
            s("5664"),
            s("5663"),
        ),
        // The office cost 3 441 tkr against the 3 040 tkr the 19 % rule allows.
        (
            "cost_rule_exceeded",
            Warning,
            "economics.rules[0]",
            s("3040"),
            s("3441"),
        ),
        // "får inte överskrida 3 004 tkr": 19 % of 16 000 tkr is 3 040 tkr.
        (
            "cost_rule_figure_mismatch",
            Error,
            "economics.rules[0].printed.allowed",
            s("3040"),
            s("3004"),
        ),
        // "341 tkr högre": 3 441 − 3 040 = 401 (and 3 441 − 3 004 would be 437).
        (
            "cost_rule_figure_mismatch",
            Error,
            "economics.rules[0].printed.excess",
            s("401"),
            s("341"),
        ),
        // ASF samordnare AF MIA: 192 500 − 140 106 = 52 394, printed 52 395.
        (
            "difference_mismatch",
            Info,
            "economics.interventions.groups[0].rows[3].difference",
            s("52394"),
            s("52395"),
        ),
        // Tensta: the section says 350 tkr, the table 3 246 kr.
        (
            "outcome_stated_mismatch",
            Error,
            "economics.interventions.groups[0].rows[6].also_stated[0].outcome",
            s("3.246"),
            s("350"),
        ),
        // Liljeholmen: 98 477 kr is 98 tkr, the section says 99.
        (
            "outcome_stated_mismatch",
            Info,
            "economics.interventions.groups[0].rows[8].also_stated[0].outcome",
            s("98.477"),
            s("99"),
        ),
        // Atlasmuren: 145 571 kr is 146 tkr, the section says 145 (truncated).
        (
            "outcome_stated_mismatch",
            Info,
            "economics.interventions.groups[0].rows[9].also_stated[0].outcome",
            s("145.571"),
            s("145"),
        ),
        // Grön Etablering: 1 805 849 kr is 1 806 tkr, the section says 1 805.
        (
            "outcome_stated_mismatch",
            Info,
            "economics.interventions.groups[0].rows[14].also_stated[0].outcome",
            s("1805.849"),
            s("1805"),
        ),
        // Stadsdelsmammor: the section says 14 tkr spent, the table -8 035 kr.
        (
            "outcome_stated_mismatch",
            Error,
            "economics.interventions.groups[0].rows[15].also_stated[0].outcome",
            s("-8.035"),
            s("14"),
        ),
        // IPS: 665 854 kr is 666 tkr, the section says 665.
        (
            "outcome_stated_mismatch",
            Info,
            "economics.interventions.groups[0].rows[23].also_stated[0].outcome",
            s("665.854"),
            s("665"),
        ),
        // Summa individinriktade insatser, outcome: the rows sum to 12 325 368, printed 12 325 367.
        (
            "subtotal_mismatch",
            Info,
            "economics.interventions.groups[0].total.outcome",
            s("12325368"),
            s("12325367"),
        ),
    ];
    assert_eq!(found, expected);
    let tables: Vec<Table> = diagnostics.iter().map(|d| d.location.table).collect();
    assert_eq!(tables.iter().filter(|t| **t == Table::Statement).count(), 5);
    assert_eq!(tables.iter().filter(|t| **t == Table::CostRules).count(), 3);
    assert_eq!(
        tables
            .iter()
            .filter(|t| **t == Table::InterventionCosts)
            .count(),
        8
    );
    // The Tensta finding names the intervention and reads well in both languages.
    let tensta = diagnostics
        .iter()
        .find(|d| d.location.path.ends_with("rows[6].also_stated[0].outcome"))
        .ok_or("no Tensta finding")?;
    assert_eq!(
        tensta.location.intervention.as_ref().map(|i| i.as_str()),
        Some("team-tensta-vc")
    );
    assert_eq!(
        tensta.message_en,
        "Finsam-handläggarteam på Tensta vårdcentral: Bilaga 1, avsnittet om insatsen (Ekonomi) \
         states the outcome 350 kSEK but the table 3,246 SEK (Team Tensta VC)."
    );
    Ok(())
}

#[test]
fn the_summary_gathers_everything_computed() -> Outcome {
    let (_, economics) = load()?;
    let summary = economics.summary()?;
    let statement = summary.statement.as_ref().ok_or("no statement")?;
    let outcomes: Vec<Decimal> = statement.groups.iter().map(|g| g.lines.outcome).collect();
    assert_eq!(outcomes, [d(13_423), d(3_442)]);
    assert_eq!(statement.costs.budget, d(22_412));
    assert_eq!(statement.result.outcome, d(567));
    assert_eq!(statement.members.budget, d(16_000));
    assert_eq!(statement.member_split.len(), 2);
    assert_eq!(summary.rules.len(), 3);
    assert_eq!(summary.deviations_unit, Some(Unit::Sek));
    assert_eq!(summary.deviations.len(), 37);
    let tensta = summary
        .deviations
        .iter()
        .find(|row| row.label == "Team Tensta VC")
        .ok_or("no Tensta row")?;
    assert_eq!(tensta.deviation, Some(d(164_754)));
    assert_eq!(
        tensta.deviation_percent.map(|p| p.round_dp(2)),
        Some(Decimal::new(9807, 2))
    );
    assert_eq!(
        tensta.intervention.as_ref().map(|i| i.as_str()),
        Some("team-tensta-vc")
    );
    // Decimals are strings in the serialised form the bindings hand over.
    let json = serde_json::to_value(&summary)?;
    assert_eq!(json.pointer("/forecast/remaining"), Some(&"6054".into()));
    assert_eq!(json.pointer("/rules/0/excess"), Some(&"401".into()));
    assert_eq!(json.pointer("/statement/unit"), Some(&"tkr".into()));
    Ok(())
}

#[test]
fn the_report_round_trips_through_json() -> Outcome {
    let (report, _) = load()?;
    assert_eq!(Report::from_json(&report.to_json())?, report);
    Ok(())
}

fn failure(json: &str) -> Option<(String, String)> {
    Report::from_json(json)
        .err()
        .map(|e| (e.code().to_owned(), e.path().to_owned()))
}

#[test]
fn bad_economics_are_typed_errors_with_paths() {
    let with = |economics: &str| {
        format!(
            r#"{{"format_version": 1, "organisation": "X", "period": "2019-H1",
                "interventions": [], "economics": {economics}}}"#
        )
    };
    let statement = r#"{"unit": "tkr", "costs": {"groups": [{"id": "kansli", "label": "Kansli",
        "lines": [{"label": "Löner", "budget": "10", "outcome": "12"}]}]}}"#;
    assert_eq!(
        failure(&with(&format!(
            r#"{{"statement": {statement}, "rules": [{{"id": "r", "label": "R",
            "limit_percent": "19", "base": "members_budget", "items": ["kansl"]}}]}}"#
        ))),
        Some(("unknown_item".into(), "economics.rules[0].items[0]".into()))
    );
    assert_eq!(
        failure(&with(&format!(
            r#"{{"statement": {statement}, "rules": [{{"id": "r", "label": "R",
            "limit_percent": "119", "base": "members_budget", "items": ["kansli"]}}]}}"#
        ))),
        Some((
            "share_above_100".into(),
            "economics.rules[0].limit_percent".into()
        ))
    );
    assert_eq!(
        failure(&with(
            r#"{"statement": {"unit": "tkr", "costs": {"groups": [{"label": "Kansli",
            "lines": [{"label": "Löner", "member": "state", "budget": "10"}]}]}}}"#
        )),
        Some((
            "invalid_value".into(),
            "economics.statement.costs.groups[0].lines[0].member".into()
        ))
    );
    assert_eq!(
        failure(&with(&format!(
            r#"{{"statement": {statement}, "forecast": {{"unit": "sek", "annual_income": "1"}}}}"#
        ))),
        Some(("unit_mismatch".into(), "economics.forecast.unit".into()))
    );
    assert_eq!(
        failure(&with(
            r#"{"interventions": {"unit": "sek", "groups": [{"label": "G",
            "rows": [{"label": "A", "intervention": "nobody", "budget": "1"}]}]}}"#
        )),
        Some((
            "unknown_intervention".into(),
            "economics.interventions.groups[0].rows[0].intervention".into()
        ))
    );
    assert_eq!(
        failure(&with(
            r#"{"statement": {"unit": "tkr", "costs": {"groups": [{"label": " ", "lines": []}]}}}"#
        )),
        Some((
            "empty_text".into(),
            "economics.statement.costs.groups[0].label".into()
        ))
    );
    assert_eq!(
        failure(&with(r#"{"statement": {"unit": "euro"}}"#)),
        Some(("unknown_variant".into(), "economics.statement.unit".into()))
    );
    assert_eq!(
        failure(&with(
            r#"{"statement": {"unit": "tkr", "result": {"label": "Resultat", "budget": 5}}}"#
        )),
        Some((
            "invalid_type".into(),
            "economics.statement.result.budget".into()
        ))
    );
}

/// Amounts in öre-precise kronor as decimals: up to ±10^12 SEK with two decimals.
fn amount() -> impl Strategy<Value = Decimal> {
    (-100_000_000_000_000i64..100_000_000_000_000i64).prop_map(|cents| Decimal::new(cents, 2))
}

/// A statement built consistently: every subtotal, total, difference and result computed from
/// the lines, the members paying 50 / 25 / 25.
fn consistent_statement() -> impl Strategy<Value = Statement> {
    let line = (0i64..100_000, 0i64..100_000);
    (
        1i64..10_000,
        0i64..10_000,
        proptest::collection::vec(proptest::collection::vec(line, 1..6), 1..4),
    )
        .prop_map(|(quarter, esf, groups)| {
            let full = |label: &str, budget: i64, outcome: i64| {
                Line::new(label, d(budget), d(outcome)).with_difference(d(budget - outcome))
            };
            let income = vec![
                full("Försäkringskassan", quarter * 2, quarter * 2)
                    .of_member(finsam_core::Member::State),
                full("Region", quarter, quarter).of_member(finsam_core::Member::Region),
                full("Kommunen", quarter, quarter).of_member(finsam_core::Member::Municipality),
                full("ESF", esf, esf / 2),
            ];
            let income_budget = quarter * 4 + esf;
            let income_outcome = quarter * 4 + esf / 2;
            let mut cost_budget = 0;
            let mut cost_outcome = 0;
            let groups: Vec<CostGroup> = groups
                .into_iter()
                .enumerate()
                .map(|(g, lines)| {
                    let budget: i64 = lines.iter().map(|(b, _)| b).sum();
                    let outcome: i64 = lines.iter().map(|(_, o)| o).sum();
                    cost_budget += budget;
                    cost_outcome += outcome;
                    CostGroup {
                        id: Some(format!("g{g}")),
                        label: format!("Grupp {g}"),
                        lines: lines
                            .into_iter()
                            .enumerate()
                            .map(|(i, (b, o))| full(&format!("Rad {i}"), b, o))
                            .collect(),
                        subtotal: Some(full("Summa", budget, outcome)),
                    }
                })
                .collect();
            let mut statement: Statement = serde_json::from_str(r#"{"unit": "tkr"}"#)
                .unwrap_or_else(|_| unreachable_statement());
            statement.income.lines = income;
            statement.income.total = Some(full("Summa intäkter", income_budget, income_outcome));
            statement.costs.groups = groups;
            statement.costs.total = Some(full("Summa kostnader", cost_budget, cost_outcome));
            let result_budget = income_budget - cost_budget;
            let result_outcome = income_outcome - cost_outcome;
            statement.result = Some(full("Resultat", result_budget, result_outcome));
            statement
        })
}

/// Never reached: `{"unit": "tkr"}` is a valid statement. Kept apart so that the strategy
/// needs no `unwrap`.
fn unreachable_statement() -> Statement {
    Statement {
        unit: Unit::Tkr,
        income: Default::default(),
        costs: Default::default(),
        result: None,
        equity_brought_forward: None,
    }
}

fn report_with(statement: Statement) -> Result<Report, finsam_core::Error> {
    let mut report = Report::new("X", "2019-H1".parse()?)?;
    report.economics = Some(Economics {
        statement: Some(statement),
        ..Economics::default()
    });
    report.validate()?;
    Ok(report)
}

proptest! {
    #[test]
    fn sums_are_exact_and_independent_of_order(
        amounts in proptest::collection::vec(amount(), 0..40),
        seed in any::<u64>(),
    ) {
        let money: Vec<Money> = amounts.iter().map(|a| Money::sek(*a)).collect();
        let mut shuffled = money.clone();
        // A deterministic shuffle from the seed.
        let len = shuffled.len();
        if len > 1 {
            let mut state = seed;
            for i in (1..len).rev() {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let j = usize::try_from(state >> 33).unwrap_or(0) % (i + 1);
                shuffled.swap(i, j);
            }
        }
        let forward = Money::sum(money, Unit::Sek)?;
        let backward = Money::sum(shuffled, Unit::Sek)?;
        prop_assert_eq!(forward, backward);
        // Exact: the sum in whole öre as integers.
        let cents: i128 = amounts.iter().map(|a| a.mantissa()).sum();
        prop_assert_eq!(forward.amount * Decimal::ONE_HUNDRED, Decimal::from_i128_with_scale(cents, 0));
    }

    #[test]
    fn tkr_and_sek_round_trip(value in amount()) {
        let sek = Money::sek(value);
        prop_assert_eq!(sek.convert(Unit::Tkr)?.convert(Unit::Sek)?, sek);
        let tkr = Money::tkr(value);
        prop_assert_eq!(tkr.convert(Unit::Sek)?.convert(Unit::Tkr)?, tkr);
        prop_assert_eq!(tkr.convert(Unit::Sek)?.amount, value * Decimal::ONE_THOUSAND);
    }

    #[test]
    fn rounding_moves_an_amount_by_at_most_half_a_unit(value in amount()) {
        let money = Money::tkr(value);
        for rounding in [Rounding::HalfAwayFromZero, Rounding::HalfEven] {
            let rounded = money.round(rounding);
            prop_assert!((rounded.amount - value).abs() <= Decimal::new(5, 1));
            prop_assert_eq!(rounded.amount.fract(), Decimal::ZERO);
        }
        let truncated = money.round(Rounding::TowardZero);
        prop_assert!((truncated.amount - value).abs() < Decimal::ONE);
        prop_assert!(truncated.amount.abs() <= value.abs());
    }

    #[test]
    fn a_consistent_statement_raises_nothing(statement in consistent_statement()) {
        let report = report_with(statement)?;
        prop_assert_eq!(report.check(), vec![]);
    }

    #[test]
    fn changing_one_figure_of_a_consistent_statement_raises_an_error(
        statement in consistent_statement(),
        pick in any::<prop::sample::Index>(),
        column in 0usize..2,
        change in prop_oneof![-1000i64..-10, 10i64..1000],
    ) {
        let mut statement = statement;
        let mut lines: Vec<&mut Line> = statement
            .costs
            .groups
            .iter_mut()
            .flat_map(|g| g.lines.iter_mut())
            .collect();
        let index = pick.index(lines.len());
        if let Some(line) = lines.get_mut(index) {
            let figure = if column == 0 { &mut line.budget } else { &mut line.outcome };
            *figure = figure.map(|v| v + d(change));
        }
        let report = report_with(statement)?;
        let found = report.check();
        prop_assert!(
            found.iter().any(|d| d.severity == Severity::Error),
            "no error after changing one figure: {:?}", found
        );
    }
}
