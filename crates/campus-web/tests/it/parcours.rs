//! Training paths where people use them: the guided form, the results,
//! saving, a supporter's paths with the learner's consent, the API, the
//! trade pages and the review of bloc → skill links, on the real catalogue
//! (ROME 4.60, Certif Info, RNCP export, LHÉO samples, aligned).

use std::collections::HashSet;

use campus_domain::CodeRome;
use campus_domain::rome::Coeur;
use campus_domain::{Role, StatutApprenant};
use campus_parcours::plan::{Unit, Units};
use campus_parcours::{CompetenceId, Referentiel};
use campus_store::parcours::{NewSavedPlan, SupportStatus};
use serde_json::{Value, json};

use crate::testkit::{Client, Data, TestApp, extract_csrf};

/// The figure of an evaluation formula over every year, as the campus
/// team's dashboard computes it.
async fn figure(app: &TestApp, formule: &str) -> campus_domain::evaluation::calcul::Mesure {
    let formule = campus_domain::evaluation::formule::Formule::parse(formule).unwrap();
    let secteur = app.state.config.sector.sector().unwrap();
    app.state
        .store
        .evaluation()
        .calculer(&formule, None, None, &secteur)
        .await
        .unwrap()
        .total
}

/// A platform started as a fresh clone starts: the embedded subset of the
/// referentials loaded, its programmes attached and its blocs aligned.
/// Loading the engine takes far longer in a test build on a busy machine
/// than in a release build: requests get the time.
async fn catalogue_app() -> TestApp {
    TestApp::start(Data::Catalogue, |c| c.server.request_timeout_secs = 600).await
}

/// A trade some of whose core skills the catalogue's sessions teach, and
/// the core skills they do not teach (which the learner then declares):
/// a request with a real plan, whatever the samples hold.
async fn reachable_target(app: &TestApp) -> (String, Vec<i64>, Vec<i64>) {
    target_where(app, false).await
}

/// [`reachable_target`], among the trades of which the catalogue also
/// leaves core skills untaught when `untaught` is set.
async fn target_where(app: &TestApp, untaught: bool) -> (String, Vec<i64>, Vec<i64>) {
    let (r, units) = engine(app).await;
    let taught = taught_by(&units);
    let mut best: Option<(String, Vec<i64>, Vec<i64>)> = None;
    for m in r.metiers() {
        let core = core_of(&r, &m.code);
        let (covered, declared): (Vec<CompetenceId>, Vec<CompetenceId>) =
            core.iter().partition(|s| taught.contains(s));
        if covered.is_empty() || declared.len() > 25 || (untaught && declared.is_empty()) {
            continue;
        }
        if best
            .as_ref()
            .is_none_or(|(_, c, _)| covered.len() > c.len())
        {
            best = Some((
                m.code.as_str().to_owned(),
                covered.iter().map(|s| s.0).collect(),
                declared.iter().map(|s| s.0).collect(),
            ));
        }
    }
    best.expect("un métier dont le catalogue enseigne une compétence cœur")
}

/// The node's referential and training units, as the engine loads them.
pub(crate) async fn engine(app: &TestApp) -> (Referentiel, Units) {
    let store = &app.state.store;
    let catalogue = campus_parcours_service::load_catalogue(store)
        .await
        .unwrap();
    let units = campus_parcours_service::training_units(store, &catalogue.referentiel)
        .await
        .unwrap()
        .units;
    (catalogue.referentiel, units)
}

/// The skills some of `units` teach.
fn taught_by(units: &[Unit]) -> HashSet<CompetenceId> {
    units
        .iter()
        .flat_map(|u| u.skills.iter().copied())
        .collect()
}

/// The core skills of a trade.
fn core_of(r: &Referentiel, code: &CodeRome) -> Vec<CompetenceId> {
    r.metier_competences(code)
        .into_iter()
        .filter(|(_, c)| *c == Some(Coeur::Principale))
        .map(|(s, _)| s)
        .collect()
}

