"""Loading a target profile: substitution, validation, one clear line for each mistake."""

import pytest

from espro import FIXTURES_DIR
from espro.errors import RunError
from espro.profile import load

VALID = """\
target_url: http://127.0.0.1:8000/
hooks:
  url: http://127.0.0.1:8000/__conformance__/
  token: ${TOKEN}
captcha: {mode: hook}
mail: {kind: smtp, host: 127.0.0.1, port: 2525}
"""


def write(tmp_path, text):
    path = tmp_path / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_profile_substitutes_environment(tmp_path):
    profile = load(write(tmp_path, VALID), environ={"TOKEN": "s3cret"})
    assert profile.hooks_token == "s3cret"
    assert profile.hooks_url == "http://127.0.0.1:8000/__conformance__"
    assert profile.hooks_available == ("captcha", "clock", "certificate-spaces")
    assert profile.secrets() == ["s3cret"]
    assert profile.timeout("mail") == 15


def test_missing_environment_variable_is_named(tmp_path):
    with pytest.raises(RunError, match="variable d'environnement TOKEN n'est pas définie"):
        load(write(tmp_path, VALID), environ={})


def test_typo_in_a_key_names_the_key(tmp_path):
    with pytest.raises(RunError, match="clé inconnue 'tagret_url'"):
        load(write(tmp_path, VALID.replace("target_url", "tagret_url")), environ={"TOKEN": "t"})


def test_typo_in_a_nested_key_names_where(tmp_path):
    with pytest.raises(RunError, match="clé inconnue 'tokn' dans hooks"):
        load(write(tmp_path, VALID.replace("token:", "tokn:")), environ={"TOKEN": "t"})


def test_unknown_mail_kind_is_refused(tmp_path):
    text = VALID.replace("{kind: smtp, host: 127.0.0.1, port: 2525}", "{kind: pigeon}")
    with pytest.raises(RunError, match="mail"):
        load(write(tmp_path, text), environ={"TOKEN": "t"})


@pytest.mark.parametrize("old, new, where", [
    ("target_url: http://127.0.0.1:8000/", "target_url: http://256.0.0.1/", "target_url"),
    ("url: http://127.0.0.1:8000/__conformance__/", "url: http://exé..fr/__conformance__", "hooks/url"),
])
def test_an_address_no_client_can_use_is_one_line(tmp_path, old, new, where):
    with pytest.raises(RunError, match=f"profil invalide : {where} : adresse invalide"):
        load(write(tmp_path, VALID.replace(old, new)), environ={"TOKEN": "t"})


def test_not_yaml_says_so(tmp_path):
    with pytest.raises(RunError, match="pas du YAML valide"):
        load(write(tmp_path, "target_url: [unclosed"), environ={})


def test_missing_file_says_so(tmp_path):
    with pytest.raises(RunError, match="profil introuvable"):
        load(tmp_path / "absent.yaml")


def test_fixed_captcha_and_declared_hooks(tmp_path):
    text = VALID.replace("captcha: {mode: hook}", "captcha: {mode: fixed, answer: AB12CD}").replace(
        "  token: ${TOKEN}", "  token: t\n  available: [clock]")
    profile = load(write(tmp_path, text), environ={})
    assert profile.captcha == {"mode": "fixed", "answer": "AB12CD"}
    assert profile.has_hook("clock") and not profile.has_hook("captcha")


def test_bundled_reference_profile_is_valid():
    profile = load(FIXTURES_DIR / "profiles" / "reference.yaml", environ={"CONFORMANCE_TOKEN": "t"})
    assert profile.target_url == "http://127.0.0.1:8000/"


@pytest.mark.parametrize("path", sorted((FIXTURES_DIR / "profiles").glob("*.yaml")), ids=lambda path: path.name)
def test_every_bundled_profile_is_valid(path):
    environ = {"CONFORMANCE_TOKEN": "t", "ESPRO_RECETTE_URL": "https://recette.exemple.fr/",
               "ESPRO_RECETTE_CAPTCHA": "AB12CD", "ESPRO_RECETTE_MAILPIT": "http://mailpit.recette.exemple.fr"}
    assert load(path, environ=environ).target_url.startswith("http")


def test_a_locator_for_something_the_contract_does_not_name_is_refused(tmp_path):
    text = VALID + "locators:\n  Suivant: {name: Continuer}\n"
    with pytest.raises(RunError, match="clé inconnue 'Suivant' dans locators"):
        load(write(tmp_path, text), environ={"TOKEN": "t"})


def test_locator_overrides_and_expectations_path(tmp_path):
    text = VALID + "locators:\n  Continuer: {name: Suivant}\n  etape-courante: {css: li.active}\nexpectations: ecarts.yaml\n"
    profile = load(write(tmp_path, text), environ={"TOKEN": "t"})
    assert profile.locators == {"Continuer": {"name": "Suivant"}, "etape-courante": {"css": "li.active"}}
    assert profile.expectations == str(tmp_path / "ecarts.yaml")


def test_the_schema_lists_every_name_the_suite_may_look_for():
    from espro import schemas
    from espro.drivers.locators import CONTRACT_NAMES

    assert set(schemas.load("profile.schema.json")["properties"]["locators"]["properties"]) == set(CONTRACT_NAMES)


def test_a_port_may_come_from_the_environment(tmp_path):
    text = VALID.replace("mail: {kind: smtp, host: 127.0.0.1, port: 2525}",
                         "mail: {kind: smtp, host: 127.0.0.1, port: \"${PORT}\"}")
    assert load(write(tmp_path, text), environ={"TOKEN": "t", "PORT": "2300"}).mail["port"] == 2300
    with pytest.raises(RunError, match="mail"):
        load(write(tmp_path, text), environ={"TOKEN": "t", "PORT": "vingt"})
