"""Charts of a report for a notebook: goal attainment, scores against the band edges, participant
flows by gender, and budget against outcome.

Each function takes a ``Report`` and returns a ``Chart``: the matplotlib ``Figure``
(``Chart.figure``), the rows it was drawn from (``Chart.data``: plain dicts with exact
``decimal.Decimal`` values, made from the rows the package already returns) and a Vega-Lite v5
spec with the same rows inline (``Chart.vega_lite()``). In a notebook a chart shows as a PNG,
or as Vega-Lite where the front-end renders it.

Axis titles and legend texts are the package's: the core's column headings (those of
``Report.to_pandas`` and ``FlowTable.to_pandas``), the grade labels (``Grade.label``) and the
goal statuses (``GoalAssessment.status_label``), in the ``language`` asked for (``"sv"`` or
``"en"``); the chart titles and the messages of an empty chart are the core's too
(``finsam_core::chart_text``), in the same language.

A chart with nothing to draw (a report without a flow table, a flow table without women and
men, no budget stated) is not an error: the function returns an empty chart (``Chart.empty``)
whose figure and spec say why (``Chart.message``).

The charts need matplotlib and pandas (``pip install finsam[notebook]``); importing this module
does not import them, calling a chart function without them raises ``ImportError``.
"""

from __future__ import annotations

import copy
import io
import json
import os
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from . import _finsam
from ._finsam import GradingPolicy, Money, Report
from ._grade import Grade

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "VEGA_LITE_MIME",
    "VEGA_LITE_SCHEMA",
    "Chart",
    "budget_outcome",
    "flows_by_gender",
    "goal_attainment",
    "scores",
]

VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
"""The ``$schema`` of every spec ``Chart.vega_lite`` returns."""

VEGA_LITE_MIME = "application/vnd.vegalite.v5+json"
"""The MIME type under which ``Chart._repr_mimebundle_`` gives the Vega-Lite spec."""

Row = Dict[str, Any]

def _text(key: str, language: str) -> str:
    """A chart's title, legend or empty message: the core's (``finsam_core::chart_text``)."""
    return _finsam._chart_text(key, language)


_STATUS_COLOURS = {
    "reached": "#2e7d32",
    "partly_reached": "#f2a900",
    "not_reached": "#c62828",
    "not_measured": "#9e9e9e",
    "not_assessed": "#bdbdbd",
    "missing": "#616161",
    "not_applicable": "#d9d9d9",
}
_GRADE_COLOURS = {
    Grade.VERY_GOOD: "#1b5e20",
    Grade.GOOD: "#66bb6a",
    Grade.ACCEPTABLE: "#f2a900",
    Grade.NOT_MET: "#c62828",
}
_EDGE_GRADES = (Grade.VERY_GOOD, Grade.GOOD, Grade.ACCEPTABLE)
_GENDER_COLOURS = {"women": "#d95f02", "men": "#1b9e77", "other": "#7570b3"}
_MEASURE_COLOURS = {"budget": "#9ecae1", "outcome": "#3182bd"}


def _require() -> Any:
    """The ``Figure`` class of matplotlib, after making sure pandas is there too."""
    try:
        import pandas  # noqa: F401 - the headings come from the core's frames
        from matplotlib.figure import Figure
    except ImportError as error:
        missing = (error.name or "matplotlib").split(".")[0]
        raise ImportError(
            f"finsam.charts needs matplotlib and pandas ({missing} is not installed): "
            "pip install finsam[notebook]"
        ) from error
    return Figure


def _language(language: str) -> str:
    # The core refuses a language it does not have (FinsamError, code invalid_language).
    Grade.NOT_MET.label(language)
    return language


def _headings(frame: Any, language: str) -> Dict[str, str]:
    """The core's column headings of ``frame`` (a frame of ``to_pandas``) in ``language``."""
    headings: Mapping[str, Mapping[str, str]] = frame.attrs["headings"]
    return {key: labels[language] for key, labels in headings.items()}


def _plain(value: Any) -> Any:
    """A JSON value: a ``Decimal`` as a float (for drawing), anything else as it is."""
    if isinstance(value, Decimal):
        return float(value)
    return value


