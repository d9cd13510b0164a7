## Projets du réseau : école–recherche, initiation à la recherche,
## pédagogiques industriels, We Lab.

nav-projets = Projets
search-kind-projet = Projet

projets-title = Projets du réseau
projets-lead = Projets école–recherche, initiation des lycéens à la recherche, projets pédagogiques industriels et jeunes entreprises du pré-incubateur We Lab : ce que les établissements, les laboratoires et les entreprises du campus font ensemble.
projets-mes-projets = Mes projets
projets-vitrine = Projets publics
projets-filtrer = Filtrer
projets-aucun = Aucun projet public pour l'instant.
projets-lies = Projets du réseau sur ce métier
projets-tous-types = Tous les types

projet-nouveau = Nouveau projet
projet-modifier = Modifier le projet
projet-enregistrer = Enregistrer le projet
projet-field-type = Type de projet
projet-field-type-hint = Le type fixe les étapes du projet ; il ne change plus ensuite.
projet-field-titre = Titre
projet-field-resume = Résumé
projet-field-resume-hint = De 20 à 3 000 caractères : la question, qui la porte, ce qui est attendu.
projet-field-resultats = Résultats
projet-field-dates = Période
projet-field-debut = Début
projet-field-fin = Fin
projet-field-organisations = Organisations partenaires
projet-field-metiers = Métiers concernés
projet-chercher-metier = Chercher un métier par son nom
projet-ajouter-liste = Ajouter à la liste
projet-ajoute-liste = ajouté à la liste
projet-field-metiers-hint = Un métier par ligne : tapez un intitulé d'emploi et choisissez parmi les suggestions (les codes ROME sont acceptés).
projet-field-certifications = Certifications concernées
projet-field-certifications-hint = Une certification par ligne : tapez son intitulé et choisissez parmi les suggestions (les codes RNCP et RS sont acceptés).
projet-field-equipements = Équipements de la plateforme technologique utilisés
projet-field-public = Publier le projet dans la vitrine du campus et la recherche du site
projet-periode = du { $debut } au { $fin }
projet-statut = Statut
projet-etape = Étape
projet-etapes = Étapes
projet-public-oui = oui
projet-public-non = non

projet-type-ecole_recherche = Projet école–recherche
projet-type-initiation_recherche = Initiation des lycéens à la recherche
projet-type-pedagogique_industriel = Projet pédagogique industriel
projet-type-we_lab = Projet We Lab (pré-incubation)
projet-etape-idee = Idée
projet-etape-exploration = Exploration
projet-etape-prototype = Prototype
projet-etape-transfert = Transfert ou création d'entreprise
projet-etape-sortie = Sortie du pré-incubateur
projet-etape-cadrage = Cadrage
projet-etape-realisation = Réalisation
projet-etape-restitution = Restitution
projet-etape-faite = étape franchie
projet-etape-courante = étape en cours
projet-etape-a-venir = étape à venir
projet-etape-etat-en_cours = en cours
projet-etape-etat-soumise = soumise à la revue de l'équipe du campus
projet-etape-etat-validee = validée
projet-livrable-enonce_probleme = Énoncé du problème
projet-livrable-etude_marche = Étude de marché
projet-livrable-rapport_prototype = Rapport de prototype
projet-livrable-decision_transfert = Décision de propriété intellectuelle et de transfert
projet-livrable-note_cadrage = Note de cadrage
projet-livrable-rapport_realisation = Rapport de réalisation
projet-livrable-support_restitution = Support de la restitution
projet-livrable-etat-depose = déposé, en attente de revue
projet-livrable-etat-refuse = à reprendre
projet-livrable-etat-accepte = accepté
projet-livrable-attendu = attendu
projet-role-porteur = Porteur ou porteuse du projet
projet-role-enseignant = Enseignant ou enseignante
projet-role-chercheur = Chercheur ou chercheuse
projet-role-tuteur_industriel = Tuteur ou tutrice industriel
projet-role-eleve = Élève ou étudiant de l'équipe
projet-role-invite = Invité ou invitée extérieure
projet-statut-en_cours = En cours
projet-statut-termine = Terminé
projet-statut-abandonne = Arrêté

