"""Every long operation runs as a job from the pages and from the commands.

Each test starts the job the way a user does (a form posted, a command with
``--background``), lets the commit enqueue it on the immediate backend, and
checks what the work did and what the job's page says: the result, where it
leads, the file it keeps, or the one line of its error.
"""

import io
import json
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

import pytest
from lxml import etree

from core.statuses import Status
from documents.models import Document
from glossary.models import Concept
from jobs.models import Job, JobChunk, Kind, State
from memory.models import MemoryEntry
from memory.tmx import import_tmx
from tests.support import ROOT
from translations.models import Translation

pytestmark = pytest.mark.django_db

SEEDS = ROOT / "seeds"
NOTE = "通告\n\n今日天氣很好。明天下雨。\n".encode()


def _token(client, url: str) -> str:
    page = client.get(url).content.decode()
    return re.search(r'name="once" value="([^"]+)"', page)[1]


def _run(capture, post):
    """Post a form that starts a job; let the commit run it; return the response."""
    with capture(execute=True):
        response = post()
    assert response.status_code == 302
    assert re.match(r"^/jobs/\d+/", response["Location"]), response["Location"]
    return response


def _job() -> Job:
    job = Job.objects.get()
    assert job.state == State.SUCCEEDED, (job.state, job.shown_error)
    return job


