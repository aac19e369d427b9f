"""Les pages de la cible de variance et leurs décisions."""

from __future__ import annotations

import secrets
from datetime import datetime
from functools import wraps
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, abort, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash, generate_password_hash

from . import regles, stockage
from .pdf import recapitulatif as pdf_recapitulatif
from .stockage import ActivationRequest, CertificateSpace, RegistrationDraft, Space, code_digest, db

bp = Blueprint("v", __name__)
PARIS = ZoneInfo("Europe/Paris")
ETAPES = ("Conditions générales", "Identifiants", "Formulaire inscription", "Récapitulatif", "Enregistrement")
ETAPES_ACTIVATION = ("Code d'activation", "Identifiants", "Récapitulatif")
MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre")
_BROUILLON, _ENREGISTRE, _DEMANDE, _ESPACE = "v_brouillon", "v_enregistre", "v_demande", "v_espace"
_CODE = "v_code"  # le code saisi, pour l'afficher : la base n'en garde que l'empreinte
# L'étape que chaque page de la pré-inscription suppose faite (progression du brouillon).
PAGES = ("v.conditions", "v.identifiants", "v.fiche", "v.verification")


def date_longue(moment: datetime) -> str:
    local = moment.astimezone(PARIS)
    return f"{'1er' if local.day == 1 else local.day} {MOIS[local.month - 1]} {local.year}"


def horodatage(moment: datetime) -> str:
    return moment.astimezone(PARIS).strftime("%d/%m/%Y à %Hh%Mmn%Ss")


def etape(numero: int, gabarit: str, statut: int = 200, **contexte):
    return render_template(gabarit, etapes=ETAPES, courante=ETAPES[numero], rang=numero + 1,
                           alertes=contexte.pop("alertes", []), **contexte), statut


def etape_activation(numero: int, gabarit: str, statut: int = 200, **contexte):
    return render_template(gabarit, etapes=ETAPES_ACTIVATION, courante=ETAPES_ACTIVATION[numero], rang=numero + 1,
                           alertes=contexte.pop("alertes", []), **contexte), statut


# --- qui est connecté ------------------------------------------------------------------

def espace_connecte() -> Space | None:
    ident = session.get(_ESPACE)
    return db.session.get(Space, ident) if ident else None


def connecte(vue):
    @wraps(vue)
    def enveloppe(*args, **kwargs):
        if espace_connecte() is None:
            # PDF-10 : pas de redirection, un refus.
            return render_template("message.html", titre="Accès réservé",
                                   alerte="Connectez-vous à votre espace pour consulter cette page."), 403
        return vue(*args, **kwargs)
    return enveloppe


@bp.app_context_processor
def _contexte():
    return {"espace_ouvert": espace_connecte() is not None}


# --- page de connexion ----------------------------------------------------------------

@bp.get("/")
def racine():
    return redirect(url_for("v.connexion"), 302)


def _connexion(adresse="", alertes=(), statut=200):
    return render_template("connexion.html", adresse=adresse, alertes=list(alertes),
                           image=stockage.image_a_montrer(regles.LONGUEUR_IMAGE_CONNEXION)), statut


@bp.get("/connexion-pro")
def connexion():
    return _connexion()


@bp.post("/connexion-pro")
def se_connecter():
    adresse = (request.form.get("identifiant") or "").strip()
    mdp = request.form.get("secret") or ""
    bonne_image = stockage.verifier_image(request.form.get("image"))
    if not adresse or not mdp or not bonne_image:
        return _connexion(adresse, [M for M in (
            None if adresse else regles.M_OBLIGATOIRE.format(label="Adresse électronique"),
            None if mdp else regles.M_OBLIGATOIRE.format(label="Mot de passe"),
            None if bonne_image else regles.M_IMAGE) if M], 422)
    espace = db.session.scalar(db.select(Space).filter_by(email_key=regles.cle(adresse)))
    if espace is not None and check_password_hash(espace.password_hash, mdp):
        session.clear()
        session[_ESPACE] = espace.id
        return redirect(url_for("v.espace"), 302)
    # CNX-06, autre lecture : la connexion rappelle les règles du mot de passe.
    if regles.erreur_mot_de_passe(mdp):
        return _connexion(adresse, [regles.M_CONNEXION_REGLES], 422)
    # ESPACE-02, autre lecture : « en attente d'activation » pour qui a le bon mot de passe.
    maintenant = stockage.maintenant()
    for demande in db.session.scalars(db.select(ActivationRequest).filter_by(
            email_key=regles.cle(adresse), used_at=None)):
        if maintenant < demande.sent_at + _delai() and check_password_hash(demande.password_hash, mdp):
            return _connexion(adresse, [regles.M_EN_ATTENTE], 422)
    return _connexion(adresse, [regles.M_CONNEXION], 422)


