"""A measured speed-up for the Rasa 3.6 server: run the model's graph in a fixed order, without dask.

Every turn, Rasa runs the NLU graph once and the policy graph once per predicted action (four times
for a turn that starts a form). ``DaskGraphRunner.run`` rebuilds the minimal schema for the targets
(a recursive walk that revisits shared dependencies), builds a dask graph and lets dask's
single-threaded scheduler order and execute it. For our graphs that costs about 0.5 ms per policy
run and about 1 ms per NLU run (``bench/RESULTS.md``), while the order never changes.

``apply()`` (called by ``bot.rasa_runtime.install`` when a model is served or tested) replaces ``DaskGraphRunner.run`` with a version that computes the execution order once
per target list (depth-first, dependencies first: the same order dask's ``get_sync`` may pick, and
any topological order gives the same results because graph nodes only see their inputs) and then
calls the same ``GraphNode`` objects with the same arguments. Inputs are checked as Rasa checks them
(an input may not be named like a node) and errors surface as Rasa's ``GraphRunError`` as before.
tests/unit/rasa_runtime/test_rasa_graph_runner.py checks order and semantics on small graphs, and
tests/integration/test_graph_runner_equivalence.py compares both runners on the trained model.
"""
from __future__ import annotations

from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Text, Tuple

from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner

_MARK = "_wegwijzer_sequential_run"
DASK_RUN = DaskGraphRunner.run  # Rasa's own, kept for comparison (tests, benchmarks)
_ORDER_ATTR = "_wegwijzer_orders"

Order = Tuple[Tuple[Text, Tuple[Text, ...]], ...]


def execution_order(needs: Mapping[Text, Mapping[Text, Text]], targets: Sequence[Text]) -> Order:
    """Nodes needed for ``targets`` with the names they need, every node after its dependencies.

    ``needs`` maps a node name to its schema's ``needs`` (parameter -> provider name). A provider that
    is not a node (an input placeholder such as ``__message__``) is not part of the order.
    """
    order: List[Tuple[Text, Tuple[Text, ...]]] = []
    state: Dict[Text, int] = {}  # 1: visiting, 2: done

    def visit(name: Text) -> None:
        if name not in needs or state.get(name) == 2:
            return
        if state.get(name) == 1:
            raise GraphRunError(f"Graph has a cycle through node '{name}'.")
        state[name] = 1
        providers = tuple(needs[name].values())
        for provider in providers:
            visit(provider)
        state[name] = 2
        order.append((name, providers))

    for target in targets:
        visit(target)
    return tuple(order)


def run_in_order(nodes: Mapping[Text, Callable[..., Tuple[Text, Any]]], order: Order,
                 inputs: Optional[Mapping[Text, Any]], targets: Sequence[Text]) -> Dict[Text, Any]:
    """Calls each node with the outputs of its providers, like dask does.

    A provider without output is passed as its name (dask passes an unresolved key as is; Rasa's
    ``GraphNode`` then reports it). The result maps every target to its output.
    """
    results: Dict[Text, Any] = {name: (name, value) for name, value in (inputs or {}).items()}
    for name, providers in order:
        results[name] = nodes[name](*[results.get(provider, provider) for provider in providers])
    return dict(results[target] for target in targets)


def _order_for(runner: DaskGraphRunner, targets: Sequence[Text]) -> Order:
    cache = runner.__dict__.setdefault(_ORDER_ATTR, {})
    key = tuple(targets)
    order = cache.get(key)
    if order is None:
        schema = runner._graph_schema.minimal_graph_schema(list(targets))
        order = execution_order({name: node.needs for name, node in schema.nodes.items()}, targets)
        cache[key] = order
    return order


def run(self: DaskGraphRunner, inputs: Optional[Dict[Text, Any]] = None,
        targets: Optional[List[Text]] = None) -> Dict[Text, Any]:
    run_targets = targets if targets else self._graph_schema.target_names
    order = _order_for(self, run_targets)
    if inputs:
        # Rasa's own check: an input may not carry a node's name as its value
        self._add_inputs_to_graph(inputs, {name: None for name, _ in order})
    try:
        return run_in_order(self._instantiated_nodes, order, inputs, run_targets)
    except RuntimeError as error:
        raise GraphRunError("Error running runner.") from error


def apply() -> None:
    if not getattr(DaskGraphRunner, _MARK, False):
        DaskGraphRunner.run = run
        setattr(DaskGraphRunner, _MARK, True)


__all__ = ["execution_order", "run_in_order", "apply"]
