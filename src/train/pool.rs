//! A fork-join pool: run one closure on several threads at once and wait for all of them.
//!
//! Multi-threaded training (`train/`, Hogwild!) needs the same thing natively and in the
//! browser: "run these k workers side by side on the shared weights, then come back". Natively a
//! helper is a `std::thread`; in the browser it is a Web Worker that shares the module's memory
//! (the threaded wasm build, `www/worker/helper.js`) and calls [`Pool::serve`] once, which never
//! returns. The caller of [`Pool::run`] is always one of the threads, so a pool with no helpers
//! (the single-threaded wasm build, or `-threads 1`) runs everything in place with no locking.
//!
//! Helpers join whenever they are ready (a Web Worker takes a while to start); a round only waits
//! for the helpers that had joined when it began, so a helper that never starts cannot hang it.
//! `run` erases the closure's lifetime to hand it to the helpers: that is sound because `run`
//! does not return until every helper that took the closure has finished with it.

use std::sync::{Condvar, Mutex};

/// A closure handed to the helpers for one round, with its lifetime erased (see the module
/// documentation for why that is sound).
#[derive(Clone, Copy)]
struct Job {
    task: *const (dyn Fn(usize) + Sync),
    /// How many tasks the round has: task i runs on thread i % threads.
    tasks: usize,
    /// Threads taking part: the caller (thread 0) and helpers 1..threads.
    threads: usize,
}

// SAFETY: the closure is `Sync`, and `Pool::run` keeps it alive until every helper is done.
unsafe impl Send for Job {}

#[derive(Default)]
struct State {
    /// Helpers that have joined; helper i (from 1) serves thread number i.
    helpers: usize,
    /// Counts rounds, so a helper knows when a new one starts.
    round: u64,
    job: Option<Job>,
    /// Helpers of the current round that have not finished.
    busy: usize,
    /// A helper's task panicked (native only; wasm aborts on panic).
    panicked: bool,
}

/// A set of threads that run [`Pool::run`]'s tasks together. See the module documentation.
#[derive(Default)]
pub struct Pool {
    state: Mutex<State>,
    new_round: Condvar,
    round_done: Condvar,
}

impl Pool {
    /// A pool with no helpers yet: everything runs on the calling thread.
    pub fn new() -> Pool {
        Pool::default()
    }

    /// Threads a round can use now: the caller and every helper that has joined.
    pub fn threads(&self) -> usize {
        self.lock().helpers + 1
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic inside a task never happens while the lock is held.
        self.state.lock().expect("pool lock is never poisoned")
    }

    /// Run `task(0)`, …, `task(tasks − 1)` side by side and return when all are done. Task i runs
    /// on thread i % threads, where thread 0 is the caller and the others are helpers, so tasks
    /// beyond the number of threads run one after another. Panics if a helper's task panicked.
    pub fn run(&self, tasks: usize, task: &(dyn Fn(usize) + Sync)) {
        let threads = self.threads().min(tasks);
        if threads <= 1 {
            (0..tasks).for_each(task);
            return;
        }
        // SAFETY: only the lifetime is erased; the pointer is not used after this function
        // returns, because it waits below until every helper of the round is done with it.
        let task: *const (dyn Fn(usize) + Sync) = unsafe { std::mem::transmute(task) };
        {
            let mut s = self.lock();
            s.round += 1;
            s.job = Some(Job {
                task,
                tasks,
                threads,
            });
            s.busy = threads - 1;
            self.new_round.notify_all();
        }
        // SAFETY: `task` is the caller's live reference. A panic here is held until the helpers
        // are done with the closure.
        let mine = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run_share(unsafe { &*task }, 0, tasks, threads)
        }));
        let mut s = self.lock();
        while s.busy > 0 {
            s = self
                .round_done
                .wait(s)
                .expect("pool lock is never poisoned");
        }
        s.job = None;
        let helper_panicked = std::mem::take(&mut s.panicked);
        drop(s);
        if let Err(panic) = mine {
            std::panic::resume_unwind(panic);
        }
        if helper_panicked {
            panic!("a training thread panicked");
        }
    }

    /// Join the pool as a helper and serve rounds forever (a native helper thread, or a Web
    /// Worker in the threaded browser build).
    pub fn serve(&self) -> ! {
        let (me, mut seen) = {
            let mut s = self.lock();
            s.helpers += 1;
            (s.helpers, s.round)
        };
        loop {
            let job = {
                let mut s = self.lock();
                while s.round == seen {
                    s = self.new_round.wait(s).expect("pool lock is never poisoned");
                }
                seen = s.round;
                match s.job {
                    Some(job) if me < job.threads => job,
                    _ => continue,
                }
            };
            // SAFETY: `run` keeps the closure alive until this helper reports below.
            let task = unsafe { &*job.task };
            let ok = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                run_share(task, me, job.tasks, job.threads)
            }))
            .is_ok();
            let mut s = self.lock();
            s.panicked |= !ok;
            s.busy -= 1;
            if s.busy == 0 {
                self.round_done.notify_all();
            }
        }
    }

    /// A pool with `helpers` native helper threads (which live as long as the process).
    #[cfg(not(target_family = "wasm"))]
    pub fn with_native_helpers(helpers: usize) -> std::sync::Arc<Pool> {
        let pool = std::sync::Arc::new(Pool::new());
        for _ in 0..helpers {
            let pool = pool.clone();
            std::thread::spawn(move || pool.serve());
        }
        // Wait until they have joined, so the first round uses them all.
        while pool.threads() <= helpers {
            std::thread::yield_now();
        }
        pool
    }
}

