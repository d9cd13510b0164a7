## Personal data: access, erasure, processings

donnees-titre = My data
donnees-intro = Download everything the platform keeps about you (account, organisations, registrations, bookings, habilitations, paths, module requests, tokens, sign-ins, e-mails, audit trail), as JSON.
donnees-telecharger = Download my data
donnees-supprimer = Delete my account

suppression-title = Delete my account
suppression-intro = Deletion is final. This is what will happen:
suppression-effet-compte = your account is closed: you are signed out, your name, address, password, tokens, habilitations, saved paths and organisation memberships are erased;
suppression-effet-inscriptions = { $count ->
    [0] you have no upcoming registration;
    [one] your upcoming registration is cancelled and its seat offered to the waiting list;
   *[other] your { $count } upcoming registrations are cancelled and their seats offered to the waiting list;
}
suppression-effet-reservations = { $count ->
    [0] you have no upcoming equipment booking;
    [one] your upcoming equipment booking is cancelled;
   *[other] your { $count } upcoming equipment bookings are cancelled;
}
suppression-effet-statistiques = what you did still counts in the campus's statistics (event participants, equipment hours), with nothing that identifies you.
suppression-telecharger-avant = to keep a copy, download your data before deleting your account.
suppression-transmettre-titre = To hand over first
suppression-a-transmettre = You are in charge of upcoming events or of equipment: ask the campus team to give them to someone else, then come back to delete your account.
suppression-a-transmettre-detail = To hand over to someone else first: { $liste }.
suppression-confirmation = I understand that my account and my data will be deleted for good.
suppression-confirmation-requise = Tick the box to confirm the deletion.
suppression-submit = Delete my account for good
suppression-retour = Back to my account
suppression-faite = Your account was deleted and your personal data erased.

mail-inactivite-sujet = Your account will be deleted for lack of use
mail-inactivite-corps = Hello { $nom },

    You have not signed in to the Campus CosmetoPharma platform for a long time. So as not to keep your data for no reason, your account and personal data will be deleted in { $jours } days.

    To keep your account, just sign in before then: { $url }/connexion

    The Campus CosmetoPharma Centre-Val de Loire team

traitements-title = Personal data
traitements-intro = Each processing of personal data by the platform: why, on what legal basis, which data, for how long and for whom. No data is sold or used for advertising; no tracker is set, only technical cookies (session, form protection, language). Passwords are kept as argon2id hashes that nobody can read.
traitements-finalite = Purpose
traitements-base = Legal basis
traitements-donnees = Data
traitements-conservation = Retention
traitements-destinataires = Recipients
traitements-droits-titre = Your rights
traitements-droits = From "My account" you download all your data (right of access and portability), correct it and delete your account (right to erasure). For any other request, or to object to a processing, write to the campus team; you may also refer to the CNIL.

traitement-conservation-comptes = As long as the account is used; deleted after { $inactifs } days without sign-in (with a warning e-mail { $avertissement } days before); an account whose address was never confirmed is deleted after { $non_verifies } days.
traitement-conservation-evenement = With the registered person's account (deleted after { $inactifs } days without sign-in); a registration without an account is kept only as a participant count.
traitement-conservation-mineurs = Name and addresses erased { $jours } days after the event ends; only the audience, level and attendance remain, for statistics.
traitement-conservation-journal = { $jours } days.

traitement-comptes = Accounts and sign-in
traitement-comptes-finalite = Let you use the platform's personal spaces and sign in, including through ProConnect or ÉduConnect.
traitement-comptes-base = Performance of the service's terms of use (GDPR article 6.1.b).
traitement-comptes-donnees = E-mail address, display name, role, situation if you give it, language, sign-in dates, ProConnect or ÉduConnect identifier.
traitement-comptes-destinataires = The campus team.

traitement-inscriptions = Event registrations
traitement-inscriptions-finalite = Run discovery workshops, site visits and other events: seats, waiting list, reminders, check-in, satisfaction survey.
traitement-inscriptions-base = Public-interest task of guidance and training (GDPR article 6.1.e).
traitement-inscriptions-donnees = Name, e-mail address, audience, level, school, attendance, feedback.
traitement-inscriptions-destinataires = The event's organiser and the campus team.

traitement-mineurs = Minors' registrations and parental consent
traitement-mineurs-finalite = Obtain a parent's consent before registering a minor for an event, in particular an industrial site visit.
traitement-mineurs-base = Public-interest task (GDPR article 6.1.e) and consent of the holder of parental authority.
traitement-mineurs-donnees = Minor's name and address, parent's e-mail and name, date of consent.
traitement-mineurs-destinataires = The event's organiser and the campus team.

