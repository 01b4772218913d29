//! Telling Indonesian articles from English ones, once per article at ingest.
//!
//! Counts the most frequent function words of each language in the title and
//! the first few kilobytes of the body; the language with more wins, and
//! Indonesian wins ties (the archive is Indonesian first). Function words are
//! frequent enough that a few hundred bytes decide, and names, numbers and
//! loan words, which both languages share, do not count.

use std::fmt;
use std::str::FromStr;

/// Language of an article, deciding which analyzer reads it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Language {
    /// Bahasa Indonesia (the default).
    #[default]
    Indonesian,
    /// English.
    English,
}

impl Language {
    /// Returns the ISO 639-1 code (`id`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Language::Indonesian => "id",
            Language::English => "en",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = String;

    fn from_str(code: &str) -> Result<Language, String> {
        match code.trim().to_ascii_lowercase().as_str() {
            "id" | "ind" | "indonesian" => Ok(Language::Indonesian),
            "en" | "eng" | "english" => Ok(Language::English),
            _ => Err(format!("unknown language '{code}' (expected id or en)")),
        }
    }
}

/// Bytes of body text looked at; more does not change the answer.
const SAMPLE_BYTES: usize = 3_000;

/// True for a frequent Indonesian function word (lower case). A `match`
/// compiles to a switch on length and a few comparisons, where a list was
/// searched word by word for every word of the sample.
fn is_indonesian_function_word(word: &[u8]) -> bool {
    matches!(
        word,
        b"yang"
            | b"dan"
            | b"di"
            | b"ini"
            | b"itu"
            | b"dengan"
            | b"untuk"
            | b"dari"
            | b"dalam"
            | b"tidak"
            | b"akan"
            | b"pada"
            | b"ke"
            | b"juga"
            | b"ada"
            | b"oleh"
            | b"karena"
            | b"atau"
            | b"sudah"
            | b"bisa"
            | b"kata"
            | b"telah"
            | b"para"
            | b"saat"
    )
}

/// True for a frequent English function word (lower case).
fn is_english_function_word(word: &[u8]) -> bool {
    matches!(
        word,
        b"the"
            | b"and"
            | b"of"
            | b"to"
            | b"in"
            | b"is"
            | b"that"
            | b"for"
            | b"it"
            | b"was"
            | b"with"
            | b"on"
            | b"as"
            | b"by"
            | b"he"
            | b"at"
            | b"be"
            | b"this"
            | b"have"
            | b"from"
            | b"are"
            | b"has"
            | b"said"
            | b"were"
    )
}

/// Longest function word in either list, in bytes.
const MAX_WORD_BYTES: usize = 8;

/// Lead in function words at which the answer is settled and the rest of the
/// sample is not read. News text has a function word every few words, so
/// most articles are decided within their first few hundred bytes.
const DECISIVE_LEAD: usize = 12;

/// Returns the language of an article from its title and body.
pub fn detect_language(title: &str, body: &str) -> Language {
    let cut = (0..=SAMPLE_BYTES.min(body.len()))
        .rev()
        .find(|&index| body.is_char_boundary(index))
        .unwrap_or(0);
    let mut indonesian = 0usize;
    let mut english = 0usize;
    'sample: for text in [title, &body[..cut]] {
        // Function words are ASCII: compare lower-cased ASCII words in a stack
        // buffer; any other byte ends a word and never matches.
        for word in text.as_bytes().split(|byte| !byte.is_ascii_alphabetic()) {
            if word.is_empty() || word.len() > MAX_WORD_BYTES {
                continue;
            }
            let mut buffer = [0u8; MAX_WORD_BYTES];
            let lower = &mut buffer[..word.len()];
            lower.copy_from_slice(word);
            lower.make_ascii_lowercase();
            indonesian += usize::from(is_indonesian_function_word(lower));
            english += usize::from(is_english_function_word(lower));
            if indonesian.abs_diff(english) >= DECISIVE_LEAD {
                break 'sample;
            }
        }
    }
    if english > indonesian {
        Language::English
    } else {
        Language::Indonesian
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_two_languages_apart() {
        let id = "Presiden mengatakan bahwa pemerintah akan membangun jalan di Papua dan Maluku.";
        let en = "The president said that the government will build roads in Papua and Maluku.";
        assert_eq!(detect_language("", id), Language::Indonesian);
        assert_eq!(detect_language("", en), Language::English);
        assert_eq!(
            detect_language("Jokowi", ""),
            Language::Indonesian,
            "ties go to Indonesian"
        );
    }

    #[test]
    fn a_clear_lead_settles_the_language() {
        let indonesian = "Dia akan datang ke kantor dan yang lain di rumah untuk itu \
            dengan para tamu, karena sudah ada kata dari pada saat ini. ";
        let english =
            "The man said that the talks were in the interest of the people and of peace. ";
        let body = format!("{indonesian}{}", english.repeat(5));
        assert_eq!(
            detect_language("", &body),
            Language::Indonesian,
            "a quotation after the opening does not change the article's language"
        );
        assert_eq!(detect_language("", &english.repeat(5)), Language::English);
    }

    #[test]
    fn sample_cut_respects_char_boundaries() {
        let body = "é".repeat(SAMPLE_BYTES);
        assert_eq!(detect_language("", &body), Language::Indonesian);
    }

    #[test]
    fn codes_parse() {
        assert_eq!("EN".parse::<Language>(), Ok(Language::English));
        assert!(
            "fr".parse::<Language>()
                .unwrap_err()
                .contains("expected id or en")
        );
    }
}
