## Outils de communication : actualités du campus et de ses partenaires,
## flux Atom, lettre d'information.

nav-actualites = Actualités
home-actualites-title = Dernières actualités
home-actualites-none = Aucune actualité publiée pour l'instant.
home-actualites-all = Toutes les actualités du campus

actualites-titre = Actualités du campus
actualites-chapeau = Ce qui se passe au campus et chez ses partenaires : établissements, laboratoires et entreprises de la cosmétique et de la pharmacie.
actualites-abonner-lettre = S'abonner à la lettre d'information
actualites-flux-lien = Suivre les actualités (flux Atom)
actualites-flux-titre = Actualités du Campus CosmetoPharma
actualites-miennes = Mes actualités
actualites-publiees = Actualités publiées
actualites-aucune = Aucune actualité publiée pour l'instant.
actualites-pagination = Pages des actualités
actualites-precedentes = Actualités plus récentes
actualites-suivantes = Actualités plus anciennes
actualites-page-n = Page { $page } sur { $pages }
actualites-liees = Actualités sur ce métier
actualites-liees-page = Actualités liées
actualites-toutes = Toutes les actualités
actualites-revue-titre = Relecture des actualités
actualites-a-relire = Actualités à relire
actualites-rien-a-relire = Aucune actualité n'attend de relecture.

