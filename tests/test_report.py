"""The HTML report, the CSV export and a batch's overviews (index.html, claims.csv); the report
is also opened in headless Chromium (system packages, driven by Selenium) where one is
installed."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarize.cli import main
from summarize.model import CLAIM_KINDS, RunOptions
from summarize.pipeline import run_document
from summarize.writers import render
from summarize.writers.csv import COLUMNS
from summarize.writers.html import party_colour

FIXTURE = Path(__file__).parent / "fixtures" / "eval" / "fixture-jordan-water.json"
HOSTILE = (
    "Protest in the square <script>window.__pwned = 1</script>\n"
    'The interior ministry said <img src=x onerror="window.__pwned = 2"> 12 people were '
    "arrested.\n"
    'Organisers said the march was peaceful and <b onmouseover="window.__pwned=3">free</b>.\n'
)


def _english(text: str) -> Any:
    return run_document(text, None, RunOptions("en"))


def _gold() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(FIXTURE.read_text("utf-8"))
    return loaded


# -- the report's HTML --------------------------------------------------------------------------


def test_report_is_self_contained_and_shows_every_part() -> None:
    page = render(_english(_gold()["en"]), "html")
    assert page.startswith("<!DOCTYPE html>")
    # nothing fetched: no external stylesheet, script, font or image
    assert not re.search(r"<link\b|<script[^>]+src=|@import|url\(|https?://", page)
    for part in ('id="summary"', 'id="article"', 'id="claims"', "Who said what"):
        assert part in page
    assert "Mohammed al-Ali" in page and party_colour("Mohammed al-Ali") in page
    assert 'href="#s3"' in page  # a summary item links to its sentence
    assert "Boilerplate, not translated" in page  # the subscribe line, collapsed


def test_party_colours_are_stable_and_distinct() -> None:
    assert party_colour("the Health Ministry") == party_colour("the Health Ministry")
    colours = {party_colour(p) for p in ("SDF", "the Syrian government", "local sources")}
    assert len(colours) == 3


def test_article_markup_is_shown_as_text() -> None:
    page = render(_english(HOSTILE), "html")
    assert "<script>window.__pwned" not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "<img" not in page and "<b onmouseover" not in page
    assert page.count("<script>") == 1  # the report's own


def test_disputes_get_their_block() -> None:
    text = (
        "Strike on a house\n"
        "The health ministry said the strike on the house in Khan Younis killed 14 people.\n"
        "The Israeli army said the strike on the house in Khan Younis killed 4 gunmen.\n"
    )
    page = render(_english(text), "html")
    assert 'id="disputes"' in page and "Death toll" in page


# -- CSV ----------------------------------------------------------------------------------------


def _csv(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff"), "a BOM, so spreadsheet programs read UTF-8"
    return list(csv.reader(io.StringIO(text[1:])))


def test_csv_is_one_row_per_claim_with_both_languages(
    models_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "ar.txt"
    article.write_text(_gold()["ar"], "utf-8")
    assert main(["run", str(article), "-f", "csv"]) == 0
    table = _csv(capsys.readouterr().out)
    assert table[0] == list(COLUMNS)
    document = json.loads(_json_of(article, capsys))
    assert len(table) - 1 == len(document["claims"])
    assert any("وزارة المياه" in row[6] for row in table[1:])  # the Arabic source, intact
    assert {row[4] for row in table[1:]} <= set(CLAIM_KINDS)


def _json_of(article: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["run", str(article), "-f", "json"]) == 0
    return capsys.readouterr().out


def test_html_of_an_arabic_article_is_right_to_left(
    models_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "ar.txt"
    article.write_text(_gold()["ar"], "utf-8")
    out = tmp_path / "report.html"
    assert main(["run", str(article), "-f", "html", "-o", str(out)]) == 0
    page = out.read_text("utf-8")
    assert 'class="src" role="cell" dir="rtl" lang="ar"' in page
    assert "وزارة المياه" in page


# -- batch --------------------------------------------------------------------------------------


def test_batch_writes_an_index_and_claims_csv_and_resumes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "water.txt").write_text(_gold()["en"], "utf-8")
    (source / "protest.txt").write_text(HOSTILE, "utf-8")
    (source / "broken.txt").write_bytes(b"\x00\x01\x02 not an article")
    args = ["batch", str(source), "-o", str(out), "--source-lang", "en", "-f", "html"]
    assert main(args) == 1  # one file failed
    capsys.readouterr()
    index = (out / "index.html").read_text("utf-8")
    assert 'href="water.html"' in index and 'href="protest.html"' in index
    assert "status-failed" in index and "&lt;script&gt;" in index and "<img" not in index
    first = _csv((out / "claims.csv").read_text("utf-8"))
    assert first[0] == ["file", *COLUMNS]
    files = {row[0] for row in first[1:]}
    assert files == {str(source / "water.txt"), str(source / "protest.txt")}
    assert main(args) == 1  # resumed: the two done are skipped
    again = _csv((out / "claims.csv").read_text("utf-8"))
    assert again == first  # the skipped articles' claims are still there
    assert (out / "water.html").read_text("utf-8").startswith("<!DOCTYPE html>")


# -- in a real browser --------------------------------------------------------------------------


def _chromium() -> tuple[str, str] | None:
    browser = next(
        (shutil.which(n) for n in ("chromium", "chromium-browser") if shutil.which(n)), None
    )
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium from the system packages (.ci/run installs chromium and
    chromium-driver), driven by Selenium; skipped, with the reason, where none is installed."""
    webdriver = pytest.importorskip("selenium.webdriver")
    found = _chromium()
    if found is None:
        pytest.skip(
            "no chromium and chromedriver on PATH (apt-get install chromium chromium-driver)"
        )
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=found[1]), options=options)
    driver.set_window_size(1200, 900)
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser: Any, page: str, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(page, "utf-8")
    browser.get(path.as_uri())


