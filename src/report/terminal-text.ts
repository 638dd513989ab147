import { displayWidth } from '../util/display-width.js';
import { tokensOf } from './wrap.js';

/**
 * Text from a document (sheet names, labels, quoted sentences) on its way to a terminal: control
 * characters (an escape sequence could recolour, retitle or clear the user's terminal), C1
 * controls and bidirectional overrides (which reorder what is shown) become visible marks, and
 * line breaks become spaces so one value stays on one line of its table cell.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this replaces
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const BREAKS = /[\t\n]/g;

export function terminalSafe(text: string): string {
  return text.replace(BREAKS, ' ').replace(UNSAFE, '\ufffd');
}

/**
 * At most `width` terminal columns, ending in … when cut; the whole value is in the message. The
 * cut falls between tokens, never inside a rule id, a cell address or a number: a first token
 * wider than `width` is kept whole (wider than asked).
 */
export function clipToWidth(text: string, width: number): string {
  if (text.length <= width / 2 || displayWidth(text) <= width) return text;
  let used = 0;
  let out = '';
  for (const token of tokensOf(text)) {
    const w = displayWidth(token);
    if (used + w > width - 1) {
      if (out === '') out = token;
      break;
    }
    out += token;
    used += w;
  }
  return out === text ? text : `${out}…`;
}

/**
 * A message of ours as one line on stderr: whatever user text it quotes (a path with a line break,
 * an -o value), control and bidirectional characters are shown escaped (\u000a), never obeyed.
 */
export function oneLine(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this escapes
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
