"""Answer "which glossary terms are in this text?" with their renderings."""

from dataclasses import dataclass

from glossary.matching import Match, find_terms
from glossary.models import Approval, Term, Usage

USAGE_RANK = {Usage.PREFERRED: 0, Usage.ADMITTED: 1}


@dataclass(frozen=True)
class Hit:
    match: Match
    renderings: dict[str, str]

    def as_dict(self) -> dict:
        return {
            "start": self.match.start,
            "end": self.match.end,
            "text": self.match.text,
            "concept": self.match.concept_id,
            "terms": self.renderings,
        }


def preferred_terms(concept_ids: set[int]) -> dict[int, dict[str, str]]:
    """Return, per concept, the approved preferred (else admitted) term per language."""
    best: dict[int, dict[str, tuple[int, str]]] = {}
    rows = Term.objects.filter(
        concept_id__in=concept_ids,
        approval=Approval.APPROVED,
        usage__in=list(USAGE_RANK),
    ).values_list("concept_id", "language", "usage", "text", "id")
    for concept_id, language, usage, text, _pk in sorted(rows, key=lambda r: r[4]):
        rank = USAGE_RANK[usage]
        current = best.setdefault(concept_id, {}).get(language)
        if current is None or rank < current[0]:
            best[concept_id][language] = (rank, text)
    return {
        cid: {lang: text for lang, (_rank, text) in langs.items()}
        for cid, langs in best.items()
    }


def lookup(text: str, language: str) -> list[Hit]:
    """Return the approved terms found in text, with every language's rendering."""
    matches = find_terms(text, language)
    renderings = preferred_terms({m.concept_id for m in matches})
    return [Hit(m, renderings.get(m.concept_id, {})) for m in matches]
