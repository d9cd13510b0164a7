## Events: agenda, registrations, consent, check-in, survey

nav-events = Events and visits

evenement-kind-atelier_decouverte = Careers discovery workshop
evenement-kind-visite_site = Site visit
evenement-kind-forum_salon = Forum or fair
evenement-kind-portes_ouvertes = Open day
evenement-kind-conference = Conference
evenement-kind-job_dating = Job dating

evenement-audience-collegiens = Middle-school pupils
evenement-audience-lyceens = High-school pupils
evenement-audience-etudiants = Students
evenement-audience-apprentis = Apprentices
evenement-audience-salaries = Employees
evenement-audience-demandeurs_emploi = Jobseekers
evenement-audience-enseignants = Teachers
evenement-audience-formateurs = Trainers

inscription-status-confirmee = Confirmed
inscription-status-attente_consentement = Waiting for a parent's consent
inscription-status-liste_attente = On the waiting list
inscription-status-annulee = Cancelled
inscription-kind-personne = Individual
inscription-kind-classe = Class

agenda-title = Events
agenda-lead = Careers discovery workshops, company and lab visits, forums, open days, conferences and job datings of the campus network.
agenda-filter-label = Filter the events
agenda-filter-public = Audience
agenda-filter-kind = Kind of event
agenda-filter-metier = Trade (ROME code)
agenda-filter-metier-hint = For example H3301.
agenda-filter-submit = Filter
agenda-count = { $count ->
    [0] No upcoming event matches.
    [one] One upcoming event.
   *[other] { $count } upcoming events.
}

evenement-when = on { $date } from { $start } to { $end }
evenement-when-days = from { $date } { $start } to { $end_date } { $end }
evenement-closed = Registration is closed: the event has started.
evenement-full = Full: registration on the waiting list
evenement-seats-left = { $count ->
    [one] One seat left
   *[other] { $count } seats left
}
evenement-capacity = { $count ->
    [one] one seat
   *[other] { $count } seats
}
evenement-audiences = Audiences
evenement-fact-kind = Kind
evenement-fact-organiser = Organised by
evenement-fact-when = Date
evenement-fact-place = Place
evenement-fact-capacity = Capacity
evenement-romes = Trades to discover
evenement-rome-link = Trade { $code }
evenement-ical = Add to my calendar (iCal file)
evenement-organiser-nav = Running the event
evenement-edit = Edit the event
evenement-registrations = Registrations
evenement-safety-title = Safety rules
evenement-safety-min-age = Minimum age: { $age } on the day of the visit.
evenement-safety-clean-room = Clean-room access: specific clothing provided, gowning rules apply.
evenement-safety-gmp = Site under good manufacturing practice (GMP): no jewellery, make-up or personal items in production areas.

evenement-new-title = Create an event
evenement-edit-title = Edit “{ $title }”
evenement-save = Save the event
evenement-field-organisation = Organising organisation
evenement-field-title = Title
evenement-field-place-legend = Place
evenement-field-dates-legend = Date and times
evenement-field-start = Start
evenement-field-end = End
evenement-field-datetime-hint = Paris time, as DD/MM/YYYY HH:MM.
evenement-field-capacity = Number of seats
evenement-field-capacity-hint = Beyond it, registrations go to the waiting list.
evenement-field-romes = Linked trades (ROME codes)
evenement-field-romes-hint = Separated by commas, for example H3301, H1502.
evenement-field-min-age = Minimum age
evenement-field-min-age-hint = For visits of production sites; leave empty otherwise.
evenement-field-clean-room = Clean-room visit
evenement-field-gmp = Site under good manufacturing practice (GMP)
evenement-field-safety-notes = Other rules
evenement-field-organisation-invalid = Choose an organisation you are a member of.
evenement-field-kind-invalid = Choose a kind of event from the list.
evenement-field-publics-required = Tick at least one audience.
evenement-field-publics-invalid = This audience is not in the list.

evenement-error-date = Enter a valid date and time, for example 03/12/2026 09:30.
evenement-error-skipped-time = This time does not exist: when summer time starts, clocks jump from 2:00 to 3:00. Choose another time.
evenement-error-start-past = The start date has passed: choose a date to come.
evenement-error-end-before-start = The end must be after the start.
evenement-error-too-long = An event lasts at most 7 days.
evenement-error-capacity = Enter a whole number of seats, for example 30.
evenement-error-capacity-positive = The number of seats must be at least 1.
evenement-error-capacity-large = The number of seats cannot exceed 10,000.
evenement-error-capacity-below-taken = { $count ->
    [one] One seat is already taken: the capacity cannot be lower.
   *[other] { $count } seats are already taken: the capacity cannot be lower.
}
evenement-error-min-age = The minimum age must be between 10 and 25.
evenement-error-class-size = Enter a number of pupils between 1 and 60.
evenement-error-class-capacity = The class has more pupils than the event has seats: a class is never split.
evenement-error-too-young = This visit is for people aged at least { $age } on the day of the event.
evenement-error-closed = Registration is closed: the event has started.
evenement-error-birth-date = Enter a valid date of birth, as DD/MM/YYYY.
evenement-error-rome = “{ $code }” is not a ROME code (a letter and four digits, for example H3301).
evenement-error-rome-count = Link at most { $max } trades.

