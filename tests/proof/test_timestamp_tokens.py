"""The pure side of head time-stamps: the exact bytes stamped, the checks on a
reply, the offline check of a token, and parsers that never fail but with
their own error. OpenSSL's `ts -verify`, where installed, is the independent
oracle for the message and the token."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tsa_fake import TestPki, make_root, make_tsa, rejection, timestamp_response

from ledger.proof.timestamp import (
    CLOCK_SKEW,
    Stamp,
    TimestampError,
    check_reply,
    check_token_imprint,
    head_imprint,
    head_message,
    parse_stamped_head,
    stamp_json,
    timestamp_request,
    verify_stamp,
)

ROOT = "aa42bb8efba531f67ca31075f65ba3cdca7a38ac954d70350ccf423269a66703"


@pytest.fixture(scope="module")
def pki() -> TestPki:
    return TestPki.make()


def test_the_stamped_message_is_the_documented_canonical_head() -> None:
    assert head_message(2, ROOT) == (
        b'{"format":"forecast-ledger/head/1","root":"' + ROOT.encode() + b'","size":2}'
    )
    assert head_imprint(2, ROOT) == hashlib.sha256(head_message(2, ROOT)).digest()


def _reply(pki: TestPki, size: int = 2, root: str = ROOT, **faults):
    request = timestamp_request(size, root)
    return request, timestamp_response(pki.tsa, request.as_bytes(), **faults)


def _check(request, reply: bytes, size: int = 2, root: str = ROOT, now: datetime | None = None):
    now = now or datetime.now(UTC)
    return check_reply(
        request, reply, size=size, root=root, tsa_url="http://tsa", sent_at=now, received_at=now
    )


def test_a_granted_reply_gives_a_stamp_that_verifies(pki: TestPki) -> None:
    request, reply = _reply(pki)
    assert request.nonce is not None and request.cert_req
    stamp = _check(request, reply)
    checked = verify_stamp(stamp.token, 2, ROOT, [pki.root.cert])
    assert checked.gen_time == stamp.gen_time
    assert checked.signer == "CN=Test TSA"
    assert check_token_imprint(stamp.token, 2, ROOT) == stamp.gen_time
    assert parse_stamped_head({"size": 2, "root": ROOT, "timestamp": stamp_json(stamp)}) == stamp


def test_gen_time_must_fall_near_the_request(pki: TestPki) -> None:
    request, reply = _reply(pki)
    assert _check(request, reply, now=datetime.now(UTC) + CLOCK_SKEW - timedelta(seconds=5))
    with pytest.raises(TimestampError, match="check this machine's clock"):
        _check(request, reply, now=datetime.now(UTC) + CLOCK_SKEW + timedelta(minutes=1))
    with pytest.raises(TimestampError, match="check this machine's clock"):
        _check(request, reply, now=datetime.now(UTC) - CLOCK_SKEW - timedelta(minutes=1))


def test_a_reply_for_another_head_or_request_is_refused(pki: TestPki) -> None:
    request, reply = _reply(pki)
    with pytest.raises(TimestampError, match="is not the head's"):
        _check(request, reply, size=3)
    other_request = timestamp_request(2, ROOT)
    with pytest.raises(TimestampError, match="another request's nonce"):
        _check(other_request, reply)
    with pytest.raises(TimestampError, match=r"refused to time-stamp the head \(rejection: no\)"):
        _check(request, rejection("no"))


def test_a_token_without_embedded_certificates_checks_against_the_given_chain(
    pki: TestPki, tmp_path: Path
) -> None:
    request, reply = _reply(pki, embed_certs=False)
    stamp = _check(request, reply)
    with pytest.raises(TimestampError, match="signature does not check"):
        verify_stamp(stamp.token, 2, ROOT, [pki.root.cert])
    checked = verify_stamp(stamp.token, 2, ROOT, [pki.root.cert, pki.tsa.cert])
    assert checked.signer == "CN=Test TSA"


def test_a_tsa_certificate_without_the_time_stamping_usage_is_refused() -> None:
    """A certificate of the right CA that is not a TSA's (no id-kp-timeStamping)
    does not make a token."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    root = make_root()
    tsa = make_tsa(root)
    plain = (
        x509.CertificateBuilder()
        .subject_name(tsa.cert.subject)
        .issuer_name(root.cert.subject)
        .public_key(tsa.key.public_key())
        .serial_number(tsa.cert.serial_number + 1)
        .not_valid_before(tsa.cert.not_valid_before_utc)
        .not_valid_after(tsa.cert.not_valid_after_utc)
        .sign(root.key, hashes.SHA256())
    )
    impostor = type(tsa)(tsa.key, plain)
    request = timestamp_request(2, ROOT)
    stamp = _check(request, timestamp_response(impostor, request.as_bytes()))
    with pytest.raises(TimestampError, match="time-stamping"):
        verify_stamp(stamp.token, 2, ROOT, [root.cert])


