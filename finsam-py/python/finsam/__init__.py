"""finsam: follow-up of interventions funded by Swedish coordination associations (Finsam).

Load a report (``Report.load``, ``Report.from_json``), or build interventions, goals and results
with keyword arguments; grade them (``grade``, ``grade_many``, ``Report.grade``) with the default
or a custom ``GradingPolicy``; read and explain each ``Assessment`` in Swedish or English;
count how many computed grades agree with the grades an association decided (``agreement``) and
calibrate the policy against them (``calibrate``); and look at the
goal-fulfilment table in a notebook or as a pandas DataFrame (``Report.to_pandas``). Check the
arithmetic of a report (``check``, ``Report.check``: flow rows, totals, printed percentages,
goals against the flow table, end reasons, conflicting targets, and the economics) and read its
participant-flow and end-reason tables (``Report.flows``, ``Report.end_reasons``). Read a
report's economics (``Report.economics``: the statement, local cost rules, budget against outcome
per intervention, the full-year forecast) and what the library computes from them
(``Economics.summary``), and count exact ``Money`` in tkr or SEK. Read goal and result cells
as printed (``read_cells``, with an ``Issue`` for whatever the parser is unsure of) and build
interventions and reports from them (``Intervention.from_text``, ``Report.from_text``); render a
report's tables as Markdown, HTML or CSV (``Report.render``, ``Report.render_flows``); and follow
interventions and goals across years (``ReportSeries``, ``SeriesComparison.grades_to_pandas``,
``goals_to_pandas``: one column per period).

Decimals are ``decimal.Decimal`` (a ``float`` is refused); grades are ``Grade``; every error is
a ``FinsamError`` with a stable ``code``, the ``path`` of the field and its message in Swedish and
English. Values that are only data (a statement's lines, a rule's outcome, a flow row, ...) are
frozen dataclasses generated from the core's types (``finsam._records``).
"""

from typing import TYPE_CHECKING

from ._assessments import AssessmentList
from ._diagnostics import DiagnosticList
from ._errors import FinsamError, InternalError, JsonSyntaxError, PolicyError
from ._finsam import (
    FORMAT_VERSION,
    MAX_CELL_CHARS,
    Aligned,
    Appearance,
    Assessment,
    Calibration,
    ConfusionMatrix,
    CostRule,
    DecidedGrade,
    Diagnostic,
    Economics,
    EndReasonTable,
    FlowTable,
    Forecast,
    Goal,
    GoalAssessment,
    GoalCell,
    GoalHistory,
    GoalItem,
    GoalPoint,
    GradingPolicy,
    Intervention,
    InterventionCosts,
    InterventionHistory,
    Issue,
    Money,
    Reading,
    Report,
    ReportSeries,
    Result,
    ResultCell,
    ResultItem,
    Rule,
    Statement,
    SeriesComparison,
    TextIntervention,
    TextReport,
    __version__,
    agreement,
    calibrate,
    check,
    grade,
    grade_many,
    id_from_name,
    parse_goal_cell,
    parse_number,
    parse_result_cell,
    read_cells,
    sample_report,
    validate_json,
)
from ._grade import Grade
from ._reading import read_report

if TYPE_CHECKING:
    from ._records import (
        Agreement,
        CostGroup,
        Costs,
        Deviation,
        Disagreement,
        EconomicsSummary,
        EndReasonRow,
        EndReasonTotals,
        Excluded,
        Figures,
        FlowFigures,
        FlowRow,
        ForecastFigures,
        ForecastOutcome,
        GenderShares,
        GroupSummary,
        Income,
        InterventionCost,
        InterventionCostGroup,
        Line,
        MemberShare,
        MemberSplit,
        OfWhom,
        Part,
        Place,
        PlannedCost,
        PrintedPart,
        ReadingIssue,
        RuleFigures,
        RuleOutcome,
        ShareBasisTrial,
        StatedBudget,
        StatedCost,
        StatedCounts,
        StatementSummary,
    )


def __getattr__(name: str) -> object:
    # The records (frozen dataclasses generated from the core's types) are imported on first
    # use, so that ``import finsam`` stays fast.
    import importlib

    if name == "charts":
        # The charts (finsam.charts) import matplotlib only when one is drawn.
        return importlib.import_module("finsam.charts")
    _records = importlib.import_module("finsam._records")
    if name in _records.__all__:
        return getattr(_records, name)
    raise AttributeError(f"module 'finsam' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

__all__ = [
    "FORMAT_VERSION",
    "MAX_CELL_CHARS",
    "Agreement",
    "Aligned",
    "Appearance",
    "Assessment",
    "AssessmentList",
    "Calibration",
    "ConfusionMatrix",
    "CostGroup",
    "CostRule",
    "Costs",
    "DecidedGrade",
    "Deviation",
    "Diagnostic",
    "DiagnosticList",
    "Disagreement",
    "Economics",
    "EconomicsSummary",
    "EndReasonRow",
    "EndReasonTable",
    "EndReasonTotals",
    "Excluded",
    "Figures",
    "FinsamError",
    "FlowFigures",
    "FlowRow",
    "FlowTable",
    "Forecast",
    "ForecastFigures",
    "ForecastOutcome",
    "Goal",
    "GoalAssessment",
    "GoalCell",
    "GoalHistory",
    "GoalItem",
    "GoalPoint",
    "Grade",
    "GradingPolicy",
    "GroupSummary",
    "Income",
    "InternalError",
    "Intervention",
    "InterventionCost",
    "InterventionCostGroup",
    "InterventionCosts",
    "InterventionHistory",
    "Issue",
    "JsonSyntaxError",
    "Line",
    "MemberShare",
    "MemberSplit",
    "GenderShares",
    "Money",
    "PlannedCost",
    "PolicyError",
    "Report",
    "OfWhom",
    "Part",
    "Place",
    "PrintedPart",
    "Reading",
    "ReadingIssue",
    "ReportSeries",
    "Result",
    "ResultCell",
    "ResultItem",
    "Rule",
    "RuleFigures",
    "RuleOutcome",
    "ShareBasisTrial",
    "StatedBudget",
    "StatedCost",
    "StatedCounts",
    "Statement",
    "SeriesComparison",
    "StatementSummary",
    "TextIntervention",
    "TextReport",
    "__version__",
    "agreement",
    "calibrate",
    "check",
    "grade",
    "grade_many",
    "id_from_name",
    "parse_goal_cell",
    "parse_number",
    "parse_result_cell",
    "read_cells",
    "read_report",
    "sample_report",
    "validate_json",
]
