import type { Carrier } from '@core/records';
import { PossibleDuplicates } from './PossibleDuplicates';
import { StartupFileView } from './StartupFileView';
import { StartupForm } from './StartupForm';
import { StartupList } from './StartupList';

/** #/startups, #/startups/new, #/startups/<id>, #/startups/<id>/edit */
export function StartupsPage({ rest, carrier }: { rest: string[]; carrier: Carrier }) {
  const [id, action] = rest;
  if (id === 'new') return <StartupForm carrier={carrier} />;
  if (id && action === 'edit') return <StartupForm id={id} carrier={carrier} />;
  if (id) return <StartupFileView id={id} />;
  return (
    <>
      <PossibleDuplicates />
      <StartupList />
    </>
  );
}