@pytest.mark.skipif(shutil.which("openssl") is None, reason="no openssl to cross-check with")
def test_openssl_verifies_the_token_over_the_documented_message(
    pki: TestPki, tmp_path: Path
) -> None:
    """The README's recipe: the message rebuilt with printf, the token from the
    head's JSON, checked by OpenSSL against the TSA's CA."""
    request, reply = _reply(pki, size=1234)
    stamp = _check(request, reply, size=1234)
    message = tmp_path / "message.txt"
    message.write_bytes(
        b'{"format":"forecast-ledger/head/1","root":"%s","size":%d}' % (ROOT.encode(), 1234)
    )
    token = tmp_path / "token.der"
    token.write_bytes(base64.b64decode(stamp_json(stamp)["token"]))
    ca = tmp_path / "ca.pem"
    ca.write_bytes(pki.root.pem)
    argv = ["openssl", "ts", "-verify", "-data", str(message), "-in", str(token), "-token_in"]
    result = subprocess.run(
        [*argv, "-CAfile", str(ca)], capture_output=True, text=True, check=False
    )
    assert "Verification: OK" in result.stdout, result.stdout + result.stderr
    message.write_bytes(message.read_bytes().replace(b"1234", b"1235"))
    altered = subprocess.run(
        [*argv, "-CAfile", str(ca)], capture_output=True, text=True, check=False
    )
    assert "Verification: OK" not in altered.stdout


@given(st.binary(max_size=600))
def test_any_reply_bytes_give_a_stamp_or_a_timestamp_error(reply: bytes) -> None:
    request = timestamp_request(2, ROOT)
    with contextlib.suppress(TimestampError):
        _check(request, reply)


@given(st.binary(max_size=600))
def test_any_token_bytes_give_a_verdict_or_a_timestamp_error(token: bytes) -> None:
    with contextlib.suppress(TimestampError):
        check_token_imprint(token, 2, ROOT)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=10,
)


@given(
    st.one_of(
        _json,
        st.fixed_dictionaries(
            {
                "size": _json,
                "root": _json,
                "timestamp": st.one_of(
                    _json,
                    st.fixed_dictionaries(
                        {
                            "format": st.just("forecast-ledger/head-timestamp/1"),
                            "token": st.one_of(
                                _json, st.binary().map(lambda b: base64.b64encode(b).decode())
                            ),
                            "gen_time": _json,
                        }
                    ),
                ),
            }
        ),
    )
)
def test_a_head_document_parses_to_a_stamp_or_a_value_error(document: object) -> None:
    with contextlib.suppress(ValueError):
        assert isinstance(parse_stamped_head(document), Stamp)


@given(
    st.integers(min_value=0, max_value=70),
    st.lists(st.integers(min_value=-3, max_value=80), max_size=8),
)
def test_prefix_roots_in_one_pass_equal_each_prefix_tree(leaves: int, sizes: list[int]) -> None:
    """The roots `verify` compares stored stamps with, against `tree_root` of each prefix."""
    from ledger.proof.merkle import leaf_hash, tree_root
    from ledger.services.stamping import _prefix_roots

    hashes = [leaf_hash(str(i).encode()) for i in range(leaves)]
    roots = _prefix_roots(hashes, set(sizes))
    assert roots == {s: tree_root(hashes[:s]).hex() for s in set(sizes) if 0 <= s <= leaves}
