## Parcours individuels de formation : formulaire guidé, résultats,
## parcours enregistrés, accompagnement, API, revue des liens.

parcours-form-title = Construire mon parcours de formation
parcours-form-lead = En trois étapes : où vous en êtes, le métier que vous visez, vos contraintes. Nous cherchons ensuite les formations du catalogue qui vous y mènent.
parcours-for-learner = Parcours préparé pour { $nom }, qui a accepté votre accompagnement.
parcours-steps-label = Étapes du formulaire
parcours-step-title = Étape { $n } sur 3
parcours-step-1 = 1. Où vous en êtes
parcours-step-2 = 2. Le métier que vous visez
parcours-step-3 = 3. Vos contraintes
parcours-step-1-hint = Rien n'est obligatoire ici : plus vous en dites, plus le parcours est juste. Un élève peut laisser les métiers vides.
parcours-step-3-hint = Laissez vide ce qui ne compte pas pour vous.
parcours-experiences-legend = Les métiers que vous exercez ou avez exercés
parcours-experiences-hint = Tapez un métier ou un intitulé de poste (par exemple « conducteur de ligne de conditionnement ») ou son code ROME (H3301), puis le nombre d'années. Au bout d'un an, on considère que vous maîtrisez le cœur du métier ; au bout de trois ans, tout le métier.
parcours-field-metier = Métier n° { $n }
parcours-field-annees = Années d'expérience
parcours-field-certifications = Diplômes et titres obtenus en entier
parcours-field-certifications-hint = Un par ligne : son intitulé (par exemple « BTS Métiers de la chimie ») ou, si vous le connaissez, son code RNCP ou RS.
parcours-find-certification = Chercher un diplôme ou un titre par son nom
parcours-find-certification-add = Ajouter à la liste
parcours-find-certification-added = ajouté à la liste des diplômes
parcours-field-blocs = Blocs de compétences validés
parcours-field-blocs-hint = Un par ligne : l'intitulé du bloc validé seul, ou son code (par exemple RNCP320BC01).
parcours-field-competences = Autres compétences que vous avez
parcours-field-competences-hint = Une par ligne, telle que le répertoire ROME la nomme (par exemple « Régler une machine ») ou par son code.
parcours-field-statut = Votre situation
parcours-field-statut-hint = Élèves et étudiants peuvent poursuivre en formation initiale ; les autres se forment en apprentissage, en formation continue ou par la VAE.
parcours-statut-non-precise = Non précisée
parcours-field-niveau = Votre plus haut diplôme
parcours-field-niveau-hint = Il décide des formations accessibles : au plus deux niveaux au-dessus, par défaut.
parcours-niveau-aucun = Aucun diplôme, ou pas encore
parcours-niveau-3 = CAP, BEP, titre professionnel de niveau 3
parcours-niveau-4 = Baccalauréat : général, technologique, bac pro, BP (niveau 4)
parcours-niveau-5 = Bac+2 : BTS, DEUST, BUT 2e année (niveau 5)
parcours-niveau-6 = Bac+3 : licence, licence pro, BUT (niveau 6)
parcours-niveau-7 = Bac+5 : master, diplôme d'ingénieur (niveau 7)
parcours-niveau-8 = Doctorat (niveau 8)
parcours-field-commune = Commune où vous habitez
parcours-field-commune-hint = Son nom ou son code postal (ou son code INSEE) : elle sert à mesurer les distances.
parcours-field-cible = Le métier que vous visez
parcours-field-cible-hint = Un métier, un intitulé de poste ou un code ROME (par exemple I1304, technicien de maintenance industrielle).
parcours-field-modalites = Comment voulez-vous vous former ?
parcours-field-modalites-hint = Ne cochez rien pour accepter toutes les façons.
parcours-field-distance = Distance maximale de chez vous, en kilomètres
parcours-field-distance-hint = Par exemple 50. Les formations à distance comptent toujours.
parcours-field-debut = Commencer au plus tard le
parcours-field-debut-hint = Format jour/mois/année. Les formations « à la demande » comptent toujours.
parcours-field-duree = Durée totale maximale, en heures
parcours-field-duree-hint = Une année à temps plein compte environ 1 000 heures de formation.
parcours-field-niveau-max = Jusqu'à quel niveau viser ?
parcours-field-niveau-max-hint = Au-dessus de votre diplôme actuel.
parcours-niveau-max-defaut = Deux niveaux de plus (conseillé)
parcours-niveau-max-1 = Un niveau de plus
parcours-niveau-max-2 = Deux niveaux de plus
parcours-niveau-max-3 = Trois niveaux de plus
parcours-niveau-max-libre = Sans limite
parcours-field-objectif = Qu'est-ce qui compte le plus pour vous ?
parcours-objectif-duree = le parcours le plus court
parcours-objectif-cout = le parcours le moins cher
parcours-objectif-distance = le parcours le plus proche de chez vous
parcours-submit-next = Continuer
parcours-submit-back = Revenir à l'étape précédente
parcours-submit-results = Voir mes parcours