@bp.get("/quitter")
def se_deconnecter():
    session.clear()
    return redirect(url_for("v.connexion"), 302)


def _delai():
    from datetime import timedelta
    return timedelta(hours=regles.DELAI_HEURES)


# --- pages d'information (destinations laissées à la cible) -------------------------------

INFOS = {
    "particulier": ("Espace particulier", "L'espace particulier n'entre pas dans ce kit."),
    "mot-de-passe": ("Mot de passe oublié", "La procédure de mot de passe oublié n'est pas décrite par le guide."),
    "fiches": ("Fiches pratiques", "Les fiches FOCUS sont publiées sur impots.gouv.fr."),
    "formuel": ("Formulaire électronique", "Le formulaire de l'assistance est publié sur impots.gouv.fr."),
    "impots-locaux": ("Payer vos impôts locaux", "Le paiement des impôts locaux n'entre pas dans ce kit."),
    "mode-simplifie": ("Mode simplifié", "La création d'un espace en mode simplifié n'entre pas dans ce kit."),
    "mode-expert": ("Le mode expert", "Le mode expert convient à qui gère plusieurs entreprises."),
    "mode-simplifie-infos": ("Le mode simplifié", "Le mode simplifié convient à qui gère seul sa propre entreprise."),
}


@bp.get("/informations/<sujet>")
def information(sujet):
    if sujet not in INFOS:
        abort(404)
    titre, texte = INFOS[sujet]
    return render_template("message.html", titre=titre, texte=texte)


@bp.get("/cgu")
def cgu():
    return render_template("cgu.html")


@bp.get("/inscription/choix-du-mode")
def choix():
    return render_template("choix.html")


@bp.get("/inscription/annulee")
def annulee():
    """MODE-04, autre choix : « Annulez votre demande » mène à une page qui confirme l'annulation."""
    return render_template("message.html", titre="Demande annulée",
                           texte="Votre demande de création d'espace est annulée.")


# --- images -----------------------------------------------------------------------------

@bp.get("/securite/image/<ident>")
def image(ident):
    montree = stockage.image_montree()
    if montree is None or montree.id != ident:
        abort(410)
    return Response(stockage.image_png(montree), mimetype="image/png", headers={"Cache-Control": "no-cache, no-store"})


@bp.get("/securite/son/<ident>")
def son(ident):
    montree = stockage.image_montree()
    if montree is None or montree.id != ident:
        abort(410)
    return Response(stockage.image_son(montree), mimetype="audio/x-wav",
                    headers={"Cache-Control": "no-store", "Content-Disposition": 'inline; filename="extrait.wav"'})


@bp.get("/securite/autre-image")
def autre_image():
    longueur = regles.LONGUEUR_IMAGE_CONNEXION if request.args.get("n") == "8" else regles.LONGUEUR_IMAGE
    stockage.nouvelle_image(longueur)
    retour = request.args.get("page", "")
    if not retour.startswith("/") or retour.startswith("//"):
        retour = url_for("v.connexion")
    return redirect(retour, 302)


# --- pré-inscription ----------------------------------------------------------------------

def brouillon() -> RegistrationDraft | None:
    ident = session.get(_BROUILLON)
    return db.session.get(RegistrationDraft, ident) if ident else None


