"""Moving claims in and out of the ledger: YAML import, YAML/CSV/JSON export."""

# The largest import file `forecast import` reads by default, in bytes (about
# 1.5 million entries); anything bigger is refused before it is parsed. Here,
# not in the reader, so the CLI can show it in --help without importing YAML.
MAX_IMPORT_BYTES = 200_000_000
