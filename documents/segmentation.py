"""Split one paragraph of English or Chinese prose into sentences.

The splitter is rule based, uses only :mod:`re`, and needs no Django settings.
The rules depend on the punctuation, not on ``language``: CJK punctuation
follows the Chinese rules inside English text, and Latin punctuation follows
the English rules inside Chinese text. ``language`` (a BCP 47 code such as
``en``, ``zh-Hant`` or ``zh-Hans``) is accepted for forward compatibility.

Rules, applied at every run of terminators (``.``, ``?``, ``!``, ``…``, ``。``,
``！``, ``？``, ``｡`` and runs such as ``?!``, ``...`` or ``……``):

1. Closing quotes and brackets (``"'’”)]」』）》】»`` and the like) and
   footnote marks (``*†‡``) that follow the run belong to the sentence it
   ends: ``He said, "Go." Then`` splits after ``."``, ``...done.) Next`` after
   ``)``, ``他說：「好。」然後`` after ``」``, ``。]*然後`` after ``*``.
2. A Chinese terminator (``。！？｡``) ends a sentence with or without a space
   after it, unless the next character is a comma, colon or semicolon
   (``，、：；,:;``). ``；`` and ``：`` never end a sentence.
3. An ASCII ``!`` or ``?`` directly followed by a CJK character (no space)
   ends a sentence, as does an ellipsis (``…``, ``……``) followed by a closing
   quote or bracket and then a CJK character (``「我不知道……」然後``). An
   ellipsis on its own inside Chinese text does not.
4. Otherwise a run ends a sentence only when whitespace (spaces or line
   breaks) follows it, and then a plausible sentence start: optional opening
   quotes or brackets, then an uppercase letter, a digit or a CJK character.
   So a lowercase word (``e.g. the``, ``"Really?" he asked``) or punctuation
   (``etc, for``) after the run continues the sentence, and ``.`` without a
   following space (``14.92``, ``5.30pm``, ``3.5%``, ``1.2.3``,
   ``www.info.gov.hk``, ``a@b.com``) never ends one.
5. A single ``.`` (with no closing quote after it) does not end a sentence
   after a title or abbreviation in ``ABBREVIATIONS`` (``Mr``, ``Dr``,
   ``U.S.``, ``Ltd.``, ``Sept.``, ``Ord.``, ...), after a single capital
   initial or dotted initials (``J. Smith``, ``U.S. Army``, ``e.g. Hong
   Kong``), after a bracketed abbreviation or initial (``G.N. (E.) 178``),
   or after a citation word in ``NUMBER_ABBREVIATIONS`` when a digit follows
   (``No. 1``, ``Cap. 614``, ``s. 5``, ``para. 3``, ``Art. 23``, ``Tel.
   2881 7498``). ``a.m.`` and ``p.m.`` hold only before lowercase, a digit,
   or a weekday, month or time zone (``5 p.m. Monday``, ``9 a.m. (Hong Kong
   time)``); before any other capital or a CJK character they end the
   sentence: ``...at 2.30 p.m. The Department of Justice...``.
6. ``etc.`` counts as an abbreviation, as the product's specification asks:
   ``pears, etc. Then we left`` stays one sentence. Press releases use
   ``etc.`` inside lists far more often than at a sentence's end, and a
   missed break costs a translator less than a wrong one.
7. A trailing parenthetical after a full stop that starts with an uppercase
   letter is its own sentence: ``A view of Hong Kong. (Photo/Xinhua)``.
8. A piece with no letter, digit or CJK character (a stray ``*``, ``」`` or
   ``...``) is not a sentence of its own: it joins the sentence before it.
9. A press release's closing line on a line of its own (``Ends/Friday,
   March 14, 2025``, ``Ends``, ``- Ends -``, ``Enditem``, ``Issued at HKT
   19:30``, ``NNNN``, ``完``, ``（完）``, ``香港時間19時30分``,
   ``香港时间19时30分``, ``2025年3月14日（星期五）``,
   ``二○二五年三月十四日（星期五）``; see ``CLOSING_LINE``) is a sentence of
   its own, never joined to the lines around it. Closing lines run together
   on one line or after the last sentence (``Issued at HKT 19:30 NNNN``,
   ``...detected. Ends/Wednesday, April 3, 2024 Issued at HKT 12:10``) are
   each a sentence of their own.
10. Sentences are trimmed of surrounding whitespace and never empty; line
   breaks inside a sentence are kept, and offsets refer to the original text.
"""

