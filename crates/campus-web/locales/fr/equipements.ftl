## Équipements mutualisés de la plateforme technologique

nav-equipements = Équipements
day-monday = lundi
day-tuesday = mardi
day-wednesday = mercredi
day-thursday = jeudi
day-friday = vendredi
day-saturday = samedi
day-sunday = dimanche

equipement-cat-chromatographie = Chromatographie
equipement-cat-rheologie = Rhéologie
equipement-cat-formulation = Formulation et fabrication pilote
equipement-cat-salle_propre = Salle propre
equipement-cat-conditionnement = Conditionnement
equipement-cat-microbiologie = Microbiologie
equipement-cat-caracterisation = Caractérisation physico-chimique
equipement-statut-en_service = En service
equipement-statut-en_maintenance = En maintenance
equipement-statut-hors_service = Hors service
equipement-tarif-academique = Tarif académique
equipement-tarif-industriel = Tarif industriel
reservation-statut-en_attente = En attente de validation
reservation-statut-confirmee = Confirmée
reservation-statut-refusee = Refusée
reservation-statut-annulee = Annulée

equipement-list-title = Équipements de la plateforme technologique
equipement-list-lead = Les équipements des partenaires du campus, mutualisés pour la formation, la recherche et les entreprises. Réservation par créneau, sous réserve d'habilitation.
equipement-count = { $count ->
    [one] { $count } équipement
   *[other] { $count } équipements
}
equipement-facts = Caractéristiques
equipement-status = État
equipement-site = Lieu
equipement-capabilities = Capacités
equipement-safety = Règles de sécurité
equipement-habilitation = Habilitation
equipement-habilitation-required = Habilitation « { $categorie } » en cours de validité exigée.
equipement-habilitation-none = Aucune habilitation exigée.
equipement-rates = Tarifs
equipement-rate-academic = académique : { $amount } € HT de l'heure
equipement-rate-industrial = industriel : { $amount } € HT de l'heure
equipement-hours = Horaires d'ouverture
equipement-hours-text = { $days }, de { $from } à { $to }
equipement-approval = Validation
equipement-approval-needed = Réservation soumise à la validation du gestionnaire
equipement-approval-none = Réservation confirmée immédiatement
equipement-book = Réserver un créneau
equipement-ical = Calendrier à suivre dans votre agenda (adresse confidentielle) :
equipement-calendar = Calendrier des trois prochaines semaines
equipement-calendar-lead = Créneaux libres et occupés, jour par jour, aux horaires d'ouverture.
equipement-calendar-day = Jour
equipement-calendar-ranges = Créneaux
equipement-cal-free = libre
equipement-cal-booked = réservé
equipement-cal-pending = demande en attente
equipement-cal-maintenance = maintenance
equipement-ical-booked = { $name } : réservé
equipement-ical-pending = { $name } : demande en attente
equipement-ical-maintenance = { $name } : maintenance

reservation-book-title = Réserver : { $name }
reservation-units-hint = Les réservations se font par demi-heure, sur une seule journée.
reservation-approval-hint = Votre demande sera transmise au gestionnaire de l'équipement, qui la validera ou la refusera. Vous recevrez sa réponse par e-mail.
reservation-slot = Créneau
reservation-date = Date
reservation-date-hint = Au format AAAA-MM-JJ, par exemple 2026-12-01.
reservation-start = Heure de début
reservation-end = Heure de fin
reservation-time-hint = Au format HH:MM, à l'heure ou à la demie, par exemple 09:30.
reservation-organisation = Réservation pour le compte de
reservation-organisation-hint = Les heures sont décomptées du quota de l'organisation choisie.
reservation-organisation-none = À titre personnel
reservation-objet = Objet
reservation-objet-hint = Par exemple : dosage d'un actif, séance de TP, lot pilote.
reservation-submit = Réserver
reservation-back-to-equipment = Retour à la fiche de l'équipement
reservation-habilitation-not-needed = Cet équipement ne demande pas d'habilitation.
reservation-habilitation-held = Votre habilitation « { $categorie } » est valable jusqu'au { $date } inclus.

