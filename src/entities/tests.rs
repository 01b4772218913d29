//! Unit tests for each rule and trap, list well-formedness, and the Kim–Putin end-to-end test.

use super::gazetteer::{self, list_entries, normalise_key};
use super::*;

fn ex() -> EntityExtractor {
    EntityExtractor::new()
}

/// (surface, kind, canonical) of every mention.
fn spans(text: &str) -> Vec<(String, &'static str, String)> {
    ex().mentions(text)
        .into_iter()
        .map(|m| (text[m.start..m.end].to_string(), m.kind.code(), m.canonical))
        .collect()
}

/// Asserts the (surface, kind) of every mention of `text`, in text order.
fn assert_typed(text: &str, expected: &[(&str, &str)]) {
    let got = spans(text);
    let got: Vec<(&str, &str)> = got.iter().map(|x| (x.0.as_str(), x.1)).collect();
    assert_eq!(got, expected, "{text}");
}

fn has(ents: &[Entity], name: &str, kind: EntityKind) -> bool {
    ents.iter().any(|e| e.name == name && e.kind == kind)
}

fn count(ents: &[Entity], name: &str) -> u32 {
    ents.iter()
        .filter(|e| e.name == name)
        .map(|e| e.count)
        .sum()
}

#[test]
fn kind_codes() {
    for k in [
        EntityKind::Person,
        EntityKind::Location,
        EntityKind::Organization,
    ] {
        assert_eq!(EntityKind::from_code(k.code()), Some(k));
        assert_eq!(EntityKind::from_code(&k.code().to_lowercase()), Some(k));
    }
    assert_eq!(EntityKind::from_code("GPE"), None);
}

#[test]
fn entity_key_normalises() {
    assert_eq!(entity_key("  Vladimir   Putin "), "vladimir putin");
    assert_eq!(entity_key("KIM Dong-yup"), "kim dong-yup");
    assert_eq!(entity_key(""), "");
}

#[test]
fn resolve_aliases() {
    let e = ex();
    let loc = EntityKind::Location;
    assert_eq!(e.resolve("AS"), Some(("Amerika Serikat".into(), loc)));
    assert_eq!(e.resolve("korut"), Some(("Korea Utara".into(), loc)));
    assert_eq!(e.resolve("moskow"), Some(("Moskow".into(), loc)));
    assert_eq!(e.resolve("Moscow"), Some(("Moskow".into(), loc)));
    assert_eq!(
        e.resolve("  amerika   serikat "),
        Some(("Amerika Serikat".into(), loc))
    );
    assert_eq!(e.resolve("Russia"), Some(("Rusia".into(), loc)));
    let org = EntityKind::Organization;
    assert_eq!(
        e.resolve("PBB"),
        Some(("Perserikatan Bangsa-Bangsa".into(), org))
    );
    assert_eq!(
        e.resolve("kpk"),
        Some(("Komisi Pemberantasan Korupsi".into(), org))
    );
    assert_eq!(e.resolve("nato"), Some(("NATO".into(), org)));
    assert_eq!(e.resolve("Atlantis"), None);
    assert_eq!(e.resolve(""), None);
}

#[test]
fn sentence_starters_are_not_names() {
    for text in [
        "Setelah itu mereka pulang.",
        "Namun hal itu tidak terjadi.",
        "Pada akhirnya semua selesai.",
        "Pertemuan tersebut berlangsung lama.",
        "Berdasarkan data itu, harga naik.",
        "Kunjungan penting ini membuat semua senang.",
    ] {
        assert!(spans(text).is_empty(), "{text}: {:?}", spans(text));
    }
}

#[test]
fn sentence_starter_before_name_is_dropped() {
    let s = spans("Namun Pyongyang berkukuh. Pertemuan Kim dan Putin terjadi.");
    let surf: Vec<&str> = s.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(surf, ["Pyongyang", "Kim", "Putin"]);
}

#[test]
fn days_and_months_are_not_names() {
    let s = spans("Ia datang pada Selasa (12/09) dan pergi bulan September lalu, bukan Minggu.");
    assert!(s.is_empty(), "{s:?}");
    let s = spans("kata Joko Widodo Selasa lalu.");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].0, "Joko Widodo");
}

