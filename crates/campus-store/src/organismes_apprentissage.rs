//! The national catalogue of apprenticeship training organisations in
//! the directory.
//!
//! An organisation is known by its SIRET. One the catalogue brings that
//! the directory lacks is added with the origin `catalogue_apprentissage`
//! (referenced, not yet a member); a newer catalogue updates it. One the
//! network wrote itself (or edited since) keeps what it wrote: the
//! catalogue only fills what is missing (UAI, address, position). An
//! organisation a newer catalogue no longer lists stays: events, members
//! or trainings may point to it.
//!
//! A UAI names one establishment in the directory. The catalogue lists
//! some under two SIRETs (a chamber's head office and its school): the
//! first keeps the UAI, the next is stored without it and reported.

use std::collections::HashMap;

use campus_domain::mobilite::Pays;
use campus_domain::{OrganismeApprentissage, OrigineOrganisation, slugify};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, Set};

use crate::entity::{commune, organisation};
use crate::sync::Counts;
use crate::{Store, StoreError, generation, slugs};

/// An import of the catalogue under way.
pub struct OrganismesImport {
    txn: DatabaseTransaction,
    now: DateTime<Utc>,
    /// The directory by SIRET.
    by_siret: HashMap<String, organisation::Model>,
    /// The SIRET (or, for an organisation without one, the slug) holding
    /// each UAI.
    by_uai: HashMap<String, String>,
    /// Commune names by INSEE code, to name a town as the COG writes it.
    communes: HashMap<String, String>,
    counts: Counts,
}

impl Store {
    pub async fn begin_organismes_import(&self) -> Result<OrganismesImport, StoreError> {
        let txn = self.write().await?;
        let all = organisation::Entity::find().all(&txn).await?;
        let by_uai = all
            .iter()
            .filter_map(|o| {
                let holder = o.siret.clone().unwrap_or_else(|| o.slug.clone());
                Some((o.uai.clone()?, holder))
            })
            .collect();
        let by_siret = all
            .into_iter()
            .filter_map(|o| Some((o.siret.clone()?, o)))
            .collect();
        let communes = commune::Entity::find()
            .all(&txn)
            .await?
            .into_iter()
            .map(|c| (c.code_insee, c.nom))
            .collect();
        Ok(OrganismesImport {
            txn,
            now: self.now(),
            by_siret,
            by_uai,
            communes,
            counts: Counts::default(),
        })
    }
}

/// `value` where `slot` is empty; whether it changed.
fn fill<T: PartialEq + Clone>(slot: &mut Option<T>, value: Option<T>) -> bool {
    if slot.is_none() && value.is_some() {
        *slot = value;
        true
    } else {
        false
    }
}

impl OrganismesImport {
    /// Adds or updates one organisation (a SIRET listed twice keeps its
    /// last description). Says why when its UAI, held by another
    /// organisation, was left out.
    pub async fn organisme(
        &mut self,
        o: OrganismeApprentissage,
    ) -> Result<Option<String>, StoreError> {
        let commune = o
            .commune_insee
            .as_ref()
            .and_then(|code| self.communes.get(code).cloned())
            .or(o.commune.clone());
        let siret = o.siret.as_str().to_owned();
        // Within the directory's columns (PostgreSQL enforces them).
        let clip = |text: &str, max: usize| text.chars().take(max).collect::<String>();
        let commune = commune.map(|c| clip(&c, 120));
        let mut note = None;
        let uai = match o.uai.as_ref().map(|u| u.as_str().to_owned()) {
            Some(uai) => match self.by_uai.get(&uai) {
                Some(holder) if *holder != siret => {
                    note = Some(format!(
                        "UAI {uai} déjà porté par l'organisation {holder} : {} (SIRET {siret}) est enregistré sans UAI",
                        o.nom
                    ));
                    None
                }
                _ => {
                    self.by_uai.insert(uai.clone(), siret.clone());
                    Some(uai)
                }
            },
            None => None,
        };
        let mut row = organisation::Model {
            id: 0,
            slug: String::new(),
            nom: clip(&o.nom, 200),
            kind: o.kind.as_str().to_owned(),
            siret: Some(siret.clone()),
            uai,
            description: String::new(),
            adresse: o.adresse.as_deref().map(|a| clip(a, 250)),
            code_postal: o.code_postal.as_ref().map(|c| c.as_str().to_owned()),
            commune,
            departement: o.departement.map(|d| d.as_str().to_owned()),
            site_web: None,
            email_contact: None,
            created_at: self.now,
            updated_at: self.now,
            jeton_ical: None,
            origine: OrigineOrganisation::CatalogueApprentissage
                .as_str()
                .to_owned(),
            latitude: o.position.map(|p| p.lat()),
            longitude: o.position.map(|p| p.lon()),
            pays: Pays::FRANCE.as_str().to_owned(),
        };
        let Some(existing) = self.by_siret.get(&siret).cloned() else {
            let base = slugify(&format!(
                "{} {}",
                row.nom,
                row.commune.as_deref().unwrap_or_default()
            ));
            row.slug = slugs::free_slug::<organisation::Entity, _>(
                &self.txn,
                organisation::Column::Slug,
                &base,
            )
            .await?;
            let mut active = row.clone().into_active_model();
            active.id = sea_orm::ActiveValue::NotSet;
            let inserted = active.insert(&self.txn).await?;
            self.by_siret.insert(siret, inserted);
            self.counts.inserted += 1;
            return Ok(note);
        };
        let mut next = existing.clone();
        let changed = if existing.origine == OrigineOrganisation::Reseau.as_str() {
            let mut changed = fill(&mut next.uai, row.uai);
            changed |= fill(&mut next.adresse, row.adresse);
            changed |= fill(&mut next.code_postal, row.code_postal);
            changed |= fill(&mut next.commune, row.commune);
            changed |= fill(&mut next.departement, row.departement);
            if next.latitude.is_none() && next.longitude.is_none() && row.latitude.is_some() {
                next.latitude = row.latitude;
                next.longitude = row.longitude;
                changed = true;
            }
            changed
        } else {
            next.nom = row.nom;
            next.kind = row.kind;
            if row.uai.is_some() || note.is_none() {
                next.uai = row.uai;
            }
            next.adresse = row.adresse;
            next.code_postal = row.code_postal;
            next.commune = row.commune;
            next.departement = row.departement;
            next.latitude = row.latitude;
            next.longitude = row.longitude;
            next != existing
        };
        if changed {
            next.updated_at = self.now;
            let mut active: organisation::ActiveModel = existing.into();
            active.nom = Set(next.nom.clone());
            active.kind = Set(next.kind.clone());
            active.uai = Set(next.uai.clone());
            active.adresse = Set(next.adresse.clone());
            active.code_postal = Set(next.code_postal.clone());
            active.commune = Set(next.commune.clone());
            active.departement = Set(next.departement.clone());
            active.latitude = Set(next.latitude);
            active.longitude = Set(next.longitude);
            active.updated_at = Set(next.updated_at);
            active.update(&self.txn).await?;
            self.by_siret.insert(siret, next);
            self.counts.updated += 1;
        } else {
            self.counts.unchanged += 1;
        }
        Ok(note)
    }

    pub async fn commit(self) -> Result<Vec<(&'static str, Counts)>, StoreError> {
        let counts = vec![("organisations", self.counts)];
        generation::bump_if_changed(&self.txn, &counts).await?;
        self.txn.commit().await?;
        Ok(counts)
    }
}
