//! Plain formatting of API dates and counts, independent of any language: the words (month
//! names, separators) come from the caller, so this stays natively testable.

/// The year now, for the copyright line: the browser's clock, or the publishing machine's.
pub fn current_year() -> i32 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Date::new_0().get_full_year() as i32;
    #[cfg(not(target_arch = "wasm32"))]
    {
        let days =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400);
        // 400 Gregorian years are 146,097 days; within them a year is 365 days plus its leap days.
        let (mut year, mut left) = (1970 + 400 * (days / 146_097) as i32, days % 146_097);
        loop {
            let length = if days_in_month(year, 2) == 29 { 366 } else { 365 };
            if left < length {
                return year;
            }
            left -= length;
            year += 1;
        }
    }
}

/// A date and time as the newsroom wrote it, in the offset the API gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NewsroomTime {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    /// Offset from UTC in minutes (`+04:00` is 240, `Z` is 0).
    pub offset_minutes: i32,
}

/// Parses RFC 3339 (`2025-04-29T21:30:00+04:00`, `…Z`, optional fractions). `None` if malformed.
pub fn parse_rfc3339(raw: &str) -> Option<NewsroomTime> {
    let s = raw.trim().as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let part = s.get(from..from + len)?;
        part.iter().all(u8::is_ascii_digit).then(|| std::str::from_utf8(part).ok()?.parse().ok())?
    };
    if s.len() < 20 || s[4] != b'-' || s[7] != b'-' || !matches!(s[10], b'T' | b't' | b' ') || s[13] != b':' {
        return None;
    }
    let (year, month, day) = (num(0, 4)? as i32, num(5, 2)? as u8, num(8, 2)? as u8);
    let (hour, minute, _second) = (num(11, 2)? as u8, num(14, 2)? as u8, num(17, 2)?);
    let mut rest = 19;
    if s.get(rest) == Some(&b'.') {
        rest += 1;
        while s.get(rest).is_some_and(u8::is_ascii_digit) {
            rest += 1;
        }
    }
    let offset_minutes = match s.get(rest)? {
        b'Z' | b'z' if s.len() == rest + 1 => 0,
        sign @ (b'+' | b'-') if s.len() == rest + 6 && s[rest + 3] == b':' => {
            let minutes = (num(rest + 1, 2)? * 60 + num(rest + 4, 2)?) as i32;
            if *sign == b'-' {
                -minutes
            } else {
                minutes
            }
        }
        _ => return None,
    };
    let valid =
        (1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day) && hour < 24 && minute < 60;
    valid.then_some(NewsroomTime { year, month, day, hour, minute, offset_minutes })
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl NewsroomTime {
    /// Minutes since 1970-01-01 UTC, for ordering stories published in different offsets
    /// (publish's feeds, sitemaps and story order).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn epoch_minutes(&self) -> i64 {
        // Days from civil, after Howard Hinnant's algorithm.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        days * 1440 + i64::from(self.hour) * 60 + i64::from(self.minute) - i64::from(self.offset_minutes)
    }
}

/// "29 April 2025" given the month's name in the reader's language.
pub fn format_date(t: &NewsroomTime, month_name: &str) -> String {
    format!("{} {} {}", t.day, month_name, t.year)
}

/// "29 April 2025 21:30": the date, a language's joiner, and the 24-hour time.
pub fn format_date_time(t: &NewsroomTime, month_name: &str, joiner: &str) -> String {
    format!("{}{joiner}{:02}:{:02}", format_date(t, month_name), t.hour, t.minute)
}

/// 1234567 with separator "," is "1,234,567".
pub fn group_digits(n: u64, separator: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_offsets_as_written() {
        let t = parse_rfc3339("2025-04-29T21:30:00+04:00").unwrap();
        assert_eq!((t.year, t.month, t.day, t.hour, t.minute, t.offset_minutes), (2025, 4, 29, 21, 30, 240));
        assert_eq!(parse_rfc3339("2025-04-29T21:30:00.123Z").unwrap().offset_minutes, 0);
        assert_eq!(parse_rfc3339("2025-04-29T21:30:00-05:30").unwrap().offset_minutes, -330);
    }

    #[test]
    fn rejects_malformed_times() {
        for bad in [
            "",
            "2025-04-29",
            "2025-13-01T00:00:00Z",
            "2025-02-30T00:00:00Z",
            "2025-04-29T24:00:00Z",
            "2025-04-29T21:30:00",
            "2025-04-29T21:30:00+0400",
            "yesterday at noon!!",
            "2025-04-29T21:30:00Zjunk",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
        assert!(parse_rfc3339("2024-02-29T00:00:00Z").is_some());
    }

    #[test]
    fn orders_across_offsets() {
        let yerevan = parse_rfc3339("2025-04-29T21:30:00+04:00").unwrap();
        let utc = parse_rfc3339("2025-04-29T17:31:00Z").unwrap();
        assert!(utc.epoch_minutes() > yerevan.epoch_minutes());
        assert_eq!(parse_rfc3339("1970-01-02T00:00:00Z").unwrap().epoch_minutes(), 1440);
    }

    #[test]
    fn formats_dates_and_times() {
        let t = parse_rfc3339("2025-04-09T07:05:00+04:00").unwrap();
        assert_eq!(format_date(&t, "April"), "9 April 2025");
        assert_eq!(format_date_time(&t, "апреля", ", "), "9 апреля 2025, 07:05");
    }

    #[test]
    fn groups_digits() {
        assert_eq!(group_digits(0, ","), "0");
        assert_eq!(group_digits(999, ","), "999");
        assert_eq!(group_digits(1000, ","), "1,000");
        assert_eq!(group_digits(1_234_567, "\u{a0}"), "1\u{a0}234\u{a0}567");
        assert_eq!(group_digits(12_345_678, "."), "12.345.678");
    }
}
