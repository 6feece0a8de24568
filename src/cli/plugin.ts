import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createOkrkit, isOkrkitError, localizeError, type Locale, type SafeParsePlanResult } from '../index.js';
import { msg } from './say.js';
import type { ReportKit } from '../report/index.js';
import { escapeControls } from './terminal.js';
import { UsageError } from './usage-error.js';

/** What the command uses of a kit made by `createOkrkit`: parsing, and what a report needs. */
export interface CliKit extends ReportKit {
  safeParsePlan(input: unknown): SafeParsePlanResult;
}

const has = (value: object, names: readonly string[]) => names.every((name) => typeof Reflect.get(value, name) === 'function');

/** A kit made by createOkrkit: the functions the command calls are there. */
function isKit(value: unknown): value is CliKit {
  return typeof value === 'object' && value !== null && has(value, ['safeParsePlan', 'evaluate', 'lintPlan', 'keyResultProgress']);
}

/** createOkrkit's options: an object with `kinds` or `scorings` (createOkrkit checks them). */
const isOptions = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && ('kinds' in value || 'scorings' in value);

/** The module's default export, else its `kit`, else its `plugins`. */
function exported(module: object): unknown {
  for (const name of ['default', 'kit', 'plugins']) {
    const value: unknown = Reflect.get(module, name);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * `--plugin FILE`: imports the module and gives the kit it exports — its default export,
 * or a named `kit` or `plugins` — a kit from createOkrkit, or createOkrkit's options
 * (`{ kinds, scorings }`), made into one. A module that cannot be loaded or exports
 * anything else is a usage error (exit code 2) that says which.
 */
export async function loadPlugin(file: string, locale: Locale): Promise<CliKit> {
  const shown = escapeControls(file);
  let module: unknown;
  try {
    module = await import(pathToFileURL(isAbsolute(file) ? file : resolve(file)).href);
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
    throw new UsageError(msg('cli.usage.pluginLoad', { file: shown, why: escapeControls(why) }));
  }
  try {
    const value = typeof module === 'object' && module !== null ? exported(module) : undefined;
    if (isKit(value)) return value;
    if (!isOptions(value)) throw new UsageError(msg('cli.usage.pluginNoKit', { file: shown }));
    return createOkrkit(value);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (isOkrkitError(error)) throw new UsageError(msg('arg.at', { where: `--plugin ${shown}`, detail: localizeError(error, locale).replace(/^okrkit: /, '') }));
    // A module whose exports throw when read (a getter, a Proxy): the module's fault, told as such.
    const why = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
    throw new UsageError(msg('cli.usage.pluginLoad', { file: shown, why: escapeControls(why) }));
  }
}
