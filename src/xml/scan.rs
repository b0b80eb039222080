//! The parse loop for XML held whole (the parts of a DOCX package; an Akoma Ntoso file,
//! with its namespaces resolved): a scanner of our own over the text, checked once as
//! UTF-8, instead of quick-xml's events.
//!
//! quick-xml's reader checks every text event as UTF-8 again, and its attribute iterator
//! reads and checks the attributes of every element; Word's parts are mostly elements the
//! readers skip, each with attributes. Here the tags are found with `memchr`, an element's
//! attributes are checked but only decoded when the element is kept, and a skipped subtree
//! is passed over tag by tag without building anything. On sample 02 (a real UN report,
//! fixtures/docx) parsing its parts took 14.3 M instructions with quick-xml and about 8 M
//! with the scanner (callgrind), and the whole `undocs convert` 27.4 M and 20.5 M.
//!
//! It checks what that loop checks: tags well formed, end tags matching their start,
//! attributes quoted and not repeated (in a skipped subtree, where quick-xml does not
//! read them either, only passed over), references to the five predefined entities and
//! characters only, no DOCTYPE, one root, nothing but blanks, comments and processing
//! instructions outside it. Line ends are normalized as XML 1.0 says (`\r\n` and `\r` to
//! `\n`; in attribute values every blank to a space). With namespaces, an element is in
//! an Akoma Ntoso namespace as quick-xml's resolver says: its prefix (or the default
//! namespace) bound, by the nearest declaration in scope, to the namespace as written;
//! declarations quick-xml refuses are refused here too and left to it. On the
//! 1,000-paragraph report an Akoma Ntoso read went from 1.68 ms with quick-xml's
//! namespaced reader to 1.35 ms (divan; a bare quick-xml scan of the same bytes: 0.71 ms).
//! The test module below parses the same inputs with both loops and compares the trees.

use std::borrow::Cow;

use memchr::{memchr, memchr2, memchr3, memmem};

use super::{Builder, DOCTYPE_REFUSED, Tree};
use super::{entity, revision_id, undefined_entity, xml_char};
use crate::Result;

/// Parses `text` (held) into its tree, as [`super::run`] does (with namespaces when the
/// source asks for them: whether each element is in an Akoma Ntoso namespace). A
/// refusal (not an error of the reader's callback) is noted for [`super::again_if_refused`].
pub(super) fn run<'a>(mut b: Builder<'a, '_>, text: &'a str) -> Result<Tree<'a>> {
    let end = scan(&mut b, text);
    let by_reader = b.each_failed;
    let tree = end.and_then(|end| b.finish(end));
    if tree.is_err() && !by_reader {
        super::SCAN_REFUSED.set(true);
    }
    tree
}

/// The scan itself, up to the end of the input or of the one element parsed: where it
/// stopped.
fn scan<'a>(b: &mut Builder<'a, '_>, text: &'a str) -> Result<u64> {
    let bytes = text.as_bytes();
    // A tree held whole has its nodes sized once for the whole text (Word's parts hold
    // about one kept node per 48 bytes): grown by doubling instead, each growth copied the
    // nodes so far into new memory. (A streamed part's tree holds one child at a time, in
    // memory used again from child to child.)
    if b.streams.is_empty() {
        b.tree.reserve(text.len() / 48);
    }
    let mut attrs: Vec<(&'a str, usize, &'a str)> = Vec::new();
    // (The qualified names of the open elements, for their end tags.)
    let mut qnames: Vec<&'a str> = Vec::new();
    // With namespaces: the declarations in scope, innermost last, as quick-xml's resolver
    // keeps them: the depth of the element that makes each (the open elements around it),
    // the prefix ("" for the default namespace) and the value as written.
    let namespaces = b.src.namespaces;
    let mut decls: Vec<(usize, &'a str, &'a str)> = Vec::new();
    let mut i = if text.starts_with('\u{feff}') { 3 } else { 0 };
    loop {
        let lt = find(b'<', bytes.get(i..).unwrap_or_default()).map_or(bytes.len(), |k| i + k);
        if lt > i {
            let raw = text.get(i..lt).unwrap_or_default();
            b.text(
                content(raw).map_err(|(at, m)| b.syntax((i + at) as u64, m))?,
                i as u64,
            )?;
        }
        if lt >= bytes.len() {
            i = bytes.len();
            break;
        }
        let pos = lt as u64;
        match bytes.get(lt + 1) {
            Some(b'/') => {
                let after =
                    close_tag(text, lt, &mut qnames).map_err(|(at, m)| b.syntax(at as u64, m))?;
                i = after;
                out_of_scope(&mut decls, qnames.len());
                if b.close(pos)? {
                    break;
                }
            }
            Some(b'!') => match bang(bytes, lt).map_err(|(at, m)| b.syntax(at as u64, m))? {
                Bang::Comment { after } => i = after,
                Bang::CData { from, to, after } => {
                    let raw = text.get(from..to).unwrap_or_default();
                    b.text(Cow::Owned(line_ends(raw).into_owned()), pos)?;
                    i = after;
                }
                Bang::Doctype => return Err(b.syntax(pos, DOCTYPE_REFUSED)),
            },
            Some(b'?') => {
                i = after_pi(bytes, lt)
                    .ok_or_else(|| b.syntax(pos, "unclosed processing instruction"))?;
            }
            _ => {
                attrs.clear();
                let tag =
                    start_tag(text, lt, &mut attrs).map_err(|(at, m)| b.syntax(at as u64, m))?;
                b.check_depth(pos)?;
                let local = tag.name.get(tag.local..).unwrap_or(tag.name);
                if b.skips(local) {
                    i = if tag.empty {
                        tag.after
                    } else {
                        skip_subtree(text, tag.after, tag.name)
                            .map_err(|(at, m)| b.syntax(at as u64, m))?
                    };
                    continue;
                }
                b.check_start(local, pos)?;
                let first = b.tree.attrs.len() as u32;
                for (n, &(key, key_local, raw)) in attrs.iter().enumerate() {
                    if attrs
                        .get(..n)
                        .unwrap_or_default()
                        .iter()
                        .any(|a| a.0 == key)
                    {
                        return Err(b.syntax(
                            pos,
                            format!("attribute of <{local}>: duplicated attribute `{key}`"),
                        ));
                    }
                    if key == "xmlns" || key.starts_with("xmlns:") {
                        if namespaces {
                            let prefix = key.strip_prefix("xmlns:");
                            if !plain_binding(prefix, raw) || decls.len() >= MAX_BINDINGS {
                                let m = format!("namespace declaration `{key}` of <{local}>");
                                return Err(b.syntax(pos, format!("{m} read again by quick-xml")));
                            }
                            decls.push((qnames.len(), prefix.unwrap_or_default(), raw));
                        }
                        continue; // namespace declarations
                    }
                    let key_local = key.get(key_local..).unwrap_or(key);
                    if b.src.skip.is_some() && revision_id(key_local) {
                        continue; // Word's revision ids
                    }
                    let v = attr_value(raw).map_err(|(_, m)| {
                        b.syntax(pos, format!("attribute {key_local} of <{local}>: {m}"))
                    })?;
                    b.tree.attrs.push((Cow::Borrowed(key_local), v));
                }
                let in_akn = namespaces && {
                    let prefix = tag
                        .name
                        .get(..tag.local.saturating_sub(1))
                        .unwrap_or_default();
                    decls
                        .iter()
                        .rev()
                        .find(|d| d.1 == prefix)
                        .is_some_and(|d| matches!(d.2, super::AKN3 | super::AKN2))
                };
                b.open(Cow::Borrowed(local), in_akn, first, pos);
                i = tag.after;
                if !tag.empty {
                    qnames.push(tag.name);
                } else {
                    out_of_scope(&mut decls, qnames.len());
                    if b.close(pos)? {
                        break;
                    }
                }
            }
        }
    }
    Ok(i as u64)
}

