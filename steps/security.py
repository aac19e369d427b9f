"""Steps of the security findings (features/constats_securite.feature, OWASP ASVS 5.0.0): what a
page tells the browser about itself, as anyone outside the site can read it. A failed check here
is a finding, never a rule's verdict (espro.attribution)."""

from math import comb

from pytest_bdd import given, parsers, when

from espro.testdata import changed_character
from steps.checks import then

# What a session cookie's SameSite may say for it not to travel with another site's requests.
SAME_SITE = {"lax", "strict"}
# An activation code as the contract gives it, and how unlikely two random codes' agreement on as
# many places must be (per pair) before it is called a pattern.
CODE_LENGTH = 12
CHANCE = 1e-6
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


@when(parsers.parse('il va, dans son navigateur, jusqu\'à l\'étape "{step}" de la pré-inscription'))
def in_the_browser_up_to(user, step):
    user.reach(step)


@then("ses cookies disent qu'ils ne partent pas avec les requêtes des autres sites")
def cookies_stay_on_site(user):
    loose = {cookie["name"]: cookie.get("sameSite") for cookie in user.cookies_kept()
             if str(cookie.get("sameSite", "")).lower() not in SAME_SITE}
    assert not loose, "cookies sans SameSite=Lax ni Strict : " + ", ".join(
        f"{name} ({same_site or 'sans SameSite'})" for name, same_site in loose.items())


@given(parsers.parse("{count:d} usagers qui ont validé leur inscription sans activer leur espace"),
       target_fixture="sampled_codes")
def sampled_codes(user, count):
    return user.codes_of_new_requests(count)


def alphabet_size(codes: list[str]) -> int:
    """The characters the codes seem drawn from: digits, lower case, upper case, as they appear."""
    text = "".join(codes)
    return sum(size for test, size in ((str.isdigit, 10), (str.islower, 26), (str.isupper, 26))
               if any(test(char) for char in text))


def pattern_threshold(codes: list[str]) -> int:
    """The fewest places two codes may share before chance cannot explain it, for that alphabet."""
    chance = 1 / alphabet_size(codes)
    return next(places for places in range(1, CODE_LENGTH + 1)
                if comb(CODE_LENGTH, places) * chance ** places < CHANCE)


@then("leurs codes d'activation sont tous différents et aucun n'en annonce un autre")
def codes_random(sampled_codes):
    assert all(sampled_codes), f"un courriel sans code d'activation : {sampled_codes}"
    assert len(set(sampled_codes)) == len(sampled_codes), f"un même code envoyé deux fois : {sampled_codes}"
    fixed = [place + 1 for place in range(CODE_LENGTH) if len({code[place] for code in sampled_codes}) == 1]
    assert not fixed, f"les {len(sampled_codes)} codes ont le même caractère en position {fixed} : {sampled_codes}"
    threshold = pattern_threshold(sampled_codes)
    alike = [(a, b) for index, a in enumerate(sampled_codes) for b in sampled_codes[index + 1:]
             if sum(x == y for x, y in zip(a, b)) >= threshold]
    assert not alike, f"des codes qui se ressemblent (au moins {threshold} caractères à la même place) : " + \
        ", ".join(f"{a} et {b}" for a, b in alike)


@given(parsers.parse("il s'est trompé {count:d} fois de suite de mot de passe"))
def guessed_passwords(user, count):
    user.fail_to_log_in(count, changed_character(user.applicant.password))


@when("une heure passe, le temps que le site lève ses limites")
def an_hour_later(user):
    user.let_time_pass(3600)


@when(parsers.parse('il clique sur "{name}", puis un robot renvoie le même formulaire depuis une autre session'),
      target_fixture="robot")
def replayed_by_a_robot(user, name):
    return user.press_and_replay(name)


@then(parsers.parse('le robot n\'est pas passé à l\'étape "{step}"'))
def robot_stopped(robot, step):
    assert robot.step_shown() != step, \
        f"la cible a accepté une seconde fois la même réponse à l'image : le robot est à l'étape « {step} »"
