"""Economics through the binding: the exact computed values on the 2019 half-year report (as
`finsam-core/tests/economics.rs` asserts them), the economic findings of the checker, the
DataFrames, `Money` and its errors, and property tests (sums are exact and independent of order,
tkr ↔ SEK round-trips, rounding moves an amount by at most half a unit)."""

from __future__ import annotations

import json
import pickle
from decimal import Decimal
from typing import Callable, Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import finsam
from finsam import (
    CostGroup,
    Economics,
    EconomicsSummary,
    FinsamError,
    Line,
    Money,
    Report,
    Statement,
)

D = Decimal


@pytest.fixture(scope="module")
def report() -> Report:
    return finsam.sample_report(2019)


@pytest.fixture(scope="module")
def economics(report: Report) -> Economics:
    assert report.economics is not None
    return report.economics


@pytest.fixture(scope="module")
def statement(economics: Economics) -> Statement:
    assert economics.statement is not None
    return economics.statement


@pytest.fixture(scope="module")
def summary(economics: Economics) -> EconomicsSummary:
    return economics.summary()


# --- The sample ---------------------------------------------------------------------------------


def test_the_half_year_sample(report: Report) -> None:
    assert report.period == "2019-H1"
    assert report.organisation == "Samordningsförbundet Stockholms stad"
    assert finsam.sample_report(2017).economics is None
    with pytest.raises(FinsamError) as caught:
        finsam.sample_report(2018)
    assert (caught.value.code, caught.value.path) == ("invalid_value", "year")
    assert "2019" in caught.value.message


def test_the_statement_as_printed(statement: Statement) -> None:
    assert statement.unit == "tkr"
    assert statement.equity_brought_forward == D(6218)
    income = statement.income
    assert [line.member for line in income.lines] == ["state", "region", "municipality", None]
    assert [line.budget for line in income.lines] == [D(8000), D(4000), D(4000), D(926)]
    assert income.total is not None and income.total.outcome == D(17432)
    groups = statement.costs.groups
    assert [(g.id, g.label) for g in groups] == [
        ("aktiviteter", "Aktiviteter/Insatser"),
        ("styrelse_och_kansli", "Styrelse och kansli"),
    ]
    # A blank cell is None.
    kansli = groups[1].lines[2]
    assert (kansli.label, kansli.budget, kansli.outcome, kansli.difference) == ("Kansli", None, None, D(0))
    assert groups[1].subtotal is not None and groups[1].subtotal.outcome == D(3441)
    assert statement.costs.total is not None and statement.costs.total.budget == D(22411)
    assert statement.result is not None and statement.result.label == "Resultat"
    # Items that cost rules refer to.
    item = statement.item("styrelse_och_kansli")
    assert isinstance(item, CostGroup) and item.label == "Styrelse och kansli"
    line = statement.item("strukturella")
    assert isinstance(line, Line) and line.outcome == D(1065)
    assert statement.item("nothing") is None


def test_the_statements_sums_and_result(statement: Statement) -> None:
    # Income: 8 000 + 4 000 + 4 000 + 926 = 16 926 budgeted, 17 432 outcome, as printed.
    assert [statement.income_sum(c) for c in ("budget", "outcome", "difference")] == [D(16926), D(17432), D(-506)]
    assert statement.members_sum("budget") == D(16000)
    # Aktiviteter/Insatser: the lines give 19 087 / 13 423 / 5 664 (printed 13 424 and 5 663).
    groups = statement.costs.groups
    assert [groups[0].lines_sum(c) for c in ("budget", "outcome", "difference")] == [D(19087), D(13423), D(5664)]
    assert groups[0].figure("outcome") == D(13424)  # the printed subtotal
    # Styrelse och kansli: 3 325 / 3 442 / -117 (printed outcome 3 441).
    assert [groups[1].lines_sum(c) for c in ("budget", "outcome", "difference")] == [D(3325), D(3442), D(-117)]
    # Total costs from the printed subtotals: 19 087 + 3 325 = 22 412 (printed 22 411).
    assert [statement.groups_sum(c) for c in ("budget", "outcome", "difference")] == [D(22412), D(16865), D(5546)]
    assert statement.costs_figure("budget") == D(22411)
    assert statement.income_figure("outcome") == D(17432)
    # Result = income − costs, from the printed totals.
    assert [statement.computed_result(c) for c in ("budget", "outcome", "difference")] == [D(-5485), D(567), D(-6052)]
    # The members pay 50 / 25 / 25, in budget and outcome.
    for column in ("budget", "outcome"):
        split = statement.member_split(column)
        assert split is not None and split.column == column and split.total == D(16000)
        assert [(s.member, s.amount, s.expected) for s in split.members] == [
            ("state", D(8000), D(8000)),
            ("region", D(4000), D(4000)),
            ("municipality", D(4000), D(4000)),
        ]
    with pytest.raises(FinsamError) as caught:
        statement.income_sum("total")  # type: ignore[arg-type]
    assert (caught.value.code, caught.value.path) == ("unknown_variant", "column")