/// The three steps' fields of a request towards `cible`.
fn fields(cible: &str, declared: &[i64]) -> Vec<(&'static str, String)> {
    vec![
        (
            "competences",
            declared
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        ("niveau", "3".to_owned()),
        ("commune", "Tours".to_owned()),
        ("cible", cible.to_owned()),
        ("niveau_max", "libre".to_owned()),
        ("objectif", "duree".to_owned()),
    ]
}

async fn post(client: &Client, path: &str, fields: &[(&str, String)]) -> reqwest::Response {
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    client.post_form(path, &borrowed).await
}

fn with(
    mut base: Vec<(&'static str, String)>,
    extra: &[(&'static str, &str)],
) -> Vec<(&'static str, String)> {
    for (k, v) in extra {
        base.retain(|(key, _)| key != k);
        base.push((k, (*v).to_owned()));
    }
    base
}

#[tokio::test]
async fn guided_form_results_saving_and_api_on_the_real_catalogue() {
    let app = catalogue_app().await;
    let (cible, covered, declared) = reachable_target(&app).await;
    let visitor = app.client();

    // The trade page leads to the form, pre-filled with the trade.
    let page = visitor.page("/metiers/H3301").await.1.replace("&#39;", "'");
    assert!(page.contains("href=\"/parcours?cible=H3301\""), "{page}");
    assert!(page.contains("Métiers proches, accessibles depuis celui-ci"));
    assert!(page.contains("href=\"/metiers/H2102\""));
    let step1 = visitor
        .get(app.url(&format!("/parcours?cible={cible}")))
        .send()
        .await
        .unwrap();
    assert_eq!(step1.status(), 200);
    let step1 = step1.text().await.unwrap().replace("&#39;", "'");
    assert!(step1.contains("1. Où vous en êtes"));
    assert!(step1.contains(&format!("name=\"cible\" value=\"{cible}\"")));
    // The situation is asked, and left unsaid for a visitor.
    assert!(step1.contains("Votre situation"));
    assert!(step1.contains("<option value=\"\" selected>Non précisée</option>"));
    // A signed-in person finds the one their account gives.
    let (pupil, user) = app.login_as(Role::Apprenant).await;
    app.state
        .store
        .update_profile(
            user.id,
            user.display_name.clone(),
            Some(StatutApprenant::Lyceen),
            "fr".to_owned(),
        )
        .await
        .unwrap();
    let (_, own) = pupil.page("/parcours").await;
    assert!(own.contains("<option value=\"lyceen\" selected>"), "{own}");

    // Step 1 refuses years without a trade, and an unknown trade, each
    // message tied to its field.
    let bad = post(
        &visitor,
        "/parcours",
        &[
            ("etape", "1".to_owned()),
            ("annees_1", "beaucoup".to_owned()),
            ("metier_2", "xqzwv".to_owned()),
            ("annees_2", "2".to_owned()),
            ("commune", "Nulle-Part-Sur-Rien".to_owned()),
        ],
    )
    .await;
    assert_eq!(bad.status(), 422);
    let bad = bad.text().await.unwrap().replace("&#39;", "'");
    assert!(bad.contains("Indiquez le métier de ces années d'expérience."));
    assert!(bad.contains("Aucun métier ne correspond à « xqzwv »"));
    assert!(bad.contains("Aucune commune ne correspond"));
    assert!(bad.contains("href=\"#champ-metier_1\""));
    assert!(bad.contains("aria-invalid=\"true\""));

    // The three steps, each carrying the others' values.
    let all = fields(&cible, &declared);
    let step2 = post(&visitor, "/parcours", &with(all.clone(), &[("etape", "1")])).await;
    assert_eq!(step2.status(), 200);
    let step2 = step2.text().await.unwrap().replace("&#39;", "'");
    assert!(step2.contains("2. Le métier que vous visez"));
    assert!(step2.contains("type=\"hidden\" name=\"commune\" value=\"Tours\""));
    let step3 = post(&visitor, "/parcours", &with(all.clone(), &[("etape", "2")]))
        .await
        .text()
        .await
        .unwrap()
        .replace("&#39;", "'");
    assert!(step3.contains("3. Vos contraintes"));
    let back = post(
        &visitor,
        "/parcours",
        &with(all.clone(), &[("etape", "3"), ("retour", "2")]),
    )
    .await
    .text()
    .await
    .unwrap()
    .replace("&#39;", "'");
    assert!(back.contains("2. Le métier que vous visez"));

    // Step 3's own errors.
    let bad = post(
        &visitor,
        "/parcours",
        &with(
            all.clone(),
            &[
                ("etape", "3"),
                ("distance", "loin"),
                ("debut_avant", "2001-01-01"),
                ("duree_max", "0"),
            ],
        ),
    )
    .await;
    assert_eq!(bad.status(), 422);
    let bad = bad.text().await.unwrap().replace("&#39;", "'");
    assert!(bad.contains("Indiquez une distance en kilomètres"));
    assert!(bad.contains("Cette date est déjà passée"));
    assert!(bad.contains("Indiquez un nombre d'heures entier"));

    // The results: the gap explained, a plan with its units, dates and
    // places, printable without the site's chrome.
    let results = post(&visitor, "/parcours", &with(all.clone(), &[("etape", "3")])).await;
    assert_eq!(results.status(), 200);
    let results = results.text().await.unwrap().replace("&#39;", "'");
    assert!(results.contains("Votre parcours vers"), "{results}");
    assert!(results.contains("Ce qu'il vous reste à apprendre"));
    assert!(results.contains("Elles forment le cœur du métier"));
    assert!(results.contains("Le parcours conseillé"), "{results}");
    assert!(results.contains("Ce que vous y apprenez"));
    // Each unit says how its certification reaches the trade.
    assert!(
        results.contains("Mène au métier visé.") || results.contains("Prépare au métier voisin"),
        "{results}"
    );
    assert!(results.contains("href=\"/formations/"));
    assert!(!results.contains("Aucun parcours ne respecte"));
    assert!(results.contains("class=\"panel no-print\""));
    assert!(results.contains("Connectez-vous pour enregistrer"));
    let catalogue = campus_parcours_service::load_catalogue(&app.state.store)
        .await
        .unwrap();
    for code in &covered {
        let label = &catalogue
            .referentiel
            .skill(CompetenceId(*code))
            .unwrap()
            .libelle;
        let escaped = label.replace('\'', "&#39;").replace('"', "&quot;");
        assert!(
            results.contains(&escaped) || results.contains(label.as_str()),
            "{label}"
        );
    }

    // Signing in from the results comes back to them with the answers:
    // the sign-in link carries them to GET /parcours/resultats.
    let before_link = results
        .split("\">Connectez-vous pour enregistrer")
        .next()
        .unwrap();
    let href = before_link
        .rsplit("href=\"/connexion?suite=")
        .next()
        .unwrap()
        .replace("&amp;", "&");
    let link = reqwest::Url::parse(&format!("http://campus.test/connexion?suite={href}")).unwrap();
    let suite = link
        .query_pairs()
        .find(|(k, _)| k == "suite")
        .map(|(_, v)| v.into_owned())
        .unwrap();
    assert!(suite.starts_with("/parcours/resultats?"), "{suite}");
    let (learner, _) = app
        .login_with("apprenante@parcours.test", Role::Apprenant)
        .await;
    let again = learner.get(app.url(&suite)).send().await.unwrap();
    assert_eq!(again.status(), 200);
    let again = again.text().await.unwrap().replace("&#39;", "'");
    assert!(again.contains("Votre parcours vers"), "{again}");
    assert!(again.contains("action=\"/parcours/enregistrer\""));
    assert!(!again.contains("Connectez-vous pour enregistrer"));

    // Saving to the learner's account, reopening, deleting.
    let saved = post(
        &learner,
        "/parcours/enregistrer",
        &with(all.clone(), &[("titre", "Mon projet de reconversion")]),
    )
    .await;
    assert_eq!(saved.status(), 303);
    let location = saved.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with("/compte/parcours/"), "{location}");
    let reopened = learner.get(app.url(&location)).send().await.unwrap();
    assert_eq!(reopened.status(), 200);
    let reopened = reopened.text().await.unwrap().replace("&#39;", "'");
    assert!(reopened.contains("Le parcours est enregistré."));
    assert!(reopened.contains("Mon projet de reconversion"));
    assert!(reopened.contains("Le parcours conseillé"));
    assert!(reopened.contains("Il est recalculé sur le catalogue d'aujourd'hui."));
    let list = learner
        .page("/compte/parcours")
        .await
        .1
        .replace("&#39;", "'");
    assert!(list.contains("Mon projet de reconversion"));
    let path = location.split('?').next().unwrap().to_owned();
    let id = path.rsplit('/').next().unwrap().to_owned();

    // Nobody else sees it or deletes it.
    let (other, _) = app.login_as(Role::Apprenant).await;
    assert_eq!(other.page(&path).await.0, 404);
    let refused = other
        .post_form(&format!("/compte/parcours/{id}/supprimer"), &[])
        .await;
    assert_eq!(refused.status(), 404);
    // A title too long is refused with its message, nothing stored.
    let long = "x".repeat(201);
    let too_long = post(
        &learner,
        "/parcours/enregistrer",
        &with(all.clone(), &[("titre", &long)]),
    )
    .await;
    assert_eq!(too_long.status(), 422);
    assert!(
        too_long
            .text()
            .await
            .unwrap()
            .replace("&#39;", "'")
            .contains("au plus 200 caractères")
    );
    let me = app
        .state
        .store
        .user_by_email(&campus_domain::Email::parse("apprenante@parcours.test").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        app.state
            .store
            .parcours()
            .list_saved(me.id)
            .await
            .unwrap()
            .len(),
        1
    );
    let deleted = learner
        .post_form(&format!("/compte/parcours/{id}/supprimer"), &[])
        .await;
    assert_eq!(deleted.status(), 303);
    assert_eq!(learner.page(&path).await.0, 404);

    // The API: the same request as JSON, the same answer.
    let page = learner.page("/compte").await.1.replace("&#39;", "'");
    let token = extract_csrf(&page).unwrap();
    let answer = learner
        .post(app.url("/api/v1/parcours"))
        .header("x-csrf-token", &token)
        .json(&json!({
            "competences": declared,
            "niveau": 3,
            "commune": "Tours",
            "cible": cible,
            "sans_limite_de_niveau": true,
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    let answer: Value = answer.json().await.unwrap();
    assert_eq!(answer["cible"]["code_rome"], cible.as_str());
    let best = &answer["plans"][0];
    assert_eq!(best["raison"], "meilleur");
    let taught: HashSet<i64> = best["unites"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|u| u["couvre"].as_array().unwrap().iter())
        .map(|s| s["code_ogr"].as_i64().unwrap())
        .collect();
    for missing in answer["ecart"].as_array().unwrap() {
        if missing["exigence"] == "coeur" {
            assert!(
                taught.contains(&missing["code_ogr"].as_i64().unwrap()),
                "{missing}"
            );
            assert!(
                missing["raison"]
                    .as_str()
                    .unwrap()
                    .contains("cœur du métier")
            );
        }
    }
    assert!(answer["sans_plan"].is_null());
    // Counted for the evaluation with its plan.
    let avec_plan = "compte(parcours_calculs[plan = oui et canal = \"api\"])";
    assert_eq!(figure(&app, avec_plan).await.effectif, 1);
    assert!(
        best["distance_km"].as_f64().is_some_and(|d| d >= 0.0),
        "{best}"
    );
    // Without a home commune, no distance is computed, and none is shown
    // (never "-0").
    let homeless: Value = learner
        .post(app.url("/api/v1/parcours"))
        .header("x-csrf-token", &token)
        .json(&json!({
            "competences": declared,
            "niveau": 3,
            "cible": cible,
            "sans_limite_de_niveau": true,
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let plans = homeless["plans"].as_array().unwrap();
    assert!(!plans.is_empty(), "{homeless}");
    assert!(
        plans.iter().all(|p| p["distance_km"].is_null()),
        "{homeless}"
    );
    assert!(!homeless.to_string().contains("-0.0"));

    // Bad input: problem+json naming the API's fields, in French.
    let problem = learner
        .post(app.url("/api/v1/parcours"))
        .header("x-csrf-token", &token)
        .json(&json!({
            "cible": "Z9999",
            "experiences": [{"metier": "H3301", "annees": 99}],
            "modalites": ["par correspondance"],
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(problem.status(), 422);
    assert_eq!(
        problem.headers()["content-type"].to_str().unwrap(),
        "application/problem+json"
    );
    let problem: Value = problem.json().await.unwrap();
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .or_else(|| problem["fields"].as_array())
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["modalites"], "{problem}");
    let problem: Value = learner
        .post(app.url("/api/v1/parcours"))
        .header("x-csrf-token", &token)
        .json(&json!({"cible": "Z9999", "experiences": [{"metier": "H3301", "annees": 99}]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let text = problem.to_string();
    assert!(text.contains("experiences[0].annees"), "{text}");
    assert!(text.contains("\"cible\""), "{text}");
    assert!(
        text.contains("Aucun métier ne correspond à « Z9999 »"),
        "{text}"
    );

    // Passerelles from the packaging line, official mobilités first.
    let ranked: Value = visitor
        .get(app.url("/api/v1/passerelles/H3301?limite=5"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let list = ranked["passerelles"].as_array().unwrap();
    assert!(list.len() >= 5);
    assert_eq!(list[0]["code_rome"], "H2102");
    // Every official mobilité is listed, however short the list asked.
    let official = app
        .state
        .store
        .metier(&campus_domain::CodeRome::parse("H3301").unwrap())
        .await
        .unwrap()
        .mobilites;
    assert!(official.len() > 1);
    let shortest: Value = visitor
        .get(app.url("/api/v1/passerelles/H3301?limite=1"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let shortest = shortest["passerelles"].as_array().unwrap();
    let listed_official = shortest
        .iter()
        .filter(|p| !p["mobilite_rang"].is_null())
        .count();
    assert_eq!(listed_official, official.len(), "{shortest:?}");
    for target in &official {
        assert!(
            shortest
                .iter()
                .any(|p| p["code_rome"] == target.code_rome.as_str()),
            "{} manque : {shortest:?}",
            target.code_rome
        );
    }
    assert!(shortest.len() >= official.len().max(1));
    assert_eq!(list[0]["mobilite_rang"], 1);
    assert!(
        list.windows(2)
            .all(|w| w[0]["score"].as_f64() >= w[1]["score"].as_f64())
    );
    let sector: Value = visitor
        .get(app.url("/api/v1/passerelles/H3301?secteur=campus&limite=50"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let romes = &app.state.config.sector.romes;
    let in_sector = sector["passerelles"].as_array().unwrap();
    assert!(!in_sector.is_empty());
    assert!(
        in_sector
            .iter()
            .all(|p| romes.iter().any(|r| p["code_rome"] == r.as_str()))
    );
    for (query, status) in [
        ("/api/v1/passerelles/H3301?secteur=chimie", 400),
        ("/api/v1/passerelles/H3301?limite=500", 400),
        ("/api/v1/passerelles/Z9999", 404),
    ] {
        let response = visitor.get(app.url(query)).send().await.unwrap();
        assert_eq!(response.status(), status, "{query}");
        assert_eq!(
            response.headers()["content-type"].to_str().unwrap(),
            "application/problem+json"
        );
    }
    app.stop().await;
}

/// The API computes a path without an account, as the public form does,
/// within a limit per client address (429, `Retry-After`, a problem
/// document beyond it).
#[tokio::test]
async fn a_path_is_computed_without_an_account_within_a_limit() {
    let app = TestApp::start(Data::Catalogue, |c| {
        c.server.request_timeout_secs = 600;
        c.security.anonymous_parcours_per_ip_minute = 1;
    })
    .await;
    let (cible, _, declared) = reachable_target(&app).await;
    let request = json!({
        "competences": declared,
        "niveau": 3,
        "commune": "Tours",
        "cible": cible,
        "sans_limite_de_niveau": true,
    });
    let bare = reqwest::Client::new();
    let answer = bare
        .post(app.url("/api/v1/parcours"))
        .json(&request)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    let answer: Value = answer.json().await.unwrap();
    assert_eq!(answer["cible"]["code_rome"], cible.as_str());
    let again = bare
        .post(app.url("/api/v1/parcours"))
        .json(&request)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 429);
    assert!(again.headers().contains_key("retry-after"));
    assert_eq!(again.headers()["content-type"], "application/problem+json");
    app.stop().await;
}

/// A trade of which the catalogue teaches only part of the core: the
/// person gets the closest plan, labelled so, with the skills it leaves
/// and the routes to them, the on-demand module request pre-filled.
#[tokio::test]
async fn a_path_the_catalogue_cannot_complete_gets_the_closest_plan() {
    let app = catalogue_app().await;
    let (cible, covered, untaught) = target_where(&app, true).await;
    let visitor = app.client();
    let (_, answer) = app
        .ask_parcours(json!({
            "niveau": 3,
            // Tours, by its INSEE code.
            "commune": "37261",
            "cible": cible,
            "sans_limite_de_niveau": true,
        }))
        .await;
    let plans = answer["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 1, "{answer}");
    assert!(plans[0]["distance_km"].is_number(), "{answer}");
    assert_eq!(plans[0]["raison"], "plus_proche");
    let remaining: HashSet<i64> = answer["sans_plan"]["restantes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code_ogr"].as_i64().unwrap())
        .collect();
    assert_eq!(remaining, untaught.iter().copied().collect(), "{answer}");
    let taught: HashSet<i64> = plans[0]["unites"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|u| u["couvre"].as_array().unwrap().iter())
        .map(|c| c["code_ogr"].as_i64().unwrap())
        .collect();
    assert!(covered.iter().all(|c| taught.contains(c)), "{answer}");

    // The page says it, and links to the module request pre-filled.
    let results = post(
        &visitor,
        "/parcours",
        &with(fields(&cible, &[]), &[("etape", "3")]),
    )
    .await;
    assert_eq!(results.status(), 200);
    let results = results.text().await.unwrap().replace("&#39;", "'");
    assert!(results.contains("Le parcours le plus proche"), "{results}");
    assert!(results.contains("Pour les compétences qui restent"));
    // Each unit says why it is there.
    let core = covered.len() + untaught.len();
    assert!(
        results.contains("compétences cœur de métier qui vous manquent"),
        "{results}"
    );
    assert!(
        results.contains(&format!(" des {core} compétences cœur")),
        "{results}"
    );
    let start = results.find("href=\"/modules/demandes/nouvelle?").unwrap() + "href=\"".len();
    let href = results[start..start + results[start..].find('"').unwrap()]
        .replace("&amp;", "&")
        .replace("&#38;", "&");
    let (company, hr) = app.login_as(campus_domain::Role::Entreprise).await;
    let servier = app
        .state
        .store
        .organisation_by_slug("servier")
        .await
        .unwrap();
    app.state
        .store
        .set_member(servier.id, hr.id, campus_domain::MembreRole::Membre, None)
        .await
        .unwrap();
    let (status, form) = company.page(&href).await;
    assert_eq!(status, 200);
    let first = untaught[0].to_string();
    let field = form
        .split("name=\"competences\"")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .unwrap_or_default()
        .to_owned();
    assert!(field.contains(&first), "{href} {field}");
    assert!(form.contains("Compétences de"), "{form}");
    assert!(form.contains("value=\"Tours\""), "{form}");

    // Both computations count for the evaluation (lever 3), unnamed, and
    // neither found a plan; the module request page computed nothing.
    assert_eq!(figure(&app, "compte(parcours_calculs)").await.effectif, 2);
    assert_eq!(
        figure(&app, "compte(parcours_calculs[canal = \"api\"])")
            .await
            .effectif,
        1
    );
    assert_eq!(
        figure(&app, "taux(parcours_calculs[plan = oui], parcours_calculs)")
            .await
            .valeur,
        Some(0.0)
    );
    app.stop().await;
}

/// A trade whose core the catalogue's sessions leave partly untaught but
/// the certifications without a session complete.
async fn completed_without_session(app: &TestApp) -> String {
    let (r, units) = engine(app).await;
    let (sessions, others) = units.split_at(units.primary_len());
    let (by_sessions, by_others) = (taught_by(sessions), taught_by(others));
    r.metiers()
        .find(|m| {
            let core = core_of(&r, &m.code);
            !core.is_empty()
                && core.len() <= 25
                && core.iter().any(|s| !by_sessions.contains(s))
                && core
                    .iter()
                    .all(|s| by_sessions.contains(s) || by_others.contains(s))
        })
        .map(|m| m.code.as_str().to_owned())
        .expect("un métier que les certifications sans session complètent")
}

/// Where the catalogue's sessions cannot make a plan, a certification
/// without a known session completes it: the plan names the certifiers to
/// ask, in the API and on the page, and no date, place or cost.
#[tokio::test]
async fn a_certification_without_a_session_completes_the_plan() {
    let app = catalogue_app().await;
    let cible = completed_without_session(&app).await;
    let (status, answer) = app.ask_parcours(json!({ "niveau": 3, "commune": "37261", "cible": cible, "sans_limite_de_niveau": true }),
    )
    .await;
    assert_eq!(status, 200, "{answer}");
    let plans = answer["plans"].as_array().unwrap();
    assert_eq!(plans[0]["raison"], "meilleur", "{answer}");
    let units = plans[0]["unites"].as_array().unwrap();
    let without: Vec<&Value> = units.iter().filter(|u| u["sans_session"] == true).collect();
    assert!(!without.is_empty(), "{answer}");
    for u in &without {
        assert!(u["debut"].is_null(), "{u}");
        // At a certifier the directory places, or to be asked.
        assert_eq!(u["lieu"].is_null(), u["distance_km"].is_null(), "{u}");
        assert!(u["formation_id"].is_null(), "{u}");
        assert!(
            u["organisme"].as_str().is_some_and(|o| !o.is_empty()),
            "{u}"
        );
        assert!(
            u["id"].as_str().unwrap().starts_with("sans-session-"),
            "{u}"
        );
    }
    let page = post(
        &app.client(),
        "/parcours",
        &with(fields(&cible, &[]), &[("etape", "3")]),
    )
    .await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap().replace("&#39;", "'");
    assert!(html.contains("sans session connue au catalogue"), "{html}");
    assert!(html.contains("Certificateurs à contacter"), "{html}");
    assert!(html.contains("coût à demander"), "{html}");
    app.stop().await;
}

/// Nobody knows their diploma's RNCP number: a certification and a bloc
/// are found by their titles as people type them (without accents or
/// capitals), the codes still work, and a title that fits several asks to
/// choose, in French, under its field.
#[tokio::test]
async fn diplomas_and_blocs_are_typed_by_their_titles() {
    let app = catalogue_app().await;
    let loaded = app.state.parcours.current(&app.state.store).await.unwrap();
    let r = &loaded.referentiel;
    let fold = |t: &str| campus_domain::slugify(t);
    // A certification whose title no other title repeats or contains, and
    // one of its blocs, likewise.
    let unique = |title: &str, all: &mut dyn Iterator<Item = String>| {
        let f = fold(title);
        all.filter(|other| fold(other).contains(&f)).count() == 1
    };
    let (cert, bloc) = r
        .certifications()
        .filter(|c| c.libelle.chars().count() > 12)
        .filter(|c| {
            unique(
                &c.libelle,
                &mut r.certifications().map(|x| x.libelle.clone()),
            )
        })
        .find_map(|c| {
            let bloc = r.certification_blocs(&c.code).into_iter().find(|b| {
                let title = &r.bloc(b).unwrap().libelle;
                title.chars().count() > 12
                    && unique(title, &mut r.blocs().map(|x| x.libelle.clone()))
            })?;
            Some((c, bloc))
        })
        .expect("une certification et un bloc aux intitulés uniques");
    let typed_title = fold(&cert.libelle).replace('-', " ");
    let bloc_title = r.bloc(&bloc).unwrap().libelle.to_uppercase();
    let (status, body) = app
        .ask_parcours(json!({
            "certifications": [typed_title],
            "blocs": [bloc_title],
            "cible": "H3301",
        }))
        .await;
    assert_eq!(status, 200, "{body}");

    // A year in a trade proposes the VAE of the certifications it leads
    // to, saying so.
    let (cible, _, _) = reachable_target(&app).await;
    let (_, practised) = app
        .ask_parcours(json!({
            "experiences": [{ "metier": cible, "annees": 2 }],
            "cible": cible,
        }))
        .await;
    let vae = practised["vae"].as_array().unwrap();
    assert!(
        vae.iter()
            .any(|v| v["experience"]["code_rome"] == cible.as_str() && v["annees_requises"] == 1.0),
        "{practised}"
    );

    // A title shared by several: the choices, with their codes.
    let (status, problem) = app
        .ask_parcours(json!({ "certifications": ["bts"], "cible": "H3301" }))
        .await;
    assert_eq!(status, 422);
    let message = problem.to_string();
    assert!(
        message.contains("Plusieurs certifications correspondent"),
        "{message}"
    );
    assert!(message.contains("(RNCP"), "{message}");
    let (status, problem) = app
        .ask_parcours(
            json!({ "certifications": ["diplome de dompteur de licornes"], "cible": "H3301" }),
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        problem
            .to_string()
            .contains("Aucune certification du catalogue ne correspond")
    );
    app.stop().await;
}

#[tokio::test]
async fn curated_links_reach_the_engine() {
    let app = catalogue_app().await;
    let store = &app.state.store;
    let (staff, _) = app.login_as(Role::EquipeCampus).await;
    let page = staff
        .get(app.url("/admin/parcours/liens?certification=RNCP36085"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap().replace("&#39;", "'");
    assert!(page.contains("RNCP36085BC04"), "{page}");
    let links = store
        .parcours()
        .list_bloc_links("RNCP36085BC04")
        .await
        .unwrap();
    let wrong = CompetenceId(links.first().expect("un lien calculé").code_ogr);
    let generation = store.catalogue_generation().await.unwrap();
    let removed = staff
        .post_form(
            "/admin/parcours/liens",
            &[
                ("certification", "RNCP36085"),
                ("bloc", "RNCP36085BC04"),
                ("competence", &wrong.0.to_string()),
                ("decision", "retirer"),
            ],
        )
        .await;
    assert_eq!(removed.status(), 303);
    assert!(store.catalogue_generation().await.unwrap() > generation);
    let after = store
        .parcours()
        .list_bloc_links("RNCP36085BC04")
        .await
        .unwrap();
    assert!(after.iter().any(|l| l.code_ogr == wrong.0 && l.removed));
    let catalogue = campus_parcours_service::load_catalogue(store)
        .await
        .unwrap();
    assert!(
        !catalogue
            .referentiel
            .bloc_competences("RNCP36085BC04")
            .contains(&wrong)
    );
    let page = staff
        .page("/admin/parcours/liens?certification=RNCP36085&ok=1")
        .await
        .1
        .replace("&#39;", "'");
    assert!(page.contains("retiré par l'équipe"), "{page}");
    assert!(page.contains("Décision enregistrée"));
    let bad = staff
        .post_form(
            "/admin/parcours/liens",
            &[
                ("certification", "RNCP36085"),
                ("bloc", "RNCP36085BC99"),
                ("competence", "pas une compétence"),
                ("decision", "garder"),
            ],
        )
        .await;
    assert_eq!(bad.status(), 422);
    let bad = bad.text().await.unwrap().replace("&#39;", "'");
    assert!(bad.contains("Ce bloc n'appartient pas au catalogue."));
    assert!(
        bad.contains("Aucune compétence ROME n'a le code ou le libellé « pas une compétence »")
    );
    app.stop().await;
}

#[tokio::test]
async fn a_trainer_prepares_paths_only_with_the_learner_consent() {
    let app = TestApp::new().await;
    app.import_rome().await;
    let store = &app.state.store;
    let (lea, learner) = app.login_with("lea@parcours.test", Role::Apprenant).await;
    let (trainer, trainer_user) = app
        .login_with("formateur@parcours.test", Role::Formateur)
        .await;
    let (stranger, _) = app.login_as(Role::Formateur).await;
    let pour = learner.id.to_string();
    let request = [
        ("pour", pour.clone()),
        ("metier_1", "H3301".to_owned()),
        ("annees_1", "5".to_owned()),
        ("cible", "H2301".to_owned()),
        ("titre", "Proposition de votre formatrice".to_owned()),
    ];

    // A learner cannot ask; a bad address is refused on its field.
    let asked = lea
        .post_form(
            "/compte/accompagnements",
            &[("email", "formateur@parcours.test")],
        )
        .await;
    assert_eq!(asked.status(), 403);
    let bad = trainer
        .post_form("/compte/accompagnements", &[("email", "pas-une-adresse")])
        .await;
    assert_eq!(bad.status(), 422);

    // Before consent, the trainer sees nothing and saves nothing.
    let asked = trainer
        .post_form("/compte/accompagnements", &[("email", "lea@parcours.test")])
        .await;
    assert_eq!(asked.status(), 303);
    // An unknown address gets the same answer.
    let unknown = trainer
        .post_form(
            "/compte/accompagnements",
            &[("email", "personne@parcours.test")],
        )
        .await;
    assert_eq!(unknown.headers()["location"], asked.headers()["location"]);
    let learner_page = format!("/compte/apprenants/{}", learner.id);
    assert_eq!(trainer.page(&learner_page).await.0, 403);
    assert_eq!(
        trainer
            .page(&format!("/parcours?pour={}", learner.id))
            .await
            .0,
        403
    );
    assert_eq!(
        post(&trainer, "/parcours/enregistrer", &request)
            .await
            .status(),
        403
    );
    let mine = trainer
        .page("/compte/parcours")
        .await
        .1
        .replace("&#39;", "'");
    assert!(!mine.contains("lea@parcours.test"));
    assert!(mine.contains("Une demande attend la réponse de l'apprenant."));

    // The learner sees the request and accepts it.
    let account = lea.page("/compte/parcours").await.1.replace("&#39;", "'");
    assert!(
        account.contains("Test formateur demande à vous accompagner."),
        "{account}"
    );
    let support = store
        .parcours()
        .list_supports_received(learner.id)
        .await
        .unwrap()
        .remove(0);
    assert_eq!(support.status, SupportStatus::Pending);
    // Only the learner answers.
    let hijack = trainer
        .post_form(
            &format!("/compte/accompagnements/{}/accepter", support.id),
            &[],
        )
        .await;
    assert_eq!(hijack.status(), 404);
    let accepted = lea
        .post_form(
            &format!("/compte/accompagnements/{}/accepter", support.id),
            &[],
        )
        .await;
    assert_eq!(accepted.status(), 303);

    // Now the trainer prepares a path and shares it.
    assert_eq!(trainer.page(&learner_page).await.0, 200);
    let form = trainer
        .page(&format!("/parcours?pour={}", learner.id))
        .await
        .1
        .replace("&#39;", "'");
    assert!(form.contains("Parcours préparé pour Test apprenant"));
    let shared = post(&trainer, "/parcours/enregistrer", &request).await;
    assert_eq!(shared.status(), 303);
    let location = shared.headers()["location"].to_str().unwrap().to_owned();
    let path = location.split('?').next().unwrap().to_owned();
    let mine = lea.page("/compte/parcours").await.1.replace("&#39;", "'");
    assert!(mine.contains("Proposition de votre formatrice"));
    assert!(mine.contains("préparé par Test formateur"));
    assert_eq!(trainer.page(&path).await.0, 200);
    assert_eq!(stranger.page(&path).await.0, 404);
    assert_eq!(
        post(&stranger, "/parcours/enregistrer", &request)
            .await
            .status(),
        403
    );
    // The trainer cannot delete the learner's path.
    let id = path.rsplit('/').next().unwrap();
    let deleted = trainer
        .post_form(&format!("/compte/parcours/{id}/supprimer"), &[])
        .await;
    assert_eq!(deleted.status(), 404);

    // The learner withdraws: the trainer sees nothing any more; the
    // learner keeps the path; the store refuses a late write.
    let withdrawn = lea
        .post_form(
            &format!("/compte/accompagnements/{}/retirer", support.id),
            &[],
        )
        .await;
    assert_eq!(withdrawn.status(), 303);
    assert_eq!(trainer.page(&path).await.0, 404);
    assert_eq!(trainer.page(&learner_page).await.0, 403);
    assert_eq!(lea.page(&path).await.0, 200);
    let late = store
        .parcours()
        .enregistrer(NewSavedPlan {
            learner_id: learner.id,
            author_id: trainer_user.id,
            titre: "trop tard",
            cible: "H2301",
            demande: "{}",
        })
        .await;
    assert!(matches!(late, Err(campus_store::StoreError::NotFound)));
    assert_eq!(
        store.parcours().list_saved(learner.id).await.unwrap().len(),
        1
    );

    // A new request after a withdrawal is pending again, on the same row;
    // refusing it keeps the trainer out.
    let again = trainer
        .post_form("/compte/accompagnements", &[("email", "lea@parcours.test")])
        .await;
    assert_eq!(again.status(), 303);
    let supports = store
        .parcours()
        .list_supports_received(learner.id)
        .await
        .unwrap();
    assert_eq!(supports.len(), 1);
    assert_eq!(supports[0].status, SupportStatus::Pending);
    let refused = lea
        .post_form(
            &format!("/compte/accompagnements/{}/refuser", support.id),
            &[],
        )
        .await;
    assert_eq!(refused.status(), 303);
    assert_eq!(trainer.page(&learner_page).await.0, 403);
    // Answering twice finds nothing to answer.
    let twice = lea
        .post_form(
            &format!("/compte/accompagnements/{}/accepter", support.id),
            &[],
        )
        .await;
    assert_eq!(twice.status(), 404);
    app.stop().await;
}
