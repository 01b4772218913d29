//! Small articles written for these tests (not taken from any publisher).

/// A plain-text article with a header block, a section prefix and a tags line.
pub const TEXT_WITH_HEADER: &str = "Title: Petani Garam Madura Panen Raya\n\
Date: Rabu, 13/09/2023 10:00 WIB\n\
Source: Warta Uji\n\
URL: https://example.com/garam-madura\n\
\n\
EKONOMI - Petani garam di Sumenep, Madura, memanen garam lebih awal karena kemarau panjang.\n\
Harga garam krosok naik menjadi Rp 1.200 per kilogram, kata seorang petani.\n\
Tags : Ekonomi, Garam,  Madura ,\n";

/// A plain-text article with neither header nor section prefix nor tags.
pub const TEXT_BARE: &str = "Warga Desa Sukamaju bergotong royong memperbaiki jembatan bambu yang rusak diterjang banjir. \
Perbaikan selesai dalam dua hari.\nKepala desa berterima kasih kepada warga.\n";

/// JSON Lines with three articles; the second line is malformed.
pub const JSONL_WITH_BAD_LINE: &str = concat!(
    r#"{"id": "uji-1", "title": "Nelayan Cilacap melaut lagi", "body": "Nelayan Cilacap kembali melaut setelah gelombang tinggi reda.", "date": "2023-09-13", "tags": ["Maritim"]}"#,
    "\n",
    r#"{"id": "uji-2", "title": "rusak" "body": }"#,
    "\n",
    r#"{"id": "uji-3", "title": "Kereta cepat uji coba", "content": "Kereta cepat menjalani uji coba dengan penumpang terbatas.", "published": "13 September 2023", "keywords": "Transportasi, Kereta"}"#,
    "\n"
);

/// CSV with a header, a quoted field with a comma, quotes and a newline, and
/// a row without title and body (line 5).
pub const CSV_WITH_BAD_ROW: &str = "id,title,body,date,tags\n\
csv-1,\"Harga cabai, bawang \"\"melonjak\"\"\",\"Harga cabai naik.\nPedagang mengeluh.\",2023-09-13,\"Ekonomi; Pangan\"\n\
csv-2,Pasar murah digelar,Pemerintah kota menggelar pasar murah.,13/09/2023,Ekonomi\n\
csv-3,,,2023-09-13,Kosong\n\
csv-4,Beras premium langka,Beras premium sulit ditemukan di pasar tradisional.,2023-09-14,\"Ekonomi, Pangan\"\n";

/// Two articles for the entity-ranking test: one about Putin (named seven
/// times, `senjata` once), one naming him once in passing (`senjata` four times).
pub const PUTIN_CENTRAL_AND_PASSING: &str = concat!(
    r#"{"id": "tentang-putin", "title": "Kunjungan kenegaraan ke Beijing", "body": "Presiden Rusia Vladimir Putin tiba di Beijing untuk kunjungan kenegaraan dua hari. Putin disambut upacara militer di Lapangan Tiananmen. Dalam pertemuan tertutup, Putin membahas kerja sama energi dan perdagangan. Para pengamat menilai Putin ingin memperluas pasar gas Rusia ke Asia. Putin juga menyinggung pembelian senjata dalam jumlah terbatas. Kunjungan itu ditutup dengan jamuan makan malam kenegaraan, dan Putin dijadwalkan kembali ke Moskow keesokan harinya. Delegasi bisnis yang menyertai kunjungan menandatangani belasan nota kesepahaman di bidang infrastruktur, pertanian dan pendidikan tinggi."}"#,
    "\n",
    r#"{"id": "sekilas-putin", "title": "Pameran industri pertahanan dibuka", "body": "Pameran industri pertahanan dibuka di Jakarta dengan ratusan peserta. Produsen senjata dalam negeri memamerkan senjata ringan, dan senjata laras panjang terbaru. Seorang pejabat menyebut Vladimir Putin pernah memuji industri senjata Asia Tenggara."}"#,
    "\n"
);
