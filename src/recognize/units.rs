//! Currencies and units of measure: the symbols and words written before or after a number,
//! with their ISO 4217 code or unit symbol ("$" → USD, "BYN", "rubles" → RUB, "bcm" → m3 at a
//! scale of 10^9, "megawatts" → MW).

use super::tokens::{Kind, Tokens};

fn symbol_currency(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₽" => "RUB",
        "₹" => "INR",
        "₴" => "UAH",
        "₸" => "KZT",
        "₩" => "KRW",
        "₺" => "TRY",
        "₪" => "ILS",
        "₦" => "NGN",
        "₫" => "VND",
        "₱" => "PHP",
        "₡" => "CRC",
        "₾" => "GEL",
        "₭" => "LAK",
        "₿" => "BTC",
        "元" => "CNY",
        _ => return None,
    })
}

fn code_currency(s: &str) -> Option<&'static str> {
    Some(match s {
        "USD" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "RUB" => "RUB",
        "BYN" => "BYN",
        "BYR" => "BYR",
        "CNY" | "RMB" => "CNY",
        "JPY" => "JPY",
        "INR" | "Rs" => "INR",
        "UAH" => "UAH",
        "KZT" => "KZT",
        "CHF" => "CHF",
        "CAD" => "CAD",
        "AUD" => "AUD",
        "TRY" => "TRY",
        "BTC" => "BTC",
        _ => return None,
    })
}

/// A dollar symbol's country prefix: "US$", "C$", "HK$", "AUD$", "Mex$".
fn dollar_prefix(s: &str) -> Option<&'static str> {
    Some(match s.to_ascii_lowercase().as_str() {
        "us" | "usd" => "USD",
        "c" | "ca" | "cad" => "CAD",
        "a" | "au" | "aud" => "AUD",
        "hk" | "hkd" => "HKD",
        "nz" | "nzd" => "NZD",
        "s" | "sgd" => "SGD",
        "r" => "BRL",
        "mex" | "mxn" => "MXN",
        _ => return None,
    })
}

/// A currency written before a number at `i`; returns the code and where the number starts.
pub fn currency_prefix(t: &Tokens, i: usize) -> Option<(&'static str, usize)> {
    let s = t.str(i);
    let number_at = |k: usize| t.kind(k) == Some(Kind::Number) && t.continues(k);
    match t.kind(i)? {
        Kind::Punct => {
            let code = symbol_currency(s)?;
            number_at(i + 1).then_some((code, i + 1))
        }
        Kind::Word => {
            if t.punct(i + 1, "$") && t.continues(i + 1) {
                let code = dollar_prefix(s)?;
                // A single letter must touch the sign ("C$", not "a $5 fine"), and must not
                // end an abbreviation ("u.s $").
                let after_dot = i > 0 && t.punct(i - 1, ".") && t.attached(i);
                let apart_ok = t.attached(i + 1) || s.len() > 1;
                return (apart_ok && !after_dot && number_at(i + 2)).then_some((code, i + 2));
            }
            let code = code_currency(s)?;
            let mut k = i + 1;
            if s == "Rs" && t.punct(k, ".") {
                k += 1;
            }
            number_at(k).then_some((code, k))
        }
        Kind::Number => None,
    }
}

/// A currency symbol written after a number at `i` ("10 €", "100元"), not opening another
/// amount.
pub fn currency_symbol_after(t: &Tokens, i: usize) -> Option<&'static str> {
    if t.kind(i)? != Kind::Punct || (t.attached(i + 1) && t.kind(i + 1) == Some(Kind::Number)) {
        return None;
    }
    symbol_currency(t.str(i))
}

