//! The Naboskab server as a library: start-up, the router and serving, so that the binary and
//! the tests start the very same thing.

pub mod access;
pub mod backups;
pub mod cli;
pub mod client;
pub mod config;
pub mod errors;
pub mod extract;
pub mod handlers;
pub mod headers;
pub mod html;
pub mod language;
pub mod limits;
pub mod mail;
pub mod page_cache;
pub mod paths;
pub mod render;
pub mod routes;
pub mod serving;
pub mod sessions;
pub mod shutdown;
pub mod state;
pub mod visits;

use std::{path::Path, sync::Arc, time::Duration};

use app::db::{Db, Pool};
use futures_util::FutureExt;
use leptos::config::LeptosOptions;

pub use config::Config;

use crate::state::{AppState, Shared};

/// Why the server could not start; printed as one line before exiting with code 1.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0}")]
    Config(#[from] config::ConfigError),
    #[error("the data folder {path} cannot be used: {source}")]
    DataDir {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Database(#[from] app::db::ConnectError),
    #[error("cannot read from the database: {0}")]
    Query(#[from] sqlx::Error),
    #[error("the database did not answer within {0} seconds")]
    Timeout(u64),
    #[error("the demo content did not load within {0} seconds")]
    DemoTimeout(u64),
    #[error("SMTP_URL cannot be used: {0}")]
    Mail(String),
    #[error("{0}")]
    Command(String),
    #[error("the server stopped: {0}")]
    Serve(#[source] std::io::Error),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: std::net::SocketAddr,
        #[source]
        source: std::io::Error,
    },
}

/// How long each step of start-up that waits on the database may take before start-up is given
/// up: the database must answer well within it.
const START_TIMEOUT: Duration = Duration::from_secs(8);

/// How long loading the demo content may take. It draws the demo's pictures and hashes the demo
/// accounts' passwords, which on a busy machine takes longer than the database needs to answer;
/// it happens only on an empty database with `NABOSKAB_DEMO=1`, never in production.
const DEMO_TIMEOUT: Duration = Duration::from_secs(120);

/// Opens and migrates the database, loads demo content if asked, and gathers the state.
pub async fn prepare(config: &Config) -> Result<AppState, StartError> {
    ensure_data_dir(&config.data_dir)?;
    let open = async {
        let db = Db::connect(&config.database_url).await?;
        if let Err(err) = make_database_private(&db) {
            tracing::warn!(error = %err, "could not make the database's files private");
        }
        db.migrate().await?;
        Ok::<_, StartError>(db)
    };
    let db = within(START_TIMEOUT, open).await?;
    if config.demo {
        let loaded = tokio::time::timeout(DEMO_TIMEOUT, app::demo::load_if_empty(&db))
            .await
            .map_err(|_| StartError::DemoTimeout(DEMO_TIMEOUT.as_secs()))??;
        if loaded {
            tracing::info!("demo content loaded");
        }
    }
    let gather = async {
        app::submissions::service::clean_stored_texts(&db).await?;
        let site = db.site().site_info().await?;
        let sessions = sessions::Store::for_db(&db).await?;
        Ok::<_, StartError>((site, sessions))
    };
    let (site, sessions) = within(START_TIMEOUT, gather).await?;
    let serving_lock = serving_lock(&db)?;
    Ok(AppState::new(Shared {
        leptos_options: Arc::new(leptos_options(config)),
        db,
        site: Arc::new(site),
        public_url: Arc::new(config.public_url.clone()),
        sessions,
        limits: Arc::default(),
        retention_days: config.retention_days,
        trusted_proxies: config.trusted_proxies.clone().into(),
        visits: Arc::new(visits::VisitCounter::new(
            config.public_url.host_str().unwrap_or_default(),
            config.count_visitors,
        )),
        pages: Arc::default(),
        stopping: shutdown::Stopping::default(),
        backups: config.backup_dir.clone().map(backups::Backups::new),
        serving_lock,
    }))
}

/// Runs a step of start-up that only waits on the database, giving it up after `limit`.
async fn within<T>(
    limit: Duration,
    step: impl std::future::Future<Output = Result<T, StartError>>,
) -> Result<T, StartError> {
    tokio::time::timeout(limit, step)
        .await
        .map_err(|_| StartError::Timeout(limit.as_secs()))?
}

/// The shared lock a serving portal holds on its SQLite file (see [`backups::lock_serving`]).
fn serving_lock(db: &Db) -> Result<Option<Arc<std::fs::File>>, StartError> {
    let Pool::Sqlite(pool) = db.pool() else {
        return Ok(None);
    };
    let file = pool.connect_options().get_filename().to_owned();
    // An in-memory database has no file a restore could replace.
    if file.as_os_str().is_empty() || file.as_os_str() == ":memory:" {
        return Ok(None);
    }
    backups::lock_serving(&file)
        .map(|lock| Some(Arc::new(lock)))
        .map_err(|source| StartError::DataDir {
            path: backups::lock_file_of(&file).display().to_string(),
            source,
        })
}

/// The work that runs beside the requests, until the server stops.
pub struct Background {
    /// Where emails go, for the start-up line.
    pub mail: String,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Background {
    /// Waits (at most [`shutdown::BACKGROUND_STOP_WITHIN`]) for the background work to stop,
    /// which it does when the server has stopped: the outbox worker after the email it is
    /// sending, the others at once (each of their writes is one transaction).
    pub async fn finish(self) {
        let all = futures_util::future::join_all(self.tasks);
        if tokio::time::timeout(shutdown::BACKGROUND_STOP_WITHIN, all)
            .await
            .is_err()
        {
            tracing::warn!("the background work did not stop in time");
        }
    }
}

/// Starts the work that runs beside the requests: the outbox worker sending email through the
/// configured transport, the clean-up of expired sessions and idle rate-limit keys, and the
/// deletion of old sign-ups' personal details. It stops when the server stops.
pub fn start_background_work(state: &AppState, config: &Config) -> Result<Background, StartError> {
    let mailer = match &config.smtp_url {
        Some(url) => {
            mail::Mailer::smtp(url.as_str()).map_err(|err| StartError::Mail(err.to_string()))?
        }
        None => mail::Mailer::files(config.data_dir.join("emails")).map_err(|source| {
            StartError::DataDir {
                path: config.data_dir.join("emails").display().to_string(),
                source,
            }
        })?,
    };
    let described = mailer.describe();
    let stopped = state.stopping.stopped.clone();
    let mut tasks = vec![mail::spawn_outbox_worker(
        state.db.clone(),
        mailer,
        config.mail_from.clone(),
        stopped.clone(),
    )];
    let limits = state.limits.clone();
    let others = [
        state.sessions.clone().cleanup().boxed(),
        visits::write_regularly(state.visits.clone(), state.db.clone()).boxed(),
        hourly_jobs(
            state.db.clone(),
            config.retention_days,
            state.site.name.clone(),
            config.public_url.to_string(),
        )
        .boxed(),
        newsletter_job(
            state.db.clone(),
            state.site.name.clone(),
            config.public_url.to_string(),
        )
        .boxed(),
        async move {
            let mut interval = tokio::time::interval(Duration::from_secs(10 * 60));
            loop {
                interval.tick().await;
                limits.forget_idle_keys();
            }
        }
        .boxed(),
    ];
    // On SQLite the server makes the nightly backup itself; on PostgreSQL a timer does (README).
    let mut others = Vec::from(others);
    if let (Some(backups), app::db::Backend::Sqlite) = (&state.backups, state.db.backend()) {
        others.push(
            backups::nightly(
                backups.clone(),
                state.db.clone(),
                config.database_url.clone(),
            )
            .boxed(),
        );
    }
    // These stop wherever they are waiting: each of their writes is one transaction.
    tasks.extend(others.into_iter().map(|work| {
        let stopped = stopped.clone();
        tokio::spawn(async move {
            tokio::select! {
                () = work => {},
                () = stopped.cancelled() => {},
            }
        })
    }));
    Ok(Background {
        mail: described,
        tasks,
    })
}

/// How often each instance looks whether the week's newsletter is due.
const NEWSLETTER_EVERY: Duration = Duration::from_secs(60);

/// Every minute: once the week's newsletter is due (the staff's weekday and time), queues it for
/// every subscriber that has not had it. Every instance runs this; the week is claimed once and
/// each subscriber marked in the transaction that queues its email, so each gets one.
async fn newsletter_job(db: Db, site_name: String, public_url: String) {
    let links = app::accounts::service::Links {
        public_url: &public_url,
        site_name: &site_name,
    };
    let mut interval = tokio::time::interval(NEWSLETTER_EVERY);
    loop {
        interval.tick().await;
        match app::newsletter::service::send_weekly(&db, &links, app::clock::now()).await {
            Ok(0) => {}
            Ok(queued) => tracing::info!(queued, "queued the week's newsletter"),
            Err(err) => tracing::warn!(error = %err, "could not queue the week's newsletter"),
        }
    }
}

/// The local hour from which the day-before reminders go out, so nobody gets one at night.
const REMINDER_HOUR: u32 = 9;

/// At start and then every hour: deletes the personal details of old sign-ups (privacy: they are
/// kept `days` days after the occurrence; the counts stay), the outbox's emails `days` days after
/// they were queued and the uploads that never became a cover, and from 9 o'clock queues the
/// reminders of tomorrow's sign-ups (each once, so the hourly runs only catch late sign-ups).
async fn hourly_jobs(db: Db, days: u32, site_name: String, public_url: String) {
    let links = app::accounts::service::Links {
        public_url: &public_url,
        site_name: &site_name,
    };
    let mut interval = tokio::time::interval(Duration::from_secs(60 * 60));
    loop {
        interval.tick().await;
        let now = app::clock::now();
        let today = app::clock::local_date(now);
        let before = today - chrono::Duration::days(i64::from(days));
        match db.signups().forget_old_signups(before).await {
            Ok(0) => {}
            Ok(cleared) => tracing::info!(cleared, "deleted personal details of old sign-ups"),
            Err(err) => tracing::warn!(error = %err, "could not delete old sign-up details"),
        }
        match mail::forget_old_emails(&db, days, now).await {
            Ok(0) => {}
            Ok(deleted) => tracing::info!(deleted, "deleted old emails from the outbox"),
            Err(err) => tracing::warn!(error = %err, "could not delete old emails"),
        }
        match app::newsletter::service::housekeeping(&db, now).await {
            Ok(0) => {}
            Ok(forgotten) => tracing::info!(forgotten, "forgot unconfirmed newsletter addresses"),
            Err(err) => tracing::warn!(error = %err, "could not tidy the newsletter's subscribers"),
        }
        match db
            .images()
            .delete_unused_images(now - app::images::UNUSED_KEPT)
            .await
        {
            Ok(0) => {}
            Ok(deleted) => tracing::info!(deleted, "deleted images nothing uses"),
            Err(err) => tracing::warn!(error = %err, "could not delete unused images"),
        }
        if chrono::Timelike::hour(&app::clock::local(now)) < REMINDER_HOUR {
            continue;
        }
        match app::signups::service::send_reminders(&db, &links, today, now).await {
            Ok(0) => {}
            Ok(queued) => tracing::info!(queued, "queued reminders for tomorrow"),
            Err(err) => tracing::warn!(error = %err, "could not queue reminders"),
        }
    }
}

/// Binds the listening socket.
pub async fn bind(addr: std::net::SocketAddr) -> Result<tokio::net::TcpListener, StartError> {
    tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| StartError::Bind { addr, source })
}

/// Serves the app until ctrl-c or SIGTERM, then stops without failing a request (see
/// [`shutdown`]): the socket closes, the open connections are answered for
/// [`shutdown::DRAIN_FOR`] more, then the requests in flight finish.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    let stopping = state.stopping.clone();
    stopping.on_signal();
    let listener = shutdown::ClosingListener::new(listener, &stopping)?;
    let (counter, db) = (state.visits.clone(), state.db.clone());
    let watcher = page_cache::spawn_watcher(state.pages.clone(), state.db.clone());
    let app = routes::router(state).layer(axum::middleware::from_fn_with_state(
        stopping.closed.clone(),
        shutdown::close_connections_when_draining,
    ));
    serving::serve(listener, app, stopping.clone()).await;
    // The background work stops with the server.
    stopping.stopped.cancel();
    drop(watcher);
    // A clean stop writes the page views counted since the last write.
    if let Err(err) = counter.write(&db).await {
        tracing::warn!(error = %err, "could not write the last counted page views");
    }
    Ok(())
}

/// The options Leptos needs; the output name is fixed at build time by cargo-leptos.
fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name(option_env!("LEPTOS_OUTPUT_NAME").unwrap_or("naboskab"))
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.site_addr)
        .build()
}

