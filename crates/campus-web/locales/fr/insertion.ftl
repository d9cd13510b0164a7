## Insertion : offres, adéquation et candidatures

nav-offres = Offres

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
duree-heures = { $heures ->
    [one] { $heures } heure
   *[other] { $heures } heures
}
duree-jours = { $jours } jours

offres-title = Offres d'apprentissage, de stage et d'emploi
offres-lead = Les offres des entreprises du réseau du campus et de ses partenaires : contrats d'apprentissage et de professionnalisation, stages, emplois, stages d'observation et immersions. Une offre expirée ou pourvue disparaît aussitôt de la liste.
offres-invite-profil = Enregistrez un parcours de formation pour voir, sur chaque offre, la part de ses compétences que vous avez déjà et ce qui vous manque.
offres-invite-profil-lien = Construire mon parcours
offres-filtres = Affiner
offres-tous = Tous
offres-departement = Département
offres-debut = Mois de début
offres-commune = Distance depuis (commune)
offres-distance = Distance maximale (km)
offres-tri = Trier par
offres-tri-adequation = adéquation à mon profil
offres-tri-recentes = offres les plus récentes
offres-tri-distance = distance
offres-filtrer = Afficher les offres
offres-count = { $count ->
    [0] Aucune offre
    [one] 1 offre
   *[other] { $count } offres
}
offres-aucune = Aucune offre ne correspond à ces critères. Élargissez la distance ou retirez un filtre.
offres-liees = Offres en cours
offres-retour = Toutes les offres

