//! The ROME referential in the catalogue: its import, in one transaction,
//! and the reading of a trade's page.

use std::collections::BTreeMap;

use campus_domain::CodeRome;
use campus_domain::rome::{
    Appellation, Classement, ClassementKind, Competence, Contexte, Fiche, FicheClassement,
    FicheCompetence, FicheContexte, Mobilite, Texte,
};
use sea_orm::{
    ColumnTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};

use crate::entity::{
    rome_appellation, rome_classement, rome_competence, rome_contexte, rome_fiche,
    rome_fiche_classement, rome_fiche_competence, rome_fiche_contexte, rome_mobilite, rome_texte,
};
use crate::sync::{Counts, Sync};
use crate::{Store, StoreError};

/// An import of the ROME referential under way. Nothing is visible to
/// others before [`RomeImport::commit`]; dropping it (an error, a kill)
/// rolls everything back.
pub struct RomeImport {
    txn: DatabaseTransaction,
    fiches: Sync<rome_fiche::Entity>,
    appellations: Sync<rome_appellation::Entity>,
    skills: Sync<rome_competence::Entity>,
    fiche_competences: Sync<rome_fiche_competence::Entity>,
    contextes: Sync<rome_contexte::Entity>,
    fiche_contextes: Sync<rome_fiche_contexte::Entity>,
    mobilites: Sync<rome_mobilite::Entity>,
    textes: Sync<rome_texte::Entity>,
    classements: Sync<rome_classement::Entity>,
    fiche_classements: Sync<rome_fiche_classement::Entity>,
}

impl Store {
    pub async fn begin_rome_import(&self) -> Result<RomeImport, StoreError> {
        let txn = self.write().await?;
        Ok(RomeImport {
            fiches: Sync::load(&txn, |m: &rome_fiche::Model| m.code_rome.clone()).await?,
            appellations: Sync::load(&txn, |m: &rome_appellation::Model| m.code_ogr.to_string())
                .await?,
            skills: Sync::load(&txn, |m: &rome_competence::Model| m.code_ogr.to_string()).await?,
            fiche_competences: Sync::load(&txn, |m: &rome_fiche_competence::Model| {
                format!("{}/{}", m.code_rome, m.code_ogr)
            })
            .await?,
            contextes: Sync::load(&txn, |m: &rome_contexte::Model| m.code_ogr.to_string()).await?,
            fiche_contextes: Sync::load(&txn, |m: &rome_fiche_contexte::Model| {
                format!("{}/{}", m.code_rome, m.code_ogr)
            })
            .await?,
            mobilites: Sync::load(&txn, |m: &rome_mobilite::Model| {
                format!("{}/{}", m.code_rome, m.cible)
            })
            .await?,
            textes: Sync::load(&txn, |m: &rome_texte::Model| {
                format!("{}/{}/{}", m.code_rome, m.kind, m.position)
            })
            .await?,
            classements: Sync::load(&txn, |m: &rome_classement::Model| {
                format!("{}/{}", m.kind, m.code)
            })
            .await?,
            fiche_classements: Sync::load(&txn, |m: &rome_fiche_classement::Model| {
                format!("{}/{}/{}", m.kind, m.code, m.code_rome)
            })
            .await?,
            txn,
        })
    }
}

impl RomeImport {
    /// Whether the fiche is known (stored or imported in this run): links
    /// to unknown fiches are kept but reported.
    pub fn knows_fiche(&self, code: &CodeRome) -> bool {
        self.fiches.contains(code.as_str())
    }

    pub fn knows_competence(&self, code_ogr: i64) -> bool {
        self.skills.contains(&code_ogr.to_string())
    }

    pub fn knows_contexte(&self, code_ogr: i64) -> bool {
        self.contextes.contains(&code_ogr.to_string())
    }

    pub async fn fiche(&mut self, f: Fiche) -> Result<bool, StoreError> {
        let model = rome_fiche::Model {
            code_rome: f.code.as_str().to_owned(),
            libelle: f.libelle,
            code_ogr: f.code_ogr,
            grand_domaine_code: f.grand_domaine_code,
            grand_domaine_libelle: f.grand_domaine_libelle,
            domaine_code: f.domaine_code,
            domaine_libelle: f.domaine_libelle,
            emploi_reglemente: f.emploi_reglemente,
            emploi_cadre: f.emploi_cadre,
            transition_eco: f.transition_eco,
            transition_num: f.transition_num,
            transition_demo: f.transition_demo,
            riasec_majeur: f.riasec_majeur,
            riasec_mineur: f.riasec_mineur,
            code_rome_parent: f.parent.map(|p| p.as_str().to_owned()),
        };
        self.fiches.push(&self.txn, model).await
    }

