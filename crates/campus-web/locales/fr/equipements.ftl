## Équipements mutualisés de la plateforme technologique

nav-equipements = Équipements
day-monday = lundi
day-tuesday = mardi
day-wednesday = mercredi
day-thursday = jeudi
day-friday = vendredi
day-saturday = samedi
day-sunday = dimanche

equip-cat-chromatographie = Chromatographie
equip-cat-rheologie = Rhéologie
equip-cat-formulation = Formulation et fabrication pilote
equip-cat-salle_propre = Salle propre
equip-cat-conditionnement = Conditionnement
equip-cat-microbiologie = Microbiologie
equip-cat-caracterisation = Caractérisation physico-chimique
equip-statut-en_service = En service
equip-statut-en_maintenance = En maintenance
equip-statut-hors_service = Hors service
equip-tarif-academique = Tarif académique
equip-tarif-industriel = Tarif industriel
resa-statut-en_attente = En attente de validation
resa-statut-confirmee = Confirmée
resa-statut-refusee = Refusée
resa-statut-annulee = Annulée

equip-list-title = Équipements de la plateforme technologique
equip-list-lead = Les équipements des partenaires du campus, mutualisés pour la formation, la recherche et les entreprises. Réservation par créneau, sous réserve d'habilitation.
equip-count = { $count ->
    [one] { $count } équipement
   *[other] { $count } équipements
}
equip-facts = Caractéristiques
equip-status = État
equip-site = Lieu
equip-capabilities = Capacités
equip-safety = Règles de sécurité
equip-habilitation = Habilitation
equip-habilitation-required = Habilitation « { $categorie } » en cours de validité exigée.
equip-habilitation-none = Aucune habilitation exigée.
equip-rates = Tarifs
equip-rate-academic = académique : { $amount } € HT de l'heure
equip-rate-industrial = industriel : { $amount } € HT de l'heure
equip-hours = Horaires d'ouverture
equip-hours-text = { $days }, de { $from } à { $to }
equip-approval = Validation
equip-approval-needed = Réservation soumise à la validation du gestionnaire
equip-approval-none = Réservation confirmée immédiatement
equip-book = Réserver un créneau
equip-ical = Calendrier à suivre dans votre agenda (adresse confidentielle) :
equip-calendar = Calendrier des trois prochaines semaines
equip-calendar-lead = Créneaux libres et occupés, jour par jour, aux horaires d'ouverture.
equip-calendar-day = Jour
equip-calendar-ranges = Créneaux
equip-cal-free = libre
equip-cal-booked = réservé
equip-cal-pending = demande en attente
equip-cal-maintenance = maintenance
equip-ical-booked = { $name } : réservé
equip-ical-pending = { $name } : demande en attente
equip-ical-maintenance = { $name } : maintenance

resa-book-title = Réserver : { $name }
resa-units-hint = Les réservations se font par demi-heure, sur une seule journée.
resa-approval-hint = Votre demande sera transmise au gestionnaire de l'équipement, qui la validera ou la refusera. Vous recevrez sa réponse par e-mail.
resa-slot = Créneau
resa-date = Date
resa-date-hint = Au format AAAA-MM-JJ, par exemple 2026-12-01.
resa-start = Heure de début
resa-end = Heure de fin
resa-time-hint = Au format HH:MM, à l'heure ou à la demie, par exemple 09:30.
resa-organisation = Réservation pour le compte de
resa-organisation-hint = Les heures sont décomptées du quota de l'organisation choisie.
resa-organisation-none = À titre personnel
resa-objet = Objet
resa-objet-hint = Par exemple : dosage d'un actif, séance de TP, lot pilote.
resa-submit = Réserver
resa-back-to-equipment = Retour à la fiche de l'équipement
resa-habilitation-not-needed = Cet équipement ne demande pas d'habilitation.
resa-habilitation-held = Votre habilitation « { $categorie } » est valable jusqu'au { $date } inclus.

