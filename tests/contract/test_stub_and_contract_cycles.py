"""No import cycle in the contract (``caf_tui.api``) nor in the stub (``caf_stub``).

Read from the source by grimp (import-linter's graph), imports inside functions included: a
cycle hidden behind a late import is still a cycle.
"""

from __future__ import annotations

import grimp
import pytest

SCOPES = ("caf_tui.api", "caf_stub")


def _cycles(graph: grimp.ImportGraph, scope: str) -> list[tuple[str, str]]:
    """Pairs (a, b) in ``scope`` where a imports b and b leads back to a."""
    modules = {m for m in graph.modules if m == scope or m.startswith(scope + ".")}
    found: set[tuple[str, str]] = set()
    for module in modules:
        for imported in graph.find_modules_directly_imported_by(module) & modules:
            if imported != module and graph.chain_exists(importer=imported, imported=module):
                found.add((min(module, imported), max(module, imported)))
    return sorted(found)


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("caf_tui", "caf_stub", exclude_type_checking_imports=True)


@pytest.mark.parametrize("scope", SCOPES)
def test_no_import_cycle(graph: grimp.ImportGraph, scope: str) -> None:
    assert _cycles(graph, scope) == []


def test_the_qa_door_is_imported_from_its_own_module(graph: grimp.ImportGraph) -> None:
    for router in ("caf_stub.control", "caf_stub.control_qa"):
        assert graph.direct_import_exists(importer=router, imported="caf_stub.qa_guard")
    assert not graph.direct_import_exists(
        importer="caf_stub.control_qa", imported="caf_stub.control"
    )
