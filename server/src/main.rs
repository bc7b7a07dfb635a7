//! The `naboskab` binary: reads the configuration, prepares the database and serves the portal;
//! or, with `admin create --email …`, invites the first admin.

use std::process::ExitCode;

use server::{
    bind,
    cli::{self, Command},
    prepare, serve, start_background_work, Config, StartError,
};

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("naboskab: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), StartError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = cli::parse(&args).map_err(StartError::Command)?;
    let config = Config::from_env()?;
    if let Command::CreateAdmin { email } = command {
        let link = cli::create_admin(&config, &email).await?;
        println!(
            "Invited {email} as admin. Open this link within 7 days to choose a name and a \
             password:\n{link}"
        );
        return Ok(());
    }
    eprintln!("naboskab starting with\n{config}");
    let state = prepare(&config).await?;
    let listener = bind(config.site_addr).await?;
    let mail = start_background_work(&state, &config)?;
    eprintln!(
        "naboskab serving {} ({:?}) at http://{}; emails go to {mail}",
        state.site.name,
        state.db.backend(),
        config.site_addr
    );
    serve(listener, state).await.map_err(StartError::Serve)
}
