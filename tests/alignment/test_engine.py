"""The aligner on hand-made releases: every kind of bead, closing lines,
one-sided lines, and a noisy pair."""

import pytest

from alignment.anchors import anchors_of, closing_kind, latin_words
from alignment.engine import align
from alignment.lengths import RATIO, chinese_length, fit

TITLE_EN = "Secretary for Constitutional and Mainland Affairs visits Qianhai"
TITLE_ZH = "政制及內地事務局局長訪問前海"
CLOSING_EN = ["Ends/Friday, November 27, 2026", "Issued at HKT 18:30", "NNNN"]
CLOSING_ZH = ["完", "2026年11月27日（星期五）", "香港時間18時30分"]


def beads(english, chinese, **options):
    return [(b.source, b.target) for b in align(english, chinese, **options)]


def test_one_to_one_sentences_pair_in_order():
    english = [
        TITLE_EN,
        "The Secretary visited Qianhai today (November 27) with 12 officials.",
        "He toured three projects worth $3.5 billion in the zone.",
        "He said the co-operation would create 2,000 jobs by 2030.",
    ]
    chinese = [
        TITLE_ZH,
        "局長今日（十一月二十七日）率領12名官員訪問前海。",
        "他參觀了區內三個總值35億元的項目。",
        "他表示，有關合作會在2030年前創造2000個職位。",
    ]
    assert beads(english, chinese) == [((i,), (i,)) for i in range(4)]


def test_one_english_sentence_split_in_two_chinese_ones():
    english = [
        TITLE_EN,
        "The Secretary met the Qianhai Authority in the morning and, in the "
        "afternoon, visited 15 start-ups founded by young people from Hong Kong.",
        "He thanked the hosts.",
    ]
    chinese = [
        TITLE_ZH,
        "局長上午與前海管理局會面。",
        "下午，他參觀了15間由香港青年創辦的初創企業。",
        "他感謝接待單位。",
    ]
    assert beads(english, chinese) == [
        ((0,), (0,)),
        ((1,), (1, 2)),
        ((2,), (3,)),
    ]


def test_two_english_sentences_merged_into_one_chinese_one():
    english = [
        TITLE_EN,
        "The scheme opens on December 1.",
        "It will run for 18 months.",
        "Applications are accepted online.",
    ]
    chinese = [
        TITLE_ZH,
        "計劃於12月1日開始，為期18個月。",
        "申請可於網上遞交。",
    ]
    assert beads(english, chinese) == [
        ((0,), (0,)),
        ((1, 2), (1,)),
        ((3,), (2,)),
    ]


def test_two_sentences_whose_content_crosses_are_one_two_two_bead():
    english = [
        TITLE_EN,
        "About 3,000 people joined the 12 events in 2025, and the fair drew "
        "80 exhibitors.",
        "This year there will be 15 events.",
    ]
    chinese = [
        TITLE_ZH,
        "二〇二五年的12項活動吸引約3000人參加。",
        "今年的活動增至15項，而博覽會則有80個參展商。",
    ]
    assert beads(english, chinese) == [((0,), (0,)), ((1, 2), (1, 2))]


def test_one_sided_lines_are_beads_of_their_own():
    english = [
        TITLE_EN,
        "(with photos)",
        "The Secretary arrived in Qianhai at 9am.",
        "He will return to Hong Kong tomorrow.",
        *CLOSING_EN,
    ]
    chinese = [
        TITLE_ZH,
        "局長上午9時抵達前海。",
        "查詢熱線：2810 2000。",
        "他明日返港。",
        *CLOSING_ZH,
    ]
    assert beads(english, chinese) == [
        ((0,), (0,)),
        ((1,), ()),
        ((2,), (1,)),
        ((), (2,)),
        ((3,), (3,)),
        ((4,), (4, 5)),
        ((5,), (6,)),
        ((6,), ()),
    ]


