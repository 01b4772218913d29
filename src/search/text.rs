//! The words of a query as a tantivy query: exact words, other forms of their
//! roots, phrases, prefixes and field restrictions.
//!
//! tantivy's grammar reads the syntax (`"..."`, `-`, `OR`, `field:`, `^2`);
//! warta turns each word into terms itself, because one word asks for three
//! terms of each text field (see `analysis::stemmer`): the word as written
//! (weight 1), its marked root `~root` and the bare root (weight 1/2 each). An
//! article with the exact word scores the word and its root; one with another
//! form of the root scores the root only. Stopwords are not indexed: they are
//! skipped, leaving a gap in a phrase (`"presiden dari rusia"` finds `presiden
//! ke rusia` too).

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, Occur, PhrasePrefixQuery, PhraseQuery, Query,
    RegexPhraseQuery, TermQuery,
};
use tantivy::query_grammar::{
    Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral, parse_query, parse_query_lenient,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::{Searcher, Term};

use super::build::keyword_query;
use super::prefix::words_with_prefix;
use super::{Operator, QueryError};
use crate::analysis::{Analysis, Language, STEM_MARK, marked_stem};
use crate::archive::Fields;

/// Weight of a word as written, relative to a match of its root only.
const EXACT_WEIGHT: f32 = 1.0;
/// Weight of a match of a word's root (another form, or the root itself).
const STEM_WEIGHT: f32 = 0.5;
/// Weight of a headline field; a body field weighs 1. A headline naming the
/// query is the best evidence that an article is about it.
const TITLE_WEIGHT: f32 = 2.0;

/// One analysed text field: what it holds and how much a match in it weighs.
#[derive(Clone, Copy)]
struct TextField {
    field: Field,
    language: Language,
    is_title: bool,
    weight: f32,
}

/// The analysed text fields: headline and full text in each language.
fn text_fields(fields: &Fields) -> [TextField; 4] {
    let text_field = |field, language, is_title| TextField {
        field,
        language,
        is_title,
        weight: if is_title { TITLE_WEIGHT } else { 1.0 },
    };
    [
        text_field(fields.title_id, Language::Indonesian, true),
        text_field(fields.body_id, Language::Indonesian, false),
        text_field(fields.title_en, Language::English, true),
        text_field(fields.body_en, Language::English, false),
    ]
}

/// The query of the text part of a search.
pub struct TextQuery {
    /// The query, or `None` when nothing searchable is left (`((`, stopwords).
    pub query: Option<Box<dyn Query>>,
    /// Syntax that had to be forgiven or was ignored.
    pub warnings: Vec<String>,
}

/// Builds the query of the text part of a search.
pub fn text_query(
    analysis: &Analysis,
    fields: &Fields,
    searcher: &Searcher,
    text: &str,
    operator: Operator,
) -> Result<TextQuery, QueryError> {
    let mut warnings = Vec::new();
    let ast = match parse_query(text) {
        Ok(ast) => ast,
        Err(_) => {
            let (ast, errors) = parse_query_lenient(text);
            warnings.push("query read leniently: it is not valid query syntax".to_owned());
            warnings.extend(
                errors
                    .into_iter()
                    .map(|error| format!("at character {}: {}", error.pos, error.message)),
            );
            ast
        }
    };
    // A field no article fills (the English fields of an all-Indonesian
    // archive) is left out: each term looked up costs a dictionary lookup
    // per segment, and a word asks for up to twelve.
    let text_fields = text_fields(fields)
        .into_iter()
        .filter(|text| holds_terms(searcher, text.field))
        .collect();
    let mut builder = TextQueryBuilder {
        analysis,
        fields,
        searcher,
        text_fields,
        surface: analysis.surface_analyzer(),
        default_occur: match operator {
            Operator::All => Occur::Must,
            Operator::Any => Occur::Should,
        },
        warnings,
    };
    let query = builder.convert(ast)?;
    Ok(TextQuery {
        query,
        warnings: builder.warnings,
    })
}

/// State of one conversion: where terms come from, and the warnings so far.
struct TextQueryBuilder<'a> {
    analysis: &'a Analysis,
    fields: &'a Fields,
    searcher: &'a Searcher,
    /// The text fields holding at least one term.
    text_fields: Vec<TextField>,
    /// Splits literals into words.
    surface: TextAnalyzer,
    default_occur: Occur,
    warnings: Vec<String>,
}

