//! Command-line interface: arguments (clap derive), the run of each command,
//! and where its output goes. `main.rs` only calls [`main_with_args`].

use crate::cache::Cache;
use crate::check::{self, PreparedClaim};
use crate::claims;
use crate::config::Config;
use crate::corpus::Extracted;
use crate::error::Error;
use crate::extract::Wanted;
use crate::findings::{
    CheckReport, ExtractReport, FigureRecord, QuoteRecord, ScanReport, Status, Verdict, counted,
    default_check_fail_on,
};
use crate::render::{self, Format, Style};
use crate::source::{self, Warning};
use crate::speakers::SpeakerTable;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Fact-check quotations and figures across news sources.
///
/// crosscheck reads a folder of articles (Markdown or text, with optional
/// YAML front matter), finds every direct quotation (with its speaker) and
/// every figure (value, unit, qualifier, subject, period), and reports where
/// the sources disagree, or checks claims against them.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, propagate_version = true)]
#[command(after_help = "Examples:
  crosscheck scan sources
  crosscheck check claims/example.toml --sources sources
  crosscheck check --claim 'Xi said relations \"are now the best ever\"'
  crosscheck extract sources --format json

Exit codes: 0 ran, nothing at the --fail-on level; 1 something at the --fail-on level; 2 could not run.")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every quotation and figure found in the sources, with location.
    ///
    /// Example: crosscheck extract sources/vov-2023-03.md --format json
    Extract(ExtractArgs),
    /// Cross-source consistency report: group the same quotation and the
    /// same figure across sources; flag variants, misattributions, conflicts.
    ///
    /// Example: crosscheck scan sources --csv discrepancies.csv
    Scan(ScanArgs),
    /// Check claims (a .toml claims file, a .md/.txt draft, or --claim TEXT)
    /// against the sources; each claim gets a verdict with evidence.
    ///
    /// Example: crosscheck check claims/example.toml --sources sources --format github
    Check(CheckArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Common {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "table")]
    pub format: Format,
    /// Write the report to FILE instead of stdout (atomically: an error never
    /// leaves a half-written file).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Colour in the table output: auto (only on a terminal, never with
    /// NO_COLOR set), always or never.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Print no report on stdout and no warnings; the exit code (and
    /// --output/--csv files) still tell the result.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Never show the progress bar (it only appears on a terminal, for long
    /// runs).
    #[arg(long)]
    pub no_progress: bool,
    /// Configuration file (speaker aliases). Default: crosscheck.toml in the
    /// current folder, if present.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Keep what is extracted from each source in DIR (made if missing) and
    /// reuse it on later runs: a source whose text is unchanged is not
    /// extracted again. Reports are the same with or without it. Default:
    /// the configuration file's `cache`, if it names one.
    #[arg(long, value_name = "DIR")]
    pub cache: Option<PathBuf>,
    /// Use no cache, not even the one the configuration file names.
    #[arg(long, conflicts_with = "cache")]
    pub no_cache: bool,
    /// After the run, print on stderr what was read (sources, size, how many
    /// came from the cache, records) and how long each step took. Printed
    /// with --quiet too.
    #[arg(long)]
    pub stats: bool,
    /// Threads to read, extract and compare with. Default: one per core
    /// (or RAYON_NUM_THREADS, if set). Reports are the same for any number.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Source files or folders (read recursively: .md, .txt). `-` reads
    /// standard input. Default: sources/
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Source files or folders (read recursively: .md, .txt). `-` reads
    /// standard input. Default: sources/
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Also write the discrepancy table as CSV to FILE.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Statuses that make the exit code 1 (comma-separated: consistent,
    /// style-variant, variant, misattributed, conflict, other-period; or
    /// `none`).
    #[arg(long, value_name = "LIST", default_value = "conflict,misattributed")]
    pub fail_on: String,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Claims files (.toml) or drafts (.md, .txt).
    #[arg(value_name = "CLAIM_FILE")]
    pub files: Vec<PathBuf>,
    /// A claim typed on the command line (repeatable).
    #[arg(long = "claim", value_name = "TEXT")]
    pub claims: Vec<String>,
    /// The date relative periods in claims ("last year") resolve against,
    /// for claims that have none of their own: typed claims, claims files
    /// without `as_of`, drafts without a `date`.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Source files or folders to check against. Default: sources/
    #[arg(long, short = 's', value_name = "PATH", num_args = 1..)]
    pub sources: Vec<PathBuf>,
    /// Also write the flagged claims as CSV to FILE.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Verdicts that make the exit code 1 (comma-separated: supported,
    /// style-variant, variant, misattributed, contradicted, disputed,
    /// other-period, unverified; or `none`).
    #[arg(
        long,
        value_name = "LIST",
        default_value = "variant,misattributed,contradicted,disputed"
    )]
    pub fail_on: String,
    #[command(flatten)]
    pub common: Common,
}

