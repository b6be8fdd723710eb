"""Python-side benchmarks of finsam, measured side by side in one run.

1. Grading 10 000 interventions (three goals each) with ``finsam.grade_many`` against a
   pure-Python implementation of the same default policy written here with ``decimal.Decimal``
   (docs/domain.md §5) that returns the same information (per goal value, attainment and status; the
   score, grade, rule and the comparison with the decided grade). Both grade the same
   interventions, and their results are compared one by one before anything is timed. Target:
   finsam at least 20 times faster. ``grade_many`` returns an ``AssessmentList`` held in Rust,
   whose items become Python objects when read; the time to grade and then read every item is
   printed too.
2. ``import finsam`` in a fresh interpreter. Target: under 50 ms.

Run ``make bench`` (or ``.venv/bin/python benches/python/grading.py`` after
``scripts/test-python.sh``). Medians of several runs; the machines are shared and noisy.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
from decimal import Decimal
from typing import Callable, Optional

import finsam

SIZE = 10_000
RUNS = 7
GRADE_TARGET = 20.0
IMPORT_TARGET_MS = 50.0

# ------------------------------------------------------------------------------------------
# The default policy in pure Python, with decimal.Decimal.

VERY_GOOD, GOOD, ACCEPTABLE = Decimal("0.95"), Decimal("0.85"), Decimal("0.50")
RANKS = {"not_met": 0, "acceptable": 1, "good": 2, "very_good": 3}


def band(score: Decimal) -> str:
    if score >= VERY_GOOD:
        return "very_good"
    if score >= GOOD:
        return "good"
    if score >= ACCEPTABLE:
        return "acceptable"
    return "not_met"


def assess_goal(index: int, goal: dict) -> dict:
    """One goal's value, attainment in [0, 1] (None when not measured) and status, as finsam's
    GoalAssessment gives them."""
    result = goal["result"]
    kind = result["type"]
    value: Optional[Decimal] = None
    attainment: Optional[Decimal] = None
    if kind == "qualitative":
        attainment = {"reached": Decimal(1), "not_reached": Decimal(0)}.get(result["assessment"])
        status = {"reached": "reached", "not_reached": "not_reached"}.get(result["assessment"], "not_assessed")
    elif kind in ("count", "share"):
        value = result["value"] if kind == "count" else result["numerator"] * 100 / result["denominator"]
        target = goal["target"]
        if goal["direction"] == "at_most":
            attainment = Decimal(1) if value <= target else target / value
        else:
            attainment = Decimal(1) if value >= target else value / target
        status = "reached" if attainment >= 1 else ("not_reached" if attainment == 0 else "partly_reached")
    else:
        status = kind
    return {
        "index": index,
        "description": goal["description"],
        "target": goal["target"],
        "value": value,
        "attainment": attainment,
        "status": status,
    }


def grade_pure(intervention: dict) -> dict:
    """An assessment as finsam's: per goal value, attainment and status; the score, the grade,
    the rule that set it, and the comparison with the decided grade."""
    goals = [assess_goal(index, goal) for index, goal in enumerate(intervention["goals"])]
    measured = [g["attainment"] for g in goals if g["attainment"] is not None]
    unmeasured = sum(1 for g in goals if g["status"] in ("not_measured", "not_assessed", "missing"))
    score: Optional[Decimal] = None
    if not measured and not unmeasured:
        grade, rule = None, "no_gradable_goals"
    elif not measured:
        grade, rule = "not_met", "none_measured"
    else:
        score = sum(measured, Decimal(0)) / len(measured)
        grade, rule = band(score), "score_band"
        if unmeasured and RANKS[grade] > RANKS["good"]:
            grade, rule = "good", "capped_for_unmeasured"
    decided = intervention["decided"]
    if grade is None:
        comparison = "not_computed"
    elif RANKS[decided] == RANKS[grade]:
        comparison = "agrees"
    else:
        comparison = "decided_higher" if RANKS[decided] > RANKS[grade] else "decided_lower"
    return {
        "id": intervention["id"],
        "name": intervention["name"],
        "goals": goals,
        "score": score,
        "grade": grade,
        "rule": rule,
        "comparison": comparison,
    }


# ------------------------------------------------------------------------------------------
# Data: the same interventions for both.


def generate(size: int) -> tuple[list[finsam.Intervention], list[dict]]:
    rng = random.Random(2017)
    built, plain = [], []
    for index in range(size):
        target = rng.randrange(20, 100)
        value = rng.randrange(0, 120)
        denominator = rng.randrange(1, 200)
        numerator = rng.randrange(0, denominator + 1)
        share_target = rng.randrange(10, 70)
        third = rng.randrange(4)
        goals = [
            finsam.Goal.count("nya deltagare", target, result=finsam.Result.count(value)),
            finsam.Goal.share(
                "i arbete/studier",
                share_target,
                result=finsam.Result.share(numerator=numerator, denominator=denominator),
            ),
        ]
        dicts = [
            {
                "description": "nya deltagare",
                "target": Decimal(target),
                "direction": "at_least",
                "result": {"type": "count", "value": Decimal(value)},
            },
            {
                "description": "i arbete/studier",
                "target": Decimal(share_target),
                "direction": "at_least",
                "result": {"type": "share", "numerator": Decimal(numerator), "denominator": Decimal(denominator)},
            },
        ]
        if third == 0:
            goals.append(finsam.Goal.qualitative("Ökad samverkan", result=finsam.Result.not_measured("Ej mätbart")))
            dicts.append({"description": "Ökad samverkan", "target": None, "direction": "at_least", "result": {"type": "not_measured"}})
        elif third == 1:
            goals.append(
                finsam.Goal.qualitative(
                    "Ökad samverkan", result=finsam.Result.qualitative("Samverkan har ökat", "reached")
                )
            )
            dicts.append(
                {
                    "description": "Ökad samverkan",
                    "target": None,
                    "direction": "at_least",
                    "result": {"type": "qualitative", "assessment": "reached"},
                }
            )
        else:
            meetings = rng.randrange(0, 6)
            goals.append(finsam.Goal.count("4 möten", 4, result=finsam.Result.count(meetings)))
            dicts.append(
                {
                    "description": "4 möten",
                    "target": Decimal(4),
                    "direction": "at_least",
                    "result": {"type": "count", "value": Decimal(meetings)},
                }
            )
        decided = ["very_good", "good", "acceptable", "not_met"][rng.randrange(4)]
        built.append(
            finsam.Intervention(id=f"insats-{index}", name=f"Insats {index}", goals=goals, decided_grade=decided)
        )
        plain.append({"id": f"insats-{index}", "name": f"Insats {index}", "goals": dicts, "decided": decided})
    return built, plain


def median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def import_ms(runs: int) -> float:
    code = "import time; t = time.perf_counter(); import finsam; print((time.perf_counter() - t) * 1000)"
    times = [
        float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
        for _ in range(runs)
    ]
    return statistics.median(times)


def main() -> int:
    quick = "--quick" in sys.argv
    size, runs = (1_000, 3) if quick else (SIZE, RUNS)
    built, plain = generate(size)
    # Decimals compared to 20 places: the two libraries round the 28th digit of a quotient
    # differently (rust_decimal keeps 28 places, Python 28 significant digits).
    def places(value: Optional[Decimal]) -> Optional[Decimal]:
        return None if value is None else round(value, 20)

    native = [
        (
            a.grade.code if a.grade is not None else None,
            places(a.score),
            a.rule.code,
            a.comparison,
            [places(g.attainment) for g in a.goals],
        )
        for a in finsam.grade_many(built)
    ]
    pure = [
        (p["grade"], places(p["score"]), p["rule"], p["comparison"], [places(g["attainment"]) for g in p["goals"]])
        for p in (grade_pure(i) for i in plain)
    ]
    if native != pure:
        differing = [(a, b) for a, b in zip(native, pure) if a != b]
        print(f"the two implementations disagree on {len(differing)} of {size} interventions, e.g. {differing[0]}", file=sys.stderr)
        return 1
    fast = median_seconds(lambda: finsam.grade_many(built), runs)
    # `grade_many` returns an AssessmentList held in Rust; an Assessment object is made when an
    # item is read. Also timed: grading and then reading every assessment as an object.
    read = median_seconds(lambda: [a.grade for a in finsam.grade_many(built)], runs)
    slow = median_seconds(lambda: [grade_pure(intervention) for intervention in plain], runs)
    ratio = slow / fast
    milliseconds = import_ms(runs)
    print(f"python: grading {size} interventions × 3 goals (median of {runs} runs, the same grades)")
    print(f"  finsam.grade_many: {fast * 1000:8.1f} ms ({size * 3 / fast:,.0f} goals/s)")
    print(f"  pure Python:       {slow * 1000:8.1f} ms ({size * 3 / slow:,.0f} goals/s)")
    print(f"  finsam is {ratio:.1f}× faster (target: at least {GRADE_TARGET:.0f}×)")
    print(f"  finsam.grade_many, then every assessment read as an object: {read * 1000:.1f} ms ({slow / read:.1f}× faster)")
    print(f"python: import finsam: {milliseconds:.1f} ms (median of {runs} fresh interpreters; target under {IMPORT_TARGET_MS:.0f} ms)")
    met = ratio >= GRADE_TARGET and milliseconds < IMPORT_TARGET_MS
    if not met and not quick:
        print("python: a target was not met", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
