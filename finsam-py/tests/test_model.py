"""The model through the binding: construction with keyword arguments, value semantics,
decimals, grades, errors, JSON and files."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import pytest

import finsam
from finsam import DecidedGrade, FinsamError, Goal, Grade, GradingPolicy, Intervention, Report, Result


def start() -> Intervention:
    return Intervention(
        id="start",
        name="START",
        kind="individual",
        status="active",
        goals=[
            Goal.count("20 nya deltagare", 20, unit="nya deltagare", result=Result.count(21)),
            Goal.share(
                "50 % i arbete/studier",
                Decimal("50"),
                result=Result.share(percent=Decimal("67"), numerator=14, denominator=21),
            ),
        ],
        decided_grade="Mycket God",
    )


def test_building_and_grading_with_keywords() -> None:
    assessment = finsam.grade(start())
    assert assessment.grade is Grade.VERY_GOOD
    assert assessment.score == Decimal("1")
    assert assessment.rule.code == "score_band"
    assert assessment.rule.band is Grade.VERY_GOOD
    assert assessment.rule.edge == Decimal("0.95")
    assert assessment.comparison == "agrees"
    assert not assessment.differs_from_decided
    assert assessment.measured_goals == 2
    share = assessment.goals[1]
    assert (share.kind, share.status, share.attainment) == ("share", "reached", Decimal("1"))
    assert str(share.value) == "66.666666666666666666666666670"
    assert share.result_text("en") == "14 of 21 = 66.7%"
    assert share.target_text("sv") == "minst 50 %"
    assert share.status_label("en") == "reached"
    assert assessment.summary("en") == "START: computed goal fulfilment Very good (mean 1 over 2 measured goal(s))"


def test_decimals_are_exact_and_cross_as_decimal() -> None:
    goal = Goal.count("x", "12.50", result=Result.count(Decimal("1E+1")))
    assert goal.target == Decimal("12.50") and isinstance(goal.target, Decimal)
    assert goal.result.value == Decimal("10")
    lyra = Intervention(
        id="lyra",
        name="Lyra",
        goals=[
            Goal.share("Alla har en handlingsplan", 100, result=Result.share(numerator=13, denominator=13)),
            Goal.share("50 % till studier/arbete", 50, result=Result.share(numerator=2, denominator=13)),
        ],
    )
    assert str(finsam.grade(lyra).score) == "0.6538461538461538461538461538"


@pytest.mark.parametrize("bad", [0.5, float("nan"), 1e300])
def test_floats_are_refused_with_a_clear_error(bad: float) -> None:
    with pytest.raises(FinsamError) as caught:
        Goal.count("x", bad)
    assert (caught.value.code, caught.value.path) == ("invalid_type", "target")
    assert "float" in caught.value.message and "decimal.Decimal" in caught.value.message
    with pytest.raises(FinsamError, match="float"):
        GradingPolicy(very_good=0.9)  # type: ignore[arg-type]
    with pytest.raises(FinsamError) as caught:
        Result.share(percent=bad)
    assert caught.value.path == "percent"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (True, "invalid_type"),
        ([1], "invalid_type"),
        (Decimal("NaN"), "invalid_value"),
        (Decimal("Infinity"), "invalid_value"),
        ("12,5", "invalid_value"),
        (Decimal("1E+40"), "invalid_value"),
        (10**40, "invalid_value"),
    ],
)
def test_other_non_decimals_are_refused(value: object, code: str) -> None:
    with pytest.raises(FinsamError) as caught:
        Result.count(value)  # type: ignore[arg-type]
    assert (caught.value.code, caught.value.path) == (code, "value")


def test_core_validation_errors_carry_code_and_path() -> None:
    cases = [
        (lambda: Goal.share("x", 120), "share_above_100", "target"),
        (lambda: Goal.count("", 3), "empty_text", "description"),
        (lambda: Goal.count("x", -3), "negative_value", "target"),
        (lambda: Goal("x", "count"), "missing_target", "target"),
        (lambda: Goal("x", "qualitative", target=1), "unexpected_target", "target"),
        (lambda: Goal("x", "weekly", target=1), "unknown_variant", "kind"),
        (lambda: Goal.count("x", 3, direction="sideways"), "unknown_variant", "direction"),
        (lambda: Goal.count("x", 3, result=Result.share(percent=5)), "result_kind_mismatch", "result"),
        (lambda: Result.share(numerator=5), "incomplete_fraction", "denominator"),
        (lambda: Result.share(denominator=5), "incomplete_fraction", "numerator"),
        (lambda: Result.share(), "empty_share", ""),
        (lambda: Result.share(numerator=5, denominator=4), "numerator_above_denominator", "numerator"),
        (lambda: Result.share(numerator=0, denominator=0), "zero_denominator", "denominator"),
        (lambda: Result.share(numerator="1.5", denominator=4), "not_whole_number", "numerator"),
        (lambda: Result.qualitative("ok", "maybe"), "unknown_variant", "assessment"),
        (lambda: Result.qualitative(" ", "reached"), "empty_text", "text"),
        (lambda: Intervention(id="två ord", name="X"), "invalid_id", "id"),
        (lambda: Intervention(id="x", name=" "), "empty_text", "name"),
        (lambda: Intervention(id="x", name="X", kind="other"), "unknown_variant", "kind"),
        (lambda: Intervention(id="x", name="X", status="paused"), "unknown_variant", "status"),
        (lambda: Intervention(id="x", name="X", decided_grade="Utmärkt"), "invalid_grade", "decided_grade"),
        (lambda: GradingPolicy(good=Decimal("0.99")), "invalid_policy", "good"),
        (lambda: GradingPolicy(unmeasured_cap="bäst"), "invalid_grade", "unmeasured_cap"),
        (lambda: GradingPolicy(share_basis="rounded"), "unknown_variant", "share_basis"),
        (lambda: Report("X", "2017-H2"), "invalid_period", "period"),
        (lambda: Report("X", "2017", [start(), start()]), "duplicate_id", "interventions[1].id"),
        (lambda: finsam.grade(start()).explain("de"), "unknown_variant", "language"),
        (lambda: finsam.sample_report(1999), "invalid_value", "year"),
        (lambda: Grade.parse("Ej tillämpbar"), "invalid_grade", "grade"),
    ]
    for make, code, path in cases:
        with pytest.raises(FinsamError) as caught:
            make()
        assert (caught.value.code, caught.value.path) == (code, path), caught.value


def test_error_classes_and_positions() -> None:
    with pytest.raises(finsam.JsonSyntaxError) as caught:
        Report.from_json('{"format_version": 1,\n  "organisation": }')
    error = caught.value
    assert isinstance(error, FinsamError) and isinstance(error, ValueError)
    assert (error.code, error.line, error.column) == ("json_syntax", 2, 19)
    assert error.path == "organisation"
    assert str(error) == "[json_syntax] organisation: the text is not valid JSON: expected value (line 2, column 19)"
    with pytest.raises(finsam.PolicyError):
        GradingPolicy(acceptable=Decimal("0.9"))
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is finsam.JsonSyntaxError
    assert (again.code, again.path, again.line, again.column, str(again)) == (
        "json_syntax",
        "organisation",
        2,
        19,
        str(error),
    )
    assert FinsamError("x").code == "internal_error"


def test_wrong_python_types_raise_type_error() -> None:
    with pytest.raises(TypeError):
        Intervention(id="x", name="X", goals=[1])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        finsam.grade("start")  # type: ignore[arg-type]


def test_grade_enum_parses_labels_and_orders() -> None:
    assert Grade.parse("Mycket God") is Grade.VERY_GOOD
    assert Grade.parse("  godtagbart ") is Grade.ACCEPTABLE
    assert Grade.parse("not_met") is Grade.NOT_MET
    assert [g.label_sv for g in Grade] == ["Mycket god", "God", "Godtagbar", "Ej uppfyllt"]
    assert [g.label_en for g in Grade] == ["Very good", "Good", "Acceptable", "Not met"]
    assert Grade.GOOD.label("en") == "Good"
    assert [g.rank for g in Grade] == [3, 2, 1, 0]
    assert sorted(Grade) == [Grade.NOT_MET, Grade.ACCEPTABLE, Grade.GOOD, Grade.VERY_GOOD]
    assert Grade.GOOD > Grade.ACCEPTABLE and Grade.GOOD >= Grade.GOOD and not Grade.GOOD < Grade.NOT_MET
    assert (str(Grade.VERY_GOOD), repr(Grade.VERY_GOOD), Grade.VERY_GOOD.code) == (
        "Mycket god",
        "Grade.VERY_GOOD",
        "very_good",
    )
    with pytest.raises(TypeError):
        _ = Grade.GOOD < 2  # type: ignore[operator]


def test_decided_grades() -> None:
    printed = DecidedGrade.from_printed("Godtagbart", reason="Beslut i styrelsen")
    assert (printed.grade, printed.printed, printed.reason, printed.code) == (
        Grade.ACCEPTABLE,
        "Godtagbart",
        "Beslut i styrelsen",
        "acceptable",
    )
    closed = DecidedGrade("Ej tillämpbar", reason="Avslutad i mars")
    assert (closed.grade, closed.not_applicable, closed.label(), closed.label("en")) == (
        None,
        True,
        "Ej tillämpbar",
        "Not applicable",
    )
    assert DecidedGrade(Grade.GOOD) == DecidedGrade("god")
    intervention = Intervention(id="x", name="X", decided_grade=Grade.GOOD)
    assert intervention.decided_grade == DecidedGrade(Grade.GOOD)
    assert Intervention(id="x", name="X", decided_grade=closed).decided_grade == closed
    assert repr(closed) == "DecidedGrade('Ej tillämpbar', reason='Avslutad i mars')"


def test_value_semantics_repr_and_frozen() -> None:
    assert start() == start() and hash(start()) == hash(start())
    assert start() != Intervention(id="start", name="START")
    assert Result.count(3) == Result.count(Decimal("3")) and Result.count(3) != Result.count(4)
    assert Result.count(3) != "3"
    assert {Goal.count("a", 1), Goal.count("a", 1)} == {Goal.count("a", 1)}
    goal = Goal.count("20 nya", 20, unit="nya deltagare", result=Result.count(21, text="21 nya"))
    assert repr(goal) == "Goal.count('20 nya', Decimal('20'), unit='nya deltagare', result=Result.count(Decimal('21'), text='21 nya'))"
    assert eval(repr(goal), {"Goal": Goal, "Result": Result, "Decimal": Decimal}) == goal
    at_most = Goal.share("Högst 10 % avbrott", 10, direction="at_most", result=Result.not_measured("Ej mätbart"))
    assert eval(repr(at_most), {"Goal": Goal, "Result": Result, "Decimal": Decimal}) == at_most
    assert repr(Result.qualitative("4 möten", "reached")) == "Result.qualitative('4 möten', 'reached')"
    assert repr(GradingPolicy()) == (
        "GradingPolicy(very_good=Decimal('0.95'), good=Decimal('0.85'), acceptable=Decimal('0.50'), "
        "unmeasured_cap=Grade.GOOD, none_measured=Grade.NOT_MET, share_basis='fraction')"
    )
    with pytest.raises(AttributeError):
        goal.description = "y"  # type: ignore[misc]
    with pytest.raises(TypeError):
        type("Sub", (Goal,), {})
    for value in (start(), GradingPolicy(good="0.8"), finsam.sample_report(2015)):
        assert copy.deepcopy(value) == value
        assert pickle.loads(pickle.dumps(value)) == value


def test_result_accessors() -> None:
    share = Result.share(percent=93, numerator=89, denominator=93, text="93 % (89 av 93)")
    assert (share.type, share.percent, share.numerator, share.denominator, share.text) == (
        "share",
        Decimal(93),
        Decimal(89),
        Decimal(93),
        "93 % (89 av 93)",
    )
    assert share.fraction_percent is not None and share.fraction_percent.quantize(Decimal("0.01")) == Decimal("95.70")
    assert (share.value, share.assessment, share.wording) == (None, None, None)
    assert Result.qualitative("4 möten", "not_assessed").assessment == "not_assessed"
    assert [r.type for r in (Result.not_measured(), Result.not_applicable("Ej tillämpbart"), Result.missing())] == [
        "not_measured",
        "not_applicable",
        "missing",
    ]
    assert Result.not_applicable("Ej tillämpbart").wording == "Ej tillämpbart"
    assert Goal.qualitative("Ökad programtrohet").result == Result.missing()


def test_custom_policy_changes_the_grade() -> None:
    lenient = GradingPolicy(
        very_good=Decimal("0.6"), good="0.5", acceptable=Decimal("0.3"), unmeasured_cap=Grade.VERY_GOOD
    )
    assert lenient.edges == (Decimal("0.6"), Decimal("0.5"), Decimal("0.3"))
    assert (lenient.unmeasured_cap, lenient.none_measured, lenient.share_basis) == (
        Grade.VERY_GOOD,
        Grade.NOT_MET,
        "fraction",
    )
    assert lenient.band(Decimal("0.55")) is Grade.GOOD
    assert GradingPolicy().band("0.95") is Grade.VERY_GOOD and GradingPolicy().band("0.9499") is Grade.GOOD
    assert GradingPolicy().edge("God") == Decimal("0.85") and GradingPolicy().edge(Grade.NOT_MET) is None
    halfway = Intervention(id="h", name="H", goals=[Goal.count("10", 10, result=Result.count(6))])
    assert finsam.grade(halfway).grade is Grade.ACCEPTABLE
    assert finsam.grade(halfway, lenient).grade is Grade.VERY_GOOD
    assert halfway.grade(policy=lenient) == finsam.grade(halfway, lenient)
    assert GradingPolicy.from_json(lenient.to_json()) == lenient
    assert GradingPolicy() == GradingPolicy.from_json("{}")
    printed = GradingPolicy(share_basis="printed")
    only = Intervention(id="s", name="S", goals=[Goal.share("50 %", 50, result=Result.share(percent=40, numerator=1, denominator=2))])
    assert (finsam.grade(only).score, finsam.grade(only, printed).score) == (Decimal("1"), Decimal("0.8"))


def test_report_json_round_trip_and_files(tmp_path: Path, sample_path: Path) -> None:
    report = Report.load(sample_path)
    assert report == Report.load(str(sample_path))
    assert report == finsam.sample_report(2017) == finsam.sample_report()
    assert report.organisation == "Samordningsförbundet Huddinge Botkyrka Salem"
    assert report.period == "2017"
    assert Report.from_json(report.to_json()) == report
    assert Report.from_json(report.to_json(pretty=True)) == report
    target = tmp_path / "kopia.json"
    report.save(target)
    assert Report.load(target) == report
    assert target.read_text(encoding="utf-8").startswith('{\n  "format_version": 1,')
    with pytest.raises(FileNotFoundError):
        Report.load(tmp_path / "saknas.json")
    built = Report("Samordningsförbundet Exempel", "2019-H1", [start()])
    assert (built.period, [i.id for i in built.interventions]) == ("2019-H1", ["start"])
    assert built.intervention("start") == start() and built.intervention("nope") is None
    assert Intervention.from_json(start().to_json()) == start()
    assert repr(built) == "<Report 'Samordningsförbundet Exempel' 2019-H1: 1 intervention(s)>"


def test_intervention_fields() -> None:
    full = Intervention(
        id="upis",
        name="Ungdomsprojektet i Salem",
        kind="structural",
        status="closed",
        aliases=["Upis", "Unga på väg i Salem (UPIS)"],
        owner="Salems kommun",
        partners=["Arbetsförmedlingen"],
        target_group="Unga 16-29 år",
        start_year=2014,
        notes="Transkriberad från Bilaga 2",
    )
    assert (full.kind, full.status, full.owner, full.partners, full.target_group, full.start_year, full.notes) == (
        "structural",
        "closed",
        "Salems kommun",
        ["Arbetsförmedlingen"],
        "Unga 16-29 år",
        2014,
        "Transkriberad från Bilaga 2",
    )
    assert full.is_called("UPIS") and not full.is_called("Slussen")
    assert finsam.grade(full).grade is None and finsam.grade(full).rule.code == "no_gradable_goals"


def test_rules_in_detail() -> None:
    capped = Intervention(
        id="c",
        name="C",
        goals=[Goal.count("a", 1, result=Result.count(1)), Goal.count("b", 1, result=Result.not_measured())],
    )
    rule = finsam.grade(capped).rule
    assert (rule.code, rule.band, rule.cap, rule.unmeasured, rule.edge, rule.grade) == (
        "capped_for_unmeasured",
        Grade.VERY_GOOD,
        Grade.GOOD,
        1,
        None,
        None,
    )
    assert rule.explain(Decimal(1), "en").startswith("Rule: the mean 1 lies in the band of Very good, but 1 goal(s)")
    nothing = finsam.grade(Intervention(id="n", name="N", goals=[Goal.count("a", 1)])).rule
    assert (nothing.code, nothing.grade, nothing.unmeasured, nothing.band) == ("none_measured", Grade.NOT_MET, 1, None)


def test_grade_many_and_calibrate() -> None:
    rows = [
        Intervention(id=f"r{score}", name=f"R{score}", goals=[Goal.count("100", 100, result=Result.count(score))], decided_grade=decided)
        for score, decided in [(92, "Mycket god"), (83, "God"), (45, "Godtagbar"), (30, "Ej uppfyllt"), (100, "Mycket god")]
    ]
    assessments = finsam.grade_many(rows)
    assert isinstance(assessments, finsam.AssessmentList) and isinstance(assessments, Sequence)
    assert [a.grade for a in assessments] == [Grade.GOOD, Grade.ACCEPTABLE, Grade.NOT_MET, Grade.NOT_MET, Grade.VERY_GOOD]
    assert assessments == [finsam.grade(r) for r in rows]
    calibration = finsam.calibrate(rows)
    assert calibration.edges == (Decimal("0.9"), Decimal("0.8"), Decimal("0.4"))
    assert (calibration.considered, calibration.agreeing, calibration.baseline_agreeing) == (5, 5, 2)
    assert calibration.agreement == Decimal(1)
    assert calibration.disagreements == [] and calibration.excluded == []
    assert calibration.confusion.get(Grade.GOOD, "God") == 1 and calibration.confusion.total == 5
    assert len(calibration.confusion.cells) == 16
    assert calibration.confusion.cells[0] == (Grade.VERY_GOOD, Grade.VERY_GOOD, 2)
    assert calibration.policy.edges == calibration.edges
    assert finsam.grade_many([]) == []
    with pytest.raises(FinsamError) as caught:
        finsam.calibrate(rows, GradingPolicy.from_json('{"good": "2"}'))
    assert caught.value.code == "invalid_policy"


def test_sample_report_calibration(sample_path: Path) -> None:
    report = Report.load(sample_path)
    calibration = report.calibrate()
    assert calibration == finsam.calibrate(report.interventions)
    assert calibration.considered == calibration.agreeing + len(calibration.disagreements)
    assert {e.reason for e in calibration.excluded} <= {"no_decided_grade", "decided_not_applicable", "no_gradable_goals"}
    assert calibration.agreeing >= calibration.baseline_agreeing
