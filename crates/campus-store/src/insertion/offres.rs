//! Offers: posted, edited, closed, imported, listed.
//!
//! Every list of open offers filters on `etat = 'ouverte' AND expire_le >=
//! today` in the query itself, so that an offer leaves the lists the day
//! it expires and the moment its last position is filled.

use std::collections::{BTreeMap, HashMap, HashSet};

use campus_domain::insertion::{EtatOffre, LieuOffre, NouvelleOffre, TypeOffre};
use campus_domain::{CodeCertification, CodeRome, GeoPoint, Niveau};
use chrono::NaiveDate;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

use super::{Insertion, Offre, SourceOffre, date, iso};
use crate::entity::{offre, offre_competence, organisation, rome_fiche, rome_fiche_competence};
use crate::{Counts, StoreError};

/// An offer posted on the platform, checked: the domain's fields, and what
/// the caller resolved against the catalogue (the trade from a job title,
/// the commune from its name, the skills' labels).
#[derive(Debug, Clone, PartialEq)]
pub struct OffreSaisie {
    pub organisation_id: i32,
    pub auteur_user_id: Option<i32>,
    pub offre: NouvelleOffre,
    pub intitule: String,
    pub description: String,
    pub code_rome: CodeRome,
    pub certification: Option<CodeCertification>,
    pub lieu: LieuOffre,
    pub competences: Vec<(i64, String)>,
    pub horaires: Option<String>,
    pub remuneration: Option<String>,
    pub formation_id: Option<String>,
    pub contact_nom: Option<String>,
    pub contact_email: Option<String>,
}

/// An offer read from a partner feed. Its trade and place are what the
/// importer could resolve; the offer is kept either way, with its link to
/// the source.
#[derive(Debug, Clone, PartialEq)]
pub struct OffreImportee {
    pub source: SourceOffre,
    pub source_id: String,
    pub source_lien: String,
    pub type_offre: TypeOffre,
    pub intitule: String,
    pub description: String,
    pub employeur: Option<String>,
    pub code_rome: Option<CodeRome>,
    pub niveau: Option<Niveau>,
    pub commune_insee: Option<String>,
    pub commune_nom: String,
    pub departement: Option<String>,
    pub position: Option<GeoPoint>,
    pub date_debut: Option<NaiveDate>,
    pub duree_mois: Option<u32>,
    pub expire_le: NaiveDate,
    pub competences: Vec<(i64, String)>,
}

/// What importing one offer did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    Inserted,
    Updated,
    Unchanged,
}

/// Which offers to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FiltreOffres {
    /// Only open offers (the public lists); otherwise every state.
    pub ouvertes: bool,
    pub organisation_id: Option<i32>,
    /// Offers of these trades…
    pub codes_rome: Vec<String>,
    /// …or (when both are given) preparing or asking for this
    /// certification.
    pub certification: Option<CodeCertification>,
    pub type_offre: Option<TypeOffre>,
    pub departement: Option<String>,
    pub ids: Option<Vec<i32>>,
}

/// What `creer_offre` and `modifier_offre` write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OffreEcrite {
    pub id: i32,
    pub version: i32,
}

