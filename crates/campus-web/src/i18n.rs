//! Translations. Every sentence a user reads lives in `locales/*/*.ftl`
//! (French first, English second), never in Rust code, so that the campus
//! team can reword a page without touching the program.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use axum::http::HeaderMap;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "fr",
        // Unicode isolation marks around arguments confuse screen readers
        // and e-mail clients for left-to-right-only text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The translation files, compiled in, to list their message ids.
const SOURCES: [(Lang, &[&str]); 2] = [
    (
        Lang::Fr,
        &[
            include_str!("../locales/fr/main.ftl"),
            include_str!("../locales/fr/domain.ftl"),
            include_str!("../locales/fr/parcours.ftl"),
            include_str!("../locales/fr/evenements.ftl"),
            include_str!("../locales/fr/equipements.ftl"),
            include_str!("../locales/fr/modules.ftl"),
            include_str!("../locales/fr/donnees_personnelles.ftl"),
            include_str!("../locales/fr/insertion.ftl"),
            include_str!("../locales/fr/projets.ftl"),
            include_str!("../locales/fr/expertise.ftl"),
            include_str!("../locales/fr/mobilite.ftl"),
            include_str!("../locales/fr/actualites.ftl"),
            include_str!("../locales/fr/ressources.ftl"),
            include_str!("../locales/fr/evaluation.ftl"),
            include_str!("../locales/fr/devenirs.ftl"),
            include_str!("../locales/fr/indicateurs.ftl"),
        ],
    ),
    (
        Lang::En,
        &[
            include_str!("../locales/en/main.ftl"),
            include_str!("../locales/en/domain.ftl"),
            include_str!("../locales/en/parcours.ftl"),
            include_str!("../locales/en/evenements.ftl"),
            include_str!("../locales/en/equipements.ftl"),
            include_str!("../locales/en/modules.ftl"),
            include_str!("../locales/en/donnees_personnelles.ftl"),
            include_str!("../locales/en/insertion.ftl"),
            include_str!("../locales/en/projets.ftl"),
            include_str!("../locales/en/expertise.ftl"),
            include_str!("../locales/en/mobilite.ftl"),
            include_str!("../locales/en/actualites.ftl"),
            include_str!("../locales/en/ressources.ftl"),
            include_str!("../locales/en/evaluation.ftl"),
            include_str!("../locales/en/devenirs.ftl"),
            include_str!("../locales/en/indicateurs.ftl"),
        ],
    ),
];

/// The message ids defined in a Fluent source: lines `id = …` at column 0.
fn message_ids(source: &str) -> impl Iterator<Item = &str> {
    source.lines().filter_map(|line| {
        let (id, _) = line.split_once(" =")?;
        let valid = id.starts_with(|c: char| c.is_ascii_lowercase())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        valid.then_some(id)
    })
}

/// Every message without arguments, formatted once per language: a page
/// shows dozens of them, and formatting through Fluent on every request
/// was the largest cost of the home page.
static PLAIN: LazyLock<[HashMap<&'static str, String>; 2]> = LazyLock::new(|| {
    SOURCES.map(|(lang, sources)| {
        sources
            .iter()
            .flat_map(|source| message_ids(source))
            .filter_map(|id| LOCALES.try_lookup(lang.id(), id).map(|text| (id, text)))
            .collect()
    })
});

static FR: LanguageIdentifier = langid!("fr");
static EN: LanguageIdentifier = langid!("en");

/// Name of the cookie that keeps a visitor's choice of language.
pub const LANG_COOKIE: &str = "campus_lang";

/// The languages of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr = 0,
    En = 1,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The visitor's language: their explicit choice (cookie), else French
    /// on the site — a French public service speaks French first, whatever
    /// the browser's settings — while API clients may ask for English with
    /// `Accept-Language`.
    pub fn negotiate(headers: &HeaderMap, honour_accept_language: bool) -> Lang {
        if let Some(lang) = crate::cookies::get(headers, LANG_COOKIE).and_then(|v| Lang::parse(&v))
        {
            return lang;
        }
        if !honour_accept_language {
            return Lang::Fr;
        }
        let accept = headers
            .get(axum::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        for part in accept.split(',') {
            let tag = part
                .split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase();
            if tag.starts_with("fr") {
                return Lang::Fr;
            }
            if tag.starts_with("en") {
                return Lang::En;
            }
        }
        Lang::Fr
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }
}

/// A number given to a message, whether a template passes it by value or
/// by reference (askama does both).
pub trait Count {
    fn count(&self) -> u64;
}

impl Count for u64 {
    fn count(&self) -> u64 {
        *self
    }
}

impl<T: Count + ?Sized> Count for &T {
    fn count(&self) -> u64 {
        (**self).count()
    }
}

