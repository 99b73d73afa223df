"""Tests for transforms.clean.clean_text, on the five real seeds and on small cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.clean import clean_text, normalise_characters, remove_artefacts

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"  # shared/ beside the checkout
SEED_NAMES = ["000_6cf266fa05b291f0.txt", "001_4255bb0bfaec8739.txt", "002_c06b7f5aae480f72.txt",
              "003_c639ab8258987249.txt", "004_5bbc311049781d44.txt"]


def seed(number: int) -> str:
    path = SEEDS / SEED_NAMES[number]
    if not path.exists():
        pytest.skip(f"the real seed reports are not beside the checkout ({SEEDS})")
    return path.read_text(encoding="utf-8")


def cleaned_lines(number: int) -> list[str]:
    return clean_text(seed(number)).split("\n")


# --- the seeds --------------------------------------------------------------------------


def test_break_across_blank_line_is_repaired_in_003():
    text = clean_text(seed(3))
    assert "一是严格执行依法决策制度。" in text
    assert "亲自部署推进、重大问题亲自过问" in text
    assert "我局认真贯彻落实《中华人民共和国行政复议法》" in text
    assert "目前主要集中在社会组织领域,殡葬、区划" in text
    assert "抓好政务信息网站的建设" in text


def test_breaks_in_one_paragraph_per_line_text_are_repaired_in_004():
    text = clean_text(seed(4))
    assert "现将工作情况总结如下。" in text
    assert "投入资金300余万元,带动农村群众增收致富" in text
    assert "任一婚姻登记机关办理结婚登记" in text
    # a line that is only '。' goes back onto its sentence, which then ends the paragraph
    assert "探索“物质+服务”救助。\n(三)聚焦社会组织培育" in text
    assert "\n。" not in text


@pytest.mark.parametrize("number, heading", [
    (0, "一、工作开展情况"), (0, "(一)政策法规宣传与政治引领"), (0, "三、下一步法治政府建设工作计划"),
    (1, "(七)专项事务管理能力进一步提升。"), (1, "四、2024年主要工作思路和打算"),
    (2, "一、民政法治建设推进情况"), (2, "(四)健全矛盾纠纷化解和应急处置机制"),
    (3, "一、2023 年法治政府建设主要情况"), (3, "三、下一步工作计划"),
    (3, "(一)、深入学习贯彻习近平总书记重要讲话重要指示精神及习近平法治思想情况,"
        "深入贯彻落实党的二十大关于法治建设重大部署的情况"),
    (4, "一、工作开展情况"), (4, "市民政局关于2025年上半年工作总结"),
])
def test_headings_keep_their_own_lines(number, heading):
    assert heading in cleaned_lines(number)


def test_numbered_paragraphs_broken_at_a_page_end_are_joined_not_kept_as_headings():
    lines = cleaned_lines(3)
    joined = [line for line in lines if line.startswith("(一)持续完善工作机制")]
    assert len(joined) == 1 and "半年前的评估工作" in joined[0]


def test_signature_block_stays_on_its_own_lines():
    assert cleaned_lines(0)[-2:] == ["巫溪县民政局", "2026年1月8日"]
    assert cleaned_lines(1)[-2:] == ["十堰市茅箭区民政局", "2024年3月10日"]


def test_title_broken_over_two_lines_is_rejoined_but_letterhead_is_not():
    assert cleaned_lines(2)[0] == "第三师图木舒克市民政局2025年度法治政府建设工作报告"
    assert cleaned_lines(3)[:2] == ["广东省湛江市坡头区民政局", "坡头民政局 2023 年法治政府建设工作报告"]


def test_bookmark_artefact_is_gone():
    text = clean_text(seed(2))
    assert "[bookmark" not in text and "_GoBack" not in text
    assert cleaned_lines(2)[1].startswith("2025年在师市党委的正确领导下")


def test_web_metadata_lines_of_001_are_left_alone_by_clean_text():
    lines = cleaned_lines(1)
    assert lines[1:5] == ["索引号", "K26058142/2024-13705", "主题分类", "其他"]


@pytest.mark.parametrize("number", range(5))
def test_seeds_are_idempotent_and_tidy(number):
    once = clean_text(seed(number))
    assert clean_text(once) == once
    assert "\n\n" not in once and "\r" not in once
    assert all(line == line.rstrip() and line for line in once.split("\n"))


@pytest.mark.parametrize("number", range(5))
def test_repair_removes_only_whitespace(number):
    raw = seed(number)
    expected = "".join(remove_artefacts(normalise_characters(raw)).split())
    assert "".join(clean_text(raw).split()) == expected


def test_spaces_inside_figures_are_kept():
    text = clean_text(seed(3))
    assert "坡头民政局 2023 年法治政府建设工作报告" in text
    assert "开展不少于 100 次法治课堂活动" in text
    assert clean_text("全年开展培训 9 次。") == "全年开展培训 9 次。"


# --- characters -------------------------------------------------------------------------


def test_full_width_ascii_and_ideographic_space_fold_to_half_width():
    assert clean_text("（一）２０２３年，ＡＢＣ：１００％；") == "(一)2023年,ABC:100%;"
    assert clean_text("民政局\u30002023年") == "民政局 2023年"


def test_small_form_variants_fold_like_full_width_forms():
    """A page typeset with the small forms (﹪, ﹐, ﹑) writes the same marks: 12.5﹪ is a rate."""
    assert clean_text("同比增长12.5﹪﹐其中农村﹑城市各半") == "同比增长12.5%,其中农村、城市各半"


def test_ratio_sign_and_presentation_colons_fold_to_colon():
    """∶ (the ratio sign) and ︰ ︓ ﹕ stand for a colon in ratios, clock times and labels."""
    assert clean_text("结构为9.6︰40.2︰50.2,之比1∶0.8,时间︓8﹕30") == "结构为9.6:40.2:50.2,之比1:0.8,时间:8:30"


def test_chinese_brackets_quotes_and_traditional_characters_are_kept():
    text = "依据〔2024〕5号文件【重点】《慈善法》“民政为民”，臺灣與社會福利。"
    assert clean_text(text) == text.replace("，", ",")


def test_line_endings_trailing_spaces_and_blank_runs():
    raw = "一、总体情况\r\n\r\n\r\n全年工作顺利。  \r二、下一步计划\u2028\n\n三、附则  \t"
    assert clean_text(raw) == "一、总体情况\n全年工作顺利。\n二、下一步计划\n三、附则"


def test_invisible_characters_and_field_codes_are_removed():
    raw = ("\ufeff见第 PAGE \\* MERGEFORMAT 3页{ PAGE }，"
           'HYPERLINK "http://www.mca.gov.cn" 民政部网站\u200b[bookmark: 目录1]。')
    assert clean_text(raw) == "见第 3页,民政部网站。"


def test_empty_and_blank_text():
    assert clean_text("") == ""
    assert clean_text(" \n\u3000\n\t\n") == ""


# --- line-break repair ------------------------------------------------------------------


PDF_WRAPPED = """某某县民政局2023年工作总结
一、工作开展情况
全年共保障城乡低保对象17662人特困人员
3092人实施临时救助610人次全年发放资金
13674.6万元有效保障了困难群众基本生活
二、存在问题
基层力量薄弱专业人才缺乏工作经费不足
问题较为突出
某某县民政局
2024年1月10日"""


def test_pdf_wrapped_lines_without_punctuation_are_joined_by_width():
    assert clean_text(PDF_WRAPPED).split("\n") == [
        "某某县民政局2023年工作总结",
        "一、工作开展情况",
        "全年共保障城乡低保对象17662人特困人员3092人实施临时救助610人次全年发放资金"
        "13674.6万元有效保障了困难群众基本生活",
        "二、存在问题",
        "基层力量薄弱专业人才缺乏工作经费不足问题较为突出",
        "某某县民政局",
        "2024年1月10日",
    ]


def test_sentences_and_short_lines_are_not_joined():
    text = "工作总结\n全年完成任务。\n下一步计划\n继续推进,确保落实。"
    assert clean_text(text) == text


def test_numbered_items_start_new_lines_even_after_an_open_clause():
    text = "主要做法如下,包括\n1.加强领导。\n2.完善制度。\n(1)细化措施\n一是压实责任。"
    assert clean_text(text) == text


def test_decimal_at_line_start_is_not_a_numbered_item():
    text = "截至6月底,全市共有城乡低保对象\n30.5万人。"
    assert clean_text(text) == text.replace("\n", "")


def test_open_quote_ending_is_not_a_sentence_end():
    text = "工作总结。\n一是简化流程,深入推进“放管服”\n改革,优化审批。"
    assert clean_text(text) == "工作总结。\n一是简化流程,深入推进“放管服”改革,优化审批。"
    assert clean_text("他说:“工作完成了。”\n下一段开始,继续。") == "他说:“工作完成了。”\n下一段开始,继续。"


def test_latin_words_broken_over_lines_get_a_space():
    text = "依托民政部金民工程信息 system,\nplatform 建设。"
    assert clean_text(text) == text.replace("\n", "")
    assert clean_text("系统名称为 Civil,Affairs\nPlatform 等。") == "系统名称为 Civil,Affairs Platform 等。"


def test_table_rows_are_never_joined():
    text = "主要指标如下,单位为人\n城乡低保对象\t17662人\n特困人员\t3092人"
    assert clean_text(text) == text


@pytest.mark.parametrize("rows", [
    # a page's table flattened with pipes, rows as long as the document's lines
    ["项目 | 本月 | 累计 |", "一、城市最低生活保障 | | |", "保障户数 | 1234 | 1240 |", "保障资金 | 88.2 | 88.9 |",
     "农村保障户数 | 2234 | 2240 |"],
    # with spaces only: a row ends in two figures
    ["城市保障户数 户 1234 1240", "城市保障资金 万元 88.2 88.9", "农村保障户数 户 2234 2240"],
    # cells run together, each row's figure bare after its label, a wide gap before one
    ["二、救助站点", "1.救助管理站                  41", "托养机构26", "临时安置点床位万张", "流浪救助人次万人次3,108"],
])
def test_rows_of_flattened_tables_are_never_joined(rows):
    text = "\n".join(rows)
    assert clean_text(text) == text


def test_a_number_broken_before_its_unit_is_rejoined_after_a_bare_row():
    text = "一、基本情况。\n全年累计发放城乡低保资金和特困供养资金合计12\n万元惠及困难群众三千余人全县共有孤儿12\n人。"
    assert clean_text(text) == "一、基本情况。\n" + text.split("\n", 1)[1].replace("\n", "")


def test_a_number_grouped_by_a_thousands_space_ending_a_line_of_prose_rejoins_its_unit():
    # round 27's call: 1 264万元 is one figure, however the page wraps it
    lines = ["全镇农作物受灾面积达8 215公顷,其中成灾面积3 106公顷,绝收面积1 052",
             "公顷,转移安置群众1 390人,倒塌房屋2 418", "间,直接经济损失4 675万元。"]
    assert clean_text("\n".join(lines)) == "".join(lines)
    # a row of a table whose figures a space parts stays a row
    rows = ["城市保障户数 户 1 234", "城市保障资金 万元 88.2 88.9"]
    assert clean_text("\n".join(rows)) == "\n".join(rows)


def test_lines_of_an_item_layout_are_never_joined():
    # an infographic's figures, one a line without punctuation, one line as long as a wrapped one's
    text = "一、主要成效。\n全年为城乡特困供养人员和低保对象发放取暖补贴确保安全过冬\n走访慰问留守老人\n3216人次\n发放棉被\n1840床"
    assert clean_text(text) == text


def test_a_template_row_with_its_gloss_keeps_its_counts_a_line_each():
    # the 信息公开 template's application table a cell a line without pipes: the gloss's commas would
    # make the row's label prose and run its counts onto it as one figure (1003004)
    text = "(一)予以公开\n4\n0\n4\n(二)部分公开(区分处理的,只计这一情形,不计其他情形)\n1\n0\n0\n3\n0\n0\n4\n(三)不予公开"
    assert clean_text(text) == text


def test_a_unit_note_stands_alone_between_a_table_title_and_its_cells():
    # an allocation table a cell a line under its title: the note's colon would make the title's
    # paragraph prose, and each pass would then run one more cell onto it
    text = "附件\n2024年困难群众救助补助资金分配表\n金额单位:万元\n单位\n金额\n单位\n金额\n全县合计\n120\n青石镇\n35"
    assert clean_text(text) == text


def test_a_joint_signature_of_bodies_side_by_side_is_not_run_onto_the_attachment_line_above():
    text = "请加强资金管理,专款专用。\n附件:2024年孤儿基本生活补助资金分配表\n青山市财政局           青山市民政局\n2024年3月2日"
    assert clean_text(text) == text


def test_a_count_alone_on_its_line_under_no_template_row_goes_on_with_its_sentence():
    # a sentence broken before and after its count (its unit on the next line), a gloss before it
    text = "年内走访独居老人(含空巢的,不含集中供养的)共\n86\n人次,送去棉衣。"
    assert clean_text(text) == text.replace("\n", "")


def test_a_sentence_in_a_one_cell_row_goes_on_with_the_broken_sentence_before_it():
    text = "全年发放救助资金,为1.2万\n人缴纳医疗保险费用共计86万元,惠及全县困难群众。 |"
    assert clean_text(text) == text.replace("\n", "")


def test_a_web_page_bar_of_metadata_fields_takes_no_line_after_it():
    text = "月度统计报表\n发布时间:2024-05-09 10:20 来源: 社会事务科\n项目名称单位本期\n养老机构个12"
    assert clean_text(text).split("\n")[2] == "项目名称单位本期"


@pytest.mark.parametrize("raw", [
    PDF_WRAPPED, "a\n\nb", "。\n。\n一、\n。", "(一)\n(二)\n", "x" * 50 + "\n" + "y"])
def test_idempotent_on_edge_cases(raw):
    once = clean_text(raw)
    assert clean_text(once) == once


def test_pinyin_gloss_is_gone():
    # a mirror site's tone-marked gloss after a character; a bracketed Latin word stays
    raw = "全縣務(wù)工人員達(dá)12.6萬(wàn)人,高出3個(gè)百分點(diǎn)。下載本地(app)查看,PM2.5(細(xì)顆粒物)。"
    assert remove_artefacts(raw) == "全縣務工人員達12.6萬人,高出3個百分點。下載本地(app)查看,PM2.5(細顆粒物)。"


def test_a_sharing_sites_numbered_chunks_are_joined_without_their_numbers():
    """A preview cut into chunks 1、 2、 3、 ends each anywhere, even inside a figure."""
    first = "1、某县民政局2023年工作总结 一、基本情况 " + "全年发放各类救助资金,惠及困难群众。" * 10 + "全县城乡低保对象共计"
    second = "2、2456户,其中农村低保对象" + "按时足额发放到位,做到应保尽保。" * 12 + "累计支出资金1208."
    third = "3、5万元。二、下一步工作打算"
    assert clean_text("\n".join([first, second, third])) == first + second[2:] + third[2:]
    assert "累计支出资金1208.5万元。" in clean_text("\n".join([first, second, third]))


def test_numbered_items_that_end_their_sentences_or_are_short_stay_apart():
    long_item = "1、" + "完善社会救助体系,做好困难群众基本生活保障工作。" * 10
    assert clean_text(long_item + "\n2、加强养老服务。") == long_item + "\n2、加强养老服务。"
    assert clean_text("1、加强低保管理\n2、推进养老服务") == "1、加强低保管理\n2、推进养老服务"


def test_columns_of_prose_run_side_by_side_are_read_one_after_another():
    # a yearbook's PDF text layer of two columns, each line holding a line of both: a figure cut from
    # its unit by the other column's text (46.5 万 ... 元) is whole again once each column is read down
    left = ["    【社会救助】 全镇共有城乡低保对象 312 户,", "    586 人,全年发放低保金 46.5 万",
            "    元;临时救助困难群众 41 人次,发放", "    救助金 8.2 万元。"]
    right = ["【养老服务】 建成农村互助幸福院 6 个,", "床位 120 张,入住老人 87 人,全年开展",
             "上门巡访 1500 余人次。", ""]
    page = "\n".join(f"{a:<44}{b}".rstrip() for a, b in zip(left, right))
    cleaned = clean_text(page)
    assert "发放低保金 46.5 万元;临时救助" in cleaned
    assert cleaned.index("救助金 8.2 万元。") < cleaned.index("【养老服务】")
    assert clean_text(cleaned) == cleaned


def test_a_table_laid_out_by_spaces_keeps_its_rows():
    # cells of figures and short labels apart by wide gaps are a table's, not columns of prose
    rows = ["指标名称          单位      2023年      2024年", "城市低保对象        人        1,520       1,468",
            "农村低保对象        人        4,311       4,270", "特困供养人员        人          802         815"]
    assert clean_text("\n".join(rows)) == "\n".join(rows)


def test_a_table_of_sentence_cells_laid_out_by_spaces_keeps_its_rows():
    # under a header of short column names, cells holding sentences are a table's, read row by row
    rows = ["工作任务                              完成情况",
            "提高城乡低保标准,按月足额发放。         已完成,月人均补差提高到520元。",
            "新建社区养老服务站,完善助餐服务。       已建成12个,助餐点覆盖全部社区。",
            "开展困难群众走访慰问,建立台账。         走访1800户,慰问金全部发放到位。"]
    assert clean_text("\n".join(rows)) == "\n".join(rows)
    # so are they without the header: each cell ends its sentence, where a column's lines wrap
    assert clean_text("\n".join(rows[1:])) == "\n".join(rows[1:])
