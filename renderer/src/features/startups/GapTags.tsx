import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StartupIndexRow } from '../../store/startupIndex';

/** What a listed startup still lacks (red) and which of its values the desk proposed (gold). */
export function GapTags({ row }: { row: StartupIndexRow }) {
  const { t } = useTranslation();
  return (
    <Space size={2} wrap>
      {(row.gaps ?? []).map((gap) => {
        const field = t(`startups.gaps.names.${gap}`);
        const missing = gap !== 'agreementEndsOn' && row[gap] === '';
        return (
          <Tag key={gap} color={missing ? 'red' : 'gold'}>
            {t(missing ? 'startups.gaps.missing' : 'startups.gaps.proposedTag', { field })}
          </Tag>
        );
      })}
    </Space>
  );
}
