"""When the journey fails at one check, the coverage fails only the rules of that check: here a
mutant leaves the postal address out of the recap PDF, and the rules checked before the PDF keep
their own verdict (passed), the PDF's fail, and the one checked after it is « non joué »."""

import pytest

from tests.test_mutants import mutate, run_against

PDF_WITHOUT_ADDRESS = {"rule": "PDF-04", "why": "le PDF omet l'adresse postale", "edits": [
    {"file": "recap_pdf.py", "find": '        ("Adresse :", postal_address(profile)),\n', "replace": ""}]}


@pytest.fixture(scope="module")
def journey(tmp_path_factory):
    folder = tmp_path_factory.mktemp("journey")
    return run_against(mutate(PDF_WITHOUT_ADDRESS, folder / "mutant"), "parcours", folder / "run")


def test_only_the_pdf_check_fails(journey):
    code, verdicts, output = journey
    assert code == 1, output
    failed = {rule for rule, verdict in verdicts.items() if verdict == "failed"}
    assert failed == {"PDF-01", "PDF-03", "PDF-04", "PDF-05"}, verdicts
    assert verdicts["ESPACE-01"] == "not-verified"
    before = {"MODE-07", "ETAPE-02", "CG-09", "IDENT-22", "FORM-14", "RECAP-01", "RECAP-06", "ENREG-01", "MAIL-03",
              "MAIL-08", "ACTIV-11", "CONFIRM-04"}
    assert {rule: verdicts[rule] for rule in before} == {rule: "passed" for rule in before}