/// Looks up messages in one language; cheap to copy into every template.
#[derive(Clone, Copy, Debug, Default)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    pub fn new(lang: Lang) -> Tr {
        Tr { lang }
    }

    /// The message `key`. A missing key shows itself, so that it is seen
    /// in review, and is logged; it never fails the page.
    pub fn t(&self, key: &str) -> String {
        match PLAIN[self.lang as usize].get(key) {
            Some(text) => text.clone(),
            None => self.lookup(key, None),
        }
    }

    /// The message `key` with one text argument.
    pub fn ts(&self, key: &str, name: &'static str, value: &str) -> String {
        let mut args = HashMap::new();
        args.insert(Cow::Borrowed(name), FluentValue::from(value.to_owned()));
        self.lookup(key, Some(&args))
    }

    /// The message `key` with one number argument (plurals are chosen by
    /// the message itself).
    pub fn tn(&self, key: &str, name: &'static str, value: impl Count) -> String {
        let mut args = HashMap::new();
        args.insert(Cow::Borrowed(name), FluentValue::from(value.count()));
        self.lookup(key, Some(&args))
    }

    /// The message `key` with several text arguments (e-mails).
    pub fn tv(&self, key: &str, values: &[(&'static str, &str)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = values
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), FluentValue::from((*value).to_owned())))
            .collect();
        self.lookup(key, Some(&args))
    }

    /// The message `key` with several number arguments (plurals chosen
    /// by the message).
    pub fn tns(&self, key: &str, values: &[(&'static str, u64)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = values
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), FluentValue::from(*value)))
            .collect();
        self.lookup(key, Some(&args))
    }

    /// A date as people read it: `15/09/2027`.
    pub fn date(&self, d: chrono::NaiveDate) -> String {
        d.format("%d/%m/%Y").to_string()
    }

    /// A month and its year: `septembre 2027`.
    pub fn month(&self, d: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        format!("{} {}", self.t(&format!("month-{}", d.month())), d.year())
    }

    /// A duration given in hours, in days beyond two days: `5 h`, `3 j`.
    pub fn duree_heures(&self, hours: f64) -> String {
        if hours >= 48.0 {
            self.tn("duree-jours", "jours", (hours / 24.0).round() as u64)
        } else {
            self.tn("duree-heures", "heures", hours.round().max(0.0) as u64)
        }
    }

    fn lookup(
        &self,
        key: &str,
        args: Option<&HashMap<Cow<'static, str>, FluentValue<'_>>>,
    ) -> String {
        match LOCALES.try_lookup_complete(self.lang.id(), key, args) {
            Some(text) => text,
            None => {
                tracing::warn!(
                    key,
                    lang = self.lang.code(),
                    "message de traduction manquant"
                );
                key.to_owned()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;
    use std::collections::BTreeSet;

    fn keys(lang: &str) -> BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang);
        let mut keys = BTreeSet::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            keys.extend(message_ids(&text).map(str::to_owned));
        }
        keys
    }

    #[test]
    fn every_translation_file_is_compiled_in() {
        for (lang, sources) in SOURCES {
            let on_disk = keys(lang.code());
            let compiled: BTreeSet<String> = sources
                .iter()
                .flat_map(|s| message_ids(s))
                .map(str::to_owned)
                .collect();
            assert_eq!(on_disk, compiled, "{lang:?}");
        }
    }

    #[test]
    fn cached_and_formatted_messages_agree() {
        for lang in [Lang::Fr, Lang::En] {
            let tr = Tr::new(lang);
            assert_eq!(tr.t("nav-home"), tr.lookup("nav-home", None));
        }
    }

    #[test]
    fn french_and_english_have_the_same_messages() {
        let fr = keys("fr");
        let en = keys("en");
        let missing_en: Vec<_> = fr.difference(&en).collect();
        let missing_fr: Vec<_> = en.difference(&fr).collect();
        assert!(missing_en.is_empty(), "absents en anglais : {missing_en:?}");
        assert!(
            missing_fr.is_empty(),
            "absents en français : {missing_fr:?}"
        );
        assert!(fr.len() > 50);
    }

    #[test]
    fn every_message_resolves_in_both_languages() {
        for key in keys("fr") {
            for lang in [Lang::Fr, Lang::En] {
                let text = Tr::new(lang).t(&key);
                assert!(!text.is_empty(), "{key}");
            }
        }
    }

    #[test]
    fn negotiation() {
        let mut headers = HeaderMap::new();
        assert_eq!(Lang::negotiate(&headers, true), Lang::Fr);
        headers.insert("accept-language", "en-GB,en;q=0.9".parse().unwrap());
        assert_eq!(Lang::negotiate(&headers, true), Lang::En);
        assert_eq!(Lang::negotiate(&headers, false), Lang::Fr);
        headers.insert("cookie", "campus_lang=en".parse().unwrap());
        assert_eq!(Lang::negotiate(&headers, false), Lang::En);
        headers.insert("cookie", "campus_lang=fr".parse().unwrap());
        assert_eq!(Lang::negotiate(&headers, true), Lang::Fr);
    }

    #[test]
    fn arguments_are_substituted() {
        let text = Tr::new(Lang::Fr).tn("text-too-long", "max", 80);
        assert!(text.contains("80"), "{text}");
    }
}
