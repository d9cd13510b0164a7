//! Publishing a module in the catalogue: the same tables as imported
//! trainings (formation, action, session, codes, LHÉO element), so that a
//! module is found by the search and written by the LHÉO export like any
//! other offer; and withdrawing it when the module is cancelled.

use campus_domain::formation::Formation;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
};

use crate::StoreError;
use crate::entity::{
    formation, formation_action, formation_code, formation_lheo, formation_organisation,
    formation_session, organisation,
};
use crate::formations::formation_id;

fn json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Inserts the training and what it holds; links it to the organisation of
/// the directory with the body's SIRET, if there is one.
pub(super) async fn insert<C: ConnectionTrait>(conn: &C, f: &Formation) -> Result<(), StoreError> {
    let id = formation_id(f);
    let organisme = &f.organisme;
    formation::Model {
        id: id.clone(),
        source: f.source.as_str().to_owned(),
        numero: f.numero.clone(),
        intitule: f.intitule.clone(),
        objectif: f.objectif.clone(),
        contenu: f.contenu.clone(),
        resultats_attendus: f.resultats_attendus.clone(),
        certifiante: f.certifiante,
        parcours: f.parcours.clone(),
        objectif_general: f.objectif_general.clone(),
        niveau_entree: f.niveau_entree.clone(),
        niveau_sortie: f.niveau_sortie.map(i16::from),
        url: f.url.clone(),
        organisme_nom: organisme.nom.clone(),
        organisme_raison_sociale: organisme.raison_sociale.clone(),
        organisme_siret: organisme.siret.clone(),
        organisme_uai: organisme.uai.clone(),
        organisme_numero_activite: organisme.numero_activite.clone(),
        organisme_lieu: organisme.lieu.as_ref().map(json).transpose()?,
        contact: f.contact.as_ref().map(json).transpose()?,
        lheo_empreinte: None,
    }
    .into_active_model()
    .insert(conn)
    .await?;
    if let Some(xml) = &f.lheo {
        formation_lheo::Model {
            formation_id: id.clone(),
            xml: xml.clone(),
        }
        .into_active_model()
        .insert(conn)
        .await?;
    }
    for (kind, code) in &f.codes {
        formation_code::Model {
            formation_id: id.clone(),
            kind: kind.as_str().to_owned(),
            code: code.clone(),
        }
        .into_active_model()
        .insert(conn)
        .await?;
    }
    for action in &f.actions {
        let action_id = format!("{id}/{}", action.numero);
        let lieu = action.lieu.clone().unwrap_or_default();
        formation_action::Model {
            id: action_id.clone(),
            formation_id: id.clone(),
            numero: action.numero.clone(),
            modalite: action.modalite.as_str().to_owned(),
            public_vise: json(&action.public_vise)?,
            prerequis: action.prerequis.clone(),
            rythme: action.rythme.clone(),
            alternance: action.alternance.clone(),
            enseignement: action.enseignement.clone(),
            entrees_sorties: action.entrees_sorties.clone(),
            duree_heures: action.duree_heures,
            prix: action.prix,
            financeurs: json(&action.financeurs)?,
            lieu_nom: lieu.nom,
            lieu_adresse: lieu.adresse,
            lieu_code_postal: lieu.code_postal,
            lieu_ville: lieu.ville,
            lieu_commune_insee: lieu.commune_insee,
            lieu_departement: lieu.departement,
            latitude: lieu.latitude,
            longitude: lieu.longitude,
            formateur_siret: action.formateur_siret.clone(),
            formateur_nom: action.formateur_nom.clone(),
            capacite: None,
            premiers_voeux: None,
            campagne: None,
        }
        .into_active_model()
        .insert(conn)
        .await?;
        for session in &action.sessions {
            formation_session::Model {
                id: format!("{action_id}/{}", session.numero),
                action_id: action_id.clone(),
                numero: session.numero.clone(),
                debut: session.debut.clone(),
                fin: session.fin.clone(),
                etat_recrutement: session.etat_recrutement.clone(),
            }
            .into_active_model()
            .insert(conn)
            .await?;
        }
    }
    if let Some(siret) = &organisme.siret
        && let Some(org) = organisation::Entity::find()
            .filter(organisation::Column::Siret.eq(siret.as_str()))
            .one(conn)
            .await?
    {
        formation_organisation::Model {
            formation_id: id,
            organisation_id: org.id,
        }
        .into_active_model()
        .insert(conn)
        .await?;
    }
    Ok(())
}

/// Removes a training published from a module, with all it holds.
pub(super) async fn remove<C: ConnectionTrait>(conn: &C, id: &str) -> Result<(), StoreError> {
    let actions: Vec<String> = formation_action::Entity::find()
        .filter(formation_action::Column::FormationId.eq(id))
        .all(conn)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    formation_session::Entity::delete_many()
        .filter(formation_session::Column::ActionId.is_in(actions))
        .exec(conn)
        .await?;
    formation_action::Entity::delete_many()
        .filter(formation_action::Column::FormationId.eq(id))
        .exec(conn)
        .await?;
    formation_code::Entity::delete_many()
        .filter(formation_code::Column::FormationId.eq(id))
        .exec(conn)
        .await?;
    formation_lheo::Entity::delete_by_id(id.to_owned())
        .exec(conn)
        .await?;
    formation_organisation::Entity::delete_by_id(id.to_owned())
        .exec(conn)
        .await?;
    formation::Entity::delete_by_id(id.to_owned())
        .exec(conn)
        .await?;
    Ok(())
}
