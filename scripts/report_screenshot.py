"""Regenerate the README's screenshot of the seed article's HTML report (docs/report-seed.png).

    python scripts/report_screenshot.py [--shared ../shared] [--out docs/report-seed.png]

With the default translation model in the Hugging Face cache, the report is the real one of
`summarize ../shared/seed/article-ar.txt -f html`. Without it (as in CI and in this repository's
sessions, which cannot download weights), the report is that of the seed's annotated reference
English run with `--source-lang en` (devset/seed-deir-ez-zor.json), and the script says so: the
README's caption names which one is shown. Needs headless Chromium and chromedriver (Debian:
apt-get install chromium chromium-driver) and selenium (the dev extra).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from summarize import RunOptions, run_document
from summarize.errors import SummarizeError
from summarize.writers import render


def report(shared: Path) -> tuple[str, str]:
    """(the report's HTML, what it shows)."""
    seed = shared / "seed" / "article-ar.txt"
    try:
        from summarize import EngineOptions, Translator
        from summarize.config import resolve_translator

        translator = Translator(resolve_translator(None), EngineOptions())
        document = run_document(seed.read_text("utf-8"), translator, RunOptions("ar"), seed.name)
        return render(document, "html"), f"{seed}, translated by {translator.spec.id}"
    except (SummarizeError, OSError) as exc:
        print(f"the translation model is not available ({exc}):", file=sys.stderr)
    gold = json.loads((shared / "devset" / "seed-deir-ez-zor.json").read_text("utf-8"))
    document = run_document(gold["en"], None, RunOptions("en"), "seed article, reference English")
    print("showing the seed's reference English with --source-lang en", file=sys.stderr)
    return render(document, "html"), "the seed's annotated reference English, --source-lang en"


def screenshot(page: str, out: Path, width: int = 1200, height: int = 1500) -> None:
    """`page` opened in headless Chromium, its top `height` pixels saved as PNG."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not browser or not driver:
        raise SystemExit(
            "needs chromium and chromedriver (apt-get install chromium chromium-driver)"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"):
        options.add_argument(flag)
    chrome = webdriver.Chrome(service=Service(executable_path=driver), options=options)
    try:
        chrome.set_window_size(width, height)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "report.html"
            path.write_text(page, "utf-8")
            chrome.get(path.as_uri())
            out.parent.mkdir(parents=True, exist_ok=True)
            chrome.save_screenshot(str(out))
    finally:
        chrome.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).parents[2] / "shared")
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).parents[1] / "docs" / "report-seed.png"
    )
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the cached model or none: never a download
    page, shown = report(args.shared)
    screenshot(page, args.out)
    print(f"{args.out}: {shown}")


if __name__ == "__main__":
    main()