def test_in_the_browser_summary_focus_highlights_its_sentences(
    browser: Any, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, render(_english(_gold()["en"]), "html"), tmp_path)
    items = browser.find_elements(By.CSS_SELECTOR, "#summary .item")
    pairs = browser.find_elements(By.CSS_SELECTOR, "#article .pair[data-sentence]")
    assert items and all(i.is_displayed() for i in items)
    assert len(pairs) >= 8
    item = items[1]
    wanted = item.get_attribute("data-sentences").split()
    browser.execute_script("arguments[0].focus()", item)
    lit = browser.execute_script(
        "return Array.from(document.querySelectorAll('.pair.hl')).map(e => e.dataset.sentence)"
    )
    assert sorted(lit) == sorted(wanted)
    assert "hl" in item.get_attribute("class")


def test_in_the_browser_arabic_is_right_to_left(
    browser: Any, models_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from selenium.webdriver.common.by import By

    article = tmp_path / "ar.txt"
    article.write_text(_gold()["ar"], "utf-8")
    out = tmp_path / "ar.html"
    assert main(["run", str(article), "-f", "html", "-o", str(out)]) == 0
    browser.get(out.as_uri())
    columns = browser.execute_script(
        "return getComputedStyle(document.querySelector('.pair.body')).gridTemplateColumns"
    )
    assert len(columns.split()) == 2  # English and Arabic side by side
    cell = browser.find_element(By.CSS_SELECTOR, ".pair.body .src")
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", cell) == "rtl"
    assert "وزارة" in browser.find_element(By.ID, "article").text


def test_in_the_browser_the_table_sorts_and_filters(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _open(browser, render(_english(_gold()["en"]), "html"), tmp_path)

    def visible_parties() -> list[str]:
        rows = browser.find_elements(By.CSS_SELECTOR, "#claims tbody tr")
        return [r.get_attribute("data-party") for r in rows if r.is_displayed()]

    everyone = visible_parties()
    browser.find_element(By.CSS_SELECTOR, 'th button[data-sort="1"]').click()
    ordered = visible_parties()
    assert ordered == sorted(everyone, key=str.lower) or ordered == sorted(everyone)
    assert ordered != everyone  # the article's order is not already alphabetical
    Select(browser.find_element(By.ID, "filter-party")).select_by_visible_text("Mohammed al-Ali")
    assert set(visible_parties()) == {"Mohammed al-Ali"}
    assert browser.find_element(By.ID, "shown").text.startswith("3 of ")
    Select(browser.find_element(By.ID, "filter-party")).select_by_index(0)
    Select(browser.find_element(By.ID, "filter-kind")).select_by_visible_text("accusation")
    rows = browser.find_elements(By.CSS_SELECTOR, "#claims tbody tr")
    kinds = {r.get_attribute("data-kind") for r in rows if r.is_displayed()}
    assert kinds == {"accusation"}


def test_in_the_browser_injected_markup_does_not_run(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, render(_english(HOSTILE), "html"), tmp_path)
    assert browser.execute_script("return window.__pwned === undefined")
    assert not browser.find_elements(By.CSS_SELECTOR, "#article img, #article b")
    assert "<script>window.__pwned = 1</script>" in browser.find_element(By.ID, "title").text


def test_an_article_named_like_the_index_keeps_its_own_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "index.txt").write_text(_gold()["en"], "utf-8")  # a saved index page, as text
    (source / "claims.txt").write_text(HOSTILE, "utf-8")
    assert main(["batch", str(source), "-o", str(out), "--source-lang", "en", "-f", "html"]) == 0
    assert main(["batch", str(source), "-o", str(tmp_path / "csv"), "--source-lang", "en",
                 "-f", "csv"]) == 0  # fmt: skip
    capsys.readouterr()
    report = (out / "index.txt.html").read_text("utf-8")
    assert 'id="summary"' in report  # the article's report, not overwritten by the index
    assert 'href="index.txt.html"' in (out / "index.html").read_text("utf-8")
    assert (tmp_path / "csv" / "claims.txt.csv").is_file()  # not the run's claims.csv
    assert _csv((tmp_path / "csv" / "claims.csv").read_text("utf-8"))[0][0] == "file"
