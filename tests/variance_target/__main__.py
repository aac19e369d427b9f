"""Servir la cible de variance en mode test : `python -m tests.variance_target --port 8400 --mail-port 2400`.

Le jeton des crochets vient de CONFORMANCE_TOKEN ; les données vivent dans un fichier SQLite
temporaire qui disparaît avec le serveur.
"""

import sys

from tests.support import serve_test_target

from .app import create_app

if __name__ == "__main__":
    sys.exit(serve_test_target(create_app, __doc__.splitlines()[0], port=8400, mail_port=2400))
