## Communication tools: news of the campus and its partners, Atom feed,
## newsletter.

nav-actualites = News
home-actualites-title = Latest news
home-actualites-none = No news published yet.
home-actualites-all = All the campus news

actualites-titre = Campus news
actualites-chapeau = What happens at the campus and its partners: schools, labs and companies of the cosmetics and pharmaceutical industries.
actualites-abonner-lettre = Subscribe to the newsletter
actualites-flux-lien = Follow the news (Atom feed)
actualites-flux-titre = CosmetoPharma Campus news
actualites-miennes = My news
actualites-publiees = Published news
actualites-aucune = No news published yet.
actualites-pagination = News pages
actualites-precedentes = Newer news
actualites-suivantes = Older news
actualites-page-n = Page { $page } of { $pages }
actualites-liees = News about this trade
actualites-liees-page = Related news
actualites-toutes = All news
actualites-revue-titre = News review
actualites-a-relire = News to review
actualites-rien-a-relire = No news is waiting for review.

actualite-nouvelle = Write a news item
actualite-form-chapeau-equipe = Your news item is published as soon as it is saved, on behalf of the campus.
actualite-form-chapeau-partenaire = Your news item is reviewed by the campus team before publication; you get an e-mail when it is published or sent back.
actualite-field-titre = Title
actualite-field-resume = Summary
actualite-field-resume-aide = Two or three sentences, shown in the list, the home page, the feed and the newsletter (600 characters at most).
actualite-field-corps = Text
actualite-field-corps-aide = In Markdown: **bold**, *italic*, lists with "-", links [text](https://address). HTML is not interpreted.
actualite-field-organisation = Organisation signing the news item
actualite-field-organisation-aide = One of the organisations you belong to.
actualite-field-image-groupe = Image (optional)
actualite-field-image = Image
actualite-field-image-aide = PNG, JPEG or WebP, { $mo } MB at most.
actualite-field-image-alt = Alternative text of the image
actualite-field-image-alt-aide = Required with an image: what it shows, for people who cannot see it.
actualite-field-metiers = Related trades
actualite-field-metiers-aide = One trade per line: type a job title and pick a suggestion (a ROME code is also accepted).
actualite-field-motif = Reason for sending back
actualite-field-evenements = Events the news item is about
actualite-field-projets = Projects the news item is about
actualite-liens = Related events and projects
actualite-evenement-invalide = Choose events from the list.
actualite-projet-invalide = Choose public projects from the list.
actualite-soumettre = Submit for review
actualite-publier = Publish
actualite-republier = Publish again
actualite-renvoyer = Send back to the author
actualite-retirer = Withdraw
actualite-revue = Review
actualite-motif-renvoi = Sent back by the campus team:
actualite-metiers = Related trades
actualite-signature = Signed by
actualite-signature-campus = CosmetoPharma Campus
actualite-date = Date

actualite-etat-soumise = Under review
actualite-etat-publiee = Published
actualite-etat-renvoyee = Sent back to the author
actualite-etat-retiree = Withdrawn
actualite-action-publier = Publish
actualite-action-renvoyer = Send back
actualite-action-retirer = Withdraw
actualite-action-resoumettre = Submit again

actualite-modifier = Edit the news item
actualite-image-actuelle = Current image: "{ $alt }". Send another one to replace it.
actualite-ok-resoumise = The corrected news item was sent to the campus team again.
actualite-ok-modifiee = The news item is edited.
actualite-ok-soumise = Your news item was sent to the campus team for review.
actualite-ok-publiee = The news item is published.
actualite-ok-renvoyee = The news item was sent back to its author with the reason.
actualite-ok-retiree = The news item was withdrawn from the public pages.

actualite-titre-manquant = Give the news item a title.
actualite-resume-manquant = Write the news item's summary.
actualite-organisation-invalide = Choose the organisation signing the news item among yours.
actualite-metier-inconnu = No trade matches "{ $texte }": pick a title among the suggestions.
actualite-trop-de-metiers = Link at most { $max } trades.
actualite-image-refusee = Image refused: { $raison }.
actualite-image-alt-manquant = Describe the image in its alternative text.
actualite-image-alt-long = The alternative text has at most { $max } characters.
actualite-action-invalide = Choose a decision: publish, send back or withdraw.
actualite-motif-manquant = Tell the author why the news item is sent back.
actualite-motif-long = The reason has at most { $max } characters.
actualite-deja-decidee = This news item changed meanwhile: reload the page.

mail-actualite-publiee-subject = Your news item "{ $titre }" is published
mail-actualite-publiee-body =
    Hello,

    The campus team published your news item "{ $titre }":

    { $lien }
mail-actualite-renvoyee-subject = Your news item "{ $titre }" is sent back
mail-actualite-renvoyee-body =
    Hello,

    The campus team sends back your news item "{ $titre }" with this reason:

    { $motif }

    { $lien }
mail-actualite-retiree-subject = Your news item "{ $titre }" is withdrawn
mail-actualite-retiree-body =
    Hello,

    The campus team withdrew your news item "{ $titre }" from the public pages.

    { $lien }

lettre-titre = Newsletter
lettre-chapeau = Receive the news of the campus and its partners by e-mail. You confirm your address by following the link you receive; each issue carries a one-click unsubscribe link.
lettre-field-email = E-mail address
lettre-field-email-aide = Example: firstname.lastname@example.org
lettre-abonner = Subscribe
lettre-donnees = Your address is only used to send the newsletter; an unconfirmed request is erased after 7 days.
lettre-donnees-lien = Your personal data
lettre-email-invalide = Enter a valid e-mail address, for example firstname.lastname@example.org.
lettre-demande-titre = Check your mailbox
lettre-demande-message = If this address is not already subscribed, an e-mail was just sent to it: follow its link to confirm the subscription (valid for 7 days).
lettre-voir-actualites = See the news
lettre-lien-invalide = This link is not valid or has expired.
lettre-confirmer-titre = Confirm the subscription
lettre-confirmer-message = Confirm the subscription of { $email } to the campus newsletter.
lettre-confirmer-bouton = Confirm my subscription
lettre-confirmee-titre = Subscription confirmed
lettre-confirmee-message = You will receive the next campus newsletter.
lettre-desabonner-titre = Unsubscribe
lettre-desabonner-message = Stop sending the newsletter to { $email }?
lettre-desabonner-bouton = Unsubscribe me
lettre-desabonne-titre = Unsubscribed
lettre-desabonne-message = You will no longer receive the newsletter; your address is erased from the list.
lettre-reabonner = Subscribe again
lettre-admin-titre = Newsletter
lettre-abonnes-confirmes = { $count ->
    [0] No confirmed subscriber.
    [one] One confirmed subscriber.
   *[other] { $count } confirmed subscribers.
}
lettre-numeros = Issues
lettre-aucun-numero = No issue yet.
lettre-etat = State
lettre-envoyes = Messages sent
lettre-envoyes-n = { $count ->
    [0] no message sent
    [one] one message sent
   *[other] { $count } messages sent
}
lettre-etat-brouillon = Draft
lettre-etat-en_envoi = Being sent
lettre-etat-envoye = Sent
lettre-composer = Compose an issue
lettre-field-objet = Subject
lettre-field-introduction = Introduction
lettre-field-actualites = News of the issue
lettre-apercu-bouton = Preview
lettre-apercu = Preview
lettre-apercu-pied = Each message carries a one-click unsubscribe link.
lettre-envoyer = { $count ->
    [0] Send (no confirmed subscriber)
    [one] Send to the confirmed subscriber
   *[other] Send to the { $count } confirmed subscribers
}
lettre-objet-manquant = Give the issue a subject.
lettre-objet-long = The subject has at most { $max } characters.
lettre-introduction-manquante = Write the issue's introduction.
lettre-introduction-longue = The introduction has at most { $max } characters.
lettre-actualite-invalide = Choose published news.
lettre-deja-envoyee = This issue is already sent or being sent.

mail-lettre-confirmation-subject = Confirm your newsletter subscription
mail-lettre-confirmation-body =
    Hello,

    A subscription to the CosmetoPharma Campus newsletter was asked with this address. To confirm it, follow this link (valid for 7 days):

    { $lien }

    If you asked nothing, ignore this message: the address will be erased.
mail-lettre-pied =
    You receive this message because you subscribed to the CosmetoPharma Campus newsletter.
    Unsubscribe in one click: { $lien }

traitement-lettre = Newsletter
traitement-lettre-finalite = Send the campus newsletter to the people who asked for it and confirmed their address.
traitement-lettre-base = Consent of the subscriber, withdrawn at any time through the unsubscribe link of each issue (article 6.1.a GDPR).
traitement-lettre-donnees = E-mail address, dates of the request and of the confirmation, issues sent.
traitement-lettre-destinataires = The campus team; the address is never published nor passed on.
traitement-conservation-lettre = Until unsubscription or erasure of the account; an unconfirmed request is erased after { $jours } days.
