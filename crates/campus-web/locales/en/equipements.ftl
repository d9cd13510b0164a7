## Pooled equipment of the technology platform

nav-equipements = Equipment
day-monday = Monday
day-tuesday = Tuesday
day-wednesday = Wednesday
day-thursday = Thursday
day-friday = Friday
day-saturday = Saturday
day-sunday = Sunday

equipement-cat-chromatographie = Chromatography
equipement-cat-rheologie = Rheology
equipement-cat-formulation = Formulation and pilot manufacturing
equipement-cat-salle_propre = Clean room
equipement-cat-conditionnement = Packaging
equipement-cat-microbiologie = Microbiology
equipement-cat-caracterisation = Physico-chemical characterisation
equipement-statut-en_service = In service
equipement-statut-en_maintenance = Under maintenance
equipement-statut-hors_service = Out of service
equipement-tarif-academique = Academic rate
equipement-tarif-industriel = Industrial rate
reservation-statut-en_attente = Awaiting approval
reservation-statut-confirmee = Confirmed
reservation-statut-refusee = Refused
reservation-statut-annulee = Cancelled

equipement-list-title = Technology platform equipment
equipement-list-lead = Equipment of the campus partners, pooled for training, research and companies. Booked by time slot, subject to habilitation.
equipement-count = { $count ->
    [one] { $count } piece of equipment
   *[other] { $count } pieces of equipment
}
equipement-facts = Details
equipement-status = Status
equipement-site = Location
equipement-capabilities = Capabilities
equipement-safety = Safety rules
equipement-habilitation = Habilitation
equipement-habilitation-required = A valid “{ $categorie }” habilitation is required.
equipement-habilitation-none = No habilitation required.
equipement-rates = Rates
equipement-rate-academic = academic: €{ $amount } per hour excl. VAT
equipement-rate-industrial = industrial: €{ $amount } per hour excl. VAT
equipement-hours = Opening hours
equipement-hours-text = { $days }, from { $from } to { $to }
equipement-approval = Approval
equipement-approval-needed = Bookings need the manager's approval
equipement-approval-none = Bookings are confirmed at once
equipement-book = Book a slot
equipement-ical = Calendar to follow in your agenda (confidential address):
equipement-calendar = Calendar of the next three weeks
equipement-calendar-lead = Free and taken slots, day by day, within opening hours.
equipement-calendar-day = Day
equipement-calendar-ranges = Slots
equipement-cal-free = free
equipement-cal-booked = booked
equipement-cal-pending = pending request
equipement-cal-maintenance = maintenance
equipement-ical-booked = { $name }: booked
equipement-ical-pending = { $name }: pending request
equipement-ical-maintenance = { $name }: maintenance

reservation-book-title = Book: { $name }
reservation-units-hint = Bookings are made by half-hour, within one day.
reservation-approval-hint = Your request will be sent to the equipment's manager, who will approve or refuse it. You will receive the answer by e-mail.
reservation-slot = Time slot
reservation-date = Date
reservation-date-hint = As YYYY-MM-DD, for example 2026-12-01.
reservation-start = Start time
reservation-end = End time
reservation-time-hint = As HH:MM, on the hour or half-hour, for example 09:30.
reservation-organisation = Booking on behalf of
reservation-organisation-hint = Hours count against the chosen organisation's quota.
reservation-organisation-none = Personal booking
reservation-objet = Purpose
reservation-objet-hint = For example: assay of an active ingredient, practical class, pilot batch.
reservation-submit = Book
reservation-back-to-equipment = Back to the equipment page
reservation-habilitation-not-needed = This equipment needs no habilitation.
reservation-habilitation-held = Your “{ $categorie }” habilitation is valid until { $date } included.

reservation-date-invalid = Enter a valid date, as YYYY-MM-DD.
reservation-time-invalid = Enter a valid time, as HH:MM.
reservation-in-past = This date has passed: choose a coming slot.
reservation-end-before-start = The end time must be after the start time.
reservation-not-aligned = Bookings are made by half-hour: choose a time on the hour or half-hour (09:00, 09:30…).
reservation-outside-hours = This slot is outside the equipment's opening hours ({ $hours }).
reservation-skipped-hour = This time does not exist on that day (change to summer time).
reservation-maintenance = This slot overlaps a maintenance window of the equipment.
reservation-unavailable = This equipment cannot be booked at the moment (under maintenance or out of service).
reservation-no-habilitation = You have no “{ $categorie }” habilitation. Ask a trainer or the campus team for it before booking.
reservation-habilitation-expired = Your “{ $categorie }” habilitation expired on { $date }: have a trainer renew it before booking.
reservation-quota-exceeded = Your organisation's monthly quota of hours would be exceeded: { $hours } left this month.
reservation-conflict = This slot is already booked, in whole or in part: choose another one in the calendar.
reservation-organisation-invalid = Choose one of your organisations from the list.
reservation-objet-required = Enter the purpose of the booking.
reservation-not-cancellable = This booking can no longer be cancelled (already cancelled, refused or started).
reservation-already-decided = This request has already been handled.

