## Page frame

site-name = Campus CosmetoPharma
site-tagline = Campus of excellence for trades and qualifications – Centre-Val de Loire
skip-to-content = Skip to content
nav-label = Main menu
nav-home = Home
nav-search = Find a training
nav-parcours = My training path
nav-plan = Action plan
nav-organisations = Partner network
nav-account = My account
nav-admin = Administration
nav-logout = Sign out
nav-login = Sign in
nav-register = Create an account
footer-about = The Campus CosmetoPharma brings together schools, universities, laboratories, training bodies and companies of the cosmetics and pharmaceutical industries of the Centre-Val de Loire region.
footer-accessibility = Accessibility: partially compliant
footer-privacy = Personal data
footer-legal = Legal notice
footer-api = API (OpenAPI)
filter-all = All
pagination-label = Pagination
pagination-prev = Previous page
pagination-next = Next page
pagination-page = Page { $page }

## Forms

form-error-summary = { $count ->
    [one] The form contains one error
   *[other] The form contains { $count } errors
}
form-required = (required)
form-error-prefix = Error:
form-error-title-prefix = Error –
field-email = E-mail address
field-email-hint = For example: firstname.lastname@example.com
field-password = Password
field-new-password = New password
field-password-hint = At least 12 characters. A sentence that is easy to remember works very well.
field-current-password = Current password
field-display-name = Display name
field-display-name-hint = Your first and last name, as other members will see them.
field-statut = Your situation
field-statut-hint = It helps us suggest suitable trainings and events. Optional.
field-statut-none = I prefer not to say
field-statut-invalid = Choose a situation from the list.
field-locale = Interface language
field-locale-invalid = Choose a language from the list.
field-token-name = Token name
field-token-name-hint = To recognise it later, for example "tracking spreadsheet".
field-org-name = Organisation name
field-org-kind = Kind of organisation
field-org-origine = Origin
field-org-kind-invalid = Choose a kind of organisation from the list.
field-siret = SIRET number (French business identifier)
field-siret-hint = 14 digits, optional.
field-uai = UAI code (French school identifier)
field-uai-hint = 7 digits followed by a letter, for example 0450855K. Optional.
field-description = Presentation
field-adresse = Address
field-code-postal = Postcode
field-commune = Town
field-departement = Département
field-departement-hint = Deduced from the postcode if not chosen.
field-site-web = Website
field-site-web-invalid = Enter a full web address, starting with https://
field-email-contact = Contact e-mail
field-member-email = Member's e-mail address
field-member-email-hint = The person must already have an account on the platform.
field-member-role = Role in the organisation
field-member-role-invalid = Choose a role from the list.
field-role-invalid = This role does not exist.

## Errors

error-status = Error code: { $status }
error-back-home = Back to the home page
error-bad-request-title = Bad request
error-bad-request = The request could not be understood.
error-unauthorized-title = Sign-in required
error-unauthorized = You must be signed in to access this page or resource.
error-forbidden-title = Access denied
error-forbidden = Your account does not give access to this page. If you think this is a mistake, contact the campus team.
error-not-found-title = Page not found
error-not-found = The page or resource you asked for does not exist or has moved.
error-method-title = Method not allowed
error-method = This address does not accept this kind of request.
error-timeout-title = Service temporarily unavailable
error-timeout = Processing took too long. Try again in a moment.
error-gone-title = Address replaced
error-gone = This address is no longer valid.
error-conflict-title = Conflict
error-conflict = This value is already in use.
error-too-large-title = Request too large
error-too-large = The data sent exceeds the allowed size.
error-uri-too-long-title = Address too long
error-uri-too-long = The requested address exceeds 8 KiB. Shorten the search or send the data with a form.
error-headers-too-large-title = Headers too large
error-headers-too-large = The request headers (cookies included) exceed the allowed size. Clear this site's cookies and try again.
error-query-encoding = The address parameters are not UTF-8 encoded.
error-unavailable-title = Service not ready yet
error-unavailable = This node of the platform is not ready to serve.
error-media-type-title = Unsupported format
error-media-type = The format of the data sent is not supported.
error-invalid-title = Invalid data
error-invalid = Some data are invalid: see the details of each field.
error-too-many-title = Too many requests
error-too-many = Too many requests in a short time. Wait before trying again.
error-internal-title = Service error
error-internal = An unexpected error occurred. It has been recorded; try again later.
error-csrf = This form has expired or was not sent from this platform. Reload the page and send it again.
error-encoding = The data sent are not encoded in UTF-8.
error-form = The form sent is malformed.
error-json = The JSON document sent is invalid.

