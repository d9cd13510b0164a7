## Cadre des pages

site-name = Campus CosmetoPharma
site-tagline = Campus des métiers et des qualifications d'excellence – Centre-Val de Loire
skip-to-content = Aller au contenu
nav-label = Menu principal
nav-home = Accueil
nav-search = Trouver une formation
nav-parcours = Mon parcours
nav-plan = Plan d'action
nav-organisations = Réseau des partenaires
nav-account = Mon compte
nav-admin = Administration
nav-logout = Se déconnecter
nav-login = Se connecter
nav-register = Créer un compte
footer-about = Le Campus CosmetoPharma réunit établissements de formation, universités, laboratoires et entreprises des industries cosmétique et pharmaceutique de la région Centre-Val de Loire.
footer-accessibility = Accessibilité : partiellement conforme
footer-privacy = Données personnelles
footer-legal = Mentions légales
footer-api = API (OpenAPI)
filter-all = Tous
pagination-label = Pagination
pagination-prev = Page précédente
pagination-next = Page suivante
pagination-page = Page { $page }

## Formulaires

form-error-summary = { $count ->
    [one] Le formulaire contient une erreur
   *[other] Le formulaire contient { $count } erreurs
}
form-required = (obligatoire)
form-error-prefix = Erreur :
form-error-title-prefix = Erreur –
field-email = Adresse e-mail
field-email-hint = Par exemple : prenom.nom@exemple.fr
field-password = Mot de passe
field-new-password = Nouveau mot de passe
field-password-hint = Au moins 12 caractères. Une phrase facile à retenir convient très bien.
field-current-password = Mot de passe actuel
field-display-name = Nom affiché
field-display-name-hint = Votre prénom et votre nom, tels que les autres membres les verront.
field-statut = Votre situation
field-statut-hint = Elle nous aide à vous proposer les formations et les événements adaptés. Facultatif.
field-statut-none = Je préfère ne pas répondre
field-statut-invalid = Choisissez une situation dans la liste.
field-locale = Langue de l'interface
field-locale-invalid = Choisissez une langue dans la liste.
field-token-name = Nom du jeton
field-token-name-hint = Pour le reconnaître plus tard, par exemple « tableur de suivi ».
field-org-name = Nom de l'organisation
field-org-kind = Type d'organisation
field-org-origine = Origine
field-org-kind-invalid = Choisissez un type d'organisation dans la liste.
field-siret = Numéro SIRET
field-siret-hint = 14 chiffres, facultatif.
field-uai = Code UAI (établissements d'enseignement)
field-uai-hint = 7 chiffres suivis d'une lettre, par exemple 0450855K. Facultatif.
field-description = Présentation
field-adresse = Adresse
field-code-postal = Code postal
field-commune = Commune
field-departement = Département
field-departement-hint = Déduit du code postal s'il n'est pas choisi.
field-site-web = Site web
field-site-web-invalid = Indiquez une adresse web complète, commençant par https://
field-email-contact = E-mail de contact
field-member-email = Adresse e-mail du membre
field-member-email-hint = La personne doit déjà avoir un compte sur la plateforme.
field-member-role = Rôle dans l'organisation
field-member-role-invalid = Choisissez un rôle dans la liste.
field-role-invalid = Ce rôle n'existe pas.

## Erreurs

error-status = Code d'erreur : { $status }
error-back-home = Revenir à l'accueil
error-bad-request-title = Requête incorrecte
error-bad-request = La requête envoyée n'a pas pu être comprise.
error-unauthorized-title = Connexion nécessaire
error-unauthorized = Vous devez être connecté·e pour accéder à cette page ou à cette ressource.
error-forbidden-title = Accès refusé
error-forbidden = Votre compte ne permet pas d'accéder à cette page. Si vous pensez que c'est une erreur, contactez l'équipe du campus.
error-not-found-title = Page introuvable
error-not-found = La page ou la ressource demandée n'existe pas ou a été déplacée.
error-method-title = Méthode non autorisée
error-method = Cette adresse n'accepte pas ce type de requête.
error-timeout-title = Service momentanément indisponible
error-timeout = Le traitement a pris trop de temps. Réessayez dans un instant.
error-gone-title = Adresse remplacée
error-gone = Cette adresse n’est plus valable.
error-conflict-title = Conflit
error-conflict = Cette valeur est déjà utilisée.
error-too-large-title = Envoi trop volumineux
error-too-large = Les données envoyées dépassent la taille autorisée.
error-uri-too-long-title = Adresse trop longue
error-uri-too-long = L'adresse demandée dépasse 8 Kio. Raccourcissez la recherche ou envoyez les données par formulaire.
error-headers-too-large-title = En-têtes trop volumineux
error-headers-too-large = Les en-têtes de la requête (cookies compris) dépassent la taille autorisée. Effacez les cookies de ce site puis réessayez.
error-query-encoding = Les paramètres de l'adresse ne sont pas encodés en UTF-8.
error-unavailable-title = Service pas encore prêt
error-unavailable = Ce nœud de la plateforme n'est pas prêt à servir.
error-media-type-title = Format non pris en charge
error-media-type = Le format des données envoyées n'est pas pris en charge.
error-invalid-title = Données invalides
error-invalid = Certaines données sont invalides : voyez le détail de chaque champ.
error-too-many-title = Trop de requêtes
error-too-many = Trop de requêtes en peu de temps. Patientez avant de réessayer.
error-internal-title = Erreur du service
error-internal = Une erreur inattendue s'est produite. Elle a été enregistrée ; réessayez plus tard.
error-csrf = Ce formulaire a expiré ou n'a pas été envoyé depuis cette plateforme. Rechargez la page puis envoyez-le à nouveau.
error-encoding = Les données envoyées ne sont pas encodées en UTF-8.
error-form = Le formulaire envoyé est mal formé.
error-json = Le document JSON envoyé est invalide.

## Accueil

home-title = Le Campus CosmetoPharma Centre-Val de Loire
home-lead = Former aux métiers de la production cosmétique et pharmaceutique, du Bac-3 au Bac+5, et accompagner chacun dans un parcours de formation tout au long de la vie.
home-figure-jobs = Plus de 15 000
home-figure-jobs-text = emplois directs dans une centaine d'établissements industriels de la région
home-figure-cosmetics = 3ᵉ région
home-figure-cosmetics-text = productrice de cosmétiques en France
home-figure-pharma = 4ᵉ région
home-figure-pharma-text = pour la production de médicaments
home-search-title = Trouver un métier ou une formation près de chez moi
home-search-field-q = Métier, formation ou mot-clé
home-search-field-q-hint = Par exemple : conditionnement, technicien de maintenance, BTS.
home-search-submit = Chercher
home-services-title = Ce que le campus vous propose
home-service-parcours-title = Construire mon parcours de formation
home-service-parcours-text = Dites où vous en êtes et le métier visé : la plateforme calcule les formations qui vous y mènent, près de chez vous.
home-service-events-title = Événements et visites d'entreprise
home-service-events-text = Forums, ateliers de découverte des métiers, visites de sites industriels : inscrivez-vous, seul ou avec votre classe.
home-service-equipements-title = Équipements du plateau technique
home-service-equipements-text = Les équipements mutualisés du campus, leurs tarifs par public et leurs créneaux libres, à réserver en ligne.
home-events-title = Prochains événements
home-events-none = Aucun événement n'est annoncé pour le moment.
home-events-all = Tout l'agenda des événements et des visites
home-metiers-title = Les métiers du campus
home-metiers-lead = Production, conditionnement, laboratoire, qualité, maintenance, logistique : les métiers des industries cosmétique et pharmaceutique.
home-metiers-none = Le répertoire des métiers n'est pas encore importé.
home-metiers-all = Les métiers du campus et les certifications qui y mènent
home-publics-title = Pour qui ?
home-public-young-title = Collégiens, lycéens, étudiants et apprentis
home-public-young-text = Découvrir les métiers en tension – opérateur de production ou de conditionnement, technicien d'analyse et de contrôle, technicien de maintenance – et trouver une formation près de chez soi.
home-public-adults-title = Salariés et demandeurs d'emploi
home-public-adults-text = Se reconvertir, se former aux évolutions des métiers (industrie 4.0, bioproduction) et faire reconnaître son expérience.
home-public-companies-title = Entreprises
home-public-companies-text = Accéder à des ressources pédagogiques et technologiques, demander des modules de formation et participer à la rénovation des formations.
home-axes-title = Le plan d'action : 4 axes, 8 leviers
home-axes-lead = La plateforme porte la structure du plan d'action du campus : chaque levier y trouve ses outils.
axe-1-title = Axe 1 – Soutenir l'attractivité des métiers
axe-2-title = Axe 2 – Adapter l'offre de formation
axe-3-title = Axe 3 – Garantir les transferts d'innovations vers la production
axe-4-title = Axe 4 – Se doter de dispositifs d'accompagnement de projets et de rayonnement national et international
lever-label = Levier { $number }
lever-1-title = Renforcer l'attractivité des métiers et des formations
lever-1-text = Outils de communication et kits de découverte des métiers, ateliers de découverte avec des professionnels, espaces d'accueil et visites de sites.
lever-1-module = Sur la plateforme : découverte des métiers, agenda des ateliers et visites.
lever-2-title = Renforcer l'insertion professionnelle
lever-2-text = Événements régionaux pour les étudiants et les publics en reconversion, soutien à l'apprentissage, entrepreneuriat et transferts d'innovation avec le pré-incubateur We Lab.
lever-2-module = Sur la plateforme : offres, candidatures et passerelles entre métiers.
lever-3-title = Créer une offre de formation dédiée
lever-3-text = Pôle de formations des industries 4.0 pour opérateurs et techniciens, modules délocalisés en entreprise, nouveaux cursus ingénieur et pharmacien ingénieur, modules à la demande.
lever-3-module = Sur la plateforme : catalogue des certifications et formations, parcours individuels, modules à la demande.
lever-4-title = Créer des projets pédagogiques pour une initiation à la recherche
lever-4-text = Projets pédagogiques école-recherche et initiation des lycéens à la recherche.
lever-4-module = Sur la plateforme : projets et réseau des chercheurs.
lever-5-title = Favoriser la recherche et les transferts d'innovation vers la sphère productive
lever-5-text = Plateforme technologique mutualisant les équipements, montée en compétences des formateurs, projets pédagogiques industriels et plateforme collaborative numérique.
lever-5-module = Sur la plateforme : réservation des équipements mutualisés.
lever-6-title = Accueillir les publics dans des lieux dédiés
lever-6-text = Lieux de mixité entre élèves, enseignants, chercheurs et industriels ; réseau d'établissements et d'experts.
lever-6-module = Sur la plateforme : annuaire du réseau des partenaires et des experts.
lever-7-title = Renforcer les partenariats européens
lever-7-text = Mobilité des étudiants et échanges d'enseignants.
lever-7-module = Sur la plateforme : suivi des mobilités.
lever-8-title = Animer un réseau d'acteurs et développer un système d'évaluation des actions
lever-8-text = Animation du réseau et évaluation des actions du campus.
lever-8-module = Sur la plateforme : indicateurs, tableaux de bord et rapports.
home-network-title = Le réseau du campus
home-network-text = Lycées, universités, laboratoires, organismes de formation, entreprises et pôles de compétitivité travaillent ensemble au sein du campus.
home-network-link = Découvrir les partenaires

## Pages d'information

a11y-title = Déclaration d'accessibilité
a11y-p1 = Le Campus CosmetoPharma s'engage à rendre sa plateforme accessible conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005, selon le référentiel général d'amélioration de l'accessibilité (RGAA 4.1), qui reprend les critères WCAG 2.1 de niveau AA.
a11y-p2 = État de conformité : partiellement conforme. Chaque page est vérifiée automatiquement à chaque version (outil axe-core) ; un audit complet reste à mener.
a11y-p3 = Toutes les pages fonctionnent sans JavaScript, au clavier et sur téléphone ; les formulaires signalent leurs erreurs en tête de page avec un lien vers chaque champ.
a11y-p4 = Si vous ne pouvez pas accéder à un contenu ou à un service, écrivez à l'équipe du campus : nous vous répondrons et vous proposerons une alternative. Vous pouvez aussi saisir le Défenseur des droits.
legal-title = Mentions légales
legal-p1 = Plateforme du Campus des métiers et des qualifications d'excellence CosmetoPharma Centre-Val de Loire, piloté par le Rectorat de l'académie d'Orléans-Tours et le Conseil régional Centre-Val de Loire.
legal-p2 = Les référentiels publics (ROME, RNCP, Formacode, offres de formation) sont réutilisés sous Licence Ouverte / Open Licence.

## Connexion et inscription

login-title = Se connecter
login-submit = Se connecter
login-forgot = Mot de passe oublié ?
login-no-account = Pas encore de compte ? Créer un compte
login-password-missing = Saisissez votre mot de passe.
login-invalid = Adresse e-mail ou mot de passe incorrect.
login-disabled = Ce compte a été désactivé. Contactez l'équipe du campus.
login-unverified = Confirmez d'abord votre adresse e-mail : un nouveau lien de confirmation vient de vous être envoyé.
login-throttled = { $minutes ->
    [one] Trop de tentatives de connexion. Réessayez dans 1 minute.
   *[other] Trop de tentatives de connexion. Réessayez dans { $minutes } minutes.
}
register-title = Créer un compte
register-lead = Un compte vous permet de vous inscrire aux événements, d'enregistrer vos parcours de formation et de suivre vos demandes.
register-privacy = Nous utilisons ces informations uniquement pour votre compte.
register-submit = Créer mon compte
register-done-title = Vérifiez votre boîte e-mail
register-done-text = Si l'adresse { $email } peut recevoir un compte, un e-mail vient d'y être envoyé avec un lien pour confirmer l'inscription. Le lien est valable 72 heures.
verify-title = Confirmer votre adresse e-mail
verify-text = Confirmez que l'adresse { $email } est bien la vôtre pour activer votre compte.
verify-submit = Confirmer mon adresse
verify-done-title = Adresse confirmée
verify-done-text = Votre adresse e-mail est confirmée. Vous pouvez maintenant vous connecter.
link-dead-title = Lien inutilisable
link-expired = Ce lien a expiré. Demandez-en un nouveau : en vous connectant pour une confirmation d'adresse, ou depuis « Mot de passe oublié ».
link-used = Ce lien a déjà été utilisé. Vous pouvez vous connecter.
link-unknown = Ce lien n'est pas valide. Vérifiez qu'il a été copié en entier.
forgot-title = Mot de passe oublié
forgot-lead = Indiquez l'adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.
forgot-submit = Recevoir le lien
forgot-done-title = Vérifiez votre boîte e-mail
forgot-done-text = Si un compte existe pour { $email }, un e-mail vient d'y être envoyé avec un lien pour choisir un nouveau mot de passe.
reset-title = Choisir un nouveau mot de passe
reset-lead = Ce nouveau mot de passe remplacera l'ancien et fermera toutes vos sessions ouvertes.
reset-submit = Enregistrer le mot de passe
reset-done-title = Mot de passe modifié
reset-done-text = Votre mot de passe a été modifié. Connectez-vous avec le nouveau.
invitation-title = Rejoindre la plateforme du campus
invitation-lead = Vous avez été invité·e. Choisissez votre nom affiché et un mot de passe pour activer votre compte.
invitation-submit = Activer mon compte

## Courriels

mail-verify-subject = Confirmez votre adresse e-mail – Campus CosmetoPharma
mail-verify-body =
    Bonjour { $name },

    Pour activer votre compte sur la plateforme du Campus CosmetoPharma, ouvrez ce lien :

    { $link }

    Le lien est valable 72 heures. Si vous n'avez pas créé de compte, ignorez ce message.

    L'équipe du Campus CosmetoPharma
mail-already-subject = Tentative d'inscription – Campus CosmetoPharma
mail-already-body =
    Bonjour,

    Quelqu'un a tenté de créer un compte avec votre adresse e-mail, qui a déjà un compte sur la plateforme du Campus CosmetoPharma.

    Si c'était vous et que vous avez oublié votre mot de passe, choisissez-en un nouveau ici :

    { $link }

    Sinon, ignorez ce message : votre compte n'a pas été modifié.

    L'équipe du Campus CosmetoPharma
mail-reset-subject = Nouveau mot de passe – Campus CosmetoPharma
mail-reset-body =
    Bonjour { $name },

    Pour choisir un nouveau mot de passe, ouvrez ce lien (valable { $minutes } minutes, une seule fois) :

    { $link }

    Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.

    L'équipe du Campus CosmetoPharma
mail-invite-subject = Invitation sur la plateforme du Campus CosmetoPharma
mail-invite-body =
    Bonjour { $name },

    { $inviter } vous invite à rejoindre la plateforme du Campus CosmetoPharma Centre-Val de Loire avec le rôle « { $role } ».

    Pour activer votre compte, ouvrez ce lien et choisissez votre mot de passe :

    { $link }

    L'équipe du Campus CosmetoPharma

## Compte

account-title = Mon compte
account-identity = Mes informations
account-role = Rôle
account-save = Enregistrer
account-organisations = Mes organisations
account-no-organisation = Vous n'êtes membre d'aucune organisation.
account-password = Changer de mot de passe
account-password-submit = Changer le mot de passe
account-password-wrong = Le mot de passe actuel est incorrect.
account-access = Accès
account-tokens-link = Jetons d'accès à l'API
account-close-sessions = Fermer mes sessions sur les autres appareils
account-notice-profile = Vos informations ont été enregistrées.
account-notice-federation = Votre identité ProConnect ou ÉduConnect est reliée à votre compte.
account-notice-password = Votre mot de passe a été changé. Vos autres sessions ont été fermées.
account-notice-sessions = Vos sessions sur les autres appareils ont été fermées.
tokens-title = Jetons d'accès à l'API
tokens-lead = Un jeton permet à un logiciel d'utiliser l'API en votre nom, avec les mêmes droits que votre compte. Révoquez-le dès qu'il ne sert plus.
tokens-created = Voici votre nouveau jeton. Copiez-le maintenant : il ne sera plus jamais affiché.
tokens-create = Créer un jeton
tokens-list = Mes jetons
tokens-none = Vous n'avez aucun jeton.
tokens-prefix = Début du jeton
tokens-created-at = Créé le
tokens-state = État
tokens-actions = Actions
tokens-revoked = Révoqué
tokens-active = Actif
tokens-revoke = Révoquer le jeton « { $name } »
tokens-notice-revoked = Le jeton a été révoqué.

## Organisations

organisations-title = Le réseau des partenaires
organisations-lead = Établissements scolaires, universités, organismes de formation, laboratoires, entreprises et pôles du campus.
organisations-new = Ajouter une organisation
organisations-filter-label = Filtrer les organisations
organisations-filter-query = Nom ou commune
organisations-filter-submit = Filtrer
organisations-count = { $count ->
    [0] Aucune organisation ne correspond.
    [one] 1 organisation
   *[other] { $count } organisations
}
organisation-reference-lead = Cet organisme de formation en apprentissage figure au catalogue national de la mission apprentissage ; il n'est pas encore membre du réseau du campus. Ses formations sont placées à son adresse.
organisation-edit = Modifier la fiche
organisation-edit-title = Modifier « { $name } »
organisation-save = Enregistrer la fiche
organisation-members = Membres
organisation-no-members = Aucun membre pour l'instant.
organisation-member-remove = Retirer { $name }
organisation-member-add = Ajouter un membre
organisation-member-add-submit = Ajouter
organisation-member-unknown = Aucun compte n'utilise cette adresse. Demandez à l'équipe du campus d'envoyer une invitation.
organisation-notice-saved = La fiche a été enregistrée.
organisation-notice-member = Les membres ont été mis à jour.
organisation-siret-taken = Ce numéro SIRET est déjà celui d'une autre organisation.
organisation-uai-taken = Ce code UAI est déjà celui d'une autre organisation.

## Administration

admin-title = Administration du campus
admin-users-count = comptes
admin-orgs-count = organisations
admin-pending-mail = e-mails en attente d'envoi
admin-failing-mail = e-mails en échec (nouvel essai programmé)
admin-users = Comptes des utilisateurs
admin-invite = Inviter une personne
admin-audit = Dernières actions
admin-audit-when = Date
admin-audit-action = Action
admin-audit-subject = Objet
admin-users-filter = Filtrer les comptes
admin-users-query = E-mail ou nom
admin-users-total = { $count ->
    [0] Aucun compte ne correspond.
    [one] 1 compte
   *[other] { $count } comptes
}
admin-users-state = État
admin-users-role-of = Rôle de { $name }
admin-users-set-role = Changer le rôle
admin-users-disabled = Désactivé
admin-users-active = Actif
admin-users-unverified = Adresse non confirmée
admin-users-enable = Réactiver { $name }
admin-users-disable = Désactiver { $name }
admin-notice-role = Le rôle a été modifié.
admin-notice-state = Le compte a été mis à jour.
admin-self = Vous ne pouvez pas modifier votre propre rôle ni désactiver votre propre compte.
admin-invite-lead = La personne reçoit un e-mail avec un lien, valable 72 heures, pour choisir son mot de passe.
admin-invite-name-hint = Elle pourra le modifier en acceptant l'invitation.
admin-invite-submit = Envoyer l'invitation
admin-invite-admin-forbidden = Seul un administrateur peut inviter un administrateur.
admin-invite-sent = L'invitation a été envoyée à { $email }.
admin-invite-exists = Un compte existe déjà avec cette adresse.

## Métiers (ROME)

nav-metiers = Métiers
metiers-title = Les métiers
metiers-lead = Les fiches du Répertoire opérationnel des métiers et des emplois (ROME 4.0, France Travail), par grand domaine professionnel.
metiers-empty = Le référentiel des métiers n'a pas encore été importé sur cette plateforme.
metiers-domaines = Grands domaines professionnels
metiers-count = { $count ->
    [one] 1 métier
   *[other] { $count } métiers
}
metier-code = Fiche ROME { $code }
metier-regulated = emploi réglementé
metier-definition = Le métier
metier-access = Comment y accéder
metier-appellations = { $count ->
    [one] 1 appellation
   *[other] { $count } appellations
}
metier-skills = Compétences
metier-core-explained = Les compétences marquées « cœur de métier » sont les plus importantes pour exercer ce métier.
metier-core = cœur de métier
metier-emerging = émergente
metier-kind-savoir_faire = Savoir-faire
metier-kind-savoir_etre = Savoir-être professionnels
metier-kind-savoir = Savoirs
metier-contexts = Conditions de travail
metier-mobilities = Métiers proches
metier-mobilities-explained = Métiers vers lesquels il est courant d'évoluer, selon le ROME.
metier-groupings = Pour s'orienter
metier-grouping-centre_interet = Ce métier peut vous plaire si…
metier-grouping-secteur = Secteurs d'activité
metier-grouping-naf = Secteurs économiques (NAF)
metier-grouping-theme = Thèmes
metier-grouping-main = principal
metier-near-title = Se former près de chez vous
metier-near-hint = Les formations qui mènent à ce métier, de la plus proche à la plus éloignée.
metier-near-none = Aucune formation menant à ce métier dans ce rayon : élargissez le rayon, ou cherchez dans tout le catalogue.
metier-near-unknown = Commune introuvable : vérifiez le nom ou le code postal (par exemple Tours ou 37000).
metier-near-around = Autour de { $commune } :
metier-near-search = Chercher aussi par mots-clés dans tout le catalogue des formations
metier-source = Source : ROME 4.0, France Travail (Licence Ouverte).
metier-certifications = Certifications qui y mènent

## Certifications

certification-kicker = Certification
certification-level = Niveau { $level }
niveau-3 = équivalent CAP (Bac-3)
niveau-4 = équivalent baccalauréat
niveau-5 = Bac+2 (BTS, DEUST…)
niveau-6 = Bac+3 ou Bac+4 (licence, BUT, master 1)
niveau-7 = Bac+5 (master, diplôme d'ingénieur)
niveau-8 = Bac+8 (doctorat)
certification-type = Type
certification-state = État
certification-formacode = Domaine de formation
certification-valideur = Délivrée par
certification-certifiers = Certificateurs
certification-blocs = { $count ->
    [one] 1 bloc de compétences
   *[other] { $count } blocs de compétences
}
certification-blocs-explained = Chaque bloc peut être validé séparément : une certification peut s'obtenir bloc par bloc.
certification-trades = Métiers visés
certification-versions = Versions
certification-replaced-by = Remplacée par :
certification-replaces = Remplace :
certification-register-state = Au répertoire
certification-active = Active : elle peut être délivrée
certification-inactive = Inactive : elle n'est plus délivrée
certification-effective = En vigueur depuis le
certification-registered-until = Enregistrée jusqu'au
certification-nsf = Spécialité (NSF)
certification-cfd = Diplôme de l'Éducation nationale (code CFD)
certification-access = Voies d'accès
voie-fi = Après un parcours de formation initiale (élève ou étudiant)
voie-ca = En contrat d'apprentissage
voie-fc = Après un parcours de formation continue
voie-cq = En contrat de professionnalisation
voie-cl = Par candidature individuelle
voie-vae = Par validation des acquis de l'expérience (VAE)
certification-activities = Activités visées
certification-capacities = Capacités attestées
certification-assessment = Modalités d'évaluation
certification-onisep = Sur le site de l'ONISEP
certification-source = Sources : France compétences (RNCP, RS), Certif Info (réseau des Carif-Oref), BCN (Éducation nationale), ONISEP, Licence Ouverte.
suggestions-length = Le texte à compléter (paramètre q) doit comporter de 2 à 64 caractères.
suggestions-kind = Le paramètre type accepte « appellations » ou « communes ».
nav-sector = Métiers du campus
sector-title = Les métiers du campus
sector-lead = Les métiers de la production cosmétique et pharmaceutique que forment les établissements du campus : conduite de ligne et conditionnement, laboratoire et qualité, recherche et méthodes, maintenance, logistique.
sector-certifications = { $count ->
    [0] aucune certification référencée
    [one] 1 certification y mène
   *[other] { $count } certifications y mènent
}
sector-all = Voir tous les métiers du répertoire national

## Formations

formation-kicker = Formation
formation-organisme = Organisme responsable
formation-parcours = Parcours
formation-objectif-general = Objectif
formation-codes = Codes
formation-prepares = Prépare
formation-prepares-computed = Certification reconnue d'après l'intitulé de la formation : l'offre publiée n'indique pas de code RNCP.
formation-prepares-curated = Certification confirmée par l'équipe du campus : l'offre publiée n'indique pas de code RNCP.
formation-url = Site de la formation
formation-objectif = Objectifs
formation-contenu = Contenu
formation-resultats = Résultats attendus
formation-actions = { $count ->
    [0] Aucune session programmée
    [one] 1 lieu et modalité
   *[other] { $count } lieux et modalités
}
modalite-initiale = Formation initiale
modalite-apprentissage = Apprentissage
modalite-continue = Formation continue
modalite-vae = Validation des acquis de l'expérience (VAE)
formation-lieu = Lieu
formation-enseignement = Enseignement
formation-rythme = Rythme
formation-entrees-sorties = Entrées et sorties
formation-duree = Durée
formation-heures = { $count ->
    [one] 1 heure
   *[other] { $count } heures
}
formation-attractivite = Places et demandes
formation-attractivite-detail = { $places } places ; { $voeux } élèves l'ont demandée en premier vœu (Affelnet { $campagne }), soit { $pression } demandes par place.
formation-attractivite-sans-place = Aucune place annoncée ; { $voeux } élèves l'ont demandée en premier vœu (Affelnet { $campagne }).
formation-prix = Prix total TTC
formation-prerequis = Conditions d'accès
formation-financeurs = Financements possibles
formation-formateur = Organisme formateur
formation-sessions = Sessions
formation-debut = Début
formation-fin = Fin
formation-recrutement = Recrutement
formation-contact = Contact
formation-source = Sources : offres LHÉO du réseau des Carif-Oref et de l'ONISEP, Parcoursup et « Trouver mon master » (ministère de l'Enseignement supérieur), formations professionnelles des lycées de l'affectation Affelnet (ministère de l'Éducation nationale, via Orion), Licence Ouverte.
formations-offered = Formations proposées
formations-preparing = Formations qui y préparent

