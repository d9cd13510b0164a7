## Employability: offers, fit and applications

nav-offres = Offers

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
duree-heures = { $heures ->
    [one] { $heures } hour
   *[other] { $heures } hours
}
duree-jours = { $jours } days

offres-title = Apprenticeship, internship and job offers
offres-lead = Offers from companies of the campus network and its partners: apprenticeship and professionalisation contracts, internships, jobs, observation placements and work immersions. An offer that has expired or been filled disappears from the list straight away.
offres-invite-profil = Save a training path to see, on each offer, the share of its skills you already have and what you are missing.
offres-invite-profil-lien = Build my path
offres-filtres = Refine
offres-tous = All
offres-departement = Département
offres-debut = Start month
offres-commune = Distance from (town)
offres-distance = Maximum distance (km)
offres-tri = Sort by
offres-tri-adequation = fit to my profile
offres-tri-recentes = most recent offers
offres-tri-distance = distance
offres-filtrer = Show offers
offres-count = { $count ->
    [0] No offer
    [one] 1 offer
   *[other] { $count } offers
}
offres-aucune = No offer matches these criteria. Increase the distance or remove a filter.
offres-liees = Current offers
offres-retour = All offers

offre-new = Post an offer
offre-edit = Edit the offer
offre-new-lead = Describe the position: the occupation is chosen by its title, and the core skills of the occupation's ROME page (French job directory) are used if you give none. Without an expiry date, the offer stays online for two months.
offre-sans-organisation = Your account belongs to no company of the network. Ask your company's manager on the platform to add you, or contact the campus team.
offre-field-organisation = Company
offre-field-type = Type of offer
offre-field-intitule = Job title
offre-field-metier = Occupation
offre-field-metier-hint = Type a job title and choose it from the suggestions (the ROME code is also accepted).
offre-field-description = Description
offre-field-competences = Expected skills
offre-field-competences-hint = One skill per line, by its label (or its code). Leave empty to use the occupation's core skills.
offre-field-certification = Diploma or qualification prepared or required
offre-field-certification-hint = By its title (for instance « BTS métiers de la chimie ») or its RNCP code (French national register of qualifications); optional.
offre-field-niveau = Required level
offre-field-niveau-hint = From 3 (CAP, vocational certificate) to 8 (doctorate); optional.
offre-field-commune = Town of the workplace
offre-field-date-debut = Start date
offre-field-duree = Duration (months)
offre-field-duree-hint = Leave empty for a permanent job.
offre-field-postes = Number of positions
offre-field-horaires = Working hours
offre-field-remuneration = Pay
offre-field-remuneration-hint = For an apprenticeship contract, the legal minimum is calculated and shown.
offre-field-contact-nom = Contact person
offre-field-contact-email = Contact e-mail address
offre-field-expire = Expiry date
offre-field-expire-hint = By default, two months after publication.
offre-submit = Post the offer
offre-submit-modifier = Save changes
offre-ok-publiee = The offer is posted.
offre-ok-modifiee = The offer is updated.
offre-ok-fermee = The offer is closed: it no longer appears in the lists.
offre-fermee = This offer no longer accepts applications (expired, filled or closed).
offre-debut-le = starting on { $date }
offre-metier-de = Occupation: { $metier }
offre-importee = Offer from a partner site: you apply on the original site.
offre-mois = { $mois } months
offre-postes-restants = { $restants } position(s) to fill out of { $postes }
offre-source = Source
offre-source-lien = See the offer and apply on the original site
offre-gestion = Manage the offer
offre-voir-candidatures = See the applications, ranked by fit
offre-modifier = Edit the offer
offre-fermer = Close the offer
offre-ma-candidature = You have applied for this offer: see your application.
offre-similaires = Similar offers
offre-organisation-invalide = Choose a company you are a member of.
offre-type-inconnu = Choose the type of offer.
offre-metier-manquant = Give the offer's occupation.
offre-metier-inconnu = No occupation matches “{ $texte }”: choose a title from the suggestions.
offre-metier-ambigu = Several occupations match; choose one of them: { $choix }.
offre-certification-inconnue = No qualification matches “{ $texte }”.
offre-certification-ambigue = Several qualifications match; choose one of them: { $choix }.
offre-lieu-manquant = Give the town of the workplace.
offre-commune-inconnue = Town “{ $texte }” not found: type its name or its postcode and choose it from the suggestions.
offre-competence-inconnue = No ROME skill matches “{ $texte }”.
offre-competence-ambigue = Several skills match “{ $texte }”: { $choix }.
offre-competence-invalide = Invalid list of skills (60 at most, codes known to the ROME).
offre-competences-manquantes = Give at least one expected skill.
offre-date-invalide = Invalid date: use the format YYYY-MM-DD.
offre-debut-passe = The start date has already passed.
offre-expiration-avant-debut = The expiry date cannot be before the start date.
offre-expiration-passee = The expiry date has already passed.
offre-expiration-trop-lointaine = An offer stays online for one year at most: choose an earlier expiry date.
offre-postes-invalide = The number of positions must be between 1 and 100.
offre-postes-sous-pourvus = The number of positions cannot be lower than the number of positions already filled.
offre-duree-invalide = The duration must be between 1 and 48 months.
offre-niveau-invalide = The level must be between 3 and 8.
offre-modifiee = Someone else has changed the offer in the meantime: reload it before editing it.
offre-importee-non-modifiable = An offer imported from a partner site is edited on its original site.
offre-etat-invalide = Only the status “fermee” (closed) can be requested.
offre-type-apprentissage = Apprenticeship contract
offre-type-professionnalisation = Professionalisation contract
offre-type-stage = Internship
offre-type-cdi = Permanent job (CDI)
offre-type-cdd = Fixed-term job (CDD)
offre-type-interim = Temporary assignment
offre-type-stage_observation = Observation placement (secondary school pupils)
offre-type-immersion = Work immersion
offre-etat-ouverte = Open
offre-etat-pourvue = Filled
offre-etat-fermee = Closed

