"""The layout holds: packages by concern, dependencies one way, front doors kept.

Drawn from the imports of the code itself (``ast``), so a change that breaks
the structure described in ``docs/architecture.md`` fails here.
"""

import ast
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

from tests.support import ROOT

#: Lowest first: a package may import only the packages before it.
LAYERS = (
    "core",
    "formats",
    "alignment",
    "glossary",
    "conversion",
    "documents",
    "memory",
    "translations",
    "exchange",
    "jobs",
    "workbench",
    "api",
    "config",
)


def _modules() -> dict[str, Path]:
    found = {}
    for package in LAYERS:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


MODULES = _modules()
TREES = {name: ast.parse(path.read_text()) for name, path in MODULES.items()}


def _ours(name: str) -> bool:
    return name.split(".")[0] in LAYERS


def _imports(tree: ast.Module):
    """Yield (node, imported module, names) for each import of ours."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and _ours(node.module):
            yield node, node.module, [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if _ours(alias.name):
                    yield node, alias.name, []


def _module_of(name: str) -> str | None:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _edges() -> dict[str, set[str]]:
    edges = defaultdict(set)
    for name, tree in TREES.items():
        for _, module, names in _imports(tree):
            targets = [f"{module}.{n}" for n in names if f"{module}.{n}" in MODULES]
            for target in targets or [module]:
                found = _module_of(target)
                if found and found != name:
                    edges[name].add(found)
    return edges


def _public(package: str) -> set[str] | None:
    """The names a package's ``__init__`` offers in ``__all__``, if it says."""
    for node in TREES[package].body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return set(ast.literal_eval(node.value))
    return None


def test_there_is_no_import_loop_between_modules():
    edges = _edges()
    state: dict[str, int] = {}
    loops = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for other in sorted(edges.get(name, ())):
            if state.get(other) == 1:
                loops.append(path[path.index(other) :] + [other])
            elif other not in state:
                visit(other, [*path, other])
        state[name] = 2

    for name in sorted(MODULES):
        if name not in state:
            visit(name, [name])
    assert loops == []


@pytest.mark.parametrize("package", LAYERS)
def test_a_package_imports_only_the_layers_below_it(package):
    allowed = set(LAYERS[: LAYERS.index(package) + 1])
    wrong = sorted(
        f"{name} imports {target}"
        for name, targets in _edges().items()
        if name.split(".")[0] == package
        for target in targets
        if target.split(".")[0] not in allowed
    )
    assert wrong == []


def test_other_packages_come_in_only_through_the_front_door():
    """Across packages, every step of an import path is in its package's __all__."""
    wrong = []
    for name, tree in TREES.items():
        for _, module, names in _imports(tree):
            if module.split(".")[0] == name.split(".")[0]:
                continue
            parts = module.split(".")
            steps = [(".".join(parts[:i]), parts[i]) for i in range(1, len(parts))]
            if module in MODULES:
                steps += [(module, n) for n in names if f"{module}.{n}" not in MODULES]
            for package, step in steps:
                public = _public(package)
                if public is not None and step not in public:
                    wrong.append(f"{name}: {package}.{step}")
    assert sorted(set(wrong)) == []


def test_every_package_names_its_front_door():
    missing = [p for p in LAYERS if _public(p) is None]
    assert missing == []


def test_no_import_of_ours_hides_inside_a_function_but_app_wiring():
    hidden = []
    for name, tree in TREES.items():
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    modules = (
                        [node.module or ""]
                        if isinstance(node, ast.ImportFrom)
                        else [a.name for a in node.names]
                    )
                    if any(_ours(m) for m in modules) and function.name != "ready":
                        hidden.append(f"{name}.{function.name}")
    assert hidden == []


def test_format_modules_never_touch_the_database_or_the_settings():
    touching = [
        name
        for name, tree in TREES.items()
        if name.split(".")[0] == "formats"
        for _, module, names in (
            (n, n.module or "", [a.name for a in n.names])
            for n in ast.walk(tree)
            if isinstance(n, ast.ImportFrom)
        )
        if module.startswith(("django.db", "django.conf"))
    ]
    assert touching == []


def test_pip_install_takes_every_package_of_the_layout():
    """``pip install .`` packages what ``find_packages`` finds: every folder."""
    from setuptools import find_packages

    include = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"][
        "setuptools"
    ]["packages"]["find"]["include"]
    folders = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for package in LAYERS
        for path in (ROOT / package).rglob("__init__.py")
    }
    assert set(find_packages(where=str(ROOT), include=include)) == folders


def test_no_view_imports_another_view():
    views = [name for name in MODULES if ".views" in name]
    wrong = sorted(
        f"{name} imports {target}"
        for name in views
        for target in _edges().get(name, ())
        if ".views" in target and target != name
    )
    assert views and wrong == []