def _values(rows: Sequence[Row]) -> List[Row]:
    return [{key: _plain(value) for key, value in row.items()} for row in rows]


def _float(value: Optional[Decimal]) -> float:
    return float(value) if value is not None else 0.0


def _number(value: float, language: str) -> str:
    text = str(int(value)) if value == int(value) else f"{value:.10g}"
    return text.replace(".", ",") if language == "sv" else text


class Chart:
    """A chart of a report: the matplotlib figure, the rows it was drawn from and the same
    chart as a Vega-Lite v5 spec.

    ``data`` holds one plain dict per drawn row (exact ``Decimal`` values, codes as the core
    gives them); ``references`` the reference lines drawn over them (the band edges of
    ``scores``, the target of ``goal_attainment``; empty otherwise). An empty chart (``empty``)
    has no rows and a ``message`` saying why. In a notebook the chart shows as a PNG or, where
    the front-end renders it, as Vega-Lite."""

    def __init__(
        self,
        kind: str,
        title: str,
        language: str,
        data: List[Row],
        references: List[Row],
        spec: Dict[str, Any],
        figure: Figure,
        message: Optional[str] = None,
    ) -> None:
        self.kind = kind
        """Which chart: ``goal_attainment``, ``scores``, ``flows_by_gender`` or ``budget_outcome``."""
        self.title = title
        """The chart's title, in ``language``."""
        self.language = language
        """The language of the texts: ``"sv"`` or ``"en"``."""
        self.data = data
        """The rows drawn: plain dicts, decimals exact (``decimal.Decimal``)."""
        self.references = references
        """The reference lines drawn: plain dicts, decimals exact."""
        self.message = message
        """Why the chart is empty; ``None`` when it has rows."""
        self.figure = figure
        """The matplotlib ``Figure`` (not registered with pyplot: it is shown once, by the chart)."""
        self._spec = spec
        self._png: Optional[bytes] = None

    @property
    def empty(self) -> bool:
        """Whether the chart has no rows (``message`` says why)."""
        return not self.data

    def vega_lite(self) -> Dict[str, Any]:
        """The chart as a Vega-Lite v5 spec (a new dict each call), with ``data`` and
        ``references`` inline as JSON values: decimals as floats."""
        return copy.deepcopy(self._spec)

    def to_png(self, dpi: int = 100) -> bytes:
        """The figure as PNG bytes."""
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
        return buffer.getvalue()

    def save(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """Writes the chart to ``path``: the Vega-Lite spec for a ``.json`` file, otherwise the
        figure in the format of the file's suffix (``.png``, ``.svg``, ``.pdf``, ...)."""
        if os.fspath(path).lower().endswith(".json"):
            with open(path, "w", encoding="utf-8") as file:
                json.dump(self._spec, file, ensure_ascii=False, indent=2)
        else:
            self.figure.savefig(path, bbox_inches="tight")

    def _repr_png_(self) -> bytes:
        if self._png is None:
            self._png = self.to_png()
        return self._png

    def _repr_mimebundle_(
        self, include: Optional[Sequence[str]] = None, exclude: Optional[Sequence[str]] = None
    ) -> Dict[str, Any]:
        bundle: Dict[str, Any] = {
            "image/png": self._repr_png_(),
            VEGA_LITE_MIME: self.vega_lite(),
            "text/plain": repr(self),
        }
        if include is not None:
            bundle = {mime: value for mime, value in bundle.items() if mime in include}
        if exclude is not None:
            bundle = {mime: value for mime, value in bundle.items() if mime not in exclude}
        return bundle

    def __repr__(self) -> str:
        if self.message is not None:
            return f"<Chart {self.kind}: empty: {self.message}>"
        return f"<Chart {self.kind}: {len(self.data)} row(s)>"


def _spec(title: str, message: Optional[str], rows: Sequence[Row], body: Dict[str, Any]) -> Dict[str, Any]:
    heading: Dict[str, Any] = {"text": title}
    if message is not None:
        heading["subtitle"] = message
    return {"$schema": VEGA_LITE_SCHEMA, "title": heading, "data": {"values": _values(rows)}, **body}


def _empty_chart(
    kind: str, title: str, language: str, spec: Dict[str, Any], figure_class: Any, message: str
) -> Chart:
    """A chart without rows whose figure and spec say why (``message``)."""
    return Chart(kind, title, language, [], [], spec, _empty_figure(figure_class, title, message), message)


def _empty_figure(figure_class: Any, title: str, message: str) -> Figure:
    figure: Figure = figure_class(figsize=(8, 2))
    axes = figure.subplots()
    axes.set_axis_off()
    axes.set_title(title)
    axes.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, color="#555555")
    return figure


