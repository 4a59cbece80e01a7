import { DownloadOutlined, PlayCircleOutlined, PrinterOutlined, LockOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Progress, Row, Select, Space, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '@core/records';
import { familyOf } from '@core/scoring';
import type { ExportFormat } from '../../files/exportTable';
import { navigate } from '../../shell/route';
import { db } from '../../store/db';
import { finalizeRound, runRound, type RoundProgress } from '../../store/evaluations';
import { allTemplates, choosableVersions } from '../../store/templates';
import { PeriodSelect } from '../reports/PeriodSelect';
import { exportRound } from './exportRound';
import { gradeColor, statusColor } from './format';
import { GradeChart } from './GradeChart';
import { loadRound, type RoundRow } from './roundData';

/** A period's round: draft it, follow its grades and ranking, finalize, export and print it. */
export function RoundView({ period, onPeriod, line }: { period: string; onPeriod: (p: string) => void; line: Carrier['line'] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const templates = useLiveQuery(async () => choosableVersions(await allTemplates(db)));
  const round = useLiveQuery(() => loadRound(db, period), [period]);
  const [templateId, setTemplateId] = useState<string>();
  const [progress, setProgress] = useState<RoundProgress>();
  // Until the manager picks one, the template of the carrier's line.
  const lineFamily = line === 'science' ? 'science' : 'resident';
  const chosen = templates?.find((x) => x.id === templateId) ?? templates?.find((x) => familyOf(x.id) === lineFamily) ?? templates?.[0];

  const run = async () => {
    if (!chosen) return;
    setProgress({ done: 0, total: 1 });
    try {
      message.success(t('evaluations.ran', { ...(await runRound(db, period, chosen, setProgress)) }));
    } finally {
      setProgress(undefined);
    }
  };
  const finalizeAll = async () => message.success(t('evaluations.finalizedRound', { ...(await finalizeRound(db, period)) }));
  const exportAs = async (format: ExportFormat) => {
    if (!round) return;
    const outcome = await exportRound(period, round, format);
    if (outcome.saved) message.success(t('evaluations.exported', { where: outcome.where }));
  };

  const columns = [
    { title: t('evaluations.rank'), dataIndex: 'rank', width: 70 },
    { title: t('evaluations.startup'), key: 'startup', render: (_: unknown, r: RoundRow) => <a href={`#/evaluations/e/${r.evaluation.id}`}>{r.startup?.name ?? r.evaluation.startupId}</a> },
    { title: t('evaluations.total'), key: 'total', width: 90, render: (_: unknown, r: RoundRow) => r.evaluation.total },
    { title: t('evaluations.grade'), key: 'grade', width: 90, render: (_: unknown, r: RoundRow) => <Tag color={gradeColor[r.evaluation.grade]}>{t(`evaluations.grades.${r.evaluation.grade}`)}</Tag> },
    { title: t('evaluations.status'), key: 'status', width: 100, render: (_: unknown, r: RoundRow) => <Tag color={statusColor[r.evaluation.status]}>{t(`evaluations.statuses.${r.evaluation.status}`)}</Tag> },
    { title: t('evaluations.pendingItems'), dataIndex: 'pending', width: 100, render: (n: number) => n || '' },
  ];

  const rows = round?.rows ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <PeriodSelect value={period} onChange={onPeriod} />
        <Select
          aria-label={t('evaluations.template')}
          style={{ width: 340 }}
          value={chosen?.id}
          onChange={setTemplateId}
          options={(templates ?? []).map((x) => ({ value: x.id, label: t('evaluations.templateVersion', { name: x.name, version: x.version }) }))}
        />
        <Button type="primary" icon={<PlayCircleOutlined />} disabled={!chosen} loading={!!progress} onClick={() => void run()}>
          {t('evaluations.run')}
        </Button>
        <Button icon={<LockOutlined />} disabled={!rows.some((r) => r.evaluation.status === 'draft')} onClick={() => void finalizeAll()}>
          {t('evaluations.finalizeRound')}
        </Button>
      </Space>
      {progress && <Progress percent={Math.round((progress.done / progress.total) * 100)} format={() => t('evaluations.running', { ...progress })} />}
      <Space wrap>
        <Button icon={<DownloadOutlined />} disabled={!rows.length} onClick={() => void exportAs('xlsx')}>
          {t('evaluations.exportXlsx')}
        </Button>
        <Button icon={<DownloadOutlined />} disabled={!rows.length} onClick={() => void exportAs('csv')}>
          {t('evaluations.exportCsv')}
        </Button>
        <Button icon={<PrinterOutlined />} disabled={!rows.length} onClick={() => navigate('evaluations', 'print', period)}>
          {t('evaluations.printRound')}
        </Button>
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card size="small">
            <GradeChart evaluations={rows.map((r) => r.evaluation)} />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('evaluations.ranked')}>
            <Table<RoundRow> size="small" rowKey={(r) => r.evaluation.id} loading={!round} columns={columns} dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: t('evaluations.roundEmpty') }} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
