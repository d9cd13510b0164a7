## Codes and values checked by the domain

siret-invalid-length = A SIRET number has 14 digits.
siren-invalid-length = A SIREN number has 9 digits.
siret-not-digits = The number may only contain digits (spaces are accepted).
siret-checksum = This number is not valid: its check digit does not match. Check each digit.
uai-invalid-format = A UAI code (school identifier) is 7 digits followed by a letter, for example 0450855K.
uai-check-letter = This UAI code is not valid: the final letter does not match the digits.
code-postal-format = A postcode has 5 digits, for example 45000.
code-postal-range = This postcode does not exist.
departement-unknown = This département does not exist.
email-empty = Enter an e-mail address.
email-too-long = The e-mail address is too long (254 characters at most).
email-missing-at = The e-mail address must contain an @, for example firstname.lastname@example.com.
email-invalid-local = The part before the @ contains characters that are not accepted.
email-invalid-domain = The domain name after the @ is not valid, for example example.com.
password-too-short = The password must be at least 12 characters long.
password-too-long = The password must be at most 128 characters long.
password-repetitive = The password cannot repeat a single character.
password-personal = The password must not contain your name or your e-mail address.
password-common = This password is too common: choose another one, for example a sentence.
text-empty = This field is required.
text-too-long = This field accepts at most { $max } characters.
text-control-chars = This field contains invisible characters that are not accepted.
role-unknown = This value is not in the list.

role-apprenant = Learner
role-formateur = Trainer or teacher
role-entreprise = Company
role-partenaire = Partner
role-equipe_campus = Campus team
role-admin = Administrator

statut-collegien = Lower secondary pupil (collège)
statut-lyceen = Upper secondary pupil (lycée)
statut-etudiant = Student
statut-apprenti = Apprentice
statut-salarie = Employee
statut-demandeur_emploi = Job seeker

organisation-origine-reseau = Network member
organisation-origine-catalogue_apprentissage = Listed in the apprenticeship catalogue
organisation-kind-etablissement_scolaire = School
organisation-kind-universite = University or higher-education school
organisation-kind-organisme_formation = Training body
organisation-kind-entreprise = Company
organisation-kind-laboratoire = Laboratory
organisation-kind-cluster_pole = Cluster or competitiveness hub
organisation-kind-collectivite = Public authority or institution

membre-role-responsable = Manager
membre-role-membre = Member