offre-new = Publier une offre
offre-edit = Modifier l'offre
offre-new-lead = Décrivez le poste : le métier se choisit par son intitulé, et les compétences du cœur de métier de la fiche ROME sont reprises si vous n'en donnez pas. Sans date d'expiration, l'offre reste en ligne deux mois.
offre-sans-organisation = Votre compte n'est rattaché à aucune entreprise du réseau. Demandez au responsable de votre entreprise sur la plateforme de vous y ajouter, ou contactez l'équipe du campus.
offre-field-organisation = Entreprise
offre-field-type = Type d'offre
offre-field-intitule = Intitulé du poste
offre-field-metier = Métier
offre-field-metier-hint = Tapez un intitulé d'emploi et choisissez-le dans les suggestions (le code ROME est aussi accepté).
offre-field-description = Description
offre-field-competences = Compétences attendues
offre-field-competences-hint = Une compétence par ligne, par son libellé (ou son code). Laissez vide pour reprendre les compétences du cœur de métier.
offre-field-certification = Diplôme ou titre préparé ou exigé
offre-field-certification-hint = Par son intitulé (« BTS métiers de la chimie ») ou son code RNCP ; facultatif.
offre-field-niveau = Niveau exigé
offre-field-niveau-hint = De 3 (CAP) à 8 (doctorat) ; facultatif.
offre-field-commune = Commune du lieu de travail
offre-field-date-debut = Date de début
offre-field-duree = Durée (mois)
offre-field-duree-hint = Laissez vide pour un emploi sans terme.
offre-field-postes = Nombre de postes
offre-field-horaires = Horaires
offre-field-remuneration = Rémunération
offre-field-remuneration-hint = Pour un contrat d'apprentissage, le minimum légal est calculé et affiché.
offre-field-contact-nom = Personne à contacter
offre-field-contact-email = Adresse de contact
offre-field-expire = Date d'expiration
offre-field-expire-hint = Par défaut, deux mois après la publication.
offre-submit = Publier l'offre
offre-submit-modifier = Enregistrer les modifications
offre-ok-publiee = L'offre est publiée.
offre-ok-modifiee = L'offre est modifiée.
offre-ok-fermee = L'offre est fermée : elle n'apparaît plus dans les listes.
offre-fermee = Cette offre ne reçoit plus de candidatures (expirée, pourvue ou fermée).
offre-debut-le = début le { $date }
offre-metier-de = Métier : { $metier }
offre-importee = Offre d'un site partenaire : on y postule sur le site d'origine.
offre-mois = { $mois } mois
offre-postes-restants = { $restants } poste(s) à pourvoir sur { $postes }
offre-source = Source
offre-source-lien = Voir l'offre et postuler sur le site d'origine
offre-gestion = Gérer l'offre
offre-voir-candidatures = Voir les candidatures, classées par adéquation
offre-modifier = Modifier l'offre
offre-fermer = Fermer l'offre
offre-ma-candidature = Vous avez postulé à cette offre : voir votre candidature.
offre-similaires = Offres proches
offre-organisation-invalide = Choisissez une entreprise dont vous êtes membre.
offre-type-inconnu = Choisissez le type d'offre.
offre-metier-manquant = Indiquez le métier de l'offre.
offre-metier-inconnu = Aucun métier ne correspond à « { $texte } » : choisissez un intitulé dans les suggestions.
offre-metier-ambigu = Plusieurs métiers correspondent ; choisissez l'un d'eux : { $choix }.
offre-certification-inconnue = Aucune certification ne correspond à « { $texte } ».
offre-certification-ambigue = Plusieurs certifications correspondent ; choisissez l'une d'elles : { $choix }.
offre-lieu-manquant = Indiquez la commune du lieu de travail.
offre-commune-inconnue = Commune « { $texte } » introuvable : tapez son nom ou son code postal et choisissez-la dans les suggestions.
offre-competence-inconnue = Aucune compétence du ROME ne correspond à « { $texte } ».
offre-competence-ambigue = Plusieurs compétences correspondent à « { $texte } » : { $choix }.
offre-competence-invalide = Liste de compétences invalide (60 au plus, codes connus du ROME).
offre-competences-manquantes = Indiquez au moins une compétence attendue.
offre-date-invalide = Date invalide : utilisez le format AAAA-MM-JJ.
offre-debut-passe = La date de début est déjà passée.
offre-expiration-avant-debut = La date d'expiration ne peut pas précéder la date de début.
offre-expiration-passee = La date d'expiration est déjà passée.
offre-expiration-trop-lointaine = Une offre reste en ligne un an au plus : choisissez une date d'expiration plus proche.
offre-postes-invalide = Le nombre de postes doit être compris entre 1 et 100.
offre-postes-sous-pourvus = Le nombre de postes ne peut pas être inférieur au nombre de postes déjà pourvus.
offre-duree-invalide = La durée doit être comprise entre 1 et 48 mois.
offre-niveau-invalide = Le niveau doit être compris entre 3 et 8.
offre-modifiee = L'offre a été modifiée entre-temps par quelqu'un d'autre : rechargez-la avant de la modifier.
offre-importee-non-modifiable = Une offre importée d'un site partenaire se modifie sur son site d'origine.
offre-etat-invalide = Seul l'état « fermee » peut être demandé.
offre-type-apprentissage = Contrat d'apprentissage
offre-type-professionnalisation = Contrat de professionnalisation
offre-type-stage = Stage
offre-type-cdi = Emploi en CDI
offre-type-cdd = Emploi en CDD
offre-type-interim = Mission d'intérim
offre-type-stage_observation = Stage d'observation (3e, seconde)
offre-type-immersion = Immersion professionnelle
offre-etat-ouverte = Ouverte
offre-etat-pourvue = Pourvue
offre-etat-fermee = Fermée

tableau-title = Réponses des entreprises aux candidatures
tableau-lead = Pour chaque entreprise du réseau qui a publié des offres : ses offres ouvertes, les candidatures reçues, la part qui a reçu une réponse (entretien ou décision) et le délai médian de cette réponse. Les entreprises qui répondent le moins viennent en premier.
tableau-caption = Taux de réponse par entreprise
tableau-ouvertes = Offres ouvertes
tableau-candidatures = Candidatures reçues
tableau-taux = Taux de réponse
tableau-mediane = Délai médian
tableau-reseau = Tout le réseau

adequation-title = Adéquation à votre profil
adequation-pourcentage = { $pourcentage } % des compétences
adequation-resume = Vous avez { $detenues } des { $total } compétences attendues ({ $pourcentage } %).
adequation-resume-trajet = Trajet estimé : { $trajet } ({ $km } km).
adequation-niveau-sans = Aucun niveau n'est exigé.
adequation-niveau-atteint = Vous avez le niveau demandé.
adequation-niveau-manque = { $ecart ->
    [one] Il vous manque un niveau de diplôme.
   *[other] Il vous manque { $ecart } niveaux de diplôme.
}
adequation-manquantes = Compétences à acquérir
adequation-unites = formation la plus courte :
adequation-sans-unite = aucune formation du catalogue ne l'enseigne encore
adequation-sans-profil = Pas de parcours enregistré
trajet-moins_15_min = moins de 15 minutes
trajet-15_30_min = 15 à 30 minutes
trajet-30_60_min = 30 minutes à une heure
trajet-plus_1_h = plus d'une heure

