import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, temp } from './helpers.js';

// A device has no size to check against the input limit, and /dev/zero never ends: the
// command used to read it until memory ran out. Only regular files are read.
describe('a plan that is not a regular file', () => {
  it.each(['validate', 'lint', 'report'])('%s refuses /dev/zero, and a link to it named .xlsx, as unreadable input (exit 2)', async (command) => {
    const dir = temp();
    const link = join(dir, 'plan.xlsx');
    symlinkSync('/dev/zero', link);
    for (const path of ['/dev/zero', link]) {
      const r = await run([command, path]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is not a regular file');
      expect(r.stdout).toBe('');
    }
  });
});
