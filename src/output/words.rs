//! Printing `warta analyze`: one line per word.

use std::io::{self, Write};

use crate::analysis::WordAnalysis;

/// How `warta analyze` prints a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordStyle {
    /// The stem alone; a stopword prints nothing (or an empty line, see below).
    Stem,
    /// `surface -> stem (rules)`.
    Explain,
    /// `surface<TAB>stem`, stopwords stemmed too (the format of stem scorers).
    Tsv,
}

/// Writes one analysed word. With `keep_lines` a dropped stopword still gets
/// its (empty) line, so that output lines match input lines one to one.
pub fn write_word<W: Write>(
    out: &mut W,
    word: &WordAnalysis,
    style: WordStyle,
    keep_lines: bool,
) -> io::Result<()> {
    match (style, &word.stem) {
        (WordStyle::Stem, Some(stem)) => writeln!(out, "{stem}"),
        (WordStyle::Stem, None) if keep_lines => writeln!(out),
        (WordStyle::Stem, None) => Ok(()),
        (WordStyle::Explain, None) => writeln!(out, "{} -> (stopword)", word.surface),
        (WordStyle::Explain, Some(stem)) if word.rules.is_empty() => {
            writeln!(out, "{} -> {stem}", word.surface)
        }
        (WordStyle::Explain, Some(stem)) => {
            writeln!(
                out,
                "{} -> {stem} ({})",
                word.surface,
                word.rules.join(", ")
            )
        }
        (WordStyle::Tsv, stem) => {
            writeln!(
                out,
                "{}\t{}",
                word.surface,
                stem.as_deref().unwrap_or(&word.surface)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(surface: &str, stem: Option<&str>, rules: &[&'static str]) -> WordAnalysis {
        WordAnalysis {
            surface: surface.into(),
            stem: stem.map(str::to_owned),
            rules: rules.to_vec(),
        }
    }

    #[test]
    fn each_style() {
        let mut out = Vec::new();
        let mengembangkan = word("mengembangkan", Some("kembang"), &["meng-", "-kan"]);
        write_word(&mut out, &mengembangkan, WordStyle::Stem, false).unwrap();
        write_word(&mut out, &mengembangkan, WordStyle::Explain, false).unwrap();
        write_word(
            &mut out,
            &word("yang", None, &[]),
            WordStyle::Explain,
            false,
        )
        .unwrap();
        write_word(&mut out, &word("yang", None, &[]), WordStyle::Stem, false).unwrap();
        write_word(&mut out, &word("yang", None, &[]), WordStyle::Stem, true).unwrap();
        write_word(&mut out, &mengembangkan, WordStyle::Tsv, false).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "kembang\nmengembangkan -> kembang (meng-, -kan)\nyang -> (stopword)\n\nmengembangkan\tkembang\n"
        );
    }
}
