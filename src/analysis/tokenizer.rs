//! [`WordTokenizer`]: Unicode words, with Indonesian hyphenation rules.
//!
//! A word is a run of letters and digits (`Covid`, `19`, `1953`). Words joined
//! by hyphens are read as one unit first:
//! - reduplication indexes its base word once: `batasan-batasan` and
//!   `bersama-sama` give `batasan` and `bersama` (the second part repeats or
//!   ends the first), `anak-anaknya` gives `anaknya`, so a plural never hides
//!   its singular;
//! - any other compound gives each part: `Rusia-Ukraina` gives `Rusia` and
//!   `Ukraina`, `KN-25` gives `KN` and `25`, so the phrase `"KN-25"` and the
//!   words alone both find it.
//!
//! Curly quotes, ellipses, slashes (`12/09`) and non-breaking spaces separate
//! words. Tokens come out in lower case (as tantivy's `LowerCaser` would make
//! them, while being copied, without a pass of their own) and keep byte
//! offsets into the original text, for snippets; a reduplication's token
//! covers the whole unit. Dropping over-long tokens is left to a filter.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::lowercase::push_lowercase;

/// Tokenizer of article text; see the module documentation.
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
    parts: Vec<Part>,
}

/// One token still to be emitted: the text it takes and the span it covers.
#[derive(Clone, Copy, Debug)]
struct Part {
    text_from: usize,
    text_to: usize,
    offset_from: usize,
    offset_to: usize,
}

/// Stream of the tokens of one text.
pub struct WordTokenStream<'a> {
    text: &'a str,
    cursor: usize,
    /// Tokens of the current unit not yet emitted, last one first.
    parts: &'a mut Vec<Part>,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        self.token.reset();
        self.parts.clear();
        WordTokenStream {
            text,
            cursor: 0,
            parts: &mut self.parts,
            token: &mut self.token,
        }
    }
}

/// Returns true if and only if `c` joins two word parts (`-` and its Unicode kin).
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Returns true if and only if `a` and `b` are equal ignoring case.
fn eq_ignore_case(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// Returns true if and only if `word` ends with `end`, ignoring case.
fn ends_with_ignore_case(word: &str, end: &str) -> bool {
    let skip = word.chars().count().checked_sub(end.chars().count());
    skip.is_some_and(|skip| eq_ignore_case(&word[char_offset(word, skip)..], end))
}

/// Returns true if and only if `word` starts with `start`, ignoring case.
fn starts_with_ignore_case(word: &str, start: &str) -> bool {
    let count = start.chars().count();
    word.chars().count() >= count && eq_ignore_case(&word[..char_offset(word, count)], start)
}

/// Returns the byte offset of the `n`th character of `word`.
fn char_offset(word: &str, n: usize) -> usize {
    word.char_indices()
        .nth(n)
        .map_or(word.len(), |(offset, _)| offset)
}

/// What a byte of UTF-8 text says about word boundaries.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    /// An ASCII letter or digit: part of a word.
    AsciiWord,
    /// Any other ASCII character: between words.
    AsciiOther,
    /// A byte of a multi-byte character, which must be decoded to be classed.
    NonAscii,
}

/// The [`ByteClass`] of every byte value.
static BYTE_CLASS: [ByteClass; 256] = byte_classes();

const fn byte_classes() -> [ByteClass; 256] {
    let mut classes = [ByteClass::NonAscii; 256];
    let mut byte = 0;
    while byte < 128 {
        classes[byte] = if (byte as u8).is_ascii_alphanumeric() {
            ByteClass::AsciiWord
        } else {
            ByteClass::AsciiOther
        };
        byte += 1;
    }
    classes
}

/// Minimum length in characters of a repeated part: `a-a` is no reduplication.
const MIN_REPEATED_CHARS: usize = 2;

/// Returns which part of a two-part hyphenated unit is its base word when the
/// unit is a reduplication: 0 for the first (`batasan-batasan`,
/// `bersama-sama`), 1 for the second (`anak-anaknya`).
fn reduplication_base(first: &str, second: &str) -> Option<usize> {
    let is_long = |part: &str| part.chars().count() >= MIN_REPEATED_CHARS;
    if !is_long(first) || !is_long(second) {
        return None;
    }
    if eq_ignore_case(first, second) || ends_with_ignore_case(first, second) {
        Some(0)
    } else if starts_with_ignore_case(second, first) {
        Some(1)
    } else {
        None
    }
}

