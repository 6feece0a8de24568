import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from '../../src/cli/main.js';

/** Runs `okrkit` in-process; `tty` makes both streams terminals. */
export async function run(args: string[], options: { tty?: boolean; env?: Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (t: string) => (stdout += t), isTTY: options.tty ?? false },
    stderr: { write: (t: string) => (stderr += t), isTTY: options.tty ?? false },
    env: options.env ?? {},
    today: '2026-08-15',
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

export const temp = () => mkdtempSync(join(tmpdir(), 'okrkit-cli-'));

/** Control characters a terminal acts on, as docs/cli.md lists them (line feeds are fine). */
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The first raw control character in terminal output, or null; colour sequences pass when `color`, CR LF always. */
export function rawControl(text: string, color = false): string | null {
  // eslint-disable-next-line no-control-regex
  const rest = (color ? text.replace(/\u001b\[[0-9;]*m/g, '') : text).replace(/\r\n/g, '\n');
  const found = RAW.exec(rest);
  return found === null ? null : JSON.stringify(rest.slice(Math.max(0, found.index - 20), found.index + 20));
}
