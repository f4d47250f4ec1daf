"""Every page satisfies its Content-Security-Policy: no violation in Chromium."""

from django.urls import reverse

import pytest

from conversion.overrides import save_override

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

#: Recorded in the page: every CSP violation event the browser reports.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def test_no_page_violates_the_content_security_policy(
    page_for, live_server, manager, seed_press_release
):
    manager.is_staff = manager.is_superuser = True  # the admin pages too
    manager.save()
    save_override(user=manager, variant="hk", source_text="了解", target_text="了解")
    document = seed_press_release
    translation = document.segments.first().translations.get(language="zh-Hant")
    paths = [
        reverse("document-list"),
        document.get_absolute_url(),
        document.get_absolute_url() + "?language=zh-Hant",
        reverse("editor", args=[document.pk, "zh-Hant"]),
        reverse("editor-panel", args=[translation.pk]),
        reverse("review-queue"),
        reverse("memory") + "?q=Qianhai",
        reverse("convert"),
        reverse("override-list"),
        reverse("document-upload"),
        reverse("glossary:list"),
        reverse("glossary:queue"),
        reverse("glossary:propose"),
        reverse("locked-accounts"),
        reverse("password_change"),
        reverse("admin:index"),
        reverse("admin:glossary_concept_add"),
        reverse("admin:workbench_document_changelist"),
    ]
    page = page_for(manager, "pw-mona")
    page.context.add_init_script(LISTEN)
    found = {}
    for path in paths:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        header = page.evaluate("() => document.readyState") and path
        violations = page.evaluate("() => window.__violations")
        if violations:
            found[header] = violations
    # The editor's keyboard and htmx work under the policy: open a panel.
    page.goto(live_server.url + reverse("editor", args=[document.pk, "zh-Hant"]))
    page.locator("textarea").first.focus()
    page.wait_for_selector("#panel .panel-inner .panel-section", timeout=10_000)
    violations = page.evaluate("() => window.__violations")
    if violations:
        found["editor panel"] = violations
    assert found == {}


def test_the_policy_is_sent_and_forbids_inline_script(client, manager):
    client.force_login(manager)
    policy = client.get(reverse("document-list"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
