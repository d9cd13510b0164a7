## On-demand training modules

nav-modules = On-demand modules

module-mine-title = My module requests
module-mine-lead = Your organisations' requests for tailored training, and where they stand.
module-inbox-title = Requests sent to me
module-inbox-lead = The module requests the campus team sent you. Open one to propose a module or revise your proposal.
module-queue-title = Module requests to handle
module-queue-lead = Open requests first, oldest first, then closed requests.
module-list-empty = No request yet.
module-new = Request a training module
module-new-lead = Describe your company's training need: the campus team sends it to partner trainers, who make you a proposal.
module-sans-organisation = Your account belongs to no organisation. Ask your company's manager on the platform to add you, or contact the campus team.
module-organisation = Company
module-etat = Status
module-ma-proposition = My proposal
module-periode-souhaitee = Preferred period
module-periode = from { $debut } to { $fin }
module-sujets = Training topics
module-sujets-hint = Give at least one topic: a training field (Formacode) or a skill of the French job directory (ROME). The “Find a topic code” field above gives the codes from words.
module-field-intitule = Module title
module-field-intitule-hint = In a few words, for instance “Working in a clean room”.
module-field-besoin = Your need
module-field-besoin-hint = The context, the jobs concerned, what trainees must be able to do afterwards.
module-field-formacodes = Training fields (Formacode)
module-field-formacodes-hint = Their titles (for instance "salle blanche") or, if you know them, their 5-digit Formacodes, separated by commas.
module-field-competences = ROME skills
module-field-competences-hint = Their labels as shown on the job pages, or their OGR codes if you know them, separated by commas.
module-field-stagiaires = Number of trainees
module-field-lieu = Training place
module-lieu-delocalise = In the company (on site)
module-lieu-campus = On a campus site
module-field-adresse-hint = For a training in the company, give its address.
module-field-date-debut = At the earliest on
module-field-date-fin = At the latest on
module-field-date-hint = Format YYYY-MM-DD.
module-field-budget = Planned budget (€ incl. VAT)
module-field-budget-hint = Optional. Total amount, for instance 4500 or 4500.50.
module-recherche-sujet = Find a topic code
module-recherche-sujet-label = A word of the field or skill (for instance “clean room” in French: « salle blanche »)
module-recherche-sujet-submit = Search
module-recherche-sujet-aucun = No Formacode field and no ROME skill contains this text.
module-recherche-sujet-resultats = Topics containing “{ $texte }”
module-sujet-type = Referential
module-sujet-code = Code to copy
module-sujet-libelle = Label
module-submit-demande = Send the request

module-date-invalide = Enter a valid date in the format YYYY-MM-DD.
module-date-passee = The start date cannot be in the past.
module-fin-avant-debut = The end date must be on or after the start date.
module-hors-periode = The proposed dates must stay within the company's preferred period.
module-nombre-invalide = Enter a whole number of trainees.
module-stagiaires-non-positif = There must be at least 1 trainee.
module-trop-de-stagiaires = Too many trainees: 500 at most per request, and no more than the request planned.
module-montant-invalide = Enter an amount in euros, for instance 4500 or 4500.50.
module-montant-negatif = The amount cannot be negative.
module-duree-invalide = Enter a duration in whole hours, from 1 to 2000.
module-formacode-invalide = A Formacode code has 5 digits, for instance 42835.
module-sujet-inconnu = No topic of the referential matches "{ $texte }": try another word, or search for it above.
module-sujet-ambigu = Several topics match; copy the one you mean (or its code): { $choix }.
module-formacode-inconnu = The Formacode code { $code } does not exist in the referential.
module-competence-invalide = A ROME skill code is a number, for instance 100001.
module-competence-inconnue = The skill { $code } does not exist in the job directory.
module-trop-de-sujets = Too many topics: 5 Formacode codes and 10 skills at most.
module-sujet-manquant = Give at least one Formacode code or ROME skill.
module-numero-activite-invalide = The training body's declaration number has 11 digits.
module-lieu-invalide = Choose where the training takes place.
module-ligne-stagiaire = Line { $ligne }: write “First name Last name ; e-mail address”.
module-stagiaire-en-double = Line { $ligne }: this e-mail address is already in the list above.
module-liste-vide = Give at least one trainee.
module-organisation-invalide = Choose one of the companies your account belongs to.
module-formateur-invalide = Choose a trainer from the list.
module-proposition-invalide = Choose the proposal you accept.
module-decision-invalide = Unknown decision: accept a proposal or decline them.
module-public-invalide = Choose the trainees' public.

module-etat-demandee = Requested, waiting for the campus team
module-etat-orientee = Sent to trainers
module-etat-proposee = Proposal received
module-etat-acceptee = Proposal accepted
module-etat-refusee = Proposals declined
module-etat-programmee = Scheduled in the catalogue
module-etat-realisee = Done
module-etat-annulee = Cancelled
module-proposition-en-attente = Waiting for a decision
module-proposition-acceptee = Accepted
module-proposition-close = Closed
module-proposition-aucune = No proposal yet

module-action-demander = Request sent
module-action-orienter = Sent to a trainer
module-action-proposer = Proposal sent
module-action-accepter = Proposal accepted
module-action-refuser = Proposals declined
module-action-inscrire = Trainees registered
module-action-programmer = Scheduled in the catalogue
module-action-terminer = Module done
module-action-annuler = Request cancelled

