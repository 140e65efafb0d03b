"""The house's structure, read from the code's own imports (issue 21): the packages of bot/ import each
other downwards only, and at most six modules stay loose at the top of bot/.

A package is one folder of bot/ (a loose module counts as its own); an import of bot.a.b by a file
of bot/c/ is the edge bot/c -> bot/a, whether it stands at the top of the file or inside a function.
A loop of such edges means two packages lean on each other: move the shared piece down instead
(docs/architecture.md, "Layout")."""
from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BOT = REPO / "bot"
MAX_LOOSE = 6
# Imports that still run back up, to be untied (docs/architecture.md, "Layout"); no new ones.
KNOWN: set[tuple[str, str]] = set()  # no known exception left (session 12)


def package_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "bot" or len(parts) < 2:
        return None
    if (BOT / parts[1]).is_dir():
        return f"bot/{parts[1]}"
    if (BOT / f"{parts[1]}.py").is_file():
        return f"bot/{parts[1]}.py"
    return None


def imported_modules(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def package_edges(root: Path = BOT) -> dict[tuple[str, str], set[str]]:
    edges: dict[tuple[str, str], set[str]] = {}
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root.parent)
        source = package_of(".".join(relative.with_suffix("").parts))
        if source is None:
            continue
        for module in imported_modules(ast.parse(path.read_text(encoding="utf-8"))):
            target = package_of(module)
            if target is not None and target != source:
                edges.setdefault((source, target), set()).add(str(relative))
    return edges


def find_loop(edges) -> list[str]:
    """One loop of packages, or [] when there is none."""
    graph: dict[str, list[str]] = {}
    for source, target in edges:
        graph.setdefault(source, []).append(target)
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, [])):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        state[node] = 2
        stack.pop()
        return []

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return []


def test_no_package_of_bot_imports_one_that_imports_it():
    edges = {edge: files for edge, files in package_edges().items() if edge not in KNOWN}
    loop = find_loop(edges)
    detail = [f"{a} -> {b} ({', '.join(sorted(edges[(a, b)]))})" for a, b in zip(loop, loop[1:])]
    assert loop == [], "imports run in a loop:\n" + "\n".join(detail)


def test_the_check_finds_a_loop():
    assert find_loop({("bot/a", "bot/b"): set(), ("bot/b", "bot/c"): set(), ("bot/c", "bot/a"): set()}) == [
        "bot/a", "bot/b", "bot/c", "bot/a"]
    assert find_loop({("bot/a", "bot/b"): set(), ("bot/a", "bot/c"): set(), ("bot/b", "bot/c"): set()}) == []


def test_an_import_inside_a_function_is_an_edge_too():
    tree = ast.parse("def f():\n    from bot.b.y import g\n    return g\n")
    assert imported_modules(tree) == ["bot.b.y", "bot.b.y.g"]
    assert ("bot/turn", "bot/stappenplan") in package_edges()  # bot/turn/acknowledgement.py


def test_at_most_six_modules_loose_at_the_top_of_bot():
    loose = sorted(p.name for p in BOT.glob("*.py") if p.name != "__init__.py")
    assert len(loose) <= MAX_LOOSE, loose
