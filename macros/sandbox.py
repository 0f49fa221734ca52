"""A page's template, parsed and never compiled: text and the handbook's macros, nothing else.

Jinja is used only to split a page into text and `{{ ... }}` parts. The parts are then checked
against an allowlist (a call to a named macro, with quoted text arguments) and rendered by
calling the macro directly. No Jinja code is compiled or run, so nothing reaches Python: there
is no context, no global, no filter, no attribute and no arithmetic to evaluate.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import jinja2
from jinja2 import nodes

from macros.problems import ContentError, Problem, did_you_mean

# Limits for one page; far above what any real page uses, low enough to bound the work.
MAX_CALLS = 200
MAX_ARGUMENT = 200

Macro = Callable[..., str]
HOW = 'Write macros as {{ name("value") }}.'


@dataclass(frozen=True)
class MacroCall:
    """One macro call in a page, with its arguments resolved to plain text."""

    name: str
    arguments: dict[str, str]
    line: int


Part = str | MacroCall


def parse_template(
    body: str, label: str, offset: int, signatures: Mapping[str, tuple[str, ...]]
) -> tuple[Part, ...]:
    """Split a page body into literal text and macro calls; raise ContentError on anything else.

    `offset` is the number of lines before `body` in the file, so problems name the real line.
    `signatures` holds each macro's name and the names of its arguments, in order.
    """
    # Keep the last newline, so text passes through unchanged.
    environment = jinja2.Environment(autoescape=False, keep_trailing_newline=True)  # noqa: S701
    try:
        tree = environment.parse(body)
    except jinja2.TemplateSyntaxError as error:
        line = (error.lineno or 0) + offset
        message = f"A macro is written wrongly: {error.message}. {HOW}"
        raise ContentError([Problem(label, line, "", message)]) from None
    except RecursionError:
        message = f"A macro is nested too deeply. {HOW}"
        raise ContentError([Problem(label, offset + 1, "", message)]) from None
    problems: list[Problem] = []
    parts: list[Part] = []
    for statement in tree.body:
        if not isinstance(statement, nodes.Output):
            line = statement.lineno + offset
            problems.append(
                Problem(label, line, "", "Pages may not use {% %} blocks. Use the macros only.")
            )
            continue
        for node in statement.nodes:
            part = _part(node, label, node.lineno + offset, signatures, problems)
            if part is not None:
                parts.append(part)
    calls = [part for part in parts if isinstance(part, MacroCall)]
    if len(calls) > MAX_CALLS:
        problems.append(
            Problem(
                label, calls[MAX_CALLS].line, "", f"A page may call {MAX_CALLS} macros at most."
            )
        )
    if problems:
        raise ContentError(problems)
    return tuple(parts)


def render(parts: tuple[Part, ...], macros: Mapping[str, Macro], label: str) -> str:
    """Join the text and each macro's output; a macro must return text."""
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        result = macros[part.name](**part.arguments)
        if not isinstance(result, str):
            message = f"{part.name}() did not return text."
            raise ContentError([Problem(label, part.line, "", message)])
        out.append(str.__str__(result))  # plain text, even from a str subclass such as Markup
    return "".join(out)


def _part(
    node: nodes.Node,
    label: str,
    line: int,
    signatures: Mapping[str, tuple[str, ...]],
    problems: list[Problem],
) -> Part | None:
    if isinstance(node, nodes.TemplateData):
        return node.data
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name):
        name = node.node.name
        if name not in signatures:
            problems.append(_unknown_name(label, line, name, signatures))
            return None
        arguments, problem = _arguments(node, name, signatures[name])
        if problem:
            problems.append(Problem(label, line, "", problem))
            return None
        return MacroCall(name, arguments, line)
    problems.append(Problem(label, line, "", _refusal(node, signatures)))
    return None


def _refusal(node: nodes.Node, signatures: Mapping[str, tuple[str, ...]]) -> str:
    if isinstance(node, nodes.Name) and node.name not in signatures:
        hint = did_you_mean(node.name, signatures)
        return f"'{node.name}' is not one of the handbook's macros.{hint} {_names(signatures)}"
    if isinstance(node, nodes.Getattr | nodes.Getitem) or any(
        True for _ in node.find_all((nodes.Getattr, nodes.Getitem))
    ):
        return "Pages may only call the handbook's macros, not attributes."
    return f"Only a call to one of the handbook's macros can go in {{{{ }}}}. {_names(signatures)}"


def _arguments(  # noqa: PLR0911 (one return per way a call can be wrong)
    node: nodes.Call, name: str, expected: tuple[str, ...]
) -> tuple[dict[str, str], str]:
    """Return a macro call's arguments by name, or what is wrong with them in plain words."""
    if node.dyn_args is not None or node.dyn_kwargs is not None:
        return {}, f'{name}() needs each argument in quotes, like "trust".'
    if len(node.args) > len(expected):
        return {}, f"{name}() takes {_count(len(expected))}; it was given more."
    given: list[tuple[str, nodes.Expr]] = list(zip(expected, node.args, strict=False))
    for keyword in node.kwargs:
        if keyword.key not in expected:
            hint = did_you_mean(keyword.key, expected)
            return {}, f"{name}() has no '{keyword.key}' argument.{hint}"
        if keyword.key in dict(given):
            return {}, f"{name}() was given its {keyword.key} twice."
        given.append((keyword.key, keyword.value))
    arguments = {}
    for key, value in given:
        if not isinstance(value, nodes.Const) or type(value.value) is not str:
            return {}, f'{name}() needs its {key} in quotes, like "trust".'
        if len(value.value) > MAX_ARGUMENT:
            return {}, f"{name}() was given a {key} longer than {MAX_ARGUMENT} characters."
        arguments[key] = value.value
    if len(expected) == 1 and expected[0] not in arguments:
        return {}, f'{name}() needs its {expected[0]} in quotes, like {name}("...").'
    return arguments, ""


def _unknown_name(
    label: str, line: int, name: str, signatures: Mapping[str, tuple[str, ...]]
) -> Problem:
    hint = did_you_mean(name, signatures)
    message = f"'{name}' is not one of the handbook's macros.{hint} {_names(signatures)}"
    return Problem(label, line, "", message)


def _names(signatures: Mapping[str, tuple[str, ...]]) -> str:
    return f"The macros are: {', '.join(sorted(signatures))}."


def _count(number: int) -> str:
    return {0: "no arguments", 1: "one argument"}.get(number, f"{number} arguments")
