//! Photos of an equipment: added and deleted by its managers and the
//! campus team, shown on its page with their alternative text.
//!
//! An upload is checked by its bytes (PNG, JPEG or WebP, 5 Mo at most),
//! never by its name or declared type; who may upload is checked before
//! the body is read. The bytes go to the document store first, then the
//! photo is registered in one transaction; if that fails the bytes are
//! deleted again. A photo is served only after checking who may see it:
//! anyone while the equipment is in the public catalogue, its managers
//! and the campus team once it is retired.

use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use campus_documents::{DocumentKey, DocumentKind};
use campus_store::StoreError;
use campus_store::documents::NouveauDocument;
use campus_store::equipements::photos::TEXTE_ALTERNATIF_MAX;
use campus_store::equipements::{Equipement, GestionError};

use super::fiche::{self, EquipementValues};
use super::gestion::managed;
use super::manages;
use crate::auth::{CurrentUser, Identity, MaybeUser};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::FormErrors;
use crate::i18n::Tr;
use crate::routes::insertion::path_id;
use crate::routes::see_other;
use crate::state::AppState;
use crate::templates::render;

/// Largest photo.
pub(crate) const PHOTO_MAX_BYTES: usize = 5 * 1024 * 1024;
/// Body limit of the upload route: the photo and the multipart framing.
pub(super) const UPLOAD_BODY_LIMIT: usize = PHOTO_MAX_BYTES + 64 * 1024;
/// What a photo may be.
const IMAGES: [DocumentKind; 3] = [DocumentKind::Png, DocumentKind::Jpeg, DocumentKind::Webp];

/// A photo as sent.
#[derive(Default)]
struct Envoi {
    texte_alternatif: String,
    photo: Option<(String, Vec<u8>)>,
}

/// Reads the upload form (`multipart/form-data`: `texte_alternatif`,
/// `photo`). The body is taken as a result so that the caller checks who
/// may upload before it is read.
async fn read_envoi(multipart: Result<Multipart, MultipartRejection>) -> AppResult<Envoi> {
    let bad = |detail: String| AppError::BadRequest {
        key: "error-form",
        detail: Some(detail),
    };
    let mut multipart = multipart.map_err(|e| bad(e.body_text()))?;
    let mut envoi = Envoi::default();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| bad(e.to_string()))?
    {
        match field.name() {
            Some("texte_alternatif") => {
                envoi.texte_alternatif = field.text().await.map_err(|e| bad(e.to_string()))?;
            }
            Some("photo") => {
                let name = field.file_name().unwrap_or("photo").to_owned();
                let bytes = field.bytes().await.map_err(|e| bad(e.to_string()))?;
                if !bytes.is_empty() {
                    envoi.photo = Some((name, bytes.to_vec()));
                }
            }
            _ => {}
        }
    }
    Ok(envoi)
}

/// The alternative text, or why it is refused.
fn texte_alternatif(tr: &Tr, typed: &str, errors: &mut FormErrors) -> Option<String> {
    let text = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    let key = if text.is_empty() {
        "equipement-photo-alt-required"
    } else if text.chars().count() > TEXTE_ALTERNATIF_MAX {
        "equipement-photo-alt-too-long"
    } else if text.chars().any(char::is_control) {
        "text-control-chars"
    } else {
        return Some(text);
    };
    errors.add("texte_alternatif", tr.t(key));
    None
}

