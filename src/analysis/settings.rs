//! [`Analysis`]: the data behind warta's analyzers, loaded once, and its fingerprint.
//!
//! The Indonesian root list is LGPL-3.0 data, so it is not compiled in: it is
//! read at run time from `kata-dasar-id.txt` in the first of `$WARTA_DATA`,
//! `data/` beside the executable (or two levels up, for `target/release/`), the
//! source tree's `data/`, and `./data`. The stopword lists are compiled in; an
//! index may carry its own Indonesian list (`--stopwords`), kept in the index
//! folder so that every later open uses the same one.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use tantivy::Index;
use tantivy::tokenizer::{RemoveLongFilter, TextAnalyzer};
use xxhash_rust::xxh3::xxh3_64;

use crate::entities::{ENTITY_MENTIONS_TOKENIZER, EntityTermsTokenizer, SHORT_NAMES_TOKENIZER};
use crate::hash::FxHashSet;

use super::indonesian_stemmer::{DEFAULT_DATA_FILE_NAME, IndonesianStemmer, default_dictionary};
use super::stemmer::{StemFilter, WordStemmer};
use super::stopwords::{StopwordSet, parse_stopwords};
use super::{
    ENGLISH_ANALYZER, INDONESIAN_ANALYZER, KEYWORD_ANALYZER, KeywordTokenizer, Language,
    WordTokenizer,
};

/// Default Indonesian stopwords (see the file's header); `--add-stopwords` extends them.
pub const INDONESIAN_STOPWORDS: &str = include_str!("../../data/stopwords-id.txt");
/// English stopwords (see the file's header).
const ENGLISH_STOPWORDS: &str = include_str!("../../data/stopwords-en.txt");
/// Environment variable naming the folder of run-time data.
pub const DATA_ENV: &str = "WARTA_DATA";
/// Version of the tokenizer and filter rules; bump when a rule changes terms.
const RULES_VERSION: u32 = 2;

/// Tokens longer than this many bytes are dropped: they are base64, URLs or
/// garbage, never words a reader searches for.
pub const MAX_TOKEN_BYTES: usize = 40;

/// Why the analysis data could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum AnalysisError {
    /// The root list is in none of the places looked at.
    #[error(
        "cannot find the Indonesian root list {name} (looked in {looked}); set {DATA_ENV} to the folder holding it"
    )]
    MissingRoots {
        /// File name looked for.
        name: &'static str,
        /// Folders looked in.
        looked: String,
    },
    /// A data file exists but cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// The Indonesian stemmer with its root list and the list's content hash.
struct LoadedStemmer {
    stemmer: Arc<IndonesianStemmer>,
    roots_hash: u64,
}

/// The stemmer is built once per process: its root list takes ~50 ms to read.
static STEMMER: OnceLock<Result<LoadedStemmer, String>> = OnceLock::new();

/// Returns the folders searched for run-time data, in order.
pub fn data_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(dir) = std::env::var_os(DATA_ENV).filter(|value| !value.is_empty()) {
        dirs.push(PathBuf::from(dir));
    }
    if let Some(exe_dir) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
    {
        dirs.push(exe_dir.join("data"));
        dirs.push(exe_dir.join("../../data"));
    }
    dirs.push(PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data")));
    dirs.push(PathBuf::from("data"));
    dirs
}

fn load_stemmer() -> Result<&'static LoadedStemmer, AnalysisError> {
    let loaded = STEMMER.get_or_init(|| {
        let dirs = data_dirs();
        let Some(path) = dirs
            .iter()
            .map(|dir| dir.join(DEFAULT_DATA_FILE_NAME))
            .find(|path| path.is_file())
        else {
            let looked: Vec<String> = dirs.iter().map(|dir| dir.display().to_string()).collect();
            return Err(AnalysisError::MissingRoots {
                name: DEFAULT_DATA_FILE_NAME,
                looked: looked.join(", "),
            }
            .to_string());
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|source| AnalysisError::Io { path, source }.to_string())?;
        Ok(LoadedStemmer {
            stemmer: Arc::new(IndonesianStemmer::new(Arc::new(default_dictionary(&text)))),
            roots_hash: xxh3_64(text.as_bytes()),
        })
    });
    loaded.as_ref().map_err(|message| AnalysisError::Io {
        path: PathBuf::from(DEFAULT_DATA_FILE_NAME),
        source: std::io::Error::other(message.clone()),
    })
}

/// Everything warta's analyzers need, and the fingerprint naming it.
#[derive(Clone)]
pub struct Analysis {
    indonesian_stopwords: StopwordSet,
    english_stopwords: StopwordSet,
    stemmer: Arc<IndonesianStemmer>,
    english_stemmer: Arc<rust_stemmers::Stemmer>,
    fingerprint: String,
}