projet-livrables-de = Livrables de l'étape « { $etape } »
projet-commentaire-revue = Demande de l'équipe du campus
projet-telecharger = télécharger
projet-soumettre = Soumettre l'étape à la revue
projet-soumettre-manquants = À déposer avant de soumettre :
projet-revue = Revue de l'étape
projet-refus = Livrables à reprendre
projet-commentaire = Commentaire pour l'équipe du projet
projet-valider = Valider l'étape
projet-demander-modifications = Demander des modifications
projet-membres = Membres
projet-equipe = Équipe
projet-invitation-en-attente = invitation en attente
projet-retirer = Retirer { $nom }
projet-ajouter-membre = Ajouter un membre ou inviter
projet-ajouter-membre-aide = Une adresse sans compte reçoit une invitation par courriel : la personne ne verra que ce projet.
projet-field-nom-invite = Nom
projet-field-nom-invite-hint = Pour une personne qui n'a pas encore de compte.
projet-field-role = Rôle dans le projet
projet-ajouter = Ajouter
projet-documents = Documents
projet-aucun-document = Aucun document pour l'instant.
projet-versions-de = Versions de « { $titre } »
projet-version = Version
projet-fichier = Fichier
projet-depose-par = Déposé par
projet-depose-le = Déposé le
projet-publication = Page publique
projet-publier = Publier
projet-depublier = Retirer de la page publique
projet-deposer = Déposer un document
projet-field-fichier = Fichier
projet-field-fichier-hint = PDF, document bureautique (Word, Excel, PowerPoint, OpenDocument) ou image (PNG, JPEG, WebP) de { $mo } Mo au plus.
projet-field-document-titre = Titre du document
projet-field-document-titre-hint = Facultatif : le nom du livrable ou du fichier sinon.
projet-field-livrable = Livrable auquel il répond
projet-aucun-livrable = Aucun
projet-field-serie = Nouvelle version de
projet-nouveau-document = Aucun : nouveau document
projet-field-document-public = Montrer ce document sur la page publique du projet
projet-deposer-bouton = Déposer
projet-jalons = Jalons
projet-aucun-jalon = Aucun jalon.
projet-jalon-atteint-le = atteint le { $date }
projet-jalon-en-retard = en retard
projet-jalon-marquer = Marquer « { $jalon } » comme atteint
projet-ajouter-jalon = Ajouter un jalon
projet-field-jalon-titre = Jalon
projet-field-jalon-echeance = Échéance
projet-historique = Historique
projet-abandonner = Arrêter le projet
projet-reprendre = Reprendre le projet
projet-fait-plateforme = la plateforme

projet-fait-cree = Projet créé par { $acteur }.
projet-fait-modifie = Projet modifié par { $acteur }.
projet-fait-membre_ajoute = { $acteur } a ajouté un membre.
projet-fait-membre_retire = { $acteur } a retiré un membre.
projet-fait-invite = { $acteur } a invité une personne extérieure.
projet-fait-document_depose = { $acteur } a déposé « { $detail } ».
projet-fait-etape_soumise = { $acteur } a soumis l'étape « { $etape } » à la revue.
projet-fait-etape_validee = { $acteur } a validé l'étape « { $etape } ».
projet-fait-modifications_demandees = { $acteur } a demandé de reprendre « { $livrable } » : { $detail }
projet-fait-jalon_ajoute = { $acteur } a ajouté le jalon { $detail }.
projet-fait-jalon_atteint = Jalon « { $detail } » atteint.
projet-fait-statut_change = Statut changé par { $acteur }.
projet-fait-reservation_rattachee = Réservation d'équipement rattachée par { $acteur }.
projet-fait-module_rattache = Module à la demande rattaché par { $acteur }.

