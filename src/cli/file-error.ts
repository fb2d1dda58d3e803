/** The short reason a file could not be read, as the batch names it: the errno code (ENOENT, EACCES), else the message. */
export function fileErrorDetail(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
}
