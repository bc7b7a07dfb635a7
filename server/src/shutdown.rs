//! Stopping without failing a request. On SIGTERM (or ctrl-c) the server first *drains*: the
//! listening socket closes at once, so a new connection is refused cleanly (a proxy or client
//! tries elsewhere), while every connection already open is answered as usual, each answer
//! now with `Connection: close`, so a client never sends another request on it. After
//! [`DRAIN_FOR`] the connections still open (idle ones) are closed, requests in flight are
//! finished, and the background work stops between two pieces of work (the outbox worker
//! between two emails).
//!
//! Hyper's own graceful shutdown alone would close an idle keep-alive connection at once,
//! which fails a request a client is writing to it at that moment; hence the drain.

use std::{future::Future, net::SocketAddr, time::Duration};

use axum::{
    extract::Request,
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
    serve::Listener,
};
use tokio::net::{TcpListener, TcpStream};
use tokio_util::sync::CancellationToken;

/// How long open connections are still served after the signal.
pub const DRAIN_FOR: Duration = Duration::from_secs(2);

/// How long the background work may take to reach a point where it can stop.
pub const BACKGROUND_STOP_WITHIN: Duration = Duration::from_secs(20);

/// The phases of stopping, shared by the listener, the answers and the background work.
#[derive(Clone, Debug, Default)]
pub struct Stopping {
    /// Set by the signal: close the socket, answer with `Connection: close`.
    pub draining: CancellationToken,
    /// Set after the drain: close the remaining connections, stop the background work.
    pub stopped: CancellationToken,
}

impl Stopping {
    /// Drains on the first SIGTERM or ctrl-c, then stops after [`DRAIN_FOR`].
    pub fn on_signal(&self) {
        let stopping = self.clone();
        tokio::spawn(async move {
            signal().await;
            tracing::info!("stopping: draining the open connections");
            stopping.drain_then_stop().await;
        });
    }

    /// Drains now, and stops after [`DRAIN_FOR`].
    pub async fn drain_then_stop(&self) {
        self.draining.cancel();
        tokio::time::sleep(DRAIN_FOR).await;
        self.stopped.cancel();
    }

    /// A future that ends when the connections are to be closed.
    pub fn stopped(&self) -> impl Future<Output = ()> + Send + 'static {
        self.stopped.clone().cancelled_owned()
    }
}

/// The listening socket, closed when draining begins: from then on a new connection is
/// refused by the operating system instead of being accepted and then dropped.
pub struct ClosingListener {
    inner: Option<TcpListener>,
    addr: SocketAddr,
    draining: CancellationToken,
}

impl ClosingListener {
    pub fn new(listener: TcpListener, stopping: &Stopping) -> std::io::Result<Self> {
        Ok(Self {
            addr: listener.local_addr()?,
            inner: Some(listener),
            draining: stopping.draining.clone(),
        })
    }
}

impl Listener for ClosingListener {
    type Io = TcpStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (TcpStream, SocketAddr) {
        let Self {
            inner, draining, ..
        } = self;
        if let Some(listener) = inner.as_mut() {
            tokio::select! {
                // axum's own accept loop, with its handling of accept errors.
                accepted = Listener::accept(listener) => return accepted,
                () = draining.cancelled() => {}
            }
        }
        *inner = None;
        std::future::pending().await
    }

    fn local_addr(&self) -> std::io::Result<SocketAddr> {
        Ok(self.addr)
    }
}

/// While draining, every answer closes its connection after it.
pub async fn close_connections_when_draining(
    axum::extract::State(draining): axum::extract::State<CancellationToken>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    if draining.is_cancelled() {
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    response
}

/// The first SIGTERM or ctrl-c.
async fn signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
