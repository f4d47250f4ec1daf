"""Managers download exports and choose a document's target languages."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.languages import UnknownLanguage, parse_languages
from core.once import once_per_token
from documents.models import Document
from exchange.exporting import CONTENT_TYPES, EXPORT_FORMATS, ExportRefused, export_any
from exchange.importing import ImportRefused, set_target_languages
from exchange.translations import (
    TranslationsRefused,
    import_translations,
    read_translations,
)
from formats import FormatError
from jobs.models import Kind
from workbench.background import start_from_page

#: Longest title part of a download's file name, in characters.
FILE_STEM_LENGTH = 60


def file_stem(title: str, limit: int = FILE_STEM_LENGTH) -> str:
    """The title as a file name part, cut at a word boundary, never mid-word.

    ``slugify`` keeps letters of every script (Chinese titles stay Chinese);
    a word longer than the whole limit is the only thing cut inside.
    """
    slug = slugify(title, allow_unicode=True)
    if len(slug) > limit:
        cut = slug[: limit + 1].rfind("-")
        slug = slug[:cut] if cut > 0 else slug[:limit]
    return slug.strip("-") or "document"


@permission_required("workbench.import_document", raise_exception=True)
def download(request, pk: int):
    """Send a document's export at once, or, for a long document, start a job
    that writes it for download."""
    document = get_object_or_404(Document, pk=pk)
    language = request.GET.get("language", "")
    kind = request.GET.get("format", "")
    if language not in document.target_languages or kind not in EXPORT_FORMATS:
        messages.error(request, _("Choose a target language and a format."))
        return redirect(document)
    approved_only = request.GET.get("approved_only") == "1"
    suffix = "xlf" if kind == "xliff12" else kind  # XLIFF 1.2's usual suffix
    name = "%s.%s.%s" % (file_stem(document.title), language, suffix)
    if document.segments.active().count() > settings.EXPORT_JOB_SENTENCES:
        return start_from_page(
            request,
            kind=Kind.EXPORT_DOCUMENT,
            back=document.get_absolute_url(),
            arguments={
                "document": document.pk,
                "language": language,
                "format": kind,
                "approved_only": approved_only,
                "output_name": name,
            },
            follow=False,
        )
    try:
        chunks = export_any(document, language, kind, approved_only=approved_only)
    except ExportRefused as error:
        messages.error(request, str(error))
        return redirect(document)
    response = StreamingHttpResponse(chunks, content_type=CONTENT_TYPES[kind])
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@permission_required("workbench.import_document", raise_exception=True)
@require_POST
def set_targets(request, pk: int):
    document = get_object_or_404(Document, pk=pk)
    try:
        wanted = parse_languages(request.POST.getlist("targets"))
    except UnknownLanguage:
        wanted = []
    try:
        set_target_languages(document=document, languages=wanted)
    except ImportRefused as refused:
        messages.error(request, refused.problem)
    else:
        messages.success(request, _("Target languages saved."))
    return redirect(document)


@permission_required("workbench.import_document", raise_exception=True)
@require_POST
@once_per_token
def upload_translations(request, pk: int):
    document = get_object_or_404(Document, pk=pk)
    upload = request.FILES.get("file")
    language = request.POST.get("language", "")
    if upload is None or language not in document.target_languages:
        messages.error(request, _("Choose a PO, XLIFF or TMX file and its language."))
        return redirect(document)
    if upload.size > settings.MAX_UPLOAD_BYTES:
        messages.error(
            request,
            _("%(name)s is larger than %(mb)d MB.")
            % {"name": upload.name, "mb": settings.MAX_UPLOAD_BYTES // settings.MB},
        )
        return redirect(document)
    try:
        counts = import_translations(
            document=document,
            language=language,
            catalogue=read_translations(
                upload.read(),
                upload.name,
                document=document,
                language=language,
                max_units=settings.MAX_UPLOAD_UNITS,
            ),
            user=request.user,
            filename=upload.name,
            file_language=language if request.POST.get("file_language") else "",
        )
    except FormatError as error:
        messages.error(request, "%s: %s" % (upload.name, error.localized()))
    except TranslationsRefused as error:
        messages.error(request, "%s: %s" % (upload.name, error))
    else:
        skipped = sum(counts.skipped.values())
        messages.success(
            request,
            _(
                "%(name)s: translations updated: %(updated)d, unchanged: "
                "%(unchanged)d, skipped: %(skipped)d."
            )
            % {
                "name": upload.name,
                "updated": counts.updated,
                "unchanged": counts.unchanged,
                "skipped": skipped,
            }
            + (" " + counts.not_kept_summary() if counts.not_kept_summary() else ""),
        )
    return redirect("%s?language=%s" % (document.get_absolute_url(), language))