## Home

home-title = The Campus CosmetoPharma Centre-Val de Loire
home-lead = Training for the trades of cosmetics and pharmaceutical production, from three years before the baccalauréat to five years after, and supporting everyone in a lifelong training path.
home-figure-jobs = Over 15,000
home-figure-jobs-text = direct jobs in about a hundred industrial plants of the region
home-figure-cosmetics = 3rd region
home-figure-cosmetics-text = for cosmetics production in France
home-figure-pharma = 4th region
home-figure-pharma-text = for the production of medicines
home-search-title = Find a trade or a training near me
home-search-field-q = Trade, training or keyword
home-search-field-q-hint = For example: packaging, maintenance technician, BTS.
home-search-submit = Search
home-services-title = What the campus offers you
home-service-parcours-title = Build my training path
home-service-parcours-text = Say where you stand and the trade you aim for: the platform works out the trainings that lead there, near you.
home-service-events-title = Events and company visits
home-service-events-text = Fairs, trade discovery workshops, visits of industrial sites: register on your own or with your class.
home-service-equipements-title = Equipment of the technology platform
home-service-equipements-text = The campus's pooled equipment, its prices by public and its free slots, to book online.
home-events-title = Coming events
home-events-none = No event is announced for now.
home-events-all = The whole agenda of events and visits
home-metiers-title = The campus's trades
home-metiers-lead = Production, packaging, laboratory, quality, maintenance, logistics: the trades of the cosmetics and pharmaceutical industries.
home-metiers-none = The directory of trades is not imported yet.
home-metiers-all = The campus's trades and the certifications that lead to them
home-publics-title = Who is it for?
home-public-young-title = Pupils, students and apprentices
home-public-young-text = Discover the trades in short supply – production or packaging operator, analysis and quality-control technician, maintenance technician – and find a training near you.
home-public-adults-title = Employees and job seekers
home-public-adults-text = Change careers, train for the changes in the trades (Industry 4.0, bioproduction) and have your experience recognised.
home-public-companies-title = Companies
home-public-companies-text = Access teaching and technological resources, request training modules and take part in renewing the trainings.
home-axes-title = The action plan: 4 axes, 8 levers
home-axes-lead = The platform carries the structure of the campus's action plan: each lever finds its tools here.
axe-1-title = Axis 1 – Make the trades attractive
axe-2-title = Axis 2 – Adapt the training offer
axe-3-title = Axis 3 – Ensure innovation reaches production
axe-4-title = Axis 4 – Support projects and reach out nationally and internationally
lever-label = Lever { $number }
lever-1-title = Make the trades and trainings more attractive
lever-1-text = Communication tools and job-discovery kits, discovery workshops with professionals, welcome spaces and site visits.
lever-1-module = On the platform: discovering trades, agenda of workshops and visits.
lever-2-title = Improve access to employment
lever-2-text = Regional events for students and people changing careers, support for apprenticeship, entrepreneurship and innovation transfer with the We Lab pre-incubator.
lever-2-module = On the platform: offers, applications and bridges between trades.
lever-3-title = Create a dedicated training offer
lever-3-text = Industry 4.0 training hub for operators and technicians, modules delivered inside companies, new engineering and pharmacist-engineer curricula, on-demand modules.
lever-3-module = On the platform: catalogue of certifications and trainings, individual paths, on-demand modules.
lever-4-title = Create teaching projects that introduce research
lever-4-text = School–research teaching projects and research initiation for secondary-school pupils.
lever-4-module = On the platform: projects and network of researchers.
lever-5-title = Foster research and innovation transfer to production
lever-5-text = A technology platform pooling equipment, skills development for trainers, industrial teaching projects and a digital collaborative platform.
lever-5-module = On the platform: booking of pooled equipment.
lever-6-title = Welcome people in dedicated places
lever-6-text = Places where pupils, teachers, researchers and industry meet; a network of establishments and experts.
lever-6-module = On the platform: directory of the partner and expert network.
lever-7-title = Strengthen European partnerships
lever-7-text = Student mobility and teacher exchanges.
lever-7-module = On the platform: follow-up of mobility.
lever-8-title = Lead a network of actors and evaluate the actions
lever-8-text = Running the network and evaluating the campus's actions.
lever-8-module = On the platform: indicators, dashboards and reports.
home-network-title = The campus network
home-network-text = Schools, universities, laboratories, training bodies, companies and competitiveness clusters work together within the campus.
home-network-link = Discover the partners

