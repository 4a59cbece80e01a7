import { useSyncExternalStore } from 'react';

/** The system setting "reduce motion" (Windows: 动画效果 off), which antd's own animations do not follow. */
const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const reduced = () => window.matchMedia(QUERY).matches;

/** True while the person's system asks for less motion: dialogs and popups then appear without animating. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, reduced);
}
