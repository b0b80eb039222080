//! The masthead's words in the six official languages (UN-CONVENTIONS.md, "Official
//! languages"): dates, distribution, language names, session ordinals, agenda items, the
//! United Nations' and the organs' names, "Summary". Reading accepts each language's form
//! beside the English one (the Russian, Arabic and Chinese versions print the distribution
//! block in English), older capitals and text without accents ("FRANCAIS", "GENERALE").
//!
//! The forms come from real documents where UN-CONVENTIONS cites one (French A/53/250,
//! Russian A/69/972, Arabic A/74/L.75 and A/71/1007, Chinese A/70/46) and are otherwise
//! the languages' standard forms: best knowledge, to be corrected from real files.
// (The recognizer, built with the text, DOCX and PDF readers, uses the reading half; the
// DOCX, PDF and Akoma Ntoso writers the labels.)
#![cfg_attr(
    not(all(
        any(feature = "text", feature = "docx", feature = "pdf"),
        any(feature = "akn", feature = "docx", feature = "pdf")
    )),
    allow(dead_code)
)]

use super::Language;

/// `s` lowercased, Latin accents removed, Arabic letter variants unified (alef forms, ta
/// marbuta, alef maqsura; tatweel and short vowels dropped), Arabic-Indic and full-width
/// digits made ASCII, hyphens and runs of spaces made single spaces: the form every
/// comparison here is made in.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ё' => 'е',
            '\u{2019}' | '\u{2018}' => '\'',
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            '\u{0640}' | '\u{064B}'..='\u{0652}' => continue,
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            c => c,
        };
        if c.is_whitespace() || c == '-' || c == '\u{2011}' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

// ---------------------------------------------------------------------------------------
// Dates: "29 janvier 2016", "29 de enero de 2016", "29 января 2016 года",
// "2016年1月29日", "29 كانون الثاني/يناير 2016".

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
/// Arabic month names, Levantine and Egyptian (the UN prints both: "حزيران/يونيه"), folded.
const MONTHS_AR: [&[&str]; 12] = [
    &["كانون الثاني", "يناير"],
    &["شباط", "فبراير"],
    &["اذار", "مارس"],
    &["نيسان", "ابريل"],
    &["ايار", "مايو"],
    &["حزيران", "يونيه", "يونيو"],
    &["تموز", "يوليه", "يوليو"],
    &["اب", "اغسطس"],
    &["ايلول", "سبتمبر"],
    &["تشرين الاول", "اكتوبر"],
    &["تشرين الثاني", "نوفمبر"],
    &["كانون الاول", "ديسمبر"],
];

/// A date in the French, Spanish, Russian, Chinese or Arabic form: (year, month, day).
pub(crate) fn date(s: &str) -> Option<(u16, u8, u8)> {
    let f = fold(s);
    let f = f.trim_end_matches('.').trim();
    // 2016年1月29日
    if let Some((y, rest)) = f.split_once('年') {
        let (m, rest) = rest.split_once('月')?;
        let d = rest.strip_suffix('日')?;
        return Some((
            y.trim().parse().ok()?,
            m.trim().parse().ok()?,
            d.trim().parse().ok()?,
        ));
    }
    let words: Vec<&str> = f
        .split(' ')
        .filter(|w| !matches!(*w, "de" | "года" | "г" | "г."))
        .collect();
    let (first, rest) = words.split_first()?;
    let (last, middle) = rest.split_last()?;
    let day: u8 = first.strip_suffix("er").unwrap_or(first).parse().ok()?;
    let year: u16 = last.parse().ok()?;
    let month = middle.join(" ");
    let in_table = |t: &[&str; 12]| t.iter().position(|m| *m == month);
    let m = in_table(&MONTHS_FR)
        .or_else(|| in_table(&MONTHS_ES))
        .or_else(|| (month == "setiembre").then_some(8))
        .or_else(|| in_table(&MONTHS_RU))
        .or_else(|| {
            // "حزيران/يونيه": either name, or both.
            let names: Vec<&str> = month.split('/').map(str::trim).collect();
            MONTHS_AR
                .iter()
                .position(|forms| names.iter().any(|n| forms.contains(n)))
        })?;
    Some((year, m as u8 + 1, day))
}

// ---------------------------------------------------------------------------------------
// Distribution and languages.

/// A distribution word in any of the languages: "générale", "limitada", "restreinte".
pub(crate) fn distribution_word(s: &str) -> Option<super::Distribution> {
    use super::Distribution::*;
    Some(match fold(s).as_str() {
        "general" | "generale" => General,
        "limited" | "limitee" | "limitada" => Limited,
        "restricted" | "restreinte" | "reservada" => Restricted,
        _ => return None,
    })
}

/// The six languages' names in each language, folded: (named, wording, names).
const LANGUAGE_NAMES: &[(Language, Language, &[&str])] = {
    use Language as L;
    &[
        (L::ENGLISH, L::FRENCH, &["anglais"]),
        (L::FRENCH, L::FRENCH, &["francais"]),
        (L::SPANISH, L::FRENCH, &["espagnol"]),
        (L::RUSSIAN, L::FRENCH, &["russe"]),
        (L::ARABIC, L::FRENCH, &["arabe"]),
        (L::CHINESE, L::FRENCH, &["chinois"]),
        (L::ENGLISH, L::SPANISH, &["ingles"]),
        (L::FRENCH, L::SPANISH, &["frances"]),
        (L::SPANISH, L::SPANISH, &["espanol"]),
        (L::RUSSIAN, L::SPANISH, &["ruso"]),
        (L::CHINESE, L::SPANISH, &["chino"]),
        (L::ENGLISH, L::RUSSIAN, &["английский"]),
        (L::FRENCH, L::RUSSIAN, &["французский"]),
        (L::SPANISH, L::RUSSIAN, &["испанский"]),
        (L::RUSSIAN, L::RUSSIAN, &["русский"]),
        (L::ARABIC, L::RUSSIAN, &["арабский"]),
        (L::CHINESE, L::RUSSIAN, &["китайский"]),
        (L::ENGLISH, L::ARABIC, &["الانكليزيه", "الانجليزيه"]),
        (L::FRENCH, L::ARABIC, &["الفرنسيه"]),
        (L::SPANISH, L::ARABIC, &["الاسبانيه"]),
        (L::RUSSIAN, L::ARABIC, &["الروسيه"]),
        (L::ARABIC, L::ARABIC, &["العربيه"]),
        (L::CHINESE, L::ARABIC, &["الصينيه"]),
        (L::ENGLISH, L::CHINESE, &["英文", "英语"]),
        (L::FRENCH, L::CHINESE, &["法文", "法语"]),
        (L::SPANISH, L::CHINESE, &["西班牙文", "西班牙语"]),
        (L::RUSSIAN, L::CHINESE, &["俄文", "俄语"]),
        (L::ARABIC, L::CHINESE, &["阿拉伯文", "阿拉伯语"]),
        (L::CHINESE, L::CHINESE, &["中文"]),
    ]
};

/// A language named in one of the six (or in English, or by its endonym, in capitals or
/// without accents): the language named and the language the name is in. "anglais" →
/// (English, French); "Español" → (Spanish, Spanish); "English" → (English, English).
pub(crate) fn language_name(s: &str) -> Option<(Language, Language)> {
    let f = fold(s.trim().trim_end_matches(['.', '*']));
    if f.is_empty() {
        return None;
    }
    // "árabe" is Spanish, "arabe" French: the same folded; the accent tells them apart.
    if s.trim().to_lowercase() == "árabe" {
        return Some((Language::ARABIC, Language::SPANISH));
    }
    if let Some((named, wording, _)) = LANGUAGE_NAMES
        .iter()
        .find(|(_, _, n)| n.contains(&f.as_str()))
    {
        return Some((*named, *wording));
    }
    Language::OFFICIAL.iter().find_map(|&l| {
        if fold(l.name()) == f {
            Some((l, Language::ENGLISH))
        } else if fold(l.endonym()) == f {
            Some((l, l))
        } else {
            None
        }
    })
}

/// The "Original:" line in any of the languages ("Original : anglais", "Original: inglés",
/// "Оригинал: английский"): what follows the label.
pub(crate) fn original_line(s: &str) -> Option<&str> {
    let t = s.trim();
    let lower = t.to_lowercase();
    for label in ["original", "оригинал", "الأصل", "原文"] {
        if lower.starts_with(label) {
            let rest = t.get(label.len()..)?.trim_start();
            let rest = rest.strip_prefix(':').or_else(|| rest.strip_prefix('：'))?;
            return Some(rest.trim());
        }
    }
    None
}

