"""forecast add, parse, list, show, void, sources."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from ledger.cli import json_output, lines
from ledger.cli.context import (
    DbOption,
    JsonOption,
    check_id,
    ledger_session,
    parse_date_option,
    parse_probability,
)
from ledger.cli.lazy import lazy_module
from ledger.cli.level_warnings import far_levels, warning_line
from ledger.errors import UsageError

if TYPE_CHECKING:
    from ledger.claims.model import Claim
    from ledger.cli import render
    from ledger.records import NewClaim
else:  # what the command bodies use, loaded when a command runs (not for --help);
    # add and parse print through `lines`, which loads Rich only for a terminal
    render = lazy_module("ledger.cli.render")

ClaimText = Annotated[
    str,
    typer.Argument(
        help='The claim in words, e.g. "gold $5055 by end-2026" (with --vague: what was said).',
        show_default=False,
    ),
]
MadeOnOption = Annotated[
    str | None,
    typer.Option(
        "--made-on", help="Day the call was made, YYYY-MM-DD (default: today).", show_default=False
    ),
]
DeadlineOption = Annotated[
    str | None,
    typer.Option(
        "--deadline",
        help="Deadline YYYY-MM-DD for a claim whose text names none (a support or record"
        " call otherwise gets its default horizon).",
        show_default=False,
    ),
]
LevelOption = Annotated[
    float | None,
    typer.Option(
        "--level",
        help="A price to use in place of a computed level ('BTC holds support' --level 80000).",
        show_default=False,
    ),
]
PricesOption = Annotated[
    str,
    typer.Option(
        "--prices",
        help="Where a computed level's bars come from when the cache lacks them: yahoo,"
        " csv:DIR, or none (cache only; the resolver fixes the level later).",
    ),
]


def register(app: typer.Typer) -> None:
    app.command("add")(add)
    app.command("parse")(parse)
    app.command("list")(list_)
    app.command("show")(show)
    app.command("void")(void)
    app.command("sources")(sources)


def add(
    claim: ClaimText,
    source: Annotated[
        str, typer.Option("--source", "-s", help="Who made the call (created if new).")
    ],
    prob: Annotated[
        str | None, typer.Option("--prob", "-p", help="Probability the source gave, 0.7 or 70%.")
    ] = None,
    made_on: MadeOnOption = None,
    url: Annotated[str | None, typer.Option("--url", help="Article URL.")] = None,
    quote: Annotated[str | None, typer.Option("--quote", help="The words of the call.")] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option(
            "--tag",
            "-t",
            help="A tag (repeatable; 'a,b' gives two, as import and the TUI read it).",
        ),
    ] = None,
    source_kind: Annotated[
        str | None,
        typer.Option(
            "--source-kind", help="person, bank, outlet, self or other (for a new source)."
        ),
    ] = None,
    revises: Annotated[
        int | None,
        typer.Option(
            "--revises",
            help="Id of the claim this one revises (both are kept).",
            callback=check_id,
        ),
    ] = None,
    reference_price: Annotated[
        float | None,
        typer.Option("--reference-price", help="Close on made_on for a relative level like +20%."),
    ] = None,
    deadline: DeadlineOption = None,
    level: LevelOption = None,
    prices: PricesOption = "yahoo",
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be recorded; write nothing.")
    ] = False,
    vague: Annotated[
        bool,
        typer.Option(
            "--vague",
            help="A call no price can settle ('the squeeze is not over'): kept and counted"
            " against its source, never resolved or scored.",
        ),
    ] = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Record a claim: parse it, print it normalized, and store it."""
    from ledger.claims.parser import parse_vague
    from ledger.records import NewClaim
    from ledger.store.claims import duplicate_differences, record_claims, reference_close
    from ledger.store.sources import user_aliases

    made = parse_date_option(made_on, "--made-on") or date.today()
    # Before the claim is read: a deadline 'before the call' and its suggested repair
    # would otherwise come first, and the repair would then fail on the date itself.
    from ledger.claims.bounds import check_made_on

    check_made_on(made, date.today())
    probability = parse_probability(prob)
    if reference_price is not None and reference_price <= 0:
        raise UsageError("--reference-price must be a positive price")
    if vague and (probability is not None or reference_price is not None):
        option = "--prob" if probability is not None else "--reference-price"
        raise UsageError(f"{option} does not go with --vague: a vague call is never scored")
    until = parse_date_option(deadline, "--deadline")
    with ledger_session(db, write=not dry_run, or_empty=dry_run) as session:
        if vague:
            parsed = parse_vague(claim, made_on=made, aliases=user_aliases(session))
            level_message = None
        else:
            parsed, level_message = _read_claim(session, claim, made, until, level, prices)
        if parsed.relative is not None:
            reference = reference_price or reference_close(session, parsed.symbol, made)
            if reference is not None:
                parsed = dataclasses.replace(
                    parsed, reference_price=reference, level=parsed.relative.apply(reference)
                )
        entry = NewClaim(
            source=source,
            source_kind=source_kind,
            claim=parsed,
            text=claim,
            probability=probability,
            url=url,
            quote=quote,
            tags=tuple(part.strip() for t in tag or () for part in t.split(",")),
            revises_id=revises,
        )
        entry.check(date.today())
        (far,) = far_levels(session, [parsed])
        if dry_run:
            _print_preview(entry, as_json, recorded_id=None, duplicate=False)
            _level_note(level_message, as_json)
            _far_notes(far, "nothing recorded; is that the level you meant?")
            return
        differences = duplicate_differences(session, [entry])
        for difference in differences:
            if difference.changes_scores:
                raise UsageError(
                    f"already recorded as #{difference.claim_id} (same source, claim and"
                    f" made_on) {difference.said}: a recorded claim is never changed; a new"
                    f" call is recorded with its own --made-on and --revises {difference.claim_id}"
                )
        result = record_claims(session, [entry])
        duplicate = not result.added
        claim_id = result.duplicate_ids[0] if duplicate else result.added[0]
        _print_preview(entry, as_json, recorded_id=claim_id, duplicate=duplicate)
        for difference in differences:
            lines.note(
                f"#{difference.claim_id} stays as recorded, {difference.said}: a recorded claim"
                " is never changed"
            )
        _level_note(None if duplicate else level_message, as_json)
        if not duplicate:
            _far_notes(
                far,
                f"recorded as written; if it is a typo, 'forecast void {claim_id} --why typo'"
                " and record it again",
            )


