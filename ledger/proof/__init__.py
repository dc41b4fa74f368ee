"""Proving the record: the log's canonical entries and the Merkle tree over them.

Pure functions on bytes and plain data (the domain): the store writes and reads
the log, the CLI prints heads and proofs.
"""
