## Individual training paths: guided form, results, saved paths,
## support, API, review of links.

parcours-form-title = Build my training path
parcours-form-lead = Three steps: where you stand, the trade you aim at, your constraints. We then look for the catalogue's trainings that lead you there.
parcours-for-learner = Path prepared for { $nom }, who accepted your support.
parcours-steps-label = Steps of the form
parcours-step-title = Step { $n } of 3
parcours-step-1 = 1. Where you stand
parcours-step-2 = 2. The trade you aim at
parcours-step-3 = 3. Your constraints
parcours-step-1-hint = Nothing is required here: the more you tell, the better the path. A pupil may leave the trades empty.
parcours-step-3-hint = Leave empty what does not matter to you.
parcours-experiences-legend = Trades you hold or held
parcours-experiences-hint = Type a trade or a job title (for example "packaging line operator") or its ROME code (H3301), then the number of years. After one year, you are taken to master the trade's core; after three years, the whole trade.
parcours-field-metier = Trade no. { $n }
parcours-field-annees = Years of experience
parcours-field-certifications = Diplomas and titles held in full
parcours-field-certifications-hint = One per line: its title (for example "BTS Métiers de la chimie") or, if you know it, its RNCP or RS code.
parcours-find-certification = Find a diploma or title by its name
parcours-find-certification-add = Add to the list
parcours-find-certification-added = added to the list of diplomas
parcours-field-blocs = Validated skill blocks
parcours-field-blocs-hint = One per line: the title of the block validated on its own, or its code (for example RNCP320BC01).
parcours-field-competences = Other skills you have
parcours-field-competences-hint = One per line, as the ROME directory names it (for example "Régler une machine") or by its code.
parcours-field-statut = Your situation
parcours-field-statut-hint = Pupils and students may go on in initial education; others train through apprenticeship, continuing education or VAE.
parcours-statut-non-precise = Not said
parcours-field-niveau = Your highest diploma
parcours-field-niveau-hint = It decides which trainings are open to you: at most two levels above, by default.
parcours-niveau-aucun = No diploma, or not yet
parcours-niveau-3 = CAP, BEP, level-3 professional title
parcours-niveau-4 = Baccalauréat: general, technological, bac pro, BP (level 4)
parcours-niveau-5 = Bac+2: BTS, DEUST, BUT year 2 (level 5)
parcours-niveau-6 = Bac+3: bachelor, professional bachelor, BUT (level 6)
parcours-niveau-7 = Bac+5: master, engineering degree (level 7)
parcours-niveau-8 = Doctorate (level 8)
parcours-field-commune = Town where you live
parcours-field-commune-hint = Its name or postcode (or INSEE code): distances are measured from it.
parcours-field-cible = The trade you aim at
parcours-field-cible-hint = A trade, a job title or a ROME code (for example I1304, industrial maintenance technician).
parcours-field-modalites = How do you want to train?
parcours-field-modalites-hint = Tick nothing to accept every way.
parcours-field-distance = Maximum distance from home, in kilometres
parcours-field-distance-hint = For example 50. Distance learning always counts.
parcours-field-debut = Start at the latest on
parcours-field-debut-hint = Format day/month/year. On-demand trainings always count.
parcours-field-duree = Maximum total duration, in hours
parcours-field-duree-hint = A full-time year is about 1,000 hours of training.
parcours-field-niveau-max = Up to which level?
parcours-field-niveau-max-hint = Above your current diploma.
parcours-niveau-max-defaut = Two levels up (advised)
parcours-niveau-max-1 = One level up
parcours-niveau-max-2 = Two levels up
parcours-niveau-max-3 = Three levels up
parcours-niveau-max-libre = No limit
parcours-field-objectif = What matters most to you?
parcours-objectif-duree = the shortest path
parcours-objectif-cout = the cheapest path
parcours-objectif-distance = the path closest to home
parcours-submit-next = Continue
parcours-submit-back = Back to the previous step
parcours-submit-results = See my paths

