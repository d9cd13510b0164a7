//! Every route × every role (and anonymous) against the expected outcome.
//!
//! The expected table below is written independently of the application's
//! own declarations: a route added to the application without a line here
//! fails this test, and so does a line here whose route disappeared.

use campus_domain::{MembreRole, Role};
use campus_web::route_rules;

use crate::testkit::{PASSWORD, TestApp, extract_csrf};

/// Who calls: anonymous, then each platform role.
const CALLERS: [Option<Role>; 7] = [
    None,
    Some(Role::Apprenant),
    Some(Role::Formateur),
    Some(Role::Entreprise),
    Some(Role::Partenaire),
    Some(Role::EquipeCampus),
    Some(Role::Admin),
];

/// Expected outcome per caller, in the order of [`CALLERS`]: `true` =
/// allowed (neither 401 nor 403 nor a redirect to sign in).
type Row = [bool; 7];
const PUBLIC: Row = [true; 7];
const SIGNED_IN: Row = [false, true, true, true, true, true, true];
const STAFF: Row = [false, false, false, false, false, true, true];
/// The campus team, and the partner who is a responsable of the
/// organisation used in the path.
const EDITORS: Row = [false, false, false, false, true, true, true];
/// Members of an organisation (the partner of the path, and the company
/// user who joins the organisation of the module request) and the campus
/// team: any organisation may organise events.
const MEMBERS: Row = [false, false, false, true, true, true, true];
/// Company users (role entreprise).
const COMPANY: Row = [false, false, false, true, false, false, false];
/// Trainers (role formateur).
const TRAINER: Row = [false, false, true, false, false, false, false];
const COMPANY_OR_STAFF: Row = [false, false, false, true, false, true, true];
/// The parties of the module request used in the path: its company's
/// user, the trainer it was routed to, the campus team.
const PARTIES: Row = [false, false, true, true, false, true, true];
/// Trainers and the campus team, who grant habilitations.
const INSTRUCTORS: Row = [false, false, true, false, false, true, true];
/// Managers of the equipment in the path: none of the callers here but
/// the campus team (equipment managers are tested in `equipements`).
const MANAGERS: Row = STAFF;
/// Trainers and the campus team, who may ask learners to support them.
const SUPPORTERS: Row = [false, false, true, false, false, true, true];
/// Only a supporter whose support the learner in the path accepted; no
/// caller of this matrix is one.
const NOBODY: Row = [false; 7];
/// Learners (role apprenant), who apply to offers.
const LEARNER: Row = [false, true, false, false, false, false, false];
/// Those who start projects: everyone signed in but learners.
const PORTEURS: Row = [false, false, true, true, true, true, true];
/// Those who apply to mobility offers: learners, and trainers (to the
/// staff's offers).
const MOBILITY_APPLICANTS: Row = [false, true, true, false, false, false, false];
/// The project of the path, private: its lead (the partner caller) and
/// the campus team; a member of another project is refused like anyone.
const PROJECT: Row = EDITORS;

