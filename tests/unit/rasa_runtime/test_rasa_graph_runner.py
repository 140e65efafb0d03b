"""The sequential graph run gives what Rasa's dask run gives, on real Rasa graph nodes."""
from __future__ import annotations

from typing import Any, Dict, List

import pytest
from rasa.engine.exceptions import GraphComponentException, GraphRunError
from rasa.engine.graph import ExecutionContext, GraphComponent, GraphSchema, SchemaNode
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage

import bot.rasa_runtime.graph_runner as graph_runner

CALLS: List[str] = []


class Step(GraphComponent):
    """Appends its own name to what it receives, so the result shows the path through the graph."""

    def __init__(self, config: Dict[str, Any]):
        self.name = config["name"]

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> "Step":
        return cls(config)

    def run(self, **inputs: Any) -> str:
        CALLS.append(self.name)
        if self.name == "boom" or "boom" in inputs.values():
            raise RuntimeError("kapot")
        parts = [f"{key}={inputs[key]}" for key in sorted(inputs)]
        return f"{self.name}({','.join(parts)})"


def node(name: str, **needs: str) -> SchemaNode:
    return SchemaNode(needs=needs, uses=Step, constructor_name="create", fn="run",
                      config={"name": name}, eager=True)


def diamond() -> GraphSchema:
    """text -> a -> (b, c) -> d; e hangs off a but is not a target."""
    return GraphSchema({
        "a": node("a", text="__text__"),
        "b": node("b", x="a"),
        "c": node("c", x="a", y="__text__"),
        "d": node("d", left="b", right="c"),
        "e": node("e", x="a"),
    })


def runner_for(schema: GraphSchema, tmp_path) -> DaskGraphRunner:
    return DaskGraphRunner(schema, LocalModelStorage(tmp_path), ExecutionContext(schema), hooks=None)


def both(runner: DaskGraphRunner, inputs, targets):
    CALLS.clear()
    expected = graph_runner.DASK_RUN(runner, inputs=inputs, targets=targets)
    dask_calls = sorted(CALLS)
    CALLS.clear()
    actual = graph_runner.run(runner, inputs=inputs, targets=targets)
    return expected, actual, dask_calls, sorted(CALLS)


@pytest.mark.parametrize("targets", [["d"], ["b", "c"], ["a"], ["d", "e"]])
def test_same_outputs_and_each_node_once(tmp_path, targets):
    runner = runner_for(diamond(), tmp_path)
    expected, actual, dask_calls, our_calls = both(runner, {"__text__": "hoi"}, targets)
    assert actual == expected
    assert our_calls == dask_calls  # same nodes, each exactly once
    assert "e" not in our_calls or "e" in targets


def test_order_puts_dependencies_first_and_skips_inputs():
    needs = {name: n.needs for name, n in diamond().nodes.items()}
    order = [name for name, _ in graph_runner.execution_order(needs, ["d"])]
    assert order.index("a") < order.index("b") < order.index("d")
    assert order.index("a") < order.index("c") < order.index("d")
    assert "__text__" not in order and "e" not in order


def test_order_is_computed_once_per_target_list(tmp_path):
    runner = runner_for(diamond(), tmp_path)
    graph_runner.run(runner, inputs={"__text__": "x"}, targets=["d"])
    first = runner.__dict__[graph_runner._ORDER_ATTR][("d",)]
    graph_runner.run(runner, inputs={"__text__": "y"}, targets=["d"])
    assert runner.__dict__[graph_runner._ORDER_ATTR][("d",)] is first


def test_cycle_is_an_error_not_a_hang():
    with pytest.raises(GraphRunError):
        graph_runner.execution_order({"a": {"x": "b"}, "b": {"x": "a"}}, ["a"])


def test_input_named_like_a_node_is_refused_as_rasa_does(tmp_path):
    runner = runner_for(diamond(), tmp_path)
    with pytest.raises(GraphRunError):
        graph_runner.DASK_RUN(runner, inputs={"__text__": "b"}, targets=["d"])
    with pytest.raises(GraphRunError):
        graph_runner.run(runner, inputs={"__text__": "b"}, targets=["d"])


def test_error_in_a_node_surfaces_as_in_rasa(tmp_path):
    schema = GraphSchema({"boom": node("boom", text="__text__"), "after": node("after", x="boom")})
    runner = runner_for(schema, tmp_path)
    with pytest.raises(GraphComponentException, match="node boom"):
        graph_runner.DASK_RUN(runner, inputs={"__text__": "x"}, targets=["after"])
    with pytest.raises(GraphComponentException, match="node boom"):
        graph_runner.run(runner, inputs={"__text__": "x"}, targets=["after"])


def test_installed_once_on_rasas_runner():
    graph_runner.apply()
    graph_runner.apply()
    assert DaskGraphRunner.run is graph_runner.run
    assert graph_runner.DASK_RUN is not graph_runner.run