def _name_of(report: Report, intervention_id: Optional[str], fallback: Optional[str]) -> str:
    intervention = report.intervention(intervention_id) if intervention_id is not None else None
    if intervention is not None:
        return intervention.name
    return fallback or intervention_id or ""


def _shorten(text: str, length: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _fraction_axis(axes: Axes, language: str) -> None:
    from matplotlib.ticker import FuncFormatter

    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: _number(round(value, 2), language)))


def goal_attainment(
    report: Report, *, policy: Optional[GradingPolicy] = None, language: str = "sv"
) -> Chart:
    """The attainment of every goal (0 to 1, 1 = the target reached), one bar per goal grouped
    by intervention and coloured by the goal's status as the core grades it (reached, partly
    reached, not reached, not measured, not assessed, missing, not applicable). A goal without
    an attainment (not measured, qualitative) has no bar: its status is written on its row.

    Rows (``Chart.data``), one per goal in the report's order, with the keys of
    ``Report.to_pandas(level="goal")``: ``intervention_id``, ``intervention``, ``goal_number``,
    ``goal``, ``target``, ``value``, ``attainment``, ``status``, and ``status_label`` (in
    ``language``). ``references`` is the target line: ``[{"label": ..., "attainment": 1}]``.
    Empty when the report has no goals."""
    figure_class = _require()
    language = _language(language)
    frame = report.to_pandas(level="goal", policy=policy, language=language)
    headings = _headings(frame, language)
    title = _text("title.goal_attainment", language)
    rows: List[Row] = []
    for assessment in report.grade(policy):
        for goal in assessment.goals:
            rows.append(
                {
                    "intervention_id": assessment.intervention_id,
                    "intervention": assessment.name,
                    "goal_number": goal.index + 1,
                    "goal": goal.description,
                    "target": goal.target,
                    "value": goal.value,
                    "attainment": goal.attainment,
                    "status": goal.status,
                    "status_label": goal.status_label(language),
                }
            )
    references: List[Row] = [{"label": headings["target"], "attainment": Decimal(1)}]
    message = None if rows else _text("empty.no_goals", language)
    labels = {row["status"]: row["status_label"] for row in rows}
    statuses = [status for status in _STATUS_COLOURS if status in labels]
    interventions = list(dict.fromkeys(row["intervention"] for row in rows))
    spec = _spec(
        title,
        message,
        rows,
        {
            "facet": {
                "row": {
                    "field": "intervention",
                    "type": "nominal",
                    "title": headings["intervention"],
                    "sort": interventions,
                    "header": {"labelAngle": 0, "labelAlign": "left"},
                }
            },
            "spec": {
                "width": 420,
                "layer": [
                    {
                        "mark": {"type": "bar"},
                        "encoding": {
                            "y": {
                                "field": "goal",
                                "type": "nominal",
                                "title": headings["goal"],
                                "sort": {"field": "goal_number"},
                            },
                            "x": {
                                "field": "attainment",
                                "type": "quantitative",
                                "title": headings["attainment"],
                                "scale": {"domain": [0, 1.1]},
                            },
                            "color": {
                                "field": "status_label",
                                "type": "nominal",
                                "title": headings["status"],
                                "scale": {
                                    "domain": [labels[s] for s in statuses],
                                    "range": [_STATUS_COLOURS[s] for s in statuses],
                                },
                            },
                            "tooltip": [
                                {"field": "goal", "type": "nominal", "title": headings["goal"]},
                                {"field": "target", "type": "quantitative", "title": headings["target"]},
                                {"field": "value", "type": "quantitative", "title": headings["value"]},
                                {"field": "attainment", "type": "quantitative", "title": headings["attainment"]},
                                {"field": "status_label", "type": "nominal", "title": headings["status"]},
                            ],
                        },
                    },
                    {
                        "mark": {"type": "rule", "strokeDash": [4, 4], "color": "#555555"},
                        "encoding": {"x": {"datum": _plain(references[0]["attainment"])}},
                    },
                ],
            },
            "resolve": {"scale": {"y": "independent"}},
        },
    )
    if message is not None:
        return _empty_chart("goal_attainment", title, language, spec, figure_class, message)

    from matplotlib.patches import Patch

    lines: List[Tuple[str, bool]] = []  # (label, is an intervention's heading)
    positions: List[float] = []
    bars: List[Tuple[float, Row]] = []
    y = 0.0
    for name in interventions:
        lines.append((name, True))
        positions.append(y)
        y += 1
        for row in rows:
            if row["intervention"] == name:
                lines.append((f"{row['goal_number']}. {_shorten(row['goal'])}", False))
                positions.append(y)
                bars.append((y, row))
                y += 1
        y += 0.4
    figure: Figure = figure_class(figsize=(9, 0.28 * y + 1.6))
    axes = figure.subplots()
    for position, row in bars:
        colour = _STATUS_COLOURS.get(row["status"], "#9e9e9e")
        if row["attainment"] is None:
            axes.plot([0.008], [position], marker="s", markersize=5, color=colour, clip_on=False)
            axes.text(0.02, position, row["status_label"], va="center", fontsize=7, style="italic", color="#555555")
        else:
            axes.barh(position, float(row["attainment"]), height=0.7, color=colour)
    axes.axvline(1.0, linestyle="--", color="#555555", linewidth=1)
    axes.text(1.0, -0.9, references[0]["label"], ha="center", fontsize=8, color="#555555")
    axes.set_yticks(positions)
    axes.set_yticklabels([label for label, _ in lines], fontsize=7)
    for tick, (_, heading) in zip(axes.get_yticklabels(), lines):
        if heading:
            tick.set_fontweight("bold")
            tick.set_fontsize(8)
    axes.set_ylim(y - 0.4, -1.4)
    axes.set_xlim(0, 1.1)
    _fraction_axis(axes, language)
    axes.set_xlabel(headings["attainment"])
    axes.set_title(title)
    axes.legend(
        handles=[Patch(color=_STATUS_COLOURS[s], label=labels[s]) for s in statuses],
        title=headings["status"],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=8,
        title_fontsize=8,
    )
    return Chart("goal_attainment", title, language, rows, references, spec, figure)


