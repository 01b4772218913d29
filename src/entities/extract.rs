//! The extraction rules, the per-article resolution pass and the public API.

use super::gazetteer::{
    CUE, EVENT_TAIL, GazEntry, HEADING_VERB, LOC_CUE, LOC_HEAD, Lexicon, NON_NAME, ORG_CUE,
    ORG_HEAD, ORG_TAIL, PARTICLE, SKIP_HEAD, STOP, THING_CUE, TITLE, WordInfo, normalise_key,
};
use super::tokenize::{Detail, Token, is_abbreviation, tokenize};
use crate::hash::FxHashMap;
use crate::lowercase::push_lowercase;
use crate::whitespace::collapse_whitespace;
use std::cell::RefCell;

/// Type of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// A person (PER).
    Person,
    /// A place: country, city, region, site (LOC).
    Location,
    /// An organisation: institution, company, party, media (ORG).
    Organization,
}

impl EntityKind {
    /// Three-letter code: "PER", "LOC" or "ORG".
    pub fn code(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Location => "LOC",
            EntityKind::Organization => "ORG",
        }
    }

    /// Parses a three-letter code case-insensitively.
    pub fn from_code(s: &str) -> Option<Self> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("PER") {
            Some(EntityKind::Person)
        } else if s.eq_ignore_ascii_case("LOC") {
            Some(EntityKind::Location)
        } else if s.eq_ignore_ascii_case("ORG") {
            Some(EntityKind::Organization)
        } else {
            None
        }
    }
}

/// An entity of one article: canonical display name, type and number of mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Canonical display name, e.g. "Vladimir Putin" or "Amerika Serikat".
    pub name: String,
    /// Entity type.
    pub kind: EntityKind,
    /// Number of mentions in title and body.
    pub count: u32,
}

/// Shortest first or last name that stands for a person on its own.
const MIN_SHORT_NAME_CHARS: usize = 3;

impl Entity {
    /// Returns the one-word names a person of several words is also called by:
    /// the first and the last word (`Vladimir`, `Putin`), each at least three
    /// characters. Other kinds, and one-word names, have none.
    pub fn short_names(&self) -> Vec<&str> {
        short_names_of(&self.name, self.kind).collect()
    }
}

/// The short names of the entity `name` of type `kind`: see [`Entity::short_names`].
pub(crate) fn short_names_of(name: &str, kind: EntityKind) -> impl Iterator<Item = &str> {
    let mut words = name.split_whitespace();
    let first = words.next();
    let last = words.next_back();
    let ends = match (kind, first, last) {
        (EntityKind::Person, Some(first), Some(last)) => {
            [Some(first), Some(last).filter(|&l| l != first)]
        }
        _ => [None, None],
    };
    ends.into_iter()
        .flatten()
        .filter(|word| word.chars().count() >= MIN_SHORT_NAME_CHARS)
}

/// One mention in a text: byte span of the surface form, type and canonical name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of the first byte of the surface form.
    pub start: usize,
    /// Byte offset one past the last byte of the surface form.
    pub end: usize,
    /// Entity type.
    pub kind: EntityKind,
    /// Canonical display name the mention resolves to.
    pub canonical: String,
}

/// Normalised key used as the index term for an entity: lower case, single spaces.
pub fn entity_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    push_entity_key(&mut key, name);
    key
}

/// Appends the [`entity_key`] of `name` to `key`, reusing its buffer.
pub(crate) fn push_entity_key(key: &mut String, name: &str) {
    let start = key.len();
    for word in name.split_whitespace() {
        if key.len() > start {
            key.push(' ');
        }
        push_lowercase(key, word);
    }
}

/// Sentence-initial stopwords that are also common East Asian surnames ("Yang Uk").
const SURNAME_STOPWORDS: &[&str] = &["yang"];

/// A mention before resolution.
#[derive(Clone, Debug)]
struct Raw {
    start: usize,
    end: usize,
    kind: EntityKind,
    canonical: String,
    /// Canonical name comes from the gazetteer or alias table.
    gaz: bool,
    /// Capital may only mark a sentence start: keep only if confirmed by the article.
    weak: bool,
    /// Number of name words.
    words: usize,
    /// Mention found in the title.
    title: bool,
    /// A guessed name (no list or cue typed it): dropped when it stands alone
    /// and the article also writes it in lower case ("Sistem" ... "sistem").
    guessed: bool,
}