/// The languages an "Original:" line names, in printed order ("English/French", "ENGLISH,
/// FRENCH", "English and French", "anglais et français"): each with the language its name
/// is written in when that is known; and the parts that name no language known here.
/// A language named twice counts once.
pub(crate) fn original_languages(list: &str) -> (Vec<(Language, Option<Language>)>, Vec<&str>) {
    let mut found: Vec<(Language, Option<Language>)> = Vec::new();
    let mut unknown = Vec::new();
    let parts = list
        .split(['/', ',', ';'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" et "))
        .flat_map(|p| p.split(" y "));
    for part in parts.map(str::trim).filter(|p| !p.is_empty()) {
        let l = language_name(part)
            .map(|(named, wording)| (named, Some(wording)))
            .or_else(|| Language::from_name(part).map(|l| (l, None)));
        match l {
            Some(l) if found.iter().any(|(f, _)| *f == l.0) => {}
            Some(l) => found.push(l),
            None => unknown.push(part),
        }
    }
    (found, unknown)
}

// ---------------------------------------------------------------------------------------
// Sessions: "Trente et unième session", "31er período de sesiones", "Septuagésimo octavo
// período de sesiones", "Тридцать первая сессия", "الدورة الحادية والثلاثون", "第三十一届会议".

/// French cardinal numbers 1 to 100, as the 1990 spelling or the older one writes them.
fn french_cardinal(n: u32) -> String {
    const UNITS: [&str; 17] = [
        "", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
        "douze", "treize", "quatorze", "quinze", "seize",
    ];
    const TENS: [&str; 7] = [
        "",
        "",
        "vingt",
        "trente",
        "quarante",
        "cinquante",
        "soixante",
    ];
    match n {
        0..=16 => UNITS[n as usize].to_string(),
        17..=19 => format!("dix {}", UNITS[(n - 10) as usize]),
        20..=69 => {
            let (t, u) = (n / 10, n % 10);
            match u {
                0 => TENS[t as usize].to_string(),
                1 => format!("{} et un", TENS[t as usize]),
                _ => format!("{} {}", TENS[t as usize], UNITS[u as usize]),
            }
        }
        70..=79 => match n {
            71 => "soixante et onze".into(),
            _ => format!("soixante {}", french_cardinal(n - 60)),
        },
        80 => "quatre vingts".into(),
        81..=99 => format!("quatre vingt {}", french_cardinal(n - 80)),
        _ => "cent".into(),
    }
}

/// A French ordinal word (folded, spaces for hyphens) as a number, 1 to 100.
fn french_ordinal(f: &str) -> Option<u32> {
    if matches!(f, "premier" | "premiere" | "1re" | "1er") {
        return Some(1);
    }
    let squash = |s: &str| s.replace(" et ", " ").replace([' ', '-'], "");
    let want = squash(f);
    // (Every other ordinal ends so: an English or Spanish word is refused at once, not
    // after a hundred French numbers are spelled.)
    if !want.ends_with("ieme") {
        return None;
    }
    (1..=100).find(|&n| {
        let c = french_cardinal(n);
        let c = c
            .strip_suffix("vingts")
            .map_or(c.as_str(), |head| &c[..head.len() + 5]);
        let stem = match c {
            c if c.ends_with("cinq") => format!("{c}u"),
            c if c.ends_with("neuf") => format!("{}v", &c[..c.len() - 1]),
            c if c.ends_with('e') => c[..c.len() - 1].to_string(),
            c => c.to_string(),
        };
        squash(&format!("{stem}ieme")) == want
    })
}

/// Spanish ordinal words (folded) and their values; compounds add up ("septuagesimo
/// octavo" = 78), "decimo" joins its unit ("decimotercer").
const SPANISH_ORDINALS: &[(&str, u32)] = &[
    ("primer", 1),
    ("primero", 1),
    ("primera", 1),
    ("segundo", 2),
    ("segunda", 2),
    ("tercer", 3),
    ("tercero", 3),
    ("tercera", 3),
    ("cuarto", 4),
    ("cuarta", 4),
    ("quinto", 5),
    ("quinta", 5),
    ("sexto", 6),
    ("sexta", 6),
    ("septimo", 7),
    ("septima", 7),
    ("octavo", 8),
    ("octava", 8),
    ("noveno", 9),
    ("novena", 9),
    ("decimo", 10),
    ("decima", 10),
    ("undecimo", 11),
    ("duodecimo", 12),
    ("vigesimo", 20),
    ("vigesima", 20),
    ("trigesimo", 30),
    ("trigesima", 30),
    ("cuadragesimo", 40),
    ("cuadragesima", 40),
    ("quincuagesimo", 50),
    ("quincuagesima", 50),
    ("sexagesimo", 60),
    ("sexagesima", 60),
    ("septuagesimo", 70),
    ("septuagesima", 70),
    ("octogesimo", 80),
    ("octogesima", 80),
    ("nonagesimo", 90),
    ("nonagesima", 90),
    ("centesimo", 100),
    ("centesima", 100),
];

fn spanish_word(w: &str) -> Option<u32> {
    if let Some((_, v)) = SPANISH_ORDINALS.iter().find(|(s, _)| *s == w) {
        return Some(*v);
    }
    let rest = w
        .strip_prefix("decimo")
        .or_else(|| w.strip_prefix("decima"))?;
    let (_, v) = SPANISH_ORDINALS.iter().find(|(s, _)| *s == rest)?;
    (*v < 10).then_some(10 + v)
}

/// Russian ordinal words (feminine, as "сессия" takes them; folded) and cardinal tens.
const RUSSIAN_WORDS: &[(&str, u32)] = &[
    ("первая", 1),
    ("вторая", 2),
    ("третья", 3),
    ("четвертая", 4),
    ("пятая", 5),
    ("шестая", 6),
    ("седьмая", 7),
    ("восьмая", 8),
    ("девятая", 9),
    ("десятая", 10),
    ("одиннадцатая", 11),
    ("двенадцатая", 12),
    ("тринадцатая", 13),
    ("четырнадцатая", 14),
    ("пятнадцатая", 15),
    ("шестнадцатая", 16),
    ("семнадцатая", 17),
    ("восемнадцатая", 18),
    ("девятнадцатая", 19),
    ("двадцатая", 20),
    ("тридцатая", 30),
    ("сороковая", 40),
    ("пятидесятая", 50),
    ("шестидесятая", 60),
    ("семидесятая", 70),
    ("восьмидесятая", 80),
    ("девяностая", 90),
    ("сотая", 100),
    ("двадцать", 20),
    ("тридцать", 30),
    ("сорок", 40),
    ("пятьдесят", 50),
    ("шестьдесят", 60),
    ("семьдесят", 70),
    ("восемьдесят", 80),
    ("девяносто", 90),
];

/// Arabic ordinal words (feminine, as "الدورة" takes them; folded): units (with their
/// compound form "الحاديه"), teens take "عشره", tens ("والثلاثون") add up.
const ARABIC_UNITS: &[(&str, u32)] = &[
    ("الاولي", 1),
    ("الحاديه", 1),
    ("الثانيه", 2),
    ("الثالثه", 3),
    ("الرابعه", 4),
    ("الخامسه", 5),
    ("السادسه", 6),
    ("السابعه", 7),
    ("الثامنه", 8),
    ("التاسعه", 9),
    ("العاشره", 10),
];
const ARABIC_TENS: &[(&str, u32)] = &[
    ("العشرون", 20),
    ("الثلاثون", 30),
    ("الاربعون", 40),
    ("الخمسون", 50),
    ("الستون", 60),
    ("السبعون", 70),
    ("الثمانون", 80),
    ("التسعون", 90),
    ("المائه", 100),
    ("المئه", 100),
];

/// An Arabic tens word ("الثلاثون", "والثلاثون", oblique "الثلاثين") as a number.
fn arabic_tens(w: &str) -> Option<u32> {
    let bare = w.strip_prefix('و').unwrap_or(w);
    let find = |x: &str| ARABIC_TENS.iter().find(|(s, _)| *s == x).map(|(_, v)| *v);
    find(bare).or_else(|| find(&format!("{}ون", bare.strip_suffix("ين")?)))
}

fn arabic_ordinal(words: &[&str]) -> Option<u32> {
    let unit = |w: &str| ARABIC_UNITS.iter().find(|(s, _)| *s == w).map(|(_, v)| *v);
    match words {
        [w] => unit(w).or_else(|| arabic_tens(w)),
        [u, t] => {
            let u = unit(u)?;
            if *t == "عشره" || *t == "عشر" {
                return (u < 10).then_some(10 + u);
            }
            Some(u + arabic_tens(t)?)
        }
        _ => None,
    }
}

