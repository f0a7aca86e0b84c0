//! WordPress's times: `date` in the site's zone and `date_gmt` in UTC, both without an offset; the
//! contract wants RFC 3339 with the newsroom's offset, and `modified_after` wants UTC with `Z`
//! (WordPress reads a bare time in the site's zone).
use crate::format::parse_rfc3339;

/// Minutes since the epoch of an RFC 3339 time, or of a bare WordPress time read as UTC.
pub(super) fn minutes(text: &str) -> Option<i64> {
    let text = text.trim();
    let bare = text.len() == 19;
    parse_rfc3339(&if bare { format!("{text}Z") } else { text.to_string() }).map(|t| t.epoch_minutes())
}

/// `local` (a bare time in the site's zone) with the offset between it and `gmt`, the same moment
/// in UTC: `2026-11-30T09:15:00+04:00`.
pub(super) fn with_offset(local: &str, gmt: &str) -> Option<String> {
    let offset = minutes(local)? - minutes(gmt)?;
    let sign = if offset < 0 { '-' } else { '+' };
    let local = local.get(..19)?;
    Some(format!("{local}{sign}{:02}:{:02}", offset.abs() / 60, offset.abs() % 60))
}

/// Minutes since the epoch as UTC with `Z`: `2026-12-02T11:18:00Z`.
pub(super) fn utc(minutes: i64) -> String {
    // Civil from days, after Howard Hinnant's algorithm.
    let (days, minute_of_day) = (minutes.div_euclid(1440), minutes.rem_euclid(1440));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:00Z", minute_of_day / 60, minute_of_day % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_time_gets_the_sites_offset() {
        assert_eq!(with_offset("2026-11-30T09:15:00", "2026-11-30T05:15:00").unwrap(), "2026-11-30T09:15:00+04:00");
        assert_eq!(with_offset("2026-11-30T01:00:00", "2026-11-30T04:30:00").unwrap(), "2026-11-30T01:00:00-03:30");
        assert_eq!(with_offset("2026-11-30T09:15:00", "2026-11-30T09:15:00").unwrap(), "2026-11-30T09:15:00+00:00");
    }

    #[test]
    fn minutes_go_back_to_the_same_utc_time() {
        for text in ["1970-01-01T00:00:00Z", "2026-12-02T11:18:00Z", "2024-02-29T23:59:00Z", "2000-03-01T00:00:00Z"] {
            assert_eq!(utc(minutes(text).unwrap()), text);
        }
    }
}
