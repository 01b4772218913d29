#!/usr/bin/env python3
"""Writes the 100 mixed benchmark queries for examples/search_latency.rs.

Usage: make-queries.py CORPUS_DIR OUT.tsv [SEED]

Words are sampled, with a fixed seed, from the headlines of the corpus at run time, so no
corpus text is kept in the repository. warta's stopwords (data/stopwords-*.txt), words in
more than 5% of headlines and words under 4 letters are left out. Output: one query per line, tab-separated
columns `shape text tag since until sort`, an empty column meaning "not set".
"""
import glob
import json
import os
import random
import re
import sys
from collections import Counter

WORD = re.compile(r"[^\W\d_]{4,}")


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: make-queries.py CORPUS_DIR OUT.tsv [SEED]")
    corpus, out = sys.argv[1], sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20261126
    files = sorted(glob.glob(os.path.join(corpus, "*.jsonl")))
    if not files:
        sys.exit(f"no .jsonl files in {corpus}")
    titles, tags = [], Counter()
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                titles.append([w.lower() for w in WORD.findall(record.get("title") or "")])
                for tag in record.get("tags") or []:
                    tags[tag] += 1
    df = Counter(w for words in titles for w in set(words))
    common = {w for w, n in df.items() if n > len(titles) * 0.05}
    data = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")
    for name in ("stopwords-id.txt", "stopwords-en.txt"):
        with open(os.path.join(data, name), encoding="utf-8") as f:
            common.update(w.strip().lower() for w in f if w.strip() and not w.startswith("#"))
    titles = [[w for w in words if w not in common] for words in titles]
    titles = [words for words in titles if len(words) >= 2]
    top_tags = [tag for tag, _ in tags.most_common(40)]
    rng = random.Random(seed)

    def words(n):
        title = rng.choice(titles)
        return " ".join(rng.sample(title, min(n, len(title))))

    def month():
        year = rng.choice([2016, 2017, 2018, 2019, 2019, 2019, 2025, 2026])
        m = rng.randint(1, 12)
        return f"{year}-{m:02d}-01", f"{year}-{m:02d}-28"

    rows = []
    for _ in range(25):
        rows.append(("1-word", words(1), "", "", "", ""))
    for _ in range(20):
        rows.append(("2-words", words(2), "", "", "", ""))
    for _ in range(15):
        rows.append(("3-4-words", words(rng.randint(3, 4)), "", "", "", ""))
    for _ in range(10):
        title = rng.choice(titles)
        start = rng.randrange(len(title) - 1)
        rows.append(("phrase", '"' + " ".join(title[start:start + 2]) + '"', "", "", "", ""))
    for _ in range(10):
        rows.append(("tag", words(rng.randint(1, 2)), rng.choice(top_tags), "", "", ""))
    for _ in range(5):
        since, until = month()
        rows.append(("date-range", words(rng.randint(1, 2)), "", since, until, ""))
    for _ in range(5):
        rows.append(("date-range-only", "", rng.choice(top_tags), "2019-09-01", "2019-09-10", ""))
    for _ in range(10):
        rows.append(("sort-date", words(rng.randint(1, 2)), "", "", "", "date"))
    rng.shuffle(rows)
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} queries to {out} (seed {seed})", file=sys.stderr)


if __name__ == "__main__":
    main()
