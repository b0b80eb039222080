//! A small element tree, shared by the Akoma Ntoso and DOCX readers, with limits: nesting
//! depth, no DOCTYPE (so no entity can be declared, let alone expanded), only the
//! predefined entities and character references, errors naming the format, the part and
//! the line and column. The tree's nodes live in one vector (an
//! arena, [`Tree`]); elements are handed out as small copied handles ([`El`]). Names and
//! text borrow from the input where nothing had to be unescaped.
//!
//! Input held whole (the parts of a DOCX package; an Akoma Ntoso file, its namespaces
//! resolved) is parsed by a scanner of our own ([`scan`]), which builds the same tree as
//! quick-xml's readers with fewer instructions; an input it refuses is read again with
//! quick-xml ([`again_if_refused`]). Streamed input is read with quick-xml.

use std::borrow::Cow;
use std::cell::RefCell;
use std::io::{BufRead, Read};
use std::rc::Rc;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use crate::{Error, Format, ReadOptions, Result};

mod names;
mod scan;

// Held input is parsed by [`scan`], unless quick-xml is asked for: when the scanner
// refused an input, the DOCX and Akoma Ntoso readers read it again with quick-xml
// ([`again_if_refused`]), so that an input the scanner refuses is refused (or, where
// quick-xml is more lenient, read) exactly as before and as when it streams.
thread_local! {
    static QUICK_XML_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static SCAN_REFUSED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Parses `data` as a DOCX part with the scanner and with quick-xml (an element named `b`
/// skipped, as the DOCX reader skips elements), and as Akoma Ntoso (namespaces resolved):
/// an error when the scanner accepts what quick-xml refuses, or builds another tree. (The
/// scanner may refuse more: such input is read again with quick-xml.) For the `xml_scan`
/// fuzz target and its regressions.
#[cfg(feature = "docx")]
pub(crate) fn scanner_agrees(data: &[u8]) -> std::result::Result<(), String> {
    // (quick-xml counts positions from after a byte order mark, the scanner from the start.)
    if data.starts_with("\u{feff}".as_bytes()) {
        return Ok(());
    }
    let docx = Source {
        format: Format::Docx,
        part: "fuzz",
        namespaces: false,
        skip: Some(|n| n == "b"),
    };
    // (And as Akoma Ntoso is read: namespaces resolved, nothing skipped.)
    let akn = Source {
        format: Format::Akn,
        part: "fuzz",
        namespaces: true,
        skip: None,
    };
    let opts = ReadOptions::default();
    for src in [docx, akn] {
        let ours = parse(src, data, &opts);
        let theirs = with_quick_xml(|| parse(src, data, &opts));
        match (ours, theirs) {
            (Ok(a), Ok(b)) if format!("{a:?}") != format!("{b:?}") => {
                return Err(format!("different trees:\n{a:?}\n{b:?}"));
            }
            (Ok(_), Err(e)) => {
                return Err(format!("the scanner accepts what quick-xml refuses: {e}"));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Runs `read`; when the scanner refused some input during it, runs it again with
/// quick-xml parsing everything, and returns that. (Errors are rare; a malformed part is
/// parsed twice, a well-formed one once.)
#[cfg_attr(not(feature = "docx"), allow(dead_code))]
pub(crate) fn again_if_refused<T>(mut read: impl FnMut() -> Result<T>) -> Result<T> {
    SCAN_REFUSED.set(false);
    let first = read();
    if !SCAN_REFUSED.replace(false) || QUICK_XML_ONLY.get() {
        return first;
    }
    with_quick_xml(read)
}

/// Runs `f` with quick-xml parsing held input too.
fn with_quick_xml<T>(f: impl FnOnce() -> T) -> T {
    QUICK_XML_ONLY.set(true);
    let out = f();
    QUICK_XML_ONLY.set(false);
    out
}

/// Parses held input: with the scanner (which resolves namespaces when the source asks for
/// them), or with quick-xml's reader, namespaced or not, when quick-xml is asked for
/// ([`with_quick_xml`]).
fn run_held<'a>(b: Builder<'a, '_>, text: &'a str) -> Result<Tree<'a>> {
    if !QUICK_XML_ONLY.get() {
        return scan::run(b, text);
    }
    if b.src.namespaces {
        let mut r = NsReader::from_str(text);
        r.config_mut().expand_empty_elements = false;
        r.config_mut().check_end_names = true;
        return run(b, HeldNs(r), text);
    }
    let mut r = quick_xml::Reader::from_str(text);
    r.config_mut().expand_empty_elements = false;
    r.config_mut().check_end_names = true;
    run(b, HeldPlain(r), text)
}

/// The Akoma Ntoso 3.0 namespace.
#[cfg_attr(not(feature = "akn"), allow(dead_code))]
pub const AKN3: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
/// The older Akoma Ntoso 2.0 namespace (the UN's one public AKN document uses it).
#[cfg_attr(not(feature = "akn"), allow(dead_code))]
pub const AKN2: &str = "http://www.akomantoso.org/2.0";

/// A parsed tree: its nodes in document order (an element before its descendants), in one
/// vector, and the attributes of all its elements in another. Two allocations for a whole
/// tree, not two for every element: building and dropping element-by-element boxes took
/// about a third of an Akoma Ntoso read. Names, attributes and text borrow from the input
/// where nothing had to be unescaped.
#[derive(Debug, Default)]
pub(crate) struct Tree<'a> {
    items: Vec<Item<'a>>,
    attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>,
}

/// One node of a [`Tree`].
#[derive(Debug)]
enum Item<'a> {
    El {
        name: Cow<'a, str>,
        /// Whether the element is in an Akoma Ntoso namespace (all the readers need to
        /// know of namespaces; one byte, not the URI).
        in_akn: bool,
        /// Its attributes: `attrs[from..to]` of the tree.
        attrs: (u32, u32),
        /// The index after its last descendant.
        end: u32,
        /// Byte offset of the start tag.
        pos: u64,
    },
    Text(Cow<'a, str>),
}

impl<'a> Tree<'a> {
    /// Makes room for `nodes` more nodes, if memory allows (else the tree grows as it is
    /// built).
    fn reserve(&mut self, nodes: usize) {
        let _ = self.items.try_reserve(nodes);
    }

    /// The root element (the first node). A parse gives back a tree only with its root;
    /// the root of an empty tree has no name and nothing in it.
    pub fn root(&self) -> El<'_> {
        El::at(self, 0).unwrap_or(El {
            tree: self,
            at: self.items.len().min(u32::MAX as usize - 1) as u32,
            name: "",
            pos: 0,
        })
    }

    /// The element at this index ([`El::index`]), if one is there.
    #[cfg_attr(not(feature = "docx"), allow(dead_code))]
    pub fn element(&self, index: usize) -> Option<El<'_>> {
        El::at(self, index)
    }

    /// A copy of the element's subtree that owns its names and text (an element held past
    /// the input it was read from).
    #[cfg_attr(not(feature = "akn"), allow(dead_code))]
    pub fn copy_of(e: El<'_>) -> Tree<'static> {
        let own = |s: &Cow<str>| Cow::Owned(s.to_string());
        let (from, to) = (e.at as usize, e.end() as usize);
        let mut t = Tree::default();
        let base = from as u32;
        for item in e.tree.items.get(from..to).unwrap_or_default() {
            t.items.push(match item {
                Item::El {
                    name,
                    in_akn,
                    attrs,
                    end,
                    pos,
                } => {
                    let first = t.attrs.len() as u32;
                    for (k, v) in e
                        .tree
                        .attrs
                        .get(attrs.0 as usize..attrs.1 as usize)
                        .unwrap_or_default()
                    {
                        t.attrs.push((own(k), own(v)));
                    }
                    Item::El {
                        name: own(name),
                        in_akn: *in_akn,
                        attrs: (first, t.attrs.len() as u32),
                        end: end - base,
                        pos: *pos,
                    }
                }
                Item::Text(x) => Item::Text(own(x)),
            });
        }
        t
    }
}

/// An element of a [`Tree`]: a handle (copied, not borrowed) with the element's name and
/// where it starts at hand.
#[derive(Clone, Copy, Debug)]
pub(crate) struct El<'t> {
    tree: &'t Tree<'t>,
    at: u32,
    /// The local name.
    pub name: &'t str,
    /// Byte offset of the start tag.
    pub pos: u64,
}

/// A child: an element or text.
#[derive(Clone, Copy, Debug)]
#[cfg_attr(not(feature = "akn"), allow(dead_code))]
pub(crate) enum Node<'t> {
    El(El<'t>),
    Text(&'t str),
}

/// The children of an element, in order.
#[derive(Clone, Debug)]
pub(crate) struct Children<'t> {
    tree: &'t Tree<'t>,
    next: usize,
    end: usize,
}

impl<'t> Iterator for Children<'t> {
    type Item = Node<'t>;

    #[inline]
    fn next(&mut self) -> Option<Node<'t>> {
        if self.next >= self.end {
            return None;
        }
        let at = self.next;
        match self.tree.items.get(at)? {
            Item::El { end, .. } => {
                self.next = (*end as usize).max(at + 1);
                El::at(self.tree, at).map(Node::El)
            }
            Item::Text(t) => {
                self.next = at + 1;
                Some(Node::Text(t))
            }
        }
    }
}

