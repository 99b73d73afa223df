"""Web pages: the article's paragraphs, without the portal around it.

Government portals wrap a report in navigation, breadcrumbs, share bars, footers and a
metadata block (索引号, 发文日期 ...). The metadata goes to page_meta; the article is
the block with the most Chinese text in its paragraphs (link text counts little).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

import lxml.html
from lxml import etree

from ._data import data_toml
from .html_nesting import flatten_nesting
from .meta import label_key, split_inline_pairs
from .model import RawDocument, UnreadableDocument
from .text import count_cjk, decode_text, is_cjk

DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.IGNORECASE)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
              "li", "ul", "ol", "dl", "dt", "dd", "table", "tbody", "thead", "tfoot", "tr",
              "td", "th", "blockquote", "pre", "center", "caption", "figure", "figcaption",
              "address", "body", "html", "hr"}
VALUE_STRIP = " \t\n\r\xa0\u3000:："  # around a value written right after its label
META_MAX_TEXT = 400  # an element holding more text than this is not a metadata block
LONGEST_PAGE_TITLE = 120
MIN_META_PAIRS = 2
LINK_WEIGHT = 0.1  # link text is navigation far more often than article
MAX_NOISE_LINE = 60
KEEP_SHARE = 0.4  # a 'noise' element holding this share of the page's Chinese is the article
CJK_CLASS = "[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
CJK_BREAK = re.compile(f"(?<={CJK_CLASS})[ \t\r\f]*\n[ \t\n\r\f]*(?={CJK_CLASS})")
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
ANY_SPACE = re.compile(r"\s+")
TITLE_SEPARATORS = re.compile(r"\s*[-_|—–]+\s*")
# Pages nested deeper than this are flattened: well under libxml2's 2,048 levels, far over
# any real page (under 50). The margin leaves room for elements the parser adds.
MAX_DEPTH = 1024
DEPTH_MARGIN = 16


def read_html(data: bytes, filename: str) -> RawDocument:
    """A web page's article text, with the portal's metadata block in page_meta."""
    declared = DECLARED_CHARSET.search(data[:4096])
    text, encoding = decode_text(data, declared.group(1).decode("ascii") if declared else None)
    root = parse_html(text)
    meta = take_page_meta(root)
    title = meta.get("标题") or meta.get("名称") or page_title(root)
    drop_noise(root)
    lines = [line for line in element_lines(main_container(root)) if not is_noise_line(line)]
    if title and title not in "".join(lines[:3]):
        lines.insert(0, title)
    if not lines:
        raise UnreadableDocument("the HTML page has no article text")
    return RawDocument("html", "\n".join(lines), encoding, meta)


def parse_html(text: str) -> lxml.html.HtmlElement:
    """Parse markup (an XML declaration would make lxml refuse a str).

    Without libxml2's huge-tree option a text node over 10 MB (an inline script) or a
    tree deeper than 256 ends the parse early, silently dropping the rest of the page.
    With it, text nodes may be large and trees 2,048 deep; a page nested deeper than
    MAX_DEPTH is parsed again flattened (html_nesting.py)."""
    markup = XML_DECLARATION.sub("", text.replace("\x00", ""))
    root = _parse(markup)
    if tree_depth(root) > MAX_DEPTH:
        prefixes = noise_config()["class_prefixes"]
        root = _parse(flatten_nesting(markup, MAX_DEPTH - DEPTH_MARGIN, BLOCK_TAGS,
                                      lambda class_id: has_noise_tokens(class_id, prefixes)))
    return root


def _parse(markup: str) -> lxml.html.HtmlElement:
    try:
        return lxml.html.document_fromstring(markup, parser=_huge_tree_parser())
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableDocument(f"the HTML page cannot be parsed ({exc})") from exc


@cache
def _huge_tree_parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(huge_tree=True)


def tree_depth(root: etree._Element) -> int:
    """The number of elements on the longest path from the root to a leaf."""
    depth = deepest = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


@cache
def noise_config() -> dict:
    """reader_html_noise.toml with its line patterns compiled."""
    config = dict(data_toml("reader_html_noise.toml"))
    config["line_regexes"] = [re.compile(p) for p in config["line_patterns"]]
    return config


def joined_text(element: etree._Element) -> str:
    """An element's text with a space at tag boundaries (so cells don't run together),
    every run of whitespace (&nbsp; and U+3000 too) as one space."""
    return ANY_SPACE.sub(" ", " ".join(element.itertext())).strip()


def take_page_meta(root: etree._Element) -> dict[str, str]:
    """Move label/value pairs (索引号 K26..., 发文日期：2024...) out of the tree into a dict."""
    meta: dict[str, str] = {}
    consumed: list[tuple[etree._Element, bool]] = []  # (element, its tail was the value)
    texts = short_texts(root, META_MAX_TEXT)
    for element in root.iter(etree.Element):
        text = texts.get(element)
        if not text or len(text) > META_MAX_TEXT or element.tag in ("html", "body", "head"):
            continue
        if any(element is done or done in element.iterancestors() for done, _ in consumed):
            continue
        if key := label_key(text):
            meta[key] = _take_label_value(element, consumed, texts)
        elif pairs := split_inline_pairs(text):
            meta.update(pairs)
            consumed.append((element, False))
    if len(meta) < MIN_META_PAIRS:
        return {}
    meta = {key: cut_furniture(value) for key, value in meta.items()}
    for element, tail_too in consumed:
        if tail_too:
            element.tail = None
        if element.getparent() is not None:
            element.drop_tree()
    return meta


def cut_furniture(value: str) -> str:
    """A metadata value without page furniture run into it (…浏览次数：12 【字体：大 中 小】)."""
    starts = [match.start() for regex in noise_config()["line_regexes"]
              if (match := regex.search(value)) and match.start() > 0]
    return value[: min(starts)].strip() if starts else value


def _take_label_value(label: etree._Element, consumed: list[tuple[etree._Element, bool]],
                      texts: dict[etree._Element, str]) -> str:
    """The value next to a label element: its tail text, or the next sibling (of an ancestor
    that holds nothing but the label, e.g. <td><span>索引号</span></td><td>value</td>)."""
    tail = (label.tail or "").strip(VALUE_STRIP)
    if tail:
        consumed.append((label, True))
        return tail
    node = label
    while node.getnext() is None and node.getparent() is not None \
            and texts.get(node.getparent()) == texts[label]:
        node = node.getparent()
    consumed.append((node, False))
    value = node.getnext()
    if value is None or label_key(joined_text(value)) or split_inline_pairs(joined_text(value)):
        return ""
    consumed.append((value, False))
    return joined_text(value)


def page_title(root: etree._Element) -> str:
    """The article title: a heading or *title* element that <title> repeats, else the first
    part of a <title> shaped 'article - site'."""
    title_element = root.find(".//title")
    full = joined_text(title_element) if title_element is not None else ""
    texts = short_texts(root, LONGEST_PAGE_TITLE)
    for element in root.iter("h1", "h2", "h3", "div", "p", "span", "td", "strong"):
        text = texts.get(element, "")
        marked = element.tag in ("h1", "h2", "h3") or "title" in _class_id(element)
        if marked and 4 <= len(text) <= LONGEST_PAGE_TITLE and sum(map(is_cjk, text)) >= 4 \
                and (not full or text in full):
            return text
    parts = [part for part in TITLE_SEPARATORS.split(full) if any(map(is_cjk, part))]
    return parts[0] if len(parts) >= 2 else ""  # a lone part is as likely the site's name


def _class_id(element: etree._Element) -> str:
    """An element's class and id, lower-cased."""
    return f"{element.get('class', '')} {element.get('id', '')}".lower()


