"""One command for the figures of the README's « Mesurer » section.

The whole suite's wall time and where its step time goes, then the journey through the suite beside
the same journey as a plain Playwright script; with --fresh-clone, `make test` on a fresh clone too.
"""

import argparse
import os
import platform
import sys
from pathlib import Path

from espro import profile as profiles
from espro.errors import RunError

from benchmarks import flakes, fresh_clone, journey, suite

DEFAULT_PROFILE = "fixtures/profiles/reference.yaml"


def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"un entier positif est attendu, pas {text!r}")
    return int(text)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    main.add_argument("--profile", default=DEFAULT_PROFILE,
                      help=f"profil de l'implémentation de référence à servir (défaut : {DEFAULT_PROFILE})")
    main.add_argument("--workers", type=positive, default=2, help="processus de la suite complète (-n, défaut : 2)")
    main.add_argument("--runs", type=positive, default=3, help="essais du parcours, suite et script (défaut : 3)")
    main.add_argument("--journey-only", action="store_true", help="le parcours seul, sans la suite complète")
    main.add_argument("--fresh-clone", action="store_true", help="aussi `make test` sur un clone neuf (~50 min)")
    main.add_argument("--flakes", type=positive, metavar="N",
                      help="seulement : N courses complètes, et les scénarios dont le verdict change")
    return main


def load() -> str:
    """Other work on the machine slows every figure: the load average says how much there was."""
    return f"charge moyenne {os.getloadavg()[0]:.1f} sur {os.cpu_count()} cœurs"


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # each figure shows as soon as it is measured
    try:
        target = profiles.load(Path(args.profile).resolve())  # the runs start in the repository's root
        print(f"Python {platform.python_version()}, {load()}")
        if args.flakes:
            flakes.measure(target, args.flakes, args.workers)
            print(f"Fin : {load()}")
            return 0
        if not args.journey_only:
            suite.measure(target, args.workers)
        journey.measure(target, args.runs)
        if args.fresh_clone:
            fresh_clone.measure()
        print(f"Fin : {load()}")
    except (RunError, suite.BenchError) as error:
        print(f"benchmarks : {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("benchmarks : interrompu", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
