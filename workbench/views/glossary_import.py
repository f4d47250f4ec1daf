"""The glossary's import page: a CSV or TBX file imported by a background
job, whose page shows the progress and then the counted account.

It lives here, not with the glossary's other pages, because it starts a
job, and the glossary sits below the jobs."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from core.once import once_per_token
from glossary.forms import GlossaryImportForm
from jobs.models import Kind
from workbench.background import start_from_page


@permission_required("glossary.import_glossary", raise_exception=True)
@require_http_methods(["GET", "POST"])
@once_per_token
def glossary_import(request):
    form = GlossaryImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        return start_from_page(
            request,
            kind=Kind.IMPORT_GLOSSARY,
            back="glossary-import",
            upload=data["file"],
            arguments={
                "approval": data["approval"],
                "id_scope": data["id_scope"] or "",
                "merge_on": data["merge_on"],
                "dry_run": data["dry_run"],
                "source_language": data["source_language"] or "",
                "target_language": data["target_language"] or "",
            },
            follow=False,
        )
    return render(request, "glossary/import.html", {"form": form})
