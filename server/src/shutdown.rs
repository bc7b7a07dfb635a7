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
//!
//! Two orderings keep a client that connects at the moment of the signal from being reset:
//! the connections the operating system has already completed (its accept queue) are
//! accepted and served before the socket closes, as closing it resets them; and an answer
//! says `Connection: close` only once the socket is closed ([`Stopping::closed`]), so the
//! client's next connection is refused rather than queued on a socket about to close.

use std::{collections::VecDeque, future::Future, net::SocketAddr, time::Duration};

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
    /// Set by the signal: close the socket.
    pub draining: CancellationToken,
    /// Set once the socket is closed: answer with `Connection: close`.
    pub closed: CancellationToken,
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
    state: ListenerState,
    addr: SocketAddr,
    draining: CancellationToken,
    closed: CancellationToken,
}

/// Where a [`ClosingListener`] is in its life.
enum ListenerState {
    /// Accepting.
    Open(TcpListener),
    /// Closed; the connections that were waiting in the accept queue are still handed out.
    Closed(VecDeque<(TcpStream, SocketAddr)>),
}

impl ClosingListener {
    pub fn new(listener: TcpListener, stopping: &Stopping) -> std::io::Result<Self> {
        Ok(Self {
            addr: listener.local_addr()?,
            state: ListenerState::Open(listener),
            draining: stopping.draining.clone(),
            closed: stopping.closed.clone(),
        })
    }

    /// Ends when draining begins and the socket is closed; never ends after that. Lets the
    /// accept loop close the socket while it waits for a free connection slot.
    pub async fn close_when_draining(&mut self) {
        if matches!(self.state, ListenerState::Open(_)) {
            self.draining.cancelled().await;
            self.close();
        } else {
            std::future::pending().await
        }
    }

    /// Accepts, without waiting, every connection the operating system has completed, then
    /// closes the socket and says so.
    fn close(&mut self) {
        let ListenerState::Open(listener) =
            std::mem::replace(&mut self.state, ListenerState::Closed(VecDeque::new()))
        else {
            return;
        };
        let mut waiting = VecDeque::new();
        // The accept system call itself rather than tokio's readiness, which may not yet know
        // of a connection that has just arrived.
        match listener.into_std() {
            Ok(listener) => {
                while let Ok((stream, peer)) = listener.accept() {
                    let stream = stream
                        .set_nonblocking(true)
                        .and_then(|()| TcpStream::from_std(stream));
                    match stream {
                        Ok(stream) => waiting.push_back((stream, peer)),
                        Err(err) => tracing::debug!(error = %err, "a waiting connection failed"),
                    }
                }
            }
            Err(err) => tracing::warn!(error = %err, "could not take the waiting connections"),
        }
        self.state = ListenerState::Closed(waiting);
        self.closed.cancel();
    }
}

impl Listener for ClosingListener {
    type Io = TcpStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (TcpStream, SocketAddr) {
        if let ListenerState::Open(listener) = &mut self.state {
            tokio::select! {
                // axum's own accept loop, with its handling of accept errors.
                accepted = Listener::accept(listener) => return accepted,
                () = self.draining.cancelled() => {}
            }
            self.close();
        }
        if let ListenerState::Closed(waiting) = &mut self.state {
            if let Some(accepted) = waiting.pop_front() {
                return accepted;
            }
        }
        std::future::pending().await
    }

    fn local_addr(&self) -> std::io::Result<SocketAddr> {
        Ok(self.addr)
    }
}

/// Once the socket is closed, every answer closes its connection after it.
pub async fn close_connections_when_draining(
    axum::extract::State(closed): axum::extract::State<CancellationToken>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    if closed.is_cancelled() {
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
