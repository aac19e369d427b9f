# language: fr
Fonctionnalité: L'assistance aux usagers des téléprocédures
  En cas de problème dans l'accomplissement de la démarche (guide §5), l'assistance aux
  usagers des téléprocédures est joignable de 8h00 à 18h00 du lundi au vendredi, par
  téléphone et par un formulaire électronique. Ses coordonnées figurent sur chaque page
  de la procédure, de la page de connexion à l'espace, et là où le guide dit de contacter
  l'assistance : le refus d'une adresse d'espace avec certificat et l'activation.

  @AIDE-01 @AIDE-02 @AIDE-03
  Plan du scénario: Les coordonnées de l'assistance figurent sur <page>
    Soit un usager sur la page de connexion
    Quand il se rend sur <page>
    # vérifie : AIDE-01, AIDE-02
    Alors la page affiche :
      """
      Pour tout renseignement supplémentaire, l'assistance aux usagers des téléprocédures est joignable de 8h00 à 18h00 du lundi au vendredi, selon deux canaux :
      le téléphone via le n° 0809 400 210 (service gratuit + prix appel)
      """
    # vérifie : AIDE-03
    Et la page propose :
      | contrôle           |
      | Accéder au formuel |

    Exemples:
      | page                                                   |
      | la page de connexion                                   |
      | la page du choix du mode                               |
      | l'étape "Conditions générales" de la pré-inscription   |
      | l'étape "Identifiants" de la pré-inscription           |
      | l'étape "Formulaire inscription" de la pré-inscription |
      | l'étape "Récapitulatif" de la pré-inscription          |
      | l'étape "Enregistrement" de la pré-inscription         |
      | son espace professionnel                               |

  @AIDE-01 @AIDE-02 @AIDE-03 @AIDE-04
  Plan du scénario: Les coordonnées de l'assistance figurent à l'étape "<étape>" de l'activation
    Soit un usager sur la page de connexion
    Quand il se rend sur l'étape "<étape>" de l'activation
    # vérifie : AIDE-01, AIDE-02, AIDE-04
    Alors la page affiche :
      """
      Pour tout renseignement supplémentaire, l'assistance aux usagers des téléprocédures est joignable de 8h00 à 18h00 du lundi au vendredi, selon deux canaux :
      le téléphone via le n° 0809 400 210 (service gratuit + prix appel)
      """
    # vérifie : AIDE-03, AIDE-04
    Et la page propose :
      | contrôle           |
      | Accéder au formuel |

    Exemples:
      | étape             |
      | Code d'activation |
      | Identifiants      |
      | Récapitulatif     |

  @AIDE-01 @AIDE-02 @AIDE-03 @AIDE-04
  Scénario: Le refus d'une adresse d'espace avec certificat renvoie à l'assistance et donne ses coordonnées
    Soit un usager à l'étape "Identifiants"
    Et son adresse électronique est rattachée à un espace professionnel avec certificat
    Quand il saisit son adresse électronique et son mot de passe
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Identifiants"
    Et la page signale l'erreur "L'adresse électronique saisie est rattachée à un espace professionnel avec certificat. Veuillez contacter l'assistance."
    # vérifie : AIDE-01, AIDE-02, AIDE-04
    Et la page affiche :
      """
      Pour tout renseignement supplémentaire, l'assistance aux usagers des téléprocédures est joignable de 8h00 à 18h00 du lundi au vendredi, selon deux canaux :
      le téléphone via le n° 0809 400 210 (service gratuit + prix appel)
      """
    # vérifie : AIDE-03, AIDE-04
    Et la page propose :
      | contrôle           |
      | Accéder au formuel |
