"""Document pages: list with progress, one document's sentences, uploads."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.languages import LANGUAGE_NAMES, UnknownLanguage, display_name, normalise
from core.once import new_token, once_per_token
from core.statuses import Status
from documents.models import Document
from documents.selectors import all_documents, version_history
from exchange.exporting import EXPORT_FORMATS
from jobs.models import Kind
from translations.deriving import derive_source
from translations.pretranslating import DEFAULT_THRESHOLD
from translations.selectors import (
    document_progress,
    document_rows,
    document_sentences,
    sentence_rows,
)
from workbench.background import start_from_page
from workbench.forms.documents import DocumentUploadForm, NewVersionForm

#: How the export formats are named in the form (file formats, not translated).
FORMAT_LABELS = {
    "po": "PO",
    "tmx": "TMX 1.4",
    "xliff": "XLIFF 2.0",
    "xliff12": "XLIFF 1.2",
    "txt": "TXT",
    "md": "Markdown",
    "html": "HTML",
    "docx": "DOCX",
}


SEGMENTS_PER_PAGE = 200


def document_list(request):
    rows = document_rows(list(all_documents()))
    return render(request, "workbench/document_list.html", {"rows": rows})


@never_cache
def document_detail(request, pk: int):
    document = get_object_or_404(Document, pk=pk)
    language = _chosen_language(request, document)
    status = request.GET.get("status", "")
    segments = document_sentences(document, language, status)
    page = Paginator(segments, SEGMENTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "derive_from": derive_source(document, language),
        "document": document,
        "language": language,
        "target_languages": [(c, display_name(c)) for c in document.target_languages],
        "status": status,
        "statuses": Status.choices,
        "page": page,
        "paragraphs": sentence_rows(list(page.object_list), language),
        "progress": document_progress(document),
        "versions": version_history(document),
        "version_form": NewVersionForm(),
        "pretranslate_threshold": DEFAULT_THRESHOLD,
        "export_formats": [
            (kind, FORMAT_LABELS.get(kind, kind)) for kind in EXPORT_FORMATS
        ],
        "all_languages": [(c, str(n)) for c, n in LANGUAGE_NAMES.items()],
        "once": new_token(),
    }
    return render(request, "workbench/document_detail.html", context)


def _chosen_language(request, document: Document) -> str:
    wanted = request.GET.get("language", "")
    try:
        code = normalise(wanted) if wanted else ""
    except UnknownLanguage:
        code = ""
    if code in document.target_languages:
        return code
    return document.target_languages[0] if document.target_languages else ""


@permission_required("workbench.import_document", raise_exception=True)
@require_http_methods(["GET", "POST"])
@once_per_token
def document_upload(request):
    """Start a job importing the uploaded document; its page shows the progress
    and leads to the document once it is imported."""
    form = DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        return start_from_page(
            request,
            kind=Kind.IMPORT_DOCUMENT,
            back="document-upload",
            upload=data["file"],
            arguments={
                "source_language": data["source_language"],
                "title": data["title"] or "",
                "targets": data["targets"],
                "paragraphs": data["paragraphs"] or "auto",
            },
        )
    context = {
        "form": form,
        "default_targets": list(settings.WORKBENCH_TARGET_LANGUAGES),
    }
    return render(request, "workbench/document_upload.html", context)


@permission_required("workbench.import_document", raise_exception=True)
@require_http_methods(["POST"])
@once_per_token
def document_new_version(request, pk: int):
    """Start a job importing a new version of the document."""
    document = get_object_or_404(Document, pk=pk)
    form = NewVersionForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("file", []):
            messages.error(request, error)
        return redirect(document)
    return start_from_page(
        request,
        kind=Kind.NEW_VERSION,
        back=document.get_absolute_url(),
        upload=form.cleaned_data["file"],
        arguments={"document": document.pk},
    )
