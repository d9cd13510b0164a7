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
