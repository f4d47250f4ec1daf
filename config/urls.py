from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from api import pages as api_pages
from workbench.views import (
    accounts,
    alignment,
    conversion,
    documents,
    editor,
    exchange,
    glossary_import,
    jobs,
    memory,
    review,
    term_candidates,
)

urlpatterns = [
    path("", documents.document_list, name="document-list"),
    path("documents/new/", documents.document_upload, name="document-upload"),
    path("documents/<int:pk>/", documents.document_detail, name="document-detail"),
    path(
        "documents/<int:pk>/versions/",
        documents.document_new_version,
        name="document-new-version",
    ),
    path("documents/<int:pk>/derive/", conversion.derive_view, name="document-derive"),
    path(
        "documents/<int:pk>/segments/<int:segment_id>/derive/",
        conversion.derive_view,
        name="segment-derive",
    ),
    path("documents/<int:pk>/translate/<str:language>/", editor.editor, name="editor"),
    path("translations/<int:pk>/save/", editor.save, name="editor-save"),
    path("translations/<int:pk>/review/", editor.review, name="editor-review"),
    path("translations/<int:pk>/panel/", editor.panel, name="editor-panel"),
    path(
        "translations/<int:pk>/warnings/<int:warning_id>/check/",
        editor.check_warning,
        name="editor-check-warning",
    ),
    path(
        "translations/<int:pk>/restore/<int:revision_id>/",
        editor.restore,
        name="editor-restore",
    ),
    path("translations/<int:pk>/comments/", editor.comment, name="editor-comment"),
    path(
        "translations/<int:pk>/comments/<int:comment_id>/resolve/",
        editor.resolve_comment,
        name="editor-resolve",
    ),
    path("documents/<int:pk>/download/", exchange.download, name="document-download"),
    path("documents/<int:pk>/targets/", exchange.set_targets, name="document-targets"),
    path(
        "documents/<int:pk>/translations/",
        exchange.upload_translations,
        name="document-upload-translations",
    ),
    path(
        "documents/<int:pk>/pretranslate/",
        memory.pretranslate_view,
        name="document-pretranslate",
    ),
    path("memory/", memory.memory_page, name="memory"),
    path("memory/import/", memory.memory_import, name="memory-import"),
    path("memory/export/", memory.memory_export, name="memory-export"),
    path("memory/reindex/", memory.memory_reindex, name="memory-reindex"),
    path("alignments/", alignment.alignment_list, name="alignments"),
    path("alignments/documents/", alignment.align_documents, name="align-documents"),
    path("alignments/<int:pk>/", alignment.alignment_detail, name="alignment"),
    path("alignments/<int:pk>/edit/", alignment.alignment_edit, name="alignment-edit"),
    path(
        "alignments/<int:pk>/commit/",
        alignment.alignment_commit,
        name="alignment-commit",
    ),
    path(
        "glossary/candidates/", term_candidates.candidate_list, name="term-candidates"
    ),
    path(
        "glossary/candidates/decide/",
        term_candidates.candidate_decide,
        name="term-candidate-decide",
    ),
    path("jobs/", jobs.job_list, name="jobs"),
    path("jobs/<int:pk>/", jobs.job_detail, name="job"),
    path("jobs/<int:pk>/cancel/", jobs.job_cancel, name="job-cancel"),
    path("jobs/<int:pk>/retry/", jobs.job_retry, name="job-retry"),
    path("jobs/<int:pk>/download/", jobs.job_download, name="job-download"),
    path("review/", review.queue, name="review-queue"),
    path("review/bulk/", review.bulk, name="review-bulk"),
    path("convert/", conversion.convert_page, name="convert"),
    path("convert/overrides/", conversion.override_list, name="override-list"),
    path(
        "convert/overrides/<int:pk>/",
        conversion.override_edit,
        name="override-edit",
    ),
    path("glossary/import/", glossary_import.glossary_import, name="glossary-import"),
    path("glossary/", include("glossary.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("accounts/locked/", accounts.locked_accounts, name="locked-accounts"),
    path("accounts/locked/unlock/", accounts.unlock_account, name="unlock-account"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("account/tokens/", api_pages.token_list, name="api-tokens"),
]

# Styled, translated error pages (the 403 names the role the page needs).
handler403 = "workbench.middleware.permission_denied"
handler404 = "api.problems.not_found"