/// Most namespace declarations in scope at once: quick-xml's resolver refuses more (its
/// `DEFAULT_MAX_NAMESPACE_BINDINGS`); the scanner leaves such input to it.
const MAX_BINDINGS: usize = 128;

/// Whether a namespace declaration (of `prefix`, `None` for the default namespace, with the
/// value `raw` as written) is one the scanner resolves as quick-xml does. Not: the reserved
/// prefixes and namespaces (quick-xml refuses them), and a prefix left empty (`xmlns:=`);
/// the scanner refuses those, and quick-xml reads the input again.
fn plain_binding(prefix: Option<&str>, raw: &str) -> bool {
    const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
    const XMLNS_NS: &str = "http://www.w3.org/2000/xmlns/";
    !matches!(prefix, Some("" | "xml" | "xmlns")) && raw != XML_NS && raw != XMLNS_NS
}

/// Drops the namespace declarations of elements no longer open (`open`: how many are).
#[inline(always)]
fn out_of_scope(decls: &mut Vec<(usize, &str, &str)>, open: usize) {
    while decls.last().is_some_and(|d| d.0 >= open) {
        decls.pop();
    }
}

/// Bytes looked at one by one before `memchr` is called: in Word's XML the next `<`, quote
/// or `>` is most often a few bytes away, nearer than `memchr`'s setup pays for.
const NEAR: usize = 16;

/// The first `b` in `hay`.
#[inline(always)]
fn find(b: u8, hay: &[u8]) -> Option<usize> {
    let near = hay.get(..NEAR).unwrap_or(hay);
    match near.iter().position(|&c| c == b) {
        Some(k) => Some(k),
        None if near.len() == hay.len() => None,
        None => memchr(b, hay.get(NEAR..).unwrap_or_default()).map(|k| k + NEAR),
    }
}

/// The first of `a`, `b` or `c` in `hay`.
#[inline(always)]
fn find3(a: u8, b: u8, c: u8, hay: &[u8]) -> Option<usize> {
    let near = hay.get(..NEAR).unwrap_or(hay);
    match near.iter().position(|&x| x == a || x == b || x == c) {
        Some(k) => Some(k),
        None if near.len() == hay.len() => None,
        None => memchr3(a, b, c, hay.get(NEAR..).unwrap_or_default()).map(|k| k + NEAR),
    }
}

/// Whether `hay` holds a byte `is` accepts: a short `hay` (up to [`NEAR`] bytes) looked at
/// one by one, a longer one by `far` (the same question put to `memchr`).
#[inline(always)]
fn holds(hay: &[u8], is: impl Fn(u8) -> bool, far: impl FnOnce(&[u8]) -> bool) -> bool {
    if hay.len() <= NEAR {
        hay.iter().any(|&c| is(c))
    } else {
        far(hay)
    }
}

/// An error found by the scanner: where (a byte offset of the text) and what.
type Found = (usize, String);

