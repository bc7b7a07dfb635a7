//! The limiter behind every rate limit: the generic cell rate algorithm (GCRA) over a bounded
//! number of keys, the least recently seen forgotten first when it is full.

use std::{
    hash::Hash,
    sync::Mutex,
    time::{Duration, Instant},
};

use hashlink::LruCache;

/// `count` requests in `window` for each key, allowed as a burst and refilled evenly; at most
/// `capacity` keys, the least recently seen forgotten first.
#[derive(Debug)]
pub(super) struct Limiter<K: Hash + Eq> {
    /// The time one request's allowance takes to come back.
    interval: Duration,
    /// How far ahead of now a key's whole-again time may be and still allow a request.
    tolerance: Duration,
    /// Each key's time at which its allowance is whole again ("theoretical arrival time").
    keys: Mutex<LruCache<K, Instant>>,
}

impl<K: Hash + Eq> Limiter<K> {
    pub(super) fn new(count: u32, window: Duration, capacity: usize) -> Self {
        let interval = window / count.max(1);
        Self {
            interval,
            tolerance: window.saturating_sub(interval),
            keys: Mutex::new(LruCache::new(capacity.max(1))),
        }
    }

    fn keys(&self) -> std::sync::MutexGuard<'_, LruCache<K, Instant>> {
        self.keys
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Whether a request for `key` fits now, without counting it.
    pub(super) fn allows(&self, key: &K, now: Instant) -> bool {
        self.keys()
            .peek(key)
            .is_none_or(|&whole_at| whole_at <= now + self.tolerance)
    }

    /// Counts a request for `key` (which [`Limiter::allows`]).
    pub(super) fn count(&self, key: K, now: Instant) {
        let mut keys = self.keys();
        let whole_at = keys.get(&key).map_or(now, |&at| at.max(now)) + self.interval;
        keys.insert(key, whole_at);
    }

    /// Counts a request for `key` if it fits; false when the key has had too many.
    pub(super) fn check(&self, key: K) -> bool {
        let now = Instant::now();
        let mut keys = self.keys();
        let whole_at = keys.get(&key).map_or(now, |&at| at.max(now));
        if whole_at > now + self.tolerance {
            return false;
        }
        keys.insert(key, whole_at + self.interval);
        true
    }

    /// Forgets keys whose allowance is whole again, and gives their memory back.
    pub(super) fn forget_idle_keys(&self) {
        let now = Instant::now();
        let mut keys = self.keys();
        let capacity = keys.capacity();
        let busy: Vec<(K, Instant)> = keys.drain().filter(|(_, at)| *at > now).collect();
        // A fresh map, so the memory of a busy spell is given back; oldest first, as before.
        *keys = LruCache::new(capacity);
        for (key, at) in busy {
            keys.insert(key, at);
        }
    }

    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.keys().len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_keys_are_forgotten_and_busy_ones_kept() {
        // One request per 20 ms: a key has recovered 20 ms after its request.
        let quick = Limiter::new(1, Duration::from_millis(20), 10);
        assert!(quick.check("early@example.org"));
        assert!(!quick.check("early@example.org"));
        std::thread::sleep(Duration::from_millis(40));
        assert!(quick.check("late@example.org"));
        quick.forget_idle_keys();
        assert_eq!(quick.len(), 1, "only the busy key is kept");
        assert!(!quick.check("late@example.org"), "and still counted");
    }
}
