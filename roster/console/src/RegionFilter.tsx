import { AutoComplete } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegions } from './useRegions';

const shownAtMost = 50;
const isCode = (text: string) => /^\d{0,6}$/.test(text);

/**
 * A region filter inside the account's scope, for a Form.Item: type a name (西湖) and pick one of the regions
 * that hold it, or type a code, which filters as typed (also a code the names do not know). The value is the
 * region code; a name being typed changes nothing until a region is picked.
 */
export function RegionFilter({ scope, value, onChange, 'aria-label': label }: { scope: string; value?: string; onChange?: (code: string | undefined) => void; 'aria-label': string }) {
  const { t } = useTranslation();
  const regions = useRegions();
  // What the person typed, until they pick a region; then the input shows the picked region's name and code.
  const [typed, setTyped] = useState<string | null>(null);
  const options = regions.find(typed ?? '', scope, shownAtMost).map((code) => ({ value: code, label: regions.label(code) }));
  return (
    <AutoComplete
      aria-label={label}
      value={typed ?? (value ? regions.label(value) : '')}
      options={options}
      onSearch={(text) => {
        setTyped(text);
        if (isCode(text)) onChange?.(text || undefined);
      }}
      onSelect={(code: string) => {
        setTyped(null);
        onChange?.(code);
      }}
      onClear={() => {
        setTyped(null);
        onChange?.(undefined);
      }}
      placeholder={t('regions.placeholder')}
      notFoundContent={t('regions.noMatch')}
      allowClear
      popupMatchSelectWidth={320}
      style={{ width: 240 }}
    />
  );
}
