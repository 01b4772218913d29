//! Text analysis: the tokenizers and filters that turn article text into index terms.
//!
//! Every analyzer warta uses has a name here and is registered on an index by
//! [`register`], the one place to change when the analysis changes. tantivy does
//! not store custom tokenizers in the index, so `archive` calls `register` each
//! time it opens or creates one.

mod keyword;

pub use keyword::KeywordTokenizer;

use tantivy::Index;
use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer};

/// Analyzer for article text (title and body).
pub const TEXT_ANALYZER: &str = "warta_text";

/// Analyzer for exact-match fields (tags, category, source): the whole value as
/// one term, lower-cased, with runs of white space collapsed to one space.
pub const KEYWORD_ANALYZER: &str = "warta_keyword";

/// Tokens longer than this many bytes are dropped: they are base64, URLs or
/// garbage, never words a reader searches for.
const MAX_TOKEN_BYTES: usize = 40;

/// Short description of the analysis settings; stored in the index metadata so
/// that an index built with other settings is detected on open.
pub fn fingerprint() -> String {
    format!("plain-lowercase-v1;max_token={MAX_TOKEN_BYTES}")
}

/// Registers warta's analyzers on `index`.
pub fn register(index: &Index) {
    let manager = index.tokenizers();
    manager.register(TEXT_ANALYZER, text_analyzer());
    manager.register(
        KEYWORD_ANALYZER,
        TextAnalyzer::from(KeywordTokenizer::default()),
    );
}

/// Builds the analyzer for article text.
pub fn text_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .build()
}

/// Normalises an exact-match value the way [`KeywordTokenizer`] does: lower case,
/// trimmed, inner white space collapsed. Used for filters given on the command line.
pub fn normalize_keyword(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for word in value.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream};

    /// Asserts one token's position, text and offsets.
    pub fn assert_token(token: &Token, position: usize, text: &str, from: usize, to: usize) {
        assert_eq!(
            (
                token.position,
                token.text.as_str(),
                token.offset_from,
                token.offset_to
            ),
            (position, text, from, to),
            "token {token:?}"
        );
    }

    /// Runs `analyzer` over `text` and returns its tokens.
    pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().clone());
        }
        out
    }

    #[test]
    fn text_analyzer_lowercases_and_drops_long_tokens() {
        let long = "x".repeat(super::MAX_TOKEN_BYTES + 1);
        let text = format!("Korea Utara {long} KN-25");
        let got = tokens(&mut super::text_analyzer(), &text);
        let words: Vec<&str> = got.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(words, ["korea", "utara", "kn", "25"]);
        assert_token(&got[0], 0, "korea", 0, 5);
    }

    #[test]
    fn normalize_keyword_collapses_space_and_case() {
        assert_eq!(super::normalize_keyword("  Korea   UTARA "), "korea utara");
        assert_eq!(super::normalize_keyword(""), "");
    }
}
