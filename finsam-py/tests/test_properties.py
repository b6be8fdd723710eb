"""Property tests (hypothesis): grading is monotone, JSON round trips, no input crashes."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import finsam
from finsam import FinsamError, Goal, Grade, GradingPolicy, Intervention, Report, Result

counts = st.integers(min_value=0, max_value=10_000)
wordings = st.one_of(st.none(), st.text(min_size=1, max_size=20).filter(lambda s: s.strip() != ""))


@st.composite
def count_goals(draw: st.DrawFn) -> Goal:
    target = draw(st.integers(min_value=1, max_value=500))
    direction = draw(st.sampled_from(["at_least", "at_most"]))
    result = draw(
        st.one_of(
            counts.map(Result.count),
            wordings.map(Result.not_measured),
            wordings.map(Result.missing),
            wordings.map(Result.not_applicable),
        )
    )
    return Goal.count(f"{target} deltagare", target, direction=direction, result=result)


@st.composite
def share_goals(draw: st.DrawFn) -> Goal:
    target = draw(st.integers(min_value=1, max_value=100))
    denominator = draw(st.integers(min_value=1, max_value=300))
    numerator = draw(st.integers(min_value=0, max_value=denominator))
    percent = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=100)))
    result = Result.share(percent=percent, numerator=numerator, denominator=denominator)
    return Goal.share(f"{target} %", Decimal(target), result=result)


qualitative_goals = st.sampled_from(["reached", "not_reached", "not_assessed"]).map(
    lambda a: Goal.qualitative("Ökad samverkan", result=Result.qualitative("Möten hölls", a))
)
goals = st.one_of(count_goals(), share_goals(), qualitative_goals)
decided = st.one_of(st.none(), st.sampled_from(["Mycket god", "God", "Godtagbart", "Ej uppfyllt", "Ej tillämpbar"]))


@st.composite
def interventions(draw: st.DrawFn, index: int = 0) -> Intervention:
    return Intervention(
        id=f"i{index}",
        name=f"Insats {index}",
        kind=draw(st.sampled_from(["individual", "structural"])),
        goals=draw(st.lists(goals, max_size=5)),
        decided_grade=draw(decided),
    )


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=200), st.lists(counts, min_size=1, max_size=4), st.integers(0, 3), st.integers(1, 500))
def test_raising_one_result_never_lowers_the_grade(target: int, values: list[int], which: int, raise_by: int) -> None:
    which %= len(values)
    before = [Goal.count("mål", target, result=Result.count(v)) for v in values]
    after = list(before)
    after[which] = Goal.count("mål", target, result=Result.count(values[which] + raise_by))
    low = finsam.grade(Intervention(id="x", name="X", goals=before))
    high = finsam.grade(Intervention(id="x", name="X", goals=after))
    assert low.grade is not None and high.grade is not None
    assert high.grade >= low.grade
    assert low.score is not None and high.score is not None and high.score >= low.score


@settings(max_examples=100, deadline=None)
@given(st.lists(goals, max_size=6))
def test_attainment_is_within_bounds_and_grades_follow_the_rules(goal_list: list[Goal]) -> None:
    assessment = finsam.grade(Intervention(id="x", name="X", goals=goal_list))
    for goal in assessment.goals:
        assert goal.attainment is None or Decimal(0) <= goal.attainment <= Decimal(1)
    unmeasured = [g for g in assessment.goals if g.status in ("not_measured", "not_assessed", "missing")]
    if unmeasured and assessment.grade is not None:
        assert assessment.grade <= Grade.GOOD
    if all(g.status == "not_applicable" for g in assessment.goals):
        assert assessment.grade is None


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_report_json_round_trip(data: st.DataObject) -> None:
    count = data.draw(st.integers(min_value=0, max_value=4))
    items = [data.draw(interventions(index)) for index in range(count)]
    period = data.draw(st.sampled_from(["2015", "2017", "2019-H1"]))
    report = Report("Samordningsförbundet Exempel", period, items)
    again = Report.from_json(report.to_json())
    assert again == report
    assert again.to_json() == report.to_json()
    assert report.grade() == finsam.grade_many(items)


@settings(max_examples=100, deadline=None)
@given(st.floats(allow_nan=True, allow_infinity=True))
def test_every_float_is_refused(value: float) -> None:
    for make in (lambda: Result.count(value), lambda: GradingPolicy(good=value), lambda: Goal.share("x", value)):
        try:
            make()  # type: ignore[no-untyped-call]
        except FinsamError as error:
            assert error.code == "invalid_type"
        else:
            raise AssertionError("a float was accepted")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_no_text_crashes_the_loaders(text: str) -> None:
    for load in (Report.from_json, Intervention.from_json, GradingPolicy.from_json, Grade.parse):
        try:
            load(text)
        except FinsamError as error:
            assert error.code != "internal_error"
            assert isinstance(error.code, str) and error.code


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(list(Grade)), st.sampled_from(["sv", "en"]))
def test_grade_labels_parse_back(grade: Grade, language: str) -> None:
    assert Grade.parse(grade.label(language)) is grade
    assert Grade.parse(grade.label(language).upper()) is grade
    assert Grade.parse(grade.code) is grade


SAMPLE_2017 = finsam.sample_report(2017).grade()
indexes = st.integers(min_value=-(2**70), max_value=2**70) | st.integers(min_value=-12, max_value=12)
bounds = st.none() | indexes
steps = st.none() | st.integers(min_value=-12, max_value=12).filter(lambda n: n != 0)


@settings(max_examples=300, deadline=None)
@given(index=indexes, start=bounds, stop=bounds, step=steps)
def test_an_assessment_list_indexes_and_slices_as_a_list_of_its_items(
    index: int, start: int | None, stop: int | None, step: int | None
) -> None:
    items = list(SAMPLE_2017)
    try:
        expected = items[index]
    except IndexError:
        try:
            SAMPLE_2017[index]
        except IndexError:
            pass
        else:
            raise AssertionError(f"index {index} did not raise IndexError")
    else:
        assert SAMPLE_2017[index] == expected
    sliced = SAMPLE_2017[start:stop:step]
    assert isinstance(sliced, finsam.AssessmentList)
    assert list(sliced) == items[start:stop:step]
