//! The byte format of index entries: a length-prefixed, order-preserving key (the
//! parts joined by a 0 byte) followed by the view's other fields as `postcard`
//! bytes (varints, length-prefixed strings). A watched object costs ~100 bytes in
//! one allocation this way instead of ~1 KiB spread over a dozen (issue 7: RSS at
//! 100k Jobs and 100k Pods); see `BENCHMARKS.md`, scale.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// One index entry: the key's length (4 bytes, little-endian), the key, then the
/// fields the key does not hold. The key is the parts joined by a 0 byte (no
/// Kubernetes name contains one), so entries order as the parts' tuple does.
pub(crate) fn entry(key: &[&str], value: &impl Serialize) -> Box<[u8]> {
    let mut bytes = vec![0; 4];
    bytes.extend_from_slice(&key_bytes(key));
    let key_length = u32::try_from(bytes.len() - 4).unwrap_or(u32::MAX);
    bytes[..4].copy_from_slice(&key_length.to_le_bytes());
    let bytes = postcard::to_extend(value, bytes)
        .expect("views hold only sized fields, which postcard always writes to a Vec");
    bytes.into_boxed_slice()
}

/// Key parts joined by a 0 byte.
pub(crate) fn key_bytes(parts: &[&str]) -> Vec<u8> {
    let length = parts.iter().map(|part| part.len() + 1).sum();
    let mut bytes = Vec::with_capacity(length);
    for (index, part) in parts.iter().enumerate() {
        if index > 0 {
            bytes.push(0);
        }
        bytes.extend_from_slice(part.as_bytes());
    }
    bytes
}

/// The key of an entry made by [`entry`] (empty for a malformed one).
pub(crate) fn entry_key(entry: &[u8]) -> &[u8] {
    split_entry(entry).map_or(&[], |(key, _)| key)
}

fn split_entry(entry: &[u8]) -> Option<(&[u8], &[u8])> {
    let (length, rest) = entry.split_first_chunk::<4>()?;
    let length = usize::try_from(u32::from_le_bytes(*length)).ok()?;
    rest.split_at_checked(length)
}

/// The `N` key parts of an entry and its decoded value; `None` for malformed bytes
/// (including bytes left over after the value).
pub(crate) fn open<const N: usize, T: DeserializeOwned>(entry: &[u8]) -> Option<([&str; N], T)> {
    let (key, rest) = split_entry(entry)?;
    let mut parts = key.splitn(N, |byte| *byte == 0);
    let mut texts = [""; N];
    for text in &mut texts {
        *text = std::str::from_utf8(parts.next()?).ok()?;
    }
    let (value, left) = postcard::take_from_bytes(rest).ok()?;
    left.is_empty().then_some((texts, value))
}

/// The namespace of an entry key: every key starts with it.
pub(crate) fn key_namespace(key: &[u8]) -> &[u8] {
    key.split(|byte| *byte == 0).next().unwrap_or_default()
}
