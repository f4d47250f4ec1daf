"""What conversion obeys besides OpenCC: glossary pairs and house-style overrides."""

from conversion.configs import GLOSSARY_DIRECTION
from conversion.models import ConversionOverride
from glossary.models import Approval, Term, Usage

USAGE_ORDER = [Usage.PREFERRED, Usage.ADMITTED, Usage.DEPRECATED, Usage.FORBIDDEN]


def glossary_pairs(config: str) -> dict[str, str]:
    """Return source-script term -> target-script term for a configuration.

    Each approved term in the source script maps to the approved term of the
    same concept in the target script with the same usage, else the
    preferred one, else any.
    """
    direction = GLOSSARY_DIRECTION.get(config)
    if direction is None:
        return {}
    source_language, target_language = direction
    by_concept: dict[int, dict[str, list[tuple[str, str]]]] = {}
    rows = (
        Term.objects.filter(
            approval=Approval.APPROVED, language__in=[source_language, target_language]
        )
        .order_by("id")
        .values_list("concept_id", "language", "usage", "text")
    )
    for concept_id, language, usage, text in rows:
        by_concept.setdefault(concept_id, {}).setdefault(language, []).append(
            (usage, text)
        )
    pairs: dict[str, str] = {}
    for languages in by_concept.values():
        targets = languages.get(target_language)
        if not targets:
            continue
        for usage, text in languages.get(source_language, []):
            same = [t for u, t in targets if u == usage]
            ranked = sorted(targets, key=lambda item: USAGE_ORDER.index(item[0]))
            pairs.setdefault(text, same[0] if same else ranked[0][1])
    return pairs


def override_pairs(variant: str) -> dict[str, str]:
    """Return the active house-style overrides for a target variant."""
    return dict(
        ConversionOverride.objects.filter(variant=variant, is_active=True).values_list(
            "source_text", "target_text"
        )
    )