def test_closing_lines_follow_the_convention():
    english = [TITLE_EN, "He said so.", *CLOSING_EN]
    chinese = [TITLE_ZH, "他如是說。", *CLOSING_ZH]
    result = align(english, chinese)
    assert [(b.source, b.target) for b in result][-3:] == [
        ((2,), (2, 3)),  # Ends/<date> with 完 and the date line
        ((3,), (4,)),  # Issued at HKT with 香港時間
        ((4,), ()),  # NNNN, English only
    ]
    assert all(b.confidence > 0.9 for b in result[-3:])


def test_a_noisy_pair_missing_a_paragraph_with_a_caption_and_fewer_closing_lines():
    english = [
        TITLE_EN,
        "The Secretary arrived in Qianhai at 9am on November 27.",
        "He met 20 representatives of Hong Kong enterprises.",
        "The enterprises employ 3,500 people in the zone.",
        "He also visited the Qianhai Authority's exhibition hall.",
        "The hall opened in 2019 and has received 1.2 million visitors.",
        "A photo of the visit is attached.",
        "He returns to Hong Kong on November 28.",
        *CLOSING_EN,
    ]
    chinese = [
        TITLE_ZH,
        "局長於11月27日上午9時抵達前海。",
        "他與20名香港企業代表會面。",
        "這些企業在區內聘用3500人。",
        # the exhibition-hall paragraph is missing from the Chinese version
        "他於11月28日返港。",
        "完",
        "2026年11月27日（星期五）",
    ]
    result = beads(english, chinese)
    assert result[:4] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]
    assert ((4,), ()) in result and ((5,), ()) in result and ((6,), ()) in result
    assert ((7,), (4,)) in result
    assert ((8,), (5, 6)) in result
    assert ((9,), ()) in result and ((10,), ()) in result


def test_glossary_terms_anchor_a_pair_the_lengths_alone_get_wrong():
    english = [
        TITLE_EN,
        "He met the Qianhai Authority.",
        "He then spoke at a forum organised by the Hong Kong Trade Development "
        "Council on the opportunities of the Greater Bay Area for young people.",
    ]
    chinese = [
        TITLE_ZH,
        "他與前海管理局會面，其後在香港貿易發展局",
        "舉辦的論壇上，就大灣區為青年人帶來的機遇發言。",
    ]
    glossary = {
        "Qianhai Authority": 1,
        "前海管理局": 1,
        "Hong Kong Trade Development Council": 2,
        "香港貿易發展局": 2,
    }

    def terms(text, language):
        return [concept for term, concept in glossary.items() if term in text]

    with_terms = beads(english, chinese, terms=terms)
    assert with_terms == [((0,), (0,)), ((1, 2), (1, 2))]


def test_every_sentence_is_in_exactly_one_bead_in_order():
    english = ["Sentence %d of the text." % n for n in range(30)]
    chinese = ["本文第%d句。" % n for n in range(0, 30, 2)] + ["附加句子。"]
    result = align(english, chinese)
    assert [i for b in result for i in b.source] == list(range(30))
    assert [j for b in result for j in b.target] == list(range(len(chinese)))
    assert all(0.0 <= b.confidence <= 1.0 for b in result)


def test_empty_sides():
    assert align([], []) == []
    assert [(b.source, b.target) for b in align(["Only English."], [])] == [((0,), ())]
    assert [(b.source, b.target) for b in align([], ["只有中文。"])] == [((), (0,))]


@pytest.mark.parametrize(
    "text,side,kind",
    [
        ("Ends/Friday, November 27, 2026", "en", "ends"),
        ("Issued at HKT 18:30", "en", "issued"),
        ("NNNN", "en", "nnnn"),
        ("(with photos)", "en", "caption"),
        ("完", "zh", "ends"),
        ("（完）", "zh", "ends"),
        ("2026年11月27日（星期五）", "zh", "date"),
        ("二〇二六年十一月二十七日（星期五）", "zh", "date"),
        ("香港時間18時30分", "zh", "issued"),
        ("He ends the visit.", "en", ""),
        ("完成了工作。", "zh", ""),
    ],
)
def test_closing_kinds(text, side, kind):
    assert closing_kind(text, side) == kind


