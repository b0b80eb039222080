//! The zip package of a DOCX file: reading parts within limits, writing parts deflated.

use std::cell::Cell;
use std::io::{Cursor, Read, Seek, Write};

use zip::ZipArchive;
use zip::write::SimpleFileOptions;

use crate::{Error, Format, ReadOptions, Result};

fn err(part: &str, message: impl Into<String>) -> Error {
    Error::Syntax {
        format: Format::Docx,
        at: crate::Location::part(part),
        message: message.into(),
    }
}

/// The error for a part a DOCX file must have.
pub(crate) fn missing(name: &str) -> Error {
    err(
        name,
        "the package has no such part (is this a Word document?)",
    )
}

/// A package open for reading. Parts are inflated on demand, each within
/// [`ReadOptions::max_part_bytes`] and all together within [`ReadOptions::max_total_bytes`],
/// counting the bytes that actually come out of the inflater.
pub(crate) struct Package<'a> {
    zip: std::cell::RefCell<ZipArchive<Cursor<&'a [u8]>>>,
    bytes: &'a [u8],
    /// One inflater for every part (reset, not made anew: it holds a 32 KiB window).
    inflater: std::cell::RefCell<Option<flate2::Decompress>>,
    options: ReadOptions,
    total: Cell<u64>,
}