def test_the_cost_rules(economics: Economics, statement: Statement) -> None:
    rules = economics.rules
    assert [(r.id, r.limit_percent, r.base, r.amount, r.items) for r in rules] == [
        ("kansli_19", D(19), "members_budget", None, ["styrelse_och_kansli"]),
        ("strukturella_11", D(11), "members_budget", None, ["strukturella"]),
        ("sammanlagt_30", D(30), "members_budget", None, ["strukturella", "styrelse_och_kansli"]),
    ]
    printed = rules[0].printed
    assert (printed.allowed, printed.actual, printed.excess, printed.room, printed.percent) == (
        D(3004),
        D(3441),
        D(341),
        None,
        None,
    )
    assert rules[0].source == "Stockholms stads kommunfullmäktige 2016-02-08 § 23"
    outcomes = economics.evaluate_rules()
    assert [(o.rule, o.base, o.allowed, o.actual, o.excess, o.room, o.within) for o in outcomes] == [
        # 19 % of the members' 16 000 tkr is 3 040; the office cost 3 441: 401 over.
        ("kansli_19", D(16000), D(3040), D(3441), D(401), D(0), False),
        # 11 % is 1 760; structural interventions cost 1 065: 695 left.
        ("strukturella_11", D(16000), D(1760), D(1065), D(0), D(695), True),
        # 30 % is 4 800; together 4 506: 294 left.
        ("sammanlagt_30", D(16000), D(4800), D(4506), D(0), D(294), True),
    ]
    assert [o.percent for o in outcomes] == [D("21.50625"), D("6.65625"), D("28.16250")]
    assert all(isinstance(o.allowed, Decimal) for o in outcomes)
    assert rules[0].evaluate(statement) == outcomes[0]


def test_the_deviation_per_intervention(summary: EconomicsSummary, economics: Economics) -> None:
    assert summary.deviations_unit == "sek"
    assert len(summary.deviations) == 37
    rows = {d.label: d for d in summary.deviations}
    # Aktivitetsplatsen: 4 455 500 − 1 204 800 = 3 250 700 under budget, 72.96 % of it.
    aktivitetsplatsen = rows["Aktivitetsplatsen"]
    assert aktivitetsplatsen.deviation == D(3250700)
    assert aktivitetsplatsen.deviation_percent is not None
    assert round(aktivitetsplatsen.deviation_percent, 2) == D("72.96")
    assert (aktivitetsplatsen.group, aktivitetsplatsen.intervention_id, aktivitetsplatsen.wording) == (
        "Individinriktade insatser",
        "aktivitetsplatsen",
        "outcome",
    )
    # AMA: 374 476 over budget, -74.90 %.
    ama = rows["AMA- Aktivitet mot arbetet"]
    assert ama.deviation == D(-374476)
    assert ama.deviation_percent is not None and round(ama.deviation_percent, 2) == D("-74.90")
    # ASF Arbetsträning MIA had no budget: no percentage.
    asf = rows["ASF Arbetsträning MIA"]
    assert (asf.deviation, asf.deviation_percent) == (D(-154500), None)
    # Team Tensta VC: 164 754 under budget, 98.07 %.
    tensta = rows["Team Tensta VC"]
    assert tensta.deviation == D(164754) and tensta.intervention_id == "team-tensta-vc"
    assert tensta.deviation_percent is not None and round(tensta.deviation_percent, 2) == D("98.07")
    # The table itself, as printed.
    table = economics.interventions
    assert table is not None and (table.unit, table.wording) == ("sek", "outcome")
    assert [(g.label, len(g.rows)) for g in table.groups] == [
        ("Individinriktade insatser", 28),
        ("Strukturella insatser", 9),
    ]
    row = table.row("team-tensta-vc")
    assert row is not None and row.outcome == D(3246) and row.difference == D(164754)
    assert [(s.place, s.unit, s.budget, s.budget_period, s.outcome) for s in row.also_stated] == [
        ("Bilaga 1, avsnittet om insatsen (Ekonomi)", "tkr", D(336), "2019", D(350))
    ]
    assert table.row("nobody") is None and table.row("not an id!") is None


