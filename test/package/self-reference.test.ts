// The examples and tests import okrkit by its package name, as a user would; in the
// repository every name must resolve to the source (no build needed on a fresh clone).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as viaName from 'okrkit';
import * as csvViaName from 'okrkit/csv';
import * as reportViaName from 'okrkit/report';
import * as xlsxViaName from 'okrkit/xlsx';
import { describe, expect, it } from 'vitest';
import * as source from '../../src/index.js';
import * as csvSource from '../../src/csv/index.js';
import * as reportSource from '../../src/report/index.js';
import * as xlsxSource from '../../src/xlsx/index.js';

describe('okrkit imports itself by name from the source', () => {
  it.each([
    ['okrkit', viaName, source],
    ['okrkit/csv', csvViaName, csvSource],
    ['okrkit/report', reportViaName, reportSource],
    ['okrkit/xlsx', xlsxViaName, xlsxSource],
  ])('%s is the source module itself, not a build', (_name, byName, bySource) => {
    expect(byName).toBe(bySource);
  });

  it('the error class is one identity across the package name and the source', () => {
    expect(viaName.OkrkitError).toBe(source.OkrkitError);
  });

  it('okrkit/postgres.sql resolves to the source file through Node’s resolver', () => {
    const path = createRequire(import.meta.url).resolve('okrkit/postgres.sql');
    expect(path).toBe(fileURLToPath(new URL('../../src/sql/postgres.sql', import.meta.url)));
    expect(readFileSync(path, 'utf8')).toMatch(/create table/i);
  });
});