impl<'t> El<'t> {
    /// The element at index `at` of the tree, if one is there.
    #[inline]
    fn at(tree: &'t Tree<'t>, at: usize) -> Option<El<'t>> {
        match tree.items.get(at)? {
            Item::El { name, pos, .. } => Some(El {
                tree,
                at: at as u32,
                name,
                pos: *pos,
            }),
            Item::Text(_) => None,
        }
    }

    /// Where the element is in its tree ([`Tree::element`] finds it again).
    #[cfg_attr(not(feature = "docx"), allow(dead_code))]
    pub fn index(&self) -> usize {
        self.at as usize
    }

    /// The index after the element's last descendant.
    fn end(&self) -> u32 {
        match self.tree.items.get(self.at as usize) {
            Some(Item::El { end, .. }) => *end,
            _ => self.at + 1,
        }
    }

    /// Whether the element is in an Akoma Ntoso namespace (3.0 or 2.0).
    #[cfg_attr(not(feature = "akn"), allow(dead_code))]
    pub fn akn(&self) -> bool {
        matches!(
            self.tree.items.get(self.at as usize),
            Some(Item::El { in_akn: true, .. })
        )
    }

    /// The element's attributes (by local name; namespace declarations left out).
    pub fn attrs(&self) -> &'t [(Cow<'t, str>, Cow<'t, str>)] {
        match self.tree.items.get(self.at as usize) {
            Some(Item::El { attrs, .. }) => self
                .tree
                .attrs
                .get(attrs.0 as usize..attrs.1 as usize)
                .unwrap_or_default(),
            _ => &[],
        }
    }

    /// An attribute's value.
    pub fn attr(&self, name: &str) -> Option<&'t str> {
        self.attrs()
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_ref())
    }

    /// Children: elements and text.
    pub fn children(&self) -> Children<'t> {
        Children {
            tree: self.tree,
            next: self.at as usize + 1,
            end: self.end() as usize,
        }
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = El<'t>> + use<'t> {
        self.children().filter_map(|n| match n {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element with this name.
    pub fn child(&self, name: &str) -> Option<El<'t>> {
        self.elements().find(|e| e.name == name)
    }

    /// All text inside, in order, borrowed when it is one piece (no allocation).
    #[cfg_attr(not(feature = "akn"), allow(dead_code))]
    pub fn text_cow(&self) -> Cow<'t, str> {
        let (from, to) = (self.at as usize + 1, self.end() as usize);
        match self.tree.items.get(from..to).unwrap_or_default() {
            [] => Cow::Borrowed(""),
            [Item::Text(t)] => Cow::Borrowed(t),
            _ => Cow::Owned(self.text()),
        }
    }

    /// All text inside, in order.
    pub fn text(&self) -> String {
        let (from, to) = (self.at as usize + 1, self.end() as usize);
        let items = self.tree.items.get(from..to).unwrap_or_default();
        let texts = || {
            items.iter().filter_map(|i| match i {
                Item::Text(t) => Some(t.as_ref()),
                Item::El { .. } => None,
            })
        };
        // (Sized first: one allocation, not one for every doubling.)
        let mut s = String::with_capacity(texts().map(str::len).sum());
        texts().for_each(|t| s.push_str(t));
        s
    }

    /// Descendants (depth-first, self excluded) with this name.
    pub fn find_all(&self, name: &str, out: &mut Vec<El<'t>>) {
        let (from, to) = (self.at as usize + 1, self.end() as usize);
        for at in from..to {
            if let Some(Item::El { name: n, .. }) = self.tree.items.get(at)
                && n == name
                && let Some(e) = El::at(self.tree, at)
            {
                out.push(e);
            }
        }
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

/// An event, or an error (its position is the reader's `error_position`; the result is
/// quick-xml's own, handed on unmoved).
type NextEvent<'a> = quick_xml::Result<Event<'a>>;

/// Where the parse's events come from: [`HeldNs`], [`HeldPlain`] or [`Streamed`] (types,
/// not one enum: the held parse, the common one, is compiled without the others' branches).
trait Events {
    fn buffer_position(&self) -> u64;
    /// Reads past the end of the element named `end` (its qualified name) just started.
    fn skip_to_end(&mut self, end: &str) -> std::result::Result<(), (u64, String)>;
    /// The next event; sets `in_akn` to whether its element is in an Akoma Ntoso
    /// namespace (an out-parameter: an event paired with a flag, moved through the
    /// result, made the stores and loads of every event stall).
    fn next(&mut self, in_akn: &mut bool) -> NextEvent<'_>;
    /// Where the last error was found.
    fn error_position(&self) -> u64;
}

/// A reader with namespace resolution over the whole input held: names and text borrow
/// from it. (A type for each reader, not one enum: each parse loop is compiled for one.)
struct HeldNs<'a>(NsReader<&'a [u8]>);

/// [`HeldNs`] without namespace resolution.
struct HeldPlain<'a>(quick_xml::Reader<&'a [u8]>);

/// The [`Events`] methods both held readers have alike (quick-xml's two readers have the
/// same methods, on types no trait joins).
macro_rules! held_events {
    () => {
        #[inline(always)]
        fn buffer_position(&self) -> u64 {
            self.0.buffer_position()
        }

        fn skip_to_end(&mut self, end: &str) -> std::result::Result<(), (u64, String)> {
            let r = &mut self.0;
            r.read_to_end(quick_xml::name::QName(end))
                .map(|_| ())
                .map_err(|e| (r.error_position(), e.to_string()))
        }

        fn error_position(&self) -> u64 {
            self.0.error_position()
        }
    };
}

impl Events for HeldNs<'_> {
    held_events!();

    // (Inlined into the parse loop: returned through memory, the event cost 4% of an AKN
    // read in divan; the instruction count is the same either way.)
    #[inline(always)]
    fn next(&mut self, in_akn: &mut bool) -> NextEvent<'_> {
        let r = &mut self.0;
        // (Only a start tag's namespace is looked up: resolving every event, and moving it
        // paired with its namespace, cost a tenth of an AKN read.)
        let ev = r.read_event();
        if let Ok(Event::Start(s) | Event::Empty(s)) = &ev {
            *in_akn = in_akn_namespace(r.resolver(), s);
        }
        ev
    }
}

