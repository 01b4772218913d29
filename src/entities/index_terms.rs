//! How an article's entity list is stored and turned into index terms.
//!
//! The list is stored as one text, a line `TYPE<TAB>count<TAB>name` per
//! entity, and the index terms are read from that text by two tokenizers: the
//! entity key once per mention (so that a term's frequency is the mention
//! count) and the short names of people. One value per article, instead of one
//! value per mention, saves tantivy a value, a token stream and a copy of the
//! key for every mention at ingest.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::extract::{Entity, EntityKind, push_entity_key, short_names_of};

/// Name of the tokenizer of the stored entity list: each entity's
/// [`entity_key`](super::entity_key) once per mention.
pub const ENTITY_MENTIONS_TOKENIZER: &str = "warta_entity_mentions";

/// Name of the tokenizer that reads the short names of people from an entity
/// list: `putin` and `vladimir` for Vladimir Putin, once each, when the article
/// names him at least [`MIN_MENTIONS_FOR_SHORT_NAMES`] times.
pub const SHORT_NAMES_TOKENIZER: &str = "warta_short_names";

/// Fewest mentions of a person in an article for the article to hold their
/// short names. Short names only lead a query to the full names they stand for
/// (`Putin` to Vladimir Putin), and the people an archive is about are named
/// more than once somewhere. People named once are the long tail of distinct
/// names: on ../shared/corpus their short names added 13% to the ingest's CPU
/// time (`examples/entity_cost`). Their articles still hold their full names,
/// which filter and rank as before, and a sampled article's stored list still
/// shows them as candidates for an ambiguous short name.
pub const MIN_MENTIONS_FOR_SHORT_NAMES: u32 = 2;

/// Writes `entities` as the stored entity list: one `TYPE<TAB>count<TAB>name`
/// line each.
pub fn entity_list_text(entities: &[Entity]) -> String {
    let mut text = String::new();
    for entity in entities {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(entity.kind.code());
        text.push('\t');
        text.push_str(&entity.count.to_string());
        text.push('\t');
        text.push_str(&entity.name);
    }
    text
}

/// Reads a stored entity list; lines that do not parse are skipped.
pub fn parse_entity_list(text: &str) -> Vec<Entity> {
    entity_list_lines(text)
        .map(|(kind, count, name)| Entity {
            name: name.to_owned(),
            kind,
            count,
        })
        .collect()
}

/// The type, mention count and name of each entity of a stored entity list,
/// borrowed from it; lines that do not parse are skipped.
pub fn entity_list_lines(text: &str) -> impl Iterator<Item = (EntityKind, u32, &str)> {
    text.lines().filter_map(parse_line)
}

/// Parses one `TYPE<TAB>count<TAB>name` line.
fn parse_line(line: &str) -> Option<(EntityKind, u32, &str)> {
    let mut parts = line.splitn(3, '\t');
    let kind = EntityKind::from_code(parts.next()?)?;
    let count = parts.next()?.parse().ok()?;
    let name = parts.next()?;
    Some((kind, count, name))
}

/// Which terms an [`EntityTermsTokenizer`] reads from an entity list.
#[derive(Clone, Copy, Debug)]
enum EntityTerms {
    /// Each entity's key once per mention.
    Mentions,
    /// The first and last names of people named at least
    /// [`MIN_MENTIONS_FOR_SHORT_NAMES`] times, once each.
    ShortNames,
}

/// Tokenizer reading index terms from a stored entity list: the one behind
/// [`ENTITY_MENTIONS_TOKENIZER`] or the one behind [`SHORT_NAMES_TOKENIZER`].
#[derive(Clone)]
pub struct EntityTermsTokenizer {
    terms: EntityTerms,
    token: Token,
}

impl EntityTermsTokenizer {
    /// Each entity's key once per mention.
    pub fn mentions() -> EntityTermsTokenizer {
        EntityTermsTokenizer {
            terms: EntityTerms::Mentions,
            token: Token::default(),
        }
    }

    /// The first and last names of the people the list names at least
    /// [`MIN_MENTIONS_FOR_SHORT_NAMES`] times, once each.
    pub fn short_names() -> EntityTermsTokenizer {
        EntityTermsTokenizer {
            terms: EntityTerms::ShortNames,
            token: Token::default(),
        }
    }
}

