#!/usr/bin/env node
// The `okrkit` command. All of its work is in main.ts; this file only wires the process.
import { readFileSync } from 'node:fs';
import { fromDate } from '../_lib/calendar.js';
import { translate } from './say.js';
import { main } from './main.js';
import { askedFor } from './options.js';

/** The language the command line asks for, for the lines this file prints itself. */
const { locale } = askedFor(process.argv.slice(2));

/** The package's version: package.json is one folder up from dist/, two from src/cli/. */
function version(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg: unknown = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
      if (typeof pkg === 'object' && pkg !== null && 'name' in pkg && pkg.name === 'okrkit' && 'version' in pkg && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not this one
    }
  }
  return 'unknown';
}

/** Whether the reader of a stream went away (`okrkit report … | head -1`): okrkit then stops writing to it, quietly. */
const closed = new WeakSet<NodeJS.WriteStream>();
const isEpipe = (error: unknown) => error instanceof Error && 'code' in error && error.code === 'EPIPE';

/** Another failure to write (a full disk): one line on standard error, exit code 2. */
function cannotWrite(stream: NodeJS.WriteStream, error: unknown) {
  process.exitCode = 2;
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'error';
  if (stream !== process.stderr && !closed.has(process.stderr)) process.stderr.write(`okrkit: ${translate('cli.cannotWriteStdout', locale, { code })}\n`);
}

/** A stream that drops what it is given once its reader is gone, rather than print a stack trace. */
function quietOnEpipe(stream: NodeJS.WriteStream) {
  stream.on('error', (error) => {
    closed.add(stream);
    if (!isEpipe(error)) cannotWrite(stream, error);
  });
  return {
    write(text: string | Uint8Array) {
      if (closed.has(stream)) return false;
      try {
        return stream.write(text);
      } catch (error) {
        closed.add(stream);
        if (!isEpipe(error)) cannotWrite(stream, error);
        return false;
      }
    },
    get isTTY() {
      return stream.isTTY;
    },
  };
}

// Node exits when nothing is left to wait for, even while a promise is pending: a --plugin
// module whose top-level await never settles would end the command with code 0 and no
// output, which a CI gate reads as success. Until main settles, leaving is an error.
let settled = false;
process.on('exit', () => {
  if (settled) return;
  process.exitCode = 2;
  if (!closed.has(process.stderr)) process.stderr.write(`okrkit: ${translate('cli.neverFinished', locale)}\n`);
});

// No top-level await: the bin is built as CommonJS too.
void main(process.argv.slice(2), {
  stdout: quietOnEpipe(process.stdout),
  stderr: quietOnEpipe(process.stderr),
  env: process.env,
  today: fromDate(new Date()),
  version: version(),
}).then((code) => {
  settled = true;
  process.exitCode = code;
});
