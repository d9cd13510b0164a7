## The network of experts and requests for involvement.
expert-offre-intervention_classe = Classroom session
expert-offre-jury = Sitting on a panel
expert-offre-tutorat_projet = Project mentoring
expert-offre-accueil_visite = Hosting a site visit
expert-offre-conseil_startup = Advice to a start-up
expert-etat-actif = Accepting requests
expert-etat-en_pause = Paused
expert-etat-retire = Withdrawn from the network
expert-sujet-domaine = Occupational field (ROME)
expert-sujet-competence = Skill (ROME)
expert-sujet-equipement = Platform equipment
expert-sujet-mot_cle = Keyword
expert-error-titre-longueur = The title must be 3 to 120 characters long.
expert-error-presentation-trop-longue = The introduction can be at most 2,000 characters long.
expert-error-disponibilite-trop-longue = Availability can be at most 300 characters long.
expert-error-caracteres-interdits = This field contains invisible characters that are not allowed.
expert-error-sujet-type-inconnu = Choose the type of topic.
expert-error-sujet-domaine = An occupational field is written as a letter from A to N followed by two digits, for example H33.
expert-error-sujet-competence = A ROME skill code has 1 to 10 digits.
expert-error-sujet-equipement = Choose a piece of platform equipment from the list.
expert-error-sujet-mot-cle = A keyword must be 2 to 60 characters long.
expert-error-sujets-manquants = Give at least one topic on which you can be contacted.
expert-error-sujets-trop-nombreux = Give at most 20 topics: those closest to your expertise.
expert-error-offre-inconnue = Unknown type of involvement: choose it from the list.
expert-error-offres-manquantes = Choose at least one type of involvement.
expert-error-langue-inconnue = Unknown language: give its two-letter code (fr, en, de…).
expert-error-langues-manquantes = Give at least one language.
expert-error-langues-trop-nombreuses = Give at most 8 languages.
expert-raison-sujets = { $count ->
    [one] { $count } topic in common
   *[other] { $count } topics in common
}
expert-raison-autre-organisation = from an organisation other than yours
expert-raison-distance = { $km ->
    [0] less than a kilometre away
   *[other] { $km } km away
}
expert-raison-demandes = { $count ->
    [one] { $count } open request
   *[other] { $count } open requests
}
demande-public-collegiens = Middle-school pupils
demande-public-lyceens = High-school pupils
demande-public-etudiants = Students
demande-public-apprentis = Apprentices
demande-public-salaries = Employees
demande-public-enseignants = Teachers
demande-public-grand_public = General public
demande-reponse-envoyee = Awaiting reply
demande-reponse-acceptee = Accepted
demande-reponse-declinee = Declined
demande-reponse-annulee = Cancelled
demande-action-accepter = Accept the request
demande-action-decliner = Decline the request
demande-action-annuler = Cancel the request
demande-error-sujet-longueur = The topic of the request must be 3 to 200 characters long.
demande-error-offre-inconnue = Choose the type of involvement requested.
demande-error-public-inconnu = Choose the audience concerned.
demande-error-date-invalide = Invalid date: use the format YYYY-MM-DD.
demande-error-debut-passe = The start date has already passed.
demande-error-debut-trop-lointain = The start date is more than a year away: a request is planned within the year.
demande-error-fin-avant-debut = The end date cannot be before the start date.
demande-error-fin-trop-lointaine = The proposed period can last 90 days at most.
demande-error-lieu-trop-long = The location can be at most 200 characters long.
demande-error-message-longueur = The message must be 10 to 2,000 characters long: describe what you need.
demande-error-caracteres-interdits = This field contains invisible characters that are not allowed.
demande-error-destinataires-aucun = Choose at least one expert.
demande-error-destinataires-trop = A request is sent to three experts at most.
demande-error-reponse-close = This request is no longer awaiting a reply: it has already been accepted, declined or cancelled.
demande-error-limite = { $restant ->
    [0] You have reached the limit of { $limite } experts contacted over a rolling { $jours } days: try again in a few days.
   *[other] You can contact at most { $limite } experts over a rolling { $jours } days; you have { $restant } left.
}

nav-experts = Experts
search-kind-expert = Expert

