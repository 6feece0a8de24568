import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import type { Command } from '../../src/cli/command.js';
import { helpOf } from '../../src/cli/help.js';
import { run } from './helpers.js';

// `--help` under --locale vi (issue 16, "Vietnamese everywhere"): the top-level help and
// each command's, however --locale is given; both languages list every option the
// command takes, in the same order.
const LOCALES = ['en', 'vi'] as const;
const plan = join(import.meta.dirname, '../../examples/plans/xyz-corp.json');

/** The options a help text describes: each line that starts with one (`  --out FILE  …`, `  -h, --help  …`). */
const optionLines = (help: string): string[] => [...help.matchAll(/^ {2}(?:-h, )?--([a-z-]+)/gm)].map((m) => m[1] ?? '');

describe('okrkit --help in each language', () => {
  it.each([
    [['--help', '--locale', 'vi']],
    [['-h', '--locale=vi']],
    [['help', '--locale', 'vi']],
    [['--locale', 'vi', '--help']],
    [['--locale=vi', 'help']],
  ])('%j prints the Vietnamese help on standard output', async (args) => {
    const vi = await run(args);
    const en = await run(['--help']);
    expect([vi.code, vi.stderr]).toEqual([0, '']);
    expect(vi.stdout).not.toBe(en.stdout);
    expect(vi.stdout).toMatch(/^okrkit — chấm điểm kế hoạch OKR và KPI/);
    expect(vi.stdout).toContain('Cách dùng: okrkit <lệnh> [tùy chọn]');
    // A line per command, with its Vietnamese summary.
    for (const c of COMMANDS) expect(vi.stdout).toContain(`\n  ${(c.takesPlan ? `${c.name} <plan>` : c.name).padEnd(18)}${c.translated.vi.summary}\n`);
  });

  it('no arguments but --locale vi: the Vietnamese help on standard error, exit 2', async () => {
    expect(await run(['--locale', 'vi'])).toEqual({ code: 2, stdout: '', stderr: (await run(['--help', '--locale', 'vi'])).stdout });
  });

  it('--locale en, or none, prints the English help', async () => {
    const en = (await run(['--help'])).stdout;
    expect((await run(['--help', '--locale', 'en'])).stdout).toBe(en);
    expect((await run(['--locale', 'en', '--help'])).stdout).toBe(en);
    // An unknown locale is not Vietnamese: the help is English, as its usage error is.
    expect((await run(['--help', '--locale', 'fr'])).stdout).toBe(en);
  });
});

describe('okrkit <command> --help in each language', () => {
  const cases = COMMANDS.map((c) => [c.name, c] as const);

  it.each(cases)('%s: --help and -h, --locale after or before the command, print its Vietnamese help', async (name, command) => {
    const vi = command.translated.vi.help;
    expect(vi).not.toBe(command.help);
    expect(vi.startsWith(`Cách dùng: okrkit ${name}`)).toBe(true);
    for (const args of [[name, '--help', '--locale', 'vi'], [name, '-h', '--locale=vi'], ['--locale', 'vi', name, '--help'], ['--locale=vi', name, '-h'], [name, '--locale', 'vi', '--help']]) {
      expect([args, await run(args)]).toEqual([args, { code: 0, stdout: vi, stderr: '' }]);
    }
    expect(await run([name, '--help', '--locale', 'en'])).toEqual({ code: 0, stdout: command.help, stderr: '' });
  });

  it.each(cases)('%s: each language describes every option the command takes, and only those, in the same order', (_, command: Command) => {
    for (const locale of LOCALES) {
      const described = optionLines(helpOf(command, locale).help);
      expect([locale, [...described].sort()]).toEqual([locale, [...command.options].sort()]);
    }
    expect(optionLines(command.translated.vi.help)).toEqual(optionLines(command.help));
  });

  it.each(cases)('%s: the Vietnamese help keeps the English one\'s option names, placeholders and values', (_, command: Command) => {
    // Option names with their placeholders (--out DIR|FILE), file names and the values an option takes stay as they are.
    const kept = (help: string) => [...help.matchAll(/--[a-z-]+(?: [A-Z|.]+\b)?|\b[\w-]+\.(?:csv|json|xlsx)\b|\b(?:yyyy-mm-dd|dd\/mm\/yyyy|keyResults|NO_COLOR)\b/g)].map((m) => m[0]);
    expect(new Set(kept(command.translated.vi.help))).toEqual(new Set(kept(command.help)));
  });

  it('a leading --locale is the command\'s: okrkit --locale vi validate <plan> speaks Vietnamese', async () => {
    const vi = await run(['--locale', 'vi', 'validate', plan]);
    expect(vi).toEqual(await run(['validate', plan, '--locale', 'vi']));
    expect(vi.stdout).toContain('hợp lệ');
    // Given again after the command, the later one wins, as with any option.
    expect((await run(['--locale', 'vi', 'validate', plan, '--locale', 'en'])).stdout).toContain(': valid');
    expect((await run(['--locale=vi', 'bogus'])).stderr).toContain('không có lệnh "bogus"');
  });
});
