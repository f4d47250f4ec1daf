"""Alignment in the workbench: two files (or a zip, or two documents) become
an alignment to review; a reviewer corrects beads based on the version they
saw; a commit fills the memory and, if asked, the English document; term
candidates from the committed pairs are accepted or dismissed for good."""

import io
import json
import re
import zipfile
from datetime import date

from django.core.management import call_command
from django.urls import reverse

import pytest

from exchange.alignments import commit, create_from_files
from exchange.importing import import_document
from exchange.models import Alignment, AlignmentState
from glossary.models import Approval, Term, TermCandidateDecision
from jobs.models import Job, State
from memory.models import MemoryEntry, MemorySource
from translations.models import Revision, Translation

RELEASE_EN = "\n\n".join(
    [
        "Qianhai Authority signs agreement with universities",
        "The Qianhai Authority today (November 27) signed an agreement with five "
        "universities in Hong Kong.",
        "The Secretary for Constitutional and Mainland Affairs, Mr Erick Tsang, "
        "attended the ceremony. He said the agreement would bring 300 "
        "internships a year.",
        "The Qianhai Authority will report on the programme in 2027.",
        "Ends/Friday, November 27, 2026\nIssued at HKT 18:30",
        "NNNN\n",
    ]
)
RELEASE_ZH = """前海管理局與大學簽署協議

前海管理局今日（十一月二十七日）與五所香港大學簽署協議。

政制及內地事務局局長曾國衞出席儀式。他表示，協議每年會帶來300個實習職位。

前海管理局會在2027年匯報計劃進展。

完

2026年11月27日（星期五）
香港時間18時30分
"""


def upload(data: str, name: str):
    handle = io.BytesIO(data.encode("utf-8"))
    handle.name = name
    return handle


def token_of(response) -> str:
    return re.search(r'name="once" value="([^"]+)"', response.content.decode())[1]


def aligned(user=None) -> Alignment:
    return create_from_files(
        english_data=RELEASE_EN.encode(),
        english_name="qianhai.txt",
        chinese_data=RELEASE_ZH.encode(),
        chinese_name="qianhai-zh.txt",
        chinese_language="zh-Hant",
        user=user,
    )


def pairs_of(alignment: Alignment) -> list[tuple[list[str], list[str]]]:
    return [
        (
            [alignment.english[i] for i in bead["source"]],
            [alignment.chinese[j] for j in bead["target"]],
        )
        for bead in alignment.beads
    ]


def test_two_uploaded_files_are_aligned_by_a_job_that_opens_the_review_page(
    client, manager, jobs_run_at_once
):
    client.force_login(manager)
    page = client.get(reverse("alignments"))
    response = client.post(
        reverse("alignments"),
        {
            "english": upload(RELEASE_EN, "qianhai.txt"),
            "chinese": upload(RELEASE_ZH, "qianhai-zh.txt"),
            "chinese_language": "zh-Hant",
            "once": token_of(page),
        },
    )
    job = Job.objects.get()
    assert response.status_code == 302 and job.kind == "align"
    assert job.state == State.SUCCEEDED, job.error
    alignment = Alignment.objects.get()
    assert job.result["alignments"] == [alignment.pk]
    # the job's page leads to the alignment
    followed = client.get(reverse("job", args=[job.pk]) + "?then=1")
    assert followed.status_code == 302
    assert followed["Location"] == reverse("alignment", args=[alignment.pk])
    assert (
        alignment.name == "qianhai" and alignment.english_filename == "qianhai.en.txt"
    )
    pairs = pairs_of(alignment)
    assert (["NNNN"], []) in pairs
    assert (
        ["Ends/Friday, November 27, 2026"],
        ["完", "2026年11月27日（星期五）"],
    ) in pairs
    review = client.get(reverse("alignment", args=[alignment.pk])).content.decode()
    assert "前海管理局今日" in review and 'data-key="m"' in review
    assert "Commit the pairs" in review


def test_the_form_says_what_is_missing(client, manager):
    client.force_login(manager)
    page = client.get(reverse("alignments"))
    response = client.post(
        reverse("alignments"),
        {
            "english": upload(RELEASE_EN, "qianhai.txt"),
            "chinese_language": "zh-Hant",
            "once": token_of(page),
        },
    )
    assert response.status_code == 200
    assert (
        "Choose the English file and its Chinese version" in response.content.decode()
    )
    assert not Job.objects.exists()


