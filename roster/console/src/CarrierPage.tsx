import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Spin, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView, CarrierRow, Resident } from '../../http/consoleApi';
import { api, errorText } from './api';
import { statusColors } from './CarriersPage';
import { ResidentsTable } from './ResidentsTable';
import { navigate } from './route';
import { StatusDialog } from './StatusDialog';
import { type HandOver, HandOverDialog } from './HandOverDialog';
import { useRegions } from './useRegions';

type Detail = { carrier: CarrierRow; residents: Resident[] };

/** One carrier inside the account's scope; one outside it is "not found", as the service answers. */
export function CarrierPage({ code, account }: { code: string; account: AccountView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const regions = useRegions();
  const [detail, setDetail] = useState<Detail>();
  const [error, setError] = useState<string>();
  const [issued, setIssued] = useState<HandOver | null>(null);
  const [settingStatus, setSettingStatus] = useState(false);
  const officer = account.role === 'officer';

  const load = useCallback(() => {
    api<Detail>('GET', `/carriers/${encodeURIComponent(code)}`).then(setDetail, (err: unknown) => setError(errorText(t, err)));
  }, [code, t]);
  useEffect(load, [load]);

  const back = (
    <Button onClick={() => navigate({ page: 'carriers' })} style={{ marginBottom: 16 }}>
      {t('carrier.back')}
    </Button>
  );
  if (error) {
    return (
      <>
        {back}
        <Alert type="error" role="alert" showIcon title={t('carrier.loadFailed', { code })} description={error} />
      </>
    );
  }
  if (!detail) return <Spin />;
  const { carrier } = detail;
  const failed = (err: unknown) => void message.error(errorText(t, err));
  const rotate = () =>
    api<{ code: string; token: string }>('POST', `/carriers/${encodeURIComponent(code)}/token`).then(({ token }) => setIssued({ kind: 'token', code, secret: token }), failed);
  const makeJoinCode = () =>
    api<{ code: string; expiresAt: string }>('POST', `/carriers/${encodeURIComponent(code)}/join-code`).then(
      (made) => setIssued({ kind: 'joinCode', code, secret: made.code, expiresAt: made.expiresAt }),
      failed,
    );
  return (
    <>
      {back}
      <Card
        title={carrier.name}
        extra={
          officer && (
            <Space>
              <Popconfirm title={t('carrier.rotateConfirm')} okText={t('carrier.rotate')} cancelText={t('common.cancel')} onConfirm={rotate}>
                <Button>{t('carrier.rotate')}</Button>
              </Popconfirm>
              <Button onClick={() => void makeJoinCode()}>{t('carrier.joinCode')}</Button>
              <Button type="primary" onClick={() => setSettingStatus(true)}>
                {t('carrier.setStatus')}
              </Button>
            </Space>
          )
        }
        style={{ marginBottom: 16 }}
      >
        <Descriptions
          column={3}
          items={[
            { key: 'code', label: t('carriers.code'), children: carrier.code },
            { key: 'region', label: t('carriers.place'), children: carrier.regionCode ? regions.label(carrier.regionCode) : t('carriers.unplaced') },
            { key: 'status', label: t('carriers.status'), children: <Tag color={statusColors[carrier.status]}>{t(`carrierWords.rosterStatus.${carrier.status}`)}</Tag> },
            { key: 'line', label: t('carriers.line'), children: carrier.line ? t(`carrierWords.lines.${carrier.line}`) : '' },
            { key: 'level', label: t('carriers.level'), children: carrier.level ? t(`carrierWords.levels.${carrier.level}`) : '' },
          ]}
        />
      </Card>
      <Card title={t('carrier.residents')} role="region" aria-label={t('carrier.residents')}>
        <ResidentsTable code={code} residents={detail.residents} officer={officer} onChanged={load} />
      </Card>
      <StatusDialog
        code={code}
        current={carrier.status}
        open={settingStatus}
        onClose={() => setSettingStatus(false)}
        onDone={() => {
          setSettingStatus(false);
          void message.success(t('status.done'));
          load();
        }}
      />
      <HandOverDialog handOver={issued} onClose={() => setIssued(null)} />
    </>
  );
}
