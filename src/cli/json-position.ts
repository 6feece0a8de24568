/** A position in a text: line and column, both from 1. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** An open object (at a key) or array (at an index) around the scan's position. */
type Frame = { readonly object: true; key: string } | { readonly object: false; key: number };

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/** The offset just past the JSON string that starts at `start` (its opening quote). */
function stringEnd(text: string, start: number): number {
  let pos = start + 1;
  while (pos < text.length && text[pos] !== '"') pos += text[pos] === '\\' ? 2 : 1;
  return pos + 1;
}

const skipSpace = (text: string, start: number): number => {
  let pos = start;
  while (pos < text.length && WHITESPACE.has(text.charAt(pos))) pos++;
  return pos;
};

/** The key of the object member at `start` and the offset just past its colon. */
function keyAt(text: string, start: number): { key: string; end: number } {
  const from = skipSpace(text, start);
  const to = stringEnd(text, from);
  const key: unknown = JSON.parse(text.slice(from, to));
  return { key: String(key), end: skipSpace(text, to) + 1 };
}

/** The line and column, from 1, of an offset in a text. */
function lineColumn(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Where the value at `path` starts in a JSON text (one JSON.parse accepts), or where the
 * deepest part of the path that exists starts (a missing field points at its object).
 * An iterative scan: no recursion, however deep the text nests; it stops at the value.
 */
export function positionOf(text: string, path: readonly (string | number)[]): TextPosition | null {
  let pos = 0;
  const frames: Frame[] = [];
  let matched = 0; // leading components of `path` that the current location matches
  let best = -1;
  let bestDepth = -1;
  const skip = () => (pos = skipSpace(text, pos));
  /** Enters the element the top frame is at: its key is set. */
  const enter = (top: Frame) => {
    const depth = frames.length;
    if (matched > depth - 1) matched = depth - 1;
    if (matched === depth - 1 && path[depth - 1] === top.key) matched = depth;
  };
  const readKey = (): string => {
    const { key, end } = keyAt(text, pos);
    pos = end;
    return key;
  };

  skip();
  scan: for (;;) {
    skip();
    if (pos >= text.length) break;
    const depth = frames.length;
    if (matched === depth && depth > bestDepth) {
      best = pos;
      bestDepth = depth;
      if (depth === path.length) break;
    }
    const ch = text[pos];
    if (ch === '{' || ch === '[') {
      pos++;
      skip();
      if (text[pos] === (ch === '{' ? '}' : ']')) pos++;
      else {
        const top: Frame = ch === '{' ? { object: true, key: readKey() } : { object: false, key: 0 };
        frames.push(top);
        enter(top);
        continue;
      }
    } else if (ch === '"') pos = stringEnd(text, pos);
    else while (pos < text.length && !WHITESPACE.has(text.charAt(pos)) && text[pos] !== ',' && text[pos] !== ']' && text[pos] !== '}') pos++;
    // After a value: move to the next element, or close containers.
    for (;;) {
      skip();
      const top = frames[frames.length - 1];
      if (top === undefined || pos >= text.length) break scan;
      if (text[pos] === ',') {
        pos++;
        if (top.object) top.key = readKey();
        else top.key += 1;
        enter(top);
        continue scan;
      }
      pos++; // the closing bracket
      frames.pop();
      if (matched > frames.length) matched = frames.length;
    }
  }
  return best === -1 ? null : lineColumn(text, best);
}