/// Thread `me`'s share of a round: tasks me, me + threads, me + 2·threads, …
fn run_share(task: &(dyn Fn(usize) + Sync), me: usize, tasks: usize, threads: usize) {
    (me..tasks).step_by(threads).for_each(task);
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(not(target_family = "wasm"))]
    use std::sync::atomic::{AtomicUsize, Ordering};
    #[cfg(not(target_family = "wasm"))]
    use std::sync::Arc;

    #[test]
    fn no_helpers_runs_every_task_in_place() {
        let pool = Pool::new();
        let seen = Mutex::new(Vec::new());
        pool.run(3, &|i| seen.lock().unwrap().push(i));
        assert_eq!(*seen.lock().unwrap(), [0, 1, 2]);
    }

    #[test]
    #[cfg(not(target_family = "wasm"))]
    fn helpers_run_tasks_at_the_same_time() {
        let pool = Pool::with_native_helpers(2);
        assert_eq!(pool.threads(), 3);
        for round in 0..50 {
            // Every task waits until all three have started: this only finishes if they run
            // side by side on three threads.
            let started = AtomicUsize::new(0);
            let done = Mutex::new(vec![false; 3]);
            pool.run(3, &|i| {
                started.fetch_add(1, Ordering::SeqCst);
                while started.load(Ordering::SeqCst) < 3 {
                    std::hint::spin_loop();
                }
                done.lock().unwrap()[i] = true;
            });
            assert_eq!(*done.lock().unwrap(), [true; 3], "round {round}");
        }
    }

    #[test]
    #[cfg(not(target_family = "wasm"))]
    fn more_tasks_than_threads_all_run_once() {
        let pool = Pool::with_native_helpers(1);
        let counts: Arc<Vec<AtomicUsize>> = Arc::new((0..7).map(|_| AtomicUsize::new(0)).collect());
        pool.run(7, &|i| {
            counts[i].fetch_add(1, Ordering::SeqCst);
        });
        assert!(counts.iter().all(|c| c.load(Ordering::SeqCst) == 1));
    }

    #[test]
    #[cfg(not(target_family = "wasm"))]
    fn a_panicking_helper_is_reported_to_the_caller() {
        let pool = Pool::with_native_helpers(1);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            pool.run(2, &|i| assert_eq!(i, 0, "task 1 fails"));
        }));
        assert!(result.is_err());
        // The pool still works afterwards.
        let n = AtomicUsize::new(0);
        pool.run(2, &|_| {
            n.fetch_add(1, Ordering::SeqCst);
        });
        assert_eq!(n.load(Ordering::SeqCst), 2);
    }
}