impl Analysis {
    /// Loads the analysis with the default stopwords, or with `stopwords` (the
    /// text of a stopword file) in place of the Indonesian list.
    pub fn load(stopwords: Option<&str>) -> Result<Analysis, AnalysisError> {
        let loaded = load_stemmer()?;
        let indonesian = stopwords.unwrap_or(INDONESIAN_STOPWORDS);
        let indonesian_stopwords = Arc::new(parse_stopwords(indonesian));
        let english_stopwords = Arc::new(parse_stopwords(ENGLISH_STOPWORDS));
        let fingerprint = format!(
            "rules-{RULES_VERSION};stop-id-{:016x};stop-en-{:016x};roots-{:016x}",
            set_hash(&indonesian_stopwords),
            set_hash(&english_stopwords),
            loaded.roots_hash
        );
        Ok(Analysis {
            indonesian_stopwords,
            english_stopwords,
            stemmer: loaded.stemmer.clone(),
            english_stemmer: Arc::new(rust_stemmers::Stemmer::create(
                rust_stemmers::Algorithm::English,
            )),
            fingerprint,
        })
    }

    /// Returns a short string naming these settings; an index records it.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Returns the Indonesian stemmer.
    pub fn stemmer(&self) -> &IndonesianStemmer {
        &self.stemmer
    }

    /// Returns the English (Snowball) stemmer.
    pub fn english_stemmer(&self) -> &rust_stemmers::Stemmer {
        &self.english_stemmer
    }

    /// Returns true if and only if `word` (lower case) is an Indonesian or
    /// English stopword.
    pub fn is_stopword(&self, word: &str) -> bool {
        self.indonesian_stopwords.contains(word) || self.english_stopwords.contains(word)
    }

    /// Returns true if and only if `word` (lower case) is a stopword of `language`.
    pub fn is_stopword_in(&self, word: &str, language: Language) -> bool {
        self.stopwords(language).contains(word)
    }

    /// Returns the stem `language` indexes beside `word` (lower case, not a
    /// stopword); borrowed when it is a slice of `word`.
    pub fn stem<'a>(&self, word: &'a str, language: Language) -> Cow<'a, str> {
        self.word_stemmer(language).stem(word)
    }

    /// Registers the analyzers on `index`.
    pub fn register(&self, index: &Index) {
        let manager = index.tokenizers();
        manager.register(
            INDONESIAN_ANALYZER,
            self.index_analyzer(Language::Indonesian),
        );
        manager.register(ENGLISH_ANALYZER, self.index_analyzer(Language::English));
        manager.register(
            KEYWORD_ANALYZER,
            TextAnalyzer::from(KeywordTokenizer::default()),
        );
        manager.register(
            ENTITY_MENTIONS_TOKENIZER,
            TextAnalyzer::from(EntityTermsTokenizer::mentions()),
        );
        manager.register(
            SHORT_NAMES_TOKENIZER,
            TextAnalyzer::from(EntityTermsTokenizer::short_names()),
        );
    }

    /// Words as written, lower-cased: how a query is split into words.
    pub fn surface_analyzer(&self) -> TextAnalyzer {
        TextAnalyzer::builder(WordTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .build()
    }

    /// The analyzer of a text field in `language`: words as written, lower-cased,
    /// stopwords removed, each word followed by its marked stem when that differs.
    pub fn index_analyzer(&self, language: Language) -> TextAnalyzer {
        TextAnalyzer::builder(WordTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(StemFilter::new(
                self.word_stemmer(language),
                self.stopwords(language).clone(),
            ))
            .build()
    }

    fn stopwords(&self, language: Language) -> &StopwordSet {
        match language {
            Language::Indonesian => &self.indonesian_stopwords,
            Language::English => &self.english_stopwords,
        }
    }

    fn word_stemmer(&self, language: Language) -> WordStemmer {
        match language {
            Language::Indonesian => WordStemmer::Indonesian(self.stemmer.clone()),
            Language::English => WordStemmer::English(self.english_stemmer.clone()),
        }
    }
}

/// Hash of a word set independent of its order.
fn set_hash(words: &FxHashSet<String>) -> u64 {
    let mut sorted: Vec<&str> = words.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    xxh3_64(sorted.join("\n").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str) -> Vec<&str> {
        text.lines().filter(|line| !line.starts_with('#')).collect()
    }

    #[test]
    fn shipped_lists_are_lowercase_sorted_and_unique() {
        for list in [INDONESIAN_STOPWORDS, ENGLISH_STOPWORDS] {
            let words = lines_of(list);
            assert!(list.starts_with("# "), "a header names the source");
            let mut sorted = words.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(words, sorted);
            assert!(words.iter().all(|word| *word == word.to_lowercase().trim()));
        }
    }

    #[test]
    fn negations_and_content_words_are_not_stopwords() {
        let analysis = Analysis::load(None).unwrap();
        for word in [
            "tidak", "bukan", "belum", "lama", "dekat", "kecil", "saat", "not", "no",
        ] {
            assert!(!analysis.is_stopword(word), "{word}");
        }
        for word in ["yang", "dan", "untuk", "the", "of"] {
            assert!(analysis.is_stopword(word), "{word}");
        }
    }

    #[test]
    fn custom_stopwords_change_the_fingerprint() {
        let default = Analysis::load(None).unwrap();
        let custom = Analysis::load(Some("yang\nkorea\n")).unwrap();
        assert_ne!(default.fingerprint(), custom.fingerprint());
        assert!(custom.is_stopword("korea"));
        assert!(
            !custom.is_stopword("dan"),
            "the file replaces the Indonesian list"
        );
        assert_eq!(
            default.fingerprint(),
            Analysis::load(None).unwrap().fingerprint()
        );
    }
}
