import type * as z from 'zod';
import type { CheckIn } from './check-in.js';
import { OkrkitError } from '../messages/okrkit-error.js';
import { msg, type Message } from '../messages/message.js';

/**
 * What a plug-in key-result kind is given to compute progress.
 *
 * @category Plug-ins
 */
export interface KeyResultKindContext {
  /** The current value from the check-ins (by the key result's `valueFrom`), or null before any. */
  readonly value: number | null;
  /** The check-ins that counted, oldest first. */
  readonly checkIns: readonly CheckIn[];
  /** The last date counted, or null when every check-in counts. */
  readonly asOf: string | null;
}

// The engine sees every plug-in through these shapes. `progress` and `score` are method
// signatures on purpose: a method's parameter is checked both ways, so a plug-in written
// for its own key-result type registers here as it is. The engine only ever passes it key
// results that the plug-in's schema has accepted.

/** A registered key-result kind, as the engine sees it. */
export interface KindPlugin {
  readonly kind: string;
  readonly schema: z.ZodObject;
  progress(keyResult: { readonly id: string }, context: KeyResultKindContext): number;
  readonly range?: readonly [number, number];
}

/** A registered scoring rule, as the engine sees it. */
export interface ScoringPlugin {
  readonly id: string;
  score(progress: number, keyResult: { readonly id: string }): number;
}

/** The plug-ins an okrkit instance was created with. */
export interface Registry {
  readonly kinds: ReadonlyMap<string, KindPlugin>;
  readonly scorings: ReadonlyMap<string, ScoringPlugin>;
}

/** No plug-ins: what the plain functions use. */
export const NO_PLUGINS: Registry = { kinds: new Map(), scorings: new Map() };

/** Throws the error of a failed plug-in. */
function pluginFailed(plugin: string, detail: Message): never {
  throw new OkrkitError('plugin_failed', msg('error.plugin', { plugin, detail }));
}

/** Runs a plug-in's progress and checks what it returns. */
export function runProgress(plugin: KindPlugin, keyResult: { readonly id: string }, context: KeyResultKindContext): number {
  let value: number;
  try {
    value = plugin.progress(keyResult, context);
  } catch (error) {
    if (error instanceof OkrkitError) throw error;
    pluginFailed(plugin.kind, msg('plugin.threw', { id: keyResult.id, reason: error instanceof Error ? error.message : String(error) }));
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) pluginFailed(plugin.kind, msg('plugin.notFinite', { id: keyResult.id, value: String(value) }));
  const [min, max] = plugin.range ?? [-Infinity, Infinity];
  if (value < min || value > max) pluginFailed(plugin.kind, msg('plugin.outOfRange', { id: keyResult.id, value, min, max }));
  return value === 0 ? 0 : value;
}

/** Runs a scoring plug-in and checks what it returns. */
export function runScoring(registry: Registry, id: string, progress: number, keyResult: { readonly id: string }): number {
  const plugin = registry.scorings.get(id);
  if (plugin === undefined) pluginFailed(id, msg('plugin.unknownScoring', { id, keyResult: keyResult.id }));
  let value: number;
  try {
    value = plugin.score(progress, keyResult);
  } catch (error) {
    if (error instanceof OkrkitError) throw error;
    pluginFailed(id, msg('plugin.threw', { id: keyResult.id, reason: error instanceof Error ? error.message : String(error) }));
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) pluginFailed(id, msg('plugin.scoreNotFinite', { id: keyResult.id, value: String(value) }));
  return value === 0 ? 0 : value;
}
