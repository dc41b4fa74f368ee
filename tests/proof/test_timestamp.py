"""Time-stamping heads (RFC 3161) against a TSA on 127.0.0.1 that signs real
tokens with a throwaway key: stamping, offline checks, and every way it fails
storing nothing. No test reaches a real TSA; one checks that nothing tries
the network at all when no TSA is configured."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_runner import Result, forecast
from ledger_templates import LedgerTemplates, copy_of
from sqlalchemy import create_engine, text
from tsa_fake import FakeTsa, TestPki, fake_tsa, refused_url

MADE = ("--made-on", "2025-11-20")


@pytest.fixture(scope="module")
def pki() -> TestPki:
    return TestPki.make()


@pytest.fixture
def tsa(pki: TestPki) -> Iterator[FakeTsa]:
    with fake_tsa(pki) as fake:
        yield fake


@pytest.fixture
def certs(pki: TestPki, tmp_path: Path) -> dict[str, str]:
    """PEM files: the TSA's root (the right one), and an unrelated root."""
    right, wrong = tmp_path / "tsa-root.pem", tmp_path / "other-root.pem"
    right.write_bytes(pki.root.pem)
    wrong.write_bytes(pki.stranger.pem)
    return {"right": str(right), "wrong": str(wrong)}


@pytest.fixture
def ledger(capsys, ledger_url: str, ledger_templates: LedgerTemplates) -> Iterator[str]:
    """Two claims by one source (a fresh copy of a ledger built once per test process)."""

    def build(url: str, _workdir: Path) -> None:
        for claim in ("gold $5055 by 2026-06-30", "silver hits $80 by 2026-06-30"):
            result = forecast(capsys, "--db", url, "add", claim, "-s", "JPMorgan", *MADE)
            assert result.code == 0, result.err

    with copy_of(ledger_templates, "two-claims", build, ledger_url) as url:
        yield url


