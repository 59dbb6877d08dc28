//! The files of the static index: sorted entries grouped into shards of about the same size,
//! and each file compressed at build time (gzip), which the browser opens itself, so that a
//! host that compresses nothing still sends few bytes.
//!
//! Shards grow with the site so that a language's index keeps to a bounded number of files:
//! a shard holds at least its kind's smallest size, and more when the kind would otherwise
//! need more than its number of files.

use std::io::Write;

use flate2::Compression;
use flate2::write::GzEncoder;

/// How a kind of file is cut: its smallest size in bytes (before compression), and the most
/// files it may take in one language.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cut {
    /// The size a shard grows to before the next one starts, when the site is small.
    pub(super) smallest: usize,
    /// The most shards of this kind.
    pub(super) most: usize,
}

impl Cut {
    /// The size a shard grows to for entries of `total` bytes in all. Two shards in a row
    /// hold more than that together (else they would be one), so there are at most `most`.
    fn target(self, total: usize) -> usize {
        self.smallest
            .max((2 * total).div_ceil(self.most.saturating_sub(1).max(1)))
    }

    /// How many of `count` items of about the same size go in each file.
    pub(super) fn per_file(self, count: usize) -> usize {
        count.div_ceil(self.most.max(1)).max(1)
    }
}

/// Groups sorted entries (key, bytes) into shards of about the size `cut` gives, each the
/// concatenation of its entries' bytes: (first key, bytes). There is always one shard.
pub(super) fn group(entries: Vec<(String, Vec<u8>)>, cut: Cut) -> Vec<(String, Vec<u8>)> {
    let total = entries.iter().map(|(_, bytes)| bytes.len()).sum();
    let target = cut.target(total);
    let mut shards: Vec<(String, Vec<u8>)> = Vec::new();
    for (key, bytes) in entries {
        match shards.last_mut() {
            Some((_, shard)) if shard.len() + bytes.len() <= target => shard.extend(bytes),
            _ => shards.push((key, bytes)),
        }
    }
    if shards.is_empty() {
        shards.push((String::new(), Vec::new()));
    }
    shards
}

/// The JSON array of pre-written JSON values.
pub(super) fn json_array<'a>(values: impl Iterator<Item = &'a [u8]>) -> Vec<u8> {
    let mut array = vec![b'['];
    for value in values {
        if array.len() > 1 {
            array.push(b',');
        }
        array.extend_from_slice(value);
    }
    array.push(b']');
    array
}

/// `bytes` compressed with gzip, the same for the same bytes (no name, no date). The level
/// is zlib's 2: files about 10% larger than at its default 6, made four times faster.
pub(super) fn gzip(bytes: &[u8]) -> Vec<u8> {
    let level = Compression::new(2);
    let mut encoder = GzEncoder::new(Vec::with_capacity(bytes.len() / 3 + 32), level);
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn entries(n: usize) -> Vec<(String, Vec<u8>)> {
        (0..n)
            .map(|i| (format!("w{i:03}"), vec![b'x'; 10]))
            .collect()
    }

    #[test]
    fn shards_start_at_their_first_key_and_stay_near_the_target() {
        let shards = group(
            entries(100),
            Cut {
                smallest: 100,
                most: 1000,
            },
        );
        assert_eq!(shards.len(), 10);
        assert_eq!(shards[0].0, "w000");
        assert_eq!(shards[1].0, "w010");
        assert!(shards.iter().all(|(_, bytes)| bytes.len() == 100));
    }

    #[test]
    fn shards_grow_to_keep_within_their_number_of_files() {
        let cut = |smallest, most| Cut { smallest, most };
        assert!(group(entries(100), cut(10, 4)).len() <= 4);
        let mut uneven = entries(100);
        for (n, (_, bytes)) in uneven.iter_mut().enumerate() {
            bytes.resize(if n % 3 == 0 { 400 } else { 1 }, b'x');
        }
        for most in [2, 5, 17, 60] {
            assert!(group(uneven.clone(), cut(1, most)).len() <= most, "{most}");
        }
        assert_eq!(cut(1, 4).per_file(10), 3);
        assert_eq!(cut(1, 400).per_file(10), 1);
    }

    #[test]
    fn an_empty_index_still_has_one_shard() {
        let cut = Cut {
            smallest: 10,
            most: 4,
        };
        assert_eq!(group(Vec::new(), cut), [(String::new(), Vec::new())]);
    }

    #[test]
    fn compressed_files_open_again_and_are_reproducible() {
        let text = json_array([&b"{\"t\":1}"[..], b"2"].into_iter()).repeat(50);
        let packed = gzip(&text);
        assert_eq!(&packed[..2], [0x1f, 0x8b]);
        assert!(packed.len() < text.len() / 5);
        assert_eq!(packed, gzip(&text));
        let mut opened = Vec::new();
        flate2::read::GzDecoder::new(&packed[..])
            .read_to_end(&mut opened)
            .unwrap();
        assert_eq!(opened, text);
    }
}