impl Insertion<'_> {
    /// Records an offer posted by a company (or by the campus team for
    /// it); returns its id.
    pub async fn creer_offre(&self, input: &OffreSaisie) -> Result<OffreEcrite, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let id = insert_offre(&txn, input, now).await?;
        crate::generation::bump(&txn).await?;
        txn.commit().await?;
        Ok(OffreEcrite { id, version: 1 })
    }

    /// Replaces an offer's fields. With `version`, the change only applies
    /// to the version the author saw ([`StoreError::Conflict`] otherwise):
    /// two people editing the same offer cannot overwrite each other
    /// unknowingly. Fewer positions than already filled are refused by the
    /// database's check.
    pub async fn modifier_offre(
        &self,
        id: i32,
        input: &OffreSaisie,
        version: Option<i32>,
    ) -> Result<OffreEcrite, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let current = offre::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(StoreError::NotFound)?;
        if version.is_some_and(|v| v != current.version) {
            return Err(StoreError::Conflict("offres.version".into()));
        }
        let mut update = offre::Entity::update_many()
            .filter(offre::Column::Id.eq(id))
            .filter(offre::Column::Version.eq(current.version));
        let mut row = <offre::ActiveModel as Default>::default();
        fill(&mut row, input);
        row.version = Set(current.version + 1);
        row.updated_at = Set(now);
        update = update.set(row);
        if update.exec(&txn).await?.rows_affected != 1 {
            return Err(StoreError::Conflict("offres.version".into()));
        }
        replace_competences(&txn, id, &input.competences).await?;
        crate::generation::bump(&txn).await?;
        txn.commit().await?;
        Ok(OffreEcrite {
            id,
            version: current.version + 1,
        })
    }

    /// Closes an open offer (its author or the campus team): it leaves the
    /// lists at once. Returns whether it was open.
    pub async fn fermer_offre(&self, id: i32) -> Result<bool, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let done = offre::Entity::update_many()
            .col_expr(offre::Column::Etat, Expr::value(EtatOffre::Fermee.as_str()))
            .col_expr(
                offre::Column::Version,
                Expr::col(offre::Column::Version).add(1),
            )
            .col_expr(offre::Column::UpdatedAt, Expr::value(now))
            .filter(offre::Column::Id.eq(id))
            .filter(offre::Column::Etat.eq(EtatOffre::Ouverte.as_str()))
            .exec(&txn)
            .await?;
        if done.rows_affected == 1 {
            crate::generation::bump(&txn).await?;
        }
        txn.commit().await?;
        Ok(done.rows_affected == 1)
    }

    /// Records a partner feed's offers in one transaction: each is found
    /// again by its source and identifier, so that importing the same
    /// feed twice changes nothing; an offer still in the feed stays online
    /// [`campus_domain::insertion::offre::EXPIRY_MONTHS`] more months; an
    /// open offer of that source the feed no longer lists is closed (the
    /// feed is the source's whole list). An offer the campus closed stays
    /// closed.
    pub async fn importer_offres(
        &self,
        source: SourceOffre,
        offers: &[OffreImportee],
    ) -> Result<Counts, StoreError> {
        let now = self.now();
        let txn = self.write().await?;
        let mut counts = Counts::default();
        let mut seen = HashSet::new();
        for input in offers.iter().filter(|o| o.source == source) {
            if !seen.insert(input.source_id.clone()) {
                continue;
            }
            match import_one(&txn, input, now).await? {
                ImportOutcome::Inserted => counts.inserted += 1,
                ImportOutcome::Updated => counts.updated += 1,
                ImportOutcome::Unchanged => counts.unchanged += 1,
            }
        }
        let absent: Vec<i32> = offre::Entity::find()
            .filter(offre::Column::Source.eq(source.as_str()))
            .filter(offre::Column::Etat.eq(EtatOffre::Ouverte.as_str()))
            .all(&txn)
            .await?
            .into_iter()
            .filter(|o| o.source_id.as_ref().is_none_or(|id| !seen.contains(id)))
            .map(|o| o.id)
            .collect();
        for chunk in absent.chunks(500) {
            counts.deleted += offre::Entity::update_many()
                .col_expr(offre::Column::Etat, Expr::value(EtatOffre::Fermee.as_str()))
                .col_expr(
                    offre::Column::Version,
                    Expr::col(offre::Column::Version).add(1),
                )
                .col_expr(offre::Column::UpdatedAt, Expr::value(now))
                .filter(offre::Column::Id.is_in(chunk.to_vec()))
                .exec(&txn)
                .await?
                .rows_affected;
        }
        if counts.inserted + counts.updated + counts.deleted > 0 {
            crate::generation::bump(&txn).await?;
        }
        txn.commit().await?;
        Ok(counts)
    }

    /// One offer, whatever its state.
    pub async fn offre(&self, id: i32) -> Result<Offre, StoreError> {
        let row = offre::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        let mut offers = self.hydrate_offres(vec![row]).await?;
        offers.pop().ok_or(StoreError::NotFound)
    }

    /// Offers matching `filtre`, most recent first.
    pub async fn offres(&self, filtre: &FiltreOffres) -> Result<Vec<Offre>, StoreError> {
        let mut query = offre::Entity::find();
        if filtre.ouvertes {
            query = query.filter(open_condition(self.clock().today()));
        }
        if let Some(id) = filtre.organisation_id {
            query = query.filter(offre::Column::OrganisationId.eq(id));
        }
        let mut about = Condition::any();
        if !filtre.codes_rome.is_empty() {
            about = about.add(offre::Column::CodeRome.is_in(filtre.codes_rome.clone()));
        }
        if let Some(c) = &filtre.certification {
            about = about.add(offre::Column::Certification.eq(c.as_str()));
        }
        if !about.is_empty() {
            query = query.filter(about);
        }
        if let Some(t) = filtre.type_offre {
            query = query.filter(offre::Column::TypeOffre.eq(t.as_str()));
        }
        if let Some(d) = &filtre.departement {
            query = query.filter(offre::Column::Departement.eq(d.as_str()));
        }
        if let Some(ids) = &filtre.ids {
            query = query.filter(offre::Column::Id.is_in(ids.clone()));
        }
        let rows = query
            .order_by_desc(offre::Column::CreatedAt)
            .order_by_desc(offre::Column::Id)
            .all(self.conn())
            .await?;
        self.hydrate_offres(rows).await
    }

    /// The offers still marked open whose expiry date has passed: out of
    /// every list already, to be taken out of the search indexes.
    pub async fn offres_expirees(&self) -> Result<Vec<i32>, StoreError> {
        Ok(offre::Entity::find()
            .filter(offre::Column::Etat.eq(EtatOffre::Ouverte.as_str()))
            .filter(offre::Column::ExpireLe.lt(iso(self.clock().today())))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|o| o.id)
            .collect())
    }

    /// How many offers are open today.
    pub async fn count_offres_ouvertes(&self) -> Result<u64, StoreError> {
        Ok(offre::Entity::find()
            .filter(open_condition(self.clock().today()))
            .count(self.conn())
            .await?)
    }

    /// The skills a trade's ROME fiche lists as core (« cœur de métier »),
    /// with their labels: what a new offer's skill list starts from. A
    /// fiche that flags none gives all its skills.
    pub async fn competences_du_metier(
        &self,
        code: &CodeRome,
    ) -> Result<Vec<(i64, String)>, StoreError> {
        let links = rome_fiche_competence::Entity::find()
            .filter(rome_fiche_competence::Column::CodeRome.eq(code.as_str()))
            .all(self.conn())
            .await?;
        let core: Vec<i64> = links
            .iter()
            .filter(|l| l.coeur.as_deref() == Some("principale"))
            .map(|l| l.code_ogr)
            .collect();
        let codes = if core.is_empty() {
            links.iter().map(|l| l.code_ogr).collect()
        } else {
            core
        };
        self.libelles_competences(&codes).await
    }

    /// The labels of ROME skills, in the order given; unknown codes are
    /// left out.
    pub async fn libelles_competences(
        &self,
        codes: &[i64],
    ) -> Result<Vec<(i64, String)>, StoreError> {
        let found: HashMap<i64, String> = crate::entity::rome_competence::Entity::find()
            .filter(crate::entity::rome_competence::Column::CodeOgr.is_in(codes.to_vec()))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|c| (c.code_ogr, c.libelle))
            .collect();
        Ok(codes
            .iter()
            .filter_map(|c| found.get(c).map(|l| (*c, l.clone())))
            .collect())
    }

    /// Rows to offers, with their organisation, trade label and skills.
    async fn hydrate_offres(&self, rows: Vec<offre::Model>) -> Result<Vec<Offre>, StoreError> {
        let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
        let orgs: HashSet<i32> = rows.iter().filter_map(|r| r.organisation_id).collect();
        let romes: HashSet<String> = rows.iter().filter_map(|r| r.code_rome.clone()).collect();
        let mut competences: BTreeMap<i32, Vec<(i64, String)>> = BTreeMap::new();
        for chunk in ids.chunks(500) {
            for c in offre_competence::Entity::find()
                .filter(offre_competence::Column::OffreId.is_in(chunk.to_vec()))
                .order_by_asc(offre_competence::Column::OffreId)
                .order_by_asc(offre_competence::Column::CodeOgr)
                .all(self.conn())
                .await?
            {
                competences
                    .entry(c.offre_id)
                    .or_default()
                    .push((c.code_ogr, c.libelle));
            }
        }
        let orgs: HashMap<i32, organisation::Model> = if orgs.is_empty() {
            HashMap::new()
        } else {
            organisation::Entity::find()
                .filter(organisation::Column::Id.is_in(orgs))
                .all(self.conn())
                .await?
                .into_iter()
                .map(|o| (o.id, o))
                .collect()
        };
        let romes: HashMap<String, String> = if romes.is_empty() {
            HashMap::new()
        } else {
            rome_fiche::Entity::find()
                .filter(rome_fiche::Column::CodeRome.is_in(romes))
                .all(self.conn())
                .await?
                .into_iter()
                .map(|f| (f.code_rome, f.libelle))
                .collect()
        };
        rows.into_iter()
            .map(|r| {
                let org = r.organisation_id.and_then(|id| orgs.get(&id));
                let skills = competences.remove(&r.id).unwrap_or_default();
                to_offre(r, org, &romes, skills)
            })
            .collect()
    }
}

