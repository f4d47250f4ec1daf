"""Every endpoint for every role: what the pages allow a role, the API
allows; what they refuse, it refuses (403), and without a token it is 401."""

import io

from django.urls import reverse

import pytest
from rest_framework.test import APIClient

from api.tokens import create_token
from glossary.models import Term
from translations.models import Translation

T, R, M = "translator", "reviewer", "manager"
EVERYONE = {T, R, M}


def _upload():
    handle = io.BytesIO(b"Notice\n\nThe office opens at 9am.\n")
    handle.name = "notice.txt"
    return handle


def _tmx():
    handle = io.BytesIO(
        b'<?xml version="1.0"?><tmx version="1.4"><header srclang="en" '
        b'datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" '
        b'creationtool="t" creationtoolversion="1"/><body></body></tmx>'
    )
    handle.name = "memory.tmx"
    return handle


#: name, method, url (from the fixtures' ids), body (a function), format, roles
ENDPOINTS = [
    ("documents", "get", lambda ids: reverse("api-documents"), None, None, EVERYONE),
    (
        "upload",
        "post",
        lambda ids: reverse("api-documents"),
        lambda ids: {"file": _upload(), "source_language": "en"},
        "multipart",
        {M},
    ),
    (
        "document",
        "get",
        lambda ids: reverse("api-document", args=[ids["doc"]]),
        None,
        None,
        EVERYONE,
    ),
    (
        "version",
        "post",
        lambda ids: reverse("api-document-versions", args=[ids["doc"]]),
        lambda ids: {"file": _upload()},
        "multipart",
        {M},
    ),
    (
        "versions",
        "get",
        lambda ids: reverse("api-document-versions", args=[ids["doc"]]),
        None,
        None,
        EVERYONE,
    ),
    (
        "targets",
        "put",
        lambda ids: reverse("api-document-targets", args=[ids["doc"]]),
        lambda ids: {"targets": ["zh-Hant", "zh-Hans"]},
        "json",
        {M},
    ),
    (
        "sentences",
        "get",
        lambda ids: reverse("api-sentences", args=[ids["doc"]]),
        None,
        None,
        EVERYONE,
    ),
    (
        "export",
        "get",
        lambda ids: (
            reverse("api-document-export", args=[ids["doc"]])
            + "?language=zh-Hant&format=po"
        ),
        None,
        None,
        {M},
    ),
    (
        "pretranslate",
        "post",
        lambda ids: reverse("api-document-pretranslate", args=[ids["doc"]]),
        lambda ids: {"language": "zh-Hant"},
        "json",
        {M},
    ),
    (
        "translation",
        "get",
        lambda ids: reverse("api-translation", args=[ids["tr"]]),
        None,
        None,
        EVERYONE,
    ),
    (
        "save",
        "patch",
        lambda ids: reverse("api-translation", args=[ids["tr"]]),
        lambda ids: {"text": "譯文", "version": ids["version"]},
        "json",
        EVERYONE,
    ),
    (
        "approve",
        "post",
        lambda ids: reverse("api-translation-approve", args=[ids["tr"]]),
        lambda ids: {"version": ids["version"], "despite_warnings": True},
        "json",
        {R},
    ),
    (
        "send back",
        "post",
        lambda ids: reverse("api-translation-send-back", args=[ids["tr"]]),
        lambda ids: {"version": ids["version"], "reason": "Check the title."},
        "json",
        {R},
    ),
    (
        "bulk review",
        "post",
        lambda ids: reverse("api-review"),
        lambda ids: {
            "action": "approve",
            "items": [
                {"id": ids["tr"], "version": ids["version"], "despite_warnings": True}
            ],
        },
        "json",
        {R},
    ),
    (
        "comments",
        "get",
        lambda ids: reverse("api-translation-comments", args=[ids["tr"]]),
        None,
        None,
        EVERYONE,
    ),
    (
        "comment",
        "post",
        lambda ids: reverse("api-translation-comments", args=[ids["tr"]]),
        lambda ids: {"text": "Is this the official title?"},
        "json",
        EVERYONE,
    ),
    (
        "revisions",
        "get",
        lambda ids: reverse("api-translation-revisions", args=[ids["tr"]]),
        None,
        None,
        EVERYONE,
    ),
    ("concepts", "get", lambda ids: reverse("api-concepts"), None, None, EVERYONE),
    (
        "propose",
        "post",
        lambda ids: reverse("api-concepts"),
        lambda ids: {
            "terms": [
                {"language": "en", "text": "Task Force"},
                {"language": "zh-Hant", "text": "專責小組"},
            ]
        },
        "json",
        EVERYONE,
    ),
    (
        "concept",
        "get",
        lambda ids: reverse("api-concept", args=[ids["concept"]]),
        None,
        None,
        EVERYONE,
    ),
    (
        "term approve",
        "post",
        lambda ids: reverse("api-term-approve", args=[ids["term"]]),
        lambda ids: {"version": ids["term_version"]},
        "json",
        {R, M},
    ),
    (
        "term reject",
        "post",
        lambda ids: reverse("api-term-reject", args=[ids["term"]]),
        lambda ids: {"version": ids["term_version"], "reason": "Not official."},
        "json",
        {R, M},
    ),
    (
        "glossary lookup",
        "post",
        lambda ids: reverse("api-glossary-lookup"),
        lambda ids: {"text": "The Qianhai Authority met.", "language": "en"},
        "json",
        EVERYONE,
    ),
    (
        "memory lookup",
        "post",
        lambda ids: reverse("api-memory-lookup"),
        lambda ids: {
            "text": "The office opens.",
            "source_language": "en",
            "target_language": "zh-Hant",
        },
        "json",
        EVERYONE,
    ),
    (
        "concordance",
        "post",
        lambda ids: reverse("api-memory-concordance"),
        lambda ids: {
            "text": "office",
            "source_language": "en",
            "target_language": "zh-Hant",
        },
        "json",
        EVERYONE,
    ),
    (
        "tmx import",
        "post",
        lambda ids: reverse("api-memory-import"),
        lambda ids: {"file": _tmx()},
        "multipart",
        {M},
    ),
    (
        "tmx export",
        "post",
        lambda ids: reverse("api-memory-export"),
        lambda ids: {},
        "json",
        {M},
    ),
    (
        "convert",
        "post",
        lambda ids: reverse("api-convert"),
        lambda ids: {"text": "范徐丽泰", "config": "s2hk"},
        "json",
        EVERYONE,
    ),
    ("jobs", "get", lambda ids: reverse("api-jobs"), None, None, EVERYONE),
]


