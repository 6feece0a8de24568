import { english, type CliMessage } from './say.js';

/**
 * A problem the command reports and exits 2 on, as a catalogue message that main puts
 * into the language `--locale` asks for: bad usage (`usage`: an option, a refused --out)
 * or input that cannot be read at all (`input`: no such file, not decodable, over the
 * limits). `message` is its English text.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    readonly said: CliMessage,
    readonly kind: 'usage' | 'input' = 'usage',
  ) {
    super(english(said));
  }
}