/// Currency names after a number, with the power of ten of the unit ("cents" are 10^-2
/// dollars).
fn currency_word(w: &str) -> Option<(&'static str, i32)> {
    Some(match w {
        "dollars" | "dollar" => ("USD", 0),
        "cents" | "cent" => ("USD", -2),
        "euros" | "euro" => ("EUR", 0),
        "sterling" => ("GBP", 0),
        "pence" | "penny" => ("GBP", -2),
        "rubles" | "roubles" | "ruble" | "rouble" => ("RUB", 0),
        "kopecks" | "kopeks" => ("RUB", -2),
        "yuan" | "renminbi" => ("CNY", 0),
        "yen" => ("JPY", 0),
        "rupees" | "rupee" => ("INR", 0),
        "hryvnias" | "hryvnia" | "hryvnas" => ("UAH", 0),
        "tenge" => ("KZT", 0),
        "francs" | "franc" => ("CHF", 0),
        "lira" | "liras" => ("TRY", 0),
        "rand" => ("ZAR", 0),
        "pesetas" | "peseta" => ("ESP", 0),
        "guilders" | "guilder" => ("NLG", 0),
        "markka" | "markkaa" => ("FIM", 0),
        "lire" => ("ITL", 0),
        "shekels" | "shekel" => ("ILS", 0),
        "rupiah" => ("IDR", 0),
        "ringgit" => ("MYR", 0),
        "baht" => ("THB", 0),
        "zloty" | "zlotys" | "zlotyh" => ("PLN", 0),
        "forint" | "forints" => ("HUF", 0),
        "riyals" | "riyal" => ("SAR", 0),
        "dirhams" | "dirham" => ("AED", 0),
        "reais" => ("BRL", 0),
        "pesos" | "peso" => ("MXN", 0),
        "bitcoins" | "bitcoin" => ("BTC", 0),
        _ => return None,
    })
}

/// A currency written after a number at `i` ("dollars", "US dollars", "Belarusian rubles",
/// "pounds sterling", "BYN"); returns the code, the power of ten of the unit, and the token
/// after it. "Pounds" after a scaled number ("361 million pounds") are money, otherwise weight.
pub fn currency_suffix(t: &Tokens, i: usize, scaled: bool) -> Option<(&'static str, i32, usize)> {
    if t.kind(i) != Some(Kind::Word) {
        return None;
    }
    let raw = t.str(i);
    // A code in lowercase counts when it is three letters long: it is uppercased on the stack.
    let lowercase_code = || {
        let mut upper: [u8; 3] = raw.as_bytes().try_into().ok()?;
        upper.make_ascii_uppercase();
        let upper = std::str::from_utf8(&upper).ok()?;
        code_currency(upper).filter(|_| !matches!(upper, "TRY" | "CAD"))
    };
    if let Some(code) = code_currency(raw).or_else(lowercase_code) {
        return Some((code, 0, i + 1));
    }
    let w = t.lower(i);
    let w = w.as_str();
    if matches!(w, "pounds" | "pound") && (t.is(i + 1, "sterling") || scaled) {
        let end = if t.is(i + 1, "sterling") {
            i + 2
        } else {
            i + 1
        };
        return Some(("GBP", 0, end));
    }
    if let Some((code, exp)) = currency_word(w) {
        return Some((code, exp, i + 1));
    }
    let adjective = match w {
        "us" | "american" => Some("USD"),
        "canadian" => Some("CAD"),
        "australian" => Some("AUD"),
        "singapore" => Some("SGD"),
        "belarusian" | "belarussian" | "belarus" => Some("BYN"),
        "russian" => Some("RUB"),
        "chinese" => Some("CNY"),
        "japanese" => Some("JPY"),
        "indian" => Some("INR"),
        "swiss" => Some("CHF"),
        "french" => Some("FRF"),
        "ukrainian" => Some("UAH"),
        "kazakh" => Some("KZT"),
        "turkish" => Some("TRY"),
        "dutch" => Some("NLG"),
        "finnish" => Some("FIM"),
        "mexican" => Some("MXN"),
        "brazilian" => Some("BRL"),
        "south" if t.is(i + 1, "african") => {
            return currency_word(t.lower(i + 2).as_str()).map(|(_, e)| ("ZAR", e, i + 3));
        }
        "new" if t.is(i + 1, "zealand") => {
            return currency_word(t.lower(i + 2).as_str()).map(|(_, e)| ("NZD", e, i + 3));
        }
        "hong" if t.is(i + 1, "kong") => {
            return currency_word(t.lower(i + 2).as_str()).map(|(_, e)| ("HKD", e, i + 3));
        }
        _ => None,
    };
    let code = adjective?;
    let (_, exp) = currency_word(t.lower(i + 1).as_str())?;
    Some((code, exp, i + 2))
}