@pytest.fixture
def ids(seed_press_release, translator):
    from glossary.approval import NewTerm, propose_concept
    from translations.editing import save_translation

    row = Translation.objects.filter(
        segment__document=seed_press_release, language="zh-Hant"
    ).order_by("segment__position")[0]
    row = save_translation(
        translation=row,
        text="前海管理局",
        status="translated",
        user=translator,
        expected_version=row.version,
    )
    concept = propose_concept(
        terms=[NewTerm("en", "Harbour Office"), NewTerm("zh-Hant", "海港辦事處")],
        user=translator,
    )
    term = Term.objects.filter(concept=concept, language="zh-Hant").get()
    return {
        "doc": seed_press_release.pk,
        "tr": row.pk,
        "version": row.version,
        "concept": concept.pk,
        "term": term.pk,
        "term_version": term.version,
    }


def _call(client, method, url, body, kind):
    if body is None:
        return getattr(client, method)(url)
    return getattr(client, method)(url, body, format=kind)


@pytest.mark.parametrize("role", ["translator", "reviewer", "manager", "nobody", None])
@pytest.mark.parametrize(
    "name, method, url, body, kind, allowed", ENDPOINTS, ids=[e[0] for e in ENDPOINTS]
)
def test_each_role_may_do_what_its_pages_allow(
    request, ids, role, name, method, url, body, kind, allowed, jobs_run_at_once
):
    client = APIClient()
    if role:
        user = request.getfixturevalue(role)
        client.credentials(HTTP_AUTHORIZATION="Bearer " + create_token(user, "t")[1])
    answer = _call(client, method, url(ids), body(ids) if body else None, kind)
    if role is None:
        assert answer.status_code == 401, (name, answer.content)
    elif role in allowed:
        assert answer.status_code in (200, 201, 202), (name, role, answer.content)
    else:
        assert answer.status_code == 403, (name, role, answer.content)
        assert answer["Content-Type"] == "application/problem+json"
