//! Markdown as written by authors of news and newsletters, rendered to
//! safe HTML by a whitelist: CommonMark (with tables and strikethrough)
//! parsed by pulldown-cmark, then every event the page could not trust is
//! turned into harmless text before the HTML is written.
//!
//! - raw HTML, block or inline, is shown as text (escaped), never
//!   interpreted: no `<script>`, no `<iframe>`, no event attribute;
//! - a link keeps its address only if it is `http(s)`, `mailto`, a path of
//!   this site or an anchor; any other (`javascript:`, `data:`, `vbscript:`…)
//!   leaves its text alone;
//! - images inside the text are not shown (their alternative text is): a
//!   news item's image is uploaded, type-checked and described apart;
//! - headings go one level down, the page's title being the only `h1`.
//!
//! The text « javascript: » itself is written with an encoded colon, so the
//! output never contains it even as words.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// Whether a link's address may be followed from a page of the campus.
fn safe_url(url: &str) -> bool {
    let url = url.trim();
    if url.chars().any(|c| c.is_control()) {
        return false;
    }
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || lower.starts_with('#')
        || (lower.starts_with('/') && !lower.starts_with("//") && !lower.starts_with("/\\"))
}

fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        HeadingLevel::H5 | HeadingLevel::H6 => HeadingLevel::H6,
    }
}

/// `markdown` as safe HTML.
pub fn render(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    // For each open link: whether it was kept.
    let mut links: Vec<bool> = Vec::new();
    let events = parser.filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let keep = safe_url(&dest_url);
            links.push(keep);
            keep.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Link) => {
            let kept = links.pop().unwrap_or(false);
            kept.then_some(Event::End(TagEnd::Link))
        }
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Some(Event::Start(Tag::Heading {
            level: lower(level),
            id,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(lower(level)))),
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    defuse(&out)
}

/// `html` with every « javascript: » (in any case) written with an encoded
/// colon.
fn defuse(html: &str) -> String {
    const WORD: &[u8] = b"javascript:";
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut start = 0;
    let mut i = 0;
    while i + WORD.len() <= bytes.len() {
        if bytes[i..i + WORD.len()].eq_ignore_ascii_case(WORD) {
            let colon = i + WORD.len() - 1;
            out.push_str(&html[start..colon]);
            out.push_str("&#58;");
            start = colon + 1;
            i = start;
        } else {
            i += 1;
        }
    }
    out.push_str(&html[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unsafe_output(html: &str) -> bool {
        let lower = html.to_ascii_lowercase();
        lower.contains("<script") || lower.contains("javascript:")
    }

    #[test]
    fn formatting_links_and_lists_render() {
        let html =
            render("# Titre\n\nDu **gras**, un [lien](https://exemple.test) et\n\n- un\n- deux");
        assert!(html.contains("<h2>Titre</h2>"), "{html}");
        assert!(html.contains("<strong>gras</strong>"));
        assert!(html.contains("<a href=\"https://exemple.test\">lien</a>"));
        assert!(html.contains("<li>deux</li>"));
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = render("<script>alert(1)</script>\n\nTexte <img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn dangerous_links_lose_their_address() {
        for md in [
            "[clic](javascript:alert(1))",
            "[clic](JaVaScRiPt:alert(1))",
            "[clic](jav&#x61;script:alert(1))",
            "<javascript:alert(1)>",
            "[clic](data:text/html;base64,PHNjcmlwdD4=)",
            "[clic](//evil.example)",
            "[clic]: javascript:alert(1)\n\n[clic]",
        ] {
            let html = render(md);
            assert!(!unsafe_output(&html), "{md} → {html}");
            assert!(!html.contains("href"), "{md} → {html}");
        }
        assert!(render("[ici](/actualites)").contains("href=\"/actualites\""));
        assert!(render("[écrire](mailto:campus@exemple.test)").contains("href=\"mailto:"));
    }

    #[test]
    fn images_in_the_text_keep_only_their_description() {
        let html = render("![Un flacon](https://exemple.test/x.png)");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("Un flacon"));
    }

    #[test]
    fn the_word_is_defused_wherever_it_is() {
        assert_eq!(defuse("a JavaScript: b"), "a JavaScript&#58; b");
        assert_eq!(
            defuse("javascript:javascript:"),
            "javascript&#58;javascript&#58;"
        );
        assert_eq!(defuse("rien"), "rien");
    }

    proptest::proptest! {
        #[test]
        fn rendering_never_panics_nor_lets_a_script_through(md in ".{0,400}") {
            let html = render(&md);
            proptest::prop_assert!(!unsafe_output(&html), "{} → {}", md, html);
        }

        #[test]
        fn hostile_fragments_never_get_through(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("<script>".to_owned()),
                    proptest::strategy::Just("</script>".to_owned()),
                    proptest::strategy::Just("[a](javascript:x)".to_owned()),
                    proptest::strategy::Just("<a href=\"javascript:x\">".to_owned()),
                    proptest::strategy::Just("![i](javascript:x)".to_owned()),
                    proptest::strategy::Just("<ScRiPt src=x>".to_owned()),
                    proptest::strategy::Just("\n\n".to_owned()),
                    proptest::strategy::Just("`".to_owned()),
                    proptest::strategy::Just("*".to_owned()),
                    "[a-z<>()\\[\\]:/ ]{0,12}",
                ],
                0..30,
            )
        ) {
            let md = parts.concat();
            let html = render(&md);
            proptest::prop_assert!(!unsafe_output(&html), "{} → {}", md, html);
        }
    }
}