salaire-title = Rémunération minimale de l'apprenti
salaire-caption = Salaire brut mensuel minimal, en pourcentage du SMIC ({ $smic } depuis le { $depuis }), selon l'âge et l'année du contrat
salaire-age = Âge de l'apprenti
salaire-annee = { $annee ->
    [1] 1re année
   *[other] { $annee }e année
}
salaire-age-moins_18 = Moins de 18 ans
salaire-age-18_20 = 18 à 20 ans
salaire-age-21_25 = 21 à 25 ans
salaire-age-26_plus = 26 ans et plus
salaire-note = À partir de 21 ans, le minimum est celui de la convention collective s'il est plus élevé (Code du travail, article D6222-26).

taux-title = Réponses de l'entreprise
taux-phrase = Cette entreprise a répondu à { $pourcentage } % des { $candidatures } candidatures reçues.
taux-mediane = Délai médian de réponse : { $duree }.

candidature-form-title = Postuler
candidature-field-message = Votre message
candidature-field-cv = CV
candidature-field-cv-hint = Facultatif : un PDF ou une image (PNG, JPEG, WebP) de { $mo } Mo au plus.
candidature-submit = Envoyer ma candidature
candidature-connexion = Connectez-vous pour postuler.
candidature-ok-envoyee = Votre candidature est envoyée : le recruteur est prévenu, et vous serez informé par courriel de chaque étape.
candidature-ok = Étape enregistrée : { $etat }.
candidature-ok-relance = relance envoyée au recruteur
candidature-ok-accord = accord de l'établissement
candidature-title = Candidature : { $offre }
candidature-offre = Offre
candidature-candidat = Candidat
candidature-eleve = un élève (son nom sera communiqué après l'accord de son établissement)
candidature-masque = Cet élève est mineur : son nom, ses coordonnées et son CV vous seront communiqués quand son établissement aura donné son accord.
candidature-accorder = Enregistrer l'accord de l'établissement
candidature-accord-inutile = Seules les candidatures aux stages d'observation attendent l'accord d'un établissement.
candidature-anonyme = Candidat pseudonymisé
candidature-etat = État
candidature-envoyee-le = Envoyée le
candidature-telecharger-cv = Télécharger le CV
candidature-actions = Étapes possibles
candidature-field-motif = Motif
candidature-relancer = Relancer le recruteur
candidature-relance-des = Vous pourrez relancer le recruteur à partir du { $date } s'il n'a pas répondu.
candidature-historique = Historique
candidature-retour-offre = Retour à l'offre
candidature-deja-envoyee = Vous avez déjà postulé à cette offre.
candidature-offre-fermee = Cette offre ne reçoit plus de candidatures : elle a expiré, a été pourvue ou fermée.
candidature-offre-importee = On postule à une offre d'un site partenaire sur son site d'origine.
candidature-close = Cette candidature est close : plus aucune étape n'est possible.
candidature-etape-impossible = Cette étape n'est pas possible maintenant : une candidature passe par envoyée, lue, entretien, puis retenue ou non retenue, sans sauter d'étape.
candidature-modifiee = La candidature a été modifiée entre-temps par quelqu'un d'autre : rechargez la page pour voir son état.
candidature-plus-de-poste = Tous les postes de cette offre sont déjà pourvus.
candidature-relance-impossible = La relance n'est possible qu'une fois, à partir du dixième jour sans réponse.
candidature-action-inconnue = Étape inconnue.
candidature-motif-requis = Choisissez le motif pour lequel la candidature n'est pas retenue.
candidature-version-invalide = Version de la candidature invalide.
candidature-etat-envoyee = Envoyée
candidature-etat-lue = Lue
candidature-etat-entretien = Entretien proposé
candidature-etat-retenue = Retenue
candidature-etat-non_retenue = Non retenue
candidature-etat-retiree = Retirée
candidature-action-lire = Marquer comme lue
candidature-action-entretien = Proposer un entretien
candidature-action-retenir = Retenir la candidature
candidature-action-ne_pas_retenir = Ne pas retenir
candidature-action-retirer = Retirer ma candidature
candidature-motif-competences_attendues = Les compétences attendues ne sont pas encore acquises
candidature-motif-niveau_attendu = Le niveau de diplôme attendu n'est pas atteint
candidature-motif-autre_candidat = Une autre candidature a été retenue
candidature-motif-poste_pourvu = Le poste est pourvu
candidature-motif-dates_incompatibles = Les dates ne correspondent pas
candidature-motif-eloignement = Le lieu de travail est trop éloigné
candidature-motif-offre_annulee = L'offre est annulée

candidatures-title = Mes candidatures
candidatures-caption = Vos candidatures, de la plus récente à la plus ancienne
candidatures-aucune = Vous n'avez encore envoyé aucune candidature.
candidatures-suivies = Ses candidatures
candidatures-suivies-aucune = Aucune candidature pour le moment.
candidatures-voir-offres = Voir les offres
candidatures-offre-title = Candidatures : { $offre }
candidatures-offre-lead = Les candidatures sont classées par adéquation des compétences du candidat à celles de l'offre ; aucune n'est écartée automatiquement. Répondez à chacune : le candidat est prévenu de chaque étape.
candidatures-offre-caption = Candidatures reçues, de la meilleure adéquation à la moins bonne
candidatures-offre-aucune = Aucune candidature pour le moment.

mail-candidature-recue-subject = Nouvelle candidature : { $offre }
mail-candidature-recue-body =
    Bonjour,

    { $candidat } a postulé à votre offre « { $offre } ».

    Pour lire sa candidature et lui répondre :

    { $lien }

    Chaque candidat attend une réponse : la plateforme vous le rappellera au 7e puis au 15e jour.
mail-candidature-envoyee-subject = Candidature envoyée : { $offre }
mail-candidature-envoyee-body =
    Bonjour { $candidat },

    Votre candidature à l'offre « { $offre } » ({ $employeur }) est envoyée. Vous serez prévenu par courriel de chaque étape.

    Pour la suivre :

    { $lien }
mail-candidature-lue-subject = Votre candidature a été lue : { $offre }
mail-candidature-lue-body =
    Bonjour { $candidat },

    { $employeur } a lu votre candidature à l'offre « { $offre } ».

    { $lien }
mail-candidature-entretien-subject = Entretien proposé : { $offre }
mail-candidature-entretien-body =
    Bonjour { $candidat },

    { $employeur } vous propose un entretien pour l'offre « { $offre } ». Le recruteur vous contactera pour en fixer la date.

    { $lien }
mail-candidature-retenue-subject = Candidature retenue : { $offre }
mail-candidature-retenue-body =
    Bonjour { $candidat },

    Bonne nouvelle : { $employeur } retient votre candidature à l'offre « { $offre } ».

    { $lien }
mail-candidature-non-retenue-subject = Réponse à votre candidature : { $offre }
mail-candidature-non-retenue-body =
    Bonjour { $candidat },

    { $employeur } ne retient pas votre candidature à l'offre « { $offre } ». Motif : { $motif }.

    D'autres offres proches vous attendent :

    { $lien }
mail-candidature-retiree-recruteur-subject = Candidature retirée : { $offre }
mail-candidature-retiree-recruteur-body =
    Bonjour,

    { $candidat } a retiré sa candidature à votre offre « { $offre } ».

    { $lien }
mail-candidature-relance-1-subject = Candidature en attente de réponse : { $offre }
mail-candidature-relance-1-body =
    Bonjour,

    La candidature de { $candidat } à votre offre « { $offre } » attend une réponse depuis { $jours } jours.

    Pour lui répondre, même brièvement :

    { $lien }
mail-candidature-relance-2-subject = Deuxième rappel : candidature sans réponse, { $offre }
mail-candidature-relance-2-body =
    Bonjour,

    La candidature de { $candidat } à votre offre « { $offre } » attend toujours une réponse, depuis { $jours } jours.

    { $lien }
mail-candidature-relance-candidat-subject = Relance d'un candidat : { $offre }
mail-candidature-relance-candidat-body =
    Bonjour,

    { $candidat } vous relance au sujet de sa candidature à votre offre « { $offre } », envoyée il y a { $jours } jours.

    { $lien }
