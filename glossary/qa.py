"""Glossary checks on one translated sentence.

Reported: an approved source term whose approved preferred or admitted
rendering in the target language is missing from the translation, and a
deprecated or forbidden target-language term that is present.
"""

from django.utils.translation import gettext as _

from core.qa import Finding
from glossary.folding import fold_term
from glossary.matching import current_matcher, family
from glossary.models import Approval, Term, Usage

ALLOWED = (Usage.PREFERRED, Usage.ADMITTED)
DISCOURAGED = (Usage.DEPRECATED, Usage.FORBIDDEN)


def _renderings(concept_ids: set[int], target_language: str) -> dict[int, list[Term]]:
    """Return approved preferred/admitted terms per concept in the target language.

    Terms of the exact language are preferred; terms of the same family
    (zh-Hans for a zh-Hant target) stand in where a concept has none.
    """
    exact: dict[int, list[Term]] = {}
    kin: dict[int, list[Term]] = {}
    terms = Term.objects.filter(
        concept_id__in=concept_ids, approval=Approval.APPROVED, usage__in=ALLOWED
    ).order_by("usage", "id")
    for term in terms:
        if term.language == target_language:
            exact.setdefault(term.concept_id, []).append(term)
        elif family(term.language) == family(target_language):
            kin.setdefault(term.concept_id, []).append(term)
    return {cid: exact.get(cid) or kin.get(cid, []) for cid in concept_ids}


def check_terms(
    *, source: str, source_language: str, target: str, target_language: str
) -> list[Finding]:
    """Return the glossary findings for one sentence and its translation."""
    matcher = current_matcher()
    findings: list[Finding] = []
    source_hits = matcher.find(source, source_language)
    wanted = _renderings({m.concept_id for m in source_hits}, target_language)
    folded_target = fold_term(target)
    for hit in source_hits:
        renderings = wanted.get(hit.concept_id) or []
        if not renderings or not target.strip():
            continue
        if not any(fold_term(t.text) in folded_target for t in renderings):
            findings.append(
                Finding(
                    "glossary_missing",
                    _("“%(source)s” should be translated as “%(target)s”.")
                    % {
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
                    "glossary_forbidden"
                    if bad[0].usage == Usage.FORBIDDEN
                    else "glossary_deprecated",
                    _("“%(term)s” is a %(usage)s term.")
                    % {"term": hit.text, "usage": Usage(bad[0].usage).label},
                    hit.start,
                    hit.end,
                )
            )
    return findings
