"""Running the real `forecast` command in-process."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest

from ledger.cli.app import run


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def forecast(capsys: pytest.CaptureFixture[str], *args: str) -> Result:
    capsys.readouterr()
    code = run(list(args))
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)