    pub async fn appellation(&mut self, a: Appellation) -> Result<bool, StoreError> {
        let model = rome_appellation::Model {
            code_ogr: a.code_ogr,
            code_rome: a.code_rome.as_str().to_owned(),
            libelle: a.libelle,
            libelle_court: a.libelle_court,
            peu_usite: a.peu_usite,
        };
        self.appellations.push(&self.txn, model).await
    }

    pub async fn skill(&mut self, s: Competence) -> Result<bool, StoreError> {
        let model = rome_competence::Model {
            code_ogr: s.code_ogr,
            kind: s.kind.as_str().to_owned(),
            libelle: s.libelle,
            categorie: s.categorie,
            sous_categorie: s.sous_categorie,
        };
        self.skills.push(&self.txn, model).await
    }

    pub async fn fiche_competence(&mut self, l: FicheCompetence) -> Result<bool, StoreError> {
        let model = rome_fiche_competence::Model {
            code_rome: l.code_rome.as_str().to_owned(),
            code_ogr: l.code_ogr,
            coeur: l.coeur.map(|c| c.as_str().to_owned()),
        };
        self.fiche_competences.push(&self.txn, model).await
    }

    pub async fn contexte(&mut self, c: Contexte) -> Result<bool, StoreError> {
        let model = rome_contexte::Model {
            code_ogr: c.code_ogr,
            libelle: c.libelle,
            categorie: c.categorie,
        };
        self.contextes.push(&self.txn, model).await
    }

    pub async fn fiche_contexte(&mut self, l: FicheContexte) -> Result<bool, StoreError> {
        let model = rome_fiche_contexte::Model {
            code_rome: l.code_rome.as_str().to_owned(),
            code_ogr: l.code_ogr,
        };
        self.fiche_contextes.push(&self.txn, model).await
    }

    pub async fn mobilite(&mut self, m: Mobilite) -> Result<bool, StoreError> {
        let model = rome_mobilite::Model {
            code_rome: m.code_rome.as_str().to_owned(),
            cible: m.cible.as_str().to_owned(),
            ordre: m.ordre,
        };
        self.mobilites.push(&self.txn, model).await
    }

    pub async fn texte(&mut self, t: Texte) -> Result<bool, StoreError> {
        let model = rome_texte::Model {
            code_rome: t.code_rome.as_str().to_owned(),
            kind: t.kind,
            position: t.position,
            texte: t.texte,
        };
        self.textes.push(&self.txn, model).await
    }

    /// Whether the grouping entry is known (stored or imported in this run).
    pub fn knows_classement(&self, kind: ClassementKind, code: &str) -> bool {
        self.classements
            .contains(&format!("{}/{}", kind.as_str(), code))
    }

    pub async fn classement(&mut self, c: Classement) -> Result<bool, StoreError> {
        let model = rome_classement::Model {
            kind: c.kind.as_str().to_owned(),
            code: c.code,
            libelle: c.libelle.chars().take(250).collect(),
            definition: c.definition,
            parent: c.parent,
        };
        self.classements.push(&self.txn, model).await
    }

    pub async fn fiche_classement(&mut self, l: FicheClassement) -> Result<bool, StoreError> {
        let model = rome_fiche_classement::Model {
            kind: l.kind.as_str().to_owned(),
            code: l.code,
            code_rome: l.code_rome.as_str().to_owned(),
            principal: l.principal,
        };
        self.fiche_classements.push(&self.txn, model).await
    }

    /// Makes the whole import visible at once; returns what it did, table
    /// by table.
    pub async fn commit(mut self) -> Result<Vec<(&'static str, Counts)>, StoreError> {
        self.fiches.flush(&self.txn).await?;
        self.appellations.flush(&self.txn).await?;
        self.skills.flush(&self.txn).await?;
        self.fiche_competences.flush(&self.txn).await?;
        self.contextes.flush(&self.txn).await?;
        self.fiche_contextes.flush(&self.txn).await?;
        self.mobilites.flush(&self.txn).await?;
        self.textes.flush(&self.txn).await?;
        self.classements.flush(&self.txn).await?;
        self.fiche_classements.flush(&self.txn).await?;
        let counts = vec![
            ("fiches", self.fiches.counts),
            ("appellations", self.appellations.counts),
            ("compétences", self.skills.counts),
            ("compétences des fiches", self.fiche_competences.counts),
            ("contextes de travail", self.contextes.counts),
            ("contextes des fiches", self.fiche_contextes.counts),
            ("mobilités", self.mobilites.counts),
            ("textes", self.textes.counts),
            ("regroupements de métiers", self.classements.counts),
            ("métiers des regroupements", self.fiche_classements.counts),
        ];
        crate::generation::bump_if_changed(&self.txn, &counts).await?;
        self.txn.commit().await?;
        Ok(counts)
    }
}

