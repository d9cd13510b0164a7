## Modules de formation à la demande

nav-modules = Modules à la demande

module-mine-title = Mes demandes de modules
module-mine-lead = Les demandes de formation sur mesure de vos organisations, et où elles en sont.
module-inbox-title = Demandes qui me sont adressées
module-inbox-lead = Les demandes de modules que l'équipe du campus vous a transmises. Ouvrez une demande pour proposer un module ou réviser votre proposition.
module-queue-title = Demandes de modules à traiter
module-queue-lead = Les demandes ouvertes d'abord, de la plus ancienne à la plus récente, puis les demandes closes.
module-list-empty = Aucune demande pour le moment.
module-new = Demander un module de formation
module-new-lead = Décrivez le besoin de formation de votre entreprise : l'équipe du campus le transmet aux formateurs partenaires, qui vous font une proposition.
module-sans-organisation = Votre compte n'est rattaché à aucune organisation. Demandez au responsable de votre entreprise sur la plateforme de vous y ajouter, ou contactez l'équipe du campus.
module-organisation = Entreprise
module-etat = État
module-ma-proposition = Ma proposition
module-periode-souhaitee = Période souhaitée
module-periode = du { $debut } au { $fin }
module-sujets = Thèmes de la formation
module-sujets-hint = Indiquez au moins un thème : un domaine de formation (Formacode) ou une compétence du répertoire des métiers (ROME). Le champ « Trouver un code de thème » ci-dessus donne les codes à partir de mots.
module-field-intitule = Intitulé du module
module-field-intitule-hint = En quelques mots, par exemple « Travailler en salle propre ».
module-field-besoin = Votre besoin
module-field-besoin-hint = Le contexte, les postes concernés, ce que les stagiaires doivent savoir faire à l'issue de la formation.
module-field-formacodes = Domaines de formation (Formacode)
module-field-formacodes-hint = Leurs intitulés (par exemple « salle blanche ») ou, si vous les connaissez, leurs codes Formacode à 5 chiffres, séparés par des virgules.
module-field-competences = Compétences ROME
module-field-competences-hint = Leurs libellés tels qu'ils figurent sur les fiches métiers, ou leurs codes OGR si vous les connaissez, séparés par des virgules.
module-field-stagiaires = Nombre de stagiaires
module-field-lieu = Lieu de la formation
module-lieu-delocalise = Dans l'entreprise (formation délocalisée)
module-lieu-campus = Sur un site du campus
module-field-adresse-hint = Pour une formation dans l'entreprise, indiquez son adresse.
module-field-date-debut = Au plus tôt le
module-field-date-fin = Au plus tard le
module-field-date-hint = Au format AAAA-MM-JJ.
module-field-budget = Budget envisagé (€ TTC)
module-field-budget-hint = Facultatif. Montant total, par exemple 4500 ou 4 500,50.
module-recherche-sujet = Trouver un code de thème
module-recherche-sujet-label = Mot du domaine ou de la compétence (par exemple « salle blanche », « lyophilisation »)
module-recherche-sujet-submit = Chercher
module-recherche-sujet-aucun = Aucun domaine Formacode ni aucune compétence ROME ne contient ce texte.
module-recherche-sujet-resultats = Thèmes contenant « { $texte } »
module-sujet-type = Référentiel
module-sujet-code = Code à reporter
module-sujet-libelle = Libellé
module-submit-demande = Envoyer la demande

