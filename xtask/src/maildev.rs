//! A real SMTP server for the tests: maildev from npm, on free loopback ports, with a mail
//! folder of its own for each run. Its HTTP API lists what arrived.

use std::{
    net::TcpStream,
    path::Path,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use crate::{e2e::free_port, Result};

/// A running maildev, stopped when dropped.
pub struct Maildev {
    child: Child,
    /// `smtp://127.0.0.1:PORT`, for `TEST_SMTP_URL`.
    pub smtp_url: String,
    /// `http://127.0.0.1:PORT/api`, for `TEST_MAILDEV_URL`.
    pub api_url: String,
}

impl Drop for Maildev {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts maildev and waits until both its ports accept connections.
pub fn start(root: &Path) -> Result<Maildev> {
    let smtp = free_port()?;
    let web = free_port()?;
    let dir = root.join("target").join("maildev");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)
        .map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
    let child = Command::new(root.join("node_modules").join(".bin").join("maildev"))
        .args([
            "--ip",
            "127.0.0.1",
            "--smtp",
            &smtp.to_string(),
            "--web",
            &web.to_string(),
        ])
        .arg("--mail-directory")
        .arg(&dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .stdin(Stdio::null())
        .spawn()
        .map_err(|err| format!("cannot start maildev: {err}"))?;
    let maildev = Maildev {
        child,
        smtp_url: format!("smtp://127.0.0.1:{smtp}"),
        api_url: format!("http://127.0.0.1:{web}/api"),
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    let listening = |port: u16| TcpStream::connect(("127.0.0.1", port)).is_ok();
    while Instant::now() < deadline {
        if listening(smtp) && listening(web) {
            println!(
                "    maildev: SMTP at {}, API at {}",
                maildev.smtp_url, maildev.api_url
            );
            return Ok(maildev);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err("maildev did not start within 20 s".into())
}