/// A start tag: its qualified name, whether it is an empty element, where it ends.
struct StartTag<'a> {
    name: &'a str,
    /// Where the local part of the name starts.
    local: usize,
    empty: bool,
    after: usize,
}

fn blank(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

/// Where the blanks from `j` on end.
#[inline]
fn past_blanks(bytes: &[u8], mut j: usize) -> usize {
    while bytes.get(j).is_some_and(|&c| blank(c)) {
        j += 1;
    }
    j
}

/// What a byte is to a name: part of it, the end of it (a blank, `/`, `>`, `=`), or a byte
/// no name holds and nothing may follow a name with (`<`, `&`, quotes, `?`, `!`).
const PART: u8 = 0;
const ENDS: u8 = 1;
const BAD: u8 = 2;

static NAME_BYTES: [u8; 256] = {
    let mut t = [PART; 256];
    let (ends, bad) = (b" \t\n\r/>=", b"<&\"'?!");
    let mut k = 0;
    while k < ends.len() {
        t[ends[k] as usize] = ENDS;
        k += 1;
    }
    k = 0;
    while k < bad.len() {
        t[bad[k] as usize] = BAD;
        k += 1;
    }
    t
};

/// A name starting at `from`: its end (the first blank, `/`, `>` or `=`, or the end of the
/// input) and where its local part starts. Refuses an empty name, one that starts with a
/// digit, `-` or `.`, and one holding a byte no name holds.
#[inline(always)]
fn name_at(text: &str, from: usize) -> std::result::Result<(&str, usize), Found> {
    let rest = text.as_bytes().get(from..).unwrap_or_default();
    let len = rest
        .iter()
        .position(|&c| NAME_BYTES[c as usize] != PART)
        .unwrap_or(rest.len());
    // (The prefix's colon by a plain loop: most names are a few bytes, nearer than
    // `memchr`'s setup pays for.)
    let local = rest
        .get(..len)
        .and_then(|n| n.iter().position(|&c| c == b':'))
        .map_or(0, |k| k + 1);
    let first = rest.first().copied().unwrap_or(b'>');
    let bad_end = rest
        .get(len)
        .is_some_and(|&c| NAME_BYTES[c as usize] == BAD);
    if len == 0 || bad_end || first.is_ascii_digit() || matches!(first, b'-' | b'.') {
        return Err(not_a_name(text, from, len));
    }
    let name = text.get(from..from + len).unwrap_or_default();
    Ok((name, local))
}

/// The error for what is not a name at `from` (`len` bytes of name characters there).
#[cold]
fn not_a_name(text: &str, from: usize, len: usize) -> Found {
    let bad_first = text
        .as_bytes()
        .get(from)
        .is_some_and(|&c| NAME_BYTES[c as usize] == BAD);
    if len == 0 && !bad_first {
        return (from, "a tag or attribute without a name".into());
    }
    let shown: String = text
        .get(from..)
        .unwrap_or_default()
        .chars()
        .take(len.min(40) + 1)
        .collect();
    (from, format!("`{shown}` is not a name"))
}

/// The local part of a qualified name (after its prefix).
fn local_name(name: &str) -> &str {
    match memchr(b':', name.as_bytes()) {
        Some(k) => name.get(k + 1..).unwrap_or(name),
        None => name,
    }
}

/// Reads the start tag at `lt` (its `<`), its attributes' names and raw values into
/// `attrs`.
fn start_tag<'a>(
    text: &'a str,
    lt: usize,
    attrs: &mut Vec<(&'a str, usize, &'a str)>,
) -> std::result::Result<StartTag<'a>, Found> {
    let bytes = text.as_bytes();
    let (name, local) = name_at(text, lt + 1)?;
    let end = lt + 1 + name.len();
    let unclosed = || (lt, format!("the tag <{name} is not closed"));
    let mut j = end;
    loop {
        let spaced = bytes.get(j).is_some_and(|&c| blank(c));
        j = past_blanks(bytes, j);
        match bytes.get(j) {
            None => return Err(unclosed()),
            Some(b'>') => {
                return Ok(StartTag {
                    name,
                    local,
                    empty: false,
                    after: j + 1,
                });
            }
            Some(b'/') => {
                return match bytes.get(j + 1) {
                    Some(b'>') => Ok(StartTag {
                        name,
                        local,
                        empty: true,
                        after: j + 2,
                    }),
                    _ => Err((j, format!("`/` inside the tag <{name}>"))),
                };
            }
            Some(_) if !spaced => {
                return Err((j, format!("attributes of <{name}> must be apart")));
            }
            Some(_) => {}
        }
        let (key, key_local) = name_at(text, j)?;
        j = past_blanks(bytes, j + key.len());
        if bytes.get(j) != Some(&b'=') {
            return Err((j, format!("attribute `{key}` of <{name}> has no value")));
        }
        j = past_blanks(bytes, j + 1);
        let quote = match bytes.get(j) {
            Some(&q @ (b'"' | b'\'')) => q,
            None => return Err(unclosed()),
            Some(_) => {
                return Err((j, format!("the value of `{key}` of <{name}> is not quoted")));
            }
        };
        let from = j + 1;
        let Some(len) = find(quote, bytes.get(from..).unwrap_or_default()) else {
            return Err(unclosed());
        };
        // (A `<` in a value is let through, as quick-xml lets it through: files that read
        // before still read.)
        let raw = text.get(from..from + len).unwrap_or_default();
        attrs.push((key, key_local, raw));
        j = from + len + 1;
    }
}

