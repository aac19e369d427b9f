# language: fr
Fonctionnalité: La page « Enregistrement » annonce l'envoi du code d'activation
  Après « Valider », le système informe l'usager qu'un courriel contenant un code
  d'activation est envoyé à l'adresse électronique qu'il a choisie comme identifiant
  (guide §2, étape « Enregistrement », jusqu'à « FIN de la 1ère partie ») : la page
  dit à quelle adresse, que faire s'il ne le reçoit pas, que le code n'est pas un mot
  de passe, comment activer son espace et dans quel délai.

  @ENREG-01 @MAIL-03
  Plan du scénario: Le code est annoncé et envoyé à l'adresse <adresse> saisie, caractère pour caractère
    Soit un usager dont l'adresse électronique est <adresse>
    Quand il se rend sur l'étape "Enregistrement" de la pré-inscription
    # vérifie : ENREG-01
    Alors la page affiche "Un code d'activation a été envoyé à l'adresse électronique suivante :" suivi de son adresse électronique
    # vérifie : MAIL-03
    Et le courriel d'activation est adressé à son adresse électronique et à elle seule

    Exemples:
      | adresse                    |
      | ordinaire                  |
      | de 100 caractères          |
      | écrite avec des majuscules |

  @ENREG-01 @MAIL-03
  Scénario: Après un changement d'adresse à l'étape précédente, le code est annoncé et envoyé à la nouvelle adresse seulement
    Soit un usager à l'étape "Formulaire inscription"
    Quand il revient aux identifiants et choisit une nouvelle adresse électronique
    Et il remplit le formulaire d'inscription
    Et il valide son inscription
    Alors l'étape en cours est "Enregistrement"
    # vérifie : ENREG-01
    Et la page affiche "Un code d'activation a été envoyé à l'adresse électronique suivante :" suivi de son adresse électronique
    # vérifie : MAIL-03
    Et le courriel d'activation est adressé à son adresse électronique et à elle seule
    Et aucun courriel n'est envoyé à sa première adresse électronique

  @ENREG-02
  Scénario: La page conseille de vérifier l'adresse et la rubrique des courriers indésirables
    Soit un usager à l'étape "Enregistrement"
    Alors la page affiche :
      """
      Si vous ne le recevez pas, vérifiez que cette adresse est correcte, et consultez la rubrique "Courrier indésirable" ou "Spam".
      """

  @ENREG-03
  Scénario: La page rappelle que le code n'est pas un mot de passe et ne sert qu'une fois
    Soit un usager à l'étape "Enregistrement"
    Alors la page affiche, dans cet ordre :
      """
      Remarque : ce code n'est pas un mot de passe.
      Il ne doit être utilisé qu'une seule fois pour activer votre espace professionnel.
      """

  @ENREG-04
  Scénario: Le lien « Activez votre espace professionnel » ouvre directement la saisie du code, qui active l'espace
    Soit un usager à l'étape "Enregistrement"
    Alors la page affiche, dans cet ordre :
      """
      Après réception de ce code, vous devez cliquer sur le lien ci-dessous :
      Activez votre espace professionnel
      """
    Et la page propose :
      | contrôle                           |
      | Activez votre espace professionnel |
    Et il reçoit un courriel d'activation contenant un code de 12 caractères
    Quand il clique sur "Activez votre espace professionnel"
    Alors l'étape en cours est "Code d'activation"
    Et la page offre le champ "Saisissez le code d'activation"
    Quand il saisit son code d'activation
    Et il recopie les caractères de l'image
    Et il clique sur "Continuer"
    Et il saisit son adresse électronique de connexion
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Récapitulatif"
    Et la page confirme son inscription sous un numéro d'abonné de 14 chiffres

  @ENREG-05
  Scénario: La page dit où retrouver le lien d'activation, et ce chemin mène à la saisie du code
    Soit un usager à l'étape "Enregistrement"
    Alors la page affiche :
      """
      Vous pouvez retrouver ce lien sur le site impots.gouv.fr en cliquant sur "Connexion à l'espace professionnel" situé en haut à droite de l'écran, puis sur "Activer" de la rubrique "Activation de votre espace professionnel et de vos services".
      """
    Quand il clique sur "Connexion à l'espace professionnel"
    Alors il est sur la page de connexion
    Et la page affiche "Activation de votre espace professionnel et de vos services"
    Quand il clique sur "Activer"
    Alors l'étape en cours est "Code d'activation"

  @ENREG-06
  Scénario: La page annonce le délai de 48h à compter de l'envoi du code
    Soit un usager à l'étape "Enregistrement"
    Alors la page affiche :
      """
      Vous disposez d'un délai de 48h, à compter de l'envoi du code, pour activer votre espace professionnel.
      """

  @ENREG-07
  Scénario: Le lien de la page s'appelle « Activez votre espace professionnel » ; « Activer » est celui de la page de connexion
    Soit un usager à l'étape "Enregistrement"
    Alors la page propose :
      | contrôle                           |
      | Activez votre espace professionnel |
    Et la page ne propose pas "Activer"
    Quand il clique sur "Activez votre espace professionnel"
    Alors l'étape en cours est "Code d'activation"
    Quand il clique sur "Connexion à l'espace professionnel"
    Alors la page propose :
      | contrôle |
      | Activer  |
    Quand il clique sur "Activer"
    Alors l'étape en cours est "Code d'activation"

  @ENREG-08
  Scénario: Plus tard, dans un autre navigateur, l'usager active son espace avec le code reçu par courriel
    Soit un usager qui a validé son inscription sans activer son espace
    Et il revient plus tard sur la page de connexion
    Quand il passe l'étape "Code d'activation" avec son code
    Alors l'étape en cours est "Identifiants"
    Quand il saisit son adresse électronique de connexion
    Et il clique sur "Continuer"
    Alors l'étape en cours est "Récapitulatif"
    Et la page confirme son inscription sous un numéro d'abonné de 14 chiffres
