//! The news pages: the public list (paginated), a news item's page, its
//! image, and the form that writes one (with its image uploaded to the
//! document store and its trades picked by job title).

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use campus_documents::{DocumentKey, DocumentKind};
use campus_domain::actualite::{EtatActualite, NouvelleActualite, SaisieActualite};
use campus_domain::parcours::{Found, Lookup};
use campus_store::actualites::{Actualite, ActualiteEcrite, DecisionError, FiltreActualites};
use campus_store::documents::NouveauDocument;
use campus_store::organisations::Organisation;
use serde::Deserialize;

use super::{IMAGE_MAX_BYTES, actualite_or_404, auteur, lit, refus};
use crate::auth::{CurrentUser, Identity, MaybeUser};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::FormErrors;
use crate::i18n::Tr;
use crate::parcours::demande::CatalogueLookup;
use crate::routes::{invalid, ok_notice, see_other};
use crate::state::AppState;
use crate::templates::{Options, render};

/// News per page of the list.
const PAR_PAGE: u64 = 10;
/// Most trades linked to one news item.
const MAX_METIERS: usize = 10;
/// The image types a news item takes, recognised from their bytes.
const IMAGES: [DocumentKind; 3] = [DocumentKind::Png, DocumentKind::Jpeg, DocumentKind::Webp];

/// A news item in a list.
pub(crate) struct ActualiteRow {
    pub slug: String,
    pub titre: String,
    pub resume: String,
    pub signature: String,
    pub date: String,
    pub etat_key: &'static str,
}

