## Le réseau d'experts et les demandes d'intervention.
expert-offre-intervention_classe = Intervention en classe
expert-offre-jury = Participation à un jury
expert-offre-tutorat_projet = Tutorat de projet
expert-offre-accueil_visite = Accueil d'une visite sur site
expert-offre-conseil_startup = Conseil à une jeune entreprise
expert-etat-actif = Reçoit des demandes
expert-etat-en_pause = En pause
expert-etat-retire = Retiré du réseau
expert-sujet-domaine = Domaine professionnel (ROME)
expert-sujet-competence = Compétence (ROME)
expert-sujet-equipement = Équipement de la plateforme
expert-sujet-mot_cle = Mot-clé
expert-error-titre-longueur = Le titre compte de 3 à 120 caractères.
expert-error-presentation-trop-longue = La présentation accepte au plus 2 000 caractères.
expert-error-disponibilite-trop-longue = Les disponibilités acceptent au plus 300 caractères.
expert-error-caracteres-interdits = Ce champ contient des caractères invisibles non acceptés.
expert-error-sujet-type-inconnu = Choisissez le type du sujet.
expert-error-sujet-domaine = Un domaine professionnel s'écrit avec une lettre de A à N suivie de deux chiffres, par exemple H33.
expert-error-sujet-competence = Un code de compétence du ROME compte de 1 à 10 chiffres.
expert-error-sujet-equipement = Choisissez un équipement de la plateforme dans la liste.
expert-error-sujet-mot-cle = Un mot-clé compte de 2 à 60 caractères.
expert-error-sujets-manquants = Indiquez au moins un sujet sur lequel on peut vous solliciter.
expert-error-sujets-trop-nombreux = Indiquez au plus 20 sujets : les plus proches de votre expertise.
expert-error-offre-inconnue = Type d'intervention inconnu : choisissez-le dans la liste.
expert-error-offres-manquantes = Choisissez au moins un type d'intervention.
expert-error-langue-inconnue = Langue inconnue : indiquez-la par son code à deux lettres (fr, en, de…).
expert-error-langues-manquantes = Indiquez au moins une langue.
expert-error-langues-trop-nombreuses = Indiquez au plus 8 langues.
expert-raison-sujets = { $count ->
    [one] { $count } sujet en commun
   *[other] { $count } sujets en commun
}
expert-raison-autre-organisation = d'une autre organisation que la vôtre
expert-raison-distance = { $km ->
    [0] à moins d'un kilomètre
   *[other] à { $km } km
}
expert-raison-demandes = { $count ->
    [one] { $count } demande en cours
   *[other] { $count } demandes en cours
}
demande-public-collegiens = Collégien·nes
demande-public-lyceens = Lycéen·nes
demande-public-etudiants = Étudiant·es
demande-public-apprentis = Apprenti·es
demande-public-salaries = Salarié·es
demande-public-enseignants = Enseignant·es
demande-public-grand_public = Grand public
demande-reponse-envoyee = En attente de réponse
demande-reponse-acceptee = Acceptée
demande-reponse-declinee = Déclinée
demande-reponse-annulee = Annulée
demande-action-accepter = Accepter la demande
demande-action-decliner = Décliner la demande
demande-action-annuler = Annuler la demande
demande-error-sujet-longueur = Le sujet de la demande compte de 3 à 200 caractères.
demande-error-offre-inconnue = Choisissez le type d'intervention demandé.
demande-error-public-inconnu = Choisissez le public concerné.
demande-error-date-invalide = Date invalide : utilisez le format AAAA-MM-JJ.
demande-error-debut-passe = La date de début est déjà passée.
demande-error-debut-trop-lointain = La date de début est à plus d'un an : une demande se prépare dans l'année.
demande-error-fin-avant-debut = La date de fin ne peut pas précéder la date de début.
demande-error-fin-trop-lointaine = La période proposée dure 90 jours au plus.
demande-error-lieu-trop-long = Le lieu accepte au plus 200 caractères.
demande-error-message-longueur = Le message compte de 10 à 2 000 caractères : décrivez votre besoin.
demande-error-caracteres-interdits = Ce champ contient des caractères invisibles non acceptés.
demande-error-destinataires-aucun = Choisissez au moins un expert.
demande-error-destinataires-trop = Une demande est envoyée à trois experts au plus.
demande-error-reponse-close = Cette demande n'attend plus de réponse : elle a déjà été acceptée, déclinée ou annulée.
demande-error-limite = { $restant ->
    [0] Vous avez atteint la limite de { $limite } experts contactés sur { $jours } jours glissants : réessayez dans quelques jours.
   *[other] Vous pouvez contacter au plus { $limite } experts sur { $jours } jours glissants ; il vous en reste { $restant }.
}