/// Parses a `--fail-on` list with `parse` for each name.
fn parse_list<T: Ord>(
    list: &str,
    parse: impl Fn(&str) -> Option<T>,
    names: impl IntoIterator<Item = &'static str>,
) -> Result<BTreeSet<T>, Error> {
    let allowed = names.into_iter().collect::<Vec<_>>().join(", ");
    // An empty list is most often a variable left unset in a CI script:
    // taken as "never fail", it would pass every run without a word.
    if list.split(',').all(|s| s.trim().is_empty()) {
        return Err(Error::Usage(format!(
            "--fail-on: empty (allowed: {allowed}; `none` to never fail)"
        )));
    }
    let mut out = BTreeSet::new();
    for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if name == "none" {
            continue;
        }
        out.insert(parse(name).ok_or_else(|| {
            Error::Usage(format!(
                "--fail-on: unknown value `{name}` (allowed: {allowed}, none)"
            ))
        })?);
    }
    Ok(out)
}

impl Common {
    /// Whether the report is written anywhere: `--quiet` without
    /// `--output` writes none, so it is not rendered either (a large scan
    /// spends seconds and hundreds of MB rendering its table).
    pub fn report_wanted(&self) -> bool {
        !self.quiet || self.output.is_some()
    }

    /// `--format github` is for `check` only: said before any source is
    /// read.
    fn refuse_github(&self) -> Result<(), Error> {
        if self.format == Format::Github {
            return Err(Error::Usage(render::GITHUB_IS_FOR_CHECK.into()));
        }
        Ok(())
    }
}

impl Command {
    /// The options every command takes.
    pub fn common(&self) -> &Common {
        match self {
            Command::Extract(a) => &a.common,
            Command::Scan(a) => &a.common,
            Command::Check(a) => &a.common,
        }
    }
}

/// What every command starts from.
struct Setup {
    rep: Reporter,
    speakers: SpeakerTable,
    /// `--cache`, else the configuration file's, unless `--no-cache`.
    cache: Option<PathBuf>,
}

fn setup(common: &Common) -> Result<Setup, Error> {
    let config = Config::load(common.config.as_deref())?;
    let cache = if common.no_cache {
        None
    } else {
        common.cache.clone().or_else(|| config.cache.clone())
    };
    Ok(Setup {
        rep: Reporter {
            quiet: common.quiet,
        },
        speakers: config.speaker_table(),
        cache,
    })
}

/// Where warnings and progress go, and how loud.
struct Reporter {
    quiet: bool,
}

impl Reporter {
    fn warn(&self, w: &Warning) {
        if !self.quiet {
            eprintln!("warning: {w}");
        }
    }
}

fn style_for(common: &Common) -> Style {
    let stdout_tty = std::io::stdout().is_terminal() && common.output.is_none();
    let color = match common.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            stdout_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let width = if stdout_tty {
        terminal_width().unwrap_or(120)
    } else {
        120
    };
    Style {
        color,
        width,
        fail_on: default_check_fail_on(),
    }
}

fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS").ok()?.parse().ok()
}

fn default_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("sources")]
    } else {
        paths.to_vec()
    }
}

