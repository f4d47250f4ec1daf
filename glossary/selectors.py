"""What the glossary pages show: read models over concepts and terms.

Nothing here writes; changes go through ``glossary.approval``.
"""

from django.db.models import Prefetch, Q, QuerySet

from glossary.models import Concept, PossibleDuplicate, Term

#: The languages the concept list shows in columns of their own.
MAIN_LANGUAGES = ("en", "zh-Hant", "zh-Hans")
#: Revisions listed on a concept's page, newest first.
HISTORY_LENGTH = 200


def search_concepts(
    *, q: str = "", language: str = "", domain: str = "", status: str = ""
) -> QuerySet[Concept]:
    """Concepts whose terms, definition or id match, with their terms in order."""
    concepts = Concept.objects.all()
    if q:
        concepts = concepts.filter(
            Q(terms__text__icontains=q)
            | Q(definition__icontains=q)
            | Q(identifier__iexact=q)
        )
    if language:
        concepts = concepts.filter(terms__language=language)
    if domain:
        concepts = concepts.filter(domain__icontains=domain)
    if status:
        concepts = concepts.filter(terms__approval=status)
    return (
        concepts.distinct()
        .order_by("id")
        .prefetch_related(
            Prefetch("terms", queryset=Term.objects.order_by("language", "usage", "id"))
        )
    )


def concept_rows(concepts) -> list[dict]:
    """Each concept with its terms grouped by language, the main ones first."""
    rows = []
    for concept in concepts:
        terms: dict[str, list[Term]] = {code: [] for code in MAIN_LANGUAGES}
        for term in concept.terms.all():
            terms.setdefault(term.language, []).append(term)
        rows.append({"concept": concept, "terms": terms})
    return rows


def concept_terms(concept: Concept) -> QuerySet[Term]:
    """A concept's terms by language and usage, with who proposed and decided."""
    return concept.terms.select_related("proposed_by", "decided_by").order_by(
        "language", "usage", "id"
    )


def concept_history(concept: Concept):
    """A concept's latest revisions, newest first."""
    return concept.revisions.select_related("author", "term")[:HISTORY_LENGTH]


def terms_awaiting_review(language: str = "") -> QuerySet[Term]:
    """Proposed terms, oldest first, with their concept's other terms."""
    terms = (
        Term.objects.awaiting_review()
        .select_related("concept", "proposed_by")
        .prefetch_related("concept__terms")
        .order_by("proposed_at", "id")
    )
    return terms.filter(language=language) if language else terms


def waiting_count() -> int:
    """How many terms wait for a reviewer."""
    return Term.objects.awaiting_review().count()


def possible_duplicates() -> QuerySet:
    """Pairs of concepts an import left for a reviewer, not yet kept apart."""
    terms = Prefetch("terms", queryset=Term.objects.order_by("language", "id"))
    return (
        PossibleDuplicate.objects.filter(kept_apart=False)
        .prefetch_related(
            Prefetch("concept", queryset=Concept.objects.prefetch_related(terms)),
            Prefetch("other", queryset=Concept.objects.prefetch_related(terms)),
        )
        .order_by("id")
    )
