"""Invisible format characters inside figures (issue 12, item 3): zero-width spaces and
joiners, bidi marks, embeddings and isolates, word joiners, soft hyphens, tag characters,
variation selectors. Pasted text from web pages and chat tools carries them; a figure with
one inside (`30\u200b.5万人`) was read as `0.5万人`. Cleaning drops them, so every figure
reads as if they were not there and the offsets point into the stored (cleaned) text."""
from __future__ import annotations

import itertools
import unicodedata

import pytest

from transforms.clean import clean_text, invisible_codes
from transforms.pipeline import build_document

# One character of each kind that pasted text carries.
FORMAT_CHARACTERS = [
    "\u200b",  # zero width space
    "\u200c",  # zero width non-joiner
    "\u200d",  # zero width joiner
    "\u200e",  # left-to-right mark
    "\u200f",  # right-to-left mark
    "\u202a",  # left-to-right embedding
    "\u202b",  # right-to-left embedding
    "\u202c",  # pop directional formatting
    "\u202d",  # left-to-right override
    "\u202e",  # right-to-left override
    "\u2060",  # word joiner
    "\u2061",  # function application
    "\u2063",  # invisible separator
    "\u2066",  # left-to-right isolate
    "\u2067",  # right-to-left isolate
    "\u2068",  # first strong isolate
    "\u2069",  # pop directional isolate
    "\u061c",  # arabic letter mark
    "\u180e",  # mongolian vowel separator
    "\ufeff",  # zero width no-break space (BOM inside the text)
    "\u00ad",  # soft hyphen
    "\ufe0f",  # variation selector-16
    "\u034f",  # combining grapheme joiner
    "\U000e0020",  # tag space
]

# 52 figures of the kinds reports write: decimals with 万/亿, thousands separators, Chinese
# numerals, percentages in signs and in words, spaced figures, qualifiers, lists.
FIGURES = [
    ("城乡低保对象", "30.5万人"), ("发放救助资金", "4.95亿元"), ("特困人员", "17662人"),
    ("临时救助", "3,256人次"), ("养老机构", "128家"), ("养老床位", "1.2万张"),
    ("孤儿", "356名"), ("低保家庭", "8,941户"), ("社会组织", "1,024个"),
    ("婚姻登记", "12,345对"), ("培训", "9 次"), ("残疾人两项补贴", "2.36亿元"),
    ("城市低保标准", "每人每月850元"), ("农村低保标准", "每人每年7,200元"),
    ("高龄津贴", "5,600.5万元"), ("覆盖率", "98.6%"), ("增长", "12.5%"),
    ("提高", "百分之八十五"), ("社区", "三百二十个"), ("志愿者", "两千五百名"),
    ("慈善募捐", "约1.5亿元"), ("救助站", "近200人次"), ("殡葬服务", "3000余件"),
    ("村委会", "1,306个"), ("居委会", "214个"), ("敬老院", "62所"),
    ("护理员", "4,300名"), ("资金", "13674.6万元"), ("事实无人抚养儿童", "1,187名"),
    ("流浪乞讨人员", "2,145人次"), ("低收入人口", "15.8万人"), ("福彩公益金", "8,650万元"),
    ("行政复议", "7件"), ("执法检查", "45次"), ("普法活动", "126场"),
    ("法律顾问", "3名"), ("规范性文件", "12件"), ("信访件", "98件"),
    ("办结时限", "15个工作日"), ("服务时长", "3.6万小时"), ("占比", "百分之六十"),
    ("社工站", "215个"), ("儿童督导员", "126名"), ("助餐点", "1,035个"),
    ("床位", "2,680张"), ("老年人", "45.6万人"), ("补贴", "1.08亿元"),
    ("地名", "3,214条"), ("界线", "1,236公里"), ("建筑面积", "3000平方米"),
    ("评估", "92.6分"), ("下降", "2.3个百分点"),
]


def report(figures: list[tuple[str, str]], traditional: bool = False) -> str:
    title = "某縣民政局2023年工作總結" if traditional else "某县民政局2023年工作总结"
    body = [f"2023年，全县{subject}{figure}。" for subject, figure in figures]
    if traditional:
        body = [line.replace("县", "縣").replace("资金", "資金").replace("对象", "對象")
                .replace("万", "萬").replace("亿", "億").replace("养老", "養老")
                for line in body]
    return "\n".join([title, *body, "某县民政局", "2024年1月10日"]) + "\n"


def sprinkle(text: str, figures: list[tuple[str, str]]) -> str:
    """Every figure with format characters in it: before it, after it, between every pair
    of its characters, each figure a different mix (cycling through FORMAT_CHARACTERS)."""
    cycle = itertools.cycle(FORMAT_CHARACTERS)
    for _, figure in figures:
        for start in range(len(text)):
            if text.startswith(figure, start):
                break
        else:
            continue
        found = text[start:start + len(figure)]
        dirty = next(cycle) + "".join(ch + next(cycle) for ch in found)
        text = text[:start] + dirty + text[start + len(found):]
    return text


def figures_in(document) -> list[tuple[float, str, str]]:
    return [(m.value, m.unit, m.raw) for m in document.mentions]


@pytest.mark.parametrize("traditional", [False, True], ids=["simplified", "traditional"])
def test_figures_with_format_characters_read_as_without_them(traditional):
    clean = report(FIGURES, traditional)
    dirty = sprinkle(clean, FIGURES)
    assert len(dirty) > len(clean) + 52 * 4
    expected = build_document(clean.encode("utf-8"), "clean.txt")
    got = build_document(dirty.encode("utf-8"), "dirty.txt")
    assert len(expected.mentions) >= 52
    assert figures_in(got) == figures_in(expected)
    assert got.text == expected.text
    for mention in got.mentions:
        assert got.text[mention.start:mention.end] == mention.raw


def test_the_two_figures_of_the_issue():
    for figure, value, unit in (("30\u200b.5万人", 305000, "人"), ("4.9\u200d5亿元", 495000000, "元")):
        document = build_document(f"2023年全县低保对象{figure}。\n".encode(), "x.txt")
        assert [(m.value, m.unit) for m in document.mentions] == [(value, unit)]


def test_every_format_character_is_removed_and_nothing_visible():
    every_cf = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"]
    assert set(map(ord, every_cf)) <= invisible_codes()
    assert clean_text("3" + "".join(every_cf) + "0.5万人") == "30.5万人"
    visible = "社會救助ABC 123,。（）〔〕"
    assert not set(map(ord, visible)) & invisible_codes()


def test_format_characters_in_web_page_metadata_are_removed():
    page = ("<html><body><table><tr><td>索引号</td><td>K26\u200b058142/2024-13705</td></tr>"
            "<tr><td>发文日期</td><td>2024-03-10\u200e</td></tr></table>"
            "<div class='article'><p>某县民政局2023年工作总结</p>"
            "<p>2023年，全县城乡低保对象30.5万人，发放救助资金4.95亿元。</p></div>"
            "</body></html>")
    document = build_document(page.encode("utf-8"), "page.html")
    assert document.meta.index_no == "K26058142/2024-13705"
    assert document.meta.publish_date == "2024-03-10"
