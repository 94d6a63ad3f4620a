"""The catalogue of changes holds: every topic has its payload type, survives the wire, is published by
the core somewhere, and every topic anything subscribes to has a publisher."""

from __future__ import annotations

import ast
import dataclasses
import importlib
from pathlib import Path

import pytest

from app.events import PAYLOADS, Change, Topic

ROOT = Path(__file__).resolve().parents[1]
CORE = ("app", "alarms", "video", "runtime")
EVERYWHERE = (*CORE, "widgets")


def sample(topic: Topic):
    """A payload of the topic's type with a value in every field."""
    payload_type = PAYLOADS[topic]
    values = {}
    for field in dataclasses.fields(payload_type):
        kind = str(field.type)
        values[field.name] = 7 if "int" in kind else True if "bool" in kind else f"{field.name}-value"
    return payload_type(**values)


@pytest.mark.parametrize("topic", list(Topic))
def test_every_topic_has_a_payload_that_survives_the_wire(topic):
    change = Change(topic, (1, 2), sample(topic), origin="seat-a")
    again = Change.from_dict(change.as_dict())
    assert (again.topic, again.ids, again.payload, again.origin, again.at) == (
        topic,
        (1, 2),
        change.payload,
        "seat-a",
        change.at,
    )


def test_a_change_with_the_wrong_payload_is_refused():
    with pytest.raises(TypeError, match="TicketChanged"):
        Change(Topic.TICKET, (1,), sample(Topic.ALARM))
    with pytest.raises(ValueError):
        Change("no-such-topic", ())
    with pytest.raises(TypeError):  # a payload with fields that have no default must be given
        Change(Topic.ALARM, (1,))


def _calls(package: str, names: set[str]):
    """(module, first argument) of every call to a function or method named in `names`."""
    for path in sorted((ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name in names:
                yield module, node.args[0]


def _topics(package_names, call_names: set[str]) -> dict[Topic, set[str]]:
    """The topics named as the first argument of those calls, resolved in their module, with where."""
    found: dict[Topic, set[str]] = {}
    for package in package_names:
        for module_name, argument in _calls(package, call_names):
            if isinstance(argument, ast.Constant) and argument.value == "*":
                continue
            module = importlib.import_module(module_name.removesuffix(".__init__"))
            try:
                value = eval(compile(ast.Expression(argument), module_name, "eval"), vars(module))  # noqa: S307
            except NameError:  # a local variable (a helper's parameter): not a topic named in the code
                continue
            if isinstance(value, str):
                found.setdefault(Topic(value), set()).add(module_name)
    return found


def test_every_topic_subscribed_to_is_published_by_the_core():
    published = _topics(CORE, {"Change"})
    subscribed = _topics(EVERYWHERE, {"subscribe", "on"})
    assert _topics(("widgets",), {"Change"}) == {}  # views change nothing: the core publishes
    missing = {topic: sorted(where) for topic, where in subscribed.items() if topic not in published}
    assert missing == {}, "subscribed to, published by nobody"


def test_every_topic_of_the_catalogue_is_published_somewhere():
    assert set(Topic) - set(_topics(CORE, {"Change"})) == set()
