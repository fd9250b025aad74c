//! How many heap allocations one household evaluation makes, by phase: the figure the speed of
//! `evaluate` follows most closely (see docs/benchmarks.md). Run:
//! `cargo run --release --example alloc_count [case.json] [--where]`.
//!
//! `--where` also lists, for one evaluation, the engine function nearest to each allocation (from a
//! backtrace; build with debug symbols, e.g. `CARGO_PROFILE_RELEASE_DEBUG=1`, for useful names).
use jingning_policy::case;
use jingning_policy::household::evaluate;
use jingning_policy::params::Options;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

struct Counting;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static TRACING: AtomicBool = AtomicBool::new(false);
static SITES: Mutex<Vec<std::backtrace::Backtrace>> = Mutex::new(Vec::new());

thread_local! {
    // Capturing a backtrace allocates: no tracing of the tracer.
    static INSIDE: Cell<bool> = const { Cell::new(false) };
}

fn note() {
    ALLOCS.fetch_add(1, Ordering::Relaxed);
    if TRACING.load(Ordering::Relaxed) && !INSIDE.with(|c| c.replace(true)) {
        let bt = std::backtrace::Backtrace::force_capture();
        if let Ok(mut s) = SITES.lock() {
            s.push(bt);
        }
        INSIDE.with(|c| c.set(false));
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note();
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The first frame of a backtrace inside the engine, with its caller.
fn site(bt: &std::backtrace::Backtrace) -> String {
    let text = bt.to_string();
    let frames: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.starts_with("at ")).collect();
    let engine = frames.iter().position(|l| l.contains("jingning_policy::") && !l.contains("alloc_count"));
    match engine {
        Some(i) => frames[i..frames.len().min(i + 2)].join("  <-  "),
        None => frames.iter().take(6).copied().collect::<Vec<_>>().join("  <-  "),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let trace = args.iter().any(|a| a == "--where");
    let path = args.iter().find(|a| !a.starts_with("--")).cloned().unwrap_or_else(|| "examples/household-5.json".into());
    let text = std::fs::read_to_string(&path).expect("case file");
    let opts = Options::default();
    let case = case::from_json(&text).expect("valid case");
    // Warm: the built-in parameters and the resolved table are built once per process / date.
    evaluate(&case, &opts).expect("evaluates");
    let count = |f: &dyn Fn()| {
        let before = ALLOCS.load(Ordering::Relaxed);
        f();
        ALLOCS.load(Ordering::Relaxed) - before
    };
    let decode = count(&|| drop(case::from_json(&text).unwrap()));
    let eval = count(&|| drop(evaluate(&case, &opts).unwrap()));
    let json = count(&|| drop(serde_json::to_string(&evaluate(&case, &opts).unwrap()).unwrap()));
    println!("{path}: decode {decode}, evaluate {eval}, evaluate + JSON {json} allocations");
    if trace {
        TRACING.store(true, Ordering::Relaxed);
        let result = evaluate(&case, &opts);
        TRACING.store(false, Ordering::Relaxed);
        drop(result);
        let sites = std::mem::take(&mut *SITES.lock().unwrap());
        let mut by_site: BTreeMap<String, usize> = BTreeMap::new();
        for bt in &sites {
            *by_site.entry(site(bt)).or_default() += 1;
        }
        let mut rows: Vec<_> = by_site.into_iter().collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        for (s, n) in rows {
            println!("{n:4}  {s}");
        }
    }
}
