"""The memory page: concordance search, TMX import and export; pre-translation."""

import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core.highlighting import with_marks
from core.languages import LANGUAGE_NAMES, UnknownLanguage
from core.once import new_token, once_per_token
from documents.models import Document
from jobs.models import Kind
from jobs.running import JobRefused, start_job
from memory.lookup import concordance, memory_size
from memory.store import memory_language
from memory.tmx import export_tmx
from translations.pretranslating import (
    DEFAULT_THRESHOLD,
    PretranslateRefused,
    pretranslate,
)

CONCORDANCE_HITS = 100


def _pair(request) -> tuple[str, str]:
    """The language pair asked for, defaulting to English into Traditional Chinese."""
    try:
        source = memory_language(request.GET.get("source") or "en")
        target = memory_language(request.GET.get("target") or "zh-Hant")
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
    try:
        job = start_job(
            kind=Kind.IMPORT_MEMORY,
            user=request.user,
            file_name=upload.name,
            pieces=upload.chunks(),
        )
    except JobRefused as refused:
        messages.error(
            request,
            _(
                "%(name)s: you are already importing this file (job %(job)d); "
                "wait for it to finish."
            )
            % {"name": upload.name, "job": refused.args[0].pk},
        )
        return redirect("memory")
    return redirect("job", job.pk)


@permission_required("workbench.add_memoryentry", raise_exception=True)
def memory_export(request):
    source, target = _pair(request)
    both = request.GET.get("pair") == "1"
    chunks = export_tmx(source if both else None, target if both else None)
    name = "memory.%s-%s.tmx" % (source, target) if both else "memory.tmx"
    response = StreamingHttpResponse(chunks, content_type="application/x-tmx+xml")
    response["Content-Disposition"] = 'attachment; filename="%s"' % name
    return response


@permission_required("workbench.import_document", raise_exception=True)
@require_POST
def pretranslate_view(request, pk: int):
    document = get_object_or_404(Document, pk=pk)
    language = request.POST.get("language", "")
    try:
        threshold = int(request.POST.get("threshold", DEFAULT_THRESHOLD))
    except ValueError:
        threshold = -1
    try:
        counts = pretranslate(
            document=document, language=language, threshold=threshold, user=request.user
        )
    except PretranslateRefused as error:
        messages.error(request, str(error))
    else:
        message = (
            ngettext(
                "Filled from the memory as drafts: %(exact)d exact and %(fuzzy)d "
                "fuzzy matches; %(no_match)d sentence without a match; "
                "%(skipped)d already had work in them and were left alone.",
                "Filled from the memory as drafts: %(exact)d exact and %(fuzzy)d "
                "fuzzy matches; %(no_match)d sentences without a match; "
                "%(skipped)d already had work in them and were left alone.",
                counts["no_match"],
            )
            % counts
        )
        if counts["codes_not_placed"]:
            message += (
                " "
                + _(
                    "%(codes_not_placed)d filled without their inline codes (the "
                    "remembered sentence's codes did not match): place them by hand."
                )
                % counts
            )
        messages.success(request, message)
    return redirect("%s?language=%s" % (document.get_absolute_url(), language))
