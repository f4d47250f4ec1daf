from django.urls import path

from glossary import views

app_name = "glossary"
urlpatterns = [
    path("", views.concept_list, name="list"),
    path("new/", views.concept_propose, name="propose"),
    path("review/", views.review_queue, name="queue"),
    path("duplicates/", views.duplicate_list, name="duplicates"),
    path("duplicates/<int:pk>/merge/", views.duplicate_merge, name="merge"),
    path(
        "duplicates/<int:pk>/keep-apart/",
        views.duplicate_keep_apart,
        name="keep-apart",
    ),
    path("<int:pk>/", views.concept_detail, name="concept"),
    path("<int:pk>/terms/", views.term_propose, name="term-propose"),
    path("terms/<int:pk>/edit/", views.term_edit, name="term-edit"),
    path("terms/<int:pk>/approve/", views.term_approve, name="approve"),
    path("terms/<int:pk>/reject/", views.term_reject, name="reject"),
]