tableau-title = Companies' answers to applications
tableau-lead = For each company of the network that posted offers: its open offers, the applications it received, the share that got an answer (an interview or a decision) and the median time to that answer. The companies that answer least come first.
tableau-caption = Answer rate by company
tableau-ouvertes = Open offers
tableau-candidatures = Applications received
tableau-taux = Answer rate
tableau-mediane = Median time
tableau-reseau = Whole network

adequation-title = Fit to your profile
adequation-pourcentage = { $pourcentage } % of the skills
adequation-resume = You have { $detenues } of the { $total } expected skills ({ $pourcentage } %).
adequation-resume-trajet = Estimated travel time: { $trajet } ({ $km } km).
adequation-niveau-sans = No level is required.
adequation-niveau-atteint = You have the required level.
adequation-niveau-manque = { $ecart ->
    [one] You are one diploma level short.
   *[other] You are { $ecart } diploma levels short.
}
adequation-manquantes = Skills to acquire
adequation-unites = shortest training:
adequation-sans-unite = no training in the catalogue teaches it yet
adequation-sans-profil = No saved training path
trajet-moins_15_min = less than 15 minutes
trajet-15_30_min = 15 to 30 minutes
trajet-30_60_min = 30 minutes to an hour
trajet-plus_1_h = more than an hour

salaire-title = Apprentice minimum pay
salaire-caption = Minimum gross monthly pay, as a percentage of the SMIC (French minimum wage: { $smic } since { $depuis }), by age and year of the contract
salaire-age = Apprentice's age
salaire-annee = { $annee ->
    [1] 1st year
    [2] 2nd year
    [3] 3rd year
   *[other] Year { $annee }
}
salaire-age-moins_18 = Under 18
salaire-age-18_20 = 18 to 20
salaire-age-21_25 = 21 to 25
salaire-age-26_plus = 26 and over
salaire-note = From the age of 21, the minimum is the one set by the collective agreement if it is higher (French Labour Code, article D6222-26).

taux-title = Company's responses
taux-phrase = This company has responded to { $pourcentage } % of the { $candidatures } applications received.
taux-mediane = Median response time: { $duree }.

