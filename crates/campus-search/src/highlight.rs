//! Matched words shown in results: the title and an extract of the text,
//! HTML-escaped, each matched word in `<mark>`.
//!
//! Done here rather than with the index's snippet generator because that
//! one only knows exact terms: prefix and typo matches would show nothing
//! highlighted, and a visitor would not see why a result came up.

use crate::analyzer::Analyzers;
use crate::query::Word;
use askama::filters::Html;

/// Characters of text around the first match in an extract.
const BEFORE: usize = 60;
const LENGTH: usize = 220;

pub(crate) struct Highlighter<'a> {
    pub analyzers: &'a mut Analyzers,
    pub words: &'a [Word],
}

impl Highlighter<'_> {
    /// Matched words of `text`: byte range and which query word matched.
    fn matches(&mut self, text: &str) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        for (folded, from, to) in self.analyzers.folded_terms(text) {
            // Stemmed at most once, and only if some word may need it.
            let mut stem: Option<String> = None;
            for (i, word) in self.words.iter().enumerate() {
                let analyzers = &mut *self.analyzers;
                let matched = word.matches(&folded, || {
                    stem.get_or_insert_with(|| analyzers.stem(&folded)).clone()
                });
                if matched {
                    found.push((from, to, i));
                    break;
                }
            }
        }
        found
    }

    /// The whole `text`, escaped, matches marked.
    pub fn whole(&mut self, text: &str) -> String {
        let found = self.matches(text);
        marked(text, 0, text.len(), &found)
    }

    /// The extract of `text` that shows the most distinct query words (then
    /// the most matches), or `None` when nothing matches.
    pub fn extract(&mut self, text: &str) -> Option<String> {
        let found = self.matches(text);
        let (start, end) = found
            .iter()
            .map(|&(from, _, _)| {
                let start = word_start(text, back_chars(text, from, BEFORE));
                let end = word_end(text, forward_chars(text, start, LENGTH));
                let inside: Vec<usize> = found
                    .iter()
                    .filter(|m| m.0 >= start && m.1 <= end)
                    .map(|m| m.2)
                    .collect();
                let mut distinct = inside.clone();
                distinct.sort_unstable();
                distinct.dedup();
                ((distinct.len(), inside.len()), (start, end))
            })
            // `max_by_key` keeps the last of equals: reversed, the first.
            .rev()
            .max_by_key(|(rank, _)| *rank)?
            .1;
        let mut html = String::new();
        if start > 0 {
            html.push('…');
        }
        html.push_str(&marked(text, start, end, &found));
        if end < text.len() {
            html.push('…');
        }
        Some(html)
    }
}

/// The beginning of `text`, escaped, cut at a word like an extract.
pub(crate) fn beginning(text: &str) -> String {
    let end = word_end(text, forward_chars(text, 0, LENGTH));
    let mut html = escape(&text[..end]);
    if end < text.len() {
        html.push('…');
    }
    html
}

/// `text[start..end]` escaped, with the ranges of `found` inside it marked.
fn marked(text: &str, start: usize, end: usize, found: &[(usize, usize, usize)]) -> String {
    let mut html = String::with_capacity(end - start + 16);
    let mut at = start;
    for &(from, to, _) in found {
        if from < at || to > end {
            continue;
        }
        html.push_str(&escape(&text[at..from]));
        html.push_str("<mark>");
        html.push_str(&escape(&text[from..to]));
        html.push_str("</mark>");
        at = to;
    }
    html.push_str(&escape(&text[at..end]));
    html
}

/// The byte index `chars` characters before `at` (or 0).
fn back_chars(text: &str, at: usize, chars: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The byte index `chars` characters after `at` (or the end).
fn forward_chars(text: &str, at: usize, chars: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| at + i)
}

/// Moves a cut forward to the start of a word, unless at the beginning.
fn word_start(text: &str, at: usize) -> usize {
    if at == 0 {
        return 0;
    }
    match text[at..].find(char::is_whitespace) {
        Some(space) => {
            let after = at + space;
            after
                + text[after..]
                    .find(|c: char| !c.is_whitespace())
                    .unwrap_or(text.len() - after)
        }
        None => at,
    }
}

/// Moves a cut back to the end of a word, unless at the end.
fn word_end(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    match text[..at].rfind(char::is_whitespace) {
        Some(space) if space > 0 => space,
        _ => at,
    }
}

/// `text` escaped for HTML by the templates' own escaper, so that a
/// highlighted extract and a template escape alike.
pub(crate) fn escape(text: &str) -> String {
    let Ok(escaped) = askama::filters::escape(text, Html);
    escaped.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::words;

    fn highlight(query: &str, text: &str) -> (String, Option<String>) {
        let mut analyzers = Analyzers::default();
        let words = words(&mut analyzers, query);
        let mut h = Highlighter {
            analyzers: &mut analyzers,
            words: &words,
        };
        (h.whole(text), h.extract(text))
    }

    #[test]
    fn matches_are_marked_and_text_escaped() {
        let (whole, _) = highlight("cosmetique", "BTS <cosmétique> & parfums");
        assert_eq!(whole, "BTS &#60;<mark>cosmétique</mark>&#62; &#38; parfums");
    }

    #[test]
    fn prefix_and_typo_matches_are_marked() {
        let (whole, _) = highlight("pharma maintenanse", "Maintenance pharmaceutique");
        assert_eq!(
            whole,
            "<mark>Maintenance</mark> <mark>pharmaceutique</mark>"
        );
    }

    #[test]
    fn extracts_are_cut_at_words_around_the_match() {
        let text = format!(
            "{} conditionnement {}",
            "début ".repeat(40),
            "fin ".repeat(80)
        );
        let (_, extract) = highlight("conditionnement", &text);
        let extract = extract.unwrap_or_default();
        assert!(
            extract.starts_with('…') && extract.ends_with('…'),
            "{extract}"
        );
        assert!(extract.contains("<mark>conditionnement</mark>"));
        assert!(extract.chars().count() < 240);
        assert_eq!(highlight("absent", &text).1, None);
    }

    #[test]
    fn extracts_show_the_most_query_words() {
        let text = format!(
            "Agent de conditionnement · {} · Opérateur de conditionnement manuel",
            "autre métier ".repeat(30)
        );
        let (_, extract) = highlight("operateur conditionnement", &text);
        assert!(
            extract
                .unwrap_or_default()
                .contains("<mark>Opérateur</mark> de <mark>conditionnement</mark>")
        );
    }

    #[test]
    fn beginnings_are_escaped_and_cut() {
        assert_eq!(beginning("a < b"), "a &#60; b");
        let long = "mot ".repeat(100);
        let cut = beginning(&long);
        assert!(cut.ends_with('…') && cut.chars().count() <= LENGTH + 1);
    }
}