def _far_notes(problems: list[str], action: str) -> None:
    for problem in problems:
        lines.note(warning_line(problem, action))


def _read_claim(
    session,
    text: str,
    made_on: date,
    deadline: date | None,
    level: float | None,
    prices: str,
) -> tuple[Claim, str | None]:
    """The claim as parsed, with --level in place of a computed level, or the level
    computed now when its bars are at hand; and the line that says which."""
    from ledger.claims.parser import parse_claim, with_stated_level
    from ledger.store.sources import user_aliases

    parsed = parse_claim(text, made_on=made_on, aliases=user_aliases(session), deadline=deadline)
    if level is not None:
        return with_stated_level(parsed, level), None
    if not parsed.level_pending:
        return parsed, None
    # Imported here: pandas and the price sources load only for a computed level.
    from ledger.level_now import fix_level_now
    from ledger.market.factory import price_source_from_spec
    from ledger.store.engine import cache_dir

    spec = prices.strip()
    source = None if spec.lower() == "none" else price_source_from_spec(spec, cache_dir=cache_dir())
    now = fix_level_now(session, parsed, source)
    return now.claim, now.message


def _level_note(message: str | None, as_json: bool) -> None:
    """How a computed level was read, or why it is pending (stderr: JSON stays data)."""
    if message and (not as_json or message.startswith("level pending")):
        lines.note(message)


def _print_preview(
    entry: NewClaim, as_json: bool, recorded_id: int | None, duplicate: bool
) -> None:
    claim = entry.claim
    vague = claim.kind.is_vague
    if as_json:
        json_output.print_json(
            {
                "id": recorded_id,
                "duplicate": duplicate,
                "recorded": recorded_id is not None and not duplicate,
                "source": entry.source,
                "symbol": claim.symbol,
                "asset": claim.asset,
                "kind": claim.kind.value,
                "level": claim.level,
                "upper": claim.upper,
                "relative": claim.relative.text() if claim.relative else None,
                "versus_symbol": claim.versus_symbol,
                "margin": claim.margin,
                **lines.level_rule_json(claim),
                "made_on": claim.made_on.isoformat(),
                "window_start": None if vague else claim.window_start.isoformat(),
                "deadline": None if vague else claim.deadline.isoformat(),
                "vague": vague,
                "probability": entry.probability,
                "normalized": claim.canonical_text(),
                "description": claim.describe(),
                "assumptions": list(claim.assumptions),
                "fingerprint": entry.fingerprint(),
            }
        )
        return
    lines.print_claim_preview(claim)
    if recorded_id is None:
        lines.note("dry run: nothing recorded")
    elif duplicate:
        lines.note(
            f"already recorded as #{recorded_id} (same source, claim and made_on): nothing added"
        )
    else:
        lines.note(f"recorded #{recorded_id} for {entry.source}, made on {claim.made_on}")
    if vague:
        lines.note("a vague call: never resolved or scored, counted on its source's scoreboard row")
    if claim.relative is not None and claim.reference_price is None:
        lines.note(
            "the reference close on made_on is not in the price cache yet: the resolver fills it "
            "in (or give --reference-price)"
        )