/// A trade (ROME fiche) as its page shows it.
#[derive(Clone, Debug)]
pub struct Metier {
    pub fiche: rome_fiche::Model,
    pub definition: Vec<String>,
    pub acces: Vec<String>,
    pub appellations: Vec<rome_appellation::Model>,
    /// Skills by kind (`savoir_faire`, `savoir_etre`, `savoir`), core ones
    /// first, each with its `coeur` flag.
    pub skills: BTreeMap<String, Vec<(rome_competence::Model, Option<String>)>>,
    pub contextes: Vec<rome_contexte::Model>,
    /// Target trades of the official mobilities, closest first.
    pub mobilites: Vec<rome_fiche::Model>,
    /// The groupings the trade is placed in (centres d'intérêt, sectors,
    /// themes), each with whether it is the trade's main one.
    pub classements: Vec<(rome_classement::Model, bool)>,
}

/// A professional field (grand domaine) and its number of trades.
#[derive(Clone, Debug)]
pub struct GrandDomaine {
    pub code: String,
    pub libelle: String,
    pub fiches: u64,
}

impl Store {
    /// The professional fields of the imported referential.
    pub async fn grands_domaines(&self) -> Result<Vec<GrandDomaine>, StoreError> {
        let fiches = rome_fiche::Entity::find()
            .order_by_asc(rome_fiche::Column::CodeRome)
            .all(self.conn())
            .await?;
        let mut domaines: Vec<GrandDomaine> = Vec::new();
        for fiche in fiches {
            let code = fiche
                .grand_domaine_code
                .clone()
                .unwrap_or_else(|| fiche.code_rome[..1].to_owned());
            match domaines.last_mut() {
                Some(last) if last.code == code => last.fiches += 1,
                _ => domaines.push(GrandDomaine {
                    libelle: fiche
                        .grand_domaine_libelle
                        .clone()
                        .unwrap_or_else(|| code.clone()),
                    code,
                    fiches: 1,
                }),
            }
        }
        Ok(domaines)
    }

    /// The trades of a professional field, by code.
    pub async fn fiches_of_domaine(
        &self,
        code: &str,
    ) -> Result<Vec<rome_fiche::Model>, StoreError> {
        Ok(rome_fiche::Entity::find()
            .filter(rome_fiche::Column::CodeRome.starts_with(code))
            .order_by_asc(rome_fiche::Column::CodeRome)
            .all(self.conn())
            .await?)
    }

    /// Every job title, for the autocomplete's in-memory index (each
    /// node keeps its own, rebuilt with the search index).
    pub async fn appellations(&self) -> Result<Vec<rome_appellation::Model>, StoreError> {
        Ok(rome_appellation::Entity::find()
            .order_by_asc(rome_appellation::Column::CodeOgr)
            .all(self.conn())
            .await?)
    }

    /// The fiches of `codes` that the catalogue holds, in the given order,
    /// each with the number of certifications leading to it.
    pub async fn fiches_with_certification_counts(
        &self,
        codes: &[String],
    ) -> Result<Vec<(rome_fiche::Model, u64)>, StoreError> {
        use crate::entity::certifinfo_rome;
        let fiches = rome_fiche::Entity::find()
            .filter(rome_fiche::Column::CodeRome.is_in(codes.iter().cloned()))
            .all(self.conn())
            .await?;
        let links = certifinfo_rome::Entity::find()
            .filter(certifinfo_rome::Column::CodeRome.is_in(codes.iter().cloned()))
            .all(self.conn())
            .await?;
        let mut out = Vec::with_capacity(fiches.len());
        for code in codes {
            if let Some(fiche) = fiches.iter().find(|f| &f.code_rome == code) {
                let count = links.iter().filter(|l| &l.code_rome == code).count() as u64;
                out.push((fiche.clone(), count));
            }
        }
        Ok(out)
    }

    pub async fn count_rome_fiches(&self) -> Result<u64, StoreError> {
        Ok(rome_fiche::Entity::find().count(self.conn()).await?)
    }

