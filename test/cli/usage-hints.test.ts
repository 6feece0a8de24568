import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

// Usage errors that say what was probably meant.
describe('okrkit usage hints', () => {
  it('suggests the command a typo was close to, and none for a word far from every command', async () => {
    expect(await run(['reprot'])).toMatchObject({ code: 2, stderr: 'okrkit: unknown command "reprot"; did you mean "report"? Run "okrkit --help" for the commands\n' });
    expect((await run(['valdate', '--locale', 'vi'])).stderr).toContain('có phải ý bạn là "validate"?');
    expect((await run(['zzzz'])).stderr).toBe('okrkit: unknown command "zzzz"; run "okrkit --help"\n');
  });

  it('says a well-written --as-of is no day of the calendar, with the month\'s days', async () => {
    expect(await run(['report', 'examples/plans/xyz-corp.json', '--as-of', '2026-11-31'])).toMatchObject({ code: 2, stderr: 'okrkit: --as-of 2026-11-31: there is no such day (the month has 30 days)\n' });
    expect((await run(['report', 'examples/plans/xyz-corp.json', '--as-of', '2028-02-30'])).stderr).toContain('(the month has 29 days)');
    expect((await run(['report', 'examples/plans/xyz-corp.json', '--as-of', '2026-13-01'])).stderr).toContain('must be a date written YYYY-MM-DD');
  });
});