/// Per-call working buffers.
#[derive(Default)]
struct Scratch {
    toks: Vec<Token>,
    /// Lower-case forms of all word tokens, concatenated.
    lower: String,
    /// Range of each token in `lower` (empty for punctuation and words far from capitals).
    lspan: Vec<(u32, u32)>,
    /// Lexicon knowledge of each token (default for tokens without a lower-case form).
    info: Vec<WordInfo>,
    /// Key being built for multi-word lookups.
    key: String,
    /// Indexes of the tokens of the current capitalised sequence.
    seq: Vec<usize>,
}

impl Scratch {
    #[inline]
    fn low(&self, tok: usize) -> &str {
        let (a, b) = self.lspan[tok];
        &self.lower[a as usize..b as usize]
    }

    /// True when the token's word is in one of the lists of `flags`.
    #[inline]
    fn is(&self, tok: usize, flags: u16) -> bool {
        self.info[tok].flags & flags != 0
    }
}

thread_local! {
    /// Working buffers reused across calls on the same thread.
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Runs `f` with this thread's scratch buffers (fresh ones if they are already in use).
fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut sc) => {
            let result = f(&mut sc);
            // Do not keep the buffers of a huge document alive on this thread.
            if sc.lower.capacity() > 1 << 20 {
                *sc = Scratch::default();
            }
            result
        }
        Err(_) => f(&mut Scratch::default()),
    })
}

/// Extractor holding gazetteer and alias table; build once, share (Send + Sync).
pub struct EntityExtractor {
    lex: Lexicon,
}

impl Default for EntityExtractor {
    fn default() -> Self {
        Self::new()
    }
}

impl EntityExtractor {
    /// Builds the extractor with the compiled-in gazetteer, alias table and word lists.
    pub fn new() -> Self {
        EntityExtractor {
            lex: Lexicon::new(),
        }
    }

