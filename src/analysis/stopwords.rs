//! Stopword lists: the function words [`StemFilter`](super::StemFilter)
//! drops before stemming.

use std::sync::Arc;

use crate::hash::FxHashSet;

/// A set of stopwords, shared by every analyzer that uses it.
pub type StopwordSet = Arc<FxHashSet<String>>;

/// Parses a stopword file: one word per line, `#` starts a comment line,
/// words are lower-cased and trimmed, blank lines ignored.
pub fn parse_stopwords(text: &str) -> FxHashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_words_and_skips_comments_and_blank_lines() {
        let words = parse_stopwords("# comment\nyang\n  Dari \n\n");
        let mut words: Vec<&str> = words.iter().map(String::as_str).collect();
        words.sort_unstable();
        assert_eq!(words, ["dari", "yang"]);
    }
}
