/**
 * Exit codes (issue 3): 0 success, 2 bad input (message names the file, field path and reason,
 * never a stack trace), 1 only for a bug.
 */
export class CliInputError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}
