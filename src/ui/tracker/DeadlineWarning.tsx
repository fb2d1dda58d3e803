import { lazy, Suspense } from 'react';

// The warning needs the estimate engine; loading it apart keeps the first page's bundle small.
const Panel = lazy(() => import('./DeadlineWarningPanel'));

/** The deadline warning on opening (rendered by the shell above every page); nothing while it loads. */
export function DeadlineWarning() {
  return (
    <Suspense fallback={null}>
      <Panel />
    </Suspense>
  );
}
