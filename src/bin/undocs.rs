//! The `undocs` command-line tool: convert, inspect, lint and round-trip UN documents.

#![forbid(unsafe_code)]

use std::io::{Read as _, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde_json::{Value, json};
use undocs::model::{Document, Symbol, plain_text};
use undocs::{Error, Format, ReadOptions, WarningKind};

/// Convert United Nations documents between Akoma Ntoso XML, DOCX, PDF, JSON and
/// PDF-extracted text, and check them.
#[derive(Parser)]
#[command(name = "undocs", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Read a PDF from its page layout even when it embeds its document's JSON (as the
    /// PDFs undocs writes do).
    #[arg(long, global = true)]
    ignore_embedded: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Convert IN to OUT; formats come from the file extensions or --from/--to ('-' is
    /// stdin/stdout). With --out-dir: convert every IN (files, and folders recursively by
    /// extension) into DIR, in parallel; a failure does not stop the others (exit 1 if any
    /// failed).
    Convert {
        /// IN OUT; or, with --out-dir, the inputs (files and folders).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Convert every input into this folder (with --to), each output at its input's
        /// path below the folder given, with the format's extension.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
        /// Files converted at once with --out-dir (default: the machine's cores).
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
        /// Input format (json, akn, docx, pdf, text).
        #[arg(long)]
        from: Option<Format>,
        /// Output format (json, akn, docx, pdf, text).
        #[arg(long)]
        to: Option<Format>,
        /// Fill or override metadata the source lacks, e.g. --set symbol=A/HRC/31/81*
        /// (keys: symbol, symbol2, reissued, organ, body, distribution, date,
        /// original_language, language, session, session_label, session_dates, agenda_item,
        /// kind, title, subtitle, job_number, sponsor).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        set: Vec<String>,
    },
    /// Show the masthead and counts of a document.
    Info {
        /// Input file, or '-' for standard input.
        file: PathBuf,
        /// Input format.
        #[arg(long)]
        from: Option<Format>,
        /// Print JSON with fixed keys for scripts.
        #[arg(long)]
        json: bool,
        /// Fill or override metadata, as for convert.
        #[arg(long = "set", value_name = "KEY=VALUE")]
        set: Vec<String>,
    },
    /// Parse UN symbols and print their components as JSON (exit 1 if any is invalid).
    Symbol {
        /// Symbols, e.g. A/HRC/31/81 'S/RES/1244 (1999)'.
        #[arg(required = true)]
        symbols: Vec<String>,
    },
    /// Lint a document: numbering, empty footnotes, symbols, dates (exit 1 on any error).
    Check {
        /// Input file, or '-' for standard input.
        file: PathBuf,
        /// Input format.
        #[arg(long)]
        from: Option<Format>,
        /// Fill or override metadata, as for convert.
        #[arg(long = "set", value_name = "KEY=VALUE")]
        set: Vec<String>,
    },
    /// Write the document to every format this build supports, read each back, and report
    /// any difference (exit 1 on a difference). With --ignore-embedded the PDF is read back
    /// from its page layout, not from the JSON it embeds.
    Roundtrip {
        /// Input file, or '-' for standard input.
        file: PathBuf,
        /// Input format.
        #[arg(long)]
        from: Option<Format>,
        /// Fill or override metadata, as for convert.
        #[arg(long = "set", value_name = "KEY=VALUE")]
        set: Vec<String>,
    },
}

/// A failure: exit code 2 for errors, 1 for findings, differences or invalid symbols.
enum Fail {
    Error(Error),
    Findings,
}

impl From<Error> for Fail {
    fn from(e: Error) -> Self {
        Fail::Error(e)
    }
}

impl From<std::io::Error> for Fail {
    fn from(e: std::io::Error) -> Self {
        Fail::Error(Error::Io(e))
    }
}

/// `--ignore-embedded`, for every read of this run.
static IGNORE_EMBEDDED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn main() -> ExitCode {
    // Output cut short by a closed pipe (`undocs info x | head`) is not an error to report.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .unwrap_or("");
        if msg.contains("Broken pipe") {
            std::process::exit(0);
        }
        default_hook(info)
    }));
    let cli = Cli::parse();
    IGNORE_EMBEDDED.store(cli.ignore_embedded, std::sync::atomic::Ordering::Relaxed);
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Fail::Findings) => ExitCode::from(1),
        Err(Fail::Error(e)) => {
            eprintln!("undocs: error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cmd: Command) -> Result<(), Fail> {
    match cmd {
        Command::Convert {
            paths,
            out_dir: Some(dir),
            jobs,
            from,
            to,
            set,
        } => convert_many(&paths, &dir, jobs, from, to, &set),
        Command::Convert {
            paths,
            out_dir: None,
            from,
            to,
            set,
            ..
        } => {
            let [input, output] = paths.as_slice() else {
                return Err(Fail::Error(Error::Value {
                    what: "convert arguments",
                    value: format!("{} paths", paths.len()),
                    expected: "IN OUT, or inputs with --out-dir DIR --to FORMAT",
                }));
            };
            let to = match to.or_else(|| Format::from_path(output)) {
                Some(f) => f,
                None if output.as_os_str() == "-" => Format::Json,
                None => return Err(cannot_tell(output, "--to")),
            };
            if !to.can_write() {
                return Err(Fail::Error(unsupported_write(to)));
            }
            let (doc, warnings) = load_with_warnings(input, from, &set)?;
            // What the reader dropped or could not find is said, never silent.
            // (Each line formatted whole first: stderr is unbuffered, and a line written in
            // pieces costs a system call a piece.)
            let mut err = std::io::stderr().lock();
            for w in &warnings {
                let _ = err.write_all(format!("undocs: warning: {w}\n").as_bytes());
            }
            drop(err);
            // Streamed to its destination; a file appears only once complete.
            if output.as_os_str() == "-" {
                let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                undocs::write(&doc, to, &mut out)?;
                out.flush()?;
            } else {
                undocs::write_path(&doc, to, output, &Default::default())?;
            }
            // (The process ends here: the model's thousands of allocations are left to the
            // operating system instead of being freed one by one.)
            std::mem::forget(doc);
            Ok(())
        }
        Command::Info {
            file,
            from,
            json,
            set,
        } => {
            let (doc, warnings) = load_with_warnings(&file, from, &set)?;
            let v = info_json(&doc, &warnings);
            if json {
                println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            } else {
                print_info(&doc, &warnings);
            }
            Ok(())
        }
        Command::Symbol { symbols } => {
            let mut all = Vec::new();
            let mut bad = false;
            for s in &symbols {
                match Symbol::parse_printed(s) {
                    Ok((sym, reissued)) => all.push(symbol_json(&sym, reissued)),
                    Err(e) => {
                        bad = true;
                        eprintln!("undocs: {e}");
                        all.push(json!({ "input": s, "error": e.reason }));
                    }
                }
            }
            println!(
                "{}",
                serde_json::to_string_pretty(&Value::Array(all)).unwrap_or_default()
            );
            if bad { Err(Fail::Findings) } else { Ok(()) }
        }
        Command::Check { file, from, set } => {
            let (doc, warnings) = load_with_warnings(&file, from, &set)?;
            for w in &warnings {
                println!("warning: read: {w}");
            }
            let findings = doc.check();
            for f in &findings {
                println!("{f}");
            }
            let errors = findings
                .iter()
                .filter(|f| f.severity == undocs::model::Severity::Error)
                .count();
            println!(
                "{}, {}",
                count(findings.len(), "finding"),
                count(errors, "error")
            );
            if errors > 0 {
                Err(Fail::Findings)
            } else {
                Ok(())
            }
        }
        Command::Roundtrip { file, from, set } => {
            let doc = load(&file, from, &set)?;
            // (With --ignore-embedded, the PDF is read back from its page layout.)
            let opts = ReadOptions::default()
                .with_ignore_embedded(IGNORE_EMBEDDED.load(std::sync::atomic::Ordering::Relaxed));
            let results = undocs::roundtrip_with(&doc, 20, &opts)?;
            for r in &results {
                println!("{r}");
            }
            if results.iter().any(|r| r.differs()) {
                Err(Fail::Findings)
            } else {
                Ok(())
            }
        }
    }
}

fn cannot_tell(path: &Path, flag: &str) -> Fail {
    Fail::Error(Error::Value {
        what: "file name",
        value: path.display().to_string().chars().take(40).collect(),
        expected: if flag == "--to" {
            "an extension .json, .akn.xml, .xml, .docx, .pdf, .md or .txt (or give --to)"
        } else {
            "an extension .json, .akn.xml, .xml, .docx, .pdf, .md or .txt (or give --from)"
        },
    })
}

fn unsupported_write(f: Format) -> Error {
    let mut buf = Vec::new();
    match undocs::write(&undocs::model::Document::default(), f, &mut buf) {
        Err(e) => e,
        Ok(()) => Error::Value {
            what: "format",
            value: f.to_string(),
            expected: "a writable format",
        },
    }
}

/// "1 footnote", "2 footnotes".
fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// `convert --out-dir`: every input converted in parallel, a progress bar on a terminal
/// (plain lines otherwise), one line per failure, a summary; exit 1 if any failed.
fn convert_many(
    paths: &[PathBuf],
    dir: &Path,
    jobs: Option<usize>,
    from: Option<Format>,
    to: Option<Format>,
    set: &[String],
) -> Result<(), Fail> {
    use std::io::IsTerminal as _;
    use undocs::batch;
    let Some(to) = to else {
        return Err(Fail::Error(Error::Value {
            what: "convert --out-dir",
            value: dir.display().to_string(),
            expected: "--to FORMAT (json, akn, docx, pdf) with --out-dir",
        }));
    };
    if !to.can_write() {
        return Err(Fail::Error(unsupported_write(to)));
    }
    if from.is_some() || !set.is_empty() {
        return Err(Fail::Error(Error::Value {
            what: "convert --out-dir",
            value: "--from/--set".into(),
            expected: "formats from each file's extension, and no --set (it is per document)",
        }));
    }
    let inputs = batch::inputs_excluding(paths, Some(dir))?;
    let mut options = batch::BatchOptions::new(to, dir).with_jobs(jobs.unwrap_or(0));
    options.read = ReadOptions::default()
        .with_ignore_embedded(IGNORE_EMBEDDED.load(std::sync::atomic::Ordering::Relaxed));
    let total = inputs.len();
    let bar = std::io::stderr().is_terminal().then(|| {
        let b = indicatif::ProgressBar::new(total as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} {elapsed_precise} {wide_msg}",
        ) {
            b.set_style(style);
        }
        b
    });
    let count = std::sync::atomic::AtomicUsize::new(0);
    let outcomes = batch::convert_all(&inputs, &options, |o| {
        let n = count.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        let line = match &o.result {
            Ok((out, warnings)) => {
                let w = match warnings.len() {
                    0 => String::new(),
                    1 => " (1 warning)".to_string(),
                    n => format!(" ({n} warnings)"),
                };
                format!("{} → {}{w}", o.input.display(), out.display())
            }
            Err(e) => format!("failed: {}: {e}", o.input.display()),
        };
        match &bar {
            Some(b) => {
                if o.result.is_err() {
                    b.println(format!("undocs: {line}"));
                }
                b.set_message(o.input.display().to_string());
                b.inc(1);
            }
            None => eprintln!("undocs: [{n}/{total}] {line}"),
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let failed = outcomes.iter().filter(|o| o.result.is_err()).count();
    let warned = outcomes
        .iter()
        .filter(|o| o.result.as_ref().is_ok_and(|(_, w)| !w.is_empty()))
        .count();
    eprintln!(
        "undocs: {} of {total} converted into {} ({warned} with warnings), {failed} failed",
        total - failed,
        dir.display()
    );
    if failed > 0 {
        Err(Fail::Findings)
    } else {
        Ok(())
    }
}

fn load(path: &Path, from: Option<Format>, set: &[String]) -> Result<Document, Fail> {
    load_with_warnings(path, from, set).map(|(d, _)| d)
}

fn load_with_warnings(
    path: &Path,
    from: Option<Format>,
    set: &[String],
) -> Result<(Document, Vec<undocs::Warning>), Fail> {
    let opts = ReadOptions::default()
        .with_ignore_embedded(IGNORE_EMBEDDED.load(std::sync::atomic::Ordering::Relaxed));
    let mut r = if path.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .lock()
            .take(opts.max_bytes + 1)
            .read_to_end(&mut b)?;
        // Standard input is sniffed as a file is: what has no signature is text.
        let format = from.or_else(|| Format::sniff(&b)).unwrap_or(Format::Text);
        undocs::read_bytes(&b, format, &opts)?
    } else {
        match from {
            Some(f) => undocs::read_path_as(path, f, &opts)?,
            None => undocs::read_path(path, &opts)?,
        }
    };
    for kv in set {
        let (k, v) = kv.split_once('=').ok_or(Error::Value {
            what: "--set argument",
            value: kv.chars().take(40).collect(),
            expected: "KEY=VALUE",
        })?;
        r.document.meta.set(k.trim(), v)?;
    }
    // What --set supplied is no longer missing.
    let m = &r.document.meta;
    r.warnings.retain(|w| match w.kind {
        WarningKind::MissingSymbol => m.symbols.is_empty(),
        WarningKind::MissingDate => m.date.is_none(),
        WarningKind::MissingTitle => m.title.is_none(),
        _ => true,
    });
    Ok((r.document, r.warnings))
}

fn symbol_json(s: &Symbol, reissued: bool) -> Value {
    json!({
        "symbol": s.to_string(),
        "reissued": reissued,
        "series": s.series(),
        "bodies": s.bodies().collect::<Vec<_>>(),
        "session": s.session(),
        "special_session": s.special_session(),
        "year": s.year(),
        "specials": s.specials().collect::<Vec<_>>(),
        "country": s.country(),
        "serial": s.serial(),
        "finals": s.finals().collect::<Vec<_>>(),
        "parentheticals": s.parentheticals().collect::<Vec<_>>(),
        "akn_number": s.akn_number(),
        "ods_stem": s.ods_stem(),
        "parts": s.parts().into_iter().map(|p| json!({"kind": p.kind(), "text": p.text()})).collect::<Vec<_>>(),
    })
}

fn info_json(doc: &Document, warnings: &[undocs::Warning]) -> Value {
    let m = &doc.meta;
    let c = doc.counts();
    json!({
        "symbols": m.symbols.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        "reissued": m.reissued,
        "organ": m.organ,
        "subsidiary_body": m.subsidiary_body,
        "distribution": m.distribution.map(|d| d.as_str()),
        "date": m.date.map(|d| d.to_string()),
        "original_language": m.original_language.map(|l| l.name()),
        "other_original_languages": m.other_original_languages.iter().map(|l| l.name()).collect::<Vec<_>>(),
        "language": m.language.map(|l| l.name()),
        "session": m.session.as_ref().map(|s| json!({"number": s.number, "label": s.label, "dates": s.dates})),
        "agenda_items": m.agenda_items.iter().map(|a| json!({"number": a.number, "title": a.title})).collect::<Vec<_>>(),
        "kind": m.kind.as_ref().map(|k| k.to_string()),
        "title": m.title,
        "subtitle": m.subtitle,
        "title_notes": m.title_notes.iter().map(|n| format!("{} {}", n.marker, plain_text(&n.content))).collect::<Vec<_>>(),
        "job_number": m.job_number.as_ref().map(|j| j.to_string()),
        "headings": doc.headings(),
        "paragraph_numbers": doc.paragraph_numbers(),
        "counts": {
            "numbered_paragraphs": c.numbered_paragraphs,
            "paragraphs": c.paragraphs,
            "footnotes": c.footnotes,
            "headings": c.headings,
            "words": c.words,
        },
        "warnings": warnings.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
    })
}

fn print_info(doc: &Document, warnings: &[undocs::Warning]) {
    let m = &doc.meta;
    let or_dash = |s: Option<String>| s.unwrap_or_else(|| "—".into());
    let syms = m
        .symbols
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    println!(
        "Symbol:        {}{}",
        if syms.is_empty() { "—".into() } else { syms },
        if m.reissued { "*" } else { "" }
    );
    println!("Organ:         {}", or_dash(m.organ.clone()));
    println!("Subsidiary:    {}", or_dash(m.subsidiary_body.clone()));
    println!(
        "Distribution:  {}",
        or_dash(m.distribution.map(|d| d.as_str().to_string()))
    );
    println!("Date:          {}", or_dash(m.date.map(|d| d.to_printed())));
    println!(
        "Original:      {}",
        or_dash(m.original_language.map(|_| {
            m.original_languages()
                .map(|l| l.name())
                .collect::<Vec<_>>()
                .join("/")
        }))
    );
    if let Some(s) = &m.session {
        let parts: Vec<&str> = [s.label.as_deref(), s.number.as_deref(), s.dates.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        println!("Session:       {}", parts.join(" · "));
    }
    for a in &m.agenda_items {
        println!(
            "Agenda item:   {} {}",
            a.number.as_deref().unwrap_or(""),
            a.title
        );
    }
    println!(
        "Kind:          {}",
        or_dash(m.kind.as_ref().map(|k| k.to_string()))
    );
    println!("Title:         {}", or_dash(m.title.clone()));
    if let Some(s) = &m.subtitle {
        println!("Subtitle:      {s}");
    }
    for n in &m.title_notes {
        println!("Note:          {} {}", n.marker, plain_text(&n.content));
    }
    println!(
        "Job number:    {}",
        or_dash(m.job_number.as_ref().map(|j| j.to_string()))
    );
    let c = doc.counts();
    println!(
        "Counts:        {}, {}, {}, {}, {}",
        count(c.numbered_paragraphs, "numbered paragraph"),
        count(c.paragraphs, "paragraph"),
        count(c.footnotes, "footnote"),
        count(c.headings, "heading"),
        count(c.words, "word")
    );
    println!("Headings:");
    for h in doc.headings() {
        let num = h.num.map(|n| format!("{n} ")).unwrap_or_default();
        // (A division without heading text, as debates have, still shows where it is.)
        let text = if h.text.is_empty() && num.is_empty() {
            "(no heading)"
        } else {
            &h.text
        };
        let line = format!("  {}{num}{text}", "  ".repeat(h.level - 1));
        println!("{}", line.trim_end());
    }
    for w in warnings {
        println!("warning: {w}");
    }
}