impl Events for HeldPlain<'_> {
    held_events!();

    #[inline(always)]
    fn next(&mut self, _: &mut bool) -> NextEvent<'_> {
        self.0.read_event()
    }
}

/// Whether a start tag's element is in an Akoma Ntoso namespace (3.0 or 2.0).
#[inline]
fn in_akn_namespace(ns: &quick_xml::name::NamespaceResolver, s: &BytesStart<'_>) -> bool {
    matches!(ns.resolve_element(s.name()).0, ResolveResult::Bound(n) if matches!(n.as_ref(), AKN3 | AKN2))
}

/// The same over a stream: events are read into a buffer and copied out of it.
enum Streamed<R> {
    Ns(NsReader<R>, Vec<u8>),
    Plain(quick_xml::Reader<R>, Vec<u8>),
}

impl<R: BufRead> Events for Streamed<R> {
    fn buffer_position(&self) -> u64 {
        match self {
            Streamed::Ns(r, _) => r.buffer_position(),
            Streamed::Plain(r, _) => r.buffer_position(),
        }
    }

    fn skip_to_end(&mut self, end: &str) -> std::result::Result<(), (u64, String)> {
        let end = quick_xml::name::QName(end);
        let r = match self {
            Streamed::Ns(r, buf) => {
                buf.clear();
                r.read_to_end_into(end, buf)
                    .map_err(|e| (r.error_position(), e.to_string()))
            }
            Streamed::Plain(r, buf) => {
                buf.clear();
                r.read_to_end_into(end, buf)
                    .map_err(|e| (r.error_position(), e.to_string()))
            }
        };
        r.map(|_| ())
    }

    fn next(&mut self, in_akn: &mut bool) -> NextEvent<'_> {
        match self {
            Streamed::Ns(r, buf) => {
                buf.clear();
                let ev = r.read_event_into(buf);
                if let Ok(Event::Start(s) | Event::Empty(s)) = &ev {
                    *in_akn = in_akn_namespace(r.resolver(), s);
                }
                ev
            }
            Streamed::Plain(r, buf) => {
                buf.clear();
                r.read_event_into(buf)
            }
        }
    }

    fn error_position(&self) -> u64 {
        match self {
            Streamed::Ns(r, _) => r.error_position(),
            Streamed::Plain(r, _) => r.error_position(),
        }
    }
}

/// Lines counted as a streamed input goes past: enough to give the line and column of an
/// error at the event being read (or at the root element), without holding the input.
#[derive(Debug, Default)]
pub(crate) struct LineCount {
    /// Bytes read from the stream so far (a buffer ahead of the parser).
    consumed: u64,
    /// Whether the stream has ended.
    eof: bool,
    /// Newlines before the mark, and where the last of them is.
    before: u64,
    last: Option<u64>,
    /// Where the newlines are, from `recent[first]` on those after the mark (the ones
    /// before it are dropped now and then, not at every mark).
    recent: Vec<u64>,
    first: usize,
    /// The root element's start, its line and its column.
    root: Option<(u64, u64, u64)>,
    /// Where the first byte that is not UTF-8 is, once seen.
    bad_utf8: Option<u64>,
    /// The start of a character cut by the end of what was handed out, and where it is.
    carry: Vec<u8>,
    carry_at: u64,
}

impl LineCount {
    /// Forgets where the newlines before `pos` are (errors are never located before the
    /// event being read), keeping their number.
    fn mark(&mut self, pos: u64) {
        let after = self.recent.get(self.first..).unwrap_or_default();
        let k = after.partition_point(|&o| o < pos);
        if k > 0 {
            self.before += k as u64;
            self.last = after.get(k - 1).copied();
            self.first += k;
            if self.first > 1024 && self.first * 2 > self.recent.len() {
                self.recent.drain(..self.first);
                self.first = 0;
            }
        }
    }

    /// The line and column (in bytes, as [`crate::Location::in_bytes`] counts) of `pos`.
    fn locate(&self, pos: u64) -> (u64, u64) {
        if let Some((p, line, column)) = self.root
            && p == pos
        {
            return (line, column);
        }
        let after = self.recent.get(self.first..).unwrap_or_default();
        let k = after.partition_point(|&o| o < pos);
        let last = match k {
            0 => self.last,
            k => after.get(k - 1).copied(),
        };
        let column = last.map_or(pos + 1, |o| pos.saturating_sub(o));
        (self.before + k as u64 + 1, column)
    }
}

/// A buffered stream that counts the newlines of each block it reads into a [`LineCount`]
/// (and checks it is UTF-8): once a block, not at every event.
struct Counted<R> {
    inner: R,
    buf: Box<[u8]>,
    start: usize,
    end: usize,
    count: Rc<RefCell<LineCount>>,
}

impl<R: Read> Counted<R> {
    fn new(inner: R, count: Rc<RefCell<LineCount>>) -> Self {
        Counted {
            inner,
            buf: vec![0; 64 << 10].into_boxed_slice(),
            start: 0,
            end: 0,
            count,
        }
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let got = self.fill_buf()?;
        let n = got.len().min(out.len());
        if let (Some(to), Some(from)) = (out.get_mut(..n), got.get(..n)) {
            to.copy_from_slice(from);
        }
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.start >= self.end {
            let n = loop {
                match self.inner.read(&mut self.buf) {
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    r => break r?,
                }
            };
            self.start = 0;
            self.end = n.min(self.buf.len());
            let mut c = self.count.borrow_mut();
            if n == 0 {
                c.eof = true;
            }
            c.note(self.buf.get(..self.end).unwrap_or_default());
        }
        Ok(self.buf.get(self.start..self.end).unwrap_or_default())
    }

    fn consume(&mut self, amt: usize) {
        self.start = (self.start + amt).min(self.end);
    }
}

impl LineCount {
    /// Counts `bytes`, read next, and checks that they are UTF-8 (as the held input is
    /// checked whole before it is parsed).
    fn note(&mut self, bytes: &[u8]) {
        let at = self.consumed;
        self.recent
            .extend(memchr::memchr_iter(b'\n', bytes).map(|i| at + i as u64));
        self.check_utf8(bytes, at);
        self.consumed += bytes.len() as u64;
    }

    fn check_utf8(&mut self, bytes: &[u8], at: u64) {
        if self.bad_utf8.is_some() {
            return;
        }
        let mut rest = bytes;
        let mut at = at;
        // A character cut at the end of the last bytes: completed a byte at a time.
        while !self.carry.is_empty() {
            let Some((&b, tail)) = rest.split_first() else {
                return;
            };
            self.carry.push(b);
            rest = tail;
            at += 1;
            match std::str::from_utf8(&self.carry) {
                Ok(_) => self.carry.clear(),
                Err(e) if e.error_len().is_none() => {}
                Err(_) => {
                    self.bad_utf8 = Some(self.carry_at);
                    return;
                }
            }
        }
        if let Err(e) = std::str::from_utf8(rest) {
            let valid = e.valid_up_to();
            if e.error_len().is_none() {
                self.carry = rest.get(valid..).unwrap_or_default().to_vec();
                self.carry_at = at + valid as u64;
            } else {
                self.bad_utf8 = Some(at + valid as u64);
            }
        }
    }

    /// Where the input stops being UTF-8, if it does; once the parse has stopped (`ended`)
    /// and the stream has ended, a character cut short counts.
    fn not_utf8(&self, ended: bool) -> Option<u64> {
        self.bad_utf8
            .or_else(|| (ended && self.eof && !self.carry.is_empty()).then_some(self.carry_at))
    }
}