    /// Entities of one article, sorted by count desc then name.
    pub fn extract(&self, title: &str, body: &str) -> Vec<Entity> {
        let mut raws = Vec::new();
        let body_len = with_scratch(|sc| {
            self.detect(body, false, sc, &mut raws);
            let body_len = raws.len();
            self.detect(title, true, sc, &mut raws);
            body_len
        });
        for raw in &mut raws[body_len..] {
            raw.title = true;
        }
        let resolved = self.resolve_mentions(body, title, raws);
        let mut counts: FxHashMap<(String, EntityKind), u32> = FxHashMap::default();
        for raw in resolved {
            *counts.entry((raw.canonical, raw.kind)).or_insert(0) += 1;
        }
        let mut out: Vec<Entity> = counts
            .into_iter()
            .map(|((name, kind), count)| Entity { name, kind, count })
            .collect();
        out.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.kind.cmp(&b.kind))
        });
        out
    }

    /// Mentions of one text (treated as an article body), in text order, with byte spans.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let mut raws = Vec::new();
        with_scratch(|sc| self.detect(text, false, sc, &mut raws));
        self.resolve_mentions(text, "", raws)
            .into_iter()
            .map(|r| Mention {
                start: r.start,
                end: r.end,
                kind: r.kind,
                canonical: r.canonical,
            })
            .collect()
    }

    /// Resolves a user-typed name or alias to its canonical name and kind (case-insensitive).
    pub fn resolve(&self, name: &str) -> Option<(String, EntityKind)> {
        let key = normalise_key(name);
        self.lex.lookup(&key).map(|e| (e.name.to_string(), e.kind))
    }

    // ---------------------------------------------------------------------------------------
    // Detection: capitalised sequences and the rules that cut and type them.

    fn detect(&self, text: &str, title_mode: bool, sc: &mut Scratch, out: &mut Vec<Raw>) {
        tokenize(text, Detail::NearNames, &mut sc.toks);
        sc.lower.clear();
        sc.lspan.clear();
        sc.info.clear();
        for (k, tok) in sc.toks.iter().enumerate() {
            let a = sc.lower.len();
            // Only capitals, numbers and the words right before a capital are ever looked up.
            let next_cap = sc.toks.get(k + 1).is_some_and(|t| t.cap);
            let mut info = WordInfo::default();
            if tok.is_word() && (tok.cap || tok.all_digit || next_cap) {
                push_lowercase(&mut sc.lower, &text[tok.start..tok.end]);
                info = self.lex.info(&sc.lower[a..]);
            }
            sc.lspan.push((a as u32, sc.lower.len() as u32));
            sc.info.push(info);
        }
        let n = sc.toks.len();
        let mut i = 0;
        while i < n {
            let t = sc.toks[i];
            if !(t.is_word() && t.cap && !t.all_digit) {
                i += 1;
                continue;
            }
            let mut seq = std::mem::take(&mut sc.seq);
            seq.clear();
            seq.push(i);
            // Numbers continue channel and school names ("TV Rossiya 1", "SMA Negeri 3").
            let channel = sc.is(i, ORG_HEAD);
            let mut j = i + 1;
            while j < n {
                let u = sc.toks[j];
                let next_cap = sc.toks.get(j + 1).is_some_and(|v| v.is_word() && v.cap);
                // A new line or sentence ends a name even without punctuation.
                if u.sent_start {
                    break;
                }
                if u.is_word() {
                    if u.cap || (u.all_digit && channel) {
                        seq.push(j);
                        j += 1;
                        continue;
                    }
                    if next_cap && !u.digit && sc.is(j, PARTICLE) {
                        seq.push(j);
                        j += 1;
                        continue;
                    }
                } else if u.punct == '.' && next_cap && is_abbreviation(text, &sc.toks[j - 1]) {
                    j += 1;
                    continue;
                }
                break;
            }
            let prev = i
                .checked_sub(1)
                .map(|k| sc.toks[k])
                .filter(|p| p.is_word() && !p.cap)
                .map(|_| i - 1);
            let mut key = std::mem::take(&mut sc.key);
            self.segment(text, title_mode, sc, &mut key, &seq, prev, out);
            sc.key = key;
            sc.seq = seq;
            i = j;
        }
    }

    /// Longest gazetteer match starting at `seq[p]`: (number of tokens, entry).
    fn gaz_match(
        &self,
        sc: &Scratch,
        key: &mut String,
        seq: &[usize],
        p: usize,
    ) -> Option<(usize, GazEntry)> {
        let max = usize::from(sc.info[seq[p]].gaz_max);
        let avail = max.min(seq.len() - p);
        for len in (1..=avail).rev() {
            key.clear();
            for (k, &tok) in seq[p..p + len].iter().enumerate() {
                if k > 0 {
                    key.push(' ');
                }
                key.push_str(sc.low(tok));
            }
            let upper = seq[p..p + len]
                .iter()
                .all(|&t| sc.toks[t].upper || !sc.toks[t].cap);
            let hit = self.lex.lookup_surface(key, upper);
            if let Some(entry) = hit {
                // Do not end a match on a connector ("Kim dan").
                if is_name_tok(&sc.toks[seq[p + len - 1]]) {
                    return Some((len, entry));
                }
            }
        }
        None
    }

    /// Index one past the last organisation tail word of the run starting at `p`, if any.
    fn org_tail_end(&self, sc: &Scratch, seq: &[usize], p: usize) -> Option<usize> {
        let mut end = None;
        for (q, &tok) in seq.iter().enumerate().skip(p + 1) {
            if sc.is(tok, CUE) || sc.low(tok) == "dan" {
                break;
            }
            if sc.is(tok, ORG_TAIL) {
                end = Some(q + 1);
            }
        }
        end
    }

    /// End of an organisation name that starts with a head word at `p` ("Universitas Ewha").
    fn org_end(&self, sc: &Scratch, key: &mut String, seq: &[usize], p: usize) -> usize {
        let m = seq.len();
        let mut q = p + 1;
        while q < m {
            // A rank that is also part of a name does not end it ("Direktorat Jenderal Pajak").
            if sc.is(seq[q], CUE) && !sc.is(seq[q], TITLE) {
                break;
            }
            // "dan" before another head word joins two bodies, not two words of one.
            if sc.low(seq[q]) == "dan" && seq.get(q + 1).is_some_and(|&t| sc.is(t, ORG_HEAD)) {
                break;
            }
            if let Some((len, _)) = self.gaz_match(sc, key, seq, q) {
                q += len;
                // A known place or body closes the name when a name of two words or more follows
                // (".. AS Matthew Miller"), not a single word ("Partai Demokrasi Indonesia Perjuangan").
                let rest = seq[q..].iter().filter(|&&t| sc.toks[t].cap).count();
                if rest >= 2 && self.gaz_match(sc, key, seq, q).is_none() {
                    break;
                }
                continue;
            }
            q += 1;
        }
        while q > p + 1 && !is_name_tok(&sc.toks[seq[q - 1]]) {
            q -= 1;
        }
        q
    }

    /// True for words that are common vocabulary when capitalised at a sentence start.
    fn is_common(&self, sc: &Scratch, tok: usize, alone: bool) -> bool {
        sc.is(tok, STOP | NON_NAME) || looks_affixed(sc.low(tok), alone)
    }

    #[allow(clippy::too_many_arguments)]
    fn push_raw(
        &self,
        text: &str,
        sc: &Scratch,
        seq: &[usize],
        range: (usize, usize),
        kind: EntityKind,
        canonical: Option<&str>,
        weak: bool,
        out: &mut Vec<Raw>,
    ) {
        let (a, b) = range;
        let start = sc.toks[seq[a]].start;
        let end = sc.toks[seq[b - 1]].end;
        let (canonical, gaz) = match canonical {
            Some(name) => (name.to_string(), true),
            None => (collapse_whitespace(&text[start..end]), false),
        };
        out.push(Raw {
            start,
            end,
            kind,
            canonical,
            gaz,
            weak,
            words: seq[a..b].iter().filter(|&&t| sc.toks[t].cap).count(),
            title: false,
            guessed: false,
        });
    }

    /// Cuts one capitalised sequence into typed mentions.
    #[allow(clippy::too_many_arguments)]
    fn segment(
        &self,
        text: &str,
        title_mode: bool,
        sc: &Scratch,
        key: &mut String,
        seq: &[usize],
        prev: Option<usize>,
        out: &mut Vec<Raw>,
    ) {
        let m = seq.len();
        let sent_initial = sc.toks[seq[0]].sent_start || title_mode;
        let mut per_hint = prev.is_some_and(|k| sc.is(k, CUE));
        let is_quote = |k: Option<&Token>| k.is_some_and(|t| matches!(t.punct, '"' | '“' | '”'));
        let last = seq[m - 1];
        let quoted = is_quote(seq[0].checked_sub(1).and_then(|k| sc.toks.get(k)))
            && is_quote(sc.toks.get(last + 1));
        let loc_hint = prev.is_some_and(|k| sc.is(k, LOC_CUE));
        let org_hint = prev.is_some_and(|k| sc.is(k, ORG_CUE));
        let thing_hint = prev.is_some_and(|k| sc.is(k, THING_CUE));
        if sc.is(last, EVENT_TAIL) {
            // "Asian Games", "MTV Music Award": events and awards are not entities.
            return;
        }
        // Where the sentence's own words begin: past a heading verb ("Simak
        // Jadwal MotoGP"), whose capitals say as little as the verb's.
        let mut sentence_start = 0;
        let mut p = 0;
        while p < m {
            let tok = sc.toks[seq[p]];
            if !tok.cap {
                p += 1;
                continue;
            }
            // An organisation tail later in the run wins over places inside it.
            let tail_end = if sc.is(seq[p], CUE) {
                None
            } else {
                self.org_tail_end(sc, seq, p)
            };
            let tail_wins = tail_end.is_some_and(|end| {
                self.gaz_match(sc, key, seq, p)
                    .is_none_or(|(len, _)| p + len < end)
            });
            if let (true, Some(end)) = (tail_wins, tail_end) {
                self.push_raw(
                    text,
                    sc,
                    seq,
                    (p, end),
                    EntityKind::Organization,
                    None,
                    title_mode,
                    out,
                );
                p = end;
                continue;
            }
            if let Some((len, entry)) = self.gaz_match(sc, key, seq, p) {
                self.push_raw(
                    text,
                    sc,
                    seq,
                    (p, p + len),
                    entry.kind,
                    Some(entry.name),
                    false,
                    out,
                );
                p += len;
                continue;
            }
            let w = sc.low(seq[p]);
            if sc.is(seq[p], CUE) {
                per_hint = true;
                p += 1;
                while p < m {
                    let wp = sc.low(seq[p]);
                    let portfolio = sc.is(seq[p], TITLE)
                        || (sc.toks[seq[p]].cap && looks_affixed(wp, false))
                        || (!sc.toks[seq[p]].cap && wp == "dan");
                    if !portfolio || self.gaz_match(sc, key, seq, p).is_some() {
                        break;
                    }
                    p += 1;
                }
                continue;
            }
            if sc.is(seq[p], SKIP_HEAD) {
                return;
            }
            if sc.is(seq[p], ORG_HEAD) && p + 1 < m {
                let end = self.org_end(sc, key, seq, p);
                if end > p + 1 {
                    self.push_raw(
                        text,
                        sc,
                        seq,
                        (p, end),
                        EntityKind::Organization,
                        None,
                        title_mode,
                        out,
                    );
                    p = end;
                    continue;
                }
            }
            let head = sc.is(seq[p], ORG_HEAD | LOC_HEAD);
            let before_role =
                sc.is(seq[p], ORG_HEAD) && !tok.upper && p + 1 < m && sc.is(seq[p + 1], CUE);
            if head && (p + 1 == m || !sc.toks[seq[p + 1]].cap || before_role) {
                // A head word alone ("Dewan", "Fakultas"), or an organisation
                // head word before a role ("Kantor Bupati", "Majelis Hakim";
                // not an acronym: "RSUD Dr Soetomo"), names nothing.
                p += 1;
                continue;
            }
            if sc.is(seq[p], NON_NAME) || tok.digit {
                p += 1;
                continue;
            }
            if p == sentence_start && sent_initial {
                if sc.is(seq[p], HEADING_VERB) {
                    p += 1;
                    sentence_start = p;
                    continue;
                }
                let surname = SURNAME_STOPWORDS.contains(&w)
                    && p + 1 < m
                    && sc.toks[seq[p + 1]].cap
                    && self.gaz_match(sc, key, seq, p + 1).is_none();
                if !surname && self.is_common(sc, seq[p], p + 1 == m) {
                    p += 1;
                    continue;
                }
            }
            if sc.is(seq[p], LOC_HEAD) && p + 1 < m && sc.toks[seq[p + 1]].cap {
                // Streets, airports and stadiums are named after ranked people: a rank
                // right after their head is part of the name ("Jalan Kapten Tendean").
                let named_after_rank =
                    matches!(sc.low(seq[p]), "jalan" | "jl" | "bandara" | "stadion");
                let mut q = if named_after_rank { p + 2 } else { p + 1 };
                while q < m && !sc.is(seq[q], CUE) && sc.low(seq[q]) != "dan" {
                    q += 1;
                }
                while !sc.toks[seq[q - 1]].cap {
                    q -= 1;
                }
                self.push_raw(
                    text,
                    sc,
                    seq,
                    (p, q),
                    EntityKind::Location,
                    None,
                    title_mode,
                    out,
                );
                p = q;
                continue;
            }
            // A hyphenated pair of known names ("Rusia-Ukraina").
            if tok.end - tok.start > 2
                && text[tok.start..tok.end].contains('-')
                && self.split_hyphenated(text, tok, out)
            {
                p += 1;
                continue;
            }
            // Unknown run: up to the next known name, cue, non-name or "dan".
            let mut q = p + 1;
            while q < m {
                let t = sc.toks[seq[q]];
                let wq = sc.low(seq[q]);
                let stop = if t.cap {
                    sc.is(seq[q], CUE | NON_NAME | ORG_HEAD) || t.digit
                } else {
                    wq == "dan" || wq == "and"
                };
                if stop {
                    break;
                }
                // A known name inside a run cuts it only when it is unmistakable: several
                // words or an acronym ("Korea Utara", "AS"); "Badrodin Haiti" stays one name.
                let known = if t.cap {
                    self.gaz_match(sc, key, seq, q)
                } else {
                    None
                };
                if known.is_some_and(|(len, _)| len > 1 || t.upper) {
                    break;
                }
                q += 1;
            }
            while !sc.toks[seq[q - 1]].cap {
                q -= 1;
            }
            if tok.upper && w.len() >= 3 && q > p + 1 && !sc.toks[seq[p + 1]].upper {
                // "HIPMI Bahlil Lahadalia": an acronym before a name stands alone.
                q = p + 1;
            }
            let words = q - p;
            if words > 1 && looks_affixed(w, false) {
                // "Penanganan Drainase Jalan": a common-noun phrase starts with an affixed word.
                p += 1;
                continue;
            }
            let lone_word = w.chars().count() == 1 || is_roman(w) || sc.is(seq[p], TITLE);
            if words == 1 && lone_word && !per_hint {
                p = q;
                continue;
            }
            if quoted && !per_hint {
                // A quoted capitalised phrase is a title of a work ("Road House"), not a name.
                p = q;
                continue;
            }
            if thing_hint && p == 0 && !per_hint {
                // "film Ghost", "rudal Hwasong": a work or a product.
                p = q;
                continue;
            }
            let single_upper = words == 1 && tok.upper;
            let common_single = sc.is(seq[p], STOP) || looks_affixed(w, false);
            if words == 1 && !single_upper && !per_hint && common_single {
                p = q;
                continue;
            }
            let pair = words == 1
                && text[tok.start..tok.end]
                    .split_once('-')
                    .is_some_and(|(_, b)| b.chars().next().is_some_and(char::is_uppercase));
            let (kind, weak) = if pair && !single_upper {
                // "Malang-Lumajang": a route or pair of places, not a person.
                (EntityKind::Location, title_mode)
            } else if single_upper && w.chars().count() <= 6 {
                (EntityKind::Organization, title_mode)
            } else if single_upper {
                (EntityKind::Person, true)
            } else {
                // Common vocabulary inside a Title-Case run ("Cakupan Kesehatan Semesta") marks a
                // programme, a body or a slogan, not a person: drop it rather than guess.
                let common = words > 1
                    && !per_hint
                    && seq[p..q].iter().any(|&t| {
                        let wt = sc.low(t);
                        sc.toks[t].cap
                            && (sc.is(t, TITLE)
                                || (sc.is(t, STOP) && !SURNAME_STOPWORDS.contains(&wt))
                                || looks_affixed(wt, false))
                    });
                if common {
                    p = q;
                    continue;
                }
                let kind = if loc_hint && !per_hint && p == 0 {
                    EntityKind::Location
                } else if org_hint && !per_hint && p == 0 {
                    EntityKind::Organization
                } else {
                    EntityKind::Person
                };
                // A run after a heading verb is only as sure as a lone
                // sentence-initial word: kept when the article confirms it.
                let unsure_start = words == 1 || sentence_start > 0;
                (
                    kind,
                    title_mode
                        || (unsure_start && p == sentence_start && sent_initial && !per_hint),
                )
            };
            self.push_raw(text, sc, seq, (p, q), kind, None, weak, out);
            if let Some(raw) = out.last_mut() {
                raw.guessed = kind == EntityKind::Person && !per_hint && !single_upper;
            }
            p = q;
        }
    }

    /// Emits the parts of "Rusia-Ukraina" when every part is a known name; false otherwise.
    fn split_hyphenated(&self, text: &str, tok: Token, out: &mut Vec<Raw>) -> bool {
        let word = &text[tok.start..tok.end];
        let mut parts = Vec::new();
        let mut offset = tok.start;
        for part in word.split('-') {
            let upper = part.chars().all(|c| !c.is_lowercase());
            let entry = match self.lex.lookup_surface(&normalise_key(part), upper) {
                Some(e) if part.chars().next().is_some_and(char::is_uppercase) => e,
                _ => return false,
            };
            parts.push((offset, offset + part.len(), entry));
            offset += part.len() + 1;
        }
        for (start, end, entry) in parts {
            out.push(Raw {
                start,
                end,
                kind: entry.kind,
                canonical: entry.name.to_string(),
                gaz: true,
                weak: false,
                words: 1,
                title: false,
                guessed: false,
            });
        }
        true
    }

    // ---------------------------------------------------------------------------------------
    // Resolution within one article.

    fn resolve_mentions(&self, body: &str, title: &str, mut raws: Vec<Raw>) -> Vec<Raw> {
        let text_of = |r: &Raw| if r.title { title } else { body };
        // 1. "Full Name (ACRO)": the acronym is an alias of the name for this article.
        let mut doc_alias: FxHashMap<String, (String, EntityKind)> = FxHashMap::default();
        for k in 1..raws.len() {
            let (a, b) = (&raws[k - 1], &raws[k]);
            if a.title != b.title || b.gaz || b.words != 1 {
                continue;
            }
            let text = text_of(b);
            let between = text.get(a.end..b.start).unwrap_or("").trim();
            let closes = text.get(b.end..).is_some_and(|s| s.starts_with(')'));
            let acronym = text[b.start..b.end].chars().all(|c| !c.is_lowercase());
            if between == "(" && closes && acronym {
                let target = (a.canonical.clone(), a.kind);
                doc_alias.insert(text[b.start..b.end].to_string(), target.clone());
                raws[k].canonical = target.0;
                raws[k].kind = target.1;
                raws[k].gaz = true;
            }
        }
        // 2. Full names introduced in the article (strong, non-gazetteer, two words or more).
        let mut fulls: Vec<Full> = Vec::new();
        for r in raws
            .iter()
            .filter(|r| !r.weak && !r.gaz && r.words >= 2 && !r.title)
        {
            if fulls.iter().any(|f| f.canonical == r.canonical) {
                continue;
            }
            fulls.push(Full {
                canonical: r.canonical.clone(),
                kind: r.kind,
                words: r.canonical.split(' ').map(entity_key).collect(),
                salience: 0,
            });
        }
        // Weak one-word mentions that a strong mention of the article confirms.
        let confirmed: Vec<bool> = raws
            .iter()
            .map(|r| {
                let surface = &text_of(r)[r.start..r.end];
                r.weak
                    && !r.gaz
                    && r.words == 1
                    && raws
                        .iter()
                        .any(|s| !s.weak && !s.title && s.canonical == surface)
            })
            .collect();
        // 3. Walk mentions in order: body first, then title.
        let mut out = Vec::with_capacity(raws.len());
        for (index, mut r) in raws.into_iter().enumerate() {
            if !r.gaz && r.words == 1 {
                let surface = &text_of(&r)[r.start..r.end];
                let key = entity_key(surface);
                if let Some((canonical, kind)) = doc_alias.get(surface) {
                    r.canonical = canonical.clone();
                    r.kind = *kind;
                } else if let Some(best) = best_full(&fulls, &key, true) {
                    r.canonical = fulls[best].canonical.clone();
                    r.kind = EntityKind::Person;
                } else if let Some(best) = best_full(&fulls, &key, false) {
                    r.canonical = fulls[best].canonical.clone();
                    r.kind = fulls[best].kind;
                } else {
                    // A weak word nothing confirms, or a guessed one the article
                    // also writes in lower case, is not a name.
                    let unconfirmed = r.weak && !confirmed[index];
                    if unconfirmed || (r.guessed && occurs_lower(body, &key)) {
                        continue;
                    }
                }
            } else if r.title && !r.gaz && r.words >= 2 {
                // A Title-Case run: pick out known full names and resolvable short names.
                let words: Vec<String> = r.canonical.split(' ').map(entity_key).collect();
                let mut i = 0;
                while i < words.len() {
                    let mut step = 1;
                    let mut hit = None;
                    for f in fulls.iter().enumerate() {
                        let fw = &f.1.words;
                        if fw.len() >= 2 && words[i..].starts_with(fw) && fw.len() > step - 1 {
                            step = fw.len();
                            hit = Some(f.0);
                        }
                    }
                    if hit.is_none() {
                        hit = best_full(&fulls, &words[i], true);
                    }
                    if let Some(h) = hit {
                        let mut t = r.clone();
                        t.canonical = fulls[h].canonical.clone();
                        t.kind = fulls[h].kind;
                        fulls[h].salience += 1;
                        out.push(t);
                    }
                    i += step;
                }
                continue;
            } else if r.weak && !fulls.iter().any(|f| f.canonical == r.canonical) {
                continue;
            }
            if let Some(f) = fulls.iter_mut().find(|f| f.canonical == r.canonical) {
                f.salience += 1;
            }
            out.push(r);
        }
        // One name, one type: an unknown name typed as a place once ("di Cilacap") is a place
        // everywhere in the article.
        let places: Vec<String> = out
            .iter()
            .filter(|r| !r.gaz && r.kind == EntityKind::Location)
            .map(|r| r.canonical.clone())
            .collect();
        if !places.is_empty() {
            for r in out.iter_mut() {
                if !r.gaz
                    && r.kind == EntityKind::Person
                    && places.contains(&r.canonical)
                    && !fulls.iter().any(|f| f.canonical == r.canonical)
                {
                    r.kind = EntityKind::Location;
                }
            }
        }
        // "Pulau Nusakambangan, Cilacap": an unknown single word set off by a comma from a place
        // is a place too.
        for k in 0..out.len() {
            let r = &out[k];
            if r.gaz || r.words != 1 || r.kind != EntityKind::Person || r.title {
                continue;
            }
            if fulls.iter().any(|f| f.canonical == r.canonical) {
                continue;
            }
            let text = body;
            let comma_loc = |o: &Raw, a: usize, b: usize| {
                !o.title
                    && o.kind == EntityKind::Location
                    && text.get(a..b).is_some_and(|s| s.trim() == ",")
            };
            let before = k > 0 && comma_loc(&out[k - 1], out[k - 1].end, r.start);
            let after = k + 1 < out.len() && comma_loc(&out[k + 1], r.end, out[k + 1].start);
            if before || after {
                out[k].kind = EntityKind::Location;
            }
        }
        out
    }
}

