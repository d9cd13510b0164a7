## Événements : agenda, inscriptions, consentement, pointage, enquête

nav-events = Événements et visites

evenement-kind-atelier_decouverte = Atelier découverte des métiers
evenement-kind-visite_site = Visite de site
evenement-kind-forum_salon = Forum ou salon
evenement-kind-portes_ouvertes = Portes ouvertes
evenement-kind-conference = Conférence
evenement-kind-job_dating = Job dating

evenement-audience-collegiens = Collégiens
evenement-audience-lyceens = Lycéens
evenement-audience-etudiants = Étudiants
evenement-audience-apprentis = Apprentis
evenement-audience-salaries = Salariés
evenement-audience-demandeurs_emploi = Demandeurs d'emploi
evenement-audience-enseignants = Enseignants
evenement-audience-formateurs = Formateurs

inscription-status-confirmee = Confirmée
inscription-status-attente_consentement = En attente de l'accord d'un parent
inscription-status-liste_attente = Sur liste d'attente
inscription-status-annulee = Annulée
inscription-kind-personne = Individuelle
inscription-kind-classe = Classe

agenda-title = Agenda des événements
agenda-lead = Ateliers de découverte des métiers, visites d'entreprises et de laboratoires, forums, portes ouvertes, conférences et job datings du réseau du campus.
agenda-filter-label = Filtrer l'agenda
agenda-filter-public = Public
agenda-filter-kind = Type d'événement
agenda-filter-metier = Métier (code ROME)
agenda-filter-metier-hint = Par exemple H3301.
agenda-filter-submit = Filtrer
agenda-count = { $count ->
    [0] Aucun événement à venir ne correspond.
    [one] Un événement à venir.
   *[other] { $count } événements à venir.
}

evenement-when = le { $date } de { $start } à { $end }
evenement-when-days = du { $date } à { $start } au { $end_date } à { $end }
evenement-closed = Les inscriptions sont closes : l'événement a commencé.
evenement-full = Complet : inscription sur liste d'attente
evenement-seats-left = { $count ->
    [one] Une place restante
   *[other] { $count } places restantes
}
evenement-capacity = { $count ->
    [one] une place
   *[other] { $count } places
}
evenement-audiences = Publics
evenement-fact-kind = Type
evenement-fact-organiser = Organisé par
evenement-fact-when = Date
evenement-fact-place = Lieu
evenement-fact-capacity = Capacité
evenement-romes = Métiers à découvrir
evenement-rome-link = Fiche métier { $code }
evenement-ical = Ajouter à mon agenda (fichier iCal)
evenement-organiser-nav = Organisation de l'événement
evenement-edit = Modifier l'événement
evenement-registrations = Liste des inscrits
evenement-safety-title = Consignes de sécurité
evenement-safety-min-age = Âge minimum : { $age } ans le jour de la visite.
evenement-safety-clean-room = Accès en salle propre : tenue spécifique fournie, consignes d'habillage à respecter.
evenement-safety-gmp = Site soumis aux bonnes pratiques de fabrication (BPF) : bijoux, maquillage et objets personnels interdits en zone de production.

evenement-new-title = Créer un événement
evenement-edit-title = Modifier « { $title } »
evenement-save = Enregistrer l'événement
evenement-field-organisation = Organisation organisatrice
evenement-field-title = Titre
evenement-field-place-legend = Lieu
evenement-field-dates-legend = Date et horaires
evenement-field-start = Début
evenement-field-end = Fin
evenement-field-datetime-hint = Heure de Paris, au format JJ/MM/AAAA HH:MM.
evenement-field-capacity = Nombre de places
evenement-field-capacity-hint = Au-delà, les inscriptions vont sur liste d'attente.
evenement-field-romes = Métiers liés (codes ROME)
evenement-field-romes-hint = Séparés par des virgules, par exemple H3301, H1502.
evenement-field-min-age = Âge minimum
evenement-field-min-age-hint = Pour les visites de sites de production, laisser vide sinon.
evenement-field-clean-room = Visite en salle propre
evenement-field-gmp = Site soumis aux bonnes pratiques de fabrication (BPF)
evenement-field-safety-notes = Autres consignes
evenement-field-organisation-invalid = Choisissez une organisation dont vous êtes membre.
evenement-field-kind-invalid = Choisissez un type d'événement de la liste.
evenement-field-publics-required = Cochez au moins un public.
evenement-field-publics-invalid = Ce public n'existe pas dans la liste.

