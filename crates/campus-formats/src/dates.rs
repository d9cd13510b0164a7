//! Dates as French files write them.

/// `JJ/MM/AAAA` as `AAAA-MM-JJ` (the form that sorts), or `None` when the
/// text is not such a date.
pub(crate) fn french_date(value: &str) -> Option<String> {
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    match value.split('/').collect::<Vec<_>>().as_slice() {
        [d, m, y] => match (number(d, 2), number(m, 2), number(y, 4)) {
            (Some(day), Some(month), Some(_))
                if (1..=31).contains(&day) && (1..=12).contains(&month) =>
            {
                Some(format!("{y}-{month:02}-{day:02}"))
            }
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn dates() {
        assert_eq!(french_date("01/09/2025").as_deref(), Some("2025-09-01"));
        assert_eq!(french_date("1/9/2025"), None);
        assert_eq!(french_date("32/01/2025"), None);
        assert_eq!(french_date("2025-09-01"), None);
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,12}") {
            if let Some(d) = french_date(&s) {
                prop_assert_eq!(d.len(), 10);
            }
        }
    }
}
