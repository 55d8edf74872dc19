//! Folding duplicates with one row of memory. The source is read ordered by the stable
//! key, so every copy of a run (the Go operator recorded finished Jobs again after each
//! restart) arrives next to the others: comparing with the previous row is enough, and
//! memory stays flat however many rows stream through.

/// Keeps the pending item until one with another key arrives.
#[derive(Debug)]
pub struct Folder<T> {
    pending: Option<T>,
    key: fn(&T) -> &str,
    prefer: fn(&T, &T) -> bool,
    /// Copies folded into an earlier item of the same key.
    pub duplicates: u64,
}

impl<T> Folder<T> {
    /// `key` names an item; `prefer(new, kept)` says whether a copy replaces the kept one.
    pub fn new(key: fn(&T) -> &str, prefer: fn(&T, &T) -> bool) -> Self {
        Self {
            pending: None,
            key,
            prefer,
            duplicates: 0,
        }
    }

    /// Takes the next item; returns the previous key's item once it is complete.
    pub fn push(&mut self, item: T) -> Option<T> {
        match self.pending.take() {
            Some(kept) if (self.key)(&kept) == (self.key)(&item) => {
                self.duplicates += 1;
                self.pending = Some(if (self.prefer)(&item, &kept) {
                    item
                } else {
                    kept
                });
                None
            }
            previous => {
                self.pending = Some(item);
                previous
            }
        }
    }

    /// The last item, at the end of the stream.
    pub fn finish(&mut self) -> Option<T> {
        self.pending.take()
    }
}

/// Of two copies of one run, the one that knows more wins: a completion time, then
/// an exit code or reason; otherwise the first recorded stays.
pub fn richer_execution(new: &guardian_core::Execution, kept: &guardian_core::Execution) -> bool {
    let score = |execution: &guardian_core::Execution| {
        (
            execution.completed_at.is_some(),
            execution.exit_code.is_some() || execution.reason.is_some(),
        )
    };
    score(new) > score(kept)
}

/// Of two copies of one alert, a resolved one wins; otherwise the first stays.
pub fn richer_alert(new: &guardian_core::AlertRecord, kept: &guardian_core::AlertRecord) -> bool {
    new.resolved_at.is_some() && kept.resolved_at.is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_key(folder: &mut Folder<(String, u32)>, items: &[(&str, u32)]) -> Vec<(String, u32)> {
        let mut out: Vec<_> = items
            .iter()
            .filter_map(|(key, value)| folder.push(((*key).to_owned(), *value)))
            .collect();
        out.extend(folder.finish());
        out
    }

    #[test]
    fn adjacent_copies_fold_into_one_and_are_counted() {
        let mut folder: Folder<(String, u32)> =
            Folder::new(|item| item.0.as_str(), |new, kept| new.1 > kept.1);
        let out = by_key(
            &mut folder,
            &[("a", 1), ("a", 3), ("a", 2), ("b", 1), ("c", 5), ("c", 4)],
        );
        assert_eq!(out, vec![("a".into(), 3), ("b".into(), 1), ("c".into(), 5)]);
        assert_eq!(folder.duplicates, 3);
    }

    #[test]
    fn an_empty_stream_yields_nothing() {
        let mut folder: Folder<(String, u32)> = Folder::new(|item| item.0.as_str(), |_, _| true);
        assert_eq!(by_key(&mut folder, &[]), vec![]);
        assert_eq!(folder.duplicates, 0);
    }
}
