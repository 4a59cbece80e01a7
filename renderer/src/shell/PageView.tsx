import type { Carrier } from '@core/records';
import { EvaluationsPage } from '../features/evaluations/EvaluationsPage';
import { MentorsPage } from '../features/mentors/MentorsPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { SessionsPage } from '../features/sessions/SessionsPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { ExitsPage } from '../features/exits/ExitsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SupportsPage } from '../features/supports/SupportsPage';
import { StartupsPage } from '../features/startups/StartupsPage';
import { SyncPage } from '../features/sync/SyncPage';
import type { Page } from './route';

/** Which screen each page shows; a feature takes over its page here. */
export function PageView({ page, rest, carrier }: { page: Page; rest: string[]; carrier: Carrier }) {
  switch (page) {
    case 'startups':
      return <StartupsPage rest={rest} carrier={carrier} />;
    case 'mentors': return <MentorsPage carrier={carrier} />;
    case 'sessions': return <SessionsPage carrier={carrier} />;
    case 'reports': return <ReportsPage />;
    case 'evaluations': return <EvaluationsPage rest={rest} carrier={carrier} />;
    case 'dashboard':
      return <DashboardPage rest={rest} carrier={carrier} />;
    case 'exits':
      return <ExitsPage rest={rest} carrier={carrier} />;
    case 'supports':
      return <SupportsPage rest={rest} carrier={carrier} />;
    case 'sync': return <SyncPage carrier={carrier} />;
    case 'settings':
      return <SettingsPage carrier={carrier} />;
  }
}
