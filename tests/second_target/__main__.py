"""Serve the second target in test mode: `python -m tests.second_target --port 8300 --mail-port 2300`.

The hooks' token comes from CONFORMANCE_TOKEN; the data lives in a temporary SQLite file that
disappears with the server, as each run wants a fresh target.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

from werkzeug.serving import run_simple

from tests.second_target.app import create_app


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.second_target", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8300)
    parser.add_argument("--mail-host", default="127.0.0.1")
    parser.add_argument("--mail-port", type=int, default=2300)
    args = parser.parse_args(argv)
    token = os.environ.get("CONFORMANCE_TOKEN")
    if not token:
        print("seconde cible : définissez CONFORMANCE_TOKEN (le jeton des crochets)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="espro-second-target-") as folder:
        app = create_app({"ESPRO_TEST_MODE": "1", "CONFORMANCE_TOKEN": token,
                          "DATABASE_URL": f"sqlite:///{Path(folder) / 'second-target.sqlite'}",
                          "ESPRO_MAIL_HOST": args.mail_host, "ESPRO_MAIL_PORT": args.mail_port})
        run_simple(args.host, args.port, app, threaded=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