/// A Chinese numeral 1 to 100 ("三十一", "十一", "一百") or digits.
fn chinese_number(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let digit = |c: char| {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    };
    let cs: Vec<char> = s.chars().collect();
    match cs.as_slice() {
        ['一', '百'] => Some(100),
        ['十'] => Some(10),
        [d] => digit(*d).filter(|&v| v > 0),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

/// Arabic masculine ordinals, first to tenth ("المرفق الثاني": the second annex).
const ARABIC_ORDINALS_M: [&str; 10] = [
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
];

/// Whether a line is an annex's label in one of the six languages: "Annex", "Annexe",
/// "Anexo", "Приложение" (in capitals too), alone or with a Roman or Western number or a
/// letter ("Annex II", "Annexe 2", "Annex A"); "المرفق" alone or with an ordinal ("المرفق الأول"); "附件" alone
/// or with a Chinese or Western number ("附件一").
pub(crate) fn annex_label(line: &str) -> bool {
    let t = line.trim();
    let number = |r: &str| {
        let r = r.trim();
        !r.is_empty()
            && r.len() <= 6
            && r.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    };
    // (Each word as printed and in capitals.)
    for words in [
        ["Annex", "ANNEX"],
        ["Annexe", "ANNEXE"],
        ["Anexo", "ANEXO"],
        ["Приложение", "ПРИЛОЖЕНИЕ"],
    ] {
        for w in words {
            if let Some(r) = t.strip_prefix(w)
                && (r.is_empty() || r.starts_with(' ') && number(r))
            {
                return true;
            }
        }
    }
    if let Some(r) = t.strip_prefix("المرفق") {
        let r = fold(r.trim());
        return r.is_empty() || ARABIC_ORDINALS_M.contains(&r.as_str()) || number(&r);
    }
    if let Some(r) = t.strip_prefix("附件") {
        let r = r.trim();
        return r.is_empty() || chinese_number(r).is_some_and(|n| n <= 30) || number(r);
    }
    false
}

/// A session line in French, Spanish, Russian, Arabic or Chinese: its number and the
/// language it is printed in.
pub(crate) fn session(l: &str) -> Option<(u32, Language)> {
    let f = fold(l.trim().trim_end_matches(['*', '.']));
    if f.len() > 120 {
        return None;
    }
    // 第三十一届会议
    if let Some(rest) = f.strip_prefix('第')
        && let Some(n) = rest.strip_suffix("届会议")
    {
        return Some((chinese_number(n)?, Language::CHINESE));
    }
    if let Some(rest) = f.strip_prefix("الدوره ") {
        let words: Vec<&str> = rest.split(' ').collect();
        return Some((arabic_ordinal(&words)?, Language::ARABIC));
    }
    if let Some(before) = f.strip_suffix(" сессия") {
        let mut n = 0;
        for w in before.split(' ') {
            n += RUSSIAN_WORDS.iter().find(|(s, _)| *s == w)?.1;
        }
        return (1..=199).contains(&n).then_some((n, Language::RUSSIAN));
    }
    if let Some(before) = f.strip_suffix(" periodo de sesiones") {
        // "31er", "31º", "78.º", or words.
        let digits: String = before.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            return Some((digits.parse().ok()?, Language::SPANISH));
        }
        let mut n = 0;
        for w in before.split(' ') {
            n += spanish_word(w)?;
        }
        return (n > 0).then_some((n, Language::SPANISH));
    }
    if let Some(before) = f.strip_suffix(" session") {
        let digits: String = before.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() && (before.ends_with('e') || before.ends_with("re")) {
            // "31e session"
            return Some((digits.parse().ok()?, Language::FRENCH));
        }
        return Some((french_ordinal(before)?, Language::FRENCH));
    }
    None
}

// ---------------------------------------------------------------------------------------
// Agenda items: "Points 2 et 3 de l'ordre du jour", "Temas 2 y 3 del programa",
// "Пункты 2 и 3 повестки дня", "البندان 2 و 3 من جدول الأعمال", "议程项目2和3".

/// An agenda line in French, Spanish, Russian, Arabic or Chinese: the item numbers and the
/// language. (Titles follow on the next lines.)
pub(crate) fn agenda(l: &str) -> Option<(Vec<String>, Language)> {
    let f = fold(l.trim().trim_end_matches('*'));
    let (rest, lang, and, tail): (&str, Language, &[&str], &[&str]) = if let Some(r) = f
        .strip_prefix("points ")
        .or_else(|| f.strip_prefix("point "))
    {
        (r, Language::FRENCH, &["et"], &["de l'ordre du jour"])
    } else if let Some(r) = f.strip_prefix("temas ").or_else(|| f.strip_prefix("tema ")) {
        (
            r,
            Language::SPANISH,
            &["y", "e"],
            &["del programa", "de la agenda", "del orden del dia"],
        )
    } else if let Some(r) = f
        .strip_prefix("пункты ")
        .or_else(|| f.strip_prefix("пункт "))
    {
        (
            r,
            Language::RUSSIAN,
            &["и"],
            &["повестки дня", "предварительной повестки дня"],
        )
    } else if let Some(r) = ["البنود ", "البندان ", "البند "]
        .iter()
        .find_map(|p| f.strip_prefix(p))
    {
        (r, Language::ARABIC, &["و"], &["من جدول الاعمال"])
    } else if let Some(r) = f
        .strip_prefix("临时议程项目")
        .or_else(|| f.strip_prefix("议程项目"))
    {
        let nums: Vec<String> = r
            .split(['和', '、', ',', '，'])
            .map(|s| s.trim().to_string())
            .collect();
        let ok = !nums.is_empty()
            && nums
                .iter()
                .all(|n| n.starts_with(|c: char| c.is_ascii_digit()) && n.len() <= 12);
        return ok.then_some((nums, Language::CHINESE));
    } else {
        return None;
    };
    // The numbers, up to the words that end the line ("de l'ordre du jour [provisoire]").
    let end = tail.iter().filter_map(|t| rest.find(t)).min()?;
    let nums_part = rest[..end].trim();
    let mut nums = Vec::new();
    for piece in nums_part.split(',') {
        let mut cur = String::new();
        for w in piece.split(' ').filter(|w| !w.is_empty()) {
            if and.contains(&w) {
                if !cur.is_empty() {
                    nums.push(std::mem::take(&mut cur));
                }
                continue;
            }
            // "4 (a)"; Arabic "و3" written against its number.
            let w = w
                .strip_prefix('و')
                .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
                .unwrap_or(w);
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(w);
        }
        if !cur.is_empty() {
            nums.push(cur);
        }
    }
    let ok = !nums.is_empty()
        && nums
            .iter()
            .all(|n| n.starts_with(|c: char| c.is_ascii_digit()) && n.len() <= 12);
    ok.then_some((nums, lang))
}

// ---------------------------------------------------------------------------------------
// Names.

/// "United Nations" in the six languages (folded).
pub(crate) fn is_un_name(l: &str) -> bool {
    matches!(
        fold(l).as_str(),
        "nations unies"
            | "naciones unidas"
            | "организация объединенных наций"
            | "الامم المتحده"
            | "联合国"
    )
}

/// The principal organs' names in French, Spanish, Russian, Arabic and Chinese, with
/// their language.
const ORGANS: &[(&str, Language)] = &[
    ("assemblee generale", Language::FRENCH),
    ("conseil de securite", Language::FRENCH),
    ("conseil economique et social", Language::FRENCH),
    ("conseil de tutelle", Language::FRENCH),
    ("secretariat", Language::FRENCH),
    ("asamblea general", Language::SPANISH),
    ("consejo de seguridad", Language::SPANISH),
    ("consejo economico y social", Language::SPANISH),
    ("consejo de administracion fiduciaria", Language::SPANISH),
    ("secretaria", Language::SPANISH),
    ("генеральная ассамблея", Language::RUSSIAN),
    ("совет безопасности", Language::RUSSIAN),
    ("экономический и социальный совет", Language::RUSSIAN),
    ("секретариат", Language::RUSSIAN),
    ("الجمعيه العامه", Language::ARABIC),
    ("مجلس الامن", Language::ARABIC),
    ("المجلس الاقتصادي والاجتماعي", Language::ARABIC),
    ("الامانه العامه", Language::ARABIC),
    ("大会", Language::CHINESE),
    ("安全理事会", Language::CHINESE),
    ("经济及社会理事会", Language::CHINESE),
    ("秘书处", Language::CHINESE),
];

/// An organ's name in French, Spanish, Russian, Arabic or Chinese: its language.
pub(crate) fn organ(l: &str) -> Option<Language> {
    let f = fold(l);
    ORGANS.iter().find(|(o, _)| *o == f).map(|(_, lang)| *lang)
}

/// The core human rights treaties, whose committees' documents print the treaty where other
/// mastheads print the organ ("Convention on the Rights of the Child", over two lines in
/// the left column), in English, French and Spanish (folded), with their language.
const TREATIES: &[(&str, Language)] = &[
    ("convention on the rights of the child", Language::ENGLISH),
    (
        "international covenant on civil and political rights",
        Language::ENGLISH,
    ),
    (
        "international covenant on economic, social and cultural rights",
        Language::ENGLISH,
    ),
    (
        "convention against torture and other cruel, inhuman or degrading treatment or punishment",
        Language::ENGLISH,
    ),
    (
        "convention on the elimination of all forms of discrimination against women",
        Language::ENGLISH,
    ),
    (
        "international convention on the elimination of all forms of racial discrimination",
        Language::ENGLISH,
    ),
    (
        "convention on the rights of persons with disabilities",
        Language::ENGLISH,
    ),
    (
        "international convention on the protection of the rights of all migrant workers and \
         members of their families",
        Language::ENGLISH,
    ),
    (
        "international convention for the protection of all persons from enforced disappearance",
        Language::ENGLISH,
    ),
    (
        "convention relative aux droits de l'enfant",
        Language::FRENCH,
    ),
    (
        "pacte international relatif aux droits civils et politiques",
        Language::FRENCH,
    ),
    (
        "pacte international relatif aux droits economiques, sociaux et culturels",
        Language::FRENCH,
    ),
    (
        "convention contre la torture et autres peines ou traitements cruels, inhumains ou \
         degradants",
        Language::FRENCH,
    ),
    (
        "convention sur l'elimination de toutes les formes de discrimination a l'egard des femmes",
        Language::FRENCH,
    ),
    (
        "convention internationale sur l'elimination de toutes les formes de discrimination \
         raciale",
        Language::FRENCH,
    ),
    (
        "convention relative aux droits des personnes handicapees",
        Language::FRENCH,
    ),
    (
        "convention internationale sur la protection des droits de tous les travailleurs \
         migrants et des membres de leur famille",
        Language::FRENCH,
    ),
    (
        "convention internationale pour la protection de toutes les personnes contre les \
         disparitions forcees",
        Language::FRENCH,
    ),
    ("convencion sobre los derechos del nino", Language::SPANISH),
    (
        "pacto internacional de derechos civiles y politicos",
        Language::SPANISH,
    ),
    (
        "pacto internacional de derechos economicos, sociales y culturales",
        Language::SPANISH,
    ),
    (
        "convencion contra la tortura y otros tratos o penas crueles, inhumanos o degradantes",
        Language::SPANISH,
    ),
    (
        "convencion sobre la eliminacion de todas las formas de discriminacion contra la mujer",
        Language::SPANISH,
    ),
    (
        "convencion internacional sobre la eliminacion de todas las formas de discriminacion \
         racial",
        Language::SPANISH,
    ),
    (
        "convencion sobre los derechos de las personas con discapacidad",
        Language::SPANISH,
    ),
    (
        "convencion internacional sobre la proteccion de los derechos de todos los trabajadores \
         migratorios y de sus familiares",
        Language::SPANISH,
    ),
    (
        "convencion internacional para la proteccion de todas las personas contra las \
         desapariciones forzadas",
        Language::SPANISH,
    ),
];

/// Whether `l` (one line or the lines so far, joined with spaces) begins the name of a core
/// human rights treaty, two words at least: `Some(true)` when it is the whole name,
/// `Some(false)` when the name goes on.
pub(crate) fn treaty(l: &str) -> Option<bool> {
    let f = fold(l);
    if f.split(' ').count() < 2 {
        return None;
    }
    TREATIES.iter().find_map(|(name, _)| {
        let rest = name.strip_prefix(f.as_str())?;
        if rest.is_empty() {
            Some(true)
        } else {
            rest.starts_with(' ').then_some(false)
        }
    })
}

/// Words that name a subsidiary body ("Conseil des droits de l'homme", "Comité…").
pub(crate) fn is_body_name(l: &str) -> bool {
    const WORDS: &[&str] = &[
        "conseil",
        "comite",
        "commission",
        "conference",
        "groupe",
        "consejo",
        "comision",
        "conferencia",
        "grupo",
        "совет",
        "комитет",
        "комиссия",
        "конференция",
        "группа",
        "مجلس",
        "لجنه",
        "مؤتمر",
        "فريق",
        "理事会",
        "委员会",
        "会议",
        "工作组",
    ];
    let f = fold(l);
    f.chars().count() < 120
        && WORDS.iter().any(|w| {
            f.split(' ').any(|x| x == *w) || (w.chars().any(|c| c > '\u{2E80}') && f.contains(w))
        })
}

/// "Summary" in the six languages.
pub(crate) fn is_summary(l: &str) -> bool {
    matches!(
        fold(l.trim().trim_end_matches(['*', ':'])).as_str(),
        "summary" | "resume" | "resumen" | "резюме" | "موجز" | "摘要"
    )
}

/// Whether `c` is written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
/// presentation forms): what the writers set from the right and the PDF reader puts back
/// in reading order.
pub(crate) fn right_to_left(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// A Chinese, Japanese or Korean character, or full-width punctuation: lines break beside
/// it, and no space stands between it and a Latin letter or digit.
#[cfg_attr(not(feature = "pdf"), allow(dead_code))]
pub(crate) fn wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Whether most of the letters are right to left (a page of Arabic, whose English
/// masthead lines do not change it).
#[cfg_attr(not(feature = "pdf"), allow(dead_code))]
pub(crate) fn mostly_right_to_left(chars: impl Iterator<Item = char>) -> bool {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in chars.filter(|c| c.is_alphabetic()) {
        if right_to_left(c) {
            rtl += 1;
        } else {
            ltr += 1;
        }
    }
    rtl > ltr
}

/// A right-to-left combining mark (Arabic harakat, shadda, Hebrew points).
#[cfg_attr(not(feature = "pdf"), allow(dead_code))]
pub(crate) fn rtl_mark(c: char) -> bool {
    matches!(c as u32, 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2 | 0x05C4..=0x05C5 | 0x05C7
        | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4
        | 0x06E7..=0x06E8 | 0x06EA..=0x06ED | 0x08D3..=0x08FF)
}

/// An Arabic letter that never joins the letter after it (alef and its forms, dal, thal,
/// reh, zain, waw, teh marbuta, hamza…), so cannot come first in a ligature read in
/// reading order.
#[cfg_attr(not(feature = "pdf"), allow(dead_code))]
fn joins_only_before(c: char) -> bool {
    matches!(
        c,
        '\u{0621}'..='\u{0625}' | '\u{0627}' | '\u{0629}' | '\u{062F}'..='\u{0632}' | '\u{0648}'
            | '\u{0671}'..='\u{0673}' | '\u{0675}'..='\u{0677}' | '\u{0688}'..='\u{0699}'
            | '\u{06C0}' | '\u{06C3}'..='\u{06CB}' | '\u{06CD}' | '\u{06CF}' | '\u{06D2}'
            | '\u{06D3}' | '\u{06D5}'
    )
}

/// Whether the text of one right-to-left glyph (a ligature, a letter with its marks) is
/// stored in the order its characters stand on the page, right to left, rather than in
/// reading order. undocs writes it so, because text extractors reverse a right-to-left
/// line character by character (pdftotext, pdf.js); LibreOffice writes reading order.
/// Either can be told: in reading order no glyph's text starts with a combining mark, and
/// no letter that never joins the next is followed by another letter ("لا" is lam-alef in
/// reading order, "ال" the same glyph stored right to left).
#[cfg_attr(not(feature = "pdf"), allow(dead_code))]
pub(crate) fn stored_right_to_left(glyph_text: &str) -> bool {
    let mut chars = glyph_text.chars().peekable();
    if chars.peek().copied().is_some_and(rtl_mark) {
        return true;
    }
    while let Some(c) = chars.next() {
        if joins_only_before(c)
            && chars
                .peek()
                .is_some_and(|&n| right_to_left(n) && !rtl_mark(n))
        {
            return true;
        }
    }
    false
}

/// The language a text is written in, from its script (Arabic, Chinese, Cyrillic) or, for
/// Latin text, its commonest function words (French, Spanish, English); `None` when it
/// does not tell.
pub(crate) fn language_of(text: &str) -> Option<Language> {
    let (mut arabic, mut han, mut cyrillic, mut latin) = (0, 0, 0, 0);
    for c in text.chars() {
        match c {
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}' => arabic += 1,
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => han += 1,
            '\u{0400}'..='\u{04FF}' => cyrillic += 1,
            c if c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c) => latin += 1,
            _ => {}
        }
    }
    let most = arabic.max(han).max(cyrillic).max(latin);
    if most == 0 {
        return None;
    }
    if most == arabic {
        return Some(Language::ARABIC);
    }
    if most == han {
        return Some(Language::CHINESE);
    }
    if most == cyrillic {
        return Some(Language::RUSSIAN);
    }
    let words: Vec<String> = fold(text)
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(str::to_string)
        .collect();
    let count = |list: &[&str]| words.iter().filter(|w| list.contains(&w.as_str())).count();
    // (Words both print, "la", "de", "en", are left out.)
    let fr = count(&[
        "le", "les", "des", "du", "et", "aux", "pour", "dans", "sur", "une", "au",
    ]) + words
        .iter()
        .filter(|w| w.starts_with("l'") || w.starts_with("d'"))
        .count();
    let es = count(&[
        "el", "los", "las", "del", "y", "para", "con", "por", "sobre", "una", "esfera",
    ]);
    let en = count(&["the", "of", "and", "to", "for", "on", "with", "by"]);
    let best = fr.max(es).max(en);
    if best == 0 {
        None
    } else if best == en {
        Some(Language::ENGLISH)
    } else if best == fr {
        Some(Language::FRENCH)
    } else {
        Some(Language::SPANISH)
    }
}

// ---------------------------------------------------------------------------------------
// Numbering as each language prints it: Arabic chapters by ordinal words ("أولا -"),
// sections by letter names ("ألف -", "بـــاء -"), paragraphs in Arabic-Indic digits
// ("١ -"), subparagraphs "(أ)"; Chinese chapters "一."; Cyrillic sections "А.";
// full-width numbers "１．".

/// Arabic chapter ordinals (folded: "أولاً" → "اولا"), first to twentieth.
const ARABIC_CHAPTERS: &[&str] = &[
    "اولا",
    "ثانيا",
    "ثالثا",
    "رابعا",
    "خامسا",
    "سادسا",
    "سابعا",
    "ثامنا",
    "تاسعا",
    "عاشرا",
    "حادي عشر",
    "ثاني عشر",
    "ثالث عشر",
    "رابع عشر",
    "خامس عشر",
    "سادس عشر",
    "سابع عشر",
    "ثامن عشر",
    "تاسع عشر",
    "عشرون",
];

/// Arabic letter names in the order sections take them (folded).
const ARABIC_SECTIONS: &[&str] = &[
    "الف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام", "ميم",
    "نون", "سين", "عين", "فاء", "صاد", "قاف", "راء", "شين", "تاء", "ثاء", "خاء", "ذال", "ضاد",
    "ظاء", "غين",
];

/// A heading's number as the other languages print it: its level, the number as printed
/// and the heading's text.
pub(crate) fn heading_number(t: &str) -> Option<(crate::model::DivisionKind, String, String)> {
    use crate::model::DivisionKind as K;
    let t = t.trim();
    // Arabic: "أولا - مقدمة", "ألف - …" (a dash, or an en dash, after the number).
    if let Some((head, rest)) = t.split_once(['-', '–']) {
        let f = fold(head);
        let kind = if ARABIC_CHAPTERS.contains(&f.as_str()) {
            Some(K::Chapter)
        } else if ARABIC_SECTIONS.contains(&f.as_str()) {
            Some(K::Section)
        } else {
            None
        };
        if let Some(k) = kind
            && !rest.trim().is_empty()
        {
            let num = t[..head.len() + rest_offset(t, head)].trim().to_string();
            return Some((k, num, rest.trim().to_string()));
        }
    }
    // Chinese: "一. 导言", "二、…", "三．…".
    let han: String = t
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .collect();
    if !han.is_empty() && chinese_number(&han).is_some() {
        let after = &t[han.len()..];
        if let Some(rest) = after
            .strip_prefix('.')
            .or_else(|| after.strip_prefix('．'))
            .or_else(|| after.strip_prefix('、'))
            && !rest.trim().is_empty()
        {
            let num = t[..t.len() - rest.len()].trim().to_string();
            return Some((K::Chapter, num, rest.trim().to_string()));
        }
    }
    // Cyrillic sections: "А. Общая информация".
    let mut cs = t.chars();
    if let (Some(c), Some('.'), Some(' ')) = (cs.next(), cs.next(), cs.next())
        && ('А'..='Я').contains(&c)
    {
        let rest = cs.as_str().trim();
        if !rest.is_empty() {
            return Some((K::Section, format!("{c}."), rest.to_string()));
        }
    }
    None
}

/// The length of the dash after `head` in `t` (head, then "-" or "–").
fn rest_offset(t: &str, head: &str) -> usize {
    t[head.len()..].chars().next().map_or(0, char::len_utf8)
}

/// A paragraph number as the other languages print it: Arabic-Indic digits with a dash or
/// a full stop ("١ -", "١٢."), full-width digits ("１．"). The number as printed and the
/// paragraph's text.
pub(crate) fn para_number(t: &str) -> Option<(String, String)> {
    let t = t.trim_start();
    let digits: String = t
        .chars()
        .take_while(|c| matches!(c, '٠'..='٩' | '۰'..='۹' | '０'..='９'))
        .collect();
    if digits.is_empty() || digits.chars().count() > 4 {
        return None;
    }
    let after = &t[digits.len()..];
    let (mark, rest) = if let Some(r) = after
        .strip_prefix(" -")
        .or_else(|| after.strip_prefix(" –"))
    {
        (&after[..after.len() - r.len()], r)
    } else if let Some(r) = after.strip_prefix('-') {
        ("-", r)
    } else if let Some(r) = after.strip_prefix('.').or_else(|| after.strip_prefix('．')) {
        (&after[..after.len() - r.len()], r)
    } else {
        return None;
    };
    let rest = rest.trim_start();
    (!rest.is_empty()).then(|| (format!("{digits}{mark}"), rest.to_string()))
}

/// A subparagraph letter in Arabic: "(أ)", "(ب)".
pub(crate) fn is_arabic_sub(inner: &str) -> bool {
    let mut cs = inner.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if ('\u{0621}'..='\u{064A}').contains(&c))
}

