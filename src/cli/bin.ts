#!/usr/bin/env node
// The `okrkit` command. All of its work is in main.ts; this file only wires the process.
import { fromDate } from '../_lib/calendar.js';
import { main } from './main.js';

process.exitCode = main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  today: fromDate(new Date()),
});