def drop_noise(root: etree._Element) -> None:
    """Remove scripts, styles, navigation, headers/footers, menus and breadcrumbs."""
    config = noise_config()
    for node in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        _drop_keeping_tail(node)
    for element in list(root.iter(*config["drop_tags"])):
        if element.getparent() is not None:
            element.drop_tree()
    # counted before any drop: an element comes before its descendants, so when it is
    # looked at nothing inside it has been dropped and its count is still exact
    cjk = subtree_counts(root, count_cjk)
    page_cjk = max(1, cjk[root])
    for element in list(root.iter(etree.Element)):
        if element.getparent() is None or not _has_noise_class(element, config["class_prefixes"]):
            continue
        if cjk[element] < KEEP_SHARE * page_cjk:
            element.drop_tree()


def _drop_keeping_tail(node: etree._Element) -> None:
    """Remove a comment or processing instruction, keeping the text after it."""
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


def _has_noise_class(element: etree._Element, prefixes: list[str]) -> bool:
    """True when a class/id token starts with a navigation/footer/share/... word."""
    return has_noise_tokens(_class_id(element), prefixes)


def has_noise_tokens(class_id: str, prefixes: list[str]) -> bool:
    tokens = re.split(r"[\s\-_]+", class_id.lower())
    return any(token.startswith(prefix) for token in tokens if token for prefix in prefixes)


def subtree_counts(root: etree._Element, count) -> dict[etree._Element, int]:
    """count(text) summed over each element's text and everything inside it (descendants'
    text and tails, not its own tail), for every element in one walk of the tree.

    Comments and processing instructions add their tails only, as itertext reads them."""
    totals: dict[etree._Element, int] = {}
    running: list[int] = []
    for event, node in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            running.append(count(node.text or "") if isinstance(node.tag, str) else 0)
            continue
        total = running.pop()
        if isinstance(node.tag, str):
            totals[node] = total
        if running:
            running[-1] += total + count(node.tail or "")
    return totals


