"""Articles as users have them: saved pages, URLs (a local server on 127.0.0.1), Word and PDF
files built here with real tools, and web noise recognised for what it is."""

from __future__ import annotations

import http.server
import io
import json
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from test_cli import _assert_one_line_error, _run

from summarize.errors import InputError
from summarize.readers import read_article
from summarize.segmentation.sentences import segment_article

PAGES = Path(__file__).parent / "fixtures" / "pages"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # Debian's fonts-dejavu-core


def _units(text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in segment_article(text) if s.kind != "boilerplate"]


# --- saved pages -------------------------------------------------------------------------------


def test_saved_pages_keep_the_article_and_nothing_else() -> None:
    expected = json.loads((PAGES / "expected.json").read_text("utf-8"))
    for name, units in expected.items():
        article = read_article(PAGES / name)
        assert _units(article.text) == [tuple(u) for u in units], name


def test_page_metadata_charset_and_outlet() -> None:
    page = read_article(PAGES / "jo24-farmers-cp1256.html")
    assert page.encoding == "cp1256"  # from the meta tag
    assert (page.source.kind, page.source.site_name, page.source.date) == (
        "html",
        "جو 24",
        "2024-05-12",
    )
    plain = read_article(PAGES / "alofoq-deir-ez-zor.html")
    assert plain.source.date is None  # the page states none: no guess from "© 2024"
    assert plain.source.url == "https://alofoq.example/news/2024/deir-clashes"
    assert plain.source.author == "سامر الخطيب"


def test_site_name_names_the_outlet_when_the_text_does_not(
    tmp_path: Path, models_file: Path
) -> None:
    from summarize import EngineOptions, RunOptions, Translator, resolve_translator, run_document

    text = (PAGES / "jo24-farmers-cp1256.html").read_bytes()
    page = tmp_path / "page.html"
    page.write_bytes(text)
    translator = Translator(resolve_translator("tiny"), EngineOptions(device="cpu"))
    document = run_document(read_article(page), translator, RunOptions("ar"))
    assert document.analysis is not None and document.analysis.outlet_source == "جو 24"


