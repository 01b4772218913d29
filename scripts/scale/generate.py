#!/usr/bin/env python3
"""Synthetic Indonesian news archive for warta's scale benchmark (stdlib only, seeded).

    generate.py N OUT_DIR [--seed 42] [--shared ../shared]

Writes OUT_DIR/articles.jsonl (N articles) and the fixed query sets OUT_DIR/queries-*.tsv
plus OUT_DIR/filters.env (the tag, entity and date range the batches filter on).

Titles and sentences are sampled from the real corpus in $SHARED/corpus so that term statistics
are realistic; body lengths follow the corpus' own length distribution (~2 KB of body per article);
tags come from a pool of ~500 (corpus tags and categories, topped up with gazetteer names, sampled
Zipf-like); ~50 sources; dates uniform over 2005-01-01..2024-12-31 (WIB); 1-3 entity names from
warta's gazetteer (src/entities/data) are mixed into each article's title or sentences.
Same N and seed give byte-identical output.
"""
import argparse
import bisect
import glob
import itertools
import json
import os
import random
import re
import sys
from datetime import date, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“'(])")
WORD = re.compile(r"[a-z]+")


def read_gazetteer(name):
    path = os.path.join(REPO, "src", "entities", "data", name)
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line.split("\t")[0].split("|")[0].strip())
    return [x for x in out if x]


def zipf_cum(n, s=1.0):
    weights = [1.0 / (i + 1) ** s for i in range(n)]
    return list(itertools.accumulate(weights))


