/** A problem the command reports and exits 2 on: a message already fit to print. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