def test_a_wrong_charset_declaration_is_overridden_with_a_warning(tmp_path: Path) -> None:
    raw = (
        (PAGES / "alofoq-deir-ez-zor.html")
        .read_text("utf-8")
        .replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    )
    page = tmp_path / "wrong.html"
    page.write_bytes(raw.encode("utf-8"))
    article = read_article(page)
    assert article.text.startswith("# اشتباكات")
    raw_1256 = raw.encode("utf-8").decode("utf-8")
    page.write_bytes(raw_1256.replace("windows-1252", "utf-8").encode("cp1256"))
    article = read_article(page)
    assert article.encoding == "cp1256" and "# اشتباكات" in article.text
    assert any("charset is utf-8, but it is cp1256" in w for w in article.warnings)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("<html><head><script>var a=1;</script></head><body></body></html>", "no article text"),
        ("<html><body><nav><a href='/'>الرئيسية</a></nav></body>", "no article text"),
    ],
)
def test_empty_or_script_only_pages_are_one_line(
    tmp_path: Path, content: str, fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html"
    page.write_text(content, "utf-8")
    code, _, err = _run(capsys, "run", str(page), "--source-lang", "en")
    _assert_one_line_error(code, err, fragment)


def test_malformed_markup_and_other_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "".join(
        f"<p>قال المتحدث إن الهدوء عاد إلى البلدة رقم {i} بعد الاشتباكات.<p>" for i in range(6)
    )
    page = tmp_path / "broken.html"
    page.write_text(f"<html><body><div><article><h1>عنوان الخبر{body}</div></span>", "utf-8")
    assert "قال المتحدث إن الهدوء عاد إلى البلدة رقم 3" in read_article(page).text
    french = tmp_path / "fr.html"
    paragraph = (
        "<p>Le ministère a déclaré lundi que les négociations étaient terminées et que la "
        "délégation rentrerait à Paris dans la soirée.</p>"
    )
    french.write_text(f"<html><body><article><h1>Titre</h1>{paragraph * 4}</article>", "utf-8")
    code, _, err = _run(capsys, "run", str(french))
    _assert_one_line_error(code, err, "Latin-script text (not English)")


def test_oversized_input_is_refused_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.html"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB (sparse)
    code, _, err = _run(capsys, "run", str(big))
    _assert_one_line_error(code, err, "50 MB, more than the 20 MB")


# --- web noise in pasted text --------------------------------------------------------------------


def test_web_noise_is_recognised_for_what_it_is() -> None:
    pasted = "\n".join(
        [
            "دمشق 31°",  # weather widget
            "الدولار 13500 ليرة | اليورو 14700 ليرة | الذهب 950000",  # ticker
            "نستخدم ملفات تعريف الارتباط لتحسين تجربتك",  # cookie banner
            "وزارة الصحة تعلن افتتاح مستشفى جديد في حمص",  # the headline
            "إعداد: رنا يوسف",  # byline
            "الاثنين 3 آذار 2025 - 10:45",  # date
            "حمص – وكالة الأنباء الوطنية",  # place and outlet
            "ممرضون يستقبلون أول المرضى في المستشفى الجديد بحمص",  # caption, no credit
            "أعلنت وزارة الصحة، اليوم الاثنين، افتتاح مستشفى جديد في حمص بسعة 200 سرير.",
            "وقال الوزير إن المستشفى سيخدم أكثر من نصف مليون نسمة.",
            "الطاقم الطبي خلال الافتتاح (أرشيفية - رويترز)",  # caption with credit
            "شاركها: فيسبوك | تويتر | واتساب",  # share bar
            "الأكثر قراءة",  # list of other stories
            "ارتفاع أسعار الأدوية في الصيدليات",
            "إغلاق طريق دمشق حمص بسبب الثلوج",
            "وأضاف الوزير أن التجهيزات وصلت من الخارج.",
            "كلمات مفتاحية: الصحة | حمص | مستشفيات",  # tags
            "الصحة - حمص - مستشفيات - سوريا",  # tags, unlabelled
            "أ.ب.ت/ س.ع (وكالات)",  # editors' initials
            "أضف تعليقك",  # comment form
            "الاسم",
        ]
    )
    units = _units(pasted)
    assert units == [
        ("headline", "وزارة الصحة تعلن افتتاح مستشفى جديد في حمص"),
        ("body", "أعلنت وزارة الصحة، اليوم الاثنين، افتتاح مستشفى جديد في حمص بسعة 200 سرير."),
        ("body", "وقال الوزير إن المستشفى سيخدم أكثر من نصف مليون نسمة."),
        ("body", "وأضاف الوزير أن التجهيزات وصلت من الخارج."),
    ]
    noise = [s.text for s in segment_article(pasted) if s.kind == "boilerplate"]
    assert len(noise) == 17  # each listed as boilerplate (the outlet reads bylines from there)


def test_a_noise_line_never_takes_the_headlines_place_and_english_noise() -> None:
    text = "\n".join(
        [
            "By: Rana Youssef",
            "Published on: 03/03/2025 - 10:45",
            "Health ministry opens a new hospital in Homs",
            "Nurses welcome the first patients at the new hospital (AFP)",
            "The ministry said on Monday that the hospital has 200 beds.",
            "Tags: health | Homs | hospitals",
            "Follow us on Telegram",
        ]
    )
    assert _units(text) == [
        ("headline", "Health ministry opens a new hospital in Homs"),
        ("body", "The ministry said on Monday that the hospital has 200 beds."),
    ]


def test_an_english_caption_under_the_headline_without_a_credit() -> None:
    text = "\n".join(
        [
            "Floods cut the coastal road for a third day",
            "Rescue workers pull a car out of the mud near the harbour",  # a picture
            "The governor says the road will reopen next week",  # a deck: a singular verb
            "Residents said the water rose within an hour.",
        ]
    )
    assert _units(text) == [
        ("headline", "Floods cut the coastal road for a third day"),
        ("heading", "The governor says the road will reopen next week"),
        ("body", "Residents said the water rose within an hour."),
    ]


# --- URLs -------------------------------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        _Handler.hits[self.path] = _Handler.hits.get(self.path, 0) + 1
        routes = {
            "/page.html": (200, "text/html; charset=windows-1256", "jo24-farmers-cp1256.html"),
            "/utf8": (200, "text/html", "alofoq-deir-ez-zor.html"),
            "/file.bin": (200, "application/octet-stream", None),
        }
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path == "/busy" and _Handler.hits[self.path] == 1:
            self.send_response(503)
            self.send_header("Retry-After", "0")
            self.end_headers()
            return
        if self.path == "/busy":
            self.path = "/utf8"
            return self.do_GET()
        status, kind, name = routes.get(self.path, (404, "text/plain", None))
        body = (PAGES / name).read_bytes() if name else b"nothing here"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture()
def server() -> Iterator[str]:
    _Handler.hits = {}
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_url_is_fetched_and_read(server: str) -> None:
    article = read_article(f"{server}/page.html")
    assert article.encoding == "cp1256"  # the header's charset
    assert article.source.url == f"{server}/page.html"
    assert _units(article.text)[0] == ("headline", "الحكومة تعلن خطة لدعم المزارعين")
    assert read_article(f"{server}/busy").source.kind == "html"  # 503 retried with backoff
    assert _Handler.hits["/busy"] == 2


@pytest.mark.parametrize(
    ("path", "fragment"),
    [
        ("/missing", "HTTP 404"),
        ("/loop", "more than 5 redirects"),
        ("/file.bin", "application/octet-stream, not an article"),
    ],
)
def test_url_failures_are_one_line(
    server: str, path: str, fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "run", f"{server}{path}")
    _assert_one_line_error(code, err, fragment)


def test_other_schemes_and_closed_ports_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "run", "ftp://127.0.0.1/article.html")
    _assert_one_line_error(code, err, "only http:// and https://")
    code, _, err = _run(capsys, "run", "http://127.0.0.1:9/article.html")  # discard: closed
    _assert_one_line_error(code, err, "cannot connect")


