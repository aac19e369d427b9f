"""Steps of the security findings (features/constats_securite.feature, OWASP ASVS 5.0.0): what a
page tells the browser about itself, as anyone outside the site can read it. A failed check here
is a finding, never a rule's verdict (espro.attribution)."""

from pytest_bdd import parsers, when

from steps.checks import then

# Policies that send another site no more than the origin (ASVS 3.4.5: no path nor query leaked).
REFERRER_POLICIES = {"no-referrer", "same-origin", "origin", "strict-origin", "strict-origin-when-cross-origin"}


def directives(policy: str) -> dict[str, list[str]]:
    """A Content-Security-Policy's directives: name → sources."""
    found = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            found.setdefault(words[0].lower(), words[1:])
    return found


def content_security_policy(user) -> dict[str, list[str]]:
    policy = user.page_headers().get("content-security-policy", "")
    assert policy, "la page n'envoie pas d'en-tête Content-Security-Policy"
    return directives(policy)


@then("la page ne laisse charger et exécuter que des contenus de confiance")
def trusted_content_only(user):
    policy = content_security_policy(user)
    objects = policy.get("object-src", policy.get("default-src") if "object-src" not in policy else None)
    assert objects == ["'none'"], f"la politique de contenu n'interdit pas les objets (object-src 'none') : {objects}"
    assert policy.get("base-uri") == ["'none'"], f"la politique de contenu n'a pas base-uri 'none' : {policy.get('base-uri')}"


@then("la page interdit à tout autre site de l'afficher dans un cadre")
def not_framed(user):
    ancestors = content_security_policy(user).get("frame-ancestors")
    assert ancestors is not None, "la politique de contenu n'a pas de directive frame-ancestors"
    assert not {"*", "http:", "https:"} & set(ancestors), f"frame-ancestors admet n'importe quel site : {ancestors}"


@then("la page interdit au navigateur de deviner la nature de son contenu")
def not_sniffed(user):
    value = user.page_headers().get("x-content-type-options", "")
    assert value.strip().lower() == "nosniff", f"X-Content-Type-Options vaut « {value} », pas nosniff"


@then("la page ne dit pas son adresse aux autres sites")
def referrer_kept(user):
    policy = user.referrer_policy()
    kept = [word.strip().lower() for word in policy.split(",") if word.strip()]
    assert kept and kept[-1] in REFERRER_POLICIES, \
        f"politique de référent « {policy or 'aucune'} » : le chemin de la page peut partir vers un autre site"


@then("la page n'est gardée dans aucun cache")
def not_cached(user):
    value = user.page_headers().get("cache-control", "")
    assert "no-store" in value.lower(), f"Cache-Control vaut « {value or 'rien'} », sans no-store"


@then("ses cookies sont hors de portée des scripts de la page")
def cookies_out_of_scripts(user):
    reachable = [cookie["name"] for cookie in user.cookies_kept() if not cookie.get("httpOnly")]
    assert not reachable, f"cookies lisibles par les scripts (sans HttpOnly) : {', '.join(reachable)}"


@when(parsers.parse('une page d\'un autre site envoie le formulaire à sa place par "{name}", sans ses champs cachés'))
def forged_submission(user, name):
    user.press_from_another_site(name)


@then(parsers.parse('il n\'est pas passé à l\'étape "{step}"'))
def not_moved_on(user, step):
    assert user.step_shown() != step, \
        f"la cible a accepté le formulaire venu d'un autre site sans ses champs cachés : l'étape « {step} » est montrée"


@then(parsers.parse('il peut coller un texte dans le champ "{label}"'))
def paste_allowed(user, label):
    assert user.can_paste_into(label), f"le champ « {label} » refuse ce que l'usager y colle"
