import { closeSync, constants, lstatSync, mkdirSync, openSync, readdirSync, realpathSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { msg, type CliMessage } from './say.js';
import { UsageError } from './usage-error.js';

/** The code of a Node system error (ENOENT, EACCES…), if it has one. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** A file a command read: its real path and its identity on disk (a hard link has the same). */
interface Input {
  readonly path: string;
  readonly real: string;
  readonly dev: number;
  readonly ino: number;
}

/** How a command writes its files. */
export interface WriteOptions {
  /** `--force`: replace files that exist (never an input, a folder or a link). */
  readonly force: boolean;
  /** The files the command read (see {@link inputFiles}): never written over, even with --force. */
  readonly inputs: readonly Input[];
}

function inputOf(path: string): Input | null {
  try {
    const stat = statSync(path);
    return { path, real: realpathSync(path), dev: stat.dev, ino: stat.ino };
  } catch {
    return null;
  }
}

/** The files a <plan> is read from: the file itself, or each CSV file of a folder. */
export function inputFiles(plan: string): Input[] {
  const stat = inputOf(plan) === null ? null : statSync(plan);
  if (stat === null) return [];
  const paths = stat.isDirectory() ? readdirSync(plan).filter((n) => extname(n).toLowerCase() === '.csv').map((n) => join(plan, n)) : [plan];
  return paths.map(inputOf).filter((i) => i !== null);
}

const lstatOrNull = (file: string): Stats | null => {
  try {
    return lstatSync(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw new UsageError(msg('cli.out.cannotWrite', { file, code: errorCode(error) ?? 'error' }));
  }
};

/** Why `file` may not be written, or null when it may. */
function refusal(file: string, options: WriteOptions): CliMessage | null {
  const stat = lstatOrNull(file);
  if (stat === null) return null;
  if (stat.isSymbolicLink()) return msg('cli.out.link', { file });
  if (stat.isDirectory()) return msg('cli.out.folder', { file });
  const real = realpathSync(file);
  const input = options.inputs.find((i) => i.real === real || (i.ino !== 0 && i.dev === stat.dev && i.ino === stat.ino));
  if (input !== undefined) return msg('cli.out.input', { file, input: input.path });
  if (!options.force) return msg('cli.out.exists', { file });
  return null;
}

/** Opens for writing without following a link: a new file only, or with --force an existing regular one. */
const FLAGS = (force: boolean) =>
  constants.O_WRONLY | constants.O_CREAT | (force ? constants.O_TRUNC : constants.O_EXCL) | (constants.O_NOFOLLOW ?? 0);

function writeOne(file: string, content: string | Uint8Array, force: boolean): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const fd = openSync(file, FLAGS(force), 0o666);
    try {
      if (typeof content === 'string') writeSync(fd, content);
      else for (let done = 0; done < content.length; ) done += writeSync(fd, content, done);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') throw new UsageError(msg('cli.out.existsForce', { file }));
    if (code === 'ELOOP') throw new UsageError(msg('cli.out.link', { file }));
    throw new UsageError(msg('cli.out.cannotWrite', { file, code: code ?? 'error' }));
  }
}

/**
 * Writes every file of `files` (text, or the bytes of a binary file such as a workbook,
 * by path), or none when one of them may not be
 * written: it exists (unless --force), it is one of the command's inputs, a folder or a
 * symbolic link (even a dangling one). Each file is opened without following links.
 */
export function writeFiles(files: Readonly<Record<string, string | Uint8Array>>, options: WriteOptions): void {
  for (const file of Object.keys(files)) {
    const why = refusal(file, options);
    if (why !== null) throw new UsageError(why);
  }
  for (const [file, content] of Object.entries(files)) writeOne(file, content, options.force);
}

/**
 * Writes a plan's CSV tables into a folder that may hold an earlier export's: a table file
 * there that this plan does not write (kpis.csv when the plan has no KPI) would be read as
 * part of the plan, so it is refused, or with --force removed once the new files are written
 * (the same refusals as a file written: never a link, a folder or one of the inputs).
 */
export function writeTables(dir: string, files: Readonly<Record<string, string | Uint8Array>>, tableNames: readonly string[], options: WriteOptions): void {
  const present = isFolder(dir) ? readdirSync(dir) : [];
  const stale = tableNames.filter((name) => present.includes(name) && !Object.hasOwn(files, join(dir, name))).map((name) => join(dir, name));
  if (stale.length > 0 && !options.force) throw new UsageError(msg('cli.out.staleTables', { dir, files: stale.map((f) => basename(f)).join(', ') }));
  for (const file of stale) {
    const why = refusal(file, options);
    if (why !== null) throw new UsageError(why);
  }
  writeFiles(files, options);
  for (const file of stale) unlinkSync(file);
}

/** `--out` for a folder of files: a folder, or a name not yet taken. */
export function checkOutFolder(dir: string): void {
  const stat = lstatOrNull(dir);
  if (stat !== null && !stat.isDirectory() && !(stat.isSymbolicLink() && isFolder(dir))) throw new UsageError(msg('cli.out.notFolder', { dir }));
}

/** Whether `path` is a folder (or a link to one). */
export const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};