parcours-error-metier-missing = Give the trade of these years of experience.
parcours-error-metier-unknown = No trade matches "{ $text }": try another word or the ROME code.
parcours-error-metier-ambiguous = Several trades match; be more precise, for example: { $choices }.
parcours-error-annees = Give a number of years between 0 and 50 (for example 2 or 2.5).
parcours-error-certification = No certification of the catalogue matches "{ $code }": check its title, or type its RNCP or RS code.
parcours-error-certification-ambiguous = Several certifications match; copy the one you mean: { $choices }.
parcours-error-bloc = No skill block of the catalogue matches "{ $code }": check its title, or type its code (for example RNCP320BC01).
parcours-error-bloc-ambiguous = Several skill blocks match; copy the one you mean: { $choices }.
parcours-error-competence-unknown = No ROME skill matches "{ $text }".
parcours-error-competence-ambiguous = Several skills match; copy the one you mean: { $choices }.
parcours-error-too-many = At most { $max } items per list.
parcours-error-niveau = Choose a level from the list.
parcours-error-statut = Choose your situation from the list.
parcours-error-commune = Give a town name or a postcode.
parcours-error-commune-unknown = No town matches "{ $text }": check the spelling or give the postcode.
parcours-error-cible-missing = Give the trade you aim at.
parcours-error-distance = Give a distance in kilometres, above 0 and at most 1,500.
parcours-error-distance-sans-commune = To measure a distance, give your town at step 1.
parcours-error-date = Give a date as day/month/year.
parcours-error-date-passee = This date has passed: choose today or later.
parcours-error-duree = Give a whole number of hours, from 1 to { $max }.
parcours-error-niveau-max = Choose a level limit from the list.
parcours-error-objectif = Choose what matters most to you.
parcours-error-experiences = At most { $max } trades.
parcours-error-modalite = Unknown modality "{ $valeur }": initiale, apprentissage, formation_continue or vae.
parcours-error-secteur = The secteur parameter can only be "campus".
parcours-error-limite = The limite parameter must be a number from 1 to 50.

parcours-metier-inconnu = This trade is not in the ROME directory.
parcours-certification-inconnue = This certification is not in the catalogue.
parcours-bloc-inconnu = This skill block is not in the catalogue.
parcours-competence-inconnue = This skill is not in the ROME directory.
parcours-experience-invalide = The duration of an experience is invalid.
parcours-domicile-inconnu = A maximum distance needs your town.
parcours-distance-invalide = The maximum distance is invalid.
parcours-ecart-trop-grand = The gap to this trade is too large for one path: aim at a closer trade first.
parcours-index-perime = The catalogue is changing right now: try again in a moment.

