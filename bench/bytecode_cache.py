"""The timed processes start with compiled bytecode, as an installed program does.

A shell with PYTHONDONTWRITEBYTECODE (this machine's has it) makes every run of
`forecast` compile the project's modules from source (0.1-0.25 s of CPU a run,
issue 12), while a floor program loads its packages' `.pyc` files, written when
pip installed them: the ratio would count a cost no user pays after the first
run. So the children may write bytecode again, and the project is compiled into
its `__pycache__` directories (ignored by git) once, untimed, before the first
measurement. A PYTHONPYCACHEPREFIX is not used: it would send the installed
packages' imports past their own `.pyc` files too.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def cache_bytecode() -> None:
    """From now on, children of this process read and write `.pyc` files; the
    project's packages are compiled first."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ.pop("PYTHONPYCACHEPREFIX", None)
    packages = [str(PROJECT / name) for name in ("ledger", "tui")]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *packages], check=True)
