//! Highlighted excerpts of article bodies.

use std::ops::Range;

use tantivy::Searcher;
use tantivy::query::Query;
use tantivy::snippet::SnippetGenerator;

use super::QueryError;
use crate::analysis::Language;
use crate::archive::Fields;

/// Length of an excerpt, in characters.
const SNIPPET_CHARS: usize = 180;

/// An excerpt of a body, with the byte ranges of the matched words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The excerpt, on one line.
    pub text: String,
    /// Byte ranges in `text` of the words that matched the query.
    pub highlights: Vec<Range<usize>>,
}

/// Cuts snippets for one query; set up once per query, used for each hit.
///
/// The excerpt is chosen and highlighted through the article's body field,
/// which holds words and roots, so a query for `pengembangan` highlights
/// `mengembangkan` too.
pub struct SnippetMaker {
    generators: Option<[SnippetGenerator; 2]>,
}

impl SnippetMaker {
    /// Prepares snippets for `query` over the body fields.
    pub fn new(
        searcher: &Searcher,
        query: &dyn Query,
        fields: &Fields,
    ) -> Result<Self, QueryError> {
        let generator = |field| -> Result<SnippetGenerator, QueryError> {
            let mut generator = SnippetGenerator::create(searcher, query, field)?;
            generator.set_max_num_chars(SNIPPET_CHARS);
            Ok(generator)
        };
        Ok(SnippetMaker {
            generators: Some([generator(fields.body_id)?, generator(fields.body_en)?]),
        })
    }

    /// Returns a maker that only cuts the opening of each body.
    pub fn opening_only() -> SnippetMaker {
        SnippetMaker { generators: None }
    }

    /// Returns the best excerpt of `body` (of an article in `language`), or its
    /// opening when no query word occurs in it (a title-only or filter-only match).
    pub fn snippet(&self, body: &str, language: Language) -> Snippet {
        if let Some([indonesian, english]) = &self.generators {
            let generator = match language {
                Language::Indonesian => indonesian,
                Language::English => english,
            };
            let snippet = generator.snippet(body);
            if !snippet.fragment().is_empty() {
                return Snippet {
                    text: one_line(snippet.fragment()),
                    highlights: snippet.highlighted().to_vec(),
                };
            }
        }
        Snippet {
            text: one_line(opening(body, SNIPPET_CHARS)),
            highlights: Vec::new(),
        }
    }
}

/// Replaces line breaks and tabs by spaces; byte offsets are unchanged.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r', '\t'], " ")
}

/// Returns the first `max_chars` characters of `text`, cut after a word.
fn opening(text: &str, max_chars: usize) -> &str {
    let Some((cut, _)) = text.char_indices().nth(max_chars) else {
        return text;
    };
    match text[..cut].rfind(char::is_whitespace) {
        Some(space) if space > 0 => &text[..space],
        _ => &text[..cut],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_cuts_after_a_word() {
        assert_eq!(opening("satu dua tiga", 6), "satu");
        assert_eq!(opening("satu", 10), "satu");
        assert_eq!(opening("ééééé", 2), "éé");
    }

    #[test]
    fn one_line_keeps_offsets() {
        assert_eq!(one_line("a\nb\tc"), "a b c");
    }
}