def short_texts(root: etree._Element, limit: int) -> dict[etree._Element, str]:
    """joined_text of every element with at most `limit` visible characters, each built
    from its children's in one walk of the tree; joining the text of each element anew
    would cost the size of its subtree every time (a deeply nested page: quadratic)."""
    visible = subtree_counts(root, visible_count)
    texts: dict[etree._Element, str] = {}
    for _, element in etree.iterwalk(root, events=("end",), tag=etree.Element):
        if visible[element] > limit:
            continue
        pieces = [element.text or ""]
        for child in element:
            pieces.extend((texts[child] if isinstance(child.tag, str) else "", child.tail or ""))
        texts[element] = ANY_SPACE.sub(" ", " ".join(pieces)).strip()
    return texts


def visible_count(text: str) -> int:
    """Characters other than whitespace."""
    return sum(map(len, text.split()))


def main_container(root: etree._Element) -> etree._Element:
    """The element whose paragraphs hold the most Chinese text (ties go to the deeper one)."""
    in_link = {node for link in root.iter("a") for node in link.iter(etree.Element)}
    scores: dict[etree._Element, float] = defaultdict(float)
    for element in root.iter(etree.Element):
        own = _own_cjk(element) * (LINK_WEIGHT if element in in_link else 1.0)
        if not own:
            continue
        block = _nearest_block(element)
        parent = block.getparent()
        scores[block] += own
        if parent is not None:
            scores[parent] += own
            if parent.getparent() is not None:
                scores[parent.getparent()] += own / 2
    if not scores:
        return root
    depth = element_depths(root)
    return max(scores, key=lambda element: (scores[element], depth[element]))


def element_depths(root: etree._Element) -> dict[etree._Element, int]:
    """Each element's number of ancestors, in one walk."""
    depths: dict[etree._Element, int] = {}
    depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            depths[element] = depth
            depth += 1
        else:
            depth -= 1
    return depths


def _own_cjk(element: etree._Element) -> int:
    """Chinese characters in an element's own text and its children's tails."""
    return count_cjk(element.text or "") + sum(count_cjk(child.tail or "") for child in element)


def _nearest_block(element: etree._Element) -> etree._Element:
    """The element itself if block-level, else its nearest block-level ancestor."""
    if element.tag in BLOCK_TAGS:
        return element
    return next((a for a in element.iterancestors() if a.tag in BLOCK_TAGS), element)


def element_lines(container: etree._Element) -> list[str]:
    """The text of an element as lines: one per block, a table row's cells joined by tabs."""
    builder = _LineBuilder()
    _walk(container, builder)
    builder.flush()
    return builder.lines


class _LineBuilder:
    """Accumulates inline text and cuts it into lines at block boundaries."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.parts: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append(text)

    def flush(self) -> None:
        line = collapse_html_space("".join(self.parts))
        if line:
            self.lines.append(line)
        self.parts = []


def collapse_html_space(text: str) -> str:
    """HTML whitespace rules: runs become one space, a source line break between Chinese
    characters disappears (as browsers render it)."""
    return HTML_SPACE.sub(" ", CJK_BREAK.sub("", text)).strip()


def _walk(container: etree._Element, out: _LineBuilder) -> None:
    """Feed an element's text into the builder, cutting lines at blocks and <br>.

    Iterative (a stack of pending steps, not recursion), so the depth of a page is no
    limit: a step is an element to enter, a text to add, or a line to end."""
    steps: list[tuple[str, etree._Element | str | None]] = [("enter", container)]
    while steps:
        step, item = steps.pop()
        if step == "text":
            out.add(item)
            continue
        if step == "flush":
            out.flush()
            continue
        after = _enter(item, out)
        if item is not container:
            after.append(("text", item.tail))
        steps.extend(reversed(after))


def _enter(element: etree._Element, out: _LineBuilder) -> list[tuple[str, etree._Element | str | None]]:
    """Handle an element's start; return the steps that follow (its children, its end)."""
    tag = element.tag
    cells = [child for child in element if child.tag in ("td", "th")] if tag == "tr" else []
    if tag == "br":
        out.flush()
        return []
    if len(cells) >= 2:
        out.flush()
        row = "\t".join(" ".join(element_lines(cell)) for cell in cells).rstrip("\t")
        if row.strip():
            out.lines.append(row)
        return []
    children: list[tuple[str, etree._Element | str | None]] = [("text", element.text)]
    for child in element:
        children.append(("enter", child) if isinstance(child.tag, str) else ("text", child.tail))
    if tag in BLOCK_TAGS:
        out.flush()
        children.append(("flush", None))
    return children


def is_noise_line(line: str) -> bool:
    """A short line of page furniture (当前位置, 打印本页, 版权所有 ...)."""
    return len(line) < MAX_NOISE_LINE and any(
        regex.search(line) for regex in noise_config()["line_regexes"])
