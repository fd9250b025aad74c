//! A quick timing of one household evaluation that holds up on a busy machine: the thread's own
//! CPU time (other processes cannot add to it), best of 15 rounds of 20,000 evaluations (what is
//! left — caches shared with other work — only ever adds time, so the minimum is the cleanest
//! figure). Criterion (`cargo bench --bench household`) gives the reported figure; this is for
//! comparing two builds while something else runs. Run:
//! `cargo run --release --example eval_timing [case.json] [--evaluate-only]` (the release profile is size-tuned;
//! add `CARGO_PROFILE_RELEASE_OPT_LEVEL=3` to match the benchmark).
use jingning_policy::case;
use jingning_policy::household::evaluate;
use jingning_policy::params::Options;
use std::hint::black_box;
use std::time::Duration;

/// CPU time this thread has used.
fn thread_cpu() -> Duration {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid timespec to write to; the clock id is a constant Linux supports.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

#[global_allocator]
static ALLOCATOR: jingning_policy::native_alloc::Allocator = jingning_policy::native_alloc::Allocator;

fn main() {
    // `--evaluate-only` skips the decode rounds, so `perf record` sees the engine alone.
    let evaluate_only = std::env::args().any(|a| a == "--evaluate-only");
    let path = std::env::args().skip(1).find(|a| !a.starts_with("--")).unwrap_or_else(|| "examples/household-5.json".into());
    let text = std::fs::read_to_string(&path).expect("case file");
    let case = case::from_json(&text).expect("valid case");
    let opts = Options::default();
    // Evaluations per round; `EVAL_TIMING_N=1000` keeps a run under valgrind short (instruction
    // counts from `valgrind --tool=cachegrind` do not drift with the host as times do).
    let n: u32 = std::env::var("EVAL_TIMING_N").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
    // (best, median) of the rounds.
    let round = |f: &dyn Fn()| {
        let mut times: Vec<Duration> = (0..15)
            .map(|_| {
                let t = thread_cpu();
                for _ in 0..n {
                    f();
                }
                (thread_cpu() - t) / n
            })
            .collect();
        times.sort();
        (times[0], times[times.len() / 2])
    };
    let eval = round(&|| drop(black_box(evaluate(black_box(&case), &opts).unwrap())));
    if evaluate_only {
        println!("{path}: evaluate {:?} (median {:?}); thread CPU time, best of 15 rounds of {n}", eval.0, eval.1);
        return;
    }
    let decode = round(&|| drop(black_box(case::from_json(black_box(&text)).unwrap())));
    println!("{path}: evaluate {:?} (median {:?}), decode {:?} (median {:?}); thread CPU time, best of 15 rounds of {n}", eval.0, eval.1, decode.0, decode.1);
}
