//! Reading resources: one, a filtered list for the library and the API,
//! those of a trade, certification, equipment or event, the moderation
//! queue, a person's own.
//!
//! The library holds hundreds of resources, not millions: a list reads
//! them with their links and filters in memory, so that the facets and
//! the visibility are decided by the same code for every caller.

use std::collections::HashMap;

use campus_domain::evenement::Audience;
use campus_domain::expertise::Langue;
use campus_domain::ressource::{EtatRessource, Licence, TypeRessource, Visibilite};
use campus_domain::{CodeRome, Niveau, fold_accents};
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{FichierRessource, Lien, Ressource, Ressources, corrupt};
use crate::StoreError;
use crate::documents::DocumentInfo;
use crate::entity::{
    document, equipement, evenement_ressource, organisation, ressource, ressource_fichier,
    ressource_lien, rncp_bloc, rncp_fiche, rome_fiche, user,
};

/// Who reads: decides what they may see ([`Ressource::visible_par`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lecteur {
    pub user_id: Option<i32>,
    /// A signed-in person of the network who is not a learner.
    pub reseau: bool,
    /// The organisations the person belongs to.
    pub organisations: Vec<i32>,
    /// The campus team: sees everything, moderates.
    pub equipe: bool,
}

/// The library's filters (the facets); empty ones do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FiltreRessources {
    /// Words that must all appear in the title, description, authors or
    /// linked trades, accents and case aside.
    pub texte: String,
    pub type_ressource: Option<TypeRessource>,
    pub audience: Option<Audience>,
    pub niveau: Option<Niveau>,
    pub metier: Option<CodeRome>,
    pub certification: Option<String>,
    pub bloc: Option<String>,
    pub equipement: Option<i32>,
    pub licence: Option<Licence>,
    pub etat: Option<EtatRessource>,
    pub auteur: Option<i32>,
}

impl FiltreRessources {
    fn garde(&self, r: &Ressource) -> bool {
        let words = fold_accents(&self.texte);
        let haystack = || {
            let mut h = format!(
                "{} {} {}",
                r.titre,
                r.description,
                r.auteurs.as_deref().unwrap_or_default()
            );
            for (code, label) in &r.metiers {
                h.push(' ');
                h.push_str(code.as_str());
                h.push(' ');
                h.push_str(label);
            }
            fold_accents(&h)
        };
        let texte_ok = words.split_whitespace().next().is_none() || {
            let h = haystack();
            words.split_whitespace().all(|w| h.contains(w))
        };
        texte_ok
            && self.type_ressource.is_none_or(|t| r.type_ressource == t)
            && self.audience.is_none_or(|a| r.audiences.contains(&a))
            && self.niveau.is_none_or(|n| r.niveaux.contains(&n))
            && self
                .metier
                .as_ref()
                .is_none_or(|m| r.metiers.iter().any(|(c, _)| c == m))
            && self
                .certification
                .as_ref()
                .is_none_or(|c| r.certifications.iter().any(|(x, _)| x == c))
            && self
                .bloc
                .as_ref()
                .is_none_or(|b| r.blocs.iter().any(|(x, _)| x == b))
            && self
                .equipement
                .is_none_or(|e| r.equipements.iter().any(|(x, _, _)| *x == e))
            && self.licence.is_none_or(|l| r.licence == l)
            && self.etat.is_none_or(|e| r.etat == e)
            && self.auteur.is_none_or(|a| r.auteur_user_id == Some(a))
    }
}

