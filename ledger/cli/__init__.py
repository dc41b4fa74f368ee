"""The `forecast` command: thin commands that parse, call the core, and render."""
