"""A release that came one paragraph per line goes out one paragraph per
line; the rule can be told on the command line and kept for new versions."""

import io
import json

from django.core.management import call_command

from exchange.exporting import export_document
from exchange.importing import import_document, import_new_version
from translations.models import Translation
from translations.writing import change_translation

RELEASE = (
    "Harbour cruise for the elderly\n"
    "(with photos)\n"
    "About 300 elderly people joined a harbour cruise today.\n"
    "The cruise was organised by the Social Welfare Department.\n"
    "Ends/Friday, March 14, 2025\n"
)


def test_one_per_line_in_one_per_line_out(db):
    document = import_document(
        data=RELEASE.encode(), filename="cruise.txt", source_language="en"
    )
    assert document.metadata["paragraphs"] == "lines"
    rows = list(
        Translation.objects.filter(segment__document=document, language="zh-Hant")
        .select_related("segment")
        .order_by("segment__position")
    )
    assert [row.segment.source for row in rows] == RELEASE.splitlines()
    chinese = [
        "長者海港遊",
        "（附圖）",
        "約300名長者今日參加海港遊。",
        "活動由社會福利署舉辦。",
        "完",
    ]
    for row, text in zip(rows, chinese, strict=True):
        change_translation(
            translation=row, text=text, status="translated", expected_version=0
        )
    written = export_document(document, "zh-Hant", "txt").decode()
    assert written == "\n".join(chinese) + "\n"


def test_the_rule_is_told_on_the_command_line_and_kept_for_a_new_version(db, tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text("Notice\n\nThe office is closed\non Friday.\n", encoding="utf-8")
    out = io.StringIO()
    call_command("import_document", str(path), "--paragraphs", "lines", stdout=out)
    document_id = json.loads(out.getvalue().splitlines()[0])["document"]
    from documents.models import Document

    document = Document.objects.get(pk=document_id)
    sources = list(
        document.segments.active().order_by("position").values_list("source", flat=True)
    )
    assert sources == ["Notice", "The office is closed", "on Friday."]
    assert document.metadata["paragraph_rule"] == "lines"
    result = import_new_version(
        document=document,
        data=b"Notice\n\nThe office is closed\non Saturday.\n",
        filename="notice.txt",
    )
    document.refresh_from_db()
    sources = list(
        document.segments.active().order_by("position").values_list("source", flat=True)
    )
    assert sources == ["Notice", "The office is closed", "on Saturday."]
    assert result.kept == 2


def test_the_upload_form_says_where_paragraphs_end(client, manager, jobs_run_at_once):
    import re

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from documents.models import Document

    client.force_login(manager)
    page = client.get(reverse("document-upload")).content.decode()
    assert 'name="paragraphs"' in page
    token = re.search(r'name="once" value="([^"]+)"', page)[1]
    client.post(
        reverse("document-upload"),
        {
            "file": SimpleUploadedFile(
                "notice.txt", b"Notice\n\nThe office is closed\non Friday.\n"
            ),
            "source_language": "en",
            "targets": ["zh-Hant"],
            "paragraphs": "lines",
            "once": token,
        },
    )
    document = Document.objects.get()
    sources = list(
        document.segments.active().order_by("position").values_list("source", flat=True)
    )
    assert sources == ["Notice", "The office is closed", "on Friday."]