header-search-label = Rechercher dans le catalogue
header-search-submit = Rechercher
search-title = Rechercher dans le catalogue
search-title-for = Recherche « { $q } »
search-form-label = Recherche dans les métiers, certifications, formations et organisations
search-field-q = Métier, formation, certification, organisation ou code
search-field-q-hint = Par exemple : opérateur de conditionnement, BTS cosmétique, H3301, RNCP36085.
search-field-commune = Autour de la commune (facultatif)
search-field-commune-hint = Nom ou code postal, par exemple Orléans ou 37000.
search-field-rayon = Dans un rayon de
search-rayon = { $km } km
search-submit = Rechercher
search-facets-title = Affiner
search-apply = Appliquer les filtres
search-results-title = Résultats
search-count = { $count ->
    [0] Aucun résultat.
    [one] 1 résultat
   *[other] { $count } résultats
}
search-around = autour de { $commune }, du plus proche au plus éloigné
search-place-read = Recherche de « { $texte } » autour de { $commune } ({ $km } km) : la commune a été lue à la fin de votre saisie.
search-everywhere = Chercher « { $q } » partout
search-did-you-mean = Vouliez-vous dire
search-nearest-trades = Métiers proches de votre recherche
search-partout-invalid = « { $valeur } » n'est pas une valeur de « partout » : oui ou non.
search-none = Essayez un autre mot, moins de filtres ou un rayon plus grand.
search-partial = Les résultats suivants ne contiennent qu'une partie des mots cherchés.
search-page-of = Page { $page } sur { $pages }
search-kind-metier = Métier
search-kind-certification = Certification
search-kind-formation = Formation
search-kind-organisation = Organisation
search-kind-offre = Offre
search-facet-type = Type
search-facet-niveau = Niveau de qualification
search-facet-modalite = Modalités
search-facet-departement = Département
search-facet-secteur = Secteur du campus
search-niveau = Niveau { $niveau }
search-secteur-tous = Tous
search-secteur-oui = Métiers du campus
search-secteur-non = Hors secteur du campus
search-distance = à { $km } km
search-invalid = Paramètres de recherche invalides.
search-query-long = Le texte recherché ne doit pas dépasser 200 caractères.
search-type-invalid = Type inconnu « { $valeur } » : metier, certification, formation ou organisation.
search-niveau-invalid = Niveau invalide « { $valeur } » : un nombre de 3 à 8.
search-modalite-invalid = Modalité inconnue « { $valeur } » : initiale, apprentissage, continue ou vae.
search-departement-invalid = Département invalide « { $valeur } » : un code comme 45, 2A ou 971.
search-secteur-invalid = Valeur de secteur invalide « { $valeur } » : oui ou non.
search-rayon-invalid = Rayon invalide « { $valeur } » : un nombre de kilomètres de 1 à 200.
search-page-invalid = Numéro de page invalide « { $valeur } ».
search-par-page-invalid = Nombre de résultats par page invalide « { $valeur } » : de 1 à 100.
search-commune-unknown = Commune ou code postal introuvable : « { $valeur } ».