/// Where the end tag at `lt` (its `</`) ends, if it closes the element named `open`:
/// the name compared whole, as the start tag already checked it. `None` for any other end
/// tag, read by [`end_tag`] (which says what is wrong).
#[inline]
fn end_of(bytes: &[u8], lt: usize, open: &str) -> Option<usize> {
    let from = lt + 2;
    let to = from + open.len();
    if bytes.get(from..to)? != open.as_bytes() {
        return None;
    }
    match bytes.get(to)? {
        b'>' => Some(to + 1),
        &c if blank(c) => {
            let j = past_blanks(bytes, to);
            (bytes.get(j) == Some(&b'>')).then_some(j + 1)
        }
        _ => None,
    }
}

/// Reads the end tag at `lt` (its `</`), which must close the last of the `open` elements
/// (popped): where it ends.
fn close_tag<'a>(
    text: &'a str,
    lt: usize,
    open: &mut Vec<&'a str>,
) -> std::result::Result<usize, Found> {
    if let Some(after) = open.last().and_then(|o| end_of(text.as_bytes(), lt, o)) {
        open.pop();
        return Ok(after);
    }
    let (name, after) = end_tag(text, lt)?;
    match open.pop() {
        Some(o) if o == name => Ok(after),
        Some(o) => Err((lt, format!("expected `</{o}>`, but `</{name}>` was found"))),
        None => Err((lt, "unexpected end tag".into())),
    }
}

/// Reads the end tag at `lt` (its `</`): its name and where it ends.
fn end_tag(text: &str, lt: usize) -> std::result::Result<(&str, usize), Found> {
    let bytes = text.as_bytes();
    let (name, _) = name_at(text, lt + 2)?;
    let j = past_blanks(bytes, lt + 2 + name.len());
    match bytes.get(j) {
        Some(b'>') => Ok((name, j + 1)),
        _ => Err((lt, format!("the end tag </{name} is not closed"))),
    }
}

/// Where a processing instruction (or the XML declaration) at `lt` ends.
fn after_pi(bytes: &[u8], lt: usize) -> Option<usize> {
    // (Looked for from the opening `?`, as quick-xml does: `<?>` ends there, unclosed,
    // and is refused, not read on to the next `?>`.)
    match memmem::find(bytes.get(lt + 1..)?, b"?>")? {
        0 => None,
        k => Some(lt + 1 + k + 2),
    }
}

/// The markup at `lt` that starts `<!`.
enum Bang {
    /// A comment, ending at `after`.
    Comment { after: usize },
    /// A CDATA section: its text is `from..to`; it ends at `after`.
    CData {
        from: usize,
        to: usize,
        after: usize,
    },
    /// A DOCTYPE (refused).
    Doctype,
}

/// Reads the markup at `lt` that starts `<!`: a comment, a CDATA section or a DOCTYPE;
/// anything else, or a comment or section left open, is an error.
fn bang(bytes: &[u8], lt: usize) -> std::result::Result<Bang, Found> {
    let rest = bytes.get(lt..).unwrap_or_default();
    let (open, close) = if rest.starts_with(b"<!--") {
        (4, &b"-->"[..])
    } else if rest.starts_with(b"<![CDATA[") {
        (9, &b"]]>"[..])
    } else if rest
        .get(2..9)
        .is_some_and(|d| d.eq_ignore_ascii_case(b"DOCTYPE"))
    {
        return Ok(Bang::Doctype);
    } else {
        return Err((
            lt,
            "`<!` starts neither a comment nor a CDATA section".into(),
        ));
    };
    let Some(k) = memmem::find(rest.get(open..).unwrap_or_default(), close) else {
        return Err((lt, "unclosed comment or CDATA section".into()));
    };
    let (from, to) = (lt + open, lt + open + k);
    let after = to + close.len();
    Ok(match open {
        4 => Bang::Comment { after },
        _ => Bang::CData { from, to, after },
    })
}

/// Passes over the content of the element whose start tag (named `name`) ends at `from`,
/// checking its tags; returns where its end tag ends.
fn skip_subtree(text: &str, from: usize, name: &str) -> std::result::Result<usize, Found> {
    let bytes = text.as_bytes();
    let mut open: Vec<&str> = vec![name];
    let mut i = from;
    loop {
        let Some(k) = find(b'<', bytes.get(i..).unwrap_or_default()) else {
            return Err((
                bytes.len(),
                format!("the input ends inside <{}>", local_name(name)),
            ));
        };
        let lt = i + k;
        match bytes.get(lt + 1) {
            Some(b'/') => {
                i = close_tag(text, lt, &mut open)?;
                if open.is_empty() {
                    return Ok(i);
                }
            }
            Some(b'!') => match bang(bytes, lt)? {
                Bang::Comment { after } | Bang::CData { after, .. } => i = after,
                Bang::Doctype => return Err((lt, DOCTYPE_REFUSED.into())),
            },
            Some(b'?') => {
                i = after_pi(bytes, lt)
                    .ok_or((lt, "unclosed processing instruction".to_string()))?;
            }
            _ => {
                let (name, after, empty) = skipped_tag(text, lt)?;
                if !empty {
                    open.push(name);
                }
                i = after;
            }
        }
    }
}