/// A unit symbol or word, case-sensitive for symbols; the power of ten it implies ("bcm" is
/// 10^9 cubic metres).
fn single_unit(raw: &str, lower: &str, attached: bool) -> Option<(&'static str, i32)> {
    let symbol = match raw {
        "MW" => Some("MW"),
        "GW" => Some("GW"),
        "kW" | "KW" => Some("kW"),
        "TW" => Some("TW"),
        "MWh" => Some("MWh"),
        "GWh" => Some("GWh"),
        "kWh" => Some("kWh"),
        "TWh" => Some("TWh"),
        "Mt" => Some("Mt"),
        "TEU" => Some("TEU"),
        "t" if attached => Some("t"),
        "g" if attached => Some("g"),
        "l" | "L" if attached => Some("l"),
        "m" if attached => Some("m"),
        "µg" | "μg" => Some("µg"),
        _ => None,
    };
    if let Some(s) = symbol {
        return Some((s, 0));
    }
    Some(match lower {
        "tonnes" | "tonne" | "tons" | "ton" => ("t", 0),
        "kilotons" | "kilotonnes" => ("kt", 0),
        "megatons" | "megatonnes" => ("Mt", 0),
        "kg" | "kilograms" | "kilogram" | "kilos" | "kgs" => ("kg", 0),
        "grams" | "gram" => ("g", 0),
        "mg" | "milligrams" => ("mg", 0),
        "micrograms" | "microgram" => ("µg", 0),
        "lbs" | "lb" | "pounds" | "pound" => ("lb", 0),
        "ounces" | "ounce" | "oz" => ("oz", 0),
        "km" | "kilometers" | "kilometres" | "kilometer" | "kilometre" | "kms" => ("km", 0),
        "meters" | "metres" | "meter" | "metre" => ("m", 0),
        "cm" | "centimeters" | "centimetres" | "centimeter" | "centimetre" => ("cm", 0),
        "mm" | "millimeters" | "millimetres" | "millimeter" | "millimetre" => ("mm", 0),
        "miles" | "mile" => ("mi", 0),
        "feet" | "foot" | "ft" => ("ft", 0),
        "inches" | "inch" => ("in", 0),
        "yards" | "yard" => ("yd", 0),
        "hectares" | "hectare" | "ha" => ("ha", 0),
        "acres" | "acre" => ("acre", 0),
        "liters" | "litres" | "liter" | "litre" => ("l", 0),
        "ml" | "milliliters" | "millilitres" => ("ml", 0),
        "gallons" | "gallon" => ("gal", 0),
        "barrels" | "barrel" | "bbl" => ("bbl", 0),
        "bpd" => ("bbl/d", 0),
        "megawatts" | "megawatt" => ("MW", 0),
        "gigawatts" | "gigawatt" => ("GW", 0),
        "kilowatts" | "kilowatt" => ("kW", 0),
        "mph" => ("mph", 0),
        "knots" => ("kn", 0),
        "bcm" => ("m3", 9),
        "tcm" => ("m3", 12),
        "mcm" => ("m3", 6),
        "teu" | "teus" => ("TEU", 0),
        "carats" => ("ct", 0),
        _ => return None,
    })
}

