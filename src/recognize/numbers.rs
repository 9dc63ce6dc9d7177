//! Numbers as news writes them: numerals with thousands separators and decimals ("400,000",
//! "17.6"), scale words ("17.6 billion", "£3m", "$32.42 bn"), number words ("twenty-five",
//! "three hundred and five", "a dozen") and ordinals ("25th", "first", "twenty-first").
//!
//! A number keeps its stated precision: it is a whole mantissa times a power of ten
//! (17.6 billion is 176 × 10^8), so the last stated digit is known and no float rounding creeps
//! into the value.

use super::tokens::{Kind, Tokens};

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Num {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    pub mantissa: f64,
    /// The value is `mantissa × 10^exp`; `10^exp` is also the unit of the last stated digit.
    pub exp: i32,
    /// Written in words ("twenty-five").
    pub words: bool,
    pub ordinal: bool,
    /// A scale word follows the numeral ("billion", "bn", "m").
    pub scaled: bool,
    /// The power of ten of that scale word.
    pub scale: i32,
    /// Thousands separators in the numeral ("2,000").
    pub grouped: bool,
}

impl Num {
    pub fn value(&self) -> f64 {
        scale(self.mantissa, self.exp)
    }

    /// Multiplies by `10^by`, as a scale word does.
    pub fn scale_by(&mut self, by: i32) {
        self.exp = self.exp.saturating_add(by);
        self.scale = self.scale.saturating_add(by);
        self.scaled = true;
    }
}

/// `m × 10^e`, dividing for negative exponents so that exact decimals stay exact.
pub fn scale(m: f64, e: i32) -> f64 {
    if e >= 0 {
        m * 10f64.powi(e)
    } else {
        m / 10f64.powi(e.saturating_neg())
    }
}

/// Reads a numeral such as `400,000`, `17.6` or `2024`: mantissa, exponent, and whether it has
/// thousands separators. Separators must group by three; longer numerals than a float holds
/// exactly are refused.
pub fn parse_numeral(s: &str) -> Option<(f64, i32, bool)> {
    // Numerals are short: their bytes are read in place rather than searched.
    let (int, frac) = match s.bytes().position(|b| b == b'.') {
        Some(dot) => (&s[..dot], &s[dot + 1..]),
        None => (s, ""),
    };
    if frac.bytes().any(|b| b == b'.' || b == b',') {
        return None;
    }
    let grouped = int.bytes().any(|b| b == b',');
    if grouped {
        let mut groups = int.split(',');
        let first = groups.next()?;
        if first.is_empty() || first.len() > 3 || groups.any(|g| g.len() != 3) {
            return None;
        }
    }
    let digits = int.bytes().filter(u8::is_ascii_digit).count() + frac.len();
    if digits == 0 || digits > 17 {
        return None;
    }
    let mut mantissa: u64 = 0;
    for b in int.bytes().chain(frac.bytes()).filter(u8::is_ascii_digit) {
        mantissa = mantissa * 10 + u64::from(b - b'0');
    }
    Some((mantissa as f64, -(frac.len() as i32), grouped))
}

fn unit_word(w: &str) -> Option<u64> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

fn tens_word(w: &str) -> Option<u64> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Scale words after a number, as a power of ten. Single letters ("m", "k", "b") count only
/// when attached to a numeral in money ("£3m").
pub fn scale_word(w: &str, attached_money: bool) -> Option<i32> {
    Some(match w {
        "hundred" => 2,
        "thousand" => 3,
        "lakh" | "lakhs" => 5,
        "crore" | "crores" => 7,
        "million" | "millions" | "mln" | "mn" | "mio" => 6,
        "billion" | "billions" | "bn" | "bln" => 9,
        "trillion" | "trillions" | "tn" | "trln" | "tln" => 12,
        "m" if attached_money => 6,
        "k" if attached_money => 3,
        "b" if attached_money => 9,
        _ => return None,
    })
}

pub fn ordinal_word(w: &str) -> Option<u64> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" | "nineth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        "fiftieth" => 50,
        "sixtieth" => 60,
        "seventieth" => 70,
        "eightieth" => 80,
        "ninetieth" => 90,
        "hundredth" => 100,
        "thousandth" => 1000,
        _ => return None,
    })
}

fn word_scale(w: &str) -> Option<u64> {
    Some(match w {
        "thousand" => 1_000,
        "million" => 1_000_000,
        "billion" => 1_000_000_000,
        "trillion" => 1_000_000_000_000,
        _ => return None,
    })
}

/// Whether the word at `i` can start or continue a number written in words.
pub fn is_number_word(tokens: &Tokens, i: usize) -> bool {
    let w = tokens.lower(i);
    let w = w.as_str();
    unit_word(w).is_some()
        || tens_word(w).is_some()
        || word_scale(w).is_some()
        || matches!(w, "hundred" | "dozen")
}

/// The numeral at `i` ("17.6", "25th"), with a scale word after it when there is one.
pub fn numeral_at(tokens: &Tokens, i: usize, money: bool) -> Option<Num> {
    if tokens.kind(i) != Some(Kind::Number) {
        return None;
    }
    let (mantissa, exp, grouped) = parse_numeral(tokens.str(i))?;
    let mut num = Num {
        start: i,
        end: i + 1,
        mantissa,
        exp,
        words: false,
        grouped,
        ..Num::default()
    };
    let next = tokens.lower(i + 1);
    let next = next.as_str();
    if tokens.attached(i + 1) && exp == 0 && !grouped && matches!(next, "st" | "nd" | "rd" | "th") {
        num.ordinal = true;
        num.end = i + 2;
        return Some(num);
    }
    if tokens.continues(i + 1) {
        if let Some(by) = scale_word(next, money && tokens.attached(i + 1)) {
            // "5 m" apart is five metres, not five million.
            let single = next.len() == 1;
            if !single || tokens.attached(i + 1) {
                num.scale_by(by);
                num.end = i + 2;
            }
        }
    }
    Some(num)
}

