import sys

from espro.cli import main

sys.exit(main())