## Connexion fédérée (ProConnect, ÉduConnect)

federation-titre = Ou avec votre identité professionnelle ou scolaire
federation-bouton = S'identifier avec { $fournisseur }
federation-echec-titre = Connexion impossible
federation-recommencer = Revenir à la connexion
federation-expiree = Cette connexion a expiré ou n'a pas été commencée depuis ce navigateur. Recommencez-la depuis la page de connexion.
federation-annulee-titre = Connexion annulée
federation-annulee = La connexion avec { $fournisseur } a été annulée. Vous pouvez recommencer, ou vous connecter avec votre adresse e-mail et votre mot de passe.
federation-sans-adresse = { $fournisseur } ne nous a pas transmis d'adresse e-mail : impossible de créer ou de retrouver votre compte. Créez un compte avec votre adresse e-mail.
federation-adresse-non-verifiee = { $fournisseur } n'a pas confirmé votre adresse e-mail : connectez-vous avec votre mot de passe, ou créez un compte avec votre adresse.
federation-lien-titre = Confirmez que ce compte est le vôtre
federation-lien-envoye = Un compte existe déjà avec l'adresse { $adresse }. Pour le relier à votre identité { $fournisseur }, suivez le lien que nous venons d'y envoyer ; vous pourrez ensuite vous connecter avec { $fournisseur }.
federation-lier-titre = Relier votre identité à votre compte
federation-lier-texte = En confirmant, vous pourrez vous connecter à ce compte avec ProConnect ou ÉduConnect, en plus de votre mot de passe.
federation-lier-bouton = Relier et me connecter
federation-lier-expire = Ce lien a expiré : connectez-vous à nouveau avec votre fournisseur d'identité pour en recevoir un autre.
federation-lier-invalide = Ce lien n'est pas valide ou a déjà servi.
mail-lien-federation-sujet = Relier votre compte à { $fournisseur }
mail-lien-federation-corps = Bonjour { $nom },

    Quelqu'un vient de se connecter avec { $fournisseur } en utilisant votre adresse e-mail. Si c'est vous, confirmez pour relier cette identité à votre compte du Campus CosmetoPharma (lien valable { $heures } heures) :

    { $lien }

    Si ce n'est pas vous, ignorez ce message : rien ne sera relié.

    L'équipe du Campus CosmetoPharma Centre-Val de Loire

