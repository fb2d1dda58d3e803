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

/** A path given on the command line must name an existing regular file; the message names the path. */
export async function assertFile(path: string): Promise<void> {
  const { stat } = await import('node:fs/promises');
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CliInputError(`${path}: 파일이 아니에요 / not a file`);
  } catch (err) {
    if (err instanceof CliInputError) throw err;
    throw new CliInputError(`${path}: 파일을 찾을 수 없어요 / file not found`);
  }
}