/// Loads and extracts the sources, with warnings reported and a progress
/// bar for long runs on a terminal.
fn load_and_extract(
    paths: &[PathBuf],
    setup: &Setup,
    common: &Common,
    wanted: Wanted,
) -> Result<(Extracted, Stats), Error> {
    let started = std::time::Instant::now();
    let Setup {
        rep,
        speakers,
        cache,
    } = setup;
    let paths = default_paths(paths);
    let files = source::collect_files(&paths)?;
    let show_progress = !common.no_progress
        && !common.quiet
        && std::io::stderr().is_terminal()
        && files.len() >= 200;
    let bar = if show_progress {
        let b = indicatif::ProgressBar::new(files.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} reading sources {pos}/{len} {wide_bar} {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(b)
    } else {
        None
    };
    if files.is_empty() {
        return Err(Error::NoSources(shown(&paths)));
    }
    // A cache that cannot be opened is a warning: the run goes on without.
    let cache = cache
        .as_deref()
        .and_then(|dir| match Cache::open(dir, speakers) {
            Ok((c, w)) => {
                w.iter().for_each(|w| rep.warn(w));
                Some(c)
            }
            Err(w) => {
                rep.warn(&w);
                None
            }
        });
    let cache_used = cache.is_some();
    let (ex, warnings) =
        Extracted::from_files_cached(&files, speakers, wanted, cache.as_ref(), || {
            if let Some(b) = &bar {
                b.inc(1);
            }
        });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    for w in &warnings {
        rep.warn(w);
    }
    if ex.sources.is_empty() {
        return Err(Error::NothingReadable(shown(&paths)));
    }
    let noise = ex.figures.iter().filter(|f| f.noise).count();
    let stats = Stats {
        sources: ex.sources.len(),
        bytes: ex.sources.iter().map(|s| s.len as u64).sum(),
        from_cache: cache_used.then_some(ex.from_cache),
        quotes: ex.quotes.len(),
        figures: ex.figures.len() - noise,
        noise,
        threads: rayon::current_num_threads(),
        read: started.elapsed(),
        step: None,
    };
    Ok((ex, stats))
}

/// What `--stats` prints: what a run read, and how long its steps took.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    pub sources: usize,
    /// Bytes of all sources' texts.
    pub bytes: u64,
    /// Sources whose records came from the cache; `None` without a cache
    /// (none asked for, or one that could not be opened).
    pub from_cache: Option<usize>,
    pub quotes: usize,
    /// Figures compared, and those in page furniture (kept for `extract`,
    /// never compared).
    pub figures: usize,
    pub noise: usize,
    /// Threads the run read, extracted and compared with (`--jobs`).
    pub threads: usize,
    /// Listing, reading and extracting (or reading from the cache).
    pub read: std::time::Duration,
    /// The command's own step after that ("compared", "checked 16 claims"),
    /// and its time.
    pub step: Option<(String, std::time::Duration)>,
}

impl Stats {
    /// The lines `--stats` prints, given the time writing the report took.
    pub fn lines(&self, written: std::time::Duration) -> Vec<String> {
        let mut steps = Vec::new();
        if let Some((what, took)) = &self.step {
            steps.push(format!("{what} in {:.2} s", took.as_secs_f64()));
        }
        steps.push(format!("report written in {:.2} s", written.as_secs_f64()));
        let size = match self.bytes {
            b if b < 1024 * 1024 => format!("{:.1} KiB", b as f64 / 1024.0),
            b => format!("{:.1} MiB", b as f64 / (1024.0 * 1024.0)),
        };
        let noise = match self.noise {
            0 => String::new(),
            n => format!(" ({n} more in page furniture, not compared)"),
        };
        let cache = match self.from_cache {
            None => "no cache".to_string(),
            Some(n) => format!("{n} of them from the cache"),
        };
        vec![
            format!(
                "stats: {} ({size}) read in {:.2} s on {} {}, {cache}",
                counted(self.sources, "source"),
                self.read.as_secs_f64(),
                self.threads,
                if self.threads == 1 {
                    "thread"
                } else {
                    "threads"
                },
            ),
            format!(
                "stats: {}, {}{noise}",
                counted(self.quotes, "quotation"),
                counted(self.figures, "figure")
            ),
            format!("stats: {}", steps.join(", ")),
        ]
    }
}

fn shown(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Writes `text` to `path` atomically: a temporary file in the same folder,
/// renamed over the target once complete. A path to something that is not a
/// regular file (`/dev/null`, a pipe, `/dev/stdout`) is written into, as
/// stdout would be: renaming over it would replace a device with a file.
/// A symbolic link to a file is followed: the file is replaced, the link
/// stays.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), Error> {
    write_atomic_with(path, |w| w.write_all(text.as_bytes()))
}