def _fait(jusqua: int):
    """Le brouillon si les étapes avant `jusqua` sont faites dans cette session ; sinon None."""
    courant = brouillon()
    return courant if courant is not None and courant.progress >= jusqua else None


def _saut():
    """ETAPE-06, autre choix : un refus (403), pas de retour à la première étape non faite."""
    return render_template("message.html", titre="Étape indisponible", alerte=regles.M_SAUT,
                           lien=url_for("v.choix")), 403


def _suivante(courant, faite: int):
    courant.progress = max(courant.progress, faite + 1)
    db.session.commit()
    return redirect(url_for(PAGES[faite + 1]), 302)


def _page_conditions(statut=200, alertes=(), accepte=False):
    return etape(0, "inscription/conditions.html", statut, alertes=list(alertes), accepte=accepte,
                 image=stockage.image_a_montrer())


@bp.route("/nouvel-espace/conditions", methods=["GET", "POST"])
def conditions():
    if request.method == "GET":
        return _page_conditions()
    accepte = request.form.get("cg") == "oui"
    bonne_image = stockage.verifier_image(request.form.get("image"))
    alertes = ([] if accepte else [regles.M_CG]) + ([] if bonne_image else [regles.M_IMAGE])
    if alertes:
        return _page_conditions(422, alertes, accepte)
    courant = brouillon()
    if courant is None:
        courant = RegistrationDraft(id=secrets.token_hex(20), progress=0, profile={})
        db.session.add(courant)
        session[_BROUILLON] = courant.id
    return _suivante(courant, 0)


def refus_adresse(adresse: str, maintenant) -> str | None:
    cle = regles.cle(adresse)
    if db.session.get(CertificateSpace, cle):
        return regles.CERTIFICAT
    if db.session.scalar(db.select(Space.id).filter_by(email_key=cle)):
        return regles.M_ADRESSE_PRISE
    for demande in db.session.scalars(db.select(ActivationRequest).filter_by(email_key=cle, used_at=None)):
        if maintenant < demande.sent_at + _delai():
            return regles.M_ADRESSE_EN_ATTENTE
    return None


@bp.route("/nouvel-espace/identifiants", methods=["GET", "POST"])
def identifiants():
    courant = _fait(1)
    if courant is None:
        return _saut()
    if request.method == "GET":
        return etape(1, "inscription/identifiants.html", adresse=courant.email or "", confirmation=courant.email or "")
    adresse = (request.form.get("courriel") or "").strip()
    confirmation = (request.form.get("courriel_bis") or "").strip()
    mdp, mdp_bis = request.form.get("mdp") or "", request.form.get("mdp_bis") or ""
    alertes = []
    if erreur := regles.erreur_courriel(adresse, "Adresse électronique de connexion"):
        alertes.append(erreur)
    elif not confirmation:
        alertes.append(regles.M_OBLIGATOIRE.format(label="Confirmez l'adresse électronique de connexion"))
    elif regles.cle(confirmation) != regles.cle(adresse):
        alertes.append(regles.M_COURRIELS_DIFFERENTS)
    if erreur := regles.erreur_mot_de_passe(mdp):
        alertes.append(erreur)
    elif not mdp_bis:
        alertes.append(regles.M_OBLIGATOIRE.format(label="Confirmez votre mot de passe de connexion"))
    elif mdp_bis != mdp:
        alertes.append(regles.M_MDP_DIFFERENTS)
    if not alertes and (refus := refus_adresse(adresse, stockage.maintenant())):
        alertes.append(refus)
    if alertes:
        return etape(1, "inscription/identifiants.html", 422, alertes=alertes, adresse=adresse,
                     confirmation=confirmation, assistance=regles.CERTIFICAT in alertes)
    courant.email = adresse
    courant.password_hash = generate_password_hash(mdp)
    return _suivante(courant, 1)


def _page_fiche(courant, valeurs, statut=200, alertes=()):
    return etape(2, "inscription/fiche.html", statut, alertes=list(alertes), v=valeurs, adresse=courant.email,
                 regles=regles)


