"""The converter page, house-style overrides, and deriving translations."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from conversion.engine import converter
from conversion.models import ConversionOverride
from conversion.overrides import OverrideConflict, save_override
from conversion.selectors import overrides_with_history
from core.highlighting import with_marks
from core.languages import UnknownLanguage, normalise
from core.versions import posted_version
from documents.models import Document, Segment
from jobs.models import Kind
from translations.deriving import DeriveRefused, check_pair, derive, describe_derivation
from workbench.background import start_from_page
from workbench.forms.conversion import ConvertForm, OverrideForm


def highlighted(result) -> str:
    """Return the converted text as HTML with glossary and overrides marked."""
    return with_marks(
        result.text,
        (
            (
                item.start,
                item.end,
                format_html(
                    '<mark class="{}" title="{}">{}</mark>',
                    item.kind,
                    item.source,
                    result.text[item.start : item.end],
                ),
            )
            for item in result.replacements
        ),
    )


def convert_page(request):
    form = ConvertForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        engine = converter(
            form.cleaned_data["config"], use_glossary=form.cleaned_data["use_glossary"]
        )
        conversion = engine.convert_detailed(form.cleaned_data["text"])
        result = {
            "html": highlighted(conversion),
            "text": conversion.text,
            "glossary": sum(r.kind == "glossary" for r in conversion.replacements),
            "overrides": sum(r.kind == "override" for r in conversion.replacements),
        }
    template = (
        "workbench/_convert_result.html" if request.htmx else "workbench/convert.html"
    )
    return render(request, template, {"form": form, "result": result})


@permission_required("workbench.view_conversionoverride", raise_exception=True)
def override_list(request):
    overrides = overrides_with_history()
    form = OverrideForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_perm("workbench.add_conversionoverride"):
            raise PermissionDenied
        if form.is_valid():
            try:
                save_override(user=request.user, **_fields(form))
            except IntegrityError:
                form.add_error(
                    "source_text",
                    _("There is already an override for this phrase and variant."),
                )
            else:
                messages.success(request, _("Override saved."))
                return redirect("override-list")
    return render(
        request,
        "workbench/overrides.html",
        {"overrides": overrides, "form": form},
    )


def _fields(form) -> dict:
    data = form.cleaned_data
    return {
        "variant": data["variant"],
        "source_text": data["source_text"].strip(),
        "target_text": data["target_text"].strip(),
        "note": data["note"],
        "is_active": data["is_active"],
    }


@permission_required("workbench.change_conversionoverride", raise_exception=True)
@require_POST
def override_edit(request, pk: int):
    override = get_object_or_404(ConversionOverride, pk=pk)
    posted_version(request.POST)
    form = OverrideForm(request.POST)
    if form.is_valid():
        try:
            save_override(
                user=request.user,
                override=override,
                expected_version=form.cleaned_data["version"],
                **_fields(form),
            )
        except OverrideConflict as error:
            messages.error(request, str(error))
        except IntegrityError:
            messages.error(
                request, _("There is already an override for this phrase and variant.")
            )
        else:
            messages.success(request, _("Override saved."))
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect("override-list")


def _language(value: str) -> str:
    try:
        return normalise(value)
    except UnknownLanguage:
        return ""


@permission_required("workbench.change_translation", raise_exception=True)
@require_POST
def derive_view(request, pk: int, segment_id: int | None = None):
    """Convert one sentence from the other script at once, or start a job
    converting the whole document."""
    document = get_object_or_404(Document, pk=pk)
    source = _language(request.POST.get("from", ""))
    target = _language(request.POST.get("to", ""))
    back = "%s?language=%s" % (document.get_absolute_url(), target)
    try:
        check_pair(document, source, target)
    except DeriveRefused as error:
        messages.error(request, str(error))
        return redirect(back)
    if segment_id is None:
        return start_from_page(
            request,
            kind=Kind.DERIVE,
            back=back,
            arguments={
                "document": document.pk,
                "from_language": source,
                "to_language": target,
            },
        )
    segment = get_object_or_404(
        Segment.objects.active(), pk=segment_id, document=document
    )
    counts = derive(
        document=document,
        from_language=source,
        to_language=target,
        user=request.user,
        segments=[segment],
    )
    messages.success(request, describe_derivation({**counts, "from_language": source}))
    return redirect("%s#s%d" % (back, segment_id))