module-date-invalide = Saisissez une date valide au format AAAA-MM-JJ.
module-date-passee = La date de début ne peut pas être dans le passé.
module-fin-avant-debut = La date de fin doit être postérieure ou égale à la date de début.
module-hors-periode = Les dates proposées doivent rester dans la période souhaitée par l'entreprise.
module-nombre-invalide = Saisissez un nombre entier de stagiaires.
module-stagiaires-non-positif = Le nombre de stagiaires doit être d'au moins 1.
module-trop-de-stagiaires = Trop de stagiaires : 500 au plus par demande, et pas plus que le nombre prévu dans la demande.
module-montant-invalide = Saisissez un montant en euros, par exemple 4500 ou 4 500,50.
module-montant-negatif = Le montant ne peut pas être négatif.
module-duree-invalide = Saisissez une durée en heures entières, de 1 à 2000.
module-formacode-invalide = Un code Formacode compte 5 chiffres, par exemple 42835.
module-sujet-inconnu = Aucun sujet du référentiel ne correspond à « { $texte } » : essayez un autre mot, ou cherchez-le ci-dessus.
module-sujet-ambigu = Plusieurs sujets correspondent ; recopiez celui qui convient (ou son code) : { $choix }.
module-formacode-inconnu = Le code Formacode { $code } n'existe pas dans le référentiel.
module-competence-invalide = Un code de compétence ROME est un nombre, par exemple 100001.
module-competence-inconnue = La compétence { $code } n'existe pas dans le répertoire des métiers.
module-trop-de-sujets = Trop de thèmes : 5 codes Formacode et 10 compétences au plus.
module-sujet-manquant = Indiquez au moins un code Formacode ou une compétence ROME.
module-numero-activite-invalide = Le numéro de déclaration d'activité compte 11 chiffres.
module-lieu-invalide = Choisissez où la formation doit avoir lieu.
module-ligne-stagiaire = Ligne { $ligne } : écrivez « Prénom Nom ; adresse e-mail ».
module-stagiaire-en-double = Ligne { $ligne } : cette adresse e-mail figure déjà plus haut dans la liste.
module-liste-vide = Indiquez au moins un stagiaire.
module-organisation-invalide = Choisissez une des entreprises auxquelles votre compte est rattaché.
module-formateur-invalide = Choisissez un formateur de la liste.
module-proposition-invalide = Choisissez la proposition que vous acceptez.
module-decision-invalide = Décision inconnue : acceptez une proposition ou refusez-les.
module-public-invalide = Choisissez le public des stagiaires.

module-etat-demandee = Demandée, en attente de l'équipe du campus
module-etat-orientee = Transmise aux formateurs
module-etat-proposee = Proposition reçue
module-etat-acceptee = Proposition acceptée
module-etat-refusee = Propositions refusées
module-etat-programmee = Programmée au catalogue
module-etat-realisee = Réalisée
module-etat-annulee = Annulée
module-proposition-en-attente = En attente de décision
module-proposition-acceptee = Acceptée
module-proposition-close = Close
module-proposition-aucune = Pas encore de proposition

module-action-demander = Demande envoyée
module-action-orienter = Transmise à un formateur
module-action-proposer = Proposition envoyée
module-action-accepter = Proposition acceptée
module-action-refuser = Propositions refusées
module-action-inscrire = Stagiaires inscrits
module-action-programmer = Programmée au catalogue
module-action-terminer = Module réalisé
module-action-annuler = Demande annulée

module-notice-demande = Votre demande est enregistrée. L'équipe du campus va la transmettre aux formateurs partenaires.
module-notice-orientee = La demande a été transmise au formateur, qui en est informé par e-mail.
module-notice-proposition = Votre proposition est envoyée à l'entreprise. Vous pouvez la réviser tant qu'elle n'a pas décidé.
module-notice-acceptee = Proposition acceptée. Inscrivez maintenant vos stagiaires.
module-notice-refusee = Les propositions sont refusées et la demande est close.
module-notice-stagiaires = La liste des stagiaires est enregistrée.
module-notice-programmee = Le module est programmé : il figure au catalogue et les stagiaires ont reçu leur convocation.
module-notice-realisee = Le module est enregistré comme réalisé.
module-notice-annulee = La demande est annulée.

module-motif-refus = Motif du refus
module-catalogue = Au catalogue
module-voir-session = Voir la formation et sa session
module-orientation = Formateurs sollicités
module-aucun-formateur = La demande n'a encore été transmise à aucun formateur.
module-aucun-formateur-disponible = Aucun autre formateur n'a de compte sur la plateforme.
module-field-formateur = Formateur
module-submit-orienter = Transmettre la demande
module-propositions = Propositions
module-aucune-proposition = Aucune proposition pour le moment.
module-proposition-de = Proposition de { $nom }
module-version = révision { $version }
module-heures = { $heures ->
    [one] { $heures } heure
   *[other] { $heures } heures
}
module-dates-proposees = Dates proposées
module-decision = Votre décision
module-choisir-proposition = Proposition retenue
module-submit-accepter = Accepter cette proposition
module-field-motif = Motif du refus des propositions
module-submit-refuser = Refuser les propositions
module-proposer = Proposer un module
module-reviser = Réviser ma proposition
module-field-objectifs = Objectifs pédagogiques
module-field-contenu = Contenu et déroulé
module-field-duree = Durée (heures)
module-field-duree-hint = En heures entières, par exemple 14 pour deux jours.
module-field-prix = Prix total (€ TTC)
module-field-prix-hint = Pour l'ensemble du groupe.
module-field-lieu-nom = Nom du lieu
module-organisme = Organisme de formation
module-field-organisme-nom = Organisme de formation
module-field-nda = Numéro de déclaration d'activité
module-field-nda-hint = 11 chiffres, attribué par la préfecture de région.
module-submit-proposer = Envoyer la proposition
module-submit-reviser = Enregistrer la révision
module-stagiaires = Stagiaires inscrits
module-aucun-stagiaire = Aucun stagiaire inscrit pour le moment.
module-field-liste = Liste des stagiaires
module-field-liste-hint = Un stagiaire par ligne : Prénom Nom ; adresse e-mail. Une nouvelle liste remplace la précédente.
module-field-public = Public des stagiaires
module-submit-stagiaires = Enregistrer la liste
module-programmation = Programmation
module-programmer-lead = Programmer le module le publie au catalogue (formation, action et session, exportées en LHÉO) et envoie leur convocation aux stagiaires.
module-submit-programmer = Programmer au catalogue
module-submit-terminer = Marquer comme réalisé
module-annuler = Annuler la demande
module-field-motif-annulation = Motif de l'annulation (facultatif)
module-submit-annuler = Annuler la demande
module-historique = Historique

