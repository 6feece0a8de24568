// Running plug-ins: their results checked, their failures reported as okrkit errors naming
// the plug-in and the hook, and what they are given copied and frozen, so a plug-in can
// never change the caller's plan.
import type { Context, KeyResultKindContext, KindPlugin } from './context.js';
import { OkrkitError } from '../messages/okrkit-error.js';
import { msg, type Message } from '../messages/message.js';

/** Throws the error of a failed plug-in. */
function pluginFailed(plugin: string, detail: Message): never {
  throw new OkrkitError('plugin_failed', msg('error.plugin', { plugin, detail }));
}

/** Why a plug-in's call threw, as text. */
function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : describeValue(error);
}

/** A value as a message shows it: strings quoted, never a throw (an object without toString). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === undefined) return String(value);
  if (value === null) return 'null';
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return 'a function';
  return Array.isArray(value) ? 'an array' : 'an object';
}

/** The type of a value, as a message: "a string", "an object", "undefined"… */
function typeOf(value: unknown): Message {
  if (Array.isArray(value)) return msg('valueType.array');
  const type = value === null ? 'null' : typeof value;
  if (type === 'string' || type === 'boolean' || type === 'object' || type === 'function') return msg(`valueType.${type}`);
  return msg('valueType.other', { type });
}

/** Checks a hook's return: a finite number, else the error names the plug-in, the hook and what it returned. */
function checkNumber(plugin: string, hook: 'progress' | 'score', id: string, value: unknown): number {
  if (typeof value !== 'number') pluginFailed(plugin, msg('plugin.notNumber', { hook, id, type: typeOf(value), value: describeValue(value) }));
  if (!Number.isFinite(value)) pluginFailed(plugin, msg(hook === 'progress' ? 'plugin.notFinite' : 'plugin.scoreNotFinite', { id, value: String(value) }));
  return value;
}

function isPlain(x: object): boolean {
  const proto: unknown = Object.getPrototypeOf(x);
  return Array.isArray(x) || proto === Object.prototype || proto === null;
}

/**
 * A deep copy of plain data (arrays and plain objects), every part frozen. Iterative, so a
 * deeply nested `meta` cannot overflow the stack; a shared or circular part is copied once.
 * Other objects (a Date, say) are passed as they are.
 */
function frozenCopy<T>(root: T): T;
function frozenCopy(root: unknown): unknown {
  if (typeof root !== 'object' || root === null || !isPlain(root)) return root;
  const copies = new Map<object, Record<string, unknown> | unknown[]>();
  const shell = (x: object): Record<string, unknown> | unknown[] => {
    const made = Array.isArray(x) ? new Array<unknown>(x.length) : {};
    copies.set(x, made);
    pending.push([x, made]);
    return made;
  };
  const pending: [object, Record<string, unknown> | unknown[]][] = [];
  const top = shell(root);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [from, to] = next;
    for (const key of Object.keys(from)) {
      const v: unknown = Reflect.get(from, key);
      const copy: unknown = typeof v === 'object' && v !== null && isPlain(v) ? (copies.get(v) ?? shell(v)) : v;
      Object.defineProperty(to, key, { value: copy, enumerable: true, writable: true, configurable: true });
    }
  }
  for (const made of copies.values()) Object.freeze(made);
  return top;
}

/** Runs a plug-in's progress on frozen copies and checks what it returns. */
export function runProgress(plugin: KindPlugin, keyResult: { readonly id: string }, context: KeyResultKindContext): number {
  let value: unknown;
  try {
    value = plugin.progress(frozenCopy(keyResult), frozenCopy(context));
  } catch (error) {
    if (error instanceof OkrkitError) throw error;
    pluginFailed(plugin.kind, msg('plugin.threw', { id: keyResult.id, reason: reasonOf(error) }));
  }
  const n = checkNumber(plugin.kind, 'progress', keyResult.id, value);
  const [min, max] = plugin.range ?? [-Infinity, Infinity];
  if (n < min || n > max) pluginFailed(plugin.kind, msg('plugin.outOfRange', { id: keyResult.id, value: n, min, max }));
  return n === 0 ? 0 : n;
}

/** Runs a scoring plug-in on a frozen copy of the key result and checks what it returns. */
export function runScoring(cx: Context, id: string, progress: number, keyResult: { readonly id: string }): number {
  const plugin = cx.scorings.get(id);
  if (plugin === undefined) pluginFailed(id, msg('plugin.unknownScoring', { id, keyResult: keyResult.id }));
  let value: unknown;
  try {
    value = plugin.score(progress, frozenCopy(keyResult));
  } catch (error) {
    if (error instanceof OkrkitError) throw error;
    pluginFailed(id, msg('plugin.scoreThrew', { id: keyResult.id, reason: reasonOf(error) }));
  }
  const n = checkNumber(id, 'score', keyResult.id, value);
  if (n < 0) pluginFailed(id, msg('plugin.scoreNotFinite', { id: keyResult.id, value: String(n) }));
  return n === 0 ? 0 : n;
}
