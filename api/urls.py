"""``/api/``: version 1 of the API, its OpenAPI schema and browsable docs.

The views authenticate for themselves (a token or the session), so the
site's login redirect does not apply to them: an API client gets a 401 with
problem details, never a login page.
"""

from django.contrib.auth.decorators import login_not_required
from django.urls import path

from csp.decorators import csp_update
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from api.views import conversion, documents, glossary, jobs, memory, translations


def _open(view_class, **initkwargs):
    return login_not_required(view_class.as_view(**initkwargs))


V1 = "v1/"
urlpatterns = [
    path(V1 + "documents/", _open(documents.DocumentList), name="api-documents"),
    path(
        V1 + "documents/<int:pk>/",
        _open(documents.DocumentDetail),
        name="api-document",
    ),
    path(
        V1 + "documents/<int:pk>/versions/",
        _open(documents.NewVersion),
        name="api-document-versions",
    ),
    path(
        V1 + "documents/<int:pk>/targets/",
        _open(documents.Targets),
        name="api-document-targets",
    ),
    path(
        V1 + "documents/<int:pk>/sentences/",
        _open(documents.SentenceList),
        name="api-sentences",
    ),
    path(
        V1 + "documents/<int:pk>/export/",
        _open(documents.Export),
        name="api-document-export",
    ),
    path(
        V1 + "documents/<int:pk>/pretranslate/",
        _open(documents.Pretranslate),
        name="api-document-pretranslate",
    ),
    path(
        V1 + "translations/<int:pk>/",
        _open(translations.TranslationDetail),
        name="api-translation",
    ),
    path(
        V1 + "translations/<int:pk>/approve/",
        _open(translations.Approve),
        name="api-translation-approve",
    ),
    path(
        V1 + "translations/<int:pk>/send-back/",
        _open(translations.SendBack),
        name="api-translation-send-back",
    ),
    path(
        V1 + "translations/<int:pk>/comments/",
        _open(translations.Comments),
        name="api-translation-comments",
    ),
    path(
        V1 + "translations/<int:pk>/revisions/",
        _open(translations.Revisions),
        name="api-translation-revisions",
    ),
    path(V1 + "review/", _open(translations.BulkReview), name="api-review"),
    path(V1 + "glossary/concepts/", _open(glossary.ConceptList), name="api-concepts"),
    path(
        V1 + "glossary/concepts/<int:pk>/",
        _open(glossary.ConceptDetail),
        name="api-concept",
    ),
    path(
        V1 + "glossary/terms/<int:pk>/approve/",
        _open(glossary.TermApprove),
        name="api-term-approve",
    ),
    path(
        V1 + "glossary/terms/<int:pk>/reject/",
        _open(glossary.TermReject),
        name="api-term-reject",
    ),
    path(
        V1 + "glossary/lookup/",
        _open(glossary.GlossaryLookup),
        name="api-glossary-lookup",
    ),
    path(V1 + "memory/lookup/", _open(memory.Lookup), name="api-memory-lookup"),
    path(
        V1 + "memory/concordance/",
        _open(memory.Concordance),
        name="api-memory-concordance",
    ),
    path(V1 + "memory/import/", _open(memory.TmxImport), name="api-memory-import"),
    path(V1 + "memory/export/", _open(memory.TmxExport), name="api-memory-export"),
    path(V1 + "convert/", _open(conversion.Convert), name="api-convert"),
    path(V1 + "jobs/", _open(jobs.JobList), name="api-jobs"),
    path(V1 + "jobs/<int:pk>/", _open(jobs.JobDetail), name="api-job"),
    path(V1 + "jobs/<int:pk>/cancel/", _open(jobs.JobCancel), name="api-job-cancel"),
    path(
        V1 + "jobs/<int:pk>/download/",
        _open(jobs.JobDownload),
        name="api-job-download",
    ),
    # the schema and its docs are public and unthrottled: they hold no data
    path("schema/", _open(SpectacularAPIView, throttle_classes=[]), name="api-schema"),
    # Swagger UI from this site (drf-spectacular-sidecar), its setup script a
    # file of its own (the split view): the site's policy allows no inline
    # script; Swagger UI styles its widgets inline, so this page allows that
    path(
        "docs/",
        csp_update({"style-src": ["'unsafe-inline'"]})(
            _open(
                SpectacularSwaggerSplitView,
                url_name="api-schema",
                throttle_classes=[],
            )
        ),
        name="api-docs",
    ),
]
