"""A scenario's rules get the verdict of their own checks (espro/attribution.py, espro/late_mail.py)."""

import textwrap

import pytest

from espro import attribution, catalogue, gherkin_view, late_mail

RECOMMENDED = {"RECO-01"}


@pytest.fixture(autouse=True)
def forces(monkeypatch):
    monkeypatch.setattr(catalogue, "force", lambda rule: "recommandation" if rule in RECOMMENDED else "exigence")


def step(line, status="passed", rules=(), kind="then", message="", **more):
    return {"line": line, "status": status, "rules": list(rules), "kind": kind, "text": f"étape {line}",
            "message": message, **more}


JOURNEY = {10: ("MODE-01",), 11: ("MODE-01",), 12: ("PDF-01",), 13: ("ESPACE-01",)}
RULES = ["ESPACE-01", "MODE-01", "PDF-01"]


def test_a_failed_check_fails_only_its_rules():
    steps = [step(10, kind="given", rules=["MODE-01"]), step(11, rules=["MODE-01"]),
             step(12, "failed", ["PDF-01"], message="valeurs du PDF")]
    judged = attribution.judge(steps, RULES, JOURNEY)
    assert judged["verdict"] == "failed"
    assert judged["reason"] == "valeurs du PDF"
    verdicts = {rule: outcome["verdict"] for rule, outcome in judged["rule_verdicts"].items()}
    assert verdicts == {"MODE-01": "passed", "PDF-01": "failed", "ESPACE-01": "not-verified"}
    assert judged["rule_verdicts"]["ESPACE-01"]["reason"] == attribution.NOT_REACHED


def test_a_failed_preparation_verifies_nothing():
    steps = [step(10, "failed", ["MODE-01"], kind="given", message="étape non atteinte", preparation=True)]
    judged = attribution.judge(steps, RULES, JOURNEY)
    assert judged["verdict"] == "not-verified"
    assert judged["reason"].startswith("préparation impossible (« étape 10 ») : étape non atteinte")
    assert {outcome["verdict"] for outcome in judged["rule_verdicts"].values()} == {"not-verified"}


def test_a_failed_given_that_is_no_preparation_failure_fails():
    steps = [step(10, "failed", ["MODE-01"], kind="given", message="ValueError")]
    assert attribution.judge(steps, ["MODE-01"], {10: ("MODE-01",)})["verdict"] == "failed"


def test_a_recommendation_warns_and_strict_fails_it():
    lines = {10: ("RECO-01",), 11: ("MODE-01",)}
    warned = [step(10, "warning", ["RECO-01"], message="libellé"), step(11, rules=["MODE-01"])]
    judged = attribution.judge(warned, ["MODE-01", "RECO-01"], lines)
    assert judged["verdict"] == "warning"
    assert judged["rule_verdicts"]["RECO-01"] == {"verdict": "warning", "reason": "libellé"}
    assert judged["rule_verdicts"]["MODE-01"] == {"verdict": "passed"}
    stopped = [step(10, "failed", ["RECO-01"], kind="when", message="bouton absent", by_target=True)]
    assert attribution.judge(stopped, ["RECO-01"], {10: ("RECO-01",)})["verdict"] == "warning"
    assert attribution.judge(stopped, ["RECO-01"], {10: ("RECO-01",)}, strict=True)["verdict"] == "failed"


def test_a_criterion_scenario_the_target_stops_is_not_verified_but_the_suites_own_error_fails():
    stopped = [step(10, kind="given"), step(11, "failed", kind="when", message="bouton absent", by_target=True)]
    judged = attribution.judge(stopped, [], {})
    assert judged["verdict"] == "not-verified"
    assert judged["reason"] == "vérification impossible (« étape 11 ») : bouton absent"
    assert attribution.judge([step(10, "failed", kind="when", message="KeyError")], [], {})["verdict"] == "failed"


def test_an_undefined_step_fails_the_scenario():
    judged = attribution.judge([step(10), step(11, "undefined")], ["MODE-01"], {10: ("MODE-01",), 11: ("MODE-01",)})
    assert judged["verdict"] == "failed"
    assert "étape 11" in judged["reason"]


def test_a_missing_hook_leaves_checked_rules_passed():
    steps = [step(10, rules=["MODE-01"]), step(11, "not-verified", ["PDF-01"], message="pas d'horloge")]
    judged = attribution.judge(steps, ["MODE-01", "PDF-01"], {10: ("MODE-01",), 11: ("PDF-01",)})
    assert judged["verdict"] == "not-verified"
    assert judged["rule_verdicts"]["MODE-01"] == {"verdict": "passed"}
    assert judged["rule_verdicts"]["PDF-01"] == {"verdict": "not-verified", "reason": "pas d'horloge"}


def test_annotations_group_each_action_with_its_check(tmp_path):
    path = tmp_path / "parcours.feature"
    path.write_text(textwrap.dedent("""\
        # language: fr
        Fonctionnalité: Parcours
          @MODE-01 @PDF-01
          Scénario: Tout
            Soit un usager
            Quand il choisit le mode
            # vérifie : MODE-01
            Alors le mode est choisi
            Quand il ouvre le PDF
            # vérifie : PDF-01
            Alors le PDF est lisible
        """), encoding="utf-8")
    scenario = gherkin_view.feature(path).scenarios[0]
    assert gherkin_view.attribution(scenario) == {5: ("MODE-01",), 6: ("MODE-01",), 8: ("MODE-01",),
                                                  9: ("PDF-01",), 11: ("PDF-01",)}


def test_a_late_message_fails_the_check_that_saw_none():
    scenario = {"name": "Aucun courriel", "rules": ["MAIL-02"], "verdict": "passed",
                "rule_verdicts": {"MAIL-02": {"verdict": "passed"}},
                "mail_watch": [{"address": "a@exemple.fr", "count": 0, "at": 100.0, "rules": ["MAIL-02"],
                                "step": "aucun courriel ne lui est envoyé"}]}
    on_time = {"name": "Un courriel", "rules": ["MAIL-03"], "verdict": "passed",
               "mail_watch": [{"address": "b@exemple.fr", "count": 1, "at": 90.0, "rules": ["MAIL-03"]}]}
    pending = late_mail.watches([scenario, on_time])
    slept = []
    late_mail.wait_out(pending, 15, sleep=slept.append, now=lambda: 105.0)
    assert slept == [10.0]
    failed = late_mail.late(pending, {"a@exemple.fr": 1, "b@exemple.fr": 1}.get, strict=False)
    assert failed == [scenario]
    assert scenario["verdict"] == "failed"
    assert scenario["rule_verdicts"]["MAIL-02"]["verdict"] == "failed"
    assert "après la vérification « aucun courriel ne lui est envoyé »" in scenario["reason"]
    assert on_time["verdict"] == "passed"


def test_a_check_followed_by_an_action_is_counted_again_when_it_starts():
    watch = {"address": "a@exemple.fr", "count": 0, "at": 100.0, "rules": ["MAIL-02"]}
    late_mail.close([watch], {"a@exemple.fr": 0}.get)
    scenario = {"name": "Avant puis après « Valider »", "rules": ["MAIL-02"], "verdict": "passed", "mail_watch": [watch]}
    pending = late_mail.watches([scenario])
    slept = []
    late_mail.wait_out(pending, 15, sleep=slept.append, now=lambda: 105.0)
    assert slept == []
    assert late_mail.late(pending, {"a@exemple.fr": 1}.get, strict=False) == []
    assert scenario["verdict"] == "passed"