/// Creates the data folder if needed and proves that a file can be written in it.
/// Makes every file and folder this process creates readable and writable by its own user only
/// (a file-creation mask of 077): the database, its write-ahead log, its backups and the emails
/// written to files hold personal details and live session ids. Called first thing by `main`.
pub fn files_private_to_this_user() {
    // SAFETY: umask only swaps the process's mask and cannot fail; nothing else runs yet.
    unsafe {
        libc::umask(0o077);
    }
}

/// Keeps glibc to two memory arenas. By default it gives each thread that allocates an arena
/// of its own (up to eight per core) and keeps what was freed in each: after a load the server
/// held three times the memory it needed (the abuse benchmark measures it). Called first
/// thing by `main`, before other threads start.
pub fn few_memory_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes an allocator setting; no other thread runs yet.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// Takes read access from others on the SQLite database's files that an earlier version
/// created readable by everyone (new ones are private by the mask, see
/// [`files_private_to_this_user`]).
fn make_database_private(db: &Db) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let Pool::Sqlite(pool) = db.pool() else {
        return Ok(());
    };
    let file = pool.connect_options().get_filename().to_owned();
    for suffix in ["", "-wal", "-shm"] {
        let mut path = file.clone().into_os_string();
        path.push(suffix);
        match std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)) {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => return Err(err),
            _ => {}
        }
    }
    Ok(())
}

fn ensure_data_dir(path: &Path) -> Result<(), StartError> {
    let fail = |source| StartError::DataDir {
        path: path.display().to_string(),
        source,
    };
    std::fs::create_dir_all(path).map_err(fail)?;
    let probe = path.join(".naboskab-write-test");
    std::fs::write(&probe, b"ok").map_err(fail)?;
    std::fs::remove_file(&probe).map_err(fail)?;
    Ok(())
}
