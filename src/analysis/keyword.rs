//! A tokenizer that emits a whole field value as one normalised term.
//!
//! Tags, categories and sources are matched exactly, but a user should not have
//! to remember how the source capitalised or spaced them: `--tag "korea  utara"`
//! must find `Korea Utara`. The stored value keeps the original spelling.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Tokenizer producing one token: the value lower-cased, trimmed, with inner
/// runs of white space collapsed to one space. Empty values produce no token.
#[derive(Clone, Default)]
pub struct KeywordTokenizer {
    token: Token,
}

/// Stream over the single token of a [`KeywordTokenizer`].
pub struct KeywordTokenStream<'a> {
    token: &'a mut Token,
    is_pending: bool,
}

impl Tokenizer for KeywordTokenizer {
    type TokenStream<'a> = KeywordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> KeywordTokenStream<'a> {
        self.token.reset();
        super::normalize_keyword_into(text, &mut self.token.text);
        self.token.position = 0;
        self.token.position_length = 1;
        self.token.offset_from = 0;
        self.token.offset_to = text.len();
        let is_pending = !self.token.text.is_empty();
        KeywordTokenStream {
            token: &mut self.token,
            is_pending,
        }
    }
}

impl TokenStream for KeywordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        std::mem::take(&mut self.is_pending)
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::KeywordTokenizer;
    use crate::analysis::tests::{assert_token, tokens};
    use tantivy::tokenizer::TextAnalyzer;

    #[test]
    fn one_normalised_token() {
        let mut analyzer = TextAnalyzer::from(KeywordTokenizer::default());
        let got = tokens(&mut analyzer, " Korea  Utara ");
        assert_eq!(got.len(), 1);
        assert_token(&got[0], 0, "korea utara", 0, 14);
    }

    #[test]
    fn blank_value_has_no_token() {
        let mut analyzer = TextAnalyzer::from(KeywordTokenizer::default());
        assert!(tokens(&mut analyzer, "   ").is_empty());
    }
}