reservation-date-invalid = Indiquez une date valide, au format AAAA-MM-JJ.
reservation-time-invalid = Indiquez une heure valide, au format HH:MM.
reservation-in-past = Cette date est déjà passée : choisissez un créneau à venir.
reservation-end-before-start = L'heure de fin doit être après l'heure de début.
reservation-not-aligned = Les réservations se font par demi-heure : choisissez une heure pleine ou une demie (09:00, 09:30…).
reservation-outside-hours = Ce créneau sort des horaires d'ouverture de l'équipement ({ $hours }).
reservation-skipped-hour = Cette heure n'existe pas ce jour-là (passage à l'heure d'été).
reservation-maintenance = Ce créneau chevauche une période de maintenance de l'équipement.
reservation-unavailable = Cet équipement ne peut pas être réservé pour le moment (en maintenance ou hors service).
reservation-no-habilitation = Vous n'avez pas d'habilitation « { $categorie } ». Demandez-la à un formateur ou à l'équipe du campus avant de réserver.
reservation-habilitation-expired = Votre habilitation « { $categorie } » a expiré le { $date } : faites-la renouveler par un formateur avant de réserver.
reservation-quota-exceeded = Le quota mensuel d'heures de votre organisation serait dépassé : il reste { $hours } ce mois-ci.
reservation-conflict = Ce créneau est déjà réservé, en tout ou partie : choisissez-en un autre dans le calendrier.
reservation-organisation-invalid = Choisissez une de vos organisations dans la liste.
reservation-objet-required = Indiquez l'objet de la réservation.
reservation-not-cancellable = Cette réservation ne peut plus être annulée (déjà annulée, refusée ou commencée).
reservation-already-decided = Cette demande a déjà été traitée.

reservation-mine-title = Mes réservations
reservation-mine-caption = Vos réservations d'équipements, les plus récentes d'abord
reservation-mine-empty = Vous n'avez encore réservé aucun équipement.
reservation-col-equipment = Équipement
reservation-col-when = Créneau
reservation-col-organisation = Organisation
reservation-col-status = État
reservation-col-person = Personne
reservation-col-actions = Actions
reservation-cancel = Annuler
reservation-notice-confirmed = Votre réservation est confirmée. Un e-mail récapitulatif vous a été envoyé.
reservation-notice-requested = Votre demande de réservation a été transmise au gestionnaire de l'équipement.
reservation-notice-cancelled = La réservation est annulée et le créneau libéré.
reservation-approvals-title = Réservations à valider
reservation-approvals-caption = Demandes en attente sur les équipements que vous gérez
reservation-approvals-empty = Aucune demande en attente.
reservation-approve = Valider
reservation-refuse = Refuser
reservation-notice-approved = La réservation est validée ; le demandeur est prévenu par e-mail.
reservation-notice-refused = La réservation est refusée et le créneau libéré ; le demandeur est prévenu par e-mail.

equipement-utilisation-title = Utilisation de l'équipement
equipement-period = Période
equipement-period-from = Du
equipement-period-to = Au (inclus)
equipement-period-submit = Afficher
equipement-utilisation-total = Total des réservations confirmées : { $hours }.
equipement-csv = Exporter en CSV
equipement-by-organisation = Heures par organisation
equipement-by-public = Heures par public
equipement-col-hours = Heures
equipement-col-public = Public
csv-date = Date
csv-start = Début
csv-end = Fin
csv-hours = Heures
csv-booking-organisation = Organisation
csv-rate = Tarif
equipement-maintenance-title = Planifier une maintenance
equipement-maintenance-lead = Pendant une maintenance, l'équipement ne peut pas être réservé. Les réservations existantes sur la période doivent d'abord être annulées.
equipement-maintenance-start = Début de la maintenance
equipement-maintenance-end = Fin de la maintenance
equipement-maintenance-motif = Motif
equipement-maintenance-submit = Planifier
equipement-maintenance-when-invalid = Indiquez une date (AAAA-MM-JJ) et une heure (HH:MM) valides.
equipement-maintenance-too-long = Une maintenance dure au plus un an.
equipement-maintenance-motif-required = Indiquez le motif de la maintenance.
equipement-maintenance-booked = Des réservations occupent déjà une partie de cette période : annulez-les d'abord.
equipement-notice-maintenance = La maintenance est planifiée ; l'équipement ne peut pas être réservé pendant cette période.

