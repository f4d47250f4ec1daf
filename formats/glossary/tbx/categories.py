"""Which TBX-Basic data categories the reader keeps, and where they may stand.

The tables follow LTAC's Schematron ``TBX-Basic_DCA.sch``: the categories
TBX-Basic allows at concept (``conceptEntry``), language (``langSec``) and
term (``termSec``) level, the members of ``descripGrp`` and ``transacGrp``,
and the closed value lists. What they allow is kept (``extra`` of units)
and written back by ``write.py`` where it came from, so the export passes
the Schematron; anything else is counted by name as not kept. Kept
categories are plain dicts: ``{"tag", "type", "text", "attrs", "children"}``.
A ``date`` in a group must be an ``xsd:date`` (``read_date`` makes the
datetimes tools write one; the reader counts the time of day it drops).
"""

import datetime
import re

__all__ = [
    "ADMINISTRATIVE_STATUSES",
    "DCT_ELEMENTS",
    "STATUS_OF_USAGE",
    "problem",
    "read_date",
]

#: The administrativeStatus written for each usage (TBX-Basic has no
#: forbidden status: a forbidden term is deprecated, with a marker note).
STATUS_OF_USAGE = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
}

#: Where each TBX-Basic data category may stand (Schematron ``TBX-Basic_DCA``):
#: (element, type) -> the levels: concept, lang (langSec), term (termSec).
_PLACES = {
    ("admin", "customerSubset"): {"concept", "term"},
    ("admin", "projectSubset"): {"concept", "term"},
    ("admin", "source"): {"concept", "lang", "term"},
    ("descrip", "context"): {"term"},
    ("ref", "crossReference"): {"concept", "term"},
    ("xref", "externalCrossReference"): {"concept", "lang", "term"},
    ("xref", "xGraphic"): {"concept", "lang"},
    ("note", ""): {"term"},
    ("transacGrp", ""): {"concept", "lang", "term"},
    ("descripGrp", ""): {"concept", "lang", "term"},
    **{
        ("termNote", name): {"term"}
        for name in (
            "administrativeStatus",
            "partOfSpeech",
            "geographicalUsage",
            "grammaticalGender",
            "termLocation",
            "termType",
        )
    },
}
#: What a group may hold besides its head (transac, descrip).
_IN_GROUP = {
    ("admin", "source"),
    ("admin", "customerSubset"),
    ("admin", "projectSubset"),
    ("note", ""),
    ("ref", "crossReference"),
    ("transacNote", "responsibility"),
    ("date", ""),
    ("transacGrp", ""),
}
#: The descrip a descripGrp may be built on, per level.
_GROUP_HEADS = {
    "concept": {"definition", "subjectField"},
    "lang": {"definition"},
    "term": {"context"},
}
#: Closed value lists of TBX-Basic.
_VALUES = {
    "administrativeStatus": {
        "admittedTerm-admn-sts",
        "deprecatedTerm-admn-sts",
        "supersededTerm-admn-sts",
        "preferredTerm-admn-sts",
    },
    "partOfSpeech": {"adjective", "noun", "other", "verb", "adverb"},
    "grammaticalGender": {"masculine", "feminine", "neuter", "other"},
    "termLocation": {
        "checkBox",
        "comboBox",
        "comboBoxElement",
        "dialogBox",
        "groupBox",
        "informativeMessage",
        "interactiveMessage",
        "menuItem",
        "progressBar",
        "pushButton",
        "radioButton",
        "slider",
        "spinBox",
        "tab",
        "tableText",
        "textBox",
        "toolTip",
        "user-definedType",
    },
    "termType": {
        "fullForm",
        "acronym",
        "abbreviation",
        "shortForm",
        "variant",
        "phrase",
    },
    "transactionType": {"origination", "modification"},
}
ADMINISTRATIVE_STATUSES = frozenset(_VALUES["administrativeStatus"])
#: DCT style: the element named by its category, and the DCA element it is.
DCT_ELEMENTS = {
    **{name: "termNote" for name in _VALUES if name != "transactionType"},
    "geographicalUsage": "termNote",
    "context": "descrip",
    "definition": "descrip",
    "subjectField": "descrip",
    "source": "admin",
    "customerSubset": "admin",
    "projectSubset": "admin",
    "crossReference": "ref",
    "externalCrossReference": "xref",
    "xGraphic": "xref",
    "transactionType": "transac",
    "responsibility": "transacNote",
}


#: A ``date`` as tools write it: ``2005-04-22``, ``2005-04-22T14:06:32``,
#: ``20010507T10:57:25Z``; TBX-Basic's is an ``xsd:date``.
_DATE = re.compile(
    r"(\d{4})-?(\d{2})-?(\d{2})"
    r"([T ]\d{2}:?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?\Z"
)


def read_date(text: str) -> tuple[str | None, bool]:
    """Return ``text`` as ``YYYY-MM-DD`` (None if it is no date) and whether
    it had a time of day, which that form cannot hold."""
    match = _DATE.match(text.strip())
    if not match:
        return None, False
    try:
        day = datetime.date(*map(int, match.groups()[:3]))
    except ValueError:
        return None, False
    return day.isoformat(), bool(match.group(4))


def problem(node: dict, level: str) -> str:
    """Return the name of what TBX-Basic cannot hold in ``node``, or ""."""
    tag, kind = node["tag"], node.get("type", "")
    name = "%s:%s" % (tag, kind) if kind else tag
    if level not in _PLACES.get((tag, kind), ()):
        return name
    if kind in _VALUES and node.get("text") not in _VALUES[kind]:
        return "%s=%s" % (name, node.get("text", ""))
    if tag not in ("descripGrp", "transacGrp"):
        return ""
    head, *rest = node.get("children") or [{"tag": ""}]
    if tag == "descripGrp" and (
        head["tag"] != "descrip" or head.get("type") not in _GROUP_HEADS[level]
    ):
        return name
    if tag == "transacGrp" and _problem_in_group(head, "transac"):
        return _problem_in_group(head, "transac")
    return next(filter(None, (_problem_in_group(c, "") for c in rest)), "")


def _problem_in_group(node: dict, head: str) -> str:
    """Return the name of a group member TBX-Basic cannot hold there, or ""."""
    tag, kind = node["tag"], node.get("type", "")
    name = "%s:%s" % (tag, kind) if kind else tag
    if head:
        if tag != head or kind != "transactionType":
            return name
    elif (tag, kind) not in _IN_GROUP:
        return name
    if kind in _VALUES and node.get("text") not in _VALUES[kind]:
        return "%s=%s" % (name, node.get("text", ""))
    if tag == "date" and read_date(node.get("text", ""))[0] != node.get("text"):
        return "date:unreadable"  # the reader has made the readable ones dates
    return ""
