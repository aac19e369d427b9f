"""Servir la cible de variance en mode test : `python -m tests.variance_target --port 8400 --mail-port 2400`.

Le jeton des crochets vient de CONFORMANCE_TOKEN ; les données vivent dans un fichier SQLite
temporaire qui disparaît avec le serveur.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

from werkzeug.serving import run_simple

from .app import create_app


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.variance_target", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8400)
    parser.add_argument("--mail-host", default="127.0.0.1")
    parser.add_argument("--mail-port", type=int, default=2400)
    args = parser.parse_args(argv)
    token = os.environ.get("CONFORMANCE_TOKEN")
    if not token:
        print("cible de variance : définissez CONFORMANCE_TOKEN (le jeton des crochets)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="espro-variance-") as dossier:
        app = create_app({"ESPRO_TEST_MODE": "1", "CONFORMANCE_TOKEN": token,
                          "DATABASE_URL": f"sqlite:///{Path(dossier) / 'variance.sqlite'}",
                          "ESPRO_MAIL_HOST": args.mail_host, "ESPRO_MAIL_PORT": args.mail_port})
        run_simple(args.host, args.port, app, threaded=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
