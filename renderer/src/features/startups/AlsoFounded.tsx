import { Space } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Founder } from '@core/records';
import { db } from '../../store/db';
import { alsoFounded } from '../../store/identity';

/** Links to the other startups this founder founded, shown on each of their files. */
export function AlsoFounded({ founder }: { founder: Founder }) {
  const others = useLiveQuery(() => alsoFounded(db, founder), [founder.id, founder.idNumber, founder.name, founder.startupId]);
  if (!others?.length) return <>—</>;
  return (
    <Space size="small" wrap>
      {others.map((s) => (
        <a key={s.id} href={`#/startups/${s.id}`}>
          {s.name}
        </a>
      ))}
    </Space>
  );
}
