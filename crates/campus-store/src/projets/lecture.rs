//! Reading projects: one whole, lists, the membership that decides what a
//! person sees, and the history.

use std::collections::HashMap;

use campus_domain::CodeRome;
use campus_domain::projet::{
    EtapeProjet, EtatEtape, EtatLivrable, Livrable, RoleMembre, StatutProjet, TypeProjet,
};
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::{
    EquipementProjet, Fait, FaitProjet, LivrableProjet, Membre, OrganisationProjet, Projet,
    Projets, corrupt, date,
};
use crate::StoreError;
use crate::entity::{
    equipement, organisation, projet, projet_certification, projet_equipement, projet_historique,
    projet_livrable, projet_membre, projet_metier, projet_organisation, rncp_fiche, rome_fiche,
    user,
};

/// Which projects a list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FiltreProjets {
    /// Only the projects this person is a member of.
    pub membre: Option<i32>,
    /// Only public projects (the showcase).
    pub publics: bool,
    pub type_projet: Option<TypeProjet>,
    pub statut: Option<StatutProjet>,
    pub metier: Option<CodeRome>,
    pub organisation: Option<i32>,
}

/// A project in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjetResume {
    pub id: i32,
    pub slug: String,
    pub type_projet: TypeProjet,
    pub titre: String,
    pub resume: String,
    pub statut: StatutProjet,
    pub etape: EtapeProjet,
    pub etat_etape: EtatEtape,
    pub public: bool,
    pub debut: NaiveDate,
    pub fin: NaiveDate,
    pub organisations: Vec<String>,
}

