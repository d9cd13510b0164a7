//! The Atom feed of published news (RFC 4287), for feed readers and the
//! partners' sites: the feed's id, title, update date, self link and
//! author; each entry's id, title, dates, summary, link, author, and its
//! content as HTML rendered by the same safe renderer as the pages.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use campus_store::actualites::FiltreActualites;
use chrono::{DateTime, SecondsFormat, Utc};

use crate::chrome::Chrome;
use crate::error::AppResult;
use crate::state::AppState;

/// Entries of the feed: the latest published news.
const ENTREES: u64 = 30;

/// `text` with the five XML special characters escaped.
pub(crate) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

fn date(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub(crate) async fn atom(State(state): State<AppState>, chrome: Chrome) -> AppResult<Response> {
    let tr = chrome.tr();
    let (actualites, _) = state
        .store
        .actualites()
        .liste(&FiltreActualites {
            publiees: true,
            per_page: ENTREES,
            ..Default::default()
        })
        .await?;
    let base = state.config.base_url();
    let campus = tr.t("site-name");
    let updated = actualites
        .iter()
        .map(|a| a.updated_at)
        .max()
        .unwrap_or_else(|| state.clock.now());
    let mut xml = String::with_capacity(4096);
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">\n");
    xml.push_str(&format!(
        "  <id>{}</id>\n",
        xml_escape(&format!("{base}/actualites"))
    ));
    xml.push_str(&format!(
        "  <title>{}</title>\n",
        xml_escape(&tr.t("actualites-flux-titre"))
    ));
    xml.push_str(&format!("  <updated>{}</updated>\n", date(updated)));
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml_escape(&format!("{base}/actualites/flux.atom"))
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml_escape(&format!("{base}/actualites"))
    ));
    xml.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        xml_escape(&campus)
    ));
    for a in &actualites {
        let lien = format!("{base}/actualites/{}", a.slug);
        xml.push_str("  <entry>\n");
        xml.push_str(&format!(
            "    <id>{}</id>\n",
            xml_escape(&format!("{base}/actualites/{}", a.id))
        ));
        xml.push_str(&format!("    <title>{}</title>\n", xml_escape(&a.titre)));
        xml.push_str(&format!("    <updated>{}</updated>\n", date(a.updated_at)));
        if let Some(at) = a.publiee_le {
            xml.push_str(&format!("    <published>{}</published>\n", date(at)));
        }
        xml.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml_escape(&lien)
        ));
        xml.push_str(&format!(
            "    <author><name>{}</name></author>\n",
            xml_escape(a.signature().unwrap_or(&campus))
        ));
        xml.push_str(&format!(
            "    <summary>{}</summary>\n",
            xml_escape(&a.resume)
        ));
        xml.push_str(&format!(
            "    <content type=\"html\">{}</content>\n",
            xml_escape(&crate::markdown::render(&a.corps))
        ));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    Ok((
        [
            (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        xml,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::xml_escape;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(xml_escape("a<b>&\"'\u{1}c"), "a&lt;b&gt;&amp;&quot;&apos;c");
    }

    proptest::proptest! {
        #[test]
        fn escaped_text_holds_no_markup(text in ".*") {
            let out = xml_escape(&text);
            proptest::prop_assert!(!out.contains('<') && !out.contains('>'));
        }
    }
}