traitement-reservations = Pooled equipment bookings
traitement-reservations-finalite = Book the technology platform's equipment, check habilitations, count organisations' quotas.
traitement-reservations-base = Performance of the service's terms of use (GDPR article 6.1.b).
traitement-reservations-donnees = Name, e-mail address, organisation, slots, purpose of the booking, habilitations.
traitement-reservations-destinataires = The equipment's managers and the campus team.

traitement-projets = Network projects
traitement-projets-finalite = Run the school–research, industrial pedagogical and We Lab projects: members, documents, stages and milestones.
traitement-projets-base = Public-interest task of the schools and the campus (GDPR article 6.1.e); performance of a contract for partners.
traitement-projets-donnees = Name, address and role of members and guests, documents deposited, review decisions and comments. Pupils are never named on a project's public page.
traitement-projets-destinataires = The project's members and the campus team; the public for the page and published documents of a public project.
traitement-ressources = Teaching resource library
traitement-ressources-finalite = Share the network's teaching resources, review them before publication and tell their authors (decision, broken link).
traitement-ressources-base = Public-interest task of the schools and the campus (GDPR article 6.1.e).
traitement-ressources-donnees = Author's account, credited authors and organisation, uploaded files, reason of a sending back. Views and downloads are counted per day without knowing who.
traitement-ressources-destinataires = The campus team; the public, the network or the organisation as the chosen visibility says, once the resource is approved.
traitement-experts = Experts' network
traitement-experts-finalite = Publish the network's expert profiles and pass on requests for their time, their answers and reminders.
traitement-experts-base = The expert's consent, who may pause or withdraw their profile at any time (GDPR article 6.1.a).
traitement-experts-donnees = The expert's name, title, organisation, subjects, languages and availability; requests received and answers; contributions, shown with their consent.
traitement-experts-destinataires = The public for the directory (without address); the requester receives the expert's address only if they accept; the campus team.
traitement-mobilite = European mobility
traitement-mobilite-finalite = Organise the mobilities abroad of learners and staff: applications, learning agreement, approvals of the sending and host establishments, parental consent for minors, Europass Mobility document and Erasmus+ beneficiary report.
traitement-mobilite-base = Public-interest task of the establishments and the campus (GDPR article 6.1.e); for minors, a parent's consent before any mobility.
traitement-mobilite-donnees = Date of birth, e-mail address and name of the consenting parent (minors), certification prepared, skills of the learning agreement and skills acquired, host mentor's name, wish for fewer-opportunities support. When the account is erased, these data and the Europass document are deleted; the dates, country, funding and level counted in the Erasmus+ report stay, without a name.
traitement-mobilite-destinataires = The learner, their establishment (campus team, trainers of their organisation), the host establishment for the learning agreement; the Erasmus+ agency receives the report without names.
traitement-modules = On-demand training modules
traitement-modules-finalite = Handle companies' training requests, trainers' proposals and trainee lists.
traitement-modules-base = Performance of a contract or pre-contractual steps (GDPR article 6.1.b).
traitement-modules-donnees = Name and address of the requester, trainers and trainees; need, place, dates.
traitement-modules-destinataires = The requesting company, the training bodies asked and the campus team.

traitement-parcours = Training paths
traitement-parcours-finalite = Compute and keep your training paths, and let the people you choose support you.
traitement-parcours-base = Consent, which you may withdraw at any time (GDPR article 6.1.a).
traitement-parcours-donnees = Target trade, declared skills, place, dates, saved paths, supports.
traitement-parcours-destinataires = You, and the people who support you at your request.

traitement-reseau = Network directory
traitement-reseau-finalite = Present the partner organisations and their members entitled to act for them.
traitement-reseau-base = The campus's legitimate interest in running its network (GDPR article 6.1.f).
traitement-reseau-donnees = Name, organisation and role in it.
traitement-reseau-destinataires = The organisation's members and the campus team.

traitement-securite = Security and audit trail
traitement-securite-finalite = Protect accounts (sign-in attempts, abuse limits) and keep track of sensitive changes (roles, organisations, erasures).
traitement-securite-base = Security obligation (GDPR article 32) and legitimate interest (article 6.1.f).
traitement-securite-donnees = E-mail and IP address of sign-in attempts, audit trail actions.
traitement-securite-destinataires = The platform's administrators.
