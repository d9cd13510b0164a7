## Données personnelles : accès, effacement, traitements

donnees-titre = Mes données
donnees-intro = Téléchargez tout ce que la plateforme conserve à votre sujet (compte, organisations, inscriptions, réservations, habilitations, parcours, demandes de modules, jetons, connexions, e-mails, journal), au format JSON.
donnees-telecharger = Télécharger mes données
donnees-supprimer = Supprimer mon compte

suppression-title = Supprimer mon compte
suppression-intro = La suppression est définitive. Voici ce qui se passera :
suppression-effet-compte = votre compte est fermé : vous êtes déconnecté·e, votre nom, votre adresse, votre mot de passe, vos jetons, vos habilitations, vos parcours enregistrés et vos adhésions aux organisations sont effacés ;
suppression-effet-inscriptions = { $count ->
    [0] vous n'avez aucune inscription à venir ;
    [one] votre inscription à venir est annulée et sa place proposée à la liste d'attente ;
   *[other] vos { $count } inscriptions à venir sont annulées et leurs places proposées à la liste d'attente ;
}
suppression-effet-reservations = { $count ->
    [0] vous n'avez aucune réservation d'équipement à venir ;
    [one] votre réservation d'équipement à venir est annulée ;
   *[other] vos { $count } réservations d'équipement à venir sont annulées ;
}
suppression-effet-statistiques = ce que vous avez fait reste compté dans les statistiques du campus (participants d'un événement, heures d'un équipement), sans rien qui permette de vous reconnaître.
suppression-telecharger-avant = pour en garder une copie, téléchargez vos données avant de supprimer votre compte.
suppression-transmettre-titre = À transmettre d'abord
suppression-a-transmettre = Vous êtes responsable d'événements à venir ou d'équipements : demandez à l'équipe du campus de les confier à une autre personne, puis revenez supprimer votre compte.
suppression-a-transmettre-detail = À confier d'abord à une autre personne : { $liste }.
suppression-confirmation = Je comprends que mon compte et mes données seront supprimés définitivement.
suppression-confirmation-requise = Cochez la case pour confirmer la suppression.
suppression-submit = Supprimer définitivement mon compte
suppression-retour = Revenir à mon compte
suppression-faite = Votre compte a été supprimé et vos données personnelles effacées.

mail-inactivite-sujet = Votre compte sera supprimé faute d'utilisation
mail-inactivite-corps = Bonjour { $nom },

    Vous ne vous êtes pas connecté·e à la plateforme du Campus CosmetoPharma depuis longtemps. Pour ne pas conserver vos données sans raison, votre compte et vos données personnelles seront supprimés dans { $jours } jours.

    Pour garder votre compte, il suffit de vous connecter avant cette date : { $url }/connexion

    L'équipe du Campus CosmetoPharma Centre-Val de Loire

traitements-title = Données personnelles
traitements-intro = Voici chaque traitement de données personnelles de la plateforme : pourquoi, sur quelle base légale, quelles données, combien de temps et pour qui. Aucune donnée n'est vendue ni utilisée à des fins publicitaires ; aucun traceur n'est déposé, seulement des cookies techniques (session, protection des formulaires, langue). Les mots de passe sont conservés sous forme d'empreinte argon2id, que personne ne peut lire.
traitements-finalite = Finalité
traitements-base = Base légale
traitements-donnees = Données
traitements-conservation = Durée de conservation
traitements-destinataires = Destinataires
traitements-droits-titre = Vos droits
traitements-droits = Depuis « Mon compte », vous téléchargez toutes vos données (droit d'accès et à la portabilité), vous les corrigez et vous supprimez votre compte (droit à l'effacement). Pour toute autre demande, ou pour vous opposer à un traitement, écrivez à l'équipe du campus ; vous pouvez aussi saisir la CNIL.

