"""Reading a whole report from its Word file or its text: ``read_report``."""

from __future__ import annotations

import os
from typing import Optional, Union

from ._finsam import Reading, _read_report

__all__ = ["read_report"]


def read_report(
    source: Union[str, bytes, bytearray, "os.PathLike[str]"],
    *,
    organisation: Optional[str] = None,
    period: Optional[str] = None,
) -> Reading:
    """Reads a report from its document and returns the report with its reading record.

    ``source`` is the path of a Word file (.docx) or of a text file, the bytes of one, or the
    text itself: a ``str`` with a line break is the report's text, any other ``str`` a path.
    ``organisation`` and ``period`` (``"2014"``, ``"2019-H1"``) are used when the document's
    title does not name them. A file that cannot be read raises ``OSError``; a document that is
    not a report's, ``FinsamError`` (e.g. code ``invalid_document`` or ``limit_exceeded``)."""
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
    elif isinstance(source, str) and ("\n" in source or "\t" in source):
        data = source.encode("utf-8")
    else:
        with open(os.fspath(source), "rb") as file:
            data = file.read()
    return _read_report(data, organisation, period)
