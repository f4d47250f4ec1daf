"""Take the README's screenshots with Debian's Chromium.

Run: ``.venv/bin/python docs/take_screenshots.py``. It builds a throw-away
SQLite database under ``data/screenshots/``, loads the seeds, fills a few
translations so the pages show every status, serves the workbench and
photographs the pages into ``docs/screenshots/``.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
DATA = ROOT / "data" / "screenshots"
PORT = 8765


def manage(*args: str, env: dict) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def prepare(env: dict) -> None:
    manage("migrate", "-v", "0", env=env)
    manage("load_seeds", env=env)
    manage("create_demo_users", env=env)
    script = """
from documents.models import Document
from translations.models import Translation
from core.statuses import Status
from translations.writing import change_translation
doc = Document.objects.order_by("id").first()
rows = list(Translation.objects.filter(segment__document=doc, language="zh-Hant")
            .order_by("segment__position")[:8])
texts = [
    "前海深港現代服務業合作區發展工作組會議在深圳舉行（附圖）",
    "政制及內地事務局局長曾國衞與深圳市副市長王守睿今日（二月六日）在深圳舉行會議。",
    "會上，港深兩地政府共同學習了中央的要求和目標。",
    "草稿譯文",
    "前海是粵港澳大灣區重要合作平台之一。",
    "前海合作區的發展是支持香港經濟社會發展的重要舉措。",
    "特區政府一直高度重視與前海的合作。",
    "同時，特區政府持續加大力度支持香港人才和企業參與前海發展。",
]
statuses = [Status.APPROVED, Status.TRANSLATED, Status.TRANSLATED, Status.DRAFT,
            Status.TRANSLATED, Status.TRANSLATED, Status.TRANSLATED, Status.TRANSLATED]
for row, text, status in zip(rows, texts, statuses):
    if row.status == Status.UNTRANSLATED:
        change_translation(translation=row, text=text, status=status)

from django.contrib.auth.models import User
from glossary.approval import NewTerm, propose_concept
from glossary.models import Term
centre = "Qianhai Hong Kong Enterprises Service Centre"
from conversion.models import ConversionOverride
from conversion.overrides import save_override
if not ConversionOverride.objects.exists():
    save_override(user=User.objects.get(username="reviewer"), variant="hk",
                  source_text="瞭解", target_text="了解", note="Hong Kong usage")
if not Term.objects.filter(text=centre).exists():
    propose_concept(
        terms=[NewTerm("en", centre),
               NewTerm("zh-Hant", "前海港企服務中心")],
        user=User.objects.get(username="translator"),
        domain="Qianhai",
    )
"""
    manage("shell", "-c", script, env=env)
    # A web page with links and bold text: inline codes in the editor.
    page = DATA / "notice.html"
    page.write_text(NOTICE, encoding="utf-8")
    if "Notice with links" not in manage("shell", "-c", LISTED, env=env):
        manage("import_document", str(page), "--title", "Notice with links", env=env)
    # Two glossaries whose concepts might be one: the possible duplicates page.
    for name, body in (("press-office.csv", PRESS_CSV), ("finance.csv", FINANCE_CSV)):
        path = DATA / name
        path.write_text(body, encoding="utf-8")
        manage("import_glossary", str(path), env=env)


LISTED = (
    "from documents.models import Document; "
    "print(list(Document.objects.values_list('title', flat=True)))"
)
NOTICE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Notice with links</title></head>
<body><h1>Public consultation on the Qianhai measures</h1>
<p>The <b>Secretary for Constitutional and Mainland Affairs</b> invites views
on the measures, published on <a href="https://www.gov.hk/en/">GovHK</a>.</p>
<p>Submissions may be sent to <a href="mailto:consult@cmab.gov.hk">the bureau</a>
by <em>31 March</em>.</p>
</body></html>
"""
PRESS_CSV = "en,zh-Hant,zh-Hans,domain\nBudget,預算案,预算案,Finance\n"
FINANCE_CSV = "en,zh-Hant,zh-Hans,domain\nBudget,財政預算,财政预算,Public finance\n"


def main() -> None:
    from playwright.sync_api import sync_playwright

    DATA.mkdir(parents=True, exist_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DEBUG": "1",
        "WORKBENCH_DATA_DIR": str(DATA),
        "DATABASE_URL": "sqlite:///" + str(DATA / "db.sqlite3"),
    }
    prepare(env)
    passwords = dict(
        line.split("user: ")[1].split("  password: ")
        for line in manage("create_demo_users", env=env).splitlines()
        if "user: " in line
    )
    passwords = {k.strip(): v.strip() for k, v in passwords.items()}
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", "127.0.0.1:%d" % PORT],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = "http://127.0.0.1:%d" % PORT
    try:
        time.sleep(2)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=[
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                ],
            )
            shoot(browser, base, passwords)
            shoot_job(browser, base, passwords, env)
            shoot_alignment(browser, base, passwords, env)
            shoot_api(browser, base, passwords)
            browser.close()
    finally:
        server.terminate()
        server.wait()


