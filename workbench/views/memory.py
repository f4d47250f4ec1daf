"""The memory page: concordance search, TMX import and export; pre-translation."""

import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.highlighting import with_marks
from core.languages import LANGUAGE_NAMES, UnknownLanguage
from core.once import new_token, once_per_token
from documents.models import Document
from jobs.models import Kind
from memory.lookup import concordance, memory_size
from memory.store import memory_language
from translations.pretranslating import (
    DEFAULT_THRESHOLD,
    PretranslateRefused,
    check_request,
)
from workbench.background import start_from_page

CONCORDANCE_HITS = 100


def _pair(request) -> tuple[str, str]:
    """The language pair asked for, defaulting to English into Traditional Chinese."""
    try:
        asked = request.POST if request.method == "POST" else request.GET
        source = memory_language(asked.get("source") or "en")
        target = memory_language(asked.get("target") or "zh-Hant")
    except UnknownLanguage:
        source, target = "en", "zh-Hant"
    return source, target


def highlight(text: str, phrase: str) -> str:
    """``text`` as HTML with each occurrence of ``phrase`` (any case) marked."""
    words = phrase.split()
    if not words:
        return with_marks(text, [])
    pattern = re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE)
    return with_marks(
        text,
        [
            (m.start(), m.end(), format_html("<mark>{}</mark>", m.group()))
            for m in pattern.finditer(text)
        ],
    )


@permission_required("workbench.view_memoryentry", raise_exception=True)
def memory_page(request):
    source, target = _pair(request)
    phrase = request.GET.get("q", "").strip()[: settings.MAX_QUERY_CHARS]
    hits = []
    if phrase:
        hits = [
            {
                "hit": hit,
                "source": highlight(hit.source, phrase),
                "target": highlight(hit.target, phrase),
            }
            for hit in concordance(phrase, source, target, limit=CONCORDANCE_HITS)
        ]
    return render(
        request,
        "workbench/memory.html",
        {
            "phrase": phrase,
            "hits": hits,
            "source": source,
            "target": target,
            "languages": list(LANGUAGE_NAMES.items()),
            "size": memory_size(source, target),
            "limit": CONCORDANCE_HITS,
            "once": new_token(),
            "tmx_limit_mb": settings.MAX_TMX_UPLOAD_BYTES // settings.MB,
        },
    )


@permission_required("workbench.add_memoryentry", raise_exception=True)
@require_POST
@once_per_token
def memory_import(request):
    """Start a background job importing the uploaded TMX; show its progress."""
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a TMX file to import."))
        return redirect("memory")
    if upload.size > settings.MAX_TMX_UPLOAD_BYTES:
        messages.error(
            request,
            _(
                "%(name)s: the file is larger than %(mb)d MB; "
                "import it with the import_memory command."
            )
            % {"name": upload.name, "mb": settings.MAX_TMX_UPLOAD_BYTES // settings.MB},
        )
        return redirect("memory")
    return start_from_page(
        request,
        kind=Kind.IMPORT_MEMORY,
        back="memory",
        upload=upload,
        arguments={},
        follow=False,
    )


@permission_required("workbench.add_memoryentry", raise_exception=True)
@require_POST
def memory_export(request):
    """Start a job writing the memory (or one pair of it) as TMX to download."""
    source, target = _pair(request)
    both = request.POST.get("pair") == "1"
    name = "memory.%s-%s.tmx" % (source, target) if both else "memory.tmx"
    return start_from_page(
        request,
        kind=Kind.EXPORT_MEMORY,
        back="memory",
        arguments={
            "source_language": source if both else None,
            "target_language": target if both else None,
            "output_name": name,
        },
        follow=False,
    )


@permission_required("workbench.add_memoryentry", raise_exception=True)
@require_POST
def memory_reindex(request):
    """Start a job indexing every memory entry anew (after an upgrade)."""
    return start_from_page(
        request, kind=Kind.REINDEX_MEMORY, back="memory", arguments={}, follow=False
    )


@permission_required("workbench.import_document", raise_exception=True)
@require_POST
def pretranslate_view(request, pk: int):
    """Start a job filling the document's untranslated sentences from the memory."""
    document = get_object_or_404(Document, pk=pk)
    language = request.POST.get("language", "")
    back = "%s?language=%s" % (document.get_absolute_url(), language)
    try:
        threshold = int(request.POST.get("threshold", DEFAULT_THRESHOLD))
    except ValueError:
        threshold = -1
    try:
        check_request(document=document, language=language, threshold=threshold)
    except PretranslateRefused as error:
        messages.error(request, str(error))
        return redirect(back)
    return start_from_page(
        request,
        kind=Kind.PRETRANSLATE,
        back=back,
        arguments={
            "document": document.pk,
            "language": language,
            "threshold": threshold,
        },
    )
