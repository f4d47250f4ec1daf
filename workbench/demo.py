"""Demo accounts, one per role, for the local quick start."""

import json
import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from workbench.roles import MANAGERS, REVIEWERS, TRANSLATORS

DEMO_ACCOUNTS = [
    ("translator", TRANSLATORS),
    ("reviewer", REVIEWERS),
    ("manager", MANAGERS),
]


@transaction.atomic
def create_demo_accounts(store: Path) -> list[dict]:
    """Create the demo users if missing and return their credentials.

    Passwords are random, kept in ``store`` (under the git-ignored data
    folder) so that every start prints the same ones.
    """
    known = json.loads(store.read_text()) if store.exists() else {}
    User = get_user_model()
    accounts = []
    for username, role in DEMO_ACCOUNTS:
        password = known.get(username) or secrets.token_urlsafe(9)
        user, _created = User.objects.get_or_create(username=username)
        if not user.check_password(password):
            user.set_password(password)
        user.is_staff = role == MANAGERS
        user.save()
        user.groups.set([Group.objects.get(name=role)])
        known[username] = password
        accounts.append({"username": username, "role": role, "password": password})
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_text(json.dumps(known, indent=2))
    store.chmod(0o600)
    return accounts
