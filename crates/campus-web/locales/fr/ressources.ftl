## Bibliothèque de ressources pédagogiques

nav-ressources = Ressources
search-kind-ressource = Ressource pédagogique
ressources-title = Ressources pédagogiques
ressources-lead = Kits de découverte des métiers, fiches métiers, travaux pratiques, séquences et supports de formation partagés par les formateurs, les entreprises et les partenaires du campus.
ressources-chercher = Chercher une ressource
ressources-mots = Mots de la recherche
ressources-facettes = Affiner
ressources-tous = Tous
ressources-trouvees = { $n ->
    [0] Aucune ressource trouvée
    [one] 1 ressource trouvée
   *[other] { $n } ressources trouvées
}
ressources-miennes = Mes ressources
ressources-moderation = Modération des ressources
ressources-proposees = Ressources proposées
ressources-a-revoir = Renvoyées à leur auteur
ressources-liens-casses = Liens cassés
ressources-aucune = Aucune.
ressources-liees = Ressources pédagogiques

ressource-nouvelle = Proposer une ressource
ressource-modifier = Modifier la ressource
ressource-choisir = Choisir…
ressource-sans-organisation = Aucune
ressource-form-lead = L'équipe du campus relit chaque ressource avant sa publication. Les champs marqués « obligatoire » sont à remplir.
ressource-enregistrer = Enregistrer la ressource

ressource-field-titre = Titre
ressource-field-description = Description
ressource-field-type = Type de ressource
ressource-field-licence = Licence
ressource-field-visibilite = Visibilité
ressource-field-visibilite-aide = « Réseau » : les personnes connectées du réseau (formateurs, entreprises, partenaires, équipe du campus), pas les apprenants.
ressource-field-organisation = Organisation
ressource-field-organisation-aide = Obligatoire pour une ressource réservée à une organisation.
ressource-field-audiences = Publics
ressource-field-niveaux = Niveaux
ressource-field-metiers = Métiers liés
ressource-field-certifications = Certifications liées
ressource-field-blocs = Blocs de compétences
ressource-field-blocs-aide = Un bloc par ligne : son intitulé ou son code (par exemple RNCP36085BC04).
ressource-field-equipements = Équipements de la plateforme technologique
ressource-field-lien = Lien externe
ressource-field-lien-aide = Une adresse commençant par http:// ou https:// (vidéo en ligne, site de l'auteur).
ressource-field-langue = Langue
ressource-field-langue-aide = Code ISO 639-1 en deux lettres : fr, en, de…
ressource-field-duree = Durée (minutes)
ressource-field-duree-aide = Par exemple 90 pour un atelier d'une heure et demie.
ressource-field-version = Version
ressource-field-date = Date de la version
ressource-field-auteurs = Auteurs
ressource-field-auteurs-aide = Comme ils souhaitent être cités.
ressource-niveau = Niveau { $niveau }
ressource-duree-minutes = { $minutes } minutes
ressource-licence-texte = texte de la licence

