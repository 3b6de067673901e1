import { Button, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { Section } from '../Section/Section';
import { translate, type Locale, type MessageKey } from '../../i18n/messages';

type Exam = { id: string; name: { ja: string; en: string } };
type Pass = { examId: string; passedOn: string };

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  list: { paddingLeft: tokens.spacingHorizontalL },
});

/** 人材データ evidence: the IPA exams the employee has passed, with the date on the certificate. */
export function ExamPasses(props: {
  locale: Locale;
  load: () => Promise<{ exams: Exam[]; passes: Pass[] }>;
  record: (examId: string, passedOn: string) => Promise<{ passes: Pass[] }>;
  remove: (examId: string) => Promise<{ passes: Pass[] }>;
  onError: (message: string) => void;
}) {
  const styles = useStyles();
  const { locale, load, onError } = props;
  const t = (key: MessageKey) => translate(locale, key);
  const [exams, setExams] = useState<Exam[]>([]);
  const [passes, setPasses] = useState<Pass[]>([]);
  const [examId, setExamId] = useState('ip');
  const [passedOn, setPassedOn] = useState('');
  const refresh = useCallback(
    () =>
      load().then(
        (body) => {
          setExams(body.exams);
          setPasses(body.passes);
        },
        (error: unknown) => onError(String(error)),
      ),
    [load, onError],
  );
  useEffect(() => void refresh(), [refresh]);
  const run = async (action: () => Promise<{ passes: Pass[] }>) => {
    try {
      setPasses((await action()).passes);
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    }
  };
  const nameOf = (id: string) => exams.find((exam) => exam.id === id)?.name[locale] ?? id;
  return (
    <Section id="exams" title={t('examsHeading')}>
        {passes.length === 0 ? (
          <Text>{t('noExams')}</Text>
        ) : (
          <ul className={styles.list} data-testid="exam-passes">
            {passes.map((pass) => (
              <li key={pass.examId}>
                <Text>
                  {nameOf(pass.examId)} ({pass.passedOn}){' '}
                </Text>
                <Button size="small" appearance="subtle" onClick={() => run(() => props.remove(pass.examId))}>
                  {t('remove')}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            void run(() => props.record(examId, passedOn));
          }}
        >
          <label>
            <Text size={200}>{t('exam')}</Text>
            <Select value={examId} onChange={(_event, data) => setExamId(data.value)} data-testid="exam-select">
              {exams.map((exam) => (
                <option key={exam.id} value={exam.id}>
                  {exam.name[locale]}
                </option>
              ))}
            </Select>
          </label>
          <label>
            <Text size={200}>{t('passedOn')}</Text>
            <Input type="date" value={passedOn} onChange={(_event, data) => setPassedOn(data.value)} data-testid="exam-date" required />
          </label>
          <Button type="submit" appearance="primary" data-testid="exam-record">
            {t('record')}
          </Button>
        </form>
    </Section>
  );
}