const EXPECTED: &[(&str, &str, Row)] = &[
    ("GET", "/", PUBLIC),
    ("GET", "/metiers", PUBLIC),
    ("GET", "/metiers-du-campus", PUBLIC),
    ("GET", "/metiers/{code}", PUBLIC),
    ("GET", "/api/v1/metiers/{code_rome}", PUBLIC),
    ("GET", "/certifications/{code}", PUBLIC),
    ("GET", "/api/v1/certifications/{code}", PUBLIC),
    ("GET", "/formations/{id}", PUBLIC),
    ("GET", "/api/v1/formations/{id}", PUBLIC),
    ("GET", "/api/v1/export/lheo", PUBLIC),
    ("GET", "/api/v1/suggestions", PUBLIC),
    ("GET", "/api/v1/autocomplete", PUBLIC),
    ("GET", "/recherche", PUBLIC),
    ("GET", "/api/v1/recherche", PUBLIC),
    ("GET", "/api/v1/search", PUBLIC),
    ("GET", "/accessibilite", PUBLIC),
    ("GET", "/mentions-legales", PUBLIC),
    ("POST", "/langue", PUBLIC),
    ("GET", "/connexion", PUBLIC),
    ("POST", "/connexion", PUBLIC),
    ("GET", "/connexion/{fournisseur}", PUBLIC),
    ("GET", "/connexion/{fournisseur}/retour", PUBLIC),
    ("GET", "/connexion-federee/lier", PUBLIC),
    ("POST", "/connexion-federee/lier", PUBLIC),
    ("GET", "/inscription", PUBLIC),
    ("POST", "/inscription", PUBLIC),
    ("GET", "/inscription/verifier", PUBLIC),
    ("POST", "/inscription/verifier", PUBLIC),
    ("GET", "/mot-de-passe-oublie", PUBLIC),
    ("POST", "/mot-de-passe-oublie", PUBLIC),
    ("GET", "/mot-de-passe/reinitialiser", PUBLIC),
    ("POST", "/mot-de-passe/reinitialiser", PUBLIC),
    ("GET", "/invitation", PUBLIC),
    ("POST", "/invitation", PUBLIC),
    ("GET", "/compte", SIGNED_IN),
    ("POST", "/compte", SIGNED_IN),
    ("POST", "/compte/mot-de-passe", SIGNED_IN),
    ("POST", "/compte/sessions/fermer", SIGNED_IN),
    ("GET", "/compte/jetons", SIGNED_IN),
    ("POST", "/compte/jetons", SIGNED_IN),
    ("POST", "/compte/jetons/{id}/revoquer", SIGNED_IN),
    ("GET", "/modules/demandes", COMPANY),
    ("GET", "/modules/demandes/nouvelle", COMPANY),
    ("POST", "/modules/demandes", COMPANY),
    ("GET", "/modules/demandes/{id}", PARTIES),
    ("POST", "/modules/demandes/{id}/orienter", STAFF),
    ("POST", "/modules/demandes/{id}/proposition", TRAINER),
    ("POST", "/modules/demandes/{id}/decision", COMPANY),
    ("POST", "/modules/demandes/{id}/stagiaires", COMPANY),
    ("POST", "/modules/demandes/{id}/programmer", STAFF),
    ("POST", "/modules/demandes/{id}/terminer", STAFF),
    ("POST", "/modules/demandes/{id}/annuler", COMPANY_OR_STAFF),
    ("GET", "/modules/propositions", TRAINER),
    ("GET", "/admin/modules", STAFF),
    ("POST", "/api/v1/modules/demandes", COMPANY),
    ("GET", "/api/v1/modules/demandes/{id}", PARTIES),
    (
        "POST",
        "/api/v1/modules/demandes/{id}/propositions",
        TRAINER,
    ),
    ("POST", "/api/v1/modules/demandes/{id}/decision", COMPANY),
    ("GET", "/organisations", PUBLIC),
    ("GET", "/organisations/{slug}", PUBLIC),
    ("GET", "/organisations/{slug}/modifier", EDITORS),
    ("POST", "/organisations/{slug}/modifier", EDITORS),
    ("POST", "/organisations/{slug}/membres", EDITORS),
    ("GET", "/equipements", PUBLIC),
    ("GET", "/equipements/{equipement}", PUBLIC),
    ("GET", "/equipements/{equipement}/calendrier.ics", PUBLIC),
    ("POST", "/equipements/{equipement}/flux", MANAGERS),
    ("GET", "/equipements/{equipement}/reserver", SIGNED_IN),
    ("POST", "/equipements/{equipement}/reserver", SIGNED_IN),
    ("GET", "/equipements/{equipement}/utilisation", MANAGERS),
    ("GET", "/equipements/{equipement}/utilisation.csv", MANAGERS),
    ("POST", "/equipements/{equipement}/maintenances", MANAGERS),
    ("GET", "/reservations", SIGNED_IN),
    ("GET", "/reservations/a-valider", MANAGERS),
    ("POST", "/reservations/{reservation}/valider", MANAGERS),
    ("POST", "/reservations/{reservation}/refuser", MANAGERS),
    // The booking's author is none of the callers.
    ("POST", "/reservations/{reservation}/annuler", MANAGERS),
    ("GET", "/admin/equipements", STAFF),
    ("POST", "/admin/equipements/quotas", STAFF),
    ("POST", "/admin/equipements/gestionnaires", STAFF),
    ("GET", "/habilitations", INSTRUCTORS),
    ("POST", "/habilitations", INSTRUCTORS),
    ("GET", "/api/v1/equipements", PUBLIC),
    ("GET", "/api/v1/equipements/{equipement}", PUBLIC),
    (
        "GET",
        "/api/v1/equipements/{equipement}/disponibilites",
        PUBLIC,
    ),
    (
        "POST",
        "/api/v1/equipements/{equipement}/reservations",
        SIGNED_IN,
    ),
    (
        "POST",
        "/organisations/{slug}/membres/{user_id}/retirer",
        EDITORS,
    ),
    ("GET", "/evenements", PUBLIC),
    ("GET", "/evenements/nouveau", MEMBERS),
    ("POST", "/evenements", MEMBERS),
    ("GET", "/evenements/{evenement}", PUBLIC),
    ("GET", "/evenements/{evenement}/calendrier", PUBLIC),
    ("POST", "/evenements/{evenement}/inscription", PUBLIC),
    ("GET", "/evenements/{evenement}/modifier", EDITORS),
    ("POST", "/evenements/{evenement}/modifier", EDITORS),
    ("GET", "/evenements/{evenement}/inscriptions", EDITORS),
    ("POST", "/evenements/{evenement}/flux", EDITORS),
    (
        "GET",
        "/evenements/{evenement}/inscriptions/export",
        EDITORS,
    ),
    ("GET", "/evenements/{evenement}/pointage", EDITORS),
    ("POST", "/evenements/{evenement}/pointage", EDITORS),
    ("GET", "/evenements/{evenement}/resultats", EDITORS),
    // Signed links: without a valid signature, 404 for everyone.
    ("GET", "/evenements/inscriptions/{inscription}", PUBLIC),
    (
        "POST",
        "/evenements/inscriptions/{inscription}/annuler",
        PUBLIC,
    ),
    (
        "GET",
        "/evenements/inscriptions/{inscription}/consentement",
        PUBLIC,
    ),
    (
        "POST",
        "/evenements/inscriptions/{inscription}/consentement",
        PUBLIC,
    ),
    ("GET", "/evenements/inscriptions/{inscription}/avis", PUBLIC),
    (
        "POST",
        "/evenements/inscriptions/{inscription}/avis",
        PUBLIC,
    ),
    ("GET", "/evenements/flux/personnes/{user}", PUBLIC),
    (
        "GET",
        "/evenements/flux/organisations/{organisation}",
        PUBLIC,
    ),
    ("GET", "/compte/evenements", SIGNED_IN),
    ("POST", "/compte/evenements/flux", SIGNED_IN),
    ("GET", "/api/v1/evenements", PUBLIC),
    ("GET", "/api/v1/evenements/{evenement}", PUBLIC),
    (
        "POST",
        "/api/v1/evenements/{evenement}/inscriptions",
        SIGNED_IN,
    ),
    ("GET", "/admin/organisations/nouvelle", STAFF),
    ("POST", "/admin/organisations", STAFF),
    ("GET", "/admin", STAFF),
    ("GET", "/admin/utilisateurs", STAFF),
    ("POST", "/admin/utilisateurs/{id}/role", STAFF),
    ("POST", "/admin/utilisateurs/{id}/desactiver", STAFF),
    ("POST", "/admin/utilisateurs/{id}/reactiver", STAFF),
    ("GET", "/admin/invitations/nouvelle", STAFF),
    ("POST", "/admin/invitations", STAFF),
    ("GET", "/parcours", PUBLIC),
    ("POST", "/parcours", PUBLIC),
    ("GET", "/parcours/resultats", PUBLIC),
    ("POST", "/parcours/enregistrer", SIGNED_IN),
    ("GET", "/compte/parcours", SIGNED_IN),
    ("GET", "/compte/parcours/{id}", SIGNED_IN),
    ("POST", "/compte/parcours/{id}/supprimer", SIGNED_IN),
    ("POST", "/compte/accompagnements", SUPPORTERS),
    ("POST", "/compte/accompagnements/{id}/accepter", SIGNED_IN),
    ("POST", "/compte/accompagnements/{id}/refuser", SIGNED_IN),
    ("POST", "/compte/accompagnements/{id}/retirer", SIGNED_IN),
    ("GET", "/compte/apprenants/{id}", NOBODY),
    ("POST", "/api/v1/parcours", PUBLIC),
    ("GET", "/api/v1/passerelles/{code_rome}", PUBLIC),
    ("GET", "/admin/parcours/liens", STAFF),
    ("POST", "/admin/parcours/liens", STAFF),
    ("GET", "/admin/parcours/formations", STAFF),
    ("POST", "/admin/parcours/formations", STAFF),
    ("GET", "/admin/dictionnaire", STAFF),
    ("POST", "/admin/dictionnaire", STAFF),
    ("POST", "/admin/dictionnaire/{id}/supprimer", STAFF),
    ("GET", "/offres", PUBLIC),
    ("GET", "/offres/nouvelle", COMPANY_OR_STAFF),
    ("POST", "/offres", COMPANY_OR_STAFF),
    ("GET", "/offres/{id}", PUBLIC),
    ("GET", "/offres/{id}/modifier", COMPANY_OR_STAFF),
    ("POST", "/offres/{id}/modifier", COMPANY_OR_STAFF),
    ("GET", "/offres/{id}/candidatures", COMPANY_OR_STAFF),
    ("POST", "/offres/{id}/candidater", LEARNER),
    ("GET", "/candidatures", LEARNER),
    // The application in the path is another learner's: its recruiter
    // and the campus team read it, nobody else.
    ("GET", "/candidatures/{id}", COMPANY_OR_STAFF),
    ("POST", "/candidatures/{id}/etat", COMPANY_OR_STAFF),
    ("POST", "/candidatures/{id}/relance", NOBODY),
    ("GET", "/candidatures/{id}/cv", COMPANY_OR_STAFF),
    // The school's agreement: the campus team, or a teacher the pupil
    // consented to (none here).
    ("POST", "/candidatures/{id}/accord-etablissement", STAFF),
    ("GET", "/admin/insertion", STAFF),
    ("GET", "/api/v1/offres", PUBLIC),
    ("POST", "/api/v1/offres", COMPANY_OR_STAFF),
    ("GET", "/api/v1/offres/{id}", PUBLIC),
    ("PATCH", "/api/v1/offres/{id}", COMPANY_OR_STAFF),
    ("POST", "/api/v1/offres/{id}/candidatures", LEARNER),
    ("GET", "/api/v1/candidatures", SIGNED_IN),
    ("POST", "/api/v1/candidatures/{id}/etat", COMPANY_OR_STAFF),
    // Last of the offers: it closes the offer of the path.
    ("POST", "/offres/{id}/fermer", COMPANY_OR_STAFF),
    ("GET", "/projets", PUBLIC),
    ("GET", "/projets/nouveau", PORTEURS),
    ("POST", "/projets", PORTEURS),
    ("GET", "/projets/{slug}", PROJECT),
    ("GET", "/projets/{slug}/modifier", PROJECT),
    ("POST", "/projets/{slug}/modifier", PROJECT),
    ("POST", "/projets/{slug}/statut", PROJECT),
    ("POST", "/projets/{slug}/membres", PROJECT),
    ("POST", "/projets/{slug}/membres/{user}/retirer", PROJECT),
    ("POST", "/projets/{slug}/documents", PROJECT),
    ("GET", "/projets/{slug}/documents/{id}", PROJECT),
    (
        "POST",
        "/projets/{slug}/documents/{id}/publication",
        PROJECT,
    ),
    ("POST", "/projets/{slug}/etape", PROJECT),
    ("POST", "/projets/{slug}/jalons", PROJECT),
    ("POST", "/projets/{slug}/plateforme", PROJECT),
    ("POST", "/projets/{slug}/restitution", PROJECT),
    ("POST", "/projets/{slug}/jalons/{id}/atteint", PROJECT),
    ("GET", "/ressources", PUBLIC),
    ("GET", "/ressources/nouvelle", PORTEURS),
    ("POST", "/ressources", PORTEURS),
    // The resource of the path is approved and reserved to the
    // organisation of the partner caller, its author.
    ("GET", "/ressources/{id}", EDITORS),
    ("GET", "/ressources/{id}/modifier", EDITORS),
    ("POST", "/ressources/{id}/modifier", EDITORS),
    ("POST", "/ressources/{id}/fichiers", EDITORS),
    ("GET", "/ressources/{id}/fichiers/{version}", EDITORS),
    ("POST", "/ressources/{id}/moderation", EDITORS),
    ("GET", "/admin/ressources", STAFF),
    ("POST", "/evenements/{evenement}/ressources", EDITORS),
    ("GET", "/api/v1/ressources", PUBLIC),
    ("GET", "/api/v1/ressources/{id}", EDITORS),
    ("GET", "/admin/projets", STAFF),
    ("GET", "/admin/projets.csv", STAFF),
    ("GET", "/api/v1/projets", PUBLIC),
    ("POST", "/api/v1/projets", PORTEURS),
    ("GET", "/api/v1/projets/{id}", PROJECT),
    ("GET", "/api/v1/projets/{id}/membres", PROJECT),
    ("POST", "/api/v1/projets/{id}/membres", PROJECT),
    ("GET", "/api/v1/projets/{id}/documents", PROJECT),
    ("POST", "/api/v1/projets/{id}/documents", PROJECT),
    ("GET", "/api/v1/projets/{id}/etapes", PROJECT),
    ("POST", "/api/v1/projets/{id}/etape", PROJECT),
    ("GET", "/mobilite", PUBLIC),
    ("GET", "/mobilite/{id}", PUBLIC),
    ("POST", "/mobilite/{id}/candidater", MOBILITY_APPLICANTS),
    // The mobility application of the path is a learner's who is none of
    // the callers, of no organisation: the campus team only (as school).
    ("GET", "/mobilite/candidatures/{id}", STAFF),
    ("POST", "/mobilite/candidatures/{id}/contrat", STAFF),
    ("POST", "/mobilite/candidatures/{id}/accord-ecole", STAFF),
    ("POST", "/mobilite/candidatures/{id}/acquis", STAFF),
    ("GET", "/mobilite/candidatures/{id}/europass.pdf", STAFF),
    // Signed links: anyone with the signature (none here: 404 for all).
    ("GET", "/mobilite/accueil/{id}", PUBLIC),
    ("POST", "/mobilite/accueil/{id}", PUBLIC),
    ("GET", "/mobilite/consentement/{id}", PUBLIC),
    ("POST", "/mobilite/consentement/{id}", PUBLIC),
    ("GET", "/admin/mobilite", STAFF),
    ("GET", "/admin/mobilite.csv", STAFF),
    ("GET", "/admin/mobilite/partenaires/nouveau", STAFF),
    ("POST", "/admin/mobilite/partenaires", STAFF),
    ("GET", "/admin/mobilite/offres/nouvelle", STAFF),
    ("POST", "/admin/mobilite/offres", STAFF),
    ("GET", "/api/v1/mobilites", PUBLIC),
    ("GET", "/api/v1/mobilites/{id}", PUBLIC),
    ("GET", "/api/v1/mobilites/{id}/candidatures", SIGNED_IN),
    ("GET", "/api/v1/partenaires-etrangers", PUBLIC),
    // Official published figures: the team's page and the public one.
    ("GET", "/admin/evaluation/devenirs", STAFF),
    ("GET", "/chiffres/devenirs", PUBLIC),
    ("GET", "/api/v1/devenirs", PUBLIC),
    ("GET", "/experts", PUBLIC),
    ("GET", "/experts/{id}", PUBLIC),
    ("GET", "/compte/expert", PORTEURS),
    // Publishing needs an organisation of the network: the trainer of the
    // matrix belongs to none.
    ("POST", "/compte/expert", MEMBERS),
    ("POST", "/compte/expert/etat", PORTEURS),
    ("GET", "/demandes-expertise", PARTIES),
    ("GET", "/demandes-expertise/nouvelle", PARTIES),
    ("POST", "/demandes-expertise", PARTIES),
    // The request of the path is the trainer's.
    ("GET", "/demandes-expertise/{id}", INSTRUCTORS),
    ("POST", "/demandes-expertise/{id}/envoi", INSTRUCTORS),
    // Only an expert it was sent to answers (none here).
    ("GET", "/demandes-expertise/{id}/reponse", NOBODY),
    ("POST", "/demandes-expertise/{id}/reponse", NOBODY),
    ("GET", "/admin/expertise", STAFF),
    ("GET", "/admin/expertise.csv", STAFF),
    ("GET", "/api/v1/experts", PUBLIC),
    ("GET", "/api/v1/experts/{id}", PUBLIC),
    ("GET", "/api/v1/demandes-expertise", PARTIES),
    ("POST", "/api/v1/demandes-expertise", PARTIES),
    ("GET", "/api/v1/demandes-expertise/{id}", INSTRUCTORS),
    (
        "POST",
        "/api/v1/demandes-expertise/{id}/destinataires",
        INSTRUCTORS,
    ),
    ("GET", "/equipements/nouveau", STAFF),
    ("POST", "/equipements/nouveau", STAFF),
    ("GET", "/equipements/{equipement}/modifier", MANAGERS),
    ("POST", "/equipements/{equipement}/modifier", MANAGERS),
    ("POST", "/equipements/{equipement}/photos", MANAGERS),
    // {id} is a user's id: no such photo, a 404 for everyone.
    ("GET", "/equipements/{equipement}/photos/{id}", PUBLIC),
    (
        "POST",
        "/equipements/{equipement}/photos/{id}/supprimer",
        MANAGERS,
    ),
    ("GET", "/admin/equipements/import", STAFF),
    ("POST", "/admin/equipements/import", STAFF),
    // Last of the equipment: refused while the pending booking of the
    // path holds it, and would retire it otherwise.
    ("POST", "/equipements/{equipement}/retirer", MANAGERS),
    ("GET", "/actualites", PUBLIC),
    ("GET", "/actualites/flux.atom", PUBLIC),
    ("GET", "/actualites/nouvelle", MEMBERS),
    // An urlencoded body where a multipart form is expected: 400 once
    // the caller is known to write.
    ("POST", "/actualites", MEMBERS),
    // The news item of the path is submitted by the partner caller: its
    // author and the campus team read it.
    ("GET", "/actualites/{slug}", EDITORS),
    ("GET", "/actualites/{slug}/image", EDITORS),
    ("GET", "/actualites/{slug}/modifier", EDITORS),
    // An urlencoded body where a multipart form is expected: 400 for
    // those who may edit.
    ("POST", "/actualites/{slug}/modifier", EDITORS),
    ("POST", "/actualites/{slug}/decision", STAFF),
    ("GET", "/admin/actualites", STAFF),
    ("GET", "/api/v1/actualites", PUBLIC),
    ("GET", "/api/v1/actualites/{id}", PUBLIC),
    ("GET", "/lettre", PUBLIC),
    ("POST", "/lettre", PUBLIC),
    // Signed links: a bad signature is a 400 for anyone.
    ("GET", "/lettre/confirmation/{id}/{signature}", PUBLIC),
    ("POST", "/lettre/confirmation/{id}/{signature}", PUBLIC),
    ("GET", "/lettre/desabonnement/{id}/{signature}", PUBLIC),
    ("POST", "/lettre/desabonnement/{id}/{signature}", PUBLIC),
    ("GET", "/admin/lettre", STAFF),
    ("POST", "/admin/lettre", STAFF),
    ("GET", "/admin/lettre/{id}", STAFF),
    ("POST", "/admin/lettre/{id}/envoi", STAFF),
    ("GET", "/admin/evaluation", STAFF),
    ("GET", "/admin/evaluation/leviers/{levier}", STAFF),
    ("GET", "/admin/evaluation/indicateurs/{code}", STAFF),
    (
        "GET",
        "/admin/evaluation/indicateurs/{code}/donnees.csv",
        STAFF,
    ),
    ("GET", "/admin/evaluation/rapports", STAFF),
    // An empty form: refused with its message, once the caller may.
    ("POST", "/admin/evaluation/rapports", STAFF),
    ("GET", "/admin/evaluation/rapports/{id}", STAFF),
    ("GET", "/admin/evaluation/rapports/{id}/rapport.pdf", STAFF),
    (
        "GET",
        "/admin/evaluation/rapports/{id}/classeur.xlsx",
        STAFF,
    ),
    (
        "GET",
        "/admin/evaluation/rapports/{id}/instantane.json",
        STAFF,
    ),
    ("GET", "/chiffres", PUBLIC),
    ("GET", "/api/v1/indicateurs", PUBLIC),
    ("GET", "/api/v1/indicateurs/{code}", PUBLIC),
    ("GET", "/admin/indicateurs", STAFF),
    ("POST", "/admin/indicateurs", STAFF),
    ("GET", "/admin/indicateurs/nouveau", STAFF),
    ("GET", "/admin/indicateurs/{code}", STAFF),
    ("POST", "/admin/indicateurs/{code}", STAFF),
    ("POST", "/admin/indicateurs/{code}/cibles", STAFF),
    (
        "POST",
        "/admin/indicateurs/{code}/cibles/{annee}/supprimer",
        STAFF,
    ),
    ("POST", "/admin/indicateurs/{code}/retirer", STAFF),
    ("POST", "/admin/indicateurs/{code}/retablir", STAFF),
    ("GET", "/admin/evaluation/commentaires", STAFF),
    ("POST", "/admin/evaluation/commentaires", STAFF),
    ("GET", "/api/openapi.json", PUBLIC),
    ("GET", "/api/v1/moi", SIGNED_IN),
    ("GET", "/api/v1/organisations", PUBLIC),
    ("POST", "/api/v1/organisations", STAFF),
    ("GET", "/api/v1/organisations/{slug}", PUBLIC),
    ("GET", "/api/v1/utilisateurs", STAFF),
    ("GET", "/healthz", PUBLIC),
    ("GET", "/readyz", PUBLIC),
    ("GET", "/metrics", PUBLIC),
    ("GET", "/static/{file}", PUBLIC),
    ("GET", "/donnees-personnelles", PUBLIC),
    ("GET", "/api/v1/moi/donnees", SIGNED_IN),
    ("GET", "/compte/donnees", SIGNED_IN),
    ("GET", "/compte/suppression", SIGNED_IN),
    // Without the confirmation: a form shown again, nothing erased.
    ("POST", "/compte/suppression", SIGNED_IN),
    // Last but one: it erases the caller's account, ending its session.
    ("DELETE", "/api/v1/moi", SIGNED_IN),
    // Last: it ends the caller's session.
    ("POST", "/deconnexion", PUBLIC),
];

