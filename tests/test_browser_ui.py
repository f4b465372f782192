"""Real-browser tests of the web UI: playwright (sync API) driving Debian's chromium.

A waitress server on a free port serves a fresh index of ``examples/archive`` plus a dozen dated
articles from three outlets (the seeds carry no dates, and the timeline needs some).  The tests
type a query, pick two outlets and a speaker, narrow by the timeline, open an article, export
CSV, use the keyboard only, run axe-core, and write screenshots of the main views at desktop
and phone width into ``docs/screenshots/``.

They skip with a clear message when ``/usr/bin/chromium`` is missing, except under
``DATELINE_REQUIRE_BROWSER=1`` (set by ``.ci/run``), where a missing browser fails.  axe-core
is read from ``$DATELINE_AXE`` (``.ci/run`` installs it with npm outside the repository); the
accessibility test skips, saying so, when it is absent.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
REPO = Path(__file__).resolve().parents[1]
SCREENSHOTS = REPO / "docs" / "screenshots"
AXE_DEFAULT = Path.home() / ".cache" / "dateline-axe" / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}

OUTLETS = ("Daily Ledger", "Harbour Times", "Northern Post")
DATED = [
    # (outlet, date, title, speaker, quote)
    ("Daily Ledger", "2020-01-08", "Talks on Idlib resume in Moscow", "Sergey Lavrov",
     "We will keep working with Ankara on Idlib"),
    ("Harbour Times", "2020-01-21", "Ceasefire in Idlib holds for a week", "Maria Zakharova",
     "The ceasefire in Idlib is fragile but holding"),
    ("Northern Post", "2020-02-03", "Patrols planned along the Idlib highway", "Sergey Lavrov",
     "Joint patrols on the highway will start soon"),
    ("Daily Ledger", "2020-02-17", "Idlib shelling draws protest", "Maria Zakharova",
     "Those who shell Idlib bear full responsibility"),
    ("Harbour Times", "2020-03-02", "Erdogan and Putin meet over Idlib", "Sergey Lavrov",
     "The Idlib memorandum remains the basis of our work"),
    ("Northern Post", "2020-03-05", "Moscow agreement signed on Idlib", "Maria Zakharova",
     "The Moscow agreement on Idlib is a real step forward"),
    ("Daily Ledger", "2020-03-06", "New corridor opens near Idlib", "Sergey Lavrov",
     "The corridor near Idlib is open for civilians"),
    ("Harbour Times", "2020-03-19", "Observers report calm in Idlib", "Maria Zakharova",
     "Calm in Idlib shows the agreement works"),
    ("Northern Post", "2020-04-02", "Humanitarian aid reaches Idlib", "Sergey Lavrov",
     "Aid to Idlib must reach those who need it"),
    ("Daily Ledger", "2020-04-23", "Idlib talks stall again", "Maria Zakharova",
     "Nobody should doubt our commitment to Idlib"),
    ("Harbour Times", "2020-05-11", "Idlib patrols resume after pause", "Sergey Lavrov",
     "Patrols in Idlib have resumed as agreed"),
    ("Northern Post", "2020-06-15", "Summer of uncertainty in Idlib", "Maria Zakharova",
     "The situation in Idlib remains difficult"),
]


def _dated_article(n: int, outlet: str, day: str, title: str, speaker: str, quote: str) -> dict:
    surname = speaker.split()[-1]
    body = (
        f"{speaker} spoke to reporters on {day} about the situation in Idlib, Syria.\n\n"
        f"\u201c{quote},\u201d {surname} said.\n\n"
        "Officials in Turkey and Russia met in Sochi to discuss the de-escalation zone. "
        f"The {outlet} correspondent reported that talks would continue next month."
    )
    return {"title": title, "text": body, "outlet": outlet, "date": day,
            "url": f"https://example.org/{n:02d}-{day}"}


def _require_chromium() -> None:
    if Path(CHROMIUM).exists():
        return
    message = f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium) for browser tests"
    if os.environ.get("DATELINE_REQUIRE_BROWSER") == "1":
        pytest.fail(message + " (DATELINE_REQUIRE_BROWSER=1 makes them required)")
    pytest.skip(message)


@pytest.fixture(scope="module")
def ui_index(tmp_path_factory) -> Path:
    """Index of examples/archive plus the dated articles, built with the real indexer."""
    from index.writer import index_paths

    root = tmp_path_factory.mktemp("ui")
    archive = root / "archive"
    shutil.copytree(REPO / "examples" / "archive", archive)
    lines = [json.dumps(_dated_article(n, *row)) for n, row in enumerate(DATED)]
    (archive / "dated.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    index_dir = root / "ix"
    index_paths([archive], index_dir, jobs=1, progress=False)
    return index_dir


@pytest.fixture(scope="module")
def base_url(ui_index):
    """A waitress server on a free port, stopped after the module."""
    from waitress.server import create_server

    from webui import create_app

    _require_chromium()
    app = create_app({"INDEX_DIR": str(ui_index), "TESTING": True})
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = create_server(app, host="127.0.0.1", port=port, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.close()


@pytest.fixture(scope="module")
def browser(base_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield tab
    context.close()
    assert errors == []  # no script errors and no CSP violations on any page


def test_search_flow_with_facets_timeline_article_and_export(page, base_url):
    page.goto(base_url + "/")
    page.fill("#q", "idlib")
    page.press("#q", "Enter")
    page.wait_for_url("**/?q=idlib")
    assert page.inner_text("#results-heading") == "17 articles for idlib"

    outlet_facet = page.locator('.facet[data-facet="outlet"]')
    outlet_facet.get_by_role("link", name="Add outlet Daily Ledger").click()
    page.wait_for_url("**outlet=Daily+Ledger")
    outlet_facet.get_by_role("link", name="Add outlet Harbour Times").click()
    page.wait_for_url("**outlet=Harbour+Times")
    assert page.inner_text("#results-heading") == "8 articles for idlib"
    # Disjunctive counts: the unselected outlet keeps its count.
    assert outlet_facet.get_by_role("link", name="Add outlet Northern Post 4").count() == 1

    speaker_facet = page.locator('.facet[data-facet="speaker"]')
    speaker_facet.get_by_role("link", name="Add speaker Maria Zakharova").click()
    page.wait_for_url("**speaker=Maria+Zakharova")
    assert page.inner_text("#results-heading") == "4 articles for idlib"
    chips = page.locator(".chips .chip")
    assert [" ".join(t.split()) for t in chips.all_inner_texts()] == [
        "Remove filter OUTLET Daily Ledger ×", "Remove filter OUTLET Harbour Times ×",
        "Remove filter SPEAKER Maria Zakharova ×"]

    # Narrow by the timeline: the March bar; then the histogram switches to days.
    page.locator(".timeline").get_by_role("listitem", name="2020-03: 1 article").click()
    page.wait_for_url("**from=2020-03-01&to=2020-03-31")
    assert page.inner_text("#results-heading") == "1 article for idlib"
    assert page.inner_text(".timeline figcaption").startswith("Articles by day")
    assert page.input_value("#from") == "2020-03-01"
    page.screenshot(path=str(SCREENSHOTS / "search-filtered-desktop.png"))

    # Open the article: query words highlighted, the quote labelled with its speaker.
    page.locator(".hit h2 a").first.click()
    page.wait_for_url("**/article/**")
    assert page.inner_text("h1") == "Observers report calm in Idlib"
    assert page.locator(".body mark").first.inner_text() == "Idlib"
    assert page.locator(".quote .said-by").all_text_contents() == ["Maria Zakharova"]
    page.go_back()
    page.wait_for_url("**to=2020-03-31")

    # Export CSV of the whole (unfiltered) query.
    page.goto(base_url + "/?q=idlib")
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith('# dateline export {"query": "idlib"')
    assert lines[1] == "id,title,outlet,published,speakers,url,snippet,cluster"
    assert len(lines) == 2 + 17


def test_keyboard_only(page, base_url):
    page.goto(base_url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Tab")  # the brand link
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "q"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # visible focus
    page.keyboard.type("ceasefire")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=ceasefire")
    # Tab to the first outlet value and choose it with Enter.
    first_outlet = page.locator('.facet[data-facet="outlet"] li a').first
    for _ in range(80):
        page.keyboard.press("Tab")
        if first_outlet.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("never reached the outlet facet with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**outlet=**")
    assert page.locator(".chips .chip").count() == 1
    # "/" jumps back to the search box (enhancement from app.js).
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"


def test_facet_filter_box_enhancement(page, base_url):
    page.goto(base_url + "/")
    box = page.locator("#facet-filter-person")
    box.fill("lavrov")
    visible = page.locator('.facet[data-facet="person"] li:not([hidden]) .value').all_inner_texts()
    assert visible == ["Sergey Lavrov"]


def _axe_path() -> Path | None:
    path = Path(os.environ.get("DATELINE_AXE", AXE_DEFAULT))
    return path if path.is_file() else None


def test_axe_no_serious_violations(browser, base_url):
    axe = _axe_path()
    if axe is None:
        pytest.skip("axe-core not found: set DATELINE_AXE to axe.min.js "
                    "(.ci/run installs it with `npm install --no-save axe-core@4`)")
    # The CSP (rightly) refuses injected scripts; this context alone bypasses it to load axe.
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    views = ["/", "/?q=idlib&outlet=Daily+Ledger", "/?q=idlib&from=2020-03-01&to=2020-03-31",
             "/article/archive/000_7e0faa7b5f134298.txt?q=idlib", "/speaker/Maria%20Zakharova?q=idlib",
             "/outlets", "/?q=idlibb"]
    found = {}
    for view in views:
        for viewport in (DESKTOP, PHONE):
            page.set_viewport_size(viewport)
            page.goto(base_url + view)
            page.add_script_tag(path=str(axe))
            result = page.evaluate("async () => (await axe.run(document)).violations"
                                   ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))")
            bad = [v for v in result if v["impact"] in ("serious", "critical")]
            if bad:
                found[f"{view} @ {viewport['width']}px"] = bad
    context.close()
    assert found == {}


def test_screenshots_and_phone_layout(page, base_url):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    views = {
        "search": "/?q=idlib",
        "article": "/article/archive/000_7e0faa7b5f134298.txt?q=idlib",
        "speaker": "/speaker/Sergey%20Lavrov?q=idlib",
        "outlets": "/outlets",
    }
    for name, view in views.items():
        for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(viewport)
            page.goto(base_url + view)
            # No horizontal scrolling at any width.
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], (name, label)
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"))
    assert sorted(p.name for p in SCREENSHOTS.glob("*-phone.png")) == [
        "article-phone.png", "outlets-phone.png", "search-phone.png", "speaker-phone.png"]


SEEDS = ("000_7e0faa7b5f134298", "001_fb46f36778ad9ceb", "002_357af4abcae1faa7",
         "003_a242a1f1b671f916", "004_5c4f401af33235dc")


def test_seed_article_and_speaker_facet_screenshots(page, base_url):
    """Issue 12: the five seed articles with their quotes marked, and the typed speaker facet."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(DESKTOP)
    for seed in SEEDS:
        page.goto(f"{base_url}/article/archive/{seed}.txt")
        assert page.locator(".quote .said-by").count() > 0, seed
        page.screenshot(path=str(SCREENSHOTS / f"seed-{seed[:3]}-desktop.png"), full_page=True)
    page.goto(base_url + "/")
    facet = page.locator('.facet[data-facet="speaker"]')
    details = facet.locator("details")
    if details.count():
        details.first.evaluate("d => d.open = true")  # show every value, not only the first ones
    values = facet.locator("li .value").all_inner_texts()
    marked = facet.locator("li:has(.org-mark) .value").all_inner_texts()
    assert marked and set(marked) <= {"Kremlin press service", "Syrian military command", "TASS",
                                      "Turkish presidency"}
    assert values.index(marked[0]) > max(values.index(v) for v in values if v not in marked)
    facet.screenshot(path=str(SCREENSHOTS / "speaker-facet-desktop.png"))
