//! The native command line's allocator: mimalloc, asked for plain blocks whenever the layout
//! allows.
//!
//! The `mimalloc` crate's `GlobalAlloc` passes every request through `mi_malloc_aligned`, whose
//! version 3 takes a slower, generic path even for an alignment of 8. A household evaluation
//! allocates some fifty small blocks; under cachegrind the aligned path was about a tenth of its
//! instructions. Every block plain `mi_malloc` returns is aligned to at least a machine word
//! (size classes are multiples of it, and pages start 16-byte aligned), so a layout asking for
//! no more than a word's alignment gets the plain path — nearly all of them; anything else keeps
//! the aligned call.
use libmimalloc_sys as ffi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// The alignment every `mi_malloc` block has.
const PLAIN_ALIGN: usize = std::mem::size_of::<usize>();

fn plain(layout: &Layout) -> bool {
    layout.align() <= PLAIN_ALIGN
}

/// mimalloc as the global allocator (`#[global_allocator] static A: Allocator = Allocator;`).
pub struct Allocator;

// SAFETY: every call forwards to mimalloc, which returns blocks of at least the requested size
// aligned as `plain` relies on (see the module comment) or as requested through the aligned
// API, and frees any block it returned with `mi_free`.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: mimalloc accepts any size; see the impl's comment for the alignment.
        unsafe {
            if plain(&layout) {
                ffi::mi_malloc(layout.size()).cast()
            } else {
                ffi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        unsafe {
            if plain(&layout) {
                ffi::mi_zalloc(layout.size()).cast()
            } else {
                ffi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator, so from mimalloc.
        unsafe { ffi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from mimalloc; the new layout keeps the old alignment.
        unsafe {
            if plain(&layout) {
                ffi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                ffi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_have_the_alignment_their_layout_asks_for() {
        let a = Allocator;
        for size in [1usize, 8, 16, 24, 48, 80, 144, 248, 336, 1000, 5000, 70_000] {
            for align in [1usize, 2, 4, 8, 16, 32, 64, 4096] {
                let Ok(layout) = Layout::from_size_align(size.next_multiple_of(align), align) else { continue };
                // SAFETY: non-zero sizes; each block is written within its size and freed once.
                unsafe {
                    let p = a.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "size {} align {align}", layout.size());
                    p.write_bytes(0xA5, layout.size());
                    let q = a.realloc(p, layout, layout.size() * 2 + align);
                    assert_eq!(q as usize % align, 0, "realloc size {} align {align}", layout.size());
                    assert_eq!(*q, 0xA5);
                    a.dealloc(q, Layout::from_size_align(layout.size() * 2 + align, align).unwrap());
                    let z = a.alloc_zeroed(layout);
                    assert_eq!(z as usize % align, 0);
                    assert!(std::slice::from_raw_parts(z, layout.size()).iter().all(|b| *b == 0));
                    a.dealloc(z, layout);
                }
            }
        }
    }
}
