//! The certification imports on the real files of `../shared/data`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use campus_domain::{CodeCertification, CodeRome};
use campus_import::{import_certifinfo, import_rncp, import_rome};
use campus_store::Store;
use campus_testkit::{TestDb, national_data};

#[tokio::test]
async fn certifications_with_their_blocs_trades_and_lineage() {
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 4).await.unwrap();
    store.migrate().await.unwrap();
    let Some(data) = national_data("Certif Info et export RNCP nationaux") else {
        return;
    };
    let certifinfo = data.join("certifinfo/certif_info.csv.gz");

    // Before the ROME referential, every trade link is unknown but kept.
    let early = import_certifinfo(&store, &certifinfo).await.unwrap();
    // A diploma appears once per RS certification it belongs to; 72 rows
    // repeat another and differ only by their Idéo code.
    assert_eq!(early.counts("certif info").inserted, 9043);
    assert_eq!(early.counts("certif info").total(), 9115);
    assert!(early.rejected.is_empty(), "{early}");
    assert!(early.unresolved.len() > 1000, "{}", early.unresolved.len());

    import_rome(&store, &data.join("rome_v460")).await.unwrap();
    let again = import_certifinfo(&store, &certifinfo).await.unwrap();
    assert_eq!(again.counts("certif info").unchanged, 9115);
    assert!(again.rejected.is_empty(), "{again}");
    assert_eq!(
        (
            again.counts("certif info").inserted,
            again.counts("certif info").updated
        ),
        (0, 0)
    );
    assert!(again.unresolved.len() < early.unresolved.len());

    let rncp = import_rncp(&store, &data.join("rncp_rs_2024-01-17"))
        .await
        .unwrap();
    assert_eq!(rncp.counts("blocs de compétences").inserted, 30735);
    assert_eq!(rncp.rejected.len(), 1, "le bloc sans intitulé est rejeté");
    assert!(rncp.rejected[0].to_string().contains("RNCP36769") || rncp.rejected[0].line.is_some());
    assert!(rncp.counts("ancienne/nouvelle").inserted > 10_000);
    let rncp_again = import_rncp(&store, &data.join("rncp_rs_2024-01-17"))
        .await
        .unwrap();
    for (table, counts) in &rncp_again.tables {
        assert_eq!((counts.inserted, counts.updated), (0, 0), "{table}");
    }

    let page = store
        .certification(&CodeCertification::parse("RNCP36085").unwrap())
        .await
        .unwrap();
    assert_eq!(
        page.entries[0].libelle,
        "Technicien en pharmacie et cosmétique industrielles"
    );
    assert_eq!(page.entries[0].niveau, Some(4));
    assert!(page.metiers.iter().any(|m| m.code_rome == "H2301"));
    let leading = store
        .certifications_of_metier(&CodeRome::parse("H2301").unwrap())
        .await
        .unwrap();
    assert!(
        leading
            .iter()
            .any(|c| c.code_rncp.as_deref() == Some("RNCP36085"))
    );

    let with_blocs = store
        .certification(&CodeCertification::parse("RNCP183").unwrap())
        .await
        .unwrap();
    assert!(with_blocs.blocs.iter().any(|b| b.code == "RNCP183BC03"));
    assert!(with_blocs.nouvelles.contains(&"RNCP37876".to_owned()));
    assert!(matches!(
        store
            .certification(&CodeCertification::parse("RNCP9999999").unwrap())
            .await,
        Err(campus_store::StoreError::NotFound)
    ));
}