#[test]
fn titles_are_cues_not_names() {
    let s = spans("Ia bertemu Presiden Rusia Vladimir Putin di sana.");
    assert_eq!(s[0], ("Rusia".into(), "LOC", "Rusia".into()));
    assert_eq!(
        s[1],
        ("Vladimir Putin".into(), "PER", "Vladimir Putin".into())
    );
    let s = spans("kepada Menteri Pertahanan Rusia, Sergei Shoigu.");
    assert_eq!(s.len(), 2, "{s:?}");
    assert_eq!(s[1].0, "Sergei Shoigu");
    let s = spans("menurut Profesor Budi Santoso dan Prof. Dr. Siti Aminah.");
    let surf: Vec<&str> = s.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(surf, ["Budi Santoso", "Siti Aminah"]);
}

#[test]
fn honorifics_are_cues() {
    let s = spans("Warga menyambut Pak Ahmad dan Ibu Ratna di balai desa.");
    let surf: Vec<&str> = s.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(surf, ["Ahmad", "Ratna"]);
    assert!(s.iter().all(|x| x.1 == "PER"));
}

#[test]
fn particles_inside_names() {
    let s = spans("Ia bertemu Mohammed bin Salman dan Robin van Persie kemarin.");
    let surf: Vec<&str> = s.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(surf, ["Mohammed bin Salman", "Robin van Persie"]);
}

#[test]
fn hyphenated_korean_names() {
    let s = spans("kata Kim Dong-yup, profesor di sana.");
    assert_eq!(s[0], ("Kim Dong-yup".into(), "PER", "Kim Dong-yup".into()));
}

#[test]
fn acronyms() {
    assert_typed(
        "Ia bicara dengan AS, PBB, NATO dan ASPI.",
        &[
            ("AS", "LOC"),
            ("PBB", "ORG"),
            ("NATO", "ORG"),
            ("ASPI", "ORG"),
        ],
    );
}

#[test]
fn parenthesised_acronym_is_alias() {
    let e = ex();
    let ents = e.extract(
        "",
        "kata direktur Asia Society Policy Institute (ASPI), Rorry Daniels. Menurut ASPI, itu benar.",
    );
    assert_eq!(count(&ents, "Asia Society Policy Institute"), 3);
    assert!(!ents.iter().any(|x| x.name == "ASPI"));
}

#[test]
fn tv_channels_and_institutes() {
    let s = spans("wartawan TV Rossiya 1 dan peneliti di Asian Institute for Policy Studies.");
    assert_eq!(s[0].0, "TV Rossiya 1");
    assert_eq!(s[0].1, "ORG");
    assert_eq!(
        s[1],
        (
            "Asian Institute for Policy Studies".into(),
            "ORG",
            "Asian Institute for Policy Studies".into()
        )
    );
    let s = spans("ditayangkan Metro TV dan Kompas TV malam ini.");
    assert!(s.iter().all(|x| x.1 == "ORG"), "{s:?}");
}

#[test]
fn organisation_head_stops_before_person() {
    let s = spans("juru bicara Departemen Luar Negeri AS Matthew Miller menegaskan.");
    assert_eq!(s[0].2, "Departemen Luar Negeri AS");
    assert_eq!(
        s[1],
        ("Matthew Miller".into(), "PER", "Matthew Miller".into())
    );
    let s = spans("profesor di Universitas Studi Korea Utara.");
    assert_eq!(s[0].0, "Universitas Studi Korea Utara");
    assert_eq!(s[0].1, "ORG");
}

#[test]
fn gazetteer_and_aliases_in_text() {
    let s = spans("Pasukan dari Russia dan Moscow tiba di Korut.");
    let canon: Vec<&str> = s.iter().map(|x| x.2.as_str()).collect();
    assert_eq!(canon, ["Rusia", "Moskow", "Korea Utara"]);
}

#[test]
fn hyphenated_pair_of_places() {
    let s = spans("konflik Rusia-Ukraina makin panas.");
    let canon: Vec<&str> = s.iter().map(|x| x.2.as_str()).collect();
    assert_eq!(canon, ["Rusia", "Ukraina"]);
}

