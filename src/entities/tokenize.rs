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

/// How much of a text [`tokenize`] keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Detail {
    /// Every token.
    All,
    /// Every token except the inner words of runs of plain lower-case words
    /// (ASCII letters and digits), which can never be part of a name: a run of
    /// three or more keeps its first and last word with a [`GAP`] token
    /// between them, so every token next to a capital is still there. Most of
    /// a news text is such runs.
    NearNames,
}

/// The `punct` of the token standing for the words left out of a run.
pub(crate) const GAP: char = ' ';

/// Appends tokens to `out`, leaving out the inner words of plain lower-case runs
/// when asked to (see [`Detail::NearNames`]).
struct Emitter<'a> {
    out: &'a mut Vec<Token>,
    detail: Detail,
    /// Plain lower-case words in the current run.
    run: usize,
    /// Last word of the current run, not pushed yet.
    last_of_run: Option<Token>,
}

impl Emitter<'_> {
    /// Pushes a plain lower-case word.
    fn plain_word(&mut self, token: Token) {
        if self.detail == Detail::All || self.run == 0 {
            self.out.push(token);
        } else {
            self.last_of_run = Some(token);
        }
        self.run += 1;
    }

    /// Pushes the words of a [`PlainStretch`]: its first word, the count of
    /// its inner words, and its last word, as [`Emitter::plain_word`] would
    /// have for each word in turn.
    fn plain_stretch(&mut self, stretch: &PlainStretch, sent_start: bool) {
        self.plain_word(plain_token(stretch.first, sent_start));
        self.run += stretch.inner;
        if let Some(last) = stretch.last {
            self.plain_word(plain_token(last, false));
        }
    }

    /// Pushes any other token, closing the current run.
    fn other(&mut self, token: Token) {
        self.close_run();
        self.out.push(token);
    }

    fn close_run(&mut self) {
        if let Some(last) = self.last_of_run.take() {
            if self.run >= 3 {
                self.out.push(Token {
                    start: last.start,
                    end: last.start,
                    punct: GAP,
                    cap: false,
                    upper: false,
                    digit: false,
                    all_digit: false,
                    sent_start: false,
                });
            }
            self.out.push(last);
        }
        self.run = 0;
    }
}

/// Returns the end of the plain lower-case word starting at `start` (an ASCII
/// lower-case letter followed by ASCII letters and digits and ended by ASCII
/// punctuation, a space or the end), or `None` when the word needs the full
/// rules (capitals inside, joiners, non-ASCII letters) and whether it has digits.
#[inline]
fn plain_word_end(bytes: &[u8], start: usize) -> Option<(usize, bool)> {
    let mut end = start + 1;
    let mut digit = false;
    while let Some(&b) = bytes.get(end) {
        match b {
            b'a'..=b'z' => end += 1,
            b'0'..=b'9' => {
                digit = true;
                end += 1;
            }
            b'A'..=b'Z' | b'-' | b'\'' | 0x80.. => return None,
            _ => break,
        }
    }
    Some((end, digit))
}

/// Bytes that may occur in a stretch of plain lower-case words: ASCII lower-case
/// letters, digits and the space.
const fn plain_bytes() -> [bool; 256] {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b'a'..=b'z' | b'0'..=b'9' | b' ');
        b += 1;
    }
    table
}

static PLAIN_BYTE: [bool; 256] = plain_bytes();

/// A word of a plain stretch: byte range and whether it has digits.
#[derive(Clone, Copy)]
struct PlainWord {
    start: usize,
    end: usize,
    digit: bool,
}

/// Plain lower-case words in a row, as [`Detail::NearNames`] keeps them: the
/// first, the last, and whether any lie between.
struct PlainStretch {
    first: PlainWord,
    last: Option<PlainWord>,
    /// 1 when words lie between the first and the last, else 0.
    inner: usize,
    /// Where the stretch ends (after its last word).
    end: usize,
}

fn plain_token(word: PlainWord, sent_start: bool) -> Token {
    Token {
        start: word.start,
        end: word.end,
        punct: '\0',
        cap: false,
        upper: false,
        digit: word.digit,
        all_digit: false,
        sent_start,
    }
}

fn plain_word_at(bytes: &[u8], start: usize, end: usize) -> PlainWord {
    PlainWord {
        start,
        end,
        digit: bytes[start..end].iter().any(u8::is_ascii_digit),
    }
}

/// The stretch of plain lower-case words starting at `start` (an ASCII
/// lower-case letter), found with one table lookup per byte instead of
/// token by token. It holds exactly the words that [`plain_word_end`] would
/// accept one after the other: a last word glued to a capital, a joiner or a
/// non-ASCII letter, or starting with a digit, is left to the full rules.
/// Words starting with a digit inside the stretch are taken in: they stand
/// between two lower-case words, where no rule looks. `None` when not even
/// the first word is plain.
fn plain_stretch(bytes: &[u8], start: usize) -> Option<PlainStretch> {
    let mut scan = start;
    while bytes.get(scan).is_some_and(|&b| PLAIN_BYTE[usize::from(b)]) {
        scan += 1;
    }
    let glued = matches!(bytes.get(scan), Some(b'A'..=b'Z' | b'-' | b'\'' | 0x80..));
    let mut end = scan;
    let last_start = loop {
        while bytes[end - 1] == b' ' {
            end -= 1;
        }
        let last_start = bytes[start..end]
            .iter()
            .rposition(|&b| b == b' ')
            .map_or(start, |space| start + space + 1);
        let needs_rules = (glued && end == scan) || bytes[last_start].is_ascii_digit();
        if !needs_rules {
            break last_start;
        }
        if last_start == start {
            return None;
        }
        end = last_start;
    };
    if last_start == start {
        return Some(PlainStretch {
            first: plain_word_at(bytes, start, end),
            last: None,
            inner: 0,
            end,
        });
    }
    let first_end = bytes[start..end]
        .iter()
        .position(|&b| b == b' ')
        .map_or(end, |space| start + space);
    let first = plain_word_at(bytes, start, first_end);
    // Only "any inner word?" matters: a run of three words or more gets a gap.
    let inner = usize::from(bytes[first_end..last_start].iter().any(|&b| b != b' '));
    Some(PlainStretch {
        first,
        last: Some(plain_word_at(bytes, last_start, end)),
        inner,
        end,
    })
}

