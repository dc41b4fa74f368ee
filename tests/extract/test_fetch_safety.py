"""Fetching a URL someone handed the user: deadlines, caps, charsets, private addresses.

A local HTTP server (127.0.0.1, a thread of this test) plays the hostile
site: it trickles bytes, sends a page too large, names a charset Python
cannot decode with, or redirects to loopback. It is on loopback itself, so
the tests that talk to it pass `allow_private=True`; the tests of refusals
make sure no connection is even attempted.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cli_runner import forecast
from hypothesis import given
from hypothesis import strategies as st

from ledger.cli import extract as extract_cli
from ledger.cli.app import app
from ledger.errors import UsageError
from ledger.extract import fetch
from ledger.extract.fetch import FetchError, PrivateAddressError, fetch_url, numeric_ipv4

ARTICLE = (
    "<html><head><title>Gold</title></head><body>"
    "<p>Goldman Sachs expects gold to reach $5,000 by end-2026.</p></body></html>"
)
PUBLIC = "93.184.215.14"  # stands in for a public web server; connections go to the test's


class _Hostile(BaseHTTPRequestHandler):
    """Each path is one way a server can misbehave."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        port = self.server.server_address[1]
        routes: dict[str, Callable[[], None]] = {
            "/article": lambda: self._page(ARTICLE.encode(), "text/html; charset=utf-8"),
            "/idna": lambda: self._page("café: gold".encode(), "text/plain; charset=idna"),
            "/bogus": lambda: self._page("café: gold".encode(), "text/plain; charset=bogus"),
            "/trickle": self._trickle_body,
            "/trickle-headers": self._trickle_headers,
            "/huge": self._huge,
            "/huge-declared": self._huge_declared,
            "/to-loopback": lambda: self._redirect(f"http://127.0.0.1:{port}/article"),
            "/to-decimal-loopback": lambda: self._redirect(f"http://2130706433:{port}/article"),
            "/to-file": lambda: self._redirect("file:///etc/passwd"),
            "/loop": lambda: self._redirect("/loop"),
            "/relative": lambda: self._redirect("/article"),
            "/missing": lambda: self.send_error(404, "Not Found"),
        }
        route = routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            route()  # a client that gives up, as it should, ends the route

    def _page(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _trickle_body(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        for _ in range(600):  # 5 bytes every 50 ms: a minute, never a pause long enough to time out
            self.wfile.write(b"gold ")
            self.wfile.flush()
            time.sleep(0.05)

    def _trickle_headers(self) -> None:
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        for _ in range(600):
            self.wfile.write(b"X-Slow: a\r\n")
            self.wfile.flush()
            time.sleep(0.05)

    def _huge(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        chunk = b"gold " * 20_000
        for _ in range(1000):  # 100 MB, no Content-Length: only the reader's cap stops it
            self.wfile.write(chunk)

    def _huge_declared(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(10**12))
        self.end_headers()
        self.wfile.write(b"gold")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The base URL of the hostile server, on loopback."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def no_connections(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to connect fails the test: a refusal must come before the network."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def public_host(monkeypatch: pytest.MonkeyPatch, server: str) -> str:
    """'news.example' resolves to a public address, and connecting there reaches the server."""
    port = int(server.rsplit(":", 1)[1])
    lookup = socket.getaddrinfo
    connect = socket.socket.connect

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        if host == "news.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (PUBLIC, port))]
        return lookup(host, *args, **kwargs)  # type: ignore[arg-type]

    def to_server(self: socket.socket, address: object) -> None:
        if isinstance(address, tuple) and address[0] == PUBLIC:
            address = ("127.0.0.1", port)
        connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", to_server)
    return f"http://news.example:{port}"


# ---------------------------------------------------------------- the deadline


@pytest.mark.parametrize("path", ["/trickle", "/trickle-headers"], ids=["body", "headers"])
def test_a_trickling_server_is_cut_off_at_the_deadline(server: str, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"no complete answer within 0\.5 s"):
        fetch_url(server + path, timeout=0.5, allow_private=True)
    # The deadline is for the whole fetch: the server would go on for a minute.
    assert time.monotonic() - started < 5


def test_the_deadline_covers_the_cli_too(
    capsys: pytest.CaptureFixture[str], ledger_url: str, server: str
) -> None:
    if "extract" not in {command.name for command in app.registered_commands}:
        extract_cli.register(app)
    url = server + "/trickle"
    result = forecast(
        capsys, "--db", ledger_url, "extract", url, "--timeout", "0.5", "--allow-private-addresses"
    )
    assert result.code == 1
    assert result.err.startswith(f"forecast: error: cannot fetch {url}: no complete answer within")
    assert result.err.count("\n") == 1


# ---------------------------------------------------------------- size and charset


def test_a_body_over_the_cap_is_refused_while_streaming(server: str) -> None:
    with pytest.raises(FetchError, match=r"larger than 1 MB"):
        fetch_url(server + "/huge", max_bytes=1_000_000, allow_private=True)


def test_a_declared_length_over_the_cap_is_refused_before_reading(server: str) -> None:
    with pytest.raises(FetchError, match=r"larger than 5 MB"):
        fetch_url(server + "/huge-declared", allow_private=True)


@pytest.mark.parametrize("charset", ["idna", "bogus"])
def test_an_unusable_charset_is_read_as_utf8(server: str, charset: str) -> None:
    page = fetch_url(f"{server}/{charset}", allow_private=True)
    assert page.text == "café: gold"
    assert not page.is_html


def test_a_page_is_fetched_and_redirects_are_followed(server: str) -> None:
    page = fetch_url(server + "/relative", allow_private=True)
    assert page.is_html
    assert "Goldman Sachs" in page.text
    assert page.url == server + "/relative"  # the URL the user gave, as stored with claims


def test_http_errors_and_bad_redirects_are_one_line(server: str) -> None:
    with pytest.raises(FetchError, match=r"HTTP 404 Not Found"):
        fetch_url(server + "/missing", allow_private=True)
    with pytest.raises(FetchError, match=r"more than 5 redirects"):
        fetch_url(server + "/loop", allow_private=True)
    with pytest.raises(FetchError, match=r"redirects to 'file:///etc/passwd'"):
        fetch_url(server + "/to-file", allow_private=True)


# ---------------------------------------------------------------- private addresses


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("http://127.0.0.1/", "127.0.0.1"),
        ("http://2130706433/", "127.0.0.1"),
        ("http://0x7f.0.0.1/", "127.0.0.1"),
        ("http://017700000001/", "127.0.0.1"),
        ("http://127.1/", "127.0.0.1"),
        ("http://0x7f000001/", "127.0.0.1"),
        ("http://[::1]/", "::1"),
        ("http://[::ffff:127.0.0.1]/", "::ffff:7f00:1"),
        ("http://localhost:8080/", "127.0.0.1"),
        ("http://10.1.2.3/", "10.1.2.3"),
        ("http://192.168.1.1/", "192.168.1.1"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
        ("http://0.0.0.0/", "0.0.0.0"),
        ("http://[fe80::1]/", "fe80::1"),
        ("http://224.0.0.1/", "224.0.0.1"),
        ("http://100.64.0.1/", "100.64.0.1"),
        ("https://user@127.0.0.1:443/", "127.0.0.1"),
    ],
)
@pytest.mark.usefixtures("no_connections")
def test_a_private_address_is_refused_however_it_is_spelled(url: str, address: str) -> None:
    with pytest.raises(PrivateAddressError) as refused:
        fetch_url(url, timeout=1)
    message = str(refused.value)
    assert message.startswith(f"refusing to fetch {url}: {address}")
    assert message.endswith("pass --allow-private-addresses to fetch from your own network")
    assert "\n" not in message


@pytest.mark.parametrize("path", ["/to-loopback", "/to-decimal-loopback"])
def test_a_redirect_to_loopback_is_refused(public_host: str, path: str) -> None:
    assert "Goldman" in fetch_url(public_host + "/article").text  # the public hop is fetched
    with pytest.raises(PrivateAddressError, match=r"\(it redirects to http://.*\): 127\.0\.0\.1"):
        fetch_url(public_host + path)


def test_the_cli_refuses_loopback_in_one_line_and_the_flag_allows_it(
    capsys: pytest.CaptureFixture[str], ledger_url: str, server: str
) -> None:
    if "extract" not in {command.name for command in app.registered_commands}:
        extract_cli.register(app)
    url = server + "/article"
    refused = forecast(capsys, "--db", ledger_url, "extract", url, "--json")
    assert refused.code == 2
    assert refused.err == (
        f"forecast: error: refusing to fetch {url}: 127.0.0.1 is a loopback address;"
        " pass --allow-private-addresses to fetch from your own network\n"
    )
    allowed = forecast(
        capsys, "--db", ledger_url, "extract", url, "--json", "--allow-private-addresses"
    )
    assert allowed.code == 0, allowed.err
    assert [c["claim"] for c in allowed.json()] == ["gold reaches $5,000 by end-2026"]


@pytest.mark.parametrize("url", ["ftp://example.com/a", "file:///etc/passwd", "gopher://x/"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    with pytest.raises(UsageError, match="is not an http"):
        fetch_url(url)


# ---------------------------------------------------------------- numeric spellings


@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_every_numeric_spelling_of_an_address_reads_as_it(number: int) -> None:
    address = ipaddress.IPv4Address(number)
    octets = [int(part) for part in str(address).split(".")]
    spellings = [
        str(address),
        str(number),
        hex(number),
        "0" + oct(number)[2:] if number else "0",
        ".".join(hex(o) for o in octets),
        ".".join(f"0{o:o}" for o in octets),
        f"{octets[0]}.{number & 0xFFFFFF}",
        f"{octets[0]}.{octets[1]}.{number & 0xFFFF}",
    ]
    for spelling in spellings:
        assert numeric_ipv4(spelling) == address, spelling


@pytest.mark.parametrize(
    "host", ["example.com", "1.2.3.4.5", "256.1.1.1", "4294967296", "08.1.1.1", "1..1", ""]
)
def test_hosts_that_spell_no_address(host: str) -> None:
    assert numeric_ipv4(host) is None


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("8.8.8.8", None),
        ("2606:4700:4700::1111", None),
        ("127.0.0.53", "loopback"),
        ("::ffff:10.0.0.1", "private (IPv6-mapped)"),
        ("2002:7f00:1::", "loopback (IPv6-mapped)"),
        ("64:ff9b::7f00:1", "loopback (IPv6-mapped)"),
        ("240.0.0.1", "private"),
        ("ff02::1", "multicast"),
        ("::", "unspecified"),
    ],
)
def test_which_addresses_are_blocked(address: str, kind: str | None) -> None:
    assert fetch.blocked_kind(ipaddress.ip_address(address)) == kind