def stamps_stored(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM head_timestamp")).scalar_one()
    engine.dispose()
    return int(count)


def stamp(capsys, url: str, tsa_url: str, *extra: str) -> Result:
    return forecast(capsys, "--db", url, "head", "--timestamp", "--tsa", tsa_url, "--json", *extra)


def one_line(result: Result) -> str:
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    return lines[0]


def test_a_stamped_head_is_stored_and_checks_offline(
    capsys, ledger: str, tsa: FakeTsa, certs: dict[str, str], tmp_path: Path
) -> None:
    plain = forecast(capsys, "--db", ledger, "head", "--json").json()
    assert "timestamp" not in plain
    result = stamp(capsys, ledger, tsa.url)
    assert result.code == 0, result.err
    head = result.json()
    assert (head["size"], head["root"]) == (plain["size"], plain["root"])
    assert head["timestamp"]["tsa"] == tsa.url
    assert head["timestamp"]["format"] == "forecast-ledger/head-timestamp/1"
    assert "signature not checked" in result.err
    assert len(tsa.requests) == 1 and stamps_stored(ledger) == 1
    # The head unchanged, a plain `head --json` carries the stored token too.
    assert (
        forecast(capsys, "--db", ledger, "head", "--json").json()["timestamp"]
        == (head["timestamp"])
    )

    published = tmp_path / "head.json"
    published.write_text(result.out)
    checked = forecast(capsys, "verify-timestamp", str(published), "--tsa-cert", certs["right"])
    assert checked.code == 0, checked.out + checked.err
    gen_time = head["timestamp"]["gen_time"].replace("T", " ").replace("+00:00", " UTC")
    assert checked.out.strip() == (
        f"ok: head size={head['size']} root={head['root']} existed at {gen_time}, "
        "time-stamped by CN=Test TSA"
    )
    as_json = forecast(
        capsys, "verify-timestamp", str(published), "--tsa-cert", certs["right"], "--json"
    ).json()
    assert as_json["ok"] and as_json["signature_checked"] and as_json["signer"] == "CN=Test TSA"

    # Later claims: the ledger still extends the stamped head, and says when it was stamped.
    forecast(capsys, "--db", ledger, "add", "gold $6000 by 2027-06-30", "-s", "X", *MADE)
    extended = forecast(
        capsys, "--db", ledger, "verify", "--head", str(published), "--tsa-cert", certs["right"]
    )
    assert extended.code == 0, extended.out + extended.err
    assert extended.out.splitlines()[-1] == f"timestamp: {gen_time}, signed by CN=Test TSA"
    report = forecast(
        capsys,
        "--db",
        ledger,
        "verify",
        "--head",
        str(published),
        "--tsa-cert",
        certs["right"],
        "--json",
    ).json()
    assert report["ok"] and report["problems"] == []
    assert report["timestamp"] == {
        "gen_time": head["timestamp"]["gen_time"],
        "signer": "CN=Test TSA",
        "signature_checked": True,
    }
    unchecked = forecast(capsys, "--db", ledger, "verify", "--head", str(published))
    assert unchecked.code == 0
    assert "signature not checked" in unchecked.out and "--tsa-cert" in unchecked.err
    assert forecast(capsys, "--db", ledger, "verify").code == 0


def test_the_url_may_come_from_the_environment(
    capsys, ledger: str, tsa: FakeTsa, monkeypatch: pytest.MonkeyPatch, certs: dict[str, str]
) -> None:
    monkeypatch.setenv("FORECAST_TSA_URL", tsa.url)
    result = forecast(capsys, "--db", ledger, "head", "--timestamp", "--tsa-cert", certs["right"])
    assert result.code == 0, result.err
    assert result.out.startswith("forecast-ledger head size=3 ")  # a source, two claims
    assert f"time-stamped by {tsa.url}" in result.err and "signature checked" in result.err
    assert stamps_stored(ledger) == 1


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        pytest.param({"size": 1}, "is not the head's (size 1,", id="size"),
        pytest.param(
            {"root": "ab" * 32}, f"is not the head's (size 3, root {'ab' * 32})", id="root"
        ),
    ],
)
def test_a_tampered_head_does_not_check(
    capsys, ledger: str, tsa: FakeTsa, certs: dict[str, str], tmp_path: Path, edit, expected
) -> None:
    head = stamp(capsys, ledger, tsa.url).json()
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps({**head, **edit}))
    result = forecast(capsys, "verify-timestamp", str(tampered), "--tsa-cert", certs["right"])
    assert result.code == 1
    assert result.out.startswith("timestamp: the token's imprint ") and expected in result.out
    assert "the token is for other bytes" in result.out


def test_a_tampered_token_does_not_check(
    capsys, ledger: str, tsa: FakeTsa, certs: dict[str, str], tmp_path: Path
) -> None:
    """The gen time in the document is only a copy: the signed one is checked,
    and a token altered anywhere in its signed content fails its signature."""
    import base64

    head = stamp(capsys, ledger, tsa.url).json()
    token = bytearray(base64.b64decode(head["timestamp"]["token"]))
    at = bytes(token).index(bytes.fromhex("0609608648016503040201"))  # the imprint's OID
    token[at + 40] ^= 0x01  # a byte inside the signed TSTInfo
    head["timestamp"]["token"] = base64.b64encode(bytes(token)).decode()
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(head))
    result = forecast(capsys, "verify-timestamp", str(tampered), "--tsa-cert", certs["right"])
    assert result.code == 1, result.out
    assert result.out.startswith("timestamp: ") and "(altered)" in result.out