/// The word of ASCII letters and digits starting at `start`, when it ends
/// at a space, ASCII punctuation or the end of the text: such a word takes
/// none of the full rules (joiners, clitics, possessives, Arabic particles),
/// and its letters can be counted byte by byte. `None` otherwise.
#[inline]
fn ascii_word(bytes: &[u8], start: usize, sent_start: bool) -> Option<Token> {
    let mut end = start;
    let (mut letters, mut uppers, mut digits) = (0usize, 0usize, 0usize);
    while let Some(&b) = bytes.get(end) {
        if !b.is_ascii_alphanumeric() {
            break;
        }
        letters += usize::from(b.is_ascii_alphabetic());
        uppers += usize::from(b.is_ascii_uppercase());
        digits += usize::from(b.is_ascii_digit());
        end += 1;
    }
    if matches!(bytes.get(end), Some(b'-' | b'\'' | 0x80..)) {
        return None;
    }
    let first = bytes[start];
    let first_upper = first.is_ascii_uppercase();
    let later_upper = uppers > usize::from(first_upper);
    Some(Token {
        start,
        end,
        punct: '\0',
        cap: first_upper || (later_upper && letters >= 3 && first.is_ascii_alphabetic()),
        upper: letters >= 2 && uppers == letters,
        digit: digits > 0,
        all_digit: letters == 0,
        sent_start,
    })
}

/// Splits `text` into tokens, appending to `out` (cleared first); `detail`
/// says whether plain lower-case runs are kept whole.
pub(crate) fn tokenize(text: &str, detail: Detail, out: &mut Vec<Token>) {
    out.clear();
    let mut out = Emitter {
        out,
        detail,
        run: 0,
        last_of_run: None,
    };
    let bytes = text.as_bytes();
    let mut sent_start = true;
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        if byte == b' ' {
            i += 1;
            continue;
        }
        if byte.is_ascii_lowercase()
            && detail == Detail::NearNames
            && let Some(stretch) = plain_stretch(bytes, i)
        {
            out.plain_stretch(&stretch, sent_start);
            sent_start = false;
            i = stretch.end;
            continue;
        }
        if byte.is_ascii_lowercase()
            && let Some((end, digit)) = plain_word_end(bytes, i)
        {
            out.plain_word(Token {
                start: i,
                end,
                punct: '\0',
                cap: false,
                upper: false,
                digit,
                all_digit: false,
                sent_start,
            });
            sent_start = false;
            i = end;
            continue;
        }
        if byte.is_ascii_alphanumeric()
            && let Some(token) = ascii_word(bytes, i, sent_start)
        {
            out.other(token);
            sent_start = false;
            i = token.end;
            continue;
        }
        let Some((c, len)) = char_at(text, i) else {
            break;
        };
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
            out.other(Token {
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
            out.other(Token {
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
                    let tokens = &out.out;
                    let soft =
                        tokens.len() >= 2 && is_abbreviation(text, &tokens[tokens.len() - 2]);
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
    out.close_run();
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

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, detail: Detail) -> Vec<String> {
        let mut tokens = Vec::new();
        tokenize(text, detail, &mut tokens);
        tokens
            .iter()
            .map(|t| match t.punct {
                '\0' => text[t.start..t.end].to_owned(),
                GAP => "<gap>".to_owned(),
                c => c.to_string(),
            })
            .collect()
    }

    #[test]
    fn near_names_keeps_the_words_next_to_capitals() {
        let text = "kata dia bahwa presiden sudah datang ke Jakarta kemarin.";
        assert_eq!(texts(text, Detail::All).len(), 10);
        assert_eq!(
            texts(text, Detail::NearNames),
            ["kata", "<gap>", "ke", "Jakarta", "kemarin", "."]
        );
    }

    #[test]
    fn near_names_keeps_words_that_need_the_full_rules() {
        let text = "dia pergi ke pasca-perang kafé tvOne lalu pulang";
        assert_eq!(
            texts(text, Detail::NearNames),
            [
                "dia",
                "<gap>",
                "ke",
                "pasca-perang",
                "kafé",
                "tvOne",
                "lalu",
                "pulang"
            ]
        );
    }

    #[test]
    fn stretch_ends_that_need_the_full_rules_stay_tokens() {
        // A number or a word glued to a joiner at the end of a stretch is a
        // token of its own; numbers inside a stretch are left out with it.
        let text = "pada 2019 lalu dia pergi ke 45 kota lalu ke 1945 Jakarta, kemarin pasca-Nya";
        assert_eq!(
            texts(text, Detail::NearNames),
            [
                "pada",
                "<gap>",
                "ke",
                "1945",
                "Jakarta",
                ",",
                "kemarin",
                "pasca-Nya"
            ]
        );
        let all = texts(text, Detail::All);
        assert_eq!(all.len(), 15);
        assert_eq!((all[1].as_str(), all[6].as_str()), ("2019", "45"));
    }

    #[test]
    fn a_sentence_start_survives_a_left_out_run() {
        let mut tokens = Vec::new();
        tokenize("satu dua tiga. Empat", Detail::NearNames, &mut tokens);
        let last = tokens.last().unwrap();
        assert!(last.cap && last.sent_start);
    }
}