def parse(
    claim: ClaimText,
    made_on: MadeOnOption = None,
    deadline: DeadlineOption = None,
    level: LevelOption = None,
    prices: PricesOption = "yahoo",
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Show how a claim would be read, without writing anything."""
    from ledger.claims import bounds
    from ledger.records import NewClaim

    made = parse_date_option(made_on, "--made-on") or date.today()
    # Before the claim is read: a deadline 'before the call' and its suggested repair
    # would otherwise come first, and the repair would then fail on the date itself.
    from ledger.claims.bounds import check_made_on

    check_made_on(made, date.today())
    until = parse_date_option(deadline, "--deadline")
    with ledger_session(db, or_empty=True) as session:
        parsed, level_message = _read_claim(session, claim, made, until, level, prices)
        (far,) = far_levels(session, [parsed])
    bounds.check_claim(parsed, date.today())
    if as_json:
        _print_preview(NewClaim(source="-", claim=parsed, text=claim), True, None, False)
    else:
        lines.print_claim_preview(parsed)
    _level_note(level_message, as_json)
    _far_notes(far, "is that the level you meant?")


def list_(
    status: Annotated[
        str | None, typer.Option("--status", help="open, true, false, void or vague.")
    ] = None,
    source: Annotated[str | None, typer.Option("--source", "-s", help="Only this source.")] = None,
    asset: Annotated[
        str | None, typer.Option("--asset", help="Only this asset (alias or Yahoo symbol).")
    ] = None,
    tag: Annotated[
        str | None, typer.Option("--tag", "-t", help="Only claims with this tag.")
    ] = None,
    due_before: Annotated[
        str | None, typer.Option("--due-before", help="Only deadlines before YYYY-MM-DD.")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most N claims.")] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """List recorded claims."""
    from ledger.store.claim_json import claims_json
    from ledger.store.claims import ClaimFilter, list_claims
    from ledger.store.core_tables import STATUSES
    from ledger.store.sources import user_aliases

    if status is not None and status not in STATUSES:
        raise UsageError(f"--status {status!r}: use one of {', '.join(STATUSES)}")
    due = parse_date_option(due_before, "--due-before")
    with ledger_session(db) as session:
        symbol = _symbol_for(asset, user_aliases(session)) if asset else None
        where = ClaimFilter(
            status=status, source=source, symbol=symbol, tag=tag, due_before=due, limit=limit
        )
        if as_json:
            objects = claims_json(session, where)
        else:
            records = list_claims(session, where)
    if as_json:
        json_output.print_json_list(objects)
    elif records:
        from ledger.cli.claim_rows import print_claims

        print_claims(records)
    else:
        render.note(
            "no claims match: record one with 'forecast add' or 'forecast import FILE.yaml'"
        )


def _symbol_for(asset: str, aliases: dict[str, str]) -> str:
    """The symbol to list: an asset name, a ratio, or a pair as `score --by asset` names it."""
    from ledger.claims.assets import resolve_asset
    from ledger.claims.pairs import pair_key, pair_legs

    legs = pair_legs(" ".join(asset.split()))
    if legs is not None:
        first, second = (resolve_asset(leg, aliases).symbol for leg in legs)
        return pair_key(first, second)
    return resolve_asset(asset, aliases).symbol


def show(
    claim_id: Annotated[
        int,
        typer.Argument(
            metavar="ID", help="The claim's id (see 'forecast list').", callback=check_id
        ),
    ],
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Show one claim: the normalized claim, its evidence and history, its revisions."""
    from ledger.store.claims import get_claim
    from ledger.store.review import review_history

    with ledger_session(db) as session:
        detail = get_claim(session, claim_id)
        reviews = review_history(session, claim_id)
    if as_json:
        json_output.print_json({**detail.to_json(), "reviews": [r.to_json() for r in reviews]})
    else:
        render.claim_detail(detail)
        for review in reviews:
            what = (
                "accepted"
                if review.action == "accept"
                else f"re-judged on closes: {review.outcome}"
            )
            note = f": {review.note}" if review.note else ""
            render.line(
                f"  reviewed {review.created_at:%Y-%m-%d} (resolution {review.resolution_id} "
                f"{what}){note}"
            )


def void(
    claim_id: Annotated[
        int, typer.Argument(metavar="ID", help="The claim's id.", callback=check_id)
    ],
    why: Annotated[str, typer.Option("--why", help="Why it is void (kept in the ledger).")],
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Void a claim with a reason. It stays in the ledger, out of every score."""
    from ledger.store.claims import void_claim

    with ledger_session(db, write=True) as session:
        record = void_claim(session, claim_id, why)
    if as_json:
        json_output.print_json(record.to_json())
    else:
        render.note(f"voided #{record.id}: {why}")


def sources(as_json: JsonOption = False, db: DbOption = None) -> None:
    """List sources with their claim counts."""
    from ledger.store.sources import source_summaries

    with ledger_session(db) as session:
        summaries = source_summaries(session)
    if as_json:
        json_output.print_json([s.to_json() for s in summaries])
    elif summaries:
        render.sources_table(summaries)
    else:
        render.note("no sources yet: 'forecast add CLAIM --source NAME' creates one")
