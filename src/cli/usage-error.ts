/**
 * A problem the command reports and exits 2 on, with a message already fit to print:
 * bad usage (`usage`: an option, a refused --out) or input that cannot be read at all
 * (`input`: no such file, not decodable, over the limits).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    message: string,
    readonly kind: 'usage' | 'input' = 'usage',
  ) {
    super(message);
  }
}
