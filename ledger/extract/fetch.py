"""Fetching an article by URL: the one place extraction touches the network.

Only the user's own request goes out (`forecast extract https://...`), and
every way it can fail — offline, refused, timed out, an HTTP error, a page
too large — becomes one line that says what to do instead (save the page
and pass the file). Nothing here retries or caches: a fetched article is
read once and forgotten.

A URL is something anyone can hand the user, so the fetch is guarded:

- **A deadline, not a socket timeout.** `timeout` bounds the whole fetch:
  name lookup, connecting, TLS, headers, every redirect and the body. A
  watchdog shuts the socket when it passes, so a server trickling five
  bytes a second cannot hold the fetch open (a per-read timeout never
  fires while bytes keep coming).
- **A size cap.** The body is read in chunks and refused once it passes
  `max_bytes`, whatever Content-Length said.
- **Only public addresses.** The host is resolved (every address) and the
  fetch refused if any is loopback, private, link-local, unspecified,
  multicast or reserved, or an IPv6 form of one (`::ffff:127.0.0.1`);
  numeric spellings (`2130706433`, `0x7f.0.0.1`, `017700000001`) are read
  as the address they spell. The connection goes to the address checked,
  so a second lookup cannot swap it, and redirects are followed here, a
  few at most, each hop checked the same way and only to http(s). The user
  can lift this for their own network (`allow_private`).
- **Any charset.** An unknown or unusable charset (`bogus`, `idna`) is read
  as UTF-8 with replacement characters, never a traceback.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.parse import urljoin, urlsplit

from ledger.errors import LedgerError, UsageError
from ledger.extract.reading import ALLOW_PRIVATE_FLAG, DEFAULT_MAX_BYTES, size_text
from ledger.safe_text import printable

USER_AGENT = "forecast-ledger/0.1 (forecast extract)"
MAX_BYTES = DEFAULT_MAX_BYTES
MAX_REDIRECTS = 5
_CHUNK = 65_536
_REDIRECTS = frozenset((301, 302, 303, 307, 308))
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# (family, socket address) as getaddrinfo gives them.
SocketAddress = tuple[int, tuple[Any, ...]]


class FetchError(LedgerError):
    """The article could not be fetched (operational: the network, not the user's input)."""


class PrivateAddressError(UsageError):
    """The URL (or a redirect) points into a private network, and that was not allowed."""


@dataclass(frozen=True)
class FetchedPage:
    """A fetched page's text and whether the server said it is HTML."""

    url: str
    text: str
    is_html: bool


def is_url(text: str) -> bool:
    """Whether an argument names a web page rather than a file."""
    return _URL.match(text.strip()) is not None


def fetch_url(
    url: str,
    *,
    timeout: float = 10.0,
    max_bytes: int = MAX_BYTES,
    allow_private: bool = False,
) -> FetchedPage:
    """The page at `url`, decoded; one-line errors if it cannot or may not be had.

    FetchError for the network (exit 1), UsageError for a URL that is not
    http(s), PrivateAddressError for one that points into a private network
    without `allow_private`.
    """
    if not is_url(url):
        raise UsageError(f"{printable(url)!r} is not an http(s) URL")
    deadline = time.monotonic() + timeout
    current = url.strip()
    for _hop in range(MAX_REDIRECTS + 1):
        target = _Target.of(current)
        addresses = _checked_addresses(target, url, current, allow_private, deadline, timeout)
        reply = _get(target, addresses, url, deadline, timeout, max_bytes)
        if reply.location is None:
            return FetchedPage(
                url=url, text=_decoded(reply.body, reply.charset), is_html=reply.html
            )
        following = urljoin(current, reply.location)
        if not is_url(following):
            raise FetchError(
                f"cannot fetch {printable(url)}: it redirects to {printable(following)!r},"
                " which is not an http(s) URL"
            )
        current = following
    raise FetchError(f"cannot fetch {printable(url)}: more than {MAX_REDIRECTS} redirects")


# ---------------------------------------------------------------- where to connect


@dataclass(frozen=True)
class _Target:
    url: str
    https: bool
    host: str
    port: int
    path: str

    @classmethod
    def of(cls, url: str) -> _Target:
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as exc:
            raise UsageError(
                f"{printable(url)!r} is not a URL that can be fetched ({exc})"
            ) from None
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise UsageError(f"{printable(url)!r} is not an http(s) URL")
        https = parts.scheme.lower() == "https"
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        return cls(url, https, parts.hostname, port or (443 if https else 80), path)


def _checked_addresses(
    target: _Target, url: str, current: str, allow_private: bool, deadline: float, timeout: float
) -> list[SocketAddress]:
    """Every address of the host, refused if one is private (unless allowed)."""
    addresses = _resolve(target.host, target.port, deadline, url, timeout)
    if allow_private:
        return addresses
    for _family, sockaddr in addresses:
        address = ipaddress.ip_address(sockaddr[0].split("%")[0])
        kind = blocked_kind(address)
        if kind is None:
            continue
        spelled = "" if target.host == str(address) else f" ({printable(target.host)})"
        hop = "" if current == url.strip() else f" (it redirects to {printable(current)})"
        raise PrivateAddressError(
            f"refusing to fetch {printable(url)}{hop}: {address}{spelled} is a {kind} address;"
            f" pass {ALLOW_PRIVATE_FLAG} to fetch from your own network"
        )
    return addresses


def blocked_kind(address: IPAddress) -> str | None:
    """What makes `address` one not to fetch from by default ("loopback", ...), or None."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or _nat64(address)
        if embedded is not None and (kind := blocked_kind(embedded)):
            return f"{kind} (IPv6-mapped)"
    for kind, is_kind in (
        ("loopback", address.is_loopback),
        ("unspecified", address.is_unspecified),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
    ):
        if is_kind:
            return kind
    return None if address.is_global else "non-public"


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _nat64(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address not in _NAT64:
        return None
    return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)


def numeric_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The address a numeric host spells, as resolvers and browsers read it, or None.

    One to four parts, each decimal, octal ("0177") or hex ("0x7f"); the
    last part fills the remaining bytes: "2130706433", "0x7f.0.0.1",
    "017700000001" and "127.1" are all 127.0.0.1.
    """
    parts = host.split(".")
    if len(parts) > 1 and parts[-1] == "":
        parts = parts[:-1]
    if not 1 <= len(parts) <= 4 or any(not part or len(part) > 12 for part in parts):
        return None
    values = []
    for part in parts:
        if re.fullmatch(r"0[xX][0-9a-fA-F]*", part):
            values.append(int(part[2:] or "0", 16))
        elif re.fullmatch(r"0[0-7]+", part):
            values.append(int(part, 8))
        elif re.fullmatch(r"0|[1-9][0-9]*", part):
            values.append(int(part))
        else:
            return None
    *leading, last = values
    if any(value > 255 for value in leading) or last >= 256 ** (4 - len(leading)):
        return None
    number = last
    for position, value in enumerate(leading):
        number += value << (8 * (3 - position))
    return ipaddress.IPv4Address(number)


def _resolve(
    host: str, port: int, deadline: float, url: str, timeout: float
) -> list[SocketAddress]:
    """The host's addresses: read from the host itself if numeric, else looked up in time."""
    literal: IPAddress | None = numeric_ipv4(host)
    if literal is None:
        try:
            literal = ipaddress.ip_address(host)
        except ValueError:
            literal = None
    name = str(literal) if literal is not None else host
    found: list[list[tuple[Any, ...]]] = []
    failed: list[BaseException] = []

    def look_up() -> None:
        try:
            flags = socket.AI_NUMERICHOST if literal is not None else 0
            found.append(socket.getaddrinfo(name, port, type=socket.SOCK_STREAM, flags=flags))
        except (OSError, UnicodeError) as exc:
            failed.append(exc)

    # getaddrinfo has no timeout of its own: a thread keeps the lookup inside the deadline.
    worker = threading.Thread(target=look_up, daemon=True, name="forecast-fetch-lookup")
    worker.start()
    worker.join(max(0.0, deadline - time.monotonic()))
    if worker.is_alive():
        raise FetchError(_offline(url, f"no complete answer within {timeout:g} s"))
    if failed:
        raise FetchError(_offline(url, f"cannot look up {printable(host)}: {_reason(failed[0])}"))
    addresses = [(family, sockaddr) for family, _t, _p, _c, sockaddr in found[0]]
    if not addresses:
        raise FetchError(_offline(url, f"cannot look up {printable(host)}"))
    return addresses


# ---------------------------------------------------------------- one request


@dataclass(frozen=True)
class _Reply:
    body: bytes
    charset: str | None
    html: bool
    location: str | None


class _Watchdog:
    """Shuts the connection's socket when the deadline passes, wherever the fetch is."""

    def __init__(self, deadline: float) -> None:
        self.expired = False
        self._lock = threading.Lock()
        self._socket: socket.socket | None = None
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._socket = sock
            if self.expired:
                _shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self.expired = True
            if self._socket is not None:
                _shut(self._socket)

    def stop(self) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    # The plain socket's shutdown, even for TLS: it wakes a blocked read at once.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _get(
    target: _Target,
    addresses: list[SocketAddress],
    url: str,
    deadline: float,
    timeout: float,
    max_bytes: int,
) -> _Reply:
    watchdog = _Watchdog(deadline)
    connection: http.client.HTTPConnection | None = None
    try:
        sock = _connect(target, addresses, deadline, watchdog)
        connection = http.client.HTTPConnection(target.host, target.port)
        connection.sock = sock
        connection.request("GET", target.path, headers={"User-Agent": USER_AGENT})
        response = connection.getresponse()
        reply = _reply(response, url, max_bytes)
        if watchdog.expired:
            raise TimeoutError
        return reply
    except TimeoutError:
        raise FetchError(_offline(url, f"no complete answer within {timeout:g} s")) from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        if watchdog.expired:
            raise FetchError(_offline(url, f"no complete answer within {timeout:g} s")) from None
        raise FetchError(_offline(url, _reason(exc))) from None
    finally:
        watchdog.stop()
        if connection is not None:
            connection.close()