def scores(report: Report, *, policy: Optional[GradingPolicy] = None, language: str = "sv") -> Chart:
    """The score of every intervention (the mean attainment of its measured goals) as a bar
    coloured by its computed grade, with the band edges of ``policy`` (the default policy when
    ``None``) drawn and labelled with the grade labels. Interventions without a score (no goal
    measured) are left out.

    Rows (``Chart.data``), in the report's order, with the keys of
    ``Report.to_pandas(level="intervention")``: ``intervention_id``, ``intervention``,
    ``score``, ``grade`` (the code), ``grade_label`` and ``rule`` (``capped_for_unmeasured``
    when an unmeasured goal capped the grade below the band of the score). ``references``: one
    row per edge, ``grade``, ``grade_label`` and ``edge`` (``GradingPolicy.edge``). Empty when
    no intervention has a score."""
    figure_class = _require()
    language = _language(language)
    policy = policy if policy is not None else GradingPolicy()
    frame = report.to_pandas(level="intervention", policy=policy, language=language)
    headings = _headings(frame, language)
    title = _text("title.scores", language)
    rows: List[Row] = [
        {
            "intervention_id": assessment.intervention_id,
            "intervention": assessment.name,
            "score": assessment.score,
            "grade": assessment.grade.code if assessment.grade is not None else None,
            "grade_label": assessment.grade.label(language) if assessment.grade is not None else None,
            "rule": assessment.rule.code,
        }
        for assessment in report.grade(policy)
        if assessment.score is not None
    ]
    references: List[Row] = []
    for grade in _EDGE_GRADES:
        edge = policy.edge(grade)
        if edge is not None:
            references.append({"grade": grade.code, "grade_label": grade.label(language), "edge": edge})
    message = None if rows else _text("empty.no_scores", language)
    grades = list(_GRADE_COLOURS)
    spec = _spec(
        title,
        message,
        rows,
        {
            "width": 420,
            "layer": [
                {
                    "mark": {"type": "bar"},
                    "encoding": {
                        "y": {
                            "field": "intervention",
                            "type": "nominal",
                            "title": headings["intervention"],
                            "sort": None,
                        },
                        "x": {
                            "field": "score",
                            "type": "quantitative",
                            "title": headings["score"],
                            "scale": {"domain": [0, 1.05]},
                        },
                        "color": {
                            "field": "grade_label",
                            "type": "nominal",
                            "title": headings["grade_label"],
                            "scale": {
                                "domain": [g.label(language) for g in grades],
                                "range": [_GRADE_COLOURS[g] for g in grades],
                            },
                        },
                        "tooltip": [
                            {"field": "intervention", "type": "nominal", "title": headings["intervention"]},
                            {"field": "score", "type": "quantitative", "title": headings["score"]},
                            {"field": "grade_label", "type": "nominal", "title": headings["grade_label"]},
                        ],
                    },
                },
                {
                    "data": {"values": _values(references)},
                    "mark": {"type": "rule", "strokeDash": [4, 4], "color": "#555555"},
                    "encoding": {"x": {"field": "edge", "type": "quantitative"}},
                },
                {
                    "data": {"values": _values(references)},
                    "mark": {"type": "text", "angle": 270, "align": "right", "baseline": "bottom", "dx": -4, "y": 0},
                    "encoding": {
                        "x": {"field": "edge", "type": "quantitative"},
                        "text": {"field": "grade_label", "type": "nominal"},
                    },
                },
            ],
        },
    )
    if message is not None:
        return _empty_chart("scores", title, language, spec, figure_class, message)

    from matplotlib.patches import Patch

    figure: Figure = figure_class(figsize=(9, 0.38 * len(rows) + 1.6))
    axes = figure.subplots()
    positions = list(range(len(rows)))
    colours = [_GRADE_COLOURS[Grade(row["grade"])] if row["grade"] else "#9e9e9e" for row in rows]
    axes.barh(positions, [float(row["score"]) for row in rows], height=0.7, color=colours)
    for reference in references:
        at = float(reference["edge"])
        axes.axvline(at, linestyle="--", color="#555555", linewidth=1)
        printed = str(reference["edge"]).replace(".", ",") if language == "sv" else str(reference["edge"])
        axes.text(
            at,
            1.01,
            f"{reference['grade_label']} ({printed})",
            transform=axes.get_xaxis_transform(),
            rotation=30,
            ha="left",
            va="bottom",
            fontsize=7,
            color="#333333",
        )
    axes.set_yticks(positions)
    axes.set_yticklabels([row["intervention"] for row in rows], fontsize=8)
    axes.set_ylim(len(rows) - 0.4, -0.6)
    axes.set_xlim(0, 1.05)
    _fraction_axis(axes, language)
    axes.set_xlabel(headings["score"])
    axes.set_title(title, pad=44)
    present = [g for g in grades if any(row["grade"] == g.code for row in rows)]
    axes.legend(
        handles=[Patch(color=_GRADE_COLOURS[g], label=g.label(language)) for g in present],
        title=headings["grade_label"],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=8,
        title_fontsize=8,
    )
    return Chart("scores", title, language, rows, references, spec, figure)