parcours-error-metier-missing = Indiquez le métier de ces années d'expérience.
parcours-error-metier-unknown = Aucun métier ne correspond à « { $text } » : essayez un autre mot ou le code ROME.
parcours-error-metier-ambiguous = Plusieurs métiers correspondent ; précisez, par exemple : { $choices }.
parcours-error-annees = Indiquez un nombre d'années entre 0 et 50 (par exemple 2 ou 2,5).
parcours-error-certification = Aucune certification du catalogue ne correspond à « { $code } » : vérifiez son intitulé, ou tapez son code RNCP ou RS.
parcours-error-certification-ambiguous = Plusieurs certifications correspondent ; recopiez celle qui vous convient : { $choices }.
parcours-error-bloc = Aucun bloc de compétences du catalogue ne correspond à « { $code } » : vérifiez son intitulé, ou tapez son code (par exemple RNCP320BC01).
parcours-error-bloc-ambiguous = Plusieurs blocs de compétences correspondent ; recopiez celui qui vous convient : { $choices }.
parcours-error-competence-unknown = Aucune compétence du répertoire ROME ne correspond à « { $text } ».
parcours-error-competence-ambiguous = Plusieurs compétences correspondent ; recopiez celle qui vous convient : { $choices }.
parcours-error-too-many = Au plus { $max } éléments par liste.
parcours-error-niveau = Choisissez un niveau dans la liste.
parcours-error-statut = Choisissez votre situation dans la liste.
parcours-error-commune = Indiquez un nom de commune ou un code postal.
parcours-error-commune-unknown = Aucune commune ne correspond à « { $text } » : vérifiez l'orthographe ou donnez le code postal.
parcours-error-cible-missing = Indiquez le métier que vous visez.
parcours-error-distance = Indiquez une distance en kilomètres, supérieure à 0 et d'au plus 1 500.
parcours-error-distance-sans-commune = Pour mesurer une distance, indiquez votre commune à l'étape 1.
parcours-error-date = Indiquez une date au format jour/mois/année.
parcours-error-date-passee = Cette date est déjà passée : choisissez aujourd'hui ou plus tard.
parcours-error-duree = Indiquez un nombre d'heures entier, de 1 à { $max }.
parcours-error-niveau-max = Choisissez une limite de niveau dans la liste.
parcours-error-objectif = Choisissez ce qui compte le plus pour vous.
parcours-error-experiences = Au plus { $max } métiers.
parcours-error-modalite = Modalité inconnue « { $valeur } » : initiale, apprentissage, formation_continue ou vae.
parcours-error-secteur = Le paramètre secteur ne peut valoir que « campus ».
parcours-error-limite = Le paramètre limite doit être un nombre de 1 à 50.

parcours-metier-inconnu = Ce métier est absent du répertoire ROME.
parcours-certification-inconnue = Cette certification est absente du catalogue.
parcours-bloc-inconnu = Ce bloc de compétences est absent du catalogue.
parcours-competence-inconnue = Cette compétence est absente du répertoire ROME.
parcours-experience-invalide = La durée d'une expérience est invalide.
parcours-domicile-inconnu = Une distance maximale demande votre commune.
parcours-distance-invalide = La distance maximale est invalide.
parcours-ecart-trop-grand = L'écart avec ce métier est trop grand pour un seul parcours : visez d'abord un métier plus proche.
parcours-index-perime = Le catalogue change en ce moment : réessayez dans un instant.

