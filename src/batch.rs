//! Many files at once: a session's documents, an archive of reports. [`inputs`] lists the
//! files under the paths given (folders recursively, by extension); [`convert_all`]
//! converts them in parallel across files (rayon), keeps going past a file that fails, and
//! reports each file's outcome as it ends.
//!
//! Nothing is overwritten by surprise: a file reached twice is converted once; two inputs
//! that would write the same output (`x.docx` and `x.pdf` → `x.json`) both fail, naming
//! each other, and nothing is written for them; an output that would replace an input
//! fails; and [`inputs_excluding`] keeps the output folder out of the inputs when it lies
//! inside an input folder (so that a second run does not read the first one's outputs).
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
/// files recursively, in name order; a file reached twice (given twice, or inside a folder
/// also given) is listed once, where it was first reached. Inside folders, links to files
/// are read and links to folders are not entered (links can loop). A path that does not
/// exist is an error.
pub fn inputs(paths: &[PathBuf]) -> Result<Vec<Input>> {
    inputs_excluding(paths, None)
}

/// [`inputs`], without entering the folder `skip` (the output folder: when it lies inside
/// an input folder, the outputs of an earlier run are not inputs of this one). A file given
/// by name inside `skip`, or `skip` given itself, is still read.
///
/// ```no_run
/// use undocs::batch;
/// // reports/out/ is not read as input.
/// let files = batch::inputs_excluding(&["reports/".into()], Some("reports/out".as_ref()))?;
/// # Ok::<(), undocs::Error>(())
/// ```
pub fn inputs_excluding(paths: &[PathBuf], skip: Option<&Path>) -> Result<Vec<Input>> {
    let skip = skip.and_then(|d| std::fs::canonicalize(d).ok());
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    let mut push = |input: Input| {
        let key = std::fs::canonicalize(&input.path).unwrap_or_else(|_| input.path.clone());
        if seen.insert(key) {
            out.push(input);
        }
    };
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| {
            Error::Io(std::io::Error::new(
                e.kind(),
                format!("{}: {e}", p.display()),
            ))
        })?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(p, skip.as_deref(), &mut found, 0)?;
            found.sort();
            for f in found {
                let rel = f.strip_prefix(p).unwrap_or(&f).to_path_buf();
                push(Input {
                    relative: without_extension(&rel),
                    path: f,
                });
            }
        } else {
            let name = p.file_name().map(PathBuf::from).unwrap_or_default();
            push(Input {
                relative: without_extension(&name),
                path: p.clone(),
            });
        }
    }
    Ok(out)
}

/// Folders deeper than this are not entered (a link loop ends here).
const MAX_FOLDER_DEPTH: usize = 32;

