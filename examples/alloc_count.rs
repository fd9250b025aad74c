//! How many heap allocations one household evaluation makes, by phase: the figure the speed of
//! `evaluate` follows most closely (see docs/benchmarks.md). Run:
//! `cargo run --release --example alloc_count [case.json]`.
use jingning_policy::case;
use jingning_policy::household::evaluate;
use jingning_policy::params::Options;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "examples/household-5.json".into());
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
}
