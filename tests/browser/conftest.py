"""Playwright on Debian's Chromium against Django's live server."""

import os

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API keeps an event loop in this thread; the ORM calls the
# tests make around it are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page_for(browser, live_server):
    """Return a function that opens a logged-in page for a user."""
    pages = []

    def open_page(user, password: str, locale: str = "en-GB"):
        context = browser.new_context(
            locale=locale, viewport={"width": 1280, "height": 900}
        )
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(live_server.url + "/accounts/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", password)
        page.click("button.primary")
        page.wait_for_url(live_server.url + "/")
        pages.append(context)
        return page

    yield open_page
    for context in pages:
        context.close()
