"""The REST API: tokens, the role rules of the pages, a stale save as a 409
with the current text, problem details for bad input, and the schema."""

import json

from django.urls import reverse

import pytest
from rest_framework.test import APIClient

from api.models import ApiToken
from api.tokens import create_token, digest, find
from core.statuses import Status
from translations.models import Translation


@pytest.fixture
def document(seed_press_release):
    return seed_press_release


def client_for(user) -> APIClient:
    _token, raw = create_token(user, "script")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Bearer " + raw)
    return client


def first_translation(document) -> Translation:
    return Translation.objects.filter(
        segment__document=document, language="zh-Hant"
    ).order_by("segment__position")[0]


def test_a_token_is_stored_as_a_digest_shown_once_and_revoked(client, translator):
    client.force_login(translator)
    page = client.post(reverse("api-tokens"), {"name": "newsroom CMS"})
    raw = page.context["shown"]
    token = ApiToken.objects.get()
    assert raw.startswith("wb_") and token.digest == digest(raw)
    assert raw not in json.dumps(list(ApiToken.objects.values()), default=str)
    assert find(raw).user == translator
    # shown once: the page does not show it again
    assert raw not in client.get(reverse("api-tokens")).content.decode()
    client.post(reverse("api-tokens"), {"revoke": token.pk})
    assert find(raw) is None
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Bearer " + raw)
    refused = api.get(reverse("api-documents"))
    assert refused.status_code == 401
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["status"] == 401


def test_no_token_is_a_401_problem_not_a_login_page(db):
    answer = APIClient().get(reverse("api-documents"))
    assert answer.status_code in (401, 403)
    assert answer["Content-Type"] == "application/problem+json"
    assert answer.json()["title"]


def test_a_user_without_a_role_is_refused(nobody):
    answer = client_for(nobody).get(reverse("api-documents"))
    assert answer.status_code == 403
    assert "no role" in answer.json()["detail"]


def test_documents_and_sentences_with_their_translations(translator, document):
    api = client_for(translator)
    listed = api.get(reverse("api-documents")).json()
    assert listed["results"][0]["id"] == document.pk
    detail = api.get(reverse("api-document", args=[document.pk])).json()
    assert {p["language"] for p in detail["progress"]} == set(document.target_languages)
    sentences = api.get(
        reverse("api-sentences", args=[document.pk]), {"language": "zh-Hant"}
    ).json()
    first = sentences["results"][0]
    assert first["position"] == 0 and first["translation"]["language"] == "zh-Hant"
    wrong = api.get(reverse("api-sentences", args=[document.pk]), {"language": "fr"})
    assert wrong.status_code == 400 and "language" in wrong.json()["errors"]


def test_a_save_on_a_stale_version_is_a_409_with_the_current_text(
    translator, document, django_user_model
):
    from django.contrib.auth.models import Group

    other = django_user_model.objects.create_user("tom", password="pw-tom")
    other.groups.add(Group.objects.get(name="translators"))
    row = first_translation(document)
    url = reverse("api-translation", args=[row.pk])
    saved = (
        client_for(translator)
        .patch(url, {"text": "第一稿", "version": row.version}, format="json")
        .json()
    )
    assert saved["text"] == "第一稿" and saved["version"] == row.version + 1
    # someone else, who read the sentence before that save
    stale = client_for(other).patch(
        url, {"text": "遲來的稿", "version": row.version}, format="json"
    )
    assert stale.status_code == 409
    body = stale.json()
    assert stale["Content-Type"] == "application/problem+json"
    assert body["current"]["text"] == "第一稿"
    assert body["current"]["version"] == row.version + 1
    row.refresh_from_db()
    assert row.text == "第一稿"


def test_bad_input_is_a_problem_naming_the_field(translator, document):
    api = client_for(translator)
    row = first_translation(document)
    answer = api.patch(
        reverse("api-translation", args=[row.pk]), {"text": "x"}, format="json"
    )
    assert answer.status_code == 400
    assert "version" in answer.json()["errors"]
    broken = api.generic(
        "PATCH",
        reverse("api-translation", args=[row.pk]),
        b"{not json",
        content_type="application/json",
    )
    assert broken.status_code == 400 and broken.json()["status"] == 400


def test_only_reviewers_approve_and_send_back(translator, reviewer, document):
    row = first_translation(document)
    client_for(translator).patch(
        reverse("api-translation", args=[row.pk]),
        {"text": "前海管理局", "version": row.version},
        format="json",
    )
    row.refresh_from_db()
    url = reverse("api-translation-approve", args=[row.pk])
    refused = client_for(translator).post(url, {"version": row.version}, format="json")
    assert refused.status_code == 403
    approved = client_for(reviewer).post(
        url, {"version": row.version, "despite_warnings": True}, format="json"
    )
    assert approved.status_code == 200, approved.json()
    assert approved.json()["status"] == Status.APPROVED
    back = client_for(reviewer).post(
        reverse("api-translation-send-back", args=[row.pk]),
        {"version": approved.json()["version"], "reason": "Use the official title."},
        format="json",
    )
    assert back.json()["status"] == Status.REJECTED
    assert back.json()["review_note"] == "Use the official title."


