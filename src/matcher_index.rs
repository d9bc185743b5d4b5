//! The matcher's index of surface forms (see [`crate::matcher`] for how it is searched).
//!
//! Every distinct lower-case form is a pattern; patterns are grouped by their first segment
//! (the run of letters, of digits, or of non-ASCII bytes they open with, or their first other
//! byte), longest first within a group; the groups sit in an open-addressing table hashed with
//! FNV-1a. Everything is numbers in flat lists, so `build.rs` runs this same code over the
//! built-in lexicon and embeds the lists: a process with the built-in lexicon starts with its
//! index ready instead of building it (a quarter of start-up's work).
//!
//! This file is also compiled into `build.rs`: it names nothing of the crate but
//! `crate::fasthash`, which the build script includes too.

use crate::fasthash::{FastMap, Fnv};
use std::borrow::Cow;
use std::hash::Hasher;

/// One entry that owns a pattern, through one of its forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Owner {
    pub(crate) entry: u32,
    pub(crate) form: u32,
    pub(crate) cased: bool,
    pub(crate) ruled: bool,
}

/// An [`Owner`] from its fields, `flags` holding `cased` (1) and `ruled` (2): the short form
/// the embedded index is written in.
pub(crate) const fn owner(entry: u32, form: u32, flags: u8) -> Owner {
    Owner {
        entry,
        form,
        cased: flags & 1 != 0,
        ruled: flags & 2 != 0,
    }
}

/// A pattern in its first segment's group: what follows the segment, as far as its first eight
/// bytes go, in one word (`head`, compared under `mask`), and its whole length. A group is
/// tried by sweeping these side by side; the pattern's own bytes are read only when the head
/// matched and the pattern is longer than segment and head together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Slot {
    pub(crate) head: u64,
    pub(crate) mask: u64,
    pub(crate) pattern: u32,
    pub(crate) len: u32,
}

/// A [`Slot`] from its fields (see [`owner`]).
pub(crate) const fn slot(head: u64, mask: u64, pattern: u32, len: u32) -> Slot {
    Slot {
        head,
        mask,
        pattern,
        len,
    }
}

/// The patterns that open with one segment: `slots[start..end]`; the segment is the first
/// `key_len` bytes of the first of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Group {
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) key_len: u32,
}

/// A [`Group`] from its fields (see [`owner`]).
pub(crate) const fn group(start: u32, end: u32, key_len: u32) -> Group {
    Group { start, end, key_len }
}

/// The index: built by [`Index::build`], or embedded (every list borrowed from static data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Index {
    /// Every pattern's lower-case bytes, side by side.
    pub(crate) bytes: Cow<'static, [u8]>,
    /// Pattern → `(start, end)` of its bytes.
    pub(crate) patterns: Cow<'static, [(u32, u32)]>,
    /// Pattern → `(start, end)` of its owners in `owners`.
    pub(crate) owner_spans: Cow<'static, [(u32, u32)]>,
    /// The owners of each pattern side by side, in lexicon order.
    pub(crate) owners: Cow<'static, [Owner]>,
    /// The patterns by group, longest first within one.
    pub(crate) slots: Cow<'static, [Slot]>,
    pub(crate) groups: Cow<'static, [Group]>,
    /// Open addressing over `groups` (a power of two long, at most half full): 0 is empty,
    /// `g + 1` is group `g`.
    pub(crate) table: Cow<'static, [u32]>,
    /// Which (lower-case) bytes open some pattern.
    pub(crate) first: [bool; 256],
    /// Whether any pattern has a space in it.
    pub(crate) multi_word: bool,
    /// The longest first segment of any pattern: a longer run of letters opens none.
    pub(crate) longest_segment: usize,
}

/// FNV-1a of `bytes`: where a segment's group is looked for in the table.
fn hash(bytes: &[u8]) -> u64 {
    let mut h = Fnv::default();
    h.write(bytes);
    h.finish()
}