/// Stream of an [`EntityTermsTokenizer`].
pub struct EntityTermsStream<'a> {
    terms: EntityTerms,
    lines: std::str::Lines<'a>,
    token: &'a mut Token,
    /// Times the current term is still to be emitted again (mentions).
    repeats: u32,
    /// The current person's second short name, not emitted yet.
    pending: Option<&'a str>,
}

impl Tokenizer for EntityTermsTokenizer {
    type TokenStream<'a> = EntityTermsStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> EntityTermsStream<'a> {
        self.token.reset();
        EntityTermsStream {
            terms: self.terms,
            lines: text.lines(),
            token: &mut self.token,
            repeats: 0,
            pending: None,
        }
    }
}

impl<'a> EntityTermsStream<'a> {
    /// Makes the key of `name` the current term.
    fn set_term(&mut self, name: &str) {
        self.token.text.clear();
        push_entity_key(&mut self.token.text, name);
    }

    /// Moves to the next term; false at the end of the list. Lines that do
    /// not parse are skipped.
    fn next_term(&mut self) -> bool {
        if self.repeats > 0 {
            self.repeats -= 1;
            return true;
        }
        if let Some(name) = self.pending.take() {
            self.set_term(name);
            return true;
        }
        for line in self.lines.by_ref() {
            let Some((kind, count, name)) = parse_line(line) else {
                continue;
            };
            match self.terms {
                EntityTerms::Mentions if count > 0 => {
                    self.repeats = count - 1;
                    self.set_term(name);
                    return true;
                }
                EntityTerms::Mentions => {}
                EntityTerms::ShortNames if count >= MIN_MENTIONS_FOR_SHORT_NAMES => {
                    let mut names = short_names_of(name, kind);
                    if let Some(first) = names.next() {
                        self.pending = names.next();
                        self.set_term(first);
                        return true;
                    }
                }
                EntityTerms::ShortNames => {}
            }
        }
        false
    }
}

impl TokenStream for EntityTermsStream<'_> {
    fn advance(&mut self) -> bool {
        if !self.next_term() {
            return false;
        }
        self.token.position = self.token.position.wrapping_add(1);
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
    use crate::entities::entity_key;

    fn entities() -> Vec<Entity> {
        vec![
            Entity {
                name: "Vladimir Putin".into(),
                kind: EntityKind::Person,
                count: 3,
            },
            Entity {
                name: "Korea Utara".into(),
                kind: EntityKind::Location,
                count: 2,
            },
            Entity {
                name: "Kim Jong Un".into(),
                kind: EntityKind::Person,
                count: 1,
            },
        ]
    }

    fn texts<T: Tokenizer>(mut tokenizer: T, text: &str) -> Vec<String> {
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn the_list_round_trips() {
        let text = entity_list_text(&entities());
        assert_eq!(text.lines().next(), Some("PER\t3\tVladimir Putin"));
        assert_eq!(parse_entity_list(&text), entities());
        assert!(parse_entity_list("").is_empty());
    }

    #[test]
    fn a_key_comes_once_per_mention() {
        let text = entity_list_text(&entities());
        assert_eq!(
            texts(EntityTermsTokenizer::mentions(), &text),
            [
                "vladimir putin",
                "vladimir putin",
                "vladimir putin",
                "korea utara",
                "korea utara",
                "kim jong un"
            ]
        );
        assert_eq!(entity_key("Vladimir  Putin"), "vladimir putin");
    }

    #[test]
    fn short_names_are_the_first_and_last_names_of_people_named_twice() {
        let mut entities = entities();
        let text = entity_list_text(&entities);
        // Kim Jong Un is named once; places have none.
        assert_eq!(
            texts(EntityTermsTokenizer::short_names(), &text),
            ["vladimir", "putin"]
        );
        entities[2].count = 2;
        let text = entity_list_text(&entities);
        // "Un" is too short to stand for Kim Jong Un.
        assert_eq!(
            texts(EntityTermsTokenizer::short_names(), &text),
            ["vladimir", "putin", "kim"]
        );
    }

    #[test]
    fn broken_lines_are_skipped() {
        let text = "PER\tmany\tNobody\nXYZ\t1\tNothing\nLOC\t1\tJakarta\nPER\t2";
        assert_eq!(texts(EntityTermsTokenizer::mentions(), text), ["jakarta"]);
        assert_eq!(parse_entity_list(text).len(), 1);
        let people = "PER\tmany\tNobody\nPER\t2\tVladimir Putin";
        assert_eq!(
            texts(EntityTermsTokenizer::short_names(), people),
            ["vladimir", "putin"]
        );
    }
}
