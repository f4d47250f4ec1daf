"""The glossary stamp: a token that changes whenever the glossary changes."""

import uuid

from glossary.models import GlossaryStamp


def glossary_stamp() -> str:
    """Return the current token ("" before the first change)."""
    token = GlossaryStamp.objects.filter(pk=1).values_list("token", flat=True).first()
    return token or ""


def bump_glossary_stamp() -> None:
    """Change the token; call inside the transaction that changed the glossary."""
    GlossaryStamp.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4().hex})
