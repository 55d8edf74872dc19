//! Time helpers of the template functions: Go's `formatTime` layouts and the Go
//! operator's `humanizeDuration`.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::TemplateError;
use super::funcs::bad;

/// Go's `humanizeDuration` as the operator wrote it, over seconds.
pub(super) fn humanize(seconds: f64) -> String {
    let whole = seconds.max(0.0).floor() as u64;
    match whole {
        0..60 => format!("{whole}s"),
        60..3600 => format!("{}m", whole / 60),
        3600..86400 => format!("{}h", whole / 3600),
        _ => format!("{}d", whole / 86400),
    }
}

/// `formatTime` over an RFC 3339 timestamp with a Go layout (or a layout's name).
pub(super) fn format_time(timestamp: &str, layout: &str) -> Result<String, TemplateError> {
    if timestamp.is_empty() {
        return Ok(String::new());
    }
    let parsed: Timestamp = timestamp
        .parse()
        .map_err(|_| bad("formatTime", format!("{timestamp:?} is not a timestamp")))?;
    let zoned = parsed.to_zoned(TimeZone::UTC);
    let layout = match layout {
        "RFC3339" => return Ok(parsed.to_string()),
        "RFC1123" => "Mon, 02 Jan 2006 15:04:05 MST",
        "RFC822" => "02 Jan 06 15:04 MST",
        "Kitchen" => "3:04PM",
        "DateTime" => "2006-01-02 15:04:05",
        "DateOnly" => "2006-01-02",
        "TimeOnly" => "15:04:05",
        other => other,
    };
    Ok(zoned.strftime(&go_layout_to_strftime(layout)).to_string())
}

/// Translates Go's reference-time layout tokens into strftime directives.
fn go_layout_to_strftime(layout: &str) -> String {
    const TOKENS: [(&str, &str); 18] = [
        ("January", "%B"),
        ("Monday", "%A"),
        ("-07:00", "%:z"),
        ("-0700", "%z"),
        ("2006", "%Y"),
        ("Jan", "%b"),
        ("Mon", "%a"),
        ("MST", "%Z"),
        ("01", "%m"),
        ("02", "%d"),
        ("15", "%H"),
        ("03", "%I"),
        ("04", "%M"),
        ("05", "%S"),
        ("06", "%y"),
        ("PM", "%p"),
        ("3", "%-I"),
        ("%", "%%"),
    ];
    let mut out = String::new();
    let mut rest = layout;
    'outer: while let Some(character) = rest.chars().next() {
        for (token, directive) in TOKENS {
            if let Some(after) = rest.strip_prefix(token) {
                out.push_str(directive);
                rest = after;
                continue 'outer;
            }
        }
        out.push(character);
        rest = &rest[character.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_layouts_translate_to_strftime() {
        assert_eq!(
            go_layout_to_strftime("2006-01-02 15:04:05"),
            "%Y-%m-%d %H:%M:%S"
        );
        assert_eq!(
            format_time("2024-03-05T07:08:09Z", "Mon, 02 Jan 2006 15:04:05 MST")
                .expect("valid time"),
            "Tue, 05 Mar 2024 07:08:09 UTC"
        );
        assert_eq!(
            format_time("2024-03-05T07:08:09Z", "RFC3339").expect("valid time"),
            "2024-03-05T07:08:09Z"
        );
    }

    #[test]
    fn humanize_uses_the_largest_whole_unit() {
        assert_eq!(humanize(59.9), "59s");
        assert_eq!(humanize(125.0), "2m");
        assert_eq!(humanize(7200.0), "2h");
        assert_eq!(humanize(200000.0), "2d");
    }
}
