//! Opening inputs and outputs, compressed or not (`.gz`, `.zst`, or `--decompress`).

use clap::ValueEnum;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;

/// A compression format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Compression {
    /// None.
    None,
    /// gzip (`.gz`).
    Gzip,
    /// Zstandard (`.zst`).
    Zstd,
}

impl Compression {
    /// The compression a file name's extension says.
    pub fn of(path: &Path) -> Compression {
        match path.extension().and_then(|x| x.to_str()) {
            Some("gz" | "gzip") => Compression::Gzip,
            Some("zst" | "zstd") => Compression::Zstd,
            _ => Compression::None,
        }
    }
}

/// An input stream: a file (`None` or `-` for stdin), decompressed as `forced` or as its
/// extension says. Also returns the size on disk when known (for the progress bar's ETA).
pub fn open_input(
    path: Option<&Path>,
    forced: Option<Compression>,
) -> io::Result<(Box<dyn BufRead + Send>, Option<u64>)> {
    let (raw, size, by_name): (Box<dyn Read + Send>, Option<u64>, Compression) = match path {
        None => (Box::new(io::stdin()), None, Compression::None),
        Some(p) if p.as_os_str() == "-" => (Box::new(io::stdin()), None, Compression::None),
        Some(p) => {
            let f = File::open(p).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", p.display())))?;
            let size = f.metadata().ok().map(|m| m.len());
            (Box::new(f), size, Compression::of(p))
        }
    };
    let compression = forced.unwrap_or(by_name);
    let reader: Box<dyn BufRead + Send> = match compression {
        Compression::None => Box::new(BufReader::with_capacity(1 << 20, raw)),
        Compression::Gzip => Box::new(BufReader::with_capacity(
            1 << 20,
            flate2::read::MultiGzDecoder::new(raw),
        )),
        Compression::Zstd => Box::new(BufReader::with_capacity(1 << 20, zstd::Decoder::new(raw)?)),
    };
    // A compressed size says little about how far the text goes: no ETA then.
    let size = if compression == Compression::None {
        size
    } else {
        None
    };
    Ok((reader, size))
}

/// An output stream: stdout, or a file compressed as its extension says. Compressed streams
/// are finished when the returned writer is dropped.
pub fn open_output(path: Option<&Path>) -> io::Result<Box<dyn Write>> {
    let Some(p) = path.filter(|p| p.as_os_str() != "-") else {
        return Ok(Box::new(BufWriter::with_capacity(1 << 20, io::stdout().lock())));
    };
    let f = File::create(p).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", p.display())))?;
    let f = BufWriter::with_capacity(1 << 20, f);
    Ok(match Compression::of(p) {
        Compression::None => Box::new(f),
        Compression::Gzip => Box::new(flate2::write::GzEncoder::new(f, flate2::Compression::default())),
        Compression::Zstd => Box::new(zstd::Encoder::new(f, 3)?.auto_finish()),
    })
}
