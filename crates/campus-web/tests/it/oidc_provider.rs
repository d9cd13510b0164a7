//! The local OpenID provider of the federated sign-in tests
//! (`tests/oidc-provider/server.mjs`, built on the `oidc-provider` npm
//! package), run as a child process.
//!
//! The process is killed when the [`TestOidcProvider`] is dropped. Its stdin
//! is a pipe kept open for that lifetime: should the test binary die without
//! running destructors, the pipe closes and the provider exits by itself.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, ChildStdin, Command};

/// How long the provider may take to print its `ready` line.
const START_TIMEOUT: Duration = Duration::from_secs(20);

/// The provider's script in this repository.
pub const SCRIPT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/oidc-provider/server.mjs"
);

/// A running provider; killed on drop.
pub struct TestOidcProvider {
    issuer: String,
    child: Child,
    // Held only to keep the pipe open (see the module documentation).
    _stdin: ChildStdin,
}

impl TestOidcProvider {
    /// Starts `node <script>` with the given environment (`CLIENTS`,
    /// `ACCOUNTS`, `CODE_TTL_SECONDS`, ...; `PORT` defaults to 0, a free port)
    /// and waits for its `ready <issuer>` line.
    ///
    /// The provider's stderr is forwarded to this process' stderr, prefixed.
    pub async fn start(script: &Path, env: &[(&str, String)]) -> Result<Self, String> {
        let dir = script
            .parent()
            .ok_or_else(|| format!("{} has no parent directory", script.display()))?;
        if !dir.join("node_modules").join("oidc-provider").is_dir() {
            return Err(format!(
                "oidc-provider is not installed: run `npm ci` in {}",
                dir.display()
            ));
        }

        let mut command = Command::new("node");
        command
            .arg(script)
            .current_dir(dir)
            .env("PORT", "0")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        for (name, value) in env {
            command.env(name, value);
        }
        let mut child = command
            .spawn()
            .map_err(|e| format!("cannot start node {}: {e}", script.display()))?;

        let (Some(stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            return Err("child pipes missing".to_string());
        };
        tokio::spawn(async move {
            let mut lines = BufReader::new(stderr).lines();
            while let Ok(Some(line)) = lines.next_line().await {
                eprintln!("[oidc-provider] {line}");
            }
        });

        let mut lines = BufReader::new(stdout).lines();
        let first = tokio::time::timeout(START_TIMEOUT, lines.next_line())
            .await
            .map_err(|_| format!("oidc-provider not ready after {START_TIMEOUT:?}"))?
            .map_err(|e| format!("cannot read oidc-provider output: {e}"))?;
        let issuer = match first.as_deref().and_then(|l| l.strip_prefix("ready ")) {
            Some(url) => url.trim().to_string(),
            None => {
                let status = child.wait().await.ok();
                return Err(format!(
                    "oidc-provider did not start (first line {first:?}, exit status {status:?}); see its stderr above"
                ));
            }
        };
        // Keep draining stdout so that the provider never blocks on it.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });

        Ok(TestOidcProvider {
            issuer,
            child,
            _stdin: stdin,
        })
    }

    /// Issuer URL, `http://127.0.0.1:<port>` (no trailing slash).
    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// Stops the provider now rather than at drop.
    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}