habilitation-title = Habilitations aux équipements
habilitation-grant-title = Accorder une habilitation
habilitation-email = Adresse e-mail de la personne
habilitation-categorie = Catégorie d'équipement
habilitation-categorie-choose = Choisissez une catégorie
habilitation-expiry = Valable jusqu'au
habilitation-expiry-hint = Date incluse, au format AAAA-MM-JJ.
habilitation-motif = Motif
habilitation-motif-hint = Par exemple : formation à la conduite de l'HPLC suivie le 12/11.
habilitation-submit = Accorder l'habilitation
habilitation-list-title = Habilitations accordées
habilitation-list-empty = Aucune habilitation accordée pour le moment.
habilitation-granted-by = Accordée par
habilitation-by-module = module de formation
habilitation-valid = valide
habilitation-expired = expirée
habilitation-person-unknown = Aucun compte n'utilise cette adresse : la personne doit d'abord créer son compte.
habilitation-categorie-invalid = Choisissez une catégorie dans la liste.
habilitation-date-invalid = Indiquez une date valide, au format AAAA-MM-JJ.
habilitation-date-past = La date de fin de validité est déjà passée.
habilitation-date-too-far = Une habilitation est accordée pour { $years } ans au plus.
habilitation-notice-granted = L'habilitation est accordée.

mail-resa-confirmed-subject = Réservation confirmée : { $name }
mail-resa-confirmed-body = Bonjour { $person },

    Votre réservation est confirmée :
    { $name }
    { $when }
    Lieu : { $site }

    Vos réservations : { $link }

    L'équipe du Campus CosmetoPharma
mail-resa-requested-subject = Demande de réservation reçue : { $name }
mail-resa-requested-body = Bonjour { $person },

    Votre demande de réservation a été transmise au gestionnaire de l'équipement :
    { $name }
    { $when }
    Lieu : { $site }

    Vous recevrez sa réponse par e-mail. Vos réservations : { $link }

    L'équipe du Campus CosmetoPharma
mail-resa-to-approve-subject = Réservation à valider : { $name }
mail-resa-to-approve-body = Bonjour,

    { $person } demande à réserver :
    { $name }
    { $when }

    Validez ou refusez la demande : { $link }

    L'équipe du Campus CosmetoPharma
mail-resa-approved-subject = Réservation validée : { $name }
mail-resa-approved-body = Bonjour { $person },

    Le gestionnaire a validé votre réservation :
    { $name }
    { $when }

    Vos réservations : { $link }

    L'équipe du Campus CosmetoPharma
mail-resa-refused-subject = Réservation refusée : { $name }
mail-resa-refused-body = Bonjour { $person },

    Le gestionnaire n'a pas pu accepter votre demande de réservation :
    { $name }
    { $when }

    Le créneau est libéré ; vous pouvez en choisir un autre. Vos réservations : { $link }

    L'équipe du Campus CosmetoPharma
mail-resa-cancelled-subject = Réservation annulée : { $name }
mail-resa-cancelled-body = Bonjour { $person },

    La réservation suivante est annulée :
    { $name }
    { $when }

    L'équipe du Campus CosmetoPharma

