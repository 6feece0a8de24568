// The ```ts blocks of the README and docs/*.md that are whole programs — a block whose
// first line is an `import` — compiled together with the TypeScript compiler under
// @tsconfig/strictest's options (module nodenext), with `okrkit` resolved to src/
// through tsconfig.json's `paths`. A block that is a fragment (no import on its first
// line) is prose and is not compiled.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One program-like code block: where it is and its text. */
export interface CodeBlock {
  /** The Markdown file, relative to the repository. */
  readonly file: string;
  /** The line of the block's first code line (1-based), after the opening fence. */
  readonly line: number;
  readonly code: string;
}

/** One compile error, at its Markdown file and line. */
export interface BlockError {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** The whole-program ```ts blocks of a Markdown text: those whose first line is an import. */
export function programBlocks(file: string, markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```(ts|typescript)\s*$/.test(lines[i] ?? '')) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end] ?? '')) end++;
    if (/^\s*import\s/.test(lines[start] ?? '')) blocks.push({ file, line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}

/** @tsconfig/strictest's options (TypeScript 5.9) with Node's module resolution. */
const STRICTEST: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: ['node'],
  strict: true,
  allowUnusedLabels: false,
  allowUnreachableCode: false,
  exactOptionalPropertyTypes: true,
  noFallthroughCasesInSwitch: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noPropertyAccessFromIndexSignature: true,
  noUncheckedIndexedAccess: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  esModuleInterop: true,
  skipLibCheck: true,
  noEmit: true,
};

/**
 * Compiles every block as its own module (a virtual file in the repository, so
 * `okrkit`, `zod` and `node:*` resolve as in the repository) and returns the errors in
 * the blocks, at their Markdown lines. Errors inside src/ are tsconfig.json's concern.
 */
export function compileBlocks(root: string, blocks: readonly CodeBlock[]): BlockError[] {
  const paths = readPaths(root);
  const options: ts.CompilerOptions = { ...STRICTEST, baseUrl: root, paths };
  const virtual = new Map(blocks.map((block, i) => [join(root, `.code-block-${i}.ts`), block]));
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(name)?.code ?? readFile.call(host, name);
  host.getSourceFile = (name, language, ...rest) => {
    const block = virtual.get(name);
    return block ? ts.createSourceFile(name, block.code, language) : getSourceFile.call(host, name, language, ...rest);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  const errors: BlockError[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const block = diagnostic.file ? virtual.get(diagnostic.file.fileName) : undefined;
    if (!block || !diagnostic.file) continue;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    errors.push({ file: block.file, line: block.line + line, text: `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}` });
  }
  return errors;
}

/** tsconfig.json's `paths` (okrkit and its subpaths → src/). */
function readPaths(root: string): ts.MapLike<string[]> {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), (path) => readFileSync(path, 'utf8'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return parsed.options.paths ?? {};
}

/** The blocks of README.md and docs/*.md. */
export function documentedBlocks(root: string, files: readonly string[]): CodeBlock[] {
  return files.flatMap((path) => programBlocks(relative(root, path), readFileSync(path, 'utf8')));
}
