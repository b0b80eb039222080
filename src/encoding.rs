//! Text encodings other than UTF-8 met in inputs: UTF-16, as Windows tools save text
//! ("Unicode" in Notepad, PowerShell's `>`). The text reader decodes it; the XML and JSON
//! readers, which read UTF-8, name it in their error instead of "not UTF-8".

/// A UTF-16 byte order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Utf16 {
    Little,
    Big,
}

/// What the XML and JSON readers say of UTF-16 input.
#[cfg_attr(
    not(any(feature = "akn", feature = "docx", feature = "json")),
    allow(dead_code)
)]
pub(crate) const UTF16_INPUT: &str =
    "the input is UTF-16 text, not UTF-8: save it as UTF-8 (the reader reads UTF-8 only)";

/// Whether the input is UTF-16: by its byte order mark, or (without one) by the zero
/// bytes that ASCII text has every other byte.
pub(crate) fn utf16(bytes: &[u8]) -> Option<Utf16> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(Utf16::Little),
        [0xFE, 0xFF, ..] => Some(Utf16::Big),
        [a, 0, b, 0, ..] if *a != 0 && *b != 0 => Some(Utf16::Little),
        [0, a, 0, b, ..] if *a != 0 && *b != 0 => Some(Utf16::Big),
        _ => None,
    }
}

/// UTF-16 input decoded (its byte order mark dropped), or `None` when it is not valid
/// UTF-16 (an odd length, an unpaired surrogate).
#[cfg_attr(not(feature = "text"), allow(dead_code))]
pub(crate) fn decode_utf16(bytes: &[u8], order: Utf16) -> Option<String> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.chunks_exact(2).map(|c| match order {
        Utf16::Little => u16::from_le_bytes([c[0], c[1]]),
        Utf16::Big => u16::from_be_bytes([c[0], c[1]]),
    });
    let s: String = char::decode_utf16(units).collect::<Result<_, _>>().ok()?;
    Some(s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_is_told_and_decoded() {
        let le: Vec<u8> = "\u{feff}Distr.: Générale"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(utf16(&le), Some(Utf16::Little));
        assert_eq!(
            decode_utf16(&le, Utf16::Little).as_deref(),
            Some("Distr.: Générale")
        );
        let be: Vec<u8> = "A/HRC/31/81"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(utf16(&be), Some(Utf16::Big));
        assert_eq!(
            decode_utf16(&be, Utf16::Big).as_deref(),
            Some("A/HRC/31/81")
        );
        assert_eq!(utf16(b"plain UTF-8"), None);
        assert_eq!(decode_utf16(&le[..3], Utf16::Little), None);
        // An unpaired surrogate.
        assert_eq!(decode_utf16(&[0x00, 0xD8, 0x41, 0x00], Utf16::Little), None);
    }
}
