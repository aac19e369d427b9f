# language: fr
Fonctionnalité: Sauvegarder les informations récapitulatives de son espace (PDF)
  Sur l'écran de confirmation, le lien « Sauvegardez ou imprimez le récapitulatif » donne
  les informations récapitulatives de l'espace dans un fichier au format PDF (guide §4,
  « Sauvegarde des informations récapitulatives de votre espace professionnel ») : les
  titres, les coordonnées saisies, le numéro d'abonné, la question et la réponse de
  confiance, la date de création du document ; jamais le mot de passe. Chaque récapitulatif
  obtenu est lu tel qu'un lecteur de PDF l'affiche et doit suivre le schéma
  schemas/recap.schema.json.

  @PDF-01
  Scénario: « Sauvegardez ou imprimez le récapitulatif » fournit un fichier PDF
    Soit un usager qui a créé et activé son espace professionnel
    Quand il ouvre le récapitulatif PDF
    Alors il obtient un fichier PDF dont le texte se lit

  @PDF-02
  Scénario: Le récapitulatif porte les titres du guide
    Soit un usager qui a créé et activé son espace professionnel
    Quand il ouvre le récapitulatif PDF
    Alors le récapitulatif PDF affiche :
      """
      VOTRE ESPACE PROFESSIONNEL
      RECAPITULATIF DE VOS DONNEES PERSONNELLES
      Vos coordonnées
      """

  @PDF-03
  Scénario: Le récapitulatif donne le nom, le prénom, le téléphone et l'adresse de connexion saisis
    Soit un usager qui a créé et activé son espace professionnel
    Quand il ouvre le récapitulatif PDF
    Alors le récapitulatif PDF montre, sur la ligne de chaque libellé, la valeur saisie :
      | libellé                           |
      | Nom                               |
      | Prénom                            |
      | Téléphone                         |
      | Adresse électronique de connexion |

  @PDF-04
  Plan du scénario: L'adresse postale est assemblée en une ligne, <cas>
    Soit un usager qui a créé et activé son espace professionnel <cas>
    Quand il ouvre le récapitulatif PDF
    Alors la ligne "Adresse" du récapitulatif PDF assemble, dans l'ordre, les parties saisies de l'adresse

    Exemples:
      | cas                                |
      | sans complément d'adresse          |
      | avec un complément d'adresse       |
      | sans numéro de voie ni code postal |

  @PDF-05
  Scénario: Le récapitulatif donne la question et la réponse de confiance
    Soit un usager qui a créé et activé son espace professionnel
    Quand il ouvre le récapitulatif PDF
    Alors le récapitulatif PDF affiche :
      """
      Votre question/réponse de confiance
      (indispensable en cas de perte de votre mot de passe)
      """
    Et le récapitulatif PDF montre, sur la ligne de chaque libellé, la valeur saisie :
      | libellé               |
      | Question de confiance |
      | Réponse de confiance  |

  @PDF-06
  Scénario: Le numéro d'abonné du récapitulatif est celui de la page de confirmation
    Soit un usager qui a créé et activé son espace professionnel
    Quand il ouvre le récapitulatif PDF
    Alors le numéro d'abonné du récapitulatif PDF est celui de la page de confirmation

  @PDF-07
  Scénario: Le récapitulatif porte sa date et son heure de création, selon l'horloge du site
    Soit un usager qui a créé et activé son espace professionnel
    Quand l'horloge du site avance d'une heure
    Et il ouvre le récapitulatif PDF
    Alors le récapitulatif PDF porte sa date et son heure de création selon l'horloge du site, à une minute près

  @PDF-08
  Scénario: Le récapitulatif ne contient jamais le mot de passe
    Soit un usager qui a créé et activé son espace professionnel
    Quand il ouvre le récapitulatif PDF
    Alors le récapitulatif PDF ne contient pas son mot de passe

  @PDF-09
  Scénario: Le récapitulatif invite à l'enregistrer et à l'imprimer pour ses archives
    Soit un usager qui a créé et activé son espace professionnel
    Quand il ouvre le récapitulatif PDF
    Alors le récapitulatif PDF affiche "Enregistrez ce fichier et éventuellement imprimez-le pour vos archives."

  @PDF-10
  Scénario: L'adresse du récapitulatif, ouverte dans un navigateur neuf, ne donne pas le récapitulatif
    Soit un usager qui a créé et activé son espace professionnel
    Quand il note l'adresse du lien "Sauvegardez ou imprimez le récapitulatif"
    Et il ouvre l'adresse notée du récapitulatif
    Alors il reçoit son récapitulatif
    Quand il ouvre l'adresse notée du récapitulatif dans un navigateur neuf
    Alors il ne reçoit pas son récapitulatif
