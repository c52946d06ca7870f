"""`drafter ledger`: RevOps logs each handoff, records the seller's answer, and measures trust."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from drafter.cli.app import app

if TYPE_CHECKING:
    from datetime import date

ledger_app = typer.Typer(
    name="ledger",
    help="Log handoffs, record acceptance, and measure trust (a SQLite ledger).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(ledger_app, name="ledger")

DB_HELP = "Ledger file (default: $DRAFTER_DB, else ledger.db in the user data folder)."
HOLIDAYS_HELP = "File of holiday dates, one a line, added to the config's holidays."


def _db_option() -> Path | None:
    return typer.Option(None, "--db", help=DB_HELP, metavar="FILE")


@ledger_app.command("add")
def add(
    packet: Path = typer.Argument(..., help="The packet sent to the seller (.json, .md, ...)."),
    seller: str = typer.Option(..., "--seller", help="The seller (AE) the handoff went to.", metavar="NAME"),
    sent: str = typer.Option(None, "--sent", help="Send date (default: today).", metavar="DATE"),
    partner: str = typer.Option(None, "--partner", help="Partner name, if the packet's is not a clean name.",
                           metavar="NAME"),
    window: int = typer.Option(None, "--window", min=0, help="Response window in business days (default: "
                               "read from the owner field)."),
    priority_list: Path | None = typer.Option(None, "--priority-list", help="As for drafter grade: CSV of "
                                              "account names [, seller].", metavar="FILE"),
    rubric_file: Path | None = typer.Option(None, "--rubric", help="As for drafter grade: TOML laid over the "
                                            "default rubric.", metavar="FILE"),
    db: Path | None = _db_option(),
) -> None:
    """Record a handoff sent to a seller (graded as drafter grade would) and print its id."""
    from drafter.formats import read_packet
    from drafter.ledger.record import from_packet
    from drafter.ledger.store import Ledger

    day = _day(sent, "--sent")
    if not seller.strip():
        _usage("--seller needs a name")
    p = read_packet(packet)
    h = from_packet(p, seller=seller.strip(), sent=day, name=packet.stem, rubric_file=rubric_file,
                    priority_file=priority_list)
    if partner:
        h.partner = partner.strip()
    if window is not None:
        h.window_days = window
    with Ledger(db) as ledger:
        hid = ledger.add(h)
    graded = f", rubric {h.verdict} {h.score}" if h.verdict else ", not graded"
    shown = f"{h.window_days} business days" if h.window_days is not None else "none found (default applies)"
    typer.echo(f"logged handoff {hid}: {h.account or '(no account)'} to {h.seller}, sent {h.sent}, "
               f"window {shown}{graded}", err=True)
    typer.echo(str(hid))


@ledger_app.command("respond")
def respond(
    id: str = typer.Argument(..., help="The handoff's id (or the id it was imported with)."),
    accepted: bool = typer.Option(False, "--accepted", help="The seller accepted the handoff."),
    declined: bool = typer.Option(False, "--declined", help="The seller declined the handoff."),
    on: str = typer.Option(None, "--on", help="Date of the answer (default: today).", metavar="DATE"),
    reason: str = typer.Option(None, "--reason", help="Why, in the seller's words.", metavar="TEXT"),
    force: bool = typer.Option(False, "--force", help="Replace an earlier answer (kept in the history)."),
    db: Path | None = _db_option(),
) -> None:
    """Record the seller's answer: --accepted or --declined."""
    from datetime import date

    from drafter.ledger.businessdays import business_days_between
    from drafter.ledger.store import Ledger

    if accepted == declined:
        _usage("say either --accepted or --declined")
    day = _day(on, "--on")
    with Ledger(db) as ledger:
        row = ledger.respond(id, "accepted" if accepted else "declined", day, reason, force=force)
    took = business_days_between(date.fromisoformat(row["sent"]), day)
    typer.echo(f"handoff {row['id']} {row['outcome']} on {row['responded']}, "
               f"{took} business day{'s' if took != 1 else ''} after it was sent")


