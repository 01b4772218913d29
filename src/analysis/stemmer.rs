//! [`StemFilter`]: drops stopwords and adds each word's stem beside it,
//! marked with [`STEM_MARK`].
//!
//! An index field keeps every word as written (`mengembangkan`) and, at the same
//! position and offsets, its stem when the stem differs (`~kembang`). A query
//! then asks for the word itself (an exact match), its marked stem (another form
//! of the same root) and the bare stem (the root written as a word): one field
//! and one analysis pass serve exact matches, stem matches and both kinds of
//! phrase. Unchanged words, the common case, cost no extra token and no copy.
//!
//! Stopwords are dropped without renumbering positions: after `presiden dari
//! Rusia` loses `dari`, `rusia` stays at position 2, so a phrase query across a
//! removed stopword still needs a word in the gap.
//!
//! Tokens are expected to be lower-cased beforehand: the stopword lists and the
//! stemmers' dictionaries hold lower-case words. Each filter instance (one per
//! indexing thread, segment and field) keeps a cache of recent words: news text
//! repeats its common words, and one cache lookup tells a stopword, a word that
//! is its own stem and a word's stem apart, for a fraction of a stemming.

use std::borrow::Cow;
use std::sync::Arc;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use super::indonesian_stemmer::IndonesianStemmer;
use super::stopwords::StopwordSet;
use crate::hash::FxHasher;

/// First character of a stem token in an index field. Words as written never
/// start with it: the tokenizer emits letters and digits only.
pub const STEM_MARK: char = '~';

/// Returns the index term of a stem: `kembang` gives `~kembang`.
pub fn marked_stem(stem: &str) -> String {
    let mut term = String::with_capacity(stem.len() + 1);
    term.push(STEM_MARK);
    term.push_str(stem);
    term
}

/// The stemmer of one language.
#[derive(Clone)]
pub enum WordStemmer {
    /// warta's Indonesian stemmer (dictionary-based).
    Indonesian(Arc<IndonesianStemmer>),
    /// Snowball English, from rust-stemmers.
    English(Arc<rust_stemmers::Stemmer>),
}

impl WordStemmer {
    /// Returns the stem of one lower-case word; borrowed when it is a slice of `word`.
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        match self {
            WordStemmer::Indonesian(stemmer) => stemmer.stem(word),
            WordStemmer::English(stemmer) => stemmer.stem(word),
        }
    }
}

/// Token filter dropping stopwords and emitting each other token, then its
/// marked stem when the stem differs.
#[derive(Clone)]
pub struct StemFilter {
    stemmer: WordStemmer,
    stopwords: StopwordSet,
}

impl StemFilter {
    /// Creates a filter dropping `stopwords` and stemming with `stemmer` (both
    /// shared, built once per process).
    pub fn new(stemmer: WordStemmer, stopwords: StopwordSet) -> StemFilter {
        StemFilter { stemmer, stopwords }
    }
}

impl TokenFilter for StemFilter {
    type Tokenizer<T: Tokenizer> = StemFilterWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StemFilterWrapper<T> {
        StemFilterWrapper {
            stemmer: self.stemmer,
            stopwords: self.stopwords,
            inner: tokenizer,
            buffer: String::new(),
            cache: StemCache::default(),
        }
    }
}

/// A tokenizer wrapped by a [`StemFilter`].
#[derive(Clone)]
pub struct StemFilterWrapper<T> {
    stemmer: WordStemmer,
    stopwords: StopwordSet,
    inner: T,
    buffer: String,
    cache: StemCache,
}