/// What [`Package::inflate_held`] made of a part.
enum Held {
    /// The package has no such part.
    Missing,
    /// The part, inflated and checked.
    Read(Vec<u8>),
    /// Not a plain deflated part (stored, encrypted, another method): read through zip's
    /// reader instead.
    Other,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8], options: &ReadOptions) -> Result<Package<'a>> {
        if !bytes.starts_with(b"PK") {
            return Err(err(
                "package",
                "not a zip file (a DOCX file is a zip package)",
            ));
        }
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| err("package", format!("unreadable zip: {e}")))?;
        if zip.len() > options.max_zip_entries {
            return Err(Error::Limit {
                format: Format::Docx,
                at: crate::Location::part("package"),
                what: "number of zip entries",
                limit: options.max_zip_entries as u64,
                option: "max_zip_entries",
            });
        }
        Ok(Package {
            zip: std::cell::RefCell::new(zip),
            bytes,
            inflater: std::cell::RefCell::new(None),
            options: options.clone(),
            total: Cell::new(0),
        })
    }

    /// A part's bytes, or `None` when the package has no such part.
    pub fn part(&self, name: &str) -> Result<Option<Vec<u8>>> {
        match self.inflate_held(name)? {
            Held::Missing => return Ok(None),
            Held::Read(out) => return Ok(Some(out)),
            Held::Other => {}
        }
        let mut zip = self.zip.borrow_mut();
        let mut file = match zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(err(name, format!("cannot open the part: {e}"))),
        };
        let (cap, read_cap) = self.caps(file.compressed_size());
        // The declared size sizes the buffer once (grown by doubling, a buffer would hold up
        // to twice the part), within the limits just computed; the limits themselves are
        // enforced on what actually comes out of the inflater.
        let hint = file.size().min(read_cap).saturating_add(1);
        let mut out = Vec::with_capacity(usize::try_from(hint).unwrap_or(0));
        (&mut file)
            .take(read_cap.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| err(name, format!("cannot inflate the part: {e}")))?;
        self.check(name, out.len() as u64, cap, read_cap)?;
        Ok(Some(out))
    }

    /// Inflates a deflated part in one call from the package's bytes, into a buffer of its
    /// declared size, within the same limits as zip's reader and with the same checksum
    /// check. (Through zip's reader each part was copied through a buffer of compressed
    /// bytes and a zeroed output buffer, in read calls of a few kilobytes, with a new
    /// inflater each time: a fifth of the time spent inflating sample 02.)
    fn inflate_held(&self, name: &str) -> Result<Held> {
        use flate2::{FlushDecompress, Status};
        let (start, compressed, declared, crc) = {
            let mut zip = self.zip.borrow_mut();
            let Some(index) = zip.index_for_name(name) else {
                return Ok(Held::Missing);
            };
            let Ok(file) = zip.by_index_raw(index) else {
                return Ok(Held::Other);
            };
            if file.encrypted() || file.compression() != zip::CompressionMethod::Deflated {
                return Ok(Held::Other);
            }
            let Some(start) = file.data_start() else {
                return Ok(Held::Other);
            };
            (start, file.compressed_size(), file.size(), file.crc32())
        };
        let input = usize::try_from(start)
            .ok()
            .zip(usize::try_from(compressed).ok())
            .and_then(|(s, n)| self.bytes.get(s..s.checked_add(n)?));
        let Some(input) = input else {
            return Ok(Held::Other);
        };
        let (cap, read_cap) = self.caps(compressed);
        // Reading stops one byte past `read_cap`: enough to tell the part is too large.
        let stop = usize::try_from(read_cap.saturating_add(1)).unwrap_or(usize::MAX);
        let hint = usize::try_from(declared.min(read_cap).saturating_add(1)).unwrap_or(stop);
        let mut out: Vec<u8> = Vec::with_capacity(hint.min(stop));
        let mut inflater = self.inflater.borrow_mut();
        let d = inflater.get_or_insert_with(|| flate2::Decompress::new(false));
        d.reset(false);
        let failed = |m: String| err(name, format!("cannot inflate the part: {m}"));
        loop {
            if out.len() >= stop {
                break; // (refused by `check` below)
            }
            if out.len() == out.capacity() {
                // A part larger than it says: grown by doubling, up to the stop.
                let more = out.capacity().max(64 << 10).min(stop - out.len());
                out.reserve_exact(more);
            }
            let used = usize::try_from(d.total_in()).unwrap_or(input.len());
            let rest = input.get(used..).unwrap_or_default();
            let status = d
                .decompress_vec(rest, &mut out, FlushDecompress::Finish)
                .map_err(|e| failed(e.to_string()))?;
            if status == Status::StreamEnd {
                break;
            }
            if out.len() < out.capacity() {
                // Room left and no end: the compressed data ran out.
                return Err(failed("the compressed data ends early".into()));
            }
        }
        self.check(name, out.len() as u64, cap, read_cap)?;
        if crc32fast::hash(&out) != crc {
            return Err(failed("invalid checksum".into()));
        }
        Ok(Held::Read(out))
    }

    /// The size a part says it has uncompressed (0 when there is no such part): a hint
    /// only; the limits are checked on what is inflated.
    pub fn declared_size(&self, name: &str) -> u64 {
        // (Raw: zip's `by_name` would set up an inflater, and its window, only to be asked a
        // size.)
        let mut zip = self.zip.borrow_mut();
        zip.index_for_name(name)
            .and_then(|i| zip.by_index_raw(i).ok().map(|f| f.size()))
            .unwrap_or(0)
    }

    /// Hands a part to `read` as a stream, inflated as it is read, never held whole: within
    /// the same limits as [`Package::part`] (a part past them is refused, whatever `read`
    /// made of it cut short). `None` when the package has no such part.
    pub fn stream<T>(
        &self,
        name: &str,
        read: impl FnOnce(&mut dyn Read) -> Result<T>,
    ) -> Result<Option<T>> {
        // (A second handle on the same package: the parts' table is shared, and other parts
        // can be read while this one streams.)
        let mut zip = self.zip.borrow().clone();
        let file = match zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(err(name, format!("cannot open the part: {e}"))),
        };
        let (cap, read_cap) = self.caps(file.compressed_size());
        let mut counted = crate::xml::CountRead {
            inner: file.take(read_cap.saturating_add(1)),
            read: 0,
            failed: None,
        };
        let result = read(&mut counted);
        self.check(name, counted.read, cap, read_cap)?;
        if let Some(e) = counted.failed {
            return Err(err(name, format!("cannot inflate the part: {e}")));
        }
        result.map(Some)
    }

    /// The most a part may inflate to, and the most to read of it (one byte past either
    /// tells it is too large): never trusting its declared size, within what is left of
    /// the package's total, and at most `max_inflate_ratio` times its compressed size
    /// (past a floor), so that a zip bomb is stopped before seconds of inflating.
    fn caps(&self, compressed: u64) -> (u64, u64) {
        let part_limit = self.options.max_part_bytes;
        let left = self
            .options
            .max_total_bytes
            .saturating_sub(self.total.get());
        let cap = part_limit.min(left);
        let by_ratio = compressed
            .saturating_mul(self.options.max_inflate_ratio)
            .max(RATIO_FLOOR);
        (cap, cap.min(by_ratio))
    }

    /// Refuses a part that inflated to `n` bytes past its caps; counts it in the total.
    fn check(&self, name: &str, n: u64, cap: u64, read_cap: u64) -> Result<()> {
        if n > read_cap && read_cap < cap {
            return Err(Error::Limit {
                format: Format::Docx,
                at: crate::Location::part(name),
                what: "ratio of a part's uncompressed to compressed size (a zip bomb?)",
                limit: self.options.max_inflate_ratio,
                option: "max_inflate_ratio",
            });
        }
        if n > cap {
            let part_limit = self.options.max_part_bytes;
            let (what, limit, option) = if cap == part_limit {
                ("uncompressed size of a part", part_limit, "max_part_bytes")
            } else {
                (
                    "uncompressed size of all parts",
                    self.options.max_total_bytes,
                    "max_total_bytes",
                )
            };
            return Err(Error::Limit {
                format: Format::Docx,
                at: crate::Location::part(name),
                what,
                limit,
                option,
            });
        }
        self.total.set(self.total.get() + n);
        Ok(())
    }
}

