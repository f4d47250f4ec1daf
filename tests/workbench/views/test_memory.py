"""The memory in the web UI: editor matches, concordance, TMX in and out,
pre-translation, and who may do what."""

import re
from html import unescape
from io import BytesIO

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from lxml import etree

from core.statuses import Origin, Status
from exchange.importing import import_document
from formats.bilingual.tmx import TmxUnit, write_tus
from jobs.models import Job
from memory.models import MemoryEntry
from memory.tmx import import_tmx
from tests.support import DATA
from translations.models import Translation

pytestmark = pytest.mark.django_db

TEXT = "The meeting was held in Shenzhen on February 6.\n\nA second sentence here.\n"


def tmx_bytes(*units: TmxUnit) -> bytes:
    return b"".join(write_tus(units, source_language="en"))


@pytest.fixture
def document(db):
    import_tmx(
        BytesIO(
            tmx_bytes(
                TmxUnit(
                    {
                        "en": "The meeting was held in Shenzhen on February 9.",
                        "zh-Hant": "會議於二月九日在深圳舉行。<script>x</script>",
                    },
                    props={"x-origin": "Press release 2021"},
                )
            )
        ),
        origin="memory.tmx",
    )
    return import_document(
        data=TEXT.encode(),
        filename="press.txt",
        source_language="en",
        title="Press",
        targets=["zh-Hant"],
    )


def first(document) -> Translation:
    return (
        Translation.objects.filter(segment__document=document, language="zh-Hant")
        .order_by("segment__position")
        .first()
    )


def test_the_editor_panel_shows_matches_with_score_diff_and_differences(
    client, translator, document
):
    client.force_login(translator)
    page = client.get(
        reverse("editor-panel", args=[first(document).pk])
    ).content.decode()
    assert "Translation memory" in page
    assert "%" in page and 'class="score score-high"' in page
    assert "<ins>6</ins>" in page and "<del>9</del>" in page
    assert "Different numbers: this sentence has 6, the match has 9." in page
    assert "Press release 2021" in page
    assert 'title="Ctrl+Alt+1"' in page
    assert "<script>x</script>" not in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page


def test_saving_a_taken_match_records_memory_and_its_score(
    client, translator, document
):
    client.force_login(translator)
    translation = first(document)
    entry = MemoryEntry.objects.get()
    response = client.post(
        reverse("editor-save", args=[translation.pk]),
        {"text": entry.target, "status": "draft", "version": 0, "match": entry.pk},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    translation.refresh_from_db()
    assert translation.origin == Origin.MEMORY
    assert 90 <= translation.origin_score <= 99
    assert "memory %d%%" % translation.origin_score in response.content.decode()
    # An edited match is the translator's own text.
    client.post(
        reverse("editor-save", args=[translation.pk]),
        {"text": "改過的", "status": "draft", "version": 1, "match": entry.pk},
        HTTP_HX_REQUEST="true",
    )
    translation.refresh_from_db()
    assert (translation.origin, translation.origin_score) == (Origin.HUMAN, None)


def test_concordance_page_highlights_hits_and_escapes(client, translator, document):
    client.force_login(translator)
    page = client.get(reverse("memory"), {"q": "held in shenzhen"}).content.decode()
    assert "<mark>held in Shenzhen</mark>" in page
    assert "1 entry holds" in page
    assert "&lt;script&gt;" in page and "<script>x" not in page
    chinese = client.get(reverse("memory"), {"q": "深圳"}).content.decode()
    assert "<mark>深圳</mark>" in chinese
    none = client.get(reverse("memory"), {"q": "Macao"}).content.decode()
    assert "Nothing in the memory holds this text." in none


def test_anonymous_and_roleless_users_cannot_see_the_memory(client, nobody):
    assert client.get(reverse("memory"))["Location"].startswith(reverse("login"))
    client.force_login(nobody)
    assert client.get(reverse("memory")).status_code == 403
    assert client.get(reverse("memory-export")).status_code == 403


def test_managers_import_tmx_and_bad_files_give_a_message_not_an_error(
    client, manager, translator, django_capture_on_commit_callbacks
):
    """An upload is a background job (here run at once): its page says what
    it did, or the one line that says why nothing was imported."""
    client.force_login(translator)
    upload = SimpleUploadedFile(
        "m.tmx", tmx_bytes(TmxUnit({"en": "Hi.", "zh-Hant": "你好。"}))
    )
    assert client.post(reverse("memory-import"), {"file": upload}).status_code == 403
    client.force_login(manager)
    for name in ("okapi_ImportTest2A_utf16_inline.tmx", "weblate_memory.tmx"):
        with (
            (DATA / "tmx" / name).open("rb") as handle,
            django_capture_on_commit_callbacks(execute=True),
        ):
            response = client.post(reverse("memory-import"), {"file": handle})
        assert response.status_code == 302
    assert MemoryEntry.objects.count() == 10  # 7 + the three pairs of de, en, cs
    before = MemoryEntry.objects.count()
    hostile = SimpleUploadedFile(
        "evil.tmx", b'<!DOCTYPE tmx [<!ENTITY a "b">]><tmx><body/></tmx>'
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("memory-import"), {"file": hostile})
    response = client.get(response["Location"])
    assert response.status_code == 200
    (line,) = re.findall(
        r'<p class="error" role="alert">([^<]*)</p>', response.content.decode()
    )
    assert line.startswith("evil.tmx: ") and "entities" in line
    assert MemoryEntry.objects.count() == before


def test_managers_export_valid_tmx_and_translators_may_not(
    client, translator, manager, document, jobs_run_at_once
):
    client.force_login(translator)
    assert client.post(reverse("memory-export")).status_code == 403
    assert (
        "Export the whole memory" not in client.get(reverse("memory")).content.decode()
    )
    client.force_login(manager)
    started = client.post(
        reverse("memory-export"), {"source": "en", "target": "zh-HK", "pair": "1"}
    )
    job = Job.objects.get()
    assert started["Location"] == reverse("job", args=[job.pk])
    response = client.get(reverse("job-download", args=[job.pk]))
    assert response.status_code == 200
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="memory.en-zh-Hant.tmx"'
    )
    tree = etree.fromstring(b"".join(response.streaming_content))
    assert etree.DTD(str(DATA / "tmx" / "tmx14.dtd")).validate(tree)
    assert tree.find("header").get("srclang") == "en"