/// Inserts a posted offer with its skills, on `conn`; returns its id.
pub(crate) async fn insert_offre<C: ConnectionTrait>(
    conn: &C,
    input: &OffreSaisie,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<i32, StoreError> {
    let mut row = offre::ActiveModel {
        source: Set(SourceOffre::Campus.as_str().to_owned()),
        etat: Set(EtatOffre::Ouverte.as_str().to_owned()),
        postes_pourvus: Set(0),
        version: Set(1),
        created_at: Set(now),
        ..Default::default()
    };
    fill(&mut row, input);
    row.updated_at = Set(now);
    let id = row.insert(conn).await?.id;
    replace_competences(conn, id, &input.competences).await?;
    Ok(id)
}

/// Inserts or refreshes one imported offer.
async fn import_one<C: ConnectionTrait>(
    conn: &C,
    input: &OffreImportee,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<ImportOutcome, StoreError> {
    let existing = offre::Entity::find()
        .filter(offre::Column::Source.eq(input.source.as_str()))
        .filter(offre::Column::SourceId.eq(input.source_id.as_str()))
        .one(conn)
        .await?;
    let mut row = offre::ActiveModel {
        source: Set(input.source.as_str().to_owned()),
        source_id: Set(Some(input.source_id.clone())),
        source_lien: Set(Some(input.source_lien.clone())),
        type_offre: Set(input.type_offre.as_str().to_owned()),
        intitule: Set(input.intitule.clone()),
        description: Set(input.description.clone()),
        employeur: Set(input.employeur.clone()),
        code_rome: Set(input.code_rome.as_ref().map(|c| c.as_str().to_owned())),
        niveau: Set(input.niveau.map(|n| i16::from(n.value()))),
        commune_insee: Set(input.commune_insee.clone()),
        commune_nom: Set(input.commune_nom.clone()),
        departement: Set(input.departement.clone()),
        latitude: Set(input.position.map(GeoPoint::lat)),
        longitude: Set(input.position.map(GeoPoint::lon)),
        date_debut: Set(input.date_debut.map(iso)),
        duree_mois: Set(input.duree_mois.map(|m| m as i32)),
        postes: Set(1),
        expire_le: Set(iso(input.expire_le)),
        ..Default::default()
    };
    let Some(current) = existing else {
        row.etat = Set(EtatOffre::Ouverte.as_str().to_owned());
        row.postes_pourvus = Set(0);
        row.version = Set(1);
        row.created_at = Set(now);
        row.updated_at = Set(now);
        let id = row.insert(conn).await?.id;
        replace_competences(conn, id, &input.competences).await?;
        return Ok(ImportOutcome::Inserted);
    };
    // An expiry the campus set later than the feed's stays.
    let expire_le = Ord::max(iso(input.expire_le), current.expire_le.clone());
    let same = current.type_offre == input.type_offre.as_str()
        && current.intitule == input.intitule
        && current.description == input.description
        && current.employeur == input.employeur
        && current.code_rome.as_deref() == input.code_rome.as_ref().map(|c| c.as_str())
        && current.source_lien.as_deref() == Some(input.source_lien.as_str())
        && current.commune_nom == input.commune_nom
        && current.commune_insee == input.commune_insee
        && current.date_debut == input.date_debut.map(iso)
        && current.duree_mois == input.duree_mois.map(|m| m as i32)
        && current.niveau == input.niveau.map(|n| i16::from(n.value()))
        && current.expire_le == expire_le;
    if same {
        return Ok(ImportOutcome::Unchanged);
    }
    row.expire_le = Set(expire_le);
    // The campus's decisions stay: state and positions.
    row.postes = sea_orm::ActiveValue::NotSet;
    row.version = Set(current.version + 1);
    row.updated_at = Set(now);
    offre::Entity::update_many()
        .set(row)
        .filter(offre::Column::Id.eq(current.id))
        .exec(conn)
        .await?;
    replace_competences(conn, current.id, &input.competences).await?;
    Ok(ImportOutcome::Updated)
}

/// Open today: not closed nor filled, not expired.
pub(crate) fn open_condition(today: NaiveDate) -> Condition {
    Condition::all()
        .add(offre::Column::Etat.eq(EtatOffre::Ouverte.as_str()))
        .add(offre::Column::ExpireLe.gte(iso(today)))
}

fn fill(row: &mut offre::ActiveModel, input: &OffreSaisie) {
    let o = &input.offre;
    row.organisation_id = Set(Some(input.organisation_id));
    row.auteur_user_id = Set(input.auteur_user_id);
    row.type_offre = Set(o.type_offre.as_str().to_owned());
    row.intitule = Set(input.intitule.clone());
    row.description = Set(input.description.clone());
    row.code_rome = Set(Some(input.code_rome.as_str().to_owned()));
    row.niveau = Set(o.niveau.map(|n| i16::from(n.value())));
    row.certification = Set(input.certification.as_ref().map(|c| c.as_str().to_owned()));
    row.commune_insee = Set(Some(input.lieu.commune_insee.clone()));
    row.commune_nom = Set(input.lieu.commune_nom.clone());
    row.departement = Set(input.lieu.departement.clone());
    row.latitude = Set(Some(input.lieu.position.lat()));
    row.longitude = Set(Some(input.lieu.position.lon()));
    row.date_debut = Set(Some(iso(o.date_debut)));
    row.duree_mois = Set(o.duree_mois.map(|m| m as i32));
    row.postes = Set(o.postes as i32);
    row.horaires = Set(input.horaires.clone());
    row.remuneration = Set(input.remuneration.clone());
    row.formation_id = Set(input.formation_id.clone());
    row.contact_nom = Set(input.contact_nom.clone());
    row.contact_email = Set(input.contact_email.clone());
    row.expire_le = Set(iso(o.expire_le));
}

async fn replace_competences<C: ConnectionTrait>(
    conn: &C,
    id: i32,
    competences: &[(i64, String)],
) -> Result<(), StoreError> {
    offre_competence::Entity::delete_many()
        .filter(offre_competence::Column::OffreId.eq(id))
        .exec(conn)
        .await?;
    let mut seen = HashSet::new();
    let rows: Vec<offre_competence::ActiveModel> = competences
        .iter()
        .filter(|(code, _)| seen.insert(*code))
        .map(|(code, libelle)| offre_competence::ActiveModel {
            offre_id: Set(id),
            code_ogr: Set(*code),
            libelle: Set(libelle.clone()),
        })
        .collect();
    if !rows.is_empty() {
        offre_competence::Entity::insert_many(rows)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}

fn to_offre(
    r: offre::Model,
    org: Option<&organisation::Model>,
    romes: &HashMap<String, String>,
    competences: Vec<(i64, String)>,
) -> Result<Offre, StoreError> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("offre {} : {what}", r.id));
    let code_rome = r
        .code_rome
        .as_deref()
        .map(CodeRome::parse)
        .transpose()
        .map_err(|_| corrupt("code ROME"))?;
    let metier_libelle = code_rome
        .as_ref()
        .and_then(|c| romes.get(c.as_str()).cloned());
    Ok(Offre {
        id: r.id,
        organisation_id: r.organisation_id,
        organisation_nom: org.map(|o| o.nom.clone()),
        organisation_slug: org.map(|o| o.slug.clone()),
        auteur_user_id: r.auteur_user_id,
        source: SourceOffre::parse(&r.source).ok_or_else(|| corrupt("source"))?,
        source_id: r.source_id,
        source_lien: r.source_lien,
        type_offre: TypeOffre::parse(&r.type_offre).map_err(|_| corrupt("type"))?,
        intitule: r.intitule,
        description: r.description,
        code_rome,
        metier_libelle,
        employeur: org.map(|o| o.nom.clone()).or(r.employeur),
        niveau: r
            .niveau
            .and_then(|n| u8::try_from(n).ok())
            .and_then(Niveau::new),
        certification: r
            .certification
            .as_deref()
            .and_then(|c| CodeCertification::parse(c).ok()),
        commune_insee: r.commune_insee,
        commune_nom: r.commune_nom,
        departement: r.departement,
        position: GeoPoint::from_columns(r.latitude, r.longitude),
        date_debut: r
            .date_debut
            .as_deref()
            .map(|d| date(d, "date de début"))
            .transpose()?,
        duree_mois: r.duree_mois.and_then(|m| u32::try_from(m).ok()),
        postes: u32::try_from(r.postes).unwrap_or(1),
        postes_pourvus: u32::try_from(r.postes_pourvus).unwrap_or(0),
        horaires: r.horaires,
        remuneration: r.remuneration,
        formation_id: r.formation_id,
        contact_nom: r.contact_nom,
        contact_email: r.contact_email,
        expire_le: date(&r.expire_le, "expiration")?,
        etat: EtatOffre::parse(&r.etat).map_err(|_| corrupt("état"))?,
        version: r.version,
        competences,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}