def _connect(
    target: _Target, addresses: list[SocketAddress], deadline: float, watchdog: _Watchdog
) -> socket.socket:
    """A socket connected to the first of the checked addresses that answers (TLS if https)."""
    error: OSError | None = None
    for family, sockaddr in addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or watchdog.expired:
            raise TimeoutError
        sock = socket.socket(family, socket.SOCK_STREAM)
        watchdog.watch(sock)
        try:
            sock.settimeout(remaining)
            sock.connect(sockaddr)
            if not target.https:
                return sock
            tls = ssl.create_default_context().wrap_socket(
                sock, server_hostname=target.host, do_handshake_on_connect=False
            )
            watchdog.watch(tls)
            tls.do_handshake()
            return tls
        except ssl.SSLError:
            sock.close()
            raise
        except OSError as exc:
            sock.close()
            error = exc
            if isinstance(exc, TimeoutError):
                raise
    assert error is not None
    raise error


def _reply(response: http.client.HTTPResponse, url: str, max_bytes: int) -> _Reply:
    headers: Message = response.headers
    if response.status in _REDIRECTS:
        location = headers.get("Location")
        if not location:
            raise FetchError(f"cannot fetch {printable(url)}: a redirect with no Location")
        return _Reply(b"", None, False, location.strip())
    if response.status >= 400:
        raise FetchError(
            f"cannot fetch {printable(url)}: HTTP {response.status} {printable(response.reason)}"
        )
    length = headers.get("Content-Length", "")
    if length.strip().isdigit() and int(length) > max_bytes:
        raise FetchError(_too_large(url, max_bytes))
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        chunk = response.read(min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        raise FetchError(_too_large(url, max_bytes))
    return _Reply(
        b"".join(chunks),
        headers.get_content_charset(),
        "html" in headers.get_content_type(),
        None,
    )


def _decoded(raw: bytes, charset: str | None) -> str:
    """The body as text in its charset; UTF-8 (with replacements) if that is unknown or unusable.

    "idna" is a real codec that cannot replace errors; "rot13" is not a text
    encoding at all; either would raise here, so none of them is trusted.
    """
    if charset:
        try:
            return raw.decode(charset, errors="replace")
        except (LookupError, UnicodeError, ValueError, TypeError):
            pass
    return raw.decode("utf-8", errors="replace")


def _too_large(url: str, max_bytes: int) -> str:
    return (
        f"cannot fetch {printable(url)}: the page is larger than {size_text(max_bytes)}"
        " (raise the limit with --max-size)"
    )


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return printable(reason.strerror)
    text = " ".join(str(reason).split())
    return printable(text or reason.__class__.__name__)


def _offline(url: str, reason: str) -> str:
    return (
        f"cannot fetch {printable(url)}: {reason} (offline? save the page and pass the file, or"
        " pipe it to 'forecast extract -')"
    )
