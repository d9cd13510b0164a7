## European mobility (lever 7)

mobilite-title = European mobility
mobilite-lead = Work placements, study periods and assignments in a partner establishment in Europe, for the campus's pupils, apprentices and students as well as its teachers and trainers.
mobilite-nouvelle-offre = Publish a mobility offer
mobilite-nouveau-partenaire = Add a partner establishment abroad
mobilite-filtres = Filter the mobility offers
mobilite-field-pays = Country
mobilite-field-public = Public
mobilite-field-duree = Duration
mobilite-filtre-tous-pays = All countries
mobilite-filtre-tous-publics = All publics
mobilite-filtre-toutes-durees = Any duration
mobilite-filtre-duree-31 = Up to one month
mobilite-filtre-duree-92 = Up to three months
mobilite-filtre-duree-365 = Up to one year
mobilite-filtrer = Filter
mobilite-offres = Mobility offers
mobilite-offres-count = { $count ->
    [0] No open mobility offer.
    [one] 1 open mobility offer.
   *[other] { $count } open mobility offers.
}
mobilite-partenaires = Partner establishments abroad
mobilite-jours = { $count ->
    [one] 1 day
   *[other] { $count } days
}
mobilite-places = { $count ->
    [0] No place left
    [one] 1 place left
   *[other] { $count } places left
}
mobilite-limite = Applications until { $date }
mobilite-dates = from { $debut } to { $fin }
mobilite-ages = from { $min } to { $max } years old at departure
mobilite-langues = Languages: { $langues }
mobilite-metiers = Trades hosted: { $metiers }
mobilite-retour = All mobility offers

mobilite-public-apprenants = Pupils, apprentices and students
mobilite-public-personnels = Teachers and trainers
mobilite-nature-stage = Work placement
mobilite-nature-periode_etudes = Study period
mobilite-nature-observation = Job shadowing
mobilite-nature-enseignement = Teaching or training assignment
mobilite-financement-erasmus_plus = Erasmus+
mobilite-financement-autre = Other funding
mobilite-consentement-sans_objet = Not needed (of age at departure)
mobilite-consentement-attendu = Parent's consent awaited
mobilite-consentement-donne = Parent's consent given
mobilite-consentement-refuse = The parent refused the mobility
mobilite-consentement-donne-par = Consent given by { $nom }

mobilite-fact-nature = Kind of mobility
mobilite-fact-hote = Host establishment
mobilite-fact-dates = Dates
mobilite-fact-financement = Funding
mobilite-fact-places = Places
mobilite-fact-limite = Application deadline
mobilite-fact-ages = Age
mobilite-fact-niveau = Level required
mobilite-fact-metier = Trade
mobilite-fact-contact = Host contact
mobilite-fact-candidat = Applicant
mobilite-fact-etat = Application
mobilite-fact-certification = Certification prepared
mobilite-fact-accord-ecole = Sending establishment's approval
mobilite-fact-accord-hote = Host establishment's approval
mobilite-fact-consentement = Parent's consent
mobilite-description = Description
mobilite-ma-candidature = Follow my application
mobilite-fermee = This offer no longer takes applications.
mobilite-candidater = Apply
mobilite-connexion-pour-candidater = Sign in to apply
mobilite-field-naissance = Date of birth
mobilite-field-naissance-hint = To check the age required and, for a minor at departure, ask a parent's consent.
mobilite-field-parent = A parent's e-mail address
mobilite-field-parent-hint = Required if you will be under 18 at departure: the parent receives a link to consent.
mobilite-field-certification = Certification you are preparing
mobilite-field-certification-hint = Type the title of your diploma and pick it from the suggestions.
mobilite-field-moins-opportunites = I wish to be supported as a participant with fewer opportunities under Erasmus+ (disability, economic, social or geographical difficulties).

mobilite-suivi-title = My European mobility
mobilite-voir-candidature = see the application
mobilite-en-attente = awaited
mobilite-accord-le = given on { $date }
mobilite-accord-hote-par = given on { $date } by { $nom }
mobilite-confirmee = The mobility is confirmed.
mobilite-confirmable = Every approval is there: the mobility may be confirmed from the application.
mobilite-avant-confirmation = Before the mobility can be confirmed: { $manque }
mobilite-manque-contrat = the learning agreement is not drawn up yet.
mobilite-manque-accord-ecole = the sending establishment has not approved the learning agreement yet.
mobilite-manque-accord-hote = the host establishment has not approved the learning agreement yet.
mobilite-manque-consentement = a parent's consent is required for a minor, and it was not given.
mobilite-contrat = Learning agreement
mobilite-contrat-vide = No skill chosen yet.
mobilite-contrat-choisir = Skills to acquire during the mobility, among those of the certification prepared
mobilite-contrat-enregistrer = Save the learning agreement
mobilite-contrat-personnels = For staff, the agreement is the mobility's programme described in the offer.
mobilite-contrat-fige = The learning agreement can no longer change: the sending establishment approved it.
mobilite-contrat-sans-certification = This application prepares no certification: no skills to choose.
mobilite-approuver-ecole = Approve the learning agreement (sending establishment)
mobilite-accord-deja = This approval was already given.
mobilite-europass = Europass Mobility
mobilite-europass-apres-retour = The Europass Mobility document is drawn up by the sending establishment after return.
mobilite-europass-telecharger = Download the Europass Mobility document (PDF)
mobilite-acquis-choisir = Skills acquired during the mobility
mobilite-acquis-enregistrer = Record the skills and draw up the Europass Mobility
mobilite-acquis-deja = This mobility's skills are already recorded.
mobilite-field-mentor = Mentor in the host establishment
mobilite-mentor = Mentor: { $nom }
mobilite-organisation-envoi-campus = Campus des métiers et des qualifications d'excellence CosmetoPharma Centre-Val de Loire

