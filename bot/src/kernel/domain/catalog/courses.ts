import type { LocalizedText } from './localized-text.js';
import type { MindsetId } from './mindsets.js';
import type { OutcomeId } from './outcomes.js';
import type { SkillId, SkillLevel } from './skills.js';

/**
 * Every training the policy names (第2章 2.), with the skills, levels and logic-model outcomes it serves.
 * The policy names the trainings and their outcomes; which skill levels each one teaches is our editorial
 * reading of it, to be confirmed (and later edited in the tab) by デジタル推進課.
 */
export type CourseProvider = 'digital-promotion' | 'hr' | 'joint';

export interface Course {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  provider: CourseProvider;
  teaches: { skillId: SkillId; level: SkillLevel }[];
  mindsets: MindsetId[];
  outcomes: OutcomeId[];
  /** Who the course is for when not everyone, e.g. DX推進委員. */
  audience?: LocalizedText;
}

export const COURSE_PROVIDER_LABELS: Record<CourseProvider, LocalizedText> = {
  'digital-promotion': { ja: 'デジタル推進課', en: 'Digital Promotion Division' },
  hr: { ja: '人事課', en: 'Personnel Division' },
  joint: { ja: 'デジタル推進課・人事課', en: 'Digital Promotion and Personnel Divisions' },
};

export const POLICY_COURSES: readonly Course[] = [
  {
    id: 'bpr-rpa',
    title: { ja: '業務効率化に資する研修（BPR・RPA等ICTツール活用研修）', en: 'Work efficiency training (BPR, RPA and other ICT tools)' },
    description: {
      ja: 'BPRに関する研修や、RPA等のICTツール活用研修により、単純作業等を効率化するために必要な能力の向上を図ります。',
      en: 'Builds the skills to make routine work efficient, through BPR training and training in ICT tools such as RPA.',
    },
    provider: 'digital-promotion',
    teaches: [
      { skillId: 'business-reform', level: 1 },
      { skillId: 'business-reform', level: 2 },
      { skillId: 'digital-utilization', level: 2 },
    ],
    mindsets: [],
    outcomes: ['01'],
  },
  {
    id: 'dx-tool-experience',
    title: { ja: 'DXツール操作体験会', en: 'Hands-on DX tool session' },
    description: {
      ja: '主に庁内に導入されているDXツール（RPA、kintone等）を職員が体験できる機会を設けます。',
      en: 'A chance to try the DX tools the ward office uses (RPA, kintone, etc.).',
    },
    provider: 'digital-promotion',
    teaches: [{ skillId: 'digital-utilization', level: 1 }],
    mindsets: ['digital-literacy'],
    outcomes: ['05'],
  },
  {
    id: 'it-literacy',
    title: { ja: 'ITリテラシー研修', en: 'IT literacy training' },
    description: { ja: '職員のITリテラシー向上を目的とした研修を実施します。', en: 'Training to raise staff IT literacy.' },
    provider: 'digital-promotion',
    teaches: [{ skillId: 'digital-utilization', level: 1 }],
    mindsets: ['digital-literacy'],
    outcomes: ['05'],
  },
  {
    id: 'security',
    title: { ja: 'セキュリティ研修', en: 'Security training' },
    description: {
      ja: '区民の方々がサービスを安全に利用できるよう、取り扱う情報やシステムに応じた適切なセキュリティ対策を施せる職員を育成します。',
      en: 'Trains staff to apply security measures that fit the information and systems they handle, so residents can use services safely.',
    },
    provider: 'digital-promotion',
    teaches: [
      { skillId: 'security', level: 1 },
      { skillId: 'security', level: 2 },
    ],
    mindsets: [],
    outcomes: ['08'],
  },
  {
    id: 'data-utilization',
    title: { ja: 'データ利活用研修', en: 'Data utilisation training' },
    description: {
      ja: '区の様々なデータを活用し、区民（利用者）にとって必要なサービスの提供や事業を実施することができる職員を育成します。',
      en: 'Trains staff to use the ward’s data to provide the services and programmes residents (users) need.',
    },
    provider: 'digital-promotion',
    teaches: [
      { skillId: 'data-utilization', level: 1 },
      { skillId: 'data-utilization', level: 2 },
    ],
    mindsets: [],
    outcomes: ['06'],
  },
  {
    id: 'logic-model',
    title: { ja: 'ロジックモデル・プログラム評価研修', en: 'Logic model and programme evaluation training' },
    description: {
      ja: '施策の論理的な構造を作るロジックモデルや施策を評価するためのプログラム評価に関する研修を実施し、効果的な事業構築や、適正な事業評価ができる職員を育成します。',
      en: 'Training in logic models and programme evaluation, so staff can design effective programmes and evaluate them properly.',
    },
    provider: 'hr',
    teaches: [{ skillId: 'data-utilization', level: 2 }],
    mindsets: [],
    outcomes: ['06'],
  },
  {
    id: 'service-design',
    title: { ja: 'サービスデザイン研修', en: 'Service design training' },
    description: {
      ja: '利用者（区民の方々）視点を中心として事業を検討し、区民の方々が便利で使いやすいサービスを提供できる職員を育成します。',
      en: 'Trains staff to design services around users (residents), so residents get convenient, easy-to-use services.',
    },
    provider: 'digital-promotion',
    teaches: [{ skillId: 'business-reform', level: 2 }],
    mindsets: ['citizen-perspective'],
    outcomes: ['07', '08'],
  },
  {
    id: 'communicative-design',
    title: { ja: '伝わるデザイン研修', en: 'Communicative design training' },
    description: {
      ja: 'デザインの基本やレイアウトのテクニックなどを学び、相手に伝わる効果的なチラシ等を作成できる職員を育成します。',
      en: 'Design basics and layout techniques, so staff can make flyers and the like that get the message across.',
    },
    provider: 'hr',
    teaches: [],
    mindsets: ['citizen-perspective'],
    outcomes: ['07'],
  },
  {
    id: 'project-management',
    title: { ja: 'プロジェクトマネジメント研修', en: 'Project management training' },
    description: {
      ja: '事業の進捗管理、リスクマネジメント及び関係者との円滑なコミュニケーション等により事業を成功に導ける職員を育成します。',
      en: 'Trains staff to lead programmes to success through progress and risk management and smooth communication.',
    },
    provider: 'digital-promotion',
    teaches: [
      { skillId: 'project-management', level: 1 },
      { skillId: 'project-management', level: 2 },
    ],
    mindsets: [],
    outcomes: ['08'],
  },
  {
    id: 'dx-promoter',
    title: { ja: 'DX推進委員研修', en: 'DX promoter training' },
    description: {
      ja: 'DX推進委員については、研修を充実化し、能力を高めることで、どの組織でもDXに取り組めるようにします。',
      en: 'Richer training for DX promoters, so every organisation can take on DX.',
    },
    provider: 'digital-promotion',
    teaches: [{ skillId: 'business-reform', level: 2 }],
    mindsets: [],
    outcomes: ['04'],
    audience: { ja: 'DX推進委員', en: 'DX promoters' },
  },
  {
    id: 'mindset',
    title: { ja: 'マインドセット研修', en: 'Mindset training' },
    description: {
      ja: '職層毎に必要なマインドを明確にし、DXマインドを有する人材の育成を図ります。',
      en: 'Makes clear the mindset each job level needs and develops staff with a DX mindset.',
    },
    provider: 'joint',
    teaches: [],
    mindsets: ['flexibility', 'digital-literacy', 'citizen-perspective'],
    outcomes: ['04'],
  },
];