def test_the_forecast(economics: Economics, summary: EconomicsSummary) -> None:
    forecast = economics.compute_forecast()
    assert forecast is not None and forecast == summary.forecast
    assert (
        forecast.first_half_costs,
        forecast.planned_costs,
        forecast.total_costs,
        forecast.income,
        forecast.equity,
        forecast.funds,
        forecast.remaining,
        forecast.year_result,
        # 32 000 − (16 865 − 1 432) = 16 567 "kvar av årets 32 000 tkr".
        forecast.remaining_income,
    ) == (D(16865), D(17151), D(34016), D(33852), D(6218), D(40070), D(6054), D(-164), D(16567))
    given_forecast = economics.forecast
    assert given_forecast is not None
    assert (given_forecast.unit, given_forecast.annual_income, given_forecast.expected_other_income) == (
        "tkr",
        D(32000),
        D(1852),
    )
    assert [(p.label, p.amount) for p in given_forecast.planned] == [
        ("Finansiering insatser 2:a halvåret", D(13423)),
        ("Lönekostnader 2:a halvåret (kansli och styrelse)", D(3000)),
        ("Kansli, övriga kostnader 2:a halvåret", D(728)),
    ]
    assert given_forecast.printed.remaining == D(6054)
    assert given_forecast.printed.first_half_costs == D(16865)


def test_the_summary_gathers_everything_computed(summary: EconomicsSummary, statement: Statement) -> None:
    computed = summary.statement
    assert computed is not None and computed == statement.summary()
    assert computed.unit == "tkr"
    assert [(g.id, g.label, g.lines.outcome) for g in computed.groups] == [
        ("aktiviteter", "Aktiviteter/Insatser", D(13423)),
        ("styrelse_och_kansli", "Styrelse och kansli", D(3442)),
    ]
    assert (computed.costs.budget, computed.costs.outcome, computed.costs.difference) == (D(22412), D(16865), D(5546))
    assert (computed.income.budget, computed.income.outcome) == (D(16926), D(17432))
    assert computed.result.outcome == D(567)
    assert computed.members.budget == D(16000)
    assert [split.column for split in computed.member_split] == ["budget", "outcome"]
    assert len(summary.rules) == 3 and summary.rules[0].excess == D(401)
    # Decimals are strings in the JSON form.
    data = json.loads(summary.to_json())
    assert data["forecast"]["remaining"] == "6054"
    assert data["rules"][0]["excess"] == "401"
    assert data["statement"]["unit"] == "tkr"
    assert summary.to_json(pretty=True).startswith("{\n")
    assert repr(summary).startswith("EconomicsSummary(statement=StatementSummary(unit='tkr', income=Figures(")


def test_the_economics_round_trip_through_json(report: Report, economics: Economics) -> None:
    original = json.loads(report.to_json())["economics"]
    assert json.loads(economics.to_json()) == original
    assert economics.statement is not None
    assert json.loads(economics.statement.to_json()) == original["statement"]
    again = Report.from_json(report.to_json())
    assert again.economics == economics and hash(again.economics) == hash(economics)


