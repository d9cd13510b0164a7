//! A project's documents: upload (a new document, or a new version of one,
//! possibly answering a deliverable of the current stage), download
//! (members and the campus team; anyone for a published document of a
//! public project), publication.

use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use campus_documents::{DocumentKey, DocumentKind};
use campus_domain::projet::Livrable;
use campus_store::documents::NouveauDocument;
use campus_store::projets::{DocumentError, NouveauDocumentProjet, Projet};
use serde::Deserialize;

use super::pages::refused_form;
use super::{Acces, DOCUMENT_MAX_BYTES, membre, projet_or_404};
use crate::auth::{CurrentUser, Identity, MaybeUser};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::i18n::Tr;
use crate::routes::see_other;
use crate::state::AppState;

/// Longest title of a document.
const TITRE_MAX: usize = 200;

/// A document as sent.
#[derive(Default)]
pub(crate) struct Envoi {
    pub titre: String,
    pub livrable: String,
    pub serie_de: String,
    pub public: bool,
    pub fichier: Option<(String, Vec<u8>)>,
}

/// Reads the upload form (`multipart/form-data`: `titre`, `livrable`,
/// `serie_de`, `public`, `fichier`). The body is taken as a result so that
/// who may upload is checked before what was sent.
pub(crate) async fn read_envoi(
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Envoi> {
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
            Some("titre") => envoi.titre = field.text().await.map_err(|e| bad(e.to_string()))?,
            Some("livrable") => {
                envoi.livrable = field.text().await.map_err(|e| bad(e.to_string()))?
            }
            Some("serie_de") => {
                envoi.serie_de = field.text().await.map_err(|e| bad(e.to_string()))?
            }
            Some("public") => {
                envoi.public = field.text().await.map_err(|e| bad(e.to_string()))? == "oui"
            }
            Some("fichier") => {
                let name = field.file_name().unwrap_or("document").to_owned();
                let bytes = field.bytes().await.map_err(|e| bad(e.to_string()))?;
                if !bytes.is_empty() {
                    envoi.fichier = Some((name, bytes.to_vec()));
                }
            }
            _ => {}
        }
    }
    Ok(envoi)
}

/// Checks, stores and registers a document; its id, or the errors to show.
/// The bytes are stored first and deleted again if the registration is
/// refused: nothing is left behind either way.
pub(crate) async fn deposer(
    state: &AppState,
    tr: &Tr,
    me: &Identity,
    p: &Projet,
    envoi: Envoi,
) -> AppResult<Result<i32, FormErrors>> {
    let mut errors = FormErrors::default();
    let livrable = match envoi.livrable.trim() {
        "" => None,
        raw => match Livrable::parse(raw) {
            Ok(l) => Some(l),
            Err(_) => {
                errors.add("livrable", tr.t("projet-livrable-invalide"));
                None
            }
        },
    };
    let serie_de = match envoi.serie_de.trim() {
        "" => None,
        raw => match raw.parse::<i32>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.add("serie_de", tr.t("projet-serie-inconnue"));
                None
            }
        },
    };
    let titre = envoi.titre.split_whitespace().collect::<Vec<_>>().join(" ");
    let titre = match (titre.is_empty(), &livrable, &envoi.fichier) {
        (false, _, _) => titre,
        (true, Some(l), _) => tr.t(l.label_key()),
        (true, None, Some((name, _))) => name.clone(),
        (true, None, None) => String::new(),
    };
    if titre.chars().count() > TITRE_MAX {
        errors.add("titre", tr.t("projet-document-titre-long"));
    }
    let fichier = match &envoi.fichier {
        None => {
            errors.add("fichier", tr.t("projet-document-manquant"));
            None
        }
        Some((name, bytes)) => {
            match campus_documents::check(bytes, DOCUMENT_MAX_BYTES, &DocumentKind::ALL) {
                Ok(kind) => Some((name.clone(), kind)),
                Err(rejected) => {
                    errors.add("fichier", rejected.to_string());
                    None
                }
            }
        }
    };
    let (Some((nom, kind)), Some((_, bytes)), true) = (fichier, envoi.fichier, errors.is_empty())
    else {
        return Ok(Err(errors));
    };
    let key = DocumentKey::new("projets");
    let taille = bytes.len() as i64;
    state
        .documents
        .put(&key, bytes)
        .await
        .map_err(|e| AppError::Internal(Box::new(e)))?;
    let input = NouveauDocumentProjet {
        document: NouveauDocument {
            cle: key.as_str().to_owned(),
            nature: kind.as_str().to_owned(),
            taille,
            nom,
            proprietaire_user_id: Some(me.user.id),
        },
        titre,
        livrable,
        serie_de,
        public: envoi.public,
    };
    let result = state
        .store
        .projets()
        .deposer_document(p.id, &input, me.user.id)
        .await;
    if result.is_err()
        && let Err(e) = state.documents.delete(&key).await
    {
        tracing::warn!(erreur = %e, "document de projet refusé non supprimé");
    }
    match result {
        Ok(id) => Ok(Ok(id)),
        Err(DocumentError::LivrableHorsEtape) => {
            errors.add("livrable", tr.t("projet-livrable-hors-etape"));
            Ok(Err(errors))
        }
        Err(DocumentError::EtapeSoumise) => {
            errors.add("livrable", tr.t("projet-etape-soumise"));
            Ok(Err(errors))
        }
        Err(DocumentError::ProjetClos) => {
            errors.add("livrable", tr.t("projet-clos"));
            Ok(Err(errors))
        }
        Err(DocumentError::SerieInconnue) => {
            errors.add("serie_de", tr.t("projet-serie-inconnue"));
            Ok(Err(errors))
        }
        Err(DocumentError::Store(e)) => Err(e.into()),
    }
}

