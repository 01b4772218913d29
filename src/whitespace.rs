//! Whitespace normalisation shared by the readers (titles, tags) and the
//! entity extractor (names): words joined by single spaces.

/// Trims and collapses every run of whitespace (including newlines) to one space.
/// Most texts are clean already and are copied whole.
pub fn collapse_whitespace(s: &str) -> String {
    if is_collapsed(s) {
        s.to_owned()
    } else {
        join_words(s)
    }
}

/// The words of `s` joined by single spaces.
fn join_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when `s` is already what [`collapse_whitespace`] makes of it: no
/// whitespace but single spaces between words.
fn is_collapsed(s: &str) -> bool {
    let mut previous_space = true;
    s.chars().all(|c| {
        let ok = if c == ' ' {
            !previous_space
        } else {
            !c.is_whitespace()
        };
        previous_space = c == ' ';
        ok
    }) && !s.ends_with(' ')
}

/// Like [`collapse_whitespace`], but reuses the string when it is already clean.
pub fn collapse_owned(s: String) -> String {
    if is_collapsed(&s) { s } else { join_words(&s) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapse_owned_matches_collapse() {
        for s in [
            "", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "é  ü", "x y z", "a\u{a0}b",
        ] {
            assert_eq!(collapse_whitespace(s), join_words(s), "{s:?}");
            assert_eq!(
                collapse_owned(s.to_string()),
                collapse_whitespace(s),
                "{s:?}"
            );
            assert_eq!(is_collapsed(s), collapse_whitespace(s) == s, "{s:?}");
        }
    }
}
