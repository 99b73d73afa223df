"""The outline tree: numbered headings, inline 一是/二是 items, the 【提纲】 block; sentences."""
from transforms.model import SectionCategory
from transforms.structure import parse_sections, split_sentences


def outline(text):
    return [(s.level, s.number, s.title, s.parent, s.category.value) for s in parse_sections(text)]


def test_inline_items_nest_under_their_heading_and_span_to_the_next_item():
    text = ("一、工作开展情况\n"
            "（一）社会救助\n"
            "一是健全救助体系，发放资金100万元。二是加强关爱服务。三是规范婚姻登记，办理结婚登记20对。\n"
            "二、存在的问题\n"
            "一是队伍不足。二是经费紧张。\n")
    sections = parse_sections(text)
    assert outline(text) == [
        (1, "一", "工作开展情况", None, "work_done"),
        (2, "（一）", "社会救助", 0, "work_done"),
        (5, "一是", "健全救助体系", 1, "work_done"),
        (5, "二是", "加强关爱服务", 1, "work_done"),
        (5, "三是", "规范婚姻登记", 1, "work_done"),
        (1, "二", "存在的问题", None, "problems"),
        (5, "一是", "队伍不足", 5, "problems"),
        (5, "二是", "经费紧张", 5, "problems"),
    ]
    first, second = sections[2], sections[3]
    assert text[first.start:first.end] == "一是健全救助体系，发放资金100万元。"
    assert first.end == second.start


def test_a_list_running_across_paragraphs_continues():
    text = "一、主要工作\n一是养老服务提质增效。二是救助精准。\n三是事务规范有序。\n"
    assert [s.number for s in parse_sections(text)] == ["一", "一是", "二是", "三是"]


def test_words_ending_in_shi_are_not_items():
    text = "一、主要工作\n这是我们的重点。二是没有一是在前就不算。都是好事。\n"
    assert [s.number for s in parse_sections(text)] == ["一"]


def test_outline_block_is_its_own_category():
    text = "【提纲】一、工作成效 二、存在问题\n一、工作成效\n内容。\n"
    sections = parse_sections(text)
    assert sections[0].category is SectionCategory.OUTLINE
    assert sections[1].category is SectionCategory.WORK_DONE


def test_sentences_know_their_innermost_section():
    text = "一、主要工作\n一是救助精准。二是服务到位；全年办理100件！\n"
    sections = parse_sections(text)
    sentences = split_sentences(text, sections)
    assert [text[s.start:s.end] for s in sentences] == ["一、主要工作", "一是救助精准。", "二是服务到位；", "全年办理100件！"]
    assert [sections[s.section].number for s in sentences] == ["一", "一是", "二是", "二是"]


def test_a_heading_naming_how_planned_work_went_reviews_it():
    text = ("一、2024年重点工作完成情况\n新建社区食堂9个。\n"
            "二、预计完成情况\n全年发放资金300万元。\n"
            "三、2025年重点工作\n新建社区食堂12个。\n")
    assert [s.category.value for s in parse_sections(text)] == ["work_done", "plans", "plans"]


def test_a_heading_saying_the_planned_work_was_done_reviews_it():
    text = ("一、紧扣民生兜底，年度目标任务超额完成\n新增养老床位360张。\n"
            "二、2025年主要目标任务\n新增养老床位400张。\n")
    assert [s.category.value for s in parse_sections(text)] == ["work_done", "plans"]


def test_a_plan_word_naming_what_the_work_followed_is_no_plan():
    text = ("(一)依法公开围绕全局重点工作，编制公开目录\n发布信息320条。\n"
            "(二)按照年初确定的工作任务推进救助\n发放资金80万元。\n"
            "(三)根据下一步工作安排\n新建食堂5个。\n")
    assert [s.category.value for s in parse_sections(text)] == ["other", "other", "plans"]


def test_a_list_whose_lead_announces_plans_is_plans():
    text = ("一、工作开展情况\n"
            "全年发放资金90万元。下一步，我们将抓好以下工作：一是新建食堂6个。二是培训护工80人次。\n"
            "三是改造敬老院2所。\n"
            "今年主要做了以下工作：一是新建食堂4个。二是改造敬老院1所。\n")
    assert [(s.number, s.category.value) for s in parse_sections(text)] == [
        ("一", "work_done"), ("一是", "plans"), ("二是", "plans"), ("三是", "plans"),
        ("一是", "work_done"), ("二是", "work_done")]


def test_a_bound_before_a_figure_names_no_shortfall():
    """不足 before a number says fewer than: a numbered line holding it is no part on problems."""
    text = ("一、抽查安排\n1.养老机构:抽取登记机构总数的10%开展检查(不足3家的全部检查)。\n"
            "二、存在的不足\n部分机构台账不全。\n")
    assert [s.category.value for s in parse_sections(text)] == ["other", "other", "problems"]


def test_a_problem_solved_names_no_part_on_problems():
    """解决…问题: work on a problem (a plan's or a list's item), no part on problems; 存在的问题 is one."""
    text = ("一、着力解决群众出行难问题\n新建农村公路80公里。\n"
            "二、重点任务\n一是改造危房300户;二是化解200户群众的饮水安全问题。\n"
            "三、存在的问题\n部分项目进度偏慢。\n")
    assert [s.category.value for s in parse_sections(text)] == ["other", "other", "other", "other", "problems"]


def test_a_work_reports_unnumbered_plan_part_is_a_heading():
    """A government work report pasted without its outline numbers: its plan part's name on a line
    of its own, with the government and 的/和 in it, or a year's 主要工作 (its year decides later)."""
    for line, category in (("2024年政府工作的总体要求和主要预期目标", "plans"), ("2024年工作思路和目标任务", "plans"),
                           ("2024年重点工作", "plans"), ("2024年主要工作", "work_done")):
        sections = parse_sections(f"2023年工作回顾\n全镇新建幸福院2所。\n{line}\n全镇新建幸福院3所。\n")
        assert [(s.title, s.category.value) for s in sections] == [(line, category)], line
    for line in ("主要工作", "重点工作"):  # (no year: a summary's own line over what was done)
        assert parse_sections(f"{line}\n全镇新建幸福院3所。\n") == [], line


def test_the_counts_a_plan_starts_from_are_its_situation():
    text = "三、监管对象基数\n养老机构:31家\n四、检查比例\n抽取10%开展检查。\n"
    assert [s.category.value for s in parse_sections(text)] == ["work_done", "other"]


def test_ordinals_listed_at_a_line_start_are_no_outline_number():
    """一、二、三、四季度分别完成…: numerals listed in a sentence (quarters, 一、二、三产业), not a heading
    whose title would be the rest of the line; a heading 一、 over a title opening with a numeral stays."""
    text = ("一、任务安排\n一、二、三、四季度分别完成全年任务的20%、45%、70%、100%。\n"
            "二、三季度重点工作\n新建驿站4个。\n")
    assert [(s.number, s.title) for s in parse_sections(text)] == [("一", "任务安排"), ("二", "三季度重点工作")]
