"""What a quality check reports: one ``Finding`` per problem.

The checks live with what they check: ``translations.qa`` (numbers,
brackets, script, codes) and ``glossary.qa`` (terms); both return these.

A finding keeps its message as an English template (marked with
``gettext_noop``) and the values that fill it, never as text in one
language: a warning stored when a Chinese-speaking translator saves is read
in English by the reviewer who opens it. ``message`` renders it in the
language active where it is read; ``key`` names the finding the same way in
every language, so a stored warning that comes back after a save is known
to be the same one (and keeps its "checked" mark).
"""

import hashlib
import json
from dataclasses import dataclass, field

from core.localised import localised


@dataclass(frozen=True)
class Finding:
    """One problem a check found: which check, what it says, where.

    ``start``/``end`` are offsets in the translation (-1 when the finding is
    about the whole sentence).
    """

    check: str
    template: str
    values: dict = field(default_factory=dict)
    start: int = -1
    end: int = -1

    @property
    def message(self) -> str:
        return localised(self.template, self.values)

    @property
    def key(self) -> str:
        """The same for the same finding in any language (40 hex digits)."""
        raw = json.dumps(
            [self.check, self.template, self.values],
            ensure_ascii=False,
            sort_keys=True,
        )
        return hashlib.sha1(raw.encode("utf-8"), usedforsecurity=False).hexdigest()
