//! Evaluates the entity extractor on the capitalised NER test sets (NERGrit, idner-news-2k,
//! NER UGM, plus the Gultom news set): entity-level exact-span precision, recall and F1 per
//! type per dataset.
//!
//! Usage: `cargo run --release --example ner_eval -- [NER_DIR] [--errors N]`
//! (NER_DIR defaults to `../shared/lang/ner`). Each sentence is rebuilt from its tokens joined
//! by single spaces, run through `EntityExtractor::mentions`, and its spans are compared with the
//! gold BIO spans (tags mapped to PER/LOC/ORG; other types dropped). The Gultom set is inline
//! markup over raw text: the text is kept as written (no re-spacing) and the markup removed.

use std::collections::HashSet;
use warta::entities::{EntityExtractor, EntityKind};

/// One sentence: rebuilt text and gold spans (byte start, byte end, kind).
struct Sentence {
    text: String,
    gold: Vec<(usize, usize, EntityKind)>,
}

/// Maps a dataset tag type (without B-/I-) to PER/LOC/ORG.
fn map_type(t: &str) -> Option<EntityKind> {
    match t {
        "PERSON" | "PER" | "PPL" => Some(EntityKind::Person),
        "LOCATION" | "LOC" | "GPE" | "PLACE" | "PLC" => Some(EntityKind::Location),
        "ORGANIZATION" | "ORGANISATION" | "ORG" | "IND" => Some(EntityKind::Organization),
        _ => None,
    }
}

/// Reads a CoNLL-like file: first column token, last column BIO tag, blank line between sentences.
fn read_conll(path: &str) -> Vec<Sentence> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    let mut toks: Vec<(String, String)> = Vec::new();
    for line in data
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .chain(std::iter::once(""))
    {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.len() >= 2 {
            toks.push((cols[0].to_string(), cols[cols.len() - 1].to_string()));
            continue;
        }
        if toks.is_empty() {
            continue;
        }
        let mut text = String::new();
        let mut gold = Vec::new();
        let mut open: Option<(usize, usize, EntityKind)> = None;
        for (tok, tag) in toks.drain(..) {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(&tok);
            let end = text.len();
            let (bio, ty) = tag.split_once('-').unwrap_or((tag.as_str(), ""));
            let kind = map_type(ty);
            match (bio, kind, open.as_mut()) {
                ("I", Some(k), Some(o)) if o.2 == k => o.1 = end,
                (_, Some(k), _) if bio == "B" || bio == "I" => {
                    gold.extend(open.take());
                    open = Some((start, end, k));
                }
                _ => gold.extend(open.take()),
            }
        }
        gold.extend(open.take());
        out.push(Sentence { text, gold });
    }
    out
}

/// Reads the inline-MUC file (`<ENAMEX TYPE="PERSON">..</ENAMEX>` markup, TAB, sentence number).
fn read_enamex(path: &str) -> Vec<Sentence> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    for line in data.lines() {
        let line = line.trim_end_matches('\r');
        let line = line.rsplit_once('\t').map_or(line, |(text, _)| text);
        let mut text = String::new();
        let mut gold = Vec::new();
        let mut rest = line;
        while let Some(open) = rest.find("<ENAMEX TYPE=\"") {
            text.push_str(&rest[..open]);
            let after = &rest[open + 14..];
            let Some(q) = after.find("\">") else { break };
            let ty = &after[..q];
            let inner_start = q + 2;
            let Some(close) = after[inner_start..].find("</ENAMEX>") else {
                break;
            };
            let inner = &after[inner_start..inner_start + close];
            let start = text.len();
            text.push_str(inner);
            if let Some(kind) = map_type(ty) {
                gold.push((start, text.len(), kind));
            }
            rest = &after[inner_start + close + 9..];
        }
        text.push_str(rest);
        if !text.trim().is_empty() {
            out.push(Sentence { text, gold });
        }
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    pred: usize,
    gold: usize,
}