nav-experts = Experts
search-kind-expert = Expert

experts-title = Experts du réseau
experts-lead = Chercheurs, ingénieurs, formateurs, enseignants et experts des entreprises du campus : ils interviennent en classe, siègent dans des jurys, encadrent des projets, accueillent des visites et conseillent les jeunes entreprises.
experts-devenir = Publier mon profil d'expert
experts-chercher = Chercher un expert
experts-toutes-offres = Toutes les interventions
experts-nombre = { $count ->
    [0] Aucun expert ne correspond.
    [one] 1 expert.
   *[other] { $count } experts.
}
expert-en-pause = Cet expert ne reçoit pas de demandes en ce moment.
expert-adresse-cachee = L'adresse de l'expert n'est jamais affichée : elle vous est donnée quand il accepte votre demande.
expert-contributions = Contributions au réseau
expert-profil-title = Mon profil d'expert
expert-profil-etat = Votre profil :
expert-voir-fiche = voir ma fiche publique
expert-non-rattache = Un profil d'expert est celui d'une personne d'une organisation du réseau : demandez au responsable de votre organisation de vous y rattacher.
expert-mettre-en-pause = Mettre en pause
expert-reprendre = Recevoir de nouveau des demandes
expert-quitter = Quitter l'annuaire
expert-publier = Publier mon profil
expert-field-titre = Titre
expert-field-titre-hint = Ce que vous êtes pour le réseau, par exemple « Ingénieure formulation ».
expert-field-organisation = Organisation
expert-field-presentation = Présentation
expert-field-offres = Interventions proposées
expert-field-sujets = Sujets
expert-field-domaines = Domaines professionnels du secteur
expert-field-competences = Compétences
expert-field-competences-hint = Une compétence par ligne : son intitulé dans le ROME (le code est accepté).
expert-field-mots-cles = Mots-clés
expert-field-mots-cles-hint = Séparés par des virgules, par exemple « parfumerie, stérilisation ».
expert-field-langues = Langues
expert-field-langues-hint = Codes à deux lettres séparés par des virgules : fr, en, de…
expert-field-disponibilite = Disponibilités
expert-field-disponibilite-hint = Par exemple « le mardi après-midi, hors vacances scolaires ».
expert-field-contributions = Montrer mes contributions (interventions, jurys, projets) sur ma fiche publique
expert-demandes-recues = Demandes reçues
expert-error-organisation = Choisissez une organisation du réseau à laquelle vous êtes rattaché.
expert-error-competence-inconnue = Aucune compétence du ROME ne correspond à « { $texte } ».
expert-error-competence-ambigue = Plusieurs compétences correspondent : { $choix }. Précisez.
expert-error-etat = État de profil inconnu.

