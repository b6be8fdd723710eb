"""The two generic conversions from what the core serialises to Python values.

``frame`` turns a core table (its columns, each with a key and a kind, and its rows) into a
pandas ``DataFrame``, typing each cell by its column's kind. ``build`` turns a serialised
record into the frozen dataclass of ``finsam._records`` (generated from the core's JSON Schema)
by reading the dataclass's type hints: nested records, tuples, ``decimal.Decimal`` from its
string, ``Grade`` from its code. ``plain`` goes the other way, for the records whose methods ask
the core. Nothing here knows a column or a field by name.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import types
import typing
from decimal import Decimal
from typing import Any, Callable, Dict, Tuple

from ._errors import InternalError
from ._grade import Grade

__all__ = ["build", "frame", "plain", "record", "records"]

_DECIMAL_KINDS = frozenset({"decimal", "percent", "fraction", "money"})
_GRADES = {member.value: member for member in Grade}
_NONE: Any = type(None)
_UNION_TYPES: Tuple[Any, ...] = (typing.Union,) + ((types.UnionType,) if sys.version_info >= (3, 10) else ())


def _cell(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, list):
        return tuple(_cell(kind, item) for item in value)
    if kind in _DECIMAL_KINDS and isinstance(value, (str, int)):
        return Decimal(value)
    if kind == "grade":
        # A decision that is not a grade (Ej tillämpbar) has no Grade: its label column says so.
        return _GRADES.get(value)
    return value


def frame(table_json: str, infer: bool = False) -> Any:
    """The core table ``table_json`` as a ``DataFrame``: one column per table column, in
    order, each cell typed by the column's kind. With ``infer`` pandas infers the column types;
    otherwise every column holds the Python objects (``None`` stays ``None``). The columns'
    headings are in ``attrs["headings"]``: ``{key: {"sv": heading, "en": heading}}``."""
    try:
        import pandas
    except ImportError:
        raise ImportError("to_pandas needs pandas, which is not installed: pip install pandas") from None
    table = json.loads(table_json)
    columns = table["columns"]
    data: Dict[str, list] = {column["key"]: [] for column in columns}
    cells = [(data[column["key"]], column["kind"]) for column in columns]
    for row in table["rows"]:
        for (column, kind), value in zip(cells, row):
            column.append(_cell(kind, value))
    result = pandas.DataFrame(data, dtype=None if infer else object)
    # The core's headings of the columns, in Swedish and English (the charts' axis titles).
    result.attrs["headings"] = {
        column["key"]: {"sv": column["label_sv"], "en": column["label_en"]} for column in columns
    }
    return result


def _fail(cls: type, what: str) -> InternalError:
    return InternalError(
        f"[internal_error] the core's {cls.__name__} does not fit finsam.{cls.__name__}: {what}",
        code="internal_error",
        message=f"the core's {cls.__name__} does not fit finsam.{cls.__name__}: {what}",
    )


_PLANS: Dict[type, Tuple[Tuple[str, Callable[[Any], Any], bool], ...]] = {}


def _plan(cls: type) -> Tuple[Tuple[str, Callable[[Any], Any], bool], ...]:
    """For each field of the dataclass ``cls``: its name, the converter of its value, and
    whether it may be absent (it has a default). Made once per class."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = _make_plan(cls)
    return plan


def _make_plan(cls: type) -> Tuple[Tuple[str, Callable[[Any], Any], bool], ...]:
    hints = typing.get_type_hints(cls)
    return tuple(
        (
            field.name,
            _converter(hints[field.name]),
            field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING,
        )
        for field in dataclasses.fields(cls)
    )


def _converter(hint: Any) -> Callable[[Any], Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in _UNION_TYPES:
        options = [_converter(arg) for arg in args if arg is not _NONE]
        if len(options) == 1:
            only = options[0]
            return lambda value: None if value is None else only(value)
        return lambda value: value
    if origin is tuple:
        item = _converter(args[0])
        return lambda value: tuple(item(v) for v in value)
    if origin is typing.Literal or hint is Any:
        return lambda value: value
    if hint is Decimal:
        return Decimal
    if hint is Grade:
        return Grade
    if dataclasses.is_dataclass(hint):
        return lambda value: build(hint, value)  # type: ignore[arg-type]
    if isinstance(hint, type) and hasattr(hint, "from_json"):
        # A handle of the native module (a goal, a result): read from its JSON by the core.
        return lambda value: hint.from_json(json.dumps(value))  # type: ignore[attr-defined]
    return lambda value: value


def build(cls: type, data: Any) -> Any:
    """The dataclass ``cls`` built from ``data``, a record as the core serialises it. An unknown
    key, or a missing key without a default, raises ``InternalError``: the record and the
    dataclass would not be the same type."""
    if not isinstance(data, dict):
        raise _fail(cls, f"expected an object, got {type(data).__name__}")
    plan = _plan(cls)
    values = {}
    for name, convert, optional in plan:
        if name in data:
            values[name] = convert(data[name])
        elif not optional:
            raise _fail(cls, f"the field {name} is missing")
    if len(values) != len(data):
        unknown = sorted(set(data) - {name for name, _, _ in plan})
        raise _fail(cls, f"unknown field(s) {', '.join(unknown)}")
    return cls(**values)


def _records_module() -> Any:
    from . import _records

    return _records


def record(name: str, text: str) -> Any:
    """The record ``name`` of ``finsam._records`` built from the core's JSON ``text``."""
    return build(getattr(_records_module(), name), json.loads(text))


def records(name: str, text: str) -> list:
    """A list of records ``name`` built from the core's JSON array ``text``."""
    cls = getattr(_records_module(), name)
    return [build(cls, item) for item in json.loads(text)]


def plain(value: Any) -> Any:
    """A record (or a value in one) as the JSON value the core writes and reads: decimals as
    strings, grades as codes, and an absent value left out where the core leaves it out (a
    field that defaults to ``None``) and ``null`` where it writes ``null``."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: plain(getattr(value, field.name))
            for field in dataclasses.fields(value)
            if not (getattr(value, field.name) is None and field.default is None)
        }
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Grade):
        return value.value
    return value


def to_json(value: Any) -> str:
    """A record as JSON, for the core."""
    return json.dumps(plain(value), ensure_ascii=False)

