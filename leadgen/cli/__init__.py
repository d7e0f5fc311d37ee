"""leadgen's command line: thin commands over the library, one module per command group.

A library error (:class:`leadgen.exceptions.LeadgenError`) becomes a one-line message and exit 2;
a database or file system error (read-only, full, missing folder) one line and exit 1.
"""

from __future__ import annotations

import importlib
import signal
import sys

from sqlalchemy.exc import DBAPIError

from leadgen.cli.app import app
from leadgen.exceptions import LeadgenError
from leadgen.interrupts import sigterm_as_ctrl_c

#: Modules that register commands on ``app``; adding a command is adding one line here.
COMMAND_MODULES: list[str] = [
    "leadgen.cli.match",
    "leadgen.cli.demo_web",
    "leadgen.cli.crawl",
    "leadgen.cli.run",
    "leadgen.cli.data",
    "leadgen.cli.extract",
    "leadgen.cli.enrich",
    "leadgen.cli.score",
]

for _module in COMMAND_MODULES:
    importlib.import_module(_module)


def main() -> None:
    """Entry point of the ``leadgen`` script. SIGTERM (``kill``, a service manager,
    ``timeout``) stops a command as Ctrl-C does: its run is logged as interrupted, its
    worker processes end, one line says so, and the exit status is 143."""
    with sigterm_as_ctrl_c() as terminated:
        try:
            app()
        except LeadgenError as exc:
            print(f"leadgen: error: {exc}", file=sys.stderr)
            sys.exit(2)
        except DBAPIError as exc:  # a read-only file, a full disk, a server gone
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
            print(f"leadgen: database error: {reason}; what was committed before it is kept",
                  file=sys.stderr)
            sys.exit(1)
        except OSError as exc:  # a file it cannot write: a folder that is not there, no rights
            where = f": {exc.filename}" if exc.filename else ""
            print(f"leadgen: error: {exc.strerror or exc}{where}", file=sys.stderr)
            sys.exit(1)
        except SystemExit as exc:
            if exc.code == 130:  # typer's exit status for Ctrl-C
                print("leadgen: interrupted; the database keeps what was stored so far (run "
                      "the same command again to resume), and no file was half written",
                      file=sys.stderr)
                if terminated:
                    sys.exit(128 + signal.SIGTERM)
            raise


__all__ = ["app", "main"]