## Information pages

a11y-title = Accessibility statement
a11y-p1 = The Campus CosmetoPharma is committed to making its platform accessible in accordance with article 47 of French law no. 2005-102 of 11 February 2005, following the French accessibility framework RGAA 4.1, which takes up the WCAG 2.1 level AA criteria.
a11y-p2 = Compliance status: partially compliant. Every page is checked automatically for each release (axe-core tool); a full audit remains to be done.
a11y-p3 = Every page works without JavaScript, with a keyboard and on a phone; forms report their errors at the top of the page with a link to each field.
a11y-p4 = If you cannot access some content or service, write to the campus team: we will answer and offer an alternative. You may also refer the matter to the Défenseur des droits (French rights ombudsman).
legal-title = Legal notice
legal-p1 = Platform of the Campus CosmetoPharma Centre-Val de Loire, a campus of excellence for trades and qualifications led by the Rectorat de l'académie d'Orléans-Tours and the Centre-Val de Loire Regional Council.
legal-p2 = Public reference data (ROME, RNCP, Formacode, training offers) are reused under the Licence Ouverte / Open Licence.

## Sign-in and registration

login-title = Sign in
login-submit = Sign in
login-forgot = Forgot your password?
login-no-account = No account yet? Create an account
login-password-missing = Enter your password.
login-invalid = Incorrect e-mail address or password.
login-disabled = This account has been disabled. Contact the campus team.
login-unverified = Confirm your e-mail address first: a new confirmation link has just been sent to you.
login-throttled = { $minutes ->
    [one] Too many sign-in attempts. Try again in 1 minute.
   *[other] Too many sign-in attempts. Try again in { $minutes } minutes.
}
register-title = Create an account
register-lead = An account lets you register for events, save your training paths and follow your requests.
register-privacy = We use this information for your account only.
register-submit = Create my account
register-done-title = Check your inbox
register-done-text = If the address { $email } can receive an account, an e-mail has just been sent to it with a link to confirm the registration. The link is valid for 72 hours.
verify-title = Confirm your e-mail address
verify-text = Confirm that the address { $email } is yours to activate your account.
verify-submit = Confirm my address
verify-done-title = Address confirmed
verify-done-text = Your e-mail address is confirmed. You can now sign in.
link-dead-title = Link cannot be used
link-expired = This link has expired. Ask for a new one: by signing in for an address confirmation, or from "Forgot your password?".
link-used = This link has already been used. You can sign in.
link-unknown = This link is not valid. Check that it was copied in full.
forgot-title = Forgot your password
forgot-lead = Enter the e-mail address of your account: we will send you a link to choose a new password.
forgot-submit = Send me the link
forgot-done-title = Check your inbox
forgot-done-text = If an account exists for { $email }, an e-mail has just been sent to it with a link to choose a new password.
reset-title = Choose a new password
reset-lead = This new password will replace the old one and close all your open sessions.
reset-submit = Save the password
reset-done-title = Password changed
reset-done-text = Your password has been changed. Sign in with the new one.
invitation-title = Join the campus platform
invitation-lead = You have been invited. Choose your display name and a password to activate your account.
invitation-submit = Activate my account

## E-mails

mail-verify-subject = Confirm your e-mail address – Campus CosmetoPharma
mail-verify-body =
    Hello { $name },

    To activate your account on the Campus CosmetoPharma platform, open this link:

    { $link }

    The link is valid for 72 hours. If you did not create an account, ignore this message.

    The Campus CosmetoPharma team