projet-plateforme = Plateforme technologique
projet-plateforme-heures = Heures d'équipement confirmées pour ce projet : { $heures }.
projet-reservations = Réservations d'équipements rattachées
projet-duree = Durée
projet-modules = Modules à la demande rattachés
projet-rattacher-reservation = Rattacher une de vos réservations
projet-rattacher-module = Rattacher un module à la demande de votre organisation
projet-rattacher = Rattacher
projet-deja-rattache = Cette réservation ou ce module est déjà rattaché à un projet.
projet-rattachement-invalide = Choisissez une réservation ou un module.
projet-ok-rattache = Le rattachement est enregistré.
projet-fait-restitution_publiee = { $acteur } a publié la restitution : « { $detail } ».
projet-restitution = Restitution publique
projet-restitution-aide = Publiez la présentation finale du projet comme événement du campus : elle paraît dans l'agenda, avec ses inscriptions.
projet-restitution-voir = Voir l'événement de la restitution
projet-restitution-publier = Publier la restitution
projet-restitution-titre = Restitution : { $titre }
projet-restitution-sans-organisation = Rattachez d'abord une organisation au projet : elle organise l'événement.
projet-ok-restitution = La restitution est publiée dans l'agenda du campus.
projet-restitution-impossible = Ce projet ne peut pas publier de restitution : elle est déjà publiée, ou le projet n'est pas un projet scolaire.
projet-ok-cree = Le projet est créé. Ajoutez ses membres et ses jalons.
projet-ok-modifie = Le projet est enregistré.
projet-ok-statut = Le statut du projet est changé.
projet-ok-membre = La personne est ajoutée au projet et prévenue par courriel.
projet-ok-invitation = L'invitation est envoyée : la personne ne verra que ce projet.
projet-ok-retire = La personne est retirée du projet.
projet-ok-quitte = Vous avez quitté le projet.
projet-ok-document = Le document est déposé.
projet-ok-publication = La publication du document est changée.
projet-ok-jalon = Le jalon est ajouté.
projet-ok-jalonatteint = Le jalon est marqué comme atteint.
projet-ok-soumettre = L'étape est soumise à la revue de l'équipe du campus.
projet-ok-valider = L'étape est validée.
projet-ok-demandermodifications = La demande de modifications est envoyée à l'équipe du projet.

projet-type-inconnu = Choisissez le type de projet dans la liste.
projet-titre-invalide = Le titre compte de 5 à 150 caractères.
projet-resume-invalide = Le résumé compte de 20 à 3 000 caractères.
projet-texte-trop-long = Ce texte accepte au plus 3 000 caractères.
projet-date-invalide = Date invalide : utilisez le format AAAA-MM-JJ.
projet-fin-avant-debut = La fin ne peut pas précéder le début.
projet-duree-trop-longue = Un projet dure cinq ans au plus.
projet-echeance-passee = L'échéance est déjà passée.
projet-organisation-invalide = Choisissez des organisations de l'annuaire du réseau (20 au plus).
projet-equipement-invalide = Choisissez des équipements de la plateforme technologique (20 au plus).
projet-metier-inconnu = Aucun métier ne correspond à « { $texte } » : choisissez un intitulé parmi les suggestions.
projet-trop-de-liens = 20 au plus.
projet-role-invalide = Choisissez le rôle dans la liste.
projet-deja-membre = Cette personne est déjà membre du projet.
projet-dernier-porteur = Le projet garde au moins un porteur : ajoutez-en un autre avant de retirer celui-ci.
projet-type-fixe = Le type d'un projet ne change pas après sa création.
projet-perime = Le projet a été modifié entre-temps : rechargez la page et recommencez.
projet-statut-invalide = Statut inconnu.
projet-deja-termine = Ce projet est terminé : il ne peut pas être repris.
projet-jalon-deja-atteint = Ce jalon est déjà marqué comme atteint.
projet-action-invalide = Action inconnue sur l'étape.
projet-etape-invalide = Étape inconnue.
projet-livrable-invalide = Livrable inconnu : choisissez-le dans la liste.
projet-commentaire-trop-long = Le commentaire accepte au plus 4 000 caractères.
projet-commentaire-requis = Dites à l'équipe du projet ce qu'il faut reprendre.
projet-refus-vide = Cochez au moins un livrable à reprendre.
projet-refus-hors-etape = Seuls les livrables déposés de l'étape en cours peuvent être refusés.
projet-livrables-manquants = L'étape ne peut pas être soumise : déposez d'abord { $livrables }.
projet-etape-deja-decidee = Cette étape a déjà été décidée ou n'est pas soumise : rechargez la page pour voir son état.
projet-livrable-hors-etape = Ce livrable n'est pas demandé à l'étape en cours.
projet-etape-soumise = L'étape est soumise à la revue : ses livrables ne changent plus avant la décision.
projet-clos = Le projet n'est plus en cours.
projet-serie-inconnue = Choisissez un document de ce projet.
projet-document-manquant = Choisissez un fichier à déposer.
projet-document-titre-long = Le titre accepte au plus 200 caractères.

