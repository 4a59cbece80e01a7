import type { Carrier } from '@core/records';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ComingPage } from './ComingPage';
import type { Page } from './route';

/** Which screen each page shows; a feature takes over its page here. */
export function PageView({ page, carrier }: { page: Page; carrier: Carrier }) {
  switch (page) {
    case 'settings':
      return <SettingsPage carrier={carrier} />;
    default:
      return <ComingPage page={page} />;
  }
}