pub(crate) async fn upload(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let p = projet_or_404(&state, &slug).await?;
    let acces = membre(&me, &p)?;
    if !acces.depose() {
        return Err(AppError::Forbidden);
    }
    let envoi = read_envoi(multipart).await?;
    match deposer(&state, &tr, &me, &p, envoi).await? {
        Ok(_) => Ok(see_other(&format!("/projets/{slug}?ok=document#documents"))),
        Err(errors) => refused_form(&state, chrome, &me, p, acces, errors).await,
    }
}

/// Serves one version of a document to those who may read it.
pub(crate) async fn download(
    State(state): State<AppState>,
    MaybeUser(me): MaybeUser,
    Path((slug, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let p = projet_or_404(&state, &slug).await?;
    let acces = Acces::of(me.as_ref(), &p);
    let refused = || {
        if me.is_some() {
            AppError::Forbidden
        } else {
            AppError::Unauthorized
        }
    };
    if !acces.lit() && !p.public {
        return Err(refused());
    }
    let id = crate::routes::insertion::path_id(&id)?;
    let doc = match state.store.projets().document(id).await {
        Ok(d) if d.projet_id == p.id => d,
        Ok(_) | Err(campus_store::StoreError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    };
    if !acces.lit() && !doc.public {
        return Err(refused());
    }
    let key = DocumentKey::parse(&doc.fichier.cle).map_err(|e| AppError::Internal(Box::new(e)))?;
    let kind =
        DocumentKind::parse(&doc.fichier.nature).map_err(|e| AppError::Internal(Box::new(e)))?;
    let bytes = match state.documents.get(&key).await {
        Ok(bytes) => bytes,
        Err(campus_documents::DocumentsError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(AppError::Internal(Box::new(e))),
    };
    let filename = format!(
        "{}-v{}.{}",
        campus_domain::slugify(&doc.titre),
        doc.version,
        kind.extension()
    );
    let cache = if doc.public && p.public {
        "public, max-age=300"
    } else {
        "private, no-store"
    };
    Ok((
        [
            (header::CONTENT_TYPE, kind.mime().to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, cache.to_owned()),
        ],
        bytes,
    )
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct PublicationForm {
    public: String,
}

/// Shows or hides a document on the public page (the lead, the campus
/// team).
pub(crate) async fn publish(
    State(state): State<AppState>,
    CurrentUser(me): CurrentUser,
    Path((slug, id)): Path<(String, String)>,
    Form(form): Form<PublicationForm>,
) -> AppResult<Response> {
    let p = projet_or_404(&state, &slug).await?;
    if !membre(&me, &p)?.gere() {
        return Err(AppError::Forbidden);
    }
    let id = crate::routes::insertion::path_id(&id)?;
    match state.store.projets().document(id).await {
        Ok(d) if d.projet_id == p.id => {}
        Ok(_) | Err(campus_store::StoreError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    }
    state
        .store
        .projets()
        .publier_document(id, form.public == "oui", me.user.id)
        .await?;
    Ok(see_other(&format!(
        "/projets/{slug}?ok=publication#documents"
    )))
}
