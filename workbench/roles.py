"""Roles: the Django groups ``translators``, ``reviewers`` and ``managers``.

The groups are created by a data migration; their permissions are synced
after every ``migrate`` (permissions of new models only exist by then).
"""

from django.contrib.auth.models import Group, Permission

TRANSLATORS = "translators"
REVIEWERS = "reviewers"
MANAGERS = "managers"
ROLES = (TRANSLATORS, REVIEWERS, MANAGERS)

_TRANSLATOR = [
    "workbench.view_document",
    "workbench.view_segment",
    "workbench.view_translation",
    "workbench.change_translation",
    "workbench.view_revision",
    "workbench.view_comment",
    "workbench.add_comment",
    "workbench.view_conversionoverride",
    "workbench.view_memoryentry",
    "glossary.view_concept",
    "glossary.view_term",
    "glossary.view_termrevision",
    "glossary.add_concept",
    "glossary.add_term",
]
ROLE_PERMISSIONS: dict[str, list[str]] = {
    TRANSLATORS: _TRANSLATOR,
    REVIEWERS: _TRANSLATOR
    + [
        "workbench.review_translation",
        "workbench.add_conversionoverride",
        "workbench.change_conversionoverride",
        "glossary.review_term",
        "glossary.change_concept",
        "glossary.change_term",
    ],
    MANAGERS: _TRANSLATOR
    + [
        "workbench.import_document",
        "workbench.add_document",
        "workbench.change_document",
        "workbench.view_documentversion",
        "workbench.view_paragraph",
        "workbench.add_memoryentry",
        "workbench.delete_memoryentry",
        "workbench.add_conversionoverride",
        "workbench.change_conversionoverride",
        "glossary.review_term",
        "glossary.change_concept",
        "glossary.change_term",
        "glossary.import_glossary",
        "workbench.view_job",
        "workbench.change_job",
        "workbench.align_documents",
        "workbench.view_alignment",
        "workbench.change_alignment",
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
    ],
}


def sync_role_permissions(**kwargs) -> None:
    """Give each role group exactly the permissions ROLE_PERMISSIONS lists."""
    for role, names in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        wanted = []
        for name in names:
            app_label, codename = name.split(".")
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm is not None:
                wanted.append(perm)
        group.permissions.set(wanted)


def role_of(user) -> str | None:
    """Return the strongest role a user has (superusers count as managers)."""
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return MANAGERS
    # Asked by the middleware and again by the pages' context: one query.
    if not hasattr(user, "_workbench_role"):
        names = set(user.groups.values_list("name", flat=True))
        user._workbench_role = next(
            (role for role in (MANAGERS, REVIEWERS, TRANSLATORS) if role in names),
            None,
        )
    return user._workbench_role