dictionary-title = Dictionnaire de la recherche
dictionary-lead = Sigles et synonymes du secteur : quand une expression d'un groupe est tapée dans la recherche, chacune des autres est cherchée à sa place (« but qlio » trouve le BUT qualité, logistique industrielle et organisation).
dictionary-add-title = Ajouter un groupe
dictionary-expressions = Expressions équivalentes
dictionary-expressions-hint = Une par ligne, deux au moins : un sigle et ce qu'il veut dire, ou deux façons de nommer la même chose.
dictionary-note = Source
dictionary-note-hint = D'où vient l'équivalence : intitulé d'un référentiel, texte réglementaire…
dictionary-diplome = Ce groupe nomme un diplôme (la recherche montre alors d'abord le diplôme et ses formations)
dictionary-diplome-short = diplôme
dictionary-add = Ajouter le groupe
dictionary-added-title = Groupes ajoutés par l'équipe du campus
dictionary-added-none = Aucun groupe ajouté pour l'instant.
dictionary-shipped-title = Groupes livrés avec la plateforme
dictionary-shipped-lead = Relus et tenus à jour avec le code de la plateforme.
dictionary-col-expressions = Expressions
dictionary-col-note = Source
dictionary-col-actions = Actions
dictionary-remove = Retirer le groupe « { $groupe } »
dictionary-notice-added = Groupe ajouté : la recherche l'applique dans quelques secondes.
dictionary-notice-removed = Groupe retiré : la recherche ne l'applique plus dans quelques secondes.
dictionary-error-too-few = Donnez au moins deux expressions, une par ligne.
dictionary-error-too-many = Un groupe compte au plus { $count } expressions.
dictionary-error-no-word = « { $expression } » ne contient aucun mot cherchable (seulement des mots vides comme « de », « la »).
dictionary-error-too-long = « { $expression } » dépasse { $max } caractères.
dictionary-error-repeated = « { $expression } » apparaît deux fois dans le groupe.
dictionary-error-taken = « { $expression } » figure déjà dans le groupe « { $groupe } ».
dictionary-error-note = La source compte au plus { $count } caractères.
admin-dictionary = Dictionnaire de la recherche