# --- The checker --------------------------------------------------------------------------------

Finding = tuple[str, str, str, Optional[Decimal], Optional[Decimal]]


def test_the_checker_finds_exactly_the_discrepancies_of_the_half_year_report(report: Report) -> None:
    diagnostics = report.check()
    assert finsam.sample_report(2019) == report, "checking changes nothing"
    found: list[Finding] = [(d.code, d.severity, d.path, d.expected, d.printed) for d in diagnostics]
    assert found == [
        # Styrelse och kansli: 3 325 − 3 441 = -116, printed -117.
        ("difference_mismatch", "info", "economics.statement.costs.groups[1].subtotal.difference", D(-116), D(-117)),
        # Total costs, budget: 19 087 + 3 325 = 22 412, printed 22 411.
        ("cost_total_mismatch", "info", "economics.statement.costs.total.budget", D(22412), D(22411)),
        # Aktiviteter/Insatser, outcome: the lines give 13 423, printed 13 424.
        ("subtotal_mismatch", "info", "economics.statement.costs.groups[0].subtotal.outcome", D(13423), D(13424)),
        # Styrelse och kansli, outcome: the lines give 3 442, printed 3 441.
        ("subtotal_mismatch", "info", "economics.statement.costs.groups[1].subtotal.outcome", D(3442), D(3441)),
        # Aktiviteter/Insatser, difference: the lines give 5 664, printed 5 663.
        ("subtotal_mismatch", "info", "economics.statement.costs.groups[0].subtotal.difference", D(5664), D(5663)),
        # The office cost 3 441 tkr against the 3 040 tkr the 19 % rule allows.
        ("cost_rule_exceeded", "warning", "economics.rules[0]", D(3040), D(3441)),
        # "får inte överskrida 3 004 tkr": 19 % of 16 000 tkr is 3 040 tkr.
        ("cost_rule_figure_mismatch", "error", "economics.rules[0].printed.allowed", D(3040), D(3004)),
        # "341 tkr högre": 3 441 − 3 040 = 401.
        ("cost_rule_figure_mismatch", "error", "economics.rules[0].printed.excess", D(401), D(341)),
        # ASF samordnare AF MIA: 192 500 − 140 106 = 52 394, printed 52 395.
        ("difference_mismatch", "info", "economics.interventions.groups[0].rows[3].difference", D(52394), D(52395)),
        # Tensta: the section says 350 tkr, the table 3 246 kr.
        (
            "outcome_stated_mismatch",
            "error",
            "economics.interventions.groups[0].rows[6].also_stated[0].outcome",
            D("3.246"),
            D(350),
        ),
        # Liljeholmen: 98 477 kr is 98 tkr, the section says 99.
        (
            "outcome_stated_mismatch",
            "info",
            "economics.interventions.groups[0].rows[8].also_stated[0].outcome",
            D("98.477"),
            D(99),
        ),
        # Atlasmuren: 145 571 kr is 146 tkr, the section says 145.
        (
            "outcome_stated_mismatch",
            "info",
            "economics.interventions.groups[0].rows[9].also_stated[0].outcome",
            D("145.571"),
            D(145),
        ),
        # Grön Etablering: 1 805 849 kr is 1 806 tkr, the section says 1 805.
        (
            "outcome_stated_mismatch",
            "info",
            "economics.interventions.groups[0].rows[14].also_stated[0].outcome",
            D("1805.849"),
            D(1805),
        ),
        # Stadsdelsmammor: the section says 14 tkr spent, the table -8 035 kr.
        (
            "outcome_stated_mismatch",
            "error",
            "economics.interventions.groups[0].rows[15].also_stated[0].outcome",
            D("-8.035"),
            D(14),
        ),
        # IPS: 665 854 kr is 666 tkr, the section says 665.
        (
            "outcome_stated_mismatch",
            "info",
            "economics.interventions.groups[0].rows[23].also_stated[0].outcome",
            D("665.854"),
            D(665),
        ),
        # Summa individinriktade insatser, outcome: the rows sum to 12 325 368, printed 12 325 367.
        ("subtotal_mismatch", "info", "economics.interventions.groups[0].total.outcome", D(12325368), D(12325367)),
    ]
    tables = [d.table for d in diagnostics]
    assert (tables.count("statement"), tables.count("cost_rules"), tables.count("intervention_costs")) == (5, 3, 8)
    assert finsam.check(report) == diagnostics
    tensta = diagnostics[9]
    assert tensta.intervention_id == "team-tensta-vc"
    assert tensta.message("en") == (
        "Finsam-handläggarteam på Tensta vårdcentral: Bilaga 1, avsnittet om insatsen (Ekonomi) "
        "states the outcome 350 kSEK but the table 3,246 SEK (Team Tensta VC)."
    )
    frame = diagnostics.to_pandas()
    assert frame.shape == (16, 10)
    assert frame["table"].tolist()[:9] == ["statement"] * 5 + ["cost_rules"] * 3 + ["intervention_costs"]