#[test]
fn events_are_skipped() {
    assert!(spans("sejak Perang Korea berakhir dan Piala Dunia dimulai.").is_empty());
}

#[test]
fn place_cue_types_unknown_name() {
    let s = spans("kereta itu menuju Vlodivostok kemarin.");
    assert_eq!(s[0], ("Vlodivostok".into(), "LOC", "Vlodivostok".into()));
}

#[test]
fn short_names_resolve_to_full_names() {
    let e = ex();
    let ents = e.extract(
        "Kim Bertemu Putin",
        "Presiden Vladimir Putin menyambut Kim Jong Un. Setelah itu, Putin dan Kim makan.",
    );
    assert_eq!(count(&ents, "Vladimir Putin"), 3);
    assert_eq!(count(&ents, "Kim Jong Un"), 3);
    assert!(!ents.iter().any(|x| x.name == "Putin" || x.name == "Kim"));
}

#[test]
fn shared_short_name_never_goes_to_wrong_person() {
    let e = ex();
    let body =
        "Kim Jong Un tiba. Lalu Kim makan. kata Kim Dong-yup, profesor. Sesudah itu, Kim pulang.";
    let ents = e.extract("", body);
    assert_eq!(count(&ents, "Kim Dong-yup"), 1);
    assert_eq!(count(&ents, "Kim Jong Un"), 3);
}

#[test]
fn title_case_title_is_restricted() {
    let e = ex();
    let ents = e.extract(
        "Osasuna Vs Barcelona, Tanpa Bintang, Tim Bermain Imbang",
        "laga itu seru.",
    );
    assert!(ents.iter().all(|x| x.name == "Barcelona"), "{ents:?}");
}

#[test]
fn odd_unicode_never_panics() {
    let e = ex();
    let inputs = [
        "",
        " ",
        "\u{0}\u{1}",
        "É",
        "Ä-Ö-Ü. ß ẞ İstanbul ǅemal",
        "Kim Dong-\u{301}yup",
        "👍🏽 Putin 🇷🇺 Kim-",
        "-Kim - - Putin -",
        "Prof.",
        "(ASPI",
        "A (B) C. D",
        "ΑΒΓ Δέλτα Ωμέγα",
        "中国 北京 Beijing",
        "\u{feff}Jakarta\r\n\r\nBandung",
        "Rusia-",
        "-Rusia",
        "Rusia--Ukraina",
        "Kim ’ Jong ' Un",
    ];
    for text in inputs {
        let _ = e.extract(text, text);
        for m in e.mentions(text) {
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            assert!(m.start < m.end && m.end <= text.len());
        }
        let _ = e.resolve(text);
        let _ = entity_key(text);
    }
}

#[test]
fn extractor_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<EntityExtractor>();
}