equipement-admin-title = Équipements : quotas et gestionnaires
equipement-admin-quotas = Quotas mensuels des organisations
equipement-admin-quotas-lead = Nombre d'heures de réservation par mois qu'une organisation peut utiliser sur l'ensemble des équipements. Sans quota, pas de limite.
equipement-admin-hours = Heures par mois
equipement-admin-hours-hint = Un nombre entier d'heures, de 0 à 744.
equipement-admin-quota-submit = Enregistrer le quota
equipement-admin-managers = Gestionnaires
equipement-admin-manager-email = Adresse e-mail du gestionnaire
equipement-admin-manager-submit = Ajouter le gestionnaire
equipement-admin-no-manager = aucun (l'équipe du campus valide)
equipement-admin-choose-organisation = Choisissez une organisation
equipement-admin-choose-equipment = Choisissez un équipement
equipement-admin-organisation-invalid = Choisissez une organisation dans la liste.
equipement-admin-equipment-invalid = Choisissez un équipement dans la liste.
equipement-admin-hours-invalid = Indiquez un nombre entier d'heures entre 0 et { $max }.
equipement-admin-notice-quota = Le quota est enregistré.
equipement-admin-notice-manager = Le gestionnaire est ajouté ; il valide désormais les demandes de cet équipement.

## Gestion des équipements par leurs gestionnaires et l'équipe du campus

equipement-saisie-nom = Indiquez le nom de l'équipement, de 3 à 120 caractères.
equipement-saisie-categorie = Choisissez une catégorie dans la liste.
equipement-saisie-statut = Choisissez un état dans la liste.
equipement-saisie-site = Indiquez le lieu de l'équipement, en 250 caractères au plus.
equipement-saisie-description = Décrivez l'équipement : à quoi il sert, pour qui.
equipement-saisie-trop-long = Ce texte est trop long : 5 000 caractères au plus.
equipement-saisie-controle = Ce champ contient des caractères invisibles non acceptés.
equipement-saisie-tarif = Indiquez un tarif horaire en euros, par exemple 45 ou 45,50.
equipement-saisie-tarif-negatif = Un tarif ne peut pas être négatif.
equipement-saisie-tarif-eleve = Ce tarif horaire dépasse 10 000 € : vérifiez qu'il est bien en euros et non en centimes.
equipement-saisie-jours = Jours d'ouverture illisibles.
equipement-saisie-aucun-jour = Cochez au moins un jour d'ouverture.
equipement-saisie-heure = Indiquez une heure au format HH:MM, par exemple 08:30.
equipement-saisie-heure-alignee = Les réservations se font par demi-heure : choisissez une heure pleine ou une demie (08:00, 08:30…).
equipement-saisie-fermeture = L'heure de fermeture doit suivre l'heure d'ouverture.

equipement-gestion-new-title = Ajouter un équipement
equipement-gestion-edit-title = Modifier : { $name }
equipement-gestion-edit-link = Modifier la fiche, les photos
equipement-gestion-nom = Nom de l'équipement
equipement-gestion-nom-hint = Tel qu'il apparaîtra dans le catalogue, par exemple « Chaîne HPLC avec détecteur UV ».
equipement-gestion-organisation = Organisation propriétaire
equipement-gestion-organisation-hint = Le membre du réseau qui possède l'équipement et en assure l'accueil.
equipement-gestion-categorie-hint = Une habilitation est accordée par catégorie d'équipement.
equipement-gestion-statut-hint = Seul un équipement en service peut être réservé.
equipement-gestion-site-hint = Le bâtiment, le plateau ou la ville, par exemple « Faculté de pharmacie, Tours ».
equipement-gestion-description = Description
equipement-gestion-habilitation = Une habilitation en cours de validité est exigée pour réserver
equipement-gestion-tarif-academique = Tarif académique (€ HT de l'heure)
equipement-gestion-tarif-industriel = Tarif industriel (€ HT de l'heure)
equipement-gestion-tarif-hint = En euros, par exemple 45 ou 45,50.
equipement-gestion-jours = Jours d'ouverture
equipement-gestion-ouverture = Ouverture
equipement-gestion-fermeture = Fermeture
equipement-gestion-heure-hint = Au format HH:MM, à l'heure ou à la demie, par exemple 08:30.
equipement-gestion-approbation = Chaque réservation doit être validée par un gestionnaire
equipement-gestion-submit = Enregistrer la fiche
equipement-gestion-notice-created = L'équipement est ajouté au catalogue. Vous pouvez maintenant ajouter ses photos.
equipement-gestion-notice-saved = La fiche de l'équipement est enregistrée.
equipement-gestion-notice-retired = L'équipement est retiré du catalogue ; ses réservations passées restent consultables.
equipement-gestion-stale = Quelqu'un a modifié cet équipement pendant que vous le modifiiez : vos changements ne sont pas enregistrés. Rechargez la page pour repartir de la version actuelle.
equipement-gestion-maintenance-link = Planifier une maintenance
equipement-gestion-retire-title = Retirer l'équipement du catalogue
equipement-gestion-retire-lead = Un équipement retiré n'est plus proposé ni réservable ; ses réservations passées et son utilisation restent consultables. Les réservations à venir doivent d'abord être annulées.
equipement-gestion-retire-submit = Retirer l'équipement
equipement-gestion-retire-booked = { $count ->
    [one] Une réservation à venir occupe encore cet équipement : annulez-la d'abord (son auteur en est prévenu par e-mail).
   *[other] { $count } réservations à venir occupent encore cet équipement : annulez-les d'abord (leurs auteurs en sont prévenus par e-mail).
}
equipement-gestion-retired = Cet équipement a été retiré du catalogue : il n'est plus réservable.

equipement-photos = Photos
equipement-photo-none = Aucune photo pour le moment.
equipement-photo-alt-shown = Texte alternatif : { $alt }
equipement-photo-delete = Supprimer la photo « { $alt } »
equipement-photo-add = Ajouter une photo
equipement-photo-file = Photo
equipement-photo-file-hint = Image PNG, JPEG ou WebP de { $mo } Mo au plus.
equipement-photo-alt = Texte alternatif
equipement-photo-alt-hint = Ce que montre la photo, pour les personnes qui ne la voient pas ({ $max } caractères au plus), par exemple « Le rhéomètre sur sa paillasse, géométrie cône-plan montée ».
equipement-photo-submit = Ajouter la photo
equipement-photo-missing = Choisissez la photo à envoyer.
equipement-photo-alt-required = Décrivez la photo : le texte alternatif est obligatoire.
equipement-photo-alt-too-long = Le texte alternatif compte 250 caractères au plus.
equipement-photo-too-many = Cet équipement a déjà 12 photos, le maximum : supprimez-en une avant d'en ajouter.
equipement-photo-notice-added = La photo est ajoutée.
equipement-photo-notice-deleted = La photo est supprimée.

equipement-import-title = Importer une liste d'équipements
equipement-import-lead = Ajoutez ou mettez à jour plusieurs équipements à la fois à partir d'un tableur enregistré au format CSV. L'import est tout ou rien : si une ligne pose problème, rien n'est enregistré et chaque problème est indiqué avec son numéro de ligne.
equipement-import-format = Format du fichier
equipement-import-format-lead = Colonnes séparées par des points-virgules, en UTF-8, avec une première ligne qui nomme les colonnes :
equipement-import-format-organisation = organisation : le nom exact d'un membre de l'annuaire ou son SIRET.
equipement-import-format-values = categorie : chromatographie, rheologie, formulation, salle_propre, conditionnement, microbiologie ou caracterisation ; tarifs en euros de l'heure (45 ou 45,50) ; jours comme lun-ven ou lun,mer,ven ; heures au format HH:MM ; habilitation_requise et approbation_requise : oui ou non.
equipement-import-format-match = Un équipement du catalogue qui porte le même nom est mis à jour (son état ne change pas) ; les autres sont ajoutés, en service.
equipement-import-file = Fichier CSV
equipement-import-file-hint = { $mo } Mo au plus.
equipement-import-submit = Importer la liste
equipement-import-missing = Choisissez le fichier CSV à importer.
equipement-import-too-large = Le fichier dépasse { $mo } Mo.
equipement-import-problems = { $count ->
    [one] La liste contient un problème
   *[other] La liste contient { $count } problèmes
}
equipement-import-nothing-stored = Aucun équipement n'a été enregistré. Corrigez la liste puis envoyez-la de nouveau.
equipement-import-notice = Liste importée : { $created } équipement(s) ajouté(s), { $updated } mis à jour, { $unchanged } inchangé(s).

mail-habilitation-expire-subject = Votre habilitation « { $categorie } » expire le { $date }
mail-habilitation-expire-body = Bonjour { $nom },

    Votre habilitation « { $categorie } » expire le { $date } au soir. Après cette date, vous ne pourrez plus réserver ces équipements :
    { $equipements }

    Pour la renouveler, adressez-vous à un formateur ou à l'équipe du campus avant cette date.

    Les équipements de la plateforme : { $lien }

    L'équipe du Campus CosmetoPharma
mail-habilitation-expire-manager-subject = Habilitation bientôt expirée : { $titulaire } ({ $categorie })
mail-habilitation-expire-manager-body = Bonjour { $nom },

    L'habilitation « { $categorie } » de { $titulaire } expire le { $date } au soir. Elle donne accès aux équipements que vous gérez :
    { $equipements }

    Après cette date, ses demandes de réservation seront refusées tant que l'habilitation n'aura pas été renouvelée par un formateur ou l'équipe du campus.

    Les équipements de la plateforme : { $lien }

    L'équipe du Campus CosmetoPharma