evenement-error-date = Saisissez une date et une heure valides, par exemple 03/12/2026 09:30.
evenement-error-skipped-time = Cette heure n’existe pas : au passage à l’heure d’été, les horloges passent de 2 h à 3 h. Choisissez une autre heure.
evenement-error-start-past = La date de début est passée : choisissez une date à venir.
evenement-error-end-before-start = La fin doit être après le début.
evenement-error-too-long = Un événement dure au plus 7 jours.
evenement-error-capacity = Saisissez un nombre de places entier, par exemple 30.
evenement-error-capacity-positive = Le nombre de places doit être d'au moins 1.
evenement-error-capacity-large = Le nombre de places ne peut pas dépasser 10 000.
evenement-error-capacity-below-taken = { $count ->
    [one] Une place est déjà occupée : la capacité ne peut pas être inférieure.
   *[other] { $count } places sont déjà occupées : la capacité ne peut pas être inférieure.
}
evenement-error-min-age = L'âge minimum doit être compris entre 10 et 25 ans.
evenement-error-class-size = Saisissez un nombre d'élèves entre 1 et 60.
evenement-error-class-capacity = La classe compte plus d'élèves que l'événement n'a de places : une classe n'est jamais séparée.
evenement-error-too-young = Cette visite est réservée aux personnes d'au moins { $age } ans le jour de l'événement.
evenement-error-closed = Les inscriptions sont closes : l'événement a commencé.
evenement-error-birth-date = Saisissez une date de naissance valide, au format JJ/MM/AAAA.
evenement-error-rome = « { $code } » n'est pas un code ROME (une lettre et quatre chiffres, par exemple H3301).
evenement-error-rome-count = Liez au plus { $max } métiers.

