//! News of the campus and its partners, and the newsletter.
//!
//! Rules and where they hold:
//! - a news item moves through its review by one conditional update on
//!   its state (and version when the caller names the one it saw): of two
//!   reviewers deciding at once one wins, the other is told
//!   ([`Actualites::decider`]); the mail to the author is queued in the
//!   same transaction;
//! - only published news is public: the pages, the feed and the API read
//!   [`FiltreActualites::publiees`];
//! - the newsletter's rules are in [`lettre`].

use std::collections::HashMap;

use campus_domain::CodeRome;
use campus_domain::actualite::{ActionActualite, EtatActualite, NouvelleActualite};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use crate::StoreError;
use crate::documents::{self, DocumentInfo, NouveauDocument};
use crate::entity::{
    actualite, actualite_evenement, actualite_metier, actualite_projet, evenement, organisation,
    projet, rome_fiche, user,
};
use crate::outbox::{self, OutgoingMail};

pub mod lettre;

pub use lettre::{Abonnement, Numero, NumeroEcrit};

crate::handle::feature_handle!(
    /// The communication feature: news, their review, the newsletter.
    Actualites,
    actualites
);

/// A news item as its pages, the feed and the API show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Actualite {
    pub id: i32,
    pub slug: String,
    pub titre: String,
    pub resume: String,
    /// The body, in Markdown: rendered safely by the web layer.
    pub corps: String,
    pub etat: EtatActualite,
    /// Why it was sent back, for its author.
    pub motif: Option<String>,
    /// The partner organisation that signs it; none for the campus team.
    pub organisation: Option<(i32, String, String)>,
    pub auteur_user_id: Option<i32>,
    pub auteur_nom: Option<String>,
    pub auteur_email: Option<String>,
    /// The image's document and its alternative text.
    pub image: Option<(i32, String)>,
    pub metiers: Vec<(CodeRome, String)>,
    /// Linked events: `(id, slug, title)`.
    pub evenements: Vec<(i32, String, String)>,
    /// Linked projects: `(id, slug, title)`.
    pub projets: Vec<(i32, String, String)>,
    pub publiee_le: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Actualite {
    /// The name that signs the item: its organisation, or the campus.
    pub fn signature(&self) -> Option<&str> {
        self.organisation.as_ref().map(|(_, nom, _)| nom.as_str())
    }
}

/// A news item to store.
#[derive(Debug, Clone)]
pub struct ActualiteEcrite {
    pub champs: NouvelleActualite,
    pub organisation_id: Option<i32>,
    pub metiers: Vec<CodeRome>,
    /// Ids of linked events.
    pub evenements: Vec<i32>,
    /// Ids of linked projects.
    pub projets: Vec<i32>,
    /// The stored image and its alternative text.
    pub image: Option<(NouveauDocument, String)>,
    /// Submitted (a partner) or published at once (the campus team).
    pub etat: EtatActualite,
}

/// Which news to list.
#[derive(Debug, Clone, Default)]
pub struct FiltreActualites {
    /// Only published news, newest publication first.
    pub publiees: bool,
    pub etat: Option<EtatActualite>,
    pub auteur: Option<i32>,
    pub metier: Option<CodeRome>,
    /// Only news linked to this event.
    pub evenement: Option<i32>,
    /// Only news linked to this project.
    pub projet: Option<i32>,
    /// 0-based page.
    pub page: u64,
    /// 0 means 20.
    pub per_page: u64,
}

/// Why a decision was not taken; nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum DecisionError {
    /// Not (or no longer) in a state the action starts from: someone else
    /// decided first.
    #[error("l'actualité est {}", .0.as_str())]
    Impossible(EtatActualite),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for DecisionError {
    fn from(err: sea_orm::DbErr) -> Self {
        DecisionError::Store(err.into())
    }
}

