"""`espro init URL`: a first profile, written from what the target shows.

Each probe is one of the doctor's checks (espro.preflight) made on a profile built for the probe,
so that init and doctor never judge a target differently. What a probe cannot tell becomes a
`# TODO :` line in the file; nothing is written unless the login page answers.
"""

import json
import os
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from espro import preflight
from espro import profile as profiles
from espro.drivers.hooks import TOKEN_HEADER
from espro.errors import RunError

PROBE_TIMEOUT_S = 5
HOOKS_PATH = "__conformance__"  # where the reference implementation puts its hooks (contract §3)
MAIL_SERVERS = (("mailpit", 8025), ("maildev", 1080))  # their usual web ports, tried in this order
LOOPBACK = "127.0.0.1"
TODO = "# TODO :"


def _probe(url: str, **values) -> profiles.Profile:
    """A profile that lives for one check, with the probes' short waits."""
    fields = {"captcha": {"mode": "hook"}, "mail": {"kind": "smtp"}, **values}
    return profiles.Profile(target_url=url, timeouts=dict.fromkeys(("page", "mail", "hooks"), PROBE_TIMEOUT_S), **fields)


def _target_host(url: str, token_variable: str, smtp_port: int) -> str:
    """The target's host, or a RunError saying which input cannot be used."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (a port out of range raises ValueError)
    except ValueError as error:
        raise RunError(f"adresse invalide : {url} ({error})") from None
    if not url.startswith(("http://", "https://")) or not parts.hostname:  # the schema's pattern for target_url
        raise RunError(f"adresse invalide : « {url} » : donnez l'adresse de la page de connexion, "
                       f"avec http:// ou https://")
    profiles.check_address(url, "cible")
    if not profiles.ENV_REFERENCE.fullmatch(f"${{{token_variable}}}"):
        raise RunError(f"--token-variable : « {token_variable} » n'est pas un nom de variable d'environnement")
    if not 0 < smtp_port < 65536:
        raise RunError(f"--smtp-port : {smtp_port} n'est pas un port (1 à 65535)")
    return parts.hostname


def _find_hooks(url: str) -> tuple[str | None, list[str]]:
    """The first usual hooks URL whose /captcha refuses a request without token (401, contract §3),
    and what each URL tried answered."""
    answers = []
    for hooks_url in dict.fromkeys([urljoin(url, "/" + HOOKS_PATH), urljoin(url, HOOKS_PATH)]):
        try:
            with httpx.Client(timeout=PROBE_TIMEOUT_S) as client:
                answer = preflight.hook_request(_probe(url, hooks_url=hooks_url), client, "captcha", None).status_code
        except httpx.HTTPError as error:
            answer = type(error).__name__
        if answer == 401:
            return hooks_url, answers
        answers.append(f"{hooks_url}/captcha → {answer}")
    return None, answers


def _hooks_lines(url: str, token_variable: str) -> tuple[list[str], bool]:
    """The `hooks:` block and its comments, and whether the CAPTCHA hook is in it."""
    hooks_url, answers = _find_hooks(url)
    if hooks_url is None:
        return [f"# Crochets de test (contrat §3) : aucun trouvé ({' ; '.join(answers)}).",
                "# Sans crochets, les scénarios qui en ont besoin finissent « non vérifié » (espro doctor les nomme) ;",
                f"# si la cible a un mode test, ajoutez hooks: {{url: ..., token: \"${{{token_variable}}}\"}}."], False
    lines = ["# Crochets de test (contrat §3), appelés avec l'en-tête " + TOKEN_HEADER + ".",
             f"# trouvé : {hooks_url}/captcha refuse une requête sans jeton (401)."]
    token = os.environ.get(token_variable)
    if not token:
        lines += [f"{TODO} définissez la variable {token_variable} (le jeton des crochets de la cible),",
                  "# puis lancez espro doctor : il dira quels crochets répondent."]
        available = list(profiles.ALL_HOOKS)
    else:
        checks = {hook: preflight.check_hook(_probe(url, hooks_url=hooks_url, hooks_token=token), hook)
                  for hook in profiles.ALL_HOOKS}
        answered = [hook for hook, check in checks.items() if check.ok]
        if answered:
            lines.append(f"# trouvé : répondent avec le jeton de {token_variable} : {', '.join(answered)}.")
            lines += [f"{TODO} crochet {hook} écarté : {check.detail}" for hook, check in checks.items() if not check.ok]
        else:  # a refused token, most likely: all three stay declared, and doctor says why each fails
            lines += [f"{TODO} aucun crochet ne répond avec le jeton de {token_variable} : corrigez le jeton,",
                      f"# ou retirez de available les crochets absents ({checks['captcha'].detail})."]
        available = answered or list(profiles.ALL_HOOKS)
    lines += ["hooks:", f"  url: {json.dumps(hooks_url)}",
              f"  token: \"${{{token_variable}}}\"  # la variable, jamais le jeton lui-même",
              f"  available: [{', '.join(available)}]"]
    return lines, "captcha" in available


def _find_mail(url: str, host: str) -> dict | None:
    """The first Mailpit or MailDev whose API answers, on the target's machine then on this one."""
    for mail_host in _mail_hosts(host):
        for kind, port in MAIL_SERVERS:
            mail = {"kind": kind, "url": f"http://{f'[{mail_host}]' if ':' in mail_host else mail_host}:{port}"}
            if preflight.check_mail(_probe(url, mail=mail)).ok:
                return mail
    return None


