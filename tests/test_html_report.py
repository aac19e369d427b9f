"""The HTML pages product owners read: what they must show, escaped, and that a browser draws them."""

import base64
import re

import pytest
from markupsafe import escape
from PIL import Image
from playwright.sync_api import sync_playwright

from espro import PROJECT_ROOT, catalogue, gherkin_view, report
from espro.drivers.browser import CHROMIUM_ARGS, chromium_executable
from espro.html_report import render_report, render_spec

FEATURE = "Accepter les conditions générales et recopier les caractères de l'image"
HOSTILE_REASON = 'le champ <script>alert("x")</script> & « Continuer » reste actif'
SCREENSHOT = "evidence/test_sans_la_case/screenshot.png"


def line_of(feature_file: str, name: str) -> int:
    """Where the scenario stands in its feature file today (annotations move the lines)."""
    return next(scenario.line for scenario in gherkin_view.feature(PROJECT_ROOT / feature_file).scenarios
                if any(instance.name == name for instance in gherkin_view.instances(scenario)))


def steps(*items):
    return [{"keyword": keyword, "text": text, "status": status} for keyword, text, status in items]


def scenarios() -> list[dict]:
    background = ("Soit", "un usager à l'étape \"Conditions générales\"", "passed")
    passed = {
        "name": "L'étape invite à accepter les conditions générales", "feature": FEATURE,
        "feature_file": "features/conditions_generales.feature",
        "line": line_of("features/conditions_generales.feature", "L'étape invite à accepter les conditions générales"), "tags": ["CG-01", "ETAPE-04"],
        "rules": ["CG-01", "ETAPE-04"], "verdict": "passed",
        "steps": steps(background, ("Alors", "la page affiche :", "passed")),
    }
    failed = {
        "name": "Sans la case cochée, l'usager ne peut pas continuer", "feature": FEATURE,
        "feature_file": "features/conditions_generales.feature",
        "line": line_of("features/conditions_generales.feature", "Sans la case cochée, l'usager ne peut pas continuer"), "tags": ["CG-03"], "rules": ["CG-03"],
        "verdict": "failed", "reason": HOSTILE_REASON, "evidence": {"screenshot": SCREENSHOT},
        "rerun": "espro run --profile cible.yaml --espro-seed 7 --scenario 'steps/test_conformance.py::test_sans'",
        "steps": steps(background, ("Quand", "il recopie les caractères de l'image", "passed"),
                       ("Et", "il clique sur \"Continuer\"", "passed"),
                       ("Alors", "il reste à l'étape \"Conditions générales\"", "failed")),
    }
    not_verified = {
        "name": "47 heures et 59 minutes après l'envoi du code, le code active encore l'espace",
        "feature": "Activer son espace dans le délai de 48 heures", "feature_file": "features/delai.feature",
        "line": line_of("features/delai.feature", "47 heures et 59 minutes après l'envoi du code, le code active encore l'espace"), "tags": ["DELAI-01"], "rules": ["DELAI-01"], "verdict": "not-verified",
        "reason": "la cible n'offre pas le crochet « horloge »", "rerun": "espro run --scenario x",
        "steps": steps(("Soit", "un usager qui a validé son inscription sans activer son espace", "passed"),
                       ("Quand", "47 heures et 59 minutes passent depuis l'envoi du code", "not-verified")),
    }
    return [passed, failed, not_verified]


@pytest.fixture
def report_dir(tmp_path):
    screenshot = tmp_path / SCREENSHOT
    screenshot.parent.mkdir(parents=True)
    image = Image.new("RGB", (64, 40), "white")
    image.paste((200, 30, 30), (8, 8, 56, 32))
    image.save(screenshot)
    return tmp_path


@pytest.fixture
def page_html(report_dir):
    built = report.build(scenarios(), {"target_url": "http://cible.test/", "profile": "cible.yaml", "seed": 7})
    return render_report(built, report_dir)


def row(html: str, rule_id: str) -> str:
    """The coverage table's row of one rule."""
    return re.search(rf'<tr id="regle-{rule_id}">(.*?)</tr>', html, re.S).group(1)


def scenario_block(html: str, name: str) -> str:
    """One scenario of the feature sections, up to the next one."""
    return next(block for block in html.split('<details class="scenario"')[1:] if str(escape(name)) in block)


def test_overall_verdict_and_counts(page_html):
    banner = re.search(r'<section class="banner v-non-conformant".*?</section>', page_html, re.S).group(0)
    assert "Non conforme" in banner
    assert "1 règle(s) en échec" in banner


def test_each_verdict_stands_beside_the_rules_words(page_html):
    rule = catalogue.rules()["CG-03"]
    cells = row(page_html, "CG-03")
    assert "st-failed" in cells and "échoué" in cells
    assert str(escape(rule["titre"])) in cells
    assert str(escape(rule["section"])) in cells
    assert all(str(escape(words)) in cells for words in rule["guide"])
    assert "st-passed" in row(page_html, "CG-01")
    assert "non vérifié" in row(page_html, "DELAI-01") and "crochet « horloge »" in row(page_html, "DELAI-01")


def test_every_rule_of_the_catalogue_is_in_the_table(page_html):
    rules = catalogue.rules()
    assert all(f'<tr id="regle-{rule_id}">' in page_html for rule_id in rules)
    assert "non joué" in row(page_html, "IDENT-05")
    out_of_scope = next(rule for rule in rules.values() if rule["verification"] == "hors-champ")
    assert "hors champ" in row(page_html, out_of_scope["id"])
    assert str(escape(out_of_scope["raison"])) in row(page_html, out_of_scope["id"])


