"""The numbers a sentence states, in English or Chinese, as comparable values.

``numbers_in`` reads Arabic digits (full-width too, 1,234, 1.2 billion, 350萬),
Chinese numerals (via ``cn2an``: 二十五, 一千二百萬, 三億, 十萬, 兩百, 零點五;
a year written digit by digit, 二○二五, is read digit by digit; 兆 is 10¹²),
percentages (百分之十五), ordinals (第二次, 6th), English month names (March =
3), Roman numerals after Annex, Part and the like (Annex II = 附件二), weekdays
(星期五 = Friday = Fridays, a kind of their own), and times of day, a kind of
their own read as one value on a 12-hour clock, so that 19:30, 7.30pm,
下午七時三十分 and 19時30分 agree and 三時○三分 differs from 3.02pm even when 3
and 2 occur elsewhere (半 is 30; midnight and noon are 12 o'clock).

A number is *soft* when the text may well state it without meaning a
number: a lone Chinese numeral (一 in 一些, 一個; 三 with no measure word) or
an English number word (one, three, second), "round the clock" (24) and
"midnight". A soft number may stand for a number of the other text but is
never reported missing or extra itself. A Chinese numeral with a measure
word (五人, 三間, 兩幢, 第二方面) is hard, but not 一 (一個 is often "a"), a
duration of years (三年) or an approximation (數十名, "dozens").
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import cn2an

__all__ = ["Number", "numbers_in", "unmatched"]


@dataclass(frozen=True)
class Number:
    value: Decimal
    surface: str
    start: int
    kind: str = "number"  # or "weekday"
    soft: bool = False

    @property
    def key(self) -> tuple[str, Decimal]:
        return (self.kind, self.value)


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％：", "0123456789.%:")
_MONTHS = (
    "January February March April May June July August September October "
    "November December"
).split()
_MONTH_NUMBER = {m: i for i, m in enumerate(_MONTHS, 1)} | {
    m[:3]: i for i, m in enumerate(_MONTHS, 1)
}
_MONTH_NUMBER["Sept"] = 9
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_WEEKDAY_NUMBER = {d: i for i, d in enumerate(_WEEKDAYS, 1)}
_CN_WEEKDAY = dict(zip("一二三四五六日天", (1, 2, 3, 4, 5, 6, 7, 7), strict=True))
_SCALES = {"thousand": 3, "million": 6, "billion": 9, "bn": 9, "trillion": 12}
_SCALES |= {"萬億": 12, "万亿": 12, "千億": 11, "千亿": 11, "百億": 10, "百亿": 10}
_SCALES |= {"億": 8, "亿": 8, "千萬": 7, "千万": 7, "百萬": 6, "百万": 6}
_SCALES |= {"萬": 4, "万": 4, "兆": 12}
_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve "
        "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
_ORDINALS = {
    w: i
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1
    )
}
_ENGLISH_WORD = re.compile(
    r"\b(?P<word>(?i:"
    + "|".join(sorted(_WORDS | _ORDINALS, key=len, reverse=True))
    + r"))\b(?:\s(?P<wscale>thousand|million|billion|trillion)\b)?"
)
#: Words that name a number without a numeral: midnight and noon are 12 o'clock
#: (hour 0 on a 12-hour clock, 午夜十二時), round the clock is 24 hours (24小時).
_SOFT_PHRASES = re.compile(
    r"\b(?P<clock>a?round[- ]the[- ]clock)\b|\b(?P<noon>midnight|noon)\b",
    re.IGNORECASE,
)
#: 時間, 時期, 時候, 時代, 時段, 時差, 時速, 時效, 時薪: not o'clock.
_NOT_CLOCK = r"(?!間|间|期|候|代|段|差|速|效|薪)"
_CN_HOUR = r"[〇○零一二三四五六七八九十兩两]{1,3}"
_DAY_PART = "上午|下午|晚上|凌晨|早上|中午|傍晚|清晨|早晨|夜晚"
_CN_MINUTE = r"[〇○零一二三四五六七八九十]{1,3}"
#: A time of day, read as one value (minutes after 12 or after noon): 3.30pm,
#: 10.30 a.m., 12 noon, 19:30, 19時30分, 3時, 2時半, 下午二時五十一分, 三時○二分.
_TIME = re.compile(
    r"(?<![0-9.,])(?P<h1>[0-9]{1,2})(?:[.:](?P<m1>[0-5][0-9]))?"
    r"\s?(?:[aApP]\.?[mM]\.?(?![a-zA-Z])|noon\b|midnight\b)"
    r"|(?<![0-9.:,])(?P<h2>[0-9]{1,2}):(?P<m2>[0-5][0-9])(?![0-9])"
    r"|(?<![0-9.,])(?P<h3>[0-9]{1,2})(?:[時时]"
    + _NOT_CLOCK
    + r"|[點点](?=[0-5]?[0-9]分|半|鐘|钟))(?:(?P<m3>[0-5]?[0-9])分|(?P<half3>半))?"
    # 下午三点, 晚上8點: 點 is o'clock after a time of day (not 三點建議).
    r"|(?<=" + _DAY_PART + r")(?P<h5>[0-9]{1,2}|" + _CN_HOUR + r")[點点]"
    r"(?:(?P<m5>[0-5]?[0-9]|" + _CN_MINUTE + r")分|(?P<half5>半))?"
    r"|(?<![〇○零一二三四五六七八九十百千萬万億亿兩两第])(?P<h4>"
    + _CN_HOUR
    + r")(?:[時时]"
    + _NOT_CLOCK
    + r"|[點点](?="
    + _CN_MINUTE
    + r"分|半|鐘|钟))(?:(?P<m4>"
    + _CN_MINUTE
    + r")分|(?P<half4>半))?"
)
_NUMBER = re.compile(
    # The exponent of km2, m3: not a number of the sentence.
    r"(?<=m)[23](?![0-9])"
    # Thousands grouped by commas or, in Hong Kong Government style, spaces.
    r"|(?P<number>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]{1,3}(?: [0-9]{3})+(?![0-9])"
    r"|[0-9]+)(?:\.[0-9]+)?"
    r"(?:\s?(?P<scale>(?i:thousand|million|billion|trillion|bn)(?![a-z])"
    r"|萬億|万亿|[千百][億亿萬万]|[億亿萬万兆]))?"
    r"|\b(?P<month>" + "|".join(_MONTHS) + r")\b"
    r"|\b(?P<abbr>Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?=\.?\s?[0-9])"
    # Annex II, Part IV: a Roman numeral names a number (附件二, 第四部).
    r"|\b(?:Annex|Appendix|Schedule|Chapter|Part|Phase|Table)\s(?P<roman>[IVX]{1,4})\b"
    # Saturdays and Sundays: a weekday all the same.
    r"|\b(?P<weekday>" + "|".join(_WEEKDAYS) + r")s?\b"
)
_CN_DIGITS = "〇○零一二三四五六七八九兩两"
_CN_NUMERAL = re.compile(
    r"(?P<weekday>(?:星期|禮拜|礼拜|週|周)(?P<day>[一二三四五六日天]))"
    r"|(?P<percent>百分之)?(?P<ordinal>第)?"
    r"(?P<run>["
    + _CN_DIGITS
    + r"十百千萬万億亿兆]+(?:[點点]["
    + _CN_DIGITS[:-2]
    + r"]+(?!分))?)"
)
#: Words that hold a numeral but state no number.
_NOT_NUMBERS = re.compile(
    r"一些|一起|一般|一直|一切|一樣|一样|一同|一致|一併|一并|一律|一旦|一向|一定"
    r"|一再|一方面|統一|统一|唯一|之一|進一步|进一步|同一|萬一|万一|一帶一路|一带一路"
    r"|百貨|百货|千禧|千萬不|千万不|一一|三思|十足|萬分|万分|一系列|一體|一体"
    r"|一國兩制|一国两制|兩地|两地|兩岸|两岸|十萬火急|十万火急"
    r"|今明兩[日天]|今明两[日天]"
)
_CN_UNIT_AFTER = re.compile(r"[年月日號号時时分秒%]|萬|万|億|亿|個百分")
#: Measure words: 五人, 三間醫院, 六個月, 七項措施, 兩幢, 第二方面 state a count.
_CN_CLASSIFIER = re.compile(
    r"[人名個个間间項项座幢棟栋位輛辆所場场級级架隊队宗條条部張张份戶户次款類类"
    r"種种批組组層层歲岁隻只艘班封頁页]|方面|星期|小時|小时|分鐘|分钟"
)


def _roman_value(numeral: str) -> int:
    """I to XL; 0 for a malformed numeral (IIII, VX)."""
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for here, after in zip(numeral, numeral[1:] + " ", strict=True):
        value = values[here]
        total += -value if values.get(after, 0) > value else value
    ok = re.fullmatch(r"X{0,3}(IX|IV|V?I{0,3})", numeral)
    return total if ok else 0


def _clock_value(text: str) -> Decimal | None:
    """An hour or minute in digits (08) or Chinese numerals (○二, 十一)."""
    return Decimal(text) if text.isdigit() and text.isascii() else _cn_value(text)


def _cn_value(run: str) -> Decimal | None:
    run = run.replace("兩", "二").replace("两", "二")
    if len(run) > 1 and all(c in "〇○零一二三四五六七八九" for c in run):
        digits = run.translate(str.maketrans("〇○零一二三四五六七八九", "000123456789"))
        return Decimal(digits)
    trillions = Decimal(0)
    if "兆" in run:
        head, _sep, run = run.partition("兆")
        trillions = (_cn_value(head) if head else Decimal(1)) or Decimal(0)
        trillions = trillions.scaleb(12)
        if not run:
            return trillions
    try:
        value = cn2an.cn2an(run.replace("○", "零").replace("〇", "零"), "smart")
    except (ValueError, KeyError, IndexError):
        return None
    try:
        return Decimal(str(value)) + trillions
    except InvalidOperation:
        return None


def numbers_in(text: str) -> list[Number]:
    """The numbers ``text`` states, in text order."""
    mapped = text.translate(_FULL_WIDTH)
    found: list[Number] = []
    taken = [False] * len(mapped)

    def take(start, end):
        for i in range(start, end):
            taken[i] = True

    for m in _TIME.finditer(mapped):
        hour_text = m["h1"] or m["h2"] or m["h3"] or m["h4"] or m["h5"]
        minute_text = m["m1"] or m["m2"] or m["m3"] or m["m4"] or m["m5"]
        half = m["half3"] or m["half4"] or m["half5"]
        hour = _clock_value(hour_text)
        minute = (
            _clock_value(minute_text) if minute_text else Decimal(30 if half else 0)
        )
        if hour is None or minute is None or hour > 24 or minute > 59:
            continue
        take(m.start(), m.end())
        whole = m["h1"] or m["h2"] or minute_text or half
        surface = text[m.start() : m.end()].strip() if whole else hour_text
        value = Decimal(int(hour) % 12 * 60 + int(minute))
        found.append(Number(value, surface, m.start(), "time"))
    for m in _NUMBER.finditer(mapped):
        if any(taken[m.start() : m.end()]):
            continue
        take(m.start(), m.end())
        if m["number"]:
            digits = mapped[m.start() : m.start("scale")] if m["scale"] else m[0]
            value = Decimal(digits.strip().replace(",", "").replace(" ", ""))
            if m["scale"]:
                value = value.scaleb(_SCALES[m["scale"].lower()])
            found.append(
                Number(value.normalize(), text[m.start() : m.end()], m.start())
            )
        elif m["roman"]:
            value = _roman_value(m["roman"])
            if value:
                found.append(Number(Decimal(value), m[0], m.start()))
        elif m["month"] or m["abbr"]:
            name = m["month"] or m["abbr"]
            # "May" opening a sentence is usually the verb ("May I ...").
            dated = mapped[m.end() :].lstrip()[:1].isdigit()
            if name == "May" and not mapped[: m.start()].strip() and not dated:
                continue
            found.append(Number(Decimal(_MONTH_NUMBER[name]), name, m.start()))
        elif m["weekday"]:
            day = _WEEKDAY_NUMBER[m["weekday"]]
            found.append(Number(Decimal(day), m["weekday"], m.start(), "weekday"))
    for m in _ENGLISH_WORD.finditer(mapped):
        if any(taken[m.start() : m.end()]):
            continue
        word = m["word"].lower()
        value = Decimal(_WORDS.get(word) or _ORDINALS.get(word, 0))
        if m["wscale"]:
            value = value.scaleb(_SCALES[m["wscale"]])
        found.append(Number(value, m[0], m.start(), soft=not m["wscale"]))
    for m in _SOFT_PHRASES.finditer(mapped):
        if any(taken[m.start() : m.end()]):
            continue  # 12 noon: read as a time already
        kind = "number" if m["clock"] else "time"
        value = Decimal(24) if m["clock"] else Decimal(0)
        found.append(Number(value, m[0], m.start(), kind, soft=True))
    excluded = [False] * len(mapped)
    for m in _NOT_NUMBERS.finditer(mapped):
        for i in range(m.start(), m.end()):
            excluded[i] = True
    for m in _CN_NUMERAL.finditer(mapped):
        if any(taken[m.start() : m.end()]):
            continue
        if m["weekday"]:
            day = _CN_WEEKDAY[m["day"]]
            found.append(Number(Decimal(day), m[0], m.start(), "weekday"))
            continue
        run = m["run"]
        start = m.start("run")
        if any(excluded[start : m.end()]):
            continue
        if all(c in "十百千萬万億亿兆" for c in run) and not run.startswith("十"):
            continue  # 百分點, 千萬 (by all means): no number; 十萬 is 100 000
        after = mapped[m.end() : m.end() + 3]
        before = mapped[max(0, start - 1) : start] or "^"
        if run.endswith("十") and after.startswith("分") and before not in "時时點点":
            continue  # 十分 (very)
        value = _cn_value(run)
        if value is None:
            continue
        if after.startswith("分") and before in "時时點点" and not value:
            continue
        fraction = (
            after.startswith("分之") or mapped[max(0, start - 2) : start] == "分之"
        )
        duration = len(run) == 1 and after[:1] == "年"  # 三年: years, not a year
        approximate = before in "數数幾几"  # 數十名: dozens, not ten
        hard = (
            not fraction
            and not duration
            and not approximate
            and (
                len(run) > 1
                or bool(m["percent"])
                or bool(_CN_UNIT_AFTER.match(after))
                or before in "時时點点"
                or (run != "一" and bool(m["ordinal"]))
                or (run != "一" and bool(_CN_CLASSIFIER.match(after)))
            )
        )
        found.append(
            Number(value.normalize(), text[m.start() : m.end()], start, soft=not hard)
        )
    return sorted(found, key=lambda n: n.start)


def unmatched(ours: list[Number], theirs: list[Number]) -> list[Number]:
    """Our hard numbers whose value no number of theirs, soft or hard, states.

    Compared as sets: a translation may repeat a year the source states once
    (二○二二至二○二四年 twice for "those years").
    """
    stated = {n.key for n in theirs}
    return [n for n in ours if not n.soft and n.key not in stated]