inscription-title = Register
inscription-waitlist-notice = The event is full: your registration will go to the waiting list, in order of arrival. You will get an e-mail if a seat frees up.
inscription-person-legend = Individual registration
inscription-field-name = Full name
inscription-field-birth = Date of birth
inscription-field-birth-hint = Used to check the minimum age and, for a minor, to ask a parent's consent. It is not kept.
inscription-field-parent = A parent's e-mail
inscription-field-parent-hint = Required under 18: the parent receives a link to give their consent.
inscription-field-public = You are
inscription-field-public-choose = Choose…
inscription-field-level = Level or class
inscription-field-level-hint = For example: Year 10, BTS, master.
inscription-field-organisation = School or company
inscription-submit = Register me
inscription-class-legend = Register a class
inscription-class-hint = One request for the whole class: it is confirmed for every pupil or put whole on the waiting list.
inscription-field-class = Class
inscription-field-class-hint = For example: 3e B.
inscription-field-pupils = Number of pupils
inscription-field-pupils-hint = Not counting accompanying adults.
inscription-field-school = School
inscription-class-submit = Register the class
inscription-attestation = I certify that the school collected the parental authorisations of the minor pupils for this outing.
inscription-attestation-age = I certify that the school collected the parental authorisations of the minor pupils for this outing and that every pupil will be at least { $age } on the day of the visit.
inscription-field-public-invalid = Choose an audience from the list.
inscription-field-parent-required = For a minor, give a parent's e-mail.
inscription-field-parent-same = The parent's e-mail must differ from yours.
inscription-field-attestation-required = Tick the certification to register the class.
inscription-duplicate = You are already registered to this event with this address (or this class already is).
inscription-api-one-of = Give either “personne” or “classe”.

ticket-title = Registration: { $title }
ticket-holder = Registered
ticket-seats = { $count ->
    [one] one seat
   *[other] { $count } seats
}
ticket-status = Status
ticket-status-confirmee = Your seat is confirmed. Show your code at the entrance.
ticket-status-attente_consentement = Your seat is held. It will be confirmed as soon as a parent consents through the link sent by e-mail.
ticket-status-liste_attente = You are on the waiting list. If a seat frees up, it goes to you in order of arrival and you get an e-mail.
ticket-status-annulee = This registration is cancelled.
ticket-code-title = Entrance code
ticket-code-hint = Show it at the entrance, or the QR code below.
ticket-qr-label = QR code of registration { $code }
ticket-event = The event
ticket-event-page = Event page
ticket-cancel = Cancel my registration
ticket-notice-registered = Registration saved. A confirmation e-mail was sent to you.
ticket-notice-cancelled = Registration cancelled.

consent-title = Parental consent
consent-lead = { $name } wishes to take part in “{ $title }”. Their seat is held until you consent.
consent-field-name = Your full name
consent-field-agree = I allow { $name } to take part in this event and I have read the safety rules.
consent-field-agree-required = Tick the box to give your consent.
consent-submit = Give my consent
consent-refuse = Refuse and cancel the registration
consent-outcome-given = Consent recorded, given by { $name }. The seat is confirmed.
consent-outcome-cancelled = This registration is cancelled.

registrations-title = Registrations: { $title }
registrations-summary = { $taken } seats taken out of { $capacity }, { $waiting } requests on the waiting list, { $checked } people checked in.
registrations-export = Export as CSV
registrations-none = No registration yet.
registrations-caption = Registrations, in order of arrival
registrations-minor = minor

csv-code = Code
csv-kind = Kind
csv-name = Name
csv-email = E-mail
csv-seats = Seats
csv-public = Audience
csv-level = Level
csv-organisation = School or company
csv-minor = Minor
csv-status = Status
csv-consent = Parental consent
csv-checked-in = Check-in
csv-registered-at = Registered on
csv-yes = Yes
csv-no = No

pointage-title = Check-in at the entrance
pointage-field-code = Registration code
pointage-field-code-hint = The 8 characters of the ticket, or scan its QR code.
pointage-submit = Check in
pointage-list = Attendance list
pointage-print-hint = Print this page for a paper list.
pointage-at = arrived at { $time }
pointage-done = { $name } is checked in ({ $seats } seat(s)).
pointage-unknown = No registration to this event has this code.
pointage-no-consent = { $name } does not have a parent's consent yet: entry is not possible.
pointage-not-confirmed = The registration of { $name } is not confirmed.
pointage-already = { $name } is already checked in.