/// [`write_atomic`] of whatever `write` writes (through a buffer).
fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    let err = |e: std::io::Error| Error::Output {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    // `metadata` follows links: what the path names in the end.
    let resolved;
    let path = match std::fs::metadata(path) {
        Ok(m) if !m.is_file() && !m.is_dir() => {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(err)?;
            return write_stream(file, write).map_err(err);
        }
        Ok(_) if path.is_symlink() => {
            resolved = std::fs::canonicalize(path).map_err(err)?;
            resolved.as_path()
        }
        _ => path,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(err)?;
    let mut buffered = std::io::BufWriter::new(tmp.as_file_mut());
    write(&mut buffered)
        .and_then(|_| buffered.flush())
        .map_err(err)?;
    drop(buffered);
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// What `write` writes, into a stream (stdout, a device, a pipe), through
/// a buffer. A pipe closed by its reader (`| head`) is not an error.
fn write_stream(
    out: impl Write,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut buffered = std::io::BufWriter::new(out);
    match write(&mut buffered).and_then(|_| buffered.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}

/// Writes a report into its output.
pub type WriteReport = Box<dyn Fn(&mut dyn Write) -> std::io::Result<()> + Send>;

/// A rendered report, or one that renders itself while it is written.
pub enum Report {
    /// Nothing to write (`--quiet` without `--output`).
    Nothing,
    Text(String),
    /// `--format json`, `jsonl`, `markdown` and `csv`: written straight into the
    /// output (a scan of a large corpus reports more bytes than the corpus
    /// holds).
    Stream(WriteReport),
}

impl Report {
    fn write_to(&self, w: &mut dyn Write) -> std::io::Result<()> {
        match self {
            Report::Nothing => Ok(()),
            Report::Text(s) => w.write_all(s.as_bytes()),
            Report::Stream(write) => write(w),
        }
    }
}

/// The writers of the formats that stream besides JSON (whose report
/// writes itself, [`render::json::JsonReport`]).
struct Streamed<T> {
    /// JSON lines.
    lines: fn(&T, &mut dyn Write) -> std::io::Result<()>,
    markdown: fn(&T, &mut dyn Write) -> std::io::Result<()>,
    csv: fn(&T, &mut dyn Write) -> std::io::Result<()>,
    table: fn(&T, &Style, &mut dyn Write) -> std::io::Result<()>,
}

/// `report` in `common.format`: nothing when no report is wanted
/// ([`Common::report_wanted`]); JSON, JSON lines, Markdown, CSV and the
/// table kept to stream into the output (the report of a large corpus
/// holds more text than the corpus); any other format rendered by
/// `render`.
fn report_for<T: render::json::JsonReport + Send + 'static>(
    report: T,
    common: &Common,
    style: Style,
    streamed: Streamed<T>,
    render: impl FnOnce(&T, &Style) -> Result<String, render::RenderError>,
) -> Result<Report, Error> {
    if !common.report_wanted() {
        free_later(report);
        return Ok(Report::Nothing);
    }
    let stream = match common.format {
        Format::Table => {
            let table = streamed.table;
            return Ok(Report::Stream(Box::new(move |w| table(&report, &style, w))));
        }
        Format::Json => T::write_pretty,
        Format::Jsonl => streamed.lines,
        Format::Markdown => streamed.markdown,
        Format::Csv => streamed.csv,
        _ => {
            return render(&report, &style)
                .map(Report::Text)
                .map_err(|e| Error::Usage(e.0));
        }
    };
    Ok(Report::Stream(Box::new(move |w| stream(&report, w))))
}

/// Drops `value` on a thread of its own. The records of a large corpus
/// and the report made of them are millions of small allocations: freeing
/// them one by one takes the main thread half a second per gigabyte of
/// sources, time it can spend rendering and writing instead (or exiting:
/// the process does not wait for the thread).
fn free_later<T: Send + 'static>(value: T) {
    // Where no thread can be had, `spawn` drops the closure, and the value
    // with it, right here.
    let _ = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(value));
}

/// Everything a command produced, before it is written anywhere.
pub struct Outcome {
    /// The report for stdout or `--output`.
    pub report: Report,
    /// Extra files to write (`--csv`), path and content.
    pub files: Vec<(PathBuf, String)>,
    /// Exit code: 0 or 1.
    pub code: i32,
    /// What `--stats` tells.
    pub stats: Stats,
}