    pub async fn count_rome_appellations(&self) -> Result<u64, StoreError> {
        Ok(rome_appellation::Entity::find().count(self.conn()).await?)
    }

    /// The page of a trade, or `NotFound`.
    pub async fn metier(&self, code: &CodeRome) -> Result<Metier, StoreError> {
        let db = self.conn();
        let fiche = rome_fiche::Entity::find_by_id(code.as_str().to_owned())
            .one(db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let textes = rome_texte::Entity::find()
            .filter(rome_texte::Column::CodeRome.eq(code.as_str()))
            .order_by_asc(rome_texte::Column::Position)
            .all(db)
            .await?;
        let (definition, acces): (Vec<_>, Vec<_>) =
            textes.into_iter().partition(|t| t.kind == "definition");
        let appellations = rome_appellation::Entity::find()
            .filter(rome_appellation::Column::CodeRome.eq(code.as_str()))
            .order_by_asc(rome_appellation::Column::Libelle)
            .all(db)
            .await?;
        let links = rome_fiche_competence::Entity::find()
            .filter(rome_fiche_competence::Column::CodeRome.eq(code.as_str()))
            .all(db)
            .await?;
        let coeurs: std::collections::HashMap<i64, Option<String>> = links
            .iter()
            .map(|l| (l.code_ogr, l.coeur.clone()))
            .collect();
        let competence_rows = rome_competence::Entity::find()
            .filter(rome_competence::Column::CodeOgr.is_in(links.iter().map(|l| l.code_ogr)))
            .order_by_asc(rome_competence::Column::Libelle)
            .all(db)
            .await?;
        let mut skills: BTreeMap<String, Vec<(rome_competence::Model, Option<String>)>> =
            BTreeMap::new();
        for skill in competence_rows {
            let coeur = coeurs.get(&skill.code_ogr).cloned().flatten();
            skills
                .entry(skill.kind.clone())
                .or_default()
                .push((skill, coeur));
        }
        for list in skills.values_mut() {
            list.sort_by_key(|(_, coeur)| match coeur.as_deref() {
                Some("principale") => 0,
                Some(_) => 1,
                None => 2,
            });
        }
        let contexte_ids: Vec<i64> = rome_fiche_contexte::Entity::find()
            .filter(rome_fiche_contexte::Column::CodeRome.eq(code.as_str()))
            .all(db)
            .await?
            .into_iter()
            .map(|l| l.code_ogr)
            .collect();
        let contextes = rome_contexte::Entity::find()
            .filter(rome_contexte::Column::CodeOgr.is_in(contexte_ids))
            .order_by_asc(rome_contexte::Column::Categorie)
            .order_by_asc(rome_contexte::Column::Libelle)
            .all(db)
            .await?;
        let targets = rome_mobilite::Entity::find()
            .filter(rome_mobilite::Column::CodeRome.eq(code.as_str()))
            .order_by_desc(rome_mobilite::Column::Ordre)
            .all(db)
            .await?;
        let target_fiches = rome_fiche::Entity::find()
            .filter(rome_fiche::Column::CodeRome.is_in(targets.iter().map(|t| t.cible.clone())))
            .all(db)
            .await?;
        let mobilites = targets
            .iter()
            .filter_map(|t| {
                target_fiches
                    .iter()
                    .find(|f| f.code_rome == t.cible)
                    .cloned()
            })
            .collect();
        let placed = rome_fiche_classement::Entity::find()
            .filter(rome_fiche_classement::Column::CodeRome.eq(code.as_str()))
            .all(db)
            .await?;
        let entries = rome_classement::Entity::find()
            .filter(rome_classement::Column::Code.is_in(placed.iter().map(|l| l.code.clone())))
            .all(db)
            .await?;
        let mut classements: Vec<(rome_classement::Model, bool)> = placed
            .iter()
            .filter_map(|link| {
                entries
                    .iter()
                    .find(|e| e.kind == link.kind && e.code == link.code)
                    .map(|e| (e.clone(), link.principal))
            })
            .collect();
        classements.sort_by(|(a, pa), (b, pb)| {
            (a.kind.as_str(), !pa, a.libelle.as_str()).cmp(&(
                b.kind.as_str(),
                !pb,
                b.libelle.as_str(),
            ))
        });
        Ok(Metier {
            classements,
            fiche,
            definition: definition.into_iter().map(|t| t.texte).collect(),
            acces: acces.into_iter().map(|t| t.texte).collect(),
            appellations,
            skills,
            contextes,
            mobilites,
        })
    }
}