def test_a_token_checked_against_the_wrong_certificate_fails(
    capsys, ledger: str, tsa: FakeTsa, certs: dict[str, str], tmp_path: Path
) -> None:
    published = tmp_path / "head.json"
    published.write_text(stamp(capsys, ledger, tsa.url).out)
    result = forecast(capsys, "verify-timestamp", str(published), "--tsa-cert", certs["wrong"])
    assert result.code == 1
    assert result.out.strip() == (
        "timestamp: the token's signature does not check: it does not chain to the "
        "certificate given (--tsa-cert): is it this TSA's CA?"
    )
    in_verify = forecast(
        capsys, "--db", ledger, "verify", "--head", str(published), "--tsa-cert", certs["wrong"]
    )
    assert in_verify.code == 1 and "does not chain" in in_verify.out
    # Checked at stamping time against the wrong certificate: refused, and not stored.
    refused = stamp(capsys, ledger, tsa.url, "--tsa-cert", certs["wrong"])
    assert refused.code == 1 and "does not chain" in one_line(refused)
    assert stamps_stored(ledger) == 1


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        pytest.param(
            "reject",
            "refused to time-stamp the head (rejection: this TSA does not stamp SHA-256 "
            "imprints today)",
            id="rejection",
        ),
        pytest.param("wrong-imprint", "the token is for other bytes", id="wrong-imprint"),
        pytest.param("wrong-nonce", "answered with another request's nonce", id="wrong-nonce"),
        pytest.param("old", "check this machine's clock", id="gen-time-a-day-old"),
        pytest.param("http-500", "answered HTTP 500", id="http-500"),
        pytest.param("garbage", "did not send an RFC 3161 time-stamp reply", id="not-a-reply"),
    ],
)
def test_a_bad_reply_is_one_line_and_stores_nothing(
    capsys, ledger: str, tsa: FakeTsa, mode: str, expected: str
) -> None:
    tsa.mode = mode
    result = stamp(capsys, ledger, tsa.url)
    assert result.code == 1
    assert result.out == ""
    line = one_line(result)
    assert line.startswith("forecast: error: ") and expected in line, line
    assert len(tsa.requests) == 1
    assert stamps_stored(ledger) == 0


def test_an_unreachable_tsa_is_one_line_and_stores_nothing(capsys, ledger: str) -> None:
    url = refused_url()
    result = stamp(capsys, ledger, url)
    assert result.code == 1
    assert one_line(result) == (
        f"forecast: error: the TSA at {url} cannot be reached (connection refused): check the "
        "URL (--tsa or FORECAST_TSA_URL) and the network; nothing was stored"
    )
    assert stamps_stored(ledger) == 0


def test_a_silent_tsa_times_out(capsys, ledger: str, tsa: FakeTsa) -> None:
    tsa.mode = "silent"
    result = stamp(capsys, ledger, tsa.url, "--tsa-timeout", "0.3")
    assert result.code == 1
    assert one_line(result) == (
        f"forecast: error: the TSA at {tsa.url} did not answer within 0.3 s: try again later, "
        "or give it longer with --tsa-timeout; nothing was stored"
    )
    assert stamps_stored(ledger) == 0


