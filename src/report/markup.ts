/**
 * Escaping for the markup formats (JUnit XML, HTML). One function serves both: the HTML report
 * is written as well-formed XML (polyglot markup), so what is safe in one is safe in the other.
 */

/** Characters XML 1.0 does not allow at all (even escaped): C0 controls but tab, LF, CR; U+FFFE/FFFF; lone surrogates. */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML forbids are control characters
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/**
 * Text with nothing to escape or replace (no surrogates either, paired or not): returned as it is,
 * without the two replacements (the HTML report of 10,000 findings escapes hundreds of thousands of
 * short texts, nearly all plain).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML forbids are control characters
const PLAIN = /^[^&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]*$/;
/** Attribute text with nothing to escape: as PLAIN, and no line break or tab either. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML forbids are control characters
const PLAIN_ATTRIBUTE = /^[^&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]*$/;

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text content and attribute values alike: & < > " ' escaped, characters XML cannot carry replaced by U+FFFD. */
export function escapeMarkup(text: string): string {
  if (PLAIN.test(text)) return text;
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (ch) => TEXT_ESCAPES[ch] ?? ch);
}

/** An attribute value that keeps its line breaks and tabs (XML normalises raw ones to spaces). */
export function escapeAttribute(text: string): string {
  if (PLAIN_ATTRIBUTE.test(text)) return text;
  return escapeMarkup(text).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
