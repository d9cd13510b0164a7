## Pedagogical resource library

nav-ressources = Resources
search-kind-ressource = Teaching resource
ressources-title = Teaching resources
ressources-lead = Job-discovery kits, job sheets, practicals, teaching sequences and training material shared by the campus's trainers, companies and partners.
ressources-chercher = Search resources
ressources-mots = Search words
ressources-facettes = Refine
ressources-tous = All
ressources-trouvees = { $n ->
    [0] No resource found
    [one] 1 resource found
   *[other] { $n } resources found
}
ressources-miennes = My resources
ressources-moderation = Resource moderation
ressources-proposees = Proposed resources
ressources-a-revoir = Sent back to their author
ressources-liens-casses = Broken links
ressources-aucune = None.
ressources-liees = Teaching resources

ressource-nouvelle = Propose a resource
ressource-modifier = Edit the resource
ressource-choisir = Choose…
ressource-sans-organisation = None
ressource-form-lead = The campus team reviews every resource before it is published. Fields marked "required" must be filled in.
ressource-enregistrer = Save the resource

ressource-field-titre = Title
ressource-field-description = Description
ressource-field-type = Kind of resource
ressource-field-licence = Licence
ressource-field-visibilite = Visibility
ressource-field-visibilite-aide = "Network": signed-in people of the network (trainers, companies, partners, campus team), not learners.
ressource-field-organisation = Organisation
ressource-field-organisation-aide = Required for a resource restricted to one organisation.
ressource-field-audiences = Audiences
ressource-field-niveaux = Levels
ressource-field-metiers = Related jobs
ressource-field-certifications = Related certifications
ressource-field-blocs = Skill blocks
ressource-field-blocs-aide = One block per line: its title or its code (for instance RNCP36085BC04).
ressource-field-equipements = Technology platform equipment
ressource-field-lien = External link
ressource-field-lien-aide = An address starting with http:// or https:// (online video, author's site).
ressource-field-langue = Language
ressource-field-langue-aide = Two-letter ISO 639-1 code: fr, en, de…
ressource-field-duree = Duration (minutes)
ressource-field-duree-aide = For instance 90 for a workshop of an hour and a half.
ressource-field-version = Version
ressource-field-date = Version date
ressource-field-auteurs = Authors
ressource-field-auteurs-aide = As they wish to be credited.
ressource-niveau = Level { $niveau }
ressource-duree-minutes = { $minutes } minutes
ressource-licence-texte = licence text

ressource-type-kit_decouverte = Job-discovery kit
ressource-type-fiche_metier = Illustrated job sheet
ressource-type-video = Video
ressource-type-travaux_pratiques = Practical work
ressource-type-sequence_pedagogique = Teaching sequence
ressource-type-support_formation = Training material
ressource-type-protocole_equipement = Equipment protocol
ressource-type-etude_de_cas = Industrial case study
ressource-type-quiz = Quiz
ressource-licence-cc_by = CC BY 4.0 (attribution)
ressource-licence-cc_by_sa = CC BY-SA 4.0 (attribution, share alike)
ressource-licence-cc_by_nc = CC BY-NC 4.0 (attribution, non-commercial)
ressource-licence-licence_ouverte = Licence Ouverte 2.0 (Etalab)
ressource-licence-tous_droits_reserves = All rights reserved
ressource-visibilite-public = Public
ressource-visibilite-reseau = Campus network
ressource-visibilite-organisation = My organisation only
ressource-etat-proposee = Proposed, awaiting review
ressource-etat-a_revoir = Sent back to its author
ressource-etat-approuvee = Approved
ressource-action-approuver = Approve
ressource-action-renvoyer = Send back to the author
ressource-action-soumettre = Propose again