reservation-mine-title = My bookings
reservation-mine-caption = Your equipment bookings, most recent first
reservation-mine-empty = You have not booked any equipment yet.
reservation-col-equipment = Equipment
reservation-col-when = Slot
reservation-col-organisation = Organisation
reservation-col-status = Status
reservation-col-person = Person
reservation-col-actions = Actions
reservation-cancel = Cancel
reservation-notice-confirmed = Your booking is confirmed. A summary has been sent to you by e-mail.
reservation-notice-requested = Your booking request has been sent to the equipment's manager.
reservation-notice-cancelled = The booking is cancelled and the slot freed.
reservation-approvals-title = Bookings to approve
reservation-approvals-caption = Pending requests on the equipment you manage
reservation-approvals-empty = No pending request.
reservation-approve = Approve
reservation-refuse = Refuse
reservation-notice-approved = The booking is approved; the requester is told by e-mail.
reservation-notice-refused = The booking is refused and the slot freed; the requester is told by e-mail.

equipement-utilisation-title = Equipment utilisation
equipement-period = Period
equipement-period-from = From
equipement-period-to = To (included)
equipement-period-submit = Show
equipement-utilisation-total = Total of confirmed bookings: { $hours }.
equipement-csv = Export as CSV
equipement-by-organisation = Hours by organisation
equipement-by-public = Hours by public
equipement-col-hours = Hours
equipement-col-public = Public
csv-date = Date
csv-start = Start
csv-end = End
csv-hours = Hours
csv-booking-organisation = Organisation
csv-rate = Rate
equipement-maintenance-title = Plan a maintenance
equipement-maintenance-lead = During a maintenance, the equipment cannot be booked. Existing bookings over the period must be cancelled first.
equipement-maintenance-start = Start of the maintenance
equipement-maintenance-end = End of the maintenance
equipement-maintenance-motif = Reason
equipement-maintenance-submit = Plan
equipement-maintenance-when-invalid = Enter a valid date (YYYY-MM-DD) and time (HH:MM).
equipement-maintenance-too-long = A maintenance lasts one year at most.
equipement-maintenance-motif-required = Enter the reason of the maintenance.
equipement-maintenance-booked = Bookings already hold part of this period: cancel them first.
equipement-notice-maintenance = The maintenance is planned; the equipment cannot be booked during that period.

habilitation-title = Equipment habilitations
habilitation-grant-title = Grant a habilitation
habilitation-email = E-mail address of the person
habilitation-categorie = Equipment category
habilitation-categorie-choose = Choose a category
habilitation-expiry = Valid until
habilitation-expiry-hint = Date included, as YYYY-MM-DD.
habilitation-motif = Reason
habilitation-motif-hint = For example: HPLC operation training attended on 12/11.
habilitation-submit = Grant the habilitation
habilitation-list-title = Granted habilitations
habilitation-list-empty = No habilitation granted yet.
habilitation-granted-by = Granted by
habilitation-by-module = training module
habilitation-valid = valid
habilitation-expired = expired
habilitation-person-unknown = No account uses this address: the person must create an account first.
habilitation-categorie-invalid = Choose a category from the list.
habilitation-date-invalid = Enter a valid date, as YYYY-MM-DD.
habilitation-date-past = The end of validity has already passed.
habilitation-date-too-far = A habilitation is granted for { $years } years at most.
habilitation-notice-granted = The habilitation is granted.

mail-resa-confirmed-subject = Booking confirmed: { $name }
mail-resa-confirmed-body = Hello { $person },

    Your booking is confirmed:
    { $name }
    { $when }
    Location: { $site }

    Your bookings: { $link }

    The Campus CosmetoPharma team
mail-resa-requested-subject = Booking request received: { $name }
mail-resa-requested-body = Hello { $person },

    Your booking request has been sent to the equipment's manager:
    { $name }
    { $when }
    Location: { $site }

    You will receive the answer by e-mail. Your bookings: { $link }

    The Campus CosmetoPharma team