def login(page, base: str, user: str, password: str) -> None:
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", user)
    page.fill("#id_password", password)
    page.click("button.primary")
    page.wait_for_load_state()


def shoot(browser, base: str, passwords: dict) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="zh-HK")
    page.goto(base + "/accounts/login/")
    page.screenshot(path=str(OUT / "login-zh-hant.png"))
    page.close()

    page = browser.new_page(viewport={"width": 1280, "height": 720}, locale="en-GB")
    login(page, base, "manager", passwords["manager"])
    page.goto(base + "/")
    page.screenshot(path=str(OUT / "documents.png"))
    page.click("table.list a >> nth=-1")
    page.wait_for_load_state()
    page.screenshot(path=str(OUT / "document.png"))
    page.goto(base + "/documents/new/")
    page.screenshot(path=str(OUT / "upload.png"))
    page.goto(base + "/glossary/?q=qianhai")
    page.screenshot(path=str(OUT / "glossary.png"))
    page.goto(base + "/glossary/review/")
    page.screenshot(path=str(OUT / "glossary-review.png"))
    page.click("table.list a >> nth=0")
    page.wait_for_load_state()
    page.screenshot(path=str(OUT / "concept.png"), full_page=True)
    page.goto(base + "/convert/")
    page.fill(
        "#id_text",
        "立法会前主席范徐丽泰和政制及内地事务局局长曾国卫今日了解前海合作区的发展，"
        "<b>%(count)s</b> 个项目涉及 14.92 平方公里。",
    )
    page.select_option("#id_config", "s2hk")
    page.click("button.primary")
    page.wait_for_selector("#convert-result mark")
    page.screenshot(path=str(OUT / "converter.png"))
    page.close()

    page = browser.new_page(viewport={"width": 1400, "height": 860}, locale="en-GB")
    login(page, base, "reviewer", passwords["reviewer"])
    page.goto(base + "/")
    page.click("table.list a >> nth=-1")
    page.click(".translate-links a >> nth=0")
    page.wait_for_load_state()
    row = page.locator("tr.seg").nth(1)
    row.locator("textarea").click()
    row.locator("textarea").fill(
        "政制及內地事務局局長曾國衞與深圳市副市長王守睿今日（二月六日）在深圳舉行會議。"
    )
    row.locator("textarea").press("Control+s")
    page.wait_for_selector("tr.seg.active")
    page.locator("tr.seg").nth(2).locator("textarea").click()
    page.locator("tr.seg").nth(2).locator("textarea").fill(
        "會上，港深兩地政府共同學習了中央的要求，面積為14.29平方公里。"
    )
    page.locator("tr.seg").nth(2).locator("textarea").press("Control+s")
    page.wait_for_timeout(600)
    page.wait_for_selector("#panel .findings")
    page.screenshot(path=str(OUT / "editor.png"))
    page.goto(base + "/review/")
    page.screenshot(path=str(OUT / "review-queue.png"))
    page.goto(base + "/")
    page.click("table.list a >> nth=-1")
    page.click(".translate-links a >> nth=0")
    page.wait_for_load_state()
    # Sentence 2 has last year's wording in the seed memory: a fuzzy match.
    page.locator("tr.seg").nth(1).locator("textarea").click()
    page.wait_for_selector("#panel .matches .use-match")
    page.screenshot(path=str(OUT / "editor-memory.png"))
    page.goto(base + "/memory/?q=co-operation+platforms&source=en&target=zh-Hant")
    page.screenshot(path=str(OUT / "memory.png"))
    page.goto(base + "/")
    page.click("table.list a:has-text('Notice with links')")
    page.click(".translate-links a >> nth=0")
    page.wait_for_load_state()
    box = page.locator("tr.seg").nth(2).locator("textarea")
    box.click()
    box.type("政制及內地事務局局長")
    box.press("Shift+Home")
    box.press("Control+Shift+K")
    box.press("End")
    box.type("邀請公眾就措施發表意見，措施已在")
    box.press("Control+Shift+K")
    box.type("GovHK")
    box.press("Control+Shift+K")
    box.type("公布。")
    page.wait_for_timeout(300)
    page.screenshot(path=str(OUT / "editor-codes.png"))
    page.goto(base + "/glossary/duplicates/")
    page.screenshot(path=str(OUT / "glossary-duplicates.png"))
    page.close()
    print("screenshots in", OUT)


