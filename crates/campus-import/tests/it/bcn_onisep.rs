//! The BCN and ONISEP imports on the real files of `../shared/data`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campus_domain::CodeCertification;
use campus_import::{import_bcn, import_certifinfo, import_onisep, import_rncp_xml};
use campus_store::Store;
use campus_testkit::{TestDb, national_data};

#[tokio::test]
async fn nomenclatures_and_idéo_attached_to_certifications() {
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 4).await.unwrap();
    store.migrate().await.unwrap();
    let Some(data) = national_data("nomenclatures BCN et liste Idéo nationales") else {
        return;
    };

    let bcn = import_bcn(&store, &data.join("bcn")).await.unwrap();
    assert!(bcn.rejected.is_empty(), "{bcn}");
    // N's 4023 diplomas, and the 11261 of V of which 4014 are N's.
    assert_eq!(bcn.counts("diplômes BCN").inserted, 4023 + 11261 - 4014);
    assert_eq!(bcn.counts("niveaux BCN").inserted, 212);
    assert_eq!(bcn.counts("NSF").inserted, 5 + 22 + 115);
    assert_eq!(bcn.counts("diplômes professionnels").inserted, 577);
    let cap = store.diplome_bcn("50033104").await.unwrap();
    assert_eq!(
        (cap.libelle.as_str(), cap.niveau),
        ("EMPLOYE EN PHARMACIE (CAP)", Some(3))
    );
    assert_eq!(cap.source, "N");
    // A diploma of the higher-education ministry, only in V.
    let doctorat = store.diplome_bcn("10033101").await.unwrap();
    assert_eq!(
        (
            doctorat.libelle.as_str(),
            doctorat.niveau,
            doctorat.source.as_str()
        ),
        ("DE DOCTEUR EN PHARMACIE", Some(8), "V")
    );
    assert_eq!(
        store.nsf("222").await.unwrap().libelle,
        "Transformations chimiques et apparentées"
    );
    let loiret = store.departement_academie("45").await.unwrap();
    assert_eq!(
        (loiret.academie_libelle.as_str(), loiret.region.as_str()),
        ("Orléans-Tours", "24")
    );
    let again = import_bcn(&store, &data.join("bcn")).await.unwrap();
    for (table, counts) in &again.tables {
        assert_eq!((counts.inserted, counts.updated), (0, 0), "{table}");
    }

    let onisep_file = data.join("onisep/ideo-formations_initiales_en_france.csv.gz");
    let onisep = import_onisep(&store, &onisep_file).await.unwrap();
    assert_eq!(
        onisep.counts("formations ONISEP").inserted,
        6086,
        "{onisep}"
    );
    let again = import_onisep(&store, &onisep_file).await.unwrap();
    assert_eq!(again.counts("formations ONISEP").unchanged, 6086);

    import_certifinfo(&store, &data.join("certifinfo/certif_info.csv.gz"))
        .await
        .unwrap();
    import_rncp_xml(
        &store,
        &data.join("rncp_xml_sample/export-fiches-rncp-v4.1-extract_RNCP35340_RNCP40792.xml"),
    )
    .await
    .unwrap();
    let page = store
        .certification(&CodeCertification::parse("RNCP35340").unwrap())
        .await
        .unwrap();
    // The two options of the BTS: Idéo pages, and their CFD in the BCN.
    let mut sigles: Vec<_> = page.onisep.iter().filter_map(|f| f.sigle.clone()).collect();
    sigles.sort();
    assert_eq!(sigles, ["SISR", "SLAM"]);
    let mut cfds: Vec<_> = page.diplomes_bcn.iter().map(|d| d.cfd.as_str()).collect();
    cfds.sort();
    assert_eq!(cfds, ["32032613", "32032614"]);
    assert!(
        page.diplomes_bcn[0]
            .libelle
            .starts_with("SERVICES INFORMATIQUES AUX ORGANISATIONS")
    );
    assert!(page.nsf.iter().any(|n| n.code == "326"));
}
