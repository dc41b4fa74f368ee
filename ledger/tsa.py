"""Talking to a time-stamp authority: one RFC 3161 request over HTTP(S).

The transport of RFC 3161 §3.4: POST the DER TimeStampReq with Content-Type
application/timestamp-query, read the DER TimeStampResp back. Nothing here
decides whether the reply proves anything (`ledger.proof.timestamp` does);
this module only turns every way the exchange can fail (no such host,
connection refused, a timeout, an HTTP error, a reply too large to be a
token) into one line a user can act on.

No URL is built in: a TSA is contacted only when the user names one
(`--tsa URL` or FORECAST_TSA_URL).
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
from urllib.parse import urlsplit

from ledger.errors import LedgerError, UsageError

TSA_URL_ENV = "FORECAST_TSA_URL"
DEFAULT_TIMEOUT = 15.0
# A token is a few kilobytes (a certificate chain at most tens); anything far
# larger is not a time-stamp reply.
MAX_REPLY_BYTES = 1_000_000
_CHUNK = 65_536


class TsaUnreachableError(LedgerError):
    """The TSA could not be asked, or did not answer with a reply body."""


def check_tsa_url(url: str) -> str:
    """The URL, if it can name a TSA (http or https, with a host); UsageError if not."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(
            f"--tsa {url!r} is not an http(s) URL: give the time-stamp authority's URL, "
            "e.g. --tsa https://tsa.example.org/tsr"
        )
    try:
        parts.port  # noqa: B018 - a malformed port raises here, not mid-request
    except ValueError:
        raise UsageError(f"--tsa {url!r}: the port is not a number") from None
    return url.strip()


def post_query(url: str, query: bytes, *, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """POST a DER TimeStampReq to `url` and return the reply body; TsaUnreachableError
    with one line when there is no reply to read."""
    parts = urlsplit(url)
    deadline = time.monotonic() + timeout
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if parts.scheme == "https":
        connection: http.client.HTTPConnection = http.client.HTTPSConnection(
            parts.hostname or "", parts.port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=timeout)
    try:
        connection.request(
            "POST",
            target,
            body=query,
            headers={
                "Content-Type": "application/timestamp-query",
                "Accept": "application/timestamp-reply",
            },
        )
        response = connection.getresponse()
        body = _read(response, url, deadline, timeout)
        if response.status != 200:
            raise TsaUnreachableError(
                f"the TSA at {url} answered HTTP {response.status} {response.reason}: "
                "check the URL (--tsa or FORECAST_TSA_URL), or try again later"
            )
        return body
    except TsaUnreachableError:
        raise
    except TimeoutError:
        raise TsaUnreachableError(_timed_out(url, timeout)) from None
    except (OSError, http.client.HTTPException) as error:
        raise TsaUnreachableError(
            f"the TSA at {url} cannot be reached ({_reason(error)}): check the URL "
            "(--tsa or FORECAST_TSA_URL) and the network; nothing was stored"
        ) from None
    finally:
        connection.close()


def _read(response: http.client.HTTPResponse, url: str, deadline: float, timeout: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK):
        size += len(chunk)
        if size > MAX_REPLY_BYTES:
            raise TsaUnreachableError(
                f"the TSA at {url} sent more than {MAX_REPLY_BYTES // 1_000_000} MB: "
                "that is no time-stamp reply"
            )
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise TsaUnreachableError(_timed_out(url, timeout))
    return b"".join(chunks)


def _timed_out(url: str, timeout: float) -> str:
    return (
        f"the TSA at {url} did not answer within {timeout:g} s: try again later, or give "
        "it longer with --tsa-timeout; nothing was stored"
    )


def _reason(error: BaseException) -> str:
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, socket.gaierror):
        return "unknown host"
    if isinstance(error, ssl.SSLCertVerificationError):
        return f"its TLS certificate is not trusted: {error.verify_message}"
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return " ".join(str(text).split())[:160]
