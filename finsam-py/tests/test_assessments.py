"""``AssessmentList``: the read-only sequence grading returns, held in Rust."""

from __future__ import annotations

import copy
import gc
from collections.abc import Sequence

import pytest

import finsam
from finsam import AssessmentList, Goal, Intervention, Result

IDS = [
    "adrian",
    "halsosam",
    "lyra",
    "samverkansteam-botkyrka",
    "samverkansteam-huddinge",
    "slussen",
    "start",
    "upis",
    "mojliggorarna",
    "mia",
]


@pytest.fixture
def graded() -> AssessmentList:
    return finsam.sample_report(2017).grade()


def test_is_a_sequence_of_assessments_in_report_order(graded: AssessmentList) -> None:
    assert isinstance(graded, Sequence) and not isinstance(graded, list)
    assert len(graded) == 10
    assert [a.intervention_id for a in graded] == IDS
    assert list(reversed(graded))[0].intervention_id == "mia"
    assert graded[0].intervention_id == "adrian" and graded[0].grade == finsam.Grade.ACCEPTABLE
    assert graded[-1].intervention_id == "mia" and graded[-10].intervention_id == "adrian"
    assert graded[0] == graded[0] and graded[0] is not graded[0]


def test_slices_are_lists_too(graded: AssessmentList) -> None:
    assert isinstance(graded[2:5], AssessmentList)
    assert [a.intervention_id for a in graded[2:5]] == IDS[2:5]
    assert [a.intervention_id for a in graded[::-3]] == IDS[::-3]
    assert [a.intervention_id for a in graded[-2:]] == ["mojliggorarna", "mia"]
    assert len(graded[20:]) == 0
    assert graded[:] == graded


def test_bad_indexes_raise_as_a_list_does(graded: AssessmentList) -> None:
    with pytest.raises(IndexError, match="AssessmentList index out of range"):
        graded[10]
    with pytest.raises(IndexError, match="AssessmentList index out of range"):
        graded[-11]
    with pytest.raises(IndexError, match="AssessmentList index out of range"):
        graded[2**80]
    with pytest.raises(TypeError, match="indices must be integers or slices, not str"):
        graded["adrian"]  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="slice step cannot be zero"):
        graded[::0]


def test_membership_index_and_count(graded: AssessmentList) -> None:
    lyra = graded[2]
    assert lyra in graded and "lyra" not in graded
    assert graded.index(lyra) == 2 and graded.count(lyra) == 1
    assert graded.count("lyra") == 0
    with pytest.raises(ValueError, match="not in the list"):
        graded[3:].index(lyra)


def test_equality_with_lists_tuples_and_other_lists(graded: AssessmentList) -> None:
    items = list(graded)
    assert graded == items and graded == tuple(items) and graded == AssessmentList(items)
    assert graded != items[:-1] and graded != list(reversed(items))
    assert graded != [1] * 10
    assert (graded == "text") is False
    assert AssessmentList() == [] and finsam.grade_many([]) == []
    with pytest.raises(TypeError, match="unhashable"):
        hash(graded)


def test_constructor_takes_any_iterable_of_assessments(graded: AssessmentList) -> None:
    chosen = AssessmentList(a for a in graded if a.grade == finsam.Grade.NOT_MET)
    assert [a.intervention_id for a in chosen] == [a.intervention_id for a in graded if a.grade == finsam.Grade.NOT_MET]
    with pytest.raises(TypeError, match=r"items must be Assessment, not int \(item 1\)"):
        AssessmentList([graded[0], 3])  # type: ignore[list-item]


def test_copies_are_the_same_list(graded: AssessmentList) -> None:
    assert copy.copy(graded) is graded and copy.deepcopy(graded) is graded


def test_tables_and_explanations_cover_every_item(graded: AssessmentList) -> None:
    text = graded.explain("en")
    assert text == "\n\n".join(a.explain("en") for a in graded)
    assert text.startswith("Adrian: computed goal fulfilment Acceptable (mean 0.629 over 2 measured goal(s))")
    html = graded[:2].to_html("en", caption="2017")
    assert "<caption>2017</caption>" in html and "Adrian" in html and "Hälsosam" in html and "Lyra" not in html
    assert html.count("<tr>") == 6  # the header and the two interventions' five goals
    assert graded._repr_html_() == graded.to_html()
    assert repr(graded[:1]) == f"AssessmentList([{graded[0]!r}])"
    assert repr(AssessmentList()) == "AssessmentList([])"


def test_iterators_are_independent() -> None:
    rows = [Intervention(id=f"i{n}", name=f"I{n}", goals=[Goal.count("10", 10, result=Result.count(n))]) for n in range(3)]
    graded = finsam.grade_many(rows)
    first, second = iter(graded), iter(graded)
    assert next(first).intervention_id == "i0" and next(first).intervention_id == "i1"
    assert next(second).intervention_id == "i0"
    assert [a.intervention_id for a in first] == ["i2"]
    assert list(first) == []


def test_an_item_outlives_its_list() -> None:
    graded = finsam.sample_report(2017).grade()
    lyra = graded[2]
    expected = lyra.explain("en")
    del graded
    gc.collect()
    assert lyra.intervention_id == "lyra" and lyra.explain("en") == expected
    assert lyra == finsam.sample_report(2017).grade()[2] and hash(lyra) == hash(finsam.sample_report(2017).grade()[2])
