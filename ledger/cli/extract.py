"""forecast extract: propose the claims in an article, record the ones the user accepts.

The command reads the article (a file, standard input, an HTML page or a
URL), asks the rule-based extractor (ledger.extract) for candidates, and
then, in exactly one of four ways:

- `--json` alone: prints the candidates for a script; records nothing;
- `--yes`: records every candidate scoring at least --min-confidence that
  has a claim and a source, and says why each other one was skipped;
- in a terminal (stdin a TTY, the article not read from stdin): asks about
  each candidate (accept, edit the claim text, skip; a level for a call
  that has none; a probability for a hedged one) and records what was
  accepted;
- otherwise: prints the candidates and records nothing.

With `--llm` (or FORECAST_LLM=1) the candidates come from a language model
at an OpenAI-compatible endpoint instead (`ledger.extract.llm`), each read
by the same claim parser; if the model gives no usable answer, one line
says why and the rule-based candidates are used.

Recording goes through `record_claims`, like `forecast add`, with the
article's URL and the sentence as the quote, so a claim already in the
ledger is reported "already recorded" and not added twice.
"""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ledger.cli.context import (
    DbOption,
    JsonOption,
    ledger_session,
    parse_date_option,
    parse_probability,
)
from ledger.cli.lazy import lazy_module
from ledger.errors import ClaimError, UsageError
from ledger.extract.patterns.confidence_scores import RULE_BAR
from ledger.extract.reading import (
    ALLOW_PRIVATE_FLAG,
    DEFAULT_MAX_BYTES,
    Article,
    article_from,
    read_article_file,
    read_article_stream,
    too_large,
)
from ledger.safe_text import printable

if TYPE_CHECKING:
    from sqlmodel import Session

    from ledger.claims.model import Claim
    from ledger.extract import Candidate, Extraction
    from ledger.records import NewClaim

# Rich and the record types load when a command renders, not for --help.
render = lazy_module("ledger.cli.render")

# The bar of the rule score (ledger/extract/confidence.py), the default way `--yes` decides;
# `--acceptance model` uses the acceptance model's own threshold (ledger/extract/acceptance.py).
DEFAULT_MIN_CONFIDENCE = RULE_BAR


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)


@dataclass(frozen=True)
class _Decision:
    """What becomes of one candidate: an entry to record, or why not."""

    candidate: Candidate
    entry: NewClaim | None
    status: str  # "accepted", "skipped", "proposed"
    note: str | None = None


