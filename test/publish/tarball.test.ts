// What `npm publish` would ship: the file list of `npm pack --dry-run`, the metadata the
// registry page shows, the LICENSE, and the source maps. It needs dist/ (CI builds before
// the tests); without it the test fails and says so rather than passing on an empty list.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readText = (path: string): string => readFileSync(`${root}${path}`, 'utf8');

interface PackedFile {
  readonly path: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const manifest: unknown = JSON.parse(readText('package.json'));
const field = (name: string): unknown => (isRecord(manifest) ? manifest[name] : undefined);

/** The paths `npm pack` would put in the tarball, sorted. */
function packedPaths(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const parsed: unknown = JSON.parse(out);
  const first: unknown = Array.isArray(parsed) ? parsed[0] : undefined;
  const files: unknown = isRecord(first) ? first.files : undefined;
  if (!Array.isArray(files)) throw new Error(`npm pack --json gave no file list: ${out.slice(0, 200)}`);
  return files
    .filter((file): file is PackedFile => isRecord(file) && typeof file.path === 'string')
    .map((file) => file.path)
    .sort();
}

/** Every file the manifest points at: main, module, types, bin and each exports target. */
function manifestTargets(): string[] {
  const targets: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') targets.push(value.replace(/^\.\//, ''));
    else if (isRecord(value)) Object.values(value).forEach(walk);
  };
  for (const name of ['main', 'module', 'types', 'bin', 'exports']) walk(field(name));
  return [...new Set(targets)].sort();
}

const topLevel = ['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json'];
// What dist/ may hold: code, declarations, source maps, the JSON Schema, the SQL.
const distFile = /^dist\/[\w.-]+\.(js|cjs|d\.ts|d\.cts|js\.map|cjs\.map|json|sql)$/;
const unintended = /(^|\/)(test|tests|__tests__|fixtures|examples|src|bench|coverage|docs|node_modules|\.ci)\/|\.(test|spec)\.|\.env|\.tgz$|\.log$/;

describe('the packed tarball', () => {
  let paths: string[] = [];
  beforeAll(() => {
    if (!existsSync(`${root}dist/index.js`)) {
      throw new Error('dist/ is missing: run `npm run build` before this test (CI does)');
    }
    paths = packedPaths();
  }, 60_000);

  it('holds package.json, README.md, LICENSE, CHANGELOG.md and dist/, nothing else', () => {
    for (const file of topLevel) expect(paths, file).toContain(file);
    const stray = paths.filter((path) => !topLevel.includes(path) && !distFile.test(path));
    expect(stray).toEqual([]);
    expect(paths.filter((path) => unintended.test(path))).toEqual([]);
  });

  it('holds every file package.json points at (main, module, types, bin, exports)', () => {
    const targets = manifestTargets();
    expect(targets).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.cjs', 'dist/bin.js']));
    expect(targets.filter((target) => !paths.includes(target))).toEqual([]);
    // A declaration beside each entry, for both formats.
    for (const entry of ['index', 'csv', 'report', 'xlsx']) {
      expect(paths).toContain(`dist/${entry}.d.ts`);
      expect(paths).toContain(`dist/${entry}.d.cts`);
    }
  });

  it('ships source maps that point only into src/ and node_modules/, by relative paths', () => {
    const maps = paths.filter((path) => path.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(0);
    const outside: string[] = [];
    for (const map of maps) {
      const parsed: unknown = JSON.parse(readText(map));
      const sources: unknown = isRecord(parsed) ? parsed.sources : undefined;
      expect(Array.isArray(sources), map).toBe(true);
      for (const source of Array.isArray(sources) ? sources : []) {
        const ok = typeof source === 'string' && /^\.\.\/(src|node_modules)\//.test(source) && !source.includes('/../');
        if (!ok) outside.push(`${map}: ${String(source)}`);
      }
    }
    expect(outside).toEqual([]);
  });
});

describe('the registry metadata', () => {
  it('names the repository, homepage and issue tracker on GitHub', () => {
    expect(field('repository')).toEqual({ type: 'git', url: 'git+https://github.com/okrkit/okrkit.git' });
    expect(field('homepage')).toBe('https://github.com/okrkit/okrkit#readme');
    expect(field('bugs')).toEqual({ url: 'https://github.com/okrkit/okrkit/issues' });
  });

  it('has an MIT LICENSE with a year and a holder, matching package.json', () => {
    expect(field('license')).toBe('MIT');
    const license = readText('LICENSE');
    expect(license.split('\n')[0]).toBe('MIT License');
    expect(license).toMatch(/^Copyright \(c\) (19|20)\d\d(-(19|20)\d\d)? \S.*$/m);
    expect(license).toContain('Permission is hereby granted, free of charge, to any person obtaining a copy');
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });
});
