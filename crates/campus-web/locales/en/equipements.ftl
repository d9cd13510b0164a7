## Pooled equipment of the technology platform

nav-equipements = Equipment
day-monday = Monday
day-tuesday = Tuesday
day-wednesday = Wednesday
day-thursday = Thursday
day-friday = Friday
day-saturday = Saturday
day-sunday = Sunday

equip-cat-chromatographie = Chromatography
equip-cat-rheologie = Rheology
equip-cat-formulation = Formulation and pilot manufacturing
equip-cat-salle_propre = Clean room
equip-cat-conditionnement = Packaging
equip-cat-microbiologie = Microbiology
equip-cat-caracterisation = Physico-chemical characterisation
equip-statut-en_service = In service
equip-statut-en_maintenance = Under maintenance
equip-statut-hors_service = Out of service
equip-tarif-academique = Academic rate
equip-tarif-industriel = Industrial rate
resa-statut-en_attente = Awaiting approval
resa-statut-confirmee = Confirmed
resa-statut-refusee = Refused
resa-statut-annulee = Cancelled

equip-list-title = Technology platform equipment
equip-list-lead = Equipment of the campus partners, pooled for training, research and companies. Booked by time slot, subject to habilitation.
equip-count = { $count ->
    [one] { $count } piece of equipment
   *[other] { $count } pieces of equipment
}
equip-facts = Details
equip-status = Status
equip-site = Location
equip-capabilities = Capabilities
equip-safety = Safety rules
equip-habilitation = Habilitation
equip-habilitation-required = A valid “{ $categorie }” habilitation is required.
equip-habilitation-none = No habilitation required.
equip-rates = Rates
equip-rate-academic = academic: €{ $amount } per hour excl. VAT
equip-rate-industrial = industrial: €{ $amount } per hour excl. VAT
equip-hours = Opening hours
equip-hours-text = { $days }, from { $from } to { $to }
equip-approval = Approval
equip-approval-needed = Bookings need the manager's approval
equip-approval-none = Bookings are confirmed at once
equip-book = Book a slot
equip-ical = Calendar to follow in your agenda (confidential address):
equip-calendar = Calendar of the next three weeks
equip-calendar-lead = Free and taken slots, day by day, within opening hours.
equip-calendar-day = Day
equip-calendar-ranges = Slots
equip-cal-free = free
equip-cal-booked = booked
equip-cal-pending = pending request
equip-cal-maintenance = maintenance
equip-ical-booked = { $name }: booked
equip-ical-pending = { $name }: pending request
equip-ical-maintenance = { $name }: maintenance

resa-book-title = Book: { $name }
resa-units-hint = Bookings are made by half-hour, within one day.
resa-approval-hint = Your request will be sent to the equipment's manager, who will approve or refuse it. You will receive the answer by e-mail.
resa-slot = Time slot
resa-date = Date
resa-date-hint = As YYYY-MM-DD, for example 2026-12-01.
resa-start = Start time
resa-end = End time
resa-time-hint = As HH:MM, on the hour or half-hour, for example 09:30.
resa-organisation = Booking on behalf of
resa-organisation-hint = Hours count against the chosen organisation's quota.
resa-organisation-none = Personal booking
resa-objet = Purpose
resa-objet-hint = For example: assay of an active ingredient, practical class, pilot batch.
resa-submit = Book
resa-back-to-equipment = Back to the equipment page
resa-habilitation-not-needed = This equipment needs no habilitation.
resa-habilitation-held = Your “{ $categorie }” habilitation is valid until { $date } included.

