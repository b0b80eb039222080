//! Many files at once: a session's documents, an archive of reports. [`inputs`] lists the
//! files under the paths given (folders recursively, by extension); [`convert_all`]
//! converts them in parallel across files (rayon), keeps going past a file that fails, and
//! reports each file's outcome as it ends.
//!
//! ```no_run
//! use undocs::{Format, batch};
//! let files = batch::inputs(&["reports/".into()])?;
//! let options = batch::BatchOptions::new(Format::Akn, "out/");
//! let outcomes = batch::convert_all(&files, &options, |o| eprintln!("{}", o.input.display()));
//! let failed = outcomes.iter().filter(|o| o.result.is_err()).count();
//! println!("{} converted, {failed} failed", outcomes.len() - failed);
//! # Ok::<(), undocs::Error>(())
//! ```

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::{Error, Format, ReadOptions, Result, Warning, WriteOptions};

/// A file to convert: where it is, and where its output goes under the output folder (its
/// path below the folder it was found in, or its name for a file given alone).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    /// The file.
    pub path: PathBuf,
    /// Its path relative to the output folder, without extension.
    pub relative: PathBuf,
}

/// How [`convert_all`] converts.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct BatchOptions {
    /// The format written.
    pub to: Format,
    /// Where the outputs go (created when missing), each at its input's relative path with
    /// the format's extension.
    pub out_dir: PathBuf,
    /// Files converted at once: 0 (the default) for as many as the machine has cores.
    pub jobs: usize,
    /// Reading limits (each file is read on one thread: `threads` is set to 1).
    pub read: ReadOptions,
    /// Writing options.
    pub write: WriteOptions,
}

impl BatchOptions {
    /// Converting to `to` into `out_dir`, with the default options.
    pub fn new(to: Format, out_dir: impl Into<PathBuf>) -> BatchOptions {
        BatchOptions {
            to,
            out_dir: out_dir.into(),
            jobs: 0,
            read: ReadOptions::default(),
            write: WriteOptions::default(),
        }
    }

    /// Sets [`BatchOptions::jobs`].
    pub fn with_jobs(mut self, jobs: usize) -> Self {
        self.jobs = jobs;
        self
    }
}

/// What became of one file.
#[derive(Debug)]
pub struct Outcome {
    /// The input file.
    pub input: PathBuf,
    /// The file written, with the reader's warnings; or why nothing was written.
    pub result: Result<(PathBuf, Vec<Warning>)>,
}

/// Whether a path names a file some reader takes: by its extension (`.json`, `.xml`,
/// `.akn`, `.docx`, `.pdf`, `.md`, `.txt`).
fn readable(p: &Path) -> bool {
    Format::from_path(p).is_some_and(Format::can_read)
}

/// The files under `paths`: a file as given (whatever its extension), a folder's readable
/// files recursively, in name order. A path that does not exist is an error.
pub fn inputs(paths: &[PathBuf]) -> Result<Vec<Input>> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| {
            Error::Io(std::io::Error::new(
                e.kind(),
                format!("{}: {e}", p.display()),
            ))
        })?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found, 0)?;
            found.sort();
            for f in found {
                let rel = f.strip_prefix(p).unwrap_or(&f).to_path_buf();
                out.push(Input {
                    relative: without_extension(&rel),
                    path: f,
                });
            }
        } else {
            let name = p.file_name().map(PathBuf::from).unwrap_or_default();
            out.push(Input {
                relative: without_extension(&name),
                path: p.clone(),
            });
        }
    }
    Ok(out)
}

/// Folders deeper than this are not entered (a link loop ends here).
const MAX_FOLDER_DEPTH: usize = 32;

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> Result<()> {
    if depth > MAX_FOLDER_DEPTH {
        return Ok(());
    }
    let rd = std::fs::read_dir(dir).map_err(|e| {
        Error::Io(std::io::Error::new(
            e.kind(),
            format!("{}: {e}", dir.display()),
        ))
    })?;
    for e in rd.flatten() {
        let p = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&p, out, depth + 1)?,
            Ok(t) if t.is_file() && readable(&p) => out.push(p),
            _ => {}
        }
    }
    Ok(())
}

/// "report.akn.xml" → "report", "a/b.docx" → "a/b".
fn without_extension(p: &Path) -> PathBuf {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(".akn.xml")
        .map(str::to_string)
        .unwrap_or_else(|| match name.rfind('.') {
            Some(i) if i > 0 => name[..i].to_string(),
            _ => name.clone(),
        });
    p.with_file_name(stem)
}

/// Converts one file; on failure nothing is left behind.
fn convert_one(input: &Input, options: &BatchOptions) -> Result<(PathBuf, Vec<Warning>)> {
    let read = crate::read_path(&input.path, &options.read)?;
    let mut out = options.out_dir.join(&input.relative);
    let name = format!(
        "{}.{}",
        out.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default(),
        options.to.extension()
    );
    out.set_file_name(name);
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent).map_err(|e| {
            Error::Io(std::io::Error::new(
                e.kind(),
                format!("{}: {e}", parent.display()),
            ))
        })?;
    }
    crate::write_path(&read.document, options.to, &out, &options.write)?;
    Ok((out, read.warnings))
}

/// Converts every input in parallel (at most [`BatchOptions::jobs`] at once), calling
/// `done` with each outcome as it ends (from the worker threads); returns the outcomes in
/// the inputs' order. A file that fails does not stop the others.
pub fn convert_all(
    inputs: &[Input],
    options: &BatchOptions,
    done: impl Fn(&Outcome) + Sync,
) -> Vec<Outcome> {
    let mut options = options.clone();
    options.read.threads = 1;
    let work = |i: &Input| {
        let o = Outcome {
            input: i.path.clone(),
            result: convert_one(i, &options),
        };
        done(&o);
        o
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build();
    match pool {
        Ok(pool) => pool.install(|| inputs.par_iter().map(work).collect()),
        // No threads to be had: one after the other.
        Err(_) => inputs.iter().map(work).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_keep_the_inputs_relative_paths_without_extensions() {
        assert_eq!(
            without_extension(Path::new("a/report.akn.xml")),
            PathBuf::from("a/report")
        );
        assert_eq!(
            without_extension(Path::new("b.c.docx")),
            PathBuf::from("b.c")
        );
        assert_eq!(
            without_extension(Path::new(".hidden")),
            PathBuf::from(".hidden")
        );
    }
}