/// A unit after a number at `i` ("MW", "cubic meters", "barrels per day", "-inch"); returns the
/// unit symbol, the power of ten it implies, and the token after it.
pub fn unit_at(t: &Tokens, i: usize) -> Option<(&'static str, i32, usize)> {
    let mut i = i;
    if t.punct(i, "°") {
        let scale = match t.lower(i + 1).as_str() {
            "c" if t.attached(i + 1) => "°C",
            "f" if t.attached(i + 1) => "°F",
            "celsius" | "centigrade" => "°C",
            "fahrenheit" => "°F",
            _ => return Some(("°", 0, i + 1)),
        };
        return Some((scale, 0, i + 2));
    }
    let attached = t.attached(i);
    if t.dash(i) && t.attached(i) && t.attached(i + 1) && t.kind(i + 1) == Some(Kind::Word) {
        i += 1;
    }
    if t.kind(i) != Some(Kind::Word) {
        return None;
    }
    let lower = t.lower(i);
    let lower = lower.as_str();
    let next = t.lower(i + 1);
    let next = next.as_str();
    let (unit, scale, end) = match lower {
        "cubic" => match next {
            "meters" | "metres" | "meter" | "metre" | "m" => ("m3", 0, i + 2),
            "feet" | "foot" => ("ft3", 0, i + 2),
            "kilometers" | "kilometres" | "km" => ("km3", 0, i + 2),
            _ => return None,
        },
        "square" | "sq" => match next {
            "meters" | "metres" | "meter" | "metre" | "m" => ("m2", 0, i + 2),
            "kilometers" | "kilometres" | "km" => ("km2", 0, i + 2),
            "miles" | "mile" => ("mi2", 0, i + 2),
            "feet" | "foot" => ("ft2", 0, i + 2),
            _ => return None,
        },
        "metric" if matches!(next, "tons" | "tonnes" | "ton" | "tonne") => ("t", 0, i + 2),
        "km" if t.punct(i + 1, "/") && t.is(i + 2, "h") => ("km/h", 0, i + 3),
        "degrees" | "degree" => match next {
            "celsius" | "c" | "centigrade" => ("°C", 0, i + 2),
            "fahrenheit" | "f" => ("°F", 0, i + 2),
            _ => ("°", 0, i + 1),
        },
        "b" if t.punct(i + 1, "/") && t.is(i + 2, "d") => ("bbl/d", 0, i + 3),
        "light" => return None,
        _ => {
            let (unit, scale) = single_unit(t.str(i), lower, attached)?;
            (unit, scale, i + 1)
        }
    };
    // "km2", "m3": a power written after the symbol.
    if t.attached(end) && t.kind(end) == Some(Kind::Number) {
        let power = match (unit, t.str(end)) {
            ("km", "2") => "km2",
            ("m", "2") => "m2",
            ("m", "3") => "m3",
            ("cm", "3") => "cm3",
            _ => return None,
        };
        if t.attached(end + 1) && t.kind(end + 1) != Some(Kind::Punct) {
            return None;
        }
        return Some((power, scale, end + 1));
    }
    if t.attached(end) && t.kind(end) == Some(Kind::Word) {
        return None;
    }
    // "4.5 million barrels per day", "18 million tonnes a year".
    if t.is(end, "per") || t.is(end, "a") {
        let rate = match (unit, t.lower(end + 1).as_str()) {
            ("bbl", "day") => Some("bbl/d"),
            ("t", "year") => Some("t/y"),
            ("m3", "year") => Some("m3/y"),
            _ => None,
        };
        if let Some(rate) = rate {
            return Some((rate, scale, end + 2));
        }
    }
    Some((unit, scale, end))
}

/// Whether a lower-cased word is a unit or a currency, so the number before it is a figure.
pub fn is_unit_or_currency_word(w: &str) -> bool {
    currency_word(w).is_some()
        || single_unit("", w, false).is_some()
        || matches!(w, "cubic" | "square" | "metric")
}
