//! [`StopwordFilter`]: drops function words before stemming.
//!
//! Positions are never renumbered: after `presiden dari Rusia` loses `dari`,
//! `rusia` stays at position 2, so a phrase query across a removed stopword
//! still needs a word in the gap.

use std::sync::Arc;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

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

/// Token filter removing the tokens found in a stopword set. Tokens are
/// expected to be lower-cased beforehand.
#[derive(Clone)]
pub struct StopwordFilter {
    words: StopwordSet,
}

impl StopwordFilter {
    /// Creates a filter removing `words`.
    pub fn new(words: StopwordSet) -> StopwordFilter {
        StopwordFilter { words }
    }
}

impl TokenFilter for StopwordFilter {
    type Tokenizer<T: Tokenizer> = StopwordFilterWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StopwordFilterWrapper<T> {
        StopwordFilterWrapper {
            words: self.words,
            inner: tokenizer,
        }
    }
}

/// A tokenizer wrapped by a [`StopwordFilter`].
#[derive(Clone)]
pub struct StopwordFilterWrapper<T> {
    words: StopwordSet,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for StopwordFilterWrapper<T> {
    type TokenStream<'a> = StopwordFilterStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StopwordFilterStream {
            words: &self.words,
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of a [`StopwordFilterWrapper`].
pub struct StopwordFilterStream<'a, T> {
    words: &'a FxHashSet<String>,
    tail: T,
}

impl<T: TokenStream> TokenStream for StopwordFilterStream<'_, T> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            if !self.words.contains(self.tail.token().text.as_str()) {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::WordTokenizer;
    use crate::analysis::tests::{assert_token, tokens};
    use tantivy::tokenizer::{LowerCaser, TextAnalyzer};

    #[test]
    fn removes_stopwords_and_keeps_positions() {
        let words = Arc::new(parse_stopwords("# comment\nyang\nDari\n\n"));
        let mut analyzer = TextAnalyzer::builder(WordTokenizer::default())
            .filter(LowerCaser)
            .filter(StopwordFilter::new(words))
            .build();
        let got = tokens(&mut analyzer, "Presiden dari Rusia yang baru");
        assert_eq!(got.len(), 3);
        assert_token(&got[0], 0, "presiden", 0, 8);
        assert_token(&got[1], 2, "rusia", 14, 19);
        assert_token(&got[2], 4, "baru", 25, 29);
    }
}