def test_conversion_and_glossary_lookup_as_the_commands(translator, document):
    api = client_for(translator)
    converted = api.post(
        reverse("api-convert"), {"text": "范徐丽泰", "config": "s2hk"}, format="json"
    ).json()
    assert converted["text"]
    bad = api.post(
        reverse("api-convert"), {"text": "x", "config": "nope"}, format="json"
    )
    assert bad.status_code == 400 and "config" in bad.json()["errors"]
    hits = api.post(
        reverse("api-glossary-lookup"),
        {"text": "The Qianhai Authority met.", "language": "en"},
        format="json",
    )
    assert hits.status_code == 200 and isinstance(hits.json(), list)


def test_a_job_is_seen_by_whoever_started_it_and_managers(translator, manager):
    from jobs.running import start_job

    job = start_job(kind="reindex_memory", user=translator, arguments={})
    assert (
        client_for(translator).get(reverse("api-job", args=[job.pk])).status_code == 200
    )
    assert client_for(manager).get(reverse("api-job", args=[job.pk])).status_code == 200


def test_the_schema_is_valid_openapi_3_1(client, db):
    from openapi_spec_validator import validate

    answer = client.get(
        reverse("api-schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json"
    )
    schema = json.loads(answer.content)
    assert schema["openapi"].startswith("3.1")
    validate(schema)
    assert "/api/v1/translations/{id}/" in schema["paths"]


def test_exports_stream_files_the_outside_judges_accept(manager, document, tmp_path):
    import shutil
    import subprocess

    from lxml import etree

    from tests.support import DATA

    api = client_for(manager)
    url = reverse("api-document-export", args=[document.pk])

    def fetched(kind: str) -> bytes:
        answer = api.get(url, {"language": "zh-Hant", "format": kind})
        assert answer.status_code == 200, answer.content
        assert answer.streaming
        assert "attachment" in answer["Content-Disposition"]
        return b"".join(answer.streaming_content)

    po = tmp_path / "export.po"
    po.write_bytes(fetched("po"))
    checked = subprocess.run(
        [shutil.which("msgfmt"), "-c", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    dtd = etree.DTD(str(DATA / "tmx" / "tmx14.dtd"))
    tmx = etree.fromstring(fetched("tmx"))
    assert dtd.validate(tmx), dtd.error_log
    schema = etree.XMLSchema(
        etree.parse(str(DATA / "xliff" / "xliff-core-2.0.local.xsd"))
    )
    xliff = etree.fromstring(fetched("xliff"))
    assert schema.validate(xliff), schema.error_log
    wrong = api.get(url, {"language": "zh-Hant", "format": "pdf"})
    assert wrong.status_code == 400 and "format" in wrong.json()["errors"]


def test_too_many_requests_is_a_429_problem(translator):
    from django.core.cache import caches

    from api.throttles import PerUser

    cache = caches["throttle"]
    cache.clear()
    rates = PerUser.THROTTLE_RATES
    PerUser.THROTTLE_RATES = {**rates, "user": "3/minute"}
    try:
        api = client_for(translator)
        codes = [api.get(reverse("api-documents")).status_code for _ in range(5)]
        assert codes[:3] == [200, 200, 200] and codes[3] == 429
        answer = api.get(reverse("api-documents"))
        assert answer["Content-Type"] == "application/problem+json"
        assert int(answer["Retry-After"]) > 0
    finally:
        PerUser.THROTTLE_RATES = rates
        cache.clear()


def test_a_sentence_shows_its_open_warnings(translator, document):
    api = client_for(translator)
    row = first_translation(document)
    api.patch(
        reverse("api-translation", args=[row.pk]),
        {"text": "该区", "version": row.version},
        format="json",
    )
    sentences = api.get(
        reverse("api-sentences", args=[document.pk]), {"language": "zh-Hant"}
    ).json()
    shown = sentences["results"][0]["translation"]
    assert shown["open_warnings"] == len(shown["warnings"]) >= 1
    assert "script" in {w["check"] for w in shown["warnings"]}


def test_the_api_token_command_makes_a_working_token(reviewer):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("api_token", "rita", "--name", "pipeline", stdout=out)
    raw = out.getvalue().strip()
    assert find(raw).user == reviewer
    assert ApiToken.objects.get().name == "pipeline"


def test_a_path_no_route_matches_is_a_problem_under_api_and_a_page_elsewhere(
    client, translator
):
    client.force_login(translator)
    answer = client.get("/api/v1/no-such-thing/")
    assert answer.status_code == 404
    assert answer["Content-Type"] == "application/problem+json"
    page = client.get("/no-such-page/")
    assert page.status_code == 404 and "text/html" in page["Content-Type"]
