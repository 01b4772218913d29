//! [`IndonesianStemFilter`]: replaces each token by its Indonesian root.
//!
//! Tokens are expected to be lower-cased (and stopwords removed) beforehand:
//! the stemmer's dictionary holds lower-case roots. Offsets and positions are
//! unchanged, so snippets and phrases still line up with the original text.

use std::borrow::Cow;
use std::sync::Arc;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use super::indonesian_stemmer::IndonesianStemmer;

/// Token filter stemming Indonesian words.
#[derive(Clone)]
pub struct IndonesianStemFilter {
    stemmer: Arc<IndonesianStemmer>,
}

impl IndonesianStemFilter {
    /// Creates a filter using `stemmer` (shared, built once per process).
    pub fn new(stemmer: Arc<IndonesianStemmer>) -> IndonesianStemFilter {
        IndonesianStemFilter { stemmer }
    }
}

impl TokenFilter for IndonesianStemFilter {
    type Tokenizer<T: Tokenizer> = IndonesianStemFilterWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> IndonesianStemFilterWrapper<T> {
        IndonesianStemFilterWrapper {
            stemmer: self.stemmer,
            inner: tokenizer,
            buffer: String::new(),
        }
    }
}

/// A tokenizer wrapped by an [`IndonesianStemFilter`].
#[derive(Clone)]
pub struct IndonesianStemFilterWrapper<T> {
    stemmer: Arc<IndonesianStemmer>,
    inner: T,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for IndonesianStemFilterWrapper<T> {
    type TokenStream<'a> = IndonesianStemFilterStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.buffer.clear();
        IndonesianStemFilterStream {
            stemmer: &self.stemmer,
            buffer: &mut self.buffer,
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of an [`IndonesianStemFilterWrapper`].
pub struct IndonesianStemFilterStream<'a, T> {
    stemmer: &'a IndonesianStemmer,
    buffer: &'a mut String,
    tail: T,
}

impl<T: TokenStream> TokenStream for IndonesianStemFilterStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        // A stem is never longer than its word; an unchanged word costs nothing,
        // a changed one is copied into the reused buffer and swapped in.
        match self.stemmer.stem(&token.text) {
            Cow::Borrowed(stem) if stem.len() == token.text.len() => return true,
            Cow::Borrowed(stem) => {
                self.buffer.clear();
                self.buffer.push_str(stem);
            }
            Cow::Owned(stem) => *self.buffer = stem,
        }
        std::mem::swap(&mut token.text, self.buffer);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}
