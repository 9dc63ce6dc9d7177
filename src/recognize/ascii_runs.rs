//! Runs of ASCII letters and digits, and bytes looked for in a word, read eight bytes at a time.
//! Where a word ends is the question both tokenizers ask most: read byte by byte, the end of every
//! word is a branch the processor mispredicts; read as one 64-bit word, a short word's end is a
//! count of bits.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The ASCII letters and digits that start at a byte, and what kinds of them there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlnumRun {
    pub len: usize,
    pub lowercase: bool,
    pub uppercase: bool,
}

/// Which of the eight bytes of a chunk are letters and digits, each as its byte's high bit.
struct Kinds {
    lowercase: u64,
    uppercase: u64,
    digits: u64,
}

impl Kinds {
    fn of(chunk: u64) -> Kinds {
        Kinds {
            lowercase: in_range(chunk, b'a', b'z'),
            uppercase: in_range(chunk, b'A', b'Z'),
            digits: in_range(chunk, b'0', b'9'),
        }
    }
}

/// The bit that tells an ASCII letter's case, in every byte: folded in, both cases of a letter
/// are one byte.
const CASE_BITS: u64 = 0x2020_2020_2020_2020;

/// For each byte of `chunk`, its high bit set when the byte is between `low` and `high` (both
/// ASCII, `low` above zero), all other bits clear. Bytes outside ASCII are never in range, and
/// no sum carries from one byte into the next.
fn in_range(chunk: u64, low: u8, high: u8) -> u64 {
    let ascii = !chunk & HIGH_BITS;
    let seven_bits = chunk & !HIGH_BITS;
    let at_least_low = seven_bits + ONES * u64::from(0x80 - low);
    let above_high = seven_bits + ONES * u64::from(0x7f - high);
    at_least_low & !above_high & ascii
}

/// The eight bytes from `at`, the first lowest, zeros past the end: a zero is neither letter nor
/// digit.
pub fn chunk(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or_default()),
        None => {
            let mut padded = [0; 8];
            let rest = bytes.get(at..).unwrap_or_default();
            padded[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(padded)
        }
    }
}

/// Whether any byte of `bytes` is `one` or `other` (neither of them zero). Both bytes are tested,
/// without a branch between them.
#[inline]
pub fn holds_either(bytes: &[u8], one: u8, other: u8) -> bool {
    holds_where(bytes, |eight| {
        has_zero_byte(eight ^ (ONES * u64::from(one)))
            | has_zero_byte(eight ^ (ONES * u64::from(other)))
    })
}

/// Whether any byte of `bytes` is `byte` (not zero).
#[inline]
pub fn holds(bytes: &[u8], byte: u8) -> bool {
    holds_where(bytes, |eight| {
        has_zero_byte(eight ^ (ONES * u64::from(byte)))
    })
}

/// Whether `hit` is true of any of a few 64-bit words that cover `bytes`, overlapping where they
/// must, the bytes past the end zero: a word of a few letters is tested without a loop whose end
/// the processor has to guess.
#[inline(always)]
fn holds_where(bytes: &[u8], hit: impl Fn(u64) -> bool) -> bool {
    let four = |at: usize| {
        let mut word = [0; 4];
        word.copy_from_slice(&bytes[at..at + 4]);
        u64::from(u32::from_le_bytes(word))
    };
    let len = bytes.len();
    match len {
        0 => false,
        1..=3 => hit(u64::from(bytes[0])
            | u64::from(bytes[len / 2]) << 8
            | u64::from(bytes[len - 1]) << 16),
        4..=7 => hit(four(0) | four(len - 4) << 32),
        _ => (0..len - 8)
            .step_by(8)
            .chain([len - 8])
            .any(|at| hit(chunk(bytes, at))),
    }
}

/// Whether a byte of `x` is zero: exact, as a borrow runs on only above a zero byte.
fn has_zero_byte(x: u64) -> bool {
    x.wrapping_sub(ONES) & !x & HIGH_BITS != 0
}

/// How many of the bytes a mask marks come first, before the first it does not mark.
fn leading(marked: u64) -> usize {
    ((!marked & HIGH_BITS).trailing_zeros() / 8) as usize
}

/// Where the first byte a mask marks is in its chunk; eight when it marks none.
fn first_marked(marked: u64) -> usize {
    (marked.trailing_zeros() / 8) as usize
}

/// The run of ASCII letters and digits that starts at byte `at` of `bytes` (empty when none
/// does).
pub fn alnum_run(bytes: &[u8], at: usize) -> AlnumRun {
    let mut run = AlnumRun {
        len: 0,
        lowercase: false,
        uppercase: false,
    };
    loop {
        let kinds = Kinds::of(chunk(bytes, at + run.len));
        let len = leading(kinds.lowercase | kinds.uppercase | kinds.digits);
        // A kind is in the run when its first byte in the chunk comes before the run's end.
        run.lowercase |= first_marked(kinds.lowercase) < len;
        run.uppercase |= first_marked(kinds.uppercase) < len;
        run.len += len;
        if len < 8 {
            return run;
        }
    }
}

