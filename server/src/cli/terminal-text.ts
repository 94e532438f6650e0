/**
 * Characters a terminal acts on instead of showing: C0 controls (ESC starts
 * escape sequences that move the cursor, recolour or retitle; BEL; CR
 * overwrites a CI log's line), DEL, C1 controls (U+009B is a one-character
 * CSI), the line and paragraph separators, and the bidirectional overrides
 * that make text display in a different order than it reads ("Trojan Source").
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_AND_LINE_BREAKS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a file (a path, a key, a value inside a message) made safe for a
 * terminal or a log: each control character becomes a visible escape such as
 * `\x1b` or `\u{202e}`. Tabs stay; so do line feeds with `keepLineFeeds`
 * (multi-line output such as the Markdown plan).
 */
export function escapeControls(text: string, keepLineFeeds = false): string {
  return text.replace(keepLineFeeds ? CONTROLS : CONTROLS_AND_LINE_BREAKS, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}
