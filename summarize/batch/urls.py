"""Batch over web addresses (`summarize batch --urls FILE -o OUT`): output names from the
address, stable and collision-free; each fetched page kept in OUT/.pages/ so that a rerun never
fetches it again; polite fetching (one request at a time, a delay between requests to the same
host, retries with backoff on 429 and 503, in readers/url.py).
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import InputError
from ..model import Article
from ..readers.url import Fetched, check_url, fetch, make_client, read_fetched
from ..writers.files import write_atomic

PAGES = ".pages"  # where fetched pages are kept, inside the output folder


def read_urls(path: Path) -> list[str]:
    """The addresses listed in `path`, one per line (blank lines and # comments skipped); each
    checked (http or https) and listed once."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the list of addresses: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: the list of addresses is not UTF-8 text") from None
    urls: list[str] = []
    for number, line in enumerate(lines, 1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        try:
            check_url(url)
        except InputError as exc:
            raise InputError(f"{path}:{number}: {exc}") from None
        if url not in urls:
            urls.append(url)
    if not urls:
        raise InputError(f"{path}: lists no addresses")
    return urls


def output_stem(url: str) -> str:
    """A file name for an address: host and path made safe, and a short hash of the whole
    address (two addresses never share a name; the same address always gets the same)."""
    parts = urlsplit(url)
    slug = re.sub(r"[^\w.-]+", "-", f"{parts.hostname or ''}{parts.path}".strip("/")).strip("-.")
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]
    return f"{slug[:80]}-{digest}"


class PageReader:
    """Reads the batch's addresses: from OUT/.pages/ when fetched before, else fetched (one
    request at a time, `delay` seconds apart for the same host)."""

    def __init__(self, out_dir: Path, delay: float) -> None:
        self.pages = out_dir / PAGES
        self.delay = delay
        self.last: dict[str, float] = {}
        self.lock = threading.Lock()
        self.client = make_client()

    def _kept(self, url: str) -> Fetched | None:
        stem = output_stem(url)
        meta, body = self.pages / f"{stem}.json", self.pages / f"{stem}.page"
        if not (meta.is_file() and body.is_file()):
            return None
        info = json.loads(meta.read_text("utf-8"))
        return Fetched(info["url"], body.read_bytes(), info["content_type"], info["charset"])

    def _keep(self, url: str, fetched: Fetched) -> None:
        stem = output_stem(url)
        self.pages.mkdir(parents=True, exist_ok=True)
        (self.pages / f"{stem}.page").write_bytes(fetched.data)
        info = {"url": fetched.url, "content_type": fetched.content_type}
        meta = json.dumps({**info, "charset": fetched.charset})
        write_atomic(self.pages / f"{stem}.json", meta)  # last: the page is whole

    def read(self, url: str) -> Article:
        fetched = self._kept(url)
        if fetched is None:
            with self.lock:
                host = urlsplit(url).hostname or ""
                wait = self.last.get(host, 0.0) + self.delay - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                try:
                    fetched = fetch(url, self.client)
                finally:
                    self.last[host] = time.monotonic()
            self._keep(url, fetched)
        return read_fetched(fetched, url)

    def close(self) -> None:
        self.client.close()