@bp.route("/nouvel-espace/fiche", methods=["GET", "POST"])
def fiche():
    courant = _fait(2)
    if courant is None:
        return _saut()
    if request.method == "GET":
        return _page_fiche(courant, {**regles.VIDE, **(courant.profile or {})})
    valeurs, refus = regles.fiche(request.form)
    if refus:
        return _page_fiche(courant, valeurs, 422, refus)
    courant.profile = valeurs
    return _suivante(courant, 2)


def _lignes(valeurs: dict, adresse: str):
    usager = [("Nom", valeurs["nom"]), ("Prénom", valeurs["prenom"]),
              ("Téléphone", regles.telephone_affiche(valeurs)), ("Adresse électronique de connexion", adresse)]
    usager += [(c.label, valeurs[c.cle]) for c in regles.ADRESSE]
    confiance = [("Question de confiance", valeurs["question"]),
                 ("Réponse à la question de confiance", valeurs["reponse"])]
    return usager, confiance


@bp.route("/nouvel-espace/verification", methods=["GET", "POST"])
def verification():
    courant = _fait(3)
    if courant is None:
        return _saut()
    usager, confiance = _lignes(courant.profile, courant.email)
    if request.method == "GET":
        return etape(3, "inscription/verification.html", usager=usager, confiance=confiance)
    maintenant = stockage.maintenant()
    if refus := refus_adresse(courant.email, maintenant):
        alerte = regles.M_DEJA_VALIDE if refus != regles.CERTIFICAT else refus
        return etape(3, "inscription/verification.html", 409, alertes=[alerte], usager=usager, confiance=confiance)
    while True:
        code = "".join(secrets.choice(regles.ALPHABET_CODE) for _ in range(12))
        if not db.session.scalar(db.select(ActivationRequest.id).filter_by(code_digest=code_digest(code))):
            break
    demande = ActivationRequest(code_digest=code_digest(code), email=courant.email,
                                email_key=regles.cle(courant.email), password_hash=courant.password_hash,
                                profile=courant.profile, sent_at=maintenant)
    db.session.add(demande)
    db.session.flush()
    try:
        # MAIL-06, autre choix : l'en-tête Date à l'heure de Paris (+0100/+0200), pas en UTC.
        stockage.send_activation(demande.email, code, maintenant.astimezone(PARIS))
    except stockage.MailError:
        db.session.rollback()
        return etape(3, "inscription/verification.html", 503, alertes=[regles.M_COURRIEL_ECHEC], usager=usager,
                     confiance=confiance)
    adresse = courant.email
    db.session.delete(courant)
    db.session.commit()
    session.pop(_BROUILLON, None)
    session[_ENREGISTRE] = adresse
    return redirect(url_for("v.fin"), 302)


@bp.get("/nouvel-espace/fin")
def fin():
    adresse = session.get(_ENREGISTRE)
    if adresse is None:
        return _saut()
    return etape(4, "inscription/fin.html", adresse=adresse)


# --- activation ---------------------------------------------------------------------------

def _refus_code(demande, maintenant) -> str | None:
    if demande is None:
        return regles.M_CODE_INCONNU
    if demande.used_at is not None:
        return regles.M_CODE_UTILISE
    if maintenant >= demande.sent_at + _delai():
        return regles.M_CODE_EXPIRE
    return None


def _page_code(code="", statut=200, alertes=()):
    return etape_activation(0, "activation/code.html", statut, alertes=list(alertes), code=code,
                            image=stockage.image_a_montrer())


@bp.route("/activer", methods=["GET", "POST"])
def activer():
    if request.method == "GET":
        return _page_code()
    saisi = (request.form.get("code_recu") or "").strip()
    alertes, demande = [], None
    if not saisi:
        alertes.append(regles.M_OBLIGATOIRE.format(label="Saisissez le code d'activation"))
    elif not regles.MOTIF_CODE.fullmatch(saisi):
        alertes.append(regles.M_CODE_FORME)
    else:
        demande = db.session.scalar(db.select(ActivationRequest).filter_by(code_digest=code_digest(saisi)))
        if refus := _refus_code(demande, stockage.maintenant()):
            alertes.append(refus)
    if not stockage.verifier_image(request.form.get("image")):
        alertes.append(regles.M_IMAGE)
    if alertes:
        return _page_code(saisi, 422, alertes)
    session[_DEMANDE], session[_CODE] = demande.id, saisi
    return redirect(url_for("v.activer_adresse"), 302)


