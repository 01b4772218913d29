//! Parsing of the alias table (`data/aliases.txt`): `alias<TAB>canonical` lines.

/// The compiled-in alias table.
pub(crate) const ALIASES: &str = include_str!("data/aliases.txt");

/// Iterates over `(alias, canonical)` pairs of an alias table, skipping `#` comments and blank lines.
pub(crate) fn parse_aliases(data: &str) -> impl Iterator<Item = (&str, &str)> {
    data.lines()
        .map(str::trim_end)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let (alias, canonical) = line.split_once('\t')?;
            let (alias, canonical) = (alias.trim(), canonical.trim());
            if alias.is_empty() || canonical.is_empty() {
                None
            } else {
                Some((alias, canonical))
            }
        })
}
