"""The `espro` command: serve the reference implementation, run the suite against a target."""

import argparse
import os
import sys

from espro import PACKAGE_DIR, PROJECT_ROOT

RUN_EXIT = {0: 0, 1: 1}
CONFORMANCE_MODULE = "steps/test_conformance.py"


def serve(args) -> int:
    """Start the reference implementation (gunicorn, several workers) until interrupted."""
    token = os.environ.get("CONFORMANCE_TOKEN", "")
    if args.test_mode and not token:
        print("espro serve : --test-mode demande la variable CONFORMANCE_TOKEN (le jeton des crochets)", file=sys.stderr)
        return 2
    from reference_impl.serving import CannotListen, serve as serve_reference

    overrides = {"ESPRO_TEST_MODE": "1" if args.test_mode else "0", "CONFORMANCE_TOKEN": token,
                 "ESPRO_MAIL_HOST": args.mail_host, "ESPRO_MAIL_PORT": args.mail_port}
    if args.database_url:
        overrides["DATABASE_URL"] = args.database_url
    try:
        serve_reference(args.host, args.port, overrides, workers=args.workers)
    except CannotListen as error:
        print(f"espro serve : {error}", file=sys.stderr)
        return 2
    return 0


def run(args, pytest_args) -> int:
    """A thin layer over pytest: the same run as `pytest --profile FILE`, with the contract's exit codes."""
    import pytest

    selected = [str(PROJECT_ROOT / node) for node in args.scenarios] or [str(PROJECT_ROOT / CONFORMANCE_MODULE)]
    command = selected + ["--rootdir", str(PROJECT_ROOT), "-c", str(PACKAGE_DIR / "run.ini"),
                          "--profile", args.profile, "--report", args.report]
    if args.serve_reference:
        command.append("--serve-reference")
    if args.espro_seed is not None:
        command += ["--espro-seed", str(args.espro_seed)]
    if args.strict:
        command.append("--espro-strict")
    return RUN_EXIT.get(int(pytest.main(command + workers(args, pytest_args) + pytest_args)), 2)


def workers(args, pytest_args: list[str]) -> list[str]:
    """The whole suite runs on one process per core unless `-n` says otherwise: the run is bound by
    the CPU its browsers use (README, « Mesurer »: on 2 cores, -n 2 beats -n 3 and -n 4). One
    scenario runs alone, without the workers' start-up."""
    chosen = any(arg.startswith(("-n", "--numprocesses")) or arg == "no:xdist" for arg in pytest_args)
    return [] if chosen or args.scenarios else ["-n", "auto"]


def doctor(args) -> int:
    """Check a target before a run and print one table: 0 when a run can be made, 2 otherwise."""
    from espro import expectations, preflight
    from espro import profile as profiles
    from espro.errors import RunError

    try:
        profile = profiles.load(args.profile)
        if profile.expectations:
            expectations.load(profile.expectations)
    except RunError as error:
        print(f"espro doctor : {error}", file=sys.stderr)
        return 2
    checks = [preflight.Check("Profil", True, f"{profile.source} valide")]
    checks += preflight.required_checks(profile) + [preflight.check_mail(profile)]
    if all(check.ok for check in checks):  # a target that does not answer, or a hook refused, says enough
        checks.append(preflight.check_preparation(profile))
    unverifiable = preflight.unverifiable_rules(profile)
    by_reason: dict[str, list[str]] = {}
    for rule_id, reason in unverifiable.items():
        by_reason.setdefault(reason, []).append(rule_id)
    checks += [preflight.Check("Règles non vérifiables", None, f"{len(ids)} ({', '.join(ids)}) : {reason}")
               for reason, ids in by_reason.items()]
    if not unverifiable:
        checks.append(preflight.Check("Règles non vérifiables", True, "aucune : le profil permet de tout vérifier"))
    width = max(len(check.name) for check in checks)
    for check in checks:
        mark = {True: "OK ", False: "KO ", None: "-- "}[check.ok]
        print(f"{mark} {check.name.ljust(width)}  {check.detail}")
    failed = [check for check in checks if check.ok is False]
    print(f"espro doctor : {len(failed)} problème(s), corrigez-les avant de lancer espro run" if failed
          else "espro doctor : la cible est prête pour espro run")
    return 2 if failed else 0


