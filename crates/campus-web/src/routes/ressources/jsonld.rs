//! A resource's metadata as schema.org `LearningResource` in JSON-LD,
//! written into its public page so that other platforms (search engines,
//! resource banks) read it without an API: name, description, kind,
//! levels, publics, language, licence, authors, version and date, the
//! trades and skills it is about.

use campus_domain::ressource::Licence;
use campus_store::ressources::Ressource;
use serde_json::{Value, json};

use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::state::AppState;

/// The JSON-LD object of an approved public resource, as text safe to put
/// in a `<script>` element (no `</` inside).
pub(crate) fn learning_resource(state: &AppState, tr: &Tr, r: &Ressource) -> AppResult<String> {
    let base = state.config.base_url();
    let url = format!("{base}/ressources/{}", r.id);
    let mut about: Vec<Value> = r
        .metiers
        .iter()
        .map(|(code, label)| {
            json!({
                "@type": "DefinedTerm",
                "name": label,
                "termCode": code.as_str(),
                "inDefinedTermSet": "https://www.francetravail.fr/employeur/vos-recrutements/le-rome-et-les-fiches-metiers.html",
                "url": format!("{base}/metiers/{}", code.as_str()),
            })
        })
        .collect();
    about.extend(r.certifications.iter().map(|(code, label)| {
        json!({
            "@type": "EducationalOccupationalCredential",
            "name": label,
            "identifier": code,
            "url": format!("{base}/certifications/{code}"),
        })
    }));
    let teaches: Vec<Value> = r
        .blocs
        .iter()
        .map(|(code, label)| {
            json!({
                "@type": "DefinedTerm",
                "name": label,
                "termCode": code,
            })
        })
        .collect();
    let mut authors: Vec<Value> = r
        .auteurs
        .iter()
        .map(|a| json!({"@type": "Person", "name": a}))
        .collect();
    if let Some((_, nom)) = &r.organisation {
        authors.push(json!({"@type": "Organization", "name": nom}));
    }
    let mut doc = json!({
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "@id": url,
        "url": url,
        "name": r.titre,
        "description": r.description,
        "learningResourceType": r.type_ressource.schema_org(),
        "educationalLevel": r.niveaux.iter().map(|n| json!({
            "@type": "DefinedTerm",
            "name": tr.t(n.label_key()),
            "termCode": format!("niveau {}", n.value()),
            "inDefinedTermSet": "Cadre national des certifications professionnelles",
        })).collect::<Vec<_>>(),
        "audience": r.audiences.iter().map(|a| json!({
            "@type": "EducationalAudience",
            "educationalRole": a.as_str(),
            "audienceType": tr.t(a.label_key()),
        })).collect::<Vec<_>>(),
        "inLanguage": r.langue.as_str(),
        "author": authors,
        "dateModified": r.updated_at.to_rfc3339(),
        "datePublished": r.date_version.to_string(),
        "version": r.version,
        "about": about,
        "teaches": teaches,
        "isAccessibleForFree": true,
        "publisher": {"@type": "Organization", "name": tr.t("site-name")},
    });
    if let Some(obj) = doc.as_object_mut() {
        match r.licence.url() {
            Some(u) => obj.insert("license".to_owned(), json!(u)),
            None => obj.insert(
                "copyrightNotice".to_owned(),
                json!(Licence::TousDroitsReserves.sigle()),
            ),
        };
        if let Some(m) = r.duree_minutes {
            obj.insert("timeRequired".to_owned(), json!(format!("PT{m}M")));
        }
        if let Some(f) = r.fichier_courant() {
            obj.insert(
                "encoding".to_owned(),
                json!({
                    "@type": "MediaObject",
                    "contentUrl": format!("{url}/fichiers/{}", f.version),
                    "encodingFormat": f.fichier.nature,
                    "contentSize": f.fichier.taille.to_string(),
                }),
            );
        }
        if let Some(l) = &r.lien {
            obj.insert("sameAs".to_owned(), json!(l));
        }
    }
    let text = serde_json::to_string(&doc).map_err(|e| AppError::internal("json-ld", e))?;
    // Inside <script>, `</script>` would end the element and `<!--` open
    // a comment: escape every `<` (JSON reads `\u003c` back as `<`).
    Ok(text.replace('<', "\\u003c"))
}
