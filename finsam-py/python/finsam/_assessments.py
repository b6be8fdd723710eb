"""The list of assessments grading returns: a plain ``list`` that also renders as the
goal-fulfilment table in a notebook and converts to pandas."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Literal, Optional

from . import _finsam
from ._finsam import Assessment

if TYPE_CHECKING:
    import pandas

__all__ = ["AssessmentList"]


class AssessmentList(List[Assessment]):
    """Assessments in the order graded (a ``list``), as ``Report.grade`` and ``grade_many``
    return them."""

    def to_pandas(self, level: Literal["goal", "intervention"] = "goal", language: str = "sv") -> pandas.DataFrame:
        """A DataFrame with one row per goal (``level="goal"``) or per intervention
        (``level="intervention"``). Needs pandas."""
        return _finsam._to_pandas(self, level, language)

    def to_html(self, language: str = "sv", caption: Optional[str] = None) -> str:
        """The goal-fulfilment table (Insats | Mål | Resultat | Måluppfyllelse) as HTML."""
        return _finsam._to_html(self, language, caption)

    def explain(self, language: str = "sv") -> str:
        """Every assessment's explanation, separated by blank lines."""
        return "\n\n".join(assessment.explain(language) for assessment in self)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return f"AssessmentList({list.__repr__(self)})"