/// Index of the full name containing the word `key`: persons only or non-persons only; the most
/// mentioned so far wins, then the first introduced (so "Kim" stays with Kim Jong Un even
/// after Kim Dong-yup is introduced). Non-persons must be unambiguous.
fn best_full(fulls: &[Full], key: &str, persons: bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    let mut count = 0;
    for (i, f) in fulls.iter().enumerate() {
        if (f.kind == EntityKind::Person) != persons || !f.words.iter().any(|w| w == key) {
            continue;
        }
        count += 1;
        if best.is_none_or(|b| f.salience > fulls[b].salience) {
            best = Some(i);
        }
    }
    if !persons && count > 1 {
        return None;
    }
    best
}

/// A full name introduced in the article, with its lower-case words and mentions so far.
struct Full {
    canonical: String,
    kind: EntityKind,
    words: Vec<String>,
    salience: u32,
}

/// True when `word_lower` occurs in `text` as a lower-case word of running
/// text: after a space, an opening bracket or quote, or at the start, so that
/// handles and addresses ("@gisel", "instagram.com/gisel") do not count.
fn occurs_lower(text: &str, word_lower: &str) -> bool {
    // `contains` has a vectorised path that `match_indices` lacks; most names
    // never occur in lower case.
    if word_lower.is_empty() || !text.contains(word_lower) {
        return false;
    }
    for (pos, _) in text.match_indices(word_lower) {
        let before = text[..pos].chars().next_back();
        let after = text[pos + word_lower.len()..].chars().next();
        let starts_word =
            before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '\''));
        if starts_word && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
    }
    false
}