import itertools
import re

from core.inline import OPENING, has_codes, parse_char
from core.inline import PLACEHOLDER as PH
from core.releases import CLOSING_LINE

__all__ = [
    "ABBREVIATIONS",
    "CLOSING_LINE",
    "sentence_spans",
    "split_long",
    "split_sentences",
]

#: Lower-cased words that a following "." does not end (rule 5).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms mdm dr prof st jr sr messrs sq vs cf approx gov sen rep gen col etc
    capt hon lt sgt rev mt co ltd inc corp dept bros fig vol pte ord ref rd
    ir supt insp asst assoc govt univ
    jan feb mar apr jun jul aug sep sept oct nov dec
    e.g i.e a.m p.m u.s u.k
    """.split()
)
#: Time abbreviations that end a sentence before a capital (rule 5).
TIME_ABBREVIATIONS = frozenset({"a.m", "p.m"})
#: Citation words that hold a "." only before a number (rule 5): "No. 1",
#: "Nos. 3-5", "Cap. 614" (a Hong Kong ordinance), "s. 5", "ss. 3-5",
#: "para. 3", "Art. 23", "Sch. 1", "p. 12", "Tel. 2881 7498".
NUMBER_ABBREVIATIONS = frozenset(
    """
    no nos cap ch chap art arts para paras s ss sec secs sect sch reg regs cl p pp
    tel fax ext rm blk
    """.split()
)

_CJK = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\U00020000-\U0003134f"
)
_OPENERS = "\"'“‘«([{（［｛「『《【〈〔"
_CLOSERS = "\"'’”»)]}）］｝」』》】〉〕*†‡"
_HARD_STOPS = "。！？｡"
_CONTINUERS = "，、：；,:;"

_RUN = re.compile(
    "([.!?…⋯。！？｡]+)([" + re.escape(_CLOSERS) + "]*)",
)
_HARD_STOP = re.compile("[" + _HARD_STOPS + "]")
_CJK_CHAR = re.compile("[" + _CJK + "]")
_NEXT_START = re.compile(r"\s+[" + re.escape(_OPENERS) + "]*(.)", re.DOTALL)
_WORDY = re.compile(r"[^\W_]")
_INITIALS = re.compile(r"[A-Z](?:\.[A-Za-z])*|[a-z](?:\.[a-z])+")
_WORD_WINDOW = 24
#: Capitalised words that continue a time (rule 5): "5 p.m. Monday", "9 a.m.
#: HKT", "3 p.m. (Hong Kong time)", "6 p.m. (Tbilisi time)", "10 a.m. Beijing
#: time".
_TIME_CONTINUES = re.compile(
    r"\s+\((?:[A-Z][a-z]+\s+){1,3}[Tt]ime\)"
    r"|\s+\(?(?:"
    r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b"
    r"|(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov"
    r"|Dec)\b"
    r"|(?:Hong Kong|HK|Beijing|Macao|Macau|Taipei|Singapore|Tokyo|Seoul"
    r"|Bangkok|Jakarta|Dubai|Brussels|Geneva|London|Paris|Berlin|New York"
    r"|Washington|Sydney)\s+[Tt]ime\b"
    r"|(?:HKT|GMT|UTC|CST|JST|SGT|BST|CET|CEST|EST|EDT|PST|PDT)\b"
    r")"
)
_LINE = re.compile(r"[^\n]+")
#: One closing line of several run together on one line (rule 9).
_CLOSING_PART = (
    r"(?:Ends\s*/\s*[A-Za-z]+,?\s*[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4}"
    r"|Ends\.?|Enditem|[-–—－]\s*(?:Ends?|完)\s*[-–—－]"
    r"|Issued at HKT\s*\d{1,2}:\d{2}|NNNN|[（(]?完[）)]?"
    r"|香港[時时][間间]\s*\d{1,2}\s*[時时:：]\s*\d{2}\s*分?"
    r"|(?:\d{4}|[○〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月"
    r"[\d一二三四五六七八九十]{1,3}日\s*(?:[（(]星期.[）)])?)"
)
_CLOSING_ONE = re.compile(_CLOSING_PART, re.IGNORECASE)
_CLOSING_RUN = re.compile(
    _CLOSING_PART + r"(?:\s*" + _CLOSING_PART + ")+", re.IGNORECASE
)


def _is_abbreviation(text: str, stop: int, following: str) -> bool:
    """Return whether the word ending at ``stop`` (before a ".") holds it."""
    window = text[max(0, stop - _WORD_WINDOW) : stop]
    if not window or window[-1].isspace():
        return False
    word = window.rsplit(None, 1)[-1].lstrip(_OPENERS)
    lowered = word.lower()
    if lowered in TIME_ABBREVIATIONS:
        if _CJK_CHAR.match(following):
            return False
        return not following.isupper() or bool(_TIME_CONTINUES.match(text, stop + 1))
    if lowered in ABBREVIATIONS or _INITIALS.fullmatch(word):
        return True
    return lowered in NUMBER_ABBREVIATIONS and following.isdigit()


def _is_bracketed_abbreviation(text: str, stop: int) -> bool:
    """Return whether ``(word.)`` ending at ``stop`` is an abbreviation: ``(E.)``."""
    window = text[max(0, stop - _WORD_WINDOW) : stop]
    if not window or window[-1].isspace():
        return False
    word = window.rsplit(None, 1)[-1]
    if word[:1] not in ("(", "（"):
        return False
    word = word[1:]
    return word.lower() in ABBREVIATIONS or bool(_INITIALS.fullmatch(word))


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    """Return whether the terminator run in ``match`` ends a sentence."""
    end = match.end()
    if end >= len(text):
        return True
    run, closers = match.group(1, 2)
    after = text[end]
    if _HARD_STOP.search(run):
        return after not in _CONTINUERS
    if after.isspace():
        start = _NEXT_START.match(text, end)
        if start is None:
            return False
        first = start.group(1)
        if not (first.isupper() or first.isdigit() or _CJK_CHAR.match(first)):
            return False
        if run == "." and not closers:
            return not _is_abbreviation(text, match.start(), first)
        if run == "." and closers in (")", "）"):
            return not _is_bracketed_abbreviation(text, match.start())
        return True
    if _CJK_CHAR.match(after):
        if "!" in run or "?" in run:
            return True
        return bool(closers) and ("…" in run or "⋯" in run)
    return False


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Append ``text[start:end]`` to ``spans`` trimmed, merging symbol-only pieces."""
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    start += len(piece) - len(piece.lstrip())
    end = start + len(stripped)
    if spans and not _WORDY.search(stripped):
        spans[-1] = (spans[-1][0], end)
    else:
        spans.append((start, end))


