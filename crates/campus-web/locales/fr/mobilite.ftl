## Mobilité européenne (levier 7)

mobilite-title = Mobilité européenne
mobilite-lead = Stages, périodes d'études et missions dans un établissement partenaire en Europe, pour les élèves, apprentis et étudiants comme pour les enseignants et formateurs du campus.
mobilite-nouvelle-offre = Publier une offre de mobilité
mobilite-nouveau-partenaire = Ajouter un établissement partenaire à l'étranger
mobilite-filtres = Filtrer les offres de mobilité
mobilite-field-pays = Pays
mobilite-field-public = Public
mobilite-field-duree = Durée
mobilite-filtre-tous-pays = Tous les pays
mobilite-filtre-tous-publics = Tous les publics
mobilite-filtre-toutes-durees = Toutes les durées
mobilite-filtre-duree-31 = Jusqu'à un mois
mobilite-filtre-duree-92 = Jusqu'à trois mois
mobilite-filtre-duree-365 = Jusqu'à un an
mobilite-filtrer = Filtrer
mobilite-offres = Offres de mobilité
mobilite-offres-count = { $count ->
    [0] Aucune offre de mobilité ouverte.
    [one] 1 offre de mobilité ouverte.
   *[other] { $count } offres de mobilité ouvertes.
}
mobilite-partenaires = Établissements partenaires à l'étranger
mobilite-jours = { $count ->
    [one] 1 jour
   *[other] { $count } jours
}
mobilite-places = { $count ->
    [0] Plus de place
    [one] 1 place restante
   *[other] { $count } places restantes
}
mobilite-limite = Candidatures jusqu'au { $date }
mobilite-dates = du { $debut } au { $fin }
mobilite-ages = de { $min } à { $max } ans au départ
mobilite-langues = Langues : { $langues }
mobilite-metiers = Métiers accueillis : { $metiers }
mobilite-retour = Toutes les offres de mobilité

mobilite-public-apprenants = Élèves, apprentis et étudiants
mobilite-public-personnels = Enseignants et formateurs
mobilite-nature-stage = Stage en entreprise
mobilite-nature-periode_etudes = Période d'études
mobilite-nature-observation = Observation en situation de travail
mobilite-nature-enseignement = Mission d'enseignement ou de formation
mobilite-financement-erasmus_plus = Erasmus+
mobilite-financement-autre = Autre financement
mobilite-consentement-sans_objet = Sans objet (majeur au départ)
mobilite-consentement-attendu = Accord du parent attendu
mobilite-consentement-donne = Accord du parent donné
mobilite-consentement-refuse = Le parent a refusé la mobilité
mobilite-consentement-donne-par = Accord donné par { $nom }

mobilite-fact-nature = Type de mobilité
mobilite-fact-hote = Établissement d'accueil
mobilite-fact-dates = Dates
mobilite-fact-financement = Financement
mobilite-fact-places = Places
mobilite-fact-limite = Date limite de candidature
mobilite-fact-ages = Âge
mobilite-fact-niveau = Niveau exigé
mobilite-fact-metier = Métier
mobilite-fact-contact = Contact d'accueil
mobilite-fact-candidat = Candidat ou candidate
mobilite-fact-etat = Candidature
mobilite-fact-certification = Certification préparée
mobilite-fact-accord-ecole = Accord de l'établissement d'envoi
mobilite-fact-accord-hote = Accord de l'établissement d'accueil
mobilite-fact-consentement = Accord du parent
mobilite-description = Description
mobilite-ma-candidature = Suivre ma candidature
mobilite-fermee = Cette offre ne prend plus de candidatures.
mobilite-candidater = Candidater
mobilite-connexion-pour-candidater = Connectez-vous pour candidater
mobilite-field-naissance = Date de naissance
mobilite-field-naissance-hint = Pour vérifier l'âge demandé et, pour un ou une mineure au départ, demander l'accord d'un parent.
mobilite-field-parent = Adresse électronique d'un parent
mobilite-field-parent-hint = Obligatoire si vous aurez moins de 18 ans au départ : le parent reçoit un lien pour donner son accord.
mobilite-field-certification = Certification que vous préparez
mobilite-field-certification-hint = Tapez l'intitulé de votre diplôme ou titre et choisissez-le dans les suggestions.
mobilite-field-moins-opportunites = Je souhaite être accompagné·e au titre des « moins d'opportunités » du programme Erasmus+ (situation de handicap, difficultés économiques, sociales ou géographiques).

