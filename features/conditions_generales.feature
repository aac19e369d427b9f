# language: fr
Fonctionnalité: Accepter les conditions générales et recopier les caractères de l'image
  Première étape de la pré-inscription (guide §2, « 1ère étape ») : l'usager accepte
  les conditions générales et recopie les six caractères de l'image CAPTCHA.

  Contexte:
    Soit un usager à l'étape "Conditions générales"

  @CG-01 @ETAPE-04
  Scénario: L'étape invite à accepter les conditions générales
    # vérifie : CG-01, ETAPE-04
    Alors la page affiche :
      """
      Acceptez les conditions générales
      Les champs marqués d'un astérisque (*) doivent être renseignés.
      """

  @CG-09
  Scénario: Case cochée et caractères exacts, l'usager passe aux identifiants
    Quand il coche la case des conditions générales
    Et il recopie les caractères de l'image
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Identifiants"

  @CG-03
  Scénario: Sans la case cochée, l'usager ne peut pas continuer
    Quand il recopie les caractères de l'image
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Conditions générales"
    Et le champ "Je reconnais avoir pris connaissance des conditions générales" est signalé en erreur

  @CG-04
  Plan du scénario: Des caractères de l'image <cas> empêchent de continuer
    Quand il coche la case des conditions générales
    Et il <saisie>
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Conditions générales"
    Et le champ "Recopiez les caractères de l'image" est signalé en erreur

    Exemples:
      | cas      | saisie                                                  |
      | faux     | recopie des caractères qui ne sont pas ceux de l'image  |
      | absents  | vide le champ "Recopiez les caractères de l'image"      |

  @CG-05
  Scénario: L'image compte six caractères
    Alors les caractères de l'image sont au nombre de six

  @CG-06
  Scénario: Après « Changer l'image », l'ancienne réponse ne vaut plus
    Quand il note les caractères de l'image
    Et il clique sur "Changer l'image"
    Et il coche la case des conditions générales
    Et il recopie les caractères notés
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Conditions générales"
    Et le champ "Recopiez les caractères de l'image" est signalé en erreur

  @CG-07
  Scénario: « Ecouter l'extrait sonore » donne l'image à entendre
    Alors le lien "Ecouter l'extrait sonore" fournit un fichier audio

  @CG-08
  Scénario: Une réponse déjà vérifiée ne sert pas une seconde fois
    Quand il note les caractères de l'image
    Et il recopie les caractères notés
    Et il clique sur "Continuer"
    Et il coche la case des conditions générales
    Et il recopie les caractères notés
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Conditions générales"
    Et le champ "Recopiez les caractères de l'image" est signalé en erreur

  @CG-02
  Scénario: Le lien « conditions générales » permet de les lire
    Alors le lien "conditions générales" mène à une page qui affiche "Conditions générales"

  @ETAPE-07
  Scénario: « Etape précédente » ramène au choix du mode
    Quand il clique sur "Etape précédente"
    Alors la page du choix du mode s'affiche et propose :
      | contrôle                            |
      | Créez votre espace en mode expert   |

  @CG-03 @ETAPE-05
  Scénario: La case et le champ de l'image portent leur astérisque après leur libellé
    # vérifie : CG-03
    Alors le nom du champ "Je reconnais avoir pris connaissance des conditions générales" est "Je reconnais avoir pris connaissance des conditions générales et les accepte sans restriction. *"
    # vérifie : ETAPE-05
    Et les champs suivants sont marqués d'un astérisque après leur libellé :
      | champ                              |
      | Recopiez les caractères de l'image |

  @CG-06
  Scénario: Après « Changer l'image », les caractères de la nouvelle image sont acceptés
    Quand il note les caractères de l'image
    Et il clique sur "Changer l'image"
    Alors il reste à l'étape "Conditions générales"
    Et une nouvelle image est proposée
    Quand il coche la case des conditions générales
    Et il recopie les caractères de l'image
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Identifiants"
