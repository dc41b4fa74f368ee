"""Storage: engine, tables, migrations and the queries everything else calls."""