def test_a_correction_based_on_an_old_version_is_a_conflict(client, manager):
    alignment = aligned(manager)
    client.force_login(manager)
    before = alignment.beads
    url = reverse("alignment-edit", args=[alignment.pk])
    done = client.post(
        url,
        {"action": "merge", "index": 1, "version": alignment.version},
        HTTP_HX_REQUEST="true",
    )
    assert done.status_code == 200
    alignment.refresh_from_db()
    assert alignment.version == 2 and len(alignment.beads) == len(before) - 1
    assert alignment.beads[1]["confidence"] == 1.0
    stale = client.post(
        url, {"action": "split", "index": 1, "version": 1}, HTTP_HX_REQUEST="true"
    )
    assert "Someone changed this alignment meanwhile" in stale.content.decode()
    alignment.refresh_from_db()
    assert alignment.version == 2 and len(alignment.beads) == len(before) - 1
    wrong = client.post(
        url,
        {"action": "merge", "index": len(alignment.beads) - 1, "version": 2},
        HTTP_HX_REQUEST="true",
    )
    assert "does not apply" in wrong.content.decode()
    alignment.refresh_from_db()
    assert alignment.version == 2


def test_a_commit_fills_the_memory_and_the_english_document(client, manager):
    alignment = aligned(manager)
    client.force_login(manager)
    response = client.post(
        reverse("alignment-commit", args=[alignment.pk]),
        {"version": alignment.version, "fill": "approved"},
    )
    alignment.refresh_from_db()
    assert alignment.state == AlignmentState.COMMITTED
    document = alignment.english_document
    assert response.status_code == 302
    assert response["Location"].startswith(
        reverse("document-detail", args=[document.pk])
    )
    assert document.target_languages == ["zh-Hant"]
    result = alignment.result
    entries = MemoryEntry.objects.filter(source_kind=MemorySource.ALIGNED)
    assert result["stored"] == entries.count() >= 4
    # filed under the release's title, dated as it was published
    assert {e.origin for e in entries} == {
        "Qianhai Authority signs agreement with universities"
    }
    assert {e.created_at.date() for e in entries} == {date(2026, 11, 27)}
    assert entries.filter(
        source__startswith="The Qianhai Authority today"
    ).get().target == ("前海管理局今日（十一月二十七日）與五所香港大學簽署協議。")
    # the one-sentence English beads filled, with a revision each; the
    # closing lines and NNNN are not sentences to translate
    approved = Translation.objects.filter(
        segment__document=document, language="zh-Hant", status="approved"
    )
    assert approved.count() == result["filled"] >= 4
    title = approved.get(segment__source__startswith="Qianhai Authority signs")
    assert title.text == "前海管理局與大學簽署協議"
    assert Revision.objects.filter(translation=title).count() == 1
    # a second commit is refused
    again = client.post(
        reverse("alignment-commit", args=[alignment.pk]),
        {"version": alignment.version, "fill": ""},
        follow=True,
    )
    assert "committed already" in again.content.decode()


def test_two_documents_of_the_workbench_are_aligned_and_the_english_one_filled(
    client, manager
):
    english = import_document(
        data=RELEASE_EN.encode(), filename="en.txt", source_language="en", user=manager
    )
    chinese = import_document(
        data=RELEASE_ZH.encode(),
        filename="zh.txt",
        source_language="zh-Hant",
        targets=["en"],
        user=manager,
    )
    client.force_login(manager)
    page = client.get(reverse("alignments"))
    made = client.post(
        reverse("align-documents"),
        {
            "english_document": english.pk,
            "chinese_document": chinese.pk,
            "once": token_of(page),
        },
    )
    alignment = Alignment.objects.get()
    assert made["Location"] == reverse("alignment", args=[alignment.pk])
    assert alignment.english_document == english
    # someone translated the title meanwhile: it is kept
    title = Translation.objects.get(
        segment__document=english, segment__position=0, language="zh-Hant"
    )
    title.text, title.version = "人手譯的標題", title.version + 1
    title.save()
    counts = commit(
        alignment, user=manager, expected_version=alignment.version, fill="translated"
    )
    assert counts["document"] == english.pk and counts["kept"] == 1
    title.refresh_from_db()
    assert title.text == "人手譯的標題"
    assert (
        Translation.objects.filter(
            segment__document=english, language="zh-Hant", status="translated"
        ).count()
        == counts["filled"]
    )