/// Below this many inflated bytes the compression ratio is not checked (small parts of
/// repeated markup compress well).
const RATIO_FLOOR: u64 = 8 << 20;

/// Writes parts into a deflated zip package. Times are fixed so that the same document gives
/// the same bytes.
pub(crate) struct PackageWriter<W: Write + Seek> {
    zip: zip::ZipWriter<W>,
}

impl<W: Write + Seek> PackageWriter<W> {
    pub fn new(w: W) -> Self {
        PackageWriter {
            zip: zip::ZipWriter::new(w),
        }
    }

    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        let opts = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        self.zip
            .start_file(name, opts)
            .map_err(|e| Error::Io(std::io::Error::other(e)))?;
        self.zip.write_all(bytes)?;
        Ok(())
    }

    pub fn finish(self) -> Result<W> {
        self.zip
            .finish()
            .map_err(|e| Error::Io(std::io::Error::other(e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = PackageWriter::new(Cursor::new(Vec::new()));
        for (n, b) in parts {
            w.add(n, b).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn reads_parts_within_limits() {
        let big = vec![b'a'; 1 << 20];
        let z = zip_of(&[("word/document.xml", b"<x/>"), ("big.bin", &big)]);
        assert!(z.len() < 20_000, "deflated: {}", z.len());
        let p = Package::open(&z, &ReadOptions::default()).unwrap();
        assert_eq!(p.part("word/document.xml").unwrap().unwrap(), b"<x/>");
        assert!(p.part("nope").unwrap().is_none());
        let p =
            Package::open(&z, &ReadOptions::default().with_max_inflated(1000, 1 << 30)).unwrap();
        let e = p.part("big.bin").unwrap_err().to_string();
        assert!(e.contains("big.bin") && e.contains("max_part_bytes"), "{e}");
        let e = Package::open(b"not a zip", &ReadOptions::default())
            .err()
            .unwrap()
            .to_string();
        assert!(e.contains("not a zip"), "{e}");
    }

    /// Every part as zip's own reader inflates it.
    fn by_zip(z: &[u8]) -> Vec<(String, Vec<u8>)> {
        let mut zip = ZipArchive::new(Cursor::new(z)).unwrap();
        (0..zip.len())
            .map(|i| {
                let mut f = zip.by_index(i).unwrap();
                let mut out = Vec::new();
                f.read_to_end(&mut out).unwrap();
                (f.name().to_string(), out)
            })
            .collect()
    }

    #[test]
    fn every_part_of_the_real_samples_reads_as_zips_own_reader_reads_it() {
        for f in [
            "fixtures/docx/01_FCCC_PA_CMA_2021_10_Add.3_EN.docx",
            "fixtures/docx/02_A_80_6_PlanOutline_EN.docx",
        ] {
            let z = std::fs::read(f).unwrap();
            let p = Package::open(&z, &ReadOptions::default()).unwrap();
            let parts = by_zip(&z);
            assert!(parts.len() > 20, "{f}");
            for (name, want) in parts {
                assert_eq!(
                    p.part(&name).unwrap().as_deref(),
                    Some(&want[..]),
                    "{f} {name}"
                );
            }
        }
    }

    #[test]
    fn a_stored_part_is_read_too() {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        w.start_file("word/document.xml", stored).unwrap();
        w.write_all(b"<w:document/>").unwrap();
        let z = w.finish().unwrap().into_inner();
        let p = Package::open(&z, &ReadOptions::default()).unwrap();
        assert_eq!(
            p.part("word/document.xml").unwrap().unwrap(),
            b"<w:document/>"
        );
    }

    /// A package of one deflated part, and where its central directory entry starts.
    fn one_part(text: &[u8]) -> (Vec<u8>, usize) {
        let z = zip_of(&[("word/document.xml", text)]);
        let cd = memchr::memmem::find(&z, b"PK\x01\x02").unwrap();
        (z, cd)
    }

    fn set_u32(z: &mut [u8], at: usize, v: u32) {
        z[at..at + 4].copy_from_slice(&v.to_le_bytes());
    }

    #[test]
    fn a_wrong_checksum_is_an_error_naming_the_part() {
        let (mut z, cd) = one_part(&b"<w:document>text</w:document>".repeat(50));
        z[cd + 16] ^= 1; // (the CRC-32 in the central directory, which zip reads)
        let p = Package::open(&z, &ReadOptions::default()).unwrap();
        let e = p.part("word/document.xml").unwrap_err().to_string();
        assert!(
            e.contains("word/document.xml") && e.contains("checksum"),
            "{e}"
        );
    }

    #[test]
    fn compressed_data_cut_short_is_an_error_naming_the_part() {
        let text = b"<w:document>Some text of a paragraph</w:document>".repeat(200);
        let (mut z, cd) = one_part(&text);
        let size = u32::from_le_bytes(z[cd + 20..cd + 24].try_into().unwrap());
        set_u32(&mut z, cd + 20, size / 2); // compressed size, central directory
        let p = Package::open(&z, &ReadOptions::default()).unwrap();
        let e = p.part("word/document.xml").unwrap_err().to_string();
        assert!(
            e.contains("word/document.xml") && e.contains("ends early"),
            "{e}"
        );
    }

    #[test]
    fn a_part_larger_than_it_says_is_read_whole_and_still_within_limits() {
        let text = b"<w:p>paragraph</w:p>".repeat(10_000);
        let (mut z, cd) = one_part(&text);
        set_u32(&mut z, cd + 24, 10); // uncompressed size, central directory
        let p = Package::open(&z, &ReadOptions::default()).unwrap();
        assert_eq!(p.part("word/document.xml").unwrap().unwrap(), text);
        let small = ReadOptions::default().with_max_inflated(100_000, 1 << 30);
        let p = Package::open(&z, &small).unwrap();
        let e = p.part("word/document.xml").unwrap_err().to_string();
        assert!(e.contains("max_part_bytes"), "{e}");
    }
}