results-title = Satisfaction survey results
results-answers = { $count ->
    [0] No answer yet.
    [one] One answer.
   *[other] { $count } answers.
}
results-average = Average rating
results-recommend = Would recommend the event
results-recommend-count = { $count ->
    [one] one person
   *[other] { $count } people
}
results-distribution = Ratings
results-count = Answers
results-comments = Comments

avis-title = Your opinion on “{ $title }”
avis-field-rating = Your satisfaction
avis-rating-1 = 1 – Not satisfied at all
avis-rating-2 = 2 – Not very satisfied
avis-rating-3 = 3 – Fairly satisfied
avis-rating-4 = 4 – Satisfied
avis-rating-5 = 5 – Very satisfied
avis-field-recommend = Would you recommend this event?
avis-field-comment = A comment (optional)
avis-submit = Send my opinion
avis-field-rating-required = Choose a rating from 1 to 5.
avis-field-recommend-required = Answer yes or no.
avis-thanks = Thank you, your opinion is saved.
avis-not-yet = The survey opens when the event ends.

mine-title = My events
mine-consents-title = Parental consents to give
mine-consents-hint = Your child registered with your address: give or refuse your consent from here, as from the e-mail's link (ÉduConnect sign-in included).
mine-consent-item = Give or refuse my consent for { $name }: { $title }
mine-none = You are not registered to any event.
feed-person-title = My events in my calendar
feed-person-name = My Campus CosmetoPharma events
feed-organisation-title = The organisation's events in a calendar
feed-hint = Subscribe your calendar application to this personal address; do not share it.
feed-renew = Replace this address
feed-renew-hint = The current address stops working at once; subscribe your calendar to the new one.
feed-replaced-person = This calendar address has been replaced. Find the new one on your “My events” page (My account menu).
feed-replaced-organisation = This calendar address has been replaced. Members of the organisation find the new one on the registrations page of each of its events.
feed-replaced-equipement = This calendar address has been replaced. The equipment’s managers find the new one on its page.

mail-evenement-about =
    { $title }
    { $when }
    { $place }
mail-evenement-no-safety = No particular rule.
mail-inscription-subject = Registration confirmed: { $title }
mail-inscription-confirmed =
    Hello { $name },

    Your registration is confirmed:

    { $about }

    Your entrance code: { $code }

    Your ticket, and cancellation if you cannot come:
    { $link }
mail-inscription-class =
    Hello,

    The registration of class { $name } ({ $seats } pupils) is confirmed:

    { $about }

    Entrance code of the class: { $code }

    The ticket, and cancellation if the outing does not take place:
    { $link }
mail-inscription-consent-pending =
    Hello { $name },

    Your seat is held:

    { $about }

    It will be confirmed as soon as your parent consents through the link we just sent them.

    Your registration:
    { $link }
mail-inscription-waitlist-subject = Waiting list: { $title }
mail-inscription-waitlist =
    Hello { $name },

    The event is full; your request ({ $seats } seat(s)) is on the waiting list:

    { $about }

    If a seat frees up, it goes to you in order of arrival and you get an e-mail.

    Your registration, and cancellation:
    { $link }
mail-promoted-subject = A seat freed up: { $title }
mail-promoted =
    Hello { $name },

    A seat freed up: your registration ({ $seats } seat(s)) is confirmed.

    { $about }

    Your entrance code: { $code }

    Your ticket, and cancellation if you can no longer come:
    { $link }
mail-promoted-consent-pending =
    Hello { $name },

    A seat freed up and is held for you:

    { $about }

    It will be confirmed as soon as your parent consents through the link we just sent them.

    Your registration:
    { $link }
mail-consent-subject = Your consent is asked: { $title }
mail-consent-body =
    Hello,

    { $name } registered to an event organised by { $organiser } with the Campus CosmetoPharma:

    { $about }

    Safety rules:
    { $safety }

    As { $name } is a minor, their seat will be confirmed after your consent. To give (or refuse) it:
    { $link }
mail-consent-recorded-subject = Consent recorded: { $title }
mail-consent-recorded-body =
    Hello,

    Your consent to the participation of { $name } is recorded; their seat is confirmed:

    { $about }
mail-cancelled-subject = Registration cancelled: { $title }
mail-cancelled-body =
    Hello { $name },

    Your registration is cancelled:

    { $about }

    Your seat was offered to the next person on the waiting list, if any.
mail-reminder-subject = Reminder: { $title }
mail-reminder-body =
    Hello { $name },

    We look forward to seeing you soon:

    { $about }

    Your entrance code: { $code }

    Safety rules:
    { $safety }

    If you cannot come, cancel to free the seat:
    { $link }
mail-survey-subject = Your opinion on: { $title }
mail-survey-body =
    Hello { $name },

    Thank you for taking part in “{ $title }”. Two minutes to tell us what you thought?

    { $link }
inscription-email-compte = You will be registered at your account's address: { $email }.
mail-inscription-pas-moi = Not you? Open this link and cancel the registration: the seat goes back to the waiting list.
    { $link }