def _count(figure: Any) -> Optional[int]:
    # A flow cell: a count, "not_applicable" or None (blank); only a count is drawn.
    return figure if isinstance(figure, int) and not isinstance(figure, bool) else None


def flows_by_gender(report: Report, *, language: str = "sv") -> Chart:
    """The current participants of every row of the participant-flow table (``Report.flows``)
    by gender: women and men, and other/unspecified when a row gives any. The TOTALT row is left
    out (it would dwarf the rows; it is ``Report.flows.total``), and so are rows that give
    neither women nor men. A blank or *ej tillämpligt* cell is ``None``.

    Rows (``Chart.data``), in the table's order: ``intervention_id``, ``intervention`` (the
    intervention's name), ``women``, ``men`` and ``other``, the keys of
    ``FlowTable.to_pandas``. Empty when the report has no flow table or the table gives no
    women and men (as the 2014 appendix, which prints only the current participants)."""
    figure_class = _require()
    language = _language(language)
    title = _text("title.flows_by_gender", language)
    flows = report.flows
    rows: List[Row] = []
    headings: Dict[str, str] = {}
    if flows is None:
        message: Optional[str] = _text("empty.no_flows", language)
    else:
        headings = _headings(flows.to_pandas(), language)
        for flow in flows.rows:
            women, men = _count(flow.figures.women), _count(flow.figures.men)
            if women is None and men is None:
                continue
            rows.append(
                {
                    "intervention_id": flow.intervention,
                    "intervention": _name_of(report, flow.intervention, flow.label),
                    "women": women,
                    "men": men,
                    "other": _count(flow.figures.other),
                }
            )
        message = None if rows else _text("empty.no_gender", language)
    genders = ["women", "men"] + (["other"] if any(row["other"] for row in rows) else [])
    labels = {gender: headings.get(gender, gender) for gender in genders}
    x_title, y_title = headings.get("current", ""), headings.get("label", "")
    body = _grouped_bars(genders, labels, "gender", "count", x_title, y_title, _GENDER_COLOURS)
    spec = _spec(title, message, rows, body)
    if message is not None:
        return _empty_chart("flows_by_gender", title, language, spec, figure_class, message)
    figure = _draw_grouped(figure_class, title, rows, genders, labels, _GENDER_COLOURS, x_title, language)
    return Chart("flows_by_gender", title, language, rows, [], spec, figure)