def _zip(members: dict) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    buffer.seek(0)
    buffer.name = "releases.zip"
    return buffer


def test_a_zip_of_releases_becomes_one_alignment_each(
    client, manager, jobs_run_at_once
):
    client.force_login(manager)
    page = client.get(reverse("alignments"))
    batch = _zip(
        {
            "a.en.txt": RELEASE_EN,
            "a.zh.txt": RELEASE_ZH,
            "b.en.txt": RELEASE_EN.replace("five", "six"),
            "b.zh.txt": RELEASE_ZH.replace("五", "六"),
            "c.en.txt": "Only English.",
        }
    )
    client.post(
        reverse("alignments"),
        {"batch": batch, "chinese_language": "zh-Hant", "once": token_of(page)},
    )
    job = Job.objects.get()
    assert job.state == State.SUCCEEDED, job.error
    assert sorted(Alignment.objects.values_list("name", flat=True)) == ["a", "b"]
    assert job.result["unpaired"] == ["c"] and job.result["releases"] == 2
    followed = client.get(reverse("job", args=[job.pk]) + "?then=1")
    assert followed["Location"] == reverse("alignments")


def test_a_zip_without_a_pair_fails_in_one_line_and_keeps_nothing(
    client, manager, jobs_run_at_once
):
    client.force_login(manager)
    page = client.get(reverse("alignments"))
    client.post(
        reverse("alignments"),
        {
            "batch": _zip({"a.en.txt": RELEASE_EN, "b.zh.txt": RELEASE_ZH}),
            "chinese_language": "zh-Hant",
            "once": token_of(page),
        },
    )
    job = Job.objects.get()
    assert job.state == State.FAILED
    assert job.shown_error == (
        "releases.zip: no release in it has both a NAME.en and a NAME.zh file"
    )
    assert not Alignment.objects.exists()


@pytest.mark.parametrize("role", ["translator", "reviewer"])
def test_only_managers_align(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("alignments")).status_code == 403


def test_term_candidates_are_accepted_or_dismissed_for_good(
    client, manager, reviewer, translator
):
    commit(aligned(manager), user=manager, expected_version=1)
    client.force_login(translator)
    assert client.get(reverse("term-candidates")).status_code == 403
    client.force_login(reviewer)
    page = client.get(reverse("term-candidates")).content.decode()
    assert "Qianhai Authority" in page and "前海管理局" in page
    # the evidence: the sentence pairs it was seen in
    assert "前海管理局會在2027年匯報計劃進展。" in page
    response = client.post(
        reverse("term-candidate-decide"),
        {
            "english": "Qianhai Authority",
            "chinese": "前海管理局",
            "language": "zh-Hant",
            "as_english": "Qianhai Authority",
            "as_chinese": "前海管理局",
            "action": "approve",
        },
    )
    assert response.status_code == 302
    term = Term.objects.get(language="zh-Hant", text="前海管理局")
    assert term.approval == Approval.APPROVED
    assert term.concept.terms.get(language="en").text == "Qianhai Authority"
    page = client.get(reverse("term-candidates")).content.decode()
    assert "前海管理局</" not in page and 'value="前海管理局"' not in page

    # the same pair is refused a second time
    again = client.post(
        reverse("term-candidate-decide"),
        {
            "english": "Qianhai Authority",
            "chinese": "前海管理局",
            "language": "zh-Hant",
            "action": "dismiss",
        },
        follow=True,
    )
    assert "decided already" in again.content.decode()


