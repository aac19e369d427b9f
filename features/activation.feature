# language: fr
Fonctionnalité: Activer son espace professionnel
  Deuxième partie de la procédure (guide §3, « Activation de l'espace ») : depuis « Activer »
  sur la page de connexion, l'usager saisit le code d'activation reçu par courriel et les
  caractères de l'image, puis son adresse électronique de connexion ; une page confirme alors
  la création de son espace. Le code n'est pas un mot de passe et ne sert qu'une seule fois.

  # --- Le fil des étapes de l'activation ----------------------------------------------

  @ETAPE-08
  Plan du scénario: À l'étape « <étape> » de l'activation, le fil montre les trois étapes et désigne celle-ci
    Soit un usager qui a validé son inscription sans activer son espace
    Quand il avance dans l'activation jusqu'à l'étape "<étape>"
    Alors la page porte le titre "Activez votre espace ou vos services"
    Et le fil d'étapes montre, dans cet ordre :
      | étape             |
      | Code d'activation |
      | Identifiants      |
      | Récapitulatif     |
    Et l'étape en cours est "<étape>"

    Exemples:
      | étape             |
      | Code d'activation |
      | Identifiants      |
      | Récapitulatif     |

  @ACTIV-09
  Plan du scénario: L'étape « <étape> » de l'activation avance par « Continuer », sans bouton « Valider »
    Soit un usager à l'étape "<étape>" de l'activation
    Alors la page propose :
      | contrôle  |
      | Continuer |
    Et la page ne propose pas "Valider"

    Exemples:
      | étape             |
      | Code d'activation |
      | Identifiants      |

  # --- L'étape « Code d'activation » --------------------------------------------------

  @ACTIV-01
  Scénario: L'étape « Code d'activation » demande le code de 12 caractères, marqué d'un astérisque
    Soit un usager à l'étape "Code d'activation" de l'activation
    Alors le champ "Saisissez le code d'activation" est marqué d'un astérisque
    Et le champ "Saisissez le code d'activation" porte l'indication "12 caractères"

  @ACTIV-01
  Scénario: Sans code d'activation, l'usager ne peut pas continuer
    Soit un usager à l'étape "Code d'activation" de l'activation
    Quand il recopie les caractères de l'image
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Code d'activation"
    Et le champ "Saisissez le code d'activation" est signalé en erreur

  @ACTIV-02
  Scénario: L'étape « Code d'activation » demande aussi de recopier les caractères d'une image, à changer ou à écouter
    Soit un usager à l'étape "Code d'activation" de l'activation
    Alors la page montre une image
    Et la page offre le champ "Recopiez les caractères de l'image"
    Et le champ "Recopiez les caractères de l'image" est marqué d'un astérisque
    Et la page propose :
      | contrôle                 |
      | Changer l'image          |
      | Ecouter l'extrait sonore |
    Et les caractères de l'image sont au nombre de six
    Et le lien "Ecouter l'extrait sonore" fournit un fichier audio

  @ACTIV-02
  Plan du scénario: Le bon code avec des caractères de l'image <cas> est refusé, et le code reste valable
    Soit un usager qui a validé son inscription sans activer son espace
    Quand il se rend sur l'étape "Code d'activation" de l'activation
    Et il saisit son code d'activation
    Et il <saisie>
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Code d'activation"
    Et le champ "Recopiez les caractères de l'image" est signalé en erreur
    Quand il saisit son code d'activation
    Et il recopie les caractères de l'image
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Identifiants"

    Exemples:
      | cas     | saisie                                                 |
      | faux    | recopie des caractères qui ne sont pas ceux de l'image |
      | absents | vide le champ "Recopiez les caractères de l'image"     |

  @ACTIV-03
  Plan du scénario: Saisir <cas> à la place du code d'activation est refusé
    Soit un usager qui a validé son inscription sans activer son espace
    Quand il se rend sur l'étape "Code d'activation" de l'activation
    Et il saisit <saisie>
    Et il recopie les caractères de l'image
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Code d'activation"
    Et le champ "Saisissez le code d'activation" est signalé en erreur

    Exemples:
      | cas                            | saisie                                                   |
      | un code qui n'a pas été envoyé | un code de 12 lettres et chiffres qui n'a pas été envoyé |
      | son mot de passe de connexion  | son mot de passe de connexion à la place du code         |

  @ACTIV-04
  Plan du scénario: Un code <cas> est refusé
    Soit un usager qui a validé son inscription sans activer son espace
    Quand il se rend sur l'étape "Code d'activation" de l'activation
    Et il saisit <saisie>
    Et il recopie les caractères de l'image
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Code d'activation"
    Et le champ "Saisissez le code d'activation" est signalé en erreur

    Exemples:
      | cas                                    | saisie                                                                    |
      | de 11 caractères                       | son code d'activation sans son dernier caractère                          |
      | de 13 caractères                       | son code d'activation suivi d'un caractère de plus                        |
      | de 12 caractères dont un tiret         | son code d'activation dont le dernier caractère est remplacé par un tiret |
      | aux majuscules et minuscules inversées | son code d'activation avec la casse inversée                              |

  @ACTIV-04
  Scénario: Les blancs autour du code d'activation ne le rendent pas invalide
    Soit un usager qui a validé son inscription sans activer son espace
    Quand il se rend sur l'étape "Code d'activation" de l'activation
    Et il saisit son code d'activation entouré de blancs
    Et il recopie les caractères de l'image
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Identifiants"

  # --- L'étape « Identifiants » -------------------------------------------------------

  @ACTIV-05
  Scénario: L'étape « Identifiants » rappelle le code d'activation saisi
    Soit un usager à l'étape "Identifiants" de l'activation
    Alors la page affiche "Code d'activation :" suivi de son code d'activation

  @ACTIV-06
  Scénario: L'étape « Identifiants » demande l'adresse électronique de connexion, marquée d'un astérisque
    Soit un usager à l'étape "Identifiants" de l'activation
    Alors le champ "Saisissez votre adresse électronique de connexion" est marqué d'un astérisque
    Et le champ "Saisissez votre adresse électronique de connexion" porte l'indication "utilisateur@domaine"

  @ACTIV-11 @ACTIV-12
  Scénario: Code et adresse acceptés, la page confirmant la création de l'espace s'affiche dans le même onglet
    Soit un usager à l'étape "Identifiants" de l'activation
    Quand il saisit son adresse électronique de connexion
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Récapitulatif"
    # vérifie : ACTIV-11
    Et la page confirme son inscription sous un numéro d'abonné de 14 chiffres
    # vérifie : ACTIV-12
    Et la page s'est affichée dans le même onglet, sans nouvelle fenêtre

  Plan du scénario: Son adresse électronique <variante> active son espace
    Soit un usager à l'étape "Identifiants" de l'activation
    Quand il saisit dans le champ "Saisissez votre adresse électronique de connexion" son adresse électronique <variante>
    Et il clique sur "Continuer"
    # vérifie : IDENT-16
    Alors l'étape en cours est "Récapitulatif"
    # vérifie : ACTIV-06, ACTIV-11
    Et la page confirme son inscription sous un numéro d'abonné de 14 chiffres

    # La casse d'une adresse ne compte pas : c'est notre décision (IDENT-16), pas le guide.
    @IDENT-16
    Exemples: La casse
      | variante      |
      | en majuscules |

    @ACTIV-06 @ACTIV-11
    Exemples: Les blancs
      | variante           |
      | entourée de blancs |

  @ACTIV-06
  Plan du scénario: Une adresse électronique <cas> est refusée, et le code reste utilisable
    Soit un usager à l'étape "Identifiants" de l'activation
    Quand il <saisie>
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Identifiants"
    Et le champ "Saisissez votre adresse électronique de connexion" est signalé en erreur
    Quand il saisit son adresse électronique de connexion
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Récapitulatif"

    Exemples:
      | cas                               | saisie                                                                                                  |
      | absente                           | vide le champ "Saisissez votre adresse électronique de connexion"                                      |
      | qui n'est pas celle de la demande | saisit dans le champ "Saisissez votre adresse électronique de connexion" une autre adresse électronique |

  @ACTIV-06
  Scénario: L'adresse d'une autre demande en cours est refusée, et aucun espace n'est créé
    Soit un usager qui a validé son inscription sans activer son espace
    Et une autre personne a validé son inscription sans activer son espace
    Quand il passe l'étape "Code d'activation" avec son code
    Et il saisit dans le champ "Saisissez votre adresse électronique de connexion" l'adresse électronique de l'autre personne
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Identifiants"
    Et le champ "Saisissez votre adresse électronique de connexion" est signalé en erreur
    Et l'autre personne active toujours son espace avec son propre code
    Quand il saisit son adresse électronique de connexion
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Récapitulatif"

  @ACTIV-07
  Scénario: « Etape précédente » ramène au code d'activation, avec une nouvelle image, et le code sert encore
    Soit un usager qui a validé son inscription sans activer son espace
    Quand il se rend sur l'étape "Code d'activation" de l'activation
    Et il note les caractères de l'image
    Et il saisit son code d'activation
    Et il recopie les caractères notés
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Identifiants"
    Quand il clique sur "Etape précédente"
    Alors l'étape en cours est "Code d'activation"
    Et une nouvelle image est proposée
    Quand il saisit son code d'activation
    Et il recopie les caractères de l'image
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Identifiants"
    Quand il saisit son adresse électronique de connexion
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Récapitulatif"

  @ACTIV-08
  Scénario: « Effacer » vide l'adresse saisie et garde le code affiché
    Soit un usager à l'étape "Identifiants" de l'activation
    Quand il saisit son adresse électronique de connexion
    Et il clique sur "Effacer"
    Alors il reste à l'étape "Identifiants"
    Et le champ "Saisissez votre adresse électronique de connexion" est vide
    Et la page affiche "Code d'activation :" suivi de son code d'activation
    Et aucune erreur n'est signalée

  # --- Un code ne sert qu'une seule fois -------------------------------------------------

  @ACTIV-10
  Scénario: Une fois l'espace activé, son code est refusé dans la même session
    Soit un usager qui a créé et activé son espace professionnel
    Quand il se rend sur l'étape "Code d'activation" de l'activation
    Et il saisit son code d'activation
    Et il recopie les caractères de l'image
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Code d'activation"
    Et le champ "Saisissez le code d'activation" est signalé en erreur

  @ACTIV-10
  Scénario: Une fois l'espace activé, son code est refusé dans un navigateur neuf
    Soit un usager qui a créé et activé son espace professionnel
    Et il revient plus tard sur la page de connexion
    Quand il clique sur "Activer"
    Et il saisit son code d'activation
    Et il recopie les caractères de l'image
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Code d'activation"
    Et le champ "Saisissez le code d'activation" est signalé en erreur

  @ACTIV-10
  Scénario: Le code d'activation n'est pas un mot de passe : il ne permet pas de se connecter
    Soit un usager qui a créé et activé son espace professionnel
    Et il revient plus tard sur la page de connexion
    Quand il se connecte avec son adresse électronique et son code d'activation comme mot de passe
    Alors il est toujours sur la page de connexion
    Et un message d'erreur est affiché
    Et il n'est pas connecté
