import { Text } from '@fluentui/react-components';
import { Section } from '../Section/Section';
import { translate, type Locale } from '../../i18n/messages';

/** The IT exam subsidy (助成) as デジタル推進課 wrote it: plain text, line breaks kept, never HTML. */
export function ExamSubsidy(props: { locale: Locale; body: { ja: string; en: string } | undefined }) {
  const text = props.body ? (props.locale === 'en' && props.body.en ? props.body.en : props.body.ja) : '';
  return (
    <Section id="subsidy" title={translate(props.locale, 'subsidyHeading')}>
        <Text data-testid="exam-subsidy" style={{ whiteSpace: 'pre-wrap' }}>
          {text || translate(props.locale, 'noSubsidyText')}
        </Text>
    </Section>
  );
}
