//! The command line beside serving: `naboskab admin create --email …` creates the first admin
//! by invitation and prints the link, so no password ever appears on a command line; and
//! `naboskab backup FILE` copies the SQLite database while the portal serves;
//! `naboskab backup --nightly` makes the night's copy in `NABOSKAB_BACKUP_DIR` (what the
//! PostgreSQL installation's timer runs); `naboskab restore FILE` puts a copy back into a
//! stopped installation.
//!
//! There are two commands with one option, so the arguments are read by hand; a parser crate
//! would add build time and nothing a user would notice.

use app::{
    accounts::service::{self, Links},
    errors::Refusal,
};

use crate::{Config, StartError};

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// No arguments: serve the portal.
    Serve,
    /// `admin create --email ADDRESS`.
    CreateAdmin { email: String },
    /// `backup FILE`.
    Backup { file: std::path::PathBuf },
    /// `backup --nightly`.
    Nightly,
    /// `restore FILE`.
    Restore { file: std::path::PathBuf },
}

/// The usage text printed for unknown arguments.
pub const USAGE: &str =
    "usage: naboskab                                  serve the portal\n       \
                         naboskab admin create --email ADDRESS     invite the first admin\n       \
                         naboskab backup FILE                      copy the SQLite database to FILE\n       \
                         naboskab backup --nightly                 tonight's copy in NABOSKAB_BACKUP_DIR\n       \
                         naboskab restore FILE                     restore a backup (portal stopped)";

/// Reads the arguments after the program's name.
pub fn parse(args: &[String]) -> Result<Command, String> {
    match args {
        [] => Ok(Command::Serve),
        [admin, create, rest @ ..] if admin == "admin" && create == "create" => {
            let email = match rest {
                [flag, email] if flag == "--email" => email.clone(),
                [flag] if flag.starts_with("--email=") => flag["--email=".len()..].to_owned(),
                _ => return Err(USAGE.to_owned()),
            };
            Ok(Command::CreateAdmin { email })
        }
        [backup, flag] if backup == "backup" && flag == "--nightly" => Ok(Command::Nightly),
        [backup, file] if backup == "backup" && !file.starts_with('-') => {
            Ok(Command::Backup { file: file.into() })
        }
        [restore, file] if restore == "restore" && !file.starts_with('-') => {
            Ok(Command::Restore { file: file.into() })
        }
        _ => Err(USAGE.to_owned()),
    }
}

/// Invites `email` as an admin and returns the invitation link. The email with the same link
/// waits in the outbox and is sent when the server runs.
pub async fn create_admin(config: &Config, email: &str) -> Result<String, StartError> {
    let state = crate::prepare(config).await?;
    let links = Links {
        public_url: config.public_url.as_str(),
        site_name: &state.site.name,
    };
    let outcome = service::invite(
        &state.db,
        app::i18n::Lang::default(),
        &links,
        None,
        email,
        "admin",
        app::clock::now(),
    )
    .await;
    state.db.close().await;
    match outcome {
        Ok((_, token)) => Ok(format!(
            "{}/invitation/{}",
            config.public_url.as_str().trim_end_matches('/'),
            token.as_str()
        )),
        Err(Refusal::Invalid(feedback)) => Err(StartError::Command(
            feedback
                .errors()
                .first()
                .map(|(_, message)| message.clone())
                .unwrap_or_else(|| "the invitation was refused".to_owned()),
        )),
        Err(refusal @ (Refusal::NotFound | Refusal::Forbidden)) => {
            Err(StartError::Command(refusal.to_string()))
        }
        Err(Refusal::Internal(cause)) => Err(StartError::Command(cause.to_string())),
    }
}

/// Copies the database to `file` (see [`app::db::Db::backup_into`]) and says how big the copy
/// is. Only opens the database: a backup neither migrates nor writes anything.
pub async fn backup(config: &Config, file: &std::path::Path) -> Result<String, StartError> {
    let db = app::db::Db::connect(&config.database_url)
        .await
        .map_err(StartError::Database)?;
    let done = db.backup_into(file).await;
    db.close().await;
    done.map_err(|err| StartError::Command(err.to_string()))?;
    let bytes = std::fs::metadata(file).map(|meta| meta.len()).unwrap_or(0);
    Ok(format!(
        "Backed up the database to {} ({:.1} MB).",
        file.display(),
        bytes as f64 / 1e6
    ))
}

/// Makes tonight's copy in `NABOSKAB_BACKUP_DIR`, checks it and rotates the folder (see
/// [`crate::backups`]).
pub async fn nightly(config: &Config) -> Result<String, StartError> {
    let dir = config.backup_dir.clone().ok_or_else(|| {
        StartError::Command("NABOSKAB_BACKUP_DIR is not set: where should the copy go?".into())
    })?;
    let db = app::db::Db::connect(&config.database_url)
        .await
        .map_err(StartError::Database)?;
    let night = app::clock::local_date(app::clock::now());
    let done = crate::backups::Backups::new(dir)
        .run_nightly(&db, &config.database_url, night)
        .await;
    db.close().await;
    let copy = done.map_err(StartError::Command)?;
    Ok(format!(
        "Backed up the database to {} ({:.1} MB), checked it, and rotated the folder.",
        copy.path.display(),
        copy.bytes as f64 / 1e6
    ))
}

/// Restores `file` into the stopped installation (see [`crate::backups::restore`]).
pub async fn restore(config: &Config, file: &std::path::Path) -> Result<String, StartError> {
    crate::backups::restore(&config.database_url, file)
        .await
        .map_err(StartError::Command)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn reads_the_commands() {
        assert_eq!(parse(&[]), Ok(Command::Serve));
        assert_eq!(
            parse(&args("admin create --email a@example.org")),
            Ok(Command::CreateAdmin {
                email: "a@example.org".into()
            })
        );
        assert_eq!(
            parse(&args("admin create --email=a@example.org")),
            Ok(Command::CreateAdmin {
                email: "a@example.org".into()
            })
        );
        assert!(parse(&args("admin create")).is_err());
        assert!(parse(&args("admin create --password x")).is_err());
        assert!(parse(&args("serve")).is_err());
        assert_eq!(
            parse(&args("backup /var/backups/naboskab.db")),
            Ok(Command::Backup {
                file: "/var/backups/naboskab.db".into()
            })
        );
        assert!(parse(&args("backup")).is_err());
        assert!(parse(&args("backup --help")).is_err());
        assert!(parse(&args("backup a.db b.db")).is_err());
        assert_eq!(parse(&args("backup --nightly")), Ok(Command::Nightly));
        assert_eq!(
            parse(&args("restore /var/backups/naboskab-2026-12-06.db")),
            Ok(Command::Restore {
                file: "/var/backups/naboskab-2026-12-06.db".into()
            })
        );
        assert!(parse(&args("restore")).is_err());
        assert!(parse(&args("restore --force")).is_err());
    }
}
