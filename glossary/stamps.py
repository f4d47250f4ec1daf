"""The glossary stamp: a token that changes whenever the glossary changes.

Bumping it also sends ``glossary_changed`` with the ids of the concepts
that changed (``None`` when the change is not tied to known concepts), so
that what depends on the glossary from a layer above (the stored quality
warnings of translations) can follow without the glossary knowing it.
"""

import uuid
from collections.abc import Iterable

from django.dispatch import Signal

from glossary.models import GlossaryStamp

#: Sent inside the transaction that changed the glossary; ``concepts`` is a
#: set of concept ids, or ``None`` for "any".
glossary_changed = Signal()


def glossary_stamp() -> str:
    """Return the current token ("" before the first change)."""
    token = GlossaryStamp.objects.filter(pk=1).values_list("token", flat=True).first()
    return token or ""


def bump_glossary_stamp(concepts: Iterable[int] | None = None) -> None:
    """Change the token; call inside the transaction that changed the glossary."""
    GlossaryStamp.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4().hex})
    glossary_changed.send(
        sender=GlossaryStamp, concepts=None if concepts is None else set(concepts)
    )
