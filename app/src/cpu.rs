//! The CPU budget: work that costs more than a few microseconds of CPU per request (cleaning
//! Markdown, hashing passwords, decoding photos, compressing pages, parsing a search, writing a
//! year of calendar dates as a feed) runs here,
//! off the async runtime's worker threads, on all cores but one.
//!
//! Why: the runtime has one worker thread per core (two on a small server). A request that
//! computes on a worker thread stops every other request that thread would have answered, so
//! one client sending a costly input stalls everyone. Here the work runs on tokio's blocking
//! threads, and a semaphore keeps a flood of such jobs to all cores but one ([`cores`]): the
//! workers stay free to answer the cached front page.
//!
//! The jobs' threads also run at a lower priority ([`NICENESS`]) than the async workers: when
//! both want the CPU, answering a page comes first.
//!
//! A job cannot be stopped once it runs (a thread cannot be cancelled safely), so the bound on
//! a job's cost is its input's: every input that reaches a job is bounded in size and shape
//! where it is read (see `articles::markdown::MAX_DEPTH`, `articles::search::MAX_TERMS`), so a
//! job takes milliseconds. A request that gives up (its timeout, a closed connection) drops its
//! wait for a permit at once; a job already running keeps its permit until it ends, so
//! abandoned work still counts against the budget and cannot pile up.

use std::sync::LazyLock;

use tokio::sync::Semaphore;

/// One permit per core the jobs may use.
static PERMITS: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(cores()));

/// The cores the jobs may use at once: all the process may use but one, which is left to the
/// async workers (answering kept pages, reading requests), and at least one. On a 2-core
/// server a flood of costly inputs takes one core, and residents keep the other.
pub fn cores() -> usize {
    std::thread::available_parallelism()
        .map_or(1, usize::from)
        .saturating_sub(1)
        .max(1)
}

/// Runs `work` on a blocking thread once a permit is free, and gives its result. A job that
/// panicked panics here too, so the request fails as it would have on the worker thread (the
/// server's panic layer turns it into the 500 page).
pub async fn run<T, F>(work: F) -> T
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let permit = PERMITS
        .acquire()
        .await
        .expect("the CPU budget's semaphore is never closed");
    let job = tokio::task::spawn_blocking(move || {
        // Held by the job, not the request: it is given back when the work ends.
        let _permit = permit;
        run_at_lower_priority();
        work()
    });
    match job.await {
        Ok(done) => done,
        Err(err) if err.is_panic() => std::panic::resume_unwind(err.into_panic()),
        Err(err) => panic!("a CPU job was cancelled: {err}"),
    }
}

/// The niceness of the threads that run jobs (the async workers keep 0): the kernel gives a
/// thread at 10 about a tenth of the time of one at 0 when both are ready to run.
pub const NICENESS: i32 = 10;

/// Lowers the priority of the thread it runs on, once per thread (tokio reuses its blocking
/// threads).
fn run_at_lower_priority() {
    thread_local! {
        static LOWERED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if LOWERED.get() {
        return;
    }
    LOWERED.set(true);
    #[cfg(target_os = "linux")]
    // SAFETY: gettid and setpriority only read and change this thread's scheduling priority
    // (on Linux a thread id names the one thread); a failure leaves it as it was.
    unsafe {
        let thread = libc::gettid();
        if libc::setpriority(libc::PRIO_PROCESS, thread as libc::id_t, NICENESS) != 0 {
            tracing::debug!("could not lower a CPU job thread's priority");
        }
    }
}

/// How many jobs are running or may start at once right now (for tests and benchmarks).
pub fn free_permits() -> usize {
    PERMITS.available_permits()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::{
        sync::{
            atomic::{AtomicUsize, Ordering},
            Arc,
        },
        time::Duration,
    };

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn jobs_run_at_most_one_per_core_and_keep_their_permit_when_abandoned() {
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let jobs = (0..cores() * 4).map(|_| {
            let (running, most) = (running.clone(), most.clone());
            tokio::spawn(run(move || {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(20));
                running.fetch_sub(1, Ordering::SeqCst);
            }))
        });
        for job in jobs.collect::<Vec<_>>() {
            job.await.unwrap();
        }
        assert!(most.load(Ordering::SeqCst) <= cores());
        assert!(most.load(Ordering::SeqCst) >= 1);
        assert_eq!(free_permits(), cores());

        // A job runs at the lower priority.
        #[cfg(target_os = "linux")]
        {
            // SAFETY: reads this thread's priority.
            let niceness = run(|| unsafe {
                libc::getpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t)
            })
            .await;
            assert_eq!(niceness, NICENESS);
        }

        // A request that gives up leaves its job running, and the job keeps its permit.
        let before = free_permits();
        let started = Arc::new(tokio::sync::Notify::new());
        let signal = started.clone();
        let request = tokio::spawn(run(move || {
            signal.notify_one();
            std::thread::sleep(Duration::from_millis(200));
        }));
        started.notified().await;
        request.abort();
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert_eq!(free_permits(), before - 1, "the running job still holds it");
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(free_permits(), before);
    }
}