# --- DataFrames ---------------------------------------------------------------------------------


def test_the_statement_frame_has_one_row_per_printed_line(statement: Statement) -> None:
    frame = statement.to_pandas()
    assert list(frame.columns) == [
        "section", "group", "group_id", "label", "id", "member", "budget", "outcome", "difference", "kind",
    ]
    assert frame.shape == (19, 10)
    assert all(dtype == object for dtype in frame.dtypes)
    assert frame["section"].tolist() == ["income"] * 5 + ["costs"] * 13 + ["result"]
    assert frame["kind"].tolist() == (
        ["line"] * 4 + ["total"] + ["line"] * 4 + ["subtotal"] + ["line"] * 6 + ["subtotal", "total", "result"]
    )
    rows = frame.to_dict("records")
    assert rows[0] == {
        "section": "income",
        "group": None,
        "group_id": None,
        "label": "Försäkringskassan inkl. Arbetsförmedlingen",
        "id": None,
        "member": "state",
        "budget": D(8000),
        "outcome": D(8000),
        "difference": D(0),
        "kind": "line",
    }
    assert rows[5]["id"] == "strukturella" and rows[5]["group_id"] == "aktiviteter"
    kansli = rows[12]
    assert (kansli["label"], kansli["budget"], kansli["outcome"], kansli["difference"]) == ("Kansli", None, None, D(0))
    assert rows[16] == {
        "section": "costs",
        "group": "Styrelse och kansli",
        "group_id": "styrelse_och_kansli",
        "label": "Summa styrelse och kansli",
        "id": None,
        "member": None,
        "budget": D(3325),
        "outcome": D(3441),
        "difference": D(-117),
        "kind": "subtotal",
    }
    assert (rows[17]["label"], rows[17]["group"], rows[17]["budget"]) == ("Summa kostnader totalt", None, D(22411))
    assert (rows[18]["label"], rows[18]["outcome"]) == ("Resultat", D(567))
    assert all(isinstance(v, Decimal) for v in frame["outcome"] if v is not None)


def test_the_rules_frame(economics: Economics) -> None:
    frame = economics.rules_to_pandas()
    assert frame.shape == (3, 17)
    assert all(dtype == object for dtype in frame.dtypes)
    assert frame.to_dict("records")[0] == {
        "id": "kansli_19",
        "label": "Kansliets kostnader högst 19 % av budgeten",
        "limit_percent": D(19),
        "base": "members_budget",
        "items": ("styrelse_och_kansli",),
        "base_amount": D(16000),
        "allowed": D(3040),
        "actual": D(3441),
        "percent": D("21.50625"),
        "excess": D(401),
        "room": D(0),
        "within": False,
        "printed_allowed": D(3004),
        "printed_actual": D(3441),
        "printed_excess": D(341),
        "printed_room": None,
        "printed_percent": None,
    }
    assert frame["room"].tolist() == [D(0), D(695), D(294)]
    assert frame["within"].tolist() == [False, True, True]
    assert frame["printed_percent"].tolist() == [None, None, D(28)]


