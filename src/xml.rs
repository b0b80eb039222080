//! A small element tree read with quick-xml's `NsReader`, shared by the Akoma Ntoso and DOCX
//! readers, with limits: nesting depth, no DOCTYPE (so no entity can be declared, let alone
//! expanded), only the predefined entities and character references, errors naming the
//! format, the part and the line and column. Names and text borrow from the input where
//! nothing had to be unescaped.

use std::borrow::Cow;

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use crate::{Error, Format, ReadOptions, Result};

/// The Akoma Ntoso 3.0 namespace.
#[cfg_attr(not(feature = "akn"), allow(dead_code))]
pub const AKN3: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
/// The older Akoma Ntoso 2.0 namespace (the UN's one public AKN document uses it).
#[cfg_attr(not(feature = "akn"), allow(dead_code))]
pub const AKN2: &str = "http://www.akomantoso.org/2.0";

/// An element: local name, namespace URI, attributes (by local name; namespace
/// declarations left out), children.
#[derive(Debug, Default)]
#[cfg_attr(not(feature = "akn"), allow(dead_code))]
pub(crate) struct El<'a> {
    pub name: Cow<'a, str>,
    /// Whether the element is in an Akoma Ntoso namespace (all the readers need to know of
    /// namespaces; one byte, not the URI: this tree is most of a read's memory).
    pub in_akn: bool,
    pub attrs: Box<[(Cow<'a, str>, Cow<'a, str>)]>,
    pub children: Box<[Node<'a>]>,
    /// Byte offset of the start tag.
    pub pos: u64,
}

/// A child: an element or text.
#[derive(Debug)]
pub(crate) enum Node<'a> {
    El(El<'a>),
    Text(Cow<'a, str>),
}

impl<'a> El<'a> {
    /// Whether the element is in an Akoma Ntoso namespace (3.0 or 2.0).
    #[cfg_attr(not(feature = "akn"), allow(dead_code))]
    pub fn akn(&self) -> bool {
        self.in_akn
    }

    /// An attribute's value.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_ref())
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &El<'a>> {
        self.children.iter().filter_map(|n| match n {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element with this name.
    pub fn child(&self, name: &str) -> Option<&El<'a>> {
        self.elements().find(|e| e.name == name)
    }

    /// All text inside, in order.
    pub fn text(&self) -> String {
        let mut s = String::new();
        fn go(e: &El<'_>, s: &mut String) {
            for c in &e.children {
                match c {
                    Node::Text(t) => s.push_str(t),
                    Node::El(x) => go(x, s),
                }
            }
        }
        go(self, &mut s);
        s
    }

    /// Descendants (depth-first, self excluded) with this name.
    pub fn find_all<'s>(&'s self, name: &str, out: &mut Vec<&'s El<'a>>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            }
            e.find_all(name, out);
        }
    }
}

/// Builds the error for a position in the input.
pub(crate) fn syntax(src: Source<'_>, bytes: &[u8], pos: u64, message: impl Into<String>) -> Error {
    Error::Syntax {
        format: src.format,
        at: crate::Location::in_bytes(src.part, bytes, pos),
        message: message.into(),
    }
}

/// Where a tree comes from, for errors: the format and the part (a file inside a package,
/// or "input"); and whether element namespaces are resolved (Akoma Ntoso needs them to tell
/// its elements from others; WordprocessingML parts are read by local names, which is
/// faster).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Source<'s> {
    pub format: Format,
    pub part: &'s str,
    pub namespaces: bool,
    /// Elements whose whole subtree the reader has no use for (formatting details of Word
    /// files): skipped unread.
    pub skip: Option<fn(&str) -> bool>,
}

/// An event with its element's namespace, or an error with its position.
type NextEvent<'a> = std::result::Result<(bool, Event<'a>), (u64, String)>;

