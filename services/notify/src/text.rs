//! Small text helpers shared by the message builders: bounded excerpts and escaping for
//! Slack mrkdwn and HTML.

/// At most `max_chars` characters of `text`, cut at a character boundary, with `…` when cut.
pub(crate) fn truncate(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        None => text.to_owned(),
        Some((cut, _)) => {
            let mut excerpt = text[..cut].to_owned();
            excerpt.push('…');
            excerpt
        }
    }
}

/// The last `max_chars` characters of `text` (log tails keep their end), with `…` in front
/// when cut.
pub(crate) fn tail(text: &str, max_chars: usize) -> String {
    let total = text.chars().count();
    if total <= max_chars {
        return text.to_owned();
    }
    let skip = total - max_chars;
    let start = text
        .char_indices()
        .nth(skip)
        .map_or(text.len(), |(index, _)| index);
    format!("…{}", &text[start..])
}

/// Escapes the three characters Slack's mrkdwn treats as control characters.
pub(crate) fn slack_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Escapes text for HTML element content and attribute values.
pub(crate) fn html_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            other => escaped.push(other),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_cuts_at_character_boundaries() {
        assert_eq!(truncate("héllo", 2), "hé…");
        assert_eq!(truncate("hé", 2), "hé");
    }

    #[test]
    fn tail_keeps_the_end_of_a_log() {
        assert_eq!(tail("line1\nline2", 5), "…line2");
        assert_eq!(tail("short", 10), "short");
    }

    #[test]
    fn escaping_neutralises_markup() {
        assert_eq!(slack_escape("<!here> & co"), "&lt;!here&gt; &amp; co");
        assert_eq!(
            html_escape("<b>\"x\" & 'y'</b>"),
            "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"
        );
    }
}
