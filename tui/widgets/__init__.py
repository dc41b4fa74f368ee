"""Widgets: each gets plain data from its screen and posts messages; none reads the ledger."""
