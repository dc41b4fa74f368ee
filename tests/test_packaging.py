"""What `pip install .` (a wheel, not the editable install `make setup` makes) carries.

A file that is not Python reaches a wheel only through `package-data`: the
screens' stylesheets were left out, so an installed TUI could not open a
screen, while the tests, run from the checkout, never noticed. Checked here
from the configuration and the tree, without building (no network, fast).
"""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("ledger", "tui")


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]


def _data_files() -> list[Path]:
    return sorted(
        path.relative_to(ROOT)
        for top in PACKAGES
        for path in (ROOT / top).rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    )


def _package_of(path: Path) -> str:
    """The innermost package (a directory with __init__.py) holding `path`."""
    folder = path.parent
    while not (ROOT / folder / "__init__.py").exists():
        folder = folder.parent
    return ".".join(folder.parts)


def _covered(path: Path, package_data: dict[str, list[str]]) -> bool:
    for package, patterns in package_data.items():
        base = Path(*package.split("."))
        if base in path.parents:
            inside = path.relative_to(base).as_posix()
            if any(fnmatch(inside, pattern) for pattern in patterns):
                return True
    return False


def test_every_file_a_package_reads_is_in_its_wheel() -> None:
    package_data = _setuptools()["package-data"]
    missing = [str(p) for p in _data_files() if not _covered(p, package_data)]
    assert not missing, f"not in package-data, so not installed: {missing}"


def test_every_package_data_pattern_names_a_file_that_exists() -> None:
    for package, patterns in _setuptools()["package-data"].items():
        base = ROOT / Path(*package.split("."))
        for pattern in patterns:
            assert list(base.glob(pattern)), f"{package}: {pattern!r} matches nothing"


def test_the_packages_sit_at_the_top_so_an_editable_install_is_a_plain_pth() -> None:
    """With the layout said explicitly setuptools writes a .pth file for `pip install -e`;
    left implicit, it installs a finder and prints a boxed warning on every `make setup`."""
    assert _setuptools()["package-dir"] == {"": "."}
    assert all(_package_of(Path(top) / "__init__.py") == top for top in PACKAGES)