def test_batch_over_urls_records_failures_and_never_fetches_twice(
    models_file: Path, server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# news\n{server}/page.html\n{server}/missing\n{server}/utf8\n", "utf-8")
    out = tmp_path / "out"
    args = ["batch", "--urls", str(listing), "-o", str(out), "--delay", "0", "-f", "json"]
    code, _, _ = _run(capsys, *args)
    assert code == 1  # one address failed, the others were done
    manifest = [json.loads(x) for x in (out / "manifest.jsonl").read_text().splitlines()]
    assert [m["status"] for m in manifest] == ["ok", "failed", "ok"]
    assert manifest[0]["input"] == f"{server}/page.html"
    assert "HTTP 404" in manifest[1]["error"]
    names = [Path(m["output"]).name for m in manifest]
    assert len(set(names)) == 3 and names[0].startswith("127.0.0.1-page.html-")
    first = json.loads(Path(manifest[0]["output"]).read_text("utf-8"))
    assert first["source"]["url"] == f"{server}/page.html"
    Path(manifest[2]["output"]).unlink()  # redo one: its page is kept, not fetched again
    code, _, _ = _run(capsys, *args)
    assert _Handler.hits["/page.html"] == 1 and _Handler.hits["/utf8"] == 1
    again = [json.loads(x) for x in (out / "manifest.jsonl").read_text().splitlines()]
    assert [m["status"] for m in again] == ["skipped", "failed", "ok"], again


# --- Word ---------------------------------------------------------------------------------------


def _word_file(path: Path) -> Path:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    document = docx.Document()
    document.add_heading("اشتباكات في البلدة", 0)
    document.add_paragraph("قال المتحدث باسم الجيش إن الهدوء عاد إلى البلدة.")
    document.add_heading("الحصيلة", 1)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "القتلى", "11"
    table.cell(1, 0).text, table.cell(1, 1).text = "الجرحى", "20"
    document.add_paragraph("وقال شهود إن القصف استمر ساعتين.")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    notes = (
        f'<w:footnotes xmlns:w="{w}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
        '<w:t>---</w:t></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r>'
        "<w:t>المصدر: تقرير الأمم المتحدة الصادر في أيار.</w:t></w:r></w:p></w:footnote>"
        "</w:footnotes>"
    )
    kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    part = Part(PackURI("/word/footnotes.xml"), kind, notes.encode(), document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    document.save(str(path))
    return path


def test_word_files_keep_headings_tables_and_footnotes_in_order(tmp_path: Path) -> None:
    article = read_article(_word_file(tmp_path / "a.docx"))
    assert article.source.kind == "docx"
    assert _units(article.text) == [
        ("headline", "اشتباكات في البلدة"),
        ("body", "قال المتحدث باسم الجيش إن الهدوء عاد إلى البلدة."),
        ("heading", "الحصيلة"),
        ("heading", "القتلى | 11"),
        ("heading", "الجرحى | 20"),
        ("body", "وقال شهود إن القصف استمر ساعتين."),
        ("body", "المصدر: تقرير الأمم المتحدة الصادر في أيار."),
    ]


def test_bad_word_files_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.docx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("photo.txt", "not a document")
    code, _, err = _run(capsys, "run", str(other))
    _assert_one_line_error(code, err, "a zip that holds no Word document")
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (210 * 1024 * 1024))
    code, _, err = _run(capsys, "run", str(bomb))
    _assert_one_line_error(code, err, "decompression bomb")
    text = tmp_path / "text.docx"
    text.write_text("just text", "utf-8")
    code, _, err = _run(capsys, "run", str(text))
    _assert_one_line_error(code, err, "not a Word file")


# --- PDF ----------------------------------------------------------------------------------------


def _pdf(path: Path, pages: list[list[tuple[int, str]]], password: str | None = None) -> Path:
    """A PDF written by fpdf2 with Arabic shaped by HarfBuzz: per page, (font size, line)."""
    from fpdf import FPDF

    if not FONT.is_file():
        pytest.skip(f"{FONT} is missing (Debian: fonts-dejavu-core)")
    pdf = FPDF()
    pdf.add_font("dejavu", fname=str(FONT))
    pdf.set_text_shaping(True)
    pdf.set_auto_page_break(True, margin=8)  # room for the footer on its page
    if password:
        pdf.set_encryption(owner_password=password, user_password=password)
    for number, lines in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_font("dejavu", size=9)
        pdf.cell(0, 6, "نشرة المرصد الأسبوعية", align="C", new_x="LMARGIN", new_y="NEXT")
        for size, line in lines:
            pdf.set_font("dejavu", size=size)
            pdf.multi_cell(0, size * 0.6, line, align="R", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        pdf.set_y(-20)
        pdf.set_font("dejavu", size=9)
        pdf.cell(0, 6, f"صفحة {number}", align="C")
    pdf.output(str(path))
    return path


def test_pdf_text_in_logical_order_without_page_furniture(tmp_path: Path) -> None:
    long = (
        "وقال المتحدث باسم الأمم المتحدة إن القوافل الإنسانية لم تتمكن من الوصول إلى المدينة "
        "منذ ثلاثة أسابيع بسبب القتال المستمر، وإن المخزون الغذائي لدى المنظمات المحلية يكفي "
        "لأيام قليلة فقط بحسب تقديرات برنامج الأغذية العالمي WFP لعام 2025."
    )
    path = _pdf(
        tmp_path / "bulletin.pdf",
        [
            [
                (18, "الأمم المتحدة تحذر من مجاعة"),
                (11, "أعلنت الأمم المتحدة الأحد أن الوضع الإنساني خطير."),
                (11, long),
            ],
            [(11, "وأضاف المتحدث أن الطرق لا تزال مغلقة.")],
        ],
    )
    article = read_article(path)
    assert article.source.kind == "pdf"
    assert _units(article.text) == [
        ("headline", "الأمم المتحدة تحذر من مجاعة"),
        ("body", "أعلنت الأمم المتحدة الأحد أن الوضع الإنساني خطير."),
        ("body", long.replace("، وإن", "، وإن")),
        ("body", "وأضاف المتحدث أن الطرق لا تزال مغلقة."),
    ]


def test_bad_pdfs_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from fpdf import FPDF

    scan = FPDF()
    scan.add_page()
    scan.rect(20, 20, 100, 60, style="F")  # a picture, no text
    scan.output(str(tmp_path / "scan.pdf"))
    code, _, err = _run(capsys, "run", str(tmp_path / "scan.pdf"))
    _assert_one_line_error(code, err, "no text layer")
    locked = _pdf(tmp_path / "locked.pdf", [[(11, "نص سري.")]], password="secret")
    code, _, err = _run(capsys, "run", str(locked))
    _assert_one_line_error(code, err, "encrypted PDF")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"garbage " * 100)
    code, _, err = _run(capsys, "run", str(broken))
    _assert_one_line_error(code, err, "not a readable PDF")


# --- together -----------------------------------------------------------------------------------


def test_a_folder_mixing_every_type(
    models_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("عنوان\n\nقال المتحدث إن الهدوء عاد.\n", "utf-8")
    (folder / "b.html").write_bytes((PAGES / "alofoq-deir-ez-zor.html").read_bytes())
    _word_file(folder / "c.docx")
    _pdf(folder / "d.pdf", [[(11, "قال المتحدث إن الهدوء عاد إلى البلدة.")]])
    (folder / "e.pdf").write_bytes(b"not a pdf")
    code, _, _ = _run(capsys, "batch", str(folder), "-o", str(tmp_path / "out"), "-f", "json")
    assert code == 1
    lines = (tmp_path / "out" / "manifest.jsonl").read_text().splitlines()
    status = {Path(json.loads(x)["input"]).name: json.loads(x)["status"] for x in lines}
    assert status == {
        "a.txt": "ok",
        "b.html": "ok",
        "c.docx": "ok",
        "d.pdf": "ok",
        "e.pdf": "failed",
    }
    kinds = {
        json.loads((tmp_path / "out" / f"{n}.json").read_text())["source"]["type"] for n in "abcd"
    }
    assert kinds == {"text", "html", "docx", "pdf"}


def test_reading_text_imports_no_page_pdf_or_word_library(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("نص", "utf-8")
    code = (
        "import sys; from summarize.readers import read_article; "
        f"read_article({str(article)!r}); "
        "libs = ('trafilatura', 'docx', 'pypdfium2', 'httpx', 'lxml'); "
        "print([m for m in libs if m in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_bytes_helper_is_used_for_stdin() -> None:
    from summarize.readers import read_bytes

    with pytest.raises(InputError, match="empty input"):
        read_bytes(io.BytesIO(b"  ").read(), "stdin", "")