def load_corpus(shared):
    files = sorted(glob.glob(os.path.join(shared, "corpus", "*.jsonl")))
    if not files:
        sys.exit(f"generate.py: no corpus/*.jsonl under {shared} (set $SHARED or --shared)")
    titles, sentences, body_lengths, tags, categories = [], [], [], {}, {}
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                if d.get("title"):
                    titles.append(d["title"])
                body = d.get("body") or ""
                if len(body) > 200:
                    body_lengths.append(len(body))
                for para in body.split("\n"):
                    for s in SENTENCE_SPLIT.split(para):
                        s = s.strip()
                        if 30 <= len(s) <= 400:
                            sentences.append(s)
                for t in d.get("tags") or []:
                    tags[t] = tags.get(t, 0) + 1
                if d.get("category"):
                    c = d["category"]
                    categories[c] = categories.get(c, 0) + 1
    # Deduplicate while keeping a deterministic order.
    titles = sorted(set(titles))
    sentences = sorted(set(sentences))
    body_lengths.sort()
    return titles, sentences, body_lengths, tags, categories


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--shared", default=os.environ.get("SHARED", os.path.join(REPO, "..", "shared")))
    ap.add_argument("--queries", type=int, default=200, help="queries in the plain batch")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    titles, sentences, body_lengths, corpus_tags, corpus_cats = load_corpus(args.shared)
    rng = random.Random(args.seed)

    persons = read_gazetteer("persons.txt")
    orgs = read_gazetteer("organizations.txt")
    places = read_gazetteer("places.txt")
    countries = read_gazetteer("countries.txt")
    entities = sorted(set(persons + orgs + places + countries))
    rng.shuffle(entities)
    ent_cum = zipf_cum(len(entities), 0.9)

    # Tag pool: corpus tags by frequency, then categories, then gazetteer names, to ~500.
    pool = [t for t, _ in sorted(corpus_tags.items(), key=lambda kv: (-kv[1], kv[0]))]
    seen = {t.lower() for t in pool}
    for c, _ in sorted(corpus_cats.items(), key=lambda kv: (-kv[1], kv[0])):
        if c.lower() not in seen and len(pool) < 500:
            pool.append(c)
            seen.add(c.lower())
    for e in entities:
        if len(pool) >= 500:
            break
        if e.lower() not in seen:
            pool.append(e)
            seen.add(e.lower())
    tag_pool = pool
    tag_cum = zipf_cum(len(tag_pool), 1.0)

    categories = [c for c, _ in sorted(corpus_cats.items(), key=lambda kv: (-kv[1], kv[0]))][:40]
    cat_cum = zipf_cum(len(categories), 1.0)
    real_sources = ["kompas", "okezone", "tempo", "sindonews", "tribunnews", "wowkeren", "detik",
                    "kapanlagi", "fimela", "liputan6", "merdeka", "republika", "posmetro-medan",
                    "viva", "kontan", "bisnis"]
    regions = ["aceh", "medan", "padang", "riau", "jambi", "palembang", "bengkulu", "lampung",
               "banten", "bandung", "semarang", "jogja", "surabaya", "bali", "lombok", "kupang",
               "pontianak", "palangkaraya", "banjarmasin", "samarinda", "manado", "palu",
               "makassar", "kendari", "gorontalo", "ambon", "ternate", "jayapura", "manokwari",
               "batam", "bogor", "malang", "solo", "cirebon"]
    sources = real_sources + [f"warta-{r}" for r in regions]
    src_cum = zipf_cum(len(sources), 0.8)

    start = date(2005, 1, 1)
    days = (date(2024, 12, 31) - start).days + 1
    connectors = ["Menurut {e}, ", "Kata {e}, ", "Dalam keterangannya, {e} menyebut ",
                  "Pihak {e} menegaskan ", "Sementara itu di {e}, ", "Terkait hal itu, {e} menilai "]

    def pick(cum, items):
        return items[bisect.bisect_left(cum, rng.random() * cum[-1])]

    out_path = os.path.join(args.out, "articles.jsonl")
    nsent = len(sentences)
    total_bytes = 0
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        for i in range(args.n):
            ents = [pick(ent_cum, entities) for _ in range(rng.randint(1, 3))]
            title = titles[rng.randrange(len(titles))]
            if rng.random() < 0.3:
                title = f"{ents[0]}: {title}"
            target = body_lengths[rng.randrange(len(body_lengths))]
            paras, para, size = [], [], 0
            k = 0
            while size < target:
                s = sentences[rng.randrange(nsent)]
                if k < len(ents) and rng.random() < 0.35:
                    c = connectors[rng.randrange(len(connectors))].format(e=ents[k])
                    s = c + s[0].lower() + s[1:]
                    k += 1
                para.append(s)
                size += len(s) + 1
                if len(para) >= 3 and rng.random() < 0.4:
                    paras.append(" ".join(para))
                    para = []
            while k < len(ents):  # every chosen entity is named at least once
                paras.append(f"{ents[k]} belum memberikan tanggapan.")
                k += 1
            if para:
                paras.append(" ".join(para))
            d = start + timedelta(days=rng.randrange(days))
            hh, mm = rng.randrange(24), rng.randrange(60)
            source = pick(src_cum, sources)
            aid = f"s{i:08d}"
            ntags = rng.randint(1, 4)
            tags = []
            for _ in range(ntags):
                t = pick(tag_cum, tag_pool)
                if t not in tags:
                    tags.append(t)
            rec = {
                "id": aid,
                "url": f"https://{source}.example/{d.year}/{d.month:02d}/{aid}",
                "source": source,
                "date": f"{d.isoformat()}T{hh:02d}:{mm:02d}:00+07:00",
                "title": title,
                "body": "\n".join(paras),
                "category": pick(cat_cum, categories),
                "tags": tags,
            }
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            total_bytes += len(line.encode("utf-8"))
            out.write(line)

    # Query sets: fixed seed, independent of N.
    qrng = random.Random(1000 + args.seed)
    stop = set(read_gazetteer("stopwords-id.txt"))
    qsent = [s for s in sentences if len(s) > 60]

    def words_of(s):
        return [w for w in WORD.findall(s.lower()) if len(w) >= 4 and w not in stop]

    queries = []
    while len(queries) < args.queries:
        s = qsent[qrng.randrange(len(qsent))]
        ws = words_of(s)
        kind = len(queries) % 5  # 1, 2, 3, 4 words, phrase
        if kind < 4:
            n = kind + 1
            if len(ws) < n:
                continue
            start_i = qrng.randrange(len(ws) - n + 1)
            q = " ".join(ws[start_i:start_i + n])
        else:
            raw = WORD.findall(s.lower())
            if len(raw) < 4:
                continue
            n = qrng.choice([2, 3])
            start_i = qrng.randrange(len(raw) - n + 1)
            q = '"' + " ".join(raw[start_i:start_i + n]) + '"'
        queries.append(q)

    def write_batch(name, qs):
        with open(os.path.join(args.out, f"queries-{name}.tsv"), "w", encoding="utf-8") as f:
            for j, q in enumerate(qs):
                f.write(f"{name}{j:03d}\t{q}\n")

    write_batch("plain", queries)
    write_batch("tag", queries[:50])
    write_batch("date", queries[50:100])
    write_batch("entity", queries[100:150])
    with open(os.path.join(args.out, "filters.env"), "w", encoding="utf-8") as f:
        f.write(f"TAG={json.dumps(tag_pool[0])}\n")
        f.write(f"ENTITY={json.dumps(entities[0])}\n")
        f.write("SINCE=2015-01-01\nUNTIL=2019-12-31\n")
        # ~11.25% of 20 years: >= 100,000 hits at N = 1,000,000.
        f.write("EXPORT_SINCE=2022-10-01\nEXPORT_UNTIL=2024-12-31\n")
    print(f"wrote {args.n} articles, {total_bytes} bytes ({total_bytes / max(args.n, 1):.0f} B/article) "
          f"to {out_path}; tag pool {len(tag_pool)}, sources {len(sources)}, entities {len(entities)}, "
          f"sentences {nsent}, titles {len(titles)}", file=sys.stderr)


if __name__ == "__main__":
    main()