impl Ressources<'_> {
    /// The resource `id`, whoever may see it (the caller checks).
    pub async fn ressource(&self, id: i32) -> Result<Ressource, StoreError> {
        let row = ressource::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        let mut all = load(self.conn(), vec![row]).await?;
        all.pop().ok_or(StoreError::NotFound)
    }

    /// The resources `lecteur` may see that pass `filtre`, by title.
    pub async fn liste(
        &self,
        filtre: &FiltreRessources,
        lecteur: &Lecteur,
    ) -> Result<Vec<Ressource>, StoreError> {
        let mut query = ressource::Entity::find().order_by_asc(ressource::Column::Titre);
        if let Some(t) = filtre.type_ressource {
            query = query.filter(ressource::Column::TypeRessource.eq(t.as_str()));
        }
        if let Some(e) = filtre.etat {
            query = query.filter(ressource::Column::Etat.eq(e.as_str()));
        }
        let rows = query.all(self.conn()).await?;
        Ok(load(self.conn(), rows)
            .await?
            .into_iter()
            .filter(|r| filtre.garde(r) && r.visible_par(lecteur))
            .collect())
    }

    /// The approved public resources: the search's and the catalogue
    /// pages' share.
    pub async fn publiques(&self, filtre: &FiltreRessources) -> Result<Vec<Ressource>, StoreError> {
        let filtre = FiltreRessources {
            etat: Some(EtatRessource::Approuvee),
            ..filtre.clone()
        };
        Ok(self
            .liste(&filtre, &Lecteur::default())
            .await?
            .into_iter()
            .filter(|r| r.visibilite == Visibilite::Public)
            .collect())
    }

    /// The resources an event uses, those `lecteur` may see.
    pub async fn de_evenement(
        &self,
        evenement_id: i32,
        lecteur: &Lecteur,
    ) -> Result<Vec<Ressource>, StoreError> {
        let ids: Vec<i32> = evenement_ressource::Entity::find()
            .filter(evenement_ressource::Column::EvenementId.eq(evenement_id))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|l| l.ressource_id)
            .collect();
        let rows = ressource::Entity::find()
            .filter(ressource::Column::Id.is_in(ids))
            .order_by_asc(ressource::Column::Titre)
            .all(self.conn())
            .await?;
        Ok(load(self.conn(), rows)
            .await?
            .into_iter()
            .filter(|r| r.visible_par(lecteur))
            .collect())
    }
}

