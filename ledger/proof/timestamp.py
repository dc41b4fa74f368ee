"""RFC 3161 time-stamps of a tree head: what is stamped, and how a token is checked.

A published head proves what the ledger held *if* its date is believed.
A time-stamp authority (TSA) makes the date checkable by a third party: it
signs (hash of the head, its own clock reading, a nonce) with a key whose
certificate the verifier trusts. Nothing here talks to a TSA; the transport
is `ledger.tsa`.

**What is stamped.** The message is the head in the project's canonical
JSON, UTF-8, no trailing newline:

    {"format":"forecast-ledger/head/1","root":"<64 lowercase hex>","size":<N>}

and the TSA receives its SHA-256 (the request's messageImprint). The
ledger's own clock reading is left out: the TSA's genTime is the time that
counts. Any tool can rebuild the message from a head's size and root, e.g.
`openssl ts -verify -data message.txt -in token.der -token_in -CAfile ca.pem`.

**Checks.** A reply is stored only if the TSA granted it and the token
names this head's imprint (SHA-256), the request's nonce (no replayed old
token), and a genTime within `CLOCK_SKEW` of when it was asked for. Offline,
a token is checked against the certificate(s) the user trusts: the CMS
signature must chain to them (at genTime), the signer must carry the
critical id-kp-timeStamping usage, and the imprint must match the head.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from rfc3161_client import (
    HashAlgorithm,
    PKIStatus,
    TimeStampRequest,
    TimestampRequestBuilder,
    TimeStampResponse,
    VerificationError,
    VerifierBuilder,
    decode_timestamp_response,
)
from rfc3161_client.verify import SHA256_OID

from ledger.errors import LedgerError
from ledger.proof.documents import HEAD_FORMAT
from ledger.proof.entries import canonical_json

TIMESTAMP_FORMAT = "forecast-ledger/head-timestamp/1"
# How far a TSA's genTime may lie outside [request sent, reply received]:
# clocks disagree a little; a token from another day is no answer to this request.
CLOCK_SKEW = timedelta(minutes=10)
_SHA256 = x509.ObjectIdentifier(SHA256_OID)
_STATUS_WORDS: dict[int, str] = {
    PKIStatus.REJECTION: "rejection",
    PKIStatus.WAITING: "waiting",
    PKIStatus.REVOCATION_WARNING: "revocation warning",
    PKIStatus.REVOCATION_NOTIFICATION: "revocation notification",
}


class TimestampError(LedgerError):
    """A TSA's reply or a stored token that does not prove the head's time."""


class CertificateFileError(ValueError):
    """A --tsa-cert file that holds no usable certificate."""


def head_message(size: int, root: str) -> bytes:
    """The bytes a time-stamp covers (see the module docstring)."""
    return canonical_json({"format": HEAD_FORMAT, "root": root, "size": size}).encode("utf-8")


def head_imprint(size: int, root: str) -> bytes:
    """SHA-256 of `head_message`: the messageImprint sent to the TSA."""
    return hashlib.sha256(head_message(size, root)).digest()


@dataclass(frozen=True)
class Stamp:
    """A checked token for one head: what the ledger stores and a head document carries."""

    size: int
    root: str
    tsa_url: str
    token: bytes  # DER TimeStampToken (RFC 3161 §2.4.2: a CMS ContentInfo)
    gen_time: datetime


# --- asking -------------------------------------------------------------------


def timestamp_request(size: int, root: str) -> TimeStampRequest:
    """A TimeStampReq for the head: SHA-256 imprint, a fresh random nonce, and
    certReq set, so the TSA puts its certificate in the token."""
    return (
        TimestampRequestBuilder()
        .data(head_message(size, root))
        .hash_algorithm(HashAlgorithm.SHA256)
        .nonce(nonce=True)
        .cert_request(cert_request=True)
        .build()
    )


def check_reply(
    request: TimeStampRequest,
    reply: bytes,
    *,
    size: int,
    root: str,
    tsa_url: str,
    sent_at: datetime,
    received_at: datetime,
) -> Stamp:
    """The stamp a TSA's reply gives for the head, or TimestampError saying why not.

    The signature is not checked here (that needs the certificate the user
    trusts: `verify_stamp`); what is checked is that this reply answers this
    request: granted, this head's imprint, this nonce, a genTime of now.
    """
    try:
        response = decode_timestamp_response(reply)
    except ValueError as exc:
        raise TimestampError(
            f"{tsa_url} did not send an RFC 3161 time-stamp reply ({_short(exc)}): "
            "is it a time-stamp authority's URL?"
        ) from None
    status = response.status
    if status not in (PKIStatus.GRANTED, PKIStatus.GRANTED_WITH_MODS):
        said = "; ".join(response.status_string) or "no reason given"
        word = _STATUS_WORDS.get(status, f"status {status}")
        raise TimestampError(f"{tsa_url} refused to time-stamp the head ({word}: {said})")
    try:
        info = response.tst_info
        token = response.time_stamp_token()
    except ValueError as exc:
        raise TimestampError(
            f"{tsa_url} granted a token that cannot be read ({_short(exc)})"
        ) from None
    _check_imprint(info.message_imprint.hash_algorithm, info.message_imprint.message, size, root)
    if info.nonce != request.nonce:
        raise TimestampError(
            f"{tsa_url} answered with another request's nonce: the token is not for this request"
        )
    gen_time = _utc(info.gen_time)
    if not sent_at - CLOCK_SKEW <= gen_time <= received_at + CLOCK_SKEW:
        raise TimestampError(
            f"{tsa_url} dated its token {gen_time:%Y-%m-%d %H:%M:%S} UTC, this machine says "
            f"{received_at:%Y-%m-%d %H:%M:%S} UTC: not stored (check this machine's clock)"
        )
    return Stamp(size, root, tsa_url, token, gen_time)


def _check_imprint(algorithm: x509.ObjectIdentifier, message: bytes, size: int, root: str) -> None:
    if algorithm != _SHA256:
        raise TimestampError(
            f"the token's imprint is not a SHA-256 hash (algorithm {algorithm.dotted_string})"
        )
    if message != head_imprint(size, root):
        raise TimestampError(
            f"the token's imprint {message.hex()} is not the head's "
            f"(size {size}, root {root}): the token is for other bytes"
        )


# --- checking a token offline ---------------------------------------------------


@dataclass(frozen=True)
class CheckedStamp:
    """What a verified token says: when, and who signed."""

    gen_time: datetime
    signer: str
    policy: str
    serial_number: int


def load_certificates(pem: bytes) -> list[x509.Certificate]:
    """Every certificate in a PEM file (a root, or a chain), or CertificateFileError."""
    try:
        certificates = x509.load_pem_x509_certificates(pem)
    except ValueError:
        raise CertificateFileError(
            "holds no PEM certificate (-----BEGIN CERTIFICATE-----): give the TSA's CA "
            "certificate in PEM form"
        ) from None
    return certificates


def verify_stamp(
    token: bytes, size: int, root: str, trusted: Sequence[x509.Certificate]
) -> CheckedStamp:
    """Check a stored token against the head and the certificates the user trusts;
    TimestampError names the first thing that fails.

    `trusted` is the TSA's root (and any intermediates): the CMS signature
    must chain to one of them, valid at genTime. A token without an embedded
    signer certificate is checked against a trusted certificate that has the
    time-stamping usage.
    """
    response = _as_response(token)
    try:
        info = response.tst_info
    except ValueError as exc:
        raise TimestampError(f"the token cannot be read ({_short(exc)})") from None
    _check_imprint(info.message_imprint.hash_algorithm, info.message_imprint.message, size, root)
    builder = VerifierBuilder()
    for certificate in trusted:
        builder = builder.add_root_certificate(certificate)
    if not response.signed_data.certificates:
        signer = _time_stamping_certificate(trusted)
        if signer is not None:
            builder = builder.tsa_certificate(signer)
    try:
        builder.build().verify(response, head_imprint(size, root))
    except VerificationError as exc:
        raise TimestampError(f"the token's signature does not check: {_reason(exc)}") from None
    return CheckedStamp(
        gen_time=_utc(info.gen_time),
        signer=_signer_name(response, trusted),
        policy=info.policy.dotted_string,
        serial_number=info.serial_number,
    )


def check_token_imprint(token: bytes, size: int, root: str) -> datetime:
    """The genTime of a token that names the head's imprint; TimestampError if it
    does not. No signature check: for a ledger's own stored tokens, whose
    signer the ledger cannot vouch for (`verify_stamp` does that)."""
    response = _as_response(token)
    try:
        info = response.tst_info
    except ValueError as exc:
        raise TimestampError(f"the token cannot be read ({_short(exc)})") from None
    _check_imprint(info.message_imprint.hash_algorithm, info.message_imprint.message, size, root)
    return _utc(info.gen_time)


def _as_response(token: bytes) -> TimeStampResponse:
    """A stored TimeStampToken wrapped as a granted TimeStampResp, the shape the
    verifier reads: SEQUENCE { PKIStatusInfo { status 0 }, token }."""
    status = b"\x30\x03\x02\x01\x00"
    body = status + token
    try:
        return decode_timestamp_response(b"\x30" + _der_length(len(body)) + body)
    except ValueError as exc:
        raise TimestampError(
            f"the token is not an RFC 3161 time-stamp token ({_short(exc)})"
        ) from None


def _der_length(length: int) -> bytes:
    if length < 0x80:
        return bytes([length])
    digits = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(digits)]) + digits


def _time_stamping_certificate(trusted: Sequence[x509.Certificate]) -> x509.Certificate | None:
    for certificate in trusted:
        try:
            usage = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage)
        except x509.ExtensionNotFound:
            continue
        if x509.ExtendedKeyUsageOID.TIME_STAMPING in usage.value:
            return certificate
    return None


def _signer_name(response: TimeStampResponse, trusted: Sequence[x509.Certificate]) -> str:
    signers = list(response.signed_data.signer_infos)
    embedded = [x509.load_der_x509_certificate(c) for c in response.signed_data.certificates]
    for certificate in [*embedded, *trusted]:
        for signer in signers:
            if (certificate.issuer, certificate.serial_number) == (
                signer.issuer,
                signer.serial_number,
            ):
                return certificate.subject.rfc4514_string()
    return signers[0].issuer.rfc4514_string() if signers else "an unnamed signer"


_OPENSSL_REASONS = {
    "unable to get local issuer certificate": (
        "it does not chain to the certificate given (--tsa-cert): is it this TSA's CA?"
    ),
    "self-signed certificate in certificate chain": (
        "it does not chain to the certificate given (--tsa-cert): is it this TSA's CA?"
    ),
    "unsuitable certificate purpose": (
        "the signer's certificate is not for time-stamping (no id-kp-timeStamping usage)"
    ),
    "certificate has expired": "the TSA's certificate had expired at the token's genTime",
    "certificate is not yet valid": (
        "the TSA's certificate was not yet valid at the token's genTime"
    ),
    "signature failure": "the signature does not match the token's content (altered)",
    "digest failure": "the signature does not match the token's content (altered)",
}


def _reason(exc: Exception) -> str:
    """OpenSSL's verdict (inside rfc3161-client's message) in words a user can act on."""
    text = str(exc)
    for needle, reason in _OPENSSL_REASONS.items():
        if needle in text:
            return reason
    said = re.search(r'Verify error: ([^"]+)"', text) or re.search(r'reason: "([^"]+)"', text)
    return said.group(1) if said else _short(exc)


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:160] + ("..." if len(text) > 160 else "")


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


# --- the head document ------------------------------------------------------------


def stamp_json(stamp: Stamp) -> dict[str, Any]:
    """A stamp as the `timestamp` member of a head's JSON."""
    return {
        "format": TIMESTAMP_FORMAT,
        "tsa": stamp.tsa_url,
        "gen_time": stamp.gen_time.isoformat(),
        "token": base64.b64encode(stamp.token).decode("ascii"),
    }