parcours-results-title = Your path to: { $metier }
parcours-readiness = You already have { $pct }% of what this trade asks for.
parcours-from-commune = Distances measured from { $commune }.
parcours-gap-title = What you still have to learn
parcours-gap-ready = You already have every core skill of this trade: you can apply, the rest is learnt on the job.
parcours-gap-core = { $count ->
    [one] One essential skill
   *[other] { $count } essential skills
}
parcours-gap-other = { $count ->
    [one] One other useful skill
   *[other] { $count } other useful skills
}
parcours-why-core = They are the core of the trade: people in it use them every day. Every path offered covers them.
parcours-why-emergent = A new skill in the trade, more and more in demand.
parcours-why-other = They are used in the trade, less often: they are also learnt on the job. A path covers them when its trainings teach them.
parcours-kind-savoir_faire = know-how
parcours-kind-savoir_etre = soft skill
parcours-kind-savoir = knowledge
parcours-plans-title = { $count ->
    [one] The path offered
   *[other] The { $count } paths offered
}
parcours-plan-best = The advised path
parcours-plan-best-why = The best choice if you want { $objectif }.
parcours-plan-alternative = Other option no. { $n }
parcours-plan-without-why = Without the advised path's main training, if it does not suit you.
parcours-plan-empty = No training is needed.
parcours-plan-uncovered = { $count ->
    [one] One useful (not essential) skill is left to learn on the job.
   *[other] { $count } useful (not essential) skills are left to learn on the job.
}
parcours-plan-not-proven = The catalogue is so large that this path is the best found, with no guarantee that no better one exists.
parcours-total-duree = Total duration
parcours-total-cout = Total cost
parcours-total-distance = Travel from home
parcours-leads-to = You obtain
parcours-leads-to-blocs = skill blocks, which count towards the certification when you complete it
parcours-hours = { $n } h
parcours-euros = €{ $n }
parcours-km = { $n } km
parcours-km-from-home = { $n } km from home
parcours-totals = { $heures } h, €{ $euros }, { $km } km of travel
parcours-totals-sans-distance = { $heures } h, { $euros } €, distance not computed (no home commune)
parcours-distance-non-calculee = distance not computed
parcours-unit-bloc = Skill block
parcours-unit-certification = Whole certification
parcours-unit-module = On-demand module
parcours-unit-dates = from { $debut } to { $fin }
parcours-unit-from = from { $debut }
parcours-unit-on-demand = dates on demand, ask the training body
parcours-unit-no-place = distance learning
parcours-unit-sans-session = no session known in the catalogue: ask the certifiers for dates
parcours-unit-sans-session-lieu = place to ask the certifiers
parcours-unit-certificateurs = Certifiers to contact:
parcours-hours-usual = about { $n } h (the diploma's usual length)
parcours-unit-cout-a-demander = cost to ask
parcours-unit-covers = What you learn there:
parcours-unit-why = Covers { $n } of the { $total } core skills of the trade you lack.
parcours-unit-why-none = Covers skills of the trade you lack.
parcours-unit-why-more = { $phrase } And { $autres } other skill(s) of the trade.
parcours-unit-route-metier = { $phrase } It leads to the trade you aim at.
parcours-unit-route-voisin = { $phrase } It prepares for the neighbouring trade “{ $metier }”, which shares { $n } of the { $total } core skills of the trade you aim at.
parcours-plan-closest = The closest path
parcours-plan-closest-why = No path covers every essential skill under your constraints: this one covers the most, the others are gained another way (see above).
parcours-closest-title = For the skills left
parcours-closest-remaining = { $count ->
    [one] The closest path, below, leaves one essential skill:
   *[other] The closest path, below, leaves { $count } essential skills:
}
parcours-closest-routes = Three ways to gain them:
parcours-route-module = An on-demand training module
parcours-route-module-hint = a company of the network asks the campus for the missing training; the form is already filled with these skills, the place and the dates.
parcours-route-entreprise = Learning in a company
parcours-route-entreprise-hint = through apprenticeship or a professionalisation contract, with a company of the campus network.
parcours-route-vae = Validation of prior experience (VAE), if your experience already covers most of a certification: see the suggestions below.
parcours-module-intitule = Skills of { $metier }
parcours-module-besoin = Essential skills of the { $metier } trade that no nearby training of the catalogue teaches, for a person on a training path.
parcours-none-title = No path meets all your constraints
parcours-none-relax = A path becomes possible if you change one of your constraints:
parcours-relax-modalites = by accepting every way of training: { $totaux }.
parcours-relax-distance = by accepting to go farther from home: { $totaux }.
parcours-relax-debut = by starting later: { $totaux }.
parcours-relax-duree = by accepting a longer total duration: { $totaux }.
parcours-relax-niveau = by aiming at a higher level: { $totaux }.
parcours-none-relax-all = No single constraint is enough, but a path becomes possible by relaxing them all.
parcours-none-unteachable = No training of the catalogue teaches these essential skills yet:
parcours-none-blocking = Under your constraints, no training teaches these essential skills:
parcours-none-advice = An adviser of the campus can help you find another way: a training outside the catalogue, apprenticeship in a company, or a close trade.
parcours-vae-title = VAE: have your experience recognised
parcours-vae-lead = Your experience leads to these certifications or already covers at least half of them. Through the validation of prior experience (VAE), a jury can award them without you doing it all again: it takes at least one year of related experience.
parcours-vae-why = Your { $annees } year(s) as { $metier } lead to it.
parcours-vae-share = you already have { $pct }%
parcours-vae-missing = { $count ->
    [one] one skill to complete
   *[other] { $count } skills to complete
}
parcours-next-title = What next?
parcours-print-hint = To keep this path on paper or show it to an adviser, print the page: the printed version keeps only the path.
parcours-change-answers = Change my answers
parcours-save-title = Name of the path
parcours-save = Save to my account
parcours-save-share = Save and share with the learner
parcours-save-default-title = Towards { $metier }
parcours-login-to-save = Sign in to save this path to your account.
parcours-delete = Delete this path
parcours-my-plans = My paths
parcours-saved-title = Path "{ $titre }"
parcours-saved-on = saved on { $date }
parcours-saved-by = prepared by { $nom }
parcours-saved-recomputed = It is computed again on today's catalogue.

parcours-account-link = My training paths
parcours-account-title = My training paths
parcours-account-plans = Saved paths
parcours-account-no-plan = No saved path yet.
parcours-account-new = Build a path
parcours-account-supporters = People who support you
parcours-account-supporters-hint = A trainer or the campus team can prepare paths for you, with your consent. Until you accept, that person sees nothing of you; you can withdraw your consent at any time.
parcours-account-no-supporter = No support request.
parcours-support-asks = { $nom } asks to support you.
parcours-support-accepted = { $nom } supports you.
parcours-support-accept = Accept
parcours-support-refuse = Refuse
parcours-support-withdraw = Withdraw my consent
parcours-account-learners = Learners you support
parcours-account-no-learner = No learner has accepted your support yet.
parcours-account-pending = { $count ->
    [one] One request awaits the learner's answer.
   *[other] { $count } requests await the learners' answers.
}
parcours-support-email = Learner's e-mail address
parcours-support-email-hint = The learner sees your request in their account and accepts or refuses it.
parcours-support-request = Ask to support
parcours-notice-deleted = The path is deleted.
parcours-notice-saved = The path is saved.
parcours-notice-requested = If a learner account matches this address, your request awaits in it.
parcours-notice-accepted = You accepted this support.
parcours-notice-refused = You refused this support.
parcours-notice-withdrawn = You withdrew your consent: this person no longer sees your paths.
parcours-learner-title = Paths of { $nom }
parcours-learner-new = Prepare a path for this learner

parcours-metier-how = How to get there
parcours-metier-how-text = Tell us where you stand: we look for the trainings that lead you to this trade.
parcours-metier-how-link = Build my path to this trade
parcours-metier-passerelles = Close trades, reachable from this one
parcours-metier-passerelles-hint = Ranked by proximity: trades named by France Travail, core skills in common.
parcours-metier-passerelle-gap = { $count ->
    [0] no essential skill to acquire
    [one] one essential skill to acquire
   *[other] { $count } essential skills to acquire
}
parcours-metier-passerelle-official = mobility named by France Travail

lien-admin-link = Review the links between skill blocks and ROME skills
lien-title = Links between skill blocks and ROME skills
lien-lead = Links are computed by text similarity. Confirm the right ones, remove the wrong ones, add the missing ones: your decisions are kept at every new computation.
lien-certification = Certification code
lien-certification-hint = For example RNCP36085.
lien-show = Show its blocks
lien-unknown = No certification of the catalogue has the code "{ $code }".
lien-no-link = No link for this block.
lien-caption = Links of block { $bloc }
lien-col-skill = ROME skill
lien-col-score = Similarity
lien-col-status = State
lien-col-actions = Decision
lien-status-computed = computed
lien-status-curated = confirmed by the team
lien-status-removed = removed by the team
lien-keep = Confirm "{ $skill }"
lien-remove = Remove "{ $skill }"
lien-add-title = Add a link
lien-bloc = Block code
lien-bloc-hint = For example RNCP36085BC01.
lien-competence = ROME skill
lien-competence-hint = Its OGR code or its exact label.
lien-add = Add the link
lien-notice-saved = Decision saved: it holds for every computation to come.
lien-error-bloc = This block is not in the catalogue.
lien-error-competence = No ROME skill has the code or label "{ $text }".
lien-error-decision = Choose to confirm or remove the link.
parcours-see-trade = See the trade's page ({ $code })
parcours-vae-gap = { $count ->
    [one] it validates one skill you lack for this trade
   *[other] it validates { $count } skills you lack for this trade
}
rattachement-admin-link = Review the certifications of trainings without an RNCP code
rattachement-title = Certifications of trainings without an RNCP code
rattachement-lead = Parcoursup and master programmes give no RNCP code: each is attached to the certification its title designates. Confirm the right ones, remove the wrong ones, add the missing ones: your decisions are kept by every later computation.
rattachement-certification-hint = For example RNCP36968.
rattachement-show = Show its trainings
rattachement-none = No training is attached to this certification.
rattachement-caption = Trainings attached to { $code }
rattachement-col-formation = Training
rattachement-keep = Confirm “{ $formation }”
rattachement-remove = Remove “{ $formation }”
rattachement-add-title = Attach a training
rattachement-formation = Training identifier
rattachement-formation-hint = It ends the address of its page, after /formations/.
rattachement-add = Attach the training
rattachement-error-decision = Choose to confirm or to remove the attachment.
rattachement-error-formation = No training of the catalogue has this identifier.
