"""The agreement of computed grades with decided ones, and calibration's trial of both share
bases, through the binding: the figures of the sample reports, as the core computes them."""

from __future__ import annotations

from decimal import Decimal

import pytest

import finsam
from finsam import FinsamError, Goal, GradingPolicy, Intervention, Result

# year: (graded, agreeing, not_graded, not_computed), Swedish, English
AGREEMENT = {
    2014: (
        (0, 0, 13, 0),
        "Inga bedömda rader att jämföra med förbundets beslut; 13 inte bedömda",
        "No graded rows to compare with the association's decision; 13 not graded",
    ),
    2015: (
        (10, 9, 0, 0),
        "9 av 10 bedömda rader stämmer med förbundets beslut",
        "9 of 10 graded rows agree with the association's decision",
    ),
    2017: (
        (7, 5, 3, 0),
        "5 av 7 bedömda rader stämmer med förbundets beslut; 3 inte bedömda",
        "5 of 7 graded rows agree with the association's decision; 3 not graded",
    ),
}


@pytest.mark.parametrize("year", sorted(AGREEMENT))
def test_agreement_of_the_sample_reports(year: int) -> None:
    counts, swedish, english = AGREEMENT[year]
    assessments = finsam.sample_report(year).grade()
    agreement = assessments.agreement()
    assert isinstance(agreement, finsam.Agreement)
    assert (agreement.graded, agreement.agreeing, agreement.not_graded, agreement.not_computed) == counts
    assert agreement.text() == swedish == str(agreement)
    assert agreement.text("sv") == swedish
    assert agreement.text("en") == english
    # The function takes the list, or any sequence of assessments.
    assert finsam.agreement(assessments) == agreement
    assert finsam.agreement(list(assessments)) == agreement
    assert finsam.agreement(assessments[:0]) == finsam.Agreement(graded=0, agreeing=0, not_graded=0, not_computed=0)


def test_a_row_with_a_decided_grade_but_nothing_to_grade_is_counted_apart() -> None:
    rows = [
        Intervention(id="a", name="A", goals=[Goal.count("10", 10, result=Result.count(10))], decided_grade="Mycket god"),
        Intervention(id="b", name="B", goals=[Goal.count("10", 10, result=Result.count(6))], decided_grade="Mycket god"),
        Intervention(id="c", name="C", decided_grade="God"),
        Intervention(id="d", name="D", goals=[Goal.count("10", 10, result=Result.count(10))]),
    ]
    agreement = finsam.agreement(finsam.grade_many(rows))
    assert (agreement.graded, agreement.agreeing, agreement.not_graded, agreement.not_computed) == (2, 1, 1, 1)
    assert agreement.text("en") == (
        "1 of 2 graded rows agrees with the association's decision; 1 not graded; 1 without a computed grade"
    )
    assert agreement.text() == (
        "1 av 2 bedömda rader stämmer med förbundets beslut; 1 inte bedömd; 1 utan beräknad grad"
    )


def test_agreement_refuses_what_is_not_an_assessment() -> None:
    with pytest.raises(TypeError):
        finsam.agreement([1, 2])  # type: ignore[list-item]
    impossible = finsam.Agreement(graded=1, agreeing=2, not_graded=0, not_computed=0)
    with pytest.raises(FinsamError) as caught:
        impossible.text()
    assert caught.value.code == "invalid_value"
    assert caught.value.path.endswith("agreeing")


# year: agreeing on either basis (they tie on the samples), edge of God calibrated on fractions
SHARE_BASIS = {2014: (0, Decimal("0.85")), 2015: (9, Decimal("0.85")), 2017: (6, Decimal("0.8"))}


@pytest.mark.parametrize("year", sorted(SHARE_BASIS))
def test_calibration_tries_both_share_bases(year: int) -> None:
    agreeing, good = SHARE_BASIS[year]
    report = finsam.sample_report(year)
    calibration = report.calibrate()
    trial = calibration.share_basis
    assert isinstance(trial, finsam.ShareBasisTrial)
    assert (trial.fraction, trial.printed, trial.chosen) == (agreeing, agreeing, "fraction")
    assert calibration.agreeing == agreeing
    assert calibration.policy.share_basis == "fraction"
    assert calibration.policy.good == good
    # A tie keeps the starting basis; on the printed figures the default edges do as well.
    from_printed = report.calibrate(GradingPolicy(share_basis="printed"))
    assert (from_printed.share_basis.fraction, from_printed.share_basis.printed) == (agreeing, agreeing)
    assert from_printed.share_basis.chosen == "printed"
    assert from_printed.policy.share_basis == "printed"
    assert from_printed.policy.good == Decimal("0.85")
    assert '"share_basis":{"fraction":' in calibration.to_json()


def test_calibration_chooses_the_printed_basis_when_it_agrees_more() -> None:
    # 9 of 20 printed as 50 %: 0.9 on the fraction, 1 as printed; beside a count at 0.9
    # decided God, only the printed figure tells the two decisions apart.
    share = Result.share(percent=Decimal("50"), numerator=9, denominator=20)
    rows = [
        Intervention(id="a", name="A", goals=[Goal.share("50 %", 50, result=share)], decided_grade="Mycket god"),
        Intervention(id="b", name="B", goals=[Goal.count("100", 100, result=Result.count(90))], decided_grade="God"),
    ]
    calibration = finsam.calibrate(rows)
    trial = calibration.share_basis
    assert (trial.fraction, trial.printed, trial.chosen) == (1, 2, "printed")
    assert calibration.policy.share_basis == "printed"
    assert (calibration.agreeing, calibration.baseline_agreeing) == (2, 1)
