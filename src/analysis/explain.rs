//! What the analysis does to one word, for `warta analyze`.

use super::{Analysis, Language};

/// One word as the index sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordAnalysis {
    /// The word as given, lower-cased.
    pub surface: String,
    /// The indexed stem, or `None` when the word is a stopword.
    pub stem: Option<String>,
    /// Affixes removed, in reading order (`meng-`, `-kan`), or the English
    /// stemmer's name when it changed the word.
    pub rules: Vec<&'static str>,
}

impl Analysis {
    /// Returns what the `language` pipeline makes of `word` (one word, any case).
    pub fn explain(&self, word: &str, language: Language) -> WordAnalysis {
        let surface = word.trim().to_lowercase();
        if self.is_stopword_in(&surface, language) {
            return WordAnalysis {
                surface,
                stem: None,
                rules: Vec::new(),
            };
        }
        let (stem, rules) = self.stem_word(&surface, language);
        WordAnalysis {
            surface,
            stem: Some(stem),
            rules,
        }
    }

    /// Returns the stem of one lower-case word, ignoring stopwords.
    pub fn stem_word(&self, word: &str, language: Language) -> (String, Vec<&'static str>) {
        match language {
            Language::Indonesian => self.stemmer().stem_explained(word),
            Language::English => {
                let stem = self.english_stemmer().stem(word).into_owned();
                let rules = if stem == word {
                    Vec::new()
                } else {
                    vec!["snowball-english"]
                };
                (stem, rules)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explains_affixes_and_stopwords() {
        let analysis = Analysis::load(None).unwrap();
        let word = analysis.explain("Mengembangkan", Language::Indonesian);
        assert_eq!(word.stem.as_deref(), Some("kembang"));
        assert_eq!(word.rules, ["meng-", "-kan"]);
        assert_eq!(analysis.explain("yang", Language::Indonesian).stem, None);
        assert_eq!(
            analysis.explain("kuambil", Language::Indonesian).rules,
            ["ku-"]
        );
        let english = analysis.explain("running", Language::English);
        assert_eq!(english.stem.as_deref(), Some("run"));
    }
}
