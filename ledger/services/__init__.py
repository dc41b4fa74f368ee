"""The application layer: work that joins the store, the market data and the rules.

The run-level modules that came before it (`resolver.py`, `scoreboard.py`,
...) still sit at the top of `ledger/`; new ones start here.
"""