def budget_outcome(report: Report, *, language: str = "sv") -> Chart:
    """Budget against outcome per intervention, in the unit the report states (tkr).

    The figures are those of the report's per-intervention economics table
    (``Report.economics.interventions``) when it has one, otherwise the budget each
    intervention's own section states (``Intervention.budget``, read from a document's text).
    When the rows are in different units, all are converted to tkr (``Money.convert``).

    Rows (``Chart.data``), in the report's order: ``intervention_id`` (``None`` for a table row
    that is no intervention of the report), ``intervention``, ``budget``, ``outcome``, ``unit``
    (``"tkr"`` or ``"sek"``), ``wording`` (the word for the outcome: ``outcome``,
    ``requisitioned`` or ``costs``) and ``source`` (``"economics"`` or ``"section"``). Rows
    that state neither a budget nor an outcome are left out. Empty when no row states one."""
    figure_class = _require()
    language = _language(language)
    title = _text("title.budget_outcome", language)
    rows: List[Row] = []
    economics = report.economics
    table = economics.interventions if economics is not None else None
    if table is not None:
        for group in table.groups:
            for cost in group.rows:
                rows.append(
                    {
                        "intervention_id": cost.intervention,
                        "intervention": _name_of(report, cost.intervention, cost.label),
                        "budget": cost.budget,
                        "outcome": cost.outcome,
                        "unit": table.unit,
                        "wording": cost.wording or table.wording,
                        "source": "economics",
                    }
                )
    else:
        for intervention in report.interventions:
            stated = intervention.budget
            if stated is None:
                continue
            rows.append(
                {
                    "intervention_id": intervention.id,
                    "intervention": intervention.name,
                    "budget": stated.budget,
                    "outcome": stated.outcome,
                    "unit": stated.unit,
                    "wording": stated.wording,
                    "source": "section",
                }
            )
    rows = [row for row in rows if row["budget"] is not None or row["outcome"] is not None]
    if len({row["unit"] for row in rows}) > 1:
        for row in rows:
            for key in ("budget", "outcome"):
                if row[key] is not None:
                    money = Money.tkr(row[key]) if row["unit"] == "tkr" else Money.sek(row[key])
                    row[key] = money.convert("tkr").amount
            row["unit"] = "tkr"
    unit = rows[0]["unit"] if rows else "tkr"
    # The unit as the package writes an amount ("0 tkr", "0 kSEK").
    unit_label = (Money.tkr(0) if unit == "tkr" else Money.sek(0)).format(language).split()[-1]
    message = None if rows else _text("empty.no_budget", language)
    measures = ["budget", "outcome"]
    labels = {measure: _text(f"legend.{measure}", language) for measure in measures}
    body = _grouped_bars(measures, labels, "measure", "amount", unit_label, "", _MEASURE_COLOURS)
    spec = _spec(title, message, rows, body)
    if message is not None:
        return _empty_chart("budget_outcome", title, language, spec, figure_class, message)
    figure = _draw_grouped(figure_class, title, rows, measures, labels, _MEASURE_COLOURS, unit_label, language)
    return Chart("budget_outcome", title, language, rows, [], spec, figure)


