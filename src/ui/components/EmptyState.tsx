import type { ReactNode } from 'react';
import { hrefOf } from '../routes';
import type { RouteId } from '../routes';

interface Props {
  title: string;
  body: ReactNode;
  /** The next thing to do: a link to another page, or a button's own element. */
  action?: { label: string; to: RouteId } | ReactNode;
}

/** What an empty page shows: what is missing, and the one next step as the primary button. */
export function EmptyState({ title, body, action }: Props) {
  return (
    <section className="empty-state">
      <h2>{title}</h2>
      <p>{body}</p>
      {action && typeof action === 'object' && 'to' in action && 'label' in action ? (
        <a className="button button-primary" href={hrefOf(action.to)}>
          {action.label}
        </a>
      ) : (
        action
      )}
    </section>
  );
}
