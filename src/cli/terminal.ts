// Text for a terminal: a plan's text never reaches it raw. ESC, BEL, CR and the other
// C0 and C1 control characters, DEL, the bidirectional overrides and the line and
// paragraph separators can retitle or clear a terminal, overwrite lines or reorder what
// is shown; they are written escaped, as `\u001b`.

/** Every character that is escaped in data: C0 (line feeds and tabs too), DEL, C1, bidi controls, U+2028/9. */
// eslint-disable-next-line no-control-regex -- finding control characters is this module's purpose
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same, but keeping line feeds (and CR LF: CSV's line end), and ESC when it starts a colour (SGR) sequence. */
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_IN_OUTPUT = /\u001b\[[0-9;]*m|\r\n|[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeOne = (ch: string): string => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;

/** A value from the plan, with every control character escaped: `"A\u001b[2J"` shows as `A\u001b[2J`. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, escapeOne);
}

/**
 * A whole output for a terminal or a text file: control characters escaped, line feeds
 * kept, and colour sequences kept only when `color` is on (okrkit's own; the plan's text
 * was escaped before it was laid out, so a colour sequence here is never the plan's).
 */
export function terminalText(text: string, color: boolean): string {
  return text.replace(CONTROL_IN_OUTPUT, (found) => (found === '\r\n' || (color && found.length > 1) ? found : found.replace(CONTROL, escapeOne)));
}

/** Characters JSON.stringify leaves raw in strings that a terminal still acts on. */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with the control characters JSON.stringify leaves raw (DEL, C1, bidi
 * controls, line separators) written as `\u` escapes: the same data, safe on a terminal.
 */
export function safeJson(json: string): string {
  return json.replace(RAW_IN_JSON, escapeOne);
}

/**
 * A copy of plain data (a report, a finding) with every string escaped. Arrays and plain
 * objects are copied; the shape is kept, so the copy has the value's type. Plain data
 * from okrkit nests a few levels; a deep value is copied with an explicit stack.
 */
export function escapeStrings<T>(value: T): T;
export function escapeStrings(value: unknown): unknown {
  const root: unknown[] = [];
  const stack: { readonly from: object; readonly into: unknown[] | Record<string, unknown> }[] = [];
  const copy = (from: unknown): unknown => {
    if (typeof from === 'string') return escapeControls(from);
    if (typeof from !== 'object' || from === null) return from;
    const into: unknown[] | Record<string, unknown> = Array.isArray(from) ? [] : {};
    stack.push({ from, into });
    return into;
  };
  root.push(copy(value));
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { from, into } = top;
    if (Array.isArray(into)) {
      if (Array.isArray(from)) for (const item of from) into.push(copy(item));
    } else for (const [k, v] of Object.entries(from)) Object.defineProperty(into, k, { value: copy(v), enumerable: true, writable: true, configurable: true });
  }
  return root[0];
}
