# language: fr
Fonctionnalité: Choisir entre le mode simplifié et le mode expert
  Après « Créer votre espace professionnel », la page « Professionnels » présente les deux
  procédures de création d'espace (guide §1.1 et §2) : le mode simplifié, pour qui gère seul
  sa propre entreprise, et le mode expert, seul décrit par le guide, pour qui représente une
  entreprise ou en partage la gestion.

  Contexte:
    Soit un usager sur la page du choix du mode

  @MODE-01
  Scénario: Sous « Professionnels », le mode simplifié s'adresse à qui gère seul sa propre entreprise
    Alors la page porte le titre "Professionnels"
    Et la page affiche, dans cet ordre :
      """
      Professionnels
      Vous souhaitez créer un espace pour votre propre entreprise dont vous ne partagerez pas la gestion des services en ligne ? Optez pour le mode simplifié
      """

  @MODE-02
  Scénario: Le mode simplifié avertit les collectivités et les administrations
    Alors le bloc du mode simplifié affiche :
      """
      Attention : pour une collectivité territoriale ou une autre administration, le mode simplifié ne permet pas la séparation de l'ordonnateur et du comptable ; vous devez opter pour le mode expert.
      """

  @MODE-03
  Scénario: Le mode simplifié dit ce qu'il demande et ce qu'il ouvre
    Alors le bloc du mode simplifié affiche :
      """
      Vous devrez renseigner le SIREN de l'entreprise concernée, l'adresse électronique qui permettra de la joindre à tout sujet la concernant, ainsi qu'une adresse électronique qui vous servira d'identifiant de connexion à l'espace professionnel.
      Vous devrez également renseigner un compte bancaire de prélèvement.
      Une fois l'espace simplifié activé, les services en ligne seront immédiatement accessibles pour l'entreprise.
      """

  @MODE-04
  Scénario: Le mode simplifié offre ses trois liens
    Alors le bloc du mode simplifié propose :
      | contrôle                             |
      | Créez votre espace en mode simplifié |
      | Annulez votre demande                |
      | En savoir plus                       |

  @MODE-04
  Scénario: « Créez votre espace en mode simplifié » ne démarre pas la création d'un espace expert
    Quand il clique sur "Créez votre espace en mode simplifié"
    Alors la création d'un espace en mode expert n'a pas commencé

  @MODE-04
  Scénario: « Annulez votre demande » ramène à la page de connexion
    Quand il clique sur "Annulez votre demande"
    Alors il est sur la page de connexion

  @MODE-05
  Scénario: Le mode expert s'adresse à qui représente une entreprise ou en partage la gestion
    Alors la page affiche, dans cet ordre :
      """
      Professionnels
      Vous souhaitez créer un espace pour l'entreprise que vous représentez ou dont vous partagerez la gestion des services en ligne ? Optez pour le mode expert
      """
    Et le bloc du mode expert propose :
      | contrôle       |
      | En savoir plus |
    Et la page propose 2 liens "En savoir plus"

  @MODE-06
  Scénario: Le mode expert demande une adresse d'identifiant puis des adhésions aux services
    Alors le bloc du mode expert affiche :
      """
      Vous devrez renseigner une adresse électronique qui vous servira d'identifiant de connexion à l'espace professionnel.
      Une fois l'espace expert activé, vous devrez adhérer aux services en ligne pour chacune des entreprises que vous gérez.
      """

  @MODE-07
  Scénario: « Créez votre espace en mode expert » ouvre l'étape « Conditions générales »
    Alors le bloc du mode expert propose :
      | contrôle                          |
      | Créez votre espace en mode expert |
    Quand il clique sur "Créez votre espace en mode expert"
    Alors la page porte le titre "Créer votre espace professionnel"
    Et l'étape en cours est "Conditions générales"