mail-already-subject = Registration attempt – Campus CosmetoPharma
mail-already-body =
    Hello,

    Someone tried to create an account with your e-mail address, which already has an account on the Campus CosmetoPharma platform.

    If it was you and you have forgotten your password, choose a new one here:

    { $link }

    Otherwise, ignore this message: your account has not been changed.

    The Campus CosmetoPharma team
mail-reset-subject = New password – Campus CosmetoPharma
mail-reset-body =
    Hello { $name },

    To choose a new password, open this link (valid for { $minutes } minutes, once only):

    { $link }

    If you did not ask for this, ignore this message: your password stays unchanged.

    The Campus CosmetoPharma team
mail-invite-subject = Invitation to the Campus CosmetoPharma platform
mail-invite-body =
    Hello { $name },

    { $inviter } invites you to join the platform of the Campus CosmetoPharma Centre-Val de Loire with the role "{ $role }".

    To activate your account, open this link and choose your password:

    { $link }

    The Campus CosmetoPharma team

## Account

account-title = My account
account-identity = My details
account-role = Role
account-save = Save
account-organisations = My organisations
account-no-organisation = You are not a member of any organisation.
account-password = Change password
account-password-submit = Change the password
account-password-wrong = The current password is incorrect.
account-access = Access
account-tokens-link = API access tokens
account-close-sessions = Close my sessions on other devices
account-notice-profile = Your details have been saved.
account-notice-federation = Your ProConnect or ÉduConnect identity is linked to your account.
account-notice-password = Your password has been changed. Your other sessions have been closed.
account-notice-sessions = Your sessions on other devices have been closed.
tokens-title = API access tokens
tokens-lead = A token lets a program use the API on your behalf, with the same rights as your account. Revoke it as soon as it is no longer needed.
tokens-created = Here is your new token. Copy it now: it will never be shown again.
tokens-create = Create a token
tokens-list = My tokens
tokens-none = You have no token.
tokens-prefix = Start of the token
tokens-created-at = Created on
tokens-state = State
tokens-actions = Actions
tokens-revoked = Revoked
tokens-active = Active
tokens-revoke = Revoke the token "{ $name }"
tokens-notice-revoked = The token has been revoked.

## Organisations

organisations-title = The partner network
organisations-lead = Schools, universities, training bodies, laboratories, companies and clusters of the campus.
organisations-new = Add an organisation
organisations-filter-label = Filter organisations
organisations-filter-query = Name or town
organisations-filter-submit = Filter
organisations-count = { $count ->
    [0] No organisation matches.
    [one] 1 organisation
   *[other] { $count } organisations
}
organisation-reference-lead = This apprenticeship training organisation is listed in the national catalogue of the mission apprentissage; it is not yet a member of the campus network. Its trainings are placed at its address.
organisation-edit = Edit the page
organisation-edit-title = Edit "{ $name }"
organisation-save = Save the page
organisation-members = Members
organisation-no-members = No members yet.
organisation-member-remove = Remove { $name }
organisation-member-add = Add a member
organisation-member-add-submit = Add
organisation-member-unknown = No account uses this address. Ask the campus team to send an invitation.
organisation-notice-saved = The page has been saved.
organisation-notice-member = The members have been updated.
organisation-siret-taken = This SIRET number already belongs to another organisation.
organisation-uai-taken = This UAI code already belongs to another organisation.

## Administration

admin-title = Campus administration
admin-users-count = accounts
admin-orgs-count = organisations
admin-pending-mail = e-mails waiting to be sent
admin-failing-mail = failed e-mails (new attempt scheduled)
admin-users = User accounts
admin-invite = Invite someone
admin-audit = Latest actions
admin-audit-when = Date
admin-audit-action = Action
admin-audit-subject = Subject
admin-users-filter = Filter accounts
admin-users-query = E-mail or name
admin-users-total = { $count ->
    [0] No account matches.
    [one] 1 account
   *[other] { $count } accounts
}
admin-users-state = State
admin-users-role-of = Role of { $name }
admin-users-set-role = Change the role
admin-users-disabled = Disabled
admin-users-active = Active
admin-users-unverified = Address not confirmed
admin-users-enable = Re-enable { $name }
admin-users-disable = Disable { $name }
admin-notice-role = The role has been changed.
admin-notice-state = The account has been updated.
admin-self = You cannot change your own role or disable your own account.
admin-invite-lead = The person receives an e-mail with a link, valid for 72 hours, to choose their password.
admin-invite-name-hint = They can change it when accepting the invitation.
admin-invite-submit = Send the invitation
admin-invite-admin-forbidden = Only an administrator can invite an administrator.
admin-invite-sent = The invitation has been sent to { $email }.
admin-invite-exists = An account already exists with this address.

