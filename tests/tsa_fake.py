"""A time-stamp authority on 127.0.0.1 for the tests: real RFC 3161 replies,
signed with a throwaway key, so nothing in a test reaches a real TSA.

`TestPki` makes a root CA and a TSA certificate under it (critical extended
key usage id-kp-timeStamping, as RFC 3161 §2.3 requires); `FakeTsa` serves
POSTed TimeStampReq bodies with a TimeStampResp built with asn1crypto and
signed with `cryptography`. Its `mode` makes it misbehave the ways a real
TSA or a man in the middle can: refuse, answer for other bytes or another
nonce, answer HTTP 500 or garbage, or not answer at all.
"""

from __future__ import annotations

import hashlib
import http.server
import secrets
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from asn1crypto import algos, cms, core, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

POLICY = "1.3.6.1.4.1.99999.1"


@dataclass(frozen=True)
class Authority:
    """A key and its certificate."""

    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def make_root(common_name: str = "Test Root CA") -> Authority:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(_name(common_name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Authority(key, cert)


def make_tsa(root: Authority, common_name: str = "Test TSA") -> Authority:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(root.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=90))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root.key.public_key()),
            critical=False,
        )
        .sign(root.key, hashes.SHA256())
    )
    return Authority(key, cert)


@dataclass(frozen=True)
class TestPki:
    """A root, the TSA it certifies, and an unrelated root (the wrong certificate)."""

    __test__ = False  # a helper, not a test class

    root: Authority
    tsa: Authority
    stranger: Authority

    @classmethod
    def make(cls) -> TestPki:
        root = make_root()
        return cls(root, make_tsa(root), make_root("Some Other Root CA"))


def rejection(text: str = "bad request") -> bytes:
    """A TimeStampResp that refuses (PKIStatus rejection, failInfo badRequest): a
    SEQUENCE of the status info alone (asn1crypto's model insists on a token)."""
    status = tsp.PKIStatusInfo(
        {
            "status": "rejection",
            "status_string": [text],
            "fail_info": tsp.PKIFailureInfo({"bad_request"}),
        }
    ).dump()
    return core.Sequence.load(b"\x30" + _der_length(len(status)) + status).dump()


def _der_length(length: int) -> bytes:
    if length < 0x80:
        return bytes([length])
    digits = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(digits)]) + digits


def timestamp_response(
    tsa: Authority,
    request_der: bytes,
    *,
    gen_time: datetime | None = None,
    imprint: bytes | None = None,
    nonce: int | None = None,
    embed_certs: bool = True,
) -> bytes:
    """A granted TimeStampResp for `request_der`, signed by `tsa`; the keywords
    put other values in the signed token (what a faulty TSA would)."""
    request = tsp.TimeStampReq.load(request_der)
    asked = request["message_imprint"]
    hashed = imprint if imprint is not None else asked["hashed_message"].native
    info = tsp.TSTInfo(
        {
            "version": "v1",
            "policy": POLICY,
            "message_imprint": {
                "hash_algorithm": {"algorithm": asked["hash_algorithm"]["algorithm"].native},
                "hashed_message": hashed,
            },
            "serial_number": secrets.randbits(64),
            "gen_time": gen_time or datetime.now(UTC).replace(microsecond=0),
            "accuracy": {"seconds": 1},
            "nonce": nonce if nonce is not None else request["nonce"].native,
        }
    )
    content = info.dump()
    cert_der = tsa.cert.public_bytes(serialization.Encoding.DER)
    signing_cert = tsp.SigningCertificateV2(
        {"certs": [{"cert_hash": hashlib.sha256(cert_der).digest()}]}
    )
    signed_attrs = cms.CMSAttributes(
        [
            {"type": "content_type", "values": ["tst_info"]},
            {"type": "message_digest", "values": [hashlib.sha256(content).digest()]},
            {"type": "signing_certificate_v2", "values": [signing_cert]},
        ]
    )
    signature = tsa.key.sign(signed_attrs.dump(), ec.ECDSA(hashes.SHA256()))
    leaf = asn1_x509.Certificate.load(cert_der)
    signed_data = cms.SignedData(
        {
            "version": "v3",
            "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
            "encap_content_info": {
                "content_type": "tst_info",
                "content": core.ParsableOctetString(content),
            },
            "certificates": [leaf] if embed_certs else None,
            "signer_infos": [
                {
                    "version": "v1",
                    "sid": cms.SignerIdentifier(
                        {
                            "issuer_and_serial_number": {
                                "issuer": leaf.issuer,
                                "serial_number": leaf.serial_number,
                            }
                        }
                    ),
                    "digest_algorithm": {"algorithm": "sha256"},
                    "signed_attrs": signed_attrs,
                    "signature_algorithm": {"algorithm": "sha256_ecdsa"},
                    "signature": signature,
                }
            ],
        }
    )
    if not embed_certs:
        del signed_data["certificates"]
    token = cms.ContentInfo({"content_type": "signed_data", "content": signed_data})
    return tsp.TimeStampResp({"status": {"status": "granted"}, "time_stamp_token": token}).dump()


@dataclass
class FakeTsa:
    """What the fake serves; tests change `mode` between calls.

    modes: "ok", "reject", "wrong-imprint", "wrong-nonce", "old" (a genTime a
    day old), "http-500", "garbage", "silent" (reads the request, never answers).
    """

    pki: TestPki
    url: str = ""
    mode: str = "ok"
    requests: list[bytes] = field(default_factory=list)
    released: threading.Event = field(default_factory=threading.Event)

    def reply(self, body: bytes) -> tuple[int, bytes]:
        tsa = self.pki.tsa
        if self.mode == "reject":
            return 200, rejection("this TSA does not stamp SHA-256 imprints today")
        if self.mode == "wrong-imprint":
            return 200, timestamp_response(tsa, body, imprint=hashlib.sha256(b"other").digest())
        if self.mode == "wrong-nonce":
            return 200, timestamp_response(tsa, body, nonce=12345)
        if self.mode == "old":
            return 200, timestamp_response(tsa, body, gen_time=datetime.now(UTC) - timedelta(1))
        if self.mode == "http-500":
            return 500, b"internal error"
        if self.mode == "garbage":
            return 200, b"<html>not a time-stamp reply</html>"
        return 200, timestamp_response(tsa, body)


def _handler(fake: FakeTsa) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            fake.requests.append(body)
            if fake.mode == "silent":
                fake.released.wait(10)
                return
            status, payload = fake.reply(body)
            self.send_response(status)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def fake_tsa(pki: TestPki) -> Iterator[FakeTsa]:
    """A FakeTsa served on 127.0.0.1 in a thread for the duration of the block."""
    fake = FakeTsa(pki)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}/tsr"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake.released.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def refused_url() -> str:
    """A URL on a free local port, where nothing listens: connection refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/tsr"