parcours-results-title = Votre parcours vers : { $metier }
parcours-readiness = Vous avez déjà { $pct } % de ce que demande ce métier.
parcours-from-commune = Distances mesurées depuis { $commune }.
parcours-gap-title = Ce qu'il vous reste à apprendre
parcours-gap-ready = Vous avez déjà toutes les compétences du cœur de ce métier : vous pouvez postuler, le reste s'apprend en poste.
parcours-gap-core = { $count ->
    [one] Une compétence indispensable
   *[other] { $count } compétences indispensables
}
parcours-gap-other = { $count ->
    [one] Une autre compétence utile
   *[other] { $count } autres compétences utiles
}
parcours-why-core = Elles forment le cœur du métier : les personnes qui l'exercent s'en servent tous les jours. Tout parcours proposé les couvre.
parcours-why-emergent = Compétence nouvelle dans le métier, de plus en plus demandée.
parcours-why-other = Elles servent dans le métier, moins souvent : elles s'apprennent aussi en poste. Un parcours les couvre quand ses formations les enseignent.
parcours-kind-savoir_faire = savoir-faire
parcours-kind-savoir_etre = savoir-être
parcours-kind-savoir = connaissance
parcours-plans-title = { $count ->
    [one] Le parcours proposé
   *[other] Les { $count } parcours proposés
}
parcours-plan-best = Le parcours conseillé
parcours-plan-best-why = Le meilleur choix si vous voulez { $objectif }.
parcours-plan-alternative = Autre possibilité n° { $n }
parcours-plan-without-why = Sans la formation principale du parcours conseillé, si elle ne vous convient pas.
parcours-plan-empty = Aucune formation n'est nécessaire.
parcours-plan-uncovered = { $count ->
    [one] Une compétence utile (non indispensable) reste à apprendre en poste.
   *[other] { $count } compétences utiles (non indispensables) restent à apprendre en poste.
}
parcours-plan-not-proven = Le catalogue est si grand que ce parcours est le meilleur trouvé, sans garantie qu'il n'en existe pas de meilleur.
parcours-total-duree = Durée totale
parcours-total-cout = Coût total
parcours-total-distance = Trajets depuis chez vous
parcours-leads-to = Vous obtenez
parcours-leads-to-blocs = des blocs de compétences, qui comptent pour la certification quand vous la compléterez
parcours-hours = { $n } h
parcours-euros = { $n } €
parcours-km = { $n } km
parcours-km-from-home = à { $n } km de chez vous
parcours-totals = { $heures } h, { $euros } €, { $km } km de trajets
parcours-totals-sans-distance = { $heures } h, { $euros } €, distance non calculée (sans commune de domicile)
parcours-distance-non-calculee = distance non calculée
parcours-unit-bloc = Bloc de compétences
parcours-unit-certification = Certification complète
parcours-unit-module = Module à la demande
parcours-unit-dates = du { $debut } au { $fin }
parcours-unit-from = à partir du { $debut }
parcours-unit-on-demand = dates à la demande, à voir avec l'organisme
parcours-unit-no-place = à distance
parcours-unit-sans-session = sans session connue au catalogue : dates à demander aux certificateurs
parcours-unit-sans-session-lieu = lieu à demander aux certificateurs
parcours-unit-certificateurs = Certificateurs à contacter :
parcours-hours-usual = environ { $n } h (durée habituelle du diplôme)
parcours-unit-cout-a-demander = coût à demander
parcours-unit-covers = Ce que vous y apprenez :
parcours-unit-why = Couvre { $n } des { $total } compétences cœur de métier qui vous manquent.
parcours-unit-why-none = Couvre des compétences du métier qui vous manquent.
parcours-unit-why-more = { $phrase } Et { $autres } autre(s) compétence(s) du métier.
parcours-unit-route-metier = { $phrase } Mène au métier visé.
parcours-unit-route-voisin = { $phrase } Prépare au métier voisin « { $metier } », qui partage { $n } des { $total } compétences cœur du métier visé.
parcours-plan-closest = Le parcours le plus proche
parcours-plan-closest-why = Aucun parcours ne couvre toutes les compétences indispensables avec vos contraintes : celui-ci en couvre le plus, les autres s'acquièrent par une autre voie (voir plus haut).
parcours-closest-title = Pour les compétences qui restent
parcours-closest-remaining = { $count ->
    [one] Le parcours le plus proche, ci-dessous, laisse une compétence indispensable :
   *[other] Le parcours le plus proche, ci-dessous, laisse { $count } compétences indispensables :
}
parcours-closest-routes = Trois voies pour les acquérir :
parcours-route-module = Un module de formation à la demande
parcours-route-module-hint = une entreprise du réseau demande au campus la formation qui manque ; le formulaire est déjà rempli avec ces compétences, le lieu et les dates.
parcours-route-entreprise = Apprendre en entreprise
parcours-route-entreprise-hint = en apprentissage ou en contrat de professionnalisation, avec une entreprise du réseau du campus.
parcours-route-vae = La validation des acquis de l'expérience (VAE), si votre expérience couvre déjà l'essentiel d'une certification : voyez les propositions plus bas.
parcours-module-intitule = Compétences de { $metier }
parcours-module-besoin = Compétences indispensables au métier de { $metier } qu'aucune formation du catalogue proche n'enseigne, pour une personne en parcours de formation.
parcours-none-title = Aucun parcours ne respecte toutes vos contraintes
parcours-none-relax = Un parcours devient possible si vous changez une seule de vos contraintes :
parcours-relax-modalites = en acceptant toutes les façons de se former : { $totaux }.
parcours-relax-distance = en acceptant d'aller plus loin de chez vous : { $totaux }.
parcours-relax-debut = en commençant plus tard : { $totaux }.
parcours-relax-duree = en acceptant une durée totale plus longue : { $totaux }.
parcours-relax-niveau = en visant un niveau plus élevé : { $totaux }.
parcours-none-relax-all = Aucune contrainte seule ne suffit, mais un parcours devient possible en les assouplissant toutes.
parcours-none-unteachable = Aucune formation du catalogue n'enseigne encore ces compétences indispensables :
parcours-none-blocking = Avec vos contraintes, aucune formation n'enseigne ces compétences indispensables :
parcours-none-advice = Un conseiller du campus peut vous aider à trouver une autre voie : une formation hors catalogue, l'apprentissage en entreprise ou un métier proche.
parcours-vae-title = La VAE : faire reconnaître votre expérience
parcours-vae-lead = Votre expérience mène à ces certifications ou en couvre déjà au moins la moitié. Par la validation des acquis de l'expérience (VAE), un jury peut vous les délivrer sans tout refaire : il faut au moins un an d'expérience en rapport avec la certification.
parcours-vae-why = Vos { $annees } an(s) comme { $metier } y mènent.
parcours-vae-share = vous en avez déjà { $pct } %
parcours-vae-missing = { $count ->
    [one] une compétence à compléter
   *[other] { $count } compétences à compléter
}
parcours-next-title = Et maintenant ?
parcours-print-hint = Pour garder ce parcours sur papier ou le montrer à un conseiller, imprimez la page : la version imprimée ne garde que le parcours.
parcours-change-answers = Modifier mes réponses
parcours-save-title = Nom du parcours
parcours-save = Enregistrer dans mon compte
parcours-save-share = Enregistrer et partager avec l'apprenant
parcours-save-default-title = Vers { $metier }
parcours-login-to-save = Connectez-vous pour enregistrer ce parcours dans votre compte.
parcours-delete = Supprimer ce parcours
parcours-my-plans = Mes parcours
parcours-saved-title = Parcours « { $titre } »
parcours-saved-on = enregistré le { $date }
parcours-saved-by = préparé par { $nom }
parcours-saved-recomputed = Il est recalculé sur le catalogue d'aujourd'hui.