/// A stream that counts what it gives (to tell a stream cut at a size limit), and keeps
/// its error (an inflater's, say: the parser would report it as a syntax error of its own).
pub(crate) struct CountRead<R> {
    pub inner: R,
    pub read: u64,
    pub failed: Option<std::io::Error>,
}

impl<R: Read> Read for CountRead<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self.inner.read(buf) {
            Ok(n) => {
                self.read += n as u64;
                Ok(n)
            }
            Err(e) => {
                let again = std::io::Error::new(e.kind(), e.to_string());
                self.failed = Some(e);
                Err(again)
            }
        }
    }
}

/// Where an input's byte offsets are, as lines and columns: from the input held, or from
/// the lines counted as it streamed past.
#[derive(Debug)]
pub(crate) enum Lines<'b> {
    Held(&'b [u8]),
    Counted(Rc<RefCell<LineCount>>),
}

impl Lines<'_> {
    /// The location of byte `pos` of `part`.
    pub fn locate(&self, part: &str, pos: u64) -> crate::Location {
        match self {
            Lines::Held(bytes) => crate::Location::in_bytes(part, bytes, pos),
            Lines::Counted(c) => {
                let (line, column) = c.borrow().locate(pos);
                crate::Location::line_column(part, line, column)
            }
        }
    }

    /// A syntax error at byte `pos`.
    pub fn error(&self, src: Source<'_>, pos: u64, message: impl Into<String>) -> Error {
        Error::Syntax {
            format: src.format,
            at: self.locate(src.part, pos),
            message: message.into(),
        }
    }

    fn mark(&self, pos: u64) {
        if let Lines::Counted(c) = self {
            c.borrow_mut().mark(pos);
        }
    }

    /// For a streamed input: the error of its first byte that is not UTF-8, once seen.
    fn not_utf8(&self, src: Source<'_>, ended: bool) -> Option<Error> {
        match self {
            Lines::Held(_) => None,
            Lines::Counted(c) => {
                let at = c.borrow().not_utf8(ended)?;
                Some(self.error(src, at, "not UTF-8"))
            }
        }
    }

    fn root_at(&self, pos: u64) {
        if let Lines::Counted(c) = self {
            let (line, column) = c.borrow().locate(pos);
            c.borrow_mut().root = Some((pos, line, column));
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

/// Parses the whole input into its tree.
#[cfg_attr(not(feature = "docx"), allow(dead_code))]
pub(crate) fn parse<'a>(
    src: Source<'_>,
    bytes: &'a [u8],
    options: &ReadOptions,
) -> Result<Tree<'a>> {
    parse_streaming(src, bytes, options, &[], &mut |_, _| Ok(true))
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
/// document's. `each` says whether to keep the element in the tree. Returns the tree,
/// without the children consumed.
pub(crate) fn parse_streaming<'a>(
    src: Source<'_>,
    bytes: &'a [u8],
    options: &ReadOptions,
    streams: &[Stream],
    each: &mut dyn FnMut(usize, El<'_>) -> Result<bool>,
) -> Result<Tree<'a>> {
    let lines = Lines::Held(bytes);
    if crate::encoding::utf16(bytes).is_some() {
        return Err(lines.error(src, 0, crate::encoding::UTF16_INPUT));
    }
    let text: &'a str = std::str::from_utf8(bytes)
        .map_err(|e| lines.error(src, e.valid_up_to() as u64, "not UTF-8"))?;
    let whole = Extent {
        base: 0,
        end: bytes.len() as u64,
        one_element: false,
    };
    run_held(
        Builder::new(src, &lines, whole, options, streams, each),
        text,
    )
}

/// Parses the element that starts at byte `at` of `bytes`, before byte `to`, and nothing
/// after it: an element of a part found by an earlier parse of the whole part, read again
/// when it is needed instead of being held as a tree. Errors are located in `bytes`.
#[cfg_attr(not(feature = "docx"), allow(dead_code))]
pub(crate) fn parse_element<'a>(
    src: Source<'_>,
    bytes: &'a [u8],
    (at, to): (u64, u64),
    options: &ReadOptions,
) -> Result<Tree<'a>> {
    let lines = Lines::Held(bytes);
    let (from, to) = (
        usize::try_from(at).unwrap_or(usize::MAX),
        usize::try_from(to).unwrap_or(usize::MAX),
    );
    let Some(piece) = bytes.get(from..to.min(bytes.len())) else {
        return Err(lines.error(src, at, "no element there"));
    };
    let text: &'a str = std::str::from_utf8(piece)
        .map_err(|e| lines.error(src, at + e.valid_up_to() as u64, "not UTF-8"))?;
    let element = Extent {
        base: at,
        end: to as u64,
        one_element: true,
    };
    let each = &mut |_: usize, _: El<'_>| Ok(true);
    run_held(Builder::new(src, &lines, element, options, &[], each), text)
}

/// [`parse_streaming`] over a stream, not holding the input: what the tree keeps is copied
/// out of the reader's buffer. Gives back the root and where the input's lines are (for
/// errors found after the parse; they are known for the root element).
pub(crate) fn parse_streaming_read<R: Read>(
    src: Source<'_>,
    reader: R,
    options: &ReadOptions,
    streams: &[Stream],
    each: &mut dyn FnMut(usize, El<'_>) -> Result<bool>,
) -> Result<(Tree<'static>, Lines<'static>)> {
    let count = Rc::new(RefCell::new(LineCount::default()));
    let lines = Lines::Counted(count.clone());
    let mut counted = Counted::new(reader, count);
    let head = counted
        .fill_buf()
        .map_err(|e| lines.error(src, 0, e.to_string()))?;
    if crate::encoding::utf16(head).is_some() {
        return Err(lines.error(src, 0, crate::encoding::UTF16_INPUT));
    }
    let r = if src.namespaces {
        let mut r = NsReader::from_reader(counted);
        r.config_mut().expand_empty_elements = false;
        r.config_mut().check_end_names = true;
        Streamed::Ns(r, Vec::new())
    } else {
        let mut r = quick_xml::Reader::from_reader(counted);
        r.config_mut().expand_empty_elements = false;
        r.config_mut().check_end_names = true;
        Streamed::Plain(r, Vec::new())
    };
    let stream = Extent {
        base: 0,
        end: u64::MAX,
        one_element: false,
    };
    let root = run(
        Builder::new(src, &lines, stream, options, streams, each),
        r,
        "",
    )?;
    Ok((root, lines))
}

/// What is parsed: where the parsed text starts and ends in the input (an unfinished
/// element is reported at the position reached, at most the end), and whether the parse
/// ends with the root element's end ([`parse_element`]) or with the input's.
#[derive(Clone, Copy)]
struct Extent {
    base: u64,
    end: u64,
    one_element: bool,
}

/// An element being parsed: where it is in the tree, its last child so far (text after
/// text is joined to it), and its parent's last child before it (restored when the element
/// is handed over and leaves the tree).
struct Open {
    at: usize,
    last: Option<usize>,
    parent_last: Option<usize>,
}

/// The tree being built, element by element, by either parse loop ([`run`] over
/// quick-xml, [`scan::run`] over held text): the limits, the root, and the children handed
/// over as they end.
struct Builder<'a, 'r> {
    src: Source<'r>,
    lines: &'r Lines<'r>,
    extent: Extent,
    max_depth: usize,
    streams: &'r [Stream],
    each: &'r mut dyn FnMut(usize, El<'_>) -> Result<bool>,
    tree: Tree<'a>,
    stack: Vec<Open>,
    rooted: bool,
    /// Whether the parse stopped on an error of `each` (the reader's, not the parser's).
    each_failed: bool,
}

