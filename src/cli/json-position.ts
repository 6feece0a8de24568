/** A position in a text: line and column, both from 1. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

type Key = string | number;

/** A key that appears twice in one object: where each copy of it starts. */
interface DuplicateKey {
  readonly path: readonly Key[];
  readonly key: string;
  readonly at: TextPosition;
  readonly first: TextPosition;
}

/** What one pass over a JSON text found. */
export interface JsonScan {
  /** For each path asked for, where its value starts, or the deepest part of it that exists. */
  readonly positions: readonly (TextPosition | null)[];
  /** Keys given twice in one object (JSON.parse keeps the last copy), in text order; at most {@link MAX_DUPLICATES}. */
  readonly duplicates: readonly DuplicateKey[];
  /** How many duplicate keys there are in all. */
  readonly duplicateCount: number;
}

/** Duplicates past this many are counted, not listed. */
export const MAX_DUPLICATES = 1000;

/** The paths asked for, as a tree: each node is a path and, once found, its value's offset. */
interface Trie {
  /** Made when a path goes deeper: most nodes are leaves. */
  children: Map<Key, Trie> | null;
  offset: number;
}

const childOf = (node: Trie | null, key: Key): Trie | null => node?.children?.get(key) ?? null;

/** An open object (at a key) or array (at an index) around the scan's position. */
interface Frame {
  readonly object: boolean;
  key: Key;
  /** The container's node in the trie (null: no path asked for goes through it), and its current element's. */
  readonly node: Trie | null;
  child: Trie | null;
  /** The object's keys so far, with the offset of their first copy. */
  readonly seen: Map<string, number> | null;
}

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

function skipSpace(text: string, start: number): number {
  let pos = start;
  while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
  return pos;
}

/** The offset just past the JSON string that starts at `start` (its opening quote). */
function stringEnd(text: string, start: number): number {
  let pos = start + 1;
  while (pos < text.length && text.charCodeAt(pos) !== 0x22) pos += text.charCodeAt(pos) === 0x5c ? 2 : 1;
  return pos + 1;
}

/** The text of a JSON string token (`from` at its opening quote, `to` past its closing one). */
function decode(text: string, from: number, to: number): string {
  const raw = text.slice(from + 1, to - 1);
  if (!raw.includes('\\')) return raw;
  const value: unknown = JSON.parse(text.slice(from, to));
  return String(value);
}

function trieOf(paths: readonly (readonly Key[])[]): Trie {
  const root: Trie = { children: null, offset: -1 };
  for (const path of paths) {
    let node = root;
    for (const key of path) {
      const children = (node.children ??= new Map<Key, Trie>());
      let next = children.get(key);
      if (next === undefined) children.set(key, (next = { children: null, offset: -1 }));
      node = next;
    }
  }
  return root;
}

/** Line and column of offsets, from the start of each line, indexed once. */
function lineIndex(text: string): (offset: number) => TextPosition {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}

/** The scan's state: the text, where it is, the open containers and what it found. */
interface Scan {
  readonly text: string;
  pos: number;
  readonly frames: Frame[];
  readonly duplicates: { path: Key[]; key: string; at: number; first: number }[];
  duplicateCount: number;
}

/** Reads the key of an object member at the scan's position (noting a duplicate), and moves past its colon. */
function readKey(scan: Scan, frame: Frame): void {
  const { text } = scan;
  const from = skipSpace(text, scan.pos);
  const to = stringEnd(text, from);
  const key = decode(text, from, to);
  const first = frame.seen?.get(key);
  if (first === undefined) frame.seen?.set(key, from);
  else if (++scan.duplicateCount <= MAX_DUPLICATES) {
    scan.duplicates.push({ path: [...scan.frames.slice(0, -1).map((f) => f.key), key], key, at: from, first });
  }
  frame.key = key;
  frame.child = childOf(frame.node, key);
  scan.pos = skipSpace(text, to) + 1;
}

/** Moves past a value's end: to the next element of its container (true), or past the text (false). */
function next(scan: Scan): boolean {
  const { text, frames } = scan;
  for (;;) {
    scan.pos = skipSpace(text, scan.pos);
    const top = frames[frames.length - 1];
    if (top === undefined || scan.pos >= text.length) return false;
    if (text.charCodeAt(scan.pos) === 0x2c) {
      scan.pos++;
      if (top.object) readKey(scan, top);
      else {
        top.key = Number(top.key) + 1;
        top.child = childOf(top.node, top.key);
      }
      return true;
    }
    scan.pos++; // the closing bracket
    frames.pop();
  }
}

/**
 * One pass over a JSON text (one that JSON.parse accepts): where the value at each of
 * `paths` starts — or the deepest part of the path that exists (a missing field points
 * at its object) — and every key given twice in one object. Linear in the text and the
 * paths, however many there are; iterative, however deep the text nests.
 */
export function scanJson(text: string, paths: readonly (readonly Key[])[]): JsonScan {
  const root = trieOf(paths);
  const scan: Scan = { text, pos: 0, frames: [], duplicates: [], duplicateCount: 0 };
  const { frames } = scan;
  for (;;) {
    scan.pos = skipSpace(text, scan.pos);
    if (scan.pos >= text.length) break;
    const top = frames[frames.length - 1];
    const here = top === undefined ? root : top.child;
    if (here !== null && here.offset === -1) here.offset = scan.pos;
    const ch = text.charCodeAt(scan.pos);
    if (ch === 0x7b || ch === 0x5b) {
      const object = ch === 0x7b;
      scan.pos = skipSpace(text, scan.pos + 1);
      if (text.charCodeAt(scan.pos) === (object ? 0x7d : 0x5d)) scan.pos++;
      else {
        const frame: Frame = { object, key: 0, node: here, child: childOf(here, 0), seen: object ? new Map() : null };
        frames.push(frame);
        if (object) readKey(scan, frame);
        continue;
      }
    } else if (ch === 0x22) scan.pos = stringEnd(text, scan.pos);
    else {
      let pos = scan.pos;
      while (pos < text.length && !isSpace(text.charCodeAt(pos)) && text[pos] !== ',' && text[pos] !== ']' && text[pos] !== '}') pos++;
      scan.pos = pos;
    }
    if (!next(scan)) break;
  }
  return results(text, root, paths, scan);
}

function results(text: string, root: Trie, paths: readonly (readonly Key[])[], scan: Scan): JsonScan {
  const at = lineIndex(text);
  const positions = paths.map((path) => {
    let best = root.offset;
    let node: Trie | null = root;
    for (const key of path) {
      node = childOf(node, key);
      if (node === null || node.offset === -1) break;
      best = node.offset;
    }
    return best === -1 ? null : at(best);
  });
  const duplicates = scan.duplicates.map((d) => ({ path: d.path, key: d.key, at: at(d.at), first: at(d.first) }));
  return { positions, duplicates, duplicateCount: scan.duplicateCount };
}

/** Where the value at `path` starts in a JSON text: {@link scanJson} for one path. */
export function positionOf(text: string, path: readonly Key[]): TextPosition | null {
  return scanJson(text, [path]).positions[0] ?? null;
}