traitement-conservation-comptes = Tant que le compte est utilisé ; supprimé après { $inactifs } jours sans connexion (avec un e-mail d'avertissement { $avertissement } jours avant) ; un compte dont l'adresse n'a jamais été confirmée est supprimé après { $non_verifies } jours.
traitement-conservation-evenement = Avec le compte de la personne inscrite (supprimé après { $inactifs } jours sans connexion) ; une inscription sans compte n'est conservée que pour le nombre de participants.
traitement-conservation-mineurs = Nom et adresses effacés { $jours } jours après la fin de l'événement ; seuls restent le public, le niveau et la présence, pour les statistiques.
traitement-conservation-journal = { $jours } jours.

traitement-comptes = Comptes et connexion
traitement-comptes-finalite = Vous permettre d'utiliser les espaces personnels de la plateforme et de vous y connecter, y compris par ProConnect ou ÉduConnect.
traitement-comptes-base = Exécution des conditions d'utilisation du service (article 6.1.b du RGPD).
traitement-comptes-donnees = Adresse e-mail, nom affiché, rôle, situation (collégien, lycéen, apprenti, salarié, demandeur d'emploi…) si vous la donnez, langue, dates de connexion, identifiant ProConnect ou ÉduConnect.
traitement-comptes-destinataires = L'équipe du campus.

traitement-inscriptions = Inscriptions aux événements
traitement-inscriptions-finalite = Organiser les ateliers de découverte, visites de site et autres événements : places, liste d'attente, rappels, accueil, enquête de satisfaction.
traitement-inscriptions-base = Mission d'intérêt public d'orientation et de formation (article 6.1.e du RGPD).
traitement-inscriptions-donnees = Nom, adresse e-mail, public, niveau, établissement, présence, avis.
traitement-inscriptions-destinataires = L'organisateur de l'événement et l'équipe du campus.

traitement-mineurs = Inscriptions de mineurs et consentement parental
traitement-mineurs-finalite = Recueillir l'accord d'un parent avant d'inscrire un mineur à un événement, en particulier à une visite de site industriel.
traitement-mineurs-base = Mission d'intérêt public (article 6.1.e du RGPD) et accord du titulaire de l'autorité parentale.
traitement-mineurs-donnees = Nom et adresse du mineur, adresse e-mail et nom du parent, date de l'accord.
traitement-mineurs-destinataires = L'organisateur de l'événement et l'équipe du campus.

traitement-reservations = Réservation des équipements mutualisés
traitement-reservations-finalite = Réserver les équipements de la plateforme technologique, vérifier les habilitations, décompter les quotas des organisations.
traitement-reservations-base = Exécution des conditions d'utilisation du service (article 6.1.b du RGPD).
traitement-reservations-donnees = Nom, adresse e-mail, organisation, créneaux, objet de la réservation, habilitations.
traitement-reservations-destinataires = Les gestionnaires de l'équipement et l'équipe du campus.

traitement-projets = Projets du réseau
traitement-projets-finalite = Conduire les projets école–recherche, pédagogiques industriels et We Lab : membres, documents, étapes et jalons.
traitement-projets-base = Mission d'intérêt public des établissements et du campus (article 6.1.e du RGPD) ; exécution d'un contrat pour les partenaires.
traitement-projets-donnees = Nom, adresse et rôle des membres et des invités, documents déposés, décisions et commentaires des revues. Les élèves ne sont jamais nommés sur la page publique d'un projet.
traitement-projets-destinataires = Les membres du projet et l'équipe du campus ; le public pour la page et les documents publiés d'un projet public.
traitement-ressources = Bibliothèque de ressources pédagogiques
traitement-ressources-finalite = Partager les ressources pédagogiques du réseau, les relire avant publication et prévenir leurs auteurs (décision, lien cassé).
traitement-ressources-base = Mission d'intérêt public des établissements et du campus (article 6.1.e du RGPD).
traitement-ressources-donnees = Compte de l'auteur, auteurs cités et organisation, fichiers déposés, motif d'un renvoi. Les consultations et téléchargements sont comptés par jour sans savoir qui.
traitement-ressources-destinataires = L'équipe du campus ; le public, le réseau ou l'organisation selon la visibilité choisie, une fois la ressource approuvée.
traitement-experts = Réseau d'experts
traitement-experts-finalite = Publier les profils d'experts du réseau et transmettre les demandes d'intervention, leurs réponses et leurs relances.
traitement-experts-base = Consentement de l'expert, qui peut mettre son profil en pause ou le retirer à tout moment (article 6.1.a du RGPD).
traitement-experts-donnees = Nom, titre, organisation, sujets, langues et disponibilités de l'expert ; demandes reçues et réponses ; contributions, affichées avec son accord.
traitement-experts-destinataires = Le public pour l'annuaire (sans adresse) ; le demandeur reçoit l'adresse de l'expert seulement si celui-ci accepte ; l'équipe du campus.
traitement-mobilite = Mobilité européenne
traitement-mobilite-finalite = Organiser les mobilités à l'étranger des apprenants et des personnels : candidatures, contrat pédagogique, accords de l'établissement d'envoi et d'accueil, accord parental des mineurs, document Europass Mobilité et rapport de bénéficiaire Erasmus+.
traitement-mobilite-base = Mission d'intérêt public des établissements et du campus (article 6.1.e du RGPD) ; pour les mineurs, accord d'un parent avant toute mobilité.
traitement-mobilite-donnees = Date de naissance, adresse électronique et nom du parent qui consent (mineurs), certification préparée, compétences du contrat pédagogique et compétences acquises, nom du tuteur d'accueil, souhait d'accompagnement « moins d'opportunités ». À l'effacement du compte, ces données et le document Europass sont supprimés ; restent, sans nom, les dates, le pays, le financement et le niveau comptés dans le rapport Erasmus+.
traitement-mobilite-destinataires = L'apprenant, son établissement (équipe du campus, formateurs de son organisation), l'établissement d'accueil pour le contrat pédagogique ; l'agence Erasmus+ reçoit le rapport sans nom.
traitement-modules = Modules de formation à la demande
traitement-modules-finalite = Traiter les demandes de formation des entreprises, les propositions des formateurs et la liste des stagiaires.
traitement-modules-base = Exécution d'un contrat ou de mesures précontractuelles (article 6.1.b du RGPD).
traitement-modules-donnees = Nom et adresse de la personne qui demande, des formateurs et des stagiaires ; besoin, lieu, dates.
traitement-modules-destinataires = L'entreprise qui demande, les organismes de formation sollicités et l'équipe du campus.

traitement-parcours = Parcours de formation
traitement-parcours-finalite = Calculer et conserver vos parcours de formation, et permettre aux personnes que vous choisissez de vous accompagner.
traitement-parcours-base = Consentement, retirable à tout moment (article 6.1.a du RGPD).
traitement-parcours-donnees = Métier visé, compétences déclarées, lieu, dates, parcours enregistrés, accompagnements.
traitement-parcours-destinataires = Vous, et les personnes qui vous accompagnent à votre demande.

traitement-reseau = Annuaire du réseau
traitement-reseau-finalite = Présenter les organisations partenaires et leurs membres habilités à agir pour elles.
traitement-reseau-base = Intérêt légitime du campus à animer son réseau (article 6.1.f du RGPD).
traitement-reseau-donnees = Nom, organisation et rôle dans l'organisation.
traitement-reseau-destinataires = Les membres de l'organisation et l'équipe du campus.

traitement-securite = Sécurité et journal d'audit
traitement-securite-finalite = Protéger les comptes (tentatives de connexion, limites contre les abus) et garder la trace des changements sensibles (rôles, organisations, effacements).
traitement-securite-base = Obligation de sécurité (article 32 du RGPD) et intérêt légitime (article 6.1.f).
traitement-securite-donnees = Adresse e-mail et adresse IP des tentatives de connexion, actions du journal d'audit.
traitement-securite-destinataires = Les administrateurs de la plateforme.