impl<'a, 'r> Builder<'a, 'r> {
    fn new(
        src: Source<'r>,
        lines: &'r Lines<'r>,
        extent: Extent,
        options: &ReadOptions,
        streams: &'r [Stream],
        each: &'r mut dyn FnMut(usize, El<'_>) -> Result<bool>,
    ) -> Self {
        Builder {
            src,
            lines,
            extent,
            max_depth: options.max_depth,
            streams,
            each,
            tree: Tree::default(),
            stack: Vec::new(),
            rooted: false,
            each_failed: false,
        }
    }

    /// A syntax error at byte `pos` of what is parsed.
    fn syntax(&self, pos: u64, message: impl Into<String>) -> Error {
        self.lines
            .error(self.src, self.extent.base + pos, message.into())
    }

    /// Refuses an element starting at `pos` past the depth limit.
    #[inline]
    fn check_depth(&self, pos: u64) -> Result<()> {
        if self.stack.len() >= self.max_depth {
            return Err(Error::Limit {
                format: self.src.format,
                at: self.lines.locate(self.src.part, self.extent.base + pos),
                what: "XML nesting depth",
                limit: self.max_depth as u64,
                option: "max_depth",
            });
        }
        Ok(())
    }

    /// Whether the element named `name` is skipped (never the root).
    #[inline]
    fn skips(&self, name: &str) -> bool {
        self.src.skip.is_some_and(|skip| skip(name)) && !self.stack.is_empty()
    }

    /// Checks an element about to start at `pos` (a second root, the node limit); its
    /// attributes are pushed to `tree.attrs` after this, then [`Builder::open`].
    #[inline]
    fn check_start(&mut self, name: &str, pos: u64) -> Result<()> {
        if self.stack.is_empty() {
            if self.rooted {
                // (quick-xml reads on past the root; XML has one.)
                return Err(self.syntax(
                    pos,
                    format!("a second root element <{name}> (an XML document has one)"),
                ));
            }
            self.lines.root_at(self.extent.base + pos);
            self.rooted = true;
        }
        if self.tree.items.len() >= u32::MAX as usize || self.tree.attrs.len() >= u32::MAX as usize
        {
            return Err(Error::Limit {
                format: self.src.format,
                at: self.lines.locate(self.src.part, self.extent.base + pos),
                what: "XML nodes",
                limit: u32::MAX as u64,
                option: "max_bytes",
            });
        }
        Ok(())
    }

    /// Opens the element whose attributes are `tree.attrs[first..]`.
    #[inline]
    fn open(&mut self, name: Cow<'a, str>, in_akn: bool, first: u32, pos: u64) {
        let at = self.tree.items.len();
        let parent_last = self.stack.last_mut().and_then(|p| p.last.replace(at));
        self.tree.items.push(Item::El {
            name,
            in_akn,
            attrs: (first, self.tree.attrs.len() as u32),
            end: 0,
            pos: self.extent.base + pos,
        });
        self.stack.push(Open {
            at,
            last: None,
            parent_last,
        });
    }

    /// Adds text at `pos` to the open element; text outside the root must be blank.
    #[inline]
    fn text(&mut self, t: Cow<'a, str>, pos: u64) -> Result<()> {
        match self.stack.last_mut() {
            Some(open) => {
                push_text(&mut self.tree.items, open, t);
                Ok(())
            }
            None => self.outside(&t, pos),
        }
    }

    /// Refuses text at `pos` outside the root element unless it is blank.
    fn outside(&self, t: &str, pos: u64) -> Result<()> {
        if t.trim().is_empty() {
            return Ok(());
        }
        Err(self.syntax(pos, "text outside the root element"))
    }

    /// Ends the innermost open element (an end tag at `pos`, or an empty element), handing
    /// it over when a stream asks for it. Returns whether the parse is over (the one
    /// element of [`parse_element`] has ended).
    fn close(&mut self, pos: u64) -> Result<bool> {
        let Some(open) = self.stack.pop() else {
            return Err(self.syntax(pos, "unexpected end tag"));
        };
        let tree = &mut self.tree;
        let end = tree.items.len() as u32;
        if let Some(Item::El { end: e, .. }) = tree.items.get_mut(open.at) {
            *e = end;
        }
        let depth = self.stack.len().wrapping_sub(1);
        let Some(parent) = self.stack.last_mut() else {
            return Ok(self.extent.one_element);
        };
        let handed = self.streams.iter().any(|st| {
            st.depth == depth
                && (st.parents.is_empty()
                    || matches!(tree.items.get(parent.at),
                            Some(Item::El { name, .. }) if st.parents.contains(&name.as_ref())))
        });
        let keep = if handed && let Some(el) = El::at(tree, open.at) {
            (self.each)(depth, el).inspect_err(|_| self.each_failed = true)?
        } else {
            true
        };
        if !keep {
            let first = match tree.items.get(open.at) {
                Some(Item::El { attrs, .. }) => attrs.0 as usize,
                _ => tree.attrs.len(),
            };
            tree.items.truncate(open.at);
            tree.attrs.truncate(first);
            parent.last = open.parent_last;
            if tree.items.capacity() > 4 * tree.items.len() + 4096 {
                tree.items.shrink_to_fit(); // (after a huge element: not kept for the rest)
            }
            if tree.attrs.capacity() > 4 * tree.attrs.len() + 4096 {
                tree.attrs.shrink_to_fit();
            }
        }
        Ok(false)
    }

    /// The tree, once the input has ended at `end`: refused when an element is still open
    /// or there was no root.
    fn finish(self, end: u64) -> Result<Tree<'a>> {
        // Both errors below are found at the end of the input, and named there: a stream
        // no longer knows where the lines before the last event are.
        let end = (self.extent.base + end).min(self.extent.end);
        let (src, lines) = (self.src, self.lines);
        let mut tree = self.tree;
        if let Some(open) = self.stack.last() {
            let name = match tree.items.get(open.at) {
                Some(Item::El { name, .. }) => name.as_ref(),
                _ => "",
            };
            return Err(lines.error(src, end, format!("the input ends inside <{name}>")));
        }
        if !self.rooted {
            return Err(lines.error(src, end, "no root element (the input ends first)"));
        }
        if tree.items.capacity() > tree.items.len() + tree.items.len() / 4 {
            tree.items.shrink_to_fit();
        }
        if tree.attrs.capacity() > tree.attrs.len() + tree.attrs.len() / 4 {
            tree.attrs.shrink_to_fit();
        }
        Ok(tree)
    }
}

