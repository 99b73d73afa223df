"""Pages nested deeper than the HTML parser goes, rewritten as markup it can read whole.

libxml2 stops building the tree at 2,048 levels (256 without its huge-tree option) and
drops the rest of the page. A page that deep is almost always wrappers inside wrappers
(`<div><span><div>…` around the article), so those are removed first: an element holding
exactly one element and no text of its own, when removing it changes no line of the text.
What is still too deep is then capped the way browsers cap it: an element that would open
below the limit closes the deepest open one first and becomes its sibling.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

TAG = re.compile(r"<(?P<end>/)?(?P<name>[A-Za-z][A-Za-z0-9:-]*)\b(?P<attributes>[^>]*?)(?P<self_closing>/)?>")
UNPARSED_BLOCKS = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
CLASS_OR_ID = re.compile(r"""\b(?:class|id)\s*=\s*["']?([^"'>]*)""", re.IGNORECASE)
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
             "param", "source", "track", "wbr", "basefont", "frame", "isindex", "keygen"}
# Elements the parser closes when the next one of their kind (or a block) opens.
OPTIONAL_END_TAGS = {"p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup",
                     "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp"}
# Elements that are pure layout when they wrap a single element (not a, table parts, lists).
WRAPPER_TAGS = {"div", "span", "font", "section", "center", "b", "strong", "i", "em", "u"}


def flatten_nesting(markup: str, limit: int, block_tags: set[str],
                    is_noise_class) -> str:
    """The markup with scripts, styles and comments cut out (a '<div>' in a script is no
    tag), pure wrappers removed, and no element deeper than `limit`.

    `block_tags` are the tags that end a line; `is_noise_class(class and id)` tells page
    furniture, whose wrappers are kept so that it is still recognised and dropped."""
    markup = UNPARSED_BLOCKS.sub("", markup)
    return cap_depth(unwrap(markup, block_tags, is_noise_class), limit, block_tags)


@dataclass
class _Open:
    """An element open in the markup while unwrapping."""

    name: str
    start: int  # index of its start tag in the output pieces
    removable: bool  # a wrapper tag without a furniture class
    children: int = 0
    has_text: bool = False
    child_is_block: bool = False  # its last child element, after unwrapping, ends lines


def unwrap(markup: str, block_tags: set[str], is_noise_class) -> str:
    """Remove the start and end tags of every pure wrapper: a WRAPPER_TAGS element with one
    child element and no text of its own, that is inline or wraps a block (so the lines
    of the text stay the same)."""
    pieces: list[str] = []
    source: list[_Open] = []
    position = 0
    for tag in TAG.finditer(markup):
        between = markup[position:tag.start()]
        pieces.append(between)
        position = tag.end()
        if source and not between.isspace() and between:
            source[-1].has_text = True
        name = tag.group("name").lower()
        if name in VOID_TAGS or tag.group("self_closing"):
            if source:
                source[-1].children += 1
            pieces.append(tag.group())
        elif not tag.group("end"):
            if source and _closed_by(source[-1].name, name, block_tags):
                _close(source, source.pop(), None, pieces, block_tags)
            if source:
                source[-1].children += 1
            attributes = " ".join(CLASS_OR_ID.findall(tag.group("attributes")))
            removable = name in WRAPPER_TAGS and not (attributes and is_noise_class(attributes))
            source.append(_Open(name, len(pieces), removable))
            pieces.append(tag.group())
        else:
            match = _innermost(source, name)
            if match is None:
                pieces.append(tag.group())
                continue
            while len(source) > match + 1:  # closed implicitly by this end tag
                _close(source, source.pop(), None, pieces, block_tags)
            pieces.append(tag.group())
            _close(source, source.pop(), len(pieces) - 1, pieces, block_tags)
    pieces.append(markup[position:])
    return "".join(pieces)


def _close(source: list[_Open], element: _Open, end: int | None, pieces: list[str],
           block_tags: set[str]) -> None:
    """An element ends (at pieces[end], or implicitly): unwrap it if it is a pure wrapper,
    and tell its parent whether it ends lines."""
    pure = (element.removable and end is not None and element.children == 1
            and not element.has_text and (element.name not in block_tags or element.child_is_block))
    if pure:
        pieces[element.start] = pieces[end] = ""
    if source:
        source[-1].child_is_block = element.child_is_block if pure else element.name in block_tags


def cap_depth(markup: str, limit: int, block_tags: set[str]) -> str:
    """No element deeper than `limit`: one that would open deeper closes the deepest open
    element first and becomes its sibling; the end tag of an element closed early is
    dropped (what it still held open is closed in its place)."""
    source: list[list] = []  # the elements open in the markup: [name, still open in the output]
    depth = 0  # elements open in the output
    pieces: list[str] = []
    position = 0
    for tag in TAG.finditer(markup):
        name = tag.group("name").lower()
        if name in VOID_TAGS or tag.group("self_closing"):
            continue
        pieces.append(markup[position:tag.start()])
        position = tag.end()
        if not tag.group("end"):
            if source and _closed_by(source[-1][0], name, block_tags):
                depth -= source.pop()[1]
            if depth >= limit:
                deepest = next(entry for entry in reversed(source) if entry[1])
                deepest[1] = False
                depth -= 1
                pieces.append(f"</{deepest[0]}>")
            source.append([name, True])
            depth += 1
            pieces.append(tag.group())
            continue
        match = next((i for i in range(len(source) - 1, -1, -1) if source[i][0] == name), None)
        if match is None:
            pieces.append(tag.group())
            continue
        closed, source[match:] = source[match:], []
        depth -= sum(entry[1] for entry in closed)
        if closed[0][1]:
            pieces.append(tag.group())
        else:
            pieces.extend(f"</{entry[0]}>" for entry in reversed(closed) if entry[1])
    pieces.append(markup[position:])
    return "".join(pieces)


def _closed_by(open_name: str, name: str, block_tags: set[str]) -> bool:
    """True when a start tag `name` closes the open element `open_name` (<p>…<p>, <li>…<li>,
    <p>…<div>), as the parser does."""
    return (open_name == name and name in OPTIONAL_END_TAGS) or (open_name == "p" and name in block_tags)


def _innermost(source: list[_Open], name: str) -> int | None:
    """Index of the innermost open element called `name`."""
    return next((i for i in range(len(source) - 1, -1, -1) if source[i].name == name), None)