parcours-account-link = Mes parcours de formation
parcours-account-title = Mes parcours de formation
parcours-account-plans = Parcours enregistrés
parcours-account-no-plan = Aucun parcours enregistré pour le moment.
parcours-account-new = Construire un parcours
parcours-account-supporters = Les personnes qui vous accompagnent
parcours-account-supporters-hint = Un formateur ou l'équipe du campus peut préparer des parcours pour vous, avec votre accord. Tant que vous n'avez pas accepté, cette personne ne voit rien de vous ; vous pouvez retirer votre accord à tout moment.
parcours-account-no-supporter = Aucune demande d'accompagnement.
parcours-support-asks = { $nom } demande à vous accompagner.
parcours-support-accepted = { $nom } vous accompagne.
parcours-support-accept = Accepter
parcours-support-refuse = Refuser
parcours-support-withdraw = Retirer mon accord
parcours-account-learners = Les apprenants que vous accompagnez
parcours-account-no-learner = Aucun apprenant n'a encore accepté votre accompagnement.
parcours-account-pending = { $count ->
    [one] Une demande attend la réponse de l'apprenant.
   *[other] { $count } demandes attendent la réponse des apprenants.
}
parcours-support-email = Adresse e-mail de l'apprenant
parcours-support-email-hint = L'apprenant voit votre demande dans son compte et l'accepte ou la refuse.
parcours-support-request = Demander à accompagner
parcours-notice-deleted = Le parcours est supprimé.
parcours-notice-saved = Le parcours est enregistré.
parcours-notice-requested = Si un compte d'apprenant correspond à cette adresse, votre demande l'attend dans son compte.
parcours-notice-accepted = Vous avez accepté cet accompagnement.
parcours-notice-refused = Vous avez refusé cet accompagnement.
parcours-notice-withdrawn = Vous avez retiré votre accord : cette personne ne voit plus vos parcours.
parcours-learner-title = Parcours de { $nom }
parcours-learner-new = Préparer un parcours pour cet apprenant