/// A reader with or without namespace resolution.
enum Rd<'a> {
    Ns(NsReader<&'a [u8]>),
    Plain(quick_xml::Reader<&'a [u8]>),
}

impl<'a> Rd<'a> {
    fn buffer_position(&self) -> u64 {
        match self {
            Rd::Ns(r) => r.buffer_position(),
            Rd::Plain(r) => r.buffer_position(),
        }
    }

    fn skip_to_end(
        &mut self,
        start: &quick_xml::events::BytesStart<'_>,
    ) -> std::result::Result<(), (u64, String)> {
        let end = start.to_end().into_owned();
        let r = match self {
            Rd::Ns(r) => r
                .read_to_end(end.name())
                .map_err(|e| (r.error_position(), e.to_string())),
            Rd::Plain(r) => r
                .read_to_end(end.name())
                .map_err(|e| (r.error_position(), e.to_string())),
        };
        r.map(|_| ())
    }

    fn next(&mut self) -> NextEvent<'a> {
        match self {
            Rd::Ns(r) => match r.read_resolved_event() {
                Ok((ResolveResult::Bound(n), ev)) => Ok((matches!(n.as_ref(), AKN3 | AKN2), ev)),
                Ok((_, ev)) => Ok((false, ev)),
                Err(e) => Err((r.error_position(), e.to_string())),
            },
            Rd::Plain(r) => match r.read_event() {
                Ok(ev) => Ok((false, ev)),
                Err(e) => Err((r.error_position(), e.to_string())),
            },
        }
    }
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => return None,
    })
}

/// Parses the whole input into its root element.
#[cfg_attr(not(feature = "docx"), allow(dead_code))]
pub(crate) fn parse<'a>(src: Source<'_>, bytes: &'a [u8], options: &ReadOptions) -> Result<El<'a>> {
    parse_streaming(src, bytes, options, &[], &mut |_, e| Ok(Some(e)))
}

/// Children handed over one at a time by [`parse_streaming`]: those of an element at
/// `depth` (the root is at 0) named one of `parents` (any name when empty).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Stream {
    pub depth: usize,
    pub parents: &'static [&'static str],
}

