"""Triggers that make the database itself refuse to rewrite history.

The rules (each refusal message names its rule):
- `claims-are-not-edited`: an UPDATE may not change a recorded claim's
  defining columns; the fill-once ones (reference price, revision link) may
  go from NULL to a value once. Status, void reason and the resolver's
  bookkeeping stay writable: they are the application's own state changes
  (and are themselves logged).
- `claims-are-not-deleted`, `resolutions-are-history`: no DELETE of claims,
  their tags or resolutions; a resolution's only writable column is
  `is_current`.
- `the-log-is-append-only`: no UPDATE or DELETE of log entries (nor TRUNCATE
  on PostgreSQL).
- `reviews-are-history`: no UPDATE or DELETE of review decisions (accept,
  re-judge on closes): a later decision is a new row.
- `revisions-are-history`: no UPDATE or DELETE of bar revisions (a cached
  bar's values before and after the feed revised it) nor of the flags saying
  which resolutions stood on a revised bar.

The triggers are generated from the column classification in
`ledger.proof.entries`, and `ensure_guards` reinstalls them at open when they
are missing or out of date: a later migration that rebuilds a SQLite table
drops its triggers, and a column another change adds must be guarded too.
These guard against edits through SQL by someone who is not also dropping
triggers; `forecast verify` catches the rest from the log.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ledger.proof.entries import (
    FILL_ONCE_CLAIM_COLUMNS,
    MUTABLE_CLAIM_COLUMNS,
)
from ledger.store.core_tables import prediction, resolution

PREFIX = "ledger_guard_"
RULE_CLAIMS = (
    "forecast-ledger rule claims-are-not-edited: a recorded claim's defining fields cannot "
    "change; void it (forecast void ID --why ...) and record the corrected claim"
)
RULE_CLAIM_DELETE = (
    "forecast-ledger rule claims-are-not-deleted: claims stay in the ledger; void one instead"
)
RULE_RESOLUTIONS = (
    "forecast-ledger rule resolutions-are-history: a resolution cannot be edited or deleted; "
    "add a new one"
)
RULE_LOG = "forecast-ledger rule the-log-is-append-only: log entries cannot change or go"
RULE_REVIEWS = (
    "forecast-ledger rule reviews-are-history: a review decision cannot be edited or deleted; "
    "review the claim again (forecast review)"
)
RULE_REVISIONS = (
    "forecast-ledger rule revisions-are-history: a revised bar's old and new values, and "
    "which verdicts stood on it, cannot be edited or deleted"
)


def _fixed_claim_columns() -> list[str]:
    return [
        c.name
        for c in prediction.columns
        if c.name == "id"
        or (c.name not in MUTABLE_CLAIM_COLUMNS and c.name not in FILL_ONCE_CLAIM_COLUMNS)
    ]


def _fixed_resolution_columns() -> list[str]:
    return [c.name for c in resolution.columns if c.name != "is_current"]


def _quote(message: str) -> str:
    return message.replace("'", "''")


def _sqlite_statements() -> list[str]:
    same = " AND ".join(f"OLD.{c} IS NEW.{c}" for c in _fixed_claim_columns())
    filled = " OR ".join(
        f"(OLD.{c} IS NOT NULL AND OLD.{c} IS NOT NEW.{c})" for c in sorted(FILL_ONCE_CLAIM_COLUMNS)
    )
    same_resolution = " AND ".join(f"OLD.{c} IS NEW.{c}" for c in _fixed_resolution_columns())
    # `UPDATE OF` the guarded columns: a column not in an UPDATE's SET list cannot
    # change, so the check need not run for the resolver's status and bookkeeping
    # updates (100k rows a run; the comparison cost a second per 100k).
    guarded = [*_fixed_claim_columns(), *sorted(FILL_ONCE_CLAIM_COLUMNS)]

    def refuse(name: str, event: str, table: str, message: str, when: str = "") -> str:
        condition = f" WHEN {when}" if when else ""
        return (
            f"CREATE TRIGGER {PREFIX}{name} BEFORE {event} ON {table} FOR EACH ROW{condition} "
            f"BEGIN SELECT RAISE(ABORT, '{_quote(message)}'); END"
        )

    return [
        refuse(
            "claim_update",
            f"UPDATE OF {', '.join(guarded)}",
            "prediction",
            RULE_CLAIMS,
            f"NOT ({same}) OR {filled}",
        ),
        refuse("claim_delete", "DELETE", "prediction", RULE_CLAIM_DELETE),
        refuse("tag_update", "UPDATE", "prediction_tag", RULE_CLAIMS),
        refuse("tag_delete", "DELETE", "prediction_tag", RULE_CLAIM_DELETE),
        refuse(
            "resolution_update",
            "UPDATE",
            "resolution",
            RULE_RESOLUTIONS,
            f"NOT ({same_resolution})",
        ),
        refuse("resolution_delete", "DELETE", "resolution", RULE_RESOLUTIONS),
        refuse("log_update", "UPDATE", "proof_log", RULE_LOG),
        refuse("log_delete", "DELETE", "proof_log", RULE_LOG),
        refuse("review_update", "UPDATE", "review_action", RULE_REVIEWS),
        refuse("review_delete", "DELETE", "review_action", RULE_REVIEWS),
        refuse("bar_revision_update", "UPDATE", "bar_revision", RULE_REVISIONS),
        refuse("bar_revision_delete", "DELETE", "bar_revision", RULE_REVISIONS),
        refuse("resolution_revision_update", "UPDATE", "resolution_revision", RULE_REVISIONS),
        refuse("resolution_revision_delete", "DELETE", "resolution_revision", RULE_REVISIONS),
    ]


def _postgres_statements() -> list[str]:
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in _fixed_claim_columns())
    filled = " OR ".join(
        f"(OLD.{c} IS NOT NULL AND OLD.{c} IS DISTINCT FROM NEW.{c})"
        for c in sorted(FILL_ONCE_CLAIM_COLUMNS)
    )
    changed_resolution = " OR ".join(
        f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in _fixed_resolution_columns()
    )

    def function(name: str, body: str) -> str:
        return (
            f"CREATE OR REPLACE FUNCTION {PREFIX}{name}() RETURNS trigger LANGUAGE plpgsql AS $g$ "
            f"BEGIN {body} END $g$"
        )

    def fail(message: str) -> str:
        return (
            f"RAISE EXCEPTION '{_quote(message)}' USING ERRCODE = 'integrity_constraint_violation';"
        )

    def trigger(name: str, events: str, table: str, level: str = "ROW") -> str:
        return (
            f"CREATE TRIGGER {PREFIX}{name} BEFORE {events} ON {table} "
            f"FOR EACH {level} EXECUTE FUNCTION {PREFIX}{name}()"
        )

    return [
        function(
            "claim",
            f"IF TG_OP <> 'UPDATE' THEN {fail(RULE_CLAIM_DELETE)} END IF; "
            f"IF {changed} OR {filled} THEN {fail(RULE_CLAIMS)} END IF; RETURN NEW;",
        ),
        function("tag", fail(RULE_CLAIM_DELETE) + " RETURN NULL;"),
        function(
            "resolution",
            f"IF TG_OP <> 'UPDATE' THEN {fail(RULE_RESOLUTIONS)} END IF; "
            f"IF {changed_resolution} THEN {fail(RULE_RESOLUTIONS)} END IF; RETURN NEW;",
        ),
        function("log", fail(RULE_LOG) + " RETURN NULL;"),
        function("review", fail(RULE_REVIEWS) + " RETURN NULL;"),
        function("revision", fail(RULE_REVISIONS) + " RETURN NULL;"),
        trigger("claim", "UPDATE OR DELETE", "prediction"),
        trigger("tag", "UPDATE OR DELETE", "prediction_tag"),
        trigger("resolution", "UPDATE OR DELETE", "resolution"),
        trigger("log", "UPDATE OR DELETE", "proof_log"),
        trigger("review", "UPDATE OR DELETE", "review_action"),
        f"CREATE TRIGGER {PREFIX}bar_revision BEFORE UPDATE OR DELETE ON bar_revision "
        f"FOR EACH ROW EXECUTE FUNCTION {PREFIX}revision()",
        f"CREATE TRIGGER {PREFIX}resolution_revision BEFORE UPDATE OR DELETE ON "
        f"resolution_revision FOR EACH ROW EXECUTE FUNCTION {PREFIX}revision()",
        f"CREATE TRIGGER {PREFIX}claim_truncate BEFORE TRUNCATE ON prediction "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {PREFIX}tag()",
        f"CREATE TRIGGER {PREFIX}resolution_truncate BEFORE TRUNCATE ON resolution "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {PREFIX}resolution()",
        f"CREATE TRIGGER {PREFIX}log_truncate BEFORE TRUNCATE ON proof_log "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {PREFIX}log()",
        f"CREATE TRIGGER {PREFIX}review_truncate BEFORE TRUNCATE ON review_action "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {PREFIX}review()",
        f"CREATE TRIGGER {PREFIX}bar_revision_truncate BEFORE TRUNCATE ON bar_revision "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {PREFIX}revision()",
        f"CREATE TRIGGER {PREFIX}resolution_revision_truncate BEFORE TRUNCATE ON "
        f"resolution_revision FOR EACH STATEMENT EXECUTE FUNCTION {PREFIX}revision()",
    ]


def _statements(dialect: str) -> list[str]:
    return _sqlite_statements() if dialect == "sqlite" else _postgres_statements()


def _fingerprint(dialect: str) -> str:
    return hashlib.sha256("\n".join(_statements(dialect)).encode()).hexdigest()[:16]


def _installed(connection: Connection) -> str | None:
    """A fingerprint of the guards in place (None: none or some missing)."""
    if connection.dialect.name == "sqlite":
        rows = connection.execute(
            text(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE :p"
                " ORDER BY name"
            ),
            {"p": PREFIX + "%"},
        ).scalars()
        found = sorted(rows)
        expected = sorted(_sqlite_statements())
        return _fingerprint("sqlite") if found == expected else None
    count = connection.execute(
        text(
            "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE c.relnamespace = current_schema()::regnamespace AND t.tgname LIKE :p"
        ),
        {"p": PREFIX + "%"},
    ).scalar()
    comment = connection.execute(
        text(
            "SELECT obj_description(p.oid, 'pg_proc') FROM pg_proc p "
            "WHERE p.proname = :n AND p.pronamespace = current_schema()::regnamespace"
        ),
        {"n": PREFIX + "claim"},
    ).scalar()
    wanted = sum(1 for s in _postgres_statements() if s.startswith("CREATE TRIGGER"))
    return comment if count == wanted else None


def guards_current(connection: Connection) -> bool:
    return _installed(connection) == _fingerprint(connection.dialect.name)


def drop_guards(connection: Connection) -> None:
    """Remove every guard (downgrades; tests that tamper to check `verify`)."""
    if connection.dialect.name == "sqlite":
        names = connection.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE :p"),
            {"p": PREFIX + "%"},
        ).scalars()
        for name in list(names):
            connection.execute(text(f'DROP TRIGGER IF EXISTS "{name}"'))
        return
    for name in ("claim", "tag", "resolution", "log", "review", "revision"):
        connection.execute(text(f"DROP FUNCTION IF EXISTS {PREFIX}{name}() CASCADE"))


def install_guards(connection: Connection) -> None:
    """(Re)create every guard from the current column classification."""
    drop_guards(connection)
    dialect = connection.dialect.name
    for statement in _statements(dialect):
        connection.exec_driver_sql(statement)
    if dialect != "sqlite":
        connection.exec_driver_sql(
            f"COMMENT ON FUNCTION {PREFIX}claim() IS '{_fingerprint(dialect)}'"
        )


# Tables whose rows the application rewrites or removes as a matter of course:
# caches, run records, the resolver's lock, user aliases.
_WORKING_TABLES = (
    "price_bar_block",
    "price_gap",
    "split",
    "price_coverage",
    "resolve_lock",
    "resolve_run",
    "alias",
)


def grants_sql(role: str, schema: str = "public") -> str:
    """PostgreSQL privileges for a team ledger's application role, as SQL to run
    as the ledger's owner (after the owner has opened it once, which migrates it
    and installs the triggers).

    The role reads everything and inserts claims, resolutions and log entries;
    it may UPDATE only the columns the application itself changes (a claim's
    status and bookkeeping and its fill-once fields, a resolution's current
    flag, a source's description, the tree head), and DELETE only in the
    working tables. So a user of the shared ledger cannot rewrite history even
    with SQL, and cannot drop the triggers (they are the owner's).
    """
    if not role.replace("_", "").isalnum() or not schema.replace("_", "").isalnum():
        raise ValueError("role and schema names are letters, digits and underscores")
    claim_columns = sorted((MUTABLE_CLAIM_COLUMNS - {"id"}) | FILL_ONCE_CLAIM_COLUMNS)
    lines = [
        f"-- forecast-ledger: the application role {role} on schema {schema}.",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role};",
        f"GRANT USAGE ON SCHEMA {schema} TO {role};",
        f"GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA {schema} TO {role};",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role};",
        f"GRANT UPDATE, DELETE ON {', '.join(f'{schema}.{t}' for t in _WORKING_TABLES)} TO {role};",
        f"GRANT UPDATE ({', '.join(claim_columns)}) ON {schema}.prediction TO {role};",
        f"GRANT UPDATE (is_current) ON {schema}.resolution TO {role};",
        f"GRANT UPDATE (kind, url, notes) ON {schema}.source TO {role};",
        f"GRANT UPDATE ON {schema}.proof_head TO {role};",
    ]
    return "\n".join(lines) + "\n"
