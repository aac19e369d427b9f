"""The whole procedure, from the login page back to the login page."""

from __future__ import annotations

import io
import re
from datetime import datetime

from conftest import PARIS, PASSWORD, alert_text, current_step, field_tag, page_text
from pypdf import PdfReader

ADDRESS = "lila.rosemonde.expert@dgfip.finances.gouv.fr"


def test_full_procedure(visitor, mail_sink):
    login = visitor.get("/")
    assert '<html lang="fr">' in login.get_data(as_text=True)
    text = page_text(login)
    assert "Connexion à votre espace professionnel" in text
    assert "Il doit comporter 20 caractères minimum." in text
    assert "Tous les champs sont obligatoires." in text
    for link in ("Créer votre espace professionnel", "Activer", "Se connecter",
                 "Changer l'image", "Ecouter l'extrait sonore"):
        assert link in text

    mode = visitor.get("/creation")
    assert "Créez votre espace en mode expert" in page_text(mode)
    assert "vous devez opter pour le mode expert." in page_text(mode)

    terms = visitor.get("/creation/conditions-generales")
    assert current_step(terms) == "Conditions générales"
    assert "Je reconnais avoir pris connaissance des" in page_text(terms)

    identifiers = visitor.accept_terms()
    assert current_step(identifiers) == "Identifiants"
    assert "Cette adresse électronique ne pourra être utilisée que pour un seul et unique espace." in page_text(identifiers)

    form = visitor.identifiers(ADDRESS)
    assert current_step(form) == "Formulaire inscription"
    assert f'value="{ADDRESS}"' in field_tag(form, "login_email")
    assert "readonly" in field_tag(form, "login_email")
    assert 'value="FR" selected' in form.get_data(as_text=True)
    assert '<option value="Quel est votre surnom ?" selected>' in form.get_data(as_text=True)

    recap = visitor.fill_profile()
    assert current_step(recap) == "Récapitulatif"
    text = page_text(recap)
    for line in ("Nom : ROSEMONDE", "Prénom : Lila", "Téléphone : 0123456789",
                 f"Adresse électronique de connexion : {ADDRESS}", "Numéro de voie : 12",
                 "Nature de la voie : rue", "Libellé de la voie : de Longchamp",
                 "Code postal : 75016", "Commune : PARIS", "Pays : FRANCE",
                 "Question de confiance : Quel est le prénom de votre conjoint(e) ?",
                 "Réponse à la question de confiance : Paul"):
        assert line in text
    assert PASSWORD not in recap.get_data(as_text=True)

    registered = visitor.validate()
    assert current_step(registered) == "Enregistrement"
    text = page_text(registered)
    assert f"Un code d'activation a été envoyé à l'adresse électronique suivante : {ADDRESS}" in text
    assert "Vous disposez d'un délai de 48h, à compter de l'envoi du code, pour activer votre espace professionnel." in text
    assert "Activez votre espace professionnel" in text

    message = mail_sink.last_to(ADDRESS)
    assert message["From"] == "ne-pas-repondre@dgfip.finances.gouv.fr"
    assert message["Subject"] == "Espace professionnel - Création ou modification de l'espace"
    assert message["Date"]
    plain = message.get_body(("plain",)).get_content()
    assert plain.startswith("Bonjour,")
    assert "5. saisissez l'adresse électronique de connexion à l'espace et validez" in plain
    code = mail_sink.code_for(ADDRESS)
    html_part = message.get_body(("html",)).get_content()
    assert f"<p>{code}</p>" in html_part and "<ol><li>connectez-vous" in html_part
    assert re.search(rf"lorsque vous aurez saisi le code suivant :\r?\n\r?\n{code}\r?\n", plain)

    step1 = visitor.get("/activation")
    assert current_step(step1) == "Code d'activation"
    assert "Activez votre espace ou vos services" in page_text(step1)
    step2 = visitor.enter_code(code)
    assert current_step(step2) == "Identifiants"
    assert f"Code d'activation : {code}" in page_text(step2)

    confirmation = visitor.post("/activation/identifiants", {"email": ADDRESS.upper()})
    assert current_step(confirmation) == "Récapitulatif"
    text = page_text(confirmation)
    assert "ROSEMONDE Lila" in text
    number = re.search(r"sous le numéro (\d+)\.", text).group(1)
    assert re.fullmatch(rf"{datetime.now(PARIS).year}\d{{10}}", number)
    assert re.search(r"Votre inscription a été réalisée le \d{1,2} \w+ \d{4} sous le numéro", text)
    assert "Ce numéro d'abonné vous est personnel et doit le rester." in text
    assert "Sauvegardez ou imprimez le récapitulatif" in text
    assert "Se déconnecter" in text

    pdf = visitor.get("/espace/recapitulatif.pdf")
    assert pdf.mimetype == "application/pdf"
    assert pdf.headers["Content-Disposition"].startswith("inline")
    pdf_text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
    for line in ("VOTRE ESPACE PROFESSIONNEL", "RECAPITULATIF DE VOS DONNEES PERSONNELLES",
                 "Vos coordonnées", "Nom : ROSEMONDE", "Prénom : Lila", f"N° d'abonné : {number}",
                 "Téléphone : 0123456789", f"Adresse électronique de connexion : {ADDRESS}",
                 "Adresse : 12 rue de Longchamp 75016 PARIS FRANCE",
                 "Votre question/réponse de confiance",
                 "(indispensable en cas de perte de votre mot de passe)",
                 "Question de confiance : Quel est le prénom de votre conjoint(e) ?",
                 "Réponse de confiance : Paul",
                 "Enregistrez ce fichier et éventuellement imprimez-le pour vos archives."):
        assert line in pdf_text
    assert re.search(r"document créé le \d\d/\d\d/\d{4} à \d\dh\d\dmn\d\ds", pdf_text)
    assert PASSWORD not in pdf_text

    space = visitor.get("/espace")
    text = page_text(space)
    assert "ROSEMONDE Lila" in text and "Aucun dossier" in text and "Aucun service" in text
    services = visitor.get("/espace/services")
    assert "Modifier mes coordonnées" in page_text(services)
    coordinates = visitor.get("/espace/coordonnees")
    assert "Commune : PARIS" in page_text(coordinates)
    assert "Sauvegardez ou imprimez le récapitulatif" in page_text(coordinates)

    signed_out = visitor.post("/deconnexion")
    assert "Se connecter" in page_text(signed_out)
    assert "Se déconnecter" not in page_text(signed_out)
    assert visitor.get("/espace").request.path == "/"

    home = visitor.login(ADDRESS.upper(), PASSWORD)
    assert home.request.path == "/espace"
    assert "Se déconnecter" in page_text(home)
    assert 'id="password"' not in home.get_data(as_text=True)
    assert alert_text(home) is None
