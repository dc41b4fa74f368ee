"""Proving the record: the log's canonical entries, the Merkle tree over them,
and the RFC 3161 time-stamps of its heads (`timestamp`; the TSA is asked by
`ledger.tsa`).

Pure functions on bytes and plain data (the domain): the store writes and reads
the log, the CLI prints heads and proofs.
"""
