import type { Locale } from '../index.js';
import { translate } from './say.js';
import { numberFormat } from '../messages/number-format.js';
import { escapeControls, terminalText } from './terminal.js';

/** What the command reads from and writes to, so tests can run it in-process. */
export interface Io {
  /** Standard output: text, or the bytes of a binary result (`report --format xlsx` to a pipe). */
  readonly stdout: { write(text: string | Uint8Array): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Today's date, YYYY-MM-DD. */
  readonly today: string;
  /** The package's version, for `--version`. */
  readonly version?: string;
}

/** A stream that escapes control characters in text (bytes pass as they are); colour sequences pass only to a terminal. */
const guarded = (stream: Io['stdout']): Io['stdout'] => ({
  write: (text: string | Uint8Array) => stream.write(typeof text === 'string' ? terminalText(text, stream.isTTY === true) : text),
  ...(stream.isTTY === undefined ? {} : { isTTY: stream.isTTY }),
});

/**
 * The same streams, each write passed through {@link terminalText}: whatever a command
 * writes, no raw control character reaches standard output or error (docs/cli.md).
 */
export function guardedIo(io: Io): Io {
  return { ...io, stdout: guarded(io.stdout), stderr: guarded(io.stderr) };
}

/** Colour only on a terminal, and never with `--no-color` or a non-empty NO_COLOR (no-color.org). */
export function colorOn(io: Io, stream: Io['stdout'], noColorFlag: boolean): boolean {
  return stream.isTTY === true && !noColorFlag && (io.env.NO_COLOR === undefined || io.env.NO_COLOR === '');
}

/** Prints a usage or input problem on stderr, red on a terminal, and gives exit code 2. */
export function fail(io: Io, message: string): number {
  const red = colorOn(io, io.stderr, false);
  io.stderr.write(`${red ? '\u001b[31m' : ''}okrkit: ${message.split('\n').map(escapeControls).join('\n')}${red ? '\u001b[0m' : ''}\n`);
  return 2;
}

/** A line on stderr telling what a long run is doing, so stdout stays the result alone. */
export function progress(io: Io, text: string): void {
  io.stderr.write(`okrkit: ${escapeControls(text)}…\n`);
}

/** What the command counts in its summaries, in the user's language. */
export type Counted = 'findings' | 'errors' | 'problems' | 'objectives' | 'keyResults' | 'kpis' | 'checkIns' | 'measurements';

/** "3 findings" / "3 góp ý": a count in the user's language, its digits grouped as that language groups them. */
export function countIn(locale: Locale, n: number, what: Counted): string {
  const digits = numberFormat(locale === 'vi' ? 'vi-VN' : 'en', { maximumFractionDigits: 0 }).format(n);
  return translate(`cli.count.${what}.${n === 1 ? 'one' : 'other'}`, locale, { count: digits });
}

/** "okrkit: wrote report.html" on stderr, in the user's language: a file a command wrote (its result is the file). */
export function wrote(io: Io, locale: Locale, file: string): void {
  io.stderr.write(`okrkit: ${translate('cli.wrote', locale, { file: escapeControls(file) })}\n`);
}