actualite-nouvelle = Écrire une actualité
actualite-form-chapeau-equipe = Votre actualité est publiée dès son enregistrement, au nom du campus.
actualite-form-chapeau-partenaire = Votre actualité est relue par l'équipe du campus avant d'être publiée ; vous recevez un courriel quand elle est publiée ou renvoyée.
actualite-field-titre = Titre
actualite-field-resume = Résumé
actualite-field-resume-aide = Deux ou trois phrases, reprises dans la liste, la page d'accueil, le flux et la lettre d'information (600 caractères au plus).
actualite-field-corps = Texte
actualite-field-corps-aide = En Markdown : **gras**, *italique*, listes avec « - », liens [texte](https://adresse). Le HTML n'est pas interprété.
actualite-field-organisation = Organisation qui signe l'actualité
actualite-field-organisation-aide = Une des organisations dont vous êtes membre.
actualite-field-image-groupe = Image (facultative)
actualite-field-image = Image
actualite-field-image-aide = PNG, JPEG ou WebP, { $mo } Mo au plus.
actualite-field-image-alt = Texte alternatif de l'image
actualite-field-image-alt-aide = Obligatoire avec une image : ce qu'elle montre, pour les personnes qui ne la voient pas.
actualite-field-metiers = Métiers concernés
actualite-field-metiers-aide = Un métier par ligne : tapez un intitulé d'emploi et choisissez parmi les suggestions (un code ROME est aussi accepté).
actualite-field-motif = Motif du renvoi
actualite-field-evenements = Événements dont parle l'actualité
actualite-field-projets = Projets dont parle l'actualité
actualite-liens = Événements et projets liés
actualite-evenement-invalide = Choisissez des événements de la liste.
actualite-projet-invalide = Choisissez des projets publics de la liste.
actualite-soumettre = Soumettre à la relecture
actualite-publier = Publier
actualite-republier = Publier à nouveau
actualite-renvoyer = Renvoyer à l'auteur
actualite-retirer = Retirer la publication
actualite-revue = Relecture
actualite-motif-renvoi = Renvoyée par l'équipe du campus :
actualite-metiers = Métiers concernés
actualite-signature = Signée par
actualite-signature-campus = Campus CosmetoPharma
actualite-date = Date

actualite-etat-soumise = En relecture
actualite-etat-publiee = Publiée
actualite-etat-renvoyee = Renvoyée à l'auteur
actualite-etat-retiree = Retirée
actualite-action-publier = Publier
actualite-action-renvoyer = Renvoyer
actualite-action-retirer = Retirer
actualite-action-resoumettre = Soumettre à nouveau

actualite-modifier = Modifier l'actualité
actualite-image-actuelle = Image actuelle : « { $alt } ». Envoyez-en une autre pour la remplacer.
actualite-ok-resoumise = L'actualité corrigée est transmise à nouveau à l'équipe du campus.
actualite-ok-modifiee = L'actualité est modifiée.
actualite-ok-soumise = Votre actualité est transmise à l'équipe du campus pour relecture.
actualite-ok-publiee = L'actualité est publiée.
actualite-ok-renvoyee = L'actualité est renvoyée à son auteur avec le motif.
actualite-ok-retiree = L'actualité est retirée des pages publiques.

actualite-titre-manquant = Donnez un titre à l'actualité.
actualite-resume-manquant = Écrivez le résumé de l'actualité.
actualite-organisation-invalide = Choisissez l'organisation qui signe l'actualité parmi les vôtres.
actualite-metier-inconnu = Aucun métier ne correspond à « { $texte } » : choisissez un intitulé parmi les suggestions.
actualite-trop-de-metiers = Liez au plus { $max } métiers.
actualite-image-refusee = Image refusée : { $raison }.
actualite-image-alt-manquant = Décrivez l'image dans son texte alternatif.
actualite-image-alt-long = Le texte alternatif compte au plus { $max } caractères.
actualite-action-invalide = Choisissez une décision : publier, renvoyer ou retirer.
actualite-motif-manquant = Dites à l'auteur pourquoi l'actualité est renvoyée.
actualite-motif-long = Le motif compte au plus { $max } caractères.
actualite-deja-decidee = Cette actualité a changé d'état entre-temps : rechargez la page.

mail-actualite-publiee-subject = Votre actualité « { $titre } » est publiée
mail-actualite-publiee-body =
    Bonjour,

    L'équipe du campus a publié votre actualité « { $titre } » :

    { $lien }
mail-actualite-renvoyee-subject = Votre actualité « { $titre } » vous est renvoyée
mail-actualite-renvoyee-body =
    Bonjour,

    L'équipe du campus vous renvoie votre actualité « { $titre } » avec ce motif :

    { $motif }

    { $lien }
mail-actualite-retiree-subject = Votre actualité « { $titre } » est retirée
mail-actualite-retiree-body =
    Bonjour,

    L'équipe du campus a retiré votre actualité « { $titre } » des pages publiques.

    { $lien }

lettre-titre = Lettre d'information
lettre-chapeau = Recevez par courriel les actualités du campus et de ses partenaires. Vous confirmez votre adresse en suivant le lien reçu ; chaque lettre contient un lien pour vous désabonner en un clic.
lettre-field-email = Adresse électronique
lettre-field-email-aide = Exemple : prenom.nom@exemple.fr
lettre-abonner = M'abonner
lettre-donnees = Votre adresse ne sert qu'à l'envoi de la lettre ; une demande non confirmée est effacée après 7 jours.
lettre-donnees-lien = Vos données personnelles
lettre-email-invalide = Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.
lettre-demande-titre = Vérifiez votre messagerie
lettre-demande-message = Si cette adresse n'est pas déjà abonnée, un courriel vient de lui être envoyé : suivez le lien qu'il contient pour confirmer l'abonnement (il reste valable 7 jours).
lettre-voir-actualites = Voir les actualités
lettre-lien-invalide = Ce lien n'est pas valide ou a expiré.
lettre-confirmer-titre = Confirmer l'abonnement
lettre-confirmer-message = Confirmez l'abonnement de { $email } à la lettre d'information du campus.
lettre-confirmer-bouton = Confirmer mon abonnement
lettre-confirmee-titre = Abonnement confirmé
lettre-confirmee-message = Vous recevrez la prochaine lettre d'information du campus.
lettre-desabonner-titre = Se désabonner
lettre-desabonner-message = Ne plus envoyer la lettre d'information à { $email } ?
lettre-desabonner-bouton = Me désabonner
lettre-desabonne-titre = Désabonnement effectué
lettre-desabonne-message = Vous ne recevrez plus la lettre d'information ; votre adresse est effacée de la liste.
lettre-reabonner = Se réabonner
lettre-admin-titre = Lettre d'information
lettre-abonnes-confirmes = { $count ->
    [0] Aucun abonné confirmé.
    [one] Un abonné confirmé.
   *[other] { $count } abonnés confirmés.
}
lettre-numeros = Numéros
lettre-aucun-numero = Aucun numéro pour l'instant.
lettre-etat = État
lettre-envoyes = Messages envoyés
lettre-envoyes-n = { $count ->
    [0] aucun message envoyé
    [one] un message envoyé
   *[other] { $count } messages envoyés
}
lettre-etat-brouillon = Brouillon
lettre-etat-en_envoi = En cours d'envoi
lettre-etat-envoye = Envoyé
lettre-composer = Composer un numéro
lettre-field-objet = Objet
lettre-field-introduction = Introduction
lettre-field-actualites = Actualités du numéro
lettre-apercu-bouton = Voir l'aperçu
lettre-apercu = Aperçu
lettre-apercu-pied = Chaque message porte un lien de désabonnement en un clic.
lettre-envoyer = { $count ->
    [0] Envoyer (aucun abonné confirmé)
    [one] Envoyer à l'abonné confirmé
   *[other] Envoyer aux { $count } abonnés confirmés
}
lettre-objet-manquant = Donnez un objet au numéro.
lettre-objet-long = L'objet compte au plus { $max } caractères.
lettre-introduction-manquante = Écrivez l'introduction du numéro.
lettre-introduction-longue = L'introduction compte au plus { $max } caractères.
lettre-actualite-invalide = Choisissez des actualités publiées.
lettre-deja-envoyee = Ce numéro est déjà envoyé ou en cours d'envoi.

mail-lettre-confirmation-subject = Confirmez votre abonnement à la lettre d'information
mail-lettre-confirmation-body =
    Bonjour,

    Une demande d'abonnement à la lettre d'information du Campus CosmetoPharma a été faite avec cette adresse. Pour la confirmer, suivez ce lien (valable 7 jours) :

    { $lien }

    Si vous n'avez rien demandé, ignorez ce message : l'adresse sera effacée.
mail-lettre-pied =
    Vous recevez ce message parce que vous êtes abonné à la lettre d'information du Campus CosmetoPharma.
    Se désabonner en un clic : { $lien }

traitement-lettre = Lettre d'information
traitement-lettre-finalite = Envoyer la lettre d'information du campus aux personnes qui l'ont demandée et ont confirmé leur adresse.
traitement-lettre-base = Consentement de la personne abonnée, retiré à tout moment par le lien de désabonnement de chaque lettre (article 6.1.a du RGPD).
traitement-lettre-donnees = Adresse électronique, dates de la demande et de la confirmation, numéros envoyés.
traitement-lettre-destinataires = L'équipe du campus ; l'adresse n'est jamais publiée ni transmise.
traitement-conservation-lettre = Jusqu'au désabonnement ou à l'effacement du compte ; une demande non confirmée est effacée après { $jours } jours.
