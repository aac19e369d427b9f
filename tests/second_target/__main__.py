"""Serve the second target in test mode: `python -m tests.second_target --port 8300 --mail-port 2300`.

The hooks' token comes from CONFORMANCE_TOKEN; the data lives in a temporary SQLite file that
disappears with the server, as each run wants a fresh target.
"""

import sys

from tests.second_target.app import create_app
from tests.support import serve_test_target

if __name__ == "__main__":
    sys.exit(serve_test_target(create_app, __doc__.splitlines()[0], port=8300, mail_port=2300))