def init(args) -> int:
    """Write a first profile from what the target answers, then check it as `espro doctor` does."""
    from pathlib import Path

    from espro import init_profile
    from espro.errors import RunError

    try:
        todos = init_profile.create(args.url, Path(args.output), args.token_variable, args.smtp_port, args.force)
    except RunError as error:
        print(f"espro init : {' '.join(str(error).split())}", file=sys.stderr)
        return 2
    print(f"profil écrit : {args.output}")
    print(f"TODO restants : {todos}" + (" (cherchez « TODO » dans le fichier)" if todos else ""))
    return doctor(argparse.Namespace(profile=args.output))


def spec(args) -> int:
    """Write the specification (catalogue and features) as one French HTML page."""
    from espro.html_report import render_spec

    with open(args.output, "w", encoding="utf-8") as output:
        output.write(render_spec())
    print(f"spécification : {args.output}")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="espro", description="Kit de conformité « Créer un espace professionnel expert ».")
    commands = main.add_subparsers(dest="command", required=True)

    served = commands.add_parser("serve", help="démarrer l'implémentation de référence")
    served.add_argument("--host", default="127.0.0.1")
    served.add_argument("--port", type=int, default=8000)
    served.add_argument("--test-mode", action="store_true", help="ouvrir les crochets de test (jeton : CONFORMANCE_TOKEN)")
    served.add_argument("--database-url", help="base SQLAlchemy (défaut : fichier SQLite de l'instance)")
    served.add_argument("--mail-host", default="127.0.0.1")
    served.add_argument("--mail-port", type=int, default=2525)
    served.add_argument("--workers", type=int, default=3, help="processus gunicorn (défaut : 3)")

    ran = commands.add_parser("run", help="éprouver une cible décrite par un profil",
                              epilog="Les autres options (-k, -m, -x, -n ...) passent à pytest.")
    ran.add_argument("--profile", required=True, help="profil YAML de la cible")
    ran.add_argument("--report", default="reports", help="dossier du rapport (défaut : reports)")
    ran.add_argument("--serve-reference", action="store_true", help="démarrer l'implémentation de référence pendant la course")
    ran.add_argument("--espro-seed", type=int, help="graine des données de test")
    ran.add_argument("--strict", action="store_true",
                     help="une recommandation non suivie échoue comme une exigence (défaut : un avertissement)")
    ran.add_argument("--scenario", dest="scenarios", action="append", default=[], metavar="ID",
                     help="ne jouer que ce scénario (identifiant pytest, voir « rerun » dans le rapport) ; répétable")
    doctored = commands.add_parser("doctor", help="vérifier une cible et son profil avant une course")
    doctored.add_argument("--profile", required=True, help="profil YAML de la cible")
    initialised = commands.add_parser("init", help="écrire un premier profil en sondant une cible, puis le vérifier")
    initialised.add_argument("url", help="adresse de la page de connexion de la cible")
    initialised.add_argument("--output", default="profile.yaml", help="profil à écrire (défaut : profile.yaml)")
    initialised.add_argument("--force", action="store_true", help="remplacer le profil s'il existe")
    initialised.add_argument("--token-variable", default="CONFORMANCE_TOKEN",
                             help="variable d'environnement du jeton des crochets (défaut : CONFORMANCE_TOKEN)")
    initialised.add_argument("--smtp-port", type=int, default=2525,
                             help="port du puits SMTP de la suite, quand aucun serveur de courrier n'est trouvé (défaut : 2525)")
    specified = commands.add_parser("spec", help="écrire la spécification en HTML, sans rien jouer")
    specified.add_argument("--output", default="specification.html", help="fichier HTML (défaut : specification.html)")
    return main


def main(argv=None) -> int:
    args, rest = parser().parse_known_args(argv)
    if args.command == "run":
        return run(args, rest)
    if rest:
        parser().error(f"options inconnues : {' '.join(rest)}")
    return {"spec": spec, "doctor": doctor, "serve": serve, "init": init}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
