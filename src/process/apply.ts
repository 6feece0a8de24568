// Taking a step: the record's new state, one more history entry, and the final score
// that closing sets or leaving `closed` removes.
import type { Grade, OkrState, StateChange } from '../model/process.js';
import type { Settings } from './options.js';

/** What a ready step records. */
interface Step {
  readonly from: OkrState;
  readonly to: OkrState;
  readonly score: number | null;
  readonly grade: Grade | null;
}

/** A record that has a state, a history and maybe a final score. */
interface Stateful {
  state?: OkrState | undefined;
  history?: StateChange[] | undefined;
  finalScore?: number | undefined;
}

/**
 * The record after the step (a new object; the record given is not changed): closing
 * records the score and grade in the entry and sets `finalScore`; leaving `closed`
 * removes `finalScore` (unless kept) and records its value in the entry.
 */
export function applyStep<T extends Stateful>(record: T, step: Step, settings: Settings): T {
  const entry: StateChange = { from: step.from, to: step.to, by: settings.by, at: settings.at };
  if (settings.note !== undefined) entry.note = settings.note;
  const next: T = { ...record, state: step.to, history: [...(record.history ?? []), entry] };
  if (step.to === 'closed' && step.score !== null) {
    entry.score = step.score;
    if (step.grade !== null) entry.grade = step.grade;
    next.finalScore = step.score;
  } else if (step.from === 'closed' && !settings.keepFinalScore && record.finalScore !== undefined) {
    entry.score = record.finalScore;
    delete next.finalScore;
  }
  return next;
}
