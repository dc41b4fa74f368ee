"""`forecast export` streams: read, rendered and written a batch at a time, yet
byte for byte the document main rendered whole (tests/transfer/whole_export.py),
in every format, on SQLite and PostgreSQL; a failure half-way leaves no file."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml
from cli_runner import forecast
from price_files import flat_bars, write_csv
from sqlalchemy.orm import Session

from ledger.errors import LedgerError
from ledger.store import export_reads
from ledger.store.session import open_ledger

from .whole_export import render_export, snapshot_of

EXAMPLE = Path(__file__).resolve().parents[2] / "predictions.example.yaml"
FORMATS = ("yaml", "csv", "json")

# Pieces of texts and quotes around the edges of the direct YAML writer and of
# JSON's escapes: indicators, YAML's other types, quotes, unicode, long lines.
_FRAGMENTS = [
    "gold", "hits", "$5,000", "by", "2026-12-31", "true", "null", "no", "12:30", ": ", " #1",
    "it's", '"quoted"', "é", "→", "日本", "- dash", "? q", "[x]", "{y}", "&a", "*b", "!c",
    "%", "@", "`", "|", ">", "\\", "\t", "  ", "100%", "-5%", "+3", ".5", "1e3", "~", "GC=F",
    "^GSPC", "(a)", "x" * 85, "word " * 20,
]  # fmt: skip


def _generated_entries(count: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    entries = []
    for number in range(count):
        text = " ".join(rng.choice(_FRAGMENTS) for _ in range(rng.randint(1, 12))).strip()
        entry = {
            "source": rng.choice(["Ann", "Bob B.", "Zoë", "x: y"]),
            "made_on": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "symbol": rng.choice(["GC=F", "BTC-USD", "^GSPC", "SI=F"]),
            "kind": rng.choice(["touch_above", "touch_below", "close_above", "hold_below"]),
            "level": rng.choice([1, 2.5, 1234.5678, 99999, 0.001]) * (number + 1),
            "deadline": f"2027-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "text": text or "gold",
        }
        if rng.random() < 0.5:
            entry["quote"] = " ".join(rng.choice(_FRAGMENTS) for _ in range(rng.randint(1, 6)))
        if rng.random() < 0.4:
            entry["probability"] = round(rng.uniform(0.01, 0.99), rng.randint(1, 4))
        if rng.random() < 0.3:
            entry["tags"] = rng.sample(["macro", "gold", "long-shot", "x1"], rng.randint(1, 3))
        if rng.random() < 0.3:
            entry["url"] = f"https://example.org/{number}?q=a:b#c"
        entries.append(entry)
    return entries


@pytest.fixture
def ledger(capsys, migrated_url: str, tmp_path: Path) -> str:
    """Resolutions, a void, a revision, relative levels, vague calls (the example
    file, resolved against flat prices) and 40 generated claims of awkward text."""
    assert forecast(capsys, "--db", migrated_url, "import", str(EXAMPLE)).code == 0
    prices = tmp_path / "prices"
    write_csv(prices, "GC=F", flat_bars("2025-06-01", "2026-07-10", 4000.0))
    write_csv(prices, "BTC-USD", flat_bars("2025-06-01", "2026-07-10", 90000.0))
    write_csv(
        prices, "SI=F", flat_bars("2025-06-01", "2026-07-10", 50.0, lows={"2026-01-15": 39.0})
    )
    forecast(capsys, "--db", migrated_url, "void", "2", "--why", "level was a typo: 50 not 5")
    forecast(
        capsys, "--db", migrated_url, "resolve", "--prices", f"csv:{prices}",
        "--as-of", "2026-07-10",
    )  # fmt: skip
    generated = tmp_path / "generated.yaml"
    generated.write_text(
        yaml.safe_dump({"predictions": _generated_entries(40, seed=12)}, allow_unicode=True),
        encoding="utf-8",
    )
    imported = forecast(capsys, "--db", migrated_url, "import", str(generated))
    assert imported.code == 0, imported.err
    return migrated_url


def _whole(url: str, fmt: str) -> str:
    engine = open_ledger(url, write=False)
    try:
        with Session(engine) as session:
            return render_export(snapshot_of(session, fmt), fmt)
    finally:
        engine.dispose()


@pytest.mark.parametrize("batch", [1, 4, 5000])
def test_the_streamed_export_is_the_whole_document_byte_for_byte(
    capsys, monkeypatch, ledger: str, tmp_path: Path, batch: int
) -> None:
    monkeypatch.setattr(export_reads, "BATCH_SIZE", batch)
    for fmt in FORMATS:
        expected = _whole(ledger, fmt)
        shown = forecast(capsys, "--db", ledger, "export", "--format", fmt)
        assert shown.code == 0, shown.err
        assert shown.out == expected, fmt
        target = tmp_path / f"export-{batch}.{fmt}"
        assert forecast(capsys, "--db", ledger, "export", "-f", fmt, "-o", str(target)).code == 0
        assert target.read_bytes() == expected.encode("utf-8"), fmt
    assert "resolutions:" in expected_yaml(ledger) and "revises:" in expected_yaml(ledger)


def expected_yaml(url: str) -> str:
    return _whole(url, "yaml")


def test_a_streamed_yaml_export_verifies_offline(capsys, monkeypatch, ledger: str, tmp_path):
    monkeypatch.setattr(export_reads, "BATCH_SIZE", 3)
    target = tmp_path / "ledger.yaml"
    assert forecast(capsys, "--db", ledger, "export", "-o", str(target)).code == 0
    verified = forecast(capsys, "verify", str(target))
    assert verified.code == 0, verified.err


def test_an_empty_ledger_exports_as_before(capsys, migrated_url: str) -> None:
    for fmt in FORMATS:
        shown = forecast(capsys, "--db", migrated_url, "export", "--format", fmt)
        assert shown.code == 0, shown.err
        assert shown.out == _whole(migrated_url, fmt)


def test_a_ledger_larger_than_a_batch_is_read_a_batch_at_a_time(
    capsys, monkeypatch, ledger: str
) -> None:
    """One query per batch for the claims, their tags and their histories, never
    one per claim."""
    calls = {"pages": 0, "tags": 0, "histories": 0}

    def counting(name, function):
        def counted(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)

        return counted

    monkeypatch.setattr(export_reads, "BATCH_SIZE", 7)
    monkeypatch.setattr(export_reads, "_plain_rows", counting("pages", export_reads._plain_rows))
    monkeypatch.setattr(export_reads, "_tags_between", counting("tags", export_reads._tags_between))
    monkeypatch.setattr(
        export_reads, "_histories_between", counting("histories", export_reads._histories_between)
    )
    claims = len(forecast(capsys, "--db", ledger, "list", "--json").json())
    assert claims > 7 * 3
    assert forecast(capsys, "--db", ledger, "export", "--format", "json").code == 0
    batches = -(-claims // 7)
    assert calls["tags"] == calls["histories"] == batches
    assert calls["pages"] == batches + (claims % 7 == 0)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_failure_half_way_leaves_no_file(
    capsys, monkeypatch, ledger: str, tmp_path: Path, fmt: str
) -> None:
    """The first batches are written to the temporary file by the time the third
    fails: neither it nor the target is left behind."""
    histories = export_reads._histories_between
    read = []

    def failing(*args, **kwargs):
        read.append(1)
        if len(read) == 3:
            raise LedgerError("the ledger's disk went away")
        return histories(*args, **kwargs)

    monkeypatch.setattr(export_reads, "BATCH_SIZE", 5)
    monkeypatch.setattr(export_reads, "_histories_between", failing)
    out = tmp_path / "out"
    out.mkdir()
    result = forecast(capsys, "--db", ledger, "export", "-f", fmt, "-o", str(out / "x"))
    assert result.code == 1 and "disk went away" in result.err
    assert "Traceback" not in result.err
    assert list(out.iterdir()) == []
