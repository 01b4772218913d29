//! Tokenizer: words (alphanumeric runs joined by inner hyphens and apostrophes) and single
//! punctuation characters, with byte offsets and a sentence-start flag.

/// One token of the input text; `start..end` are byte offsets on char boundaries.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    /// The punctuation character, or `'\0'` for a word.
    pub punct: char,
    /// First letter is upper case (or a mixed-case brand such as "tvOne").
    pub cap: bool,
    /// All letters upper case and at least two letters ("AS", "NATO").
    pub upper: bool,
    /// Contains at least one ASCII or Unicode digit.
    pub digit: bool,
    /// Only digits.
    pub all_digit: bool,
    /// First word of a sentence, a line, or a quotation (its capital says nothing).
    pub sent_start: bool,
}

impl Token {
    /// True for word tokens.
    #[inline]
    pub fn is_word(&self) -> bool {
        self.punct == '\0'
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

#[inline]
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '‐')
}

/// The char at byte offset `i` (a char boundary) and its length in bytes; ASCII is not decoded.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Splits `text` into tokens, appending to `out` (cleared first).
pub(crate) fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut sent_start = true;
    let mut i = 0;
    while let Some((c, len)) = char_at(text, i) {
        let start = i;
        i += len;
        if is_word_char(c) {
            let mut end = i;
            let mut letters = 0usize;
            let mut uppers = 0usize;
            let mut digit = false;
            let mut all_digit = true;
            let first_upper = c.is_uppercase();
            let mut later_upper = false;
            let mut joined = false;
            let mut account = |ch: char, first: bool| {
                if ch.is_alphabetic() {
                    letters += 1;
                    all_digit = false;
                    if ch.is_uppercase() {
                        uppers += 1;
                        if !first {
                            later_upper = true;
                        }
                    }
                } else if ch.is_numeric() {
                    digit = true;
                } else {
                    all_digit = false;
                }
            };
            account(c, true);
            loop {
                match char_at(text, end) {
                    Some((ch, l)) if is_word_char(ch) => {
                        account(ch, false);
                        end += l;
                    }
                    Some((ch, l)) if is_joiner(ch) => {
                        // Join only when a word character follows the joiner.
                        match char_at(text, end + l) {
                            Some((n, _)) if is_word_char(n) => {
                                joined = true;
                                end += l;
                            }
                            _ => break,
                        }
                    }
                    _ => break,
                }
            }
            // The whole run is consumed even if a glued clitic is cut off below.
            i = end;
            // A clitic or a lower-case word glued to a name ends the name: "UU-nya", "KPK-juga".
            let split = if joined && first_upper {
                text[start..end].rsplit_once('-')
            } else {
                None
            };
            if let Some((head, tail)) = split {
                let tail_lower = tail.chars().all(char::is_lowercase);
                let head_upper = head.chars().all(|c| !c.is_lowercase());
                if tail_lower && (tail == "nya" || head_upper) {
                    end = start + head.len();
                }
            }
            // An English possessive is not part of the name: "Putin's" is "Putin".
            for possessive in ["'s", "\u{2019}s"] {
                if first_upper && text[start..end].ends_with(possessive) {
                    end -= possessive.len();
                    break;
                }
            }
            let all_digit = all_digit && !joined;
            // Arabic particles glued to a capitalised name ("al-Qassam", "el-Sisi").
            let particle_name = !first_upper
                && joined
                && text[start..end]
                    .split_once('-')
                    .is_some_and(|(head, tail)| {
                        matches!(
                            head,
                            "al" | "el"
                                | "ad"
                                | "ar"
                                | "as"
                                | "asy"
                                | "at"
                                | "an"
                                | "bin"
                                | "ibn"
                                | "abu"
                        ) && tail.chars().next().is_some_and(char::is_uppercase)
                    });
            let cap = first_upper
                || particle_name
                || (later_upper && letters >= 3 && c.is_alphabetic() && !joined);
            out.push(Token {
                start,
                end,
                punct: '\0',
                cap,
                upper: letters >= 2 && uppers == letters,
                digit,
                all_digit,
                sent_start,
            });
            sent_start = false;
        } else if c.is_whitespace() {
            if c == '\n' || c == '\r' {
                sent_start = true;
            }
        } else {
            out.push(Token {
                start,
                end: start + c.len_utf8(),
                punct: c,
                cap: false,
                upper: false,
                digit: false,
                all_digit: false,
                sent_start,
            });
            match c {
                '.' => {
                    // An abbreviation or initial ("Prof.", "B.") does not end the sentence.
                    let soft = out.len() >= 2 && is_abbreviation(text, &out[out.len() - 2]);
                    let decimal = bytes.get(start + 1).is_some_and(|b| b.is_ascii_digit());
                    if !soft && !decimal {
                        sent_start = true;
                    }
                }
                '!' | '?' | '…' | ':' | '"' | '“' | '•' | '|' => sent_start = true,
                '-' | '–' | '—' => {
                    // A dash standing alone between spaces starts a new clause ("JAKARTA - Pemimpin").
                    let before = start.checked_sub(1).and_then(|i| bytes.get(i));
                    if before.is_none_or(|b| b.is_ascii_whitespace()) {
                        sent_start = true;
                    }
                }
                _ => {}
            }
        }
    }
}

/// True when a word token followed by '.' is an abbreviation or an initial.
pub(crate) fn is_abbreviation(text: &str, tok: &Token) -> bool {
    if !tok.is_word() {
        return false;
    }
    let word = &text[tok.start..tok.end];
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    matches!(
        word,
        "Prof"
            | "prof"
            | "Dr"
            | "dr"
            | "Drs"
            | "Ir"
            | "H"
            | "Hj"
            | "KH"
            | "St"
            | "Jl"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Sr"
            | "Jr"
            | "Moh"
            | "Muh"
            | "Mhd"
            | "Kol"
            | "Let"
            | "Brig"
    )
}
