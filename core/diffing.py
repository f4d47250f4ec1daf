"""Show what changed between two versions of a translation, as safe HTML.

Spaced languages are compared word by word (words, runs of whitespace and
single punctuation marks are the tokens; "Kong's" is one word); Chinese,
Japanese and Korean character by character. Neighbouring changes are
merged into one deleted and one inserted run, so "quick brown" -> "slow
red" reads as one replacement rather than two.
"""

import re
from difflib import SequenceMatcher

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

EQUAL, DELETE, INSERT = "equal", "delete", "insert"

#: CJK ideographs, kana and hangul: one token each, even in a spaced language.
_CJK = (
    "\u2e80-\u2fff\u3005-\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
_WORD = rf"[^\W{_CJK}]+"
_TOKEN = re.compile(rf"[{_CJK}]|{_WORD}(?:['’]{_WORD})*|\s+|[^\w\s]")


def _per_character(language: str) -> bool:
    return (language or "").lower().startswith(("zh", "ja", "ko"))


def tokenise(text: str, language: str) -> list[str]:
    """Split ``text`` into the units the diff compares; they join back to it."""
    if _per_character(language):
        return list(text)
    return _TOKEN.findall(text)


def diff_ops(old: str, new: str, language: str) -> list[tuple[str, str]]:
    """Return ("equal" | "delete" | "insert", text) runs turning old into new.

    The old text is the equal and deleted runs in order, the new text the
    equal and inserted ones. Within a stretch of changes the deleted run
    comes before the inserted one; whitespace alone between two changes is
    folded into them.
    """
    a, b = tokenise(old, language), tokenise(new, language)
    raw: list[tuple[str, str]] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == EQUAL:
            raw.append((EQUAL, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            raw.append((DELETE, "".join(a[i1:i2])))
        if j2 > j1:
            raw.append((INSERT, "".join(b[j1:j2])))
    ops: list[tuple[str, str]] = []
    deleted, inserted = [], []
    for index, (tag, text) in enumerate(raw):
        before_change = index + 1 < len(raw) and raw[index + 1][0] != EQUAL
        fold = text.isspace() and before_change and bool(deleted or inserted)
        if tag == EQUAL and not fold:
            _flush(ops, deleted, inserted)
            ops.append((EQUAL, text))
        else:
            deleted += [text] if tag in (EQUAL, DELETE) else []
            inserted += [text] if tag in (EQUAL, INSERT) else []
    _flush(ops, deleted, inserted)
    return ops


def _flush(ops: list[tuple[str, str]], deleted: list[str], inserted: list[str]):
    if deleted:
        ops.append((DELETE, "".join(deleted)))
    if inserted:
        ops.append((INSERT, "".join(inserted)))
    deleted.clear()
    inserted.clear()


def diff_html(old: str, new: str, language: str) -> SafeString:
    """Return the new text with <del> and <ins> around the changed runs.

    Every piece of text is escaped; only the tags are markup.
    """
    parts = []
    for tag, text in diff_ops(old or "", new or "", language):
        if tag == DELETE:
            parts.append(format_html("<del>{}</del>", text))
        elif tag == INSERT:
            parts.append(format_html("<ins>{}</ins>", text))
        else:
            parts.append(escape(text))
    # Safe: every part above is escaped text or a format_html tag around it.
    return mark_safe("".join(parts))
