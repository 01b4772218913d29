//! Lower-casing into a reused buffer, shared by the analyzers and the entity
//! extractor.

/// Appends `word` to `out` in lower case: ASCII byte by byte, anything else
/// character by character (`char::to_lowercase`, as tantivy's `LowerCaser`).
#[inline]
pub(crate) fn push_lowercase(out: &mut String, word: &str) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        for c in word.chars() {
            out.extend(c.to_lowercase());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_ascii_and_unicode_in_lower_case() {
        let mut out = String::from("x ");
        push_lowercase(&mut out, "PBB");
        push_lowercase(&mut out, " ÉLYSÉE");
        assert_eq!(out, "x pbb élysée");
    }
}