def test_the_deviations_frame(economics: Economics) -> None:
    frame = economics.deviations_to_pandas()
    assert list(frame.columns) == [
        "group", "label", "intervention_id", "wording", "budget", "outcome", "deviation", "deviation_percent",
    ]
    assert frame.shape == (37, 8)
    assert all(dtype == object for dtype in frame.dtypes)
    rows = frame.to_dict("records")
    aktivitetsplatsen = rows[4]
    assert {k: v for k, v in aktivitetsplatsen.items() if k != "deviation_percent"} == {
        "group": "Individinriktade insatser",
        "label": "Aktivitetsplatsen",
        "intervention_id": "aktivitetsplatsen",
        "wording": "outcome",
        "budget": D(4455500),
        "outcome": D(1204800),
        "deviation": D(3250700),
    }
    assert round(aktivitetsplatsen["deviation_percent"], 2) == D("72.96")
    assert rows[0]["intervention_id"] is None
    asf = next(row for row in rows if row["label"] == "ASF Arbetsträning MIA")
    assert (asf["deviation"], asf["deviation_percent"]) == (D(-154500), None)
    assert frame["group"].tolist().count("Strukturella insatser") == 9


def without_tables(economics: str) -> Report:
    return Report.from_json(
        json.dumps(
            {
                "format_version": 1,
                "organisation": "X",
                "period": "2019-H1",
                "economics": json.loads(economics),
            }
        )
    )


def test_economics_without_tables() -> None:
    economics = without_tables("{}").economics
    assert economics is not None
    assert (economics.statement, economics.rules, economics.interventions, economics.forecast) == (None, [], None, None)
    summary = economics.summary()
    assert (summary.statement, summary.rules, summary.deviations_unit, summary.deviations, summary.forecast) == (
        None,
        (),
        None,
        (),
        None,
    )
    assert economics.compute_forecast() is None
    assert economics.deviations_to_pandas().shape == (0, 8)
    assert economics.rules_to_pandas().shape == (0, 17)


def test_a_rule_on_a_stated_amount_and_a_statement_without_members() -> None:
    economics = without_tables(
        """{"statement": {"unit": "sek", "costs": {"groups": [{"id": "kansli", "label": "Kansli",
             "lines": [{"label": "Löner", "budget": "100", "outcome": "150"}]}]}},
           "rules": [{"id": "r", "label": "Kansliet högst 10 %", "limit_percent": "10",
             "base": {"amount": "1000"}, "items": ["kansli"]}],
           "forecast": {"unit": "sek", "annual_income": "400",
             "planned": [{"label": "Hösten", "amount": "100"}]}}"""
    ).economics
    assert economics is not None and economics.statement is not None
    rule = economics.rules[0]
    assert (rule.base, rule.amount) == ("amount", D(1000))
    (outcome,) = economics.evaluate_rules()
    assert (outcome.base, outcome.allowed, outcome.actual, outcome.excess, outcome.room, outcome.within) == (
        D(1000),
        D(100),
        D(150),
        D(50),
        D(0),
        False,
    )
    assert economics.rules_to_pandas()["base"].tolist() == ["amount"]
    assert economics.statement.member_split("budget") is None
    assert economics.statement.summary().member_split == ()
    forecast = economics.compute_forecast()
    assert forecast is not None
    assert (forecast.first_half_costs, forecast.total_costs, forecast.remaining, forecast.year_result) == (
        D(150),
        D(250),
        D(150),
        D(150),
    )
    frame = economics.statement.to_pandas()
    assert frame["kind"].tolist() == ["line"]  # no subtotal, total or result printed


