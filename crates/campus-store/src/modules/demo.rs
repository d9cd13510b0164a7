//! The demonstration's on-demand module: a request from Servier (whose
//! Gidy plant, near Orléans, produces medicines) for a clean-room training
//! of its operators, waiting for the campus team. The topic is the
//! Formacode descriptor 42835 « salle blanche » with its official label.

use campus_domain::module::LieuModule;
use campus_domain::{Centimes, CodePostal};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::workflow::{NewRequest, insert_request};
use super::{Sujet, SujetKind};
use crate::StoreError;
use crate::entity::organisation;

/// Adds the demonstration request, if its company is in the directory.
pub(crate) async fn load<C: ConnectionTrait>(
    conn: &C,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let Some(servier) = organisation::Entity::find()
        .filter(organisation::Column::Nom.eq("Servier"))
        .one(conn)
        .await?
    else {
        return Ok(());
    };
    let today = campus_domain::heure_legale::aujourdhui(now);
    let request = NewRequest {
        organisation_id: servier.id,
        requester_user_id: None,
        intitule: "Travailler en salle propre : habillage et comportement".to_owned(),
        besoin: "Former les opérateurs de conditionnement nouvellement recrutés aux règles de la zone à atmosphère contrôlée : habillage, flux, nettoyage, bonnes pratiques de fabrication. Session de deux jours sur site, par groupes de huit.".to_owned(),
        stagiaires: 8,
        lieu: LieuModule::Delocalise,
        lieu_adresse: Some("905 route de Saran".to_owned()),
        lieu_code_postal: CodePostal::parse("45520").ok(),
        lieu_commune: Some("Gidy".to_owned()),
        date_debut: today + Duration::days(45),
        date_fin: today + Duration::days(90),
        budget: Centimes::new(600_000),
        sujets: vec![Sujet {
            kind: SujetKind::Formacode,
            code: "42835".to_owned(),
            libelle: "salle blanche".to_owned(),
        }],
    };
    insert_request(conn, &request, now).await?;
    Ok(())
}
