//! The compiled-in gazetteer (countries, places, organisations, a few well-known people), the alias table and the word
//! lists that drive the rules; every list is a plain text file in `data/` with a `#` header.

use super::alias::{ALIASES, parse_aliases};
use super::extract::EntityKind;
use super::tokenize::{Detail, Token, tokenize};
use crate::hash::{FxHashMap, FxHashSet};
use crate::lowercase::push_lowercase;

pub(crate) const COUNTRIES: &str = include_str!("data/countries.txt");
pub(crate) const PLACES: &str = include_str!("data/places.txt");
pub(crate) const ORGANIZATIONS: &str = include_str!("data/organizations.txt");
pub(crate) const PERSONS: &str = include_str!("data/persons.txt");
pub(crate) const CUES: &str = include_str!("data/cues.txt");
pub(crate) const TITLE_WORDS: &str = include_str!("data/title_words.txt");
pub(crate) const NON_NAMES: &str = include_str!("data/non_names.txt");
pub(crate) const STOPWORDS: &str = include_str!("data/stopwords-id.txt");
pub(crate) const PARTICLES: &str = include_str!("data/particles.txt");
pub(crate) const ORG_WORDS: &str = include_str!("data/org_words.txt");
pub(crate) const LOC_HEADS: &str = include_str!("data/loc_heads.txt");
pub(crate) const SKIP_HEADS: &str = include_str!("data/skip_heads.txt");
pub(crate) const CONTEXT_CUES: &str = include_str!("data/context_cues.txt");
pub(crate) const EVENT_TAILS: &str = include_str!("data/event_tails.txt");
pub(crate) const HEADING_VERBS: &str = include_str!("data/heading_verbs.txt");

/// Iterates over the entries of a one-entry-per-line list, skipping `#` comments and blank lines.
pub(crate) fn list_entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Normalised lookup key of a name: its word tokens, lower case, joined by single spaces.
pub(crate) fn normalise_key(name: &str) -> String {
    let mut toks: Vec<Token> = Vec::new();
    tokenize(name, Detail::All, &mut toks);
    let mut key = String::with_capacity(name.len());
    for tok in toks.iter().filter(|t| t.is_word()) {
        if !key.is_empty() {
            key.push(' ');
        }
        push_lowercase(&mut key, &name[tok.start..tok.end]);
    }
    key
}

/// Canonical entry of the gazetteer.
#[derive(Clone, Copy, Debug)]
pub(crate) struct GazEntry {
    pub name: &'static str,
    pub kind: EntityKind,
}

/// Word-list membership bits of a lower-case word (see [`WordInfo`]).
pub(crate) const CUE: u16 = 1 << 0;
pub(crate) const TITLE: u16 = 1 << 1;
pub(crate) const NON_NAME: u16 = 1 << 2;
pub(crate) const STOP: u16 = 1 << 3;
pub(crate) const PARTICLE: u16 = 1 << 4;
pub(crate) const ORG_HEAD: u16 = 1 << 5;
pub(crate) const ORG_TAIL: u16 = 1 << 6;
pub(crate) const LOC_HEAD: u16 = 1 << 7;
pub(crate) const SKIP_HEAD: u16 = 1 << 8;
pub(crate) const LOC_CUE: u16 = 1 << 9;
pub(crate) const EVENT_TAIL: u16 = 1 << 10;
pub(crate) const ORG_CUE: u16 = 1 << 11;
pub(crate) const THING_CUE: u16 = 1 << 12;
pub(crate) const HEADING_VERB: u16 = 1 << 13;

/// What the lexicon knows about one lower-case word, found with a single hash lookup.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordInfo {
    /// Membership bits (`CUE`, `TITLE`, ...).
    pub flags: u16,
    /// Largest number of words of a gazetteer key starting with this word (0: none).
    pub gaz_max: u8,
}

/// Gazetteer, alias table and rule word lists, all keyed by lower-case words.
pub(crate) struct Lexicon {
    pub entries: Vec<GazEntry>,
    /// Normalised key (canonical name or alias) to entry index and "acronym": an all-capitals
    /// alias ("UK", "BIN") that only matches an all-capitals surface ("Uk", "Bin" are names).
    pub keys: FxHashMap<String, (u32, bool)>,
    /// First word of a key to the largest number of words of any key starting with it.
    pub first_word: FxHashMap<String, usize>,
    pub cues: FxHashSet<&'static str>,
    pub title_words: FxHashSet<&'static str>,
    pub non_names: FxHashSet<&'static str>,
    pub stopwords: FxHashSet<&'static str>,
    pub particles: FxHashSet<&'static str>,
    pub org_heads: FxHashSet<&'static str>,
    pub org_tails: FxHashSet<&'static str>,
    pub loc_heads: FxHashSet<&'static str>,
    pub skip_heads: FxHashSet<&'static str>,
    pub loc_cues: FxHashSet<&'static str>,
    pub org_cues: FxHashSet<&'static str>,
    pub thing_cues: FxHashSet<&'static str>,
    pub event_tails: FxHashSet<&'static str>,
    pub heading_verbs: FxHashSet<&'static str>,
    /// Every word of every list and every first word of a gazetteer key, with its [`WordInfo`].
    pub words: FxHashMap<String, WordInfo>,
}

