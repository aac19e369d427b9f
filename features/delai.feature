# language: fr
Fonctionnalité: Activer son espace dans le délai de 48 heures
  À l'issue de la pré-inscription, le code d'activation est envoyé par courriel ; l'usager
  doit activer son espace dans le délai imparti de 48 h à compter de l'envoi du code (guide
  §1.4, et §2, « FIN de la 1ère partie »). Au-delà de ce délai, le code reçu est inopérant et
  l'usager doit reprendre toute la procédure au début pour recevoir un nouveau code.
  Ces scénarios avancent l'horloge de la cible (crochet de test « horloge ») : sans lui, ils
  ne sont pas vérifiés.

  Contexte:
    Soit un usager qui a validé son inscription sans activer son espace

  @DELAI-01
  Plan du scénario: <durée> après l'envoi du code, le code active encore l'espace
    Quand <durée> passent depuis l'envoi du code
    Et il active son espace avec ce code et son adresse électronique
    Alors l'étape en cours est "Récapitulatif"
    Et la page confirme son inscription sous un numéro d'abonné de 14 chiffres

    Exemples:
      | durée                   |
      | 47 heures et 59 minutes |

  @DELAI-02
  Plan du scénario: <durée> après l'envoi du code, le code est refusé et l'espace n'est pas créé
    Quand <durée> passent depuis l'envoi du code
    Et il se rend sur l'étape "Code d'activation" de l'activation
    Et il saisit son code d'activation
    Et il recopie les caractères de l'image
    Et il clique sur "Continuer"
    Alors il reste à l'étape "Code d'activation"
    Et le champ "Saisissez le code d'activation" est signalé en erreur
    Quand il se connecte avec son adresse électronique et son mot de passe
    Alors il n'est pas connecté

    Exemples:
      | durée     |
      | 48 heures |

  @DELAI-03
  Scénario: Le délai passé, la même adresse reprend toute la procédure et reçoit un nouveau code qui active l'espace
    Quand 48 heures passent depuis l'envoi du code
    Et il recommence la création d'un espace jusqu'à l'étape "Identifiants"
    Et il saisit son adresse électronique et son mot de passe
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Formulaire inscription"
    Quand il remplit le formulaire d'inscription
    Et il valide son inscription
    Alors l'étape en cours est "Enregistrement"
    Et il reçoit un nouveau courriel d'activation dont le code diffère du premier
    Quand il active son espace avec ce code et son adresse électronique
    Alors l'étape en cours est "Récapitulatif"
    Et la page confirme son inscription sous un numéro d'abonné de 14 chiffres
    Et son premier code d'activation est refusé
