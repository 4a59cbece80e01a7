import type { Carrier } from '@core/records';
import { OfficialFiles } from './OfficialFiles';
import { SelfAssessmentView } from './SelfAssessmentView';

const isDay = (s: string | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * #/dashboard/official: the files on their own page (the dashboard embeds the same list);
 * #/dashboard/official/self-assessment/<from>/<to>: the self-assessment print view, reloadable.
 */
export function OfficialPage({ rest, carrier }: { rest: string[]; carrier: Carrier }) {
  const [view, from, to] = rest;
  if (view === 'self-assessment' && isDay(from) && isDay(to)) return <SelfAssessmentView carrier={carrier} range={{ from, to }} />;
  return <OfficialFiles carrier={carrier} />;
}