/// Runs a parsed command. Writes nothing; the caller writes the outcome.
pub fn execute(cli: &Cli) -> Result<Outcome, Error> {
    match &cli.command {
        Command::Extract(a) => {
            a.common.refuse_github()?;
            let run = setup(&a.common)?;
            let (mut ex, stats) = load_and_extract(&a.paths, &run, &a.common, Wanted::ALL)?;
            if !a.common.report_wanted() {
                // Sources read and checked (errors and the exit code stand),
                // no report to build.
                return Ok(Outcome {
                    report: Report::Nothing,
                    files: vec![],
                    code: 0,
                    stats,
                });
            }
            // The records are moved into the report, one list at a time:
            // the quotations' list is freed before the figures are turned
            // (peak memory).
            let quotes = std::mem::take(&mut ex.quotes)
                .into_iter()
                .map(QuoteRecord::from)
                .collect();
            let figures = std::mem::take(&mut ex.figures)
                .into_iter()
                .map(FigureRecord::from)
                .collect();
            let report = ExtractReport { quotes, figures };
            // What is left (the sources' list) goes too.
            free_later(ex);
            let style = style_for(&a.common);
            let report = report_for(
                report,
                &a.common,
                style,
                Streamed {
                    lines: render::json::write_extract_lines,
                    markdown: render::markdown::write_extract,
                    csv: render::csv::write_extract,
                    table: render::table::write_extract,
                },
                |r, style| render::extract(r, a.common.format, style),
            )?;
            Ok(Outcome {
                report,
                files: vec![],
                code: 0,
                stats,
            })
        }
        Command::Scan(a) => {
            let fail_on = parse_list(&a.fail_on, Status::parse, Status::ALL.map(Status::as_str))?;
            a.common.refuse_github()?;
            let run = setup(&a.common)?;
            let (ex, mut stats) = load_and_extract(&a.paths, &run, &a.common, Wanted::ALL)?;
            let started = std::time::Instant::now();
            let report = crate::scan::scan(ex, &run.speakers);
            stats.step = Some(("compared".into(), started.elapsed()));
            let files = a
                .csv
                .iter()
                .map(|p| (p.clone(), render::csv::scan(&report)))
                .collect();
            let code = scan_exit_code(&report, &fail_on);
            let style = style_for(&a.common);
            let report = report_for(
                report,
                &a.common,
                style,
                Streamed {
                    lines: render::json::write_scan_lines,
                    markdown: render::markdown::write_scan,
                    csv: render::csv::write_scan,
                    table: render::table::write_scan,
                },
                |r, style| render::scan(r, a.common.format, style),
            )?;
            Ok(Outcome {
                report,
                files,
                code,
                stats,
            })
        }
        Command::Check(a) => {
            let fail_on = parse_list(
                &a.fail_on,
                Verdict::parse,
                Verdict::ALL
                    .into_iter()
                    .filter(|v| *v != Verdict::Waived)
                    .map(Verdict::as_str),
            )?;
            if a.files.is_empty() && a.claims.is_empty() {
                return Err(Error::Usage(
                    "check needs a claims file, a draft, or --claim TEXT (see crosscheck check --help)".into(),
                ));
            }
            if let Some(i) = a.claims.iter().position(|c| c.trim().is_empty()) {
                return Err(Error::Usage(format!(
                    "--claim: claim {} is empty (give the sentence to check)",
                    i + 1
                )));
            }
            let as_of = match a.as_of.as_deref() {
                None => None,
                Some(s) => Some(crate::source::parse_date(s).ok_or_else(|| {
                    Error::Usage(format!("--as-of: `{s}` is not a date (YYYY-MM-DD)"))
                })?),
            };
            let run = setup(&a.common)?;
            let (rep, speakers) = (&run.rep, &run.speakers);
            // Claims first: a malformed claims file fails before the sources
            // are read.
            let mut prepared: Vec<PreparedClaim> = Vec::new();
            for f in &a.files {
                match claims::load_claims_file(f)? {
                    claims::ClaimsInput::Claims(list) => {
                        prepared.extend(list.into_iter().map(|mut c| {
                            c.as_of = c.as_of.or(as_of);
                            check::prepare(c, speakers)
                        }));
                    }
                    claims::ClaimsInput::Draft(mut doc, warnings) => {
                        for w in &warnings {
                            rep.warn(w);
                        }
                        doc.meta.date = doc.meta.date.or(as_of);
                        let found = check::prepare_draft(&doc, speakers);
                        if found.is_empty() {
                            rep.warn(&crate::source::Warning {
                                path: doc.path.clone(),
                                line: None,
                                message:
                                    "no sentence holds a quotation or a figure: nothing to check"
                                        .into(),
                            });
                        }
                        prepared.extend(found);
                    }
                }
            }
            prepared.extend(claims::cli_claims(&a.claims).into_iter().map(|mut c| {
                c.as_of = as_of;
                check::prepare(c, speakers)
            }));
            let (ex, mut stats) =
                load_and_extract(&a.sources, &run, &a.common, check::wanted(&prepared))?;
            for w in check::unknown_scoped_sources(&prepared, &ex) {
                rep.warn(&w);
            }
            let started = std::time::Instant::now();
            let mut report = check::check(&prepared, &ex, speakers);
            // The records kept no passages ([`check::wanted`]): the
            // evidence's are read back from the sources.
            for w in check::read_back_evidence(&mut report, &ex) {
                rep.warn(&w);
            }
            free_later(ex);
            let claims = counted(prepared.len(), "claim");
            stats.step = Some((format!("checked {claims}"), started.elapsed()));
            let mut style = style_for(&a.common);
            style.fail_on = fail_on.clone();
            let mut files: Vec<(PathBuf, String)> = a
                .csv
                .iter()
                .map(|p| (p.clone(), render::csv::check(&report)))
                .collect();
            if a.common.format == Format::Github
                && let Some(summary) =
                    std::env::var_os("GITHUB_STEP_SUMMARY").filter(|s| !s.is_empty())
            {
                append_step_summary(Path::new(&summary), &render::markdown::check(&report))?;
            }
            files.retain(|(p, _)| !p.as_os_str().is_empty());
            let code = check_exit_code(&report, &fail_on);
            let report = report_for(
                report,
                &a.common,
                style,
                Streamed {
                    lines: render::json::write_check_lines,
                    markdown: render::markdown::write_check,
                    csv: render::csv::write_check,
                    table: render::table::write_check,
                },
                |r, style| render::check(r, a.common.format, style),
            )?;
            Ok(Outcome {
                report,
                files,
                code,
                stats,
            })
        }
    }
}