/// The kind of document a title names in French, Spanish, Russian, Arabic or Chinese
/// ("Rapport du…", "Informe de…", "Доклад…", "تقرير…", "…的报告").
pub(crate) fn doc_kind(t: &str) -> Option<super::DocKind> {
    use super::DocKind as K;
    let f = fold(t);
    let starts = [
        ("projet de resolution", K::DraftResolution),
        ("proyecto de resolucion", K::DraftResolution),
        ("проект резолюции", K::DraftResolution),
        ("مشروع قرار", K::DraftResolution),
        ("projet de decision", K::DraftDecision),
        ("proyecto de decision", K::DraftDecision),
        ("проект решения", K::DraftDecision),
        ("rapport", K::Report),
        ("informe", K::Report),
        ("доклад", K::Report),
        ("تقرير", K::Report),
        ("note du", K::Note),
        ("note de", K::Note),
        ("nota del", K::Note),
        ("nota de", K::Note),
        ("записка", K::Note),
        ("مذكره", K::Note),
        ("lettre datee", K::Letter),
        ("carta de fecha", K::Letter),
        ("письмо", K::Letter),
        ("رساله مؤرخه", K::Letter),
    ];
    if let Some((_, k)) = starts.into_iter().find(|(p, _)| f.starts_with(p)) {
        return Some(k);
    }
    // Chinese names the kind last: "……的报告", "……的说明", "决议草案".
    [
        ("报告", K::Report),
        ("说明", K::Note),
        ("决议草案", K::DraftResolution),
    ]
    .into_iter()
    .find(|(p, _)| f.ends_with(p))
    .map(|(_, k)| k)
}

