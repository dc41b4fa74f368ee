"""The RFC 6962 Merkle tree the ledger's log is committed to.

The rule, as Certificate Transparency states it (RFC 6962 §2.1, kept in RFC
9162 §2.1): a leaf hash is SHA-256(0x00 || entry) and an interior node is
SHA-256(0x01 || left || right); the two prefixes keep a leaf from ever passing
for a node (second-preimage resistance). The tree over n entries splits at the
largest power of two below n, so every tree is a prefix of the next one and
two heads of one log can be shown consistent with a few hashes.

Decisions:
- Written here rather than taken from PyPI: `pymerkle` (7.0) implements RFC
  6962 hashing but stores its tree in its own SQLite/in-memory backends and
  exposes proofs in its own serialized format; the ledger keeps leaves in its
  own table (SQLite or PostgreSQL) and needs the bare RFC algorithms on byte
  strings, which are about 150 lines and are checked here against the
  published transparency-dev/merkle test vectors.
- Whole trees are computed level by level with hashlib (a 100k-entry tree in
  well under a second); proofs reuse those levels, so proving several entries
  of one tree hashes it once.
- Appends never rehash the log: `Frontier` keeps the roots of the perfect
  subtrees that make up the current size (at most log2(n) hashes), from which
  the next root follows.
- Verifiers follow RFC 9162 §2.1.3.2 and §2.1.4.2 literally, plus the size and
  hash-length checks a verifier needs before running them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

HASH_SIZE = 32
LEAF_PREFIX = b"\x00"
NODE_PREFIX = b"\x01"
EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(entry: bytes) -> bytes:
    return hashlib.sha256(LEAF_PREFIX + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(NODE_PREFIX + left + right).digest()


def _split(size: int) -> int:
    """The largest power of two strictly below `size` (size >= 2)."""
    return 1 << ((size - 1).bit_length() - 1)


def _level_above(below: Sequence[bytes]) -> list[bytes]:
    """The level above `below`: pairs hashed, an odd last node rising unpaired,
    which is exactly RFC 6962's split at the largest power of two."""
    sha256 = hashlib.sha256
    pairs = iter(below)
    above = [
        sha256(NODE_PREFIX + left + right).digest()
        for left, right in zip(pairs, pairs, strict=False)
    ]
    if len(below) % 2:
        above.append(below[-1])
    return above


def _levels(leaf_hashes: Sequence[bytes]) -> list[list[bytes]]:
    """Every level of the tree, leaves first."""
    levels = [list(leaf_hashes)]
    while len(levels[-1]) > 1:
        levels.append(_level_above(levels[-1]))
    return levels


def tree_root(leaf_hashes: Sequence[bytes]) -> bytes:
    """MTH of the leaves (given as leaf hashes); the empty tree's is SHA-256 of nothing.
    Level by level, keeping only the level being built (what `verify` needs)."""
    if not leaf_hashes:
        return EMPTY_ROOT
    level: Sequence[bytes] = leaf_hashes
    while len(level) > 1:
        level = _level_above(level)
    return level[0]


class MerkleTree:
    """A tree over a fixed list of leaf hashes, for building proofs."""

    def __init__(self, leaf_hashes: Sequence[bytes]) -> None:
        self.size = len(leaf_hashes)
        self._levels = _levels(leaf_hashes) if leaf_hashes else [[]]

    @property
    def root(self) -> bytes:
        return self._levels[-1][0] if self.size else EMPTY_ROOT

    def _range(self, lo: int, hi: int) -> bytes:
        """MTH of leaves [lo, hi); `lo` is always aligned to the range's split."""
        width = hi - lo
        height = width.bit_length() - 1
        if width == 1 << height and lo % width == 0:
            return self._levels[height][lo >> height]
        k = _split(width)
        return node_hash(self._range(lo, lo + k), self._range(lo + k, hi))

    def subtree_root(self, size: int) -> bytes:
        """The root the tree had at `size` leaves (MTH of the first `size`)."""
        if not 0 <= size <= self.size:
            raise ValueError(f"no tree of size {size} in a tree of size {self.size}")
        return self._range(0, size) if size else EMPTY_ROOT

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        """PATH(index, D[0:size]) of RFC 6962 §2.1.1."""
        size = self.size if size is None else size
        if not 0 <= index < size <= self.size:
            raise ValueError(f"no leaf {index} in a tree of size {size}")
        path: list[bytes] = []
        lo, hi = 0, size
        while hi - lo > 1:
            k = _split(hi - lo)
            if index < lo + k:
                path.append(self._range(lo + k, hi))
                hi = lo + k
            else:
                path.append(self._range(lo, lo + k))
                lo = lo + k
        path.reverse()
        return path

    def consistency_proof(self, old_size: int, size: int | None = None) -> list[bytes]:
        """PROOF(old_size, D[0:size]) of RFC 6962 §2.1.2."""
        size = self.size if size is None else size
        if not 0 <= old_size <= size <= self.size:
            raise ValueError(f"no consistency proof from size {old_size} to {size}")
        if old_size in (0, size):
            return []
        path: list[bytes] = []
        lo, hi, m, whole = 0, size, old_size, True
        while m != hi:
            k = _split(hi - lo)
            if m - lo <= k:
                path.append(self._range(lo + k, hi))
                hi = lo + k
            else:
                path.append(self._range(lo, lo + k))
                lo, whole = lo + k, False
        if not whole:
            path.append(self._range(lo, hi))
        path.reverse()
        return path