/// A start tag at `lt` inside a skipped subtree: its name, where it ends, whether it is an
/// empty element. Its attributes are passed over (quotes respected) but not read, as
/// quick-xml passes over them when it skips.
fn skipped_tag(text: &str, lt: usize) -> std::result::Result<(&str, usize, bool), Found> {
    let bytes = text.as_bytes();
    let (name, _) = name_at(text, lt + 1)?;
    let mut j = lt + 1 + name.len();
    loop {
        let rest = bytes.get(j..).unwrap_or_default();
        let Some(k) = find3(b'>', b'"', b'\'', rest) else {
            return Err((lt, format!("the tag <{name} is not closed")));
        };
        let at = j + k;
        match bytes.get(at) {
            Some(&q @ (b'"' | b'\'')) => {
                let Some(close) = find(q, bytes.get(at + 1..).unwrap_or_default()) else {
                    return Err((lt, format!("the tag <{name} is not closed")));
                };
                j = at + 1 + close + 1;
            }
            _ => return Ok((name, at + 1, bytes.get(at.wrapping_sub(1)) == Some(&b'/'))),
        }
    }
}

/// Text content: references resolved, line ends normalized; borrowed when there are none.
fn content(raw: &str) -> std::result::Result<Cow<'_, str>, Found> {
    // (Most texts between tags are short, a word or an indent.)
    let plain = !holds(
        raw.as_bytes(),
        |c| c == b'&' || c == b'\r',
        |far| memchr2(b'&', b'\r', far).is_some(),
    );
    if plain {
        return Ok(Cow::Borrowed(raw));
    }
    let text = line_ends(raw);
    if memchr(b'&', text.as_bytes()).is_none() {
        return Ok(text);
    }
    resolve(&text).map(Cow::Owned)
}

/// `\r\n` and `\r` as `\n` (XML 1.0 end-of-line handling).
fn line_ends(raw: &str) -> Cow<'_, str> {
    if memchr(b'\r', raw.as_bytes()).is_none() {
        return Cow::Borrowed(raw);
    }
    Cow::Owned(raw.replace("\r\n", "\n").replace('\r', "\n"))
}

/// `s` with its references resolved.
fn resolve(s: &str) -> std::result::Result<String, Found> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut at = 0;
    while let Some(k) = memchr(b'&', rest.as_bytes()) {
        out.push_str(rest.get(..k).unwrap_or_default());
        let after = rest.get(k + 1..).unwrap_or_default();
        let Some(semi) = memchr(b';', after.as_bytes()) else {
            return Err((at + k, "`&` starts no reference (write `&amp;`)".into()));
        };
        let name = after.get(..semi).unwrap_or_default();
        out.push(reference(name).map_err(|m| (at + k, m))?);
        let used = k + 1 + semi + 1;
        rest = rest.get(used..).unwrap_or_default();
        at += used;
    }
    out.push_str(rest);
    Ok(out)
}

/// The character a reference (`name` between `&` and `;`) stands for.
fn reference(name: &str) -> std::result::Result<char, String> {
    let Some(number) = name.strip_prefix('#') else {
        return entity(name).ok_or_else(|| undefined_entity(name));
    };
    let code = match number.strip_prefix('x') {
        Some(hex) => u32::from_str_radix(hex, 16),
        None => number.parse::<u32>(),
    };
    let digits_only = number
        .trim_start_matches('x')
        .bytes()
        .all(|c| c.is_ascii_hexdigit());
    match code.ok().and_then(char::from_u32) {
        Some(c) if digits_only && xml_char(c) => Ok(c),
        _ => Err(format!("&{name}; is not a character XML 1.0 can hold")),
    }
}

