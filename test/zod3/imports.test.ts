// okrkit runs on zod 3.25+ and zod 4 (peer range ^3.25.0 || ^4.0.0): it imports zod 4 from
// the subpath both provide, 'zod/v4', and refuses a zod 3 schema with a message that says
// so. .ci/zod3.sh runs the packed package with zod 3.25 itself.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z3 from 'zod/v3';
import * as z from 'zod/v4';
import { createOkrkit, defineKeyResultKind, isOkrkitError, localizeError, OkrkitError } from 'okrkit';

const SRC = join(import.meta.dirname, '../../src');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('zod 3.25 and zod 4', () => {
  it('every zod import in src is from zod/v4 (or zod/v4/core), which zod 3.25+ and zod 4 both provide', () => {
    const imports = sources(SRC).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^;]*? from '(zod[^']*)'/gms)].map((m) => `${m[1]}`));
    expect(imports.length).toBeGreaterThan(10);
    expect(new Set(imports.filter((path) => path !== 'zod/v4' && path !== 'zod/v4/core'))).toEqual(new Set());
  });

  it('a plug-in kind with a zod 3 schema is refused, saying to import from zod/v4', () => {
    const kind = { kind: 'nps', schema: z3.z.object({ from: z3.z.number() }), progress: () => 0 };
    let caught: unknown;
    try {
      createOkrkit({ kinds: [kind as never] });
    } catch (error) {
      caught = error;
    }
    expect(isOkrkitError(caught) && caught.code).toBe('invalid_argument');
    expect(caught instanceof OkrkitError && caught.message).toMatch(/"nps".*zod 3.*'zod\/v4'/);
    expect(caught instanceof OkrkitError && localizeError(caught, 'vi')).toMatch(/"nps" là lược đồ zod 3.*'zod\/v4'/);
  });

  it('a plug-in kind with a zod/v4 schema (what zod 3.25 apps import) composes with the kit schemas', () => {
    const nps = defineKeyResultKind({ kind: 'nps', schema: z.object({ from: z.number(), to: z.number() }), progress: (kr, { value }) => ((value ?? kr.from) - kr.from) / (kr.to - kr.from) });
    const okr = createOkrkit({ kinds: [nps] });
    const kr = { id: 'k', objectiveId: 'o', title: 'NPS', kind: 'nps', from: 10, to: 40 };
    const Envelope = z.object({ tenant: z.string(), keyResult: okr.KeyResult });
    expect(Envelope.parse({ tenant: 't', keyResult: kr }).keyResult).toEqual(kr);
    expect(Envelope.safeParse({ tenant: 't', keyResult: { ...kr, from: 'ten' } }).success).toBe(false);
  });
});