impl<T: Tokenizer> Tokenizer for StemFilterWrapper<T> {
    type TokenStream<'a> = StemFilterStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.buffer.clear();
        StemFilterStream {
            stemmer: &self.stemmer,
            stopwords: &self.stopwords,
            buffer: &mut self.buffer,
            cache: &mut self.cache,
            stem_pending: false,
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of a [`StemFilterWrapper`].
pub struct StemFilterStream<'a, T> {
    stemmer: &'a WordStemmer,
    stopwords: &'a StopwordSet,
    /// The marked stem of the current token while `stem_pending`.
    buffer: &'a mut String,
    cache: &'a mut StemCache,
    stem_pending: bool,
    tail: T,
}

impl<T: TokenStream> TokenStream for StemFilterStream<'_, T> {
    fn advance(&mut self) -> bool {
        if self.stem_pending {
            // Same position and offsets as the word: only the text changes. The
            // word's string goes to the buffer and is reused for the next stem.
            self.stem_pending = false;
            std::mem::swap(&mut self.tail.token_mut().text, self.buffer);
            return true;
        }
        loop {
            if !self.tail.advance() {
                return false;
            }
            let word = self.tail.token().text.as_str();
            // Holds a stem computed on a cache miss while `known` refers to it.
            let computed;
            let known = match self.cache.slot(word) {
                Some(slot) if slot.holds(word) => slot.known(),
                slot => {
                    computed = if self.stopwords.contains(word) {
                        None
                    } else {
                        Some(self.stemmer.stem(word))
                    };
                    let known = match &computed {
                        None => Known::Stopword,
                        Some(stem) if stem == word => Known::Unchanged,
                        Some(stem) => Known::Stem(stem),
                    };
                    if let Some(slot) = slot {
                        slot.store(word, known);
                    }
                    known
                }
            };
            match known {
                Known::Stopword => continue,
                Known::Unchanged => return true,
                Known::Stem(stem) => {
                    self.buffer.clear();
                    self.buffer.push(STEM_MARK);
                    self.buffer.push_str(stem);
                    break;
                }
            }
        }
        self.stem_pending = true;
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Bytes of a word, or of its stem, a cache slot holds; longer words are
/// stemmed every time.
const CACHED_BYTES: usize = 31;
/// Slots of a [`StemCache`]: 65,536 × 64 bytes = 4 MiB. A news archive's
/// vocabulary is large: on 30,000 synthetic articles 1 MiB missed 22% of the
/// words, 4 MiB 9%, 16 MiB 4% but ran slower (processor cache misses).
const CACHE_SLOTS: usize = 1 << 16;
/// Stem length recorded for a word that is its own stem.
const UNCHANGED: u8 = u8::MAX;
/// Stem length recorded for a stopword.
const STOPWORD: u8 = u8::MAX - 1;

/// What the filter knows of a word: dropped, kept alone, or kept with its stem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Known<'a> {
    Stopword,
    Unchanged,
    Stem(&'a str),
}

/// A direct-mapped cache of stems: each word hashes to one slot, which keeps
/// the last word seen there and its stem. Allocated on first use, so cloned
/// analyzers that never index cost nothing.
#[derive(Clone, Default)]
struct StemCache {
    slots: Vec<CacheSlot>,
}

/// One slot: word length (0 when empty), word, stem length ([`UNCHANGED`],
/// [`STOPWORD`]), stem.
#[derive(Clone, Copy)]
struct CacheSlot {
    word_len: u8,
    word: [u8; CACHED_BYTES],
    stem_len: u8,
    stem: [u8; CACHED_BYTES],
}

impl StemCache {
    /// Returns the slot `word` maps to, or `None` when the word is too long to cache.
    fn slot(&mut self, word: &str) -> Option<&mut CacheSlot> {
        if word.is_empty() || word.len() > CACHED_BYTES {
            return None;
        }
        if self.slots.is_empty() {
            let empty = CacheSlot {
                word_len: 0,
                word: [0; CACHED_BYTES],
                stem_len: 0,
                stem: [0; CACHED_BYTES],
            };
            self.slots = vec![empty; CACHE_SLOTS];
        }
        let mut hasher = FxHasher::default();
        std::hash::Hasher::write(&mut hasher, word.as_bytes());
        // The high bits of a multiplicative hash are the well-mixed ones.
        let index =
            (std::hash::Hasher::finish(&hasher) >> (64 - CACHE_SLOTS.trailing_zeros())) as usize;
        self.slots.get_mut(index)
    }
}

impl CacheSlot {
    /// Returns true if and only if this slot holds `word`.
    fn holds(&self, word: &str) -> bool {
        usize::from(self.word_len) == word.len() && &self.word[..word.len()] == word.as_bytes()
    }

    /// Returns what is known of the word held.
    fn known(&self) -> Known<'_> {
        match self.stem_len {
            STOPWORD => Known::Stopword,
            UNCHANGED => Known::Unchanged,
            // Stored from a `&str` by `store`, so always valid UTF-8.
            len => std::str::from_utf8(&self.stem[..usize::from(len)])
                .map_or(Known::Unchanged, Known::Stem),
        }
    }

    /// Keeps `word` (at most [`CACHED_BYTES`]) and what is known of it; a
    /// stem too long to keep leaves the slot empty.
    fn store(&mut self, word: &str, known: Known) {
        self.word_len = 0;
        let stem_len = match known {
            Known::Stopword => STOPWORD,
            Known::Unchanged => UNCHANGED,
            Known::Stem(stem) if stem.len() <= CACHED_BYTES => {
                self.stem[..stem.len()].copy_from_slice(stem.as_bytes());
                stem.len() as u8
            }
            Known::Stem(_) => return,
        };
        self.stem_len = stem_len;
        self.word[..word.len()].copy_from_slice(word.as_bytes());
        self.word_len = word.len() as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::WordTokenizer;
    use crate::analysis::tests::{assert_token, tokens};
    use tantivy::tokenizer::TextAnalyzer;

    #[test]
    fn cache_returns_what_was_stored_and_misses_other_words() {
        let mut cache = StemCache::default();
        cache
            .slot("mengembangkan")
            .unwrap()
            .store("mengembangkan", Known::Stem("kembang"));
        let slot = cache.slot("mengembangkan").unwrap();
        assert!(slot.holds("mengembangkan"));
        assert_eq!(slot.known(), Known::Stem("kembang"));
        cache
            .slot("berita")
            .unwrap()
            .store("berita", Known::Unchanged);
        assert_eq!(cache.slot("berita").unwrap().known(), Known::Unchanged);
        assert!(cache.slot("berita").unwrap().holds("berita"));
        cache.slot("yang").unwrap().store("yang", Known::Stopword);
        assert_eq!(cache.slot("yang").unwrap().known(), Known::Stopword);
        assert!(
            !cache
                .slot("beritanya")
                .is_some_and(|slot| slot.holds("beritanya"))
        );
        assert!(cache.slot(&"a".repeat(CACHED_BYTES + 1)).is_none());
    }

    #[test]
    fn repeated_words_get_the_same_tokens() {
        let analysis = super::super::Analysis::load(None).unwrap();
        let mut analyzer = analysis.index_analyzer(super::super::Language::Indonesian);
        let text = "mengembangkan berita mengembangkan pengembangan berita ".repeat(3);
        let tokens = super::super::tests::tokens(&mut analyzer, &text);
        let texts: Vec<&str> = tokens.iter().map(|token| token.text.as_str()).collect();
        let once = [
            "mengembangkan",
            "~kembang",
            "berita",
            "mengembangkan",
            "~kembang",
            "pengembangan",
            "~kembang",
            "berita",
        ];
        assert_eq!(texts, once.repeat(3));
    }

    #[test]
    fn removes_stopwords_and_keeps_positions() {
        let words = Arc::new(super::super::parse_stopwords("yang\ndari"));
        let stemmer = WordStemmer::English(Arc::new(rust_stemmers::Stemmer::create(
            rust_stemmers::Algorithm::English,
        )));
        let mut analyzer = TextAnalyzer::builder(WordTokenizer::default())
            .filter(StemFilter::new(stemmer, words))
            .build();
        // Twice: the second time every word comes from the cache.
        for _ in 0..2 {
            let got = tokens(&mut analyzer, "Presiden dari Rusia yang baru dari");
            assert_eq!(got.len(), 3);
            assert_token(&got[0], 0, "presiden", 0, 8);
            assert_token(&got[1], 2, "rusia", 14, 19);
            assert_token(&got[2], 4, "baru", 25, 29);
        }
    }
}
