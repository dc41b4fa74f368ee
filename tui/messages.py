"""Messages workers post back to the UI thread."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from ledger.records import ClaimRecord


@dataclass
class ClaimsLoaded(Message):
    claims: list[ClaimRecord]


@dataclass
class LoadFailed(Message):
    error: str
