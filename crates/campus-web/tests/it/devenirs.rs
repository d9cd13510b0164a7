//! The official outcomes of the campus's sector trainings, on the real
//! InserJeunes and Orion rows of the embedded subset: the public page, the
//! campus team's page and the API agree, a rate over too few leavers is
//! « nd », and the cohort select works without JavaScript.

use campus_domain::Role;
use serde_json::Value;

use crate::testkit::TestApp;

/// The row of a training in a page's table, from its header cell to the
/// end of the row.
fn row<'a>(html: &'a str, formation: &str) -> &'a str {
    let start = html
        .find(&format!("<th scope=\"row\">{formation}"))
        .unwrap_or_else(|| panic!("{formation} absent"));
    let end = html[start..]
        .find("</tr>")
        .map_or(html.len(), |e| start + e);
    &html[start..end]
}

const BTS: &str = "BIOANALYSES ET CONTROLE (BTS) (32022207)";

#[tokio::test]
async fn sector_trainings_beside_the_region_and_the_country() {
    let app = TestApp::with_catalogue().await;

    // BTS Bioanalyses et contrôle at school, leavers of 2021-2022 in
    // Centre-Val de Loire: 26 of 30 in work after 12 months (86,7 %); in
    // the country 706 of 1 036 (68,1 %).
    let (status, html) = app
        .page("/chiffres/devenirs?millesime=2021-2022&voie=scolaire")
        .await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Centre-Val de Loire"), "{html}");
    assert!(html.contains("<option value=\"2021-2022\" selected>"));
    let bts = row(&html, BTS);
    assert!(bts.contains("50 à 99"), "{bts}");
    assert!(bts.contains("86,7\u{a0}%"), "{bts}");
    assert!(bts.contains("68,1\u{a0}%"), "{bts}");
    assert!(bts.contains("+18,5\u{a0}pts"), "{bts}");
    assert!(!html.contains("<h2>Apprentissage</h2>"), "one route chosen");

    // Its apprenticeship route had 14 leavers: « nd », never a figure.
    let (_, html) = app
        .page("/chiffres/devenirs?millesime=2021-2022&voie=apprentissage")
        .await;
    let apprentis = row(&html, BTS);
    assert!(apprentis.contains("5 à 19"), "{apprentis}");
    assert!(apprentis.contains(">nd</abbr>"), "{apprentis}");

    // The API says the same.
    let json: Value = app
        .client()
        .get(app.url("/api/v1/devenirs?millesime=2021_2022"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(json["region"], "24");
    assert_eq!(json["millesime"], "2021-2022");
    let millesimes: Vec<&str> = json["millesimes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        millesimes,
        ["2022-2023", "2021-2022", "2020-2021", "2019-2020"]
    );
    let find = |voie: &str| {
        json["devenirs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["cfd"] == "32022207" && d["voie"] == voie)
            .cloned()
            .unwrap_or_else(|| panic!("BTS {voie} : {json}"))
    };
    let scolaire = find("scolaire");
    assert_eq!(scolaire["niveau"], 5);
    assert_eq!(scolaire["classe_effectif"], "50-99");
    let emploi = &scolaire["emploi_12_mois"];
    assert_eq!(emploi["formation"], 86.7);
    assert_eq!(emploi["national"], 68.1);
    assert_eq!(emploi["ecart_national"], 18.5);
    assert!(emploi["region_niveau"].is_number(), "{emploi}");
    let apprentis = find("apprentissage");
    assert!(apprentis["emploi_12_mois"]["formation"].is_null());
    assert_eq!(apprentis["classe_effectif"], "5-19");
    // Attractiveness and enrolment of the sector's trainings are listed.
    let orion = json["orion"].as_array().unwrap();
    assert!(!orion.is_empty(), "{json}");
    for o in orion {
        if let Some(n) = o["inscrits"]["formation"].as_u64() {
            assert!(n == 0 || n >= 5, "{o}");
        }
    }

    // A cohort the source does not know is refused with a message.
    let bad = app
        .client()
        .get(app.url("/api/v1/devenirs?millesime=2031-2032"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    assert!(bad.text().await.unwrap().contains("millésime inconnu"));

    // The campus team's page shows the same figures.
    let (staff, _) = app.login_as(Role::EquipeCampus).await;
    let (status, html) = staff
        .page("/admin/evaluation/devenirs?millesime=2021-2022&voie=scolaire")
        .await;
    assert_eq!(status, 200);
    assert!(row(&html, BTS).contains("86,7\u{a0}%"));
    assert!(html.contains("<caption>"));
}
