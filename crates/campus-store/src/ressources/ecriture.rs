//! Writing resources: creation, edition, the moderation, file versions,
//! the events that use them, and the result of a link's check.

use campus_domain::CodeRome;
use campus_domain::ressource::{ActionModeration, EtatRessource, NouvelleRessource};
use campus_domain::slugify;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use super::{Lien, Ressources, iso};
use crate::documents::{self, NouveauDocument};
use crate::entity::{evenement_ressource, ressource, ressource_fichier, ressource_lien};
use crate::outbox::{self, OutgoingMail};
use crate::{StoreError, slugs};

/// A resource as written by its form or the API: its checked fields and
/// its links to the network and the catalogue, resolved by the caller.
#[derive(Debug, Clone, PartialEq)]
pub struct RessourceEcrite {
    pub champs: NouvelleRessource,
    /// The organisation it belongs to (required for an organisation-only
    /// resource).
    pub organisation_id: Option<i32>,
    pub metiers: Vec<CodeRome>,
    pub certifications: Vec<String>,
    pub blocs: Vec<String>,
    pub equipements: Vec<i32>,
}

/// A file just stored in the document store, to add as the next version.
pub type NouveauFichier = NouveauDocument;

/// Why a moderation step was refused; nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum ModerationError {
    /// The resource is not in a state the action starts from (another
    /// reviewer decided first, or the author already resubmitted).
    #[error("la ressource a changé entre-temps")]
    Perime,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for ModerationError {
    fn from(err: sea_orm::DbErr) -> Self {
        ModerationError::Store(err.into())
    }
}

