"""Download file names: the title cut at a word boundary, any script kept."""

from urllib.parse import unquote

from django.urls import reverse

from documents.models import Document
from workbench.views.exchange import file_stem


def test_a_long_title_is_cut_at_a_word_boundary():
    title = (
        "Secretary for Constitutional and Mainland Affairs visits the "
        "Guangdong-Hong Kong-Macao Greater Bay Area"
    )
    stem = file_stem(title)
    assert len(stem) <= 60
    assert stem == "secretary-for-constitutional-and-mainland-affairs-visits-the"
    words = set(file_stem(title, limit=1000).split("-"))
    assert all(word in words for word in stem.split("-"))


def test_short_and_unusual_titles():
    assert file_stem("Budget speech") == "budget-speech"
    assert file_stem("!!!") == "document"
    assert file_stem("x" * 80) == "x" * 60  # one word longer than the limit
    assert file_stem("行政長官會見傳媒") == "行政長官會見傳媒"


def test_the_download_names_the_file_after_the_title(
    client, manager, seed_press_release
):
    Document.objects.filter(pk=seed_press_release.pk).update(
        title="Speech by the Chief Executive at the Hong Kong Business Summit, "
        "Wednesday morning"
    )
    client.force_login(manager)
    response = client.get(
        reverse("document-download", args=[seed_press_release.pk]),
        {"language": "zh-Hant", "format": "po"},
    )
    assert response.status_code == 200
    header = response["Content-Disposition"]
    assert header == (
        'attachment; filename="speech-by-the-chief-executive-at-the-hong-kong-'
        'business.zh-Hant.po"'
    )
    Document.objects.filter(pk=seed_press_release.pk).update(title="行政長官會見傳媒")
    header = client.get(
        reverse("document-download", args=[seed_press_release.pk]),
        {"language": "zh-Hant", "format": "po"},
    )["Content-Disposition"]
    assert unquote(header).endswith("''行政長官會見傳媒.zh-Hant.po")