ressource-titre-invalide = Give the resource's title (200 characters at most).
ressource-description-invalide = Describe the resource (5,000 characters at most).
ressource-type-inconnu = Choose the kind of resource from the list.
ressource-licence-manquante = Choose the licence under which the resource may be reused.
ressource-licence-inconnue = This licence is not in the list: choose CC BY, CC BY-SA, CC BY-NC, Licence Ouverte or all rights reserved.
ressource-visibilite-inconnue = Choose the visibility from the list.
ressource-audience-inconnue = A ticked audience is not in the list.
ressource-niveau-inconnu = Levels go from 3 (CAP) to 7 (master's).
ressource-langue-inconnue = This language code does not exist: give an ISO 639-1 code such as fr or en.
ressource-duree-invalide = Give the duration in minutes, from 1 to 2,400.
ressource-version-invalide = A version is written with digits, letters, dots or hyphens (20 characters at most).
ressource-date-invalide = Give the version date as dd/mm/yyyy.
ressource-texte-trop-long = This text is too long.
ressource-lien-schema = The link must start with http:// or https://.
ressource-lien-invalide = This link is not a valid web address.
ressource-organisation-invalide = Choose one of your organisations.
ressource-organisation-requise = Choose the organisation the resource is restricted to.
ressource-equipement-invalide = A ticked equipment is not in the list.
ressource-metier-inconnu = No job matches "{ $texte }": choose a suggested job.
ressource-certification-inconnue = No certification matches "{ $texte }": choose a suggested certification.
ressource-bloc-inconnu = No skill block matches "{ $texte }".
ressource-bloc-ambigu = Several blocks match: { $choix }. Give the block's code.
ressource-trop-de-liens = Twenty items at most.
ressource-fichier-manquant = Choose the file to upload.
ressource-motif-requis = Tell the author what to review.
ressource-action-inconnue = Unknown action.
ressource-perimee = The resource changed in the meantime: reload the page.

ressource-statut = State
ressource-motif = Reason
ressource-motif-aide = Required to send the resource back: the author receives it by e-mail.
ressource-contenu = Content
ressource-ouvrir-lien = Open the online resource
ressource-lien-casse = this link no longer answers
ressource-versions = Versions of the file, newest first
ressource-version = Version
ressource-fichier = File
ressource-date = Date
ressource-sans-contenu = No file uploaded yet.
ressource-deposer = Upload a file (new version)
ressource-fichier-aide = PDF, office document (Word, Excel, PowerPoint, LibreOffice) or image (PNG, JPEG, WebP), 20 MB at most. Videos are given as a link.
ressource-envoyer = Send the file
ressource-evenements = Events that use it
ressource-moderation = Review by the campus team
ressource-approuver = Approve and publish
ressource-renvoyer = Send back to the author
ressource-soumettre = Propose again after corrections

ressource-ok-publiee = The resource is published.
ressource-ok-proposee = The resource is proposed: the campus team will review it before publication.
ressource-ok-modifiee = The resource is updated.
ressource-ok-fichier = The file is uploaded.
ressource-ok-approuver = The resource is approved and published.
ressource-ok-renvoyer = The resource is sent back to its author.
ressource-ok-soumettre = The resource is proposed again.

evenement-ressources = Teaching resources of the event
evenement-ressources-aucune = No resource chosen yet.
evenement-ressources-choisir = Resources used
evenement-ressources-aide = One resource per line, by its title.
evenement-ressources-chercher = Search a resource by its title
evenement-ressources-enregistrer = Save the resources
evenement-ressource-inconnue = No approved resource is titled "{ $texte }".

mail-ressource-approuvee-subject = Resource published: "{ $titre }"
mail-ressource-approuvee-body =
    Hello { $nom },

    The campus team approved your resource "{ $titre }". It is now visible:

    { $lien }
mail-ressource-renvoyee-subject = Resource to review: "{ $titre }"
mail-ressource-renvoyee-body =
    Hello { $nom },

    The campus team asks you to review your resource "{ $titre }" before publication:

    { $motif }

    Edit it, then propose it again:

    { $lien }
mail-ressource-lien-casse-subject = Broken link: "{ $titre }"
mail-ressource-lien-casse-body =
    Hello { $nom },

    The link of your resource "{ $titre }" no longer answers:

    { $adresse }

    You can fix it here:

    { $lien }
