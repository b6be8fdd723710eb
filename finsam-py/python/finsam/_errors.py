"""The package's exceptions. They are defined in Python because an abi3 extension module cannot
subclass a built-in exception; the native module builds them through `_from_core`."""

from __future__ import annotations

from typing import Optional

__all__ = ["FinsamError", "InternalError", "JsonSyntaxError", "PolicyError"]


class FinsamError(ValueError):
    """An error from finsam: what went wrong and where.

    ``code`` is a stable machine code (e.g. ``"share_above_100"``), ``path`` the JSON-style path
    of the offending field (``"interventions[2].goals[0].target"``, empty for the whole input),
    ``line`` and ``column`` the 1-based position in JSON input when known, and ``message`` the
    text for a person (in English; ``message_sv`` and ``message_en`` say it in Swedish and in
    English). ``str(error)`` shows all of them.
    """

    code: str
    path: str
    message: str
    message_sv: str
    message_en: str
    line: Optional[int]
    column: Optional[int]

    def __init__(
        self,
        detail: str,
        *,
        code: str = "internal_error",
        path: str = "",
        message: Optional[str] = None,
        message_sv: Optional[str] = None,
        message_en: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
    ) -> None:
        super().__init__(detail)
        self.code = code
        self.path = path
        self.message = detail if message is None else message
        self.message_en = self.message if message_en is None else message_en
        self.message_sv = self.message if message_sv is None else message_sv
        self.line = line
        self.column = column

    def __reduce__(self) -> tuple[object, ...]:
        fields = {
            "code": self.code,
            "path": self.path,
            "message": self.message,
            "message_sv": self.message_sv,
            "message_en": self.message_en,
            "line": self.line,
            "column": self.column,
        }
        return (_rebuild, (type(self), str(self), fields))


def _rebuild(cls: type[FinsamError], detail: str, fields: dict[str, object]) -> FinsamError:
    return cls(detail, **fields)  # type: ignore[arg-type]


class JsonSyntaxError(FinsamError):
    """The input is not well-formed JSON (code ``json_syntax``)."""


class PolicyError(FinsamError):
    """A grading policy's parameters are inconsistent (code ``invalid_policy``)."""


class InternalError(FinsamError):
    """Something failed inside finsam that should not have (code ``internal_error``). Please
    report it."""


_CLASS_BY_CODE: dict[str, type[FinsamError]] = {
    "json_syntax": JsonSyntaxError,
    "invalid_policy": PolicyError,
    "internal_error": InternalError,
}


def _from_core(
    detail: str,
    *,
    code: str,
    path: str,
    message: str,
    message_sv: str,
    message_en: str,
    line: Optional[int],
    column: Optional[int],
) -> FinsamError:
    cls = _CLASS_BY_CODE.get(code, FinsamError)
    return cls(
        detail,
        code=code,
        path=path,
        message=message,
        message_sv=message_sv,
        message_en=message_en,
        line=line,
        column=column,
    )
