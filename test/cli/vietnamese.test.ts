import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { run, temp } from './helpers.js';

// "Vietnamese everywhere" (issue 16): every command, every output path (stdout, stderr,
// files written) and every format under --locale vi, over the bundled plans, an invalid
// plan and a plan with lint findings. An English word left in the output — outside ids,
// file paths, JSON keys and the plan's own text — fails the test.
const PLANS = join(import.meta.dirname, '../../examples/plans');

/** Words that are English and never Vietnamese, matched whole, case-insensitively. */
const STOP_WORDS = [
  'objective', 'objectives', 'key result', 'key results', 'score', 'scores', 'status', 'row', 'column', 'line',
  'wrote', 'problem', 'problems', 'finding', 'findings', 'valid', 'invalid', 'on track', 'at risk', 'off track',
  'achieved', 'error', 'errors', 'warning', 'expected', 'progress', 'owner', 'owners',
  'target', 'unit', 'units', 'cycle', 'report', 'not counted', 'people', 'departments', 'overall', 'the', 'and', 'of',
];
const STOP = new RegExp(`(?<![\\p{L}\\p{N}_-])(${STOP_WORDS.join('|')})(?![\\p{L}\\p{N}_-])`, 'giu');

/** Every string in a JSON value: the plan's own text and ids. */
function stringsOf(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, into);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) stringsOf(v, into);
  return into;
}

/** The text a reader sees: HTML without its markup, styles and attributes; JSON as the values of its message fields only. */
function visible(text: string, name: string): string {
  if (name.endsWith('.html') || text.startsWith('<!doctype')) {
    const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
    return text.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/g, (e) => entities[e] ?? ' ');
  }
  const trimmed = text.trim();
  if ((name.endsWith('.json') || trimmed.startsWith('{')) && !name.includes('plan.json') && !name.includes('schema')) {
    try {
      const json: unknown = JSON.parse(trimmed);
      const messages: string[] = [];
      const walk = (v: unknown, key: string) => {
        if (typeof v === 'string' && (key === 'message' || key === 'title')) messages.push(v);
        else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
        else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, k);
      };
      walk(json, '');
      return messages.join('\n');
    } catch {
      return text;
    }
  }
  return text;
}