mobilite-ok-envoyee = Your application is sent. Now choose the skills of your learning agreement.
mobilite-ok-contrat = Learning agreement saved.
mobilite-ok-ecole = Learning agreement approved; the host establishment received a link to approve it in turn.
mobilite-ok-europass = Skills recorded; the Europass Mobility document is ready.
mobilite-ok-offre = Mobility offer published.

mobilite-accueil-title = Learning agreement to approve
mobilite-accueil-lead = The learning agreement of { $candidat } was approved by the sending establishment and awaits your approval.
mobilite-accueil-accord = On behalf of the host establishment, I approve the learning agreement of { $candidat }.
mobilite-accueil-submit = Approve the learning agreement
mobilite-accueil-fait = Learning agreement approved by { $nom }. Thank you.
mobilite-accueil-attente-ecole = The sending establishment has not approved this learning agreement yet.
mobilite-accord-requis = Tick the box to give your approval.
mobilite-consentement-title = Parent's consent to a mobility abroad
mobilite-consentement-lead = { $candidat }, a minor at departure, applied to a mobility abroad. It cannot be confirmed without your consent.
mobilite-consentement-accord = I allow { $candidat } to go abroad on the dates shown.
mobilite-consentement-submit = Give my consent
mobilite-consentement-refuser = Refuse the mobility
mobilite-field-signataire = Your full name

mobilite-error-pays-inconnu = Unknown country: pick it from the list or give its two-letter code (DE, ES…).
mobilite-error-pays-france = A partner establishment abroad cannot be in France.
mobilite-error-date = Invalid date: write it DD/MM/YYYY.
mobilite-error-duree-nulle = The mobility must last at least one day: the end date is the start date.
mobilite-error-fin-avant-debut = The end date is before the start date.
mobilite-error-trop-courte = This mobility is too short: at least 14 days for learners, 2 days for staff.
mobilite-error-trop-longue = This mobility is too long: at most 12 months (365 days) for learners, 2 months (60 days) for staff.
mobilite-error-limite-apres-debut = The application deadline must come before the mobility starts.
mobilite-error-limite-passee = The application deadline has already passed.
mobilite-error-age = The age must be a number between 14 and 99.
mobilite-error-ages = The minimum age is above the maximum age.
mobilite-error-naissance = Invalid date of birth.
mobilite-error-places = The number of places must be between 1 and 500.
mobilite-error-partenaire = Choose the host establishment among the partners abroad.
mobilite-error-nature = Choose the kind of mobility.
mobilite-error-debut-passe = The mobility must start after today.
mobilite-error-financement-nom = Name the funding (regional programme, foundation…).
mobilite-error-niveau = The level must be a number from 3 to 8.
mobilite-error-metier-inconnu = Trade not found: “{ $texte }”. Type a job title and pick it from the suggestions.
mobilite-error-apres-limite = Applications to this mobility closed on { $date }.
mobilite-error-age-offre = You will be { $age } at departure: this mobility is open from { $min } to { $max }.
mobilite-error-parent-requis = You will be a minor at departure: give a parent's e-mail address, who will receive the consent request.
mobilite-error-certification-requise = Give the certification you are preparing.
mobilite-error-niveau-offre = This mobility is for learners preparing a level { $niveau } certification.
mobilite-error-contrat-vide = Choose at least one skill to acquire.
mobilite-error-competence-hors-certification = The skill “{ $code }” does not belong to the certification prepared: the learning agreement only takes its skills.
mobilite-error-acquise-hors-contrat = A skill acquired must be in the learning agreement.
mobilite-error-non-confirmee = This mobility was not confirmed.
mobilite-error-pas-terminee = The mobility is not over: skills are recorded after return.

