"""The few methods of finsam's records (the dataclasses of ``finsam._records``): base classes
the generated records derive from. Computations are the core's; nothing here lists a field."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Optional

from . import _convert, _finsam

__all__ = ["AgreementMethods", "AsJson", "CostGroupMethods", "InterventionLink"]


class AgreementMethods:
    """The agreement of computed grades with decided ones, in words (the core's)."""

    def text(self, language: str = "sv") -> str:
        """The agreement in ``language`` (``"sv"`` or ``"en"``), e.g. "5 av 7 bedömda rader
        stämmer med förbundets beslut; 3 inte bedömda"."""
        return _finsam._agreement_text(self, language)

    def __str__(self) -> str:
        return self.text()


class CostGroupMethods:
    """What the core computes from a cost group's lines."""

    def figure(self, column: str) -> Decimal:
        """The group's figure in ``column`` (``budget``, ``outcome``, ``difference``): the
        printed subtotal, or the sum of the lines when it is not printed."""
        return _finsam._cost_group_sum(self, column, True)

    def lines_sum(self, column: str) -> Decimal:
        """The sum of the lines' figures in ``column`` (blank cells count as zero)."""
        return _finsam._cost_group_sum(self, column, False)


class InterventionLink:
    """A row that may be linked to an intervention of the report (its field ``intervention``)."""

    @property
    def intervention_id(self) -> Optional[str]:
        """The id of the intervention the row is about (the field ``intervention``)."""
        return getattr(self, "intervention")  # noqa: B009 - the field is the dataclass's


class AsJson:
    """A record written back as the JSON the core writes (decimals as strings)."""

    def to_json(self, pretty: bool = False) -> str:
        """The record as JSON, decimals as strings; indented when ``pretty``."""
        return json.dumps(_convert.plain(self), ensure_ascii=False, indent=2 if pretty else None)
