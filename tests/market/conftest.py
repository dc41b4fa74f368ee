"""Fixtures for the price-source tests.

`fake_yahoo` (from ``tests/yahoo_fake.py``) is imported here rather than named
in ``pytest_plugins``, which pytest only honours in the top-level conftest.
"""

from __future__ import annotations

from yahoo_fake import fake_yahoo

__all__ = ["fake_yahoo"]
