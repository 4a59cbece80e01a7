import { useSyncExternalStore } from 'react';

/** The console's pages are paths under /console/, so a carrier's page can be bookmarked and shared. */
export type Route = { page: 'carriers' } | { page: 'carrier'; code: string } | { page: 'figures' } | { page: 'findings' } | { page: 'templates' } | { page: 'queue' } | { page: 'audit' };

export function parseRoute(pathname: string): Route {
  const rest = pathname.replace(/^\/console\/?/, '');
  const carrier = /^carriers\/([^/]+)$/.exec(rest);
  if (carrier?.[1]) return { page: 'carrier', code: decodeURIComponent(carrier[1]) };
  if (rest === 'audit') return { page: 'audit' };
  if (rest === 'queue') return { page: 'queue' };
  if (rest === 'figures') return { page: 'figures' };
  if (rest === 'findings') return { page: 'findings' };
  if (rest === 'templates') return { page: 'templates' };
  return { page: 'carriers' };
}

export function routePath(route: Route): string {
  if (route.page === 'carrier') return `/console/carriers/${encodeURIComponent(route.code)}`;
  return route.page === 'carriers' ? '/console/' : `/console/${route.page}`;
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
};

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function navigate(route: Route): void {
  window.history.pushState(null, '', routePath(route));
  window.dispatchEvent(new PopStateEvent('popstate'));
}