fn walk(dir: &Path, skip: Option<&Path>, out: &mut Vec<PathBuf>, depth: usize) -> Result<()> {
    if depth > MAX_FOLDER_DEPTH {
        return Ok(());
    }
    // (The folder given itself is walked even when it is the output folder.)
    if let Some(skip) = skip
        && depth > 0
        && std::fs::canonicalize(dir).is_ok_and(|d| d == skip)
    {
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
            Ok(t) if t.is_dir() => walk(&p, skip, out, depth + 1)?,
            Ok(t) if t.is_file() && readable(&p) => out.push(p),
            // A link to a file is read; a link to a folder is not entered (links can loop).
            Ok(t)
                if t.is_symlink()
                    && readable(&p)
                    && std::fs::metadata(&p).is_ok_and(|m| m.is_file()) =>
            {
                out.push(p)
            }
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

/// Where an input's output goes: its relative path under the output folder, with the
/// format's extension.
fn output_path(input: &Input, options: &BatchOptions) -> PathBuf {
    let mut out = options.out_dir.join(&input.relative);
    let name = format!(
        "{}.{}",
        out.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default(),
        options.to.extension()
    );
    out.set_file_name(name);
    out
}

/// Why each input may not be converted, found before any is: its output is another
/// input's output too, or it would replace an input (the input itself, or another).
/// `None` for an input whose output is its own.
fn conflicts(inputs: &[Input], options: &BatchOptions) -> Vec<Option<String>> {
    use std::collections::HashMap;
    // Outputs compared as written (the same folder joined to relative paths), and against
    // the inputs through the output folder's real path (it may not exist yet: then no
    // input is in it).
    let outs: Vec<PathBuf> = inputs.iter().map(|i| output_path(i, options)).collect();
    let mut by_out: HashMap<&Path, Vec<usize>> = HashMap::new();
    for (k, o) in outs.iter().enumerate() {
        by_out.entry(o.as_path()).or_default().push(k);
    }
    let real_dir = std::fs::canonicalize(&options.out_dir).ok();
    let real_inputs: HashMap<PathBuf, usize> = inputs
        .iter()
        .enumerate()
        .filter_map(|(k, i)| std::fs::canonicalize(&i.path).ok().map(|p| (p, k)))
        .collect();
    outs.iter()
        .enumerate()
        .map(|(k, o)| {
            let others: Vec<String> = by_out
                .get(o.as_path())
                .into_iter()
                .flatten()
                .filter(|&&j| j != k)
                .map(|&j| inputs[j].path.display().to_string())
                .collect();
            if !others.is_empty() {
                return Some(format!(
                    "{}: also the output of {}; nothing is written for either (convert them into separate folders)",
                    o.display(),
                    others.join(", ")
                ));
            }
            let real = real_dir.as_ref().and_then(|d| {
                let rel = o.strip_prefix(&options.out_dir).ok()?;
                let real = d.join(rel);
                // (The output's own folder may be a link: resolved when it exists.)
                match (real.parent().map(std::fs::canonicalize), real.file_name()) {
                    (Some(Ok(parent)), Some(name)) => Some(parent.join(name)),
                    _ => Some(real),
                }
            })?;
            let j = *real_inputs.get(&real)?;
            Some(if j == k {
                format!(
                    "{}: the output would replace its own input",
                    o.display()
                )
            } else {
                format!(
                    "{}: the output would replace the input {}",
                    o.display(),
                    inputs[j].path.display()
                )
            })
        })
        .collect()
}

/// Converts one file; on failure nothing is left behind.
fn convert_one(input: &Input, options: &BatchOptions) -> Result<(PathBuf, Vec<Warning>)> {
    let read = crate::read_path(&input.path, &options.read)?;
    let out = output_path(input, options);
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
///
/// Before any is converted, outputs are checked against each other and against the inputs:
/// inputs that share an output fail (an I/O error of kind `AlreadyExists` naming the
/// others), and so does an input whose output would replace an input. Nothing is written
/// for them.
pub fn convert_all(
    inputs: &[Input],
    options: &BatchOptions,
    done: impl Fn(&Outcome) + Sync,
) -> Vec<Outcome> {
    let mut options = options.clone();
    options.read.threads = 1;
    let conflicts = conflicts(inputs, &options);
    let work = |(i, conflict): (&Input, &Option<String>)| {
        let result = match conflict {
            Some(why) => Err(Error::Io(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                why.clone(),
            ))),
            None => convert_one(i, &options),
        };
        let o = Outcome {
            input: i.path.clone(),
            result,
        };
        done(&o);
        o
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build();
    match pool {
        Ok(pool) => pool.install(|| inputs.par_iter().zip(&conflicts).map(work).collect()),
        // No threads to be had: one after the other.
        Err(_) => inputs.iter().zip(&conflicts).map(work).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh folder under the system's temporary folder.
    fn scratch(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("undocs-batch-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(d.join("in/sub")).unwrap();
        d
    }

    #[test]
    fn a_file_reached_twice_is_listed_once_and_the_output_folder_is_not_entered() {
        let d = scratch("inputs");
        let i = d.join("in");
        for f in ["a.json", "sub/b.md", "out/old.json", "out/deep/older.json"] {
            let p = i.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "{}").unwrap();
        }
        // A link to a file is read; a link to a folder (here a loop) is not entered.
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(i.join("a.json"), i.join("sub/linked.json")).unwrap();
            std::os::unix::fs::symlink(&i, i.join("sub/loop")).unwrap();
        }
        // The folder, a file in it again, and the folder again.
        let given = [i.clone(), i.join("sub/b.md"), i.clone()];
        let all = inputs(&given).unwrap();
        let rel: Vec<String> = all
            .iter()
            .map(|x| x.relative.display().to_string())
            .collect();
        // (sub/linked.json is a.json again: listed once, where first reached.)
        assert_eq!(rel, ["a", "out/deep/older", "out/old", "sub/b"]);
        #[cfg(unix)]
        {
            let alone = inputs(&[i.join("sub")]).unwrap();
            let rel: Vec<String> = alone
                .iter()
                .map(|x| x.relative.display().to_string())
                .collect();
            assert_eq!(rel, ["b", "linked"]);
        }
        let out = i.join("out");
        let some = inputs_excluding(&given, Some(&out)).unwrap();
        let rel: Vec<String> = some
            .iter()
            .map(|x| x.relative.display().to_string())
            .collect();
        assert_eq!(rel, ["a", "sub/b"]);
        // A file given by name inside the skipped folder is still an input, and so is the
        // folder itself given.
        let named = inputs_excluding(&[out.join("old.json")], Some(&out)).unwrap();
        assert_eq!(named.len(), 1);
        assert_eq!(
            inputs_excluding(std::slice::from_ref(&out), Some(&out))
                .unwrap()
                .len(),
            2
        );
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn shared_outputs_and_replaced_inputs_are_conflicts() {
        let d = scratch("conflicts");
        let i = d.join("in");
        for f in ["x.docx", "x.pdf", "y.json", "sub/z.md"] {
            std::fs::write(i.join(f), "").unwrap();
        }
        let all = inputs(std::slice::from_ref(&i)).unwrap();
        let names: Vec<String> = all.iter().map(|x| x.path.display().to_string()).collect();
        // Into a separate folder: x.docx and x.pdf both want x.json.
        let c = conflicts(&all, &BatchOptions::new(Format::Json, d.join("out")));
        let said: Vec<(usize, &str)> = c
            .iter()
            .enumerate()
            .filter_map(|(k, w)| w.as_deref().map(|w| (k, w)))
            .collect();
        assert_eq!(said.len(), 2, "{c:?}");
        for (k, why) in said {
            assert!(names[k].ends_with(".docx") || names[k].ends_with(".pdf"));
            let other = if names[k].ends_with(".docx") {
                ".pdf"
            } else {
                ".docx"
            };
            assert!(
                why.contains("also the output of") && why.contains(other),
                "{why}"
            );
        }
        // Into the input folder itself, as JSON: y.json would replace itself.
        let c = conflicts(&all, &BatchOptions::new(Format::Json, &i));
        let y = names.iter().position(|n| n.ends_with("y.json")).unwrap();
        assert!(
            c[y].as_deref()
                .is_some_and(|w| w.contains("replace its own input")),
            "{c:?}"
        );
        let z = names.iter().position(|n| n.ends_with("z.md")).unwrap();
        assert_eq!(c[z], None);
        // An earlier output at the place (a file that is not an input) is no conflict: a
        // second run replaces what the first one wrote.
        std::fs::write(i.join("sub/z.json"), "").unwrap();
        let one = inputs(&[i.join("sub/z.md")]).unwrap();
        let c = conflicts(&one, &BatchOptions::new(Format::Json, i.join("sub")));
        assert_eq!(c, [None]);
        let _ = std::fs::remove_dir_all(&d);
    }

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