fn append_step_summary(path: &Path, markdown: &str) -> Result<(), Error> {
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| Error::Output {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
    f.write_all(markdown.as_bytes()).map_err(|e| Error::Output {
        path: path.display().to_string(),
        message: e.to_string(),
    })
}

pub fn scan_exit_code(r: &ScanReport, fail_on: &BTreeSet<Status>) -> i32 {
    i32::from(r.findings.iter().any(|f| fail_on.contains(&f.status)))
}

pub fn check_exit_code(r: &CheckReport, fail_on: &BTreeSet<Verdict>) -> i32 {
    i32::from(r.claims.iter().any(|c| fail_on.contains(&c.verdict)))
}

/// Parses the arguments, runs, writes the outcome; returns the exit code.
pub fn main_with_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let common = cli.command.common();
    let run = || {
        execute(&cli).and_then(|mut outcome| {
            let stats = common.stats.then(|| std::mem::take(&mut outcome.stats));
            let started = std::time::Instant::now();
            let code = write_outcome(outcome, common.output.as_deref(), common.quiet)?;
            for line in stats.iter().flat_map(|s| s.lines(started.elapsed())) {
                eprintln!("{line}");
            }
            Ok(code)
        })
    };
    let result = match common.jobs {
        // Rayon's own pool: one thread per core, or RAYON_NUM_THREADS.
        None => run(),
        // A pool of its own (not the global one, which a process builds
        // once), for everything the command runs in parallel.
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build()
            .map_err(|e| Error::Usage(format!("cannot start {n} threads: {e}")))
            .and_then(|pool| pool.install(run)),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}

fn write_outcome(outcome: Outcome, output: Option<&Path>, quiet: bool) -> Result<i32, Error> {
    for (path, text) in &outcome.files {
        write_atomic(path, text)?;
    }
    match output {
        Some(p) => write_atomic_with(p, |w| outcome.report.write_to(w))?,
        None if quiet => {}
        None => {
            write_stream(std::io::stdout().lock(), |w| outcome.report.write_to(w)).map_err(|e| {
                Error::Output {
                    path: "stdout".into(),
                    message: e.to_string(),
                }
            })?
        }
    }
    let code = outcome.code;
    free_later(outcome);
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(args: &[&str]) -> Outcome {
        let cli = Cli::try_parse_from(std::iter::once("crosscheck").chain(args.iter().copied()))
            .expect("arguments parse");
        execute(&cli).expect("runs")
    }

    #[test]
    fn stats_count_what_the_sample_corpus_holds() {
        let scan = outcome(&["scan", "sources"]).stats;
        assert_eq!(
            (scan.sources, scan.quotes, scan.figures, scan.noise),
            (12, 81, 59, 3)
        );
        assert_eq!(scan.from_cache, None);
        assert_eq!(scan.step.as_ref().map(|s| s.0.as_str()), Some("compared"));
        let size: u64 = std::fs::read_dir("sources")
            .expect("sources")
            .map(|e| e.expect("entry").metadata().expect("metadata").len())
            .sum();
        assert_eq!(scan.bytes, size);
        let check = outcome(&["check", "--claim", "Xi said \"dear friend\"", "-q"]).stats;
        assert_eq!(
            check.step.as_ref().map(|s| s.0.as_str()),
            Some("checked 1 claim")
        );
        assert_eq!(outcome(&["extract", "sources", "-q"]).stats.step, None);
    }

    #[test]
    fn stats_lines_say_sizes_cache_and_steps() {
        let second = std::time::Duration::from_millis(1250);
        let mut stats = Stats {
            sources: 3,
            bytes: 3 * 1024 * 1024 / 2,
            from_cache: Some(2),
            quotes: 7,
            figures: 5,
            noise: 0,
            threads: 2,
            read: second,
            step: Some(("checked 4 claims".into(), second * 2)),
        };
        assert_eq!(
            stats.lines(second / 5),
            [
                "stats: 3 sources (1.5 MiB) read in 1.25 s on 2 threads, 2 of them from the cache",
                "stats: 7 quotations, 5 figures",
                "stats: checked 4 claims in 2.50 s, report written in 0.25 s",
            ]
        );
        stats.bytes = 2048;
        stats.from_cache = None;
        stats.noise = 1;
        stats.step = None;
        stats.threads = 1;
        assert_eq!(
            stats.lines(second),
            [
                "stats: 3 sources (2.0 KiB) read in 1.25 s on 1 thread, no cache",
                "stats: 7 quotations, 5 figures (1 more in page furniture, not compared)",
                "stats: report written in 1.25 s",
            ]
        );
    }

    #[test]
    fn free_later_drops_the_value() {
        struct Tell(std::sync::mpsc::Sender<()>);
        impl Drop for Tell {
            fn drop(&mut self) {
                let _ = self.0.send(());
            }
        }
        let (tx, rx) = std::sync::mpsc::channel();
        free_later(Tell(tx));
        rx.recv_timeout(std::time::Duration::from_secs(10))
            .expect("dropped on the other thread");
    }

    #[test]
    fn quiet_without_output_renders_no_report() {
        for command in ["scan", "extract"] {
            let quiet = outcome(&[command, "sources", "-q"]);
            assert!(matches!(quiet.report, Report::Nothing), "{command}");
            let loud = outcome(&[command, "sources"]);
            assert!(matches!(loud.report, Report::Stream(_)), "{command}");
            assert_eq!(quiet.code, loud.code, "{command}");
            let out = std::env::temp_dir().join("crosscheck-quiet-unused.json");
            let out = out.to_str().unwrap();
            let filed = outcome(&[command, "sources", "-q", "-f", "json", "-o", out]);
            assert!(matches!(filed.report, Report::Stream(_)), "{command}");
        }
    }

    #[test]
    fn markdown_csv_and_the_table_are_streamed_for_every_command() {
        // What they write is pinned by the CLI snapshots (tests/).
        for args in [
            vec!["scan", "sources"],
            vec!["extract", "sources"],
            vec!["check", "claims/example.toml", "--sources", "sources"],
        ] {
            for (format, opens) in [("markdown", "# "), ("csv", ""), ("table", "")] {
                let mut with = args.clone();
                with.extend(["--format", format]);
                let Report::Stream(write) = outcome(&with).report else {
                    panic!("{with:?}: not streamed");
                };
                let mut written = Vec::new();
                write(&mut written).unwrap();
                let written = String::from_utf8(written).unwrap();
                assert!(written.starts_with(opens), "{with:?}");
                assert!(written.lines().count() > 2, "{with:?}: {written}");
            }
        }
    }
}
