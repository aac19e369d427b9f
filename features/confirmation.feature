# language: fr
Fonctionnalité: La page qui confirme la création de l'espace
  Une fois le code d'activation et l'adresse électronique de connexion saisis, une page
  confirme la création de l'espace (guide §3, « Une page confirmant la création de votre
  espace s'affiche », et §4) : « Votre inscription », le nom et le prénom de l'usager, la
  date et le numéro d'abonné, le lien « Sauvegardez ou imprimez le récapitulatif » et
  l'accès aux services en ligne.

  @CONFIRM-01
  Plan du scénario: Sous « Votre inscription » figurent le nom puis le prénom, tels que saisis : <nom> <prénom>
    Soit un usager qui saisit le nom "<nom>" et le prénom "<prénom>"
    Quand il crée et active son espace professionnel
    Alors l'étape en cours est "Récapitulatif"
    Et la page affiche, sous le titre "Votre inscription", "<nom> <prénom>"

    Exemples:
      | nom       | prénom      |
      | ROSEMONDE | Lila        |
      | Le Goff   | Anne-Sophie |

  @CONFIRM-02
  Scénario: La confirmation donne la date de l'inscription et le numéro d'abonné dans la phrase du guide
    Soit un usager qui a créé et activé son espace professionnel
    Alors la page affiche la phrase du guide, avec sa date d'inscription et son numéro d'abonné :
      """
      Votre inscription a été réalisée le 20 février 2026 sous le numéro 20260510000101.
      """

  @CONFIRM-03
  Scénario: L'inscription est datée du jour de l'activation, pas de celui de la demande
    Soit un usager qui a validé son inscription sans activer son espace
    Quand l'horloge du site avance d'un jour
    Et il active son espace avec ce code et son adresse électronique
    Alors l'étape en cours est "Récapitulatif"
    Et la date d'inscription affichée est celle du jour de l'activation selon l'horloge du site, à l'heure de Paris

  @CONFIRM-04
  Scénario: Le numéro d'abonné compte 14 chiffres
    Soit un usager qui a validé son inscription sans activer son espace
    Quand il active son espace avec ce code et son adresse électronique
    Alors l'étape en cours est "Récapitulatif"
    Et la page confirme son inscription sous un numéro d'abonné de 14 chiffres

  @CONFIRM-05
  Scénario: Le numéro d'abonné est déclaré personnel
    Soit un usager qui a créé et activé son espace professionnel
    Alors la page affiche "Ce numéro d'abonné vous est personnel et doit le rester."

  @CONFIRM-05
  Scénario: Deux espaces activés ont deux numéros d'abonné différents
    Soit un usager professionnel qui n'a pas d'espace professionnel
    Quand il crée et active son espace professionnel
    Et un autre usager crée et active son espace professionnel
    Alors leurs numéros d'abonné sont différents

  @CONFIRM-06 @PDF-01
  Scénario: La confirmation offre le récapitulatif, indispensable en cas de perte du mot de passe
    Soit un usager qui a créé et activé son espace professionnel
    Alors la page propose :
      | contrôle                                 |
      | Sauvegardez ou imprimez le récapitulatif |
    # vérifie : CONFIRM-06
    Et la page affiche "Il vous sera indispensable en cas de perte de votre mot de passe."
    Quand il ouvre le récapitulatif PDF
    # vérifie : PDF-01
    Alors il obtient un fichier PDF dont le texte se lit

  @CONFIRM-07
  Scénario: « Accédez à vos services en ligne » ouvre l'espace, sans ressaisir ses identifiants
    Soit un usager qui a créé et activé son espace professionnel
    Alors la page porte le titre "Vos services en ligne"
    Et la page affiche, dans cet ordre :
      """
      Vos services en ligne
      Accédez à vos services en ligne
      """
    Quand il clique sur "Accédez à vos services en ligne"
    Alors la page n'affiche pas l'étape "Récapitulatif"
    Et il est connecté à son espace professionnel
