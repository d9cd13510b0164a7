//! Partner establishments abroad: organisations of the directory with a
//! country other than France and a row saying what they host.

use std::collections::HashMap;

use campus_domain::expertise::Langue;
use campus_domain::mobilite::Pays;
use campus_domain::{CodeRome, Niveau, OrganisationKind};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use super::{Mobilite, split};
use crate::StoreError;
use crate::entity::{organisation, partenaire_etranger, rome_fiche};
use crate::organisations::{Organisation, OrganisationInput};

/// A partner establishment abroad as the campus team types it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartenaireSaisie {
    pub nom: String,
    pub kind: OrganisationKind,
    pub pays: Pays,
    pub ville: String,
    pub description: String,
    pub site_web: Option<String>,
    pub langues: Vec<Langue>,
    pub metiers: Vec<CodeRome>,
    pub niveaux: Vec<Niveau>,
    pub contact_nom: String,
    pub contact_email: String,
}

/// A partner establishment abroad.
#[derive(Debug, Clone, PartialEq)]
pub struct Partenaire {
    pub organisation: Organisation,
    pub langues: Vec<Langue>,
    /// Trades it hosts, with their label when the catalogue has it.
    pub metiers: Vec<(CodeRome, String)>,
    pub niveaux: Vec<Niveau>,
    pub contact_nom: String,
    pub contact_email: String,
}

fn join<T: ToString>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

impl Mobilite<'_> {
    /// Records a partner establishment abroad in the directory; returns
    /// its organisation id.
    pub async fn creer_partenaire(&self, input: &PartenaireSaisie) -> Result<i32, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let id = insert(&txn, input, now).await?;
        crate::generation::bump(&txn).await?;
        txn.commit().await?;
        Ok(id)
    }

    /// Every partner establishment abroad, of `pays` when given, by name.
    pub async fn partenaires(&self, pays: Option<Pays>) -> Result<Vec<Partenaire>, StoreError> {
        let rows = partenaire_etranger::Entity::find().all(self.conn()).await?;
        let ids: Vec<i32> = rows.iter().map(|r| r.organisation_id).collect();
        let mut query = organisation::Entity::find().filter(organisation::Column::Id.is_in(ids));
        if let Some(p) = pays {
            query = query.filter(organisation::Column::Pays.eq(p.as_str()));
        }
        let orgs = query
            .order_by_asc(organisation::Column::Nom)
            .all(self.conn())
            .await?;
        let mut ext: HashMap<i32, partenaire_etranger::Model> =
            rows.into_iter().map(|r| (r.organisation_id, r)).collect();
        let codes: Vec<String> = ext
            .values()
            .flat_map(|r| split(&r.metiers).map(str::to_owned).collect::<Vec<_>>())
            .collect();
        let libelles: HashMap<String, String> = rome_fiche::Entity::find()
            .filter(rome_fiche::Column::CodeRome.is_in(codes))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|f| (f.code_rome, f.libelle))
            .collect();
        let mut out = Vec::with_capacity(orgs.len());
        for org in orgs {
            let Some(e) = ext.remove(&org.id) else {
                continue;
            };
            out.push(Partenaire {
                organisation: Organisation::try_from(org)?,
                langues: split(&e.langues)
                    .filter_map(|l| Langue::parse(l).ok())
                    .collect(),
                metiers: split(&e.metiers)
                    .filter_map(|c| CodeRome::parse(c).ok())
                    .map(|c| {
                        let libelle = libelles.get(c.as_str()).cloned().unwrap_or_default();
                        (c, libelle)
                    })
                    .collect(),
                niveaux: split(&e.niveaux)
                    .filter_map(|n| n.parse::<u8>().ok().and_then(Niveau::new))
                    .collect(),
                contact_nom: e.contact_nom,
                contact_email: e.contact_email,
            });
        }
        Ok(out)
    }

    /// The partner establishment abroad `id`, or `NotFound`.
    pub async fn partenaire(&self, id: i32) -> Result<Partenaire, StoreError> {
        let org = organisation::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        let pays = Pays::parse(&org.pays).ok();
        self.partenaires(pays)
            .await?
            .into_iter()
            .find(|p| p.organisation.id == id)
            .ok_or(StoreError::NotFound)
    }

    /// The countries of the directory's organisations, with how many are
    /// in each (the directory's country facet).
    pub async fn pays_de_l_annuaire(&self) -> Result<Vec<(Pays, u64)>, StoreError> {
        let rows: Vec<(String, i64)> = organisation::Entity::find()
            .select_only()
            .column(organisation::Column::Pays)
            .column_as(organisation::Column::Id.count(), "n")
            .group_by(organisation::Column::Pays)
            .into_tuple()
            .all(self.conn())
            .await?;
        let mut out: Vec<(Pays, u64)> = rows
            .into_iter()
            .filter_map(|(p, n)| Pays::parse(&p).ok().map(|p| (p, n.max(0) as u64)))
            .collect();
        out.sort_by_key(|(p, _)| campus_domain::fold_accents(p.nom()));
        Ok(out)
    }
}

/// Inserts a partner establishment abroad on `conn`; returns its id.
pub(crate) async fn insert<C: ConnectionTrait>(
    conn: &C,
    input: &PartenaireSaisie,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<i32, StoreError> {
    let org = crate::organisations::insert(
        conn,
        OrganisationInput {
            nom: input.nom.clone(),
            kind: input.kind,
            siret: None,
            uai: None,
            description: input.description.clone(),
            adresse: None,
            code_postal: None,
            commune: Some(input.ville.clone()),
            departement: None,
            site_web: input.site_web.clone(),
            email_contact: Some(input.contact_email.clone()),
        },
        now,
    )
    .await?;
    organisation::Entity::update_many()
        .col_expr(organisation::Column::Pays, Expr::value(input.pays.as_str()))
        .filter(organisation::Column::Id.eq(org.id))
        .exec(conn)
        .await?;
    partenaire_etranger::ActiveModel {
        organisation_id: Set(org.id),
        langues: Set(join(&input.langues)),
        metiers: Set(join(&input.metiers)),
        niveaux: Set(join(
            &input.niveaux.iter().map(|n| n.value()).collect::<Vec<_>>(),
        )),
        contact_nom: Set(input.contact_nom.clone()),
        contact_email: Set(input.contact_email.clone()),
    }
    .insert(conn)
    .await?;
    Ok(org.id)
}
