import { useSyncExternalStore } from 'react';

export const pages = ['dashboard', 'startups', 'mentors', 'sessions', 'reports', 'evaluations', 'exits', 'supports', 'sync', 'settings'] as const;
export type Page = (typeof pages)[number];

/** The page lives in the URL hash, so a reload (and the browser's back button) keeps the manager's place. */
function parse(hash: string): { page: Page; rest: string[] } {
  const [page, ...rest] = hash.replace(/^#\/?/, '').split('/');
  return { page: (pages as readonly string[]).includes(page ?? '') ? (page as Page) : 'dashboard', rest };
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute() {
  return parse(useSyncExternalStore(subscribe, () => window.location.hash));
}

export const navigate = (page: Page, ...rest: string[]) => {
  window.location.hash = `#/${[page, ...rest].join('/')}`;
};