/// Checks, stores and registers a photo; the errors to show if refused.
/// Nothing is left behind when it is: the bytes are deleted again if the
/// registration fails.
async fn deposer(
    state: &AppState,
    tr: &Tr,
    me: &Identity,
    e: &Equipement,
    envoi: Envoi,
) -> AppResult<Result<(), FormErrors>> {
    let mut errors = FormErrors::default();
    let alt = texte_alternatif(tr, &envoi.texte_alternatif, &mut errors);
    let kind = match &envoi.photo {
        None => {
            errors.add("photo", tr.t("equipement-photo-missing"));
            None
        }
        Some((_, bytes)) => match campus_documents::check(bytes, PHOTO_MAX_BYTES, &IMAGES) {
            Ok(kind) => Some(kind),
            Err(rejected) => {
                errors.add("photo", rejected.to_string());
                None
            }
        },
    };
    let (Some(alt), Some(kind), Some((nom, bytes)), true) =
        (alt, kind, envoi.photo, errors.is_empty())
    else {
        return Ok(Err(errors));
    };
    let key = DocumentKey::new("equipements");
    let fichier = NouveauDocument {
        cle: key.as_str().to_owned(),
        nature: kind.as_str().to_owned(),
        taille: bytes.len() as i64,
        nom,
        proprietaire_user_id: Some(me.user.id),
    };
    state
        .documents
        .put(&key, bytes)
        .await
        .map_err(|err| AppError::Internal(Box::new(err)))?;
    let result = state
        .store
        .equipements()
        .ajouter_photo(e.id, &fichier, &alt, me.user.id)
        .await;
    if result.is_err()
        && let Err(err) = state.documents.delete(&key).await
    {
        tracing::warn!(erreur = %err, "photo d'équipement refusée non supprimée du stockage");
    }
    match result {
        Ok(_) => Ok(Ok(())),
        Err(GestionError::TropDePhotos) => {
            errors.add("photo", tr.t("equipement-photo-too-many"));
            Ok(Err(errors))
        }
        Err(GestionError::Store(err)) => Err(err.into()),
        Err(other) => Err(AppError::Internal(Box::new(other))),
    }
}

pub(super) async fn upload(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let e = managed(&state, &me, &slug).await?;
    let envoi = read_envoi(multipart).await?;
    let typed = envoi.texte_alternatif.clone();
    match deposer(&state, &tr, &me, &e, envoi).await? {
        Ok(()) => Ok(see_other(&format!(
            "/equipements/{}/modifier?ok=photo#photos",
            e.slug
        ))),
        Err(errors) => {
            let v = EquipementValues::of(&e);
            let page = fiche::page(&state, chrome, Some(e), v, errors, None, typed).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

/// Serves a photo to those who may see it (see the module's
/// documentation), with the type read from its bytes at upload.
pub(super) async fn show(
    State(state): State<AppState>,
    MaybeUser(me): MaybeUser,
    Path((slug, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let e = state.store.equipements().equipement_by_slug(&slug).await?;
    let public = e.au_catalogue();
    if !public {
        let allowed = match &me {
            Some(me) => manages(&state, me, &e).await?,
            None => false,
        };
        if !allowed {
            return Err(AppError::NotFound);
        }
    }
    let id = path_id(&id)?;
    let photo = match state.store.equipements().photo(id).await {
        Ok(p) if p.equipement_id == e.id => p,
        Ok(_) | Err(StoreError::NotFound) => return Err(AppError::NotFound),
        Err(err) => return Err(err.into()),
    };
    let key =
        DocumentKey::parse(&photo.fichier.cle).map_err(|err| AppError::Internal(Box::new(err)))?;
    let kind = DocumentKind::parse(&photo.fichier.nature)
        .map_err(|err| AppError::Internal(Box::new(err)))?;
    let bytes = match state.documents.get(&key).await {
        Ok(bytes) => bytes,
        Err(campus_documents::DocumentsError::NotFound) => return Err(AppError::NotFound),
        Err(err) => return Err(AppError::Internal(Box::new(err))),
    };
    let filename = format!("{}-{}.{}", e.slug, photo.id, kind.extension());
    let cache = if public {
        "public, max-age=300"
    } else {
        "private, no-store"
    };
    Ok((
        [
            (header::CONTENT_TYPE, kind.mime().to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, cache.to_owned()),
        ],
        bytes,
    )
        .into_response())
}

/// Deletes a photo: its rows in one transaction, then its bytes.
pub(super) async fn delete(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path((slug, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let e = managed(&state, &me, &slug).await?;
    let id = path_id(&id)?;
    let cle = state
        .store
        .equipements()
        .supprimer_photo(e.id, id, me.user.id)
        .await?;
    match DocumentKey::parse(&cle) {
        Ok(key) => {
            if let Err(err) = state.documents.delete(&key).await {
                tracing::warn!(erreur = %err, "photo d'équipement supprimée, fichier resté au stockage");
            }
        }
        Err(err) => tracing::warn!(erreur = %err, "clé de photo d'équipement illisible"),
    }
    Ok(see_other(&format!(
        "/equipements/{}/modifier?ok=photo-supprimee#photos",
        e.slug
    )))
}
