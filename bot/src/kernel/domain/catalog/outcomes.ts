import type { LocalizedText } from './localized-text.js';

/** 第2章 1.–2.: the logic model. Japanese text is verbatim from the policy. */
export const OUTCOME_IDS = ['01', '02', '03', '04', '05', '06', '07', '08'] as const;
export type OutcomeId = (typeof OUTCOME_IDS)[number];

/** Who runs an activity: デジタル推進課, 人事課, or both (人事課協働). */
export type ActivityOwner = 'digital-promotion' | 'hr' | 'joint';

export interface OutcomeActivity {
  name: LocalizedText;
  description: string;
  owner: ActivityOwner;
}

export interface DirectOutcome {
  id: OutcomeId;
  title: LocalizedText;
  activities: OutcomeActivity[];
}

export const FINAL_OUTCOME: LocalizedText = {
  ja: '職員がDXに取り組み 「区民（利用者）が便利」に、「シゴトが生産的」になっている',
  en: 'Staff take on DX, so that residents (users) find things convenient and work is productive',
};

export const INTERMEDIATE_OUTCOMES: LocalizedText[] = [
  {
    ja: '職員がDXに関する能力をのばし、創造的な業務を行っている',
    en: 'Staff grow their DX abilities and do creative work',
  },
  {
    ja: '職場においてDX推進による業務改革に前向きな文化が醸成されている',
    en: 'Workplaces have a culture that welcomes DX-driven reform',
  },
  {
    ja: '区民（利用者）が利便性の高いデジタルサービスを（安全に）利用している',
    en: 'Residents (users) use convenient digital services (safely)',
  },
];

const activity = (ja: string, en: string, description: string, owner: ActivityOwner = 'digital-promotion'): OutcomeActivity => ({
  name: { ja, en },
  description,
  owner,
});