// ---------------------------------------------------------------------------------------
// Writing: the masthead's labels as each version prints them.

/// French month names as printed.
const MONTHS_FR_PRINTED: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// A date as `lang` prints it: "29 janvier 2016" (the first "1er"), "29 de enero de 2016",
/// "29 января 2016 года", "2016年1月29日", "29 كانون الثاني/يناير 2016"; English otherwise.
pub(crate) fn printed_date(year: u16, month: u8, day: u8, lang: Language) -> String {
    let m = usize::from(month.clamp(1, 12) - 1);
    match lang.code() {
        "fr" if day == 1 => format!("1er {} {year}", MONTHS_FR_PRINTED[m]),
        "fr" => format!("{day} {} {year}", MONTHS_FR_PRINTED[m]),
        "es" => format!("{day} de {} de {year}", MONTHS_ES[m]),
        "ru" => format!("{day} {} {year} года", MONTHS_RU[m]),
        "zh" => format!("{year}年{month}月{day}日"),
        "ar" => {
            let names = MONTHS_AR_PRINTED[m];
            format!("{day} {names} {year}")
        }
        _ => format!("{day} {} {year}", super::MONTHS[m]),
    }
}

/// Arabic month names as the UN prints them: Levantine/Egyptian.
const MONTHS_AR_PRINTED: [&str; 12] = [
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيه",
    "تموز/يوليه",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
];

/// The masthead's labels as a version in one language prints them. The Russian, Arabic
/// and Chinese versions print the distribution block (distribution, date, their language,
/// the original's) in English, as the real ones do (UN-CONVENTIONS).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Labels {
    lang: Language,
}

impl Labels {
    /// The labels for a document in `lang` (English when none is set).
    pub(crate) fn new(lang: Option<Language>) -> Labels {
        Labels {
            lang: lang
                .filter(|l| Language::OFFICIAL.contains(l))
                .unwrap_or(Language::ENGLISH),
        }
    }

