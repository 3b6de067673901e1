import { makeStyles, tokens } from '@fluentui/react-components';
import type { Catalog } from '../../api/catalog';
import type { PageProps } from '../pages';
import { AdminCatalog } from './AdminCatalog';
import { AdminConsultations } from './AdminConsultations';
import { AdminDeskMetrics } from './AdminDeskMetrics';
import { AdminEvaluation } from './AdminEvaluation';
import { AdminFaq } from './AdminFaq';
import { AdminNews } from './AdminNews';
import { AdminPromoters } from './AdminPromoters';
import { AdminRoster } from './AdminRoster';
import { AdminSessions } from './AdminSessions';
import { AdminSurveys } from './AdminSurveys';
import { WardOverview } from './WardOverview';
import { WardTrend } from './WardTrend';

const useStyles = makeStyles({ stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL } });

/** 管理 (デジタル推進課): ward-wide figures and export, sessions and attendance, the survey, news and deliveries, catalog and texts. */
// Default export: the app shell loads this page lazily, so the 5,000 staff who are not admins never download it.
export default function AdminPage(props: PageProps & { catalog: Catalog; onCatalogChanged: () => Promise<void> }) {
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <WardOverview locale={props.locale} api={props.api} onError={props.onError} />
      <WardTrend locale={props.locale} api={props.api} onError={props.onError} />
      <AdminEvaluation locale={props.locale} api={props.api} onError={props.onError} onNotice={props.onNotice} />
      <AdminConsultations locale={props.locale} api={props.api} onError={props.onError} onNotice={props.onNotice} />
      <AdminDeskMetrics locale={props.locale} api={props.api} onError={props.onError} />
      <AdminFaq locale={props.locale} api={props.api} onError={props.onError} onNotice={props.onNotice} />
      <AdminSessions locale={props.locale} api={props.api} catalog={props.catalog} onError={props.onError} onNotice={props.onNotice} />
      <AdminSurveys locale={props.locale} api={props.api} onError={props.onError} onNotice={props.onNotice} />
      <AdminNews locale={props.locale} api={props.api} onError={props.onError} onNotice={props.onNotice} />
      <AdminCatalog locale={props.locale} api={props.api} catalog={props.catalog} onSaved={props.onCatalogChanged} onError={props.onError} onNotice={props.onNotice} />
      <AdminRoster locale={props.locale} api={props.api} onError={props.onError} onNotice={props.onNotice} />
      <AdminPromoters locale={props.locale} api={props.api} onError={props.onError} onNotice={props.onNotice} />
    </div>
  );
}