#[test]
fn data_lists_are_well_formed() {
    let files = [
        ("countries", gazetteer::COUNTRIES),
        ("places", gazetteer::PLACES),
        ("organizations", gazetteer::ORGANIZATIONS),
        ("persons", gazetteer::PERSONS),
        ("cues", gazetteer::CUES),
        ("title_words", gazetteer::TITLE_WORDS),
        ("non_names", gazetteer::NON_NAMES),
        ("stopwords", gazetteer::STOPWORDS),
        ("particles", gazetteer::PARTICLES),
        ("org_words", gazetteer::ORG_WORDS),
        ("loc_heads", gazetteer::LOC_HEADS),
        ("skip_heads", gazetteer::SKIP_HEADS),
        ("context_cues", gazetteer::CONTEXT_CUES),
        ("event_tails", gazetteer::EVENT_TAILS),
        ("heading_verbs", gazetteer::HEADING_VERBS),
        ("aliases", super::alias::ALIASES),
    ];
    for (name, data) in files {
        let first = data.lines().next().unwrap_or_default();
        assert!(first.starts_with("# "), "{name}: missing header");
        assert!(
            data.lines()
                .any(|l| l.starts_with('#') && l.contains("Licence")),
            "{name}: no licence"
        );
        let mut seen = std::collections::HashSet::new();
        for line in data.lines().filter(|l| !l.starts_with('#')) {
            assert!(!line.trim().is_empty(), "{name}: empty entry");
            assert_eq!(line, line.trim(), "{name}: stray whitespace in {line:?}");
            assert!(
                seen.insert(normalise_key(line)),
                "{name}: duplicate {line:?}"
            );
        }
    }
    // The gazetteer has one entry per key across files, and every alias points to an entry.
    let mut keys = std::collections::HashMap::new();
    for data in [
        gazetteer::COUNTRIES,
        gazetteer::PLACES,
        gazetteer::ORGANIZATIONS,
        gazetteer::PERSONS,
    ] {
        for name in list_entries(data) {
            assert!(
                keys.insert(normalise_key(name), name).is_none(),
                "duplicate {name}"
            );
        }
    }
    for (alias, canonical) in super::alias::parse_aliases(super::alias::ALIASES) {
        assert!(
            keys.contains_key(&normalise_key(canonical)),
            "alias {alias}: unknown {canonical}"
        );
        assert!(
            !keys.contains_key(&normalise_key(alias)),
            "alias {alias} is a canonical name"
        );
    }
    // Word lists are lower case (they are matched against lower-cased words).
    for data in [
        gazetteer::CUES,
        gazetteer::TITLE_WORDS,
        gazetteer::NON_NAMES,
        gazetteer::PARTICLES,
        gazetteer::LOC_HEADS,
        gazetteer::SKIP_HEADS,
        gazetteer::CONTEXT_CUES,
        gazetteer::EVENT_TAILS,
        gazetteer::HEADING_VERBS,
    ] {
        for w in list_entries(data) {
            assert_eq!(w, w.to_lowercase());
        }
    }
}

/// The reference article; the lead points this at `corpus/kim-putin-vostochny.txt`.
const KIM_PUTIN: &str = include_str!("../../corpus/kim-putin-vostochny.txt");

#[test]
fn kim_putin_end_to_end() {
    let e = ex();
    let (title, body) = ("Kim Jong Un dan Putin bertemu di Vostochny", KIM_PUTIN);
    let ents = e.extract(title, body);
    use EntityKind::{Location as L, Organization as O, Person as P};
    let expected = [
        ("Kim Jong Un", P),
        ("Vladimir Putin", P),
        ("Matthew Miller", P),
        ("Sergei Shoigu", P),
        ("Donald Trump", P),
        ("Valeriy Akimenko", P),
        ("Kim Dong-yup", P),
        ("Yang Uk", P),
        ("Rorry Daniels", P),
        ("Park Won-gon", P),
        ("Korea Utara", L),
        ("Rusia", L),
        ("Ukraina", L),
        ("Amerika Serikat", L),
        ("Pyongyang", L),
        ("Moskow", L),
        ("Vostochny", L),
        ("Washington", L),
        ("Seoul", L),
        ("Korea Selatan", L),
        ("Vlodivostok", L),
        ("Dewan Keamanan PBB", O),
        ("NATO", O),
        ("Kremlin", O),
        ("Departemen Luar Negeri AS", O),
        ("Asia Society Policy Institute", O),
        ("Asian Institute for Policy Studies", O),
        ("Universitas Ewha", O),
        ("Universitas Studi Korea Utara", O),
        ("Pusat Penelitian Studi Konflik", O),
        ("TV Rossiya 1", O),
    ];
    for (name, kind) in expected {
        assert!(has(&ents, name, kind), "missing {name} {kind:?}: {ents:?}");
    }
    // Short forms resolve; "Kim" never goes to Kim Dong-yup; no stray short entities.
    assert_eq!(count(&ents, "Kim Dong-yup"), 1);
    assert!(count(&ents, "Kim Jong Un") >= 14, "{ents:?}");
    assert!(count(&ents, "Vladimir Putin") >= 15, "{ents:?}");
    for short in ["Kim", "Putin", "Akimenko", "ASPI", "Russia", "AS", "Moscow"] {
        assert!(
            !ents.iter().any(|x| x.name == short),
            "unresolved {short}: {ents:?}"
        );
    }
    for bad in [
        "Setelah", "Namun", "Pada", "Selasa", "Rabu", "Juli", "Presiden", "Menteri",
    ] {
        assert!(
            !ents.iter().any(|x| x.name.contains(bad)),
            "trap {bad}: {ents:?}"
        );
    }
}

