//! Configuration: read once at start from environment variables (and an optional `.env`),
//! each with a default that works on a laptop, and printed with secrets redacted.

use std::{
    fmt,
    net::{IpAddr, SocketAddr},
    path::{Path, PathBuf},
};

use url::Url;

/// Everything the server reads from its environment.
#[derive(Clone)]
pub struct Config {
    /// `LEPTOS_SITE_ADDR`: where to listen.
    pub site_addr: SocketAddr,
    /// `DATABASE_URL`: `sqlite:…` (the default, under the data folder) or `postgres://…`.
    pub database_url: String,
    /// `NABOSKAB_DATA_DIR`: the folder for the SQLite file and emails written to files.
    pub data_dir: PathBuf,
    /// `NABOSKAB_DEMO`: load demo content into an empty database.
    pub demo: bool,
    /// `NABOSKAB_PUBLIC_URL`: the address residents use, for links in emails and feeds.
    pub public_url: Url,
    /// `SMTP_URL`: the mail server; unset means emails are written as files.
    pub smtp_url: Option<Url>,
    /// `NABOSKAB_MAIL_FROM`: the sender of every email.
    pub mail_from: lettre::message::Mailbox,
    /// `LEPTOS_SITE_ROOT`: the folder with the built stylesheet, WASM and public files.
    pub site_root: String,
    /// `NABOSKAB_RETENTION_DAYS`: how many days after an occurrence the personal details of its
    /// sign-ups are deleted.
    pub retention_days: u32,
    /// `NABOSKAB_TRUSTED_PROXIES`: the addresses of reverse proxies in front of the server, whose
    /// `X-Forwarded-For` names the client (comma-separated; none by default).
    /// Reverse proxies whose `X-Forwarded-For` names the client: addresses or networks.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// `NABOSKAB_COUNT_VISITORS`: count anonymous page views for the visitor figures (on by
    /// default).
    pub count_visitors: bool,
    /// `NABOSKAB_BACKUP_DIR`: the folder of the nightly backups (unset: none are made).
    pub backup_dir: Option<PathBuf>,
}

/// A configuration value that cannot be used, named by its variable.
#[derive(Debug, thiserror::Error)]
#[error("{variable}={value:?} is not valid: {reason}")]
pub struct ConfigError {
    pub variable: &'static str,
    pub value: String,
    pub reason: String,
}