experts-title = Network experts
experts-lead = Researchers, engineers, trainers, teachers and experts from the campus companies: they give classroom sessions, sit on panels, mentor projects, host visits and advise start-ups.
experts-devenir = Publish my expert profile
experts-chercher = Find an expert
experts-toutes-offres = All types of involvement
experts-nombre = { $count ->
    [0] No expert matches.
    [one] 1 expert.
   *[other] { $count } experts.
}
expert-en-pause = This expert is not accepting requests at the moment.
expert-adresse-cachee = The expert's address is never shown: you are given it when they accept your request.
expert-contributions = Contributions to the network
expert-profil-title = My expert profile
expert-profil-etat = Your profile:
expert-voir-fiche = view my public page
expert-non-rattache = An expert profile belongs to a person from an organisation in the network: ask your organisation's manager to link you to it.
expert-mettre-en-pause = Pause
expert-reprendre = Accept requests again
expert-quitter = Leave the directory
expert-publier = Publish my profile
expert-field-titre = Title
expert-field-titre-hint = What you are for the network, for example “Formulation engineer”.
expert-field-organisation = Organisation
expert-field-presentation = Introduction
expert-field-offres = Types of involvement offered
expert-field-sujets = Topics
expert-field-domaines = Occupational fields of the sector
expert-field-competences = Skills
expert-field-competences-hint = One skill per line: its title in the ROME (the code is also accepted).
expert-field-mots-cles = Keywords
expert-field-mots-cles-hint = Separated by commas, for example “perfumery, sterilisation”.
expert-field-langues = Languages
expert-field-langues-hint = Two-letter codes separated by commas: fr, en, de…
expert-field-disponibilite = Availability
expert-field-disponibilite-hint = For example “Tuesday afternoons, outside school holidays”.
expert-field-contributions = Show my contributions (sessions, panels, projects) on my public page
expert-demandes-recues = Requests received
expert-error-organisation = Choose an organisation in the network that you belong to.
expert-error-competence-inconnue = No ROME skill matches “{ $texte }”.
expert-error-competence-ambigue = Several skills match: { $choix }. Please be more specific.
expert-error-etat = Unknown profile status.

demandes-title = My requests for involvement
demandes-aucune = No requests yet.
demande-nouvelle = Request an expert's involvement
demande-lead = Describe what you need: the platform suggests the experts who match it best, then you send it to three of them at most.
demande-creer = See suggested experts
demande-field-sujet = Topic
demande-field-sujet-hint = For example “Careers in perfumery, for a Year 11 class”.
demande-field-offre = Type of involvement
demande-field-public = Audience
demande-field-dates = Possible dates
demande-field-debut = From
demande-field-fin = Until
demande-field-fin-hint = Leave blank for a single day.
demande-field-lieu = Location
demande-field-lieu-hint = The town; leave blank for a remote session.
demande-field-domaines = Occupational fields concerned
demande-field-message = Message to the experts
demande-field-message-reponse = A note for the requester (optional)
demande-a-distance = Remote
demande-demandeur = Requester
demande-envoyee-a = Sent to
demande-propositions = Suggested experts
demande-places = { $count ->
    [one] You can still send it to 1 expert.
   *[other] You can still send it to { $count } experts.
}
demande-aucune-proposition = No active expert matches this request: broaden its topics or its type of involvement.
demande-choisir-experts = Choose three experts at most
demande-voir-expert = View { $nom }'s page
demande-envoyer = Send the request
demande-repondre = Reply to the request
demande-votre-reponse = Your reply
demande-error-expert-en-pause = { $nom } is not accepting requests at the moment: choose another expert.
demande-error-deja-envoyee = The request has already been sent to this expert.
demande-error-expert-inconnu = Unknown expert: choose one from the list of suggested experts.
demande-error-action = Unknown reply.
demande-ok-creee = The request has been saved: choose the experts to send it to.
demande-ok-envoyee = The request has been sent: each expert receives it by email and you will be told of their reply.
demande-ok-acceptee = Thank you: you have accepted the request, and the requester has received your address.
demande-ok-declinee = Your reply has been sent to the requester.

expertise-tableau-title = Expert network dashboard
expertise-tableau-lead = Active experts, requests sent and their replies, median reply time. The details of each sending:
expertise-tableau-reponses = Requests and replies
expertise-tableau-experts-actifs = Active experts
expertise-tableau-demandes = Requests written
expertise-tableau-envoyees = Sent to experts
expertise-tableau-mediane = Median reply time
expertise-tableau-par-offre = Sent by type of involvement

csv-demande-date = Request date
csv-demande-sujet = Topic
csv-demande-offre = Type of involvement
csv-demande-public = Audience
csv-demande-expert = Expert
csv-demande-etat = Reply
csv-demande-envoyee = Sent on
csv-demande-repondue = Replied on

mail-demande-subject = Request for involvement: { $sujet }
mail-demande-body =
    Hello { $nom },

    { $par } is contacting you through the expert directory of the Campus CosmetoPharma Centre-Val de Loire.

    Topic: { $sujet }
    Type of involvement: { $offre }
    Audience: { $public }
    Dates: { $periode }
    Location: { $lieu }

    { $message }

    To accept or decline (your address is given to the requester only if you accept):

    { $lien }
mail-demande-acceptee-subject = { $nom } accepts your request
mail-demande-acceptee-body =
    Hello,

    { $nom } accepts your request “{ $sujet }”. You can write to them at: { $email }

    { $message }

    { $lien }
mail-demande-declinee-subject = { $nom } declines your request
mail-demande-declinee-body =
    Hello,

    { $nom } cannot take up your request “{ $sujet }”. { $message }

    You can send it to another expert:

    { $lien }
mail-demande-relance-subject = Reminder: request for involvement “{ $sujet }”
mail-demande-relance-body =
    Hello { $nom },

    A request for involvement has been waiting for you for several days: “{ $sujet }” ({ $periode }).

    To accept or decline:

    { $lien }
mail-demande-escalade-subject = Request without a reply: “{ $sujet }”
mail-demande-escalade-body =
    Hello,

    { $expert } has not replied to the request “{ $sujet }” from { $demandeur }, despite a reminder.

    { $lien }