def sentence_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of each sentence in text, whitespace trimmed.

    ``text`` is one paragraph; ``language`` is a BCP 47 code. The rules are in
    the module docstring. ``text[start:end]`` is always a non-empty sentence.
    """
    if has_codes(text):
        return _coded_spans(text, language)
    return _plain_spans(text)


def _plain_spans(text: str) -> list[tuple[int, int]]:
    spans = _line_spans(text)
    if not any(_CLOSING_RUN.fullmatch(text, start, end) for start, end in spans):
        return spans
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if _CLOSING_RUN.fullmatch(text, start, end):
            out += [part.span() for part in _CLOSING_ONE.finditer(text, start, end)]
        else:
            out.append((start, end))
    return out


def _line_spans(text: str) -> list[tuple[int, int]]:
    if "\n" not in text:
        return _prose_spans(text, 0)
    spans: list[tuple[int, int]] = []
    start = 0
    for line in _LINE.finditer(text):
        if CLOSING_LINE.fullmatch(line.group().strip()):
            spans += _prose_spans(text[start : line.start()], start)
            _add(spans, text, line.start(), line.end())
            start = line.end()
    spans += _prose_spans(text[start:], start)
    return spans


def _prose_spans(text: str, offset: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _RUN.finditer(text):
        if _ends_sentence(text, match):
            _add(spans, text, start, match.end())
            start = match.end()
    _add(spans, text, start, len(text))
    return [(start + offset, end + offset) for start, end in spans]


def _coded_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Split text holding inline codes: the rules see the text without them.

    A placeholder (a line break, a picture) counts as a line break, so a
    sentence may end at a ``<br>`` and a release's closing lines set apart by
    ``<br>`` are sentences of their own (rule 9); the halves of pairs are
    left out.

    Codes before the first sentence and after the last belong to them. A
    code between two sentences goes with the one before when it touches
    its end (``Go.⟨/1⟩ Then``: a closing, a placeholder, even an opening
    followed by a space), else with the one after (``Go. ⟨1⟩Then``); with
    no space between (Chinese), closings and placeholders go before and
    the first opening starts the next. A pair may so be split between two
    sentences; the paragraph, joined again on export, still holds both
    halves in order.
    """
    where = [i for i, char in enumerate(text) if (parse_char(char) or (0, PH))[1] == PH]
    bare = "".join("\n" if has_codes(text[i]) else text[i] for i in where)
    spans = [(where[s], where[e - 1] + 1) for s, e in _plain_spans(bare)]
    if not spans:
        return []
    out: list[list[int]] = [list(span) for span in spans]
    out[0][0] = len(text) - len(text.lstrip())
    out[-1][1] = len(text.rstrip())
    for before, after in itertools.pairwise(out):
        end, start = before[1], after[0]
        gap = text[end:start]
        touching = len(gap) - len(gap.lstrip("".join(_code_chars(gap))))
        if touching < len(gap):
            before[1] = end + touching
        else:
            for offset, char in enumerate(gap):
                if parse_char(char)[1] == OPENING:  # type: ignore[index]
                    touching = offset
                    break
            before[1] = end + touching
        rest = text[before[1] : start]
        after[0] = before[1] + len(rest) - len(rest.lstrip())
    return [(start, end) for start, end in out]


