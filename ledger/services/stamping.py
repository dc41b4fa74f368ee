"""Time-stamping the ledger's head by a TSA, and checking stored and published stamps.

`stamp_head` reads the current head, asks the TSA (no database session is
open while it waits), checks the reply, and only then stores the token, in
a transaction of its own: a failure at any step stores nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from cryptography import x509
from sqlalchemy.engine import Engine
from sqlmodel import Session

from ledger.proof.merkle import Frontier
from ledger.proof.timestamp import (
    Stamp,
    TimestampError,
    check_reply,
    check_token_imprint,
    timestamp_request,
    verify_stamp,
)
from ledger.store.prooflog import Head, read_head
from ledger.store.timestamps import save_stamp, stored_stamps
from ledger.tsa import DEFAULT_TIMEOUT, post_query


def stamp_head(
    engine: Engine,
    tsa_url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    trusted: Sequence[x509.Certificate] = (),
) -> tuple[Head, Stamp]:
    """Have the TSA at `tsa_url` stamp the current head; store the token and return
    the head it covers (the ledger may grow meanwhile) with it.

    With `trusted` certificates the token's signature is checked against
    them before it is stored; without, the reply is still checked to answer
    this request (imprint, nonce, time), and its signature can be checked
    later, offline, with `verify_stamp`.
    """
    with Session(engine) as session:
        head = read_head(session)
    request = timestamp_request(head.size, head.root)
    sent_at = datetime.now(UTC)
    reply = post_query(tsa_url, request.as_bytes(), timeout=timeout)
    stamp = check_reply(
        request,
        reply,
        size=head.size,
        root=head.root,
        tsa_url=tsa_url,
        sent_at=sent_at,
        received_at=datetime.now(UTC),
    )
    if trusted:
        verify_stamp(stamp.token, stamp.size, stamp.root, trusted)
    with Session(engine) as session, session.begin():
        save_stamp(session, stamp)
    return head, stamp


def head_stamps(engine: Engine, size: int) -> list[Stamp]:
    """The stored tokens of heads of `size` entries."""
    with Session(engine) as session:
        return stored_stamps(session, size)


def check_stored_stamps(session: Session, leaf_hashes: Sequence[bytes]) -> list[str]:
    """Problems with the stored tokens against the log whose leaf hashes are given:
    each stamped head must be a prefix of the log (its first `size` entries give
    its root), and each token must name that head's imprint.

    The signature is not checked (that needs the TSA's certificate, which a
    ledger does not hold): `forecast verify-timestamp` does that offline.
    The prefix roots come from one pass over the leaves, however many stamps.
    """
    stamps = stored_stamps(session)
    prefix_roots = _prefix_roots(leaf_hashes, {s.size for s in stamps})
    problems: list[str] = []
    for number, stamp in enumerate(stamps, start=1):
        what = f"head timestamp {number} (size {stamp.size}, {stamp.gen_time:%Y-%m-%d %H:%M} UTC)"
        prefix = prefix_roots.get(stamp.size)
        if prefix is None:
            problems.append(f"{what}: the log has {len(leaf_hashes)} entries, no head of that size")
            continue
        if prefix != stamp.root:
            problems.append(
                f"{what}: the log's first {stamp.size} entries hash to {prefix}, "
                f"the stamped root is {stamp.root}"
            )
            continue
        try:
            check_token_imprint(stamp.token, stamp.size, stamp.root)
        except TimestampError as exc:
            problems.append(f"{what}: {exc}")
    return problems


def _prefix_roots(leaf_hashes: Sequence[bytes], sizes: set[int]) -> dict[int, str]:
    """The root (hex) of the first `size` leaves, for each size the log reaches."""
    roots: dict[int, str] = {}
    frontier = Frontier.empty()
    for size in sorted(s for s in sizes if 0 <= s <= len(leaf_hashes)):
        frontier = frontier.extend(leaf_hashes[frontier.size : size])
        roots[size] = frontier.root.hex()
    return roots
