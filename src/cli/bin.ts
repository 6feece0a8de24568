#!/usr/bin/env node
// The `okrkit` command. All of its work is in main.ts; this file only wires the process.
import { readFileSync } from 'node:fs';
import { fromDate } from '../_lib/calendar.js';
import { main } from './main.js';

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

process.exitCode = main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  today: fromDate(new Date()),
  version: version(),
});