@ledger_app.command("import")
def import_(
    file: Path = typer.Argument(..., help="CSV of historical handoffs with their outcomes."),
    dayfirst: bool = typer.Option(False, "--dayfirst", help="Read 03/05/2024 as 3 May (default: 5 March)."),
    db: Path | None = _db_option(),
) -> None:
    """Import historical handoffs from a CSV, all or nothing."""
    from drafter.ledger.importer import parse_csv
    from drafter.ledger.store import Ledger

    with Ledger(db) as ledger:
        parsed = parse_csv(file, dayfirst=dayfirst, known_refs=ledger.refs())
        n = ledger.add_many(parsed.handoffs)
    if parsed.ignored_columns:
        typer.echo(f"drafter: {file}: ignored columns: {', '.join(parsed.ignored_columns)}", err=True)
    typer.echo(f"imported {n} handoff{'s' if n != 1 else ''} from {file}")


@ledger_app.command("metrics")
def metrics(
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
    by: str = typer.Option(None, "--by", help="Also break down by partner, seller, classification, verdict "
                           "or month.", metavar="KEY"),
    as_of: str = typer.Option(None, "--as-of", help="Count overdue as of this day (default: today).",
                              metavar="DATE"),
    holidays: Path = typer.Option(None, "--holidays", help=HOLIDAYS_HELP, metavar="FILE"),
    db: Path | None = _db_option(),
) -> None:
    """Acceptance, response times, overdue handoffs, and acceptance by verdict and score band."""
    import json

    from drafter.ledger.config import load_settings
    from drafter.ledger.metrics import COLUMNS, GROUPINGS, compute
    from drafter.ledger.store import Ledger

    if by is not None and by not in GROUPINGS:
        _usage(f"--by {by!r}: choose one of {', '.join(GROUPINGS)}")
    day = _day(as_of, "--as-of")
    settings = load_settings(holidays)
    with Ledger(db) as ledger, ledger.guard():
        rows = ledger.conn.execute(f"SELECT {', '.join(COLUMNS)} FROM handoffs")
        rows.row_factory = None  # plain tuples: faster than sqlite3.Row over 100,000 rows
        result = compute(rows, as_of=day, cal=settings.calendar, default_window=settings.default_window, by=by)
    if json_out:
        typer.echo(json.dumps(result, indent=2))
    else:
        from drafter.cli.ledger_view import print_metrics

        print_metrics(result)


@ledger_app.command("list")
def list_(
    overdue: bool = typer.Option(False, "--overdue", help="Only handoffs past their response window."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
    as_of: str = typer.Option(None, "--as-of", help="Judge overdue as of this day (default: today).",
                              metavar="DATE"),
    holidays: Path = typer.Option(None, "--holidays", help=HOLIDAYS_HELP, metavar="FILE"),
    db: Path | None = _db_option(),
) -> None:
    """The open handoffs (no answer yet), oldest first, with their due dates."""
    import json

    from drafter.ledger.config import load_settings
    from drafter.ledger.listing import open_items
    from drafter.ledger.store import Ledger

    day = _day(as_of, "--as-of")
    settings = load_settings(holidays)
    with Ledger(db) as ledger:
        items = open_items(ledger.open_handoffs(), as_of=day, cal=settings.calendar,
                           default_window=settings.default_window)
    if overdue:
        items = [i for i in items if i["overdue_business_days"] > 0]
    if json_out:
        typer.echo(json.dumps(items, indent=2))
    else:
        from drafter.cli.ledger_view import print_open

        print_open(items, overdue_only=overdue)


def _day(text: str | None, option: str) -> date:
    from drafter.errors import UsageError
    from drafter.ledger.dates import parse_day

    try:
        return parse_day(text)
    except ValueError as e:
        raise UsageError(f"{option}: {e}") from None


def _usage(message: str) -> None:
    from drafter.errors import UsageError

    raise UsageError(message)
