# language: fr
Fonctionnalité: Le courriel d'activation
  À l'issue de la pré-inscription, le système envoie immédiatement par courriel un code
  d'activation à l'adresse électronique que l'usager a choisie comme identifiant (guide
  §1.4 et §2, « Voici un exemple de courriel contenant un code d'activation »). Le
  courriel est lu comme le ferait un logiciel de messagerie : parties du message,
  encodages, en-têtes encodés, texte ou à défaut HTML ; ses phrases sont comparées à
  celles du guide, blancs compris comme un seul.

  # --- L'envoi -------------------------------------------------------------------------

  @MAIL-01
  Scénario: Le courriel part dès que l'usager clique sur « Valider »
    Soit un usager à l'étape "Récapitulatif"
    Quand il valide son inscription
    Alors un courriel d'activation lui parvient dans les 30 secondes

  @MAIL-02
  Scénario: Aucun courriel avant « Valider », un seul après
    Soit un usager à l'étape "Récapitulatif"
    Alors aucun courriel ne lui est envoyé
    Quand il valide son inscription
    Alors l'étape en cours est "Enregistrement"
    Et il reçoit un seul courriel d'activation

  @MAIL-02
  Scénario: Quand deux sessions valident la même adresse, le second « Valider » refusé n'envoie pas de second courriel
    Soit un usager à l'étape "Formulaire inscription"
    Quand il remplit le formulaire d'inscription
    Et il mène la même adresse jusqu'au récapitulatif dans une autre session
    Et il valide son inscription
    Et il clique sur "Valider" dans l'autre session
    Alors l'autre session reste à l'étape "Récapitulatif"
    Et l'autre session affiche un message pour la page
    Et il reçoit un seul courriel d'activation

  @MAIL-02
  Scénario: Une nouvelle demande pour une adresse en attente d'activation, refusée, n'envoie pas de second courriel
    Soit un usager qui a validé son inscription sans activer son espace
    Quand il recommence la création d'un espace jusqu'à l'étape "Identifiants"
    Et il saisit son adresse électronique et son mot de passe
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Identifiants"
    Et un message est affiché sur le champ "Adresse électronique de connexion" ou pour la page
    Et il reçoit un seul courriel d'activation

  @MAIL-02
  Scénario: L'adresse d'un espace avec certificat, refusée, ne reçoit aucun courriel
    Soit un usager à l'étape "Identifiants"
    Et son adresse électronique est rattachée à un espace professionnel avec certificat
    Quand il saisit son adresse électronique et son mot de passe
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Identifiants"
    Et un message est affiché sur le champ "Adresse électronique de connexion" ou pour la page
    Et aucun courriel ne lui est envoyé

  # --- Les en-têtes --------------------------------------------------------------------

  @MAIL-03
  Scénario: Le courriel est adressé à l'adresse de connexion choisie, et à elle seule
    Soit un usager qui a validé son inscription sans activer son espace
    Alors le courriel d'activation est adressé à son adresse électronique et à elle seule

  @MAIL-04
  Scénario: Le courriel vient de ne-pas-repondre@dgfip.finances.gouv.fr
    Soit un usager qui a validé son inscription sans activer son espace
    Alors l'expéditeur du courriel d'activation est "ne-pas-repondre@dgfip.finances.gouv.fr"
    Et l'adresse de l'expéditeur se termine par "@dgfip.finances.gouv.fr"

  @MAIL-05
  Scénario: Le courriel a pour objet « Espace professionnel - Création ou modification de l'espace »
    Soit un usager qui a validé son inscription sans activer son espace
    Alors l'objet du courriel d'activation est "Espace professionnel - Création ou modification de l'espace"

  @MAIL-06
  Scénario: Le courriel porte sa date d'envoi
    Soit un usager qui a validé son inscription sans activer son espace
    Alors le courriel d'activation porte une date d'envoi conforme à la RFC 5322

  @MAIL-06
  Scénario: La date du courriel est l'instant de l'envoi selon l'horloge du site
    Soit un usager à l'étape "Récapitulatif"
    Quand il note l'heure du site
    Et il valide son inscription
    Et il note de nouveau l'heure du site
    Alors le courriel d'activation est daté entre les deux heures notées

  # --- Le texte ------------------------------------------------------------------------

  @MAIL-07
  Scénario: Le courriel salue l'usager et confirme la prise en compte de sa demande
    Soit un usager qui a validé son inscription sans activer son espace
    Alors le courriel d'activation contient, dans cet ordre :
      """
      Bonjour,
      Vous avez demandé la création d'un espace professionnel ou vous y avez apporté une modification.
      Cette demande a bien été prise en compte.
      """

  @MAIL-08
  Scénario: Le courriel donne, seul sur sa ligne après « code suivant : », un code de 12 lettres et chiffres
    Soit un usager qui a validé son inscription sans activer son espace
    Alors le courriel d'activation contient, dans cet ordre :
      """
      Votre espace professionnel sera actif lorsque vous aurez saisi le code suivant :
      """
    Et le courriel d'activation donne après « code suivant : », seul sur sa ligne, un code de 12 lettres et chiffres

  @MAIL-08
  Scénario: Deux demandes reçoivent deux codes différents
    Soit un usager qui a validé son inscription sans activer son espace
    Et une autre personne a validé son inscription sans activer son espace
    Alors son code d'activation diffère de celui de l'autre personne

  @MAIL-09
  Scénario: Le courriel rappelle que le code n'est pas un mot de passe et ne sert qu'une fois
    Soit un usager qui a validé son inscription sans activer son espace
    Alors le courriel d'activation contient, dans cet ordre :
      """
      Remarque : ce code n'est pas un mot de passe.
      Il ne doit être utilisé qu'une seule fois pour activer votre espace professionnel.
      """

  @MAIL-10
  Scénario: Le courriel décrit, numérotés de 1 à 5, les cinq gestes de l'activation
    Soit un usager qui a validé son inscription sans activer son espace
    Alors le courriel d'activation contient, dans cet ordre :
      """
      Pour activer votre espace professionnel, veuillez suivre la procédure suivante :
      1. connectez-vous sur le site impots.gouv.fr
      2. cliquez sur "Connexion à l'espace professionnel" situé en haut à droite de l'écran
      3. cliquez sur "Activer" de la rubrique "Activation de votre espace professionnel et de vos services"
      4. saisissez le code d'activation reçu ci-dessus et validez
      5. saisissez l'adresse électronique de connexion à l'espace et validez
      """

  @MAIL-11
  Scénario: Le courriel indique le délai de 48 heures au plus à compter de son envoi
    Soit un usager qui a validé son inscription sans activer son espace
    Alors le courriel d'activation contient, dans cet ordre :
      """
      Vous disposez d'un délai de 48 heures maximum pour activer votre espace professionnel à compter de l'envoi de ce message.
      """

  @MAIL-12
  Scénario: Le courriel recommande le service Messagerie pour chaque entreprise gérée
    Soit un usager qui a validé son inscription sans activer son espace
    Alors le courriel d'activation contient, dans cet ordre :
      """
      Nous vous recommandons d'adhérer au service Messagerie ou de vous le faire déléguer, pour chacune des entreprises gérées dans votre espace.
      En effet, ce service garantit la sécurité et la confidentialité des échanges, tout en vous permettant de suivre les demandes formulées pour le compte de l'entreprise.
      Les réponses, conservées dans l'historique, sont opposables à l'administration.
      Plus d'informations sur impots.gouv.fr > Connexion à l'espace professionnel > Aide : accéder aux fiches pratiques > Fiche AIU 27 : Ecrire à l'administration via la messagerie.
      """

  @MAIL-13
  Scénario: Le courriel remercie et demande de ne pas y répondre
    Soit un usager qui a validé son inscription sans activer son espace
    Alors le courriel d'activation contient, dans cet ordre :
      """
      La DGFIP vous remercie de l'intérêt que vous portez à ses services.
      Si vous avez une question particulière, nous vous invitons à ne pas répondre à l'adresse électronique de ce message mais à vous connecter sur notre site impots.gouv.fr où vous trouverez les réponses aux questions les plus fréquentes.
      """

  @MAIL-14
  Scénario: Le courriel donne les conseils de sécurité, dont la vérification du domaine de l'expéditeur
    Soit un usager qui a validé son inscription sans activer son espace
    Alors le courriel d'activation contient, dans cet ordre :
      """
      Pour votre sécurité :
      ne répondez jamais à un courriel vous demandant votre numéro de carte bancaire ou une copie de vos pièces d'identité ;
      ne partagez jamais vos identifiants d'accès à l'espace professionnel DGFIP, et pensez à renouveler régulièrement votre mot de passe ;
      vérifiez toujours l'adresse de l'expéditeur des messages avant de les ouvrir.
      Pour la DGFIP, la partie droite de l'adresse doit être égale à @dgfip.finances.gouv.fr. Sinon, il s'agit d'un message frauduleux.
      """

  @MAIL-14
  Scénario: Le courriel ne contient jamais le mot de passe choisi
    Soit un usager qui a validé son inscription sans activer son espace
    Alors le courriel d'activation ne contient son mot de passe ni dans son texte, ni dans son HTML, ni dans ses en-têtes
