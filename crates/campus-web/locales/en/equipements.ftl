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
