## Network projects: school–research, introduction to research,
## industrial teaching projects, We Lab.

nav-projets = Projects
search-kind-projet = Project

projets-title = Network projects
projets-lead = School–research projects, introducing upper secondary pupils to research, industrial teaching projects and start-ups from the We Lab pre-incubator: what the campus's schools, laboratories and companies do together.
projets-mes-projets = My projects
projets-vitrine = Public projects
projets-filtrer = Filter
projets-aucun = No public projects yet.
projets-lies = Network projects on this trade
projets-tous-types = All types

projet-nouveau = New project
projet-modifier = Edit the project
projet-enregistrer = Save the project
projet-field-type = Project type
projet-field-type-hint = The type sets the project's stages; it cannot be changed afterwards.
projet-field-titre = Title
projet-field-resume = Summary
projet-field-resume-hint = 20 to 3,000 characters: the question, who is leading it, what is expected.
projet-field-resultats = Results
projet-field-dates = Period
projet-field-debut = Start
projet-field-fin = End
projet-field-organisations = Partner organisations
projet-field-metiers = Occupations concerned
projet-chercher-metier = Find a trade by its name
projet-ajouter-liste = Add to the list
projet-ajoute-liste = added to the list
projet-field-metiers-hint = One occupation per line: type a job title and choose from the suggestions (ROME codes are accepted).
projet-field-certifications = Qualifications concerned
projet-field-certifications-hint = One qualification per line: type its title and choose from the suggestions (RNCP and RS codes are accepted).
projet-field-equipements = Technology platform equipment used
projet-field-public = Publish the project in the campus showcase and the site search
projet-periode = from { $debut } to { $fin }
projet-statut = Status
projet-etape = Stage
projet-etapes = Stages
projet-public-oui = yes
projet-public-non = no

projet-type-ecole_recherche = School–research project
projet-type-initiation_recherche = Introducing upper secondary pupils to research
projet-type-pedagogique_industriel = Industrial teaching project
projet-type-we_lab = We Lab project (pre-incubation)
projet-etape-idee = Idea
projet-etape-exploration = Exploration
projet-etape-prototype = Prototype
projet-etape-transfert = Transfer or company creation
projet-etape-sortie = Leaving the pre-incubator
projet-etape-cadrage = Scoping
projet-etape-realisation = Delivery
projet-etape-restitution = Presentation of results
projet-etape-faite = stage completed
projet-etape-courante = current stage
projet-etape-a-venir = upcoming stage
projet-etape-etat-en_cours = in progress
projet-etape-etat-soumise = submitted for review by the campus team
projet-etape-etat-validee = approved
projet-livrable-enonce_probleme = Problem statement
projet-livrable-etude_marche = Market study
projet-livrable-rapport_prototype = Prototype report
projet-livrable-decision_transfert = Intellectual property and transfer decision
projet-livrable-note_cadrage = Scoping note
projet-livrable-rapport_realisation = Delivery report
projet-livrable-support_restitution = Presentation materials
projet-livrable-etat-depose = uploaded, awaiting review
projet-livrable-etat-refuse = to be revised
projet-livrable-etat-accepte = accepted
projet-livrable-attendu = expected
projet-role-porteur = Project lead
projet-role-enseignant = Teacher
projet-role-chercheur = Researcher
projet-role-tuteur_industriel = Industry tutor
projet-role-eleve = Pupil or student in the team
projet-role-invite = External guest
projet-statut-en_cours = In progress
projet-statut-termine = Completed
projet-statut-abandonne = Stopped

