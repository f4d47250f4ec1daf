"""The counted account of a translations import: what changed, what was not kept.

Nothing a file brings is dropped unsaid: ``ImportCounts`` counts what was
updated, left unchanged or skipped, and names by unit what the document
cannot keep (``not_kept``), for the command's JSON and the page's message.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from formats.bilingual import Unit

__all__ = ["NAMES_SHOWN", "NOT_KEPT_LABELS", "ImportCounts", "unit_name"]

NAMES_SHOWN = 50  # units named per kind in the output; the count is complete


@dataclass
class ImportCounts:
    updated: int = 0
    unchanged: int = 0
    skipped: Counter = field(default_factory=Counter)
    unknown_units: list[str] = field(default_factory=list)
    whitespace_normalised: int = 0
    kept: Counter = field(default_factory=Counter)  # comments, flags, notes
    not_kept: dict[str, list[str]] = field(default_factory=dict)
    file_variant: str = ""  # a regional variant of the target (fr-FR for fr)
    # the other sentences of a source the document has several times, by outcome
    same_source: Counter = field(default_factory=Counter)

    def add_same_source(self, other: "ImportCounts") -> None:
        """Count what became of another sentence a unit filled (see ``same_source``).

        What the unit could not keep is counted once, with its first sentence.
        """
        self.same_source.update(
            {"updated": other.updated, "unchanged": other.unchanged, **other.skipped}
        )
        self.same_source += Counter()  # drop the zeros
        self.kept.update(other.kept)
        self.whitespace_normalised += other.whitespace_normalised

    def leave_out(self, kind: str, name: str) -> None:
        """Count one piece of the file that the document cannot keep."""
        self.not_kept.setdefault(kind, []).append(name)

    def as_dict(self) -> dict:
        return (
            {
                "updated": self.updated,
                "unchanged": self.unchanged,
                "skipped": dict(sorted(self.skipped.items())),
                "unknown_units": self.unknown_units[:NAMES_SHOWN],
                "whitespace_normalised": self.whitespace_normalised,
                "kept": {
                    kind: self.kept[kind]
                    for kind in ("comments", "flags", "notes", "file")
                },
                "not_kept": {
                    kind: {"count": len(names), "units": names[:NAMES_SHOWN]}
                    for kind, names in sorted(self.not_kept.items())
                },
            }
            | ({"file_language": self.file_variant} if self.file_variant else {})
            | (
                {"same_source": dict(sorted(self.same_source.items()))}
                if self.same_source
                else {}
            )
        )

    def not_kept_summary(self) -> str:
        """Return one sentence on what was normalised or not kept ("" if none)."""
        parts = [
            _("%(kind)s: %(count)d (%(names)s)")
            % {
                "kind": NOT_KEPT_LABELS.get(kind, kind),
                "count": len(names),
                "names": ", ".join(names[:3]) + (", …" if len(names) > 3 else ""),
            }
            for kind, names in sorted(self.not_kept.items())
        ]
        sentences = []
        if self.file_variant:
            sentences.append(
                _("The file is in %(variant)s, a regional variant.")
                % {"variant": self.file_variant}
            )
        if self.same_source["updated"]:
            sentences.append(
                _("Sentences the document repeats, also filled: %(count)d.")
                % {"count": self.same_source["updated"]}
            )
        if parts:
            sentences.append(_("Not kept: %(parts)s.") % {"parts": "; ".join(parts)})
        if self.whitespace_normalised:
            sentences.append(
                _("Surrounding white space made like the source's: %(count)d.")
                % {"count": self.whitespace_normalised}
            )
        if any(self.kept.values()):
            sentences.append(
                _(
                    "Kept from the file: %(comments)d comments, %(flags)d flags, "
                    "%(notes)d notes."
                )
                % {kind: self.kept[kind] for kind in ("comments", "flags", "notes")}
            )
        return " ".join(sentences)


NOT_KEPT_LABELS = {
    "codes_not_placed": gettext_lazy("inline codes that could not be placed"),
    "plural_entries": gettext_lazy("plural entries"),
    "obsolete_entries": gettext_lazy("obsolete entries"),
    "previous_sources": gettext_lazy("previous sources"),
    "references": gettext_lazy("references"),
    "comments_over_limit": gettext_lazy("comments too long to keep"),
    "conflicting_translations": gettext_lazy(
        "other translations of a sentence already filled from the file"
    ),
    "conflicting_notes": gettext_lazy("notes of those other translations"),
    "not_translatable": gettext_lazy('units marked translate="no"'),
    "file_notes": gettext_lazy("notes on the whole file"),
    "group_notes": gettext_lazy("notes on groups of units"),
    "header_fields": gettext_lazy("PO header fields (the export writes its own)"),
    "alt_trans": gettext_lazy("alternative translations (<alt-trans>)"),
    "approval_not_applied": gettext_lazy(
        "approvals (only a reviewer's import approves)"
    ),
}


def unit_name(unit: Unit) -> str:
    return unit.key or unit.source[:60]