mobilite-tableau-title = European mobility: dashboard
mobilite-tableau-lead = Confirmed mobilities of the school year { $annee }.
mobilite-tableau-csv = Download the file for the Erasmus+ beneficiary report (CSV)
mobilite-tableau-part-title = Share of learners gone abroad
mobilite-tableau-part = { $part } % of the campus's learners (European target: { $cible } %)
mobilite-tableau-part-detail = { $partis } learners gone abroad out of { $connus } learners known to the platform.
mobilite-tableau-cible-atteinte = The target is reached.
mobilite-tableau-cible-non-atteinte = The target is not reached yet.
mobilite-tableau-definition = Numerator: distinct learners with a confirmed mobility starting in the school year (1 September – 31 August). Denominator: the platform's active learner accounts.
mobilite-tableau-participants = { $count ->
    [0] No confirmed mobility.
    [one] 1 confirmed mobility.
   *[other] { $count } confirmed mobilities.
}
mobilite-tableau-valeur = Value
mobilite-tableau-nombre = Participants
mobilite-tableau-par-nature = Participants by kind of mobility
mobilite-tableau-par-niveau = Participants by level
mobilite-tableau-par-metier = Participants by trade
mobilite-tableau-par-pays = Participants by host country
mobilite-tableau-par-duree = Participants by duration
mobilite-tableau-par-financement = Participants by funding
mobilite-tranche-courte = Under 14 days
mobilite-tranche-moyenne = 14 to 89 days
mobilite-tranche-longue = 90 days or more
mobilite-niveau-n = Level { $niveau }
mobilite-niveau-aucun = Level not given
mobilite-metier-aucun = Trade not given

csv-mobilite-participant = Participant ID
csv-mobilite-public = Public
csv-mobilite-activite = Activity type
csv-mobilite-pays = Receiving country
csv-mobilite-debut = Start date
csv-mobilite-fin = End date
csv-mobilite-duree = Duration (days)
csv-mobilite-financement = Funding
csv-mobilite-niveau = Level
csv-mobilite-domaine = Field (ROME code)
csv-mobilite-moins-opportunites = Fewer opportunities
csv-mobilite-oui = Yes
csv-mobilite-non = No

mobilite-partenaire-form-title = New partner establishment abroad
mobilite-offre-form-title = New mobility offer
mobilite-offre-form-lead = Learners: 14 days to 12 months; staff: 2 days to 2 months. The duration counts from the start day to the end day.
mobilite-choisir = Choose…
mobilite-enregistrer = Save
mobilite-field-ville = City
mobilite-field-description = Presentation
mobilite-field-site = Web site
mobilite-field-langues = Working languages
mobilite-field-langues-hint = Two-letter codes separated by commas: de, en, es…
mobilite-field-metiers = Trades hosted
mobilite-field-niveaux = Levels hosted
mobilite-field-niveaux-hint = From 3 (CAP) to 8 (doctorate), separated by commas: 3, 4, 5
mobilite-field-contact-nom = Host contact's name
mobilite-field-contact-email = Host contact's e-mail address
mobilite-field-contact-email-hint = The contact receives the learning agreements to approve through a link, without an account.
mobilite-field-partenaire = Host establishment
mobilite-field-intitule = Title
mobilite-field-nature-hint = Placement and study period for learners; job shadowing and teaching assignment for staff.
mobilite-field-debut = Start date
mobilite-field-fin = End date
mobilite-field-fin-hint = A three-week mobility from 1 to 22 March lasts 21 days.
mobilite-field-financement-nom = Funding's name
mobilite-field-financement-nom-hint = Required for funding other than Erasmus+.
mobilite-field-age-min = Minimum age at departure
mobilite-field-age-max = Maximum age at departure
mobilite-field-niveau-hint = Leave empty if every level is accepted.
mobilite-field-metier-hint = Type a job title and pick it from the suggestions.

nav-mobilite = European mobility
field-org-pays = Country
organisations-tous-pays = All countries

mail-mobilite-consentement-subject = Your consent is asked: { $candidat }'s mobility abroad
mail-mobilite-consentement-body =
    Hello,

    { $candidat } applied to a mobility abroad: “{ $offre }”, at { $hote } in { $ville } ({ $pays }), from { $debut } to { $fin }.

    As { $candidat } will be a minor at departure, the mobility cannot be confirmed without a parent's consent. To give or refuse your consent:

    { $lien }
mail-mobilite-accueil-subject = Learning agreement to approve: { $candidat }
mail-mobilite-accueil-body =
    Hello,

    The sending establishment approved the learning agreement of { $candidat } for “{ $offre }”, from { $debut } to { $fin }.

    To read it and approve it in turn (no account needed):

    { $lien }
mail-mobilite-accord-ecole-subject = Learning agreement approved: { $offre }
mail-mobilite-accord-ecole-body =
    Hello,

    Your establishment approved your learning agreement for “{ $offre }”. The host establishment, { $hote }, is asked to approve it in turn.

    { $lien }
mail-mobilite-accord-hote-subject = The host establishment approved your agreement: { $offre }
mail-mobilite-accord-hote-body =
    Hello,

    { $hote } approved your learning agreement for “{ $offre }”, from { $debut } to { $fin }.

    { $lien }
mail-mobilite-consentement-donne-subject = Parent's consent given: { $offre }
mail-mobilite-consentement-donne-body =
    Hello,

    Your parent consented to your mobility “{ $offre }” in { $ville } ({ $pays }).

    { $lien }
mail-mobilite-consentement-refuse-subject = Parent's consent refused: { $offre }
mail-mobilite-consentement-refuse-body =
    Hello,

    Your parent refused your mobility “{ $offre }”: it cannot be confirmed.

    { $lien }