/// The parse itself, over either quick-xml reader. `text` is the input when it is held
/// ("" when it streams: then every name and text is copied).
fn run<'a>(mut b: Builder<'a, '_>, mut r: impl Events, text: &'a str) -> Result<Tree<'a>> {
    let (src, lines) = (b.src, b.lines);
    let streamed = matches!(lines, Lines::Counted(_));
    let base = b.extent.base;
    let mut skipped = String::new();
    loop {
        let pos = r.buffer_position();
        if streamed {
            lines.mark(base + pos);
        }
        let mut in_akn = false;
        let next = r.next(&mut in_akn);
        // (A character cut short at the end of the input is cut short for good.)
        if streamed && let Some(e) = lines.not_utf8(src, matches!(next, Ok(Event::Eof) | Err(_))) {
            return Err(e);
        }
        // (Matched where quick-xml left it: moved out of its result first, each event
        // stalled on loads of what had just been stored.)
        let empty = matches!(next, Ok(Event::Empty(_)));
        let closes = match next {
            Err(e) => return Err(b.syntax(r.error_position(), e.to_string())),
            Ok(Event::Start(s) | Event::Empty(s)) => {
                b.check_depth(pos)?;
                let name = intern(text, s.local_name().as_ref());
                if b.skips(&name) {
                    // (An empty element has nothing to skip; the name is copied out of
                    // the event, which the reader lends, into a buffer used again.)
                    if !empty {
                        skipped.clear();
                        skipped.push_str(s.name().as_ref());
                        r.skip_to_end(&skipped).map_err(|(at, e)| b.syntax(at, e))?;
                    }
                    continue;
                }
                b.check_start(&name, pos)?;
                let first = b.tree.attrs.len() as u32;
                for a in s.attributes() {
                    let a = a.map_err(|e| b.syntax(pos, format!("attribute of <{name}>: {e}")))?;
                    let key = a.key;
                    if key.as_ref() == "xmlns"
                        || key.prefix().is_some_and(|p| p.as_ref() == "xmlns")
                    {
                        continue; // namespace declarations
                    }
                    let local = intern(text, key.local_name().as_ref());
                    if src.skip.is_some() && revision_id(&local) {
                        continue; // Word's revision ids
                    }
                    let v = a.normalized_value(XmlVersion::Implicit1_0).map_err(|e| {
                        b.syntax(pos, format!("attribute {local} of <{name}>: {e}"))
                    })?;
                    let v = keep(text, v);
                    b.tree.attrs.push((local, v));
                }
                b.open(name, in_akn, first, pos);
                empty
            }
            Ok(Event::End(_)) => true,
            Ok(Event::Text(t)) => {
                let content = t.xml10_content();
                if b.stack.is_empty() {
                    b.outside(&content, pos)?; // (not copied: it may be huge)
                } else {
                    b.text(keep(text, content), pos)?;
                }
                false
            }
            Ok(Event::CData(t)) => {
                b.text(Cow::Owned(t.xml10_content().into_owned()), pos)?;
                false
            }
            Ok(Event::GeneralRef(g)) => {
                let c = match g
                    .resolve_char_ref()
                    .map_err(|e| b.syntax(pos, e.to_string()))?
                {
                    Some(c) => c,
                    None => entity(&g).ok_or_else(|| b.syntax(pos, undefined_entity(&g)))?,
                };
                let mut buf = [0u8; 4];
                b.text(Cow::Owned(c.encode_utf8(&mut buf).to_string()), pos)?;
                false
            }
            Ok(Event::DocType(_)) => return Err(b.syntax(pos, DOCTYPE_REFUSED)),
            Ok(Event::Eof) => break,
            Ok(Event::Comment(_) | Event::Decl(_) | Event::PI(_)) => false,
        };
        if closes && b.close(pos)? {
            break;
        }
    }
    b.finish(r.buffer_position())
}

/// Word's revision ids: attributes neither DOCX reader keeps.
#[inline]
fn revision_id(local: &str) -> bool {
    local.starts_with("rsid") || local == "paraId" || local == "textId"
}

/// Why a DOCTYPE is refused.
const DOCTYPE_REFUSED: &str = "a DOCTYPE is not accepted (it could declare entities)";

/// The error for an entity reference other than the predefined five.
fn undefined_entity(name: &str) -> String {
    format!(
        "entity &{name}; is not defined (entities other than the five predefined ones are refused)"
    )
}

/// Adds text to the children of the open element, joined to text just before it.
#[inline(always)]
fn push_text<'a>(items: &mut Vec<Item<'a>>, open: &mut Open, t: Cow<'a, str>) {
    if let Some(last) = open.last
        && last + 1 == items.len()
        && let Some(Item::Text(prev)) = items.last_mut()
    {
        prev.to_mut().push_str(&t);
    } else {
        open.last = Some(items.len());
        // (Borrowed text rebuilt from its slice: moved whole, the value stalled the
        // loads that copied it into the vector.)
        match t {
            Cow::Borrowed(b) => items.push(Item::Text(Cow::Borrowed(b))),
            owned => items.push(Item::Text(owned)),
        }
    }
}

/// A name: borrowed from `text` when it points into it, else the interned copy of a known
/// name ([`names::NAMES`]), else a copy.
fn intern<'a>(text: &'a str, s: &str) -> Cow<'a, str> {
    if let Some(b) = within(text, s) {
        return Cow::Borrowed(b);
    }
    names::known(s).map_or_else(|| Cow::Owned(s.to_string()), Cow::Borrowed)
}

/// `c` borrowing `text` where it can, else owned (text from a stream's buffer is copied).
#[inline(always)]
fn keep<'a>(text: &'a str, c: Cow<'_, str>) -> Cow<'a, str> {
    match c {
        Cow::Borrowed(s) => reborrow(text, s),
        Cow::Owned(s) => Cow::Owned(s),
    }
}

/// `s` as a slice of `text` when it points into it (quick-xml hands out borrowed names and
/// values when nothing had to be unescaped), else a copy.
fn reborrow<'a>(text: &'a str, s: &str) -> Cow<'a, str> {
    within(text, s).map_or_else(|| Cow::Owned(s.to_string()), Cow::Borrowed)
}