def test_managers_pretranslate_from_the_document_page(
    client, manager, translator, document, jobs_run_at_once
):
    client.force_login(translator)
    url = reverse("document-pretranslate", args=[document.pk])
    assert client.post(url, {"language": "zh-Hant"}).status_code == 403
    client.force_login(manager)
    page = client.get(document.get_absolute_url()).content.decode()
    assert url in page and "Pre-translate" in page
    response = client.post(url, {"language": "zh-Hant", "threshold": "80"}, follow=True)
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("0 exact and 1 fuzzy" in t for t in texts), texts
    filled = first(document)
    assert (filled.status, filled.origin) == (Status.DRAFT, Origin.MEMORY)
    response = client.post(url, {"language": "fr"}, follow=True)
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("not a target language" in t for t in texts)


def summary(response) -> str:
    """The line of a finished job's page that says what the import did."""
    html = response.content.decode()
    return unescape(re.search(r'<div class="job-result"><p>([^<]*)</p>', html)[1])


def test_an_import_says_what_it_did_not_keep(
    client, manager, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    with (
        (DATA / "tmx" / "okapi_ImportTest2C_inline_sub_notes.tmx").open("rb") as handle,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(reverse("memory-import"), {"file": handle})
    text = summary(client.get(response["Location"]))
    assert "1 unit read, 3 entries added" in text
    assert (
        "Not kept: 1 inline code whose markup in another language differs "
        "(the first language's is kept), 2 notes in the header, "
        "1 prop in the header, 1 user-defined encoding." in text
    )
    with (
        (DATA / "tmx" / "modernmt_Memory.en__zh.tmx").open("rb") as handle,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(reverse("memory-import"), {"file": handle})
    text = summary(client.get(response["Location"]))
    assert "1 text marked only zh, the same in both scripts, was filed" in text


def test_a_memory_import_sent_twice_is_done_once(client, manager):
    """The second post of the same form starts no second job."""
    client.force_login(manager)
    page = client.get(reverse("memory")).content.decode()
    token = re.search(r'name="once" value="([^"]+)"', page)[1]
    texts = []
    for _ in range(2):
        with (DATA / "tmx" / "weblate_memory.tmx").open("rb") as handle:
            response = client.post(
                reverse("memory-import"), {"file": handle, "once": token}, follow=True
            )
        texts.append([str(m) for m in get_messages(response.wsgi_request)])
    assert texts[1] == ["This form was already sent; this is what it did."]
    assert Job.objects.count() == 1
