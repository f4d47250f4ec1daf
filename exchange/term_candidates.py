"""Term candidates from the pairs aligned into the memory, for reviewers.

``open_candidates`` runs ``alignment.terms`` over the aligned pairs of each
Chinese language and leaves out what was decided (``TermCandidateDecision``:
a dismissed pair is never proposed again) and what the glossary already
holds. ``accept`` makes a candidate a concept (proposed, or approved by a
reviewer), with the texts as the reviewer edited them; ``dismiss`` records
the refusal.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from alignment.terms import Candidate, term_candidates
from glossary.approval import NewTerm, propose_concept
from glossary.models import Concept, Term, TermCandidateDecision
from memory.models import MemoryEntry, MemorySource

#: The most recent aligned pairs read per language: the candidates of a
#: larger memory come from its newest releases.
MAX_PAIRS = 5000


@dataclass(frozen=True)
class Proposal:
    """A candidate, the Chinese language it is in, and its evidence."""

    candidate: Candidate
    language: str
    evidence: tuple[tuple[int, str, str], ...]  # memory entry id, English, Chinese

    @property
    def english(self) -> str:
        return self.candidate.english

    @property
    def chinese(self) -> str:
        return self.candidate.chinese

    def as_dict(self) -> dict:
        line = self.candidate.as_dict()
        line["language"] = self.language
        line["evidence"] = [pk for pk, _source, _target in self.evidence]
        return line


class CandidateRefused(Exception):
    """The candidate cannot be accepted or dismissed as asked; one line."""


def _aligned_languages() -> list[str]:
    return sorted(
        set(
            MemoryEntry.objects.filter(
                source_kind=MemorySource.ALIGNED,
                source_language="en",
                target_language__startswith="zh",
            ).values_list("target_language", flat=True)
        )
    )


def all_candidates(*, min_count: int = 2, every_name: bool = False) -> list[Proposal]:
    """Every candidate of the aligned pairs, decided or not, best first:
    offices, titles and bodies, or ``every_name`` (places and events too)."""
    found = []
    for language in _aligned_languages():
        entries = list(
            MemoryEntry.objects.filter(
                source_kind=MemorySource.ALIGNED,
                source_language="en",
                target_language=language,
            )
            .order_by("-pk")
            .values_list("pk", "source", "target")[:MAX_PAIRS]
        )
        entries.reverse()
        pairs = [(source, target) for _pk, source, target in entries]
        for candidate in term_candidates(
            pairs, min_count=min_count, every_name=every_name
        ):
            found.append(
                Proposal(
                    candidate, language, tuple(entries[i] for i in candidate.evidence)
                )
            )
    found.sort(
        key=lambda p: (
            -p.candidate.score * p.candidate.count,
            -p.candidate.count,
            p.english,
        )
    )
    return found


def _in_glossary(proposals: list[Proposal]) -> set[tuple[str, str]]:
    """The (English, Chinese) pairs some concept already holds."""
    english = {p.english for p in proposals}
    concepts: dict[int, set[str]] = {}
    for concept, text in Term.objects.filter(
        language="en", text__in=english
    ).values_list("concept_id", "text"):
        concepts.setdefault(concept, set()).add(text)
    held = set()
    for concept, text in Term.objects.filter(
        concept_id__in=concepts, language__startswith="zh"
    ).values_list("concept_id", "text"):
        for english_text in concepts[concept]:
            held.add((english_text, text))
    return held


def open_candidates(
    *, min_count: int = 2, limit: int = 50, every_name: bool = False
) -> list[Proposal]:
    """The candidates no reviewer decided on and the glossary lacks, best first."""
    proposals = all_candidates(min_count=min_count, every_name=every_name)
    decided = set(TermCandidateDecision.objects.values_list("english", "chinese"))
    held = _in_glossary(proposals)
    return [
        p
        for p in proposals
        if (p.english, p.chinese) not in decided and (p.english, p.chinese) not in held
    ][:limit]


def _decide(*, english: str, chinese: str, decision: str, user, concept=None):
    try:
        with transaction.atomic():
            return TermCandidateDecision.objects.create(
                english=english[:255],
                chinese=chinese[:255],
                decision=decision,
                concept=concept,
                decided_by=user,
            )
    except IntegrityError as error:
        raise CandidateRefused(
            _("%(english)s = %(chinese)s was decided already.")
            % {"english": english, "chinese": chinese}
        ) from error


@transaction.atomic
def accept(
    *,
    user,
    english: str,
    chinese: str,
    language: str,
    as_english: str = "",
    as_chinese: str = "",
    approve: bool = False,
    ui_language: str = "en",
) -> Concept:
    """A candidate (``english``, ``chinese``) becomes a concept of
    ``as_english`` and ``as_chinese`` (the reviewer's edit, or the
    candidate's own texts), proposed unless ``approve``.

    Raises ``CandidateRefused`` when it was decided already,
    ``ValidationError`` or ``PermissionDenied`` from the glossary.
    """
    as_english = (as_english or english).strip()
    as_chinese = (as_chinese or chinese).strip()
    if not as_english or not as_chinese:
        raise CandidateRefused(
            _("A term candidate needs both its English and its Chinese.")
        )
    concept = propose_concept(
        terms=[NewTerm("en", as_english), NewTerm(language, as_chinese)],
        user=user,
        note=_("From the aligned archive: %(english)s = %(chinese)s")
        % {"english": english, "chinese": chinese},
        ui_language=ui_language,
        approve=approve,
    )
    _decide(
        english=english,
        chinese=chinese,
        decision=TermCandidateDecision.Decision.ACCEPTED,
        user=user,
        concept=concept,
    )
    return concept


def dismiss(*, user, english: str, chinese: str) -> None:
    """Never propose (``english``, ``chinese``) again."""
    _decide(
        english=english,
        chinese=chinese,
        decision=TermCandidateDecision.Decision.DISMISSED,
        user=user,
    )