demandes-title = Mes demandes d'intervention
demandes-aucune = Aucune demande pour l'instant.
demande-nouvelle = Demander une intervention
demande-lead = Décrivez votre besoin : la plateforme vous propose les experts qui y correspondent le mieux, puis vous l'envoyez à trois d'entre eux au plus.
demande-creer = Voir les experts proposés
demande-field-sujet = Sujet
demande-field-sujet-hint = Par exemple « Les métiers de la parfumerie, pour une classe de seconde ».
demande-field-offre = Intervention
demande-field-public = Public
demande-field-dates = Dates possibles
demande-field-debut = À partir du
demande-field-fin = Jusqu'au
demande-field-fin-hint = Laissez vide pour un seul jour.
demande-field-lieu = Lieu
demande-field-lieu-hint = La commune ; laissez vide pour une intervention à distance.
demande-field-domaines = Domaines professionnels concernés
demande-field-message = Message aux experts
demande-field-message-reponse = Un mot pour le demandeur (facultatif)
demande-a-distance = À distance
demande-demandeur = Demandeur
demande-envoyee-a = Envoyée à
demande-propositions = Experts proposés
demande-places = { $count ->
    [one] Vous pouvez encore l'envoyer à 1 expert.
   *[other] Vous pouvez encore l'envoyer à { $count } experts.
}
demande-aucune-proposition = Aucun expert actif ne correspond à cette demande : élargissez ses sujets ou son type d'intervention.
demande-choisir-experts = Choisissez trois experts au plus
demande-voir-expert = Voir la fiche de { $nom }
demande-envoyer = Envoyer la demande
demande-repondre = Répondre à la demande
demande-votre-reponse = Votre réponse
demande-error-expert-en-pause = { $nom } ne reçoit pas de demandes en ce moment : choisissez un autre expert.
demande-error-deja-envoyee = La demande a déjà été envoyée à cet expert.
demande-error-expert-inconnu = Expert inconnu : choisissez-le dans la liste des experts proposés.
demande-error-action = Réponse inconnue.
demande-ok-creee = La demande est enregistrée : choisissez les experts à qui l'envoyer.
demande-ok-envoyee = La demande est envoyée : chaque expert la reçoit par courriel et vous serez prévenu de sa réponse.
demande-ok-acceptee = Merci : vous avez accepté la demande, le demandeur a reçu votre adresse.
demande-ok-declinee = Votre réponse est envoyée au demandeur.

expertise-tableau-title = Tableau de bord du réseau d'experts
expertise-tableau-lead = Experts actifs, demandes envoyées et leurs réponses, délai médian de réponse. Le détail de chaque envoi :
expertise-tableau-reponses = Demandes et réponses
expertise-tableau-experts-actifs = Experts actifs
expertise-tableau-demandes = Demandes écrites
expertise-tableau-envoyees = Envois à des experts
expertise-tableau-mediane = Délai médian de réponse
expertise-tableau-par-offre = Envois par type d'intervention

csv-demande-date = Date de la demande
csv-demande-sujet = Sujet
csv-demande-offre = Intervention
csv-demande-public = Public
csv-demande-expert = Expert
csv-demande-etat = Réponse
csv-demande-envoyee = Envoyée le
csv-demande-repondue = Répondue le

mail-demande-subject = Demande d'intervention : { $sujet }
mail-demande-body =
    Bonjour { $nom },

    { $par } vous sollicite par l'annuaire des experts du Campus CosmetoPharma Centre-Val de Loire.

    Sujet : { $sujet }
    Intervention : { $offre }
    Public : { $public }
    Dates : { $periode }
    Lieu : { $lieu }

    { $message }

    Pour accepter ou décliner (votre adresse n'est donnée au demandeur que si vous acceptez) :

    { $lien }
mail-demande-acceptee-subject = { $nom } accepte votre demande
mail-demande-acceptee-body =
    Bonjour,

    { $nom } accepte votre demande « { $sujet } ». Vous pouvez lui écrire : { $email }

    { $message }

    { $lien }
mail-demande-declinee-subject = { $nom } décline votre demande
mail-demande-declinee-body =
    Bonjour,

    { $nom } ne peut pas répondre à votre demande « { $sujet } ». { $message }

    Vous pouvez l'envoyer à un autre expert :

    { $lien }
mail-demande-relance-subject = Rappel : demande d'intervention « { $sujet } »
mail-demande-relance-body =
    Bonjour { $nom },

    Une demande d'intervention vous attend depuis plusieurs jours : « { $sujet } » ({ $periode }).

    Pour accepter ou décliner :

    { $lien }
mail-demande-escalade-subject = Demande sans réponse : « { $sujet } »
mail-demande-escalade-body =
    Bonjour,

    { $expert } n'a pas répondu à la demande « { $sujet } » de { $demandeur }, malgré un rappel.

    { $lien }
