"""Web addresses: a page fetched with httpx (timeouts, at most 5 redirects, a size cap, our user
agent, HTTP(S)_PROXY honoured), then read by its content type: HTML through the page reader
(with the header's charset), plain text, PDF or Word as their files are.

Every failure is one line: an address that is not http(s), a name that does not resolve, a TLS
error, an HTTP error status, a timeout, a page over the size cap, a type that is not an article.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..errors import InputError
from ..model import Article

if TYPE_CHECKING:
    import httpx


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("summarize")
    except PackageNotFoundError:
        return "dev"


USER_AGENT = f"summarize/{_version()} (Arabic news translation and attribution)"
TIMEOUT = 20.0  # seconds for each of connect, read, write
MAX_REDIRECTS = 5
RETRY_STATUSES = {429, 503}  # retried with backoff (Retry-After honoured up to MAX_WAIT)
MAX_WAIT = 30.0
# content type -> the suffix whose reader reads it
_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}


@dataclass(frozen=True)
class Fetched:
    """A fetched resource."""

    url: str  # after redirects
    data: bytes
    content_type: str  # without parameters, lower case
    charset: str | None  # from the Content-Type header


def check_url(url: str) -> None:
    """Only http(s) addresses with a host are fetched."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"}:
        raise InputError(f"{url}: only http:// and https:// addresses are fetched")
    if not parts.hostname:
        raise InputError(f"{url}: no host in the address")


def _failure(url: str, exc: Exception) -> InputError:
    import httpx

    if isinstance(exc, httpx.TimeoutException):
        return InputError(f"{url}: timed out after {TIMEOUT:.0f} s")
    if isinstance(exc, httpx.TooManyRedirects):
        return InputError(f"{url}: more than {MAX_REDIRECTS} redirects")
    if isinstance(exc, httpx.ConnectError):
        reason = str(exc) or type(exc).__name__
        if "CERTIFICATE" in reason.upper() or "SSL" in reason.upper():
            return InputError(f"{url}: TLS error: {reason}")
        if "name" in reason.lower() or "resolution" in reason.lower():
            return InputError(f"{url}: the host name does not resolve ({reason})")
        return InputError(f"{url}: cannot connect: {reason}")
    return InputError(f"{url}: cannot fetch: {type(exc).__name__}: {exc}")


def _wait(response: httpx.Response, attempt: int) -> float:
    after = response.headers.get("retry-after", "")
    seconds = float(after) if after.isdigit() else 2.0**attempt
    return min(seconds, MAX_WAIT)


def fetch(url: str, client: httpx.Client | None = None, retries: int = 2) -> Fetched:
    """GET `url` (streamed, stopped at the size cap); 429 and 503 are retried with backoff."""
    import httpx

    from . import MAX_BYTES

    check_url(url)
    own = client is None
    client = client or make_client()
    try:
        for attempt in range(retries + 1):
            try:
                with client.stream("GET", url) as response:
                    if response.status_code in RETRY_STATUSES and attempt < retries:
                        time.sleep(_wait(response, attempt))
                        continue
                    if response.status_code >= 400:
                        phrase = response.reason_phrase or "error"
                        raise InputError(f"{url}: HTTP {response.status_code} {phrase}")
                    declared = int(response.headers.get("content-length") or 0)
                    if declared > MAX_BYTES:
                        raise InputError(f"{url}: {declared / 1048576:.0f} MB, over the size cap")
                    chunks: list[bytes] = []
                    size = 0
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > MAX_BYTES:
                            raise InputError(
                                f"{url}: more than {MAX_BYTES // 1048576} MB, over the size cap"
                            )
                        chunks.append(chunk)
                    header = response.headers.get("content-type", "")
                    kind = header.split(";")[0].strip().lower()
                    charset = re.search(r"charset=\s*\"?([\w.:-]+)", header, re.I)
                    return Fetched(
                        str(response.url),
                        b"".join(chunks),
                        kind,
                        charset.group(1).lower() if charset else None,
                    )
            except httpx.HTTPError as exc:
                raise _failure(url, exc) from None
        raise InputError(f"{url}: still busy after {retries + 1} tries (HTTP 429/503)")
    finally:
        if own:
            client.close()


def make_client() -> httpx.Client:
    """An HTTP client with the tool's limits (proxies from the environment)."""
    import httpx

    return httpx.Client(
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=TIMEOUT,
        headers={"User-Agent": USER_AGENT},
        trust_env=True,
    )


def suffix_for(fetched: Fetched) -> str:
    """The reader a fetched resource goes to, by its content type (else its address)."""
    suffix = _TYPES.get(fetched.content_type)
    if suffix is None:
        path = urlsplit(fetched.url).path.lower()
        suffix = next((s for s in (".pdf", ".docx", ".txt", ".html") if path.endswith(s)), "")
    if not suffix:
        raise InputError(
            f"{fetched.url}: a {fetched.content_type or 'resource of unknown type'}, not an "
            "article (HTML, text, PDF or Word)"
        )
    return suffix


def read_fetched(fetched: Fetched, name: str) -> Article:
    """A fetched resource as an article."""
    from dataclasses import replace

    from . import read_bytes
    from .html import read_page

    suffix = suffix_for(fetched)
    if suffix == ".html":
        article = read_page(fetched.data, name, fetched.charset, fetched.url)
    else:
        article = read_bytes(fetched.data, name, suffix)
        article = replace(article, source=replace(article.source, url=fetched.url))
    return article


def fetch_article(url: str, client: httpx.Client | None = None) -> Article:
    """The article at `url`."""
    return read_fetched(fetch(url, client), url)
