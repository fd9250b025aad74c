//! The module's allocator: talc, growing wasm memory in large steps.
//!
//! Why not wasm's default dlmalloc: batch work allocates and frees millions of small blocks (rows,
//! decisions, result texts), and dlmalloc's bookkeeping was a fifth of a run's CPU. Why not talc's
//! own `WasmGrowAndExtend`: it grows memory by just the pages one allocation needs, so reading a
//! 100,000-household sheet (≈ 350 MB of rows) made thousands of `memory.grow` calls, and the
//! browser answers each with garbage-collection work: more than half the time of opening the file
//! (figures in docs/benchmarks.md “Browser batch”). Here memory grows by a quarter of its size at
//! least (at least 1 MB), so the same sheet takes a few dozen grows; near the 4 GB limit a step
//! that does not fit falls back to just what the allocation needs, so running out of memory is
//! where it was before.
//!
//! The module is single-threaded (built without `atomics`), which the allocator's unlocked cell
//! requires.
use core::alloc::Layout;
use core::arch::wasm32::{memory_grow, memory_size};
use core::ptr::NonNull;
use talc::base::binning::Binning;
use talc::base::{Talc, CHUNK_UNIT};
use talc::cell::TalcSyncCell;
use talc::wasm::WasmBinning;

const PAGE: usize = 64 * 1024;
/// Smallest step: 16 pages (1 MB).
const MIN_STEP_PAGES: usize = 16;

#[global_allocator]
static TALC: TalcSyncCell<GrowInSteps, WasmBinning> = TalcSyncCell::new_wasm(GrowInSteps { end: None });

/// Grows wasm memory in steps of a quarter of its size, extending talc's one heap.
#[derive(Debug)]
pub struct GrowInSteps {
    /// End of the heap claimed so far (`None` before the first allocation).
    end: Option<NonNull<u8>>,
}

// SAFETY: `acquire` only grows wasm memory and hands the new pages to talc (claim or extend); it
// allocates nothing itself.
unsafe impl talc::source::Source for GrowInSteps {
    fn acquire<B: Binning>(talc: &mut Talc<Self, B>, layout: Layout) -> Result<(), ()> {
        // What this allocation needs with talc's chunk overhead and alignment, generously rounded.
        let need = (layout.size() + layout.align() + 4 * CHUNK_UNIT).div_ceil(PAGE);
        let step = need.max(memory_size::<0>() / 4).max(MIN_STEP_PAGES);
        let (prev, pages) = match memory_grow::<0>(step) {
            usize::MAX => match memory_grow::<0>(need) {
                usize::MAX => return Err(()),
                prev => (prev, need),
            },
            prev => (prev, step),
        };
        let base = (prev * PAGE) as *mut u8;
        let end = base.wrapping_add(pages * PAGE);
        if let Some(old_end) = talc.source.end.take() {
            if old_end.as_ptr() == base {
                // SAFETY: the pages from `old_end` to `end` were just grown and belong to no one.
                talc.source.end = Some(unsafe { talc.extend(old_end, end) });
                return Ok(());
            }
        }
        // SAFETY: as above; a first heap, or memory grown by someone else in between.
        talc.source.end = unsafe { talc.claim(base, pages * PAGE) };
        Ok(())
    }
}
