"""The list of diagnostics the checker returns: a plain ``list`` that also renders as a table
in a notebook and converts to pandas."""

from __future__ import annotations

from typing import TYPE_CHECKING, List

from . import _finsam
from ._finsam import Diagnostic

if TYPE_CHECKING:
    import pandas

__all__ = ["DiagnosticList"]


class DiagnosticList(List[Diagnostic]):
    """Diagnostics in the order of the report (a ``list``), as ``check`` and ``Report.check``
    return them: goals intervention by intervention, then the flow table, the end-reason table,
    and the economics (statement, cost rules, per-intervention table, forecast). An empty list
    means the checker found nothing."""

    def to_pandas(self, language: str = "sv") -> pandas.DataFrame:
        """A DataFrame with one row per diagnostic and the columns ``code``, ``severity``,
        ``intervention_id``, ``table``, ``path``, ``expected``, ``printed`` and ``message`` (in
        ``language``). Cells are the Python values the properties return (``None`` for a
        missing intervention or value, ``decimal.Decimal`` for values). Needs pandas."""
        return _finsam._diagnostics_to_pandas(self, language)

    def to_html(self, language: str = "sv") -> str:
        """The diagnostics as an HTML table (a paragraph when there are none)."""
        return _finsam._diagnostics_to_html(self, language)

    def to_text(self, language: str = "sv") -> str:
        """The diagnostics as plain text for a terminal: a table of the code, the severity,
        where each finding is (its places in the document the report was read from, or the
        JSON path of the field) and the message in ``language``, then a line counting them by
        severity ("14 fynd: 6 fel, 8 varningar, 0 noteringar."). No diagnostics give
        "Inga avvikelser." ("No findings.")."""
        return _finsam._diagnostics_to_text(self, language)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return f"DiagnosticList({list.__repr__(self)})"