impl ActualiteRow {
    pub(crate) fn of(tr: &Tr, a: &Actualite) -> ActualiteRow {
        ActualiteRow {
            slug: a.slug.clone(),
            titre: a.titre.clone(),
            resume: a.resume.clone(),
            signature: a
                .signature()
                .map(str::to_owned)
                .unwrap_or_else(|| tr.t("actualite-signature-campus")),
            date: tr.date(crate::routes::insertion::jobs::legal_date(
                a.publiee_le.unwrap_or(a.created_at),
            )),
            etat_key: a.etat.label_key(),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ListQuery {
    page: String,
}

#[derive(Template)]
#[template(path = "actualites/liste.html")]
pub(crate) struct ListPage {
    pub chrome: Chrome,
    pub actualites: Vec<ActualiteRow>,
    /// 1-based.
    pub page: u64,
    pub pages: u64,
    pub peut_ecrire: bool,
    /// The signed-in author's own news, whatever their state.
    pub miennes: Vec<ActualiteRow>,
}

pub(crate) async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(me): MaybeUser,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let page = q.page.trim().parse::<u64>().unwrap_or(1).clamp(1, 10_000);
    let store = state.store.actualites();
    let (publiees, total) = store
        .liste(&FiltreActualites {
            publiees: true,
            page: page - 1,
            per_page: PAR_PAGE,
            ..Default::default()
        })
        .await?;
    let pages = total.div_ceil(PAR_PAGE).max(1);
    if page > pages {
        return Err(AppError::NotFound);
    }
    let (peut_ecrire, miennes) = match &me {
        Some(me) => (
            auteur(&state, me).await?.is_some(),
            store
                .liste(&FiltreActualites {
                    auteur: Some(me.user.id),
                    per_page: 50,
                    ..Default::default()
                })
                .await?
                .0
                .iter()
                .map(|a| ActualiteRow::of(&tr, a))
                .collect(),
        ),
        None => (false, Vec::new()),
    };
    let page = ListPage {
        actualites: publiees.iter().map(|a| ActualiteRow::of(&tr, a)).collect(),
        page,
        pages,
        peut_ecrire,
        miennes,
        chrome,
    };
    Ok(render(&page)?.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ShowQuery {
    ok: String,
}

#[derive(Template)]
#[template(path = "actualites/actualite.html")]
pub(crate) struct ShowPage {
    pub chrome: Chrome,
    pub a: Actualite,
    pub row: ActualiteRow,
    /// The body, rendered safely.
    pub corps_html: String,
    pub notice: Option<String>,
    /// The campus team reviews it.
    pub revise: bool,
    /// Its author (while it waits or was sent back) or the campus team
    /// may edit it.
    pub peut_modifier: bool,
    pub errors: FormErrors,
    pub motif: String,
}

pub(crate) fn show_page(
    chrome: Chrome,
    me: Option<&Identity>,
    a: Actualite,
    notice: Option<String>,
    errors: FormErrors,
    motif: String,
) -> ShowPage {
    let tr = chrome.tr();
    ShowPage {
        row: ActualiteRow::of(&tr, &a),
        corps_html: crate::markdown::render(&a.corps),
        revise: me.is_some_and(|me| me.user.role.is_campus_staff()),
        peut_modifier: me.is_some_and(|me| modifie(me, &a)),
        a,
        notice,
        errors,
        motif,
        chrome,
    }
}

pub(crate) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(me): MaybeUser,
    Path(slug): Path<String>,
    Query(q): Query<ShowQuery>,
) -> AppResult<Response> {
    let a = actualite_or_404(&state, &slug).await?;
    if !lit(me.as_ref(), &a) {
        return Err(refus(me.as_ref()));
    }
    let notice = ok_notice("actualite-ok", &q.ok).map(|k| chrome.t(&k));
    let page = show_page(
        chrome,
        me.as_ref(),
        a,
        notice,
        FormErrors::default(),
        String::new(),
    );
    Ok(render(&page)?.into_response())
}

/// Serves a news item's image to those who read the item.
pub(crate) async fn image(
    State(state): State<AppState>,
    MaybeUser(me): MaybeUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let a = actualite_or_404(&state, &slug).await?;
    if !lit(me.as_ref(), &a) {
        return Err(refus(me.as_ref()));
    }
    let Some((document_id, _)) = a.image else {
        return Err(AppError::NotFound);
    };
    let doc = match state.store.actualites().image(document_id).await {
        Ok(d) => d,
        Err(campus_store::StoreError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    };
    let key = DocumentKey::parse(&doc.cle).map_err(|e| AppError::Internal(Box::new(e)))?;
    let kind = DocumentKind::parse(&doc.nature).map_err(|e| AppError::Internal(Box::new(e)))?;
    if !IMAGES.contains(&kind) {
        return Err(AppError::NotFound);
    }
    let bytes = match state.documents.get(&key).await {
        Ok(bytes) => bytes,
        Err(campus_documents::DocumentsError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(AppError::Internal(Box::new(e))),
    };
    let cache = if a.etat == EtatActualite::Publiee {
        "public, max-age=300"
    } else {
        "private, no-store"
    };
    Ok((
        [
            (header::CONTENT_TYPE, kind.mime().to_owned()),
            (header::CACHE_CONTROL, cache.to_owned()),
            (
                header::HeaderName::from_static("x-content-type-options"),
                "nosniff".to_owned(),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// A news item as typed in the form.
#[derive(Clone, Debug, Default)]
pub(crate) struct ActualiteValues {
    pub titre: String,
    pub resume: String,
    pub corps: String,
    /// The id of the organisation that signs it.
    pub organisation: String,
    /// Trades: job titles as suggested, or ROME codes; one per line.
    pub metiers: String,
    pub image_alt: String,
    /// The version the author read (editing).
    pub version: String,
    /// Ids of the events and projects ticked.
    pub evenements: Vec<String>,
    pub projets: Vec<String>,
    /// The image sent: its name and bytes.
    pub image: Option<(String, Vec<u8>)>,
}

/// Reads the form (`multipart/form-data`). The body is taken as a result
/// so that who may write is checked before what was sent.
async fn read_values(
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<ActualiteValues> {
    let bad = |detail: String| AppError::BadRequest {
        key: "error-form",
        detail: Some(detail),
    };
    let mut multipart = multipart.map_err(|e| bad(e.body_text()))?;
    let mut v = ActualiteValues::default();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| bad(e.to_string()))?
    {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "image" {
            let file = field.file_name().unwrap_or("image").to_owned();
            let bytes = field.bytes().await.map_err(|e| bad(e.to_string()))?;
            if !bytes.is_empty() {
                v.image = Some((file, bytes.to_vec()));
            }
            continue;
        }
        let text = field.text().await.map_err(|e| bad(e.to_string()))?;
        match name.as_str() {
            "titre" => v.titre = text,
            "resume" => v.resume = text,
            "corps" => v.corps = text,
            "organisation" => v.organisation = text,
            "metiers" => v.metiers = text,
            "image_alt" => v.image_alt = text,
            "version" => v.version = text,
            "evenements" => v.evenements.push(text),
            "projets" => v.projets.push(text),
            _ => {}
        }
    }
    Ok(v)
}

#[derive(Template)]
#[template(path = "actualites/form.html")]
pub(crate) struct FormPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub title: String,
    pub action: String,
    /// The alternative text of the image already there, when editing.
    pub image_actuelle: Option<String>,
    /// Events and projects the item may tell about: `(id, title, ticked)`.
    pub evenements: Vec<(i32, String, bool)>,
    pub projets: Vec<(i32, String, bool)>,
    pub v: ActualiteValues,
    pub organisations: Options,
    pub image_max_mo: u64,
    /// The campus team publishes at once; others submit.
    pub publie: bool,
}

async fn form_page(
    state: &AppState,
    chrome: Chrome,
    errors: FormErrors,
    v: ActualiteValues,
    organisations: &[Organisation],
    publie: bool,
    edited: Option<&Actualite>,
) -> AppResult<FormPage> {
    let (evenements, projets) = liens_possibles(state, edited).await?;
    let ticked = |list: &[String], id: i32| list.iter().any(|x| x.trim() == id.to_string());
    let evenements = evenements
        .into_iter()
        .map(|(id, titre)| (id, titre, ticked(&v.evenements, id)))
        .collect();
    let projets = projets
        .into_iter()
        .map(|(id, titre)| (id, titre, ticked(&v.projets, id)))
        .collect();
    let (title, action) = match edited {
        Some(a) => (
            chrome.t("actualite-modifier"),
            format!("/actualites/{}/modifier", a.slug),
        ),
        None => (chrome.t("actualite-nouvelle"), "/actualites".to_owned()),
    };
    Ok(FormPage {
        errors,
        title,
        action,
        evenements,
        projets,
        image_actuelle: edited.and_then(|a| a.image.as_ref().map(|(_, alt)| alt.clone())),
        v,
        organisations: organisations
            .iter()
            .map(|o| (o.id.to_string(), o.nom.clone()))
            .collect(),
        image_max_mo: (IMAGE_MAX_BYTES / (1024 * 1024)) as u64,
        publie,
        chrome,
    })
}

/// The events (still to come) and public projects a news item may tell
/// about, with those an edited item already names: `(id, title)`.
async fn liens_possibles(
    state: &AppState,
    edited: Option<&Actualite>,
) -> AppResult<(Vec<(i32, String)>, Vec<(i32, String)>)> {
    let (events, _) = state
        .store
        .evenements()
        .list_evenements(&campus_store::evenements::EvenementFilter {
            after: Some(state.clock.now()),
            per_page: 50,
            ..Default::default()
        })
        .await?;
    let mut evenements: Vec<(i32, String)> = events.into_iter().map(|e| (e.id, e.titre)).collect();
    let mut projets: Vec<(i32, String)> = state
        .store
        .projets()
        .liste(&campus_store::projets::FiltreProjets {
            publics: true,
            ..Default::default()
        })
        .await?
        .into_iter()
        .map(|p| (p.id, p.titre))
        .collect();
    if let Some(a) = edited {
        for (id, _, titre) in &a.evenements {
            if !evenements.iter().any(|(e, _)| e == id) {
                evenements.push((*id, titre.clone()));
            }
        }
        for (id, _, titre) in &a.projets {
            if !projets.iter().any(|(p, _)| p == id) {
                projets.push((*id, titre.clone()));
            }
        }
    }
    Ok((evenements, projets))
}

pub(crate) async fn new_page(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
) -> AppResult<Response> {
    let Some(orgs) = auteur(&state, &me).await? else {
        return Err(AppError::Forbidden);
    };
    let page = form_page(
        &state,
        chrome,
        FormErrors::default(),
        ActualiteValues::default(),
        &orgs,
        me.user.role.is_campus_staff(),
        None,
    )
    .await?;
    Ok(render(&page)?.into_response())
}

/// The item to store, or the errors to show. The image is checked from
/// its bytes, not its name.
async fn valider(
    state: &AppState,
    tr: &Tr,
    me: &Identity,
    orgs: &[Organisation],
    v: &ActualiteValues,
    edited: Option<&Actualite>,
) -> AppResult<Result<(ActualiteEcrite, Option<(DocumentKind, String, Vec<u8>)>), FormErrors>> {
    let mut errors = FormErrors::default();
    let champs = match NouvelleActualite::parse(&SaisieActualite {
        titre: v.titre.clone(),
        resume: v.resume.clone(),
        corps: v.corps.clone(),
    }) {
        Ok(c) => Some(c),
        Err(refused) => {
            for (field, e) in refused {
                let key = match (field, &e) {
                    ("titre", campus_domain::TextError::Empty) => "actualite-titre-manquant",
                    ("resume", campus_domain::TextError::Empty) => "actualite-resume-manquant",
                    _ => e.message_key(),
                };
                let message = match e {
                    campus_domain::TextError::TooLong { max } => tr.tn(key, "max", max as u64),
                    _ => tr.t(key),
                };
                errors.add(field, message);
            }
            None
        }
    };
    let staff = me.user.role.is_campus_staff();
    let organisation_id = if staff {
        None
    } else {
        let chosen = v.organisation.trim();
        match orgs {
            [only] if chosen.is_empty() => Some(only.id),
            _ => match orgs.iter().find(|o| o.id.to_string() == chosen) {
                Some(o) => Some(o.id),
                None => {
                    errors.add("organisation", tr.t("actualite-organisation-invalide"));
                    None
                }
            },
        }
    };
    let loaded = state.parcours.current(&state.store).await?;
    let lookup = CatalogueLookup {
        state,
        loaded: &loaded,
    };
    let mut metiers = Vec::new();
    let typed: Vec<&str> = v
        .metiers
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if typed.len() > MAX_METIERS {
        errors.add(
            "metiers",
            tr.tn("actualite-trop-de-metiers", "max", MAX_METIERS as u64),
        );
    }
    for typed in typed.iter().take(MAX_METIERS) {
        match lookup.metier(typed) {
            Found::One(code) => metiers.push(code),
            Found::None => errors.add("metiers", tr.ts("actualite-metier-inconnu", "texte", typed)),
            Found::Several(choices) => errors.add(
                "metiers",
                tr.ts("offre-metier-ambigu", "choix", &choices.join(" ; ")),
            ),
        }
    }
    let (evenements_possibles, projets_possibles) = liens_possibles(state, edited).await?;
    let pick = |typed: &[String], possible: &[(i32, String)]| -> Option<Vec<i32>> {
        typed
            .iter()
            .map(|t| {
                t.trim()
                    .parse::<i32>()
                    .ok()
                    .filter(|id| possible.iter().any(|(p, _)| p == id))
            })
            .collect()
    };
    let evenements = pick(&v.evenements, &evenements_possibles).unwrap_or_else(|| {
        errors.add("evenements", tr.t("actualite-evenement-invalide"));
        Vec::new()
    });
    let projets = pick(&v.projets, &projets_possibles).unwrap_or_else(|| {
        errors.add("projets", tr.t("actualite-projet-invalide"));
        Vec::new()
    });
    let alt = v.image_alt.split_whitespace().collect::<Vec<_>>().join(" ");
    let image = match &v.image {
        None => None,
        Some((name, bytes)) => {
            let kind = match campus_documents::check(bytes, IMAGE_MAX_BYTES, &IMAGES) {
                Ok(kind) => Some(kind),
                Err(rejected) => {
                    errors.add(
                        "image",
                        tr.ts("actualite-image-refusee", "raison", &rejected.to_string()),
                    );
                    None
                }
            };
            if alt.is_empty() {
                errors.add("image_alt", tr.t("actualite-image-alt-manquant"));
            } else if alt.chars().count() > campus_domain::actualite::ALT_MAX {
                errors.add(
                    "image_alt",
                    tr.tn(
                        "actualite-image-alt-long",
                        "max",
                        campus_domain::actualite::ALT_MAX as u64,
                    ),
                );
            }
            kind.map(|k| (k, name.clone(), bytes.clone()))
        }
    };
    let Some(champs) = champs.filter(|_| errors.is_empty()) else {
        return Ok(Err(errors));
    };
    // The document's key and kind are set once its bytes are stored.
    let document = image.as_ref().map(|(_, name, _)| {
        (
            NouveauDocument {
                cle: String::new(),
                nature: String::new(),
                taille: 0,
                nom: name.clone(),
                proprietaire_user_id: Some(me.user.id),
            },
            alt.clone(),
        )
    });
    let etat = if staff {
        EtatActualite::Publiee
    } else {
        EtatActualite::Soumise
    };
    Ok(Ok((
        ActualiteEcrite {
            champs,
            organisation_id,
            metiers,
            evenements,
            projets,
            image: document,
            etat,
        },
        image,
    )))
}

/// Puts the image's bytes in the document store and completes its
/// document; its key, to delete if the change is then refused.
async fn store_image(
    state: &AppState,
    image: Option<(DocumentKind, String, Vec<u8>)>,
    ecrite: &mut ActualiteEcrite,
) -> AppResult<Option<DocumentKey>> {
    let (Some((kind, _, bytes)), Some((doc, _))) = (image, ecrite.image.as_mut()) else {
        return Ok(None);
    };
    let key = DocumentKey::new("actualites");
    doc.cle = key.as_str().to_owned();
    doc.nature = kind.as_str().to_owned();
    doc.taille = bytes.len() as i64;
    state
        .documents
        .put(&key, bytes)
        .await
        .map_err(|e| AppError::Internal(Box::new(e)))?;
    Ok(Some(key))
}

pub(crate) async fn create(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let Some(orgs) = auteur(&state, &me).await? else {
        return Err(AppError::Forbidden);
    };
    let tr = chrome.tr();
    let mut v = read_values(multipart).await?;
    let (mut ecrite, image) = match valider(&state, &tr, &me, &orgs, &v, None).await? {
        Ok(ok) => ok,
        Err(errors) => {
            v.image = None;
            let staff = me.user.role.is_campus_staff();
            let page = form_page(&state, chrome, errors, v, &orgs, staff, None).await?;
            return Ok(invalid(render(&page)?));
        }
    };
    let stored = store_image(&state, image, &mut ecrite).await?;
    let result = state.store.actualites().creer(&ecrite, me.user.id).await;
    if result.is_err()
        && let Some(key) = &stored
        && let Err(e) = state.documents.delete(key).await
    {
        tracing::warn!(erreur = %e, "image d'actualité refusée non supprimée");
    }
    let (_, slug) = result?;
    let ok = if ecrite.etat == EtatActualite::Publiee {
        "publiee"
    } else {
        "soumise"
    };
    Ok(see_other(&format!("/actualites/{slug}?ok={ok}")))
}

/// Whether `me` edits `a`: its author while it waits for review or was
/// sent back, the campus team always.
fn modifie(me: &Identity, a: &Actualite) -> bool {
    me.user.role.is_campus_staff()
        || (a.auteur_user_id == Some(me.user.id)
            && matches!(a.etat, EtatActualite::Soumise | EtatActualite::Renvoyee))
}

/// The organisations the item may be signed by when edited: the author's,
/// or, for the campus team, none (the signature stays).
async fn editing_orgs(state: &AppState, me: &Identity) -> AppResult<Vec<Organisation>> {
    Ok(auteur(state, me).await?.unwrap_or_default())
}

pub(crate) async fn edit_page(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let a = actualite_or_404(&state, &slug).await?;
    if !modifie(&me, &a) {
        return Err(AppError::Forbidden);
    }
    let orgs = editing_orgs(&state, &me).await?;
    let v = ActualiteValues {
        titre: a.titre.clone(),
        resume: a.resume.clone(),
        corps: a.corps.clone(),
        organisation: a
            .organisation
            .as_ref()
            .map(|(id, _, _)| id.to_string())
            .unwrap_or_default(),
        metiers: a
            .metiers
            .iter()
            .map(|(c, l)| format!("{l} ({})", c.as_str()))
            .collect::<Vec<_>>()
            .join("\n"),
        image_alt: a
            .image
            .as_ref()
            .map(|(_, alt)| alt.clone())
            .unwrap_or_default(),
        version: a.version.to_string(),
        evenements: a
            .evenements
            .iter()
            .map(|(id, _, _)| id.to_string())
            .collect(),
        projets: a.projets.iter().map(|(id, _, _)| id.to_string()).collect(),
        image: None,
    };
    let staff = me.user.role.is_campus_staff();
    let page = form_page(
        &state,
        chrome,
        FormErrors::default(),
        v,
        &orgs,
        staff,
        Some(&a),
    )
    .await?;
    Ok(render(&page)?.into_response())
}

/// Saves the edited item; one sent back goes to review again.
pub(crate) async fn update(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(slug): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let a = actualite_or_404(&state, &slug).await?;
    if !modifie(&me, &a) {
        return Err(AppError::Forbidden);
    }
    let tr = chrome.tr();
    let orgs = editing_orgs(&state, &me).await?;
    let mut v = read_values(multipart).await?;
    let staff = me.user.role.is_campus_staff();
    let (mut ecrite, image) = match valider(&state, &tr, &me, &orgs, &v, Some(&a)).await? {
        Ok(ok) => ok,
        Err(errors) => {
            v.image = None;
            let page = form_page(&state, chrome, errors, v, &orgs, staff, Some(&a)).await?;
            return Ok(invalid(render(&page)?));
        }
    };
    if staff {
        // The campus team corrects; the signature stays the author's.
        ecrite.organisation_id = a.organisation.as_ref().map(|(id, _, _)| *id);
    }
    // The image kept keeps a description.
    let alt = v.image_alt.split_whitespace().collect::<Vec<_>>().join(" ");
    let kept_alt = if image.is_none() && a.image.is_some() {
        if alt.is_empty() || alt.chars().count() > campus_domain::actualite::ALT_MAX {
            let mut errors = FormErrors::default();
            errors.add("image_alt", tr.t("actualite-image-alt-manquant"));
            let page = form_page(&state, chrome, errors, v, &orgs, staff, Some(&a)).await?;
            return Ok(invalid(render(&page)?));
        }
        Some(alt)
    } else {
        None
    };
    let stored = store_image(&state, image, &mut ecrite).await?;
    let version = v.version.trim().parse::<i32>().ok();
    let result = state
        .store
        .actualites()
        .modifier(a.id, &ecrite, kept_alt, version)
        .await;
    let delete = match &result {
        Ok((_, Some(old))) => DocumentKey::parse(old).ok(),
        Ok((_, None)) => None,
        Err(_) => stored,
    };
    if let Some(key) = delete
        && let Err(e) = state.documents.delete(&key).await
    {
        tracing::warn!(erreur = %e, "image d'actualité remplacée ou refusée non supprimée");
    }
    match result {
        Ok((etat, _)) => {
            let ok = if etat == EtatActualite::Soumise && a.etat == EtatActualite::Renvoyee {
                "resoumise"
            } else {
                "modifiee"
            };
            Ok(see_other(&format!("/actualites/{}?ok={ok}", a.slug)))
        }
        Err(DecisionError::Impossible(_)) => Err(AppError::Conflict("actualite-deja-decidee")),
        Err(DecisionError::Store(e)) => Err(e.into()),
    }
}