resa-date-invalid = Indiquez une date valide, au format AAAA-MM-JJ.
resa-time-invalid = Indiquez une heure valide, au format HH:MM.
resa-in-past = Cette date est déjà passée : choisissez un créneau à venir.
resa-end-before-start = L'heure de fin doit être après l'heure de début.
resa-not-aligned = Les réservations se font par demi-heure : choisissez une heure pleine ou une demie (09:00, 09:30…).
resa-outside-hours = Ce créneau sort des horaires d'ouverture de l'équipement ({ $hours }).
resa-skipped-hour = Cette heure n'existe pas ce jour-là (passage à l'heure d'été).
resa-maintenance = Ce créneau chevauche une période de maintenance de l'équipement.
resa-unavailable = Cet équipement ne peut pas être réservé pour le moment (en maintenance ou hors service).
resa-no-habilitation = Vous n'avez pas d'habilitation « { $categorie } ». Demandez-la à un formateur ou à l'équipe du campus avant de réserver.
resa-habilitation-expired = Votre habilitation « { $categorie } » a expiré le { $date } : faites-la renouveler par un formateur avant de réserver.
resa-quota-exceeded = Le quota mensuel d'heures de votre organisation serait dépassé : il reste { $hours } ce mois-ci.
resa-conflict = Ce créneau est déjà réservé, en tout ou partie : choisissez-en un autre dans le calendrier.
resa-organisation-invalid = Choisissez une de vos organisations dans la liste.
resa-objet-required = Indiquez l'objet de la réservation.
resa-not-cancellable = Cette réservation ne peut plus être annulée (déjà annulée, refusée ou commencée).
resa-already-decided = Cette demande a déjà été traitée.

resa-mine-title = Mes réservations
resa-mine-caption = Vos réservations d'équipements, les plus récentes d'abord
resa-mine-empty = Vous n'avez encore réservé aucun équipement.
resa-col-equipment = Équipement
resa-col-when = Créneau
resa-col-organisation = Organisation
resa-col-status = État
resa-col-person = Personne
resa-col-actions = Actions
resa-cancel = Annuler
resa-notice-confirmed = Votre réservation est confirmée. Un e-mail récapitulatif vous a été envoyé.
resa-notice-requested = Votre demande de réservation a été transmise au gestionnaire de l'équipement.
resa-notice-cancelled = La réservation est annulée et le créneau libéré.
resa-approvals-title = Réservations à valider
resa-approvals-caption = Demandes en attente sur les équipements que vous gérez
resa-approvals-empty = Aucune demande en attente.
resa-approve = Valider
resa-refuse = Refuser
resa-notice-approved = La réservation est validée ; le demandeur est prévenu par e-mail.
resa-notice-refused = La réservation est refusée et le créneau libéré ; le demandeur est prévenu par e-mail.

equip-utilisation-title = Utilisation de l'équipement
equip-period = Période
equip-period-from = Du
equip-period-to = Au (inclus)
equip-period-submit = Afficher
equip-utilisation-total = Total des réservations confirmées : { $hours }.
equip-csv = Exporter en CSV
equip-by-organisation = Heures par organisation
equip-by-public = Heures par public
equip-col-hours = Heures
equip-col-public = Public
csv-date = Date
csv-start = Début
csv-end = Fin
csv-hours = Heures
csv-booking-organisation = Organisation
csv-rate = Tarif
equip-maintenance-title = Planifier une maintenance
equip-maintenance-lead = Pendant une maintenance, l'équipement ne peut pas être réservé. Les réservations existantes sur la période doivent d'abord être annulées.
equip-maintenance-start = Début de la maintenance
equip-maintenance-end = Fin de la maintenance
equip-maintenance-motif = Motif
equip-maintenance-submit = Planifier
equip-maintenance-when-invalid = Indiquez une date (AAAA-MM-JJ) et une heure (HH:MM) valides.
equip-maintenance-too-long = Une maintenance dure au plus un an.
equip-maintenance-motif-required = Indiquez le motif de la maintenance.
equip-maintenance-booked = Des réservations occupent déjà une partie de cette période : annulez-les d'abord.
equip-notice-maintenance = La maintenance est planifiée ; l'équipement ne peut pas être réservé pendant cette période.

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

equip-admin-title = Équipements : quotas et gestionnaires
equip-admin-quotas = Quotas mensuels des organisations
equip-admin-quotas-lead = Nombre d'heures de réservation par mois qu'une organisation peut utiliser sur l'ensemble des équipements. Sans quota, pas de limite.
equip-admin-hours = Heures par mois
equip-admin-hours-hint = Un nombre entier d'heures, de 0 à 744.
equip-admin-quota-submit = Enregistrer le quota
equip-admin-managers = Gestionnaires
equip-admin-manager-email = Adresse e-mail du gestionnaire
equip-admin-manager-submit = Ajouter le gestionnaire
equip-admin-no-manager = aucun (l'équipe du campus valide)
equip-admin-choose-organisation = Choisissez une organisation
equip-admin-choose-equipment = Choisissez un équipement
equip-admin-organisation-invalid = Choisissez une organisation dans la liste.
equip-admin-equipment-invalid = Choisissez un équipement dans la liste.
equip-admin-hours-invalid = Indiquez un nombre entier d'heures entre 0 et { $max }.
equip-admin-notice-quota = Le quota est enregistré.
equip-admin-notice-manager = Le gestionnaire est ajouté ; il valide désormais les demandes de cet équipement.
