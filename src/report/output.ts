import { invalidArgument } from '../messages/okrkit-error.js';

/**
 * The most characters one rendered report may have: 200 million (about 200 MB of text,
 * well under the longest string JavaScript can hold). A larger report is refused with
 * an `OkrkitError` rather than a `RangeError`; report on part of the plan instead.
 */
const REPORT_MAX_CHARS = 200_000_000;

/** How many levels of the objective tree are indented; deeper levels show their level number instead. */
const MAX_INDENT = 12;

/** A depth as an indentation: at most {@link MAX_INDENT} levels, and the level number past that. */
export function indentOf(depth: number): { readonly levels: number; readonly deeper: boolean } {
  return depth > MAX_INDENT ? { levels: MAX_INDENT, deeper: true } : { levels: depth, deeper: false };
}

/**
 * A report's text built in parts and joined once, its length counted on the way: past
 * {@link REPORT_MAX_CHARS} it throws an `OkrkitError` that names the format.
 */
export class Output {
  private readonly parts: string[] = [];
  private length = 0;
  constructor(private readonly format: string) {}

  push(...texts: readonly string[]): void {
    for (const text of texts) {
      this.length += text.length + 1;
      if (this.length > REPORT_MAX_CHARS) invalidArgument('arg.reportTooLarge', { format: this.format, limit: REPORT_MAX_CHARS });
      this.parts.push(text);
    }
  }

  join(separator: string): string {
    return this.parts.join(separator);
  }
}

/** Control characters (C0, DEL, C1), line and paragraph separators and the bidirectional marks that reorder text on screen. */
// eslint-disable-next-line no-control-regex -- finding control characters is what this is for
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const code = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text for a terminal or a plain-text file: every control character shown escaped (`\u001b`), so none reaches the screen raw. */
export const visible = (text: string): string => text.replace(CONTROL, code);

/** The characters that start Markdown or HTML markup inline (emphasis, code, links, images, tags, entities, headings, table cells). */
const MARKUP = /[\\`*_[\]<>#|!~&$]/g;

/**
 * Text for a Markdown cell or heading: markup characters backslash-escaped, line breaks
 * made spaces and other control characters shown escaped, so a value adds no line, tag,
 * link, heading or table cell.
 */
export const md = (text: string): string =>
  text
    .replace(MARKUP, (c) => `\\${c}`)
    .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' ')
    .replace(CONTROL, (c) => `\\${code(c)}`);