resa-date-invalid = Enter a valid date, as YYYY-MM-DD.
resa-time-invalid = Enter a valid time, as HH:MM.
resa-in-past = This date has passed: choose a coming slot.
resa-end-before-start = The end time must be after the start time.
resa-not-aligned = Bookings are made by half-hour: choose a time on the hour or half-hour (09:00, 09:30…).
resa-outside-hours = This slot is outside the equipment's opening hours ({ $hours }).
resa-skipped-hour = This time does not exist on that day (change to summer time).
resa-maintenance = This slot overlaps a maintenance window of the equipment.
resa-unavailable = This equipment cannot be booked at the moment (under maintenance or out of service).
resa-no-habilitation = You have no “{ $categorie }” habilitation. Ask a trainer or the campus team for it before booking.
resa-habilitation-expired = Your “{ $categorie }” habilitation expired on { $date }: have a trainer renew it before booking.
resa-quota-exceeded = Your organisation's monthly quota of hours would be exceeded: { $hours } left this month.
resa-conflict = This slot is already booked, in whole or in part: choose another one in the calendar.
resa-organisation-invalid = Choose one of your organisations from the list.
resa-objet-required = Enter the purpose of the booking.
resa-not-cancellable = This booking can no longer be cancelled (already cancelled, refused or started).
resa-already-decided = This request has already been handled.

resa-mine-title = My bookings
resa-mine-caption = Your equipment bookings, most recent first
resa-mine-empty = You have not booked any equipment yet.
resa-col-equipment = Equipment
resa-col-when = Slot
resa-col-organisation = Organisation
resa-col-status = Status
resa-col-person = Person
resa-col-actions = Actions
resa-cancel = Cancel
resa-notice-confirmed = Your booking is confirmed. A summary has been sent to you by e-mail.
resa-notice-requested = Your booking request has been sent to the equipment's manager.
resa-notice-cancelled = The booking is cancelled and the slot freed.
resa-approvals-title = Bookings to approve
resa-approvals-caption = Pending requests on the equipment you manage
resa-approvals-empty = No pending request.
resa-approve = Approve
resa-refuse = Refuse
resa-notice-approved = The booking is approved; the requester is told by e-mail.
resa-notice-refused = The booking is refused and the slot freed; the requester is told by e-mail.

equip-utilisation-title = Equipment utilisation
equip-period = Period
equip-period-from = From
equip-period-to = To (included)
equip-period-submit = Show
equip-utilisation-total = Total of confirmed bookings: { $hours }.
equip-csv = Export as CSV
equip-by-organisation = Hours by organisation
equip-by-public = Hours by public
equip-col-hours = Hours
equip-col-public = Public
csv-date = Date
csv-start = Start
csv-end = End
csv-hours = Hours
csv-booking-organisation = Organisation
csv-rate = Rate
equip-maintenance-title = Plan a maintenance
equip-maintenance-lead = During a maintenance, the equipment cannot be booked. Existing bookings over the period must be cancelled first.
equip-maintenance-start = Start of the maintenance
equip-maintenance-end = End of the maintenance
equip-maintenance-motif = Reason
equip-maintenance-submit = Plan
equip-maintenance-when-invalid = Enter a valid date (YYYY-MM-DD) and time (HH:MM).
equip-maintenance-too-long = A maintenance lasts one year at most.
equip-maintenance-motif-required = Enter the reason of the maintenance.
equip-maintenance-booked = Bookings already hold part of this period: cancel them first.
equip-notice-maintenance = The maintenance is planned; the equipment cannot be booked during that period.

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

equip-admin-title = Equipment: quotas and managers
equip-admin-quotas = Monthly quotas of organisations
equip-admin-quotas-lead = Hours of booking per month an organisation may use across all equipment. Without a quota, no limit.
equip-admin-hours = Hours per month
equip-admin-hours-hint = A whole number of hours, from 0 to 744.
equip-admin-quota-submit = Save the quota
equip-admin-managers = Managers
equip-admin-manager-email = Manager's e-mail address
equip-admin-manager-submit = Add the manager
equip-admin-no-manager = none (the campus team approves)
equip-admin-choose-organisation = Choose an organisation
equip-admin-choose-equipment = Choose a piece of equipment
equip-admin-organisation-invalid = Choose an organisation from the list.
equip-admin-equipment-invalid = Choose a piece of equipment from the list.
equip-admin-hours-invalid = Enter a whole number of hours between 0 and { $max }.
equip-admin-notice-quota = The quota is saved.
equip-admin-notice-manager = The manager is added; they now approve this equipment's requests.
