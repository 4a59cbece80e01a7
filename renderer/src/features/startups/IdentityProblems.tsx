import { Alert, Space } from 'antd';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { IdentityProblem } from '@core/identity';

/** What a problem says, and which startup's file it points to. */
function problemText(p: IdentityProblem, t: TFunction): { text: string; holder: { id: string; name: string } } {
  if (p.kind === 'idNumberTaken') return { text: t('import.idNumberTaken', { startup: p.holder.startup.name, name: p.holder.founder.name }), holder: p.holder.startup };
  return { text: t(`startups.identity.${p.kind}`, { name: p.holder.name }), holder: p.holder };
}

/** Marks each problem on its field: the credit code, the team's name, or the founder's ID number. */
export function markIdentityProblems(form: FormInstance, problems: IdentityProblem[], t: TFunction) {
  form.setFields(
    problems.map((p) => ({
      name: p.kind === 'idNumberTaken' ? ['founders', p.index, 'idNumber'] : p.kind === 'teamExists' ? 'name' : 'creditCode',
      errors: [problemText(p, t).text],
    })),
  );
}

/** The problems a save was refused for, each with a link to the file of the startup already holding the code, team or number. */
export function IdentityProblems({ problems }: { problems: IdentityProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
      {problems.map((p, i) => {
        const { text, holder } = problemText(p, t);
        return (
          <Alert
            key={i}
            type="error"
            showIcon
            title={text}
            description={<a href={`#/startups/${holder.id}`}>{t('startups.identity.openFile', { name: holder.name })}</a>}
          />
        );
      })}
    </Space>
  );
}
