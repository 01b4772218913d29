//! Making user-controlled text safe to print on a terminal.

use std::borrow::Cow;

/// Returns `text` with control, bidirectional-override and zero-width
/// characters replaced by U+FFFD, so a hostile title or file name cannot move
/// the cursor, recolour the terminal or reorder what a reader sees. Borrowed when
/// nothing needed replacing.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_unsafe(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn replaces_escapes_and_bidi() {
        assert_eq!(sanitize("a\x1b[31mb"), "a\u{FFFD}[31mb");
        assert_eq!(sanitize("x\u{202E}y"), "x\u{FFFD}y");
        assert!(matches!(
            sanitize("Korea Utara"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
