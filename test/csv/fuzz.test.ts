import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { readPlanCsv, readPlanSheet, CSV_TABLE_FILES } from '../../src/csv/index.js';
import { OkrkitError, safeParsePlan } from '../../src/index.js';
import { en } from '../../src/messages/en.js';

// CSV-ish text: separators, quotes, line breaks, BOMs, numbers and header words in any mix.
const token = fc.constantFrom(',', ';', '\t', '"', '""', '\n', '\r\n', '\uFEFF', '%', '12,5', '1e999', '-0', 'Q3 2026', '2026-02-30', 'objective', 'key result', 'target', 'cycle', 'id', 'extra', '{', '__proto__', 'mục tiêu', ' ');
const csvText = fc.oneof(fc.string(), fc.array(fc.oneof(token, fc.string({ maxLength: 4 })), { maxLength: 60 }).map((parts) => parts.join('')));
const header = fc.constantFrom('objective,key result,start,target,current,cycle,parent,updated\n', 'id,title,cycleId,extra\n', '');

const onlyOkrkitErrors = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(OkrkitError);
    // Every placeholder of every message is filled (the text itself may hold braces: it quotes the sheet).
    for (const i of (error as OkrkitError).issues) {
      const names = [...en[i.messageKey].matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      for (const name of names) expect([i.messageKey, name, i.params[name] !== undefined]).toEqual([i.messageKey, name, true]);
    }
  }
};

describe('spreadsheet readers on arbitrary text', () => {
  test.prop([header, csvText], { numRuns: 1000 })('readPlanSheet throws nothing but an OkrkitError', (head, text) => {
    onlyOkrkitErrors(() => {
      const read = readPlanSheet(head + text, { checkInDate: '2026-08-01' });
      const result = safeParsePlan(read.input);
      if (!result.success) for (const i of result.error.issues) read.locate(i.path);
    });
  });

  test.prop([fc.constantFrom(...CSV_TABLE_FILES), header, csvText], { numRuns: 1000 })('readPlanCsv throws nothing but an OkrkitError', (file, head, text) => {
    onlyOkrkitErrors(() => {
      const read = readPlanCsv({ [file]: head + text });
      const result = safeParsePlan(read.input);
      if (!result.success) for (const i of result.error.issues) read.locate(i.path);
    });
  });
});
