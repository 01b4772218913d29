//! Named-entity extraction for Indonesian news: people (PER), places (LOC) and organisations (ORG).
//!
//! The extractor is rule based and std only: a tokenizer that keeps byte offsets, capitalised
//! sequences cut by Indonesian cues (titles, particles, sentence starts), a compiled-in gazetteer
//! with an alias table, and a per-article pass that resolves short mentions ("Putin") to the full
//! names introduced earlier ("Vladimir Putin").
//!
//! * `tokenize.rs`: byte-offset tokens with sentence-start flags; runs of plain lower-case
//!   words, which never take part in a name, are left out but for their ends.
//! * `gazetteer.rs`: the gazetteer and word lists loaded from `data/*.txt` with `include_str!`.
//! * `alias.rs`: parsing of the alias table.
//! * `extract.rs`: the rules, the resolution pass and the public API.
//! * `index_terms.rs`: the stored entity list of an article and the tokenizers
//!   that read its index terms (keys once per mention, short names of people).
//! * `data/`: countries, places, organisations, persons (gazetteer, canonical names), aliases
//!   (`alias<TAB>canonical`), cue words and title words, non-name words, stopwords, particles,
//!   organisation/place/event head and tail words; each file starts with a `#` source/licence
//!   header.
//!
//! Build one [`EntityExtractor`] and share it; [`EntityExtractor::extract`] gives the entities of
//! an article, [`EntityExtractor::resolve`] maps a typed name or alias to its canonical form, and
//! [`entity_key`] is the index term of an entity name at ingest and at query time.

mod alias;
mod extract;
mod gazetteer;
mod index_terms;
mod tokenize;

pub use extract::{Entity, EntityExtractor, EntityKind, Mention, entity_key};
pub use index_terms::{
    ENTITY_MENTIONS_TOKENIZER, EntityTermsTokenizer, SHORT_NAMES_TOKENIZER, entity_list_lines,
    entity_list_text, parse_entity_list,
};

#[cfg(test)]
mod tests;