/// Links the news item `id` to `metiers` (each once).
async fn insert_metiers<C: ConnectionTrait>(
    conn: &C,
    id: i32,
    metiers: &[CodeRome],
) -> Result<(), StoreError> {
    let rows: Vec<actualite_metier::ActiveModel> = metiers
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|code| actualite_metier::ActiveModel {
            actualite_id: Set(id),
            code_rome: Set(code),
        })
        .collect();
    if !rows.is_empty() {
        actualite_metier::Entity::insert_many(rows)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}

/// Links the news item `id` to the events and projects of `input`.
async fn insert_liens<C: ConnectionTrait>(
    conn: &C,
    id: i32,
    input: &ActualiteEcrite,
) -> Result<(), StoreError> {
    let evenements: Vec<actualite_evenement::ActiveModel> = input
        .evenements
        .iter()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|e| actualite_evenement::ActiveModel {
            actualite_id: Set(id),
            evenement_id: Set(*e),
        })
        .collect();
    if !evenements.is_empty() {
        actualite_evenement::Entity::insert_many(evenements)
            .exec_without_returning(conn)
            .await?;
    }
    let projets: Vec<actualite_projet::ActiveModel> = input
        .projets
        .iter()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|p| actualite_projet::ActiveModel {
            actualite_id: Set(id),
            projet_id: Set(*p),
        })
        .collect();
    if !projets.is_empty() {
        actualite_projet::Entity::insert_many(projets)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}

fn etat(value: &str) -> Result<EtatActualite, StoreError> {
    EtatActualite::parse(value)
        .map_err(|_| StoreError::Corrupt(format!("actualité : état « {value} »")))
}

