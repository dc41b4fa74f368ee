"""Fetching an article by URL: the one place extraction touches the network.

Only the user's own request goes out (`forecast extract https://...`), with a
timeout, and every way it can fail — offline, refused, timed out, an HTTP
error, a page too large — becomes one FetchError line that says what to do
instead (save the page and pass the file). Nothing here retries or caches:
a fetched article is read once and forgotten.
"""

from __future__ import annotations

import http.client
import re
import urllib.error
import urllib.request
from dataclasses import dataclass

from ledger.errors import LedgerError, UsageError

USER_AGENT = "forecast-ledger/0.1 (forecast extract)"
MAX_BYTES = 5_000_000
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


class FetchError(LedgerError):
    """The article could not be fetched (operational: the network, not the user's input)."""


@dataclass(frozen=True)
class FetchedPage:
    """A fetched page's text and whether the server said it is HTML."""

    url: str
    text: str
    is_html: bool


def is_url(text: str) -> bool:
    """Whether an argument names a web page rather than a file."""
    return _URL.match(text.strip()) is not None


def fetch_url(url: str, *, timeout: float = 10.0) -> FetchedPage:
    """The page at `url`, decoded; FetchError (one line) if it cannot be had."""
    if not is_url(url):
        raise UsageError(f"{url!r} is not an http(s) URL")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read(MAX_BYTES + 1)
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset() or "utf-8"
    except urllib.error.HTTPError as exc:
        raise FetchError(f"cannot fetch {url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise FetchError(_offline(url, _reason(exc.reason))) from None
    except TimeoutError:
        raise FetchError(_offline(url, f"no answer within {timeout:g} s")) from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise FetchError(_offline(url, _reason(exc))) from None
    if len(raw) > MAX_BYTES:
        raise FetchError(f"cannot fetch {url}: the page is over {MAX_BYTES // 1_000_000} MB")
    try:
        text = raw.decode(charset, errors="replace")
    except LookupError:  # an unknown charset name
        text = raw.decode("utf-8", errors="replace")
    return FetchedPage(url=url, text=text, is_html="html" in content_type)


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    text = " ".join(str(reason).split())
    return text or reason.__class__.__name__


def _offline(url: str, reason: str) -> str:
    return (
        f"cannot fetch {url}: {reason} (offline? save the page and pass the file, or pipe it to"
        " 'forecast extract -')"
    )
