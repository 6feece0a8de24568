// Small builders the tests share: one quarter, and key results and objectives with
// defaults, so each test names only what it is about.
import { OkrkitError, type Cycle, type KeyResult } from '../src/index.js';

/** Q3 2026: 1 July – 30 September, 91 days. */
export const Q3: Cycle = { id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' };

/** An objective in Q3. */
export const objectiveIn = (id: string, extra: object = {}) => ({ id, title: `Objective ${id}`, cycleId: 'q3', ...extra });

/** A metric key result `kr` of objective `o`, from `start` to `target`. */
export const metricFrom = (start: number | string, target: number | string, extra: object = {}): KeyResult =>
  ({ id: 'kr', objectiveId: 'o', title: 'Metric', kind: 'metric', start, target, ...extra }) as KeyResult;

/** The OkrkitError a call throws (any other error, or none, fails the test). */
export function thrown(call: () => unknown): OkrkitError {
  try {
    call();
  } catch (error) {
    if (error instanceof OkrkitError) return error;
    throw error;
  }
  throw new Error('expected an OkrkitError');
}

/** Each issue of the OkrkitError a call throws as `path: message` (none when it throws nothing; any other error fails the test). */
export function issueLines(call: () => unknown): string[] {
  try {
    call();
  } catch (error) {
    if (error instanceof OkrkitError) return error.issues.map((i) => `${i.path.join(' ')}: ${i.message}`);
    throw error;
  }
  return [];
}