fn prf(c: Counts) -> (f64, f64, f64) {
    let p = if c.pred == 0 {
        0.0
    } else {
        c.tp as f64 / c.pred as f64
    };
    let r = if c.gold == 0 {
        0.0
    } else {
        c.tp as f64 / c.gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir = "../shared/lang/ner".to_string();
    let mut errors = 0usize;
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--errors" {
            errors = args.get(i + 1).and_then(|s| s.parse().ok()).unwrap_or(20);
            i += 2;
        } else {
            dir = args[i].clone();
            i += 1;
        }
    }
    let sets = [
        ("nergrit/test", "nergrit/test_preprocess.txt"),
        ("idner-news-2k/test", "idner-news-2k/test.txt"),
        ("nerugm/test.01", "nerugm-indolem/test.01.tsv"),
        ("nergrit/valid", "nergrit/valid_preprocess.txt"),
        ("idner-news-2k/dev", "idner-news-2k/dev.txt"),
        ("nerugm/dev.01", "nerugm-indolem/dev.01.tsv"),
        (
            "gultom/testing (raw text)",
            "gultom-nlp-experiments/testing_data.txt",
        ),
    ];
    let kinds = [
        EntityKind::Person,
        EntityKind::Location,
        EntityKind::Organization,
    ];
    let ex = EntityExtractor::new();
    println!("| dataset | type | gold | pred | P | R | F1 |");
    println!("|---|---|---:|---:|---:|---:|---:|");
    for (name, file) in sets {
        let path = format!("{dir}/{file}");
        let sents = if name.starts_with("gultom") {
            read_enamex(&path)
        } else {
            read_conll(&path)
        };
        let mut counts = [Counts::default(); 3];
        let mut untyped = Counts::default();
        let mut shown = 0;
        for s in &sents {
            let pred: Vec<(usize, usize, EntityKind)> = ex
                .mentions(&s.text)
                .into_iter()
                .map(|m| (m.start, m.end, m.kind))
                .collect();
            let gold: HashSet<_> = s.gold.iter().copied().collect();
            let gold_spans: HashSet<_> = s.gold.iter().map(|g| (g.0, g.1)).collect();
            for (k, kind) in kinds.iter().enumerate() {
                counts[k].gold += s.gold.iter().filter(|g| g.2 == *kind).count();
                counts[k].pred += pred.iter().filter(|p| p.2 == *kind).count();
                counts[k].tp += pred
                    .iter()
                    .filter(|p| p.2 == *kind && gold.contains(p))
                    .count();
            }
            untyped.gold += gold_spans.len();
            untyped.pred += pred.len();
            untyped.tp += pred
                .iter()
                .filter(|p| gold_spans.contains(&(p.0, p.1)))
                .count();
            if shown < errors
                && (name.ends_with("dev")
                    || name.ends_with("dev.01")
                    || name.ends_with("valid")
                    || name.starts_with("gultom"))
            {
                let ps: HashSet<_> = pred.iter().copied().collect();
                if ps != gold {
                    shown += 1;
                    let fmt = |v: &mut Vec<(usize, usize, EntityKind)>| {
                        v.sort();
                        v.iter()
                            .map(|x| format!("{}:{}", x.2.code(), &s.text[x.0..x.1]))
                            .collect::<Vec<_>>()
                            .join(" | ")
                    };
                    eprintln!("TEXT {}", s.text);
                    eprintln!("  gold {}", fmt(&mut s.gold.clone()));
                    eprintln!("  pred {}", fmt(&mut pred.clone()));
                }
            }
        }
        let mut all = Counts::default();
        for (k, kind) in kinds.iter().enumerate() {
            let (p, r, f) = prf(counts[k]);
            println!(
                "| {name} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
                kind.code(),
                counts[k].gold,
                counts[k].pred,
                p,
                r,
                f
            );
            all.tp += counts[k].tp;
            all.pred += counts[k].pred;
            all.gold += counts[k].gold;
        }
        let (p, r, f) = prf(all);
        println!(
            "| {name} | all (typed) | {} | {} | {p:.3} | {r:.3} | {f:.3} |",
            all.gold, all.pred
        );
        let (p, r, f) = prf(untyped);
        println!(
            "| {name} | all (span only) | {} | {} | {p:.3} | {r:.3} | {f:.3} |",
            untyped.gold, untyped.pred
        );
    }
}