mail-resa-to-approve-subject = Booking to approve: { $name }
mail-resa-to-approve-body = Hello,

    { $person } asks to book:
    { $name }
    { $when }

    Approve or refuse the request: { $link }

    The Campus CosmetoPharma team
mail-resa-approved-subject = Booking approved: { $name }
mail-resa-approved-body = Hello { $person },

    The manager approved your booking:
    { $name }
    { $when }

    Your bookings: { $link }

    The Campus CosmetoPharma team
mail-resa-refused-subject = Booking refused: { $name }
mail-resa-refused-body = Hello { $person },

    The manager could not accept your booking request:
    { $name }
    { $when }

    The slot is freed; you may choose another one. Your bookings: { $link }

    The Campus CosmetoPharma team
mail-resa-cancelled-subject = Booking cancelled: { $name }
mail-resa-cancelled-body = Hello { $person },

    The following booking is cancelled:
    { $name }
    { $when }

    The Campus CosmetoPharma team

equipement-admin-title = Equipment: quotas and managers
equipement-admin-quotas = Monthly quotas of organisations
equipement-admin-quotas-lead = Hours of booking per month an organisation may use across all equipment. Without a quota, no limit.
equipement-admin-hours = Hours per month
equipement-admin-hours-hint = A whole number of hours, from 0 to 744.
equipement-admin-quota-submit = Save the quota
equipement-admin-managers = Managers
equipement-admin-manager-email = Manager's e-mail address
equipement-admin-manager-submit = Add the manager
equipement-admin-no-manager = none (the campus team approves)
equipement-admin-choose-organisation = Choose an organisation
equipement-admin-choose-equipment = Choose a piece of equipment
equipement-admin-organisation-invalid = Choose an organisation from the list.
equipement-admin-equipment-invalid = Choose a piece of equipment from the list.
equipement-admin-hours-invalid = Enter a whole number of hours between 0 and { $max }.
equipement-admin-notice-quota = The quota is saved.
equipement-admin-notice-manager = The manager is added; they now approve this equipment's requests.

## Equipment kept up to date by its managers and the campus team

equipement-saisie-nom = Give the equipment's name, 3 to 120 characters.
equipement-saisie-categorie = Choose a category from the list.
equipement-saisie-statut = Choose a status from the list.
equipement-saisie-site = Give the equipment's location, 250 characters at most.
equipement-saisie-description = Describe the equipment: what it is for, and for whom.
equipement-saisie-trop-long = This text is too long: 5,000 characters at most.
equipement-saisie-controle = This field contains invisible characters that are not accepted.
equipement-saisie-tarif = Give an hourly rate in euros, for example 45 or 45.50.
equipement-saisie-tarif-negatif = A rate cannot be negative.
equipement-saisie-tarif-eleve = This hourly rate is over €10,000: check that it is in euros, not cents.
equipement-saisie-jours = The opening days cannot be read.
equipement-saisie-aucun-jour = Tick at least one opening day.
equipement-saisie-heure = Give a time as HH:MM, for example 08:30.
equipement-saisie-heure-alignee = Bookings are made by the half hour: choose a time on the hour or the half hour (08:00, 08:30…).
equipement-saisie-fermeture = The closing time must come after the opening time.