/// What a `field:` prefix makes a literal search.
enum Target {
    /// Analysed text fields.
    Text(Vec<TextField>),
    /// An exact-match field (tags, category, source): the whole value, normalised.
    Keyword(Field),
    /// A raw field (id): the value as given.
    Raw(Field),
}

impl TextQueryBuilder<'_> {
    fn convert(&mut self, ast: UserInputAst) -> Result<Option<Box<dyn Query>>, QueryError> {
        match ast {
            UserInputAst::Clause(children) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for (occur, child) in children {
                    if let Some(query) = self.convert(child)? {
                        clauses.push((occur.unwrap_or(self.default_occur), query));
                    }
                }
                // `-senjata` alone means every article without the word.
                if !clauses.is_empty() && clauses.iter().all(|(occur, _)| *occur == Occur::MustNot)
                {
                    clauses.push((Occur::Should, Box::new(AllQuery)));
                }
                Ok(match clauses.len() {
                    0 => None,
                    1 if clauses[0].0 != Occur::MustNot => Some(clauses.remove(0).1),
                    _ => Some(Box::new(BooleanQuery::new(clauses))),
                })
            }
            UserInputAst::Boost(child, boost) => Ok(self.convert(*child)?.map(|query| {
                Box::new(BoostQuery::new(query, boost.into_inner() as f32)) as Box<dyn Query>
            })),
            UserInputAst::Leaf(leaf) => self.convert_leaf(*leaf),
        }
    }

    fn convert_leaf(&mut self, leaf: UserInputLeaf) -> Result<Option<Box<dyn Query>>, QueryError> {
        match leaf {
            UserInputLeaf::Literal(literal) => self.convert_literal(literal),
            UserInputLeaf::All => Ok(Some(Box::new(AllQuery))),
            other => {
                self.warnings.push(format!(
                    "ignored {other:?}: ranges, sets and regular expressions are not supported (use --since/--until for dates)"
                ));
                Ok(None)
            }
        }
    }

    fn convert_literal(
        &mut self,
        literal: UserInputLiteral,
    ) -> Result<Option<Box<dyn Query>>, QueryError> {
        let target = self.target(literal.field_name.as_deref());
        let text_fields = match target {
            Target::Keyword(field) => return Ok(Some(keyword_query(field, &literal.phrase))),
            Target::Raw(field) => {
                return Ok(Some(term_query(Term::from_field_text(
                    field,
                    &literal.phrase,
                ))));
            }
            Target::Text(text_fields) => text_fields,
        };
        let words = self.words(&literal.phrase);
        // tantivy's grammar keeps the `*` of `pemilu*` in the word and sets
        // `prefix` only after a quoted phrase (`"kereta lap"*`).
        let is_prefix = literal.prefix
            || (literal.delimiter == Delimiter::None && literal.phrase.ends_with('*'));
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        match words.as_slice() {
            [] => return Ok(None),
            [(_, word)] if is_prefix => {
                let fields: Vec<Field> = text_fields.iter().map(|text| text.field).collect();
                let expansions = words_with_prefix(self.searcher, &fields, word)?;
                for text in &text_fields {
                    for expansion in expansions
                        .iter()
                        .chain(expansions.is_empty().then_some(word))
                    {
                        let term = Term::from_field_text(text.field, expansion);
                        clauses.push(boosted(term_query(term), text.weight * EXACT_WEIGHT));
                    }
                }
            }
            _ => {
                for text in &text_fields {
                    clauses.extend(self.field_clauses(*text, &words, literal.slop, is_prefix));
                }
            }
        }
        Ok(match clauses.len() {
            0 => None,
            _ => Some(Box::new(BooleanQuery::new(clauses))),
        })
    }

    /// Resolves a `field:` prefix; an unknown name is ignored with a warning.
    fn target(&mut self, name: Option<&str>) -> Target {
        let fields = self.fields;
        let text = |titles: bool| {
            let parts = self
                .text_fields
                .iter()
                .filter(|text| text.is_title == titles);
            Target::Text(parts.copied().collect())
        };
        match name {
            Some("title") => text(true),
            Some("body") => text(false),
            Some("tag") => Target::Keyword(fields.tag),
            Some("category") => Target::Keyword(fields.category),
            Some("source") => Target::Keyword(fields.source),
            Some("id") => Target::Raw(fields.id),
            Some(other) => {
                self.warnings.push(format!(
                    "no field named `{other}` (fields: title, body, tag, category, source, id); searched the words"
                ));
                Target::Text(self.text_fields.clone())
            }
            None => Target::Text(self.text_fields.clone()),
        }
    }

    /// Splits a literal into lower-cased words with their positions.
    fn words(&mut self, phrase: &str) -> Vec<(usize, String)> {
        let mut stream = self.surface.token_stream(phrase);
        let mut words = Vec::new();
        while stream.advance() {
            let token = stream.token();
            words.push((token.position, token.text.clone()));
        }
        words
    }

    /// The clauses of `words` in one field: one word's three terms, or a
    /// phrase as written and a phrase of roots.
    fn field_clauses(
        &self,
        text: TextField,
        words: &[(usize, String)],
        slop: u32,
        is_prefix: bool,
    ) -> Vec<(Occur, Box<dyn Query>)> {
        // Stopwords are not indexed: they drop out, leaving a gap in a phrase.
        // A stopword of either language drops out of both, since a query does
        // not say which language it is in.
        let kept: Vec<(usize, &str, String)> = words
            .iter()
            .filter(|(_, word)| !self.analysis.is_stopword(word))
            .map(|(position, word)| {
                let stem = self.analysis.stem(word, text.language).into_owned();
                (*position, word.as_str(), stem)
            })
            .collect();
        let term = |word: &str| Term::from_field_text(text.field, word);
        match kept.as_slice() {
            [] => Vec::new(),
            [(_, word, stem)] => {
                let mut clauses = vec![boosted(term_query(term(word)), text.weight * EXACT_WEIGHT)];
                let stem_terms = if stem == word {
                    vec![marked_stem(stem)]
                } else {
                    vec![marked_stem(stem), stem.clone()]
                };
                for stem_term in stem_terms {
                    clauses.push(boosted(
                        term_query(term(&stem_term)),
                        text.weight * STEM_WEIGHT,
                    ));
                }
                clauses
            }
            _ => {
                let first = kept[0].0;
                let exact: Vec<(usize, Term)> = kept
                    .iter()
                    .map(|(position, word, _)| (position - first, term(word)))
                    .collect();
                if is_prefix {
                    let query = PhrasePrefixQuery::new_with_offset(exact);
                    return vec![boosted(Box::new(query), text.weight * EXACT_WEIGHT)];
                }
                let roots: Vec<(usize, String)> = kept
                    .iter()
                    .map(|(position, _, stem)| {
                        (
                            position - first,
                            format!("[{STEM_MARK}]?{}", escape_regex(stem)),
                        )
                    })
                    .collect();
                let exact = PhraseQuery::new_with_offset_and_slop(exact, slop);
                let roots = RegexPhraseQuery::new_with_offset_and_slop(text.field, roots, slop);
                vec![
                    boosted(Box::new(exact), text.weight * EXACT_WEIGHT),
                    boosted(Box::new(roots), text.weight * STEM_WEIGHT),
                ]
            }
        }
    }
}

/// Returns true if and only if some segment has a term in `field`.
fn holds_terms(searcher: &Searcher, field: Field) -> bool {
    searcher.segment_readers().iter().any(|segment| {
        segment
            .inverted_index(field)
            .is_ok_and(|index| index.terms().num_terms() > 0)
    })
}

/// A scored query for one term.
fn term_query(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
}

/// `query` weighted by `weight`, as an optional clause of a disjunction.
fn boosted(query: Box<dyn Query>, weight: f32) -> (Occur, Box<dyn Query>) {
    (Occur::Should, Box::new(BoostQuery::new(query, weight)))
}

/// Escapes the characters of `text` that mean something in a regular expression.
fn escape_regex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regex_metacharacters_are_escaped() {
        assert_eq!(escape_regex("kembang"), "kembang");
        assert_eq!(escape_regex("a.b*"), "a\\.b\\*");
    }
}
