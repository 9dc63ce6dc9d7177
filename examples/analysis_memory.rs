//! The heap a finished analysis keeps, over the Brown press texts (`benches/data/brown/`): every
//! allocation is counted while the analyses are built, and what is still held once they are all
//! built is their memory, their text included. Prints it per article and as a multiple of the
//! text, with the sizes of the structs an analysis holds many of.
//!
//! `cargo run --release --example analysis_memory`

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use gloss::analysis::{Analysis, AnalysisOptions};
use gloss::claims::Claim;
use gloss::mention::{EntitySpan, Figure, Mention, Value};

/// The system allocator, counting the bytes it holds.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        HELD.fetch_add(layout.size(), Ordering::Relaxed);
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        HELD.fetch_add(new_size, Ordering::Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/data/brown");
    let mut files: Vec<(Arc<Path>, String)> = std::fs::read_dir(&dir)
        .expect("benches/data/brown exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable text");
            (Arc::from(p.as_path()), text)
        })
        .collect();
    files.sort();
    let bytes: usize = files.iter().map(|(_, text)| text.len()).sum();
    let options = AnalysisOptions {
        publication_date: "1961-06-01".parse().ok(),
        ..AnalysisOptions::default()
    };
    let analyze = || -> Vec<Analysis> {
        files
            .iter()
            .map(|(path, text)| Analysis::new(path.clone(), text.clone(), options))
            .collect()
    };
    // The word lists and patterns are built on first use, once per process: a first pass leaves
    // them out of the count.
    drop(analyze());
    let before = HELD.load(Ordering::Relaxed);
    let analyses = analyze();
    let held = HELD.load(Ordering::Relaxed) - before;
    let mentions: usize = analyses.iter().map(|a| a.mentions.len()).sum();
    let entities: usize = analyses.iter().map(|a| a.entities.len()).sum();
    println!(
        "{} articles, {:.0} KB of text, {mentions} dates and figures, {entities} entity mentions\nheld by the analyses: {:.1} KB per article, {:.2} times their text (text included)\nsize of Mention {} B, EntitySpan {} B, Value {} B, Figure {} B, Claim {} B, Analysis {} B",
        analyses.len(),
        bytes as f64 / 1e3,
        held as f64 / analyses.len() as f64 / 1e3,
        held as f64 / bytes as f64,
        std::mem::size_of::<Mention>(),
        std::mem::size_of::<EntitySpan>(),
        std::mem::size_of::<Value>(),
        std::mem::size_of::<Figure>(),
        std::mem::size_of::<Claim>(),
        std::mem::size_of::<Analysis>(),
    );
}