/// An attribute's value, normalized as XML 1.0 says: references resolved, each blank
/// (`\r\n` counted once) a space; borrowed when nothing changes.
fn attr_value(raw: &str) -> std::result::Result<Cow<'_, str>, Found> {
    // (Long values are URLs and relationship types.)
    let plain = !holds(
        raw.as_bytes(),
        |c| matches!(c, b'&' | b'\t' | b'\n' | b'\r'),
        |far| memchr3(b'&', b'\t', b'\n', far).is_some() || memchr(b'\r', far).is_some(),
    );
    if plain {
        return Ok(Cow::Borrowed(raw));
    }
    let spaced = line_ends(raw).replace(['\t', '\n'], " ");
    if memchr(b'&', spaced.as_bytes()).is_none() {
        return Ok(Cow::Owned(spaced));
    }
    resolve(&spaced).map(Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::super::{
        QUICK_XML_ONLY, Source, Stream, again_if_refused, parse, parse_element, parse_streaming,
        with_quick_xml,
    };
    use super::*;
    use crate::{Format, ReadOptions};

    fn source(skip: Option<fn(&str) -> bool>) -> Source<'static> {
        Source {
            format: Format::Docx,
            part: "word/document.xml",
            namespaces: false,
            skip,
        }
    }

    /// Akoma Ntoso's source: namespaces resolved, nothing skipped.
    fn akn_source() -> Source<'static> {
        Source {
            format: Format::Akn,
            part: "input",
            namespaces: true,
            skip: None,
        }
    }

    /// [`both`] with namespaces resolved, as Akoma Ntoso is read.
    fn both_ns(xml: &str) -> std::result::Result<Vec<String>, String> {
        let opts = ReadOptions::default();
        let ours = parse(akn_source(), xml.as_bytes(), &opts).map(|t| dump(&t));
        let theirs =
            with_quick_xml(|| parse(akn_source(), xml.as_bytes(), &opts).map(|t| dump(&t)));
        match (ours, theirs) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a, b, "the scanner and quick-xml disagree on {xml:?}");
                Ok(a)
            }
            (Err(a), Err(_)) => Err(a.to_string()),
            (Err(a), Ok(_)) => Err(format!("refused by the scanner only: {a}")),
            (a, b) => panic!("on {xml:?}: scanner {a:?}, quick-xml {b:?}"),
        }
    }

    /// Which elements of `xml` are in an Akoma Ntoso namespace, in document order, by the
    /// scanner (which must agree with quick-xml).
    fn in_akn(xml: &str) -> Vec<bool> {
        both_ns(xml)
            .unwrap()
            .iter()
            .filter(|l| l.starts_with("El"))
            .map(|l| l.contains("in_akn: true"))
            .collect()
    }

    #[test]
    fn namespaces_resolve_as_with_quick_xml() {
        const A3: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
        const A2: &str = "http://www.akomantoso.org/2.0";
        // The default namespace, a prefix, both; inherited, redeclared, undeclared.
        assert_eq!(
            in_akn(&format!("<a xmlns=\"{A3}\"><b/><c><d/></c></a>")),
            [true; 4]
        );
        assert_eq!(in_akn(&format!("<a xmlns=\"{A2}\"><b/></a>")), [true, true]);
        assert_eq!(
            in_akn(&format!(
                "<k:a xmlns:k='{A3}'><b/><k:c/><x:d xmlns:x=\"{A3}\"/></k:a>"
            )),
            [true, false, true, true]
        );
        assert_eq!(
            in_akn(&format!(
                "<a xmlns=\"{A3}\"><b xmlns=\"other\"><c/></b><d/><e xmlns=\"\"/><f/></a>"
            )),
            [true, false, false, true, false, true]
        );
        // A declaration ends with its element; an empty element's at once.
        assert_eq!(
            in_akn(&format!(
                "<r><a xmlns=\"{A3}\"><b/></a><c xmlns=\"{A3}\"/><d/></r>"
            )),
            [false, true, true, true, false]
        );
        // An unbound prefix, a prefix unbound again, `xml:`: not Akoma Ntoso.
        assert_eq!(
            in_akn(&format!(
                "<a xmlns=\"{A3}\" xmlns:p=\"{A3}\"><q:b/><c xmlns:p=\"\"><p:d/></c><xml:e/></a>"
            )),
            [true, false, true, false, false]
        );
        // The namespace as written: an escaped one is another string.
        assert_eq!(
            in_akn("<a xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3&#46;0\"/>"),
            [false]
        );
        // Attributes keep their local names, declarations left out.
        let t = both_ns(&format!("<a xmlns='{A3}' xmlns:u='x' u:name='n' eId='e'/>")).unwrap();
        assert_eq!(t.last().unwrap(), r#"[("name", "n"), ("eId", "e")]"#);
        // What quick-xml refuses, the scanner refuses (and leaves to it).
        for xml in [
            "<a xmlns:xml=\"other\"/>",
            "<a xmlns:xmlns=\"x\"/>",
            "<a xmlns:p=\"http://www.w3.org/2000/xmlns/\"/>",
            "<a xmlns:p=\"http://www.w3.org/XML/1998/namespace\"/>",
        ] {
            assert!(both_ns(xml).is_err(), "{xml:?} accepted");
        }
        // More declarations in scope than quick-xml takes: left to it.
        let many: String = (0..130).map(|k| format!(" xmlns:p{k}=\"u{k}\"")).collect();
        let e = parse(
            akn_source(),
            format!("<a{many}/>").as_bytes(),
            &ReadOptions::default(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("read again by quick-xml"), "{e}");
        assert!(both_ns(&format!("<a{many}/>")).is_err());
    }

    /// Real Akoma Ntoso files (../shared/samples/akn, fixtures/) read to the same tree by
    /// both loops.
    #[cfg(feature = "akn")]
    #[test]
    fn real_akoma_ntoso_files_give_the_same_tree() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in [
            "../shared/samples/akn",
            "fixtures/akn",
            "fixtures/a-hrc-31-81",
        ] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.extension().is_some_and(|x| x == "xml") {
                    files.push(p);
                }
            }
        }
        assert!(!files.is_empty());
        for f in &files {
            let xml = std::fs::read_to_string(f).unwrap();
            let t = both_ns(&xml).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            assert!(
                t.iter().any(|l| l.contains("in_akn: true")),
                "{}",
                f.display()
            );
        }
    }

    /// The tree as lines: every node (names, attribute ranges, ends, positions), then the
    /// attributes.
    fn dump(t: &Tree<'_>) -> Vec<String> {
        let mut out: Vec<String> = t.items.iter().map(|i| format!("{i:?}")).collect();
        out.push(format!("{:?}", t.attrs));
        out
    }

    /// Parses `xml` with the scanner and with quick-xml: both must accept it with the same
    /// tree, or both refuse it. Returns the scanner's tree (or error).
    fn both(xml: &str, skip: Option<fn(&str) -> bool>) -> std::result::Result<Vec<String>, String> {
        let opts = ReadOptions::default();
        let ours = parse(source(skip), xml.as_bytes(), &opts).map(|t| dump(&t));
        let theirs =
            with_quick_xml(|| parse(source(skip), xml.as_bytes(), &opts).map(|t| dump(&t)));
        // (quick-xml counts positions from after a byte order mark; the scanner from the
        // start of the input, where `parse_element` and error locations count them.)
        let bom = |r: std::result::Result<Vec<String>, crate::Error>, shift: bool| {
            r.map(|lines| {
                lines
                    .into_iter()
                    .map(|l| match l.split_once("pos: ") {
                        Some((head, at)) if shift => {
                            let n: String = at.chars().take_while(char::is_ascii_digit).collect();
                            let rest = at.get(n.len()..).unwrap_or_default();
                            format!("{head}pos: {}{rest}", n.parse::<u64>().unwrap_or(0) + 3)
                        }
                        _ => l,
                    })
                    .collect::<Vec<_>>()
            })
        };
        let theirs = bom(theirs, xml.starts_with('\u{feff}'));
        let ours = bom(ours, false);
        match (ours, theirs) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a, b, "the scanner and quick-xml disagree on {xml:?}");
                Ok(a)
            }
            (Err(a), Err(_)) => Err(a.to_string()),
            (a, b) => panic!("on {xml:?}: scanner {a:?}, quick-xml {b:?}"),
        }
    }

    fn skip_b(name: &str) -> bool {
        name == "b"
    }

    #[test]
    fn well_formed_inputs_give_the_same_tree() {
        for xml in [
            "<a/>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:document xmlns:w=\"u\"><w:body/></w:document>",
            "\u{feff}<a x='1' y = \"2\"\t/>",
            "<a>x &amp; y &lt;&gt; &quot;&apos; &#233;&#x2014;</a>",
            "<a><b>one</b>two<c>three</c><!-- note --><?pi x?>four</a>",
            "<a x=\"l1\r\nl2\tl3\nl4\rl5\" y=\"&#10;&#9;\"/>",
            "<a>l1\r\nl2\rl3\n</a>",
            "<a><![CDATA[<not> &amp; markup\r\n]]>after</a>",
            "<p:a xmlns:p=\"u\" p:x=\"1\"><p:b p:y=\"2\">t</p:b ></p:a>",
            "<a w:rsidR=\"00\" w14:paraId=\"1\" w:textId=\"2\" w:val=\"v\"/>",
            "<a>\u{e9}t\u{e9} \u{4e2d}\u{6587} \u{1f600}</a>",
            "  <a/>  \n",
            "<a><b><c/><b>nested</b></b>kept</a>",
            "<a><b x='1'><!-- c --><![CDATA[d]]><?e f?></b>g</a>",
        ] {
            both(xml, None).unwrap();
            both(xml, Some(skip_b)).unwrap();
        }
    }

    #[test]
    fn malformed_inputs_are_refused_by_both() {
        for xml in [
            "",
            "text only",
            "<a>",
            "<a></b>",
            "<a><b></a></b>",
            "</a>",
            "<a/><b/>",
            "<a/>tail",
            "<a x=1/>",
            "<a x=\"1/>",
            "<a x=\"1\" x=\"2\"/>",
            "<a x/>",
            "<a>&bogus;</a>",
            "<a>&#0;</a>",
            "<a>&#xD800;</a>",
            "<a>& b</a>",
            "<!DOCTYPE a><a/>",
            "<a><!DOCTYPE b></a>",
            "<a><!-- open</a>",
            "<a><![CDATA[open</a>",
            "<a><?pi</a>",
            "<?><a/>",
            "<a><?><?p x?></a>",
            "<a",
            "< a/>",
            "<a></a",
            "<a><b>&bad;</b></a>",
        ] {
            assert!(both(xml, None).is_err(), "{xml:?} accepted");
        }
        // In a skipped subtree the tags are still checked (their attributes are passed
        // over unread, by both).
        for xml in ["<a><b><c></b></a>", "<a><b>", "<a><b><!x></b></a>"] {
            assert!(both(xml, Some(skip_b)).is_err(), "{xml:?} accepted");
        }

        // Where the scanner names the error: line and column of the offending tag.
        let e = parse(
            source(None),
            b"<a>\n  <b></c>\n</a>",
            &ReadOptions::default(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("line 2, column 6"), "{e}");
    }

    /// What the scanner refuses is read again with quick-xml: its error (the one a
    /// streamed read gives), or its tree where it is more lenient.
    #[test]
    fn what_the_scanner_refuses_is_read_again_with_quick_xml() {
        let opts = ReadOptions::default();
        let read = |xml: &'static str, skip| {
            again_if_refused(|| parse(source(skip), xml.as_bytes(), &opts).map(|t| dump(&t)))
        };
        // Attributes not apart: quick-xml lets them through.
        let lenient = read("<a x=\"1\"y=\"2\">t</a>", None).unwrap();
        assert_eq!(lenient.last().unwrap(), r#"[("x", "1"), ("y", "2")]"#);
        // A malformed tag: quick-xml's message, not the scanner's.
        let scanned = parse(source(None), b"<a><b x=\"1></a>", &opts).unwrap_err();
        let again = read("<a><b x=\"1></a>", None).unwrap_err();
        let theirs =
            with_quick_xml(|| parse(source(None), b"<a><b x=\"1></a>", &opts)).unwrap_err();
        assert_ne!(scanned.to_string(), theirs.to_string());
        assert_eq!(again.to_string(), theirs.to_string());
        // A well-formed input is parsed once, by the scanner, and the flag is left clear.
        let mut calls = 0;
        again_if_refused(|| {
            calls += 1;
            parse(source(None), b"<a/>", &opts).map(|_| ())
        })
        .unwrap();
        assert_eq!(calls, 1);
        assert!(!QUICK_XML_ONLY.get());
    }

    #[test]
    fn elements_and_streams_read_as_with_quick_xml() {
        let xml = "<r><x i=\"1\">a<y/>b</x><x i=\"2\"/>tail<x>c</x></r>";
        let opts = ReadOptions::default();
        let stream = [Stream {
            depth: 0,
            parents: &[],
        }];
        let run_once = || {
            let mut handed = Vec::new();
            let root =
                parse_streaming(source(None), xml.as_bytes(), &opts, &stream, &mut |d, e| {
                    handed.push(format!("{d} {} {}", e.name, e.text()));
                    Ok(handed.len() == 2)
                })
                .map(|t| dump(&t))
                .unwrap();
            (root, handed)
        };
        let ours = run_once();
        let theirs = with_quick_xml(run_once);
        assert_eq!(ours, theirs);
        assert_eq!(ours.1, ["0 x ab", "0 x ", "0 x c"]);
        // One element from the middle of the input, located in the whole of it.
        let at = xml.find("<x i=\"2\"").unwrap() as u64;
        let one = || {
            parse_element(source(None), xml.as_bytes(), (at, xml.len() as u64), &opts)
                .map(|t| dump(&t))
                .unwrap()
        };
        assert_eq!(one(), with_quick_xml(one));
        assert!(one()[0].ends_with(&format!("pos: {at} }}")), "{:?}", one());
    }

    /// Every XML part of the Word files in fixtures/ reads the same with both loops, with
    /// and without the DOCX reader's skipped elements.
    #[cfg(feature = "docx")]
    #[test]
    fn real_word_parts_give_the_same_tree() {
        use std::io::Read;
        let mut files = Vec::new();
        for dir in ["fixtures/docx", "fixtures/docx/silent-loss"] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for entry in std::fs::read_dir(path).unwrap() {
                let p = entry.unwrap().path();
                if p.extension().is_some_and(|e| e == "docx") {
                    files.push(p);
                }
            }
        }
        assert!(files.len() >= 10, "{files:?}");
        let mut parts = 0;
        for f in files {
            let bytes = std::fs::read(&f).unwrap();
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            for i in 0..zip.len() {
                let mut part = zip.by_index(i).unwrap();
                let name = part.name().to_string();
                if !(name.ends_with(".xml") || name.ends_with(".rels")) {
                    continue;
                }
                let mut xml = String::new();
                part.read_to_string(&mut xml).unwrap();
                both(&xml, None).unwrap_or_else(|e| panic!("{}: {name}: {e}", f.display()));
                both(&xml, Some(crate::docx::skip_for_tests)).unwrap();
                parts += 1;
            }
        }
        assert!(parts > 50, "{parts} parts");
    }

    fn xml_strategy() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        // Pieces of markup, well formed or not, joined at random: the two loops must agree
        // on whatever comes out.
        let piece = prop_oneof![
            Just("<a>".to_string()),
            Just("</a>".to_string()),
            Just("<b x=\"1\">".to_string()),
            Just("</b>".to_string()),
            Just("<c/>".to_string()),
            Just("<p:d p:y='2' z=\"a&amp;b&#10;\"/>".to_string()),
            Just("<!-- c -->".to_string()),
            Just("<![CDATA[x]]>".to_string()),
            Just("<?p i?>".to_string()),
            Just("&amp;".to_string()),
            Just("&#x41;".to_string()),
            Just("\r\n".to_string()),
            "[a-z \t\n\u{e9}]{0,5}",
        ];
        proptest::collection::vec(piece, 0..16).prop_map(|v| format!("<r>{}</r>", v.concat()))
    }

    /// Markup with namespace declarations and prefixes, scattered.
    fn ns_strategy() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let uri = prop::sample::select(vec![
            "http://docs.oasis-open.org/legaldocml/ns/akn/3.0",
            "http://www.akomantoso.org/2.0",
            "other",
            "",
        ]);
        let decl = (
            prop::sample::select(vec!["xmlns", "xmlns:k", "xmlns:p"]),
            uri,
        )
            .prop_map(|(k, u)| format!(" {k}=\"{u}\""));
        let name = prop::sample::select(vec!["a", "k:a", "p:b", "q:c", "b"]);
        let piece = prop_oneof![
            (name.clone(), proptest::option::of(decl.clone()))
                .prop_map(|(n, d)| format!("<{n}{}>", d.unwrap_or_default())),
            name.clone().prop_map(|n| format!("</{n}>")),
            (name, decl.clone()).prop_map(|(n, d)| format!("<{n}{d}/>")),
            Just("t".to_string()),
        ];
        (
            proptest::option::of(decl),
            proptest::collection::vec(piece, 0..14),
        )
            .prop_map(|(d, v)| format!("<r{}>{}</r>", d.unwrap_or_default(), v.concat()))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 400, ..Default::default() })]
        /// Random markup: the scanner and quick-xml accept the same inputs with the same
        /// tree, and refuse the same inputs.
        #[test]
        fn random_markup_reads_as_with_quick_xml(xml in xml_strategy(), skip in proptest::bool::ANY) {
            let _ = both(&xml, if skip { Some(skip_b) } else { None });
        }

        /// The same with namespaces resolved (both_ns panics where they disagree; the
        /// scanner refuses nothing here that quick-xml accepts).
        #[test]
        fn random_namespaced_markup_reads_as_with_quick_xml(xml in ns_strategy()) {
            if let Err(e) = both_ns(&xml) {
                proptest::prop_assert!(!e.contains("scanner only"), "{}: {}", xml, e);
            }
            let _ = both_ns(&xml.replace("<r", "<r xmlns='x'"));
        }
    }
}