/// `s` as a slice of `text`, when it points into it.
fn within<'a>(text: &'a str, s: &str) -> Option<&'a str> {
    let start = text.as_ptr() as usize;
    let at = s.as_ptr() as usize;
    if at >= start && at + s.len() <= start + text.len() {
        return text.get(at - start..at - start + s.len());
    }
    None
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

    /// How many bytes have been written: a place to come back to ([`XmlOut::written_since`],
    /// [`XmlOut::insert_raw`]).
    pub(crate) fn len(&self) -> usize {
        self.buf.len()
    }

    /// What was written from `at` (a [`XmlOut::len`] of earlier) on.
    pub(crate) fn written_since(&self, at: usize) -> &str {
        self.buf.get(at..).unwrap_or_default()
    }

    /// Puts a constant fragment at `at`, a [`XmlOut::len`] of earlier (between two
    /// elements): markup decided on once what follows it was written.
    pub(crate) fn insert_raw(&mut self, at: usize, fragment: &'static str) {
        if self.buf.is_char_boundary(at) {
            self.buf.insert_str(at, fragment);
        }
    }

    /// What was written.
    pub(crate) fn into_string(self) -> String {
        self.buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Tree<'_>> {
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
        let t = p(r#"<a xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0" x="1&#10;2">a &amp; b&#x2014;<b>c</b></a>"#).unwrap();
        let e = t.root();
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
            // The second paragraph is kept: it stays in the tree.
            Ok(e.text() == "2")
        })
        .unwrap();
        let root = root.root();
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
            Ok(false)
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
    fn skipped_elements_are_passed_over_empty_or_not() {
        fn skip(name: &str) -> bool {
            name == "s"
        }
        let src = Source {
            format: Format::Docx,
            part: "word/document.xml",
            namespaces: false,
            skip: Some(skip),
        };
        let opts = ReadOptions::default();
        let xml = r#"<r><s/><a>1</a><s x="1"><s><b/></s><s/>t</s><a>2<s/>3</a><s></s><e/></r>"#;
        let t = parse(src, xml.as_bytes(), &opts).unwrap();
        let names: Vec<&str> = t.root().elements().map(|e| e.name).collect();
        assert_eq!(names, ["a", "a", "e"]);
        assert_eq!(t.root().text(), "123");
        assert!(
            t.root()
                .child("e")
                .is_some_and(|e| e.children().next().is_none())
        );
        // A skipped root is read: only what is inside the root is skipped.
        assert_eq!(
            parse(src, b"<s><a/></s>", &opts)
                .unwrap()
                .root()
                .elements()
                .count(),
            1
        );
        // Empty elements count toward the depth limit as any other.
        let two = ReadOptions {
            max_depth: 2,
            ..Default::default()
        };
        assert!(p_with(&two, "<r><a/></r>").is_ok());
        let e = p_with(&two, "<r><a><b/></a></r>").unwrap_err().to_string();
        assert!(e.contains("max_depth"), "{e}");
    }

    fn p_with(options: &ReadOptions, xml: &str) -> Result<Tree<'static>> {
        let src = Source {
            format: Format::Akn,
            part: "input",
            namespaces: true,
            skip: None,
        };
        parse(src, xml.as_bytes(), options).map(|t| Tree::copy_of(t.root()))
    }

    #[test]
    fn the_tree_in_one_vector_reads_as_a_tree() {
        let t = p(r#"<a x="1" y="&amp;">t1<b z="2">in b<c/>tail</b>t2<d/>t3</a>"#).unwrap();
        let a = t.root();
        assert_eq!(a.name, "a");
        assert_eq!(a.attr("y"), Some("&"));
        assert_eq!(a.attrs().len(), 2);
        let kids: Vec<String> = a
            .children()
            .map(|n| match n {
                Node::El(e) => format!("<{}>", e.name),
                Node::Text(t) => t.to_string(),
            })
            .collect();
        assert_eq!(kids, ["t1", "<b>", "t2", "<d>", "t3"]);
        let b = a.child("b").unwrap();
        assert_eq!((b.attr("z"), b.attr("x")), (Some("2"), None));
        assert_eq!(b.text(), "in btail");
        assert_eq!(a.text(), "t1in btailt2t3");
        // One piece of text is lent, not copied; more are joined.
        assert!(matches!(
            t.root().child("b").unwrap().text_cow(),
            Cow::Owned(_)
        ));
        let one = p("<a>only</a>").unwrap();
        assert!(matches!(one.root().text_cow(), Cow::Borrowed("only")));
        assert_eq!(p("<a/>").unwrap().root().text_cow(), "");
        // Descendants in document order; an element found again by its index.
        let mut all = Vec::new();
        a.find_all("c", &mut all);
        a.find_all("d", &mut all);
        assert_eq!(all.iter().map(|e| e.name).collect::<Vec<_>>(), ["c", "d"]);
        let again = t.element(b.index()).unwrap();
        assert_eq!((again.name, again.pos), ("b", b.pos));
        assert!(t.element(usize::MAX).is_none());
        // A copy owns its text and keeps its shape.
        let copy = Tree::copy_of(b);
        let c = copy.root();
        assert_eq!(
            (c.name, c.attr("z"), c.text(), c.pos),
            ("b", Some("2"), b.text(), b.pos)
        );
        assert_eq!(c.elements().map(|e| e.name).collect::<Vec<_>>(), ["c"]);
        // The root of an empty tree is empty, not a panic.
        let empty = Tree::default();
        assert_eq!(
            (empty.root().name, empty.root().text()),
            ("", String::new())
        );
        assert_eq!(empty.root().children().count(), 0);
    }

    #[test]
    fn text_either_side_of_a_child_handed_over_is_joined_as_before() {
        let src = Source {
            format: Format::Docx,
            part: "word/document.xml",
            namespaces: false,
            skip: None,
        };
        let opts = ReadOptions::default();
        let body = [Stream {
            depth: 1,
            parents: &["body"],
        }];
        let xml = "<d><body>a<p>1</p>b<p>2</p>c<p>3</p></body></d>";
        let t = parse_streaming(src, xml.as_bytes(), &opts, &body, &mut |_, e| {
            Ok(e.text() == "2")
        })
        .unwrap();
        let body = t.root().child("body").unwrap();
        let kids: Vec<String> = body
            .children()
            .map(|n| match n {
                Node::El(e) => format!("<{}>{}", e.name, e.text()),
                Node::Text(t) => t.to_string(),
            })
            .collect();
        assert_eq!(kids, ["ab", "<p>2", "c"]);
        // A second root is an error, where it starts (quick-xml would read on past it).
        let e = p("<a>1</a>\n<b>2</b>").unwrap_err().to_string();
        assert!(
            e.contains("second root element <b>") && e.contains("line 2"),
            "{e}"
        );
    }

    /// A generated element: what the tree must read back.
    #[derive(Clone, Debug)]
    enum G {
        El(&'static str, Vec<(&'static str, String)>, Vec<G>),
        Text(String),
    }

    fn escape_text(t: &str) -> String {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }

    fn xml_of(g: &G, out: &mut String) {
        match g {
            G::Text(t) => out.push_str(&escape_text(t)),
            G::El(name, attrs, kids) => {
                out.push('<');
                out.push_str(name);
                for (k, v) in attrs {
                    out.push_str(&format!(
                        " {k}=\"{}\"",
                        escape_text(v).replace('"', "&quot;")
                    ));
                }
                // (Written empty both ways: `<a/>`, `<c></c>`.)
                if kids.is_empty() && *name != "c" {
                    out.push_str("/>");
                    return;
                }
                out.push('>');
                for k in kids {
                    xml_of(k, out);
                }
                out.push_str(&format!("</{name}>"));
            }
        }
    }

    /// The children as the tree holds them: text next to text joined, empty text gone.
    fn joined(kids: &[G]) -> Vec<G> {
        let mut out: Vec<G> = Vec::new();
        for k in kids {
            match (k, out.last_mut()) {
                (G::Text(t), _) if t.is_empty() => {}
                (G::Text(t), Some(G::Text(prev))) => prev.push_str(t),
                _ => out.push(k.clone()),
            }
        }
        out
    }

    /// Checks the element against what was generated, every way the tree is read.
    fn same(e: El<'_>, g: &G) -> std::result::Result<(), String> {
        let G::El(name, attrs, kids) = g else {
            return Err("an element where text was generated".into());
        };
        if e.name != *name {
            return Err(format!("name {} for {name}", e.name));
        }
        let got: Vec<(&str, &str)> = e
            .attrs()
            .iter()
            .map(|(k, v)| (k.as_ref(), v.as_ref()))
            .collect();
        let want: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        if got != want {
            return Err(format!("attributes {got:?} for {want:?}"));
        }
        for (k, v) in attrs {
            if e.attr(k) != Some(v.as_str()) {
                return Err(format!("attr({k})"));
            }
        }
        let want = joined(kids);
        let got: Vec<Node<'_>> = e.children().collect();
        if got.len() != want.len() {
            return Err(format!(
                "{} children for {} in <{name}>",
                got.len(),
                want.len()
            ));
        }
        let mut text = String::new();
        for (n, w) in got.iter().zip(&want) {
            match (n, w) {
                (Node::Text(t), G::Text(w)) if t == w => text.push_str(t),
                (Node::El(x), w @ G::El(..)) => {
                    same(*x, w)?;
                    text.push_str(&x.text());
                }
                _ => return Err(format!("child {n:?} for {w:?}")),
            }
        }
        if e.text() != text || e.text_cow() != text.as_str() {
            return Err(format!("text {:?} for {text:?}", e.text()));
        }
        let elements: Vec<&str> = e.elements().map(|x| x.name).collect();
        let names: Vec<&str> = want
            .iter()
            .filter_map(|w| match w {
                G::El(n, ..) => Some(*n),
                G::Text(_) => None,
            })
            .collect();
        if elements != names {
            return Err(format!("elements {elements:?} for {names:?}"));
        }
        Ok(())
    }

    fn count(g: &G, name: &str) -> usize {
        match g {
            G::Text(_) => 0,
            G::El(_, _, kids) => kids
                .iter()
                .map(|k| usize::from(matches!(k, G::El(n, ..) if *n == name)) + count(k, name))
                .sum(),
        }
    }

    fn tree_strategy() -> impl proptest::strategy::Strategy<Value = G> {
        use proptest::prelude::*;
        let text = "[a-c &<>\"]{0,6}";
        let leaf = text.prop_map(G::Text);
        let attrs = proptest::sample::subsequence(vec!["x", "y", "z"], 0..=3)
            .prop_flat_map(move |keys| {
                let n = keys.len();
                (Just(keys), proptest::collection::vec(text, n))
            })
            .prop_map(|(keys, values)| keys.into_iter().zip(values).collect::<Vec<_>>());
        let el = (prop_oneof![Just("a"), Just("b"), Just("c")], attrs.clone())
            .prop_map(|(n, a)| G::El(n, a, vec![]));
        prop_oneof![leaf, el].prop_recursive(5, 60, 6, move |inner| {
            (
                prop_oneof![Just("a"), Just("b"), Just("c")],
                attrs.clone(),
                proptest::collection::vec(inner, 0..6),
            )
                .prop_map(|(n, a, k)| G::El(n, a, k))
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]
        /// Any tree reads back as it was written: names, attributes, children, text; the
        /// same from its copy; and, when the root's children are handed over and the odd
        /// ones dropped, the root holds the even ones with the text around them joined.
        #[test]
        fn any_tree_reads_back_as_written(
            pairs in proptest::collection::vec(("[a-c &<>]{0,4}", tree_strategy()), 0..8),
            tail in "[a-c]{0,3}",
        ) {
            // (Text between the root's children, so that handing some over leaves text
            // either side to join.)
            let mut kids: Vec<G> = pairs.into_iter().flat_map(|(t, g)| [G::Text(t), g]).collect();
            kids.push(G::Text(tail));
            let g = G::El("r", vec![("id", "1".to_string())], kids.clone());
            let mut xml = String::new();
            xml_of(&g, &mut xml);
            let t = p(&xml).unwrap();
            let root = t.root();
            if let Err(e) = same(root, &g) { proptest::prop_assert!(false, "{e}\n{xml}"); }
            let copy = Tree::copy_of(root);
            if let Err(e) = same(copy.root(), &g) { proptest::prop_assert!(false, "copy: {e}\n{xml}"); }
            let generated = joined(&kids);
            let generated = generated.iter().filter(|k| matches!(k, G::El(..)));
            for (child, want) in root.elements().zip(generated) {
                if let Err(e) = same(Tree::copy_of(child).root(), want) { proptest::prop_assert!(false, "copy of a child: {e}\n{xml}"); }
            }
            for name in ["a", "b", "c"] {
                let mut found = Vec::new();
                root.find_all(name, &mut found);
                proptest::prop_assert_eq!(found.len(), count(&g, name));
                proptest::prop_assert!(found.iter().all(|e| e.name == name));
                proptest::prop_assert!(found.iter().all(|e| t.element(e.index()).map(|x| x.pos) == Some(e.pos)));
            }
            let src = Source { format: Format::Akn, part: "input", namespaces: true, skip: None };
            let mut seen = 0usize;
            let streamed = parse_streaming(src, xml.as_bytes(), &ReadOptions::default(), &[Stream { depth: 0, parents: &[] }], &mut |_, _| {
                seen += 1;
                Ok(seen % 2 == 1)
            }).unwrap();
            let mut i = 0usize;
            let kept: Vec<G> = joined(&kids).into_iter().filter(|k| match k {
                G::El(..) => { i += 1; i % 2 == 1 }
                G::Text(_) => true,
            }).collect();
            let want = G::El("r", vec![("id", "1".to_string())], kept);
            if let Err(e) = same(streamed.root(), &want) { proptest::prop_assert!(false, "streamed: {e}\n{xml}"); }
        }
    }

    #[test]
    fn lines_counted_as_a_stream_passes_locate_as_the_held_input_does() {
        let text = b"<a>\n  <b x=\"1\">caf\xc3\xa9\n\n</b>\r\n<c/>\n</a>\n".repeat(40);
        for chunk in [1, 3, 7, 64, 100_000] {
            let count = Rc::new(RefCell::new(LineCount::default()));
            let mut r = Counted::new(Trickle(&text, chunk), count.clone());
            let mut pos = 0u64;
            let mut out = Vec::new();
            while let Ok(b) = r.fill_buf() {
                if b.is_empty() {
                    break;
                }
                let n = b.len().min(5);
                out.extend_from_slice(&b[..n]);
                r.consume(n);
                // Marks move forward; every position from the mark on is located exactly.
                count.borrow_mut().mark(pos);
                for p in pos..out.len() as u64 {
                    let want = crate::Location::in_bytes("x", &text, p);
                    assert_eq!(
                        Some(count.borrow().locate(p)),
                        want.line.zip(want.column),
                        "chunk {chunk}, position {p}"
                    );
                }
                pos = out.len() as u64 - 1;
            }
            assert_eq!(out, text);
            assert_eq!(count.borrow().not_utf8(true), None);
        }
        // Not UTF-8: found where the held check finds it, whatever the chunks.
        let bad = b"<a>caf\xc3</a>";
        for chunk in [1, 2, 5, 100] {
            let count = Rc::new(RefCell::new(LineCount::default()));
            let mut r = Counted::new(Trickle(bad, chunk), count.clone());
            let mut sink = Vec::new();
            r.read_to_end(&mut sink).unwrap();
            assert_eq!(count.borrow().not_utf8(true), Some(6), "chunk {chunk}");
        }
        let cut = b"<a>caf\xc3";
        let count = Rc::new(RefCell::new(LineCount::default()));
        let mut r = Counted::new(Trickle(cut, 4), count.clone());
        r.read_to_end(&mut Vec::new()).unwrap();
        assert_eq!(count.borrow().not_utf8(false), None);
        assert_eq!(count.borrow().not_utf8(true), Some(6));
    }

    /// Hands out at most `.1` bytes a read.
    struct Trickle<'b>(&'b [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn one_element_is_parsed_again_from_where_it_starts() {
        let src = Source {
            format: Format::Docx,
            part: "word/footnotes.xml",
            namespaces: false,
            skip: None,
        };
        let xml = "<w:footnotes>\n<w:footnote w:id=\"1\"><w:p>one</w:p></w:footnote>\n<w:footnote w:id=\"2\"><w:p>two &amp; more</w:p></w:footnote></w:footnotes>";
        let opts = ReadOptions::default();
        let mut starts = Vec::new();
        parse_streaming(
            src,
            xml.as_bytes(),
            &opts,
            &[Stream {
                depth: 0,
                parents: &[],
            }],
            &mut |_, e| {
                starts.push(e.pos);
                Ok(false)
            },
        )
        .unwrap();
        assert_eq!(starts.len(), 2);
        let end = xml.len() as u64;
        let one = parse_element(src, xml.as_bytes(), (starts[0], starts[1]), &opts).unwrap();
        let one = one.root();
        assert_eq!((one.attr("id"), one.text().as_str()), (Some("1"), "one"));
        assert_eq!(one.pos, starts[0]);
        // The last one runs to the part's end: what follows its element is not read.
        let two = parse_element(src, xml.as_bytes(), (starts[1], end), &opts).unwrap();
        let two = two.root();
        assert_eq!(two.text(), "two & more");
        // An error is located in the part, not in the piece.
        let broken = "<w:footnotes>\n<w:footnote>\n<w:p></w:q></w:footnote></w:footnotes>";
        let e = parse_element(src, broken.as_bytes(), (14, broken.len() as u64), &opts)
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 3"), "{e}");
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
