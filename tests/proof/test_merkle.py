"""The RFC 6962 core against published vectors, and by property.

Vectors: transparency-dev/merkle (the Go library Certificate Transparency's
logs use), testonly/constants.go (leaf inputs, node and root hashes of the
8-leaf tree) and proof/verify_test.go (inclusion and consistency proofs; leaf
numbers there are 1-based).
"""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.proof.merkle import (
    EMPTY_ROOT,
    Frontier,
    MerkleTree,
    leaf_hash,
    node_hash,
    tree_root,
    verify_consistency,
    verify_inclusion,
)

LEAVES = [
    bytes.fromhex(h)
    for h in (
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    )
]
ROOTS = [
    bytes.fromhex(h)
    for h in (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    )
]
LEAF_HASHES = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
    "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
    "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
    "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
]
# (1-based leaf, tree size, proof)
INCLUSION = [
    (1, 1, []),
    (
        1,
        8,
        [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        6,
        8,
        [
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (3, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    (
        2,
        5,
        [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
]
CONSISTENCY = [
    (1, 1, []),
    (
        1,
        8,
        [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        6,
        8,
        [
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (
        2,
        5,
        [
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
    (
        6,
        7,
        [
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
]
HASHES = [leaf_hash(leaf) for leaf in LEAVES]


def test_leaf_hashes_match_the_vectors() -> None:
    assert [h.hex() for h in HASHES] == LEAF_HASHES


@pytest.mark.parametrize("size", range(9), ids=lambda s: f"size-{s}")
def test_roots_match_the_vectors(size: int) -> None:
    assert tree_root(HASHES[:size]) == ROOTS[size]
    assert MerkleTree(HASHES[:size]).root == ROOTS[size]
    assert Frontier.of(HASHES[:size]).root == ROOTS[size]


@pytest.mark.parametrize(("leaf", "size", "proof"), INCLUSION, ids=lambda v: str(v)[:12])
def test_inclusion_proofs_match_the_vectors(leaf: int, size: int, proof: list[str]) -> None:
    tree = MerkleTree(HASHES)
    made = tree.inclusion_proof(leaf - 1, size)
    assert [p.hex() for p in made] == proof
    assert verify_inclusion(leaf - 1, size, HASHES[leaf - 1], made, ROOTS[size])


@pytest.mark.parametrize(("old", "size", "proof"), CONSISTENCY, ids=lambda v: str(v)[:12])
def test_consistency_proofs_match_the_vectors(old: int, size: int, proof: list[str]) -> None:
    tree = MerkleTree(HASHES)
    made = tree.consistency_proof(old, size)
    assert [p.hex() for p in made] == proof
    assert verify_consistency(old, size, ROOTS[old], ROOTS[size], made)


def test_consistency_edge_cases_follow_the_reference() -> None:
    some, other = b"a" * 32, b"b" * 32
    assert verify_consistency(0, 0, some, some, [])
    assert verify_consistency(0, 1, some, other, [])
    assert not verify_consistency(1, 1, some, other, [])
    assert not verify_consistency(2, 1, some, other, [])
    assert not verify_consistency(1, 2, some, other, [])
    assert not verify_consistency(1, 1, EMPTY_ROOT, EMPTY_ROOT, [EMPTY_ROOT])


def test_a_leaf_cannot_pass_for_a_node() -> None:
    """Domain separation: the hash of two leaf hashes as one entry is no node."""
    a, b = leaf_hash(b"a"), leaf_hash(b"b")
    assert leaf_hash(a + b) != node_hash(a, b)


def _naive_root(hashes: list[bytes]) -> bytes:
    """RFC 6962's recursive definition, as an oracle for the level-by-level code."""
    if not hashes:
        return hashlib.sha256(b"").digest()
    if len(hashes) == 1:
        return hashes[0]
    k = 1
    while k * 2 < len(hashes):
        k *= 2
    return node_hash(_naive_root(hashes[:k]), _naive_root(hashes[k:]))


def _tree(size: int) -> list[bytes]:
    return [leaf_hash(i.to_bytes(4, "big")) for i in range(size)]


@settings(max_examples=150, deadline=None)
@given(size=st.integers(1, 300), data=st.data())
def test_every_inclusion_proof_verifies_and_a_changed_one_fails(size: int, data) -> None:
    hashes = _tree(size)
    tree = MerkleTree(hashes)
    assert tree.root == _naive_root(hashes)
    index = data.draw(st.integers(0, size - 1))
    proof = tree.inclusion_proof(index)
    assert verify_inclusion(index, size, hashes[index], proof, tree.root)
    assert not verify_inclusion(index, size, leaf_hash(b"forged"), proof, tree.root)
    assert not verify_inclusion(index, size * 2, hashes[index], proof, tree.root)
    if size > 1:
        assert not verify_inclusion((index + 1) % size, size, hashes[index], proof, tree.root)
        at = data.draw(st.integers(0, len(proof) - 1))
        bent = list(proof)
        bent[at] = bytes([bent[at][0] ^ 1]) + bent[at][1:]
        assert not verify_inclusion(index, size, hashes[index], bent, tree.root)
        assert not verify_inclusion(index, size, hashes[index], proof[:-1], tree.root)


@settings(max_examples=150, deadline=None)
@given(size=st.integers(1, 300), data=st.data())
def test_every_consistency_proof_verifies_and_a_forgery_fails(size: int, data) -> None:
    hashes = _tree(size)
    tree = MerkleTree(hashes)
    old = data.draw(st.integers(1, size))
    old_root = _naive_root(hashes[:old])
    proof = tree.consistency_proof(old)
    assert verify_consistency(old, size, old_root, tree.root, proof)
    if old < size:
        changed = data.draw(st.integers(0, old - 1))
        forged = list(hashes)
        forged[changed] = leaf_hash(b"rewritten")
        forged_tree = MerkleTree(forged)
        assert not verify_consistency(
            old, size, old_root, forged_tree.root, forged_tree.consistency_proof(old)
        )
        at = data.draw(st.integers(0, len(proof) - 1))
        bent = list(proof)
        bent[at] = bytes([bent[at][0] ^ 1]) + bent[at][1:]
        assert not verify_consistency(old, size, old_root, tree.root, bent)
        assert not verify_consistency(old, size * 2, old_root, tree.root, proof)


@settings(max_examples=100, deadline=None)
@given(sizes=st.lists(st.integers(0, 40), min_size=1, max_size=6))
def test_frontier_appends_equal_the_whole_tree(sizes: list[int]) -> None:
    hashes = _tree(sum(sizes))
    frontier = Frontier.empty()
    done = 0
    for step in sizes:
        frontier = frontier.extend(hashes[done : done + step])
        done += step
        assert frontier.root == _naive_root(hashes[:done])
        assert frontier.size == done
        one_by_one = Frontier.empty()
        for leaf in hashes[:done]:  # a leaf at a time: the frontier's own subtrees, the same
            one_by_one = one_by_one.extend([leaf])
        assert frontier.hashes == one_by_one.hashes


@pytest.mark.parametrize("size", range(9), ids=lambda s: f"size-{s}")
def test_an_earlier_root_is_recovered_from_a_larger_tree(size: int) -> None:
    assert MerkleTree(HASHES).subtree_root(size) == ROOTS[size]