projet-livrables-de = Deliverables for the stage “{ $etape }”
projet-commentaire-revue = Request from the campus team
projet-telecharger = download
projet-soumettre = Submit the stage for review
projet-soumettre-manquants = To upload before submitting:
projet-revue = Stage review
projet-refus = Deliverables to be revised
projet-commentaire = Comment for the project team
projet-valider = Approve the stage
projet-demander-modifications = Request changes
projet-membres = Members
projet-equipe = Team
projet-invitation-en-attente = invitation pending
projet-retirer = Remove { $nom }
projet-ajouter-membre = Add a member or invite someone
projet-ajouter-membre-aide = An address with no account receives an invitation by e-mail: the person will see only this project.
projet-field-nom-invite = Name
projet-field-nom-invite-hint = For someone who does not have an account yet.
projet-field-role = Role in the project
projet-ajouter = Add
projet-documents = Documents
projet-aucun-document = No documents yet.
projet-versions-de = Versions of “{ $titre }”
projet-version = Version
projet-fichier = File
projet-depose-par = Uploaded by
projet-depose-le = Uploaded on
projet-publication = Public page
projet-publier = Publish
projet-depublier = Remove from the public page
projet-deposer = Upload a document
projet-field-fichier = File
projet-field-fichier-hint = PDF, office document (Word, Excel, PowerPoint, OpenDocument) or image (PNG, JPEG, WebP) of { $mo } MB at most.
projet-field-document-titre = Document title
projet-field-document-titre-hint = Optional: otherwise the name of the deliverable or of the file.
projet-field-livrable = Deliverable it responds to
projet-aucun-livrable = None
projet-field-serie = New version of
projet-nouveau-document = None: new document
projet-field-document-public = Show this document on the project's public page
projet-deposer-bouton = Upload
projet-jalons = Milestones
projet-aucun-jalon = No milestones.
projet-jalon-atteint-le = reached on { $date }
projet-jalon-en-retard = overdue
projet-jalon-marquer = Mark “{ $jalon }” as reached
projet-ajouter-jalon = Add a milestone
projet-field-jalon-titre = Milestone
projet-field-jalon-echeance = Due date
projet-historique = History
projet-abandonner = Stop the project
projet-reprendre = Resume the project
projet-fait-plateforme = the platform

projet-fait-cree = Project created by { $acteur }.
projet-fait-modifie = Project edited by { $acteur }.
projet-fait-membre_ajoute = { $acteur } added a member.
projet-fait-membre_retire = { $acteur } removed a member.
projet-fait-invite = { $acteur } invited an external person.
projet-fait-document_depose = { $acteur } uploaded “{ $detail }”.
projet-fait-etape_soumise = { $acteur } submitted the stage “{ $etape }” for review.
projet-fait-etape_validee = { $acteur } approved the stage “{ $etape }”.
projet-fait-modifications_demandees = { $acteur } asked for “{ $livrable }” to be revised: { $detail }
projet-fait-jalon_ajoute = { $acteur } added the milestone { $detail }.
projet-fait-jalon_atteint = Milestone “{ $detail }” reached.
projet-fait-statut_change = Status changed by { $acteur }.
projet-fait-reservation_rattachee = Equipment booking linked by { $acteur }.
projet-fait-module_rattache = On-demand module linked by { $acteur }.

projet-plateforme = Technology platform
projet-plateforme-heures = Confirmed equipment hours for this project: { $heures }.
projet-reservations = Equipment bookings attached
projet-duree = Duration
projet-modules = On-demand modules attached
projet-rattacher-reservation = Attach one of your bookings
projet-rattacher-module = Attach an on-demand module of your organisation
projet-rattacher = Attach
projet-deja-rattache = This booking or module is already attached to a project.
projet-rattachement-invalide = Choose a booking or a module.
projet-ok-rattache = The attachment is saved.
projet-fait-restitution_publiee = { $acteur } published the final presentation: “{ $detail }”.
projet-restitution = Public presentation
projet-restitution-aide = Publish the project's final presentation as a campus event: it appears in the agenda, with its registrations.
projet-restitution-voir = See the presentation's event
projet-restitution-publier = Publish the presentation
projet-restitution-titre = Final presentation: { $titre }
projet-restitution-sans-organisation = First link an organisation to the project: it organises the event.
projet-ok-restitution = The final presentation is published in the campus agenda.
projet-restitution-impossible = This project cannot publish a final presentation: it is already published, or the project is not a school project.
projet-ok-cree = The project has been created. Add its members and milestones.
projet-ok-modifie = The project has been saved.
projet-ok-statut = The project's status has been changed.
projet-ok-membre = The person has been added to the project and informed by e-mail.
projet-ok-invitation = The invitation has been sent: the person will see only this project.
projet-ok-retire = The person has been removed from the project.
projet-ok-quitte = You have left the project.
projet-ok-document = The document has been uploaded.
projet-ok-publication = The document's publication has been changed.
projet-ok-jalon = The milestone has been added.
projet-ok-jalonatteint = The milestone has been marked as reached.
projet-ok-soumettre = The stage has been submitted for review by the campus team.
projet-ok-valider = The stage has been approved.
projet-ok-demandermodifications = The request for changes has been sent to the project team.

