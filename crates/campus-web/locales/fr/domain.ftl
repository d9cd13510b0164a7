## Codes et valeurs validés par le domaine

siret-invalid-length = Le numéro SIRET doit comporter 14 chiffres.
siren-invalid-length = Le numéro SIREN doit comporter 9 chiffres.
siret-not-digits = Le numéro ne doit contenir que des chiffres (les espaces sont acceptés).
siret-checksum = Ce numéro n'est pas valide : la clé de contrôle ne correspond pas. Vérifiez chaque chiffre.
uai-invalid-format = Le code UAI comporte 7 chiffres suivis d'une lettre, par exemple 0450855K.
uai-check-letter = Ce code UAI n'est pas valide : la lettre finale ne correspond pas aux chiffres.
code-postal-format = Le code postal comporte 5 chiffres, par exemple 45000.
code-postal-range = Ce code postal n'existe pas.
departement-unknown = Ce département n'existe pas.
email-empty = Saisissez une adresse e-mail.
email-too-long = L'adresse e-mail est trop longue (254 caractères au plus).
email-missing-at = L'adresse e-mail doit contenir un @, par exemple prenom.nom@exemple.fr.
email-invalid-local = La partie avant le @ contient des caractères non acceptés.
email-invalid-domain = Le nom de domaine après le @ n'est pas valide, par exemple exemple.fr.
password-too-short = Le mot de passe doit comporter au moins 12 caractères.
password-too-long = Le mot de passe doit comporter au plus 128 caractères.
password-repetitive = Le mot de passe ne peut pas répéter un seul caractère.
password-personal = Le mot de passe ne doit pas contenir votre nom ni votre adresse e-mail.
password-common = Ce mot de passe est trop courant : choisissez-en un autre, par exemple une phrase.
text-empty = Ce champ est obligatoire.
text-too-long = Ce champ accepte au plus { $max } caractères.
text-control-chars = Ce champ contient des caractères invisibles non acceptés.
role-unknown = Cette valeur n'existe pas dans la liste.

role-apprenant = Apprenant·e
role-formateur = Formateur·rice ou enseignant·e
role-entreprise = Entreprise
role-partenaire = Partenaire
role-equipe_campus = Équipe du campus
role-admin = Administrateur·rice

statut-collegien = Collégien·ne
statut-lyceen = Lycéen·ne
statut-etudiant = Étudiant·e
statut-apprenti = Apprenti·e
statut-salarie = Salarié·e
statut-demandeur_emploi = Demandeur·se d'emploi

organisation-origine-reseau = Membre du réseau
organisation-origine-catalogue_apprentissage = Référencé par le catalogue de l'apprentissage
organisation-kind-etablissement_scolaire = Établissement scolaire
organisation-kind-universite = Université ou école
organisation-kind-organisme_formation = Organisme de formation
organisation-kind-entreprise = Entreprise
organisation-kind-laboratoire = Laboratoire
organisation-kind-cluster_pole = Cluster ou pôle
organisation-kind-collectivite = Collectivité ou institution

membre-role-responsable = Responsable
membre-role-membre = Membre
