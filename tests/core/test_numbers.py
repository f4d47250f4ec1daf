"""Reading numbers in published English and Chinese, as the number check does.

Each case comes from a Hong Kong Government press release on the Tai Po fire
(26-30 November 2025) in English and Traditional Chinese as published (rows
``tpf-*`` of ``tests/data/qa/number_pairs.tsv``, origin in its MANIFEST): a
reading the reader got wrong there, and the same text with one number
changed, which must still be caught.
"""

from decimal import Decimal

import pytest

from core.numbers import numbers_in, unmatched


def differ(one: str, other: str) -> bool:
    """Whether the number check reports anything for this pair."""
    ours, theirs = numbers_in(one), numbers_in(other)
    return bool(unmatched(ours, theirs) or unmatched(theirs, ours))


def values(text: str) -> list[tuple[str, Decimal, bool]]:
    return [(n.kind, n.value, n.soft) for n in numbers_in(text)]


# --- published pairs the reader once flagged --------------------------------


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        # tpf-21-p2: 十萬 was taken for a bare scale word (千萬 "by all means").
        (
            "the EDB will offer $100,000 to each primary and secondary school "
            "and $50,000 to each kindergarten",
            "教育局將向大埔區每間中小學和幼稚園分別發放十萬元和五萬元",
        ),
        # tpf-22-p8: a plural weekday is a weekday.
        (
            "extending service hours of bank branches in the district on "
            "Saturdays and Sundays to better serve local residents.",
            "周六周日延長當區銀行服務時間，方便居民。",
        ),
        # tpf-8-p6, tpf-16-p3: round the clock is 24 hours.
        (
            "it will continue to operate round the clock to closely monitor "
            "the traffic",
            "繼續24小時運作，密切監察區內交通",
        ),
        (
            "The HA operates round-the-clock mental health enquiry hotline at "
            "2466 7350",
            "醫管局設有24小時精神健康熱線2466 7350",
        ),
        # tpf-7-p18: midnight is twelve o'clock.
        (
            "As at midnight, the fire has resulted in 36 deaths and 36 injuries",
            "截至午夜十二時，火警造成36人死亡、36人受傷",
        ),
        # tpf-25-p4: 今明兩日 is "today and tomorrow", not a count of two.
        (
            "the emergency cash subsidies will be disbursed over today and tomorrow",
            "並會於今明兩日發放應急補助金",
        ),
        # tpf-25-p13: 數十名 is "dozens", not ten.
        (
            "the SWD has arranged respite services for dozens of elderly residents",
            "社署已為數十名長者及殘疾人士安排暫託服務",
        ),
        # tpf-11-p1, tpf-11-p2: Annex I, Annex II are 附件一, 附件二.
        ("please refer to Annex II.", "請參閱附件二。"),
        ("please refer to Annex I.", "請參閱附件一。"),
    ],
)
def test_published_translations_agree(english, chinese):
    assert not differ(english, chinese)


def test_ten_thousand_written_as_a_scale_word_is_read():
    assert values("十萬元") == [("number", Decimal(100000), False)]
    assert values("發放一萬元現金") == [("number", Decimal(10000), False)]
    assert values("事情十萬火急") == []
    assert differ("offer $100,000", "發放十一萬元")


def test_round_the_clock_and_midnight_stand_for_numbers_but_are_never_missing():
    assert values("round the clock") == [("number", Decimal(24), True)]
    assert values("at midnight") == [("time", Decimal(0), True)]
    # A soft word is never reported missing, but a changed number still is.
    assert not differ("operate round the clock", "運作")
    assert differ("operate round the clock", "25小時運作")
    assert differ("As at midnight", "截至午夜一時")


# --- times: one value each, not an hour and a minute apart ------------------

# tpf-2-p1, as published.
FIRE_EN = (
    "A fire broke out at Wang Fuk Court in Tai Po at 2.51pm today (November 26)."
    " The fire was upgraded to No. 3 alarm at 3.02pm, and to No. 4 alarm at "
    "3.34pm."
)
FIRE_ZH = (
    "大埔宏福苑今日（十一月二十六日）下午二時五十一分發生火警，於下午三時○二分"
    "火警升為三級，並於下午三時三十四分升為四級。"
)


def test_a_time_is_one_value_in_either_language():
    assert not differ(FIRE_EN, FIRE_ZH)
    times = [n for n in numbers_in(FIRE_ZH) if n.kind == "time"]
    assert [n.surface for n in times] == ["二時五十一分", "三時○二分", "三時三十四分"]
    assert [n.value for n in times] == [171, 182, 214]  # minutes after 12
    assert values("19時30分") == values("at 7.30pm") == values("at HKT 19:30")
    assert values("下午二時半") == values("at 2.30pm")


def test_a_changed_minute_is_caught_though_its_digits_occur_elsewhere():
    # 三時○三分 for 3.02pm: 3 and 2 are both stated elsewhere in the pair,
    # which hid the change while the hour and the minute were read apart.
    assert differ(FIRE_EN, FIRE_ZH.replace("三時○二分", "三時○三分"))
    # tpf-12-p2: 上午九時 for "from 8am".
    assert differ("from 8am to 8pm daily", "每日上午九時至晚上八時")
    assert not differ("from 8am to 8pm daily", "每日上午八時至晚上八時")


def test_dian_is_o_clock_after_a_time_of_day_only():
    # 點 is o'clock in 下午三点 (Mainland and Taiwan style), not in 三點建議.
    assert not differ("at 3pm", "下午三点")
    assert not differ("at 8pm", "晚上8點")
    assert differ("at 3pm", "下午四点")
    assert values("三點建議") == [("number", Decimal(3), True)]


def test_a_decimal_point_and_a_time_span_are_no_times():
    assert values("零點五個百分點") == [("number", Decimal("0.5"), False)]
    assert values("24小時") == [("number", Decimal(24), False)]
    assert values("辦公時間") == []


# --- counts with a measure word and ordinals --------------------------------


def test_a_count_with_a_measure_word_is_reported():
    # tpf-2-p2: 五人死亡 for "four persons were certified dead".
    english = "among which, four persons were certified dead"
    assert not differ(english, "其中四人死亡")
    assert differ(english, "其中五人死亡")
    # tpf-7-p9: 八間公立醫院 for "nine public hospitals".
    assert differ("nine public hospitals", "八間公立醫院")
    # 一 stays a word that may mean "a": 一個平台 for "a platform".
    assert not differ("a platform", "一個平台")
    assert numbers_in("一個平台")[0].soft


def test_an_ordinal_is_reported():
    # tpf-7-p2: 第三方面 for "the second is treating the injured".
    english = "the second is treating the injured"
    assert not differ(english, "第二方面是救治傷者")
    assert differ(english, "第三方面是救治傷者")


def test_a_roman_numeral_after_annex_is_read():
    assert values("Annex II and Part IV") == [
        ("number", Decimal(2), False),
        ("number", Decimal(4), False),
    ]
    assert values("Annex IIII") == []  # not a numeral
    assert differ("please refer to Annex II.", "請參閱附件三。")
