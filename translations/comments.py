"""Comments on a sentence: on its source (every language) or one translation."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction

from translations.models import Comment, Translation
from translations.review import can_review


@transaction.atomic
def add_comment(
    *, translation: Translation, author, text: str, on_source: bool = False
) -> Comment | None:
    """Comment on the sentence (``on_source``) or on this translation of it.

    Blank text adds nothing and returns ``None``.
    """
    text = text.strip()
    if not text:
        return None
    return Comment.objects.create(
        segment=translation.segment,
        language="" if on_source else translation.language,
        text=text[: settings.MAX_COMMENT_CHARS],
        author=author,
    )


@transaction.atomic
def resolve_comment(*, comment: Comment, user) -> Comment:
    """Mark a comment resolved: its author or a reviewer may."""
    if comment.author_id != user.pk and not can_review(user):
        raise PermissionDenied
    comment.resolved = True
    comment.save(update_fields=["resolved"])
    return comment