export const DIRECT_OUTCOMES: readonly DirectOutcome[] = [
  {
    id: '01',
    title: { ja: '業務が効率化されている', en: 'Work is more efficient' },
    activities: [
      activity(
        '業務効率化に資する研修実施',
        'Training that makes work more efficient',
        'BPRに関する研修や、RPA等のICTツール活用研修により、単純作業等を効率化するために必要な能力の向上を図ります。',
      ),
      activity(
        'DX相談による伴走（ツール活用支援）',
        'Hands-on support through DX consultation (tool use)',
        '研修を受講する等し、業務改善に必要な知識を習得した職員が自らの職場で自発的に業務改善に取り組めるよう、デジタル推進課が相談窓口となって、職員をサポートします。',
      ),
    ],
  },
  {
    id: '02',
    title: { ja: '職員の能力を活かす仕組みが整っている', en: 'Systems make use of staff abilities' },
    activities: [
      activity(
        '人材データの集約と活用',
        'Collecting and using staff skill data',
        '令和6年から稼働した人材マネジメントシステム等を活用し、DXに関する研修の受講状況やIPAが実施する国家試験（ITパスポート等）の合格状況等を職員毎に整理します。',
        'joint',
      ),
    ],
  },
  {
    id: '03',
    title: { ja: '職員がスキルアップに取り組むことができる', en: 'Staff can work on upskilling' },
    activities: [
      activity('DXスキル・研修受講マップの提示', 'A DX skills and training map', '職員として重要なスキル及びスキル習得に必要な研修受講マップを整理し、DXスキル習得を推進します。'),
      activity('レベルに応じた研修の整備', 'Training by level', 'DXに関して、初めて学習する職員から既に知識等を有している職員を対象にレベル別に研修を整備します。'),
      activity(
        'IT関連試験・講座助成の充実（人事課協働）',
        'More subsidies for IT exams and courses (with HR)',
        'IT関連試験・講座を受ける職員への助成率を引き上げることで、受験・受講を推進します。',
        'joint',
      ),
      activity('評価·表彰制度', 'Evaluation and awards', 'DXの推進に資する取組の優良事例をデジタル推進課が表彰し、職員のモチベーションアップを図ります。'),
    ],
  },
  {
    id: '04',
    title: {
      ja: '職員がDXに対して前向きなマインドを持ち、DXに着手しやすい環境が整っている。',
      en: 'Staff are positive about DX and the environment makes it easy to start.',
    },
    activities: [
      activity(
        'マインドセットに関する取組（人事課協働）',
        'Mindset programme (with HR)',
        '職層毎に必要なマインドを明確にし、DXマインドを有する人材の育成を図ります。',
        'joint',
      ),
      activity(
        'DX推進委員の配置・研修実施',
        'DX promoters and their training',
        'DX推進委員については、研修を充実化し、能力を高めることで、どの組織でもDXに取り組めるようにします。',
      ),
      activity('DX相談による伴走【再掲】', 'Hands-on support through DX consultation (again)', 'P.10のとおり。'),
    ],
  },
  {
    id: '05',
    title: { ja: '職員が新たな技術を取り入れ デジタル化が進んでいる', en: 'Staff adopt new technology and digitalisation advances' },
    activities: [
      activity('DXツール操作体験会の実施', 'Hands-on DX tool sessions', '主に庁内に導入されているDXツール（RPA、 kintone等）を職員が体験できる機会を設けます。'),
      activity('ITリテラシー研修', 'IT literacy training', '職員のITリテラシー向上を目的とした研修を実施します。'),
      activity(
        'インフォメーションによるDX関連情報配信',
        'DX news through “Information”',
        '最新のデジタル技術に関する動向や、庁内における DX推進に係る優良事例の紹介等を積極的に行い、職員がDXに関する情報を目にする機会を増やします。',
      ),
    ],
  },
  {
    id: '06',
    title: { ja: '職員が区民（利用者）ニーズをとらえたサービスを提供している', en: 'Staff provide services that meet residents’ (users’) needs' },
    activities: [
      activity('データ利活用研修', 'Data utilisation training', '区の様々なデータを活用し、区民（利用者）にとって必要なサービスの提供や事業を実施することができる職員を育成します。'),
      activity(
        'ロジックモデル・プログラム評価研修（人事課）',
        'Logic model and programme evaluation training (HR)',
        '施策の論理的な構造を作るロジックモデルや施策を評価するためのプログラム評価に関する研修を実施し、効果的な事業構築や、適正な事業評価ができる職員を育成します。',
        'hr',
      ),
    ],
  },
  {
    id: '07',
    title: { ja: '区民（利用者）にサービスが周知され・利用されている', en: 'Residents (users) know and use the services' },
    activities: [
      activity('サービスデザイン研修', 'Service design training', '利用者（区民の方々）視点を中心として事業を検討し、区民の方々が便利で使いやすいサービスを提供できる職員を育成します。'),
      activity(
        '伝わるデザイン研修（人事課）',
        'Communicative design training (HR)',
        'デザインの基本やレイアウトのテクニックなどを学び、相手に伝わる効果的なチラシ等を作成できる職員を育成します。',
        'hr',
      ),
    ],
  },
  {
    id: '08',
    title: {
      ja: '区民（利用者）が利用しやすく安全なサービスの仕組みが構築されている',
      en: 'Services are easy and safe for residents (users) to use',
    },
    activities: [
      activity('サービスデザイン研修【再掲】', 'Service design training (again)', '左記のとおり。'),
      activity(
        'プロジェクトマネジメント研修',
        'Project management training',
        '事業の進捗管理、リスクマネジメント及び関係者との円滑なコミュニケーション等により事業を成功に導ける職員を育成します。',
      ),
      activity(
        'セキュリティ研修',
        'Security training',
        '区民の方々がサービスを安全に利用できるよう、取り扱う情報やシステムに応じた適切なセキュリティ対策を施せる職員を育成します。',
      ),
    ],
  },
];