equipement-gestion-new-title = Add a piece of equipment
equipement-gestion-edit-title = Edit: { $name }
equipement-gestion-edit-link = Edit the description and photos
equipement-gestion-nom = Name of the equipment
equipement-gestion-nom-hint = As it will appear in the catalogue, for example “HPLC system with UV detector”.
equipement-gestion-organisation = Owning organisation
equipement-gestion-organisation-hint = The member of the network that owns the equipment and hosts its users.
equipement-gestion-categorie-hint = Habilitations are granted per category of equipment.
equipement-gestion-statut-hint = Only equipment in service can be booked.
equipement-gestion-site-hint = The building, facility or town, for example “Faculty of pharmacy, Tours”.
equipement-gestion-description = Description
equipement-gestion-habilitation = A valid habilitation is required to book it
equipement-gestion-tarif-academique = Academic rate (€ excl. VAT per hour)
equipement-gestion-tarif-industriel = Industrial rate (€ excl. VAT per hour)
equipement-gestion-tarif-hint = In euros, for example 45 or 45.50.
equipement-gestion-jours = Opening days
equipement-gestion-ouverture = Opens at
equipement-gestion-fermeture = Closes at
equipement-gestion-heure-hint = As HH:MM, on the hour or the half hour, for example 08:30.
equipement-gestion-approbation = Every booking must be approved by a manager
equipement-gestion-submit = Save
equipement-gestion-notice-created = The equipment was added to the catalogue. You can now add its photos.
equipement-gestion-notice-saved = The equipment's description was saved.
equipement-gestion-notice-retired = The equipment was retired from the catalogue; its past bookings can still be consulted.
equipement-gestion-stale = Someone changed this equipment while you were editing it: your changes were not saved. Reload the page to start again from the current version.
equipement-gestion-maintenance-link = Schedule a maintenance window
equipement-gestion-retire-title = Retire the equipment from the catalogue
equipement-gestion-retire-lead = Retired equipment is no longer listed or bookable; its past bookings and utilisation can still be consulted. Bookings still to come must be cancelled first.
equipement-gestion-retire-submit = Retire the equipment
equipement-gestion-retire-booked = { $count ->
    [one] One booking still to come holds this equipment: cancel it first (its author is told by e-mail).
   *[other] { $count } bookings still to come hold this equipment: cancel them first (their authors are told by e-mail).
}
equipement-gestion-retired = This equipment was retired from the catalogue: it can no longer be booked.

equipement-photos = Photos
equipement-photo-none = No photo yet.
equipement-photo-alt-shown = Alternative text: { $alt }
equipement-photo-delete = Delete the photo “{ $alt }”
equipement-photo-add = Add a photo
equipement-photo-file = Photo
equipement-photo-file-hint = A PNG, JPEG or WebP image of { $mo } MB at most.
equipement-photo-alt = Alternative text
equipement-photo-alt-hint = What the photo shows, for people who cannot see it ({ $max } characters at most), for example “The rheometer on its bench, cone-and-plate geometry fitted”.
equipement-photo-submit = Add the photo
equipement-photo-missing = Choose the photo to send.
equipement-photo-alt-required = Describe the photo: the alternative text is required.
equipement-photo-alt-too-long = The alternative text has 250 characters at most.
equipement-photo-too-many = This equipment already has 12 photos, the maximum: delete one before adding another.
equipement-photo-notice-added = The photo was added.
equipement-photo-notice-deleted = The photo was deleted.

equipement-import-title = Import a list of equipment
equipement-import-lead = Add or update several pieces of equipment at once from a spreadsheet saved as CSV. The import is all or nothing: if one line has a problem, nothing is saved and every problem is shown with its line number.
equipement-import-format = File format
equipement-import-format-lead = Columns separated by semicolons, in UTF-8, with a first line naming the columns:
equipement-import-format-organisation = organisation: the exact name of a member of the directory, or its SIRET.
equipement-import-format-values = categorie: chromatographie, rheologie, formulation, salle_propre, conditionnement, microbiologie or caracterisation; rates in euros per hour (45 or 45,50); days like lun-ven or lun,mer,ven; times as HH:MM; habilitation_requise and approbation_requise: oui or non.
equipement-import-format-match = Equipment of the catalogue with the same name is updated (its status does not change); the others are added, in service.
equipement-import-file = CSV file
equipement-import-file-hint = { $mo } MB at most.
equipement-import-submit = Import the list
equipement-import-missing = Choose the CSV file to import.
equipement-import-too-large = The file is over { $mo } MB.
equipement-import-problems = { $count ->
    [one] The list has one problem
   *[other] The list has { $count } problems
}
equipement-import-nothing-stored = No equipment was saved. Correct the list and send it again.
equipement-import-notice = List imported: { $created } added, { $updated } updated, { $unchanged } unchanged.

mail-habilitation-expire-subject = Your “{ $categorie }” habilitation expires on { $date }
mail-habilitation-expire-body = Hello { $nom },

    Your “{ $categorie }” habilitation expires at the end of { $date }. After that date you will no longer be able to book this equipment:
    { $equipements }

    To renew it, contact a trainer or the campus team before that date.

    The platform's equipment: { $lien }

    The Campus CosmetoPharma team
mail-habilitation-expire-manager-subject = Habilitation expiring soon: { $titulaire } ({ $categorie })
mail-habilitation-expire-manager-body = Hello { $nom },

    { $titulaire }'s “{ $categorie }” habilitation expires at the end of { $date }. It gives access to equipment you manage:
    { $equipements }

    After that date, their booking requests will be refused until a trainer or the campus team renews the habilitation.

    The platform's equipment: { $lien }

    The Campus CosmetoPharma team