## Trades (ROME)

nav-metiers = Trades
metiers-title = Trades
metiers-lead = The fiches of the French operational directory of trades and jobs (ROME 4.0, France Travail), by professional field.
metiers-empty = The trades referential has not been imported on this platform yet.
metiers-domaines = Professional fields
metiers-count = { $count ->
    [one] 1 trade
   *[other] { $count } trades
}
metier-code = ROME fiche { $code }
metier-regulated = regulated job
metier-definition = The trade
metier-access = How to get there
metier-appellations = { $count ->
    [one] 1 job title
   *[other] { $count } job titles
}
metier-skills = Skills
metier-core-explained = Skills marked "core" matter most to practise this trade.
metier-core = core
metier-emerging = emerging
metier-kind-savoir_faire = Know-how
metier-kind-savoir_etre = Soft skills
metier-kind-savoir = Knowledge
metier-contexts = Working conditions
metier-mobilities = Related trades
metier-mobilities-explained = Trades people commonly move on to, according to the ROME.
metier-groupings = Finding your way
metier-grouping-centre_interet = You may like this trade if…
metier-grouping-secteur = Sectors of activity
metier-grouping-naf = Economic sectors (NAF)
metier-grouping-theme = Themes
metier-grouping-main = main
metier-near-title = Train near you
metier-near-hint = Trainings leading to this trade, nearest first.
metier-near-none = No training leading to this trade within this radius: widen the radius, or search the whole catalogue.
metier-near-unknown = Commune not found: check the name or the postal code (for example Tours or 37000).
metier-near-around = Around { $commune }:
metier-near-search = Also search the whole training catalogue by keywords
metier-source = Source: ROME 4.0, France Travail (Licence Ouverte).
metier-certifications = Certifications leading to it

## Certifications

certification-kicker = Certification
certification-level = Level { $level }
niveau-3 = CAP equivalent (three years before the baccalauréat)
niveau-4 = baccalauréat equivalent
niveau-5 = two years after the baccalauréat (BTS, DEUST…)
niveau-6 = three or four years after the baccalauréat (bachelor, BUT, master 1)
niveau-7 = five years after the baccalauréat (master, engineering degree)
niveau-8 = eight years after the baccalauréat (doctorate)
certification-type = Type
certification-state = Status
certification-formacode = Training field
certification-valideur = Awarded by
certification-certifiers = Certifiers
certification-blocs = { $count ->
    [one] 1 skills block
   *[other] { $count } skills blocks
}
certification-blocs-explained = Each block can be validated on its own: a certification can be obtained block by block.
certification-trades = Target trades
certification-versions = Versions
certification-replaced-by = Replaced by:
certification-replaces = Replaces:
certification-register-state = In the register
certification-active = Active: it can be awarded
certification-inactive = Inactive: it is no longer awarded
certification-effective = In force since
certification-registered-until = Registered until
certification-nsf = Speciality (NSF)
certification-cfd = Éducation nationale diploma (CFD code)
certification-access = Ways to obtain it
voie-fi = After initial training (pupil or student)
voie-ca = Under an apprenticeship contract
voie-fc = After continuing education
voie-cq = Under a professionalisation contract
voie-cl = As an individual candidate
voie-vae = Through the validation of prior experience (VAE)
certification-activities = Activities
certification-capacities = Certified abilities
certification-assessment = How it is assessed
certification-onisep = On the ONISEP website
certification-source = Sources: France compétences (RNCP, RS), Certif Info (Carif-Oref network), BCN (Éducation nationale), ONISEP, Licence Ouverte.
suggestions-length = The text to complete (parameter q) must have 2 to 64 characters.
suggestions-kind = The type parameter accepts "appellations" or "communes".
nav-sector = Campus trades
sector-title = The campus's trades
sector-lead = The trades of cosmetics and pharmaceutical production that the campus's establishments train for: line operation and packaging, laboratory and quality, research and methods, maintenance, logistics.
sector-certifications = { $count ->
    [0] no certification listed
    [one] 1 certification leads to it
   *[other] { $count } certifications lead to it
}
sector-all = See every trade of the national directory

