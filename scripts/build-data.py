#!/usr/bin/env python3
"""Builds data/kata-dasar-id.txt: the hunspell-id root list (shuLhan/hunspell-id, 46k entries,
LGPL-3.0) merged with the affix flags of the LibreOffice/Debian hunspell-id dictionary
(Debian package hunspell-id 1:7.5.0-1, /usr/share/hunspell/id_ID.dic, LGPL-3).
Output lines: `word` (no flag information) or `word/FLAGS` (FLAGS = the Debian two-letter
hunspell flags, possibly empty: the entry is known to take no affix).
Usage: build-data.py SHULHAN_LIST DEBIAN_DIC > data/kata-dasar-id.txt"""
import sys
shulhan, debian = sys.argv[1], sys.argv[2]
flags = {}
with open(debian, encoding="iso-8859-1") as f:
    next(f)  # count line
    for line in f:
        line = line.strip()
        if not line:
            continue
        word, _, fl = line.partition("/")
        pairs = [fl[i:i + 2] for i in range(0, len(fl), 2)]
        flags.setdefault(word, [])
        for p in pairs:
            if p not in flags[word]:
                flags[word].append(p)
seen = set()
out = sys.stdout
out.write("# Indonesian root words (kata dasar) with hunspell affix flags, for the warta stemmer.\n")
out.write("# Words: shuLhan/hunspell-id id_ID.dic, commit 08fe53f64a6c5a8821c7e795824c6966898628e4 (LGPL-3.0).\n")
out.write("# Flags after '/': LibreOffice hunspell-id id_ID.dic (Copyright (C) 2017 Ali Ahmadi, LGPL-3),\n")
out.write("#   as packaged in Debian hunspell-id 1:7.5.0-1; an empty flag field means 'takes no affix'.\n")
out.write("# Licence: LGPL-3.0 (see LICENSE-LGPL-3.0.txt and LICENSE-GPL-3.0.txt beside this file).\n")
out.write("# Merged by warta's scripts/build-data.py. This file is loaded at run time, not compiled into\n")
out.write("# warta; you may replace it (one word per line, optional /FLAGS, '#' lines ignored).\n")
for line in open(shulhan, encoding="utf-8"):
    w = line.strip()
    if not w or w in seen:
        continue
    seen.add(w)
    if w in flags:
        out.write(f"{w}/{''.join(flags[w])}\n")
    else:
        out.write(f"{w}\n")
for w, fl in flags.items():
    if w not in seen and not w.startswith("-") and not w.endswith("-"):
        seen.add(w)
        out.write(f"{w}/{''.join(fl)}\n")
