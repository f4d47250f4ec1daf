"""The numbers a sentence states, in English or Chinese, as comparable values.

``numbers_in`` reads Arabic digits (full-width too, 1,234, 1.2 billion, 350萬),
Chinese numerals (via ``cn2an``: 二十五, 一千二百萬, 三億, 兩百, 零點五; a
year written digit by digit, 二○二五, is read digit by digit; 兆 is 10¹²),
percentages (百分之十五), ordinals (第二次, 6th), English month names (March =
3), weekdays (星期五 = Friday, a kind of their own), and times, whose hour is
read on a 12-hour clock so that 19:30, 7.30pm, 下午七時三十分 and 19時30分 agree
(a minute of 00 is not a number: 7.00pm = 下午七時; 半 is 30).

A number is *soft* when the text may well state it without meaning a
number: a lone Chinese numeral (一 in 一些, 三名) or an English number word
(one, three, second). A soft number may stand for a number of the other text
but is never reported missing or extra itself.
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
_TIME_AFTER = r"(?=\s?(?:[aApP]\.?[mM](?![a-z])|noon\b|midnight\b))"
_NUMBER = re.compile(
    # The exponent of km2, m3: not a number of the sentence.
    r"(?<=m)[23](?![0-9])"
    # A time: 3.30pm, 19:30, 19時30分 (hour, minute); 7pm, 12 noon.
    r"|(?P<hour>[0-9]{1,2})(?:\.(?P<minute>[0-5][0-9])"
    + _TIME_AFTER
    + r"|:(?P<minute2>[0-5][0-9])(?![0-9]))"
    r"|(?P<hour2>[0-9]{1,2})(?:" + _TIME_AFTER + r"|(?=[時时](?!間|间|期|候|代)))"
    # Thousands grouped by commas or, in Hong Kong Government style, spaces.
    r"|(?P<number>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]{1,3}(?: [0-9]{3})+(?![0-9])"
    r"|[0-9]+)(?:\.[0-9]+)?"
    r"(?:\s?(?P<scale>(?i:thousand|million|billion|trillion|bn)(?![a-z])"
    r"|萬億|万亿|[千百][億亿萬万]|[億亿萬万兆]))?"
    r"|\b(?P<month>" + "|".join(_MONTHS) + r")\b"
    r"|\b(?P<abbr>Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?=\.?\s?[0-9])"
    r"|\b(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b"
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
    r"|一國兩制|一国两制|兩地|两地|兩岸|两岸"
)
_CN_UNIT_AFTER = re.compile(r"[年月日號号時时分秒%]|萬|万|億|亿|個百分")


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

    for m in _NUMBER.finditer(mapped):
        take(m.start(), m.end())
        if m["hour"] or m["hour2"]:
            hour = m["hour"] or m["hour2"]
            start = m.start()
            found.append(Number(Decimal(int(hour) % 12), hour, start))
            minute = m["minute"] or m["minute2"]
            if minute and int(minute):
                found.append(
                    Number(Decimal(int(minute)), minute, start + len(hour) + 1)
                )
            following = mapped[m.end() : m.end() + 1]
            if following in "時时" and mapped[m.end() + 1 : m.end() + 2] == "半":
                found.append(Number(Decimal(30), "半", m.end() + 1))
        elif m["number"]:
            digits = mapped[m.start() : m.start("scale")] if m["scale"] else m[0]
            value = Decimal(digits.strip().replace(",", "").replace(" ", ""))
            if m["scale"]:
                value = value.scaleb(_SCALES[m["scale"].lower()])
            found.append(
                Number(value.normalize(), text[m.start() : m.end()], m.start())
            )
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
        if all(c in "十百千萬万億亿兆" for c in run) and run != "十":
            continue  # 百分點, 千萬 (by all means): no number
        after = mapped[m.end() : m.end() + 3]
        before = mapped[max(0, start - 1) : start] or "^"
        if run.endswith("十") and after.startswith("分") and before not in "時时點点":
            continue  # 十分 (very)
        value = _cn_value(run)
        if value is None:
            continue
        is_time = bool(re.match(r"[時时點点](?!間|间|期|候|代)", after))
        if is_time:
            value = Decimal(int(value) % 12)
        if after.startswith("分") and before in "時时點点" and not value:
            continue
        fraction = (
            after.startswith("分之") or mapped[max(0, start - 2) : start] == "分之"
        )
        duration = len(run) == 1 and after[:1] == "年"  # 三年: years, not a year
        hard = (
            not fraction
            and not duration
            and (
                len(run) > 1
                or bool(m["percent"])
                or is_time
                or bool(_CN_UNIT_AFTER.match(after))
                or before in "時时點点"
            )
        )
        found.append(
            Number(value.normalize(), text[m.start() : m.end()], start, soft=not hard)
        )
        if is_time and after[1:2] == "半":
            found.append(Number(Decimal(30), "半", m.end() + 1))
    return sorted(found, key=lambda n: n.start)


def unmatched(ours: list[Number], theirs: list[Number]) -> list[Number]:
    """Our hard numbers whose value no number of theirs, soft or hard, states.

    Compared as sets: a translation may repeat a year the source states once
    (二○二二至二○二四年 twice for "those years").
    """
    stated = {n.key for n in theirs}
    return [n for n in ours if not n.soft and n.key not in stated]
