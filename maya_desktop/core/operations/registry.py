"""Named operations: what a window (or the CLI) may ask the core to do, as plain data in and out.

An operation is a plain function ``(session, request) -> result`` where the request is a frozen dataclass
and the result a dataclass (or None). It is registered under a name with what it changes, e.g.
``{"clients"}``, ``{"orders"}``, ``{"order:42"}`` or ``{"settings"}``, so that the windows showing those
things refresh after it ran. Errors are the core's typed errors (core.errors). Because requests and
results are plain data, an operation can later be carried over a network by name.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from maya_desktop.core.session import Session

OperationFn = Callable[["Session", Any], Any]


@dataclass(frozen=True)
class Operation:
    """One named operation. `atomic`: the executor runs it inside one transaction (all or nothing).

    Not atomic by default: core functions open their own transactions, and a refused permission is
    audited outside them (an enclosing transaction would roll that audit entry back)."""

    name: str
    fn: OperationFn
    changes: frozenset[str]
    atomic: bool = False

    def changes_for(self, request: Any, result: Any) -> frozenset[str]:
        """The declared changes; ``{...}`` placeholders are filled from the request's fields (e.g. order:{order_id})."""
        if not any("{" in change for change in self.changes):
            return self.changes
        fields = (
            {f.name: getattr(request, f.name) for f in dataclasses.fields(request)}
            if dataclasses.is_dataclass(request)
            else {}
        )
        return frozenset(change.format(**fields) for change in self.changes)


_REGISTRY: dict[str, Operation] = {}


def operation(name: str, changes: Iterable[str] = (), *, atomic: bool = False) -> Callable[[OperationFn], OperationFn]:
    """Register the decorated function as the operation `name` (names are unique)."""

    def register(fn: OperationFn) -> OperationFn:
        if name in _REGISTRY and _REGISTRY[name].fn is not fn:
            raise ValueError(f"operation {name!r} is registered twice")
        _REGISTRY[name] = Operation(name, fn, frozenset(changes), atomic)
        return fn

    return register


def ad_hoc(fn: OperationFn, changes: Iterable[str] = (), *, atomic: bool = False) -> Operation:
    """An unregistered operation (a window's one-off call); it still runs on the executor."""
    return Operation(getattr(fn, "__qualname__", "ad_hoc"), fn, frozenset(changes), atomic)


def get(name: str) -> Operation:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"no operation named {name!r}") from None


def names() -> list[str]:
    return sorted(_REGISTRY)