inscription-title = S'inscrire
inscription-waitlist-notice = L'événement est complet : votre inscription ira sur la liste d'attente, dans l'ordre d'arrivée. Vous recevrez un e-mail si une place se libère.
inscription-person-legend = Inscription individuelle
inscription-field-name = Nom et prénom
inscription-field-birth = Date de naissance
inscription-field-birth-hint = Elle sert à vérifier l'âge minimum et, pour un mineur, à demander l'accord d'un parent. Elle n'est pas conservée.
inscription-field-parent = E-mail d'un parent
inscription-field-parent-hint = Obligatoire pour les moins de 18 ans : le parent reçoit un lien pour donner son accord.
inscription-field-public = Vous êtes
inscription-field-public-choose = Choisissez…
inscription-field-level = Niveau ou classe
inscription-field-level-hint = Par exemple : 3e, Terminale STL, BTS, master.
inscription-field-organisation = Établissement ou entreprise
inscription-submit = M'inscrire
inscription-class-legend = Inscrire une classe
inscription-class-hint = Une seule demande pour toute la classe : elle est confirmée pour tous les élèves ou placée entière sur liste d'attente.
inscription-field-class = Classe
inscription-field-class-hint = Par exemple : 3e B.
inscription-field-pupils = Nombre d'élèves
inscription-field-pupils-hint = Accompagnateurs non compris.
inscription-field-school = Établissement
inscription-class-submit = Inscrire la classe
inscription-attestation = J'atteste que l'établissement a recueilli les autorisations parentales des élèves mineurs pour cette sortie.
inscription-attestation-age = J'atteste que l'établissement a recueilli les autorisations parentales des élèves mineurs pour cette sortie et que tous les élèves auront au moins { $age } ans le jour de la visite.
inscription-field-public-invalid = Choisissez un public dans la liste.
inscription-field-parent-required = Pour un mineur, indiquez l'e-mail d'un parent.
inscription-field-parent-same = L'e-mail du parent doit être différent du vôtre.
inscription-field-attestation-required = Cochez l'attestation pour inscrire la classe.
inscription-duplicate = Vous êtes déjà inscrit à cet événement avec cette adresse (ou cette classe l'est déjà).
inscription-api-one-of = Indiquez soit « personne », soit « classe ».

ticket-title = Inscription : { $title }
ticket-holder = Inscrit
ticket-seats = { $count ->
    [one] une place
   *[other] { $count } places
}
ticket-status = État
ticket-status-confirmee = Votre place est confirmée. Présentez votre code à l'accueil.
ticket-status-attente_consentement = Votre place est réservée. Elle sera confirmée dès qu'un parent aura donné son accord par le lien reçu par e-mail.
ticket-status-liste_attente = Vous êtes sur liste d'attente. Si une place se libère, elle vous est attribuée dans l'ordre d'arrivée et vous recevez un e-mail.
ticket-status-annulee = Cette inscription est annulée.
ticket-code-title = Code d'accueil
ticket-code-hint = À présenter à l'accueil, ou le QR code ci-dessous.
ticket-qr-label = QR code de l'inscription { $code }
ticket-event = L'événement
ticket-event-page = Page de l'événement
ticket-cancel = Annuler mon inscription
ticket-notice-registered = Inscription enregistrée. Un e-mail de confirmation vous a été envoyé.
ticket-notice-cancelled = Inscription annulée.

consent-title = Accord parental
consent-lead = { $name } souhaite participer à l'événement « { $title } ». Sa place est réservée en attendant votre accord.
consent-field-name = Votre nom et prénom
consent-field-agree = J'autorise { $name } à participer à cet événement et j'ai pris connaissance des consignes de sécurité.
consent-field-agree-required = Cochez la case pour donner votre accord.
consent-submit = Donner mon accord
consent-refuse = Refuser et annuler l'inscription
consent-outcome-given = Accord enregistré, donné par { $name }. La place est confirmée.
consent-outcome-cancelled = Cette inscription est annulée.

registrations-title = Inscrits : { $title }
registrations-summary = { $taken } places occupées sur { $capacity }, { $waiting } demandes en liste d'attente, { $checked } personnes pointées.
registrations-export = Exporter en CSV
registrations-none = Aucune inscription pour l'instant.
registrations-caption = Inscriptions, dans l'ordre d'arrivée
registrations-minor = mineur

csv-code = Code
csv-kind = Type
csv-name = Nom
csv-email = E-mail
csv-seats = Places
csv-public = Public
csv-level = Niveau
csv-organisation = Établissement ou entreprise
csv-minor = Mineur
csv-status = État
csv-consent = Accord parental
csv-checked-in = Pointage
csv-registered-at = Inscrit le
csv-yes = Oui
csv-no = Non

pointage-title = Pointage à l'accueil
pointage-field-code = Code de l'inscription
pointage-field-code-hint = Les 8 caractères du billet, ou scannez son QR code.
pointage-submit = Pointer
pointage-list = Liste d'émargement
pointage-print-hint = Imprimez cette page pour une liste papier.
pointage-at = arrivé à { $time }
pointage-done = { $name } est pointé ({ $seats } place(s)).
pointage-unknown = Aucune inscription à cet événement ne porte ce code.
pointage-no-consent = { $name } n'a pas encore l'accord d'un parent : l'entrée n'est pas possible.
pointage-not-confirmed = L'inscription de { $name } n'est pas confirmée.
pointage-already = { $name } est déjà pointé.

results-title = Résultats de l'enquête de satisfaction
results-answers = { $count ->
    [0] Aucune réponse pour l'instant.
    [one] Une réponse.
   *[other] { $count } réponses.
}
results-average = Note moyenne
results-recommend = Recommanderaient l'événement
results-recommend-count = { $count ->
    [one] une personne
   *[other] { $count } personnes
}
results-distribution = Répartition des notes
results-count = Réponses
results-comments = Commentaires

avis-title = Votre avis sur « { $title } »
avis-field-rating = Votre satisfaction
avis-rating-1 = 1 – Pas du tout satisfait
avis-rating-2 = 2 – Peu satisfait
avis-rating-3 = 3 – Moyennement satisfait
avis-rating-4 = 4 – Satisfait
avis-rating-5 = 5 – Très satisfait
avis-field-recommend = Recommanderiez-vous cet événement ?
avis-field-comment = Un commentaire (facultatif)
avis-submit = Envoyer mon avis
avis-field-rating-required = Choisissez une note de 1 à 5.
avis-field-recommend-required = Répondez oui ou non.
avis-thanks = Merci, votre avis est enregistré.
avis-not-yet = L'enquête s'ouvre à la fin de l'événement.

mine-title = Mes événements
mine-consents-title = Accords parentaux à donner
mine-consents-hint = Votre enfant s'est inscrit avec votre adresse : donnez ou refusez votre accord depuis ici, comme depuis le lien de l'e-mail (connexion avec ÉduConnect comprise).
mine-consent-item = Donner ou refuser mon accord pour { $name } : { $title }
mine-none = Vous n'êtes inscrit à aucun événement.
feed-person-title = Mon agenda dans mon calendrier
feed-person-name = Mes événements du Campus CosmetoPharma
feed-organisation-title = Les événements de l'organisation dans un calendrier
feed-hint = Abonnez votre application de calendrier à cette adresse personnelle ; ne la partagez pas.
feed-renew = Remplacer cette adresse
feed-renew-hint = L’adresse actuelle cessera aussitôt de fonctionner ; abonnez votre calendrier à la nouvelle.
feed-replaced-person = Cette adresse de calendrier a été remplacée. Retrouvez la nouvelle sur votre page « Mes événements » (menu Mon compte).
feed-replaced-organisation = Cette adresse de calendrier a été remplacée. Les membres de l’organisation retrouvent la nouvelle sur la page des inscriptions de chacun de ses événements.
feed-replaced-equipement = Cette adresse de calendrier a été remplacée. Les gestionnaires de l’équipement retrouvent la nouvelle sur sa page.

mail-evenement-about =
    { $title }
    { $when }
    { $place }
mail-evenement-no-safety = Aucune consigne particulière.
mail-inscription-subject = Inscription confirmée : { $title }
mail-inscription-confirmed =
    Bonjour { $name },

    Votre inscription est confirmée :

    { $about }

    Votre code d'accueil : { $code }

    Votre billet, et l'annulation si vous ne pouvez pas venir :
    { $link }
mail-inscription-class =
    Bonjour,

    L'inscription de la classe { $name } ({ $seats } élèves) est confirmée :

    { $about }

    Code d'accueil de la classe : { $code }

    Le billet, et l'annulation si la sortie n'a pas lieu :
    { $link }
mail-inscription-consent-pending =
    Bonjour { $name },

    Votre place est réservée :

    { $about }

    Elle sera confirmée dès que votre parent aura donné son accord par le lien que nous venons de lui envoyer.

    Votre inscription :
    { $link }
mail-inscription-waitlist-subject = Liste d'attente : { $title }
mail-inscription-waitlist =
    Bonjour { $name },

    L'événement est complet ; votre demande ({ $seats } place(s)) est sur la liste d'attente :

    { $about }

    Si une place se libère, elle vous est attribuée dans l'ordre d'arrivée et vous recevez un e-mail.

    Votre inscription, et l'annulation :
    { $link }
mail-promoted-subject = Une place s'est libérée : { $title }
mail-promoted =
    Bonjour { $name },

    Une place s'est libérée : votre inscription ({ $seats } place(s)) est confirmée.

    { $about }

    Votre code d'accueil : { $code }

    Votre billet, et l'annulation si vous ne pouvez plus venir :
    { $link }
mail-promoted-consent-pending =
    Bonjour { $name },

    Une place s'est libérée et vous est réservée :

    { $about }

    Elle sera confirmée dès que votre parent aura donné son accord par le lien que nous venons de lui envoyer.

    Votre inscription :
    { $link }
mail-consent-subject = Votre accord est demandé : { $title }
mail-consent-body =
    Bonjour,

    { $name } s'est inscrit à un événement organisé par { $organiser } dans le cadre du Campus CosmetoPharma :

    { $about }

    Consignes de sécurité :
    { $safety }

    Comme { $name } est mineur, sa place sera confirmée après votre accord. Pour donner (ou refuser) votre accord :
    { $link }
mail-consent-recorded-subject = Accord enregistré : { $title }
mail-consent-recorded-body =
    Bonjour,

    Votre accord pour la participation de { $name } est enregistré ; sa place est confirmée :

    { $about }
mail-cancelled-subject = Inscription annulée : { $title }
mail-cancelled-body =
    Bonjour { $name },

    Votre inscription est annulée :

    { $about }

    Votre place a été proposée à la personne suivante de la liste d'attente, le cas échéant.
mail-reminder-subject = Rappel : { $title }
mail-reminder-body =
    Bonjour { $name },

    Nous vous attendons bientôt :

    { $about }

    Votre code d'accueil : { $code }

    Consignes de sécurité :
    { $safety }

    En cas d'empêchement, annulez pour libérer la place :
    { $link }
mail-survey-subject = Votre avis sur : { $title }
mail-survey-body =
    Bonjour { $name },

    Merci d'avoir participé à « { $title } ». Deux minutes pour nous dire ce que vous en avez pensé ?

    { $link }
inscription-email-compte = Votre inscription sera faite à l'adresse de votre compte : { $email }.
mail-inscription-pas-moi = Ce n'était pas vous ? Ouvrez ce lien et annulez l'inscription : la place revient à la liste d'attente.
    { $link }
