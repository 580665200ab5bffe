//! The disk half of `dossier dedup`'s bounded-memory mode: shingle sets in
//! one append-only file, band tables in sorted runs, merged back per band.
//!
//! Everything lives in one private temporary folder (under `--temp-dir`,
//! `TMPDIR` or `/tmp`) that is removed when the run ends, also on error.
//! Values are little-endian: shingle sets as `u32`, band entries as `u64`.

use dossier_dedup::{BandTables, ShingleArena, ShingleSets};
use std::borrow::Cow;
use std::cell::RefCell;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::rc::Rc;

/// Shingle sets on disk, with where each ends kept in memory (8 bytes per
/// document).
pub struct SetFile {
    writer: Option<BufWriter<File>>,
    file: File,
    ends: Vec<u64>,
    written: u64,
}

impl SetFile {
    /// Moves the sets held in memory into a new file in `folder`.
    pub fn create(folder: &Path, arena: ShingleArena) -> io::Result<Self> {
        let file = File::options().create_new(true).read(true).write(true).open(folder.join("shingles.bin"))?;
        let (values, ends) = arena.into_parts();
        let mut set_file =
            Self { writer: Some(BufWriter::with_capacity(1 << 20, file.try_clone()?)), file, ends, written: 0 };
        set_file.write_values(&values)?;
        Ok(set_file)
    }

    fn write_values(&mut self, values: &[u32]) -> io::Result<()> {
        let writer = self.writer.as_mut().ok_or_else(|| io::Error::other("the shingle file is closed"))?;
        for value in values {
            writer.write_all(&value.to_le_bytes())?;
        }
        self.written += values.len() as u64;
        Ok(())
    }

    /// Appends the next document's set.
    pub fn push(&mut self, shingles: &[u32]) -> io::Result<()> {
        self.write_values(shingles)?;
        self.ends.push(self.written);
        Ok(())
    }

    /// Bytes held in memory.
    pub fn bytes(&self) -> usize {
        self.ends.capacity() * 8 + (1 << 20)
    }

    /// Flushes what was written, so that the sets can be read.
    pub fn finish_writing(&mut self) -> io::Result<()> {
        if let Some(mut writer) = self.writer.take() {
            writer.flush()?;
        }
        Ok(())
    }
}

impl ShingleSets for SetFile {
    type Error = io::Error;
    fn shingles(&self, document: u32) -> io::Result<Cow<'_, [u32]>> {
        let index = document as usize;
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        let count = (self.ends[index] - start) as usize;
        let mut bytes = vec![0u8; count * 4];
        self.file.read_exact_at(&mut bytes, start * 4)?;
        Ok(Cow::Owned(bytes.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect()))
    }
}

/// Sorted runs of band tables: one file per run, each band's entries
/// contiguous.
#[derive(Default)]
pub struct Runs {
    runs: Vec<(File, Vec<(u64, u64)>)>,
}

impl Runs {
    /// Sorts the tables and writes them as the next run.
    pub fn spill(&mut self, folder: &Path, tables: &mut BandTables) -> io::Result<()> {
        let path = folder.join(format!("run-{}.bin", self.runs.len()));
        let file = File::options().create_new(true).read(true).write(true).open(path)?;
        let mut writer = BufWriter::with_capacity(1 << 20, file.try_clone()?);
        let mut extents = Vec::new();
        let mut offset = 0u64;
        for table in tables.take_sorted() {
            for entry in &table {
                writer.write_all(&entry.to_le_bytes())?;
            }
            extents.push((offset, table.len() as u64));
            offset += table.len() as u64 * 8;
        }
        writer.flush()?;
        self.runs.push((file, extents));
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.runs.len()
    }

    /// One sorted reader per run over `band`'s entries, and the slot where
    /// a read error lands (a failed read ends its stream early).
    pub fn band_streams(&self, band: usize) -> io::Result<(Vec<RunReader>, ReadError)> {
        let error = ReadError::default();
        let streams = self
            .runs
            .iter()
            .map(|(file, extents)| {
                let (offset, count) = extents.get(band).copied().unwrap_or((0, 0));
                let mut file = file.try_clone()?;
                file.seek(SeekFrom::Start(offset))?;
                Ok(RunReader { reader: BufReader::with_capacity(1 << 16, file), left: count, error: error.clone() })
            })
            .collect::<io::Result<_>>()?;
        Ok((streams, error))
    }
}

/// The first read error of a band's streams, if any.
#[derive(Clone, Default)]
pub struct ReadError(Rc<RefCell<Option<io::Error>>>);

impl ReadError {
    pub fn check(&self) -> io::Result<()> {
        match self.0.borrow_mut().take() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }
}

/// The entries of one band of one run, in order.
pub struct RunReader {
    reader: BufReader<File>,
    left: u64,
    error: ReadError,
}

impl Iterator for RunReader {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        if self.left == 0 {
            return None;
        }
        let mut bytes = [0u8; 8];
        match self.reader.read_exact(&mut bytes) {
            Ok(()) => {
                self.left -= 1;
                Some(u64::from_le_bytes(bytes))
            }
            Err(error) => {
                self.left = 0;
                self.error.0.borrow_mut().get_or_insert(error);
                None
            }
        }
    }
}
