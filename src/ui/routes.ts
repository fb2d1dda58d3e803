import { useSyncExternalStore } from 'react';

/** The areas of the app, in the order a claim is prepared; the nav and Alt+1..9, Alt+0 follow this order. */
export const ROUTES = ['claimant', 'incident', 'records', 'baseline', 'estimate', 'evidence', 'export', 'tracker', 'batch', 'settings'] as const;
export type RouteId = (typeof ROUTES)[number];
export type Route = RouteId | 'not-found';

export const HOME: RouteId = 'claimant';

export function parseHash(hash: string): Route {
  const segment = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  if (segment === '') return HOME;
  return (ROUTES as readonly string[]).includes(segment) ? (segment as RouteId) : 'not-found';
}

export function hrefOf(route: RouteId): string {
  return `#/${route}`;
}

export function navigate(route: RouteId): void {
  navigations += 1;
  window.location.hash = `/${route}`;
}

/**
 * How many times the user moved between pages; the first page does not take focus (the skip link
 * should be the first thing Tab reaches), later pages move focus to their heading.
 */
let navigations = 0;
export function hasNavigated(): boolean {
  return navigations > 0;
}

function subscribe(onChange: () => void): () => void {
  const handler = () => {
    navigations += 1;
    onChange();
  };
  window.addEventListener('hashchange', handler);
  return () => window.removeEventListener('hashchange', handler);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => parseHash(window.location.hash), () => HOME);
}
