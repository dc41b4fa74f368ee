"""What a third party checks: tree heads, inclusion proofs, an exported log.

A *head* is the tree size and root (hex) at a moment; published, it pins the
ledger: any later head must be a consistent extension of it.

An *inclusion proof* document (`forecast prove ID`) is JSON:

    {"format": "forecast-ledger/inclusion-proof/1",
     "tree_size": 1234, "root": "<64 hex>",
     "entries": [{"index": 17, "entry": "<canonical entry text>",
                  "audit_path": ["<64 hex>", ...]}, ...]}

To check it in any language: for each entry, leaf = SHA-256(0x00 || UTF-8
bytes of `entry`); walk `audit_path` with the RFC 9162 §2.1.3.2 algorithm
(fn = index, sn = tree_size - 1, r = leaf; for each p: if fn is odd or
fn == sn, r = SHA-256(0x01 || p || r) and, if fn was even, shift fn and sn
right until fn is odd or 0; else r = SHA-256(0x01 || r || p); then shift fn
and sn right once); accept if sn == 0 and r == root. `entry` is the logged
JSON itself: read it to see what was recorded.

An exported ledger (`forecast export`, YAML or JSON) carries `log:` with
`tree_size`, `root` and every entry's text in order; `check_export` rebuilds
the tree from the entries, replays them, and compares the exported claims.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from ledger.proof.entries import plain
from ledger.proof.merkle import (
    HASH_SIZE,
    LEAF_PREFIX,
    MerkleTree,
    leaf_hash,
    verify_inclusion,
)
from ledger.proof.replay import LedgerState, replay

PROOF_FORMAT = "forecast-ledger/inclusion-proof/1"
HEAD_FORMAT = "forecast-ledger/head/1"
_HEX = re.compile(r"^[0-9a-f]{64}$")


class DocumentError(ValueError):
    """A head, proof or export that cannot be read as one."""


# --- heads -------------------------------------------------------------------


def head_line(size: int, root: str, at: datetime) -> str:
    """The short published form: one line, easy to paste into a post or a commit."""
    return f"forecast-ledger head size={size} root={root} time={plain(at)}"


def parse_head(text: str) -> tuple[int, str]:
    """(size, root) from a published head: the short line, its JSON, or `SIZE:ROOT`."""
    text = text.strip()
    if text.startswith("{"):
        try:
            data = json.loads(text)
            size, root = int(data["size"]), str(data["root"]).lower()
        except (ValueError, KeyError, TypeError) as exc:
            raise DocumentError('a JSON head needs "size" and "root"') from exc
    else:
        sized = re.search(r"size=(\d+)", text)
        rooted = re.search(r"root=([0-9a-fA-F]+)", text)
        if sized and rooted:
            size, root = int(sized.group(1)), rooted.group(1).lower()
        elif re.fullmatch(r"\d+:[0-9a-fA-F]+", text):
            left, right = text.split(":")
            size, root = int(left), right.lower()
        else:
            raise DocumentError(
                "not a head: give the line 'forecast head' printed (size=N root=HEX), "
                "its --json, or SIZE:ROOT"
            )
    if not _HEX.match(root):
        raise DocumentError(f"root {root!r} is not 64 hex digits")
    return size, root


# --- inclusion proofs --------------------------------------------------------


def inclusion_document(tree: MerkleTree, entries: Sequence[tuple[int, str]]) -> dict[str, Any]:
    """A proof that each (index, entry text) is in `tree`."""
    return {
        "format": PROOF_FORMAT,
        "tree_size": tree.size,
        "root": tree.root.hex(),
        "entries": [
            {
                "index": index,
                "entry": text,
                "audit_path": [p.hex() for p in tree.inclusion_proof(index)],
            }
            for index, text in entries
        ],
    }


def check_inclusion_document(document: Any) -> list[str]:
    """Problems with a proof document (empty: every entry is in the tree it names)."""
    if not isinstance(document, Mapping) or document.get("format") != PROOF_FORMAT:
        return [f'not an inclusion proof: expected "format": "{PROOF_FORMAT}"']
    try:
        size = int(document["tree_size"])
        root = bytes.fromhex(document["root"])
        items = list(document["entries"])
    except (KeyError, TypeError, ValueError):
        return ["the proof needs tree_size, a hex root and a list of entries"]
    if len(root) != HASH_SIZE:
        return ["the root is not a SHA-256 hash (64 hex digits)"]
    if not items:
        return ["the proof has no entries"]
    problems = []
    for position, item in enumerate(items):
        try:
            index = int(item["index"])
            text = item["entry"]
            path = [bytes.fromhex(p) for p in item["audit_path"]]
            leaf = leaf_hash(text.encode("utf-8"))
        except (KeyError, TypeError, ValueError, AttributeError):
            problems.append(f"entry {position}: needs index, entry text and a hex audit_path")
            continue
        if not verify_inclusion(index, size, leaf, path, root):
            problems.append(
                f"entry {position} (index {index}): not in the tree of size {size} "
                f"with root {root.hex()}"
            )
    return problems


# --- a log's own integrity -----------------------------------------------------


def check_leaves(
    seqs: Sequence[int], texts: Sequence[str], stored_hashes: Sequence[str | None]
) -> tuple[list[str], list[bytes]]:
    """Problems with the log's numbering and stored leaf hashes, and the leaf
    hashes recomputed from the texts (what the tree is built from)."""
    sha256 = hashlib.sha256
    hashes = [sha256(LEAF_PREFIX + text.encode("utf-8")).digest() for text in texts]
    problems: list[str] = []
    if list(seqs) != list(range(len(seqs))):
        for position, seq in enumerate(seqs):
            if seq != position:
                problems.append(
                    f"log entry {position}: missing (the log jumps to entry {seq})"
                    if seq > position
                    else f"log entry {seq}: out of order at position {position}"
                )
    if any(h is not None for h in stored_hashes):
        computed = [h.hex() for h in hashes]
        if computed != list(stored_hashes):
            problems += [
                f"log entry {seq}: its leaf hash does not match its text (edited)"
                for seq, stored, mine in zip(seqs, stored_hashes, computed, strict=True)
                if stored is not None and stored != mine
            ]
    return problems, hashes


def parse_entries(
    seqs: Sequence[int], texts: Sequence[str]
) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    """Problems with entries that are not JSON objects, and the parsed (seq, entry) pairs."""
    problems: list[str] = []
    parsed: list[tuple[int, dict[str, Any]]] = []
    for seq, text in zip(seqs, texts, strict=True):
        try:
            entry = json.loads(text)
        except ValueError:
            problems.append(f"log entry {seq}: not JSON")
            continue
        if not isinstance(entry, dict):
            problems.append(f"log entry {seq}: not a JSON object")
            continue
        parsed.append((seq, entry))
    return problems, parsed


def check_entries(
    rows: Sequence[tuple[int, str, str | None]],
) -> tuple[list[str], list[tuple[int, dict[str, Any]]], list[bytes]]:
    """Problems with stored (seq, entry text, leaf hash) rows, the parsed entries,
    and the leaf hashes recomputed from the texts (what the tree is built from)."""
    seqs = [row[0] for row in rows]
    texts = [row[1] for row in rows]
    problems, hashes = check_leaves(seqs, texts, [row[2] for row in rows])
    unparsed, parsed = parse_entries(seqs, texts)
    return problems + unparsed, parsed, hashes


# --- exported ledgers ----------------------------------------------------------


def _moment(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return plain(datetime.fromisoformat(value.replace("Z", "+00:00")))
        except ValueError:
            return value
    return plain(value) if isinstance(value, datetime) else value


def _day(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _number(value: Any) -> Any:
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _logged_view(state: LedgerState, claim_id: int) -> dict[str, Any]:
    claim = state.claims[claim_id]
    f = claim.fields
    history = sorted((rid, r) for rid, r in state.resolutions.items() if r.claim_id == claim_id)
    return {
        "source": claim.source,
        "symbol": f.get("symbol"),
        "kind": f.get("kind"),
        "made_on": f.get("made_on"),
        "window_start": f.get("window_start"),
        "deadline": f.get("deadline"),
        "level": f.get("level") if f.get("relative_kind") is None else None,
        "probability": f.get("probability"),
        "text": f.get("text"),
        "url": f.get("url"),
        "quote": f.get("quote"),
        "tags": sorted(claim.tags),
        "created_at": f.get("created_at"),
        "void_reason": claim.void_reason,
        "resolutions": [
            [
                r.fields.get("outcome"),
                r.fields.get("method"),
                r.fields.get("evidence_date"),
                r.fields.get("evidence_price"),
                r.fields.get("created_at"),
                r.current,
            ]
            for _, r in history
        ],
    }


def _level_number(claim: Mapping[str, Any]) -> Any:
    """The claim's level as a number: a computed level's YAML `level` is its rule
    (`support(60d,pivot3)`) and the number logged for it is `level_value`."""
    level = claim.get("level")
    return claim.get("level_value") if isinstance(level, str) else level


def _exported_view(claim: Mapping[str, Any], relative: bool) -> dict[str, Any]:
    resolutions = claim.get("resolutions") or []
    return {
        "source": claim.get("source"),
        "symbol": claim.get("symbol"),
        "kind": claim.get("kind"),
        "made_on": _day(claim.get("made_on")),
        "window_start": _day(claim.get("window_start", claim.get("start"))),
        "deadline": _day(claim.get("deadline")),
        "level": None if relative else _number(_level_number(claim)),
        "probability": _number(claim.get("probability")),
        "text": claim.get("text"),
        "url": claim.get("url"),
        "quote": claim.get("quote"),
        "tags": sorted(claim.get("tags") or []),
        "created_at": _moment(claim.get("created_at")),
        "void_reason": claim.get("void_reason"),
        "resolutions": [
            [
                r.get("outcome"),
                r.get("method"),
                _day(r.get("evidence_date")),
                _number(r.get("evidence_price")),
                _moment(r.get("created_at")),
                bool(r.get("is_current", False)),
            ]
            for r in resolutions
        ],
    }


def check_export(document: Any) -> tuple[list[str], int, str]:
    """Problems with an exported ledger, and the tree size and root its log gives."""
    if not isinstance(document, Mapping) or not isinstance(document.get("log"), Mapping):
        raise DocumentError(
            "no 'log:' section: export the ledger with this version of forecast-ledger"
        )
    log = document["log"]
    texts = log.get("entries") or []
    if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
        raise DocumentError("'log: entries' must be a list of entry texts")
    problems, parsed, hashes = check_entries([(i, t, None) for i, t in enumerate(texts)])
    tree = MerkleTree(hashes)
    root = tree.root.hex()
    if log.get("tree_size") != len(texts) or log.get("root") != root:
        problems.append(
            f"the log's head says size {log.get('tree_size')} root {log.get('root')}, "
            f"its entries give size {len(texts)} root {root}"
        )
    replayed = replay(parsed)
    problems += replayed.problems
    state = replayed.state
    claims = document.get("claims", document.get("predictions")) or []
    logged_ids = sorted(state.claims)
    if "claims" in document:  # JSON: claims carry their ids
        by_id = {c.get("id"): c for c in claims if isinstance(c, Mapping)}
        pairs = [(i, by_id.get(i)) for i in logged_ids]
        for extra in sorted(set(by_id) - set(logged_ids), key=str):
            problems.append(f"claim {extra}: in the export, not in the log")
    else:  # YAML: claims in id order
        pairs = list(zip(logged_ids, claims, strict=False))
        if len(claims) != len(logged_ids):
            problems.append(
                f"the export lists {len(claims)} claims, its log records {len(logged_ids)}"
            )
    for claim_id, exported in pairs:
        if exported is None:
            problems.append(f"claim {claim_id}: logged, missing from the export")
            continue
        relative = state.claims[claim_id].fields.get("relative_kind") is not None
        want, have = _logged_view(state, claim_id), _exported_view(exported, relative)
        if "status" in exported:  # JSON carries the status; YAML only the void reason
            want["status"], have["status"] = state.claims[claim_id].status, exported["status"]
        for name in want:
            if want[name] != have[name]:
                problems.append(
                    f"claim {claim_id}: {name} is {have[name]!r} in the export, "
                    f"{want[name]!r} in the log"
                )
    return problems, len(texts), root
