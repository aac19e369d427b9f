# language: fr
Fonctionnalité: Sécurité des pages, au-delà du guide (OWASP ASVS 5.0.0)
  Le guide ne parle pas de sécurité du site ; l'OWASP ASVS est la référence de ceux qui le
  construisent. Ces scénarios regardent, de l'extérieur, ce que chaque page dit au navigateur
  sur elle-même. Ce qu'ils relèvent est un constat, rapporté à part avec son exigence et sa
  gravité : jamais le verdict du guide (sauf si le profil le demande, findings.fail_on).

  @asvs-3.4.3
  Scénario: L'étape Identifiants ne laisse charger et exécuter que des contenus de confiance
    Soit un usager à l'étape "Identifiants" de la pré-inscription
    Alors la page ne laisse charger et exécuter que des contenus de confiance

  @asvs-3.4.6
  Scénario: L'étape Identifiants ne peut pas être affichée dans un cadre par un autre site
    Soit un usager à l'étape "Identifiants" de la pré-inscription
    Alors la page interdit à tout autre site de l'afficher dans un cadre

  @asvs-3.4.4
  Scénario: Le navigateur ne devine pas la nature du contenu de l'étape Identifiants
    Soit un usager à l'étape "Identifiants" de la pré-inscription
    Alors la page interdit au navigateur de deviner la nature de son contenu

  @asvs-3.4.5
  Scénario: L'adresse de l'étape Identifiants ne part pas vers les autres sites
    Soit un usager à l'étape "Identifiants" de la pré-inscription
    Alors la page ne dit pas son adresse aux autres sites

  @asvs-14.3.2
  Scénario: Le récapitulatif, qui montre les données de l'usager, n'est gardé dans aucun cache
    Soit un usager à l'étape "Récapitulatif" de la pré-inscription
    Alors la page n'est gardée dans aucun cache

  @asvs-3.3.2
  Scénario: Les cookies posés pendant la pré-inscription ne partent pas avec les requêtes des autres sites
    Soit un usager professionnel qui n'a pas d'espace professionnel
    Quand il va, dans son navigateur, jusqu'à l'étape "Identifiants" de la pré-inscription
    Alors ses cookies disent qu'ils ne partent pas avec les requêtes des autres sites

  @asvs-2.4.1
  Scénario: Une réponse à l'image déjà acceptée ne vaut pas une seconde fois
    Soit un usager à l'étape "Conditions générales" de la pré-inscription
    Quand il coche la case des conditions générales
    Et il recopie les caractères de l'image
    Et il clique sur "Continuer", puis un robot renvoie le même formulaire depuis une autre session
    Alors l'étape en cours est "Identifiants"
    Et le robot n'est pas passé à l'étape "Identifiants"

  @asvs-3.3.4
  Scénario: Pendant la pré-inscription, les cookies du site sont hors de portée des scripts
    Soit un usager à l'étape "Récapitulatif" de la pré-inscription
    Alors ses cookies sont hors de portée des scripts de la page

  @asvs-3.5.1
  Scénario: Les identifiants envoyés par une page d'un autre site sont refusés
    Soit un usager à l'étape "Identifiants" de la pré-inscription
    Quand il saisit son adresse électronique et son mot de passe
    Et une page d'un autre site envoie le formulaire à sa place par "Continuer", sans ses champs cachés
    Alors il n'est pas passé à l'étape "Formulaire inscription"

  @asvs-6.2.7
  Scénario: L'usager peut coller ses mots de passe, depuis un gestionnaire de mots de passe
    Soit un usager à l'étape "Identifiants" de la pré-inscription
    Alors il peut coller un texte dans le champ "Mot de passe de connexion"
    Et il peut coller un texte dans le champ "Confirmez votre mot de passe de connexion"

  @asvs-6.2.9
  Scénario: Un mot de passe de 64 caractères est accepté
    Soit un usager à l'étape "Identifiants" de la pré-inscription
    Quand il saisit son adresse électronique et un mot de passe de 64 caractères composé de lettres et chiffres
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Formulaire inscription"

  @asvs-6.2.8
  Scénario: Un long mot de passe est vérifié en entier, sans être tronqué
    Soit un usager qui a créé et activé son espace professionnel avec un mot de passe de 80 caractères composé de lettres et chiffres
    Quand il se connecte avec son adresse électronique et un mot de passe faux
    Alors il n'est pas connecté

  @asvs-6.4.1
  Scénario: Les codes d'activation ne se répètent pas et ne se ressemblent pas
    Soit 8 usagers qui ont validé leur inscription sans activer leur espace
    Alors leurs codes d'activation sont tous différents et aucun n'en annonce un autre

  @asvs-6.3.1
  Scénario: Après cent mots de passe faux de suite, même le bon n'ouvre pas l'espace tout de suite
    Soit un usager qui a créé et activé son espace professionnel
    Et il s'est trompé 100 fois de suite de mot de passe
    Quand il se connecte avec son adresse électronique et son mot de passe
    Alors il n'est pas connecté
    Quand une heure passe, le temps que le site lève ses limites