def test_anchors_read_numbers_across_languages_and_shared_latin_words():
    latin = latin_words(["香港貿發局（HKTDC）今日公布"])
    english = anchors_of(
        "The HKTDC said exports rose 19 per cent to $3.5 billion at 7.30pm.",
        "en",
        language="en",
        latin=latin,
    )
    chinese = anchors_of(
        "香港貿發局（HKTDC）表示，出口於晚上7時30分上升百分之十九至35億元。",
        "zh",
        language="zh-Hant",
        latin=latin_words(["The HKTDC said"]),
    )
    shared = english.values & chinese.values
    assert ("w", "HKTDC") in shared
    assert len(shared) >= 4  # 19 %, 3.5 billion, 7.30pm and HKTDC


def test_the_length_model_is_fitted_on_pairs():
    ratio, variance = fit([("a" * 100, "字" * 25), ("b" * 200, "字" * 49)])
    assert 0.24 < ratio < 0.26 and variance >= 0
    assert chinese_length("前海 管理局\n") == 5
    assert 0.2 < RATIO < 0.3


def test_a_photo_caption_pairs_only_with_a_caption():
    english = [
        TITLE_EN,
        "The Secretary toured the exhibition hall.",
        "Photo shows the Secretary (centre) at the exhibition hall.",
        "He returns to Hong Kong tomorrow.",
    ]
    both = [
        TITLE_ZH,
        "局長參觀了展覽館。",
        "圖示局長（中）參觀展覽館。",
        "查詢熱線：2810 2000。",
        "他明日返港。",
    ]
    assert beads(english, both) == [
        ((0,), (0,)),
        ((1,), (1,)),
        ((2,), (2,)),
        ((), (3,)),
        ((3,), (4,)),
    ]
    # a caption only the English carries is never paired with a Chinese line
    # only the Chinese carries
    no_caption = [
        TITLE_ZH,
        "局長參觀了展覽館。",
        "查詢熱線：2810 2000。",
        "他明日返港。",
    ]
    result = beads(english, no_caption)
    assert ((2,), ()) in result and ((), (2,)) in result and ((3,), (3,)) in result
    assert closing_kind(english[2], "en") == closing_kind(both[2], "zh") == "photo"


def test_a_pair_the_memory_holds_decides_a_bead_the_text_leaves_open():
    english = [
        "Members discussed the matter at length.",
        "They agreed.",
        "The meeting closed after a short break for tea and a vote.",
    ]
    # the Chinese version says nothing of "They agreed": on its own, the
    # aligner leaves it one-sided, unsure
    chinese = ["委員詳細討論此事。", "會議在茶敘及表決後結束。"]
    asked = []

    def remembered(texts):
        asked.extend(texts)
        joined = english[0] + " " + english[1]
        return {joined: {chinese[0]}} if joined in texts else {}

    alone = align(english, chinese)
    assert [(b.source, b.target) for b in alone][1] == ((1,), ())
    assert alone[1].confidence < 0.8
    found = align(english, chinese, remembered=remembered)
    assert [(b.source, b.target) for b in found] == [((0, 1), (0,)), ((2,), (1,))]
    assert min(b.confidence for b in found) > 0.9
    # every English sentence, and every two running together, was asked for
    assert set(english) < set(asked) and english[0] + " " + english[1] in asked


@pytest.mark.parametrize(
    "text,side,item",
    [
        ("(1) the number of applications received;", "en", 1),
        ("(b) whether it will review the scheme; and", "en", 2),
        ("(iii) the timetable.", "en", 3),
        ("2. The Department replies as follows.", "en", 2),
        ("（一）收到的申請數目；", "zh", 1),
        ("（十二）會否檢討計劃；", "zh", 12),
        ("(b) 會否檢討計劃；及", "zh", 2),
        ("三、時間表。", "zh", 3),
        ("The 2.5 per cent rise.", "en", None),
        ("一些市民表示支持。", "zh", None),
    ],
)
def test_list_items_are_anchors(text, side, item):
    anchors = anchors_of(text, side, language="en" if side == "en" else "zh-Hant")
    items = [value for value in anchors.values if value[0] == "item"]
    assert items == ([] if item is None else [("item", item)])
    # the item's number is not read again as a number of the sentence
    if item is not None:
        assert ("n", "number", item) not in anchors.values