/// The end of the segment that opens at `p`: a run of ASCII letters, of digits, or of non-ASCII
/// bytes, or one other byte.
pub(crate) fn segment_end(b: &[u8], p: usize) -> usize {
    segment_end_within(b, p, b.len())
}

/// [`segment_end`], read no further than `limit`.
pub(crate) fn segment_end_within(b: &[u8], p: usize, limit: usize) -> usize {
    let c = b[p];
    let same = |x: u8| {
        if c.is_ascii_alphabetic() {
            x.is_ascii_alphabetic()
        } else if c.is_ascii_digit() {
            x.is_ascii_digit()
        } else {
            c >= 0x80 && x >= 0x80
        }
    };
    let limit = limit.min(b.len());
    let mut e = p + 1;
    while e < limit && same(b[e]) {
        e += 1;
    }
    e
}

/// Up to eight bytes from `b[p..]` as a little-endian word (zero-padded).
pub(crate) fn word_at(b: &[u8], p: usize) -> u64 {
    let mut w = [0u8; 8];
    let n = (b.len() - p).min(8);
    w[..n].copy_from_slice(&b[p..p + n]);
    u64::from_le_bytes(w)
}

impl Index {
    /// The index of `forms`: each form's text and owner, in lexicon order (empty texts are
    /// skipped).
    pub(crate) fn build(forms: &[(&str, Owner)]) -> Index {
        // Every form's lower-case key (a range of one buffer): one allocation for all the keys,
        // not one each.
        let size = forms.iter().map(|(t, _)| t.len()).sum();
        let mut bytes: Vec<u8> = Vec::with_capacity(size);
        let mut keys: Vec<(u32, u32, Owner)> = Vec::with_capacity(forms.len());
        for &(text, owner) in forms {
            if text.is_empty() {
                continue;
            }
            let start = bytes.len() as u32;
            bytes.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
            keys.push((start, bytes.len() as u32, owner));
        }
        let key = |s: u32, e: u32| &bytes[s as usize..e as usize];
        // One pattern per distinct key, numbered by first appearance.
        let mut of_form: Vec<u32> = Vec::with_capacity(keys.len());
        let mut introduced_by: Vec<usize> = Vec::new();
        {
            let mut ids: FastMap<&[u8], u32> =
                FastMap::with_capacity_and_hasher(keys.len(), Default::default());
            for (i, &(s, e, _)) in keys.iter().enumerate() {
                let next = introduced_by.len() as u32;
                let p = *ids.entry(key(s, e)).or_insert_with(|| {
                    introduced_by.push(i);
                    next
                });
                of_form.push(p);
            }
        }
        // The owners of each pattern side by side, in lexicon order.
        let mut starts = vec![0u32; introduced_by.len() + 1];
        for &p in &of_form {
            starts[p as usize + 1] += 1;
        }
        for p in 1..starts.len() {
            starts[p] += starts[p - 1];
        }
        let owner_spans: Vec<(u32, u32)> = starts.windows(2).map(|w| (w[0], w[1])).collect();
        let mut cursor = starts;
        let mut owners = vec![owner(0, 0, 0); keys.len()];
        for (i, &(_, _, o)) in keys.iter().enumerate() {
            let p = of_form[i] as usize;
            owners[cursor[p] as usize] = o;
            cursor[p] += 1;
        }
        // Each pattern is the key of the form that introduced it.
        let patterns: Vec<(u32, u32)> = introduced_by.iter().map(|&i| (keys[i].0, keys[i].1)).collect();
        drop(keys);
        let get = |p: usize| key(patterns[p].0, patterns[p].1);
        let mut first = [false; 256];
        for &(s, _) in &patterns {
            first[bytes[s as usize] as usize] = true;
        }
        let multi_word = (0..patterns.len()).any(|p| get(p).contains(&b' '));
        // Patterns by first segment, longest first within one, as index ranges.
        let ends: Vec<usize> = (0..patterns.len()).map(|p| segment_end(get(p), 0)).collect();
        let segment = |p: u32| &get(p as usize)[..ends[p as usize]];
        // Grouped by a hash of the first segment (a sort of all the patterns cost more than the
        // rest of the build), then longest first within a group, in pattern order at equal
        // length.
        let mut group_of: FastMap<&[u8], u32> =
            FastMap::with_capacity_and_hasher(patterns.len(), Default::default());
        let mut sizes: Vec<u32> = Vec::new();
        let group_ids: Vec<u32> = (0..patterns.len() as u32)
            .map(|p| {
                let g = *group_of.entry(segment(p)).or_insert_with(|| {
                    sizes.push(0);
                    sizes.len() as u32 - 1
                });
                sizes[g as usize] += 1;
                g
            })
            .collect();
        let longest_segment = group_of.keys().map(|k| k.len()).max().unwrap_or(0);
        drop(group_of);
        let mut starts = Vec::with_capacity(sizes.len() + 1);
        let mut total = 0u32;
        for n in &sizes {
            starts.push(total);
            total += n;
        }
        starts.push(total);
        let mut cursor = starts.clone();
        let mut order = vec![0u32; patterns.len()];
        for (p, &g) in group_ids.iter().enumerate() {
            order[cursor[g as usize] as usize] = p as u32;
            cursor[g as usize] += 1;
        }
        for w in starts.windows(2) {
            // Stable: equal lengths keep pattern order.
            order[w[0] as usize..w[1] as usize].sort_by_key(|&p| std::cmp::Reverse(get(p as usize).len()));
        }
        let slots: Vec<Slot> = order
            .iter()
            .map(|&p| {
                let b = get(p as usize);
                let seg = ends[p as usize];
                let n = (b.len() - seg).min(8);
                slot(
                    word_at(b, seg),
                    if n == 8 { u64::MAX } else { (1u64 << (8 * n)) - 1 },
                    p,
                    b.len() as u32,
                )
            })
            .collect();
        let groups: Vec<Group> = starts
            .windows(2)
            .map(|w| group(w[0], w[1], ends[order[w[0] as usize] as usize] as u32))
            .collect();
        let mut table = vec![0u32; (groups.len() * 2).next_power_of_two()];
        let mask = table.len() - 1;
        for (g, gr) in groups.iter().enumerate() {
            let p = order[gr.start as usize] as usize;
            let mut i = hash(&get(p)[..gr.key_len as usize]) as usize & mask;
            while table[i] != 0 {
                i = (i + 1) & mask;
            }
            table[i] = g as u32 + 1;
        }
        Index {
            bytes: Cow::Owned(bytes),
            patterns: Cow::Owned(patterns),
            owner_spans: Cow::Owned(owner_spans),
            owners: Cow::Owned(owners),
            slots: Cow::Owned(slots),
            groups: Cow::Owned(groups),
            table: Cow::Owned(table),
            first,
            multi_word,
            longest_segment,
        }
    }

    /// How many patterns there are.
    pub(crate) fn len(&self) -> usize {
        self.patterns.len()
    }

    /// Pattern `p`'s lower-case bytes.
    pub(crate) fn pattern(&self, p: usize) -> &[u8] {
        let (s, e) = self.patterns[p];
        &self.bytes[s as usize..e as usize]
    }

    /// The owners of pattern `p`.
    pub(crate) fn owners_of(&self, p: u32) -> &[Owner] {
        let (s, e) = self.owner_spans[p as usize];
        &self.owners[s as usize..e as usize]
    }

    /// The patterns whose first segment is `segment`, longest first.
    pub(crate) fn group(&self, segment: &[u8]) -> Option<&[Slot]> {
        let mask = self.table.len() - 1;
        let mut i = hash(segment) as usize & mask;
        loop {
            let g = *self.table.get(i)?;
            if g == 0 {
                return None;
            }
            let gr = self.groups[g as usize - 1];
            let slots = &self.slots[gr.start as usize..gr.end as usize];
            if gr.key_len as usize == segment.len()
                && self.pattern(slots[0].pattern as usize)[..segment.len()] == *segment
            {
                return Some(slots);
            }
            i = (i + 1) & mask;
        }
    }
}