def _code_chars(text: str) -> set[str]:
    return {char for char in text if parse_char(char) is not None}


def split_sentences(text: str, language: str) -> list[str]:
    """Return the sentences of text (one paragraph), whitespace trimmed, none empty."""
    return [text[start:end] for start, end in sentence_spans(text, language)]


#: Clause boundaries a long sentence is cut after, strongest first.
_CLAUSE_BOUNDARIES = ("；;", "，,、", " \t\n")


def split_long(text: str, limit: int) -> list[str] | None:
    """Cut a sentence over ``limit`` characters at clause boundaries.

    Each piece is at most ``limit`` characters. A piece ends after the last
    semicolon (``；``, ``;``) in reach if that is at least half the limit in,
    else after the last comma (``，``, ``,``, ``、``), else at the last space;
    when none of them is half the limit in, the furthest boundary of any kind
    is used. Pieces are trimmed; joining them with the paragraph's joiner
    (a space in English, nothing in Chinese) gives the sentence back. Return
    ``None`` when some stretch longer than ``limit`` has no boundary at all
    (it cannot be split, and the caller refuses it). A text within the limit
    comes back as the one piece it is.
    """
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = _clause_cut(rest[: limit + 1])
        if cut <= 0:
            return None
        piece = rest[:cut].rstrip()
        if piece:
            pieces.append(piece)
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def _clause_cut(window: str) -> int:
    """Return where to cut ``window`` (its last character may not stay), or 0."""
    best = 0
    for marks in _CLAUSE_BOUNDARIES:
        # A space is dropped at the cut; a mark stays with the piece before.
        space = marks[0] == " "
        end = len(window) if space else len(window) - 1
        where = max(window.rfind(mark, 0, end) for mark in marks)
        if where < 0:
            continue
        cut = where if space else where + 1
        if cut * 2 >= len(window):
            return cut
        best = max(best, cut)
    return best