/// True for lower-cased Roman numerals up to "xxxix" ("ii", "iv", "xiv").
fn is_roman(w: &str) -> bool {
    !w.is_empty() && w.len() <= 6 && w.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'))
}

/// True for tokens that can end a name: capitalised words and numbers ("TV Rossiya 1").
#[inline]
fn is_name_tok(t: &Token) -> bool {
    t.cap || t.all_digit
}

/// Heuristic for Indonesian affixed common words ("Pertemuan", "Berdasarkan", "Kebakaran").
fn looks_affixed(w: &str, alone: bool) -> bool {
    let len = w.chars().count();
    if len < 6 {
        return false;
    }
    if ["kan", "nya", "lah", "kah"].iter().any(|s| w.ends_with(s)) {
        return true;
    }
    let verbal = ["meng", "meny", "mem", "men", "ber", "ter", "di"];
    let nominal = ["peng", "pen", "pem", "per", "pe", "ke", "se", "me"];
    let has = |list: &[&str]| list.iter().any(|s| w.starts_with(s));
    // "Pertemuan", "Kebakaran" (but not names in -wan: "Setiawan").
    if w.ends_with("an") && !w.ends_with("wan") && (has(&verbal) || has(&nominal)) {
        return true;
    }
    // "Diketahui", "Menghadiri".
    if w.ends_with('i') && len >= 7 && has(&verbal) {
        return true;
    }
    alone && len >= 7 && has(&verbal[..6])
}