    /// Whether the distribution block is in the version's own words (French, Spanish).
    fn local_block(self) -> bool {
        matches!(self.lang.code(), "fr" | "es")
    }

    /// "United Nations", "Nations Unies"…
    pub(crate) fn united_nations(self) -> &'static str {
        match self.lang.code() {
            "fr" => "Nations Unies",
            "es" => "Naciones Unidas",
            "ru" => "Организация Объединенных Наций",
            "ar" => "الأمم المتحدة",
            "zh" => "联合国",
            _ => "United Nations",
        }
    }

    /// "Distr.: General", "Distr. générale", "Distr. limitada"…
    pub(crate) fn distribution(self, d: super::Distribution) -> String {
        use super::Distribution::*;
        let word = match (self.lang.code(), d) {
            ("fr", General) => "générale",
            ("fr", Limited) => "limitée",
            ("fr", Restricted) => "restreinte",
            ("es", General) => "general",
            ("es", Limited) => "limitada",
            ("es", Restricted) => "reservada",
            _ => return format!("Distr.: {}", d.as_str()),
        };
        format!("Distr. {word}")
    }

    /// The date of the distribution block.
    pub(crate) fn date(self, d: super::Date) -> String {
        if self.local_block() {
            d.to_printed_in(self.lang)
        } else {
            d.to_printed()
        }
    }

    /// The version's language line ("Français", "Russian"); none in English.
    pub(crate) fn version_line(self) -> Option<&'static str> {
        match self.lang.code() {
            "en" => None,
            "fr" | "es" => Some(self.lang.endonym()),
            _ => Some(self.lang.name()),
        }
    }

    /// The "Original:" label and the originals' names, as the masthead prints several:
    /// ("Original: ", "English/French"), ("Original : ", "anglais/français").
    pub(crate) fn originals(
        self,
        ls: impl IntoIterator<Item = Language>,
    ) -> (&'static str, String) {
        let mut label = "Original: ";
        let mut names = String::new();
        for (i, l) in ls.into_iter().enumerate() {
            let (lab, name) = self.original(l);
            if i > 0 {
                names.push('/');
            }
            label = lab;
            names.push_str(&name);
        }
        (label, names)
    }

    /// The "Original:" label and the original's name: ("Original : ", "anglais").
    pub(crate) fn original(self, l: Language) -> (&'static str, String) {
        let local = LANGUAGE_NAMES
            .iter()
            .find(|(named, wording, _)| *named == l && *wording == self.lang)
            .map(|(_, _, names)| names[0]);
        match (self.lang.code(), local) {
            ("fr", Some(n)) => ("Original : ", printed_language_name(n)),
            ("es", Some(n)) => ("Original: ", printed_language_name(n)),
            ("es", None) if l == Language::ARABIC => ("Original: ", "árabe".into()),
            _ => ("Original: ", l.name().to_string()),
        }
    }

    /// One agenda item's line: "Agenda item 3", "Point 3 de l'ordre du jour"…
    pub(crate) fn agenda_item(self, n: &str) -> String {
        match self.lang.code() {
            "fr" => format!("Point {n} de l'ordre du jour"),
            "es" => format!("Tema {n} del programa"),
            "ru" => format!("Пункт {n} повестки дня"),
            "ar" => format!("البند {n} من جدول الأعمال"),
            "zh" => format!("议程项目{n}"),
            _ => format!("Agenda item {n}"),
        }
    }

    /// "Summary", "Résumé"…
    pub(crate) fn summary(self) -> &'static str {
        match self.lang.code() {
            "fr" => "Résumé",
            "es" => "Resumen",
            "ru" => "Резюме",
            "ar" => "موجز",
            "zh" => "摘要",
            _ => "Summary",
        }
    }
}

/// A session's label from its number, as a version in `lang` prints it: "Thirty-first
/// session", "Trente et unième session", "31er período de sesiones", "Тридцать первая
/// сессия", "الدورة الحادية والثلاثون", "第三十一届会议". `None` past 100 (and for 0).
pub(crate) fn session_label(n: u32, lang: Language) -> Option<String> {
    if !(1..=100).contains(&n) {
        return None;
    }
    Some(match lang.code() {
        "fr" => {
            format!("{} session", capitalized(&french_ordinal_word(n)))
        }
        "es" => {
            // Apocopated "1er" and "3er" (primer, tercer), "º" otherwise.
            let mark = if matches!(n % 10, 1 | 3) && n % 100 != 11 && n % 100 != 13 {
                "er"
            } else {
                "º"
            };
            format!("{n}{mark} período de sesiones")
        }
        "ru" => {
            let unit = |u: u32| RUSSIAN_WORDS.iter().find(|(_, v)| *v == u).map(|(w, _)| *w);
            let tens_cardinal = |t: u32| {
                RUSSIAN_WORDS
                    .iter()
                    .filter(|(w, _)| !w.ends_with("ая"))
                    .find(|(_, v)| *v == t)
                    .map(|(w, _)| *w)
            };
            let words = if n <= 20 || n.is_multiple_of(10) {
                unit(n)?.to_string()
            } else {
                format!("{} {}", tens_cardinal(n / 10 * 10)?, unit(n % 10)?)
            };
            format!("{} сессия", capitalized(&words))
        }
        "ar" => {
            const UNITS: [&str; 10] = [
                "الأولى",
                "الثانية",
                "الثالثة",
                "الرابعة",
                "الخامسة",
                "السادسة",
                "السابعة",
                "الثامنة",
                "التاسعة",
                "العاشرة",
            ];
            const TENS: [&str; 9] = [
                "العشرون",
                "الثلاثون",
                "الأربعون",
                "الخمسون",
                "الستون",
                "السبعون",
                "الثمانون",
                "التسعون",
                "المائة",
            ];
            let (t, u) = (n / 10, n % 10);
            let unit = |u: u32| {
                if u == 1 {
                    "الحادية"
                } else {
                    UNITS[(u - 1) as usize]
                }
            };
            let words = match (t, u) {
                (0, u) => UNITS[(u - 1) as usize].to_string(),
                (1, 0) => "العاشرة".to_string(),
                (1, u) => format!("{} عشرة", unit(u)),
                (t, 0) => TENS[(t - 2) as usize].to_string(),
                (t, u) => format!("{} و{}", unit(u), TENS[(t - 2) as usize]),
            };
            format!("الدورة {words}")
        }
        "zh" => {
            const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
            let (t, u) = (n / 10, n % 10);
            let num = match (t, u) {
                (10, _) => "一百".to_string(),
                (0, u) => D[u as usize].to_string(),
                (1, u) => format!("十{}", D[u as usize]),
                (t, u) => format!("{}十{}", D[t as usize], D[u as usize]),
            };
            format!("第{num}届会议")
        }
        _ => format!("{} session", english_ordinal(n)),
    })
}