/// Whether a number in words can start with "a" or "an" before `w`: "a hundred", "a dozen".
pub fn counts_after_a(w: &str) -> bool {
    matches!(
        w,
        "hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen"
    )
}

/// A number written in words at `i`: "twenty-five", "three hundred and five", "a dozen",
/// "two million", "twenty-first".
pub fn words_at(tokens: &Tokens, i: usize) -> Option<Num> {
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut j = i;
    let mut end = i;
    let mut any = false;
    let mut ordinal = false;
    let mut last_small = false;
    let mut last_tens = false;
    let first = tokens.lower(i);
    if matches!(first.as_str(), "a" | "an") {
        if counts_after_a(tokens.lower(i + 1).as_str()) && tokens.continues(i + 1) {
            current = 1;
            j = i + 1;
        } else {
            return None;
        }
    }
    while j < tokens.len() && (j == i || tokens.continues(j)) {
        let w = tokens.lower(j);
        let w = w.as_str();
        if let Some(v) = unit_word(w) {
            if last_small && !(last_tens && v < 10) {
                break;
            }
            current += v;
            last_small = true;
            last_tens = false;
        } else if let Some(v) = tens_word(w) {
            if current % 100 != 0 || last_small {
                break;
            }
            last_tens = true;
            current += v;
            end = j + 1;
            any = true;
            if tokens.dash(j + 1) && tokens.attached(j + 1) && tokens.attached(j + 2) {
                let unit = tokens.lower(j + 2);
                if let Some(u) = unit_word(unit.as_str()).filter(|&u| (1..10).contains(&u)) {
                    current += u;
                    j += 2;
                    end = j + 1;
                    last_tens = false;
                } else if let Some(o) = ordinal_word(unit.as_str()).filter(|&o| o < 10) {
                    current += o;
                    ordinal = true;
                    end = j + 3;
                    break;
                }
            }
            last_small = true;
            j += 1;
            continue;
        } else if w == "hundred" {
            if !any && current == 0 {
                break;
            }
            current = current.max(1) * 100;
            last_small = false;
            last_tens = false;
        } else if w == "dozen" {
            current = current.max(1) * 12;
            last_small = false;
            last_tens = false;
        } else if let Some(scale) = word_scale(w) {
            if !any && current == 0 {
                break;
            }
            total = total.saturating_add(current.max(1).saturating_mul(scale));
            current = 0;
            last_small = false;
            last_tens = false;
        } else if w == "and" && any && !last_small && unit_or_tens(tokens, j + 1) {
            j += 1;
            continue;
        } else if !any && ordinal_word(w).is_some() {
            return ordinal_word(w).map(|v| Num {
                start: i,
                end: j + 1,
                mantissa: v as f64,
                exp: 0,
                words: true,
                ordinal: true,
                ..Num::default()
            });
        } else {
            break;
        }
        any = true;
        j += 1;
        end = j;
        if tokens.dash(j)
            && tokens.attached(j)
            && unit_or_tens(tokens, j + 1)
            && tokens.attached(j + 1)
        {
            j += 1;
        }
    }
    if !any {
        return None;
    }
    let value = total.saturating_add(current);
    Some(Num {
        start: i,
        end,
        mantissa: value as f64,
        exp: 0,
        words: true,
        ordinal,
        ..Num::default()
    })
}

fn unit_or_tens(tokens: &Tokens, i: usize) -> bool {
    let w = tokens.lower(i);
    unit_word(w.as_str()).is_some() || tens_word(w.as_str()).is_some()
}

/// A number at `i` in numerals or words.
pub fn number_at(tokens: &Tokens, i: usize, money: bool) -> Option<Num> {
    numeral_at(tokens, i, money).or_else(|| words_at(tokens, i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognize::tokens::WordMarks;

    fn read(text: &str) -> Option<(f64, i32, usize, bool)> {
        let t = Tokens::new(text, &WordMarks::default());
        number_at(&t, 0, true).map(|n| (n.value(), n.exp, n.end, n.ordinal))
    }

    #[test]
    fn numerals_keep_their_precision() {
        assert_eq!(read("17.6 billion"), Some((17.6e9, 8, 2, false)));
        assert_eq!(read("400,000 jobs"), Some((400_000.0, 0, 1, false)));
        assert_eq!(read("3m"), Some((3e6, 6, 2, false)));
        assert_eq!(read("25th"), Some((25.0, 0, 2, true)));
        assert_eq!(read("1,23"), None);
        assert_eq!(read("99999999999999999999"), None);
    }

    #[test]
    fn number_words() {
        assert_eq!(read("twenty-five").map(|r| r.0), Some(25.0));
        assert_eq!(read("three hundred and five").map(|r| r.0), Some(305.0));
        assert_eq!(read("a dozen").map(|r| r.0), Some(12.0));
        assert_eq!(read("two million").map(|r| r.0), Some(2e6));
        assert_eq!(read("twenty-first").map(|r| (r.0, r.3)), Some((21.0, true)));
        assert_eq!(read("one two").map(|r| r.0), Some(1.0));
        assert_eq!(read("a cat"), None);
    }
}