def certificate_pem(certificate: x509.Certificate) -> str:
    return certificate.public_bytes(Encoding.PEM).decode("ascii")


def parse_stamped_head(document: Any) -> Stamp:
    """The stamp a head document carries (`forecast head --timestamp --json`);
    ValueError (its message for the user) when it has none or a malformed one."""
    if not isinstance(document, Mapping):
        raise ValueError("not a head: expected the JSON 'forecast head --timestamp --json' prints")
    stamp = document.get("timestamp")
    if not isinstance(stamp, Mapping):
        raise ValueError(
            "the head carries no timestamp: make one with 'forecast head --timestamp --json'"
        )
    if stamp.get("format") != TIMESTAMP_FORMAT:
        raise ValueError(f'the timestamp is not "format": "{TIMESTAMP_FORMAT}"')
    try:
        size = int(document["size"])
        root = str(document["root"]).lower()
        token = base64.b64decode(str(stamp["token"]), validate=True)
        gen_time = datetime.fromisoformat(str(stamp["gen_time"]).replace("Z", "+00:00"))
        tsa_url = str(stamp.get("tsa", ""))
    except (KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise ValueError(
            "a timestamped head needs size, root and timestamp.token (base64), "
            "timestamp.gen_time (ISO time)"
        ) from exc
    return Stamp(size, root, tsa_url, token, _utc(gen_time))