def extract(
    article: Annotated[
        str,
        typer.Argument(
            metavar="FILE|-|URL",
            help="The article: a text or HTML file, '-' for standard input, or an http(s) URL.",
            show_default=False,
        ),
    ],
    source: Annotated[
        str | None,
        typer.Option(
            "--source", "-s", help="Who made the calls (default: the speaker the text names)."
        ),
    ] = None,
    made_on: Annotated[
        str | None,
        typer.Option(
            "--made-on",
            help="Day the calls were made, YYYY-MM-DD (default: the article's date from its"
            " page, dateline or URL, else today; the one used is shown).",
            show_default=False,
        ),
    ] = None,
    url: Annotated[
        str | None,
        typer.Option(
            "--url", help="The article's URL, stored with each claim (a date in it dates them)."
        ),
    ] = None,
    yes: Annotated[
        bool,
        typer.Option(
            "--yes", "-y", help="Record every candidate scoring at least --min-confidence."
        ),
    ] = False,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            "--min-confidence",
            min=0.0,
            max=1.0,
            help="The bar for --yes (default: 0.6, or 0.51 with --acceptance model).",
        ),
    ] = None,
    acceptance: Annotated[
        str,
        typer.Option(
            "--acceptance",
            help="How a candidate's confidence is scored: 'vetted' (the rule score, lowered"
            " where the acceptance model doubts the reading), 'rules' (the rule score alone)"
            " or 'model' (the model's probability: a logistic model fitted to which readings"
            " were right on articles the extractor had not seen).",
        ),
    ] = "vetted",
    tag: Annotated[
        list[str] | None, typer.Option("--tag", "-t", help="A tag for every claim (repeatable).")
    ] = None,
    horizon_months: Annotated[
        int,
        typer.Option(
            "--horizon-months", min=1, max=120, help="Time frame assumed when a call states none."
        ),
    ] = 12,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            min=0.1,
            help="Seconds a URL fetch may take in all: lookup, connecting, redirects, download.",
        ),
    ] = 10.0,
    max_size: Annotated[
        float,
        typer.Option(
            "--max-size",
            min=0.001,
            metavar="MB",
            help="Largest article read, in MB (a file, standard input or a fetched page);"
            " anything larger is refused.",
        ),
    ] = DEFAULT_MAX_BYTES / 1_000_000,
    allow_private_addresses: Annotated[
        bool,
        typer.Option(
            ALLOW_PRIVATE_FLAG,
            help="Fetch a URL even when it (or a redirect) points at a loopback or private"
            " address, e.g. your intranet.",
        ),
    ] = False,
    llm: Annotated[
        bool,
        typer.Option(
            "--llm",
            envvar="FORECAST_LLM",
            help="Ask a language model (OpenAI-compatible endpoint) for the candidates;"
            " the rules are used if it gives no usable answer.",
        ),
    ] = False,
    llm_url: Annotated[
        str | None,
        typer.Option(
            "--llm-url",
            envvar="FORECAST_LLM_URL",
            help="The endpoint's API base, e.g. http://localhost:11434/v1 (Ollama).",
            show_default=False,
        ),
    ] = None,
    llm_model: Annotated[
        str | None,
        typer.Option(
            "--llm-model",
            envvar="FORECAST_LLM_MODEL",
            help="The model to ask, e.g. llama3.1:8b. The API key, if one is needed,"
            " is read from FORECAST_LLM_API_KEY.",
            show_default=False,
        ),
    ] = None,
    llm_timeout: Annotated[
        float | None,
        typer.Option(
            "--llm-timeout",
            min=0.1,
            help="Seconds the model may take in all (default: 120).",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Propose the claims in an article; record the ones you accept."""
    from ledger.claims.bounds import check_made_on
    from ledger.extract import extract_article
    from ledger.extract.acceptance import ACCEPTANCES, decided
    from ledger.services.market_sides import with_market_sides
    from ledger.store.sources import user_aliases

    if source is not None and not source.strip():  # not "no --source": that means the speakers
        raise UsageError(
            "--source is empty: name who made the calls, or leave --source out to take the"
            " speaker each sentence names"
        )
    if acceptance not in ACCEPTANCES:
        raise UsageError(
            f"--acceptance {acceptance!r}: write one of {', '.join(ACCEPTANCES)}"
            " (vetted is the default)"
        )
    given_made_on = parse_date_option(made_on, "--made-on")
    if given_made_on is not None:
        check_made_on(given_made_on, date.today())
    # Checked before the article is read or fetched: a missing setting is the user's to fix.
    endpoint = _llm_endpoint(llm_url, llm_model, llm_timeout) if llm else None
    text = _read_article(
        article, timeout, int(max_size * 1_000_000), allow_private=allow_private_addresses
    )
    article_url = url or text.url
    with ledger_session(db, or_empty=True) as session:
        aliases = user_aliases(session)
        session.rollback()  # no read snapshot is held while a model reads the article
        extraction = extract_article(
            text.text,
            today=date.today(),
            made_on=given_made_on,
            aliases=aliases,
            author=text.author,
            published=text.published,
            horizon_months=horizon_months,
            url=article_url,
        )
        if endpoint is not None:
            extraction = _with_llm(extraction, text.text, endpoint, aliases, horizon_months)
        extraction = with_market_sides(session, extraction)
    scored, bar = decided(extraction.candidates, acceptance)
    extraction = dataclasses.replace(extraction, candidates=tuple(scored))
    if min_confidence is None:
        min_confidence = bar
    render.note(f"made on {extraction.made_on} ({extraction.made_on_from})")
    for note in extraction.notes:
        render.note(note)
    tags = tuple(tag or ())
    interactive = not yes and not as_json and article != "-" and _stdin_is_terminal()

    if yes:
        decisions = _auto_decisions(extraction, source, min_confidence, article_url, tags)
    elif interactive:
        decisions = _ask(extraction, source, min_confidence, article_url, tags, aliases)
    else:
        decisions = [_Decision(c, None, "proposed", None) for c in extraction.candidates]
    if not extraction.candidates:
        render.note("no claims found in the article")

    recorded: dict[int, tuple[str, int]] = {}
    if any(d.entry for d in decisions):
        with ledger_session(db, write=True) as session:
            recorded = _record(session, decisions)

    if as_json:
        render.print_json(
            [
                _decision_json(i, d, source, recorded) | _made_on_json(extraction)
                for i, d in enumerate(decisions)
            ]
        )
        return
    if not interactive:
        for index, decision in enumerate(decisions, start=1):
            _print_candidate(index, decision.candidate, source)
    _report(decisions, recorded, yes or interactive)


# ---------------------------------------------------------------- reading the article


def _read_article(article: str, timeout: float, max_bytes: int, *, allow_private: bool) -> Article:
    from ledger.extract.fetch import fetch_url, is_url

    if article == "-":
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None:  # a text-only stream, as some test runners give
            text = sys.stdin.read(max_bytes + 1)
            if len(text.encode("utf-8", errors="surrogatepass")) > max_bytes:
                raise UsageError(too_large("standard input", max_bytes))
            return article_from(text)
        return read_article_stream(stdin, "standard input", max_bytes=max_bytes)
    if is_url(article):
        page = fetch_url(article, timeout=timeout, max_bytes=max_bytes, allow_private=allow_private)
        return article_from(page.text, html=page.is_html or None, url=page.url)
    return read_article_file(article, max_bytes=max_bytes)


if TYPE_CHECKING:
    from ledger.extract.llm.client import LlmEndpoint


def _llm_endpoint(url: str | None, model: str | None, timeout: float | None) -> LlmEndpoint:
    """The endpoint --llm asks; a usage error, before any work, if it is not fully given."""
    import os

    from ledger.extract.llm.client import (
        API_KEY_ENV,
        DEFAULT_TIMEOUT,
        LlmEndpoint,
        check_endpoint_url,
    )

    if not url:
        raise UsageError(
            "--llm needs an endpoint: give --llm-url (e.g. http://localhost:11434/v1)"
            " or set FORECAST_LLM_URL"
        )
    problem = check_endpoint_url(url)
    if problem is not None:
        raise UsageError(f"--llm-url: {problem}")
    if not model:
        raise UsageError("--llm needs a model: give --llm-model or set FORECAST_LLM_MODEL")
    key = os.environ.get(API_KEY_ENV) or None
    return LlmEndpoint(url=url, model=model, api_key=key, timeout=timeout or DEFAULT_TIMEOUT)


def _with_llm(
    rules: Extraction,
    text: str,
    endpoint: LlmEndpoint,
    aliases: dict[str, str],
    horizon_months: int,
) -> Extraction:
    """The model's candidates, or the rules' with one line saying why the model's are not."""
    from ledger.extract.llm.errors import LlmError
    from ledger.extract.llm.extraction import extract_with_llm

    try:
        found = extract_with_llm(
            text,
            rules,
            endpoint,
            today=date.today(),
            aliases=aliases,
            horizon_months=horizon_months,
        )
    except LlmError as error:
        render.note(f"{error}; using the rule-based extractor instead")
        return rules
    render.note(f"candidates from the language model {endpoint.model}")
    return found


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


# ---------------------------------------------------------------- deciding


def _auto_decisions(
    extraction: Extraction,
    source: str | None,
    min_confidence: float,
    url: str | None,
    tags: tuple[str, ...],
) -> list[_Decision]:
    """--yes: accept what scores at least min_confidence; say why the rest is skipped."""
    decisions = []
    for candidate in extraction.candidates:
        who = source or candidate.speaker
        if candidate.claim is None:
            note = f"needs a {candidate.needs or 'claim'}: run in a terminal to give one"
            decisions.append(_Decision(candidate, None, "skipped", note))
        elif candidate.confidence < min_confidence:
            note = f"confidence {candidate.confidence:.2f} is below {min_confidence:g}"
            decisions.append(_Decision(candidate, None, "skipped", note))
        elif not who:
            decisions.append(_Decision(candidate, None, "skipped", "no speaker: give --source"))
        else:
            entry = _entry(candidate, candidate.claim, candidate.claim_text or "", who, url, tags)
            decisions.append(_Decision(candidate, entry, "accepted"))
    return decisions


def _entry(
    candidate: Candidate,
    claim: Claim,
    claim_text: str,
    source: str,
    url: str | None,
    tags: tuple[str, ...],
    probability: float | None = None,
) -> NewClaim:
    from ledger.records import NewClaim

    return NewClaim(
        source=source,
        claim=claim,
        text=claim_text,
        probability=probability if probability is not None else candidate.probability,
        url=url,
        quote=candidate.sentence,
        tags=tags,
    )


def _ask(
    extraction: Extraction,
    source: str | None,
    min_confidence: float,
    url: str | None,
    tags: tuple[str, ...],
    aliases: dict[str, str],
) -> list[_Decision]:
    """Ask about each candidate in turn; 'q' stops asking (what was accepted is kept)."""
    decisions: list[_Decision] = []
    candidates = list(extraction.candidates)
    for index, candidate in enumerate(candidates, start=1):
        _print_candidate(index, candidate, source)
        decision = _ask_one(candidate, source, min_confidence, url, tags, aliases)
        if decision is None:
            decisions += [
                _Decision(c, None, "skipped", "not asked") for c in candidates[index - 1 :]
            ]
            break
        decisions.append(decision)
    return decisions


def _ask_one(
    candidate: Candidate,
    source: str | None,
    min_confidence: float,
    url: str | None,
    tags: tuple[str, ...],
    aliases: dict[str, str],
) -> _Decision | None:
    made_on = candidate.made_on
    if candidate.claim is None:
        claim_text, claim = _ask_level(candidate, aliases)
        if claim is None:
            return _Decision(candidate, None, "skipped", "no level given")
    else:
        default = "a" if candidate.confidence >= min_confidence else "s"
        answer = typer.prompt("  [a]ccept, [e]dit, [s]kip, [q]uit", default=default).strip().lower()
        if answer.startswith("q"):
            return None
        if answer.startswith("s"):
            return _Decision(candidate, None, "skipped", "skipped")
        claim_text, claim = candidate.claim_text or "", candidate.claim
        while answer.startswith("e"):
            claim_text, claim = _ask_claim_text(claim_text, made_on, aliases)
            if claim is None:
                return _Decision(candidate, None, "skipped", "no claim text given")
            # The edit is read back before it is recorded: the user sees what will be judged.
            render.note(f"  now reads: {claim.describe()}")
            answer = typer.prompt("  [a]ccept, [e]dit again, [s]kip", default="a").strip().lower()
            if answer.startswith("s"):
                return _Decision(candidate, None, "skipped", "skipped")
    who = source or candidate.speaker
    while not who:
        who = typer.prompt("  who made this call (the source)?", default="").strip()
    probability = None
    # A vague call is never scored, so it takes no probability.
    if (candidate.hedged or candidate.probability is not None) and not candidate.vague:
        probability = _ask_probability(candidate.probability)
    entry = _entry(candidate, claim, claim_text, who, url, tags, probability)
    return _Decision(candidate, entry, "accepted")


def _ask_level(candidate: Candidate, aliases: dict[str, str]) -> tuple[str, Claim | None]:
    from ledger.claims.parser import parse_claim

    while True:
        level = typer.prompt(
            "  this call names no level: give one (e.g. 95000), blank to skip",
            default="",
            show_default=False,
        ).strip()
        if not level:
            return "", None
        text = candidate.with_level(level) or ""
        try:
            return text, _bounded(parse_claim(text, made_on=candidate.made_on, aliases=aliases))
        except ClaimError as error:
            render.note(f"  {error}")


def _ask_claim_text(
    default: str, made_on: date, aliases: dict[str, str]
) -> tuple[str, Claim | None]:
    from ledger.claims.parser import parse_claim

    while True:
        # The default comes from the article: shown escaped, in the prompt's own words.
        shown = f" [{printable(default)}]" if default else ""
        text = typer.prompt(
            f"  claim text (blank to skip){shown}", default=default, show_default=False
        ).strip()
        if not text:
            return "", None
        try:
            return text, _bounded(parse_claim(text, made_on=made_on, aliases=aliases))
        except ClaimError as error:
            render.note(f"  {error}")


def _bounded(claim: Claim) -> Claim:
    """The claim if the ledger accepts its dates and levels; else BoundsError, asked again."""
    from ledger.claims.bounds import check_claim

    check_claim(claim, date.today())
    return claim


def _ask_probability(stated: float | None) -> float | None:
    default = f"{stated:g}" if stated is not None else ""
    while True:
        answer = typer.prompt(
            "  hedged call: probability (0.7 or 70%), blank for none",
            default=default,
            show_default=bool(default),
        ).strip()
        if not answer:
            return None
        try:
            return parse_probability(answer)
        except UsageError as error:
            render.note(f"  {error}")


# ---------------------------------------------------------------- recording


def _record(session: Session, decisions: list[_Decision]) -> dict[int, tuple[str, int]]:
    """Record the accepted entries in one batch; (status, id) by decision index."""
    from ledger.store.claims import record_claims

    indexed = [(i, d.entry) for i, d in enumerate(decisions) if d.entry is not None]
    entries = [_with_reference(session, entry) for _, entry in indexed]
    result = record_claims(session, entries)
    new_ids = result.id_by_fingerprint()
    duplicate_ids = {
        entry.fingerprint(): claim_id
        for entry, claim_id in zip(result.duplicates, result.duplicate_ids, strict=True)
    }
    outcome: dict[int, tuple[str, int]] = {}
    claimed: set[str] = set()
    for (index, _), entry in zip(indexed, entries, strict=True):
        fingerprint = entry.fingerprint()
        if fingerprint in new_ids and fingerprint not in claimed:
            outcome[index] = ("recorded", new_ids[fingerprint])
            claimed.add(fingerprint)
        else:
            outcome[index] = (
                "duplicate",
                duplicate_ids.get(fingerprint, new_ids.get(fingerprint, -1)),
            )
    return outcome


def _with_reference(session: Session, entry: NewClaim) -> NewClaim:
    """A relative level ("+20%") measured from the cached close on made_on, as 'add' does;
    a computed level ("support") read from the cached bars, else left for the resolver."""
    from ledger.store.claims import reference_close

    claim = entry.claim
    if claim.level_pending:
        from ledger.level_now import fix_level_now  # pandas loads only when needed

        return dataclasses.replace(entry, claim=fix_level_now(session, claim, None).claim)
    if claim.relative is None:
        return entry
    reference = reference_close(session, claim.symbol, claim.made_on)
    if reference is None:
        return entry
    filled = dataclasses.replace(
        claim, reference_price=reference, level=claim.relative.apply(reference)
    )
    return dataclasses.replace(entry, claim=filled)


# ---------------------------------------------------------------- showing


def _print_candidate(index: int, candidate: Candidate, source: str | None) -> None:
    out = render.stdout()
    claim = candidate.claim
    head = claim.canonical_text() if claim else f"{candidate.symbol} {candidate.kind} ? (no level)"
    who = source or candidate.speaker or "no speaker"
    flags = [
        name
        for name, on in (
            ("hedged", candidate.hedged),
            ("conditional", candidate.conditional),
            ("negated", candidate.negated),
            ("headline", candidate.headline),
            ("vague", candidate.vague),
        )
        if on
    ]
    flag_text = f"  [{', '.join(flags)}]" if flags else ""
    lines = [
        f"[{index}] {head}   confidence {candidate.confidence:.2f}   {who}{flag_text}",
        f"    claim:     {candidate.claim_text or candidate.template}",
        f"    reading:   {candidate.reading}",
        f'    sentence:  "{candidate.sentence}"',
    ]
    lines += [f"    why:       {reason.text()}" for reason in candidate.reasons]
    if candidate.lowered_by:
        lines.append(f"    lowered:   {', '.join(candidate.lowered_by)}")
    if candidate.probability is not None:
        lines.append(f"    stated probability: {candidate.probability:g}")
    lines += [f"    assuming:  {note}" for note in candidate.assumptions]
    for line in lines:
        out.print(render.cell(line))


def _report(
    decisions: list[_Decision], recorded: dict[int, tuple[str, int]], deciding: bool
) -> None:
    if not deciding:
        if decisions:
            render.note(
                "nothing recorded: run in a terminal to confirm each claim, or pass --yes"
                " (records those scoring at least --min-confidence)"
            )
        return
    added = duplicates = 0
    for index, decision in enumerate(decisions, start=1):
        status = recorded.get(index - 1)
        shown = decision.candidate.claim_text or decision.candidate.template
        if status and status[0] == "recorded" and decision.entry is not None:
            added += 1
            canonical = decision.entry.claim.canonical_text()
            render.note(f"[{index}] recorded #{status[1]} for {decision.entry.source}: {canonical}")
        elif status:
            duplicates += 1
            render.note(f"[{index}] already recorded as #{status[1]}: nothing added")
        elif decision.note:
            render.note(f"[{index}] skipped ({decision.note}): {shown}")
    summary = f"added {added}"
    if duplicates:
        summary += f", {duplicates} already recorded"
    render.note(summary)


def _made_on_json(extraction: Extraction) -> dict[str, str]:
    """Where the made_on every candidate is read from came from, so a script can check it."""
    return {
        "made_on_source": str(extraction.made_on_source),
        "made_on_from": extraction.made_on_from,
    }


def _decision_json(
    index: int, decision: _Decision, source: str | None, recorded: dict[int, tuple[str, int]]
) -> dict[str, Any]:
    data = decision.candidate.to_json()
    status = recorded.get(index)
    data["source"] = (
        decision.entry.source if decision.entry else source or decision.candidate.speaker
    )
    if decision.entry is not None and decision.entry.claim is not decision.candidate.claim:
        data["claim"] = decision.entry.text
    data["status"] = status[0] if status else decision.status
    data["id"] = status[1] if status else None
    data["note"] = decision.note
    return data
