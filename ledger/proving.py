"""Proving the record: verify a ledger against its log, publish its head,
prove a claim's entries, check a published head or an exported file.

The application layer between the store (which reads the log and the tables)
and the pure proof code (`ledger.proof`): no rendering, no exits.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session

from ledger.errors import LedgerError, NotFoundError
from ledger.proof.documents import check_leaves, inclusion_document, parse_entries
from ledger.proof.entries import CLAIM, FILLED, RESOLUTION, STATUS
from ledger.proof.merkle import MerkleTree, leaf_hash, tree_root, verify_consistency
from ledger.proof.quick import Tables, agrees, as_state
from ledger.proof.replay import compare, replay
from ledger.services.stamping import check_stored_stamps
from ledger.store.prooflog import (
    Head,
    ledger_columns,
    read_head,
    read_log,
    read_log_with_kinds,
)


@dataclass(frozen=True)
class Verification:
    """The outcome of `verify`: the tree the log gives, and every problem found."""

    size: int
    root: str
    head: Head
    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_ledger(engine: Engine) -> Verification:
    """Recompute every entry's hash and the tree from the log, then every claim,
    resolution, source and alias from the entries, and compare with the tables.

    An honest ledger is shown so by `ledger.proof.quick` without parsing the
    bulk of the log; when it cannot show it, the full replay and comparison
    run and name every difference. Log and tables are read in one session.
    """
    with Session(engine) as session:
        head = read_head(session)
        log = read_log_with_kinds(session)
        seqs = [row[0] for row in log]
        texts = [row[2] for row in log]
        problems, hashes = check_leaves(seqs, texts, [row[3] for row in log])
        root = tree_root(hashes).hex()
        size = len(hashes)
        problems += check_stored_stamps(session, hashes)
        del hashes
        if head.size != size or head.root != root:
            problems.append(
                f"the stored head says size {head.size} root {head.root}, the log's entries "
                f"give size {size} root {root}"
            )
        tables = ledger_columns(session)
    if not problems and agrees(log, tables):
        return Verification(size, root, head)
    del log
    problems += full_comparison(seqs, texts, tables)
    return Verification(size, root, head, tuple(problems))


def full_comparison(seqs: Sequence[int], texts: Sequence[str], tables: Tables) -> list[str]:
    """Every entry parsed and replayed, every difference with the tables named."""
    problems, parsed = parse_entries(seqs, texts)
    replayed = replay(parsed)
    return problems + list(replayed.problems) + compare(replayed.state, as_state(tables))


def check_published_head(engine: Engine, size: int, root: str) -> tuple[list[str], int, str]:
    """Problems if the ledger's log does not extend the published head (size, root)."""
    with Session(engine) as session:
        rows = read_log(session)
    problems: list[str] = []
    tree = MerkleTree([leaf_hash(entry_text.encode("utf-8")) for _, entry_text, _ in rows])
    if size > tree.size:
        problems.append(
            f"the published head has {size} entries, the ledger's log only {tree.size}: "
            "entries were removed"
        )
        return problems, tree.size, tree.root.hex()
    proof = tree.consistency_proof(size)
    if not verify_consistency(size, tree.size, bytes.fromhex(root), tree.root, proof):
        prefix = tree.subtree_root(size).hex()
        problems.append(
            f"the ledger does not extend the published head (size {size}, root {root}): "
            f"its first {size} entries hash to {prefix}"
        )
    return problems, tree.size, tree.root.hex()


def prove_claim(engine: Engine, claim_id: int) -> dict[str, Any]:
    """An inclusion proof of every entry about `claim_id` against the current tree.

    Built from the stored leaf hashes (the tree the head commits to); a log
    whose hashes do not give the stored head is refused, `verify` says why.
    Only entries whose text names the claim are parsed: in canonical form
    the key reads `"claim_id":ID,` exactly.
    """
    with Session(engine) as session:
        head = read_head(session)
        rows = read_log(session)
    tree = MerkleTree([bytes.fromhex(leaf) for _, _, leaf in rows])
    if tree.size != head.size or tree.root.hex() != head.root:
        raise LedgerError(
            "the log does not give the stored head: run 'forecast verify' before proving claims"
        )
    needle = f'"claim_id":{claim_id},'
    wanted = []
    for seq, entry_text, _ in rows:
        if needle in entry_text:
            entry = json.loads(entry_text)
            if entry.get("type") in (CLAIM, RESOLUTION, STATUS, FILLED) and (
                entry.get("claim_id") == claim_id
            ):
                wanted.append((seq, entry_text))
    if not wanted:
        raise NotFoundError(f"claim {claim_id} is not in the log: see 'forecast list'")
    return inclusion_document(tree, wanted)


def head_json(head: Head) -> dict[str, Any]:
    data: dict[str, Any] = {
        "size": head.size,
        "root": head.root,
        "time": head.updated_at.isoformat(),
    }
    if head.backfilled_at is not None:
        data["attested_from"] = {
            "entries_before": head.backfill_size,
            "logged_at": head.backfilled_at.isoformat(),
        }
    return data


def attestation_note(head: Head) -> str | None:
    """What an upgraded ledger's log can and cannot say about its older history."""
    if head.backfilled_at is None:
        return None
    return (
        f"entries 0-{(head.backfill_size or 1) - 1} were logged from the ledger's tables when "
        f"it was upgraded ({head.backfilled_at:%Y-%m-%d %H:%M} UTC): what they record is "
        "attested only from then on"
    )