/** English words left in `text` once the plan's strings, paths and okrkit's own names are taken out. */
function english(text: string, remove: readonly string[]): string[] {
  // Codes (lint rules such as objectives-per-owner) are ids.
  let rest = text.replace(/\/[^\s,:"]+/g, ' ').replace(/\b[a-z]+(-[a-z]+)+\b/g, ' ');
  for (const s of [...remove].sort((a, b) => b.length - a.length)) if (s.length > 0) rest = rest.split(s).join(' ');
  // Quoted values (a cell, a header as the file has it) and plan paths (keyResults[0].target) are the user's.
  rest = rest.replace(/"[^"\n]*"/g, ' ').replace(/\(?[\w.]*\[\d+\][\w.[\]]*\)?/g, ' ');
  rest = rest.replace(/okrkit|createOkrkit|--[a-z-]+|\b[a-z]+[A-Z]\w*\b|\b[a-z]+(-[a-z]+)+\b/g, ' ');
  return [...rest.matchAll(STOP)].map((m) => {
    const at = m.index;
    return `"${m[0]}" in …${rest.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, ' ')}…`;
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The plans walked: the bundled ones, one that is not valid, one with lint findings. */
function plans(dir: string): { file: string; strings: Set<string> }[] {
  const bundled = readdirSync(PLANS).filter((f) => f.endsWith('.json')).map((f) => join(PLANS, f));
  const invalid = join(dir, 'invalid.json');
  writeFileSync(invalid, JSON.stringify({ cycles: [{ id: 'q3', name: 'Q3', start: '2026-07-01', end: '2026-09-30' }], objectives: [{ id: 'o1', title: 'Grow', cycleId: 'q9' }], keyResults: [{ id: 'k1', objectiveId: 'o1', title: 'Sales', kind: 'metric', start: 5, target: 5 }] }));
  const sheet = join(dir, 'invalid.csv');
  writeFileSync(sheet, 'objective,key result,target,cycle\nGrow,Sales,x,Q3 2026\nGrow,Churn,5,Autumn\n');
  const lint = join(dir, 'lint.json');
  writeFileSync(lint, JSON.stringify({ cycles: [{ id: 'q3', name: 'Q3', start: '2026-07-01', end: '2026-09-30' }], objectives: [{ id: 'o1', title: 'Grow', cycleId: 'q3', ownerId: 'an' }], keyResults: [{ id: 'k1', objectiveId: 'o1', title: 'Sales', kind: 'metric', start: 0, target: 10 }] }));
  return [...bundled, invalid, sheet, lint].map((file) => ({ file, strings: file.endsWith('.csv') ? new Set(['Grow', 'Sales', 'Churn', 'Autumn', 'Q3 2026']) : stringsOf(JSON.parse(readFileSync(file, 'utf8')), new Set()) }));
}

/** Each command line to run on a plan, with --out (when it writes) in `out`. */
function commandLines(plan: string, out: string): string[][] {
  const asOf = ['--as-of', '2026-08-15'];
  return [
    ...['text', 'md', 'html', 'csv', 'json'].flatMap((f) => [['report', plan, ...asOf, '--format', f], ['report', plan, ...asOf, '--format', f, '--out', join(out, `r.${f === 'text' ? 'txt' : f}`)]]),
    ...['text', 'json'].flatMap((f) => [
      ['people', plan, ...asOf, '--format', f, '--people'].filter((a) => a !== '--people'),
      ['people', plan, ...asOf, '--format', f, '--out', join(out, `p.${f === 'text' ? 'txt' : 'json'}`)],
      ['lint', plan, ...asOf, '--format', f],
      ['validate', plan, '--format', f],
      ['export', plan, ...asOf, '--format', f, '--out', join(out, `tables-${f}`)],
      ['export', plan, ...asOf, '--format', f, '--out', join(out, `plan-${f}.json`)],
    ]),
  ];
}

describe('--locale vi: no English word left in any output', () => {
  it('every command, output path and format, over every example plan, an invalid plan and one with findings', async () => {
    const dir = temp();
    const left: string[] = [];
    for (const { file, strings } of plans(dir)) {
      const remove = [...strings, file, dir, PLANS, relative(process.cwd(), file)];
      for (const line of commandLines(file, temp())) {
        const vi = await run([...line, '--locale', 'vi']);
        expect([line.join(' '), vi.code]).toEqual([line.join(' '), expect.any(Number)]);
        expect([0, 1]).toContain(vi.code);
        const outAt = line.indexOf('--out');
        const written = outAt === -1 ? [] : (() => {
          try {
            return statSync(line[outAt + 1]!).isDirectory() ? filesUnder(line[outAt + 1]!) : [line[outAt + 1]!];
          } catch {
            return [];
          }
        })();
        const outputs: [string, string][] = [['stdout', vi.stdout], ['stderr', vi.stderr], ...written.map((f): [string, string] => [f, readFileSync(f, 'utf8')])];
        for (const [where, text] of outputs) {
          // The plan written back (export) is the plan's own data.
          if (where.endsWith('.json') && where.includes('plan-')) continue;
          if (where.includes('tables-')) continue;
          for (const word of english(visible(text, where === 'stdout' || where === 'stderr' ? line.join(' ') : where), [...remove, ...written, line[outAt + 1] ?? '\u0000'])) left.push(`${line.slice(0, 1).concat(line.slice(2)).join(' ')} [${where === 'stdout' || where === 'stderr' ? where : 'file'}] ${relative(PLANS, file)}: ${word}`);
        }
      }
    }
    const templateDir = join(temp(), 't');
    for (const format of ['text', 'json']) {
      const out = `${templateDir}-${format}`;
      const t = await run(['template', '--locale', 'vi', '--format', format, '--out', out]);
      for (const [where, text] of [['stdout', t.stdout], ['stderr', t.stderr]] as const) for (const word of english(visible(text, where), [out, ...filesUnder(out)])) left.push(`template [${where}]: ${word}`);
    }
    // Input that cannot be read is told in Vietnamese too.
    const missing = await run(['validate', join(dir, 'no-such.json'), '--locale', 'vi']);
    expect(missing).toMatchObject({ code: 2, stderr: `okrkit: ${join(dir, 'no-such.json')}: không có tệp hoặc thư mục này\n` });
    expect([...new Set(left)]).toEqual([]);
  }, 300_000);
});

describe('--locale vi: the words the walk above cannot see (issue 16, a new user)', () => {
  const plan = join(PLANS, 'abc-kpis.json');

  it('the CSV report names unit levels in Vietnamese (phòng ban, not department)', async () => {
    const csv = (await run(['report', plan, '--as-of', '2026-11-15', '--format', 'csv', '--people', '--locale', 'vi'])).stdout;
    const levels = csv.split('\n').filter((l) => l.startsWith('đơn vị;')).map((l) => l.split(';')[5]);
    expect(levels).toContain('phòng ban');
    expect(levels).not.toContain('department');
  });

  it('the HTML key-result table heads its check-in column in Vietnamese', async () => {
    const html = (await run(['report', plan, '--as-of', '2026-11-15', '--format', 'html', '--locale', 'vi'])).stdout;
    expect(html).not.toContain('<th>Check-in</th>');
    expect(html).toContain('<th>Các lần cập nhật</th>');
  });

  it('a missing column is named by its Vietnamese header, then the English one', async () => {
    const sheet = join(temp(), 'okr.csv');
    writeFileSync(sheet, 'mục tiêu,chỉ tiêu,chu kỳ\nTăng trưởng,5,Q3 2026\n');
    const result = await run(['validate', sheet, '--locale', 'vi']);
    expect([result.code, result.stdout]).toEqual([1, expect.stringContaining('Bảng tính cần có cột "kết quả then chốt" (key result).')]);
  });
});

describe('--locale vi: every --help is Vietnamese (issue 16)', () => {
  const names = COMMANDS.map((c) => c.name).join('|');
  /** Command names stay as they are: after okrkit, at the start of the list's lines, and in "các lệnh export, report và lint". */
  const withoutCommands = (text: string) =>
    text
      .replace(new RegExp(`okrkit (${names})\\b|^ {2}(${names})\\b`, 'gm'), ' ')
      .replace(new RegExp(`lệnh (?:(?:${names})(?:, | và ))*(?:${names})\\b`, 'g'), ' ');
  /** Words of the English help (besides STOP_WORDS), never Vietnamese. */
  const HELP_WORDS = ['usage', 'options', 'commands', 'command', 'default', 'standard', 'output', 'show', 'help', 'write', 'writes', 'prints', 'file', 'folder', 'never', 'when', 'with', 'or', 'for', 'to', 'is', 'a', 'an', 'on', 'its', 'each'];
  const helpWord = new RegExp(`(?<![\\p{L}\\p{N}_-])(${HELP_WORDS.join('|')})(?![\\p{L}\\p{N}_-])`, 'giu');
  const helps = [['--help'], ['--locale', 'vi', '--help'], ...COMMANDS.flatMap((c) => [[c.name, '--help'], ['--locale', 'vi', c.name, '-h']])].map((args) => [args.join(' '), args] as const);

  it.each(helps)('okrkit %s --locale vi has no English word left', async (_, args) => {
    const vi = await run([...args, '--locale', 'vi']);
    expect([vi.code, vi.stderr]).toEqual([0, '']);
    // The values of --of and the file names a plan's tables have are values, not words.
    const text = withoutCommands(vi.stdout)
      .replace(/^ {2}--of WHAT[^]*?(?=\n {2}-)/m, (entry) => entry.replace(/\b(objectives|keyResults)\b/g, ' '))
      .replace(/[\w-]+\.(csv|json|xlsx)\b/g, ' ');
    expect(english(text, [])).toEqual([]);
    // What is left once options (--help), placeholders (FILE), quoted values and JSON shapes are taken out.
    const words = text.replace(/--[a-z-]+|\b[A-Z][A-Z|.]+\b|"[^"\n]*"|\{[^}]*\}/g, ' ');
    expect([...words.matchAll(helpWord)].map((m) => m[0])).toEqual([]);
    expect(vi.stdout).not.toBe((await run(args.filter((a) => a !== '--locale' && a !== 'vi'))).stdout);
  });
});

describe('--locale vi: usage errors are Vietnamese too, in text and in JSON (issue 16, attack)', () => {
  const plan = join(PLANS, 'xyz-corp.json');
  /** Each usage error, by the command line that makes it (without --locale). */
  const usage = (dir: string): [string, string[]][] => {
    const existing = join(dir, 'exists.txt');
    writeFileSync(existing, 'mine');
    return [
      ['unknown option', ['report', plan, '--bogus']],
      ['unknown short option', ['report', plan, '-x']],
      ['option without its value', ['report', plan, '--as-of']],
      ['flag given a value', ['report', plan, '--force=yes']],
      ['an option where a value should be', ['report', plan, '--as-of', '--force']],
      ['option the command does not take', ['lint', plan, '--out', join(dir, 'x.txt')]],
      ['bad --decimal', ['validate', plan, '--decimal', ';']],
      ['bad --as-of', ['report', plan, '--as-of', '2026-13-01']],
      ['bad --format', ['report', plan, '--format', 'pdf']],
      ['bad --separator', ['report', plan, '--format', 'csv', '--separator', '|']],
      ['--out not matching the format', ['report', plan, '--format', 'html', '--out', join(dir, 'x.md')]],
      ['--out not matching export', ['export', plan, '--out', join(dir, 'flat.csv')]],
      ['--force needed', ['report', plan, '--out', existing]],
      ['--out over the plan', ['report', plan, '--out', plan, '--force']],
      ['missing plan argument', ['report']],
      ['a plan given to a command that takes none', ['schema', plan]],
      ['export without --out', ['export', plan]],
      ['unknown --cycle', ['people', plan, '--cycle', 'nope']],
      ['bad --of', ['people', plan, '--of', 'teams']],
      ['unknown command', ['bogus']],
      ['no such plan', ['validate', join(dir, 'no-such.json')]],
    ];
  };

  it.each(['text', 'json'])('every usage error, under --format %s, says in Vietnamese what is wrong (exit 2)', async (format) => {
    const dir = temp();
    const left: string[] = [];
    for (const [what, line] of usage(dir).filter(([what]) => format === 'text' || what !== 'bad --format')) {
      // --format text is itself bad usage where the format is csv or html: the error is still Vietnamese.
      const args = format === 'json' ? [...line.filter((a, i) => a !== '--format' && line[i - 1] !== '--format'), '--format', 'json'] : line;
      const vi = await run([...args, '--locale', 'vi']);
      const en = await run(args);
      expect([what, vi.code, en.code]).toEqual([what, 2, 2]);
      if (format === 'json') expect([what, vi.stdout]).toEqual([what, expect.stringMatching(/^\{/)]);
      const said = format === 'json' ? (JSON.parse(vi.stdout) as { error: { code: string; message: string } }).error : { code: 'usage', message: vi.stderr };
      if (format === 'json') expect([what, vi.stderr, Object.keys(JSON.parse(vi.stdout) as object)]).toEqual([what, '', ['error']]);
      else expect([what, vi.stdout, vi.stderr]).toEqual([what, '', expect.stringMatching(/^okrkit: .+\n$/)]);
      // The same error as in English, other words.
      const english_ = format === 'json' ? (JSON.parse(en.stdout) as { error: { message: string } }).error.message : en.stderr;
      expect([what, said.message]).not.toEqual([what, english_]);
      for (const word of english(said.message, [dir, plan, PLANS])) left.push(`${what} [${format}]: ${word}`);
    }
    expect(left).toEqual([]);
  }, 60_000);

  it('the Vietnamese text of the usage errors asked for by name', async () => {
    const dir = temp();
    expect((await run(['report', plan, '--bogus', '--locale', 'vi'])).stderr).toBe(`okrkit: Không có tùy chọn '--bogus'; chạy "okrkit report --help" để xem các tùy chọn\n`);
    expect((await run(['validate', plan, '--decimal', ';', '--locale', 'vi'])).stderr).toBe('okrkit: --decimal phải là , hoặc ., nhưng nhận được ";"\n');
    expect((await run(['report', plan, '--format', 'html', '--out', join(dir, 'x.md'), '--locale', 'vi'])).stderr).toContain('không có đuôi .html hoặc .htm, nhưng nội dung ghi vào đó ở định dạng html');
    writeFileSync(join(dir, 'r.txt'), 'mine');
    expect((await run(['report', plan, '--out', join(dir, 'r.txt'), '--locale', 'vi'])).stderr).toBe(`okrkit: ${join(dir, 'r.txt')} đã tồn tại; hãy chọn --out khác, hoặc thêm --force để thay thế tệp\n`);
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toBe('mine');
    expect((await run(['report', '--locale', 'vi'])).stderr).toContain('"okrkit report" cần đúng một <plan>');
    expect(await run(['bogus', '--locale', 'vi'])).toEqual({ code: 2, stdout: '', stderr: 'okrkit: không có lệnh "bogus"; chạy "okrkit --help" để xem các lệnh\n' });
    // --locale=vi and a --locale before the command are read too.
    expect((await run(['bogus', '--locale=vi'])).stderr).toContain('không có lệnh "bogus"');
    expect((await run(['--locale', 'vi', 'bogus'])).stderr).toContain('không có lệnh "bogus"');
  });

  it('an invalid --locale is told in English (the language asked for is not known)', async () => {
    expect(await run(['report', plan, '--locale', 'fr'])).toEqual({ code: 2, stdout: '', stderr: 'okrkit: --locale must be en or vi, got "fr"\n' });
    expect(JSON.parse((await run(['report', plan, '--locale', 'fr', '--format', 'json'])).stdout)).toEqual({ error: { code: 'usage', message: '--locale must be en or vi, got "fr"' } });
  });

  it('okrkit bogus --format json prints the { error } shape on stdout, nothing on stderr', async () => {
    for (const args of [['bogus', '--format', 'json'], ['bogus', '--format=json'], ['bogus', 'plan.json', '--format', 'json', '--locale', 'vi']]) {
      const result = await run(args);
      expect([result.code, result.stderr]).toEqual([2, '']);
      const vi = args.includes('vi');
      expect(JSON.parse(result.stdout)).toEqual({ error: { code: 'usage', message: vi ? 'không có lệnh "bogus"; chạy "okrkit --help" để xem các lệnh' : 'unknown command "bogus"; run "okrkit --help"' } });
    }
  });
});