impl Projets<'_> {
    /// The project `id`, whole.
    pub async fn projet(&self, id: i32) -> Result<Projet, StoreError> {
        let row = projet::Entity::find_by_id(id)
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        self.whole(row).await
    }

    /// The project at `slug`, whole.
    pub async fn projet_par_slug(&self, slug: &str) -> Result<Projet, StoreError> {
        let row = projet::Entity::find()
            .filter(projet::Column::Slug.eq(slug))
            .one(self.conn())
            .await?
            .ok_or(StoreError::NotFound)?;
        self.whole(row).await
    }

    /// The person's part in the project, if they are a member.
    pub async fn role_de(
        &self,
        projet_id: i32,
        user_id: i32,
    ) -> Result<Option<RoleMembre>, StoreError> {
        let row = projet_membre::Entity::find_by_id((projet_id, user_id))
            .one(self.conn())
            .await?;
        row.map(|m| corrupt(RoleMembre::parse(&m.role), "rôle", &m.role))
            .transpose()
    }

    /// Projects matching `filtre`, newest first.
    pub async fn liste(&self, filtre: &FiltreProjets) -> Result<Vec<ProjetResume>, StoreError> {
        let mut query = projet::Entity::find().order_by_desc(projet::Column::Id);
        if let Some(user_id) = filtre.membre {
            let ids = projet_membre::Entity::find()
                .select_only()
                .column(projet_membre::Column::ProjetId)
                .filter(projet_membre::Column::UserId.eq(user_id))
                .into_tuple::<i32>()
                .all(self.conn())
                .await?;
            query = query.filter(projet::Column::Id.is_in(ids));
        }
        if filtre.publics {
            query = query.filter(projet::Column::Public.eq(true));
        }
        if let Some(t) = filtre.type_projet {
            query = query.filter(projet::Column::TypeProjet.eq(t.as_str()));
        }
        if let Some(s) = filtre.statut {
            query = query.filter(projet::Column::Statut.eq(s.as_str()));
        }
        if let Some(code) = &filtre.metier {
            let ids = projet_metier::Entity::find()
                .select_only()
                .column(projet_metier::Column::ProjetId)
                .filter(projet_metier::Column::CodeRome.eq(code.as_str()))
                .into_tuple::<i32>()
                .all(self.conn())
                .await?;
            query = query.filter(projet::Column::Id.is_in(ids));
        }
        if let Some(o) = filtre.organisation {
            let ids = projet_organisation::Entity::find()
                .select_only()
                .column(projet_organisation::Column::ProjetId)
                .filter(projet_organisation::Column::OrganisationId.eq(o))
                .into_tuple::<i32>()
                .all(self.conn())
                .await?;
            query = query.filter(projet::Column::Id.is_in(ids));
        }
        let rows = query.all(self.conn()).await?;
        let links = projet_organisation::Entity::find()
            .filter(projet_organisation::Column::ProjetId.is_in(rows.iter().map(|r| r.id)))
            .all(self.conn())
            .await?;
        let names: HashMap<i32, String> = organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(links.iter().map(|l| l.organisation_id)))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|o| (o.id, o.nom))
            .collect();
        rows.into_iter()
            .map(|r| {
                let organisations = links
                    .iter()
                    .filter(|l| l.projet_id == r.id)
                    .filter_map(|l| names.get(&l.organisation_id).cloned())
                    .collect();
                Ok(ProjetResume {
                    id: r.id,
                    type_projet: corrupt(
                        TypeProjet::parse(&r.type_projet),
                        "type",
                        &r.type_projet,
                    )?,
                    statut: corrupt(StatutProjet::parse(&r.statut), "statut", &r.statut)?,
                    etape: corrupt(EtapeProjet::parse(&r.etape), "étape", &r.etape)?,
                    etat_etape: corrupt(EtatEtape::parse(&r.etat_etape), "état", &r.etat_etape)?,
                    debut: date(&r.debut, "début")?,
                    fin: date(&r.fin, "fin")?,
                    slug: r.slug,
                    titre: r.titre,
                    resume: r.resume,
                    public: r.public,
                    organisations,
                })
            })
            .collect()
    }

    /// The project's history, oldest first: its timeline.
    pub async fn historique(&self, projet_id: i32) -> Result<Vec<FaitProjet>, StoreError> {
        let rows = projet_historique::Entity::find()
            .filter(projet_historique::Column::ProjetId.eq(projet_id))
            .order_by_asc(projet_historique::Column::Id)
            .all(self.conn())
            .await?;
        let names: HashMap<i32, String> = user::Entity::find()
            .filter(user::Column::Id.is_in(rows.iter().filter_map(|r| r.acteur_user_id)))
            .all(self.conn())
            .await?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect();
        rows.into_iter()
            .map(|r| {
                let fait = Fait::parse(&r.action)
                    .ok_or_else(|| StoreError::Corrupt(format!("fait « {} »", r.action)))?;
                let etape = match &r.etape {
                    Some(e) => Some(corrupt(EtapeProjet::parse(e), "étape", e)?),
                    None => None,
                };
                let livrable = match &r.livrable {
                    Some(l) => Some(corrupt(Livrable::parse(l), "livrable", l)?),
                    None => None,
                };
                Ok(FaitProjet {
                    fait,
                    acteur_nom: r.acteur_user_id.and_then(|u| names.get(&u).cloned()),
                    acteur_user_id: r.acteur_user_id,
                    etape,
                    livrable,
                    projet_document_id: r.projet_document_id,
                    detail: r.detail,
                    created_at: r.created_at,
                })
            })
            .collect()
    }

    async fn whole(&self, r: projet::Model) -> Result<Projet, StoreError> {
        let conn = self.conn();
        let org_ids: Vec<i32> = projet_organisation::Entity::find()
            .filter(projet_organisation::Column::ProjetId.eq(r.id))
            .all(conn)
            .await?
            .into_iter()
            .map(|l| l.organisation_id)
            .collect();
        let organisations = organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(org_ids))
            .order_by_asc(organisation::Column::Nom)
            .all(conn)
            .await?
            .into_iter()
            .map(|o| OrganisationProjet {
                id: o.id,
                nom: o.nom,
                slug: o.slug,
                departement: o.departement,
            })
            .collect();
        let member_rows = projet_membre::Entity::find()
            .filter(projet_membre::Column::ProjetId.eq(r.id))
            .order_by_asc(projet_membre::Column::CreatedAt)
            .all(conn)
            .await?;
        let people: HashMap<i32, user::Model> = user::Entity::find()
            .filter(user::Column::Id.is_in(member_rows.iter().map(|m| m.user_id)))
            .all(conn)
            .await?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        let mut membres = Vec::new();
        for m in member_rows {
            let Some(u) = people.get(&m.user_id) else {
                continue;
            };
            membres.push(Membre {
                user_id: m.user_id,
                nom: u.display_name.clone(),
                email: u.email.clone(),
                role: corrupt(RoleMembre::parse(&m.role), "rôle", &m.role)?,
                invitation_en_attente: u.password_hash.is_none(),
                created_at: m.created_at,
            });
        }
        let codes: Vec<String> = projet_metier::Entity::find()
            .filter(projet_metier::Column::ProjetId.eq(r.id))
            .all(conn)
            .await?
            .into_iter()
            .map(|m| m.code_rome)
            .collect();
        let labels: HashMap<String, String> = rome_fiche::Entity::find()
            .filter(rome_fiche::Column::CodeRome.is_in(codes.clone()))
            .all(conn)
            .await?
            .into_iter()
            .map(|f| (f.code_rome, f.libelle))
            .collect();
        let mut metiers = Vec::new();
        for code in codes {
            let rome = corrupt(CodeRome::parse(&code), "ROME", &code)?;
            let label = labels.get(&code).cloned().unwrap_or_else(|| code.clone());
            metiers.push((rome, label));
        }
        let certifs: Vec<String> = projet_certification::Entity::find()
            .filter(projet_certification::Column::ProjetId.eq(r.id))
            .all(conn)
            .await?
            .into_iter()
            .map(|c| c.code)
            .collect();
        let certif_labels: HashMap<String, String> = rncp_fiche::Entity::find()
            .filter(rncp_fiche::Column::Numero.is_in(certifs.clone()))
            .all(conn)
            .await?
            .into_iter()
            .map(|f| (f.numero, f.intitule))
            .collect();
        let certifications = certifs
            .into_iter()
            .map(|c| {
                let label = certif_labels.get(&c).cloned().unwrap_or_else(|| c.clone());
                (c, label)
            })
            .collect();
        let equip_ids: Vec<i32> = projet_equipement::Entity::find()
            .filter(projet_equipement::Column::ProjetId.eq(r.id))
            .all(conn)
            .await?
            .into_iter()
            .map(|e| e.equipement_id)
            .collect();
        let equipements = equipement::Entity::find()
            .filter(equipement::Column::Id.is_in(equip_ids))
            .order_by_asc(equipement::Column::Nom)
            .all(conn)
            .await?
            .into_iter()
            .map(|e| EquipementProjet {
                id: e.id,
                nom: e.nom,
                slug: e.slug,
            })
            .collect();
        let mut livrables = Vec::new();
        for l in projet_livrable::Entity::find()
            .filter(projet_livrable::Column::ProjetId.eq(r.id))
            .all(conn)
            .await?
        {
            livrables.push(LivrableProjet {
                livrable: corrupt(Livrable::parse(&l.livrable), "livrable", &l.livrable)?,
                etat: corrupt(EtatLivrable::parse(&l.etat), "état", &l.etat)?,
                projet_document_id: l.projet_document_id,
                commentaire: l.commentaire,
                updated_at: l.updated_at,
            });
        }
        let evenement_slug = match r.evenement_id {
            Some(e) => crate::entity::evenement::Entity::find_by_id(e)
                .one(conn)
                .await?
                .map(|e| e.slug),
            None => None,
        };
        Ok(Projet {
            evenement_slug,
            id: r.id,
            type_projet: corrupt(TypeProjet::parse(&r.type_projet), "type", &r.type_projet)?,
            statut: corrupt(StatutProjet::parse(&r.statut), "statut", &r.statut)?,
            etape: corrupt(EtapeProjet::parse(&r.etape), "étape", &r.etape)?,
            etat_etape: corrupt(EtatEtape::parse(&r.etat_etape), "état", &r.etat_etape)?,
            debut: date(&r.debut, "début")?,
            fin: date(&r.fin, "fin")?,
            slug: r.slug,
            titre: r.titre,
            resume: r.resume,
            resultats: r.resultats,
            etape_depuis: r.etape_depuis,
            public: r.public,
            evenement_id: r.evenement_id,
            version: r.version,
            organisations,
            membres,
            metiers,
            certifications,
            equipements,
            livrables,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
    }
}