def shoot_job(browser, base: str, passwords: dict, env: dict) -> None:
    """A vendor's TMX uploaded by the manager: the job's page, mid-import."""
    path = DATA / "vendor-memory.tmx"
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">'
                  '<header creationtool="vendor" creationtoolversion="1" '
                  'segtype="sentence" o-tmf="x" adminlang="en" srclang="en" '
                  'datatype="plaintext"/><body>\n')  # fmt: skip
        for n in range(60_000):
            out.write(
                '<tu><tuv xml:lang="en"><seg>Item %d of the works programme.</seg>'
                '</tuv><tuv xml:lang="zh-Hant"><seg>工程計劃第%d項。</seg></tuv></tu>\n'
                % (n, n)
            )
        out.write("</body></tmx>\n")
    page = browser.new_page(viewport={"width": 1280, "height": 520}, locale="en-GB")
    login(page, base, "manager", passwords["manager"])
    page.goto(base + "/memory/")
    page.set_input_files("input[name=file]", str(path))
    page.click("form[action$='/memory/import/'] button[type=submit]")
    page.wait_for_url("**/jobs/*/")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        page.wait_for_function(
            "() => { const b = document.querySelector('#job-progress progress');"
            " return b && b.value > b.max * 0.3 && b.value < b.max * 0.9; }",
            timeout=120_000,
        )
        page.screenshot(path=str(OUT / "job-progress.png"))
    finally:
        worker.wait(timeout=600)
    page.close()


#: The hand-aligned releases of the tests: the archive the screenshots bring in.
GOLD = ROOT / "tests" / "data" / "alignment"


def shoot_alignment(browser, base: str, passwords: dict, env: dict) -> None:
    """The archive brought in: eleven releases committed by ``align_batch``,
    the twelfth uploaded and under review; the term candidates they yield."""
    import json

    archive = DATA / "archive"
    archive.mkdir(exist_ok=True)
    files = {}
    for path in sorted(GOLD.glob("*.json")):
        release = json.loads(path.read_text(encoding="utf-8"))
        english = "\n\n".join(" ".join(p) for p in release["en"]) + "\n"
        chinese = "\n\n".join("".join(p) for p in release["zh"]) + "\n"
        files[release["name"]] = (english, chinese)
    reviewed = "community-health-check-expansion"
    for name, (english, chinese) in files.items():
        if name != reviewed:
            (archive / ("%s.en.txt" % name)).write_text(english, encoding="utf-8")
            (archive / ("%s.zh.txt" % name)).write_text(chinese, encoding="utf-8")
    if "aligned" not in manage("shell", "-c", ALIGNED, env=env):
        manage("align_batch", str(archive), "--commit", env=env)
    english, chinese = files[reviewed]
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="en-GB")
    login(page, base, "manager", passwords["manager"])
    page.goto(base + "/alignments/")
    page.set_input_files(
        "#id_english",
        files=[{"name": "%s.txt" % reviewed, "mimeType": "text/plain",
                "buffer": english.encode()}],
    )  # fmt: skip
    page.set_input_files(
        "#id_chinese",
        files=[{"name": "%s-zh.txt" % reviewed, "mimeType": "text/plain",
                "buffer": chinese.encode()}],
    )  # fmt: skip
    page.click("form.stacked button.primary")
    page.wait_for_url("**/jobs/*/**")
    manage("db_worker", "--batch", "--no-startup-delay", env=env)
    page.wait_for_url("**/alignments/*/", timeout=60_000)
    low = page.locator("#beads tr.bead.low").first
    if low.count():
        low.evaluate("row => row.scrollIntoView({block: 'center'})")
    page.screenshot(path=str(OUT / "alignment-review.png"))
    page.close()
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="en-GB")
    login(page, base, "reviewer", passwords["reviewer"])
    page.goto(base + "/glossary/candidates/")
    page.locator("details.candidate-evidence").first.evaluate("d => d.open = true")
    page.screenshot(path=str(OUT / "term-candidates.png"))
    page.close()


def shoot_api(browser, base: str, passwords: dict) -> None:
    """The API's browsable docs."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="en-GB")
    login(page, base, "manager", passwords["manager"])
    page.goto(base + "/api/docs/")
    page.wait_for_selector(".opblock")
    page.screenshot(path=str(OUT / "api-docs.png"))
    page.close()


ALIGNED = (
    "from memory.models import MemoryEntry; "
    "print('aligned' if MemoryEntry.objects.filter(source_kind='aligned').exists() "
    "else 'none')"
)


if __name__ == "__main__":
    main()