/// Equipment whose bookings wait for approval.
const EQUIPEMENT: &str = "melangeur-emulseur-sous-vide-de-laboratoire";

/// A pending booking of [`EQUIPEMENT`] by `user_id` for `objet`, from 9 h
/// to 11 h a week from the platform's Wednesday (a Wednesday, when the
/// equipment opens), after a habilitation granted for it.
pub(crate) async fn pending_reservation(app: &TestApp, user_id: i32, objet: &str) -> i32 {
    use campus_domain::equipement::{CategorieEquipement, Creneau, Tarif};
    use chrono::{Duration, NaiveTime};
    let store = &app.state.store;
    let e = store
        .equipements()
        .equipement_by_slug(EQUIPEMENT)
        .await
        .unwrap();
    let date = app.today() + Duration::weeks(1);
    store
        .equipements()
        .grant_habilitation(
            user_id,
            CategorieEquipement::Formulation,
            None,
            date + Duration::days(30),
            "",
        )
        .await
        .unwrap();
    let at = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    let creneau = Creneau::local(date, at(9), at(11), e.horaires, app.now()).unwrap();
    store
        .equipements()
        .reserve_equipement(
            campus_store::equipements::DemandeReservation {
                equipement_id: e.id,
                user_id,
                organisation_id: None,
                public: "apprenant".to_owned(),
                tarif: Tarif::Academique,
                creneau,
                objet: objet.to_owned(),
            },
            vec![],
        )
        .await
        .unwrap()
        .id
}

