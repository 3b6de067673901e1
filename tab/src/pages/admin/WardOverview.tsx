import { Button, Card, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { createApiClient } from '../../api/client';
import { Distribution } from '../../components/Distribution/Distribution';
import { TargetEditor, TargetShares } from '../../components/TargetShares/TargetShares';
import { attempt, saveFile, useLoad } from '../../hooks/use-load';
import { translate, type Locale, type MessageKey } from '../../i18n/messages';

type Api = ReturnType<typeof createApiClient>;

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
  departments: { display: 'grid', gap: tokens.spacingVerticalM, gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))' },
});

/** Ward-wide and per-department skill distributions, and the 人材データ CSV for 人事課. */
export function WardOverview(props: { locale: Locale; api: Api; onError: (message: string) => void }) {
  const styles = useStyles();
  const { locale, api, onError } = props;
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
  const { data, reload } = useLoad(api.admin.distribution, onError);
  const { data: targets, reload: reloadTargets } = useLoad(api.admin.targets, onError);
  const afterTargetChange = async (action: () => Promise<unknown>) => {
    if (await attempt(action, onError)) await Promise.all([reloadTargets(), reload()]);
  };
  // Next 年度 by default (January–March still count to the year before).
  const now = new Date();
  const defaultYear = (now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear()) + 1;
  const download = () =>
    attempt(async () => saveFile(await api.admin.exportTalentData()), onError);
  return (
    <section aria-labelledby="ward-heading">
      <div className={styles.head}>
        <Subtitle2 as="h2" id="ward-heading">
          {t('wardHeading')} {data && `(${t('people', { n: data.ward.people })})`}
        </Subtitle2>
        <Button appearance="primary" onClick={download} data-testid="export-csv">
          {t('exportCsv')}
        </Button>
      </div>
      {data && (
        <>
          <Card>
            <Distribution locale={locale} distribution={data.ward} testId="ward-distribution" />
            <TargetShares locale={locale} shares={data.targets} testId="ward-target-shares" />
          </Card>
          <Card>
            <Text weight="semibold">{t('targetsHeading')}</Text>
            <TargetEditor
              locale={locale}
              targets={targets ?? []}
              defaultYear={defaultYear}
              onSave={(input) => afterTargetChange(() => api.admin.saveTarget(input))}
              onRemove={(jobLevel, skillId) => afterTargetChange(() => api.admin.removeTarget(jobLevel, skillId))}
            />
          </Card>
          <div className={styles.departments}>
            {data.departments.map(({ department, distribution, targets: shares }) => (
              <Card key={department.id}>
                <Text weight="semibold">
                  {department.name} ({t('people', { n: distribution.people })})
                </Text>
                <Distribution locale={locale} distribution={distribution} testId={`department-distribution-${department.id}`} />
                <TargetShares locale={locale} shares={shares} testId={`department-target-shares-${department.id}`} />
              </Card>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