impl Ressources<'_> {
    /// Creates a resource: proposed to the campus team's review, or
    /// approved at once when `approuvee` (the campus team publishes
    /// directly). `mails` (the team's notice) go out with it.
    pub async fn creer(
        &self,
        input: &RessourceEcrite,
        auteur: i32,
        approuvee: bool,
        mails: Vec<OutgoingMail>,
    ) -> Result<(i32, String), StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let etat = if approuvee {
            EtatRessource::Approuvee
        } else {
            EtatRessource::Proposee
        };
        let (id, slug) = insert(&txn, input, Some(auteur), etat, now).await?;
        outbox::enqueue(&txn, mails, now).await?;
        if approuvee {
            crate::generation::bump(&txn).await?;
        }
        txn.commit().await?;
        Ok((id, slug))
    }

    /// Rewrites a resource's fields and links. An edit by someone other
    /// than the campus team goes back to the review: what was approved is
    /// no longer what is shown.
    pub async fn modifier(
        &self,
        id: i32,
        input: &RessourceEcrite,
        par_equipe: bool,
    ) -> Result<(), StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let current = ressource::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let c = &input.champs;
        let lien_change = current.lien.as_deref() != c.lien.as_ref().map(|l| l.as_str());
        let mut row: ressource::ActiveModel = current.into();
        row.titre = Set(c.titre.clone());
        row.description = Set(c.description.clone());
        row.type_ressource = Set(c.type_ressource.as_str().to_owned());
        row.licence = Set(c.licence.as_str().to_owned());
        row.visibilite = Set(c.visibilite.as_str().to_owned());
        row.langue = Set(c.langue.as_str().to_owned());
        row.duree_minutes = Set(c.duree_minutes.and_then(|m| i32::try_from(m).ok()));
        row.version_libelle = Set(c.version.clone());
        row.date_version = Set(iso(c.date_version));
        row.auteurs = Set(c.auteurs.clone());
        row.lien = Set(c.lien.as_ref().map(|l| l.as_str().to_owned()));
        if lien_change {
            row.lien_casse = Set(false);
            row.lien_signale = Set(false);
            row.lien_verifie_le = Set(None);
        }
        row.organisation_id = Set(input.organisation_id);
        if !par_equipe {
            row.etat = Set(EtatRessource::Proposee.as_str().to_owned());
            row.motif = Set(None);
        }
        row.updated_at = Set(now);
        row.update(&txn).await?;
        ressource_lien::Entity::delete_many()
            .filter(ressource_lien::Column::RessourceId.eq(id))
            .exec(&txn)
            .await?;
        write_links(&txn, id, input).await?;
        crate::generation::bump(&txn).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Takes a moderation step as one conditional update (the state must
    /// be one the action starts from), with `motif` for a sending back and
    /// `mails` to the author, in one transaction; returns the new state.
    pub async fn moderer(
        &self,
        id: i32,
        action: ActionModeration,
        motif: Option<String>,
        mails: Vec<OutgoingMail>,
    ) -> Result<EtatRessource, ModerationError> {
        let now = self.now();
        let sources: Vec<&str> = action.sources().iter().map(|e| e.as_str()).collect();
        let Some(to) = action.sources().first().and_then(|e| action.apply(*e)) else {
            return Err(ModerationError::Perime);
        };
        let txn = self.write().await?;
        let done = ressource::Entity::update_many()
            .col_expr(ressource::Column::Etat, Expr::value(to.as_str()))
            .col_expr(ressource::Column::Motif, Expr::value(motif))
            .col_expr(ressource::Column::UpdatedAt, Expr::value(now))
            .filter(ressource::Column::Id.eq(id))
            .filter(ressource::Column::Etat.is_in(sources))
            .exec(&txn)
            .await?
            .rows_affected
            == 1;
        if !done {
            return Err(match ressource::Entity::find_by_id(id).one(&txn).await? {
                Some(_) => ModerationError::Perime,
                None => StoreError::NotFound.into(),
            });
        }
        outbox::enqueue(&txn, mails, now).await?;
        crate::generation::bump(&txn).await?;
        txn.commit().await?;
        Ok(to)
    }

    /// Registers a stored file as the next version of the resource's
    /// file; returns its version number. Earlier versions stay.
    pub async fn deposer_fichier(
        &self,
        id: i32,
        fichier: &NouveauFichier,
        acteur: i32,
    ) -> Result<i32, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        ressource::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        let version = ressource_fichier::Entity::find()
            .filter(ressource_fichier::Column::RessourceId.eq(id))
            .order_by_desc(ressource_fichier::Column::Version)
            .one(&txn)
            .await?
            .map_or(1, |f| f.version + 1);
        let document_id = documents::register(&txn, fichier, now).await?;
        ressource_fichier::ActiveModel {
            ressource_id: Set(id),
            version: Set(version),
            document_id: Set(document_id),
            depose_par_user_id: Set(Some(acteur)),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
        ressource::Entity::update_many()
            .col_expr(ressource::Column::UpdatedAt, Expr::value(now))
            .filter(ressource::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        Ok(version)
    }

    /// Sets the resources an event uses (its organiser picks them).
    pub async fn choisir_pour_evenement(
        &self,
        evenement_id: i32,
        ressources: &[i32],
    ) -> Result<(), StoreError> {
        let txn = self.write().await?;
        evenement_ressource::Entity::delete_many()
            .filter(evenement_ressource::Column::EvenementId.eq(evenement_id))
            .exec(&txn)
            .await?;
        let mut ids = ressources.to_vec();
        ids.sort_unstable();
        ids.dedup();
        if !ids.is_empty() {
            evenement_ressource::Entity::insert_many(ids.into_iter().map(|r| {
                evenement_ressource::ActiveModel {
                    evenement_id: Set(evenement_id),
                    ressource_id: Set(r),
                }
            }))
            .exec(&txn)
            .await?;
        }
        txn.commit().await?;
        Ok(())
    }

    /// The resources with an external link not checked since `avant`,
    /// with the link.
    pub async fn liens_a_verifier(
        &self,
        avant: DateTime<Utc>,
    ) -> Result<Vec<(i32, String)>, StoreError> {
        Ok(ressource::Entity::find()
            .filter(ressource::Column::Lien.is_not_null())
            .filter(
                Condition::any()
                    .add(ressource::Column::LienVerifieLe.is_null())
                    .add(ressource::Column::LienVerifieLe.lt(avant)),
            )
            .order_by_asc(ressource::Column::Id)
            .all(self.conn())
            .await?
            .into_iter()
            .filter_map(|r| r.lien.map(|l| (r.id, l)))
            .collect())
    }

    /// Records a check of the resource's link. A broken link is flagged
    /// and `mail` (to the author) queued only the first time: the flag
    /// `lien_signale` is set by the same conditional update. A good check
    /// clears both. Returns whether the author was told now.
    pub async fn lien_verifie(
        &self,
        id: i32,
        ok: bool,
        mail: Option<OutgoingMail>,
    ) -> Result<bool, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        ressource::Entity::update_many()
            .col_expr(ressource::Column::LienVerifieLe, Expr::value(now))
            .col_expr(ressource::Column::LienCasse, Expr::value(!ok))
            .filter(ressource::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        let told = if ok {
            ressource::Entity::update_many()
                .col_expr(ressource::Column::LienSignale, Expr::value(false))
                .filter(ressource::Column::Id.eq(id))
                .exec(&txn)
                .await?;
            false
        } else {
            let first = ressource::Entity::update_many()
                .col_expr(ressource::Column::LienSignale, Expr::value(true))
                .filter(ressource::Column::Id.eq(id))
                .filter(ressource::Column::LienSignale.eq(false))
                .exec(&txn)
                .await?
                .rows_affected
                == 1;
            if first {
                outbox::enqueue(&txn, mail, now).await?;
            }
            first
        };
        txn.commit().await?;
        Ok(told)
    }
}

/// Inserts a resource with its links.
pub(crate) async fn insert<C: ConnectionTrait>(
    conn: &C,
    input: &RessourceEcrite,
    auteur: Option<i32>,
    etat: EtatRessource,
    now: DateTime<Utc>,
) -> Result<(i32, String), StoreError> {
    let c = &input.champs;
    let slug =
        slugs::free_slug::<ressource::Entity, _>(conn, ressource::Column::Slug, &slugify(&c.titre))
            .await?;
    let row = ressource::ActiveModel {
        slug: Set(slug.clone()),
        titre: Set(c.titre.clone()),
        description: Set(c.description.clone()),
        type_ressource: Set(c.type_ressource.as_str().to_owned()),
        licence: Set(c.licence.as_str().to_owned()),
        visibilite: Set(c.visibilite.as_str().to_owned()),
        etat: Set(etat.as_str().to_owned()),
        motif: Set(None),
        langue: Set(c.langue.as_str().to_owned()),
        duree_minutes: Set(c.duree_minutes.and_then(|m| i32::try_from(m).ok())),
        version_libelle: Set(c.version.clone()),
        date_version: Set(iso(c.date_version)),
        auteurs: Set(c.auteurs.clone()),
        lien: Set(c.lien.as_ref().map(|l| l.as_str().to_owned())),
        lien_casse: Set(false),
        lien_verifie_le: Set(None),
        lien_signale: Set(false),
        organisation_id: Set(input.organisation_id),
        auteur_user_id: Set(auteur),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    write_links(conn, row.id, input).await?;
    Ok((row.id, slug))
}

async fn write_links<C: ConnectionTrait>(
    conn: &C,
    id: i32,
    input: &RessourceEcrite,
) -> Result<(), StoreError> {
    let c = &input.champs;
    let mut rows: Vec<(Lien, String)> = Vec::new();
    rows.extend(
        c.audiences
            .iter()
            .map(|a| (Lien::Audience, a.as_str().to_owned())),
    );
    rows.extend(
        c.niveaux
            .iter()
            .map(|n| (Lien::Niveau, n.value().to_string())),
    );
    rows.extend(
        input
            .metiers
            .iter()
            .map(|m| (Lien::Metier, m.as_str().to_owned())),
    );
    rows.extend(
        input
            .certifications
            .iter()
            .map(|m| (Lien::Certification, m.clone())),
    );
    rows.extend(input.blocs.iter().map(|m| (Lien::Bloc, m.clone())));
    rows.extend(
        input
            .equipements
            .iter()
            .map(|e| (Lien::Equipement, e.to_string())),
    );
    rows.sort_by(|a, b| (a.0.as_str(), &a.1).cmp(&(b.0.as_str(), &b.1)));
    rows.dedup();
    if !rows.is_empty() {
        ressource_lien::Entity::insert_many(rows.into_iter().map(|(lien, valeur)| {
            ressource_lien::ActiveModel {
                ressource_id: Set(id),
                lien: Set(lien.as_str().to_owned()),
                valeur: Set(valeur),
            }
        }))
        .exec(conn)
        .await?;
    }
    Ok(())
}