#[tokio::test]
async fn every_route_for_every_role() {
    let declared: Vec<(String, &str)> = route_rules()
        .iter()
        .map(|r| (r.method.to_string(), r.path))
        .collect();
    for (method, path) in &declared {
        assert!(
            EXPECTED.iter().any(|(m, p, _)| m == method && p == path),
            "la route {method} {path} n'a pas de ligne dans la matrice d'autorisation"
        );
    }
    for (method, path, _) in EXPECTED {
        assert!(
            declared.iter().any(|(m, p)| m == method && p == path),
            "{method} {path} n'existe plus"
        );
    }

    let app = TestApp::new().await;
    let target = app.create_user("cible@exemple.test", Role::Apprenant).await;
    let org = app
        .state
        .store
        .organisation_by_slug("cosmetic-valley")
        .await
        .unwrap();
    let reservation = pending_reservation(&app, target.id, "matrice").await;
    // The demonstration's module request, waiting for the campus team.
    let module_demande = app
        .state
        .store
        .modules()
        .module_queue()
        .await
        .unwrap()
        .remove(0);
    // A demonstration event of that organisation.
    let event = app
        .state
        .store
        .evenements()
        .list_evenements(&campus_store::evenements::EvenementFilter {
            organisation_id: Some(org.id),
            per_page: 1,
            ..Default::default()
        })
        .await
        .unwrap()
        .0
        .remove(0);
    // An offer of the module request's company (whose user the company
    // caller is), and another learner's application to it.
    let (offre, candidature) =
        crate::insertion::offer_with_application(&app, module_demande.organisation_id, target.id)
            .await;
    let mut clients = Vec::new();
    for caller in CALLERS {
        let client = app.client();
        if let Some(role) = caller {
            let email = format!("{}@matrice.test", role.as_str().replace('_', "-"));
            let user = app.create_user(&email, role).await;
            if role == Role::Partenaire {
                app.state
                    .store
                    .set_member(org.id, user.id, MembreRole::Responsable, None)
                    .await
                    .unwrap();
            }
            if role == Role::Entreprise {
                app.state
                    .store
                    .set_member(
                        module_demande.organisation_id,
                        user.id,
                        MembreRole::Membre,
                        None,
                    )
                    .await
                    .unwrap();
            }
            if role == Role::Formateur {
                app.state
                    .store
                    .modules()
                    .route_module_demande(module_demande.id, &[user.id], user.id, vec![])
                    .await
                    .unwrap();
            }
            client.login(&email, PASSWORD).await;
        }
        clients.push(client);
    }

    // A private project whose lead is the partner caller.
    let lead = app
        .state
        .store
        .user_by_email(&campus_domain::Email::parse("partenaire@matrice.test").unwrap())
        .await
        .unwrap()
        .unwrap();
    let today = app.today();
    let champs =
        campus_domain::projet::NouveauProjet::parse(&campus_domain::projet::SaisieProjet {
            type_projet: "we_lab".into(),
            titre: "Projet de la matrice".into(),
            resume: "Un projet privé pour éprouver les droits.".into(),
            resultats: String::new(),
            debut: today.to_string(),
            fin: (today + chrono::Duration::days(100)).to_string(),
        })
        .unwrap();
    let (projet_id, projet_slug) = app
        .state
        .store
        .projets()
        .creer(
            &campus_store::projets::ProjetEcrit {
                champs,
                public: false,
                organisations: vec![],
                metiers: vec![],
                certifications: vec![],
                equipements: vec![],
            },
            lead.id,
        )
        .await
        .unwrap();

    // A request for an expert written by the trainer caller.
    let trainer = app
        .state
        .store
        .user_by_email(&campus_domain::Email::parse("formateur@matrice.test").unwrap())
        .await
        .unwrap()
        .unwrap();
    let demande = campus_domain::expertise::NouvelleDemande::parse(
        &campus_domain::expertise::SaisieDemande {
            sujet: "Une intervention en classe".into(),
            offre: "intervention_classe".into(),
            public: "lyceens".into(),
            debut: (today + chrono::Duration::days(10)).to_string(),
            fin: String::new(),
            lieu: String::new(),
            message: "Présenter les métiers du secteur.".into(),
        },
        today,
    )
    .unwrap();
    let demande_id = app
        .state
        .store
        .expertise()
        .creer_demande(&campus_store::expertise::DemandeEcrite {
            demande,
            sujets: vec![],
            demandeur_user_id: trainer.id,
            organisation_id: None,
            position: None,
        })
        .await
        .unwrap();

    // A demonstration mobility offer and the target learner's application.
    let mobilite = app
        .state
        .store
        .mobilite()
        .offres(&Default::default())
        .await
        .unwrap()
        .remove(0)
        .id();
    let mobilite_candidature = app
        .state
        .store
        .mobilite()
        .postuler(
            &campus_store::mobilite::NouvelleCandidatureMobilite {
                candidature: campus_store::insertion::NouvelleCandidature {
                    offre_id: mobilite,
                    candidat_user_id: target.id,
                    message: "Je souhaite partir.".into(),
                    cv: None,
                },
                date_naissance: chrono::NaiveDate::from_ymd_opt(2005, 1, 1).unwrap(),
                email_parent: None,
                mineur: false,
                certification: None,
                moins_opportunites: false,
            },
            |_| vec![],
        )
        .await
        .unwrap();

    // A news item submitted by the partner caller, waiting for review.
    let partner = app
        .state
        .store
        .user_by_email(&campus_domain::Email::parse("partenaire@matrice.test").unwrap())
        .await
        .unwrap()
        .unwrap();
    let (_, actualite_slug) = app
        .state
        .store
        .actualites()
        .creer(
            &campus_store::actualites::ActualiteEcrite {
                champs: campus_domain::actualite::NouvelleActualite::parse(
                    &campus_domain::actualite::SaisieActualite {
                        titre: "Une actualité à relire".into(),
                        resume: "Pour éprouver les droits.".into(),
                        corps: String::new(),
                    },
                )
                .unwrap(),
                organisation_id: Some(org.id),
                metiers: vec![],
                evenements: vec![],
                projets: vec![],
                image: None,
                etat: campus_domain::actualite::EtatActualite::Soumise,
            },
            partner.id,
        )
        .await
        .unwrap();

    // An approved resource reserved to the partner caller's organisation,
    // which the partner wrote.
    let champs = campus_domain::ressource::NouvelleRessource::parse(
        &campus_domain::ressource::SaisieRessource {
            titre: "Ressource de la matrice".into(),
            description: "Une ressource réservée pour éprouver les droits.".into(),
            type_ressource: "quiz".into(),
            licence: "cc_by".into(),
            visibilite: "organisation".into(),
            ..Default::default()
        },
        today,
    )
    .unwrap();
    let (ressource_id, _) = app
        .state
        .store
        .ressources()
        .creer(
            &campus_store::ressources::RessourceEcrite {
                champs,
                organisation_id: Some(org.id),
                metiers: vec![],
                certifications: vec![],
                blocs: vec![],
                equipements: vec![],
            },
            lead.id,
            true,
            vec![],
        )
        .await
        .unwrap();

    let mut failures = Vec::new();
    for (method, template, row) in EXPECTED {
        let path = template
            .replace(
                "demandes-expertise/{id}",
                &format!("demandes-expertise/{demande_id}"),
            )
            .replace("indicateurs/{code}", "indicateurs/L1-ATELIERS")
            .replace("{annee}", "2026")
            .replace("projets/{slug}", &format!("projets/{projet_slug}"))
            .replace("actualites/{slug}", &format!("actualites/{actualite_slug}"))
            .replace("ressources/{id}", &format!("ressources/{ressource_id}"))
            .replace("{version}", "1")
            .replace("projets/{id}", &format!("projets/{projet_id}"))
            .replace("demandes/{id}", &format!("demandes/{}", module_demande.id))
            .replace(
                "mobilite/candidatures/{id}",
                &format!("mobilite/candidatures/{mobilite_candidature}"),
            )
            .replace("mobilite/{id}", &format!("mobilite/{mobilite}"))
            .replace("mobilites/{id}", &format!("mobilites/{mobilite}"))
            .replace("offres/{id}", &format!("offres/{offre}"))
            .replace("candidatures/{id}", &format!("candidatures/{candidature}"))
            .replace("{slug}", "cosmetic-valley")
            .replace("{user_id}", &target.id.to_string())
            .replace("{id}", &target.id.to_string())
            .replace("{file}", "campus.css")
            .replace("{evenement}", &event.slug)
            .replace("{equipement}", EQUIPEMENT)
            .replace("{reservation}", &reservation.to_string())
            .replace("{inscription}", "1")
            .replace("{user}", &target.id.to_string())
            .replace("{organisation}", "cosmetic-valley")
            .replace("{levier}", "1")
            .replace("{code_rome}", "H3301")
            .replace("{code}", "H3301");
        for (i, caller) in CALLERS.iter().enumerate() {
            let client = &clients[i];
            let response = if *method == "GET" {
                client.get(app.url(&path)).send().await.unwrap()
            } else if *method == "DELETE" || *method == "PATCH" {
                let page = client.page("/").await.1;
                let token = extract_csrf(&page).unwrap();
                let request = if *method == "DELETE" {
                    client.delete(app.url(&path))
                } else {
                    client.patch(app.url(&path))
                };
                request.header("x-csrf-token", &token).send().await.unwrap()
            } else {
                let page = client.page("/").await.1;
                let token = extract_csrf(&page).unwrap();
                client
                    .post(app.url(&path))
                    .header("x-csrf-token", &token)
                    .form(&[("_csrf", token.as_str())])
                    .send()
                    .await
                    .unwrap()
            };
            let status = response.status().as_u16();
            let to_login = response
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .is_some_and(|l| l.starts_with("/connexion"));
            let allowed = status != 401 && status != 403 && !to_login;
            let denied_properly = match caller {
                None => status == 401 || to_login,
                Some(_) => status == 403,
            };
            if allowed != row[i] || (!row[i] && !denied_properly) {
                failures.push(format!(
                    "{method} {path} en tant que {caller:?} : statut {status}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "écarts à la matrice :\n{}",
        failures.join("\n")
    );
    app.stop().await;
}
