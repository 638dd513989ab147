/**
 * A problem that makes the input (or the command line) unusable: exit 2 with one sentence.
 * `code` is stable (kebab-case, see src/errors/messages.ts); `message` is the rendered zh sentence.
 */
export class InputError extends Error {
  readonly code: string;
  readonly exitCode = 2;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InputError';
    this.code = code;
  }
}