impl Config {
    /// Reads the configuration from the process environment, after loading `.env` if present.
    pub fn from_env() -> Result<Self, ConfigError> {
        // A missing .env is normal; a malformed one should not pass silently.
        if let Err(err) = dotenvy::dotenv() {
            if !err.not_found() {
                return Err(ConfigError {
                    variable: ".env",
                    value: ".env".into(),
                    reason: err.to_string(),
                });
            }
        }
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup`, so tests need not touch the environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());

        let site_addr = match get("LEPTOS_SITE_ADDR") {
            None => SocketAddr::from(([127, 0, 0, 1], 3000)),
            Some(value) => value.trim().parse().map_err(|_| ConfigError {
                variable: "LEPTOS_SITE_ADDR",
                value,
                reason: "expected an address and port such as 127.0.0.1:3000".into(),
            })?,
        };
        let data_dir = PathBuf::from(get("NABOSKAB_DATA_DIR").unwrap_or_else(|| "./data".into()));
        let database_url = get("DATABASE_URL").unwrap_or_else(|| default_database_url(&data_dir));
        if let Err(err) = app::db::Backend::of_url(&database_url) {
            return Err(ConfigError {
                variable: "DATABASE_URL",
                value: redact_url_text(&database_url),
                reason: err.to_string(),
            });
        }
        let demo = match get("NABOSKAB_DEMO") {
            None => false,
            Some(value) => parse_flag(&value).ok_or_else(|| ConfigError {
                variable: "NABOSKAB_DEMO",
                value,
                reason: "expected 1 or 0 (or true/false)".into(),
            })?,
        };
        let public_url = match get("NABOSKAB_PUBLIC_URL") {
            None => Url::parse(&format!("http://{site_addr}/")).expect("an address is a valid URL"),
            Some(value) => parse_http_url(&value).map_err(|reason| ConfigError {
                variable: "NABOSKAB_PUBLIC_URL",
                value,
                reason,
            })?,
        };
        let smtp_url = match get("SMTP_URL") {
            None => None,
            Some(value) => Some(parse_smtp_url(&value).map_err(|reason| ConfigError {
                variable: "SMTP_URL",
                value: redact_url_text(&value),
                reason,
            })?),
        };
        let mail_from = match get("NABOSKAB_MAIL_FROM") {
            None => default_mail_from(&public_url),
            Some(value) => value.trim().parse().map_err(|err| ConfigError {
                variable: "NABOSKAB_MAIL_FROM",
                value,
                reason: format!(
                    "expected an address such as \"Naboskab <noreply@example.org>\" ({err})"
                ),
            })?,
        };
        let site_root = get("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into());
        let retention_days = match get("NABOSKAB_RETENTION_DAYS") {
            None => 30,
            Some(value) => value
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|days| (1..=3650).contains(days))
                .ok_or_else(|| ConfigError {
                    variable: "NABOSKAB_RETENTION_DAYS",
                    value,
                    reason: "expected a number of days from 1 to 3650".into(),
                })?,
        };
        let trusted_proxies = match get("NABOSKAB_TRUSTED_PROXIES") {
            None => Vec::new(),
            Some(value) => value
                .split(',')
                .map(|part| {
                    let part = part.trim();
                    part.parse::<ipnet::IpNet>()
                        .or_else(|_| part.parse::<IpAddr>().map(ipnet::IpNet::from))
                })
                .collect::<Result<_, _>>()
                .map_err(|_| ConfigError {
                    variable: "NABOSKAB_TRUSTED_PROXIES",
                    value,
                    reason: "expected IP addresses or networks separated by commas, such as \
                             127.0.0.1,::1 or 10.0.0.0/8"
                        .into(),
                })?,
        };
        let count_visitors = match get("NABOSKAB_COUNT_VISITORS") {
            None => true,
            Some(value) => parse_flag(&value).ok_or_else(|| ConfigError {
                variable: "NABOSKAB_COUNT_VISITORS",
                value,
                reason: "expected 1 or 0 (or true/false)".into(),
            })?,
        };
        let backup_dir = get("NABOSKAB_BACKUP_DIR")
            .filter(|value| !value.trim().is_empty())
            .map(PathBuf::from);
        Ok(Self {
            site_addr,
            database_url,
            data_dir,
            demo,
            public_url,
            smtp_url,
            mail_from,
            site_root,
            retention_days,
            trusted_proxies,
            count_visitors,
            backup_dir,
        })
    }

    /// Whether the public address is https, which makes cookies `Secure`.
    pub fn is_https(&self) -> bool {
        self.public_url.scheme() == "https"
    }
}

/// The configuration as printed at start: one line per setting, passwords replaced.
impl fmt::Display for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "  LEPTOS_SITE_ADDR    = {}", self.site_addr)?;
        writeln!(
            f,
            "  DATABASE_URL        = {}",
            redact_url_text(&self.database_url)
        )?;
        writeln!(f, "  NABOSKAB_DATA_DIR   = {}", self.data_dir.display())?;
        writeln!(f, "  NABOSKAB_DEMO       = {}", u8::from(self.demo))?;
        writeln!(f, "  NABOSKAB_PUBLIC_URL = {}", self.public_url)?;
        match &self.smtp_url {
            Some(url) => writeln!(f, "  SMTP_URL            = {}", redact_url(url))?,
            None => writeln!(
                f,
                "  SMTP_URL            = (unset: emails are written to files)"
            )?,
        }
        writeln!(f, "  NABOSKAB_MAIL_FROM  = {}", self.mail_from)?;
        writeln!(f, "  LEPTOS_SITE_ROOT    = {}", self.site_root)?;
        writeln!(f, "  NABOSKAB_RETENTION_DAYS = {}", self.retention_days)?;
        let proxies: Vec<String> = self
            .trusted_proxies
            .iter()
            .map(|net| match net.prefix_len() == net.max_prefix_len() {
                true => net.addr().to_string(),
                false => net.to_string(),
            })
            .collect();
        if proxies.is_empty() {
            writeln!(f, "  NABOSKAB_TRUSTED_PROXIES = (none)")?;
        } else {
            writeln!(f, "  NABOSKAB_TRUSTED_PROXIES = {}", proxies.join(","))?;
        }
        writeln!(
            f,
            "  NABOSKAB_COUNT_VISITORS = {}",
            u8::from(self.count_visitors)
        )?;
        match &self.backup_dir {
            Some(dir) => write!(f, "  NABOSKAB_BACKUP_DIR = {}", dir.display()),
            None => write!(f, "  NABOSKAB_BACKUP_DIR = (unset: no nightly backups)"),
        }
    }
}

/// The Debug form is the redacted one too, so a stray `{:?}` cannot leak a password.
impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

fn default_database_url(data_dir: &Path) -> String {
    format!("sqlite://{}", data_dir.join("naboskab.db").display())
}

/// `noreply@` the public host, or `noreply@localhost` when the host is an IP address.
fn default_mail_from(public_url: &Url) -> lettre::message::Mailbox {
    let domain = match public_url.host() {
        Some(url::Host::Domain(domain)) if domain.contains('.') => domain.to_owned(),
        _ => "localhost".to_owned(),
    };
    format!("Naboskab <noreply@{domain}>")
        .parse()
        .unwrap_or_else(|_| {
            "Naboskab <noreply@localhost>"
                .parse()
                .expect("a valid address")
        })
}

fn parse_flag(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

fn parse_http_url(value: &str) -> Result<Url, String> {
    let url = Url::parse(value.trim()).map_err(|err| err.to_string())?;
    match url.scheme() {
        "http" | "https" if url.has_host() => Ok(url),
        _ => Err("expected an http:// or https:// address".into()),
    }
}

fn parse_smtp_url(value: &str) -> Result<Url, String> {
    let url = Url::parse(value.trim()).map_err(|err| err.to_string())?;
    match url.scheme() {
        "smtp" | "smtps" if url.has_host() => Ok(url),
        _ => Err("expected smtp://host:port or smtps://user:password@host".into()),
    }
}

/// A URL with its password replaced by `***`.
fn redact_url(url: &Url) -> String {
    let mut shown = url.clone();
    if shown.password().is_some() {
        // Setting a password only fails for URLs that cannot carry one, which these can.
        let _ = shown.set_password(Some("***"));
    }
    shown.to_string()
}

/// Like [`redact_url`] for text that may not parse as a URL (SQLite paths, typos).
fn redact_url_text(value: &str) -> String {
    match Url::parse(value) {
        Ok(url) => redact_url(&url),
        Err(_) => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| vars.get(name).cloned())
    }

    #[test]
    fn defaults_work_on_a_laptop() {
        let config = config(&[]).unwrap();
        assert_eq!(config.site_addr.to_string(), "127.0.0.1:3000");
        assert_eq!(config.database_url, "sqlite://./data/naboskab.db");
        assert_eq!(config.data_dir, PathBuf::from("./data"));
        assert!(!config.demo);
        assert_eq!(config.public_url.as_str(), "http://127.0.0.1:3000/");
        assert!(config.smtp_url.is_none());
        assert!(!config.is_https());
        assert_eq!(config.mail_from.to_string(), "Naboskab <noreply@localhost>");
        assert_eq!(config.retention_days, 30);
        assert!(config.trusted_proxies.is_empty());
        assert!(config.count_visitors);
    }

    #[test]
    fn trusted_proxies_are_a_list_of_addresses() {
        let config = config(&[
            ("NABOSKAB_TRUSTED_PROXIES", "127.0.0.1, ::1, 10.0.0.0/8"),
            ("NABOSKAB_COUNT_VISITORS", "0"),
        ])
        .unwrap();
        let expected: Vec<ipnet::IpNet> = vec![
            "127.0.0.1/32".parse().unwrap(),
            "::1/128".parse().unwrap(),
            "10.0.0.0/8".parse().unwrap(),
        ];
        assert_eq!(config.trusted_proxies, expected);
        assert!(!config.count_visitors);
        assert!(format!("{config}").contains("NABOSKAB_TRUSTED_PROXIES = 127.0.0.1,::1,10.0.0.0/8"));
        assert!(self::config(&[("NABOSKAB_TRUSTED_PROXIES", "10.0.0.0/33")]).is_err());
    }

    #[test]
    fn the_database_follows_the_data_folder() {
        let config = config(&[("NABOSKAB_DATA_DIR", "/srv/naboskab")]).unwrap();
        assert_eq!(config.database_url, "sqlite:///srv/naboskab/naboskab.db");
    }

    #[test]
    fn bad_values_name_their_variable() {
        for (variable, value) in [
            ("LEPTOS_SITE_ADDR", "localhost"),
            ("DATABASE_URL", "mysql://db/naboskab"),
            ("NABOSKAB_DEMO", "maybe"),
            ("NABOSKAB_PUBLIC_URL", "ftp://example.org"),
            ("SMTP_URL", "mail.example.org"),
            ("NABOSKAB_MAIL_FROM", "ikke en adresse"),
            ("NABOSKAB_RETENTION_DAYS", "0"),
            ("NABOSKAB_RETENTION_DAYS", "en måned"),
            ("NABOSKAB_TRUSTED_PROXIES", "127.0.0.1,proxy.example.org"),
            ("NABOSKAB_COUNT_VISITORS", "nogle"),
        ] {
            let err = config(&[(variable, value)]).unwrap_err();
            assert_eq!(err.variable, variable);
            assert!(err.to_string().starts_with(variable), "{err}");
        }
    }

    #[test]
    fn printing_hides_passwords() {
        let config = config(&[
            (
                "DATABASE_URL",
                "postgres://naboskab:hemmelig@db.example.org/naboskab",
            ),
            (
                "SMTP_URL",
                "smtps://mail:endnu-mere-hemmelig@mail.example.org",
            ),
            ("NABOSKAB_DEMO", "1"),
        ])
        .unwrap();
        let printed = format!("{config}\n{config:?}");
        assert!(!printed.contains("hemmelig"), "{printed}");
        assert!(printed.contains("postgres://naboskab:***@db.example.org/naboskab"));
        assert!(printed.contains("smtps://mail:***@mail.example.org"));
        assert!(config.demo);
    }

    #[test]
    fn https_public_url_is_recognised() {
        let config = config(&[("NABOSKAB_PUBLIC_URL", "https://nordby.example.org")]).unwrap();
        assert!(config.is_https());
        assert_eq!(
            config.mail_from.email.to_string(),
            "noreply@nordby.example.org"
        );
    }
}
