"""Glossary checks on one translated sentence (check name ``glossary``).

Reported: an approved source term whose approved preferred or admitted
rendering in the target language is missing from the translation, and a
deprecated or forbidden target-language term that is present. Everything
is read from the glossary's matcher (``glossary.matching``): no query per
sentence.
"""

from django.utils.translation import gettext_noop

from core.qa import Finding
from glossary.folding import fold_term
from glossary.matching import TermEntry, TermMatcher, current_matcher, family
from glossary.models import Usage

ALLOWED = (Usage.PREFERRED, Usage.ADMITTED)
DISCOURAGED = (Usage.DEPRECATED, Usage.FORBIDDEN)


def _renderings(
    matcher: TermMatcher, concept_ids: set[int], target_language: str
) -> dict[int, list[TermEntry]]:
    """Return approved preferred/admitted terms per concept in the target language.

    Read from the matcher's entries (every approved term), preferred terms
    first. Terms of the exact language come first; terms of the same family
    (zh-Hans for a zh-Hant target) stand in where a concept has none.
    """
    exact: dict[int, list[TermEntry]] = {}
    kin: dict[int, list[TermEntry]] = {}
    for cid in concept_ids:
        terms = sorted(
            (e for e in matcher.by_concept.get(cid, ()) if e.usage in ALLOWED),
            key=lambda e: (ALLOWED.index(e.usage), e.term_id),
        )
        for term in terms:
            if term.language == target_language:
                exact.setdefault(cid, []).append(term)
            elif family(term.language) == family(target_language):
                kin.setdefault(cid, []).append(term)
    return {cid: exact.get(cid) or kin.get(cid, []) for cid in concept_ids}


def check_terms(
    *,
    source: str,
    source_language: str,
    target: str,
    target_language: str,
    matcher: TermMatcher | None = None,
) -> list[Finding]:
    """Return the glossary findings for one sentence and its translation.

    ``matcher`` is the glossary's (``current_matcher()`` when not given: a
    caller checking many sentences passes one, read once).
    """
    matcher = matcher or current_matcher()
    findings: list[Finding] = []
    source_hits = matcher.find(source, source_language)
    wanted = _renderings(matcher, {m.concept_id for m in source_hits}, target_language)
    folded_target = fold_term(target)
    for hit in source_hits:
        renderings = wanted.get(hit.concept_id) or []
        if not renderings or not target.strip():
            continue
        if not any(fold_term(t.text) in folded_target for t in renderings):
            findings.append(
                Finding(
                    "glossary",
                    gettext_noop("“%(source)s” should be translated as “%(target)s”."),
                    {
                        "source": hit.text,
                        "target": "” / “".join(t.text for t in renderings),
                    },
                    hit.start,
                    hit.end,
                )
            )
    for hit in matcher.find(target, target_language):
        bad = [
            e
            for e in hit.entries
            if e.usage in DISCOURAGED and family(e.language) == family(target_language)
        ]
        if bad:
            findings.append(
                Finding(
                    "glossary",
                    gettext_noop("“%(term)s” is a forbidden term.")
                    if bad[0].usage == Usage.FORBIDDEN
                    else gettext_noop("“%(term)s” is a deprecated term."),
                    {"term": hit.text},
                    hit.start,
                    hit.end,
                )
            )
    return findings
