//! Publication-date parsing for the readers: ISO 8601 and the forms Indonesian news sites print.
//!
//! Sits below `ingest`: every reader hands its raw date text to [`parse_date`]. The parser is
//! hand-written (no regex) because it runs once per article on the ingest hot path.
//!
//! Accepted forms (case-insensitive, surrounding whitespace ignored):
//! - `2023-09-13`, `2023/09/13`, `20230913`
//! - `2023-09-13T10:00:00+07:00`, `2023-09-13T03:00:00Z`, `2023-09-13 10:00:00`,
//!   `2023-09-13T10:00:00.123+0700`
//! - `13/09/2023`, `13-09-2023`, `13.09.2023` (day first, as Indonesian sites write it)
//! - `13 September 2023`, `13 Sep 2023`, `September 13, 2023` (Indonesian and English month
//!   names, full or abbreviated: Jan, Feb/Peb, Mar, Apr, Mei/May, Jun, Jul, Agu/Agt/Ags/Aug, Sep,
//!   Okt/Oct, Nov/Nop, Des/Dec)
//! - an optional weekday before a comma: `Rabu, 13/09/2023 10:00 WIB`,
//!   `Rabu, 13 September 2023 10:00 WIB`, `Wed, 13 Sep 2023 10:00:00 +0700`
//! - a time after the date separated by spaces, `,`, `|`, `-`, `T` or the word `pukul`/`jam`:
//!   `13 September 2023 | 10:00 WIB`, `13/09/2023 - 10.00 WIB`; `HH:MM`, `HH:MM:SS`, `HH.MM`
//! - a zone: `WIB` (+07:00), `WITA` (+08:00), `WIT` (+09:00), `UTC`/`GMT`/`Z`, `+07:00`,
//!   `+0700`, `+07`, `GMT+7`
//! - unix timestamps: 9–10 digits (seconds) or 12–13 digits (milliseconds)
//!
//! Without an offset the time is taken as WIB (+07:00): the archive is Indonesian, most outlets
//! are in Jakarta and print local WIB time without saying so, and a date alone then still falls
//! on the printed calendar day when shown in WIB. Impossible dates and times (`31/02/2023`,
//! `25:00`) give `None`.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

/// Offset assumed when the text gives none: WIB, UTC+07:00.
pub const DEFAULT_OFFSET_SECONDS: i32 = 7 * 3600;

/// Parses a publication date in any of the forms listed in the module docs, or returns `None`.
pub fn parse_date(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    let b = s.as_bytes();
    if b.iter().all(u8::is_ascii_digit) {
        return parse_all_digits(s);
    }
    let mut c = Cursor { b, i: 0 };
    let date = if b.len() >= 5 && b[..4].iter().all(u8::is_ascii_digit) && !b[4].is_ascii_digit() {
        parse_year_first(&mut c)?
    } else {
        parse_day_first(&mut c)?
    };
    parse_time_and_zone(&mut c, date)
}

/// Handles digit-only input: `YYYYMMDD` or a unix timestamp in seconds or milliseconds.
fn parse_all_digits(s: &str) -> Option<DateTime<FixedOffset>> {
    let value: i64 = s.parse().ok()?;
    let wib = FixedOffset::east_opt(DEFAULT_OFFSET_SECONDS)?;
    match s.len() {
        8 => {
            let date = NaiveDate::from_ymd_opt(
                (value / 10_000) as i32,
                (value / 100 % 100) as u32,
                (value % 100) as u32,
            )?;
            wib.from_local_datetime(&date.and_time(NaiveTime::MIN))
                .single()
        }
        9 | 10 => Some(DateTime::from_timestamp(value, 0)?.with_timezone(&wib)),
        12 | 13 => Some(DateTime::from_timestamp_millis(value)?.with_timezone(&wib)),
        _ => None,
    }
}

