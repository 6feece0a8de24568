// Every ```ts block of README.md and docs/*.md that is a whole program (its first line is
// an import) compiles under @tsconfig/strictest's options against src/. A failure names
// the Markdown file and line: fix the block (or, when it is a fragment, do not start it
// with an import).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileBlocks, documentedBlocks, programBlocks, type CodeBlock } from './code-blocks.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const docs = readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => join(root, 'docs', name));
const blocks = documentedBlocks(root, [join(root, 'README.md'), ...docs]);

// Two programs of our own, compiled in the same program as the documents' blocks: one
// that must pass, one whose errors must be reported at their Markdown lines.
const probe = [
  '# Probe',
  '',
  '```ts',
  "import { evaluate, parsePlan, recordOf } from 'okrkit';",
  'const evaluation = evaluate(parsePlan({}));',
  "console.log(recordOf(evaluation.objectives, 'o').score);",
  '```',
  '',
  '```ts',
  "import { evaluate, parsePlan } from 'okrkit';",
  'const evaluation = evaluate(parsePlan({}));',
  "console.log(evaluation.objectives['o'].score);",
  '```',
  '',
  '```ts',
  "evaluation.objectives['o'].score; // a fragment: not compiled",
  '```',
].join('\n');
const probeBlocks: CodeBlock[] = programBlocks('probe.md', probe);

describe('code blocks of the README and docs/*.md', () => {
  const errors = compileBlocks(root, [...probeBlocks, ...blocks]);
  const where = (e: { file: string; line: number; text: string }) => `${e.file}:${e.line}: ${e.text}`;

  it('finds the whole-program blocks, the README Quickstart among them', () => {
    expect(probeBlocks.map((b) => b.line)).toEqual([4, 10]);
    expect(blocks.some((b) => b.file === 'README.md')).toBe(true);
  });

  it('reports an error in a block at its file and line, and none for a good block', () => {
    expect(errors.filter((e) => e.file === 'probe.md').map(where)).toEqual([
      expect.stringMatching(/^probe\.md:12: TS2532: Object is possibly 'undefined'/),
    ]);
  });

  it('every whole-program block compiles under the strictest settings', () => {
    expect(errors.filter((e) => e.file !== 'probe.md').map(where)).toEqual([]);
  });
});