impl Actualites<'_> {
    /// Stores a news item, its image's document and its trades in one
    /// transaction; returns its id and slug.
    pub async fn creer(
        &self,
        input: &ActualiteEcrite,
        auteur: i32,
    ) -> Result<(i32, String), StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let base = campus_domain::slugify(&input.champs.titre);
        // A slug of digits only would read as an id in the addresses.
        let base = if base.chars().all(|c| c.is_ascii_digit() || c == '-') {
            format!("actualite-{base}").trim_end_matches('-').to_owned()
        } else {
            base
        };
        let slug =
            crate::slugs::free_slug::<actualite::Entity, _>(&txn, actualite::Column::Slug, &base)
                .await?;
        let (image_document_id, image_alt) = match &input.image {
            Some((doc, alt)) => (
                Some(documents::register(&txn, doc, now).await?),
                Some(alt.clone()),
            ),
            None => (None, None),
        };
        let publiee = input.etat == EtatActualite::Publiee;
        let row = actualite::ActiveModel {
            slug: Set(slug.clone()),
            titre: Set(input.champs.titre.clone()),
            resume: Set(input.champs.resume.clone()),
            corps: Set(input.champs.corps.clone()),
            etat: Set(input.etat.as_str().to_owned()),
            motif: Set(None),
            organisation_id: Set(input.organisation_id),
            auteur_user_id: Set(Some(auteur)),
            image_document_id: Set(image_document_id),
            image_alt: Set(image_alt),
            publiee_le: Set(publiee.then_some(now)),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        insert_metiers(&txn, row.id, &input.metiers).await?;
        insert_liens(&txn, row.id, input).await?;
        txn.commit().await?;
        Ok((row.id, slug))
    }

    /// Rewrites a news item's text, trades and (when a new one is given)
    /// image, as one conditional update on the state and `version` the
    /// author saw. An item sent back goes to review again
    /// ([`ActionActualite::Resoumettre`]); the others keep their state.
    /// Without a new image, `alt` rewrites the alternative text of the
    /// one kept. Returns the state reached and the replaced image's key,
    /// whose bytes are the caller's to delete.
    pub async fn modifier(
        &self,
        id: i32,
        input: &ActualiteEcrite,
        alt: Option<String>,
        version: Option<i32>,
    ) -> Result<(EtatActualite, Option<String>), DecisionError> {
        let now = self.now();
        let txn = self.write().await?;
        let row = actualite::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let from = etat(&row.etat)?;
        let to = ActionActualite::Resoumettre.apply(from).unwrap_or(from);
        let mut update = actualite::Entity::update_many()
            .col_expr(
                actualite::Column::Titre,
                Expr::value(input.champs.titre.clone()),
            )
            .col_expr(
                actualite::Column::Resume,
                Expr::value(input.champs.resume.clone()),
            )
            .col_expr(
                actualite::Column::Corps,
                Expr::value(input.champs.corps.clone()),
            )
            .col_expr(
                actualite::Column::OrganisationId,
                Expr::value(input.organisation_id),
            )
            .col_expr(actualite::Column::Etat, Expr::value(to.as_str()))
            .col_expr(
                actualite::Column::Version,
                Expr::col(actualite::Column::Version).add(1),
            )
            .col_expr(actualite::Column::UpdatedAt, Expr::value(now))
            .filter(actualite::Column::Id.eq(id))
            .filter(actualite::Column::Etat.eq(from.as_str()));
        if to != from {
            update = update.col_expr(
                actualite::Column::Motif,
                Expr::value(Option::<String>::None),
            );
        }
        let mut replaced = None;
        if let Some((doc, alt)) = &input.image {
            let document_id = documents::register(&txn, doc, now).await?;
            update = update
                .col_expr(actualite::Column::ImageDocumentId, Expr::value(document_id))
                .col_expr(actualite::Column::ImageAlt, Expr::value(alt.clone()));
            if let Some(old) = row.image_document_id {
                replaced = documents::find(&txn, old).await?.map(|d| d.cle);
            }
        } else if let (Some(alt), Some(_)) = (alt, row.image_document_id) {
            update = update.col_expr(actualite::Column::ImageAlt, Expr::value(alt));
        }
        if let Some(v) = version {
            update = update.filter(actualite::Column::Version.eq(v));
        }
        if update.exec(&txn).await?.rows_affected != 1 {
            return Err(DecisionError::Impossible(from));
        }
        if let (Some(_), Some(old)) = (&input.image, row.image_document_id) {
            documents::forget(&txn, old).await?;
        }
        actualite_metier::Entity::delete_many()
            .filter(actualite_metier::Column::ActualiteId.eq(id))
            .exec(&txn)
            .await?;
        insert_metiers(&txn, id, &input.metiers).await?;
        actualite_evenement::Entity::delete_many()
            .filter(actualite_evenement::Column::ActualiteId.eq(id))
            .exec(&txn)
            .await?;
        actualite_projet::Entity::delete_many()
            .filter(actualite_projet::Column::ActualiteId.eq(id))
            .exec(&txn)
            .await?;
        insert_liens(&txn, id, input).await?;
        txn.commit().await?;
        Ok((to, replaced))
    }

    /// Applies `action` to the news item `id`, as one conditional update
    /// on its state (and `version`, when given), with `mails` queued in the
    /// same transaction; returns the state reached.
    pub async fn decider(
        &self,
        id: i32,
        action: ActionActualite,
        motif: Option<String>,
        version: Option<i32>,
        mails: Vec<OutgoingMail>,
    ) -> Result<EtatActualite, DecisionError> {
        let now = self.now();
        let txn = self.write().await?;
        let row = actualite::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let from = etat(&row.etat)?;
        let Some(to) = action.apply(from) else {
            return Err(DecisionError::Impossible(from));
        };
        let sources: Vec<&str> = action.sources().iter().map(|e| e.as_str()).collect();
        let mut update = actualite::Entity::update_many()
            .col_expr(actualite::Column::Etat, Expr::value(to.as_str()))
            .col_expr(actualite::Column::Motif, Expr::value(motif))
            .col_expr(
                actualite::Column::Version,
                Expr::col(actualite::Column::Version).add(1),
            )
            .col_expr(actualite::Column::UpdatedAt, Expr::value(now))
            .filter(actualite::Column::Id.eq(id))
            .filter(actualite::Column::Etat.is_in(sources));
        if to == EtatActualite::Publiee {
            update = update.col_expr(actualite::Column::PublieeLe, Expr::value(now));
        }
        if let Some(v) = version {
            update = update.filter(actualite::Column::Version.eq(v));
        }
        if update.exec(&txn).await?.rows_affected != 1 {
            return Err(DecisionError::Impossible(from));
        }
        outbox::enqueue(&txn, mails, now).await?;
        txn.commit().await?;
        Ok(to)
    }

    /// The news item `id`.
    pub async fn actualite(&self, id: i32) -> Result<Actualite, StoreError> {
        let row = actualite::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        self.complete(vec![row])
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }

    /// The news item at `slug`.
    pub async fn par_slug(&self, slug: &str) -> Result<Actualite, StoreError> {
        let row = actualite::Entity::find()
            .filter(actualite::Column::Slug.eq(slug))
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        self.complete(vec![row])
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }

    /// The news `filtre` selects, and how many there are in all.
    pub async fn liste(
        &self,
        filtre: &FiltreActualites,
    ) -> Result<(Vec<Actualite>, u64), StoreError> {
        let mut query = actualite::Entity::find();
        if filtre.publiees {
            query = query
                .filter(actualite::Column::Etat.eq(EtatActualite::Publiee.as_str()))
                .order_by_desc(actualite::Column::PublieeLe);
        } else {
            query = query.order_by_desc(actualite::Column::UpdatedAt);
        }
        if let Some(e) = filtre.etat {
            query = query.filter(actualite::Column::Etat.eq(e.as_str()));
        }
        if let Some(a) = filtre.auteur {
            query = query.filter(actualite::Column::AuteurUserId.eq(a));
        }
        if let Some(code) = &filtre.metier {
            let ids: Vec<i32> = actualite_metier::Entity::find()
                .select_only()
                .column(actualite_metier::Column::ActualiteId)
                .filter(actualite_metier::Column::CodeRome.eq(code.as_str()))
                .into_tuple()
                .all(self.conn())
                .await?;
            query = query.filter(actualite::Column::Id.is_in(ids));
        }
        if let Some(e) = filtre.evenement {
            let ids: Vec<i32> = actualite_evenement::Entity::find()
                .select_only()
                .column(actualite_evenement::Column::ActualiteId)
                .filter(actualite_evenement::Column::EvenementId.eq(e))
                .into_tuple()
                .all(self.conn())
                .await?;
            query = query.filter(actualite::Column::Id.is_in(ids));
        }
        if let Some(p) = filtre.projet {
            let ids: Vec<i32> = actualite_projet::Entity::find()
                .select_only()
                .column(actualite_projet::Column::ActualiteId)
                .filter(actualite_projet::Column::ProjetId.eq(p))
                .into_tuple()
                .all(self.conn())
                .await?;
            query = query.filter(actualite::Column::Id.is_in(ids));
        }
        let query = query.order_by_desc(actualite::Column::Id);
        let per_page = if filtre.per_page == 0 {
            20
        } else {
            std::cmp::Ord::min(filtre.per_page, 100)
        };
        let pages = query.paginate(self.conn(), per_page);
        let total = pages.num_items().await?;
        let rows = pages.fetch_page(filtre.page).await?;
        Ok((self.complete(rows).await?, total))
    }

    /// The stored image `document_id` of a news item, if it is one.
    pub async fn image(&self, document_id: i32) -> Result<DocumentInfo, StoreError> {
        documents::find(self.conn(), document_id)
            .await?
            .ok_or(StoreError::NotFound)
    }

    async fn complete(&self, rows: Vec<actualite::Model>) -> Result<Vec<Actualite>, StoreError> {
        let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
        let links = actualite_metier::Entity::find()
            .filter(actualite_metier::Column::ActualiteId.is_in(ids.clone()))
            .all(self.conn())
            .await?;
        let codes: Vec<String> = links.iter().map(|l| l.code_rome.clone()).collect();
        let labels: HashMap<String, String> = rome_fiche::Entity::find()
            .filter(rome_fiche::Column::CodeRome.is_in(codes))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|f| (f.code_rome, f.libelle))
            .collect();
        let org_ids: Vec<i32> = rows.iter().filter_map(|r| r.organisation_id).collect();
        let orgs: HashMap<i32, organisation::Model> = organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(org_ids))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|o| (o.id, o))
            .collect();
        let user_ids: Vec<i32> = rows.iter().filter_map(|r| r.auteur_user_id).collect();
        let users: HashMap<i32, user::Model> = user::Entity::find()
            .filter(user::Column::Id.is_in(user_ids))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        let liens_evenements = actualite_evenement::Entity::find()
            .filter(actualite_evenement::Column::ActualiteId.is_in(ids.clone()))
            .all(self.conn())
            .await?;
        let evenements: HashMap<i32, evenement::Model> = evenement::Entity::find()
            .filter(
                evenement::Column::Id.is_in(
                    liens_evenements
                        .iter()
                        .map(|l| l.evenement_id)
                        .collect::<Vec<_>>(),
                ),
            )
            .all(self.conn())
            .await?
            .into_iter()
            .map(|e| (e.id, e))
            .collect();
        let liens_projets = actualite_projet::Entity::find()
            .filter(actualite_projet::Column::ActualiteId.is_in(ids))
            .all(self.conn())
            .await?;
        let projets: HashMap<i32, projet::Model> = projet::Entity::find()
            .filter(
                projet::Column::Id.is_in(
                    liens_projets
                        .iter()
                        .map(|l| l.projet_id)
                        .collect::<Vec<_>>(),
                ),
            )
            .all(self.conn())
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let mut metiers = Vec::new();
            for l in links.iter().filter(|l| l.actualite_id == r.id) {
                let code = CodeRome::parse(&l.code_rome).map_err(|_| {
                    StoreError::Corrupt(format!("actualité {} : ROME « {} »", r.id, l.code_rome))
                })?;
                let label = labels
                    .get(&l.code_rome)
                    .cloned()
                    .unwrap_or_else(|| l.code_rome.clone());
                metiers.push((code, label));
            }
            let auteur = r.auteur_user_id.and_then(|id| users.get(&id));
            out.push(Actualite {
                id: r.id,
                slug: r.slug,
                titre: r.titre,
                resume: r.resume,
                corps: r.corps,
                etat: etat(&r.etat)?,
                motif: r.motif,
                organisation: r
                    .organisation_id
                    .and_then(|id| orgs.get(&id))
                    .map(|o| (o.id, o.nom.clone(), o.slug.clone())),
                auteur_user_id: r.auteur_user_id,
                auteur_nom: auteur.map(|u| u.display_name.clone()),
                auteur_email: auteur.map(|u| u.email.clone()),
                image: r.image_document_id.zip(r.image_alt),
                metiers,
                evenements: liens_evenements
                    .iter()
                    .filter(|l| l.actualite_id == r.id)
                    .filter_map(|l| evenements.get(&l.evenement_id))
                    .map(|e| (e.id, e.slug.clone(), e.titre.clone()))
                    .collect(),
                projets: liens_projets
                    .iter()
                    .filter(|l| l.actualite_id == r.id)
                    .filter_map(|l| projets.get(&l.projet_id))
                    .map(|p| (p.id, p.slug.clone(), p.titre.clone()))
                    .collect(),
                publiee_le: r.publiee_le,
                version: r.version,
                created_at: r.created_at,
                updated_at: r.updated_at,
            });
        }
        Ok(out)
    }
}