module-notice-demande = Your request is recorded. The campus team will send it to partner trainers.
module-notice-orientee = The request was sent to the trainer, who is told by e-mail.
module-notice-proposition = Your proposal was sent to the company. You may revise it until they decide.
module-notice-acceptee = Proposal accepted. Now register your trainees.
module-notice-refusee = The proposals are declined and the request is closed.
module-notice-stagiaires = The trainee list is saved.
module-notice-programmee = The module is scheduled: it is in the catalogue and the trainees received their notice.
module-notice-realisee = The module is recorded as done.
module-notice-annulee = The request is cancelled.

module-motif-refus = Reason for declining
module-catalogue = In the catalogue
module-voir-session = See the training and its session
module-orientation = Trainers asked
module-aucun-formateur = The request was not sent to any trainer yet.
module-aucun-formateur-disponible = No other trainer has an account on the platform.
module-field-formateur = Trainer
module-submit-orienter = Send the request
module-propositions = Proposals
module-aucune-proposition = No proposal yet.
module-proposition-de = Proposal from { $nom }
module-version = revision { $version }
module-heures = { $heures ->
    [one] { $heures } hour
   *[other] { $heures } hours
}
module-dates-proposees = Proposed dates
module-decision = Your decision
module-choisir-proposition = Proposal chosen
module-submit-accepter = Accept this proposal
module-field-motif = Reason for declining the proposals
module-submit-refuser = Decline the proposals
module-proposer = Propose a module
module-reviser = Revise my proposal
module-field-objectifs = Learning objectives
module-field-contenu = Content and outline
module-field-duree = Duration (hours)
module-field-duree-hint = In whole hours, for instance 14 for two days.
module-field-prix = Total price (€ incl. VAT)
module-field-prix-hint = For the whole group.
module-field-lieu-nom = Place name
module-organisme = Training body
module-field-organisme-nom = Training body
module-field-nda = Declaration number
module-field-nda-hint = 11 digits, given by the regional prefecture.
module-submit-proposer = Send the proposal
module-submit-reviser = Save the revision
module-stagiaires = Registered trainees
module-aucun-stagiaire = No trainee registered yet.
module-field-liste = Trainee list
module-field-liste-hint = One trainee per line: First name Last name ; e-mail address. A new list replaces the previous one.
module-field-public = Trainees' public
module-submit-stagiaires = Save the list
module-programmation = Scheduling
module-programmer-lead = Scheduling the module publishes it in the catalogue (training, action and session, exported in LHÉO) and sends the trainees their notice.
module-submit-programmer = Schedule in the catalogue
module-submit-terminer = Mark as done
module-annuler = Cancel the request
module-field-motif-annulation = Reason for cancelling (optional)
module-submit-annuler = Cancel the request
module-historique = History

module-error-etat = This action is not possible at this stage of the request: it may have changed meanwhile. Reload the page.
module-error-close = The request is closed: no action is possible any more.
module-error-proposition = This proposal is no longer waiting for a decision.
module-error-sans-stagiaires = Register at least one trainee before scheduling the module.

mail-module-demande-subject = New module request: { $intitule }
mail-module-demande-body =
    Hello,

    { $organisation } requests a training module “{ $intitule }” (request sent by { $note }).

    To send it to partner trainers:

    { $lien }
mail-module-orientee-subject = Module request to study: { $intitule }
mail-module-orientee-body =
    Hello,

    The campus team sends you the module request “{ $intitule }” from { $organisation }.

    To read it and make a proposal:

    { $lien }
mail-module-suivi-subject = Your module request: { $intitule }
mail-module-suivi-body =
    Hello,

    The module request “{ $intitule }” from { $organisation } moved on: { $note }.

    { $lien }
mail-module-proposition-subject = Proposal received: { $intitule }
mail-module-proposition-body =
    Hello,

    { $note } made or revised a proposal for the module “{ $intitule }” of { $organisation }.

    To read it and decide:

    { $lien }
mail-module-acceptee-subject = Your proposal is accepted: { $intitule }
mail-module-acceptee-body =
    Hello,

    { $organisation } accepted your proposal for the module “{ $intitule }”. The campus team will schedule it in the catalogue.

    { $lien }
mail-module-close-subject = Proposal not chosen: { $intitule }
mail-module-close-body =
    Hello,

    { $organisation } chose another proposal for the module “{ $intitule }”. Thank you for your answer.

    { $lien }
mail-module-refusee-subject = Proposals declined: { $intitule }
mail-module-refusee-body =
    Hello,

    { $organisation } declined the proposals for the module “{ $intitule }”.

    Reason: { $note }

    { $lien }
mail-module-stagiaires-subject = Trainees registered: { $intitule }
mail-module-stagiaires-body =
    Hello,

    { $organisation } registered { $note } trainee(s) for the module “{ $intitule }”.

    { $lien }
mail-module-programmee-subject = Module scheduled: { $intitule }
mail-module-programmee-body =
    Hello,

    The module “{ $intitule }” of { $organisation } is scheduled and published in the campus catalogue.

    { $lien }
mail-module-convocation-subject = Training notice: { $intitule }
mail-module-convocation-body =
    Hello,

    { $organisation } registered you for the training module “{ $intitule }”.

    Dates and place: { $note }

    Campus CosmetoPharma Centre-Val de Loire
mail-module-realisee-subject = Module done: { $intitule }
mail-module-realisee-body =
    Hello,

    The module “{ $intitule }” of { $organisation } is recorded as done. Thank you all.

    { $lien }
mail-module-annulee-subject = Request cancelled: { $intitule }
mail-module-annulee-body =
    Hello,

    The module request “{ $intitule }” of { $organisation } is cancelled.

    { $note }

    { $lien }
