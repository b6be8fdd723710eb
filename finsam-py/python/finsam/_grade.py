"""The grade of goal fulfilment (*måluppfyllelse*) as a Python enum. Labels, parsing and order
come from the core."""

from __future__ import annotations

import enum
from typing import Union

from . import _finsam

__all__ = ["Grade"]


class Grade(enum.Enum):
    """A grade of goal fulfilment, best first: Mycket god, God, Godtagbar, Ej uppfyllt.

    Grades compare by rank (``Grade.GOOD > Grade.ACCEPTABLE``); ``str(grade)`` is the Swedish
    label. ``Grade.parse`` reads the spellings reports use ("Mycket God", "Godtagbart").
    """

    VERY_GOOD = "very_good"
    GOOD = "good"
    ACCEPTABLE = "acceptable"
    NOT_MET = "not_met"

    @classmethod
    def parse(cls, text: Union[str, Grade]) -> Grade:
        """The grade ``text`` spells, ignoring case and extra whitespace; raises
        ``FinsamError`` (code ``invalid_grade``) otherwise."""
        return cls(_finsam._grade_code(text))

    @property
    def code(self) -> str:
        """The stable code used in the JSON format, e.g. ``"very_good"``."""
        return self.value

    @property
    def label_sv(self) -> str:
        """The Swedish label: "Mycket god", "God", "Godtagbar", "Ej uppfyllt"."""
        return _finsam._grade_label(self.value, "sv")

    @property
    def label_en(self) -> str:
        """The English label: "Very good", "Good", "Acceptable", "Not met"."""
        return _finsam._grade_label(self.value, "en")

    def label(self, language: str = "sv") -> str:
        """The label in ``language`` (``"sv"`` or ``"en"``)."""
        return _finsam._grade_label(self.value, language)

    @property
    def rank(self) -> int:
        """The position on the scale: 0 for Ej uppfyllt to 3 for Mycket god."""
        return _finsam._grade_rank(self.value)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return self.rank >= other.rank

    def __str__(self) -> str:
        return self.label_sv

    def __repr__(self) -> str:
        return f"Grade.{self.name}"
