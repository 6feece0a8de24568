/** A position in a text: line and column, both from 1. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

interface Frame {
  readonly object: boolean;
  key: string | number;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

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
  const skip = () => {
    while (pos < text.length && WHITESPACE.has(text[pos]!)) pos++;
  };
  const readString = (): string => {
    const start = pos;
    pos++;
    while (pos < text.length && text[pos] !== '"') pos += text[pos] === '\\' ? 2 : 1;
    pos++;
    return text.slice(start, pos);
  };
  /** Enters the element of the top frame whose key is `key`. */
  const enter = (key: string | number) => {
    const depth = frames.length;
    frames[depth - 1]!.key = key;
    if (matched > depth - 1) matched = depth - 1;
    if (matched === depth - 1 && path[depth - 1] === key) matched = depth;
  };
  const readKey = () => {
    skip();
    const key = JSON.parse(readString()) as string;
    skip();
    pos++; // the colon
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
        frames.push({ object: ch === '{', key: 0 });
        enter(ch === '{' ? readKey() : 0);
        continue;
      }
    } else if (ch === '"') readString();
    else while (pos < text.length && !WHITESPACE.has(text[pos]!) && text[pos] !== ',' && text[pos] !== ']' && text[pos] !== '}') pos++;
    // After a value: move to the next element, or close containers.
    for (;;) {
      skip();
      const top = frames[frames.length - 1];
      if (top === undefined || pos >= text.length) break scan;
      if (text[pos] === ',') {
        pos++;
        enter(top.object ? readKey() : (top.key as number) + 1);
        continue scan;
      }
      pos++; // the closing bracket
      frames.pop();
      if (matched > frames.length) matched = frames.length;
    }
  }
  if (best === -1) return null;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < best; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: best - lineStart + 1 };
}
