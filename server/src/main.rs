//! The `naboskab` binary: reads the configuration, prepares the database and serves the portal;
//! or, with `admin create --email …`, invites the first admin; or, with `backup FILE`, copies
//! the SQLite database; with `backup --nightly` or `restore FILE`, makes the night's copy or
//! puts one back (see `backups`).

use server::{
    bind,
    cli::{self, Command},
    prepare, serve, start_background_work, Config, StartError,
};

fn main() {
    // Before the runtime's threads start: both settings are the process's.
    server::files_private_to_this_user();
    server::few_memory_arenas();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("the async runtime starts");
    let code = runtime.block_on(async {
        tracing_subscriber::fmt()
            .with_env_filter(
                tracing_subscriber::EnvFilter::try_from_default_env()
                    .unwrap_or_else(|_| "info,sqlx=warn,tower_http=warn".into()),
            )
            .with_writer(std::io::stderr)
            .init();
        match run().await {
            Ok(()) => 0,
            Err(err) => {
                eprintln!("naboskab: {err}");
                1
            }
        }
    });
    // Exits here rather than by returning: the runtime would wait at its end for every job on
    // its blocking threads (a CPU job a dropped request left running), and a stopped server
    // must end within its drain whatever is running.
    std::process::exit(code)
}

async fn run() -> Result<(), StartError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = cli::parse(&args).map_err(StartError::Command)?;
    let config = Config::from_env()?;
    match command {
        Command::CreateAdmin { email } => {
            let link = cli::create_admin(&config, &email).await?;
            println!(
                "Invited {email} as admin. Open this link within 7 days to choose a name and \
                 a password:\n{link}"
            );
            return Ok(());
        }
        Command::Backup { file } => {
            println!("{}", cli::backup(&config, &file).await?);
            return Ok(());
        }
        Command::Nightly => {
            println!("{}", cli::nightly(&config).await?);
            return Ok(());
        }
        Command::Restore { file } => {
            println!("{}", cli::restore(&config, &file).await?);
            return Ok(());
        }
        Command::Serve => {}
    }
    eprintln!("naboskab starting with\n{config}");
    let state = prepare(&config).await?;
    let listener = bind(config.site_addr).await?;
    let background = start_background_work(&state, &config)?;
    eprintln!(
        "naboskab serving {} ({:?}) at http://{}; emails go to {}",
        state.site.name,
        state.db.backend(),
        config.site_addr,
        background.mail
    );
    let served = serve(listener, state).await;
    background.finish().await;
    served.map_err(StartError::Serve)
}