/// Parses the input, handing each child element of the elements `streams` name to `each`
/// (with its parent's depth) as soon as it ends, whole, instead of keeping it in the tree:
/// a reader that builds its model child by child holds one child's tree at a time, not the
/// document's. `each` gives back the elements it wants kept in the tree. Returns the root,
/// without the children consumed.
pub(crate) fn parse_streaming<'a>(
    src: Source<'_>,
    bytes: &'a [u8],
    options: &ReadOptions,
    streams: &[Stream],
    each: &mut dyn FnMut(usize, El<'a>) -> Result<Option<El<'a>>>,
) -> Result<El<'a>> {
    let syntax = |b: &[u8], pos: u64, m: String| syntax(src, b, pos, m);
    if crate::encoding::utf16(bytes).is_some() {
        return Err(syntax(bytes, 0, crate::encoding::UTF16_INPUT.to_string()));
    }
    let text: &'a str = std::str::from_utf8(bytes)
        .map_err(|e| syntax(bytes, e.valid_up_to() as u64, "not UTF-8".to_string()))?;
    let mut r = if src.namespaces {
        let mut r = NsReader::from_str(text);
        r.config_mut().expand_empty_elements = true;
        r.config_mut().check_end_names = true;
        Rd::Ns(r)
    } else {
        let mut r = quick_xml::Reader::from_str(text);
        r.config_mut().expand_empty_elements = true;
        r.config_mut().check_end_names = true;
        Rd::Plain(r)
    };
    // Open elements, each with where its children start in `kids`: the children of all
    // open elements wait on one stack and move into their element, in a vector of exactly
    // their number, when it ends (vectors grown one push at a time would hold up to four
    // times what they need; this tree is most of a read's memory).
    let mut stack: Vec<(El<'a>, usize)> = Vec::new();
    let mut kids: Vec<Node<'a>> = Vec::new();
    let mut scratch: Vec<(Cow<'a, str>, Cow<'a, str>)> = Vec::new();
    let mut root: Option<El<'a>> = None;
    loop {
        let pos = r.buffer_position();
        let (in_akn, ev) = match r.next() {
            Ok(x) => x,
            Err((at, e)) => return Err(syntax(bytes, at, e)),
        };
        match ev {
            Event::Start(s) => {
                if stack.len() >= options.max_depth {
                    return Err(Error::Limit {
                        format: src.format,
                        at: crate::Location::in_bytes(src.part, bytes, pos),
                        what: "XML nesting depth",
                        limit: options.max_depth as u64,
                        option: "max_depth",
                    });
                }
                let name = reborrow(text, s.local_name().as_ref());
                if src.skip.is_some_and(|skip| skip(&name)) && !stack.is_empty() {
                    r.skip_to_end(&s).map_err(|(at, e)| syntax(bytes, at, e))?;
                    continue;
                }
                scratch.clear();
                for a in s.attributes() {
                    let a =
                        a.map_err(|e| syntax(bytes, pos, format!("attribute of <{name}>: {e}")))?;
                    let key = a.key;
                    let local = reborrow(text, key.local_name().as_ref());
                    if key.as_ref() == "xmlns"
                        || key.prefix().is_some_and(|p| p.as_ref() == "xmlns")
                    {
                        continue; // namespace declarations
                    }
                    if src.skip.is_some()
                        && (local.starts_with("rsid") || local == "paraId" || local == "textId")
                    {
                        continue; // Word's revision ids
                    }
                    let v = a.normalized_value(XmlVersion::Implicit1_0).map_err(|e| {
                        syntax(bytes, pos, format!("attribute {local} of <{name}>: {e}"))
                    })?;
                    let v = reborrow(text, &v);
                    scratch.push((local, v));
                }
                stack.push((
                    El {
                        name,
                        in_akn,
                        attrs: scratch.drain(..).collect(),
                        children: Box::default(),
                        pos,
                    },
                    kids.len(),
                ));
            }
            Event::End(_) => {
                let Some((mut el, start)) = stack.pop() else {
                    return Err(syntax(bytes, pos, "unexpected end tag".to_string()));
                };
                el.children = kids.drain(start.min(kids.len())..).collect();
                if kids.capacity() > 4 * kids.len() + 4096 {
                    kids.shrink_to_fit(); // (after a huge element: not kept for the rest)
                }
                let depth = stack.len().wrapping_sub(1);
                let handed = streams.iter().any(|st| {
                    st.depth == depth
                        && stack.last().is_some_and(|(p, _)| {
                            st.parents.is_empty() || st.parents.contains(&p.name.as_ref())
                        })
                });
                if stack.is_empty() {
                    root = Some(el);
                } else if handed {
                    if let Some(kept) = each(depth, el)? {
                        kids.push(Node::El(kept));
                    }
                } else {
                    kids.push(Node::El(el));
                }
            }
            Event::Text(t) => {
                if let Some((_, start)) = stack.last() {
                    push_text(&mut kids, *start, t.xml10_content());
                } else if !t.xml10_content().trim().is_empty() {
                    return Err(syntax(
                        bytes,
                        pos,
                        "text outside the root element".to_string(),
                    ));
                }
            }
            Event::CData(t) => {
                if let Some((_, start)) = stack.last() {
                    push_text(
                        &mut kids,
                        *start,
                        Cow::Owned(t.xml10_content().into_owned()),
                    );
                }
            }
            Event::GeneralRef(g) => {
                let c = match g.resolve_char_ref().map_err(|e| syntax(bytes, pos, e.to_string()))? {
                    Some(c) => c,
                    None => entity(&g).ok_or_else(|| {
                        syntax(bytes, pos, format!("entity &{}; is not defined (entities other than the five predefined ones are refused)", &*g))
                    })?,
                };
                if let Some((_, start)) = stack.last() {
                    let mut b = [0u8; 4];
                    push_text(
                        &mut kids,
                        *start,
                        Cow::Owned(c.encode_utf8(&mut b).to_string()),
                    );
                }
            }
            Event::DocType(_) => {
                return Err(syntax(
                    bytes,
                    pos,
                    "a DOCTYPE is not accepted (it could declare entities)".to_string(),
                ));
            }
            Event::Eof => break,
            Event::Empty(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    if !stack.is_empty() {
        return Err(syntax(
            bytes,
            bytes.len() as u64,
            format!(
                "the input ends inside <{}>",
                stack.last().map(|(e, _)| e.name.as_ref()).unwrap_or("")
            ),
        ));
    }
    root.ok_or_else(|| syntax(bytes, 0, "no root element".to_string()))
}

/// Adds text to the children of the open element whose children start at `start` in `kids`,
/// joined to text just before it.
fn push_text<'a>(kids: &mut Vec<Node<'a>>, start: usize, t: Cow<'a, str>) {
    if kids.len() > start
        && let Some(Node::Text(prev)) = kids.last_mut()
    {
        prev.to_mut().push_str(&t);
    } else {
        kids.push(Node::Text(t));
    }
}

/// `s` as a slice of `text` when it points into it (quick-xml hands out borrowed names and
/// values when nothing had to be unescaped), else a copy.
fn reborrow<'a>(text: &'a str, s: &str) -> Cow<'a, str> {
    let start = text.as_ptr() as usize;
    let at = s.as_ptr() as usize;
    if at >= start && at + s.len() <= start + text.len() {
        let off = at - start;
        if let Some(slice) = text.get(off..off + s.len()) {
            return Cow::Borrowed(slice);
        }
    }
    Cow::Owned(s.to_string())
}

