"""Moving claims in and out of the ledger: YAML import, YAML/CSV/JSON export."""
