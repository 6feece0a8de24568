// Running plug-ins: their results checked, their failures reported as okrkit errors naming the plug-in.
import type { Context, KeyResultKindContext, KindPlugin } from './context.js';
import { OkrkitError } from '../messages/okrkit-error.js';
import { msg, type Message } from '../messages/message.js';

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
export function runScoring(cx: Context, id: string, progress: number, keyResult: { readonly id: string }): number {
  const plugin = cx.scorings.get(id);
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
