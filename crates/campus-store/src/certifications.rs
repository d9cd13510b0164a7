//! Certifications in the catalogue: their imports (one transaction each)
//! and the reading of a certification's page.

use std::collections::{HashMap, HashSet};

use campus_domain::CodeRome;
use campus_domain::certification::{
    Bloc, Ccn, CertifInfo, Certificateur, CodeCertification, Lignee,
};
use campus_domain::fiche_rncp::VoieAcces;
use sea_orm::{
    ColumnTrait, Condition, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::entity::{
    bcn_diplome, bcn_diplome_professionnel, certifinfo, certifinfo_rome, onisep_formation,
    rncp_bloc, rncp_bloc_competence, rncp_bloc_detail, rncp_ccn, rncp_certificateur, rncp_fiche,
    rncp_fiche_code, rncp_lignee, rncp_voie_acces, rome_fiche,
};
use crate::sync::{Counts, Sync};
use crate::{Store, StoreError};

/// An import of certification data under way; see
/// [`crate::rome::RomeImport`] for the guarantees.
pub struct CertificationImport {
    txn: DatabaseTransaction,
    certifinfo: Sync<certifinfo::Entity>,
    certifinfo_romes: Sync<certifinfo_rome::Entity>,
    blocs: Sync<rncp_bloc::Entity>,
    certificateurs: Sync<rncp_certificateur::Entity>,
    lignees: Sync<rncp_lignee::Entity>,
    ccn: Sync<rncp_ccn::Entity>,
    /// ROME codes known to the catalogue, to report unknown references.
    fiches: HashSet<String>,
    /// Certification codes met so far (stored or in this import).
    certifications: HashSet<String>,
    /// Blocs the RNCP XML export describes. Its text is the register's
    /// own (the CSV export sometimes spaces a title differently): the CSV
    /// leaves their titles as the XML gave them, else each import would
    /// undo the other.
    blocs_from_xml: HashSet<String>,
}

impl Store {
    pub async fn begin_certification_import(&self) -> Result<CertificationImport, StoreError> {
        let txn = self.write().await?;
        let fiches = rome_fiche::Entity::find()
            .select_only()
            .column(rome_fiche::Column::CodeRome)
            .into_tuple::<String>()
            .all(&txn)
            .await?
            .into_iter()
            .collect();
        let mut certifications: HashSet<String> = HashSet::new();
        for (rncp, rs) in certifinfo::Entity::find()
            .select_only()
            .column(certifinfo::Column::CodeRncp)
            .column(certifinfo::Column::CodeRs)
            .into_tuple::<(Option<String>, Option<String>)>()
            .all(&txn)
            .await?
        {
            certifications.extend(rncp);
            certifications.extend(rs);
        }
        certifications.extend(
            rncp_bloc::Entity::find()
                .select_only()
                .column(rncp_bloc::Column::Certification)
                .into_tuple::<String>()
                .all(&txn)
                .await?,
        );
        let blocs_from_xml = rncp_bloc_detail::Entity::find()
            .select_only()
            .column(rncp_bloc_detail::Column::Code)
            .into_tuple::<String>()
            .all(&txn)
            .await?
            .into_iter()
            .collect();
        Ok(CertificationImport {
            blocs_from_xml,
            certifinfo: Sync::load(&txn, |m: &certifinfo::Model| m.cle.clone()).await?,
            certifinfo_romes: Sync::load(&txn, |m: &certifinfo_rome::Model| {
                format!("{}/{}", m.code_diplome, m.code_rome)
            })
            .await?,
            blocs: Sync::load(&txn, |m: &rncp_bloc::Model| m.code.clone()).await?,
            certificateurs: Sync::load(&txn, |m: &rncp_certificateur::Model| {
                format!("{}/{}/{}", m.certification, m.nom, m.siret)
            })
            .await?,
            lignees: Sync::load(&txn, |m: &rncp_lignee::Model| {
                format!("{}/{}/{}", m.certification, m.relation, m.autre)
            })
            .await?,
            ccn: Sync::load(&txn, |m: &rncp_ccn::Model| {
                format!("{}/{}", m.certification, m.numero)
            })
            .await?,
            fiches,
            certifications,
            txn,
        })
    }
}

impl CertificationImport {
    pub fn knows_fiche(&self, code: &CodeRome) -> bool {
        self.fiches.contains(code.as_str())
    }

    pub fn knows_certification(&self, code: &CodeCertification) -> bool {
        self.certifications.contains(code.as_str())
    }

    /// Records that a certification exists (every row of the RNCP export
    /// names one), before its links are checked.
    pub fn note_certification(&mut self, code: &CodeCertification) {
        self.certifications.insert(code.as_str().to_owned());
    }

    pub async fn certif_info(&mut self, c: CertifInfo) -> Result<bool, StoreError> {
        for code in c.rncp.iter().chain(c.rs.iter()) {
            self.certifications.insert(code.as_str().to_owned());
        }
        let code_diplome = c.code_diplome;
        let romes = c.romes;
        let cle = format!(
            "{}/{}/{}",
            c.code_diplome,
            c.rncp.as_ref().map(|r| r.as_str()).unwrap_or_default(),
            c.rs.as_ref().map(|r| r.as_str()).unwrap_or_default()
        );
        let model = certifinfo::Model {
            cle,
            code_diplome: c.code_diplome,
            libelle: c.libelle,
            type_libelle: c.type_libelle,
            niveau: c.niveau.map(|n| i32::from(n.value())),
            date_maj: c.date_maj,
            formacode: c.formacode,
            formacode_libelle: c.formacode_libelle,
            nsf: c.nsf,
            code_rncp: c.rncp.map(|r| r.as_str().to_owned()),
            code_rs: c.rs.map(|r| r.as_str().to_owned()),
            cfd: c.cfd,
            valideur: c.valideur,
            certificateur: c.certificateur,
            etat: c.etat,
            etat_libelle: c.etat_libelle,
            ancien_rncp: c.ancien_rncp.map(|r| r.as_str().to_owned()),
            accessibilite: c.accessibilite,
        };
        if !self.certifinfo.push(&self.txn, model).await? {
            return Ok(false);
        }
        for rome in romes {
            let link = certifinfo_rome::Model {
                code_diplome,
                code_rome: rome.as_str().to_owned(),
            };
            self.certifinfo_romes.push(&self.txn, link).await?;
        }
        Ok(true)
    }

    pub async fn bloc(&mut self, b: Bloc) -> Result<bool, StoreError> {
        self.note_certification(&b.certification);
        if self.blocs_from_xml.contains(&b.code) {
            self.blocs.counts.unchanged += 1;
            return Ok(true);
        }
        let model = rncp_bloc::Model {
            code: b.code,
            certification: b.certification.as_str().to_owned(),
            libelle: b.libelle,
        };
        self.blocs.push(&self.txn, model).await
    }

    pub async fn certificateur(&mut self, c: Certificateur) -> Result<bool, StoreError> {
        self.note_certification(&c.certification);
        let model = rncp_certificateur::Model {
            certification: c.certification.as_str().to_owned(),
            nom: c.nom.chars().take(250).collect(),
            siret: c.siret.unwrap_or_default(),
        };
        self.certificateurs.push(&self.txn, model).await
    }

    pub async fn lignee(&mut self, l: Lignee) -> Result<bool, StoreError> {
        self.note_certification(&l.certification);
        let mut kept = true;
        for (relation, autre) in [("ancienne", l.ancienne), ("nouvelle", l.nouvelle)] {
            if let Some(autre) = autre {
                let model = rncp_lignee::Model {
                    certification: l.certification.as_str().to_owned(),
                    relation: relation.to_owned(),
                    autre: autre.as_str().to_owned(),
                };
                kept &= self.lignees.push(&self.txn, model).await?;
            }
        }
        Ok(kept)
    }

    pub async fn ccn(&mut self, c: Ccn) -> Result<bool, StoreError> {
        self.note_certification(&c.certification);
        let model = rncp_ccn::Model {
            certification: c.certification.as_str().to_owned(),
            numero: c.numero,
            libelle: c.libelle,
        };
        self.ccn.push(&self.txn, model).await
    }

    pub async fn commit(mut self) -> Result<Vec<(&'static str, Counts)>, StoreError> {
        self.certifinfo.flush(&self.txn).await?;
        self.certifinfo_romes.flush(&self.txn).await?;
        self.blocs.flush(&self.txn).await?;
        self.certificateurs.flush(&self.txn).await?;
        self.lignees.flush(&self.txn).await?;
        self.ccn.flush(&self.txn).await?;
        let counts = vec![
            ("certif info", self.certifinfo.counts),
            ("certif info → ROME", self.certifinfo_romes.counts),
            ("blocs de compétences", self.blocs.counts),
            ("certificateurs", self.certificateurs.counts),
            ("ancienne/nouvelle", self.lignees.counts),
            ("conventions collectives", self.ccn.counts),
        ];
        crate::generation::bump_if_changed(&self.txn, &counts).await?;
        self.txn.commit().await?;
        Ok(counts)
    }
}

/// A bloc de compétences as a page shows it: the CSV's code and title,
/// and what the XML export adds when it was imported.
#[derive(Clone, Debug)]
pub struct BlocPage {
    pub code: String,
    pub libelle: String,
    pub liste_competences: Option<String>,
    pub modalites_evaluation: Option<String>,
    /// The listed skills, one per item, in order.
    pub competences: Vec<rncp_bloc_competence::Model>,
}

/// A certification as its page shows it.
#[derive(Clone, Debug)]
pub struct CertificationPage {
    pub code: CodeCertification,
    /// The Certif Info entries of this code (a register code may cover
    /// several diplomas, e.g. options).
    pub entries: Vec<certifinfo::Model>,
    /// The fiche of the RNCP XML export, when it was imported.
    pub fiche: Option<rncp_fiche::Model>,
    pub blocs: Vec<BlocPage>,
    pub certificateurs: Vec<rncp_certificateur::Model>,
    pub anciennes: Vec<String>,
    pub nouvelles: Vec<String>,
    /// ROME, NSF and Formacode codes as the XML export lists them.
    pub romes: Vec<rncp_fiche_code::Model>,
    pub nsf: Vec<rncp_fiche_code::Model>,
    pub formacodes: Vec<rncp_fiche_code::Model>,
    pub voies: Vec<VoieAcces>,
    /// Trades it leads to, after Certif Info and the XML export.
    pub metiers: Vec<rome_fiche::Model>,
    /// ONISEP's pages of the diplomas registered under this code.
    pub onisep: Vec<onisep_formation::Model>,
    /// The Éducation nationale diplomas (CFD) of this code, after Certif
    /// Info and the BCN's vocational diplomas.
    pub diplomes_bcn: Vec<bcn_diplome::Model>,
}

impl Store {
    /// The page of a certification, or `NotFound` when no file mentions it.
    pub async fn certification(
        &self,
        code: &CodeCertification,
    ) -> Result<CertificationPage, StoreError> {
        let db = self.conn();
        let column = if code.is_rncp() {
            certifinfo::Column::CodeRncp
        } else {
            certifinfo::Column::CodeRs
        };
        let entries = certifinfo::Entity::find()
            .filter(column.eq(code.as_str()))
            .order_by_asc(certifinfo::Column::CodeDiplome)
            .all(db)
            .await?;
        let fiche = rncp_fiche::Entity::find_by_id(code.as_str().to_owned())
            .one(db)
            .await?;
        let blocs = rncp_bloc::Entity::find()
            .filter(rncp_bloc::Column::Certification.eq(code.as_str()))
            .order_by_asc(rncp_bloc::Column::Code)
            .all(db)
            .await?;
        let certificateurs = rncp_certificateur::Entity::find()
            .filter(rncp_certificateur::Column::Certification.eq(code.as_str()))
            .order_by_asc(rncp_certificateur::Column::Nom)
            .all(db)
            .await?;
        let lignees = rncp_lignee::Entity::find()
            .filter(rncp_lignee::Column::Certification.eq(code.as_str()))
            .order_by_asc(rncp_lignee::Column::Autre)
            .all(db)
            .await?;
        let onisep = onisep_formation::Entity::find()
            .filter(onisep_formation::Column::CodeRncp.eq(code.as_str()))
            .order_by_asc(onisep_formation::Column::Libelle)
            .all(db)
            .await?;
        if entries.is_empty()
            && fiche.is_none()
            && blocs.is_empty()
            && certificateurs.is_empty()
            && lignees.is_empty()
            && onisep.is_empty()
        {
            return Err(StoreError::NotFound);
        }
        let mut details: HashMap<String, rncp_bloc_detail::Model> =
            rncp_bloc_detail::Entity::find()
                .filter(rncp_bloc_detail::Column::Certification.eq(code.as_str()))
                .all(db)
                .await?
                .into_iter()
                .map(|d| (d.code.clone(), d))
                .collect();
        let mut competences: HashMap<String, Vec<rncp_bloc_competence::Model>> = HashMap::new();
        for c in rncp_bloc_competence::Entity::find()
            .filter(rncp_bloc_competence::Column::Bloc.is_in(blocs.iter().map(|b| b.code.clone())))
            .order_by_asc(rncp_bloc_competence::Column::Bloc)
            .order_by_asc(rncp_bloc_competence::Column::Position)
            .all(db)
            .await?
        {
            competences.entry(c.bloc.clone()).or_default().push(c);
        }
        let blocs = blocs
            .into_iter()
            .map(|b| {
                let detail = details.remove(&b.code);
                BlocPage {
                    competences: competences.remove(&b.code).unwrap_or_default(),
                    liste_competences: detail.as_ref().and_then(|d| d.liste_competences.clone()),
                    modalites_evaluation: detail.and_then(|d| d.modalites_evaluation),
                    code: b.code,
                    libelle: b.libelle,
                }
            })
            .collect();
        let codes = rncp_fiche_code::Entity::find()
            .filter(rncp_fiche_code::Column::Certification.eq(code.as_str()))
            .order_by_asc(rncp_fiche_code::Column::Referentiel)
            .order_by_asc(rncp_fiche_code::Column::Code)
            .all(db)
            .await?;
        let (romes, others): (Vec<_>, Vec<_>) =
            codes.into_iter().partition(|c| c.referentiel == "rome");
        let (nsf, formacodes): (Vec<_>, Vec<_>) =
            others.into_iter().partition(|c| c.referentiel == "nsf");
        let mut voies: Vec<VoieAcces> = rncp_voie_acces::Entity::find()
            .filter(rncp_voie_acces::Column::Certification.eq(code.as_str()))
            .all(db)
            .await?
            .into_iter()
            .filter_map(|v| VoieAcces::from_code(&v.voie))
            .collect();
        voies.sort();
        let mut rome_codes: Vec<String> = certifinfo_rome::Entity::find()
            .filter(
                certifinfo_rome::Column::CodeDiplome.is_in(entries.iter().map(|e| e.code_diplome)),
            )
            .all(db)
            .await?
            .into_iter()
            .map(|r| r.code_rome)
            .collect();
        rome_codes.extend(romes.iter().map(|r| r.code.clone()));
        let metiers = rome_fiche::Entity::find()
            .filter(rome_fiche::Column::CodeRome.is_in(rome_codes))
            .order_by_asc(rome_fiche::Column::CodeRome)
            .all(db)
            .await?;
        let mut cfds: Vec<String> = entries.iter().filter_map(|e| e.cfd.clone()).collect();
        cfds.extend(
            bcn_diplome_professionnel::Entity::find()
                .filter(bcn_diplome_professionnel::Column::CodeRncp.eq(code.as_str()))
                .all(db)
                .await?
                .into_iter()
                .map(|d| d.cfd),
        );
        let diplomes_bcn = bcn_diplome::Entity::find()
            .filter(bcn_diplome::Column::Cfd.is_in(cfds))
            .order_by_asc(bcn_diplome::Column::Cfd)
            .all(db)
            .await?;
        let (anciennes, nouvelles): (Vec<_>, Vec<_>) =
            lignees.into_iter().partition(|l| l.relation == "ancienne");
        Ok(CertificationPage {
            code: code.clone(),
            entries,
            fiche,
            blocs,
            certificateurs,
            anciennes: anciennes.into_iter().map(|l| l.autre).collect(),
            nouvelles: nouvelles.into_iter().map(|l| l.autre).collect(),
            romes,
            nsf,
            formacodes,
            voies,
            metiers,
            onisep,
            diplomes_bcn,
        })
    }

    /// Certifications leading to a trade, highest level first.
    pub async fn certifications_of_metier(
        &self,
        code: &CodeRome,
    ) -> Result<Vec<certifinfo::Model>, StoreError> {
        let db = self.conn();
        let diplomes: Vec<i64> = certifinfo_rome::Entity::find()
            .filter(certifinfo_rome::Column::CodeRome.eq(code.as_str()))
            .all(db)
            .await?
            .into_iter()
            .map(|r| r.code_diplome)
            .collect();
        Ok(certifinfo::Entity::find()
            .filter(certifinfo::Column::CodeDiplome.is_in(diplomes))
            .filter(
                Condition::any()
                    .add(certifinfo::Column::CodeRncp.is_not_null())
                    .add(certifinfo::Column::CodeRs.is_not_null()),
            )
            .order_by_desc(certifinfo::Column::Niveau)
            .order_by_asc(certifinfo::Column::Libelle)
            .all(db)
            .await?)
    }
}