parcours-metier-how = Comment y arriver
parcours-metier-how-text = Dites-nous où vous en êtes : nous cherchons les formations qui vous mènent à ce métier.
parcours-metier-how-link = Construire mon parcours vers ce métier
parcours-metier-passerelles = Métiers proches, accessibles depuis celui-ci
parcours-metier-passerelles-hint = Classés par proximité : métiers cités par France Travail, compétences du cœur de métier en commun.
parcours-metier-passerelle-gap = { $count ->
    [0] aucune compétence indispensable à acquérir
    [one] une compétence indispensable à acquérir
   *[other] { $count } compétences indispensables à acquérir
}
parcours-metier-passerelle-official = mobilité citée par France Travail

lien-admin-link = Revoir les liens entre blocs de compétences et compétences ROME
lien-title = Liens entre blocs de compétences et compétences ROME
lien-lead = Les liens sont calculés par similarité des textes. Confirmez les justes, retirez les faux, ajoutez ceux qui manquent : vos décisions sont gardées à chaque nouveau calcul.
lien-certification = Code de la certification
lien-certification-hint = Par exemple RNCP36085.
lien-show = Afficher ses blocs
lien-unknown = Aucune certification du catalogue n'a le code « { $code } ».
lien-no-link = Aucun lien pour ce bloc.
lien-caption = Liens du bloc { $bloc }
lien-col-skill = Compétence ROME
lien-col-score = Similarité
lien-col-status = État
lien-col-actions = Décision
lien-status-computed = calculé
lien-status-curated = confirmé par l'équipe
lien-status-removed = retiré par l'équipe
lien-keep = Confirmer « { $skill } »
lien-remove = Retirer « { $skill } »
lien-add-title = Ajouter un lien
lien-bloc = Code du bloc
lien-bloc-hint = Par exemple RNCP36085BC01.
lien-competence = Compétence ROME
lien-competence-hint = Son code OGR ou son libellé exact.
lien-add = Ajouter le lien
lien-notice-saved = Décision enregistrée : elle vaut pour tous les calculs à venir.
lien-error-bloc = Ce bloc n'appartient pas au catalogue.
lien-error-competence = Aucune compétence ROME n'a le code ou le libellé « { $text } ».
lien-error-decision = Choisissez de confirmer ou de retirer le lien.
parcours-see-trade = Voir la fiche du métier ({ $code })
parcours-vae-gap = { $count ->
    [one] elle valide une compétence qui vous manque pour ce métier
   *[other] elle valide { $count } compétences qui vous manquent pour ce métier
}
rattachement-admin-link = Revoir les certifications des formations sans code RNCP
rattachement-title = Certifications des formations sans code RNCP
rattachement-lead = Les formations de Parcoursup et des masters n'indiquent pas de code RNCP : elles sont rattachées à la certification que désigne leur intitulé. Confirmez les justes, retirez les fausses, ajoutez celles qui manquent : vos décisions sont gardées à chaque nouveau calcul.
rattachement-certification-hint = Par exemple RNCP36968.
rattachement-show = Afficher ses formations
rattachement-none = Aucune formation n'est rattachée à cette certification.
rattachement-caption = Formations rattachées à { $code }
rattachement-col-formation = Formation
rattachement-keep = Confirmer « { $formation } »
rattachement-remove = Retirer « { $formation } »
rattachement-add-title = Rattacher une formation
rattachement-formation = Identifiant de la formation
rattachement-formation-hint = Il figure à la fin de l'adresse de sa page, après /formations/.
rattachement-add = Rattacher la formation
rattachement-error-decision = Choisissez de confirmer ou de retirer le rattachement.
rattachement-error-formation = Aucune formation du catalogue n'a cet identifiant.