def test_list_items_pair_across_numbering_styles():
    english = [
        "Question:",
        "Will the Government inform this Council:",
        "(1) of the total expenditure on the programme in the past year;",
        "(2) whether it has assessed its effectiveness; and",
        "(3) whether it will extend the programme to all districts?",
    ]
    chinese = [
        "問題：",
        "政府可否告知本會：",
        "（一）過去一年該計劃的總開支為何；",
        "（二）當局有否評估其成效；及",
        "（三）會否把計劃推展至全港各區？",
    ]
    english_anchors = anchors_of(english[3], "en", language="en")
    chinese_anchors = anchors_of(chinese[3], "zh", language="zh-Hant")
    assert english_anchors.firm & chinese_anchors.firm == {("item", 2): 1}
    assert beads(english, chinese) == [((i,), (i,)) for i in range(5)]


def test_a_share_in_tenths_is_a_percentage():
    english = anchors_of("About 40 per cent of them agreed.", "en", language="en")
    chinese = anchors_of("約四成受訪者表示同意。", "zh", language="zh-Hant")
    assert ("n", "number", 40) in english.values & chinese.values
    members = anchors_of("委員會有四成員。", "zh", language="zh-Hant")
    assert ("n", "number", 4) in members.values


def test_firm_numbers_are_those_a_translation_states():
    anchors = anchors_of("東九龍有3個新公園，每晚8時開放。", "zh", language="zh-Hant")
    assert ("n", "number", 9) not in anchors.firm  # the 九 of 九龍
    assert ("n", "number", 3) in anchors.firm
    assert ("n", "time", 480) in anchors.firm


def test_a_chinese_only_hotline_is_not_merged_into_a_bead(monkeypatch):
    from alignment import engine

    english = [
        TITLE_EN,
        "The exhibition, featuring some of the most celebrated works of young "
        "local artists of the past decade, is open to the public from 10am to "
        "6pm daily.",
        "The Secretary thanked the organisers for their support.",
    ]
    chinese = [
        TITLE_ZH,
        "展覽展出本地年輕藝術家的作品，每日上午10時至下午6時開放。",
        "查詢電話：2345 6789。",
        "局長感謝主辦機構的支持。",
    ]
    result = align(english, chinese)
    assert [(b.source, b.target) for b in result] == [
        ((0,), (0,)),
        ((1,), (1,)),
        ((), (2,)),
        ((2,), (3,)),
    ]
    assert result[2].confidence > 0.9
    # the lengths alone would add the hotline to the long sentence's bead;
    # its number, which the English does not state, tells it apart
    monkeypatch.setattr(engine, "MISMATCH_PENALTY", 0.0)
    monkeypatch.setattr(engine, "LEXICON_CHINESE_BONUS", 0.0)
    assert beads(english, chinese)[1] == ((1,), (1, 2))


def test_a_chinese_sentence_the_english_does_not_say_stands_alone():
    english = [
        TITLE_EN,
        "Members of the public should pay attention to traffic news on the "
        "radio and television.",
        "The Secretary will return to Hong Kong tomorrow.",
    ]
    chinese = [
        TITLE_ZH,
        "市民應留意電台及電視的交通消息。",
        "有興趣人士可瀏覽網站查閱詳情。",
        "局長明日返港。",
    ]
    assert beads(english, chinese) == [
        ((0,), (0,)),
        ((1,), (1,)),
        ((), (2,)),
        ((2,), (3,)),
    ]


