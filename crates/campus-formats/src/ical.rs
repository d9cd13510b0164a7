//! iCalendar (RFC 5545) writer: one calendar of events, for a file to
//! download or a feed to subscribe to.
//!
//! What calendar clients insist on, and this writer guarantees: lines end
//! with CRLF and are folded at 75 octets without cutting a UTF-8
//! character; text values escape `\`, `;`, `,` and new lines; times are
//! written in UTC (`…Z`), which needs no time-zone definition; every event
//! has a stable `UID` (so that a feed updates an event instead of adding a
//! copy) and a `DTSTAMP`.

use chrono::{DateTime, Utc};

/// One event of a calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcalEvent {
    /// Globally unique and stable across exports (`evenement-12@campus…`).
    pub uid: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub summary: String,
    pub location: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
}

/// The calendar `name` holding `events`, stamped `now`.
pub fn calendar(name: &str, events: &[IcalEvent], now: DateTime<Utc>) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Campus CosmetoPharma//campus//FR");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape_text(name)));
    for event in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", escape_text(&event.uid)));
        line(&mut out, &format!("DTSTAMP:{}", utc(now)));
        line(&mut out, &format!("DTSTART:{}", utc(event.start)));
        line(&mut out, &format!("DTEND:{}", utc(event.end)));
        line(
            &mut out,
            &format!("SUMMARY:{}", escape_text(&event.summary)),
        );
        if let Some(location) = &event.location {
            line(&mut out, &format!("LOCATION:{}", escape_text(location)));
        }
        if let Some(description) = &event.description {
            line(
                &mut out,
                &format!("DESCRIPTION:{}", escape_text(description)),
            );
        }
        if let Some(url) = &event.url {
            // A URI value is not escaped, but may hold no control
            // character (it would break the line structure).
            let url: String = url.chars().filter(|c| !c.is_control()).collect();
            line(&mut out, &format!("URL:{url}"));
        }
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// `20261203T080000Z`.
fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes a TEXT value (RFC 5545 §3.3.11). Carriage returns are dropped
/// (a CRLF in the input is one new line), other control characters too.
fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded so that no physical line exceeds 75
/// octets (RFC 5545 §3.1): continuation lines start with one space, which
/// counts in their 75 octets.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn event(summary: &str) -> IcalEvent {
        IcalEvent {
            uid: "evenement-1@campus.test".to_owned(),
            start: at("2026-12-03T08:00:00Z"),
            end: at("2026-12-03T12:00:00Z"),
            summary: summary.to_owned(),
            location: Some("Maison de la cosmétique, Chartres".to_owned()),
            description: Some("Ligne 1\nLigne 2; fin".to_owned()),
            url: Some("https://campus.test/evenements/forum".to_owned()),
        }
    }

    /// Joins folded lines back (RFC 5545 §3.1: CRLF followed by a space).
    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "")
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

    #[test]
    fn writes_a_valid_calendar() {
        let text = calendar(
            "Forum, Chartres",
            &[event("Forum des métiers")],
            at("2026-11-25T10:00:00Z"),
        );
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.contains("X-WR-CALNAME:Forum\\, Chartres\r\n"));
        assert!(text.contains("DTSTART:20261203T080000Z\r\n"));
        assert!(text.contains("DTEND:20261203T120000Z\r\n"));
        assert!(text.contains("DTSTAMP:20261125T100000Z\r\n"));
        assert!(text.contains("UID:evenement-1@campus.test\r\n"));
        assert!(text.contains("DESCRIPTION:Ligne 1\\nLigne 2\\; fin\r\n"));
        assert!(text.contains("LOCATION:Maison de la cosmétique\\, Chartres\r\n"));
        assert!(text.contains("URL:https://campus.test/evenements/forum\r\n"));
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
    }

    #[test]
    fn folds_long_lines_between_characters() {
        let summary = "é".repeat(100);
        let text = calendar("c", &[event(&summary)], at("2026-11-25T10:00:00Z"));
        for physical in text.split("\r\n") {
            assert!(physical.len() <= 75, "{physical}");
        }
        let unfolded = unfold(&text);
        assert!(unfolded.contains(&format!("SUMMARY:{summary}\r\n")));
    }

    #[test]
    fn empty_calendar() {
        let text = calendar("Vide", &[], at("2026-11-25T10:00:00Z"));
        assert!(!text.contains("VEVENT"));
        assert!(text.contains("END:VCALENDAR"));
    }

    proptest! {
        #[test]
        fn lines_are_short_crlf_and_round_trip(
            summary in "\\PC{0,200}",
            description in "(\\PC|\n|\r\n){0,300}",
        ) {
            let mut e = event(&summary);
            e.description = Some(description.clone());
            let text = calendar("Agenda", &[e], at("2026-11-25T10:00:00Z"));
            // CRLF only: no bare CR or LF.
            prop_assert!(!text.replace("\r\n", "").contains(['\r', '\n']));
            for physical in text.split("\r\n") {
                prop_assert!(physical.len() <= 75);
            }
            let unfolded = unfold(&text);
            let value = |name: &str| -> String {
                let prefix = format!("{name}:");
                unfolded
                    .split("\r\n")
                    .find(|l| l.starts_with(&prefix))
                    .map(|l| unescape(&l[prefix.len()..]))
                    .unwrap()
            };
            let expected_summary: String = summary.chars().filter(|c| !c.is_control()).collect();
            prop_assert_eq!(value("SUMMARY"), expected_summary);
            let expected_description: String = description
                .chars()
                .filter(|c| *c == '\n' || !c.is_control())
                .collect();
            prop_assert_eq!(value("DESCRIPTION"), expected_description);
        }
    }
}