## Trainings

formation-kicker = Training
formation-organisme = Responsible body
formation-parcours = Pathway
formation-objectif-general = Aim
formation-codes = Codes
formation-prepares = Prepares
formation-prepares-computed = Certification recognised from the programme's title: the published offer gives no RNCP code.
formation-prepares-curated = Certification confirmed by the campus team: the published offer gives no RNCP code.
formation-url = Training website
formation-objectif = Objectives
formation-contenu = Content
formation-resultats = Expected results
formation-actions = { $count ->
    [0] No session scheduled
    [one] 1 place and mode
   *[other] { $count } places and modes
}
modalite-initiale = Initial education
modalite-apprentissage = Apprenticeship
modalite-continue = Continuing education
modalite-vae = Accreditation of prior experience (VAE)
formation-lieu = Place
formation-enseignement = Teaching
formation-rythme = Schedule
formation-entrees-sorties = Entry and exit
formation-duree = Length
formation-heures = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
formation-attractivite = Places and demand
formation-attractivite-detail = { $places } places; { $voeux } pupils chose it as their first wish (Affelnet { $campagne }), that is { $pression } requests per place.
formation-attractivite-sans-place = No places announced; { $voeux } pupils chose it as their first wish (Affelnet { $campagne }).
formation-prix = Total price incl. VAT
formation-prerequis = Entry requirements
formation-financeurs = Possible funding
formation-formateur = Training provider
formation-sessions = Sessions
formation-debut = Start
formation-fin = End
formation-recrutement = Enrolment
formation-contact = Contact
formation-source = Sources: LHÉO offers of the Carif-Oref network and ONISEP, Parcoursup and "Trouver mon master" (Ministry of Higher Education), vocational programmes of the lycées in the Affelnet assignment (Ministry of Education, via Orion), Licence Ouverte.
formations-offered = Trainings offered
formations-preparing = Trainings preparing for it

header-search-label = Search the catalogue
header-search-submit = Search
search-title = Search the catalogue
search-title-for = Search "{ $q }"
search-form-label = Search trades, certifications, trainings and organisations
search-field-q = Trade, training, certification, organisation or code
search-field-q-hint = For example: opérateur de conditionnement, BTS cosmétique, H3301, RNCP36085.
search-field-commune = Around the commune (optional)
search-field-commune-hint = Name or postal code, for example Orléans or 37000.
search-field-rayon = Within
search-rayon = { $km } km
search-submit = Search
search-facets-title = Refine
search-apply = Apply the filters
search-results-title = Results
search-count = { $count ->
    [0] No result.
    [one] 1 result
   *[other] { $count } results
}
search-around = around { $commune }, nearest first
search-place-read = Searching « { $texte } » around { $commune } ({ $km } km): the commune was read at the end of your text.
search-everywhere = Search « { $q } » everywhere
search-did-you-mean = Did you mean
search-nearest-trades = Trades close to your search
search-partout-invalid = « { $valeur } » is not a value of « partout »: oui or non.
search-none = Try another word, fewer filters or a wider radius.
search-partial = The following results hold only some of the words searched.
search-page-of = Page { $page } of { $pages }
search-kind-metier = Trade
search-kind-certification = Certification
search-kind-formation = Training
search-kind-organisation = Organisation
search-kind-offre = Offer
search-facet-type = Type
search-facet-niveau = Qualification level
search-facet-modalite = Delivery
search-facet-departement = Département
search-facet-secteur = Campus sector
search-niveau = Level { $niveau }
search-secteur-tous = All
search-secteur-oui = Campus trades
search-secteur-non = Outside the campus sector
search-distance = { $km } km away
search-invalid = Invalid search parameters.
search-query-long = The searched text must not exceed 200 characters.
search-type-invalid = Unknown type “{ $valeur }”: metier, certification, formation or organisation.
search-niveau-invalid = Invalid level "{ $valeur }": a number from 3 to 8.
search-modalite-invalid = Unknown modality “{ $valeur }”: initiale, apprentissage, continue or vae.
search-departement-invalid = Invalid département "{ $valeur }": a code such as 45, 2A or 971.
search-secteur-invalid = Invalid sector value "{ $valeur }": oui or non.
search-rayon-invalid = Invalid radius "{ $valeur }": a number of kilometres from 1 to 200.
search-page-invalid = Invalid page number "{ $valeur }".
search-par-page-invalid = Invalid number of results per page "{ $valeur }": 1 to 100.
search-commune-unknown = Commune or postal code not found: "{ $valeur }".

