//! iCalendar (RFC 5545) writer, for the calendar feeds people subscribe to
//! from their agenda application.
//!
//! What agenda applications are strict about, and this writer guarantees:
//! CRLF line ends; content lines folded at 75 octets, never inside a UTF-8
//! character; `\`, `;`, `,` and line breaks escaped in text values; times
//! in UTC (`…Z`), so that no time-zone definition is needed; a UID and a
//! DTSTAMP on every event.

use chrono::{DateTime, Utc};

/// One event of a calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcalEvent {
    /// Globally unique and stable across feeds: agenda applications use it
    /// to update an event instead of duplicating it.
    pub uid: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub summary: String,
    pub location: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
}

/// Maximum length of a content line, in octets, without its CRLF.
const MAX_OCTETS: usize = 75;

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value is not escaped, but must stay on its line.
fn clean_uri(value: &str) -> String {
    value.chars().filter(|c| !c.is_control()).collect()
}

/// Appends a content line, folded: each continuation line starts with one
/// space, which counts in its 75 octets.
fn push_line(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

fn stamp(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A whole calendar named `name` holding `events`; `now` is the DTSTAMP.
pub fn calendar(name: &str, events: &[IcalEvent], now: DateTime<Utc>) -> String {
    let mut out = String::new();
    push_line(&mut out, "BEGIN:VCALENDAR");
    push_line(&mut out, "VERSION:2.0");
    push_line(
        &mut out,
        "PRODID:-//Campus CosmetoPharma Centre-Val de Loire//campus//FR",
    );
    push_line(&mut out, "CALSCALE:GREGORIAN");
    push_line(&mut out, "METHOD:PUBLISH");
    push_line(&mut out, &format!("X-WR-CALNAME:{}", escape_text(name)));
    let dtstamp = stamp(now);
    for event in events {
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", escape_text(&event.uid)));
        push_line(&mut out, &format!("DTSTAMP:{dtstamp}"));
        push_line(&mut out, &format!("DTSTART:{}", stamp(event.start)));
        push_line(&mut out, &format!("DTEND:{}", stamp(event.end)));
        push_line(
            &mut out,
            &format!("SUMMARY:{}", escape_text(&event.summary)),
        );
        if let Some(location) = &event.location {
            push_line(&mut out, &format!("LOCATION:{}", escape_text(location)));
        }
        if let Some(description) = &event.description {
            push_line(
                &mut out,
                &format!("DESCRIPTION:{}", escape_text(description)),
            );
        }
        if let Some(url) = &event.url {
            push_line(&mut out, &format!("URL:{}", clean_uri(url)));
        }
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    /// Undoes the folding: a CRLF followed by one space disappears.
    fn unfold(text: &str) -> Vec<String> {
        text.replace("\r\n ", "")
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    fn event(summary: &str) -> IcalEvent {
        IcalEvent {
            uid: "resa-1@campus".to_owned(),
            start: Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0).unwrap(),
            end: Utc.with_ymd_and_hms(2026, 12, 1, 10, 30, 0).unwrap(),
            summary: summary.to_owned(),
            location: Some("Tours, Faculté de pharmacie".to_owned()),
            description: Some("Ligne 1\nLigne 2; fin\\".to_owned()),
            url: Some("https://campus.example/equipements/hplc".to_owned()),
        }
    }

    #[test]
    fn a_calendar_with_one_event() {
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
        let text = calendar("HPLC", &[event("Réservé")], now);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.contains("DTSTART:20261201T080000Z\r\n"));
        assert!(text.contains("DTEND:20261201T103000Z\r\n"));
        assert!(text.contains("DTSTAMP:20261125T120000Z\r\n"));
        assert!(text.contains("UID:resa-1@campus\r\n"));
        assert!(text.contains("LOCATION:Tours\\, Faculté de pharmacie\r\n"));
        assert!(text.contains("DESCRIPTION:Ligne 1\\nLigne 2\\; fin\\\\\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn long_lines_are_folded_between_characters() {
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
        let summary = "é".repeat(100);
        let text = calendar("x", &[event(&summary)], now);
        for line in text.split("\r\n") {
            assert!(line.len() <= MAX_OCTETS, "{line}");
        }
        let summary_line = unfold(&text)
            .into_iter()
            .find(|l| l.starts_with("SUMMARY:"))
            .unwrap();
        assert_eq!(summary_line, format!("SUMMARY:{summary}"));
    }

    proptest! {
        #[test]
        fn any_text_survives_escaping_and_folding(summary in "\\PC{0,200}", desc in "(\\PC|\n|\r\n){0,80}") {
            let now = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
            let mut e = event(&summary);
            e.description = Some(desc.clone());
            let text = calendar("Calendrier, test; \\", &[e], now);
            prop_assert!(text.ends_with("\r\n"));
            for line in text.split("\r\n") {
                prop_assert!(line.len() <= MAX_OCTETS);
                prop_assert!(!line.contains('\r') && !line.contains('\n'));
            }
            let lines = unfold(&text);
            let get = |name: &str| lines.iter().find_map(|l| l.strip_prefix(name)).map(unescape);
            let kept: String = summary.chars().filter(|c| !c.is_control()).collect();
            prop_assert_eq!(get("SUMMARY:"), Some(kept));
            let kept: String = desc
                .replace("\r\n", "\n")
                .chars()
                .filter(|c| !c.is_control() || *c == '\n')
                .collect();
            prop_assert_eq!(get("DESCRIPTION:"), Some(kept));
            prop_assert_eq!(get("X-WR-CALNAME:"), Some("Calendrier, test; \\".to_owned()));
        }
    }
}
