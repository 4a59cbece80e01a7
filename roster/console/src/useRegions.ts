import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from './i18n';
import { findRegions, loadedRegionNames, loadRegionNames, onRegionNamesLoaded, regionFullName, regionName } from './regions';

/** Region names in the reader's language, bound for a page; what a page shows before the names arrive is the code. */
export interface RegionWords {
  /** 西湖区 */
  name(code: string): string;
  /** 浙江省杭州市西湖区 */
  fullName(code: string): string;
  /** A name with its code beside it, 西湖区（330106）; a code the data does not know, alone. */
  withCode(name: string, code: string): string;
  /** The full name with its code: what a table shows of a carrier's region. */
  label(code: string): string;
  find(query: string, scope: string, limit: number): string[];
}

export function useRegions(): RegionWords {
  const { t, i18n } = useTranslation();
  const loaded = useSyncExternalStore(onRegionNamesLoaded, loadedRegionNames);
  useEffect(() => {
    loadRegionNames().catch(() => undefined);
  }, []);
  const lang = i18n.language as Language;
  return useMemo(() => {
    const withCode = (name: string, code: string) => (name === code ? code : t('regions.withCode', { name, code }));
    return {
      name: (code) => regionName(code, lang),
      fullName: (code) => regionFullName(code, lang),
      withCode,
      label: (code) => withCode(regionFullName(code, lang), code),
      find: (query, scope, limit) => findRegions(query, scope, lang, limit),
    };
    // `loaded` changes once, when the names arrive: new functions then, so the page renders with them.
  }, [lang, t, loaded]);
}
