"""Safe YAML reading that remembers the line of every field and refuses hostile input."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from macros.problems import ContentError, Problem, printable

MAX_BYTES = 256 * 1024
MAX_DEPTH = 12

Path_ = tuple[str | int, ...]


# libyaml's parser gives the same nodes with the same marks as PyYAML's own, many times faster.
_FastSafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_FastSafeLoader):  # type: ignore[valid-type,misc]
    """SafeLoader that leaves dates as text, so the models can say plainly when one is wrong."""


class _PyLoader(yaml.SafeLoader):
    """The same loader on PyYAML's own parser, whose refusals name the problem and its line."""


def _keep_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _keep_text)
# One table of constructors for both, so a constructor given to _Loader serves both parsers.
_PyLoader.yaml_constructors = _Loader.yaml_constructors


@dataclass(frozen=True)
class LineMap:
    """Where each field of a parsed YAML document starts, by its path of keys and indexes."""

    lines: dict[Path_, int] = field(default_factory=dict)
    offset: int = 0

    def line_of(self, path: Path_) -> int:
        """Return the line of the deepest known part of `path` (1-based, in the real file)."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]] + self.offset
        return 1 + self.offset


def read_text(path: Path, label: str) -> str:
    """Read a UTF-8 text file, refusing oversized, binary, or byte-order-marked files."""
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise ContentError(
            [Problem(label, 0, "", f"The file is larger than {MAX_BYTES // 1024} KiB. Split it.")]
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ContentError(
            [
                Problem(
                    label,
                    1,
                    "",
                    "The file starts with a byte-order mark. Save it as UTF-8 without a BOM.",
                )
            ]
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(
            [Problem(label, line, "", "The file has bytes that are not UTF-8 text. Save as UTF-8.")]
        ) from None


def parse_yaml(text: str, label: str, offset: int = 0) -> tuple[Any, LineMap]:
    """Parse one YAML document and map every field to its line; raise ContentError if unsafe."""
    if _pyyaml_refuses_more(text):
        return _parse(text, label, offset, _PyLoader)
    try:
        return _parse(text, label, offset, _Loader)
    except ContentError:
        # Refusals are rare: read the file again with PyYAML's parser, so each keeps the words
        # and line it has always had (libyaml words some errors differently).
        return _parse(text, label, offset, _PyLoader)


# What PyYAML refuses (or reads differently) and libyaml lets through, found by reading many
# broken files both ways: a tab, a byte-order mark after the start, a comment straight after a
# block scalar's | or >, and a '?' where a flow collection ([...] or {...}) may hold it.
_PYYAML_ONLY = re.compile(r"[\t\ufeff]|[|>][-+0-9]*#")


def _pyyaml_refuses_more(text: str) -> bool:
    """Whether libyaml might accept what PyYAML refuses, or read it differently."""
    return bool(_PYYAML_ONLY.search(text)) or ("?" in text and ("[" in text or "{" in text))


def load_as_pyyaml(text: str) -> object:
    """Load YAML exactly as `yaml.SafeLoader` does (MkDocs reads front matter so), faster.

    libyaml reads it where it gives the same; anything it might read differently, or refuses,
    goes to PyYAML's own parser, whose answer (or error) is the one given.
    """
    if not _pyyaml_refuses_more(text):
        try:
            return yaml.load(text, Loader=_FastSafeLoader)  # noqa: S506 (a SafeLoader)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError):
            pass  # read again below, for PyYAML's own words and line
    return yaml.load(text, Loader=yaml.SafeLoader)


def _parse(
    text: str, label: str, offset: int, loader_class: type[yaml.SafeLoader]
) -> tuple[Any, LineMap]:
    try:
        loader = loader_class(text)
    except yaml.reader.ReaderError as error:  # PyYAML's reader refuses it before parsing
        line = text.count("\n", 0, max(error.position, 0)) + 1 + offset
        message = (
            f"This file holds a control character (U+{error.character:04X}) that YAML does not"
            " allow. Delete it, or retype the text around it."
            if isinstance(error.character, int)
            else f"This is not valid YAML: {error.reason}."
        )
        raise ContentError([Problem(label, line, "", message)]) from None
    try:
        node = loader.get_single_node()
        lines: dict[Path_, int] = {}
        if node is not None:
            _record_lines(node, (), lines, _Walk(label, offset, text=text, loader=loader_class))
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 if mark else 0) + offset
        raise ContentError([Problem(label, line, "", _explain(error))]) from None
    except yaml.YAMLError as error:
        raise ContentError(
            [Problem(label, offset, "", f"This is not valid YAML: {error}")]
        ) from None
    except RecursionError:
        problem = Problem(label, offset + 1, "", "The data is nested too deeply.")
        raise ContentError([problem]) from None
    finally:
        loader.dispose()
    return data, LineMap(lines, offset)


@dataclass
class _Walk:
    """What the line walk needs to report problems, and the nodes it has already seen."""

    label: str
    offset: int
    seen: set[int] = field(default_factory=set)

    text: str = ""
    loader: type[yaml.SafeLoader] = yaml.SafeLoader

    def first_alias_line(self) -> int:
        """Return the line of the first alias (*name), found by reading the text again."""
        for event in yaml.parse(self.text, Loader=self.loader):
            if isinstance(event, yaml.AliasEvent) and event.start_mark:
                return event.start_mark.line + 1 + self.offset
        return 1 + self.offset

    def refuse(self, node: yaml.Node, message: str) -> ContentError:
        return ContentError(
            [Problem(self.label, node.start_mark.line + 1 + self.offset, "", message)]
        )


def _record_lines(node: yaml.Node, path: Path_, out: dict[Path_, int], walk: _Walk) -> None:
    # A node met twice is an alias (*name): refused, since aliases can multiply data without end.
    if id(node) in walk.seen:
        raise ContentError(
            [
                Problem(
                    walk.label,
                    walk.first_alias_line(),
                    "",
                    "YAML aliases (*name) are not allowed. Write the value out.",
                )
            ]
        )
    walk.seen.add(id(node))
    if len(path) > MAX_DEPTH:
        raise walk.refuse(node, "The data is nested too deeply.")
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        keys: set[str] = set()
        for key, value in node.value:
            child = (*path, str(key.value))
            # YAML keeps the last of two equal keys without a word; one of them is a mistake.
            if isinstance(key, yaml.ScalarNode):
                if key.value in keys:
                    shown = printable(str(key.value))[:60]
                    raise walk.refuse(key, f"'{shown}' is given twice here. Keep one of them.")
                keys.add(key.value)
            out.setdefault(child, key.start_mark.line + 1)
            _record_lines(value, child, out, walk)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*path, index), out, walk)


def _explain(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or "it cannot be read"
    if "'\\t'" in problem or "\\t" in problem:
        return "This is not valid YAML: it contains a tab. Indent with spaces only."
    if "could not determine a constructor" in problem:
        return "Tags such as '!!python/...' are not allowed in data files. Remove the tag."
    hint = " Check the indentation and that every 'key: value' has a space after the colon."
    return f"This is not valid YAML: {problem}.{hint}"


def load_yaml_file(path: Path, label: str) -> tuple[Any, LineMap]:
    """Read and parse a YAML data file, refusing empty files."""
    text = read_text(path, label)
    if not text.strip():
        raise ContentError([Problem(label, 1, "", "The file is empty.")])
    return parse_yaml(text, label)


def yaml_quoted(value: object) -> str:
    r"""Return `value` as a double-quoted YAML scalar that any YAML reader gives back unchanged.

    JSON text is almost YAML, but JSON writes characters beyond U+FFFF as surrogate pairs
    ("\ud83d\ude00"), which YAML readers refuse; YAML writes them as one "\U0001f600" escape.
    Every other character outside printable ASCII is escaped, so no character in the data can
    end the value, the line or the front matter.
    """
    text = json.dumps(str(value), ensure_ascii=True)
    # As Jinja's tojson does: no markup characters, even in text that is never HTML.
    for character in "<>&'":
        text = text.replace(character, f"\\u{ord(character):04x}")
    return SURROGATE_PAIR.sub(_astral, text)


SURROGATE_PAIR = re.compile(r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})")


def _astral(match: re.Match[str]) -> str:
    high, low = int(match.group(1), 16), int(match.group(2), 16)
    return f"\\U{0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00):08x}"