def test_reprs(economics: Economics, statement: Statement) -> None:
    assert repr(economics) == "<Economics statement=True, 3 rule(s), interventions=True, forecast=True>"
    assert repr(statement.result) == (
        "Line(label='Resultat', id=None, member=None, budget=Decimal('-5485'), outcome=Decimal('567'), "
        "difference=Decimal('-6052'))"
    )
    assert repr(economics.rules[2]) == (
        "<CostRule 'sammanlagt_30': limit_percent=Decimal('30'), base='members_budget', "
        "items=('strukturella', 'styrelse_och_kansli')>"
    )
    assert repr(economics.evaluate_rules()[0]) == (
        "RuleOutcome(rule='kansli_19', base=Decimal('16000'), allowed=Decimal('3040'), actual=Decimal('3441'), "
        "percent=Decimal('21.50625'), excess=Decimal('401'), room=Decimal('0'), within=False)"
    )


# --- Money --------------------------------------------------------------------------------------


def test_money_converts_rounds_and_formats() -> None:
    outcome = Money("1732974", "sek")
    assert (outcome.amount, outcome.unit) == (D(1732974), "sek")
    tkr = outcome.convert("tkr")
    assert tkr == Money(D("1732.974")) == Money.tkr("1732.974")
    assert tkr.amount == D("1732.974") and isinstance(tkr.amount, Decimal)
    assert tkr.round() == Money(1733, "tkr")
    assert outcome.round_to("tkr") == Money(1733)
    assert outcome.round_to("tkr", "toward_zero") == Money(1732)
    assert Money(D("2.5")).round() == Money(3)
    assert Money(D("-2.5")).round() == Money(-3)
    assert Money(D("2.5")).round("half_even") == Money(2)
    assert Money(D("3.5")).round("half_even") == Money(4)
    assert Money(D("-2.9")).round("toward_zero") == Money(-2)
    assert Money(1, "tkr").convert("sek") == Money.sek(1000)
    assert str(tkr.round()) == "1 733 tkr"
    assert str(Money(-185239, "sek")) == "-185 239 kr"
    assert Money(-185239, "sek").format("en") == "-185,239 SEK"
    assert Money(D("17457.5")).format() == "17 457,5 tkr"
    assert Money(D("1733")).format("en") == "1,733 kSEK"
    assert repr(tkr) == "Money(Decimal('1732.974'), 'tkr')"


def test_money_arithmetic() -> None:
    assert Money(3441) - Money(3040) == Money(401)
    assert Money(D("0.1")) + Money(D("0.2")) == Money(D("0.3"))
    assert Money(16000).percent(19) == Money(3040)
    assert Money(16000).percent(D("0.5")) == Money(80)
    assert Money(3441).percent_of(Money(16000)) == D("21.50625")
    assert Money(1).percent_of(Money(0)) is None
    assert Money.sum([Money(1), Money("2.5"), Money(D("-0.5"))]) == Money(3)
    assert Money.sum([], "sek") == Money(0, "sek")
    assert Money.sum((Money(n, "sek") for n in range(5)), "sek") == Money(10, "sek")
    assert sum([Money(1), Money(2)], Money(0)) == Money(3)


def test_money_is_a_value() -> None:
    assert Money("1.0") == Money(1) and hash(Money("1.0")) == hash(Money(1))
    assert Money(1, "tkr") != Money(1, "sek")
    assert Money(1000, "sek") != Money(1, "tkr"), "different units never compare equal"
    assert Money(1) != 1
    assert len({Money(1), Money("1.00"), Money(2)}) == 2
    money = Money(D("-17.25"), "sek")
    assert pickle.loads(pickle.dumps(money)) == money


