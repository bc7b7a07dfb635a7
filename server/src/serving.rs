//! The connections: accepting them, serving HTTP/1.1 on each with hyper, and closing them on
//! shutdown, with bounds that keep slow or many clients from taking the server from everyone.
//!
//! - **Headers in [`HEADER_TIMEOUT`].** A client must send a request's whole header within a
//!   few seconds of the connection waiting for one (also an idle keep-alive connection), or the
//!   connection is closed: a slowloris client that trickles a header byte by byte holds a
//!   connection for seconds, not for ever.
//! - **At most [`MOST_CONNECTIONS`] connections.** Past that, new connections wait in the
//!   operating system's queue until one closes; the header timeout frees slots held by slow
//!   clients, so a resident waits seconds at worst.
//! - **At most [`MOST_IN_FLIGHT`] requests being answered at once** (the rest wait for a
//!   slot), which bounds the memory that rendering takes under an overload.
//! - **A small read buffer per connection** ([`READ_BUFFER`]): a thousand idle connections
//!   take a few megabytes.
//!
//! axum's own `serve` fixes hyper's settings (no header timeout, no timer), so the loop is
//! written here with hyper-util's connection builder, as axum's `serve` is; its graceful
//! shutdown is hyper-util's.

use std::{convert::Infallible, net::SocketAddr, sync::Arc, time::Duration};

use axum::{
    body::Body,
    extract::{ConnectInfo, Request},
    serve::Listener,
    Router,
};
use hyper::body::Incoming;
use hyper_util::{
    rt::{TokioExecutor, TokioIo, TokioTimer},
    server::{conn::auto::Builder, graceful::GracefulShutdown},
    service::TowerToHyperService,
};
use tokio::sync::Semaphore;
use tower::{Service, ServiceExt};

use crate::shutdown::{ClosingListener, Stopping};

/// How long a client has to send a request's header once the connection waits for one.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(5);

/// The most connections open at once.
pub const MOST_CONNECTIONS: usize = 2048;

/// The most requests being answered at once: far more than two cores can work on, so it costs
/// no throughput, while it bounds the memory rendering takes under an overload.
pub const MOST_IN_FLIGHT: usize = 64;

/// The bytes hyper buffers per connection while reading a request's header (hyper's
/// smallest allowed is 8 KiB); a header larger than this is refused.
const READ_BUFFER: usize = 64 * 1024;

/// How long the requests in flight at the end of the drain may take to finish before the
/// process stops anyway.
pub const FINISH_WITHIN: Duration = Duration::from_secs(5);

/// Serves `router` on every connection `listener` accepts until `stopping` says stop, then
/// closes the connections gracefully (each after its request in flight), waiting at most
/// [`FINISH_WITHIN`] for them.
pub async fn serve(listener: ClosingListener, router: Router, stopping: Stopping) {
    let connections = Arc::new(Semaphore::new(MOST_CONNECTIONS));
    let in_flight = Arc::new(Semaphore::new(MOST_IN_FLIGHT));
    let graceful = GracefulShutdown::new();
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .max_buf_size(READ_BUFFER);
    let builder = builder.http1_only();
    let mut listener = listener;
    let stopped = stopping.stopped();
    tokio::pin!(stopped);
    loop {
        let permit = tokio::select! {
            permit = connections.clone().acquire_owned() => permit.expect("never closed"),
            () = listener.close_when_draining() => continue,
            () = &mut stopped => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut stopped => break,
        };
        // Leptos writes a page in several pieces: without TCP_NODELAY every keep-alive
        // request waits for Nagle's algorithm (about 40 ms).
        let _ = stream.set_nodelay(true);
        let service = connection_service(router.clone(), peer, in_flight.clone());
        let connection = builder.serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection.into_owned());
        tokio::spawn(async move {
            if let Err(err) = connection.await {
                tracing::debug!(error = %err, "a connection ended with an error");
            }
            drop(permit);
        });
    }
    if tokio::time::timeout(FINISH_WITHIN, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            "requests were still running {} s after the drain; stopping anyway",
            FINISH_WITHIN.as_secs()
        );
    }
}

/// The service of one connection: the router, with the peer's address for the rate limits
/// and the visitor counting, and a slot of the in-flight bound held while a request is
/// answered.
fn connection_service(
    router: Router,
    peer: SocketAddr,
    in_flight: Arc<Semaphore>,
) -> TowerToHyperService<
    impl Service<
            Request<Incoming>,
            Response = axum::response::Response,
            Error = Infallible,
            Future = impl Send,
        > + Clone,
> {
    let service = tower::service_fn(move |mut request: Request<Incoming>| {
        let (router, in_flight) = (router.clone(), in_flight.clone());
        request.extensions_mut().insert(ConnectInfo(peer));
        async move {
            let _slot = in_flight.acquire_owned().await.expect("never closed");
            router.oneshot(request.map(Body::new)).await
        }
    });
    TowerToHyperService::new(service)
}