def test_a_document_upload_is_a_job_that_leads_to_the_document(
    client, manager, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    token = _token(client, reverse("document-upload"))
    response = _run(
        django_capture_on_commit_callbacks,
        lambda: client.post(
            reverse("document-upload"),
            {
                "file": SimpleUploadedFile("note.txt", NOTE),
                "source_language": "zh-Hant",
                "targets": ["en", "zh-Hans"],
                "once": token,
            },
        ),
    )
    job = _job()
    assert job.kind == Kind.IMPORT_DOCUMENT and job.started_by == manager
    document = Document.objects.get()
    assert document.created_by == manager and document.segments.count() == 3
    assert job.result["document"] == document.pk and job.result["sentences"] == 3
    # the job's page, asked to follow, goes to the document with the summary
    page = client.get(response["Location"], follow=True)
    assert page.redirect_chain[-1][0] == document.get_absolute_url()
    assert "Imported “通告”: 3 sentences." in page.content.decode()
    # the poll of the progress bar is told where to go by htmx
    poll = client.get(response["Location"], headers={"HX-Request": "true"})
    assert poll["HX-Redirect"] == document.get_absolute_url()
    # without ?then, the job's page stays, with the link
    page = client.get(reverse("job", args=[job.pk])).content.decode()
    assert "Open the document" in page and document.get_absolute_url() in page


def test_a_refused_document_fails_with_one_line_in_the_starters_language(
    client, manager, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    client.post(reverse("set_language"), {"language": "zh-hant", "next": "/"})
    token = _token(client, reverse("document-upload"))
    response = _run(
        django_capture_on_commit_callbacks,
        lambda: client.post(
            reverse("document-upload"),
            {
                "file": SimpleUploadedFile("bin.txt", b"\x00\x01\x02\x89PNG\x00"),
                "source_language": "en",
                "targets": ["zh-Hant"],
                "once": token,
            },
        ),
    )
    job = Job.objects.get()
    assert job.state == State.FAILED and Document.objects.count() == 0
    assert job.language == "zh-hant"
    page = client.get(response["Location"], follow=True).content.decode()
    # the job's page stays on failure, naming the file and the problem
    assert "bin.txt: " in page and job.shown_error in page
    assert "\n" not in job.shown_error
    with translation.override("zh-hant"):
        assert job.shown_error == translation.gettext("the file looks binary, not text")


def test_a_new_version_is_a_job(
    client, manager, seed_press_release, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    document = seed_press_release
    data = (SEEDS / "000_a73269a67c9f1785.txt").read_bytes() + b"\nOne more line.\n"
    token = _token(client, document.get_absolute_url())
    _run(
        django_capture_on_commit_callbacks,
        lambda: client.post(
            reverse("document-new-version", args=[document.pk]),
            {"file": SimpleUploadedFile("v2.txt", data), "once": token},
        ),
    )
    job = _job()
    document.refresh_from_db()
    assert document.current_version == 2 == job.result["version"]
    assert job.result["added"] >= 1 and job.result["removed"] == 0
    assert (
        "Version 2 imported"
        in client.get(
            reverse("job", args=[job.pk]) + "?then=1", follow=True
        ).content.decode()
    )


def test_pretranslation_and_derive_are_jobs_on_the_document(
    client, manager, seed_press_release, django_capture_on_commit_callbacks
):
    document = seed_press_release
    first = document.segments.order_by("position").first()
    with open(SEEDS / "memory.tmx", "rb") as handle:
        import_tmx(handle, origin="memory.tmx")
    client.force_login(manager)
    _run(
        django_capture_on_commit_callbacks,
        lambda: client.post(
            reverse("document-pretranslate", args=[document.pk]),
            {"language": "zh-Hant", "threshold": "70"},
        ),
    )
    job = _job()
    filled = Translation.objects.filter(
        segment__document=document, language="zh-Hant", status=Status.DRAFT
    ).count()
    assert job.result["exact"] + job.result["fuzzy"] == filled > 0
    page = client.get(reverse("job", args=[job.pk]) + "?then=1", follow=True)
    assert "Filled from the memory as drafts" in page.content.decode()
    assert page.redirect_chain[-1][0].endswith("?language=zh-Hant")

    Job.objects.all().delete()
    _run(
        django_capture_on_commit_callbacks,
        lambda: client.post(
            reverse("document-derive", args=[document.pk]),
            {"from": "zh-Hant", "to": "zh-Hans"},
        ),
    )
    job = _job()
    assert job.kind == Kind.DERIVE and job.result["derived"] == filled
    assert job.done == job.total == document.segments.active().count()
    derived = Translation.objects.get(segment=first, language="zh-Hans")
    hant = Translation.objects.get(segment=first, language="zh-Hant")
    assert hant.text and derived.text and derived.status == Status.DRAFT


def test_a_refused_pretranslation_or_derive_starts_no_job(
    client, manager, seed_press_release
):
    client.force_login(manager)
    document = seed_press_release
    page = client.post(
        reverse("document-pretranslate", args=[document.pk]),
        {"language": "fr", "threshold": "70"},
        follow=True,
    ).content.decode()
    assert "fr is not a target language of this document." in page
    page = client.post(
        reverse("document-derive", args=[document.pk]),
        {"from": "en", "to": "zh-Hans"},
        follow=True,
    ).content.decode()
    assert "Conversion works between zh-Hans and zh-Hant" in page
    assert Job.objects.count() == 0


def test_one_sentence_is_still_derived_at_once(client, manager, seed_press_release):
    client.force_login(manager)
    document = seed_press_release
    segment = document.segments.order_by("position").first()
    hant = Translation.objects.get(segment=segment, language="zh-Hant")
    from translations.writing import change_translation

    change_translation(
        translation=hant,
        text="政制及內地事務局局長",
        status=Status.TRANSLATED,
        user=manager,
        expected_version=hant.version,
    )
    response = client.post(
        reverse("segment-derive", args=[document.pk, segment.pk]),
        {"from": "zh-Hant", "to": "zh-Hans"},
    )
    assert response.status_code == 302 and "#s%d" % segment.pk in response["Location"]
    assert Job.objects.count() == 0
    assert Translation.objects.get(segment=segment, language="zh-Hans").text == (
        "政制及内地事务局局长"
    )


def test_a_glossary_import_is_a_job_whose_page_shows_the_account(
    client, manager, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    data = (SEEDS / "glossary.csv").read_bytes()
    for dry_run in (True, False):
        Job.objects.all().delete()
        form = {
            "file": SimpleUploadedFile("glossary.csv", data),
            "approval": "approved",
            "merge_on": "term",
            "once": _token(client, reverse("glossary-import")),
        }
        if dry_run:
            form["dry_run"] = "on"
        response = _run(
            django_capture_on_commit_callbacks,
            lambda form=form: client.post(reverse("glossary-import"), form),
        )
        job = _job()
        page = client.get(response["Location"], follow=True).content.decode()
        assert 'id="import-result"' in page
        if dry_run:
            assert "Dry run, nothing written" in page
            assert Concept.objects.count() == 0
            assert job.result["concepts_created"] > 0
    assert Concept.objects.count() == job.result["concepts_created"] > 0
    assert "What the import did" in page and "Open the glossary" in page


def test_a_memory_export_job_keeps_a_file_to_download_until_pruned(
    client, manager, django_capture_on_commit_callbacks
):
    with open(SEEDS / "memory.tmx", "rb") as handle:
        import_tmx(handle, origin="memory.tmx")
    entries = MemoryEntry.objects.count()
    client.force_login(manager)
    response = _run(
        django_capture_on_commit_callbacks,
        lambda: client.post(reverse("memory-export"), {"pair": "0"}),
    )
    job = _job()
    assert job.result["units"] == entries == job.done
    page = client.get(response["Location"]).content.decode()
    assert reverse("job-download", args=[job.pk]) in page
    assert "Kept for 7 days after the job ends." in page
    download = client.get(reverse("job-download", args=[job.pk]))
    assert download["Content-Disposition"] == 'attachment; filename="memory.tmx"'
    assert download["Content-Type"] == "application/x-tmx+xml"
    data = b"".join(download.streaming_content)
    assert len(data) == job.result["bytes"]
    assert len(etree.fromstring(data).findall("body/tu")) == entries
    listed = io.StringIO()
    call_command("jobs", str(job.pk), stdout=listed)
    assert json.loads(listed.getvalue())["result"]["file"] == "memory.tmx"
    # after prune_jobs, the file is gone and the page says so
    call_command("prune_jobs", "--days", "0", stdout=io.StringIO())
    assert not JobChunk.objects.filter(job=job).exists()
    page = client.get(reverse("job-download", args=[job.pk]), follow=True)
    assert "no longer kept; run the export again" in page.content.decode()


def test_a_long_document_is_exported_by_a_job(
    client, manager, seed_press_release, settings, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    document = seed_press_release
    url = reverse("document-download", args=[document.pk])
    query = {"language": "zh-Hant", "format": "xliff"}
    # a short one is sent at once
    assert client.get(url, query)["Content-Type"] == "application/xliff+xml"
    settings.EXPORT_JOB_SENTENCES = 3
    _run(django_capture_on_commit_callbacks, lambda: client.get(url, query))
    job = _job()
    assert job.kind == Kind.EXPORT_DOCUMENT
    assert job.result["file"].endswith(".zh-Hant.xliff")
    download = client.get(reverse("job-download", args=[job.pk]))
    assert download["Content-Type"] == "application/xliff+xml"
    tree = etree.fromstring(b"".join(download.streaming_content))
    units = tree.findall(".//{urn:oasis:names:tc:xliff:document:2.0}unit")
    assert len(units) == document.segments.active().count()


def test_a_reindex_is_a_job_and_a_twin_is_refused(client, manager):
    with open(SEEDS / "memory.tmx", "rb") as handle:
        import_tmx(handle, origin="memory.tmx")
    client.force_login(manager)
    # no commit inside the test: the first stays queued, the second is refused
    first = client.post(reverse("memory-reindex"))
    assert first.status_code == 302
    page = client.post(reverse("memory-reindex"), follow=True).content.decode()
    job = Job.objects.get()
    assert "This is already under way (job %d)" % job.pk in page
    from jobs.running import run_job

    assert run_job(job.pk) == State.SUCCEEDED
    job.refresh_from_db()
    assert job.result == {"entries": MemoryEntry.objects.count()}


def test_only_the_starter_or_a_manager_downloads_a_jobs_file(
    client, manager, translator, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    _run(
        django_capture_on_commit_callbacks,
        lambda: client.post(reverse("memory-export"), {"pair": "0"}),
    )
    job = _job()
    client.force_login(translator)
    assert client.get(reverse("job-download", args=[job.pk])).status_code == 403


@pytest.mark.parametrize(
    "command,arguments,kind",
    [
        (
            "import_document",
            ["{note}", "--source-language", "zh-Hant"],
            "import_document",
        ),
        ("import_document", ["{note}", "--document", "{doc}"], "new_version"),
        ("pretranslate", ["{doc}", "--language", "zh-Hant"], "pretranslate"),
        ("derive", ["{doc}", "--from", "zh-Hant", "--to", "zh-Hans"], "derive"),
        ("import_glossary", ["{glossary}"], "import_glossary"),
        ("rebuild_memory_index", [], "reindex_memory"),
        ("export_memory", ["-o", "m.tmx"], "export_memory"),
        (
            "export",
            ["{doc}", "--language", "zh-Hant", "--format", "po", "-o", "x.po"],
            "export_document",
        ),
    ],
)
def test_each_command_queues_its_job_with_background(
    command,
    arguments,
    kind,
    tmp_path,
    seed_press_release,
    django_capture_on_commit_callbacks,
):
    note = tmp_path / "note.txt"
    note.write_bytes(NOTE)
    values = {
        "note": str(note),
        "doc": str(seed_press_release.pk),
        "glossary": str(SEEDS / "glossary.csv"),
    }
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            command,
            *[a.format(**values) for a in arguments],
            "--background",
            stdout=out,
        )
    job_id = int(out.getvalue().strip().splitlines()[-1])
    job = Job.objects.get(pk=job_id)
    assert job.kind == kind
    assert job.state == State.SUCCEEDED, job.shown_error
    if kind.startswith("export"):
        output = tmp_path / "out"
        call_command("job_output", str(job_id), "-o", str(output))
        assert output.stat().st_size == job.result["bytes"] > 0


def test_a_command_refuses_before_queueing(seed_press_release):
    with pytest.raises(CommandError, match="fr is not a target language"):
        call_command(
            "pretranslate",
            str(seed_press_release.pk),
            "--language",
            "fr",
            "--background",
        )
    with pytest.raises(CommandError, match="give -o NAME with --background"):
        call_command(
            "export",
            str(seed_press_release.pk),
            "--language",
            "zh-Hant",
            "--format",
            "po",
            "--background",
        )
    with pytest.raises(CommandError, match="keeps no file"):
        job = Job.objects.create(kind=Kind.REINDEX_MEMORY, state=State.SUCCEEDED)
        call_command("job_output", str(job.pk))
    assert Job.objects.count() == 1
