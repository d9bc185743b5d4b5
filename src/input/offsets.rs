//! The map from normalised text offsets back to source byte offsets.

/// A stretch of normalised text and the source bytes it came from. When both lengths are equal
/// the stretch maps byte for byte; otherwise (an entity, an escape, a replaced byte) it maps as
/// one lump.
#[derive(Debug, Clone, Copy)]
struct Run {
    norm: usize,
    src: usize,
    norm_len: usize,
    src_len: usize,
}

/// Maps normalised offsets to source offsets. Text between runs (separators the input stage
/// inserted) maps to the end of the run before it.
#[derive(Debug, Clone, Default)]
pub(crate) struct OffsetMap {
    runs: Vec<Run>,
    identity: bool,
}

/// Builds an [`OffsetMap`] from runs pushed in order.
pub(crate) struct OffsetMapBuilder {
    runs: Vec<Run>,
}

impl OffsetMapBuilder {
    /// Normalised `norm..norm+len` is source `src..src+len`, byte for byte.
    pub(crate) fn linear(&mut self, norm: usize, src: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.runs.last_mut()
            && last.norm_len == last.src_len
            && last.norm + last.norm_len == norm
            && last.src + last.src_len == src
        {
            last.norm_len += len;
            last.src_len += len;
            return;
        }
        self.runs.push(Run {
            norm,
            src,
            norm_len: len,
            src_len: len,
        });
    }

    /// Normalised `norm..norm+norm_len` came from source `src..src+src_len` as a whole.
    pub(crate) fn lump(&mut self, norm: usize, norm_len: usize, src: usize, src_len: usize) {
        if norm_len == src_len {
            return self.linear(norm, src, norm_len);
        }
        self.runs.push(Run {
            norm,
            src,
            norm_len,
            src_len,
        });
    }

    pub(crate) fn finish(self) -> OffsetMap {
        OffsetMap {
            runs: self.runs,
            identity: false,
        }
    }
}

impl OffsetMap {
    pub(crate) fn identity() -> OffsetMap {
        OffsetMap {
            runs: Vec::new(),
            identity: true,
        }
    }

    pub(crate) fn builder() -> OffsetMapBuilder {
        OffsetMapBuilder { runs: Vec::new() }
    }

    /// The source offset where a span starting at normalised `n` starts.
    pub(crate) fn start(&self, n: usize) -> usize {
        if self.identity {
            return n;
        }
        let i = self.runs.partition_point(|r| r.norm <= n);
        let Some(r) = i.checked_sub(1).map(|i| self.runs[i]) else {
            return self.runs.first().map_or(n, |r| r.src);
        };
        if n < r.norm + r.norm_len {
            if r.norm_len == r.src_len {
                r.src + (n - r.norm)
            } else {
                r.src
            }
        } else {
            // In a gap after this run: the next run's start is where the text resumes.
            self.runs.get(i).map_or(r.src + r.src_len, |next| next.src)
        }
    }

    /// The source offset where a span ending (exclusively) at normalised `n` ends.
    pub(crate) fn end(&self, n: usize) -> usize {
        if self.identity {
            return n;
        }
        let i = self.runs.partition_point(|r| r.norm < n);
        let Some(r) = i.checked_sub(1).map(|i| self.runs[i]) else {
            return self.runs.first().map_or(n, |r| r.src);
        };
        if n <= r.norm + r.norm_len {
            if r.norm_len == r.src_len {
                r.src + (n - r.norm)
            } else {
                r.src + r.src_len
            }
        } else {
            r.src + r.src_len
        }
    }

    /// [`end`](Self::end) when `is_end`, else [`start`](Self::start).
    pub(crate) fn at(&self, n: usize, is_end: bool) -> usize {
        if is_end { self.end(n) } else { self.start(n) }
    }
}

/// What a piece of text that [`rewrite`] replaces reads as.
pub(crate) enum Piece {
    Char(char),
    Str(&'static str),
}

/// `text` with pieces replaced: `next(from)` finds the first piece to replace at or after byte
/// `from`, as its start, its length and what it reads as; the text between pieces is copied.
/// Returns the new text, the map back to `text` (each piece maps as a whole), and how many
/// pieces were replaced; `None` when there was none.
pub(crate) fn rewrite(
    text: &str,
    mut next: impl FnMut(usize) -> Option<(usize, usize, Piece)>,
) -> Option<(String, OffsetMap, usize)> {
    let mut found = next(0)?;
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::builder();
    let mut copied = 0;
    let mut count = 0;
    loop {
        let (at, len, piece) = found;
        map.linear(out.len(), copied, at - copied);
        out.push_str(&text[copied..at]);
        let from = out.len();
        match piece {
            Piece::Char(c) => out.push(c),
            Piece::Str(s) => out.push_str(s),
        }
        // A piece read as nothing leaves a gap in the source: spans around it skip it.
        map.lump(from, out.len() - from, at, len);
        count += 1;
        copied = at + len;
        match next(copied) {
            Some(f) => found = f,
            None => break,
        }
    }
    map.linear(out.len(), copied, text.len() - copied);
    out.push_str(&text[copied..]);
    Some((out, map.finish(), count))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_runs_merge_and_map_both_ends() {
        let mut b = OffsetMap::builder();
        b.linear(0, 10, 4);
        b.linear(4, 14, 3);
        b.lump(7, 1, 17, 5); // "&amp;" -> "&"
        b.linear(9, 30, 4); // gap at 8 (a separator)
        let m = b.finish();
        assert_eq!(m.runs.len(), 3);
        assert_eq!((m.start(0), m.end(7)), (10, 17));
        assert_eq!((m.start(7), m.end(8)), (17, 22));
        assert_eq!(m.start(8), 30);
        assert_eq!((m.start(9), m.end(13)), (30, 34));
    }

    #[test]
    fn identity_maps_to_itself() {
        let m = OffsetMap::identity();
        assert_eq!((m.start(5), m.end(9)), (5, 9));
    }
}