def _grouped_bars(
    fields: Sequence[str],
    labels: Mapping[str, str],
    key: str,
    amount: str,
    x_title: str,
    y_title: str,
    colours: Mapping[str, str],
) -> Dict[str, Any]:
    """The Vega-Lite body of grouped horizontal bars: ``fields`` of each row folded into
    ``key``/``amount``, one bar per field and row, labelled with ``labels``."""
    label_key = f"{key}_label"
    expression = json.dumps(labels[fields[-1]], ensure_ascii=False)
    for field in reversed(fields[:-1]):
        expression = (
            f"datum.{key} === {json.dumps(field)} ? {json.dumps(labels[field], ensure_ascii=False)} : {expression}"
        )
    return {
        "width": 420,
        "transform": [
            {"fold": list(fields), "as": [key, amount]},
            {"calculate": expression, "as": label_key},
        ],
        "mark": {"type": "bar"},
        "encoding": {
            "y": {"field": "intervention", "type": "nominal", "title": y_title or None, "sort": None},
            "yOffset": {"field": label_key, "type": "nominal", "sort": [labels[f] for f in fields]},
            "x": {"field": amount, "type": "quantitative", "title": x_title},
            "color": {
                "field": label_key,
                "type": "nominal",
                "title": None,
                "scale": {"domain": [labels[f] for f in fields], "range": [colours[f] for f in fields]},
            },
            "tooltip": [
                {"field": "intervention", "type": "nominal"},
                {"field": label_key, "type": "nominal"},
                {"field": amount, "type": "quantitative"},
            ],
        },
    }


def _draw_grouped(
    figure_class: Any,
    title: str,
    rows: Sequence[Row],
    fields: Sequence[str],
    labels: Mapping[str, str],
    colours: Mapping[str, str],
    x_title: str,
    language: str,
) -> Figure:
    figure: Figure = figure_class(figsize=(9, (0.22 * len(fields) + 0.2) * len(rows) + 1.6))
    axes = figure.subplots()
    height = 0.8 / len(fields)
    for number, field in enumerate(fields):
        positions = [index - 0.4 + height * (number + 0.5) for index in range(len(rows))]
        widths = [_float(row[field]) for row in rows]
        bars = axes.barh(positions, widths, height=height, color=colours[field], label=labels[field])
        texts = [_number(float(row[field]), language) if row[field] is not None else "" for row in rows]
        axes.bar_label(bars, labels=texts, padding=2, fontsize=7)
    axes.set_yticks(list(range(len(rows))))
    axes.set_yticklabels([row["intervention"] for row in rows], fontsize=8)
    axes.set_ylim(len(rows) - 0.5, -0.5)
    axes.set_xlabel(x_title)
    axes.margins(x=0.08)
    axes.set_title(title)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    return figure
