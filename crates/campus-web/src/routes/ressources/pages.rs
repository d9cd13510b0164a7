//! The library's pages: the list with its search form and facets (usable
//! without JavaScript), a resource's page (with its schema.org JSON-LD),
//! the form that proposes or edits a resource, file versions, the
//! moderation queue of the campus team.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use campus_documents::{DocumentKey, DocumentKind};
use campus_domain::evenement::Audience;
use campus_domain::ressource::{
    ActionModeration, EtatRessource, Licence, TypeRessource, Visibilite,
};
use campus_domain::{CodeRome, Niveau};
use campus_store::documents::NouveauDocument;
use campus_store::ressources::{FiltreRessources, ModerationError, Ressource};
use serde::Deserialize;

use super::validate::{self, RessourceValues};
use super::{AUTEURS, FICHIER_MAX_BYTES, edite, lecteur, mails, visible};
use crate::auth::{CurrentUser, Identity, MaybeUser};
use crate::chrome::Chrome;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, FormErrors};
use crate::i18n::Tr;
use crate::routes::{invalid, ok_notice, see_other};
use crate::state::AppState;
use crate::templates::{Options, render};

/// The kinds of file a resource may hold: PDF, office documents, images.
/// Videos are given as links (the document store does not recognise MP4).
const KINDS: [DocumentKind; 10] = DocumentKind::ALL;

/// A resource in a list.
pub(crate) struct Carte {
    pub id: i32,
    pub titre: String,
    pub type_key: &'static str,
    pub licence: &'static str,
    pub etat_key: &'static str,
    pub approuvee: bool,
    pub resume: String,
}

impl Carte {
    pub(crate) fn of(r: &Ressource) -> Carte {
        Carte {
            id: r.id,
            titre: r.titre.clone(),
            type_key: r.type_ressource.label_key(),
            licence: r.licence.sigle(),
            etat_key: r.etat.label_key(),
            approuvee: r.etat == EtatRessource::Approuvee,
            resume: r
                .description
                .lines()
                .next()
                .unwrap_or_default()
                .chars()
                .take(240)
                .collect(),
        }
    }
}

/// The approved public resources that pass `filtre`, as cards: what the
/// trade, certification and equipment pages show.
pub(crate) async fn cartes(state: &AppState, filtre: &FiltreRessources) -> AppResult<Vec<Carte>> {
    Ok(state
        .store
        .ressources()
        .publiques(filtre)
        .await?
        .iter()
        .map(Carte::of)
        .collect())
}

/// The list's search form and facets.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ListQuery {
    pub q: String,
    #[serde(rename = "type")]
    pub type_ressource: String,
    pub audience: String,
    pub niveau: String,
    pub metier: String,
    pub bloc: String,
    pub licence: String,
}

impl ListQuery {
    /// The filter the query asks for; values nobody could have picked
    /// are ignored rather than refused (the address is typed by anyone).
    pub(crate) fn filtre(&self) -> FiltreRessources {
        FiltreRessources {
            texte: self.q.chars().take(200).collect(),
            type_ressource: TypeRessource::parse(&self.type_ressource).ok(),
            audience: Audience::parse(&self.audience).ok(),
            niveau: self.niveau.trim().parse().ok().and_then(Niveau::new),
            metier: CodeRome::parse(&self.metier).ok(),
            bloc: (!self.bloc.trim().is_empty()).then(|| self.bloc.trim().to_uppercase()),
            licence: Licence::parse(&self.licence).ok(),
            ..Default::default()
        }
    }
}

/// One facet: its field, label and options with their counts.
pub(crate) struct Facette {
    pub name: &'static str,
    pub label: String,
    pub options: Options,
    pub selected: String,
}

#[derive(Template)]
#[template(path = "ressources/liste.html")]
pub(crate) struct ListPage {
    pub chrome: Chrome,
    pub q: String,
    pub facettes: Vec<Facette>,
    pub ressources: Vec<Carte>,
    pub miennes: Vec<Carte>,
    pub peut_proposer: bool,
}