projets-tableau-title = Tableau de bord des projets
projets-tableau-lead = Projets par type et par étape, temps passé dans chaque étape, partenaires et élèves touchés. Le détail de chaque projet :
projets-tableau-csv = télécharger la liste (CSV)
projets-tableau-eleves = { $count ->
    [0] Aucun élève dans les projets d'initiation à la recherche.
    [one] 1 élève touché par les projets d'initiation à la recherche.
   *[other] { $count } élèves touchés par les projets d'initiation à la recherche.
}
projets-tableau-par-etape = Projets en cours par type et par étape
projets-tableau-par-statut = Projets par type et par statut
projets-tableau-durees = Temps moyen passé dans chaque étape validée
projets-tableau-jours = Jours en moyenne
projets-tableau-etapes-validees = Étapes validées
projets-tableau-par-organisation = Projets par organisation partenaire
projets-tableau-par-departement = Projets par département des partenaires
projets-tableau-nombre = Projets

csv-projet-titre = Titre
csv-projet-type = Type
csv-projet-etape = Étape
csv-projet-etat-etape = État de l'étape
csv-projet-statut = Statut
csv-projet-debut = Début
csv-projet-fin = Fin
csv-projet-etape-depuis = Dans l'étape depuis
csv-projet-organisations = Organisations
csv-projet-departements = Départements
csv-projet-membres = Membres
csv-projet-eleves = Élèves
csv-projet-public = Public

mail-projet-ajout-subject = Vous êtes membre du projet « { $titre } »
mail-projet-ajout-body =
    Bonjour { $nom },

    { $par } vous a ajouté au projet « { $titre } » ({ $role }).

    Le projet, ses documents et ses jalons :

    { $lien }
mail-projet-invitation-subject = Invitation au projet « { $titre } »
mail-projet-invitation-body =
    Bonjour { $nom },

    { $par } vous invite à rejoindre le projet « { $titre } » sur la plateforme du Campus CosmetoPharma Centre-Val de Loire ({ $role }). Vous y verrez ce projet seulement, ses documents et ses jalons.

    Pour choisir votre mot de passe (ce lien ne sert qu'une fois) :

    { $invitation }

    Puis le projet :

    { $lien }
mail-projet-soumise-subject = Étape à revoir : « { $titre } »
mail-projet-soumise-body =
    Bonjour,

    L'étape « { $etape } » du projet « { $titre } » est soumise à votre revue. { $note }

    { $lien }
mail-projet-validee-subject = Étape validée : « { $titre } »
mail-projet-validee-body =
    Bonjour,

    L'équipe du campus a validé l'étape « { $etape } » du projet « { $titre } ». { $note }

    { $lien }
mail-projet-modifications-subject = Modifications demandées : « { $titre } »
mail-projet-modifications-body =
    Bonjour,

    L'équipe du campus demande de reprendre des livrables de l'étape « { $etape } » du projet « { $titre } » :

    { $note }

    Déposez-en une nouvelle version puis soumettez de nouveau l'étape :

    { $lien }
mail-projet-jalon-subject = Jalon proche : { $jalon }
mail-projet-jalon-body =
    Bonjour { $nom },

    Le jalon « { $jalon } » du projet « { $titre } » arrive à échéance le { $echeance }.

    { $lien }
