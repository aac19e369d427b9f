# language: fr
Fonctionnalité: Créer un espace professionnel expert, de la pré-inscription à la première connexion
  Un usager professionnel qui n'a pas d'espace professionnel crée le sien en mode
  expert : il se pré-inscrit, reçoit un code d'activation par courriel, active son
  espace, sauvegarde son récapitulatif puis se connecte (guide, §1.4 à §4).

  @parcours @MODE-07 @ETAPE-02 @CG-09 @IDENT-22 @FORM-14 @RECAP-01 @RECAP-06 @ENREG-01
  @MAIL-03 @MAIL-08 @ACTIV-11 @CONFIRM-04 @PDF-01 @PDF-03 @PDF-04 @PDF-05 @ESPACE-01
  Scénario: Un nouvel usager crée, active et utilise son espace professionnel expert
    Soit un usager professionnel qui n'a pas d'espace professionnel
    Quand il ouvre la page "Connexion à votre espace professionnel"
    Et il choisit de créer son espace professionnel en mode expert
    # vérifie : MODE-07, ETAPE-02
    Alors l'étape en cours est "Conditions générales"
    Quand il accepte les conditions générales et recopie les caractères de l'image
    # vérifie : CG-09
    Alors l'étape en cours est "Identifiants"
    Quand il choisit son adresse électronique et son mot de passe
    # vérifie : IDENT-22
    Alors l'étape en cours est "Formulaire inscription"
    Quand il remplit le formulaire d'inscription
    # vérifie : FORM-14
    Alors l'étape en cours est "Récapitulatif"
    # vérifie : RECAP-01
    Et le récapitulatif reprend ses informations sans son mot de passe
    Quand il valide son inscription
    # vérifie : RECAP-06
    Alors l'étape en cours est "Enregistrement"
    # vérifie : ENREG-01
    Et la page indique l'adresse électronique à laquelle le code a été envoyé
    # vérifie : MAIL-03, MAIL-08
    Et il reçoit un courriel d'activation contenant un code de 12 caractères
    Quand il active son espace avec ce code et son adresse électronique
    # vérifie : ACTIV-11
    Alors l'étape en cours est "Récapitulatif"
    # vérifie : CONFIRM-04
    Et la page confirme son inscription sous un numéro d'abonné de 14 chiffres
    # vérifie : PDF-01, PDF-03, PDF-04, PDF-05
    Et le récapitulatif PDF reprend ses informations et ce numéro d'abonné
    Quand il se connecte avec son adresse électronique et son mot de passe
    # vérifie : ESPACE-01
    Alors il est connecté à son espace professionnel
