# language: fr
Fonctionnalité: La page « Connexion à votre espace professionnel »
  La procédure commence et finit sur la page de connexion (guide §2, « Pré-inscription sur
  www.impots.gouv.fr ») : l'usager y trouve le formulaire de connexion, le bouton « Créer
  votre espace professionnel », la rubrique d'activation et l'aide. Les pages de la
  procédure portent l'en-tête du site et ramènent à cette page.

  @CNX-04
  Scénario: La page s'intitule « Connexion à votre espace professionnel »
    Soit un usager sur la page de connexion
    Alors la page porte l'un des titres :
      | titre                                  |
      | Connexion à votre espace professionnel |
      | Connexion à votre Espace professionnel |
    Et la page affiche le fil d'Ariane "Accueil > Connexion à votre espace professionnel"

  @CNX-02
  Scénario: La page de connexion porte l'en-tête du site
    Soit un usager sur la page de connexion
    Alors la page porte en tête "RÉPUBLIQUE FRANÇAISE", "impots.gouv.fr" et "Espace professionnel"

  @CNX-05
  Scénario: Un bandeau rappelle les règles de sécurité du mot de passe
    Soit un usager sur la page de connexion
    Alors la page affiche :
      """
      Pour des raisons de sécurité, le mot de passe doit être renouvelé régulièrement et n'être utilisé que sur ce site.
      Il doit comporter 20 caractères minimum.
      """

  @CNX-07 @CNX-08
  Scénario: Le formulaire demande l'adresse électronique et le mot de passe, tous deux obligatoires
    Soit un usager sur la page de connexion
    # vérifie : CNX-07
    Alors la page affiche "Tous les champs sont obligatoires."
    Et le champ "Adresse électronique" porte l'indication "Format attendu : adresse@domaine.fr"
    # vérifie : CNX-08
    Et le champ "Mot de passe" est masqué

  @CNX-09
  Scénario: « Afficher » montre puis masque le mot de passe sans l'effacer
    Soit un usager sur la page de connexion
    Quand il saisit son mot de passe dans le champ "Mot de passe"
    Et il clique sur "Afficher"
    Alors le champ "Mot de passe" est en clair
    Et le champ "Mot de passe" contient toujours son mot de passe
    Et aucune erreur n'est signalée
    Quand il clique sur "Afficher"
    Alors le champ "Mot de passe" est masqué
    Et le champ "Mot de passe" contient toujours son mot de passe
    Et il n'est pas connecté

  @CNX-10 @CNX-16
  Scénario: La page offre le mot de passe oublié et les fiches pratiques
    Soit un usager sur la page de connexion
    # vérifie : CNX-10, CNX-16
    Alors la page propose :
      | contrôle                     |
      | Mot de passe oublié ?        |
      | Accéder aux fiches pratiques. |
    # vérifie : CNX-16
    Et la page affiche "Besoin d'aide ?"

  @CNX-11 @CNX-12
  Scénario: La connexion demande de recopier les six caractères d'une image
    Soit un usager sur la page de connexion
    # vérifie : CNX-11
    Alors la page offre le champ "Recopiez les caractères de l'image"
    # vérifie : CNX-12
    Et les caractères de l'image sont au nombre de six

  @CNX-14
  Scénario: « Créer votre espace professionnel » mène au choix du mode
    Soit un usager sur la page de connexion
    Alors la page affiche "Vous n'avez pas d'espace professionnel ?"
    Quand il clique sur "Créer votre espace professionnel"
    Alors la page porte le titre "Professionnels"
    Et la page propose :
      | contrôle                          |
      | Créez votre espace en mode expert |

  @CNX-15
  Scénario: La rubrique d'activation mène à la saisie du code d'activation
    Soit un usager sur la page de connexion
    Alors la page affiche :
      """
      Activation de votre espace professionnel et de vos services
      Les nouveaux espaces professionnels et services doivent être préalablement activés pour pouvoir être utilisés.
      """
    Quand il clique sur "Activer"
    Alors l'étape en cours est "Code d'activation"

  @CNX-17
  Scénario: La page présente le paiement des impôts locaux et les sites publics
    Soit un usager sur la page de connexion
    Alors la page affiche :
      """
      Payer vos impôts locaux
      Payer en ligne votre taxe foncière ou votre cotisation foncière des entreprises avec la référence de votre avis.
      info.gouv.fr
      service-public.fr
      legifrance.gouv.fr
      data.gouv.fr
      """

  @CNX-02 @CNX-03
  Plan du scénario: <page> porte l'en-tête du site et ramène à la page de connexion
    Soit un usager sur la page de connexion
    Quand il se rend sur <page>
    # vérifie : CNX-02
    Alors la page porte en tête "RÉPUBLIQUE FRANÇAISE", "impots.gouv.fr" et "Espace professionnel"
    Et la page propose :
      | contrôle                           |
      | Connexion à l'espace particulier   |
      | Connexion à l'espace professionnel |
    Quand il clique sur "Connexion à l'espace professionnel"
    # vérifie : CNX-03
    Alors il est sur la page de connexion

    Exemples:
      | page                                                   |
      | la page du choix du mode                               |
      | l'étape "Conditions générales" de la pré-inscription   |
      | l'étape "Identifiants" de la pré-inscription           |
      | l'étape "Formulaire inscription" de la pré-inscription |
      | l'étape "Récapitulatif" de la pré-inscription          |
      | l'étape "Enregistrement" de la pré-inscription         |
      | l'étape "Code d'activation" de l'activation            |
      | l'étape "Identifiants" de l'activation                 |
      | l'étape "Récapitulatif" de l'activation                |

  @CNX-07
  Plan du scénario: Sans « <champ> », la connexion est refusée
    Soit un usager qui a créé et activé son espace professionnel
    Et il revient plus tard sur la page de connexion
    Quand il saisit ses identifiants dans le formulaire de connexion
    Et il recopie les caractères de l'image
    Et il vide le champ "<champ>"
    Et il clique sur "Se connecter"
    Alors il est toujours sur la page de connexion
    Et un message d'erreur est affiché
    Et il n'est pas connecté

    Exemples:
      | champ                              |
      | Adresse électronique               |
      | Mot de passe                       |
      | Recopiez les caractères de l'image |

  @CNX-13
  Scénario: Une adresse électronique sans espace ne permet pas de se connecter
    Soit un usager sur la page de connexion
    Quand il note les caractères de l'image
    Et il se connecte avec une adresse électronique qui n'a pas d'espace
    Alors il est toujours sur la page de connexion
    Et un message d'erreur est affiché
    Et il n'est pas connecté
    Et une nouvelle image est proposée

  @CNX-13
  Scénario: Un mot de passe faux ne permet pas de se connecter
    Soit un usager qui a créé et activé son espace professionnel
    Et il revient plus tard sur la page de connexion
    Quand il note les caractères de l'image
    Et il se connecte avec son adresse électronique et un mot de passe faux
    Alors il est toujours sur la page de connexion
    Et un message d'erreur est affiché
    Et il n'est pas connecté
    Et une nouvelle image est proposée

  @CNX-13
  Scénario: Un espace pré-inscrit mais pas encore activé ne permet pas de se connecter
    Soit un usager qui a validé son inscription sans activer son espace
    Et il revient plus tard sur la page de connexion
    Quand il note les caractères de l'image
    Et il se connecte avec son adresse électronique et son mot de passe
    Alors il est toujours sur la page de connexion
    Et un message d'erreur est affiché
    Et il n'est pas connecté
    Et une nouvelle image est proposée

  @CNX-13 @CG-04
  Scénario: Des caractères de l'image faux empêchent de se connecter, même avec les bons identifiants
    Soit un usager qui a créé et activé son espace professionnel
    Et il revient plus tard sur la page de connexion
    Quand il note les caractères de l'image
    Et il saisit ses identifiants dans le formulaire de connexion
    Et il recopie des caractères qui ne sont pas ceux de l'image
    Et il clique sur "Se connecter"
    Alors il est toujours sur la page de connexion
    # vérifie : CG-04
    Et le champ "Recopiez les caractères de l'image" est signalé en erreur
    Et il n'est pas connecté
    # vérifie : CNX-13
    Et une nouvelle image est proposée

  @CNX-13
  Scénario: Le refus ne dit pas si l'adresse électronique a un espace
    Soit un usager qui a créé et activé son espace professionnel
    Et il revient plus tard sur la page de connexion
    Quand il se connecte avec une adresse électronique qui n'a pas d'espace
    Et il note le message affiché
    Et il se connecte avec son adresse électronique et un mot de passe faux
    Alors le message affiché est le même que celui noté

  @CG-06
  Scénario: Sur la page de connexion, « Changer l'image » remplace l'image et l'ancienne réponse ne vaut plus
    Soit un usager qui a créé et activé son espace professionnel
    Et il revient plus tard sur la page de connexion
    Quand il note les caractères de l'image
    Et il clique sur "Changer l'image"
    Alors il est toujours sur la page de connexion
    Quand il saisit ses identifiants dans le formulaire de connexion
    Et il recopie les caractères notés
    Et il clique sur "Se connecter"
    Alors le champ "Recopiez les caractères de l'image" est signalé en erreur
    Et il n'est pas connecté
    Quand il saisit ses identifiants dans le formulaire de connexion
    Et il recopie les caractères de l'image
    Et il clique sur "Se connecter"
    Alors il est connecté à son espace professionnel

  @CNX-06
  Plan du scénario: À la connexion, un mot de passe <défaut> est seulement un mot de passe faux
    Soit un usager qui a créé et activé son espace professionnel
    Et il revient plus tard sur la page de connexion
    Quand il se connecte avec son adresse électronique et un mot de passe faux
    Et il note le message affiché
    Et il se connecte avec son adresse électronique et un mot de passe <défaut>
    Alors il est toujours sur la page de connexion
    Et il n'est pas connecté
    Et le message affiché est le même que celui noté

    Exemples:
      | défaut                  |
      | trop court              |
      | sans chiffre            |
      | qui contient une espace |

  @CNX-06
  Scénario: Un mot de passe ancien ouvre toujours l'espace
    Soit un usager qui a créé et activé son espace professionnel
    Et il revient plus tard sur la page de connexion
    Quand 3 ans passent sans qu'il change son mot de passe
    Et il se connecte avec son adresse électronique et son mot de passe
    Alors il est connecté à son espace professionnel