/// A byte cursor over the (ASCII-structured) date text.
struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.b.get(self.i + ahead).copied()
    }

    fn at_end(&self) -> bool {
        self.i >= self.b.len()
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.i += 1;
        }
    }

    /// Reads 1..=max ASCII digits as a number.
    fn number(&mut self, max: usize) -> Option<(u32, usize)> {
        let start = self.i;
        let mut value: u32 = 0;
        while self.i - start < max {
            match self.peek() {
                Some(d @ b'0'..=b'9') => {
                    value = value * 10 + u32::from(d - b'0');
                    self.i += 1;
                }
                _ => break,
            }
        }
        let len = self.i - start;
        (len > 0).then_some((value, len))
    }

    /// Reads a run of ASCII letters (and an apostrophe, as in "Jum'at").
    fn word(&mut self) -> &[u8] {
        let start = self.i;
        while matches!(self.peek(), Some(b) if b.is_ascii_alphabetic() || b == b'\'') {
            self.i += 1;
        }
        &self.b[start..self.i]
    }
}

/// Parses `YYYY-MM-DD` (or `/` or `.` as separator).
fn parse_year_first(c: &mut Cursor) -> Option<NaiveDate> {
    let (year, _) = c.number(4)?;
    let sep = c.peek()?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    c.i += 1;
    let (month, _) = c.number(2)?;
    if !c.eat(sep) {
        return None;
    }
    let (day, _) = c.number(2)?;
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// Parses the day-first and month-name forms, with an optional leading weekday.
fn parse_day_first(c: &mut Cursor) -> Option<NaiveDate> {
    // Optional weekday ("Rabu," / "Wed,") or a leading month name ("September 13, 2023").
    if c.peek()?.is_ascii_alphabetic() {
        let start = c.i;
        let word = c.word();
        if let Some(month) = month_from_name(word) {
            c.eat(b'.');
            c.skip_spaces();
            let (day, _) = c.number(2)?;
            c.eat(b',');
            c.skip_spaces();
            let (year, 4) = c.number(4)? else {
                return None;
            };
            return NaiveDate::from_ymd_opt(year as i32, month, day);
        }
        if c.i == start {
            return None;
        }
        c.eat(b'.');
        c.skip_spaces();
        if !c.eat(b',') {
            return None;
        }
        c.skip_spaces();
    }
    let (day, _) = c.number(2)?;
    match c.peek()? {
        sep @ (b'/' | b'-' | b'.') => {
            c.i += 1;
            let (month, _) = c.number(2)?;
            if !c.eat(sep) {
                return None;
            }
            let (year, 4) = c.number(4)? else {
                return None;
            };
            NaiveDate::from_ymd_opt(year as i32, month, day)
        }
        b' ' | b'\t' => {
            c.skip_spaces();
            let month = month_from_name(c.word())?;
            c.eat(b'.');
            c.eat(b',');
            c.skip_spaces();
            let (year, 4) = c.number(4)? else {
                return None;
            };
            NaiveDate::from_ymd_opt(year as i32, month, day)
        }
        _ => None,
    }
}

/// Maps an Indonesian or English month name or abbreviation (any case) to 1..=12.
fn month_from_name(word: &[u8]) -> Option<u32> {
    if word.len() < 3 || word.len() > 9 {
        return None;
    }
    let mut buf = [0u8; 9];
    for (dst, src) in buf.iter_mut().zip(word) {
        *dst = src.to_ascii_lowercase();
    }
    let w = &buf[..word.len()];
    let month = match w {
        b"jan" | b"januari" | b"january" => 1,
        b"feb" | b"peb" | b"februari" | b"pebruari" | b"february" => 2,
        b"mar" | b"maret" | b"march" => 3,
        b"apr" | b"april" => 4,
        b"mei" | b"may" => 5,
        b"jun" | b"juni" | b"june" => 6,
        b"jul" | b"juli" | b"july" => 7,
        b"agu" | b"agt" | b"ags" | b"agus" | b"aug" | b"agustus" | b"august" => 8,
        b"sep" | b"sept" | b"september" => 9,
        b"okt" | b"oct" | b"oktober" | b"october" => 10,
        b"nov" | b"nop" | b"november" | b"nopember" => 11,
        b"des" | b"dec" | b"desember" | b"december" => 12,
        _ => return None,
    };
    Some(month)
}

/// Parses what follows the date: an optional time, an optional zone, then the end.
fn parse_time_and_zone(c: &mut Cursor, date: NaiveDate) -> Option<DateTime<FixedOffset>> {
    // Separators between date and time.
    loop {
        match c.peek() {
            Some(b' ' | b'\t' | b',' | b'|' | b'-') => c.i += 1,
            Some(b'T' | b't') if c.peek_at(1).is_some_and(|b| b.is_ascii_digit()) => c.i += 1,
            Some(b'p' | b'P' | b'j' | b'J' | b'a' | b'A') => {
                let start = c.i;
                let word = c.word();
                if !(word.eq_ignore_ascii_case(b"pukul")
                    || word.eq_ignore_ascii_case(b"jam")
                    || word.eq_ignore_ascii_case(b"at"))
                {
                    c.i = start;
                    break;
                }
            }
            _ => break,
        }
    }
    let time = if c.peek().is_some_and(|b| b.is_ascii_digit()) {
        parse_time(c)?
    } else {
        NaiveTime::MIN
    };
    let offset = parse_zone(c)?;
    c.skip_spaces();
    c.eat(b'.');
    c.skip_spaces();
    if !c.at_end() {
        return None;
    }
    offset
        .from_local_datetime(&NaiveDateTime::new(date, time))
        .single()
}

/// Parses `HH:MM`, `HH:MM:SS`, `HH:MM:SS.fff` or `HH.MM`.
fn parse_time(c: &mut Cursor) -> Option<NaiveTime> {
    let (hour, _) = c.number(2)?;
    let sep = c.peek()?;
    if !matches!(sep, b':' | b'.') {
        return None;
    }
    c.i += 1;
    let (minute, 2) = c.number(2)? else {
        return None;
    };
    let mut second = 0;
    let mut nanos = 0;
    if c.peek() == Some(sep) && c.peek_at(1).is_some_and(|b| b.is_ascii_digit()) {
        c.i += 1;
        let (s, 2) = c.number(2)? else {
            return None;
        };
        second = s;
        if matches!(c.peek(), Some(b'.' | b',')) && c.peek_at(1).is_some_and(|b| b.is_ascii_digit())
        {
            c.i += 1;
            let start = c.i;
            while c.peek().is_some_and(|b| b.is_ascii_digit()) {
                if c.i - start < 9 {
                    nanos = nanos * 10 + u32::from(c.b[c.i] - b'0');
                }
                c.i += 1;
            }
            for _ in (c.i - start).min(9)..9 {
                nanos *= 10;
            }
        }
    }
    NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)
}