def test_money_errors() -> None:
    def failure(make: Callable[[], object]) -> tuple[str, str]:
        with pytest.raises(FinsamError) as caught:
            make()
        return caught.value.code, caught.value.path

    assert failure(lambda: Money(1) + Money(1, "sek")) == ("unit_mismatch", "")
    assert failure(lambda: Money(1) - Money(1, "sek")) == ("unit_mismatch", "")
    assert failure(lambda: Money(1).percent_of(Money(1, "sek"))) == ("unit_mismatch", "")
    assert failure(lambda: Money.sum([Money(1), Money(1), Money(1, "sek")])) == ("unit_mismatch", "[2]")
    biggest = Money(D("79228162514264337593543950335"))
    assert failure(lambda: biggest + Money(1)) == ("overflow", "")
    assert failure(lambda: Money(D("-79228162514264337593543950335")) - Money(1)) == ("overflow", "")
    assert failure(lambda: biggest.convert("sek")) == ("overflow", "")
    assert failure(lambda: biggest.percent(200)) == ("overflow", "")
    assert failure(lambda: Money(1.5)) == ("invalid_type", "amount")  # type: ignore[arg-type]
    assert failure(lambda: Money(True)) == ("invalid_type", "amount")
    assert failure(lambda: Money(D("NaN"))) == ("invalid_value", "amount")
    assert failure(lambda: Money(1, "eur")) == ("unknown_variant", "unit")  # type: ignore[arg-type]
    assert failure(lambda: Money(1).round("up")) == ("unknown_variant", "rounding")  # type: ignore[arg-type]
    assert failure(lambda: Money(1).format("de")) == ("unknown_variant", "language")
    assert failure(lambda: Money(1).percent(0.5)) == ("invalid_type", "percent")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(1) + 1  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money.sum([Money(1), 1])  # type: ignore[list-item]
    with pytest.raises(FinsamError) as caught:
        Money(1) + Money(1, "sek")
    assert isinstance(caught.value, ValueError)
    assert "different units" in caught.value.message


# --- Properties ---------------------------------------------------------------------------------

# Amounts in öre-precise kronor: up to ±10^12 with two decimals, as whole öre.
cents = st.integers(min_value=-(10**14), max_value=10**14)


def amount(value: int) -> Decimal:
    return Decimal(value).scaleb(-2)


@settings(max_examples=150, deadline=None)
@given(st.lists(cents, max_size=40), st.data())
def test_sums_are_exact_and_independent_of_order(values: list[int], data: st.DataObject) -> None:
    money = [Money(amount(v), "sek") for v in values]
    shuffled = data.draw(st.permutations(money))
    forward = Money.sum(money, "sek")
    assert Money.sum(shuffled, "sek") == forward
    # Exact: the sum in whole öre, as integers.
    assert forward.amount == amount(sum(values))
    chained = Money(0, "sek")
    for item in reversed(money):
        chained = chained + item
    assert chained == forward


@settings(max_examples=150, deadline=None)
@given(cents, cents)
def test_adding_then_subtracting_gives_back_the_amount(a: int, b: int) -> None:
    left, right = Money(amount(a)), Money(amount(b))
    assert (left + right) - right == left
    assert left + right == right + left


@settings(max_examples=150, deadline=None)
@given(cents)
def test_tkr_and_sek_round_trip(value: int) -> None:
    sek = Money(amount(value), "sek")
    assert sek.convert("tkr").convert("sek") == sek
    tkr = Money(amount(value), "tkr")
    assert tkr.convert("sek").convert("tkr") == tkr
    assert tkr.convert("sek").amount == amount(value) * 1000
    assert sek.convert("tkr").amount * 1000 == amount(value)


@settings(max_examples=150, deadline=None)
@given(cents)
def test_rounding_moves_an_amount_by_at_most_half_a_unit(value: int) -> None:
    exact = amount(value)
    money = Money(exact)
    for rounding in ("half_away_from_zero", "half_even"):
        rounded = money.round(rounding)
        assert rounded.unit == "tkr"
        assert abs(rounded.amount - exact) <= D("0.5")
        assert rounded.amount == rounded.amount.to_integral_value()
    truncated = money.round("toward_zero")
    assert abs(truncated.amount - exact) < 1
    assert abs(truncated.amount) <= abs(exact)
    # To whole tkr from kronor: at most 500 kr away.
    in_tkr = Money(exact, "sek").round_to("tkr")
    assert abs(in_tkr.amount * 1000 - exact) <= 500


@settings(max_examples=100, deadline=None)
@given(st.floats(allow_nan=True, allow_infinity=True))
def test_every_float_is_refused_as_money(value: float) -> None:
    with pytest.raises(FinsamError) as caught:
        Money(value)  # type: ignore[arg-type]
    assert caught.value.code == "invalid_type"