/// `s` with its first letter in capitals.
fn capitalized(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// A French ordinal word ("trente et unième", "première"), lowercase.
fn french_ordinal_word(n: u32) -> String {
    if n == 1 {
        return "première".into();
    }
    let c = french_cardinal(n).replace("quatre vingts", "quatre-vingt");
    // The hyphens of compound numbers ("cinquante-trois", "soixante-dix"), "et" spaced.
    let c = c.replace(' ', "-").replace("-et-", " et ");
    let stem = if c.ends_with("cinq") {
        format!("{c}u")
    } else if let Some(s) = c.strip_suffix("neuf") {
        format!("{s}neuv")
    } else if let Some(s) = c.strip_suffix('e') {
        s.to_string()
    } else {
        c
    };
    format!("{stem}ième")
}

/// An English ordinal word, capitalized: "Thirty-first".
fn english_ordinal(n: u32) -> String {
    const UNITS: [&str; 20] = [
        "",
        "First",
        "Second",
        "Third",
        "Fourth",
        "Fifth",
        "Sixth",
        "Seventh",
        "Eighth",
        "Ninth",
        "Tenth",
        "Eleventh",
        "Twelfth",
        "Thirteenth",
        "Fourteenth",
        "Fifteenth",
        "Sixteenth",
        "Seventeenth",
        "Eighteenth",
        "Nineteenth",
    ];
    const TENS: [&str; 10] = [
        "", "", "Twent", "Thirt", "Fort", "Fift", "Sixt", "Sevent", "Eight", "Ninet",
    ];
    match n {
        1..=19 => UNITS[n as usize].to_string(),
        100 => "Hundredth".to_string(),
        _ if n.is_multiple_of(10) => format!("{}ieth", TENS[(n / 10) as usize]),
        _ => format!(
            "{}y-{}",
            TENS[(n / 10) as usize],
            UNITS[(n % 10) as usize].to_lowercase()
        ),
    }
}

/// A language name of the table as printed (the table holds folded forms).
fn printed_language_name(folded: &str) -> String {
    match folded {
        "francais" => "français".into(),
        "ingles" => "inglés".into(),
        "frances" => "francés".into(),
        "espanol" => "español".into(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Distribution;

    #[test]
    fn treaty_names_whole_or_begun() {
        assert_eq!(treaty("Convention on the Rights of the Child"), Some(true));
        assert_eq!(treaty("CONVENTION ON THE"), Some(false));
        assert_eq!(treaty("Convención sobre los Derechos del Niño"), Some(true));
        assert_eq!(
            treaty("Pacte international relatif aux droits civils et politiques"),
            Some(true)
        );
        // One word, a word cut short, words after the name, or another text: no.
        for t in [
            "Convention",
            "Convention on the Ri",
            "Convention on the Rights of the Child and its Optional Protocols",
            "Report of the Committee",
            "",
        ] {
            assert_eq!(treaty(t), None, "{t}");
        }
    }

    #[test]
    fn original_lines_name_one_or_several_languages() {
        let names = |s| {
            let (found, unknown) = original_languages(s);
            (
                found.iter().map(|(l, _)| l.code()).collect::<Vec<_>>(),
                unknown,
            )
        };
        assert_eq!(names("English"), (vec!["en"], vec![]));
        assert_eq!(names("English/French"), (vec!["en", "fr"], vec![]));
        assert_eq!(names("ENGLISH / FRENCH"), (vec!["en", "fr"], vec![]));
        assert_eq!(
            names("English, French and Spanish"),
            (vec!["en", "fr", "es"], vec![])
        );
        assert_eq!(names("anglais et français"), (vec!["en", "fr"], vec![]));
        assert_eq!(names("inglés y francés"), (vec!["en", "fr"], vec![]));
        assert_eq!(names("English/English"), (vec!["en"], vec![]));
        assert_eq!(names("English/Klingon"), (vec!["en"], vec!["Klingon"]));
        // The wording: "anglais" is French.
        assert_eq!(
            original_languages("anglais/espagnol").0,
            [
                (Language::ENGLISH, Some(Language::FRENCH)),
                (Language::SPANISH, Some(Language::FRENCH))
            ]
        );
        let en = Labels::new(Some(Language::ENGLISH));
        assert_eq!(
            en.originals([Language::ENGLISH, Language::FRENCH]),
            ("Original: ", "English/French".to_string())
        );
        let fr = Labels::new(Some(Language::FRENCH));
        assert_eq!(
            fr.originals([Language::ENGLISH, Language::FRENCH]),
            ("Original : ", "anglais/français".to_string())
        );
        // What one prints, the other reads back.
        for labels in [en, fr] {
            let (_, printed) = labels.originals([Language::SPANISH, Language::ENGLISH]);
            let back: Vec<Language> = original_languages(&printed)
                .0
                .into_iter()
                .map(|(l, _)| l)
                .collect();
            assert_eq!(back, [Language::SPANISH, Language::ENGLISH], "{printed}");
        }
    }

    #[test]
    fn annex_labels_in_each_language() {
        for l in [
            "Annex",
            "ANNEX",
            "Annex II",
            "Annex 2",
            "Annexe",
            "Annexe I",
            "ANNEXE",
            "Anexo",
            "Anexo III",
            "ANEXO",
            "Annex A",
            "Приложение",
            "Приложение I",
            "ПРИЛОЖЕНИЕ",
            "المرفق",
            "المرفق الأول",
            "المرفق الثاني",
            "附件",
            "附件一",
            "附件 2",
        ] {
            assert!(annex_label(l), "{l}");
        }
        for l in [
            "Annexes",
            "Annex to the letter",
            "Annexe au rapport",
            "Anexos",
            "Приложения",
            "المرفقات",
            "附件一至三",
            "Annexed",
        ] {
            assert!(!annex_label(l), "{l}");
        }
    }

    #[test]
    fn a_glyph_text_stored_right_to_left_is_told_from_reading_order() {
        // Reading order: lam-alef (plain, with hamza, with a mark after), a letter with
        // shadda, a lone letter, Latin.
        for t in ["لا", "لأ", "لاً", "بّ", "بَّ", "ب", "fi", "ا ", ""] {
            assert!(!stored_right_to_left(t), "{t}");
        }
        // The same glyphs' text right to left.
        for t in ["ال", "أل", "ًال", "ّب", "َّب"] {
            assert!(stored_right_to_left(t), "{t}");
        }
    }

    #[test]
    fn dates_in_each_language() {
        for (s, want) in [
            ("29 janvier 2016", (2016, 1, 29)),
            ("1er août 1998", (1998, 8, 1)),
            ("10 AOUT 1992", (1992, 8, 10)),
            ("29 de enero de 2016", (2016, 1, 29)),
            ("29 января 2016 года", (2016, 1, 29)),
            ("6 июля 2015 г.", (2015, 7, 6)),
            ("2016年1月29日", (2016, 1, 29)),
            ("2016年１月２９日", (2016, 1, 29)),
            ("16 حزيران/يونيه 2011", (2011, 6, 16)),
            ("١٦ تموز/يوليه ٢٠٢٠", (2020, 7, 16)),
            ("29 كانون الثاني/يناير 2016", (2016, 1, 29)),
        ] {
            assert_eq!(date(s), Some(want), "{s}");
        }
        assert_eq!(date("Trente et unième session"), None);
        assert_eq!(date("29 foo 2016"), None);
    }

    #[test]
    fn distribution_and_language_names() {
        assert_eq!(distribution_word("générale"), Some(Distribution::General));
        assert_eq!(distribution_word("GENERALE"), Some(Distribution::General));
        assert_eq!(distribution_word("limitada"), Some(Distribution::Limited));
        assert_eq!(
            distribution_word("restreinte"),
            Some(Distribution::Restricted)
        );
        assert_eq!(
            distribution_word("reservada"),
            Some(Distribution::Restricted)
        );
        assert_eq!(
            language_name("anglais"),
            Some((Language::ENGLISH, Language::FRENCH))
        );
        assert_eq!(
            language_name("ANGLAIS"),
            Some((Language::ENGLISH, Language::FRENCH))
        );
        assert_eq!(
            language_name("inglés"),
            Some((Language::ENGLISH, Language::SPANISH))
        );
        assert_eq!(
            language_name("FRANCAIS"),
            Some((Language::FRENCH, Language::FRENCH))
        );
        assert_eq!(
            language_name("Español"),
            Some((Language::SPANISH, Language::SPANISH))
        );
        assert_eq!(
            language_name("English"),
            Some((Language::ENGLISH, Language::ENGLISH))
        );
        assert_eq!(
            language_name("Russian"),
            Some((Language::RUSSIAN, Language::ENGLISH))
        );
        assert_eq!(
            language_name("árabe"),
            Some((Language::ARABIC, Language::SPANISH))
        );
        assert_eq!(
            language_name("arabe"),
            Some((Language::ARABIC, Language::FRENCH))
        );
        assert_eq!(
            language_name("英文"),
            Some((Language::ENGLISH, Language::CHINESE))
        );
        assert_eq!(language_name("Agenda"), None);
        assert_eq!(original_line("Original : anglais"), Some("anglais"));
        assert_eq!(original_line("Original: inglés"), Some("inglés"));
        assert_eq!(original_line("Original: English"), Some("English"));
        assert_eq!(original_line("Originality"), None);
    }

    #[test]
    fn french_numbers_to_one_hundred() {
        for (w, n) in [
            ("Première", 1),
            ("Deuxième", 2),
            ("Cinquième", 5),
            ("Neuvième", 9),
            ("Onzième", 11),
            ("Dix-septième", 17),
            ("Vingt et unième", 21),
            ("Trente et unième", 31),
            ("Cinquante-troisième", 53),
            ("Soixante-dixième", 70),
            ("Soixante et onzième", 71),
            ("Soixante-dix-neuvième", 79),
            ("Quatre-vingtième", 80),
            ("Quatre-vingt-unième", 81),
            ("Quatre-vingt-dix-neuvième", 99),
            ("Centième", 100),
            ("trente-et-unième", 31),
        ] {
            assert_eq!(french_ordinal(&fold(w)), Some(n), "{w}");
        }
        // Every number reads back.
        for n in 2..=100 {
            let c = french_cardinal(n);
            assert!(!c.is_empty(), "{n}");
        }
    }

    #[test]
    fn sessions_in_each_language() {
        for (s, n, lang) in [
            ("Trente et unième session", 31, Language::FRENCH),
            ("Cinquante-troisième session", 53, Language::FRENCH),
            ("Première session", 1, Language::FRENCH),
            ("PREMIERE SESSION", 1, Language::FRENCH),
            ("31er período de sesiones", 31, Language::SPANISH),
            (
                "Septuagésimo octavo período de sesiones",
                78,
                Language::SPANISH,
            ),
            (
                "Trigésimo primer período de sesiones",
                31,
                Language::SPANISH,
            ),
            ("Decimotercer período de sesiones", 13, Language::SPANISH),
            ("Тридцать первая сессия", 31, Language::RUSSIAN),
            ("Шестьдесят девятая сессия", 69, Language::RUSSIAN),
            ("Семидесятая сессия", 70, Language::RUSSIAN),
            ("الدورة الحادية والثلاثون", 31, Language::ARABIC),
            ("الدورة الرابعة والسبعون", 74, Language::ARABIC),
            ("الدورة الأولى", 1, Language::ARABIC),
            ("الدورة الحادية عشرة", 11, Language::ARABIC),
            ("الدورة الثلاثون", 30, Language::ARABIC),
            ("第三十一届会议", 31, Language::CHINESE),
            ("第七十届会议", 70, Language::CHINESE),
            ("第十一届会议", 11, Language::CHINESE),
        ] {
            assert_eq!(session(s), Some((n, lang)), "{s}");
        }
        assert_eq!(session("Thirty-first session"), None);
        assert_eq!(session("Conseil des droits de l'homme"), None);
    }

    #[test]
    fn agenda_items_in_each_language() {
        let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        for (s, nums, lang) in [
            (
                "Points 2 et 3 de l'ordre du jour",
                v(&["2", "3"]),
                Language::FRENCH,
            ),
            (
                "Point 4 de l'ordre du jour provisoire",
                v(&["4"]),
                Language::FRENCH,
            ),
            (
                "Temas 2 y 3 de la agenda",
                v(&["2", "3"]),
                Language::SPANISH,
            ),
            ("Tema 68 a) del programa", v(&["68 a)"]), Language::SPANISH),
            (
                "Пункты 2 и 3 повестки дня",
                v(&["2", "3"]),
                Language::RUSSIAN,
            ),
            ("Пункт 118 повестки дня", v(&["118"]), Language::RUSSIAN),
            (
                "البندان 2 و 3 من جدول الأعمال",
                v(&["2", "3"]),
                Language::ARABIC,
            ),
            ("البند 7 من جدول الأعمال", v(&["7"]), Language::ARABIC),
            ("议程项目2和3", v(&["2", "3"]), Language::CHINESE),
            ("议程项目7", v(&["7"]), Language::CHINESE),
        ] {
            assert_eq!(agenda(s), Some((nums, lang)), "{s}");
        }
        assert_eq!(agenda("Point de vue"), None);
    }

    #[test]
    fn numbering_as_each_language_prints_it() {
        use crate::model::DivisionKind as K;
        let h = heading_number;
        assert_eq!(
            h("أولا - مقدمة"),
            Some((K::Chapter, "أولا -".into(), "مقدمة".into()))
        );
        assert_eq!(
            h("ثانياً - الولاية"),
            Some((K::Chapter, "ثانياً -".into(), "الولاية".into()))
        );
        assert_eq!(
            h("بـــاء - المشاورات"),
            Some((K::Section, "بـــاء -".into(), "المشاورات".into()))
        );
        assert_eq!(
            h("一. 导言"),
            Some((K::Chapter, "一.".into(), "导言".into()))
        );
        assert_eq!(
            h("十二、结论"),
            Some((K::Chapter, "十二、".into(), "结论".into()))
        );
        assert_eq!(
            h("Б. Общие положения"),
            Some((K::Section, "Б.".into(), "Общие положения".into()))
        );
        assert_eq!(h("Introduction"), None);
        assert_eq!(h("مجلس - حقوق"), None);
        assert_eq!(
            para_number("١ - طلب المجلس"),
            Some(("١ -".into(), "طلب المجلس".into()))
        );
        assert_eq!(para_number("١٢. نص"), Some(("١٢.".into(), "نص".into())));
        assert_eq!(
            para_number("１．本报告"),
            Some(("１．".into(), "本报告".into()))
        );
        assert_eq!(para_number("1. text"), None);
        assert!(is_arabic_sub("أ"));
        assert!(!is_arabic_sub("a"));
    }

    #[test]
    fn labels_print_what_the_readers_read() {
        use crate::model::{Date, Distribution};
        let d = Date::new(2016, 1, 29).unwrap();
        for lang in Language::OFFICIAL {
            let l = Labels::new(Some(lang));
            assert_eq!(
                distribution_word(
                    l.distribution(Distribution::Limited)
                        .trim_start_matches("Distr.")
                        .trim_start_matches([':', ' '])
                ),
                Some(Distribution::Limited),
                "{lang}"
            );
            assert_eq!(Date::parse_printed(&l.date(d)), Some(d), "{lang}");
            assert_eq!(
                Date::parse_printed(&d.to_printed_in(lang)),
                Some(d),
                "{lang}"
            );
            let (label, name) = l.original(Language::ENGLISH);
            assert_eq!(
                original_line(&format!("{label}{name}"))
                    .and_then(language_name)
                    .map(|(n, _)| n),
                Some(Language::ENGLISH),
                "{lang}"
            );
            if lang != Language::ENGLISH {
                // (English agenda lines are read by the recognizer's own scanner.)
                assert_eq!(
                    agenda(&l.agenda_item("3")),
                    Some((vec!["3".to_string()], lang))
                );
            }
            assert!(is_summary(l.summary()), "{lang}");
            assert!(
                is_un_name(l.united_nations()) || lang == Language::ENGLISH,
                "{lang}"
            );
        }
        assert_eq!(
            Labels::new(Some(Language::FRENCH)).original(Language::ENGLISH),
            ("Original : ", "anglais".to_string())
        );
        assert_eq!(
            Labels::new(Some(Language::SPANISH)).original(Language::ENGLISH),
            ("Original: ", "inglés".to_string())
        );
        assert_eq!(
            Date::new(1998, 8, 1)
                .unwrap()
                .to_printed_in(Language::FRENCH),
            "1er août 1998"
        );
    }

    #[test]
    fn session_labels_in_each_language_read_back_to_their_number() {
        use crate::model::Session;
        for lang in Language::OFFICIAL {
            for n in 1..=100 {
                let label = session_label(n, lang).unwrap();
                let s =
                    Session::parse_printed(&label).unwrap_or_else(|| panic!("{lang} {n}: {label}"));
                assert_eq!(s.number, Some(n.to_string()), "{lang}: {label}");
            }
        }
        let l = |n, lang| session_label(n, lang).unwrap();
        assert_eq!(l(31, Language::ENGLISH), "Thirty-first session");
        assert_eq!(l(31, Language::FRENCH), "Trente et unième session");
        assert_eq!(l(53, Language::FRENCH), "Cinquante-troisième session");
        assert_eq!(l(1, Language::FRENCH), "Première session");
        assert_eq!(l(31, Language::SPANISH), "31er período de sesiones");
        assert_eq!(l(78, Language::SPANISH), "78º período de sesiones");
        assert_eq!(l(31, Language::RUSSIAN), "Тридцать первая сессия");
        assert_eq!(l(69, Language::RUSSIAN), "Шестьдесят девятая сессия");
        assert_eq!(l(31, Language::ARABIC), "الدورة الحادية والثلاثون");
        assert_eq!(l(74, Language::ARABIC), "الدورة الرابعة والسبعون");
        assert_eq!(l(31, Language::CHINESE), "第三十一届会议");
        assert_eq!(l(70, Language::CHINESE), "第七十届会议");
        assert_eq!(session_label(0, Language::ENGLISH), None);
    }

    #[test]
    fn names_and_languages_of_text() {
        assert!(is_un_name("Nations Unies"));
        assert!(is_un_name("Организация Объединенных Наций"));
        assert!(is_un_name("الأمم المتحدة"));
        assert!(is_un_name("联合国"));
        assert_eq!(organ("Assemblée générale"), Some(Language::FRENCH));
        assert_eq!(organ("Asamblea General"), Some(Language::SPANISH));
        assert_eq!(organ("大会"), Some(Language::CHINESE));
        assert!(is_body_name("Conseil des droits de l'homme"));
        assert!(is_body_name("Совет по правам человека"));
        assert!(is_body_name("人权理事会"));
        assert!(is_summary("Résumé"));
        assert!(is_summary("摘要"));
        assert_eq!(
            language_of(
                "Renforcement de la coopération internationale dans le domaine des droits de l'homme"
            ),
            Some(Language::FRENCH)
        );
        assert_eq!(
            language_of(
                "Fortalecimiento de la cooperación internacional en la esfera de los derechos humanos"
            ),
            Some(Language::SPANISH)
        );
        assert_eq!(
            language_of("Enhancement of international cooperation in the field of human rights"),
            Some(Language::ENGLISH)
        );
        assert_eq!(
            language_of("Укрепление международного сотрудничества"),
            Some(Language::RUSSIAN)
        );
        assert_eq!(
            language_of("加强人权领域的国际合作"),
            Some(Language::CHINESE)
        );
        assert_eq!(
            language_of("تعزيز التعاون الدولي في ميدان حقوق الإنسان"),
            Some(Language::ARABIC)
        );
    }
}