ressource-type-kit_decouverte = Kit de découverte métier
ressource-type-fiche_metier = Fiche métier illustrée
ressource-type-video = Vidéo
ressource-type-travaux_pratiques = TP / travaux pratiques
ressource-type-sequence_pedagogique = Séquence pédagogique
ressource-type-support_formation = Support de formation
ressource-type-protocole_equipement = Protocole d'équipement
ressource-type-etude_de_cas = Étude de cas industrielle
ressource-type-quiz = Quiz
ressource-licence-cc_by = CC BY 4.0 (attribution)
ressource-licence-cc_by_sa = CC BY-SA 4.0 (attribution, partage dans les mêmes conditions)
ressource-licence-cc_by_nc = CC BY-NC 4.0 (attribution, pas d'utilisation commerciale)
ressource-licence-licence_ouverte = Licence Ouverte 2.0 (Etalab)
ressource-licence-tous_droits_reserves = Tous droits réservés
ressource-visibilite-public = Public
ressource-visibilite-reseau = Réseau du campus
ressource-visibilite-organisation = Mon organisation seulement
ressource-etat-proposee = Proposée, en attente de relecture
ressource-etat-a_revoir = Renvoyée à son auteur
ressource-etat-approuvee = Approuvée
ressource-action-approuver = Approuver
ressource-action-renvoyer = Renvoyer à l'auteur
ressource-action-soumettre = Proposer à nouveau

ressource-titre-invalide = Indiquez le titre de la ressource (200 caractères au plus).
ressource-description-invalide = Décrivez la ressource (5 000 caractères au plus).
ressource-type-inconnu = Choisissez le type de la ressource dans la liste.
ressource-licence-manquante = Choisissez la licence sous laquelle la ressource peut être réutilisée.
ressource-licence-inconnue = Cette licence n'est pas dans la liste : choisissez CC BY, CC BY-SA, CC BY-NC, Licence Ouverte ou tous droits réservés.
ressource-visibilite-inconnue = Choisissez la visibilité dans la liste.
ressource-audience-inconnue = Un public coché n'est pas dans la liste.
ressource-niveau-inconnu = Les niveaux vont de 3 (CAP) à 7 (master).
ressource-langue-inconnue = Ce code de langue n'existe pas : indiquez un code ISO 639-1 comme fr ou en.
ressource-duree-invalide = Indiquez la durée en minutes, de 1 à 2 400.
ressource-version-invalide = La version s'écrit avec des chiffres, des lettres, des points ou des tirets (20 caractères au plus).
ressource-date-invalide = Indiquez la date de la version au format jj/mm/aaaa.
ressource-texte-trop-long = Ce texte est trop long.
ressource-lien-schema = Le lien doit commencer par http:// ou https://.
ressource-lien-invalide = Ce lien n'est pas une adresse web valide.
ressource-organisation-invalide = Choisissez une de vos organisations.
ressource-organisation-requise = Choisissez l'organisation à laquelle la ressource est réservée.
ressource-equipement-invalide = Un équipement coché n'est pas dans la liste.
ressource-metier-inconnu = Aucun métier ne correspond à « { $texte } » : choisissez un métier proposé.
ressource-certification-inconnue = Aucune certification ne correspond à « { $texte } » : choisissez une certification proposée.
ressource-bloc-inconnu = Aucun bloc de compétences ne correspond à « { $texte } ».
ressource-bloc-ambigu = Plusieurs blocs correspondent : { $choix }. Indiquez le code du bloc.
ressource-trop-de-liens = Vingt éléments au plus.
ressource-fichier-manquant = Choisissez le fichier à déposer.
ressource-motif-requis = Indiquez à l'auteur ce qu'il doit revoir.
ressource-action-inconnue = Action inconnue.
ressource-perimee = La ressource a changé entre-temps : rechargez la page.

ressource-statut = État
ressource-motif = Motif
ressource-motif-aide = Obligatoire pour renvoyer la ressource : l'auteur le reçoit par courriel.
ressource-contenu = Contenu
ressource-ouvrir-lien = Ouvrir la ressource en ligne
ressource-lien-casse = ce lien ne répond plus
ressource-versions = Versions du fichier, la plus récente d'abord
ressource-version = Version
ressource-fichier = Fichier
ressource-date = Date
ressource-sans-contenu = Aucun fichier déposé pour l'instant.
ressource-deposer = Déposer un fichier (nouvelle version)
ressource-fichier-aide = PDF, document bureautique (Word, Excel, PowerPoint, LibreOffice) ou image (PNG, JPEG, WebP), 20 Mo au plus. Les vidéos se donnent par un lien.
ressource-envoyer = Envoyer le fichier
ressource-evenements = Événements qui l'utilisent
ressource-moderation = Relecture par l'équipe du campus
ressource-approuver = Approuver et publier
ressource-renvoyer = Renvoyer à l'auteur
ressource-soumettre = Proposer à nouveau après corrections

ressource-ok-publiee = La ressource est publiée.
ressource-ok-proposee = La ressource est proposée : l'équipe du campus la relira avant sa publication.
ressource-ok-modifiee = La ressource est modifiée.
ressource-ok-fichier = Le fichier est déposé.
ressource-ok-approuver = La ressource est approuvée et publiée.
ressource-ok-renvoyer = La ressource est renvoyée à son auteur.
ressource-ok-soumettre = La ressource est de nouveau proposée.

evenement-ressources = Ressources pédagogiques de l'événement
evenement-ressources-aucune = Aucune ressource choisie pour l'instant.
evenement-ressources-choisir = Ressources utilisées
evenement-ressources-aide = Une ressource par ligne, par son titre.
evenement-ressources-chercher = Chercher une ressource par son titre
evenement-ressources-enregistrer = Enregistrer les ressources
evenement-ressource-inconnue = Aucune ressource approuvée ne s'intitule « { $texte } ».

mail-ressource-approuvee-subject = Ressource publiée : « { $titre } »
mail-ressource-approuvee-body =
    Bonjour { $nom },

    L'équipe du campus a approuvé votre ressource « { $titre } ». Elle est désormais visible :

    { $lien }
mail-ressource-renvoyee-subject = Ressource à revoir : « { $titre } »
mail-ressource-renvoyee-body =
    Bonjour { $nom },

    L'équipe du campus vous demande de revoir votre ressource « { $titre } » avant sa publication :

    { $motif }

    Modifiez-la puis proposez-la à nouveau :

    { $lien }
mail-ressource-lien-casse-subject = Lien cassé : « { $titre } »
mail-ressource-lien-casse-body =
    Bonjour { $nom },

    Le lien de votre ressource « { $titre } » ne répond plus :

    { $adresse }

    Vous pouvez le corriger ici :

    { $lien }