def test_a_long_pair_is_aligned_in_a_band_as_on_the_whole_lattice(monkeypatch):
    from alignment import engine

    english, chinese = [], []
    for n in range(60):
        english.append("Item %d: the centre received %d visitors." % (n, 100 + n))
        chinese.append("第%d項：中心接待了%d名訪客。" % (n, 100 + n))
        if n % 7 == 3:
            chinese.append("查詢熱線為%d。" % (20000000 + n))
        if n % 11 == 5:
            english.append("The centre opened in %d." % (1990 + n))
    banded = align(english, chinese)
    monkeypatch.setattr(engine, "BAND", 1000)
    whole = align(english, chinese)
    assert [(b.source, b.target) for b in banded] == [
        (b.source, b.target) for b in whole
    ]
    assert sum(1 for b in banded if not b.source) == len(chinese) - 60


def test_a_firm_number_the_other_side_states_in_words_is_matched():
    from alignment.engine import _Scorer

    def cost(english, chinese):
        scorer = _Scorer(
            [30],  # the same lengths: the anchors alone differ
            [10],
            [anchors_of(english, "en", language="en")],
            [anchors_of(chinese, "zh", language="zh-Hant")],
            None,
        )
        return scorer(1, 1, 1, 1)

    # 三個 is firm, "three" soft: still the same value, no mismatch
    words = cost("They opened three new centres.", "他們開設了三個新中心。")
    figures = cost("They opened 3 new centres.", "他們開設了3個新中心。")
    assert words == pytest.approx(figures)
    assert cost("They opened 3 new centres.", "他們開設了新中心。") > figures + 5


def _items(numbers):
    english = ["Item %d costs %d dollars." % (n, 100 + n) for n in numbers]
    chinese = ["第%d項費用為%d元。" % (n, 100 + n) for n in numbers]
    return english, chinese


def test_a_long_text_missing_a_long_stretch_on_one_side_still_aligns():
    # 100 English sentences the Chinese version leaves out: further from the
    # diagonal than the first band reaches, so the band widens
    english, _ = _items(range(400))
    _, chinese = _items(range(100, 400))
    found = [(b.source, b.target) for b in align(english, chinese)]
    assert found[:100] == [((i,), ()) for i in range(100)]
    assert found[100:] == [((i,), (i - 100,)) for i in range(100, 400)]


def test_a_long_text_with_paragraphs_is_aligned_paragraph_by_paragraph_first(
    monkeypatch,
):
    from alignment import engine

    outer_units = []
    real_align = engine.align

    def spy(english, chinese, **options):
        outer_units.append(len(english))
        return real_align(english, chinese, **options)

    monkeypatch.setattr(engine, "align", spy)
    english, chinese = _items(range(360))
    # the Chinese version joins two sentences of each tenth paragraph into one
    paragraphs_en = [i // 3 for i in range(360)]
    joined = []
    paragraphs_zh = []
    for i in range(0, 360, 3):
        group = chinese[i : i + 3]
        if (i // 3) % 10 == 0:
            group = [group[0] + group[1][:-1] + "。", group[2]]
            group[0] = group[0].replace("。", "，", 1)
        joined += group
        paragraphs_zh += [i // 3] * len(group)
    found = real_align(english, joined, paragraphs=(paragraphs_en, paragraphs_zh))
    assert len(english) > engine.LONG  # the paragraphs go first: 120 units,
    assert outer_units[0] == 120  # then each paragraph's 3 sentences
    assert set(outer_units[1:]) == {3}
    shapes = [(len(b.source), len(b.target)) for b in found]
    assert shapes.count((2, 1)) == 12 and shapes.count((1, 1)) == 360 - 24
    assert [i for b in found for i in b.source] == list(range(360))
    assert [j for b in found for j in b.target] == list(range(len(joined)))
    # the same beads as aligning the sentences alone
    alone = real_align(english, joined)
    assert [(b.source, b.target) for b in found] == [
        (b.source, b.target) for b in alone
    ]
