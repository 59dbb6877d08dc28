//! The `parcours` command line: a thin layer over the library.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use parcours::commands;
use parcours::model::load::SiteOptions;

/// Typst allocates many small objects from several threads at once, which mimalloc serves
/// faster than the system allocator, and returns to the system with less fragmentation.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// parcours: multilingual digital-skills courses, tagged with DigComp 2.2, as a static site.
#[derive(Parser)]
#[command(name = "parcours", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into its output folder (public/ by default).
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// The output folder.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The address the site is published under, instead of site.yaml's base_url.
        #[arg(long)]
        base_url: Option<String>,
        /// Make a site that works opened from a folder or a USB stick (file://): links name
        /// index.html files, the search index loads without fetch, no service worker.
        #[arg(long)]
        portable: bool,
        /// Also write the portable site as one ZIP file, to share by email or on a drive
        /// (implies --portable).
        #[arg(long, value_name = "FILE")]
        zip: Option<PathBuf>,
    },
    /// Build the site, serve it on 127.0.0.1, and rebuild and reload it live as files change.
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// The port (another free one is used when it is taken).
        #[arg(long, short, default_value_t = parcours::serve::DEFAULT_PORT)]
        port: u16,
        /// The address to listen on. Only change it to preview from another device you trust.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
    },
    /// Check the whole site (front matter, competences, links, templates) and write nothing.
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// Also check that the web addresses the pages link to still answer (8 at a time,
        /// 10 s each; answers remembered for a day in .parcours-cache/).
        #[arg(long)]
        external: bool,
        /// Also print how many courses teach each DigComp competence, by language and level.
        #[arg(long)]
        coverage: bool,
    },
    /// Find the existing pages that match a query, typos and accents forgiven.
    Search {
        /// The words to look for.
        query: String,
        /// The language to search (the default language if not given).
        #[arg(long)]
        lang: Option<String>,
        /// How many pages to show.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[command(flatten)]
        site: SiteArgs,
    },
    /// Make the printable worksheet (PDF) of one page.
    Fiche {
        /// The page's Markdown file.
        file: PathBuf,
        /// The PDF to write (by default the page's slug with .pdf, here).
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        site: SiteArgs,
    },
    /// Create a new site or course.
    New {
        #[command(subcommand)]
        what: NewCommand,
    },
}

#[derive(Subcommand)]
enum NewCommand {
    /// Create a working trilingual site (fr, nl, en) in a new folder.
    Site {
        /// The folder to create.
        dir: PathBuf,
    },
    /// Create a course in every language of the site, such as `securite/ma-fiche`.
    Course {
        /// The course's path inside content/, without language or extension.
        path: String,
        /// The site folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Only this language.
        #[arg(long)]
        lang: Option<String>,
    },
}

#[derive(Args)]
struct SiteArgs {
    /// The site folder (the one with site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Make every worksheet again instead of copying the unchanged ones from
    /// .parcours-cache/worksheets/.
    #[arg(long)]
    no_cache: bool,
    /// List every problem (by default, after 20 of one kind the rest are counted).
    #[arg(long)]
    verbose: bool,
}

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Build {
            site,
            output,
            base_url,
            portable,
            zip,
        } => {
            let options = SiteOptions {
                portable: portable || zip.is_some(),
                ..options(site, base_url)
            };
            commands::build::run(&options, output.as_deref(), zip.as_deref())
        }
        Command::Serve { site, port, bind } => {
            parcours::serve::run(options(site, None), bind, port)
        }
        Command::Search {
            query,
            lang,
            limit,
            site,
        } => commands::search::run(&options(site, None), &query, lang.as_deref(), limit),
        Command::Fiche { file, output, site } => {
            commands::fiche::run(&options(site, None), &file, output.as_deref())
        }
        Command::Check {
            site,
            external,
            coverage,
        } => commands::check::run(&options(site, None), external, coverage),
        Command::New {
            what: NewCommand::Site { dir },
        } => commands::new::site(&dir),
        Command::New {
            what: NewCommand::Course { path, root, lang },
        } => commands::new::course(&root, &path, lang.as_deref()),
    };
    std::process::exit(code);
}

fn options(site: SiteArgs, base_url: Option<String>) -> SiteOptions {
    SiteOptions {
        root: site.root,
        drafts: site.drafts,
        base_url,
        no_cache: site.no_cache,
        verbose: site.verbose,
        portable: false,
    }
}
