"""Personal API tokens: made, found and revoked here only.

A token is ``wb_`` and 40 random URL-safe characters. Only its SHA-256 is
stored (a token is a random secret, not a password: a fast digest is
enough, and lets each request find its token by an index); the whole token
is shown once, when it is made.
"""

import hashlib
import secrets

from django.utils import timezone

from api.models import ApiToken

PREFIX = "wb_"
#: How long a token's last use is left alone before it is written again.
TOUCH_SECONDS = 60


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def create_token(user, name: str) -> tuple[ApiToken, str]:
    """A new token for ``user``; the token itself, to be shown once."""
    raw = PREFIX + secrets.token_urlsafe(30)
    token = ApiToken.objects.create(
        user=user, name=name.strip()[:100], prefix=raw[:10], digest=digest(raw)
    )
    return token, raw


def find(raw: str) -> ApiToken | None:
    """The active token ``raw`` is, with its user; its last use noted."""
    if not raw.startswith(PREFIX) or len(raw) > 100:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=digest(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if (
        token.last_used_at is None
        or (now - token.last_used_at).total_seconds() > TOUCH_SECONDS
    ):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def revoke(user, token_id: int) -> bool:
    """Revoke one of ``user``'s tokens; whether there was one to revoke."""
    return bool(
        ApiToken.objects.filter(pk=token_id, user=user, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
    )