def test_scenarios_read_as_gherkin_with_each_steps_status(page_html):
    failed = scenario_block(page_html, "Sans la case cochée, l'usager ne peut pas continuer")
    assert "Contexte :" in failed and "Scénario :" in failed
    assert re.search(r'class="failed">\s*<span><span class="kw">Alors</span> il reste à l&#39;étape', failed)
    never_run = 'le champ &#34;Je reconnais avoir pris connaissance des conditions générales&#34; est signalé en erreur'
    assert re.search(re.escape(never_run) + r'.*?st-not-run">non joué', failed, re.S)
    passed = scenario_block(page_html, "L'étape invite à accepter les conditions générales")
    assert "Acceptez les conditions générales\nLes champs marqués" in passed, "the doc string comes from the file"
    outline = scenario_block(page_html, "47 heures et 59 minutes après l'envoi du code, le code active encore l'espace")
    assert "47 heures et 59 minutes passent depuis l&#39;envoi du code" in outline
    assert 'st-not-verified">non vérifié' in outline


def test_failure_shows_reason_rerun_and_screenshot_escaped(page_html, report_dir):
    failed = scenario_block(page_html, "Sans la case cochée, l'usager ne peut pas continuer")
    assert "<script>" not in page_html
    assert "le champ &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; « Continuer » reste actif" in failed
    assert "espro run --profile cible.yaml --espro-seed 7" in failed
    png = base64.b64encode((report_dir / SCREENSHOT).read_bytes()).decode("ascii")
    assert f'src="data:image/png;base64,{png}"' in failed
    assert " open>" in failed.split("</summary>")[0]


def test_other_evidence_is_linked_and_a_missing_one_said(report_dir):
    record = {**scenarios()[1], "evidence": {"trace": "evidence/t/trace.zip", "screenshot_error": "page fermée"}}
    html = render_report(report.build([record], {}), report_dir)
    assert '<a href="evidence/t/trace.zip">evidence/t/trace.zip</a>' in html
    assert "Capture d&#39;écran : non recueilli (page fermée)" in html


def test_specification_has_every_rule_and_its_scenarios_without_verdicts():
    html = render_spec()
    rules = catalogue.rules()
    assert all(f'id="regle-{rule_id}"' in html for rule_id in rules)
    contradiction = next(rule for rule in rules.values() if rule["origine"] == "contradiction")
    assert str(escape(contradiction["decision"])) in html
    assert all(str(escape(words)) in html for words in contradiction["passages"])
    assert "notre décision" in html
    assert "Sans la case cochée, l&#39;usager ne peut pas continuer" in html
    assert "Plan du scénario :" in html and "<th>durée</th>" in html
    assert not re.search(r'class="badge st-(passed|failed|not-verified|not-run)"', html)


def test_a_warning_is_reported_apart_and_keeps_the_verdict(report_dir):
    rule = catalogue.rules()["CONFIRM-01"]
    warned = {**scenarios()[0], "name": "La confirmation montre son nom", "rules": ["CONFIRM-01"], "tags": ["CONFIRM-01"],
              "verdict": "warning", "reason": "nom affiché « ROSEMONDE Lila »",
              "rule_verdicts": {"CONFIRM-01": {"verdict": "warning", "reason": "nom affiché « ROSEMONDE Lila »"}}}
    built = report.build([scenarios()[0], warned], {})
    assert built["verdict"] == "conformant" and built["warnings"] == ["CONFIRM-01"]
    html = render_report(built, report_dir)
    section = re.search(r'<section aria-label="Avertissements">.*?</section>', html, re.S).group(0)
    assert "CONFIRM-01" in section and str(escape(rule["motif"])) in section
    assert "nom affiché « ROSEMONDE Lila »" in section
    assert "st-warning" in row(html, "CONFIRM-01") and "avertissement" in row(html, "CONFIRM-01")
    assert re.search(r'<b>1</b><span class="badge st-warning">avertissement</span>', html)
    assert "v-conformant" in html


def test_specification_says_each_rules_force():
    html = render_spec()
    rules = catalogue.rules()
    requirement = next(rule for rule in rules.values() if rule["force"] == "exigence")
    recommendation = next(rule for rule in rules.values() if rule["force"] == "recommandation")
    assert str(escape(requirement["fondement"])) in html
    assert str(escape(recommendation["motif"])) in html
    count = sum(rule["force"] == "exigence" for rule in rules.values())
    assert f"<b>{count}</b>exigences du guide" in html


def test_browser_draws_the_report(page_html, report_dir):
    path = report_dir / "rapport.html"
    path.write_text(page_html, encoding="utf-8")
    shot = report_dir / "vue.png"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(playwright), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            fetched = []
            page.on("request", lambda request: fetched.append(request.url))
            page.goto(path.as_uri())
            assert all(url.startswith(("file:", "data:")) for url in fetched), "the page needs nothing from outside"
            page.screenshot(path=shot)
            assert page.get_by_text("Non conforme", exact=True).is_visible()
            table = page.locator("table.coverage")
            assert table.is_visible()
            assert table.get_by_role("row").count() >= len(catalogue.rules())
            table.screenshot(path=report_dir / "table.png")
            image = page.get_by_role("img", name="Capture d'écran au moment de l'échec")
            assert image.evaluate("el => el.complete && el.naturalWidth") == 64
        finally:
            browser.close()
    for picture in (shot, report_dir / "table.png"):
        with Image.open(picture) as drawn:
            assert drawn.width >= 1000 and drawn.height >= 300
            assert len(drawn.convert("RGB").getcolors(1 << 24)) > 50, f"{picture.name} is nearly blank"
