"""``AssessmentList``, the sequence grading returns, is held in Rust (``finsam._finsam``); it is
registered here as a ``collections.abc.Sequence``."""

from __future__ import annotations

from collections.abc import Sequence

from ._finsam import AssessmentList

Sequence.register(AssessmentList)

__all__ = ["AssessmentList"]
