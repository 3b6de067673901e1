import type { JobLevel } from './job-levels.js';
import type { LocalizedText } from './localized-text.js';

/**
 * 第3章 3. マインドセット: what each job level should feel and think. Japanese text is verbatim.
 *
 * Reconstructed from a PDF table whose merged cells were lost in text extraction: statements that run across
 * all three columns are `common`; the cell shared by 係長級 and 管理職 in 柔軟性・適応性・チームワーク is given to
 * both. Confirm the column spans with デジタル推進課 against the printed policy.
 */
export const MINDSET_IDS = ['flexibility', 'digital-literacy', 'citizen-perspective'] as const;
export type MindsetId = (typeof MINDSET_IDS)[number];

export interface MindsetStatement {
  id: string;
  text: LocalizedText;
}

export interface Mindset {
  id: MindsetId;
  name: LocalizedText;
  description: LocalizedText;
  common: MindsetStatement[];
  byJobLevel: Record<JobLevel, MindsetStatement[]>;
}

type Texts = [ja: string, en: string][];
const statements = (prefix: string, texts: Texts): MindsetStatement[] =>
  texts.map(([ja, en], index) => ({ id: `${prefix}.${index + 1}`, text: { ja, en } }));

const flexibilityLeaders: Texts = [
  ['チームで課題解決に取り組もうと考える', 'Wants to solve problems as a team'],
  ['区役所内・外の組織や人材と協働しようと考える', 'Wants to collaborate with people and organisations inside and outside the ward office'],
  ['部下からの提案を受け入れられる', 'Is open to proposals from subordinates'],
  ['部下のモチベーションを向上したいと考える', 'Wants to raise subordinates’ motivation'],
];

export const MINDSETS: readonly Mindset[] = [
  {
    id: 'flexibility',
    name: { ja: '柔軟性・適応性・チームワーク', en: 'Flexibility, adaptability and teamwork' },
    description: {
      ja: 'DX推進の必要性を理解し、上司や部下と協力しながら業務改善を行うことに前向きな人材',
      en: 'Understands why DX is needed and is keen to improve work together with superiors and subordinates',
    },
    common: statements('flexibility.common', [
      ['前例踏襲にとらわれない考え方を持っている', 'Thinks beyond “the way it has always been done”'],
      ['変化を受け入れることができる', 'Can accept change'],
    ]),
    byJobLevel: {
      general: statements('flexibility.general', [
        ['担当業務を改善できないかと日頃から考える', 'Always thinks about how their own work could be improved'],
        [
          '業務改善に向けてまずは自ら行動（係長への相談等も含む）しようと考える',
          'Wants to act first themselves to improve work (including consulting their chief)',
        ],
        [
          '業務改善には一時的に負荷がかかるが、長期的な視点では区へのメリットが大きいことを理解している',
          'Understands that improving work costs effort at first but benefits the ward greatly in the long run',
        ],
      ]),
      chief: statements('flexibility.chief', flexibilityLeaders),
      manager: statements('flexibility.manager', flexibilityLeaders),
    },
  },
  {
    id: 'digital-literacy',
    name: { ja: 'デジタルリテラシー', en: 'Digital literacy' },
    description: {
      ja: '導入されているICTツールの基本的な利用を心掛けると共に、新たな技術に積極的に触れる意欲がある人材',
      en: 'Makes basic use of the ICT tools in place and is eager to try new technology',
    },
    common: statements('digital-literacy.common', [
      ['DX推進の必要性や背景事情を理解しており、DX推進に前向きである', 'Understands why DX is needed and its background, and is positive about it'],
      ['情報セキュリティ対策において職層毎に求められる役割を理解している', 'Understands the information-security role expected of their job level'],
      ['日頃から新聞やニュース等におけるDXやデジタルに関連する情報を意識している', 'Follows DX and digital topics in newspapers and news'],
    ]),
    byJobLevel: {
      general: statements('digital-literacy.general', [
        ['業務で必要な基本ツールの使い方を学ぶ意思がある', 'Is willing to learn the basic tools their work needs'],
        ['ローコードツール等をまずは使ってみようと思える', 'Is ready to try low-code tools and the like'],
      ]),
      chief: statements('digital-literacy.chief', [
        ['自ら率先してICTツールを利活用しようと考える', 'Takes the lead in using ICT tools'],
        ['部下による新たなツールの利活用に寛容的である', 'Is supportive of subordinates using new tools'],
      ]),
      manager: statements('digital-literacy.manager', [
        ['所属としてのDX施策の方向性を示したいと考える', 'Wants to set the direction of the section’s DX measures'],
        ['庁内に導入されている既存のICTツールで何が実現できるのかを理解している', 'Understands what the ICT tools already in the ward office can do'],
      ]),
    },
  },
  {
    id: 'citizen-perspective',
    name: { ja: '区民目線', en: 'Residents’ perspective' },
    description: {
      ja: '区民目線第一で行政サービスを改善することに前向きな人材',
      en: 'Is keen to improve public services with residents’ perspective first',
    },
    common: statements('citizen-perspective.common', [
      ['区民目線を持ちながらDXの推進を検討することの重要性を理解している', 'Understands the importance of considering DX from residents’ perspective'],
    ]),
    byJobLevel: {
      general: statements('citizen-perspective.general', [
        ['憶測ではなく、客観的な事実やサービスデザインに基づいて物事を考える', 'Thinks from objective facts and service design, not guesswork'],
      ]),
      chief: statements('citizen-perspective.chief', [
        ['客観的な事実やサービスデザインに基づいた施策を提案しようと考える', 'Wants to propose measures based on objective facts and service design'],
      ]),
      manager: statements('citizen-perspective.manager', [
        ['区民目線を踏まえた事業の企画・立案や改善を継続的に実施しようと考える', 'Wants to keep planning and improving services from residents’ perspective'],
      ]),
    },
  },
];

/** The statements that apply to one job level: the shared ones first, then the level's own. */
export function mindsetStatementsFor(jobLevel: JobLevel): { mindset: Mindset; statements: MindsetStatement[] }[] {
  return MINDSETS.map((mindset) => ({ mindset, statements: [...mindset.common, ...mindset.byJobLevel[jobLevel]] }));
}