## Federated sign-in (ProConnect, ÉduConnect)

federation-titre = Or with your professional or school identity
federation-bouton = Sign in with { $fournisseur }
federation-echec-titre = Sign-in failed
federation-recommencer = Back to sign-in
federation-expiree = This sign-in expired or was not started from this browser. Start again from the sign-in page.
federation-annulee-titre = Sign-in cancelled
federation-annulee = The sign-in with { $fournisseur } was cancelled. You may start again, or sign in with your e-mail address and password.
federation-sans-adresse = { $fournisseur } did not give us an e-mail address: your account cannot be created or found. Create an account with your e-mail address.
federation-adresse-non-verifiee = { $fournisseur } did not confirm your e-mail address: sign in with your password, or create an account with your address.
federation-lien-titre = Confirm this account is yours
federation-lien-envoye = An account already exists with the address { $adresse }. To link it to your { $fournisseur } identity, follow the link we just sent there; you will then be able to sign in with { $fournisseur }.
federation-lier-titre = Link your identity to your account
federation-lier-texte = Once confirmed, you will be able to sign in to this account with ProConnect or ÉduConnect, besides your password.
federation-lier-bouton = Link and sign me in
federation-lier-expire = This link expired: sign in again with your identity provider to receive another one.
federation-lier-invalide = This link is not valid or was already used.
mail-lien-federation-sujet = Link your account to { $fournisseur }
mail-lien-federation-corps = Hello { $nom },

    Someone just signed in with { $fournisseur } using your e-mail address. If it was you, confirm to link this identity to your Campus CosmetoPharma account (link valid { $heures } hours):

    { $lien }

    If it was not you, ignore this message: nothing will be linked.

    The Campus CosmetoPharma Centre-Val de Loire team

dictionary-title = Search dictionary
dictionary-lead = Acronyms and synonyms of the sector: when an expression of a group is typed in the search, each of the others is searched in its place (« but qlio » finds the BUT qualité, logistique industrielle et organisation).
dictionary-add-title = Add a group
dictionary-expressions = Equivalent expressions
dictionary-expressions-hint = One per line, at least two: an acronym and what it stands for, or two ways to name the same thing.
dictionary-note = Source
dictionary-note-hint = Where the equivalence comes from: a referential's label, a regulation…
dictionary-diplome = This group names a diploma (the search then shows the diploma and its trainings first)
dictionary-diplome-short = diploma
dictionary-add = Add the group
dictionary-added-title = Groups added by the campus team
dictionary-added-none = No group added yet.
dictionary-shipped-title = Groups shipped with the platform
dictionary-shipped-lead = Reviewed and kept up to date with the platform's code.
dictionary-col-expressions = Expressions
dictionary-col-note = Source
dictionary-col-actions = Actions
dictionary-remove = Remove the group « { $groupe } »
dictionary-notice-added = Group added: the search applies it within seconds.
dictionary-notice-removed = Group removed: the search stops applying it within seconds.
dictionary-error-too-few = Give at least two expressions, one per line.
dictionary-error-too-many = A group holds at most { $count } expressions.
dictionary-error-no-word = « { $expression } » holds no searchable word (only stop words such as « de », « la »).
dictionary-error-too-long = « { $expression } » is longer than { $max } characters.
dictionary-error-repeated = « { $expression } » appears twice in the group.
dictionary-error-taken = « { $expression } » is already in the group « { $groupe } ».
dictionary-error-note = The source holds at most { $count } characters.
admin-dictionary = Search dictionary
