from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from workbench.views import conversion, documents

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
    path("convert/", conversion.convert_page, name="convert"),
    path("convert/overrides/", conversion.override_list, name="override-list"),
    path(
        "convert/overrides/<int:pk>/",
        conversion.override_edit,
        name="override-edit",
    ),
    path("glossary/", include("glossary.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
]
