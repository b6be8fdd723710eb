"""finsam: follow-up of interventions funded by Swedish coordination associations (Finsam).

Load a report (``Report.load``, ``Report.from_json``), or build interventions, goals and results
with keyword arguments; grade them (``grade``, ``grade_many``, ``Report.grade``) with the default
or a custom ``GradingPolicy``; read and explain each ``Assessment`` in Swedish or English;
calibrate the policy against the grades an association decided (``calibrate``); and look at the
goal-fulfilment table in a notebook or as a pandas DataFrame (``Report.to_pandas``). Check the
arithmetic of a report (``check``, ``Report.check``: flow rows, totals, printed percentages,
goals against the flow table, end reasons, conflicting targets) and read its participant-flow
and end-reason tables (``Report.flows``, ``Report.end_reasons``).

Decimals are ``decimal.Decimal`` (a ``float`` is refused); grades are ``Grade``; every error is
a ``FinsamError`` with a stable ``code`` and the ``path`` of the field.
"""

from ._assessments import AssessmentList
from ._diagnostics import DiagnosticList
from ._errors import FinsamError, InternalError, JsonSyntaxError, PolicyError
from ._finsam import (
    FORMAT_VERSION,
    Assessment,
    Calibration,
    ConfusionMatrix,
    DecidedGrade,
    Diagnostic,
    Disagreement,
    EndReasonRow,
    EndReasonTable,
    EndReasonTotals,
    Excluded,
    FlowFigures,
    FlowRow,
    FlowTable,
    Goal,
    GoalAssessment,
    GradingPolicy,
    Intervention,
    Report,
    Result,
    Rule,
    __version__,
    calibrate,
    check,
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
    "Diagnostic",
    "DiagnosticList",
    "Disagreement",
    "EndReasonRow",
    "EndReasonTable",
    "EndReasonTotals",
    "Excluded",
    "FinsamError",
    "FlowFigures",
    "FlowRow",
    "FlowTable",
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
    "check",
    "grade",
    "grade_many",
    "sample_report",
    "validate_json",
]
