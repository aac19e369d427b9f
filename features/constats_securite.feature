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

  @asvs-3.3.4
  Scénario: Pendant la pré-inscription, les cookies du site sont hors de portée des scripts
    Soit un usager à l'étape "Récapitulatif" de la pré-inscription
    Alors ses cookies sont hors de portée des scripts de la page

