"""The alignment pages: upload two versions of a release (or a zip of
releases, or pick two documents), review the beads side by side, correct
them from the keyboard, and commit them into the memory and, if asked, the
English document's translations."""

import io
import zipfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from alignment.editing import CannotEdit
from core.once import once_per_token
from exchange.alignments import (
    REVIEW_BELOW,
    AlignmentConflict,
    AlignmentRefused,
    commit,
    create_from_documents,
    edit,
)
from exchange.models import Alignment, AlignmentState
from jobs.models import Kind
from workbench.background import start_from_page
from workbench.forms.alignment import (
    AlignDocumentsForm,
    AlignmentUploadForm,
    CommitForm,
)

PERMISSION = "workbench.align_documents"
ALIGNMENTS_PER_PAGE = 50


def _as_batch(english, chinese) -> SimpleUploadedFile:
    """Two uploaded versions as a zip of one release, NAME.en.EXT and NAME.zh.EXT."""
    stem = Path(english.name).stem or "release"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for side, upload in (("en", english), ("zh", chinese)):
            suffix = Path(upload.name).suffix.lower()
            archive.writestr("%s.%s%s" % (stem, side, suffix), upload.read())
    return SimpleUploadedFile("%s.zip" % stem, buffer.getvalue(), "application/zip")


@never_cache
@permission_required(PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
@once_per_token
def alignment_list(request):
    upload_form = AlignmentUploadForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and upload_form.is_valid():
        data = upload_form.cleaned_data
        batch = data["batch"] or _as_batch(data["english"], data["chinese"])
        return start_from_page(
            request,
            kind=Kind.ALIGN,
            back="alignments",
            upload=batch,
            arguments={"chinese_language": data["chinese_language"], "commit": False},
        )
    page = Paginator(
        Alignment.objects.select_related("created_by").defer(
            "english_file", "english", "chinese"
        ),
        ALIGNMENTS_PER_PAGE,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "workbench/alignments.html",
        {
            "upload_form": upload_form,
            "documents_form": AlignDocumentsForm(),
            "page": page,
        },
    )


@permission_required(PERMISSION, raise_exception=True)
@require_POST
@once_per_token
def align_documents(request):
    form = AlignDocumentsForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("alignments")
    try:
        alignment = create_from_documents(
            english_document=form.cleaned_data["english_document"],
            chinese_document=form.cleaned_data["chinese_document"],
            user=request.user,
        )
    except AlignmentRefused as refused:
        messages.error(request, str(refused))
        return redirect("alignments")
    return redirect("alignment", alignment.pk)


def _review_context(alignment: Alignment, **extra) -> dict:
    beads = alignment.bead_list()
    rows = [
        {
            "index": k,
            "english": [alignment.english[i] for i in bead.source],
            "chinese": [alignment.chinese[j] for j in bead.target],
            "confidence": bead.confidence,
            "percent": round(bead.confidence * 100),
            "low": bead.confidence < REVIEW_BELOW,
            "last": k == len(beads) - 1,
            "shape": "%d–%d" % bead.shape,
            "size": len(bead.source) + len(bead.target),
        }
        for k, bead in enumerate(beads)
    ]
    return {
        "alignment": alignment,
        "rows": rows,
        "low_count": sum(row["low"] for row in rows),
        "open": alignment.state == AlignmentState.OPEN,
        **extra,
    }


@never_cache
@permission_required(PERMISSION, raise_exception=True)
def alignment_detail(request, pk: int):
    alignment = get_object_or_404(Alignment, pk=pk)
    return render(
        request,
        "workbench/alignment.html",
        _review_context(alignment, commit_form=CommitForm()),
    )


@never_cache
@permission_required(PERMISSION, raise_exception=True)
@require_POST
def alignment_edit(request, pk: int):
    alignment = get_object_or_404(Alignment, pk=pk)
    error = ""
    try:
        alignment = edit(
            alignment,
            action=request.POST.get("action", ""),
            index=int(request.POST.get("index", "")),
            expected_version=int(request.POST.get("version", "")),
        )
    except CannotEdit:
        error = _("That change does not apply to this bead.")
    except ValueError:
        error = _("The change was not understood.")
    except AlignmentConflict:
        alignment.refresh_from_db()
        error = _(
            "Someone changed this alignment meanwhile: here it is as it is now. "
            "Make your change again."
        )
    except AlignmentRefused as refused:
        alignment.refresh_from_db()
        error = str(refused)
    context = _review_context(alignment, error=error)
    if request.htmx:
        return render(request, "workbench/_alignment_beads.html", context)
    if error:
        messages.error(request, error)
    return redirect(
        reverse("alignment", args=[pk]) + "#bead-%s" % request.POST.get("index", "")
    )


@permission_required(PERMISSION, raise_exception=True)
@require_POST
def alignment_commit(request, pk: int):
    alignment = get_object_or_404(Alignment, pk=pk)
    form = CommitForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose how to fill the translations."))
        return redirect("alignment", pk)
    try:
        counts = commit(
            alignment,
            user=request.user,
            expected_version=int(request.POST.get("version", "")),
            fill=form.cleaned_data["fill"] or None,
        )
    except ValueError:
        messages.error(request, _("The change was not understood."))
        return redirect("alignment", pk)
    except AlignmentConflict:
        messages.error(
            request,
            _("Someone changed this alignment meanwhile: check it and commit again."),
        )
        return redirect("alignment", pk)
    except AlignmentRefused as refused:
        messages.error(request, str(refused))
        return redirect("alignment", pk)
    messages.success(request, commit_summary(counts))
    if counts.get("document"):
        return redirect(
            "%s?language=%s"
            % (
                reverse("document-detail", args=[counts["document"]]),
                alignment.chinese_language,
            )
        )
    return redirect("alignment", pk)


def commit_summary(counts: dict) -> str:
    text = (
        _(
            "%(stored)d pairs in the memory (%(added)d new, %(merged)d already "
            "held); %(one_sided)d one-sided beads and %(closing)d closing lines "
            "left out."
        )
        % counts
    )
    if "filled" in counts:
        text += (
            " "
            + _(
                "%(filled)d translations filled; %(kept)d already written kept; "
                "%(not_filled)d sentences in beads of several English sentences "
                "left for you (their pairs are in the memory)."
            )
            % counts
        )
    return text