def verify_inclusion(
    index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes
) -> bool:
    """RFC 9162 §2.1.3.2: does `proof` put leaf hash `leaf` at `index` under `root`?"""
    if not 0 <= index < size or len(root) != HASH_SIZE or len(leaf) != HASH_SIZE:
        return False
    if any(len(p) != HASH_SIZE for p in proof):
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(
    old_size: int, size: int, old_root: bytes, root: bytes, proof: Sequence[bytes]
) -> bool:
    """RFC 9162 §2.1.4.2: is the tree (`size`, `root`) an extension of (`old_size`, `old_root`)?"""
    if not 0 <= old_size <= size or any(len(p) != HASH_SIZE for p in proof):
        return False
    if len(root) != HASH_SIZE or len(old_root) != HASH_SIZE:
        return False
    if old_size == size:
        return not proof and old_root == root
    if old_size == 0:
        return not proof
    if not proof:
        return False
    path = list(proof)
    if old_size & (old_size - 1) == 0:
        path.insert(0, old_root)
    fn, sn = old_size - 1, size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == old_root and sr == root


@dataclass(frozen=True)
class Frontier:
    """The roots of the perfect subtrees that make up a tree of `size` leaves,
    largest first (one per set bit of `size`): all an append needs."""

    size: int
    hashes: tuple[bytes, ...]

    @classmethod
    def empty(cls) -> Frontier:
        return cls(0, ())

    def extend(self, leaf_hashes: Sequence[bytes]) -> Frontier:
        """The frontier after appending `leaf_hashes`.

        The leaves go in as whole perfect subtrees, each the largest that
        lands on a boundary of the tree so far (no larger than its smallest
        subtree) and that the leaves left fill, hashed a level at a time: an
        import appends 100k leaves, and a leaf at a time cost a Python loop
        of stack work per node."""
        stack = list(self.hashes)
        heights = [h for h in range(self.size.bit_length() - 1, -1, -1) if self.size >> h & 1]
        size, done, total = self.size, 0, len(leaf_hashes)
        while done < total:
            room = size & -size if size else total - done  # the smallest subtree's leaves
            chunk = 1 << (min(room, total - done).bit_length() - 1)
            level = list(leaf_hashes[done : done + chunk])
            height = 0
            while len(level) > 1:
                level = _level_above(level)
                height += 1
            stack.append(level[0])
            heights.append(height)
            while len(heights) > 1 and heights[-1] == heights[-2]:
                right = stack.pop()
                stack[-1] = node_hash(stack[-1], right)
                heights.pop()
                heights[-1] += 1
            size += chunk
            done += chunk
        return Frontier(size, tuple(stack))

    @property
    def root(self) -> bytes:
        if not self.hashes:
            return EMPTY_ROOT
        acc = self.hashes[-1]
        for left in reversed(self.hashes[:-1]):
            acc = node_hash(left, acc)
        return acc

    @classmethod
    def of(cls, leaf_hashes: Sequence[bytes]) -> Frontier:
        """The frontier of a whole tree (used when a log is built or checked)."""
        return cls.empty().extend(leaf_hashes)