/// Counts the values of `key` over `list`, as options « label (n) ».
fn facette<K: Ord + Clone>(
    name: &'static str,
    label: String,
    list: &[Ressource],
    values: impl Fn(&Ressource) -> Vec<(K, String, String)>,
    selected: String,
    tous: &str,
) -> Facette {
    let mut counts: BTreeMap<K, (String, String, usize)> = BTreeMap::new();
    for r in list {
        for (k, value, label) in values(r) {
            counts.entry(k).or_insert((value, label, 0)).2 += 1;
        }
    }
    let mut options = vec![(String::new(), tous.to_owned())];
    options.extend(
        counts
            .into_values()
            .map(|(value, label, n)| (value, format!("{label} ({n})"))),
    );
    Facette {
        name,
        label,
        options,
        selected,
    }
}

pub(crate) async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(me): MaybeUser,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let lecteur = lecteur(&state, me.as_ref()).await?;
    let store = state.store.ressources();
    let mut filtre = q.filtre();
    filtre.etat = Some(EtatRessource::Approuvee);
    let found = store.liste(&filtre, &lecteur).await?;
    // The facets count what the words found, whatever the other facets.
    let base = store
        .liste(
            &FiltreRessources {
                texte: filtre.texte.clone(),
                etat: Some(EtatRessource::Approuvee),
                ..Default::default()
            },
            &lecteur,
        )
        .await?;
    let tous = tr.t("ressources-tous");
    let facettes = vec![
        facette(
            "type",
            tr.t("ressource-field-type"),
            &base,
            |r| {
                vec![(
                    r.type_ressource.as_str(),
                    r.type_ressource.as_str().to_owned(),
                    tr.t(r.type_ressource.label_key()),
                )]
            },
            q.type_ressource.clone(),
            &tous,
        ),
        facette(
            "audience",
            tr.t("ressource-field-audiences"),
            &base,
            |r| {
                r.audiences
                    .iter()
                    .map(|a| (a.as_str(), a.as_str().to_owned(), tr.t(a.label_key())))
                    .collect()
            },
            q.audience.clone(),
            &tous,
        ),
        facette(
            "niveau",
            tr.t("ressource-field-niveaux"),
            &base,
            |r| {
                r.niveaux
                    .iter()
                    .map(|n| {
                        (
                            n.value(),
                            n.value().to_string(),
                            tr.ts("ressource-niveau", "niveau", &n.value().to_string()),
                        )
                    })
                    .collect()
            },
            q.niveau.clone(),
            &tous,
        ),
        facette(
            "metier",
            tr.t("ressource-field-metiers"),
            &base,
            |r| {
                r.metiers
                    .iter()
                    .map(|(c, l)| (l.clone(), c.as_str().to_owned(), l.clone()))
                    .collect()
            },
            q.metier.clone(),
            &tous,
        ),
        facette(
            "bloc",
            tr.t("ressource-field-blocs"),
            &base,
            |r| {
                r.blocs
                    .iter()
                    .map(|(c, l)| (c.clone(), c.clone(), format!("{c} – {l}")))
                    .collect()
            },
            q.bloc.clone(),
            &tous,
        ),
        facette(
            "licence",
            tr.t("ressource-field-licence"),
            &base,
            |r| {
                vec![(
                    r.licence.as_str(),
                    r.licence.as_str().to_owned(),
                    r.licence.sigle().to_owned(),
                )]
            },
            q.licence.clone(),
            &tous,
        ),
    ];
    let miennes = match &me {
        Some(me) => store
            .liste(
                &FiltreRessources {
                    auteur: Some(me.user.id),
                    ..Default::default()
                },
                &lecteur,
            )
            .await?
            .iter()
            .map(Carte::of)
            .collect(),
        None => Vec::new(),
    };
    let page = ListPage {
        q: q.q.clone(),
        facettes,
        ressources: found.iter().map(Carte::of).collect(),
        miennes,
        peut_proposer: me
            .as_ref()
            .is_some_and(|me| AUTEURS.contains(&me.user.role)),
        chrome,
    };
    Ok(render(&page)?.into_response())
}

/// A version of the resource's file, for the page.
pub(crate) struct VersionRow {
    pub version: i32,
    pub nom: String,
    pub nature: String,
    pub taille_ko: i64,
    pub date: String,
}