/// Turns rows into resources with their links, names and files.
pub(crate) async fn load<C: ConnectionTrait>(
    conn: &C,
    rows: Vec<ressource::Model>,
) -> Result<Vec<Ressource>, StoreError> {
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let mut liens: HashMap<i32, Vec<ressource_lien::Model>> = HashMap::new();
    for l in ressource_lien::Entity::find()
        .filter(ressource_lien::Column::RessourceId.is_in(ids.clone()))
        .all(conn)
        .await?
    {
        liens.entry(l.ressource_id).or_default().push(l);
    }
    let valeurs = |lien: Lien| -> Vec<String> {
        let mut v: Vec<String> = liens
            .values()
            .flatten()
            .filter(|l| l.lien == lien.as_str())
            .map(|l| l.valeur.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let metier_labels: HashMap<String, String> = rome_fiche::Entity::find()
        .filter(rome_fiche::Column::CodeRome.is_in(valeurs(Lien::Metier)))
        .all(conn)
        .await?
        .into_iter()
        .map(|f| (f.code_rome, f.libelle))
        .collect();
    let certif_labels: HashMap<String, String> = rncp_fiche::Entity::find()
        .filter(rncp_fiche::Column::Numero.is_in(valeurs(Lien::Certification)))
        .all(conn)
        .await?
        .into_iter()
        .map(|f| (f.numero, f.intitule))
        .collect();
    let bloc_labels: HashMap<String, String> = rncp_bloc::Entity::find()
        .filter(rncp_bloc::Column::Code.is_in(valeurs(Lien::Bloc)))
        .all(conn)
        .await?
        .into_iter()
        .map(|b| (b.code, b.libelle))
        .collect();
    let equipement_ids: Vec<i32> = valeurs(Lien::Equipement)
        .iter()
        .filter_map(|v| v.parse().ok())
        .collect();
    let equipements: HashMap<i32, (String, String)> = equipement::Entity::find()
        .filter(equipement::Column::Id.is_in(equipement_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|e| (e.id, (e.nom, e.slug)))
        .collect();
    let org_ids: Vec<i32> = rows.iter().filter_map(|r| r.organisation_id).collect();
    let organisations: HashMap<i32, String> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(org_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o.nom))
        .collect();
    let user_ids: Vec<i32> = rows.iter().filter_map(|r| r.auteur_user_id).collect();
    let users: HashMap<i32, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(user_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    let mut fichiers: HashMap<i32, Vec<ressource_fichier::Model>> = HashMap::new();
    let mut doc_ids = Vec::new();
    for f in ressource_fichier::Entity::find()
        .filter(ressource_fichier::Column::RessourceId.is_in(ids))
        .order_by_desc(ressource_fichier::Column::Version)
        .all(conn)
        .await?
    {
        doc_ids.push(f.document_id);
        fichiers.entry(f.ressource_id).or_default().push(f);
    }
    let documents: HashMap<i32, DocumentInfo> = document::Entity::find()
        .filter(document::Column::Id.is_in(doc_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|d| (d.id, DocumentInfo::from(d)))
        .collect();

    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let mut audiences = Vec::new();
        let mut niveaux = Vec::new();
        let mut metiers = Vec::new();
        let mut certifications = Vec::new();
        let mut blocs = Vec::new();
        let mut equipements_r = Vec::new();
        for l in liens.remove(&r.id).unwrap_or_default() {
            let v = l.valeur;
            match l.lien.as_str() {
                "audience" => audiences.push(corrupt(Audience::parse(&v), "public", &v)?),
                "niveau" => niveaux.push(corrupt(
                    v.parse::<u8>().ok().and_then(Niveau::new).ok_or(()),
                    "niveau",
                    &v,
                )?),
                "metier" => {
                    let label = metier_labels.get(&v).cloned().unwrap_or_else(|| v.clone());
                    metiers.push((corrupt(CodeRome::parse(&v), "ROME", &v)?, label));
                }
                "certification" => {
                    let label = certif_labels.get(&v).cloned().unwrap_or_else(|| v.clone());
                    certifications.push((v, label));
                }
                "bloc" => {
                    let label = bloc_labels.get(&v).cloned().unwrap_or_else(|| v.clone());
                    blocs.push((v, label));
                }
                "equipement" => {
                    let id: i32 = corrupt(v.parse(), "équipement", &v)?;
                    if let Some((nom, slug)) = equipements.get(&id) {
                        equipements_r.push((id, nom.clone(), slug.clone()));
                    }
                }
                other => return corrupt(Err(()), "lien", other),
            }
        }
        audiences.sort_by_key(|a| Audience::all().position(|x| x == *a));
        niveaux.sort();
        equipements_r.sort_by(|a, b| a.1.cmp(&b.1));
        let mut versions = Vec::new();
        for f in fichiers.remove(&r.id).unwrap_or_default() {
            if let Some(doc) = documents.get(&f.document_id) {
                versions.push(FichierRessource {
                    version: f.version,
                    fichier: doc.clone(),
                    created_at: f.created_at,
                });
            }
        }
        out.push(Ressource {
            id: r.id,
            type_ressource: corrupt(
                TypeRessource::parse(&r.type_ressource),
                "type",
                &r.type_ressource,
            )?,
            licence: corrupt(Licence::parse(&r.licence), "licence", &r.licence)?,
            visibilite: corrupt(
                Visibilite::parse(&r.visibilite),
                "visibilité",
                &r.visibilite,
            )?,
            etat: corrupt(EtatRessource::parse(&r.etat), "état", &r.etat)?,
            langue: corrupt(Langue::parse(&r.langue), "langue", &r.langue)?,
            date_version: corrupt(
                NaiveDate::parse_from_str(&r.date_version, "%Y-%m-%d"),
                "date",
                &r.date_version,
            )?,
            organisation: r
                .organisation_id
                .and_then(|id| organisations.get(&id).map(|n| (id, n.clone()))),
            auteur_nom: r.auteur_user_id.and_then(|id| users.get(&id).cloned()),
            slug: r.slug,
            titre: r.titre,
            description: r.description,
            motif: r.motif,
            duree_minutes: r.duree_minutes,
            version: r.version_libelle,
            auteurs: r.auteurs,
            lien: r.lien,
            lien_casse: r.lien_casse,
            lien_verifie_le: r.lien_verifie_le,
            auteur_user_id: r.auteur_user_id,
            audiences,
            niveaux,
            metiers,
            certifications,
            blocs,
            equipements: equipements_r,
            fichiers: versions,
            created_at: r.created_at,
            updated_at: r.updated_at,
        });
    }
    Ok(out)
}

impl Ressources<'_> {
    /// The events that use the resource, `(slug, title)` by date.
    pub async fn evenements(&self, id: i32) -> Result<Vec<(String, String)>, StoreError> {
        let ids: Vec<i32> = evenement_ressource::Entity::find()
            .filter(evenement_ressource::Column::RessourceId.eq(id))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|l| l.evenement_id)
            .collect();
        Ok(crate::entity::evenement::Entity::find()
            .filter(crate::entity::evenement::Column::Id.is_in(ids))
            .order_by_asc(crate::entity::evenement::Column::StartsAt)
            .all(self.conn())
            .await?
            .into_iter()
            .map(|e| (e.slug, e.titre))
            .collect())
    }
}
