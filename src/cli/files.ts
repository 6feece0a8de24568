import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from './usage-error.js';

/** The code of a Node system error (ENOENT, EACCES…), if it has one. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Writes a file, making its folder; a failure is a {@link UsageError} naming the file. */
export function writeFile(file: string, text: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new UsageError(`${file}: cannot write it (${errorCode(error) ?? 'error'})`);
  }
}

/**
 * Writes every file of `files` (text by path), or none when one of them exists already:
 * the commands never overwrite a user's work. `hint` ends the message, e.g. "choose another --out".
 */
export function writeNewFiles(files: Readonly<Record<string, string>>, hint: string): void {
  const [taken] = Object.keys(files).filter((file) => existsSync(file));
  if (taken !== undefined) throw new UsageError(`${taken} already exists; ${hint}`);
  for (const [file, text] of Object.entries(files)) writeFile(file, text);
}