#[test]
fn events_and_awards_by_last_word_are_skipped() {
    assert!(spans("atlet itu tampil di Asian Games dan MTV Music Award tahun lalu.").is_empty());
}

#[test]
fn clitics_are_cut_from_names() {
    let s = spans("revisi UU-nya ditolak KPK-juga menolak.");
    let surf: Vec<&str> = s.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(surf, ["KPK"]);
}

#[test]
fn acronym_before_name_stands_alone() {
    assert_typed(
        "kata Ketua HIPMI Bahlil Lahadalia kemarin.",
        &[("HIPMI", "ORG"), ("Bahlil Lahadalia", "PER")],
    );
}

#[test]
fn apposition_of_place_is_place() {
    assert_typed(
        "dibawa ke Pulau Nusakambangan, Cilacap, untuk dieksekusi.",
        &[("Pulau Nusakambangan", "LOC"), ("Cilacap", "LOC")],
    );
}

#[test]
fn place_typing_is_consistent_within_article() {
    let e = ex();
    let ents = e.extract(
        "",
        "Banjir melanda di Cilacap kemarin. Warga menyebut Cilacap sering banjir.",
    );
    assert!(has(&ents, "Cilacap", EntityKind::Location), "{ents:?}");
    assert!(!has(&ents, "Cilacap", EntityKind::Person), "{ents:?}");
}

#[test]
fn people_gazetteer_and_nicknames() {
    let e = ex();
    let ents = e.extract(
        "",
        "Presiden Jokowi bertemu SBY. kata Joko Widodo kemudian.",
    );
    assert_eq!(count(&ents, "Joko Widodo"), 2);
    assert!(has(&ents, "Susilo Bambang Yudhoyono", EntityKind::Person));
}

#[test]
fn alias_acronym_needs_capitals() {
    // "Uk" in "Yang Uk" is not the alias "UK"; "Bin" is not "BIN".
    let s = spans("kata Yang Uk dan Osama Bin Laden.");
    assert!(s.iter().all(|x| x.1 == "PER"), "{s:?}");
}

#[test]
fn random_text_never_panics() {
    // Deterministic pseudo-random strings over a palette of tricky characters.
    let palette: Vec<char> =
        "aZ Kim-Putin.,()\"'’“”:;!?\n\r\t-–—…0 9 É ß İ ǅ 中 👍🏽 \u{301} AS PBB bin van de"
            .chars()
            .collect();
    let e = ex();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..2000 {
        let mut text = String::new();
        let len = (state >> 59) as usize + 1;
        for _ in 0..len * 4 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push(palette[(state % palette.len() as u64) as usize]);
        }
        for m in e.mentions(&text) {
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
        let _ = e.extract(&text, &text);
    }
}

#[test]
fn context_words_type_or_drop_unknown_names() {
    assert_typed(
        "ia menonton film Ghost dan naik maskapai Susi Air ke Wakatobi.",
        &[("Susi Air", "ORG"), ("Wakatobi", "LOC")],
    );
}

#[test]
fn roles_and_units_before_a_name_are_not_names() {
    assert_typed(
        "kata Kabid Humas Polda Bali Kombes Ade Ary kemarin.",
        &[("Polda Bali", "ORG"), ("Ade Ary", "PER")],
    );
    let got = spans("sementara Humas Pengadilan Negeri Jogja, Heri Kurniawan, menjelaskan.");
    assert!(got.iter().all(|x| x.0 != "Humas"), "{got:?}");
    assert!(
        got.iter().any(|x| x.0 == "Heri Kurniawan" && x.1 == "PER"),
        "{got:?}"
    );
}

#[test]
fn a_rank_inside_an_organisation_name_belongs_to_it() {
    assert_typed(
        "surat dari Direktorat Jenderal Pajak dan Sekretariat Jenderal DPR tiba.",
        &[
            ("Direktorat Jenderal Pajak", "ORG"),
            ("Sekretariat Jenderal DPR", "ORG"),
        ],
    );
}

#[test]
fn bylines_laws_and_indices_are_not_entities() {
    for text in [
        "Laporan Wartawan Tribunnews, kemarin.",
        "nilai Indeks Harga Saham Gabungan naik.",
        "soal Revisi UU itu dan Rancangan Undang-Undang lain.",
        "menjunjung Hak Asasi Manusia setiap hari.",
    ] {
        assert_typed(text, &[]);
    }
}

