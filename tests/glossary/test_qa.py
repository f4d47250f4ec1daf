"""Glossary checks on a translated sentence."""

import pytest

from glossary.approval import NewTerm, propose_concept
from glossary.models import Usage
from glossary.qa import check_terms

pytestmark = pytest.mark.django_db


@pytest.fixture
def glossary(reviewer):
    propose_concept(
        terms=[
            NewTerm("en", "Chief Executive"),
            NewTerm("zh-Hant", "行政長官"),
            NewTerm("zh-Hant", "特首", usage=Usage.DEPRECATED),
            NewTerm("zh-Hans", "行政长官"),
        ],
        user=reviewer,
        approve=True,
    )
    propose_concept(
        terms=[NewTerm("en", "Qianhai Authority"), NewTerm("zh-Hant", "前海管理局")],
        user=reviewer,
        approve=True,
    )
    propose_concept(
        terms=[NewTerm("zh-Hant", "大陸", usage=Usage.FORBIDDEN)],
        user=reviewer,
        approve=True,
    )


def checks(source, target, language="zh-Hant"):
    return [
        f.check
        for f in check_terms(
            source=source, source_language="en", target=target, target_language=language
        )
    ]


def test_a_missing_approved_rendering_is_reported(glossary):
    findings = check_terms(
        source="The Chief Executive met the Qianhai Authority.",
        source_language="en",
        target="特首今日與前海管理局會面。",
        target_language="zh-Hant",
    )
    assert [f.check for f in findings] == ["glossary", "glossary"]
    assert "行政長官" in findings[0].message


def test_a_correct_translation_has_no_findings(glossary):
    assert checks("The Chief Executive spoke.", "行政長官發言。") == []
    assert checks("The Chief Executive spoke.", "行政长官发言。", "zh-Hans") == []


def test_forbidden_terms_in_the_target_are_reported(glossary):
    assert checks("The Mainland market.", "大陸市場。") == ["glossary"]


def test_an_empty_translation_is_left_to_other_checks(glossary):
    assert checks("The Chief Executive spoke.", "") == []