candidature-form-title = Apply
candidature-field-message = Your message
candidature-field-cv = CV
candidature-field-cv-hint = Optional: a PDF or an image (PNG, JPEG, WebP) of { $mo } MB at most.
candidature-submit = Send my application
candidature-connexion = Sign in to apply.
candidature-ok-envoyee = Your application has been sent: the recruiter has been notified, and you will be told of each step by e-mail.
candidature-ok = Step recorded: { $etat }.
candidature-ok-relance = reminder sent to the recruiter
candidature-ok-accord = school's agreement
candidature-title = Application: { $offre }
candidature-offre = Offer
candidature-candidat = Applicant
candidature-eleve = a pupil (their name will be given once their school agrees)
candidature-masque = This pupil is a minor: their name, contact details and CV will be given to you once their school agrees.
candidature-accorder = Record the school's agreement
candidature-accord-inutile = Only applications to observation periods wait for a school's agreement.
candidature-anonyme = Pseudonymised applicant
candidature-etat = Status
candidature-envoyee-le = Sent on
candidature-telecharger-cv = Download the CV
candidature-actions = Possible steps
candidature-field-motif = Reason
candidature-relancer = Send the recruiter a reminder
candidature-relance-des = You can send the recruiter a reminder from { $date } if they have not replied.
candidature-historique = History
candidature-retour-offre = Back to the offer
candidature-deja-envoyee = You have already applied for this offer.
candidature-offre-fermee = This offer no longer accepts applications: it has expired, been filled or been closed.
candidature-offre-importee = You apply for an offer from a partner site on its original site.
candidature-close = This application is closed: no further step is possible.
candidature-etape-impossible = This step is not possible now: an application goes through sent, read, interview, then accepted or not accepted, without skipping a step.
candidature-modifiee = Someone else has changed the application in the meantime: reload the page to see its status.
candidature-plus-de-poste = All the positions of this offer are already filled.
candidature-relance-impossible = A reminder can be sent only once, from the tenth day without a reply.
candidature-action-inconnue = Unknown step.
candidature-motif-requis = Choose the reason why the application is not accepted.
candidature-version-invalide = Invalid application version.
candidature-etat-envoyee = Sent
candidature-etat-lue = Read
candidature-etat-entretien = Interview offered
candidature-etat-retenue = Accepted
candidature-etat-non_retenue = Not accepted
candidature-etat-retiree = Withdrawn
candidature-action-lire = Mark as read
candidature-action-entretien = Offer an interview
candidature-action-retenir = Accept the application
candidature-action-ne_pas_retenir = Do not accept
candidature-action-retirer = Withdraw my application
candidature-motif-competences_attendues = The expected skills are not yet acquired
candidature-motif-niveau_attendu = The expected diploma level is not reached
candidature-motif-autre_candidat = Another application has been accepted
candidature-motif-poste_pourvu = The position has been filled
candidature-motif-dates_incompatibles = The dates do not match
candidature-motif-eloignement = The workplace is too far away
candidature-motif-offre_annulee = The offer has been cancelled

candidatures-title = My applications
candidatures-caption = Your applications, most recent first
candidatures-aucune = You have not sent any application yet.
candidatures-suivies = Their applications
candidatures-suivies-aucune = No application yet.
candidatures-voir-offres = See the offers
candidatures-offre-title = Applications: { $offre }
candidatures-offre-lead = Applications are ranked by how well the applicant's skills fit those of the offer; none is rejected automatically. Reply to each one: the applicant is told of each step.
candidatures-offre-caption = Applications received, from best fit to weakest
candidatures-offre-aucune = No application yet.

mail-candidature-recue-subject = New application: { $offre }
mail-candidature-recue-body =
    Hello,

    { $candidat } has applied for your offer “{ $offre }”.

    To read the application and reply:

    { $lien }

    Every applicant is waiting for a reply: the platform will remind you on the 7th and then on the 15th day.
mail-candidature-envoyee-subject = Application sent: { $offre }
mail-candidature-envoyee-body =
    Hello { $candidat },

    Your application for the offer “{ $offre }” ({ $employeur }) has been sent. You will be told of each step by e-mail.

    To follow it:

    { $lien }
mail-candidature-lue-subject = Your application has been read: { $offre }
mail-candidature-lue-body =
    Hello { $candidat },

    { $employeur } has read your application for the offer “{ $offre }”.

    { $lien }
mail-candidature-entretien-subject = Interview offered: { $offre }
mail-candidature-entretien-body =
    Hello { $candidat },

    { $employeur } is offering you an interview for the offer “{ $offre }”. The recruiter will contact you to set the date.

    { $lien }
mail-candidature-retenue-subject = Application accepted: { $offre }
mail-candidature-retenue-body =
    Hello { $candidat },

    Good news: { $employeur } has accepted your application for the offer “{ $offre }”.

    { $lien }
mail-candidature-non-retenue-subject = Reply to your application: { $offre }
mail-candidature-non-retenue-body =
    Hello { $candidat },

    { $employeur } has not accepted your application for the offer “{ $offre }”. Reason: { $motif }.

    Other similar offers are waiting for you:

    { $lien }
mail-candidature-retiree-recruteur-subject = Application withdrawn: { $offre }
mail-candidature-retiree-recruteur-body =
    Hello,

    { $candidat } has withdrawn their application for your offer “{ $offre }”.

    { $lien }
mail-candidature-relance-1-subject = Application awaiting a reply: { $offre }
mail-candidature-relance-1-body =
    Hello,

    The application from { $candidat } for your offer “{ $offre }” has been awaiting a reply for { $jours } days.

    To reply, even briefly:

    { $lien }
mail-candidature-relance-2-subject = Second reminder: application without a reply, { $offre }
mail-candidature-relance-2-body =
    Hello,

    The application from { $candidat } for your offer “{ $offre }” is still awaiting a reply, after { $jours } days.

    { $lien }
mail-candidature-relance-candidat-subject = Reminder from an applicant: { $offre }
mail-candidature-relance-candidat-body =
    Hello,

    { $candidat } is following up on their application for your offer “{ $offre }”, sent { $jours } days ago.

    { $lien }