#[test]
fn clubs_and_companies_are_organisations() {
    assert_typed(
        "laga Napoli melawan Inter Milan disiarkan Sony dan WhatsApp.",
        &[
            ("Napoli", "ORG"),
            ("Inter Milan", "ORG"),
            ("Sony", "ORG"),
            ("WhatsApp", "ORG"),
        ],
    );
    assert_eq!(
        ex().resolve("The Fed").map(|(name, _)| name),
        Some("Federal Reserve".into())
    );
}

#[test]
fn a_guessed_name_the_article_writes_in_lower_case_is_a_word() {
    let ents = ex().extract(
        "",
        "Kantor itu memakai Sistem baru. Menurut warga, sistem itu lambat. \
         kata Bunga kemarin, ia suka bunga. Foto di instagram.com/rossa dari Rossa.",
    );
    assert!(!ents.iter().any(|e| e.name == "Sistem"), "{ents:?}");
    assert!(has(&ents, "Bunga", EntityKind::Person), "{ents:?}");
    assert!(has(&ents, "Rossa", EntityKind::Person), "{ents:?}");
}

#[test]
fn streets_named_after_ranks_keep_the_rank() {
    assert_typed(
        "macet di Jalan Kapten Tendean, lalu di Istana Presiden Joko Widodo menyambut.",
        &[
            ("Jalan Kapten Tendean", "LOC"),
            ("Istana", "LOC"),
            ("Joko Widodo", "PER"),
        ],
    );
}

#[test]
fn a_line_break_ends_a_name() {
    // A paragraph may end without a full stop: "Budi" and "Santoso" are two lines.
    let got = spans("ia bertemu Budi\nSantoso pulang kemarin.");
    assert!(got.iter().all(|x| x.0 != "Budi Santoso"), "{got:?}");
    assert!(got.iter().any(|x| x.0 == "Budi" && x.1 == "PER"), "{got:?}");
}

#[test]
fn common_acronyms_are_not_organisations() {
    assert_typed("rekaman CCTV dan data ICU dikirim lewat SMS ke JPU.", &[]);
}

#[test]
fn a_heading_verb_makes_the_capitals_after_it_unsure() {
    // Calls to action: nothing in them is a name the article confirms.
    assert_typed(
        "Simak Jadwal MotoGP Perancis di sini. Pilih Menu Listrik lalu bayar.",
        &[],
    );
    // A name after the verb is kept when the article names it elsewhere.
    assert_typed(
        "Lihat Raffi Ahmad berlatih. Penonton menyambut Raffi Ahmad.",
        &[("Raffi Ahmad", "PER"), ("Raffi Ahmad", "PER")],
    );
    // Away from a sentence start the verb is just a capitalised word.
    let got = spans("program bernama Ayo Bergerak diluncurkan.");
    assert!(got.iter().any(|x| x.0 == "Ayo Bergerak"), "{got:?}");
}

#[test]
fn an_organisation_head_before_a_role_names_nothing() {
    // "Kantor", "Majelis" are heads of names; before a role they are no person.
    assert_typed(
        "upacara di halaman Kantor Bupati kemarin, lalu Majelis Hakim membacakan putusan.",
        &[],
    );
    // An acronym head still names its body: "RSUD" before "Dr".
    let got = spans("pasien dirawat di RSUD Dr Soetomo sejak pagi.");
    assert!(got.iter().any(|x| x.0 == "RSUD" && x.1 == "ORG"), "{got:?}");
}

#[test]
fn politicians_are_announced_by_their_role() {
    assert_typed(
        "kritik itu disampaikan Politikus Gerindra Habiburokhman di Senayan.",
        &[
            ("Gerindra", "ORG"),
            ("Habiburokhman", "PER"),
            ("Senayan", "LOC"),
        ],
    );
}

#[test]
fn zodiac_signs_are_not_people() {
    // Horoscope columns; "Aries" stays out of the list, it is also a given name.
    assert_typed("peruntungan Cancer, Virgo dan Capricorn pekan ini.", &[]);
}