def test_a_dismissed_candidate_is_never_proposed_again(client, reviewer, manager):
    commit(aligned(manager), user=manager, expected_version=1)
    client.force_login(reviewer)
    client.post(
        reverse("term-candidate-decide"),
        {
            "english": "Qianhai Authority",
            "chinese": "前海管理局",
            "language": "zh-Hant",
            "action": "dismiss",
        },
    )
    assert TermCandidateDecision.objects.get().decision == "dismissed"
    assert not Term.objects.exists()
    out = io.StringIO()
    call_command("term_candidates", stdout=out)
    assert "Qianhai Authority" not in out.getvalue()
    out = io.StringIO()
    call_command("term_candidates", "--all", stdout=out)
    listed = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {"english": "Qianhai Authority", "chinese": "前海管理局"}.items() <= (
        listed[0].items()
    )
    # a second alignment of the same release does not bring it back
    second = aligned(manager)
    commit(second, user=manager, expected_version=second.version)
    page = client.get(reverse("term-candidates")).content.decode()
    assert 'value="Qianhai Authority"' not in page


def test_align_batch_in_the_background_keeps_each_release_to_review(
    tmp_path, manager, jobs_run_at_once
):
    for name in ("a", "b"):
        (tmp_path / ("%s.en.txt" % name)).write_text(RELEASE_EN, encoding="utf-8")
        (tmp_path / ("%s.zh.txt" % name)).write_text(RELEASE_ZH, encoding="utf-8")
    out = io.StringIO()
    call_command("align_batch", str(tmp_path), "--background", stdout=out)
    job = Job.objects.get(pk=int(out.getvalue().split()[-1]))
    assert job.kind == "align" and job.state == State.SUCCEEDED, job.error
    assert job.file_name == "%s.zip" % tmp_path.name
    assert sorted(Alignment.objects.values_list("name", flat=True)) == ["a", "b"]
    assert Alignment.objects.filter(state=AlignmentState.OPEN).count() == 2
    assert not MemoryEntry.objects.exists()  # kept for review, not committed
    out = io.StringIO()
    call_command("align_batch", str(tmp_path), "--background", "--commit", stdout=out)
    second = Job.objects.get(pk=int(out.getvalue().split()[-1]))
    assert second.state == State.SUCCEEDED and second.result["stored"] > 0
    assert Alignment.objects.filter(state=AlignmentState.COMMITTED).count() == 2


def test_a_release_that_cannot_be_read_fails_the_batch_naming_it(
    client, manager, jobs_run_at_once
):
    client.force_login(manager)
    page = client.get(reverse("alignments"))
    client.post(
        reverse("alignments"),
        {
            "batch": _zip(
                {
                    "a.en.txt": RELEASE_EN,
                    "a.zh.txt": RELEASE_ZH,
                    "b.en.txt": "\x00\x01\x02 binary",
                    "b.zh.txt": RELEASE_ZH,
                }
            ),
            "chinese_language": "zh-Hant",
            "once": token_of(page),
        },
    )
    job = Job.objects.get()
    assert job.state == State.FAILED
    assert job.shown_error.startswith("b.en.txt: ")
    assert "\n" not in job.shown_error
    assert not Alignment.objects.exists()  # all or nothing


def test_align_takes_the_memory_as_evidence_unless_told_not_to(tmp_path, db):
    from memory.store import Pair, store

    english = [
        "Members discussed the matter at length.",
        "They agreed.",
        "The meeting closed after a short break for tea and a vote.",
    ]
    chinese = ["委員詳細討論此事。", "會議在茶敘及表決後結束。"]
    (tmp_path / "en.txt").write_text("\n".join(english), encoding="utf-8")
    (tmp_path / "zh.txt").write_text("\n".join(chinese), encoding="utf-8")
    store(
        [
            Pair(
                source_language="en",
                source=english[0] + " " + english[1],
                target_language="zh-Hant",
                target=chinese[0],
                source_kind=MemorySource.ALIGNED,
            )
        ]
    )

    def beads(*extra):
        out = io.StringIO()
        call_command(
            "align",
            str(tmp_path / "en.txt"),
            str(tmp_path / "zh.txt"),
            "--sentences",
            *extra,
            stdout=out,
        )
        return [
            (line["source"], line["target"])
            for line in map(json.loads, out.getvalue().splitlines())
        ]

    assert beads() == [([0, 1], [0]), ([2], [1])]
    assert ([1], []) in beads("--no-memory")
