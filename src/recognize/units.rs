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
        _ => return None,
    })
}

/// A dollar symbol's country prefix: "US$", "C$", "HK$".
fn dollar_prefix(s: &str) -> Option<&'static str> {
    Some(match s {
        "US" => "USD",
        "C" | "CA" => "CAD",
        "A" | "AU" => "AUD",
        "HK" => "HKD",
        "NZ" => "NZD",
        "S" => "SGD",
        "R" => "BRL",
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
            if t.punct(i + 1, "$") && t.attached(i + 1) {
                let code = dollar_prefix(s)?;
                return number_at(i + 2).then_some((code, i + 2));
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

fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollars" | "dollar" => "USD",
        "euros" | "euro" => "EUR",
        "sterling" => "GBP",
        "rubles" | "roubles" | "ruble" | "rouble" => "RUB",
        "yuan" | "renminbi" => "CNY",
        "yen" => "JPY",
        "rupees" | "rupee" => "INR",
        "hryvnias" | "hryvnia" | "hryvnas" => "UAH",
        "tenge" => "KZT",
        "francs" | "franc" => "CHF",
        "lira" | "liras" => "TRY",
        "rand" => "ZAR",
        _ => return None,
    })
}

/// A currency written after a number at `i` ("dollars", "US dollars", "Belarusian rubles",
/// "pounds sterling", "BYN"); returns the code and the token after it.
pub fn currency_suffix(t: &Tokens, i: usize) -> Option<(&'static str, usize)> {
    if let Some(code) = code_currency(t.str(i)).filter(|_| t.kind(i) == Some(Kind::Word)) {
        return Some((code, i + 1));
    }
    let w = t.lower(i);
    let w = w.as_str();
    if w == "pounds" && t.is(i + 1, "sterling") {
        return Some(("GBP", i + 2));
    }
    if let Some(code) = currency_word(w) {
        return Some((code, i + 1));
    }
    let adjective = match w {
        "us" | "american" => Some(("dollars", "USD")),
        "canadian" => Some(("dollars", "CAD")),
        "australian" => Some(("dollars", "AUD")),
        "singapore" => Some(("dollars", "SGD")),
        "belarusian" | "belarussian" | "belarus" => Some(("rubles", "BYN")),
        "russian" => Some(("rubles", "RUB")),
        "chinese" => Some(("yuan", "CNY")),
        "japanese" => Some(("yen", "JPY")),
        "indian" => Some(("rupees", "INR")),
        "swiss" => Some(("francs", "CHF")),
        "ukrainian" => Some(("hryvnias", "UAH")),
        "kazakh" => Some(("tenge", "KZT")),
        _ => None,
    };
    if let Some((_, code)) = adjective {
        let next = t.lower(i + 1);
        let base = currency_word(next.as_str())?;
        let code = if base == "RUB" || base == "USD" || base == code {
            code
        } else {
            base
        };
        return Some((code, i + 2));
    }
    if w == "hong" && t.is(i + 1, "kong") && matches!(t.lower(i + 2).as_str(), "dollars" | "dollar")
    {
        return Some(("HKD", i + 3));
    }
    None
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
        "b" if t.punct(i + 1, "/") && t.is(i + 2, "d") => ("bbl/d", 0, i + 3),
        "light" => return None,
        _ => {
            let (unit, scale) = single_unit(t.str(i), lower, attached)?;
            (unit, scale, i + 1)
        }
    };
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