#[derive(Template)]
#[template(path = "ressources/ressource.html")]
pub(crate) struct ShowPage {
    pub chrome: Chrome,
    pub r: Ressource,
    pub ok_key: Option<String>,
    pub errors: FormErrors,
    pub type_key: &'static str,
    pub licence_url: Option<&'static str>,
    pub audiences: String,
    pub niveaux: String,
    pub langue: String,
    pub duree: Option<String>,
    pub date_version: String,
    pub versions: Vec<VersionRow>,
    pub evenements: Vec<(String, String)>,
    pub jsonld: Option<String>,
    pub edite: bool,
    pub modere: bool,
    pub resoumet: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct ShowQuery {
    ok: String,
}

async fn show_page(
    state: &AppState,
    chrome: Chrome,
    me: Option<&Identity>,
    r: Ressource,
    ok: &str,
    errors: FormErrors,
) -> AppResult<ShowPage> {
    let tr = chrome.tr();
    let evenements = state
        .store
        .ressources()
        .evenements(r.id)
        .await?
        .into_iter()
        .collect();
    let jsonld = r
        .est_publique()
        .then(|| super::jsonld::learning_resource(state, &tr, &r))
        .transpose()?;
    let edite = me.is_some_and(|me| edite(me, &r));
    let staff = me.is_some_and(|me| me.user.role.is_campus_staff());
    Ok(ShowPage {
        ok_key: ok_notice("ressource-ok", ok),
        errors,
        type_key: r.type_ressource.label_key(),
        licence_url: r.licence.url(),
        audiences: r
            .audiences
            .iter()
            .map(|a| tr.t(a.label_key()))
            .collect::<Vec<_>>()
            .join(", "),
        niveaux: r
            .niveaux
            .iter()
            .map(|n| n.value().to_string())
            .collect::<Vec<_>>()
            .join(", "),
        langue: r.langue.as_str().to_owned(),
        duree: r
            .duree_minutes
            .map(|m| tr.ts("ressource-duree-minutes", "minutes", &m.to_string())),
        date_version: tr.date(r.date_version),
        versions: r
            .fichiers
            .iter()
            .map(|f| VersionRow {
                version: f.version,
                nom: f.fichier.nom.clone(),
                nature: f.fichier.nature.to_uppercase(),
                taille_ko: (f.fichier.taille + 1023) / 1024,
                date: tr.date(f.created_at.date_naive()),
            })
            .collect(),
        evenements,
        jsonld,
        edite,
        modere: staff && r.etat == EtatRessource::Proposee,
        resoumet: edite && r.etat == EtatRessource::ARevoir,
        r,
        chrome,
    })
}

pub(crate) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(me): MaybeUser,
    Path(id): Path<String>,
    Query(q): Query<ShowQuery>,
) -> AppResult<Response> {
    let lecteur = lecteur(&state, me.as_ref()).await?;
    let r = visible(&state, &id, &lecteur).await?;
    if r.etat == EtatRessource::Approuvee {
        state.store.ressources().compter_vue(r.id).await?;
    }
    let page = show_page(&state, chrome, me.as_ref(), r, &q.ok, FormErrors::default()).await?;
    Ok(render(&page)?.into_response())
}

