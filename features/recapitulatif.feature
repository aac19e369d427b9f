# language: fr
Fonctionnalité: Vérifier le récapitulatif et valider l'inscription
  Fin de la pré-inscription (guide §2, après la « 3ème étape ») : un récapitulatif des
  informations saisies est affiché. L'usager peut, soit revenir à l'étape précédente pour
  modifier sa saisie, soit cliquer sur le bouton « Valider » pour confirmer son inscription ;
  un courriel contenant un code d'activation est alors envoyé à l'adresse électronique qu'il
  a choisie comme identifiant.

  Contexte:
    Soit un usager à l'étape "Formulaire inscription"

  @RECAP-01 @FORM-14
  Scénario: Le récapitulatif reprend chaque valeur saisie sous le libellé du formulaire
    Quand il saisit ses informations dans tous les champs du formulaire
    Et il clique sur "Continuer"
    # vérifie : FORM-14
    Alors l'étape en cours est "Récapitulatif"
    Et la page affiche :
      """
      Usager
      Question de confiance
      """
    # vérifie : RECAP-01
    Et le récapitulatif montre, après chaque libellé, la valeur saisie :
      | libellé                            |
      | Nom                                |
      | Prénom                             |
      | Téléphone                          |
      | Adresse électronique de connexion  |
      | Numéro de voie                     |
      | Nature de la voie                  |
      | Libellé de la voie                 |
      | Complément d'adresse               |
      | Code postal                        |
      | Commune                            |
      | Pays                               |
      | Question de confiance              |
      | Réponse à la question de confiance |

  @RECAP-02
  Scénario: Le mot de passe n'apparaît nulle part dans le récapitulatif
    Quand il remplit le formulaire d'inscription
    Alors l'étape en cours est "Récapitulatif"
    Et la page ne montre son mot de passe ni dans son texte ni dans son code HTML

  @RECAP-04 @RECAP-01
  Scénario: « Etape précédente » rouvre le formulaire rempli, et une correction apparaît au nouveau récapitulatif
    Quand il saisit ses informations dans tous les champs du formulaire
    Et il choisit un indicatif autre que "FR"
    Et il clique sur "Continuer"
    Et il clique sur "Etape précédente"
    Alors l'étape en cours est "Formulaire inscription"
    Et le formulaire montre toutes les informations saisies
    Et le champ "Indicatif" montre l'indicatif choisi
    Quand il corrige le champ "Commune" en "LYON"
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Récapitulatif"
    # vérifie : RECAP-04
    Et la ligne "Commune" du récapitulatif montre "LYON"
    # vérifie : RECAP-01
    Et le récapitulatif montre, après chaque libellé, la valeur saisie :
      | libellé                            |
      | Nom                                |
      | Prénom                             |
      | Téléphone                          |
      | Adresse électronique de connexion  |
      | Numéro de voie                     |
      | Nature de la voie                  |
      | Libellé de la voie                 |
      | Complément d'adresse               |
      | Code postal                        |
      | Commune                            |
      | Pays                               |
      | Question de confiance              |
      | Réponse à la question de confiance |

  @RECAP-05
  Scénario: Le récapitulatif propose « Etape précédente » et « Valider », qui confirme sans autre écran
    Quand il remplit le formulaire d'inscription
    Alors la page propose :
      | contrôle         |
      | Etape précédente |
      | Valider          |
    Et la page ne propose pas "Continuer"
    Quand il clique sur "Valider"
    Alors l'étape en cours est "Enregistrement"

  @RECAP-06
  Scénario: « Valider » enregistre la demande, envoie le code d'activation et ouvre l'étape Enregistrement
    Quand il remplit le formulaire d'inscription
    Et il valide son inscription
    Alors l'étape en cours est "Enregistrement"
    Et il reçoit un courriel d'activation contenant un code de 12 caractères
    Quand il recommence la création d'un espace jusqu'à l'étape "Identifiants"
    Et il saisit son adresse électronique et son mot de passe
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Identifiants"
    Et un message est affiché sur le champ "Adresse électronique de connexion" ou pour la page

  @RECAP-07
  Scénario: Deux sessions mènent la même adresse au récapitulatif : seul le premier « Valider » est enregistré
    Quand il remplit le formulaire d'inscription
    Et il mène la même adresse jusqu'au récapitulatif dans une autre session
    Et il valide son inscription
    Alors l'étape en cours est "Enregistrement"
    Quand il clique sur "Valider" dans l'autre session
    Alors l'autre session reste à l'étape "Récapitulatif"
    Et l'autre session affiche un message pour la page
    Et il reçoit un courriel d'activation contenant un code de 12 caractères
    Et il n'a reçu que le courriel d'activation de sa première demande
    Et son premier code d'activation active toujours son espace
