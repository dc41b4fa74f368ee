"""The project's exception hierarchy.

Every error a user can cause or fix derives from `LedgerError`; the CLI turns
these into one line on stderr. `UsageError`s mean "you asked for something
malformed" (exit code 2), the rest are operational (exit code 1).
"""

from __future__ import annotations


class LedgerError(Exception):
    """Base of every error the ledger reports to users."""


class UsageError(LedgerError):
    """The input is malformed: the user can fix it by changing what they typed."""


class ClaimError(UsageError):
    """A claim text or claim fields cannot be turned into a judgeable claim."""


class UnknownAssetError(ClaimError):
    """A claim names no asset the ledger knows.

    `name` is the words most likely meant as the asset ("Palantir"), or None;
    `text` is the claim as written. The CLI uses them to ask the market-data
    source for symbols that match the name; the domain never does.
    """

    def __init__(self, message: str, *, name: str | None, text: str) -> None:
        super().__init__(message)
        self.name = name
        self.text = text


class ImportFileError(UsageError):
    """An import file has one or more bad entries; nothing was written."""

    def __init__(self, path: str, problems: list[str], *, whole_file: bool = False) -> None:
        """`whole_file` for a problem of the file itself (empty, not YAML, not a list),
        which is no count of bad entries."""
        self.path = path
        self.problems = problems
        n = len(problems)
        head = (
            f"{path}: nothing imported"
            if whole_file
            else f"{path}: {n} bad entr{'y' if n == 1 else 'ies'}, nothing imported"
        )
        super().__init__(head + "\n" + "\n".join(problems))


class NotFoundError(UsageError):
    """A claim, source or alias named by the user does not exist."""


class NoLedgerError(UsageError):
    """There is no ledger where the user pointed, and the command only reads."""

    def __init__(self, where: str) -> None:
        self.where = where
        super().__init__(
            f"no ledger at {where}: 'forecast add' or 'forecast import' creates one "
            "(check --db / FORECAST_DB if you expected one there)"
        )


class NotALedgerError(UsageError):
    """The database the user pointed at is something else; it is left untouched."""


class SchemaError(LedgerError):
    """The database schema cannot be used by this version of the code."""