fn word_set(data: &'static str) -> FxHashSet<&'static str> {
    list_entries(data).collect()
}

impl Lexicon {
    /// Builds the lexicon from the compiled-in data files.
    pub fn new() -> Self {
        let mut lex = Lexicon {
            entries: Vec::new(),
            keys: FxHashMap::default(),
            first_word: FxHashMap::default(),
            cues: word_set(CUES),
            title_words: word_set(TITLE_WORDS),
            non_names: word_set(NON_NAMES),
            stopwords: word_set(STOPWORDS),
            particles: word_set(PARTICLES),
            org_heads: FxHashSet::default(),
            org_tails: FxHashSet::default(),
            loc_heads: word_set(LOC_HEADS),
            skip_heads: word_set(SKIP_HEADS),
            loc_cues: FxHashSet::default(),
            org_cues: FxHashSet::default(),
            thing_cues: FxHashSet::default(),
            event_tails: word_set(EVENT_TAILS),
            heading_verbs: word_set(HEADING_VERBS),
            words: FxHashMap::default(),
        };
        for line in list_entries(CONTEXT_CUES) {
            match line.split_once('\t') {
                Some(("loc", word)) => {
                    lex.loc_cues.insert(word.trim());
                }
                Some(("org", word)) => {
                    lex.org_cues.insert(word.trim());
                }
                Some(("thing", word)) => {
                    lex.thing_cues.insert(word.trim());
                }
                _ => {}
            }
        }
        for line in list_entries(ORG_WORDS) {
            match line.split_once('\t') {
                Some(("head", word)) => {
                    lex.org_heads.insert(word.trim());
                }
                Some(("tail", word)) => {
                    lex.org_tails.insert(word.trim());
                }
                _ => {}
            }
        }
        for (data, kind) in [
            (COUNTRIES, EntityKind::Location),
            (PLACES, EntityKind::Location),
            (ORGANIZATIONS, EntityKind::Organization),
            (PERSONS, EntityKind::Person),
        ] {
            for name in list_entries(data) {
                let index = lex.entries.len() as u32;
                lex.entries.push(GazEntry { name, kind });
                lex.insert_key(name, index);
            }
        }
        for (alias, canonical) in parse_aliases(ALIASES) {
            let key = normalise_key(canonical);
            if let Some(&(index, _)) = lex.keys.get(&key) {
                lex.insert_key(alias, index);
            }
        }
        lex.build_word_info();
        lex
    }

    fn build_word_info(&mut self) {
        let mut words: FxHashMap<String, WordInfo> = FxHashMap::default();
        let sets: [(&FxHashSet<&'static str>, u16); 14] = [
            (&self.cues, CUE),
            (&self.title_words, TITLE),
            (&self.non_names, NON_NAME),
            (&self.stopwords, STOP),
            (&self.particles, PARTICLE),
            (&self.org_heads, ORG_HEAD),
            (&self.org_tails, ORG_TAIL),
            (&self.loc_heads, LOC_HEAD),
            (&self.skip_heads, SKIP_HEAD),
            (&self.loc_cues, LOC_CUE),
            (&self.event_tails, EVENT_TAIL),
            (&self.org_cues, ORG_CUE),
            (&self.thing_cues, THING_CUE),
            (&self.heading_verbs, HEADING_VERB),
        ];
        for (set, flag) in sets {
            for w in set {
                words.entry(w.to_string()).or_default().flags |= flag;
            }
        }
        for (w, &max) in &self.first_word {
            words.entry(w.clone()).or_default().gaz_max = max.min(255) as u8;
        }
        self.words = words;
    }

    /// What the lexicon knows about a lower-case word.
    #[inline]
    pub fn info(&self, word: &str) -> WordInfo {
        self.words.get(word).copied().unwrap_or_default()
    }

    fn insert_key(&mut self, name: &str, index: u32) {
        let key = normalise_key(name);
        if key.is_empty() {
            return;
        }
        let words = key.split(' ').count();
        let first = key.split(' ').next().unwrap_or_default().to_string();
        let max = self.first_word.entry(first).or_insert(0);
        *max = (*max).max(words);
        let letters = name.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = letters >= 2 && name.chars().all(|c| !c.is_lowercase());
        self.keys.entry(key).or_insert((index, acronym));
    }

    /// Looks up a normalised key, ignoring case.
    #[inline]
    pub fn lookup(&self, key: &str) -> Option<GazEntry> {
        self.keys.get(key).map(|&(i, _)| self.entries[i as usize])
    }

    /// Looks up a normalised key for a surface; `upper` tells whether the surface is all capitals.
    #[inline]
    pub fn lookup_surface(&self, key: &str, upper: bool) -> Option<GazEntry> {
        match self.keys.get(key) {
            Some(&(i, acronym)) if upper || !acronym => Some(self.entries[i as usize]),
            _ => None,
        }
    }
}
