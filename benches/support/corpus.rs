//! A deterministic corpus generator for benchmarks: articles in the shapes of the seeds (date
//! header, dateline, quotes, figures), each a seed with some of the digits of its body changed,
//! so that the corpus has cross-article claims that agree and some that conflict.

use std::path::Path;

/// A small seeded generator (xorshift), so the same size gives the same corpus.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// Writes `count` articles under `dir` (in folders of 500) and returns their total size in bytes.
pub fn generate(dir: &Path, count: usize, seeds: &[String]) -> usize {
    let mut rng = Rng::new(0x5eed);
    let mut bytes = 0;
    for i in 0..count {
        let template = &seeds[i % seeds.len()];
        let text = vary(template, &mut rng);
        let folder = dir.join(format!("part{:03}", i / 500));
        std::fs::create_dir_all(&folder).expect("benchmark folder");
        std::fs::write(folder.join(format!("article{i:05}.txt")), &text)
            .expect("benchmark article");
        bytes += text.len();
    }
    bytes
}

/// The seed with one in ten of the digits after its first line changed.
fn vary(template: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(template.len());
    let first_line_end = template.find('\n').unwrap_or(0);
    for (i, c) in template.char_indices() {
        if c.is_ascii_digit() && i > first_line_end && rng.below(10) == 0 {
            out.push(char::from(b'0' + rng.below(10) as u8));
        } else {
            out.push(c);
        }
    }
    out
}
