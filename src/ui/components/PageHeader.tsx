import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { hasNavigated } from '../routes';

/**
 * The page title. After the user moves to a page its heading takes focus, so keyboard and screen
 * reader users start reading at the new content, not at the nav they just used.
 */
export function PageHeader({ title, lead, step }: { title: string; lead?: ReactNode; step?: number }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (hasNavigated()) ref.current?.focus();
  }, [title]);
  return (
    <header className="page-header">
      {step !== undefined && <p className="page-step" aria-hidden="true">{String(step).padStart(2, '0')}</p>}
      <h1 ref={ref} tabIndex={-1}>{title}</h1>
      {lead && <p className="lead">{lead}</p>}
    </header>
  );
}