#[derive(Template)]
#[template(path = "ressources/form.html")]
pub(crate) struct FormPage {
    pub chrome: Chrome,
    pub errors: FormErrors,
    pub title: String,
    pub action: String,
    pub v: RessourceValues,
    pub types: Options,
    pub licences: Vec<(String, String, Option<&'static str>)>,
    pub visibilites: Options,
    /// `(value, label, checked)`.
    pub audiences: Vec<(String, String, bool)>,
    pub niveaux: Vec<(String, String, bool)>,
    pub organisations: Options,
    pub equipements: Vec<(i32, String, bool)>,
    pub metiers: String,
    pub certifications: String,
    pub blocs: String,
}

/// The organisations `me` may name on a resource: their own; every
/// organisation of the network for the campus team.
async fn organisations_of(state: &AppState, me: &Identity) -> AppResult<Vec<(i32, String)>> {
    if me.user.role.is_campus_staff() {
        return crate::routes::projets::validate::network_organisations(state).await;
    }
    Ok(state
        .store
        .memberships_of(me.user.id)
        .await?
        .into_iter()
        .map(|(o, _)| (o.id, o.nom))
        .collect())
}

async fn form_page(
    state: &AppState,
    chrome: Chrome,
    me: &Identity,
    errors: FormErrors,
    v: RessourceValues,
    id: Option<i32>,
) -> AppResult<FormPage> {
    let tr = chrome.tr();
    let (title, action) = match id {
        Some(id) => (
            tr.t("ressource-modifier"),
            format!("/ressources/{id}/modifier"),
        ),
        None => (tr.t("ressource-nouvelle"), "/ressources".to_owned()),
    };
    let mut types = vec![(String::new(), tr.t("ressource-choisir"))];
    types.extend(TypeRessource::all().map(|t| (t.as_str().to_owned(), tr.t(t.label_key()))));
    let licences = Licence::all()
        .map(|l| (l.as_str().to_owned(), tr.t(l.label_key()), l.url()))
        .collect();
    let visibilites = Visibilite::all()
        .map(|x| (x.as_str().to_owned(), tr.t(x.label_key())))
        .collect();
    let audiences = Audience::all()
        .map(|a| {
            (
                a.as_str().to_owned(),
                tr.t(a.label_key()),
                v.audiences.iter().any(|x| x == a.as_str()),
            )
        })
        .collect();
    let niveaux = (3u8..=7)
        .filter_map(Niveau::new)
        .map(|n| {
            let value = n.value().to_string();
            let checked = v.niveaux.contains(&value);
            (value, tr.t(n.label_key()), checked)
        })
        .collect();
    let mut organisations = vec![(String::new(), tr.t("ressource-sans-organisation"))];
    organisations.extend(
        organisations_of(state, me)
            .await?
            .into_iter()
            .map(|(id, nom)| (id.to_string(), nom)),
    );
    let equipements = crate::routes::projets::validate::equipment(state)
        .await?
        .into_iter()
        .map(|(id, nom)| (id, nom, v.equipements.contains(&id)))
        .collect();
    Ok(FormPage {
        errors,
        title,
        action,
        types,
        licences,
        visibilites,
        audiences,
        niveaux,
        organisations,
        equipements,
        metiers: v.metiers.join("\n"),
        certifications: v.certifications.join("\n"),
        blocs: v.blocs.join("\n"),
        v,
        chrome,
    })
}

pub(crate) async fn new_page(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
) -> AppResult<Response> {
    let v = RessourceValues {
        visibilite: Visibilite::Public.as_str().to_owned(),
        langue: "fr".to_owned(),
        version: "1".to_owned(),
        ..Default::default()
    };
    let page = form_page(&state, chrome, &me, FormErrors::default(), v, None).await?;
    Ok(render(&page)?.into_response())
}

pub(crate) async fn create(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let v = RessourceValues::from_pairs(pairs);
    let organisations = organisations_of(&state, &me).await?;
    match validate::ressource(&state, &tr, &v, &organisations).await? {
        Ok(input) => {
            let directe = me.user.role.is_campus_staff();
            let (id, _) = state
                .store
                .ressources()
                .creer(&input, me.user.id, directe, Vec::new())
                .await?;
            if directe {
                crate::routes::search::ressource_changed(&state, id).await;
            }
            let ok = if directe { "publiee" } else { "proposee" };
            Ok(see_other(&format!("/ressources/{id}?ok={ok}")))
        }
        Err(errors) => {
            let page = form_page(&state, chrome, &me, errors, v, None).await?;
            Ok(invalid(render(&page)?))
        }
    }
}

/// The resource `id` for its editor (author or campus team), or 403/404.
async fn for_editor(state: &AppState, me: &Identity, id: &str) -> AppResult<Ressource> {
    let lecteur = lecteur(state, Some(me)).await?;
    let r = visible(state, id, &lecteur).await?;
    if !edite(me, &r) {
        return Err(AppError::Forbidden);
    }
    Ok(r)
}

pub(crate) async fn edit_page(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let r = for_editor(&state, &me, &id).await?;
    let v = RessourceValues::of(&r);
    let page = form_page(&state, chrome, &me, FormErrors::default(), v, Some(r.id)).await?;
    Ok(render(&page)?.into_response())
}

pub(crate) async fn update(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let r = for_editor(&state, &me, &id).await?;
    let v = RessourceValues::from_pairs(pairs);
    let mut organisations = organisations_of(&state, &me).await?;
    // The organisation already named stays allowed to its editors.
    if let Some(o) = &r.organisation
        && !organisations.iter().any(|(id, _)| *id == o.0)
    {
        organisations.push(o.clone());
    }
    match validate::ressource(&state, &tr, &v, &organisations).await? {
        Ok(input) => {
            let staff = me.user.role.is_campus_staff();
            state
                .store
                .ressources()
                .modifier(r.id, &input, staff)
                .await?;
            crate::routes::search::ressource_changed(&state, r.id).await;
            Ok(see_other(&format!("/ressources/{}?ok=modifiee", r.id)))
        }
        Err(errors) => {
            let page = form_page(&state, chrome, &me, errors, v, Some(r.id)).await?;
            Ok(invalid(render(&page)?))
        }
    }
}

/// Reads the upload form (`multipart/form-data`: `fichier`). The body is
/// taken as a result so that who may upload is checked before what was
/// sent.
async fn read_fichier(
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Option<(String, Vec<u8>)>> {
    let bad = |detail: String| AppError::BadRequest {
        key: "error-form",
        detail: Some(detail),
    };
    let mut multipart = multipart.map_err(|e| bad(e.body_text()))?;
    let mut fichier = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| bad(e.to_string()))?
    {
        if field.name() == Some("fichier") {
            let name = field.file_name().unwrap_or("ressource").to_owned();
            let bytes = field.bytes().await.map_err(|e| bad(e.to_string()))?;
            if !bytes.is_empty() {
                fichier = Some((name, bytes.to_vec()));
            }
        }
    }
    Ok(fichier)
}

/// Checks a file by its bytes and size, stores it and registers it as the
/// next version; the errors to show otherwise, nothing stored.
pub(crate) async fn deposer(
    state: &AppState,
    tr: &Tr,
    me: &Identity,
    r: &Ressource,
    fichier: Option<(String, Vec<u8>)>,
) -> AppResult<Result<i32, FormErrors>> {
    let mut errors = FormErrors::default();
    let Some((nom, bytes)) = fichier else {
        errors.add("fichier", tr.t("ressource-fichier-manquant"));
        return Ok(Err(errors));
    };
    let kind = match campus_documents::check(&bytes, FICHIER_MAX_BYTES, &KINDS) {
        Ok(kind) => kind,
        Err(rejected) => {
            errors.add("fichier", rejected.to_string());
            return Ok(Err(errors));
        }
    };
    let key = DocumentKey::new("ressources");
    let taille = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    state
        .documents
        .put(&key, bytes)
        .await
        .map_err(|e| AppError::Internal(Box::new(e)))?;
    let doc = NouveauDocument {
        cle: key.as_str().to_owned(),
        nature: kind.as_str().to_owned(),
        taille,
        nom,
        proprietaire_user_id: Some(me.user.id),
    };
    match state
        .store
        .ressources()
        .deposer_fichier(r.id, &doc, me.user.id)
        .await
    {
        Ok(version) => Ok(Ok(version)),
        Err(e) => {
            if let Err(d) = state.documents.delete(&key).await {
                tracing::warn!(erreur = %d, "fichier de ressource refusé non supprimé");
            }
            Err(e.into())
        }
    }
}

pub(crate) async fn upload(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let r = for_editor(&state, &me, &id).await?;
    let fichier = read_fichier(multipart).await?;
    match deposer(&state, &tr, &me, &r, fichier).await? {
        Ok(_) => Ok(see_other(&format!(
            "/ressources/{}?ok=fichier#fichiers",
            r.id
        ))),
        Err(errors) => {
            let page = show_page(&state, chrome, Some(&me), r, "", errors).await?;
            Ok(invalid(render(&page)?))
        }
    }
}

/// Serves one version of a resource's file to those who may see the
/// resource; counts the download, without who.
pub(crate) async fn download(
    State(state): State<AppState>,
    MaybeUser(me): MaybeUser,
    Path((id, version)): Path<(String, String)>,
) -> AppResult<Response> {
    let lecteur = lecteur(&state, me.as_ref()).await?;
    let r = visible(&state, &id, &lecteur).await?;
    let version: i32 = version.trim().parse().map_err(|_| AppError::NotFound)?;
    let f = r
        .fichiers
        .iter()
        .find(|f| f.version == version)
        .ok_or(AppError::NotFound)?;
    let key = DocumentKey::parse(&f.fichier.cle).map_err(|e| AppError::Internal(Box::new(e)))?;
    let kind =
        DocumentKind::parse(&f.fichier.nature).map_err(|e| AppError::Internal(Box::new(e)))?;
    let bytes = match state.documents.get(&key).await {
        Ok(bytes) => bytes,
        Err(campus_documents::DocumentsError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(AppError::Internal(Box::new(e))),
    };
    if r.etat == EtatRessource::Approuvee {
        state
            .store
            .ressources()
            .compter_telechargement(r.id)
            .await?;
    }
    let filename = format!(
        "{}-v{}.{}",
        campus_domain::slugify(&r.titre),
        f.version,
        kind.extension()
    );
    let cache = if r.est_publique() {
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
pub(crate) struct ModerationForm {
    action: String,
    motif: String,
}

/// Longest reason for sending a resource back.
const MOTIF_MAX: usize = 2000;

/// A moderation step: the campus team approves or sends back (with a
/// reason); the author proposes again what was sent back.
pub(crate) async fn moderate(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(form): Form<ModerationForm>,
) -> AppResult<Response> {
    let tr = chrome.tr();
    let r = for_editor(&state, &me, &id).await?;
    let action = ActionModeration::parse(&form.action).map_err(|_| AppError::BadRequest {
        key: "ressource-action-inconnue",
        detail: None,
    })?;
    if action.par_equipe() && !me.user.role.is_campus_staff() {
        return Err(AppError::Forbidden);
    }
    let motif = form.motif.trim();
    let mut errors = FormErrors::default();
    if action == ActionModeration::Renvoyer {
        if motif.is_empty() {
            errors.add("motif", tr.t("ressource-motif-requis"));
        } else if motif.chars().count() > MOTIF_MAX {
            errors.add("motif", tr.t("ressource-texte-trop-long"));
        }
    }
    if !errors.is_empty() {
        let page = show_page(&state, chrome, Some(&me), r, "", errors).await?;
        return Ok(invalid(render(&page)?));
    }
    let mut mails = Vec::new();
    if action.par_equipe()
        && let Some(auteur) = r.auteur_user_id
        && auteur != me.user.id
    {
        let user = state.store.user(auteur).await?;
        mails.push(mails::decision(&state, &user, &r, action, motif));
    }
    let motif = (action == ActionModeration::Renvoyer).then(|| motif.to_owned());
    match state
        .store
        .ressources()
        .moderer(r.id, action, motif, mails)
        .await
    {
        Ok(_) => {}
        Err(ModerationError::Perime) => return Err(AppError::Conflict("ressource-perimee")),
        Err(ModerationError::Store(e)) => return Err(e.into()),
    }
    state.mail_queued.notify_one();
    crate::routes::search::ressource_changed(&state, r.id).await;
    Ok(see_other(&format!(
        "/ressources/{}?ok={}",
        r.id,
        action.as_str()
    )))
}

#[derive(Template)]
#[template(path = "ressources/moderation.html")]
pub(crate) struct QueuePage {
    pub chrome: Chrome,
    pub proposees: Vec<Carte>,
    pub a_revoir: Vec<Carte>,
    pub liens_casses: Vec<Carte>,
}

/// The campus team's moderation queue, and the resources whose link is
/// broken.
pub(crate) async fn queue(
    State(state): State<AppState>,
    chrome: Chrome,
    CurrentUser(me): CurrentUser,
) -> AppResult<Response> {
    let lecteur = lecteur(&state, Some(&me)).await?;
    let all = state
        .store
        .ressources()
        .liste(&FiltreRessources::default(), &lecteur)
        .await?;
    let page = QueuePage {
        proposees: all
            .iter()
            .filter(|r| r.etat == EtatRessource::Proposee)
            .map(Carte::of)
            .collect(),
        a_revoir: all
            .iter()
            .filter(|r| r.etat == EtatRessource::ARevoir)
            .map(Carte::of)
            .collect(),
        liens_casses: all.iter().filter(|r| r.lien_casse).map(Carte::of).collect(),
        chrome,
    };
    Ok(render(&page)?.into_response())
}
