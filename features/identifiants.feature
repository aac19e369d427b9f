# language: fr
Fonctionnalité: Créer ses identifiants : adresse électronique et mot de passe
  Deuxième étape de la pré-inscription (guide §2, « 2ème étape : Créez vos identifiants ») :
  l'usager saisit et confirme son adresse électronique et son mot de passe. L'adresse doit
  être valide, de 100 caractères au plus, et ne pas être déjà associée à un espace
  professionnel, à un espace avec certificat ou à une demande en cours (§1.5 et « FIN de la
  1ère partie ») ; le mot de passe compte 20 caractères au moins, des lettres et des chiffres,
  sans espaces.

  # --- Ce que l'étape affiche ---------------------------------------------------------

  @IDENT-01
  Scénario: L'étape avertit que l'adresse ne servira qu'à un seul espace, avant comme après un refus
    Soit un usager à l'étape "Identifiants"
    Alors la page affiche "Cette adresse électronique ne pourra être utilisée que pour un seul et unique espace."
    Quand il clique sur "Continuer"
    Alors il reste à l'étape "Identifiants"
    Et la page affiche "Cette adresse électronique ne pourra être utilisée que pour un seul et unique espace."

  @IDENT-02
  Scénario: L'étape demande quatre champs marqués d'un astérisque
    Soit un usager à l'étape "Identifiants"
    Alors la page affiche "Créez vos identifiants"
    Et le champ "Adresse électronique de connexion" est marqué d'un astérisque
    Et le champ "Adresse électronique de connexion" porte l'indication "utilisateur@domaine"
    Et le champ "Confirmez l'adresse électronique de connexion" est marqué d'un astérisque
    Et le champ "Confirmez l'adresse électronique de connexion" porte l'indication "utilisateur@domaine"
    Et le champ "Mot de passe de connexion" est marqué d'un astérisque
    Et le champ "Confirmez votre mot de passe de connexion" est marqué d'un astérisque

  @IDENT-07
  Scénario: Le champ du mot de passe indique le nombre minimal de caractères
    Soit un usager à l'étape "Identifiants"
    Alors le champ "Mot de passe de connexion" porte l'indication "(20 caractères minimum)"

  @IDENT-12
  Scénario: L'étape conseille de noter son mot de passe
    Soit un usager à l'étape "Identifiants"
    Alors la page affiche :
      """
      Conseil :
      Notez votre mot de passe car pour préserver la confidentialité de votre espace, il est stocké de façon cryptée : l'administration fiscale ne pourra donc pas vous le communiquer en cas d'oubli.
      """

  @IDENT-19
  Scénario: Les recommandations pour prévenir les usurpations s'ouvrent, puis se ferment sans rien effacer
    Soit un usager à l'étape "Identifiants"
    Quand il saisit son adresse électronique et son mot de passe
    Et il clique sur "Recommandations pour prévenir les usurpations"
    Alors la page affiche :
      """
      1 mot de passe différent pour chaque site (limitation des effets en cas d'interception) ;
      1 mot de passe différent de ceux utilisés précédemment ;
      ne l'envoyez pas par courriel (les messageries électroniques sont cibles de nombreuses tentatives de piratage) ;
      ne l'écrivez jamais sur quelque support que ce soit (ni fichier ni papier) ;
      renouvelez vos mots de passe régulièrement (notamment en cas de changement de collaborateur) ;
      Pour faciliter la mémorisation, vous pouvez adopter par exemple la technique de la phrase « Un tien vaut mieux que deux tu l'auras » : 1tvmq2t'A.
      Par ailleurs, il est conseillé de configurer votre navigateur pour qu'il ne se souvienne pas des mots de passe saisis.
      """
    Quand il clique sur "Fermer"
    Alors la page n'affiche plus "Un tien vaut mieux que deux tu l'auras"
    Et ses identifiants sont toujours saisis
    Et il reste à l'étape "Identifiants"

  # --- Identifiants valides ----------------------------------------------------------

  @IDENT-22
  Scénario: Des identifiants valides mènent au formulaire d'inscription
    Soit un usager à l'étape "Identifiants"
    Quand il saisit son adresse électronique et son mot de passe
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Formulaire inscription"

  @IDENT-02
  Plan du scénario: Sans « <champ> », l'usager ne peut pas continuer
    Soit un usager à l'étape "Identifiants"
    Quand il saisit son adresse électronique et son mot de passe
    Et il vide le champ "<champ>"
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Identifiants"
    Et le champ "<champ>" est signalé en erreur

    Exemples:
      | champ                                          |
      | Adresse électronique de connexion              |
      | Confirmez l'adresse électronique de connexion  |
      | Mot de passe de connexion                      |
      | Confirmez votre mot de passe de connexion      |

  # --- L'adresse électronique --------------------------------------------------------

  @IDENT-03
  Scénario: Une confirmation qui n'est pas la même adresse est refusée
    Soit un usager à l'étape "Identifiants"
    Quand il saisit son adresse électronique et son mot de passe
    Et il saisit dans le champ "Confirmez l'adresse électronique de connexion" une autre adresse électronique
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Identifiants"
    Et le champ "Confirmez l'adresse électronique de connexion" est signalé en erreur

  @IDENT-16
  Plan du scénario: La confirmation de l'adresse saisie <variante> est acceptée
    Soit un usager à l'étape "Identifiants"
    Quand il saisit son adresse électronique et son mot de passe
    Et il saisit dans le champ "Confirmez l'adresse électronique de connexion" son adresse électronique <variante>
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Formulaire inscription"

    Exemples:
      | variante              |
      | en majuscules         |
      | entourée de blancs    |

  @IDENT-04
  Plan du scénario: Une adresse électronique <cas> est refusée
    Soit un usager à l'étape "Identifiants"
    Quand il saisit l'adresse électronique "<adresse>" et son mot de passe
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Identifiants"
    Et le champ "Adresse électronique de connexion" est signalé en erreur

    Exemples:
      | cas                                   | adresse                |
      | sans arobase                          | prenom.nom.exemple.fr  |
      | avec deux arobases                    | prenom@nom@exemple.fr  |
      | sans rien avant l'arobase             | @exemple.fr            |
      | dont le domaine n'a pas de point      | prenom.nom@exemple     |
      | dont le domaine commence par un point | prenom.nom@.exemple.fr |
      | dont le domaine finit par un point    | prenom.nom@exemple.fr. |
      | qui contient un blanc                 | prenom nom@exemple.fr  |

  @IDENT-04
  Scénario: Les blancs autour d'une adresse valide ne la rendent pas invalide
    Soit un usager à l'étape "Identifiants"
    Quand il saisit son adresse électronique et son mot de passe
    Et il saisit dans le champ "Adresse électronique de connexion" son adresse électronique entourée de blancs
    Et il saisit dans le champ "Confirmez l'adresse électronique de connexion" son adresse électronique entourée de blancs
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Formulaire inscription"

  @IDENT-05
  Plan du scénario: Une adresse électronique bien formée de <longueur> caractères est acceptée
    Soit un usager à l'étape "Identifiants"
    Quand il saisit une adresse électronique de <longueur> caractères et son mot de passe
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Formulaire inscription"

    Exemples:
      | longueur |
      | 100      |

  @IDENT-05
  Plan du scénario: Une adresse électronique bien formée de <longueur> caractères est refusée
    Soit un usager à l'étape "Identifiants"
    Quand il saisit une adresse électronique de <longueur> caractères et son mot de passe
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Identifiants"
    Et le champ "Adresse électronique de connexion" est signalé en erreur

    Exemples:
      | longueur |
      | 101      |

  # --- Le mot de passe ---------------------------------------------------------------

  @IDENT-06
  Plan du scénario: Une confirmation du mot de passe <différence> est refusée
    Soit un usager à l'étape "Identifiants"
    Quand il saisit son adresse électronique et son mot de passe
    Et il saisit dans le champ "Confirmez votre mot de passe de connexion" son mot de passe <différence>
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Identifiants"
    Et le champ "Confirmez votre mot de passe de connexion" est signalé en erreur

    Exemples:
      | différence                |
      | avec un caractère changé  |
      | avec la casse inversée    |

  @IDENT-08
  Plan du scénario: Un mot de passe de <longueur> caractères, lettres et chiffres, est accepté
    Soit un usager à l'étape "Identifiants"
    Quand il saisit son adresse électronique et un mot de passe de <longueur> caractères composé de lettres et chiffres
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Formulaire inscription"

    Exemples:
      | longueur |
      | 20       |

  @IDENT-08
  Plan du scénario: Un mot de passe de <longueur> caractères, lettres et chiffres, est refusé
    Soit un usager à l'étape "Identifiants"
    Quand il saisit son adresse électronique et un mot de passe de <longueur> caractères composé de lettres et chiffres
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Identifiants"
    Et le champ "Mot de passe de connexion" est signalé en erreur

    Exemples:
      | longueur |
      | 19       |

  @IDENT-09
  Plan du scénario: Un mot de passe composé de <composition> est refusé
    Soit un usager à l'étape "Identifiants"
    Quand il saisit son adresse électronique et un mot de passe de 20 caractères composé de <composition>
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Identifiants"
    Et le champ "Mot de passe de connexion" est signalé en erreur

    Exemples:
      | composition         |
      | lettres seulement   |
      | chiffres seulement  |

  @IDENT-09
  Plan du scénario: Un mot de passe composé de <composition> est accepté
    Soit un usager à l'étape "Identifiants"
    Quand il saisit son adresse électronique et un mot de passe de 20 caractères composé de <composition>
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Formulaire inscription"

    Exemples:
      | composition                        |
      | lettres, chiffres et ponctuation   |
      | lettres accentuées et chiffres     |
      | minuscules et chiffres             |

  @IDENT-10
  Plan du scénario: Un mot de passe qui contient <blanc> est refusé
    Soit un usager à l'étape "Identifiants"
    Quand il saisit son adresse électronique et un mot de passe de 24 caractères composé de lettres et chiffres, avec <blanc>
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Identifiants"
    Et le champ "Mot de passe de connexion" est signalé en erreur

    Exemples:
      | blanc                 |
      | une espace            |
      | une tabulation        |
      | une espace insécable  |

  @IDENT-11
  Plan du scénario: Le niveau de sécurité d'un mot de passe de <longueur> caractères composé de <composition> est <niveau>
    Soit un usager à l'étape "Identifiants"
    Quand il tape dans le champ "Mot de passe de connexion" un mot de passe de <longueur> caractères composé de <composition>
    Alors le niveau de sécurité affiché est <niveau>

    Exemples:
      | longueur | composition                                 | niveau               |
      | 20       | lettres et chiffres                         | "Fort"               |
      | 20       | minuscules et chiffres                      | "Fort"               |
      | 20       | lettres, chiffres et ponctuation            | "Fort"               |
      | 19       | lettres et chiffres                         | "Faible" ou "Moyen"  |
      | 20       | lettres seulement                           | "Faible" ou "Moyen"  |
      | 20       | chiffres seulement                          | "Faible" ou "Moyen"  |
      | 24       | lettres et chiffres, avec une espace        | "Faible" ou "Moyen"  |

  @IDENT-11
  Scénario: Le niveau de sécurité suit la saisie du mot de passe
    Soit un usager à l'étape "Identifiants"
    Quand il tape dans le champ "Mot de passe de connexion" un mot de passe de 19 caractères composé de lettres et chiffres
    Alors le niveau de sécurité affiché est "Faible" ou "Moyen"
    Quand il tape dans le champ "Mot de passe de connexion" un mot de passe de 20 caractères composé de lettres et chiffres
    Alors le niveau de sécurité affiché est "Fort"

  # --- Une adresse déjà utilisée ------------------------------------------------------

  @IDENT-14 @IDENT-15
  Scénario: L'adresse d'un espace déjà activé est refusée et l'espace reste inchangé
    Soit un usager qui a créé et activé son espace professionnel
    Quand il recommence la création d'un espace jusqu'à l'étape "Identifiants"
    Et il saisit son adresse électronique et un nouveau mot de passe
    Et il clique sur "Continuer"
    # vérifie : IDENT-14
    Alors il reste à l'étape "Identifiants"
    # vérifie : IDENT-15
    Et un message est affiché sur le champ "Adresse électronique de connexion" ou pour la page
    Et il n'a reçu que le courriel d'activation de sa première demande
    # vérifie : IDENT-14
    Et son espace s'ouvre toujours avec son premier mot de passe

  @IDENT-16
  Scénario: L'adresse d'un espace déjà activé, retapée en majuscules, est refusée
    Soit un usager qui a créé et activé son espace professionnel
    Quand il recommence la création d'un espace jusqu'à l'étape "Identifiants"
    Et il saisit son adresse électronique en majuscules et son mot de passe
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Identifiants"
    Et un message est affiché sur le champ "Adresse électronique de connexion" ou pour la page
    Et il n'a reçu que le courriel d'activation de sa première demande

  @IDENT-17
  Scénario: L'adresse d'un espace avec certificat est refusée
    Soit un usager à l'étape "Identifiants"
    Et son adresse électronique est rattachée à un espace professionnel avec certificat
    Quand il saisit son adresse électronique et son mot de passe
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Identifiants"
    Et un message est affiché sur le champ "Adresse électronique de connexion" ou pour la page
    Et aucun courriel ne lui est envoyé

  @IDENT-18
  Scénario: Le refus de l'adresse d'un espace avec certificat dit de contacter l'assistance
    Soit un usager à l'étape "Identifiants"
    Et son adresse électronique est rattachée à un espace professionnel avec certificat
    Quand il saisit son adresse électronique et son mot de passe
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Identifiants"
    Et la page signale l'erreur "L'adresse électronique saisie est rattachée à un espace professionnel avec certificat. Veuillez contacter l'assistance."

  @DELAI-04 @DELAI-05
  Scénario: Pendant le délai d'activation, la même adresse ne sert pas à une nouvelle demande
    Soit un usager qui a validé son inscription sans activer son espace
    Quand il recommence la création d'un espace jusqu'à l'étape "Identifiants"
    Et il saisit son adresse électronique et son mot de passe
    Et il clique sur "Continuer"
    # vérifie : DELAI-04
    Alors il reste à l'étape "Identifiants"
    # vérifie : DELAI-05
    Et un message est affiché sur le champ "Adresse électronique de connexion" ou pour la page
    Et il n'a reçu que le courriel d'activation de sa première demande
    # vérifie : DELAI-04
    Et son premier code d'activation active toujours son espace
