# language: fr
Fonctionnalité: Accessibilité des étapes, au-delà du guide (RGAA 4.1)
  Le guide ne parle pas d'accessibilité ; le RGAA s'impose pourtant aux services publics.
  Ces scénarios relèvent des constats, rapportés à part avec leur critère et leur gravité :
  ils ne changent jamais le verdict du guide (sauf si le profil le demande, findings.fail_on).
  axe-core analyse en plus chaque page que la course affiche.

  @rgaa-8.4
  Plan du scénario: L'étape « <étape> » est déclarée en français
    Soit un usager à l'étape "<étape>" de la pré-inscription
    Alors la page déclare la langue française

    Exemples:
      | étape                  |
      | Conditions générales   |
      | Identifiants           |
      | Formulaire inscription |
      | Récapitulatif          |

  @rgaa-8.6
  Plan du scénario: Le titre de la page nomme l'étape « <étape> »
    Soit un usager à l'étape "<étape>" de la pré-inscription
    Alors le titre de la page nomme l'étape "<étape>"

    Exemples:
      | étape                  |
      | Conditions générales   |
      | Identifiants           |
      | Formulaire inscription |
      | Récapitulatif          |

  @rgaa-11.13
  Scénario: Le formulaire dit au navigateur quels champs il peut remplir
    Soit un usager à l'étape "Formulaire inscription" de la pré-inscription
    Alors les champs de son identité, de son téléphone et de son adresse disent ce qu'ils attendent

  @rgaa-11.10
  Plan du scénario: Les champs obligatoires de l'étape « <étape> » le disent avant tout envoi
    Soit un usager à l'étape "<étape>" de la pré-inscription
    Alors les champs que le guide marque d'un astérisque disent, avant tout envoi, qu'ils sont obligatoires

    Exemples:
      | étape                  |
      | Identifiants           |
      | Formulaire inscription |

  @wcag-2.1.1
  Scénario: Toute la pré-inscription se fait au clavier seul, sans souris
    Soit un usager professionnel qui n'a pas d'espace professionnel
    Alors au clavier seul, il va jusqu'à l'étape "Enregistrement" de la pré-inscription

  @wcag-2.1.1
  Scénario: L'extrait sonore du CAPTCHA s'obtient au clavier seul
    Soit un usager à l'étape "Conditions générales" de la pré-inscription
    Quand il ne se sert plus que du clavier
    Alors le lien "Ecouter l'extrait sonore" fournit un fichier audio
