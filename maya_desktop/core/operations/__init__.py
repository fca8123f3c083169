"""The one layer between the windows (and the CLI) and the core: named operations run on one DB thread.

See registry (what an operation is), executor (how it runs) and catalogue (the operations themselves).
"""

from maya_desktop.core.operations import (  # noqa: F401  (they register the core's operations)
    audit,
    backups,
    cases,
    catalogue,
    client_history,
    clients,
    documents,
    legal,
    notices,
    orders,
    prices,
    review,
    settings,
    staff,
)
from maya_desktop.core.operations.executor import Changes, OperationExecutor, execute
from maya_desktop.core.operations.registry import Operation, ad_hoc, get, names, operation

__all__ = ["Changes", "Operation", "OperationExecutor", "ad_hoc", "execute", "get", "names", "operation"]