// ---------------------------------------------------------------------------------------
// Writing: what both XML writers need.

/// Whether a character may stand in an XML 1.0 document.
pub(crate) fn xml_char(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{a}' | '\u{d}' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..='\u{10ffff}')
}

/// Refuses a string holding a character XML 1.0 cannot carry, naming the format written and
/// where the string goes.
pub(crate) fn check(s: &str, format: Format, what: &str) -> Result<()> {
    match s.chars().find(|&c| !xml_char(c)) {
        Some(c) => Err(Error::Unrepresentable {
            format,
            what: format!(
                "the character U+{:04X} in {what} (XML 1.0 cannot carry it)",
                c as u32
            ),
        }),
        None => Ok(()),
    }
}

/// Escapes text (`attr` false) or an attribute value (`attr` true: quotes, and white space
/// that attribute normalization would turn into spaces, as character references).
pub(crate) fn escape(s: &str, attr: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '"' if attr => out.push_str("&quot;"),
            '\n' if attr => out.push_str("&#10;"),
            '\t' if attr => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

/// An XML part being written into memory: elements opened and closed in order, attribute
/// values and text escaped, characters XML 1.0 cannot carry refused (naming the format and
/// what was being written). Constant fragments of a template go in with [`XmlOut::raw`];
/// everything that comes from a document goes through [`XmlOut::text`] or attributes.
#[cfg_attr(not(feature = "docx"), allow(dead_code))]
pub(crate) struct XmlOut {
    buf: String,
    format: Format,
}

#[cfg_attr(not(feature = "docx"), allow(dead_code))]
impl XmlOut {
    pub(crate) fn new(format: Format) -> Self {
        XmlOut {
            buf: String::new(),
            format,
        }
    }

    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.buf.push('<');
        self.buf.push_str(name);
        for (k, v) in attrs {
            check(v, self.format, &format!("the attribute {k} of <{name}>"))?;
            self.buf.push(' ');
            self.buf.push_str(k);
            self.buf.push_str("=\"");
            self.buf.push_str(&escape(v, true));
            self.buf.push('"');
        }
        Ok(())
    }

    /// `<name a="v">`.
    pub(crate) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.start(name, attrs)?;
        self.buf.push('>');
        Ok(())
    }

    /// `</name>`.
    pub(crate) fn close(&mut self, name: &str) {
        self.buf.push_str("</");
        self.buf.push_str(name);
        self.buf.push('>');
    }

    /// `<name a="v"/>`.
    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.start(name, attrs)?;
        self.buf.push_str("/>");
        Ok(())
    }

    /// Text, escaped.
    pub(crate) fn text(&mut self, s: &str) -> Result<()> {
        check(s, self.format, "text")?;
        self.buf.push_str(&escape(s, false));
        Ok(())
    }

    /// `<name a="v">text</name>`.
    pub(crate) fn element(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> Result<()> {
        self.open(name, attrs)?;
        self.text(text)?;
        self.close(name);
        Ok(())
    }

    /// A constant fragment of a template (never text from a document).
    pub(crate) fn raw(&mut self, fragment: &'static str) {
        self.buf.push_str(fragment);
    }

    /// Another part written apart (a footnote's body), appended.
    pub(crate) fn append(&mut self, other: XmlOut) {
        self.buf.push_str(&other.buf);
    }

    /// What was written.
    pub(crate) fn into_string(self) -> String {
        self.buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<El<'_>> {
        parse(
            Source {
                format: Format::Akn,
                part: "input",
                namespaces: true,
                skip: None,
            },
            s.as_bytes(),
            &ReadOptions::default(),
        )
    }

    #[test]
    fn parses_entities_and_refs() {
        let e = p(r#"<a xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0" x="1&#10;2">a &amp; b&#x2014;<b>c</b></a>"#).unwrap();
        assert!(e.akn());
        assert_eq!(e.attr("x"), Some("1\n2"));
        assert_eq!(e.text(), "a & b—c");
    }

    #[test]
    fn streams_the_children_of_one_element_and_keeps_the_rest() {
        let src = Source {
            format: Format::Docx,
            part: "word/document.xml",
            namespaces: false,
            skip: None,
        };
        let xml = "<d><body><p>1</p>x<p>2</p><q><p>no</p></q></body><p>3</p></d>";
        let opts = ReadOptions::default();
        let mut got = Vec::new();
        let stream = [Stream {
            depth: 1,
            parents: &["body"],
        }];
        let root = parse_streaming(src, xml.as_bytes(), &opts, &stream, &mut |d, e| {
            got.push(format!("{d}:{}:{}", e.name, e.text()));
            // The second paragraph is given back: it stays in the tree.
            Ok((e.text() == "2").then_some(e))
        })
        .unwrap();
        assert_eq!(got, ["1:p:1", "1:p:2", "1:q:no"]);
        // What was consumed is not in the tree; the rest is.
        assert_eq!(root.text(), "x23");
        // Any parent's children, at two depths.
        let mut got = Vec::new();
        let any = [
            Stream {
                depth: 0,
                parents: &[],
            },
            Stream {
                depth: 1,
                parents: &["body"],
            },
        ];
        parse_streaming(src, xml.as_bytes(), &opts, &any, &mut |d, e| {
            got.push(format!("{d}:{}", e.name));
            Ok(None)
        })
        .unwrap();
        assert_eq!(got, ["1:p", "1:p", "1:q", "0:body", "0:p"]);
        // An error of the callback ends the parse.
        let e = parse_streaming(src, xml.as_bytes(), &opts, &stream, &mut |_, _| {
            Err(Error::Syntax {
                format: Format::Docx,
                at: crate::Location::part("word/document.xml"),
                message: "stop".into(),
            })
        });
        assert!(e.unwrap_err().to_string().contains("stop"));
    }

    #[test]
    fn refuses_doctype_unknown_entities_and_depth() {
        let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><lolz>&lol2;</lolz>"#;
        assert!(p(laughs).unwrap_err().to_string().contains("DOCTYPE"));
        assert!(
            p("<a>&lol;</a>")
                .unwrap_err()
                .to_string()
                .contains("not defined")
        );
        let deep = format!("{}{}", "<a>".repeat(100_000), "</a>".repeat(100_000));
        assert!(p(&deep).unwrap_err().to_string().contains("max_depth"));
        let e = p("<a>\n<b></c></a>").unwrap_err().to_string();
        assert!(e.contains("line 2"), "{e}");
        assert!(p("<a><b>").unwrap_err().to_string().contains("ends inside"));
    }
}
