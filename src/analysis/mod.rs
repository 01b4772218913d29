//! Text analysis: the tokenizers and filters that turn article text into index terms.
//!
//! Every analyzer has a name here and is registered on an index by
//! [`Analysis::register`], the one place to change when the analysis changes.
//! tantivy does not store custom tokenizers in the index, so `archive`
//! registers them each time it opens or creates one.
//!
//! | analyzer | pipeline | fields |
//! |---|---|---|
//! | [`INDONESIAN_ANALYZER`] | words, lower case, Indonesian stopwords removed, word + `~root` | `title_id`, `body_id` |
//! | [`ENGLISH_ANALYZER`] | words, lower case, English stopwords removed, word + `~stem` (Snowball) | `title_en`, `body_en` |
//! | [`KEYWORD_ANALYZER`] | whole value, lower case, spaces collapsed | `tag`, `category`, `source` |
//! | `warta_entity_mentions` | each entity key of an entity list, once per mention (see `entities`) | `entities` |
//! | `warta_short_names` | first and last names of the people of an entity list | `entity_short` |

mod explain;
pub mod indonesian_stemmer;
mod keyword;
mod language;
mod settings;
mod stemmer;
mod stopwords;
mod tokenizer;

pub use explain::WordAnalysis;
pub use keyword::KeywordTokenizer;
pub use language::{Language, detect_language};
pub use settings::{
    Analysis, AnalysisError, DATA_ENV, INDONESIAN_STOPWORDS, MAX_TOKEN_BYTES, data_dirs,
};
pub use stemmer::{STEM_MARK, StemFilter, WordStemmer, marked_stem};
pub use stopwords::parse_stopwords;
pub use tokenizer::WordTokenizer;

/// Analyzer of Indonesian articles: words and their roots.
pub const INDONESIAN_ANALYZER: &str = "warta_id";

/// Analyzer of English articles: words and their stems.
pub const ENGLISH_ANALYZER: &str = "warta_en";

/// Analyzer for exact-match fields (tags, category, source): the whole value as
/// one term, lower-cased, with runs of white space collapsed to one space.
pub const KEYWORD_ANALYZER: &str = "warta_keyword";

/// Normalises an exact-match value the way [`KeywordTokenizer`] does: lower case,
/// trimmed, inner white space collapsed. Used for filters given on the command line.
pub fn normalize_keyword(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    normalize_keyword_into(value, &mut out);
    out
}

/// Writes the normalised form of `value` into `out` (cleared first), reusing
/// its buffer: the keyword tokenizer calls this once per value.
pub fn normalize_keyword_into(value: &str, out: &mut String) {
    out.clear();
    for word in value.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream};

    use super::{Analysis, Language};

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

    fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        tokens(analyzer, text)
            .into_iter()
            .map(|token| token.text)
            .collect()
    }

    #[test]
    fn surface_keeps_every_word_lower_cased() {
        let analysis = Analysis::load(None).unwrap();
        let long = "x".repeat(super::MAX_TOKEN_BYTES + 1);
        let text = format!("Yang Mengembangkan {long} KN-25");
        assert_eq!(
            terms(&mut analysis.surface_analyzer(), &text),
            ["yang", "mengembangkan", "kn", "25"]
        );
    }

    #[test]
    fn indonesian_fields_keep_words_and_add_changed_roots() {
        let analysis = Analysis::load(None).unwrap();
        let mut analyzer = analysis.index_analyzer(Language::Indonesian);
        for word in ["mengembangkan", "dikembangkan", "pengembangan"] {
            assert_eq!(terms(&mut analyzer, word), [word, "~kembang"], "{word}");
        }
        assert_eq!(
            terms(
                &mut analyzer,
                "Menteri yang tidak mengatakan berita batasan-batasan"
            ),
            [
                "menteri",
                "tidak",
                "mengatakan",
                "~kata",
                "berita",
                "batasan",
                "~batas"
            ]
        );
        let got = tokens(&mut analyzer, "yang Mengembangkan");
        assert_token(&got[0], 1, "mengembangkan", 5, 18);
        assert_token(&got[1], 1, "~kembang", 5, 18);
    }

    #[test]
    fn english_fields_use_snowball() {
        let analysis = Analysis::load(None).unwrap();
        assert_eq!(
            terms(
                &mut analysis.index_analyzer(Language::English),
                "The elections were not running"
            ),
            ["elections", "~elect", "were", "not", "running", "~run"]
        );
    }

    #[test]
    fn normalize_keyword_collapses_space_and_case() {
        assert_eq!(super::normalize_keyword("  Korea   UTARA "), "korea utara");
        assert_eq!(super::normalize_keyword(""), "");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        #[test]
        fn analysis_never_panics_and_offsets_slice_the_text(text in "\\PC{0,200}") {
            let analysis = Analysis::load(None).unwrap();
            for mut analyzer in [
                analysis.surface_analyzer(),
                analysis.index_analyzer(Language::Indonesian),
                analysis.index_analyzer(Language::English),
            ] {
                for token in tokens(&mut analyzer, &text) {
                    proptest::prop_assert!(text.get(token.offset_from..token.offset_to).is_some());
                    proptest::prop_assert!(token.offset_from < token.offset_to);
                }
            }
        }
    }
}