/// Parses an optional zone; no zone means WIB.
fn parse_zone(c: &mut Cursor) -> Option<FixedOffset> {
    c.skip_spaces();
    match c.peek() {
        None => FixedOffset::east_opt(DEFAULT_OFFSET_SECONDS),
        Some(b'+' | b'-') => parse_numeric_offset(c),
        Some(b) if b.is_ascii_alphabetic() => {
            let start = c.i;
            let word = c.word();
            let hours = if word.eq_ignore_ascii_case(b"wib") {
                7
            } else if word.eq_ignore_ascii_case(b"wita") {
                8
            } else if word.eq_ignore_ascii_case(b"wit") {
                9
            } else if word.eq_ignore_ascii_case(b"z")
                || word.eq_ignore_ascii_case(b"utc")
                || word.eq_ignore_ascii_case(b"gmt")
            {
                if matches!(c.peek(), Some(b'+' | b'-')) {
                    return parse_numeric_offset(c);
                }
                0
            } else {
                c.i = start;
                return None;
            };
            FixedOffset::east_opt(hours * 3600)
        }
        Some(_) => FixedOffset::east_opt(DEFAULT_OFFSET_SECONDS),
    }
}

/// Parses `+07:00`, `+0700`, `+07` or `+7`.
fn parse_numeric_offset(c: &mut Cursor) -> Option<FixedOffset> {
    let sign: i32 = if c.eat(b'-') {
        -1
    } else {
        c.eat(b'+');
        1
    };
    let (first, len) = c.number(4)?;
    let (hours, minutes) = match len {
        1 | 2 => {
            let minutes = if c.eat(b':') {
                let (m, 2) = c.number(2)? else {
                    return None;
                };
                m
            } else {
                0
            };
            (first, minutes)
        }
        4 => (first / 100, first % 100),
        _ => return None,
    };
    if hours > 14 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours as i32 * 3600 + minutes as i32 * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32, off_h: i32) -> DateTime<FixedOffset> {
        FixedOffset::east_opt(off_h * 3600)
            .and_then(|o| o.with_ymd_and_hms(y, mo, d, h, mi, s).single())
            .expect("valid test date")
    }

    #[test]
    fn iso_forms() {
        assert_eq!(parse_date("2023-09-13"), Some(at(2023, 9, 13, 0, 0, 0, 7)));
        assert_eq!(
            parse_date("2023-09-13T10:00:00+07:00"),
            Some(at(2023, 9, 13, 10, 0, 0, 7))
        );
        assert_eq!(
            parse_date("2023-09-13 10:00:00"),
            Some(at(2023, 9, 13, 10, 0, 0, 7))
        );
        assert_eq!(
            parse_date("2023-09-13T03:00:00Z"),
            Some(at(2023, 9, 13, 3, 0, 0, 0))
        );
        assert_eq!(
            parse_date("2023-09-13T03:00:00Z").map(|d| d.timestamp()),
            parse_date("2023-09-13T10:00:00+07:00").map(|d| d.timestamp())
        );
        assert_eq!(
            parse_date("2023-09-13T10:00:00+0800"),
            Some(at(2023, 9, 13, 10, 0, 0, 8))
        );
        assert_eq!(
            parse_date("2023-09-13T10:00:00.250-03:00").map(|d| d.timestamp_millis() % 1000),
            Some(250)
        );
        assert_eq!(
            parse_date(" 2023/09/13 "),
            Some(at(2023, 9, 13, 0, 0, 0, 7))
        );
        assert_eq!(parse_date("20230913"), Some(at(2023, 9, 13, 0, 0, 0, 7)));
        assert_eq!(
            parse_date("2023-09-13 10:00"),
            Some(at(2023, 9, 13, 10, 0, 0, 7))
        );
    }

    #[test]
    fn day_first_numeric() {
        assert_eq!(parse_date("13/09/2023"), Some(at(2023, 9, 13, 0, 0, 0, 7)));
        assert_eq!(parse_date("13-09-2023"), Some(at(2023, 9, 13, 0, 0, 0, 7)));
        assert_eq!(parse_date("3/9/2023"), Some(at(2023, 9, 3, 0, 0, 0, 7)));
        assert_eq!(
            parse_date("Rabu, 13/09/2023 10:00 WIB"),
            Some(at(2023, 9, 13, 10, 0, 0, 7))
        );
        assert_eq!(
            parse_date("13/09/2023 - 10.00 WIB"),
            Some(at(2023, 9, 13, 10, 0, 0, 7))
        );
        assert_eq!(
            parse_date("Jum'at, 15/09/2023 08:30"),
            Some(at(2023, 9, 15, 8, 30, 0, 7))
        );
    }

    #[test]
    fn month_names() {
        let expected = Some(at(2023, 9, 13, 0, 0, 0, 7));
        for s in [
            "13 September 2023",
            "13 september 2023",
            "13 Sep 2023",
            "13 Sept 2023",
            "13 Sep. 2023",
            "September 13, 2023",
            "Sep 13 2023",
        ] {
            assert_eq!(parse_date(s), expected, "{s}");
        }
        let months = [
            ("Januari", 1),
            ("Jan", 1),
            ("Februari", 2),
            ("Feb", 2),
            ("Maret", 3),
            ("Mar", 3),
            ("April", 4),
            ("Apr", 4),
            ("Mei", 5),
            ("May", 5),
            ("Juni", 6),
            ("Jun", 6),
            ("Juli", 7),
            ("Jul", 7),
            ("Agustus", 8),
            ("Agu", 8),
            ("Agt", 8),
            ("Aug", 8),
            ("August", 8),
            ("Oktober", 10),
            ("Okt", 10),
            ("Oct", 10),
            ("November", 11),
            ("Nov", 11),
            ("Desember", 12),
            ("Des", 12),
            ("Dec", 12),
            ("December", 12),
        ];
        for (name, month) in months {
            assert_eq!(
                parse_date(&format!("1 {name} 2023")),
                Some(at(2023, month, 1, 0, 0, 0, 7)),
                "{name}"
            );
        }
    }

    #[test]
    fn indonesian_site_forms_and_zones() {
        assert_eq!(
            parse_date("Rabu, 13 September 2023 10:00 WIB"),
            Some(at(2023, 9, 13, 10, 0, 0, 7))
        );
        assert_eq!(
            parse_date("13 September 2023 | 10:00 WIB"),
            Some(at(2023, 9, 13, 10, 0, 0, 7))
        );
        assert_eq!(
            parse_date("13 September 2023 | 10:00 WITA"),
            Some(at(2023, 9, 13, 10, 0, 0, 8))
        );
        assert_eq!(
            parse_date("Rabu, 13/09/2023 10:00 WIT"),
            Some(at(2023, 9, 13, 10, 0, 0, 9))
        );
        assert_eq!(
            parse_date("Selasa, 12 Sep 2023 pukul 21:15 wib"),
            Some(at(2023, 9, 12, 21, 15, 0, 7))
        );
        assert_eq!(
            parse_date("Wed, 13 Sep 2023 10:00:00 +0700"),
            Some(at(2023, 9, 13, 10, 0, 0, 7))
        );
        assert_eq!(
            parse_date("Wed, 13 Sep 2023 03:00:00 GMT"),
            Some(at(2023, 9, 13, 3, 0, 0, 0))
        );
        assert_eq!(
            parse_date("13 September 2023 10:00 GMT+7"),
            Some(at(2023, 9, 13, 10, 0, 0, 7))
        );
    }

    #[test]
    fn unix_timestamps() {
        let expected = Some(at(2023, 9, 13, 10, 0, 0, 7));
        assert_eq!(parse_date("1694574000"), expected);
        assert_eq!(parse_date("1694574000000"), expected);
    }

    #[test]
    fn invalid_forms() {
        for s in [
            "",
            "   ",
            "31/02/2023",
            "2023-02-30",
            "2023-13-01",
            "32 Januari 2023",
            "13 Foo 2023",
            "13/09/23",
            "2023-09-13T25:00:00",
            "2023-09-13 10:61",
            "2023-09-13T10:00:00+25:00",
            "13 September 2023 10:00 XYZ",
            "kemarin",
            "Pada Selasa",
            "12345",
            "2023",
            "Rabu 13",
            "13 September",
            "2023-09-13 extra words",
        ] {
            assert_eq!(parse_date(s), None, "{s:?}");
        }
    }

    #[test]
    fn leap_day() {
        assert_eq!(parse_date("29/02/2024"), Some(at(2024, 2, 29, 0, 0, 0, 7)));
        assert_eq!(parse_date("29/02/2023"), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            let _ = parse_date(&s);
        }

        #[test]
        fn never_panics_on_date_like(s in "[0-9A-Za-z :/.,|+\\-]{0,40}") {
            let _ = parse_date(&s);
        }

        #[test]
        fn roundtrips_iso(y in 1900i32..2100, mo in 1u32..13, d in 1u32..29, h in 0u32..24, mi in 0u32..60) {
            let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:00+07:00");
            proptest::prop_assert_eq!(parse_date(&text), Some(at(y, mo, d, h, mi, 0, 7)));
            let text = format!("{d}/{mo}/{y} {h:02}:{mi:02} WIB");
            proptest::prop_assert_eq!(parse_date(&text), Some(at(y, mo, d, h, mi, 0, 7)));
        }
    }
}