module-error-etat = Cette action n'est pas possible à cette étape de la demande : elle a peut-être changé entre-temps. Rechargez la page.
module-error-close = La demande est close : plus aucune action n'est possible.
module-error-proposition = Cette proposition n'est plus en attente de décision.
module-error-sans-stagiaires = Inscrivez au moins un stagiaire avant de programmer le module.

mail-module-demande-subject = Nouvelle demande de module : { $intitule }
mail-module-demande-body =
    Bonjour,

    { $organisation } demande un module de formation « { $intitule } » (demande envoyée par { $note }).

    Pour la transmettre aux formateurs partenaires :

    { $lien }
mail-module-orientee-subject = Demande de module à étudier : { $intitule }
mail-module-orientee-body =
    Bonjour,

    L'équipe du campus vous transmet la demande de module « { $intitule } » de { $organisation }.

    Pour la consulter et faire une proposition :

    { $lien }
mail-module-suivi-subject = Votre demande de module : { $intitule }
mail-module-suivi-body =
    Bonjour,

    La demande de module « { $intitule } » de { $organisation } a avancé : { $note }.

    { $lien }
mail-module-proposition-subject = Proposition reçue : { $intitule }
mail-module-proposition-body =
    Bonjour,

    { $note } a fait ou révisé une proposition pour le module « { $intitule } » de { $organisation }.

    Pour la consulter et décider :

    { $lien }
mail-module-acceptee-subject = Votre proposition est acceptée : { $intitule }
mail-module-acceptee-body =
    Bonjour,

    { $organisation } a accepté votre proposition pour le module « { $intitule } ». L'équipe du campus va le programmer au catalogue.

    { $lien }
mail-module-close-subject = Proposition non retenue : { $intitule }
mail-module-close-body =
    Bonjour,

    { $organisation } a retenu une autre proposition pour le module « { $intitule } ». Merci pour votre réponse.

    { $lien }
mail-module-refusee-subject = Propositions refusées : { $intitule }
mail-module-refusee-body =
    Bonjour,

    { $organisation } a refusé les propositions pour le module « { $intitule } ».

    Motif : { $note }

    { $lien }
mail-module-stagiaires-subject = Stagiaires inscrits : { $intitule }
mail-module-stagiaires-body =
    Bonjour,

    { $organisation } a inscrit { $note } stagiaire(s) au module « { $intitule } ».

    { $lien }
mail-module-programmee-subject = Module programmé : { $intitule }
mail-module-programmee-body =
    Bonjour,

    Le module « { $intitule } » de { $organisation } est programmé et publié au catalogue du campus.

    { $lien }
mail-module-convocation-subject = Convocation : { $intitule }
mail-module-convocation-body =
    Bonjour,

    { $organisation } vous a inscrit au module de formation « { $intitule } ».

    Dates et lieu : { $note }

    Campus CosmetoPharma Centre-Val de Loire
mail-module-realisee-subject = Module réalisé : { $intitule }
mail-module-realisee-body =
    Bonjour,

    Le module « { $intitule } » de { $organisation } est enregistré comme réalisé. Merci à tous.

    { $lien }
mail-module-annulee-subject = Demande annulée : { $intitule }
mail-module-annulee-body =
    Bonjour,

    La demande de module « { $intitule } » de { $organisation } est annulée.

    { $note }

    { $lien }