mobilite-suivi-title = Ma mobilité européenne
mobilite-voir-candidature = voir la candidature
mobilite-en-attente = en attente
mobilite-accord-le = donné le { $date }
mobilite-accord-hote-par = donné le { $date } par { $nom }
mobilite-confirmee = La mobilité est confirmée.
mobilite-confirmable = Tous les accords sont réunis : la mobilité peut être confirmée depuis la candidature.
mobilite-avant-confirmation = Avant de confirmer la mobilité : { $manque }
mobilite-manque-contrat = le contrat pédagogique n'est pas encore établi.
mobilite-manque-accord-ecole = l'établissement d'envoi n'a pas encore approuvé le contrat pédagogique.
mobilite-manque-accord-hote = l'établissement d'accueil n'a pas encore approuvé le contrat pédagogique.
mobilite-manque-consentement = l'accord d'un parent est requis pour un ou une mineure, et il n'a pas été donné.
mobilite-contrat = Contrat pédagogique
mobilite-contrat-vide = Aucune compétence choisie pour l'instant.
mobilite-contrat-choisir = Compétences à acquérir pendant la mobilité, parmi celles de la certification préparée
mobilite-contrat-enregistrer = Enregistrer le contrat pédagogique
mobilite-contrat-personnels = Pour les personnels, le contrat est le programme de la mobilité décrit dans l'offre.
mobilite-contrat-fige = Le contrat pédagogique ne peut plus changer : l'établissement d'envoi l'a déjà approuvé.
mobilite-contrat-sans-certification = Cette candidature ne prépare aucune certification : pas de compétences à choisir.
mobilite-approuver-ecole = Approuver le contrat pédagogique (établissement d'envoi)
mobilite-accord-deja = Cet accord a déjà été donné.
mobilite-europass = Europass Mobilité
mobilite-europass-apres-retour = Le document Europass Mobilité est établi par l'établissement d'envoi après le retour.
mobilite-europass-telecharger = Télécharger le document Europass Mobilité (PDF)
mobilite-acquis-choisir = Compétences acquises pendant la mobilité
mobilite-acquis-enregistrer = Enregistrer les acquis et établir l'Europass Mobilité
mobilite-acquis-deja = Les acquis de cette mobilité sont déjà enregistrés.
mobilite-field-mentor = Tuteur ou tutrice dans l'établissement d'accueil
mobilite-mentor = Tuteur ou tutrice : { $nom }
mobilite-organisation-envoi-campus = Campus des métiers et des qualifications d'excellence CosmetoPharma Centre-Val de Loire

mobilite-ok-envoyee = Votre candidature est envoyée. Choisissez maintenant les compétences de votre contrat pédagogique.
mobilite-ok-contrat = Contrat pédagogique enregistré.
mobilite-ok-ecole = Contrat pédagogique approuvé ; l'établissement d'accueil a reçu un lien pour l'approuver à son tour.
mobilite-ok-europass = Acquis enregistrés ; le document Europass Mobilité est prêt.
mobilite-ok-offre = Offre de mobilité publiée.

mobilite-accueil-title = Contrat pédagogique à approuver
mobilite-accueil-lead = Le contrat pédagogique de { $candidat } est approuvé par son établissement d'envoi et attend votre accord.
mobilite-accueil-accord = J'approuve, pour l'établissement d'accueil, le contrat pédagogique de { $candidat }.
mobilite-accueil-submit = Approuver le contrat pédagogique
mobilite-accueil-fait = Contrat pédagogique approuvé par { $nom }. Merci.
mobilite-accueil-attente-ecole = L'établissement d'envoi n'a pas encore approuvé ce contrat pédagogique.
mobilite-accord-requis = Cochez la case pour donner votre accord.
mobilite-consentement-title = Accord parental pour une mobilité à l'étranger
mobilite-consentement-lead = { $candidat }, mineur ou mineure au départ, a candidaté à une mobilité à l'étranger. Elle ne peut être confirmée sans votre accord.
mobilite-consentement-accord = J'autorise { $candidat } à partir en mobilité à l'étranger aux dates indiquées.
mobilite-consentement-submit = Donner mon accord
mobilite-consentement-refuser = Refuser la mobilité
mobilite-field-signataire = Votre nom et prénom

mobilite-error-pays-inconnu = Ce pays est inconnu : choisissez-le dans la liste ou donnez son code à deux lettres (DE, ES…).
mobilite-error-pays-france = Un établissement partenaire à l'étranger ne peut pas être en France.
mobilite-error-date = Cette date est invalide : écrivez-la JJ/MM/AAAA.
mobilite-error-duree-nulle = La mobilité doit durer au moins un jour : la date de fin est celle du début.
mobilite-error-fin-avant-debut = La date de fin précède la date de début.
mobilite-error-trop-courte = Cette mobilité est trop courte : au moins 14 jours pour les apprenants, 2 jours pour les personnels.
mobilite-error-trop-longue = Cette mobilité est trop longue : au plus 12 mois (365 jours) pour les apprenants, 2 mois (60 jours) pour les personnels.
mobilite-error-limite-apres-debut = La date limite de candidature doit précéder le début de la mobilité.
mobilite-error-limite-passee = La date limite de candidature est déjà passée.
mobilite-error-age = L'âge doit être un nombre entre 14 et 99.
mobilite-error-ages = L'âge minimum dépasse l'âge maximum.
mobilite-error-naissance = Cette date de naissance est invalide.
mobilite-error-places = Le nombre de places doit être entre 1 et 500.
mobilite-error-partenaire = Choisissez l'établissement d'accueil parmi les partenaires à l'étranger.
mobilite-error-nature = Choisissez le type de mobilité.
mobilite-error-debut-passe = La mobilité doit commencer après aujourd'hui.
mobilite-error-financement-nom = Nommez le financement (programme régional, fondation…).
mobilite-error-niveau = Le niveau doit être un nombre de 3 à 8.
mobilite-error-metier-inconnu = Métier introuvable : « { $texte } ». Tapez un intitulé d'emploi et choisissez-le dans les suggestions.
mobilite-error-apres-limite = Les candidatures à cette mobilité sont closes depuis le { $date }.
mobilite-error-age-offre = Vous aurez { $age } ans au départ : cette mobilité est ouverte de { $min } à { $max } ans.
mobilite-error-parent-requis = Vous serez mineur ou mineure au départ : donnez l'adresse électronique d'un parent, qui recevra la demande d'accord.
mobilite-error-certification-requise = Indiquez la certification que vous préparez.
mobilite-error-niveau-offre = Cette mobilité est réservée aux apprenants qui préparent une certification de niveau { $niveau }.
mobilite-error-contrat-vide = Choisissez au moins une compétence à acquérir.
mobilite-error-competence-hors-certification = La compétence « { $code } » n'appartient pas à la certification préparée : le contrat pédagogique ne reprend que ses compétences.
mobilite-error-acquise-hors-contrat = Une compétence acquise doit figurer au contrat pédagogique.
mobilite-error-non-confirmee = Cette mobilité n'a pas été confirmée.
mobilite-error-pas-terminee = La mobilité n'est pas terminée : les acquis s'enregistrent après le retour.

mobilite-tableau-title = Mobilité européenne : tableau de bord
mobilite-tableau-lead = Mobilités confirmées de l'année scolaire { $annee }.
mobilite-tableau-csv = Télécharger le fichier pour le rapport de bénéficiaire Erasmus+ (CSV)
mobilite-tableau-part-title = Part des apprenants partis à l'étranger
mobilite-tableau-part = { $part } % des apprenants du campus (objectif européen : { $cible } %)
mobilite-tableau-part-detail = { $partis } apprenants partis sur { $connus } apprenants connus de la plateforme.
mobilite-tableau-cible-atteinte = L'objectif est atteint.
mobilite-tableau-cible-non-atteinte = L'objectif n'est pas encore atteint.
mobilite-tableau-definition = Numérateur : apprenants distincts dont une mobilité confirmée commence dans l'année scolaire (1er septembre – 31 août). Dénominateur : comptes d'apprenants actifs de la plateforme.
mobilite-tableau-participants = { $count ->
    [0] Aucune mobilité confirmée.
    [one] 1 mobilité confirmée.
   *[other] { $count } mobilités confirmées.
}
mobilite-tableau-valeur = Valeur
mobilite-tableau-nombre = Participants
mobilite-tableau-par-nature = Participants par type de mobilité
mobilite-tableau-par-niveau = Participants par niveau
mobilite-tableau-par-metier = Participants par métier
mobilite-tableau-par-pays = Participants par pays d'accueil
mobilite-tableau-par-duree = Participants par durée
mobilite-tableau-par-financement = Participants par financement
mobilite-tranche-courte = Moins de 14 jours
mobilite-tranche-moyenne = De 14 à 89 jours
mobilite-tranche-longue = 90 jours et plus
mobilite-niveau-n = Niveau { $niveau }
mobilite-niveau-aucun = Niveau non précisé
mobilite-metier-aucun = Métier non précisé

csv-mobilite-participant = Identifiant du participant
csv-mobilite-public = Public
csv-mobilite-activite = Type d'activité
csv-mobilite-pays = Pays d'accueil
csv-mobilite-debut = Date de début
csv-mobilite-fin = Date de fin
csv-mobilite-duree = Durée (jours)
csv-mobilite-financement = Financement
csv-mobilite-niveau = Niveau
csv-mobilite-domaine = Domaine (code ROME)
csv-mobilite-moins-opportunites = Moins d'opportunités
csv-mobilite-oui = Oui
csv-mobilite-non = Non

mobilite-partenaire-form-title = Nouvel établissement partenaire à l'étranger
mobilite-offre-form-title = Nouvelle offre de mobilité
mobilite-offre-form-lead = Apprenants : de 14 jours à 12 mois ; personnels : de 2 jours à 2 mois. La durée se compte du jour de début au jour de fin.
mobilite-choisir = Choisir…
mobilite-enregistrer = Enregistrer
mobilite-field-ville = Ville
mobilite-field-description = Présentation
mobilite-field-site = Site web
mobilite-field-langues = Langues de travail
mobilite-field-langues-hint = Codes à deux lettres séparés par des virgules : de, en, es…
mobilite-field-metiers = Métiers accueillis
mobilite-field-niveaux = Niveaux accueillis
mobilite-field-niveaux-hint = De 3 (CAP) à 8 (doctorat), séparés par des virgules : 3, 4, 5
mobilite-field-contact-nom = Nom du contact d'accueil
mobilite-field-contact-email = Adresse électronique du contact d'accueil
mobilite-field-contact-email-hint = Le contact reçoit les contrats pédagogiques à approuver par un lien, sans compte.
mobilite-field-partenaire = Établissement d'accueil
mobilite-field-intitule = Intitulé
mobilite-field-nature-hint = Stage et période d'études pour les apprenants ; observation et mission d'enseignement pour les personnels.
mobilite-field-debut = Date de début
mobilite-field-fin = Date de fin
mobilite-field-fin-hint = Une mobilité de trois semaines du 1er au 22 mars dure 21 jours.
mobilite-field-financement-nom = Nom du financement
mobilite-field-financement-nom-hint = Obligatoire pour un autre financement qu'Erasmus+.
mobilite-field-age-min = Âge minimum au départ
mobilite-field-age-max = Âge maximum au départ
mobilite-field-niveau-hint = Laisser vide si tous les niveaux sont acceptés.
mobilite-field-metier-hint = Tapez un intitulé d'emploi et choisissez-le dans les suggestions.

nav-mobilite = Mobilité européenne
field-org-pays = Pays
organisations-tous-pays = Tous les pays

mail-mobilite-consentement-subject = Votre accord est demandé : mobilité de { $candidat } à l'étranger
mail-mobilite-consentement-body =
    Bonjour,

    { $candidat } a candidaté à une mobilité à l'étranger : « { $offre } », chez { $hote } à { $ville } ({ $pays }), du { $debut } au { $fin }.

    Comme { $candidat } sera mineur ou mineure au départ, la mobilité ne peut être confirmée sans l'accord d'un parent. Pour donner ou refuser votre accord :

    { $lien }
mail-mobilite-accueil-subject = Contrat pédagogique à approuver : { $candidat }
mail-mobilite-accueil-body =
    Bonjour,

    L'établissement d'envoi a approuvé le contrat pédagogique de { $candidat } pour « { $offre } », du { $debut } au { $fin }.

    Pour le consulter et l'approuver à votre tour (sans compte) :

    { $lien }
mail-mobilite-accord-ecole-subject = Contrat pédagogique approuvé : { $offre }
mail-mobilite-accord-ecole-body =
    Bonjour,

    Votre établissement a approuvé votre contrat pédagogique pour « { $offre } ». L'établissement d'accueil, { $hote }, est invité à l'approuver à son tour.

    { $lien }
mail-mobilite-accord-hote-subject = L'établissement d'accueil a approuvé votre contrat : { $offre }
mail-mobilite-accord-hote-body =
    Bonjour,

    { $hote } a approuvé votre contrat pédagogique pour « { $offre } », du { $debut } au { $fin }.

    { $lien }
mail-mobilite-consentement-donne-subject = Accord parental donné : { $offre }
mail-mobilite-consentement-donne-body =
    Bonjour,

    Votre parent a donné son accord à votre mobilité « { $offre } » à { $ville } ({ $pays }).

    { $lien }
mail-mobilite-consentement-refuse-subject = Accord parental refusé : { $offre }
mail-mobilite-consentement-refuse-body =
    Bonjour,

    Votre parent a refusé votre mobilité « { $offre } » : elle ne peut pas être confirmée.

    { $lien }