impl WordTokenStream<'_> {
    /// Finds the next run of letters and digits at or after `from` (a
    /// character boundary).
    fn next_run(&self, from: usize) -> Option<(usize, usize)> {
        let start = self.skip_while(from, false);
        if start == self.text.len() {
            return None;
        }
        Some((start, self.skip_while(start, true)))
    }

    /// Returns the offset of the first character at or after `from` whose
    /// being a letter or digit differs from `alphanumeric` (or the text's end).
    /// ASCII, most of any text, is classed by a table lookup per byte without
    /// decoding.
    fn skip_while(&self, from: usize, alphanumeric: bool) -> usize {
        let bytes = self.text.as_bytes();
        let same = if alphanumeric {
            ByteClass::AsciiWord
        } else {
            ByteClass::AsciiOther
        };
        let mut at = from;
        loop {
            while bytes
                .get(at)
                .is_some_and(|&byte| BYTE_CLASS[usize::from(byte)] == same)
            {
                at += 1;
            }
            let is_non_ascii = bytes
                .get(at)
                .is_some_and(|&byte| BYTE_CLASS[usize::from(byte)] == ByteClass::NonAscii);
            if !is_non_ascii {
                return at;
            }
            match self.text[at..].chars().next() {
                Some(c) if c.is_alphanumeric() == alphanumeric => at += c.len_utf8(),
                _ => return at,
            }
        }
    }

    /// Returns the hyphen starting at byte `at`, if one does.
    fn hyphen_at(&self, at: usize) -> Option<char> {
        // Every hyphen starts with `-` or, in UTF-8, 0xE2.
        if !matches!(self.text.as_bytes().get(at), Some(b'-' | 0xE2)) {
            return None;
        }
        self.text[at..].chars().next().filter(|c| is_hyphen(*c))
    }

    /// Reads the next hyphenated unit: returns its first token and keeps the
    /// others in `parts`, last one first; `None` at the end of the text.
    fn read_unit(&mut self) -> Option<Part> {
        let Some(first) = self.next_run(self.cursor) else {
            self.cursor = self.text.len();
            return None;
        };
        let whole = |(from, to): (usize, usize)| Part {
            text_from: from,
            text_to: to,
            offset_from: from,
            offset_to: to,
        };
        let mut end = first.1;
        if self.hyphen_at(end).is_none() {
            // A single word, most units.
            self.cursor = end;
            return Some(whole(first));
        }
        self.parts.push(whole(first));
        while let Some(hyphen) = self.hyphen_at(end) {
            let after = end + hyphen.len_utf8();
            match self.next_run(after) {
                Some(run) if run.0 == after => {
                    self.parts.push(whole(run));
                    end = run.1;
                }
                _ => break,
            }
        }
        self.cursor = end;
        if let [a, b] = self.parts.as_slice() {
            let base = reduplication_base(
                &self.text[a.text_from..a.text_to],
                &self.text[b.text_from..b.text_to],
            );
            if let Some(index) = base {
                let base = self.parts[index];
                self.parts.clear();
                self.parts.push(Part {
                    offset_from: first.0,
                    offset_to: end,
                    ..base
                });
            }
        }
        self.parts.reverse();
        self.parts.pop()
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(part) = self.parts.pop().or_else(|| self.read_unit()) else {
            return false;
        };
        self.token.text.clear();
        push_lowercase(
            &mut self.token.text,
            &self.text[part.text_from..part.text_to],
        );
        self.token.offset_from = part.offset_from;
        self.token.offset_to = part.offset_to;
        self.token.position = self.token.position.wrapping_add(1);
        self.token.position_length = 1;
        true
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
    use super::*;
    use crate::analysis::tests::{assert_token, tokens};
    use tantivy::tokenizer::TextAnalyzer;

    fn words(text: &str) -> Vec<String> {
        let mut analyzer = TextAnalyzer::from(WordTokenizer::default());
        tokens(&mut analyzer, text)
            .into_iter()
            .map(|token| token.text)
            .collect()
    }

    #[test]
    fn reduplication_gives_the_base_word_once() {
        assert_eq!(words("batasan-batasan"), ["batasan"]);
        assert_eq!(words("bersama-sama"), ["bersama"]);
        assert_eq!(words("anak-anaknya"), ["anaknya"]);
        assert_eq!(words("Mata-mata"), ["mata"]);
    }

    #[test]
    fn reduplication_token_covers_the_whole_unit() {
        let mut analyzer = TextAnalyzer::from(WordTokenizer::default());
        let got = tokens(&mut analyzer, "ada batasan-batasan tertentu");
        assert_token(&got[0], 0, "ada", 0, 3);
        assert_token(&got[1], 1, "batasan", 4, 19);
        assert_token(&got[2], 2, "tertentu", 20, 28);
    }

    #[test]
    fn compounds_and_codes_give_each_part() {
        assert_eq!(words("Rusia-Ukraina"), ["rusia", "ukraina"]);
        assert_eq!(words("roket KN-25"), ["roket", "kn", "25"]);
        assert_eq!(words("Covid-19"), ["covid", "19"]);
        assert_eq!(words("Kim Dong-yup"), ["kim", "dong", "yup"]);
        assert_eq!(words("a-a"), ["a", "a"]);
    }

    #[test]
    fn punctuation_and_odd_spaces_separate_words() {
        assert_eq!(
            words("Selasa (12/09) pada 1953"),
            ["selasa", "12", "09", "pada", "1953"]
        );
        assert_eq!(
            words("\u{201C}prospek\u{201D} Rusia\u{2026} dan\u{00A0}kami"),
            ["prospek", "rusia", "dan", "kami"]
        );
        assert_eq!(words("akhir - dan -awal"), ["akhir", "dan", "awal"]);
    }

    #[test]
    fn words_come_out_in_lower_case() {
        assert_eq!(
            words("PBB ÉLYSÉE Ünal İstanbul"),
            ["pbb", "élysée", "ünal", "i\u{307}stanbul"]
        );
    }

    #[test]
    fn positions_are_consecutive() {
        let mut analyzer = TextAnalyzer::from(WordTokenizer::default());
        let got = tokens(&mut analyzer, "Rusia-Ukraina perang");
        assert_token(&got[0], 0, "rusia", 0, 5);
        assert_token(&got[1], 1, "ukraina", 6, 13);
        assert_token(&got[2], 2, "perang", 14, 20);
    }
}
