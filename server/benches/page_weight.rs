//! Benchmark: how many bytes a resident's phone downloads for the main pages, as sent.
//!
//! Run with `cargo bench -p server --bench page_weight` after a release build of the site
//! (`cargo leptos build --release`, or either README command), so that the stylesheet, the
//! JavaScript and the WASM in `target/site` are the ones people get. It starts the portal in
//! this process on a temporary SQLite database with demo content, asks for each page and every
//! stylesheet, script and WASM file it names, once with brotli and once with gzip, and prints
//! the compressed sizes beside the page-weight budgets (ARCHITECTURE.md, "Budgets"). It
//! measures; it never fails on a number.

use std::path::PathBuf;

use scraper::{Html, Selector};

/// The budgets, in bytes compressed.
const HTML_BUDGET: usize = 20 * 1024;
const CSS_BUDGET: usize = 15 * 1024;
const SCRIPT_BUDGET: usize = 100 * 1024;

/// What one page costs, in compressed bytes.
#[derive(Default)]
struct Weight {
    html: usize,
    css: usize,
    script: usize,
}

#[tokio::main]
async fn main() {
    let site_root = std::env::var("LEPTOS_SITE_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/site"));
    if !site_root.join("pkg").is_dir() {
        eprintln!(
            "No built site in {}: run `cargo leptos build --release` first (or set LEPTOS_SITE_ROOT).",
            site_root.display()
        );
        std::process::exit(1);
    }
    let data = tempfile::tempdir().expect("a temporary folder");
    let url = format!("sqlite://{}", data.path().join("bench.db").display());
    let data_dir = data.path().display().to_string();
    let site = site_root.display().to_string();
    let config = server::Config::from_lookup(|name| match name {
        "DATABASE_URL" => Some(url.clone()),
        "NABOSKAB_DATA_DIR" => Some(data_dir.clone()),
        "NABOSKAB_DEMO" => Some("1".into()),
        "LEPTOS_SITE_ADDR" => Some("127.0.0.1:0".into()),
        "LEPTOS_SITE_ROOT" => Some(site.clone()),
        _ => None,
    })
    .expect("a valid configuration");
    let state = server::prepare(&config).await.expect("the app prepares");
    let listener = server::bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(server::serve(listener, state));
    let client = reqwest::Client::new();

    let article = first_article(&client, &base).await;
    let pages = [
        "/",
        article.as_str(),
        "/nyheder",
        "/kalender",
        "/nordbyposten",
    ];
    println!("Compressed bytes per page as sent (brotli; gzip in brackets):");
    println!(
        "{:<42} {:>17} {:>17} {:>17}",
        "page", "HTML", "CSS", "JS + WASM"
    );
    for page in pages {
        let br = weigh(&client, &base, page, "br").await;
        let gzip = weigh(&client, &base, page, "gzip").await;
        println!(
            "{:<42} {:>17} {:>17} {:>17}",
            page,
            pair(br.html, gzip.html),
            pair(br.css, gzip.css),
            pair(br.script, gzip.script),
        );
    }
    println!(
        "Budgets: HTML of the front page and an article {}, CSS {}, JS + WASM {} per page.",
        kb(HTML_BUDGET),
        kb(CSS_BUDGET),
        kb(SCRIPT_BUDGET)
    );
    println!("Every page loads the same one WASM file (the islands of all pages are in it).");
}

/// The page at `url`, decompressed.
async fn text(client: &reqwest::Client, url: &str) -> String {
    client.get(url).send().await.unwrap().text().await.unwrap()
}

/// The address of the newest article in the demo content.
async fn first_article(client: &reqwest::Client, base: &str) -> String {
    let html = text(client, &format!("{base}/nyheder")).await;
    let links = Selector::parse("main a[href^='/nyheder/']").unwrap();
    let document = Html::parse_document(&html);
    document
        .select(&links)
        .filter_map(|link| link.value().attr("href"))
        .find(|href| !href.starts_with("/nyheder/emne/"))
        .expect("the demo content has articles")
        .to_owned()
}

/// The compressed size of `page` and of the files it makes the browser load.
async fn weigh(client: &reqwest::Client, base: &str, page: &str, encoding: &str) -> Weight {
    let html = text(client, &format!("{base}{page}")).await;
    let document = Html::parse_document(&html);
    let mut weight = Weight {
        html: sent_size(client, base, page, encoding).await,
        ..Weight::default()
    };
    let assets = Selector::parse("link[href], script[src]").unwrap();
    let mut seen = Vec::new();
    for element in document.select(&assets) {
        let element = element.value();
        let Some(href) = element.attr("href").or_else(|| element.attr("src")) else {
            continue;
        };
        let path = href.split(['?', '#']).next().unwrap_or(href);
        let kind = if path.ends_with(".css") {
            &mut weight.css
        } else if path.ends_with(".js") || path.ends_with(".wasm") {
            &mut weight.script
        } else {
            continue;
        };
        if !path.starts_with('/') || seen.contains(&path.to_owned()) {
            continue;
        }
        seen.push(path.to_owned());
        *kind += sent_size(client, base, path, encoding).await;
    }
    weight
}

/// How many bytes are sent for `path` when asked with `Accept-Encoding: encoding` (the client
/// does not decompress, so what arrives is what the network carried); 0 for a missing file.
async fn sent_size(client: &reqwest::Client, base: &str, path: &str, encoding: &str) -> usize {
    let response = client
        .get(format!("{base}{path}"))
        .header("accept-encoding", encoding)
        .send()
        .await
        .unwrap();
    if !response.status().is_success() {
        return 0;
    }
    response.bytes().await.unwrap().len()
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

fn pair(br: usize, gzip: usize) -> String {
    format!("{} ({})", kb(br), kb(gzip).trim_end_matches(" KB"))
}
