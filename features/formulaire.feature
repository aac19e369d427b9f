# language: fr
Fonctionnalité: Remplir le formulaire d'inscription
  Troisième étape de la pré-inscription (guide §2, « 3ème étape : renseignez les informations
  indispensables à la création de votre espace ») : l'usager renseigne son identité, son
  numéro de téléphone et son adresse dans la partie « Usager », choisit une question de
  confiance et sa réponse ; les champs précédés d'un * sont obligatoires. L'adresse
  électronique de connexion est celle de l'étape précédente et ne peut être modifiée ici.

  Contexte:
    Soit un usager à l'étape "Formulaire inscription"

  @FORM-01
  Scénario: Le formulaire présente la partie « Usager », la question de confiance et tous leurs champs
    Alors la page affiche :
      """
      Remplissez votre formulaire d'inscription
      Usager
      Question de confiance
      """
    Et le formulaire comporte les champs :
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

  @FORM-02
  Plan du scénario: Le champ obligatoire "<champ>" <cas> empêche de continuer
    Quand il saisit ses informations dans le formulaire
    Et il <action> le champ "<champ>"
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Formulaire inscription"
    Et le champ "<champ>" est signalé en erreur

    Exemples:
      | champ     | cas            | action            |
      | Nom       | laissé vide    | vide              |
      | Prénom    | laissé vide    | vide              |
      | Téléphone | laissé vide    | vide              |
      | Commune   | laissé vide    | vide              |
      | Pays      | laissé vide    | vide              |
      | Nom       | fait de blancs | remplit de blancs |
      | Prénom    | fait de blancs | remplit de blancs |
      | Téléphone | fait de blancs | remplit de blancs |
      | Commune   | fait de blancs | remplit de blancs |
      | Pays      | fait de blancs | remplit de blancs |

  @FORM-10
  Plan du scénario: Une réponse à la question de confiance <cas> empêche de continuer
    Quand il saisit ses informations dans le formulaire
    Et il <action> le champ "Réponse à la question de confiance"
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Formulaire inscription"
    Et le champ "Réponse à la question de confiance" est signalé en erreur

    Exemples:
      | cas             | action            |
      | laissée vide    | vide              |
      | faite de blancs | remplit de blancs |

  @FORM-10 @RECAP-01
  Plan du scénario: La réponse à la question de confiance est libre : "<réponse>"
    Quand il saisit ses informations dans le formulaire
    Et il saisit "<réponse>" dans le champ "Réponse à la question de confiance"
    Et il clique sur "Continuer"
    # vérifie : FORM-10
    Alors l'étape en cours est "Récapitulatif"
    # vérifie : RECAP-01
    Et la ligne "Réponse à la question de confiance" du récapitulatif montre "<réponse>"

    Exemples:
      | réponse                    |
      | L'été 1998, à Noël & Cie ! |
      | 42                         |

  @FORM-03 @FORM-14
  Scénario: Avec les seuls champs obligatoires renseignés, « Continuer » ouvre le récapitulatif
    Quand il saisit ses informations dans le formulaire
    Et il vide les champs :
      | libellé              |
      | Numéro de voie       |
      | Nature de la voie    |
      | Libellé de la voie   |
      | Complément d'adresse |
      | Code postal          |
    Et il clique sur "Continuer"
    # vérifie : FORM-03, FORM-14
    Alors l'étape en cours est "Récapitulatif"

  @FORM-03 @RECAP-01
  Plan du scénario: Le champ facultatif "<champ>" laissé vide garde son libellé au récapitulatif, sans valeur
    Quand il saisit ses informations dans tous les champs du formulaire
    Et il vide le champ "<champ>"
    Et il clique sur "Continuer"
    # vérifie : FORM-03
    Alors l'étape en cours est "Récapitulatif"
    # vérifie : RECAP-01
    Et le récapitulatif montre le libellé "<champ>" sans valeur

    Exemples:
      | champ                |
      | Numéro de voie       |
      | Nature de la voie    |
      | Libellé de la voie   |
      | Complément d'adresse |
      | Code postal          |

  @FORM-03 @RECAP-01
  Plan du scénario: Le champ facultatif "<champ>" accepte une saisie libre comme "<valeur>"
    Quand il saisit ses informations dans le formulaire
    Et il saisit "<valeur>" dans le champ "<champ>"
    Et il clique sur "Continuer"
    # vérifie : FORM-03
    Alors l'étape en cours est "Récapitulatif"
    # vérifie : RECAP-01
    Et la ligne "<champ>" du récapitulatif montre "<valeur>"

    Exemples:
      | champ             | valeur       |
      | Code postal       | SW1A 1AA     |
      | Code postal       | L-1234       |
      | Code postal       | 1000         |
      | Numéro de voie    | 12 bis       |
      | Nature de la voie | chemin rural |

  @FORM-04
  Scénario: Le téléphone se saisit avec un indicatif de pays, « FR » par défaut
    Alors le formulaire comporte les champs :
      | libellé   |
      | Indicatif |
      | Téléphone |
    Et le champ "Indicatif" montre "FR"

  @FORM-05 @RECAP-03
  Plan du scénario: Avec l'indicatif FR, le numéro "<numéro>" est accepté
    Quand il saisit ses informations dans le formulaire
    Et il saisit "<numéro>" dans le champ "Téléphone"
    Et il clique sur "Continuer"
    # vérifie : FORM-05
    Alors l'étape en cours est "Récapitulatif"
    # vérifie : RECAP-03
    Et la ligne "Téléphone" du récapitulatif contient les chiffres de "<numéro>"

    Exemples:
      | numéro         |
      | 0123456789     |
      | 01 23 45 67 89 |

  @FORM-05
  Plan du scénario: Avec l'indicatif FR, un numéro <cas> est refusé
    Quand il saisit ses informations dans le formulaire
    Et il saisit "<numéro>" dans le champ "Téléphone"
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Formulaire inscription"
    Et le champ "Téléphone" est signalé en erreur

    Exemples:
      | cas                | numéro         |
      | de neuf chiffres   | 012345678      |
      | de onze chiffres   | 01234567890    |
      | avec une lettre    | 01234S6789     |
      | avec des points    | 01.23.45.67.89 |
      | précédé du signe + | +33123456789   |

  @FORM-05 @RECAP-03
  Plan du scénario: Avec un autre indicatif, un numéro de <nombre> chiffres est accepté
    Quand il saisit ses informations dans le formulaire
    Et il choisit un indicatif autre que "FR"
    Et il saisit "<numéro>" dans le champ "Téléphone"
    Et il clique sur "Continuer"
    # vérifie : FORM-05
    Alors l'étape en cours est "Récapitulatif"
    # vérifie : RECAP-03
    Et la ligne "Téléphone" du récapitulatif contient les chiffres de "<numéro>"

    Exemples:
      | nombre | numéro          |
      | 4      | 1234            |
      | 15     | 123456789012345 |

  @FORM-05
  Plan du scénario: Avec un autre indicatif, un numéro <cas> est refusé
    Quand il saisit ses informations dans le formulaire
    Et il choisit un indicatif autre que "FR"
    Et il saisit "<numéro>" dans le champ "Téléphone"
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Formulaire inscription"
    Et le champ "Téléphone" est signalé en erreur

    Exemples:
      | cas               | numéro           |
      | de trois chiffres | 123              |
      | de seize chiffres | 1234567890123456 |
      | avec une lettre   | 12a45678         |

  @FORM-06
  Scénario: L'adresse électronique de connexion est celle des identifiants, et n'est pas modifiable
    Alors le champ "Adresse électronique de connexion" montre son adresse électronique
    Et le champ "Adresse électronique de connexion" n'est pas modifiable

  @FORM-06
  Scénario: Une autre adresse forcée dans la page est ignorée, du récapitulatif jusqu'à l'espace
    Quand il force dans le champ "Adresse électronique de connexion" une autre adresse électronique
    Et il remplit le formulaire d'inscription
    Alors l'étape en cours est "Récapitulatif"
    Et la ligne "Adresse électronique de connexion" du récapitulatif montre son adresse électronique
    Quand il valide son inscription et active son espace
    Alors le récapitulatif PDF indique son adresse électronique de connexion
    Et aucun courriel n'est envoyé à l'adresse forcée

  @FORM-07
  Scénario: « Etape précédente » ramène aux identifiants, où l'adresse électronique peut être changée
    Quand il clique sur "Etape précédente"
    Alors l'étape en cours est "Identifiants"
    Et le champ "Adresse électronique de connexion" est modifiable
    Quand il choisit une nouvelle adresse électronique et son mot de passe
    Alors l'étape en cours est "Formulaire inscription"
    Et le champ "Adresse électronique de connexion" montre sa nouvelle adresse électronique

  @FORM-08
  Scénario: La première question de la liste, « Quel est votre surnom ? », est sélectionnée par défaut
    Alors la liste "Question de confiance" commence par "Quel est votre surnom ?"
    Et le champ "Question de confiance" montre "Quel est votre surnom ?"

  @FORM-09
  Scénario: La question choisie dans la liste déroulante est celle du récapitulatif et du PDF
    Alors la liste "Question de confiance" propose :
      | question                                  |
      | Quel est votre surnom ?                   |
      | Quel est le prénom de votre conjoint(e) ? |
    Quand il choisit la question de confiance "Quel est le prénom de votre conjoint(e) ?"
    Et il remplit le formulaire d'inscription
    Alors la ligne "Question de confiance" du récapitulatif montre "Quel est le prénom de votre conjoint(e) ?"
    Quand il valide son inscription et active son espace
    Alors le récapitulatif PDF indique la question de confiance "Quel est le prénom de votre conjoint(e) ?"

  @FORM-12
  Scénario: « Effacer » vide les champs et remet les listes à leur valeur par défaut
    Quand il saisit ses informations dans tous les champs du formulaire
    Et il choisit un indicatif autre que "FR"
    Et il choisit la question de confiance "Quel est le prénom de votre conjoint(e) ?"
    Et il clique sur "Effacer"
    Alors il reste à l'étape "Formulaire inscription"
    Et aucune erreur n'est signalée
    Et les champs de saisie du formulaire sont vides
    Et le champ "Indicatif" montre "FR"
    Et le champ "Question de confiance" montre "Quel est votre surnom ?"
    Et le champ "Adresse électronique de connexion" montre son adresse électronique

  @FORM-12
  Scénario: « Effacer » vide aussi les valeurs reprises au retour du récapitulatif
    Quand il saisit ses informations dans tous les champs du formulaire
    Et il choisit un indicatif autre que "FR"
    Et il clique sur "Continuer"
    Et il clique sur "Etape précédente"
    Et il clique sur "Effacer"
    Alors il reste à l'étape "Formulaire inscription"
    Et aucune erreur n'est signalée
    Et les champs de saisie du formulaire sont vides
    Et le champ "Indicatif" montre "FR"
    Et le champ "Question de confiance" montre "Quel est votre surnom ?"
    Et le champ "Adresse électronique de connexion" montre son adresse électronique

  @FORM-13 @RECAP-01
  Scénario: Des valeurs de 50 caractères se retrouvent entières au récapitulatif et dans le PDF
    Quand il saisit ses informations avec des valeurs de 50 caractères dans les champs :
      | libellé                            |
      | Nom                                |
      | Prénom                             |
      | Libellé de la voie                 |
      | Complément d'adresse               |
      | Commune                            |
      | Pays                               |
      | Réponse à la question de confiance |
    Et il clique sur "Continuer"
    # vérifie : FORM-13
    Alors l'étape en cours est "Récapitulatif"
    # vérifie : RECAP-01
    Et le récapitulatif montre, après chaque libellé, la valeur saisie :
      | libellé                            |
      | Nom                                |
      | Prénom                             |
      | Libellé de la voie                 |
      | Complément d'adresse               |
      | Commune                            |
      | Pays                               |
      | Réponse à la question de confiance |
    Quand il valide son inscription et active son espace
    # vérifie : FORM-13
    Alors le récapitulatif PDF reprend entières les valeurs saisies :
      | libellé                            |
      | Nom                                |
      | Prénom                             |
      | Libellé de la voie                 |
      | Complément d'adresse               |
      | Commune                            |
      | Pays                               |
      | Réponse à la question de confiance |

  @FORM-13
  Plan du scénario: Une valeur de 1000 caractères dans "<champ>" est refusée sur ce champ ou gardée entière, jamais coupée
    Quand il saisit ses informations avec une valeur de 1000 caractères dans le champ "<champ>"
    Alors le champ "<champ>" garde les 1000 caractères saisis
    Quand il clique sur "Continuer"
    Alors la valeur du champ "<champ>" est refusée avec un message, sur ce champ ou pour la page, ou reprise entière au récapitulatif

    Exemples:
      | champ                              |
      | Nom                                |
      | Prénom                             |
      | Libellé de la voie                 |
      | Complément d'adresse               |
      | Commune                            |
      | Pays                               |
      | Réponse à la question de confiance |
