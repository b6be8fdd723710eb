"""finsam: follow-up of interventions funded by Swedish coordination associations (Finsam).

Load a report (``Report.load``, ``Report.from_json``), or build interventions, goals and results
with keyword arguments; grade them (``grade``, ``grade_many``, ``Report.grade``) with the default
or a custom ``GradingPolicy``; read and explain each ``Assessment`` in Swedish or English;
calibrate the policy against the grades an association decided (``calibrate``); and look at the
goal-fulfilment table in a notebook or as a pandas DataFrame (``Report.to_pandas``).

Decimals are ``decimal.Decimal`` (a ``float`` is refused); grades are ``Grade``; every error is
a ``FinsamError`` with a stable ``code`` and the ``path`` of the field.
"""

from ._assessments import AssessmentList
from ._errors import FinsamError, InternalError, JsonSyntaxError, PolicyError
from ._finsam import (
    FORMAT_VERSION,
    Assessment,
    Calibration,
    ConfusionMatrix,
    DecidedGrade,
    Disagreement,
    Excluded,
    Goal,
    GoalAssessment,
    GradingPolicy,
    Intervention,
    Report,
    Result,
    Rule,
    __version__,
    calibrate,
    grade,
    grade_many,
    sample_report,
    validate_json,
)
from ._grade import Grade

__all__ = [
    "FORMAT_VERSION",
    "Assessment",
    "AssessmentList",
    "Calibration",
    "ConfusionMatrix",
    "DecidedGrade",
    "Disagreement",
    "Excluded",
    "FinsamError",
    "Goal",
    "GoalAssessment",
    "Grade",
    "GradingPolicy",
    "Intervention",
    "InternalError",
    "JsonSyntaxError",
    "PolicyError",
    "Report",
    "Result",
    "Rule",
    "__version__",
    "calibrate",
    "grade",
    "grade_many",
    "sample_report",
    "validate_json",
]
