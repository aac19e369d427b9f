# language: fr
Fonctionnalité: L'espace professionnel créé
  Tant que sa création n'a pas été activée, l'espace n'existe pas (guide §2, « FIN de la
  1ère partie ») ; une fois activé, il est immédiatement opérationnel (guide §1.4) :
  l'usager s'y connecte avec son adresse électronique, son mot de passe et les caractères
  de l'image. L'espace créé est vide de dossiers et de services (guide §1.3) ; les
  informations récapitulatives y restent disponibles par « Gérer les services » puis
  « Modifier mes coordonnées » (guide §4).

  Plan du scénario: Juste après l'activation, l'usager se connecte avec <adresse> et son mot de passe
    Soit un usager qui a créé et activé son espace professionnel
    Quand il ouvre la page de connexion dans un navigateur neuf
    Et il se connecte avec <adresse> et son mot de passe
    Alors il est connecté à son espace professionnel

    @ESPACE-01
    Exemples: Son adresse
      | adresse                  |
      | son adresse électronique |

    # La casse d'une adresse ne compte pas : c'est notre décision (IDENT-16), pas le guide.
    @IDENT-16
    Exemples: En majuscules
      | adresse                                |
      | son adresse électronique en majuscules |

  @ESPACE-02
  Scénario: Avant l'activation, l'espace n'existe pas : la connexion est refusée comme pour une adresse inconnue
    Soit un usager qui a validé son inscription sans activer son espace
    Quand il ouvre la page de connexion dans un navigateur neuf
    Et il se connecte avec une adresse électronique qui n'a pas d'espace
    Et il note le message affiché
    Et il se connecte avec son adresse électronique et son mot de passe
    Alors il est toujours sur la page de connexion
    Et le message affiché est le même que celui noté
    Et il n'est pas connecté

  @ESPACE-03
  Plan du scénario: L'espace ouvert <chemin> ne contient ni dossier ni service
    Soit un usager qui a créé et activé son espace professionnel
    Quand il ouvre son espace <chemin>
    Alors il est connecté à son espace professionnel
    Et la page indique qu'il n'a encore aucun dossier ni aucun service

    Exemples:
      | chemin                                        |
      | depuis la page de connexion                   |
      | par le lien "Accédez à vos services en ligne" |

  @ESPACE-04
  Scénario: Le récapitulatif se retrouve par « Gérer les services » puis « Modifier mes coordonnées »
    Soit un usager qui a créé et activé son espace professionnel
    Quand il ouvre son espace depuis la page de connexion
    Et il clique sur "Gérer les services"
    Alors la page affiche, dans cet ordre :
      """
      Données personnelles
      Modifier mes coordonnées
      """
    Quand il clique sur "Modifier mes coordonnées"
    Alors la page montre ses coordonnées
    Et la page propose :
      | contrôle                                 |
      | Sauvegardez ou imprimez le récapitulatif |
    Quand il ouvre le récapitulatif PDF
    Alors le numéro d'abonné du récapitulatif PDF est celui de la page de confirmation
    Et le récapitulatif PDF montre, sur la ligne de chaque libellé, la valeur saisie :
      | libellé                           |
      | Nom                               |
      | Prénom                            |
      | Adresse électronique de connexion |

  @ESPACE-05
  Scénario: « Se déconnecter » ferme la session : l'espace et le récapitulatif exigent de se connecter de nouveau
    Soit un usager qui a créé et activé son espace professionnel
    Quand il note l'adresse du lien "Sauvegardez ou imprimez le récapitulatif"
    Et il clique sur "Accédez à vos services en ligne"
    Et il note l'adresse de la page affichée
    Et il clique sur "Se déconnecter"
    Alors il est sur la page de connexion
    Et il n'est pas connecté
    Quand il ouvre l'adresse notée de la page
    Alors il lui faut se connecter de nouveau
    Quand il ouvre l'adresse notée du récapitulatif
    Alors il ne reçoit pas son récapitulatif