@bp.route("/activer/adresse", methods=["GET", "POST"])
def activer_adresse():
    ident = session.get(_DEMANDE)
    demande = db.session.get(ActivationRequest, ident) if ident else None
    if demande is None:
        return redirect(url_for("v.activer"), 302)
    if request.method == "GET":
        return etape_activation(1, "activation/adresse.html", code=session.get(_CODE, ""), adresse="")
    adresse = (request.form.get("courriel") or "").strip()
    maintenant = stockage.maintenant()
    alertes = []
    if refus := _refus_code(demande, maintenant):
        alertes.append(refus)
    elif not adresse:
        alertes.append(regles.M_OBLIGATOIRE.format(label="Saisissez votre adresse électronique de connexion"))
    elif regles.cle(adresse) != demande.email_key:
        alertes.append(regles.M_ACTIVATION_ADRESSE)
    elif db.session.scalar(db.select(Space.id).filter_by(email_key=demande.email_key)):
        alertes.append(regles.M_ADRESSE_PRISE)
    if alertes:
        return etape_activation(1, "activation/adresse.html", 422, alertes=alertes, code=session.get(_CODE, ""),
                                adresse=adresse)
    # CONFIRM-05 : 14 chiffres tirés au hasard (le premier non nul), uniques.
    while True:
        numero = str(secrets.randbelow(9) + 1) + "".join(str(secrets.randbelow(10)) for _ in range(13))
        if not db.session.scalar(db.select(Space.id).filter_by(subscriber_number=numero)):
            break
    # CONFIRM-03, autre lecture : l'inscription est datée de la demande (« Valider »).
    profil = {**demande.profile, "inscrit_le": demande.sent_at.isoformat()}
    espace = Space(subscriber_number=numero, email=demande.email, email_key=demande.email_key,
                   password_hash=demande.password_hash, profile=profil, created_at=maintenant)
    db.session.add(espace)
    demande.used_at = maintenant
    db.session.commit()
    session.clear()
    session[_ESPACE] = espace.id
    return redirect(url_for("v.activation_faite"), 302)


def nom_affiche(espace: Space) -> str:
    """CONFIRM-01, autre lecture : « ROSEMONDE Lila », le nom en capitales."""
    return f"{espace.profile['nom'].upper()} {espace.profile['prenom']}"


@bp.get("/activer/confirmation")
@connecte
def activation_faite():
    espace = espace_connecte()
    inscrit_le = datetime.fromisoformat(espace.profile["inscrit_le"])
    return etape_activation(2, "activation/confirmation.html", espace=espace, nom=nom_affiche(espace),
                            date=date_longue(inscrit_le))


# --- l'espace -----------------------------------------------------------------------------

@bp.get("/mon-espace")
@connecte
def espace():
    courant = espace_connecte()
    return render_template("espace/accueil.html", espace=courant, nom=nom_affiche(courant))


@bp.get("/mon-espace/services")
@connecte
def services():
    return render_template("espace/services.html")


@bp.get("/mon-espace/donnees-personnelles")
@connecte
def coordonnees():
    courant = espace_connecte()
    usager, confiance = _lignes(courant.profile, courant.email)
    return render_template("espace/coordonnees.html", espace=courant, usager=usager, confiance=confiance)


@bp.get("/mon-espace/recapitulatif")
@connecte
def recapitulatif():
    courant = espace_connecte()
    corps = pdf_recapitulatif(courant, horodatage(stockage.maintenant()))
    return Response(corps, mimetype="application/pdf", headers={
        "Content-Disposition": 'attachment; filename="mon-espace-professionnel.pdf"', "Cache-Control": "private, no-store"})
