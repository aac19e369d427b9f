# language: fr
Fonctionnalité: Le fil des étapes de la pré-inscription
  « Créer votre espace professionnel » se fait en cinq étapes que montre un fil d'étapes :
  Conditions générales, Identifiants, Formulaire inscription, Récapitulatif, Enregistrement
  (guide §1.4 et §2, de la « 1ère étape » au « Valider »). Le fil désigne l'étape en cours ;
  on n'y entre que dans l'ordre, et un envoi refusé garde l'usager sur son étape.

  @ETAPE-01 @ETAPE-02 @ETAPE-03
  Plan du scénario: À l'étape « <étape> », le fil montre les cinq étapes et désigne celle-ci
    Soit un usager professionnel qui n'a pas d'espace professionnel
    Quand il avance dans la pré-inscription jusqu'à l'étape "<étape>"
    # vérifie : ETAPE-03
    Alors la page porte le titre "Créer votre espace professionnel"
    # vérifie : ETAPE-01
    Et le fil d'étapes montre, dans cet ordre :
      | étape                  |
      | Conditions générales   |
      | Identifiants           |
      | Formulaire inscription |
      | Récapitulatif          |
      | Enregistrement         |
    # vérifie : ETAPE-02
    Et l'étape en cours est "<étape>"

    Exemples:
      | étape                  |
      | Conditions générales   |
      | Identifiants           |
      | Formulaire inscription |
      | Récapitulatif          |
      | Enregistrement         |

  @GEN-08
  Scénario: Les étapes que voit l'usager sont celles des fils d'étapes, pas la numérotation du guide
    Soit un usager à l'étape "Conditions générales"
    Alors le fil d'étapes montre, dans cet ordre :
      | étape                  |
      | Conditions générales   |
      | Identifiants           |
      | Formulaire inscription |
      | Récapitulatif          |
      | Enregistrement         |
    Quand il se rend sur l'étape "Code d'activation" de l'activation
    Alors le fil d'étapes montre, dans cet ordre :
      | étape             |
      | Code d'activation |
      | Identifiants      |
      | Récapitulatif     |

  @ETAPE-04
  Plan du scénario: L'étape « <étape> » de <démarche> rappelle le sens de l'astérisque
    Soit un usager à l'étape "<étape>" de <démarche>
    Alors la page affiche "Les champs marqués d'un astérisque (*) doivent être renseignés."

    Exemples:
      | étape                  | démarche           |
      | Identifiants           | la pré-inscription |
      | Formulaire inscription | la pré-inscription |
      | Code d'activation      | l'activation       |
      | Identifiants           | l'activation       |

  @ETAPE-05
  Scénario: Aux identifiants, l'astérisque suit le libellé de chaque champ
    Soit un usager à l'étape "Identifiants"
    Alors les champs suivants sont marqués d'un astérisque après leur libellé :
      | champ                                         |
      | Adresse électronique de connexion             |
      | Confirmez l'adresse électronique de connexion |
      | Mot de passe de connexion                     |
      | Confirmez votre mot de passe de connexion     |

  @ETAPE-05
  Scénario: Au formulaire, seuls les champs obligatoires portent un astérisque, après leur libellé
    Soit un usager à l'étape "Formulaire inscription"
    Alors les champs suivants sont marqués d'un astérisque après leur libellé :
      | champ                              |
      | Nom                                |
      | Prénom                             |
      | Téléphone                          |
      | Commune                            |
      | Pays                               |
      | Question de confiance              |
      | Réponse à la question de confiance |
    Et les champs suivants ne portent pas d'astérisque :
      | champ                             |
      | Adresse électronique de connexion |
      | Numéro de voie                    |
      | Nature de la voie                 |
      | Libellé de la voie                |
      | Complément d'adresse              |
      | Code postal                       |

  @ETAPE-06
  Plan du scénario: L'adresse de l'étape « <étape> » ouverte dans un navigateur neuf n'affiche pas cette étape
    Soit un usager à l'étape "<étape>"
    Quand il ouvre l'adresse de cette page dans un navigateur neuf
    Alors la page n'affiche pas l'étape "<étape>"
    Et la page ne montre pas son adresse électronique

    Exemples:
      | étape                  |
      | Identifiants           |
      | Formulaire inscription |
      | Récapitulatif          |
      | Enregistrement         |

  @ETAPE-06
  Plan du scénario: L'étape « <étape> » envoyée par un navigateur qui a perdu la session est refusée
    Soit un usager à l'étape "<étape>"
    Quand il <saisie>
    Et son navigateur perd la session
    Et il clique sur "Continuer"
    Alors la page n'affiche pas l'étape "<suivante>"

    Exemples:
      | étape                  | saisie                                              | suivante               |
      | Identifiants           | saisit son adresse électronique et son mot de passe | Formulaire inscription |
      | Formulaire inscription | saisit ses informations dans le formulaire          | Récapitulatif          |

  @ETAPE-06
  Scénario: « Valider » envoyé par un navigateur qui a perdu la session n'enregistre rien
    Soit un usager à l'étape "Récapitulatif"
    Quand son navigateur perd la session
    Et il clique sur "Valider"
    Alors la page n'affiche pas l'étape "Enregistrement"
    Et aucun courriel ne lui est envoyé
    Et son adresse électronique peut encore servir à une pré-inscription

  @ETAPE-07
  Scénario: Depuis les identifiants, « Etape précédente » ramène aux conditions générales
    Soit un usager à l'étape "Identifiants"
    Quand il clique sur "Etape précédente"
    Alors l'étape en cours est "Conditions générales"

  @ETAPE-09
  Scénario: Des caractères de l'image refusés laissent la case cochée, vident le champ et changent l'image
    Soit un usager à l'étape "Conditions générales"
    Quand il note les caractères de l'image
    Et il coche la case des conditions générales
    Et il recopie des caractères qui ne sont pas ceux de l'image
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Conditions générales"
    Et le champ "Recopiez les caractères de l'image" est signalé en erreur
    Et la case des conditions générales est toujours cochée
    Et le champ "Recopiez les caractères de l'image" est vide
    Et une nouvelle image est proposée

  @ETAPE-09
  Scénario: Des identifiants refusés gardent les adresses et vident les mots de passe
    Soit un usager à l'étape "Identifiants"
    Quand il saisit son adresse électronique et son mot de passe
    Et il saisit dans le champ "Confirmez votre mot de passe de connexion" son mot de passe avec un caractère changé
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Identifiants"
    Et le champ "Confirmez votre mot de passe de connexion" est signalé en erreur
    Et le champ "Adresse électronique de connexion" montre son adresse électronique
    Et le champ "Confirmez l'adresse électronique de connexion" montre son adresse électronique
    Et le champ "Mot de passe de connexion" est vide
    Et le champ "Confirmez votre mot de passe de connexion" est vide

  @ETAPE-09
  Scénario: Un formulaire refusé garde les informations saisies
    Soit un usager à l'étape "Formulaire inscription"
    Quand il saisit ses informations dans le formulaire
    Et il vide le champ "Nom"
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Formulaire inscription"
    Et le champ "Nom" est signalé en erreur
    Et les champs du formulaire autres que "Nom" ont gardé ses informations

  @GEN-07
  Plan du scénario: Une adresse du domaine <domaine> et un mot de passe de <composition> sont acceptés
    Soit un usager à l'étape "Identifiants"
    Quand il saisit une adresse électronique du domaine "<domaine>" et un mot de passe de 20 caractères composé de <composition>
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Formulaire inscription"

    Exemples:
      | domaine                     | composition                      |
      | orange.fr                   | lettres et chiffres              |
      | gmail.com                   | minuscules et chiffres           |
      | cabinet-durand-associes.fr  | lettres accentuées et chiffres   |
      | dgfip.finances.gouv.fr      | lettres et chiffres              |
      | compta.societe-exemple.eu   | lettres accentuées et chiffres   |
