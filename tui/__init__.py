"""The forecast-ledger terminal UI (Textual)."""