def test_without_a_tsa_nothing_touches_the_network(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Off by default: with no --tsa and no FORECAST_TSA_URL, `head`, `head
    --timestamp`, `verify` open no socket (the ledger is a SQLite file)."""
    url = f"sqlite:///{tmp_path / 'quiet.sqlite3'}"
    assert (
        forecast(capsys, "--db", url, "add", "gold $5055 by 2026-06-30", "-s", "X", *MADE).code == 0
    )
    monkeypatch.delenv("FORECAST_TSA_URL", raising=False)
    opened: list[object] = []

    def no_network(self: socket.socket, address: object) -> None:
        opened.append(address)
        raise AssertionError(f"a socket connected to {address}")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", no_network)
    assert forecast(capsys, "--db", url, "head").code == 0
    assert forecast(capsys, "--db", url, "head", "--json").code == 0
    assert forecast(capsys, "--db", url, "verify").code == 0
    result = forecast(capsys, "--db", url, "head", "--timestamp")
    assert result.code == 2
    assert one_line(result) == (
        "forecast: error: --timestamp needs a time-stamp authority: give --tsa URL or set "
        "FORECAST_TSA_URL (no TSA is built in; see 'Proving your record' in the README)"
    )
    assert opened == []
    assert stamps_stored(url) == 0


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(
            ("head", "--tsa", "ftp://tsa.example.org"), "is not an http(s) URL", id="not-http"
        ),
        pytest.param(
            ("head", "--tsa", "http://127.0.0.1:port/"), "the port is not a number", id="bad-port"
        ),
        pytest.param(
            ("head", "--tsa-cert", "{right}"), "--tsa-cert checks a new timestamp", id="cert-alone"
        ),
        pytest.param(
            ("head", "--timestamp", "--tsa", "http://127.0.0.1:9/", "--tsa-cert", "{missing}"),
            "no such file",
            id="missing-cert",
        ),
        pytest.param(
            ("head", "--timestamp", "--tsa", "http://127.0.0.1:9/", "--tsa-cert", "{not_pem}"),
            "holds no PEM certificate",
            id="not-a-certificate",
        ),
        pytest.param(
            ("verify", "--tsa-cert", "{right}"),
            "--tsa-cert checks the timestamp of a --head",
            id="verify-cert-without-head",
        ),
        pytest.param(
            ("verify", "--head", "{plain_head}", "--tsa-cert", "{right}"),
            "--head carries no timestamp",
            id="verify-unstamped-head",
        ),
        pytest.param(
            ("verify-timestamp", "{plain_head}", "--tsa-cert", "{right}"),
            "not a timestamped head",
            id="verify-timestamp-unstamped",
        ),
        pytest.param(
            ("verify-timestamp", "{bad_stamp}", "--tsa-cert", "{right}"),
            "timestamp.token (base64)",
            id="verify-timestamp-malformed",
        ),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    capsys, ledger: str, certs: dict[str, str], tmp_path: Path, args, expected: str
) -> None:
    plain_head = tmp_path / "plain.json"
    plain_head.write_text(forecast(capsys, "--db", ledger, "head", "--json").out)
    bad_stamp = tmp_path / "bad.json"
    bad_stamp.write_text(
        json.dumps(
            {
                "size": 3,
                "root": "ab" * 32,
                "timestamp": {"format": "forecast-ledger/head-timestamp/1", "token": "%%"},
            }
        )
    )
    not_pem = tmp_path / "not.pem"
    not_pem.write_text("hello")
    paths = {
        "right": certs["right"],
        "missing": str(tmp_path / "nope.pem"),
        "not_pem": str(not_pem),
        "plain_head": str(plain_head),
        "bad_stamp": str(bad_stamp),
    }
    argv = [a.format(**paths) for a in args]
    result = forecast(capsys, "--db", ledger, *argv)
    assert result.code == 2, result.out + result.err
    assert expected in one_line(result)
    assert stamps_stored(ledger) == 0


def test_verify_checks_stored_stamps_against_the_log(
    capsys, ledger: str, tsa: FakeTsa, certs: dict[str, str]
) -> None:
    """A consistent forgery (tables rewritten, the whole log rebuilt) passes the
    log's own checks, but not the stamped heads the ledger holds."""
    from ledger.store.guards import drop_guards

    assert stamp(capsys, ledger, tsa.url).code == 0
    engine = create_engine(ledger)
    with engine.begin() as connection:
        drop_guards(connection)
        connection.execute(text("UPDATE prediction SET level = 4100 WHERE id = 1"))
        connection.execute(text("DELETE FROM proof_log"))
        connection.execute(text("DELETE FROM proof_head"))
    engine.dispose()
    result = forecast(capsys, "--db", ledger, "verify")
    assert result.code == 1
    assert len(result.out.splitlines()) == 1
    assert result.out.startswith("head timestamp 1 (size 3, ")
    assert "the log's first 3 entries hash to " in result.out