projet-type-inconnu = Choose the project type from the list.
projet-titre-invalide = The title must be 5 to 150 characters long.
projet-resume-invalide = The summary must be 20 to 3,000 characters long.
projet-texte-trop-long = This text accepts 3,000 characters at most.
projet-date-invalide = Invalid date: use the format YYYY-MM-DD.
projet-fin-avant-debut = The end cannot be before the start.
projet-duree-trop-longue = A project lasts five years at most.
projet-echeance-passee = The due date has already passed.
projet-organisation-invalide = Choose organisations from the network directory (20 at most).
projet-equipement-invalide = Choose equipment from the technology platform (20 items at most).
projet-metier-inconnu = No occupation matches “{ $texte }”: choose a title from the suggestions.
projet-trop-de-liens = 20 at most.
projet-role-invalide = Choose the role from the list.
projet-deja-membre = This person is already a member of the project.
projet-dernier-porteur = The project must keep at least one lead: add another before removing this one.
projet-type-fixe = A project's type cannot be changed after it has been created.
projet-perime = The project has been changed in the meantime: reload the page and try again.
projet-statut-invalide = Unknown status.
projet-deja-termine = This project is completed: it cannot be resumed.
projet-jalon-deja-atteint = This milestone is already marked as reached.
projet-action-invalide = Unknown action on the stage.
projet-etape-invalide = Unknown stage.
projet-livrable-invalide = Unknown deliverable: choose it from the list.
projet-commentaire-trop-long = The comment accepts 4,000 characters at most.
projet-commentaire-requis = Tell the project team what needs to be revised.
projet-refus-vide = Tick at least one deliverable to be revised.
projet-refus-hors-etape = Only uploaded deliverables of the current stage can be rejected.
projet-livrables-manquants = The stage cannot be submitted: first upload { $livrables }.
projet-etape-deja-decidee = A decision has already been made on this stage, or it has not been submitted: reload the page to see its state.
projet-livrable-hors-etape = This deliverable is not required at the current stage.
projet-etape-soumise = The stage has been submitted for review: its deliverables cannot change until the decision.
projet-clos = The project is no longer in progress.
projet-serie-inconnue = Choose a document from this project.
projet-document-manquant = Choose a file to upload.
projet-document-titre-long = The title accepts 200 characters at most.

projets-tableau-title = Projects dashboard
projets-tableau-lead = Projects by type and by stage, time spent in each stage, partners and pupils reached. The details of each project:
projets-tableau-csv = download the list (CSV)
projets-tableau-eleves = { $count ->
    [0] No pupils in the introduction to research projects.
    [one] 1 pupil reached by the introduction to research projects.
   *[other] { $count } pupils reached by the introduction to research projects.
}
projets-tableau-par-etape = Projects in progress by type and by stage
projets-tableau-par-statut = Projects by type and by status
projets-tableau-durees = Average time spent in each approved stage
projets-tableau-jours = Average days
projets-tableau-etapes-validees = Approved stages
projets-tableau-par-organisation = Projects by partner organisation
projets-tableau-par-departement = Projects by partners' département
projets-tableau-nombre = Projects

csv-projet-titre = Title
csv-projet-type = Type
csv-projet-etape = Stage
csv-projet-etat-etape = Stage state
csv-projet-statut = Status
csv-projet-debut = Start
csv-projet-fin = End
csv-projet-etape-depuis = In the stage since
csv-projet-organisations = Organisations
csv-projet-departements = Départements
csv-projet-membres = Members
csv-projet-eleves = Pupils
csv-projet-public = Public

mail-projet-ajout-subject = You are a member of the project “{ $titre }”
mail-projet-ajout-body =
    Hello { $nom },

    { $par } has added you to the project “{ $titre }” ({ $role }).

    The project, its documents and its milestones:

    { $lien }
mail-projet-invitation-subject = Invitation to the project “{ $titre }”
mail-projet-invitation-body =
    Hello { $nom },

    { $par } invites you to join the project “{ $titre }” on the Campus CosmetoPharma Centre-Val de Loire platform ({ $role }). There you will see only this project, its documents and its milestones.

    To choose your password (this link can be used only once):

    { $invitation }

    Then the project:

    { $lien }
mail-projet-soumise-subject = Stage to review: “{ $titre }”
mail-projet-soumise-body =
    Hello,

    The stage “{ $etape }” of the project “{ $titre }” has been submitted for your review. { $note }

    { $lien }
mail-projet-validee-subject = Stage approved: “{ $titre }”
mail-projet-validee-body =
    Hello,

    The campus team has approved the stage “{ $etape }” of the project “{ $titre }”. { $note }

    { $lien }
mail-projet-modifications-subject = Changes requested: “{ $titre }”
mail-projet-modifications-body =
    Hello,

    The campus team asks for deliverables of the stage “{ $etape }” of the project “{ $titre }” to be revised:

    { $note }

    Upload a new version, then submit the stage again:

    { $lien }
mail-projet-jalon-subject = Milestone approaching: { $jalon }
mail-projet-jalon-body =
    Hello { $nom },

    The milestone “{ $jalon }” of the project “{ $titre }” is due on { $echeance }.

    { $lien }