/// How many ASCII letters start at byte `at` of `bytes`.
pub fn letters(bytes: &[u8], at: usize) -> usize {
    let mut len = 0;
    loop {
        let chunk = chunk(bytes, at + len);
        let more = leading(in_range(chunk | CASE_BITS, b'a', b'z'));
        len += more;
        if more < 8 {
            return len;
        }
    }
}

/// The first eight of the `len` ASCII letters at byte `at` of `bytes` (all of them if fewer),
/// in lower case, as one number: the first lowest, zeros after the last.
pub fn lowercase_letters_key(bytes: &[u8], at: usize, len: usize) -> u64 {
    let kept = u64::MAX >> (64 - 8 * len.clamp(1, 8));
    (chunk(bytes, at) | CASE_BITS) & kept
}

/// A byte that may join a word to the letters after it in a name ("co-op", "AT&T", "O'Brien",
/// "U.S.").
const fn is_joiner(byte: u8) -> bool {
    matches!(byte, b'-' | b'&' | b'\'' | b'.')
}

/// Whether the byte after a word may carry the word on, in a name: a letter, a digit or a
/// joiner. Nothing after the text's end does.
pub fn carries_word_on(byte: Option<&u8>) -> bool {
    byte.is_some_and(|&b| CARRIES_WORD_ON[usize::from(b)])
}

/// [`carries_word_on`] of every byte, looked up: it is asked of the byte after every word.
static CARRIES_WORD_ON: [bool; 256] = {
    let mut carries = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        carries[b] = c.is_ascii_alphanumeric() || is_joiner(c);
        b += 1;
    }
    carries
};

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The runs read byte by byte.
    fn alnum_run_bytewise(bytes: &[u8], at: usize) -> AlnumRun {
        let run = bytes
            .get(at..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .collect::<Vec<_>>();
        AlnumRun {
            len: run.len(),
            lowercase: run.iter().any(|b| b.is_ascii_lowercase()),
            uppercase: run.iter().any(|b| b.is_ascii_uppercase()),
        }
    }

    #[test]
    fn runs_end_at_the_first_other_byte() {
        let text = b"Minsk-based BelAZ 2024 \xc3\xa9t\xc3\xa9 z@[`{/:0123456789abcdefXYZ";
        for at in 0..=text.len() + 1 {
            assert_eq!(alnum_run(text, at), alnum_run_bytewise(text, at), "at {at}");
        }
        assert_eq!(letters(b"Minsk-based", 0), 5);
        assert_eq!(letters(b"abcdefghijklmnopq2", 0), 17);
        assert_eq!(letters(b"a1", 0), 1);
        assert_eq!(letters(b"", 0), 0);
    }

    /// A word's key is its first eight letters in lower case, whatever follows them.
    #[test]
    fn a_lowercase_key_keeps_the_first_eight_letters() {
        let text = b"in MAY 2018, the Septembers";
        let key = |word: &[u8]| {
            u64::from_le_bytes(std::array::from_fn(|k| word.get(k).copied().unwrap_or(0)))
        };
        assert_eq!(lowercase_letters_key(text, 0, 2), key(b"in"));
        assert_eq!(lowercase_letters_key(text, 3, 3), key(b"may"));
        assert_eq!(lowercase_letters_key(text, 13, 3), key(b"the"));
        assert_eq!(lowercase_letters_key(text, 17, 10), key(b"septembe"));
    }

    #[test]
    fn holds_and_holds_either_find_their_bytes_anywhere() {
        let text = b"abcdefghijklmnopq-rs";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let bytes = &text[start..end];
                let bytewise = bytes.iter().any(|&b| b == b'-' || b == b'q');
                assert_eq!(holds_either(bytes, b'-', b'q'), bytewise, "{start}..{end}");
                assert_eq!(holds(bytes, b'-'), bytes.contains(&b'-'), "{start}..{end}");
            }
        }
    }

    proptest! {
        #[test]
        fn runs_are_the_bytewise_runs(bytes in proptest::collection::vec(any::<u8>(), 0..40), at in 0usize..42) {
            prop_assert_eq!(alnum_run(&bytes, at), alnum_run_bytewise(&bytes, at));
            let letters_bytewise = bytes
                .get(at..)
                .unwrap_or_default()
                .iter()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            prop_assert_eq!(letters(&bytes, at), letters_bytewise);
            let (one, other) = (b'-', 0xe2);
            let either_bytewise = bytes.iter().any(|&b| b == one || b == other);
            prop_assert_eq!(holds_either(&bytes, one, other), either_bytewise);
            prop_assert_eq!(holds(&bytes, one), bytes.contains(&one));
        }
    }
}