def _mail_hosts(host: str) -> list[str]:
    return list(dict.fromkeys([host, LOOPBACK]))


def _mail_lines(url: str, host: str, smtp_port: int) -> list[str]:
    lines = ["# Où la suite lit le courrier d'activation (contrat §2)."]
    mail = _find_mail(url, host)
    if mail:
        return lines + [f"# trouvé : {mail['kind']} répond sur {mail['url']} ; la cible doit y envoyer son courrier.",
                        f"mail: {{kind: {mail['kind']}, url: {json.dumps(mail['url'])}}}"]
    tried = ", ".join(f"{kind} (port {port})" for kind, port in MAIL_SERVERS)
    return lines + [f"# Aucun serveur de courrier trouvé ({tried} sur {' et '.join(_mail_hosts(host))}).",
                    f"{TODO} faites pointer le courrier sortant de la cible vers le puits SMTP de la suite,",
                    f"# {LOOPBACK}:{smtp_port} (host: 0.0.0.0 si la cible tourne sur une autre machine), ou donnez",
                    "# l'API de votre serveur de courrier : {kind: mailpit, url: ...} ou {kind: maildev, url: ...}.",
                    f"mail: {{kind: smtp, host: {LOOPBACK}, port: {smtp_port}}}"]


def _render(url: str, token_variable: str, smtp_port: int) -> str:
    """The commented profile for the target at `url`, from what it answers; a RunError when it is
    not a login page that answers."""
    host = _target_host(url, token_variable, smtp_port)
    target = preflight.check_target(_probe(url))
    if not target.ok:
        raise RunError(target.detail)
    hooks, captcha_hook = _hooks_lines(url, token_variable)
    captcha = (["# Le CAPTCHA : la suite lit la réponse par le crochet captcha.", "captcha: {mode: hook}"]
               if captcha_hook else
               [f"{TODO} la réponse que le mode test de la cible accepte pour toute image (sans elle, aucun CAPTCHA",
                "# ne peut être franchi), ou un crochet captcha.",
                'captcha: {mode: fixed, answer: "TODO"}'])
    sections = [
        [f"# Profil de cible écrit par `espro init {url}`.",
         "# Chaque clé est décrite dans schemas/profile.schema.json ; après chaque changement,",
         "# vérifiez le profil avec `espro doctor --profile FICHIER`."],
        ["# La page de connexion (contrat §1).", f"# trouvé : {target.detail}.", f"target_url: {json.dumps(url)}"],
        hooks, captcha, _mail_lines(url, host, smtp_port),
        ["# Les contrôles que la cible nomme autrement que le guide, {name: ...} ou {css: ...} :",
         "# clés et exemples sous « locators » dans schemas/profile.schema.json.", "locators: {}"],
    ]
    return "\n\n".join("\n".join(section) for section in sections) + "\n"


def create(url: str, output: Path, token_variable: str = "CONFORMANCE_TOKEN", smtp_port: int = 2525,
           force: bool = False) -> int:
    """Probe `url` and write its profile at `output`: the number of TODOs left in it. A RunError
    (one line) leaves nothing written."""
    _refuse_overwrite(output, force)
    text = _render(url, token_variable, smtp_port)
    temporary = output.with_name(f".{output.name}.{os.getpid()}.tmp")  # beside it: the rename is atomic
    try:
        with open(temporary, "x", encoding="utf-8") as file:
            file.write(text)
        profiles.load(temporary, {token_variable: "jeton"})
        _refuse_overwrite(output, force)
        os.replace(temporary, output)
    except OSError as error:
        raise RunError(f"impossible d'écrire {output} : {error.strerror or error}") from None
    finally:
        temporary.unlink(missing_ok=True)
    return text.count(TODO)


def _refuse_overwrite(output: Path, force: bool) -> None:
    if output.exists() and not force:
        raise RunError(f"{output} existe déjà : choisissez un autre --output, ou --force pour le remplacer")
