import type { LocalizedText } from './localized-text.js';

/** 第3章 4. 専門スキル: five skills, each defined at three levels. Japanese text is verbatim from the policy. */
export const SKILL_IDS = ['business-reform', 'project-management', 'digital-utilization', 'data-utilization', 'security'] as const;
export type SkillId = (typeof SKILL_IDS)[number];
export type SkillLevel = 1 | 2 | 3;

export interface SkillCriterion {
  /** Stable id, e.g. 'business-reform.lv1.1'. */
  id: string;
  text: LocalizedText;
}

export interface SkillLevelDefinition {
  level: SkillLevel;
  scope: LocalizedText;
  criteria: SkillCriterion[];
}

export interface Skill {
  id: SkillId;
  no: number;
  name: LocalizedText;
  /** 人材像 (第3章 2.). */
  description: LocalizedText;
  levels: [SkillLevelDefinition, SkillLevelDefinition, SkillLevelDefinition];
}

export const LEVEL_SCOPES: Record<SkillLevel, LocalizedText> = {
  1: { ja: '全職員が身に着けるICTスキル', en: 'ICT skills every employee acquires' },
  2: { ja: '担当内におけるスキルの発揮', en: 'Applying the skill within one’s team' },
  3: { ja: '所属におけるスキルの発揮', en: 'Applying the skill across one’s section' },
};

type Texts = [ja: string, en: string][];

function skill(id: SkillId, no: number, name: LocalizedText, description: LocalizedText, levels: [Texts, Texts, Texts]): Skill {
  const build = (level: SkillLevel, texts: Texts): SkillLevelDefinition => ({
    level,
    scope: LEVEL_SCOPES[level],
    criteria: texts.map(([ja, en], index) => ({ id: `${id}.lv${level}.${index + 1}`, text: { ja, en } })),
  });
  return { id, no, name, description, levels: [build(1, levels[0]), build(2, levels[1]), build(3, levels[2])] };
}

export const SKILLS: readonly Skill[] = [
  skill(
    'business-reform',
    1,
    { ja: '業務改革', en: 'Business process reform' },
    {
      ja: '業務の変革を通じて実現したいこと（=目的）を設定すると共に、課題解決に向けて自主的に動き、目的を実現する人材',
      en: 'Sets the purpose a change of work should achieve, acts on their own initiative to solve problems and achieves that purpose',
    },
    [
      [
        ['各デジタルツールの特性を理解し、活用方法をイメージできる', 'Understands what each digital tool is good at and can picture how to use it'],
        ['BPRの意味と必要性を理解している', 'Understands what BPR means and why it is needed'],
        ['日常業務の改善案を提案できる', 'Can propose improvements to daily work'],
      ],
      [
        ['自らの業務において、デジタルツールの利活用等によるBPRの企画や実施を行える', 'Can plan and carry out BPR in their own work, e.g. by using digital tools'],
        ['業務フローを整理・分析し、具体的な改善案を立案できる', 'Can map and analyse a workflow and draft concrete improvements'],
      ],
      [
        ['所属においてステークホルダーをリードし、BPRを推進できる。', 'Can lead stakeholders in their section and drive BPR.'],
        ['後進にBPRの手法を指導できる', 'Can teach BPR methods to junior staff'],
      ],
    ],
  ),
  skill(
    'project-management',
    2,
    { ja: 'プロジェクトマネジメント', en: 'Project management' },
    {
      ja: '進捗管理に限らず、関係者をコーディネートし関係者間の協働関係の構築や適切なリスク管理等を通じてプロジェクトを成功に導ける人材',
      en: 'Leads projects to success not only by tracking progress but by coordinating stakeholders, building collaboration and managing risk',
    },
    [
      [
        ['プロジェクトマネジメントの手法を理解している', 'Understands project management methods'],
        ['自らの業務の進捗管理し、期限内にタスクを遂行できる。', 'Manages the progress of their own work and finishes tasks on time.'],
      ],
      [
        [
          '小規模プロジェクトをリードし、進捗・課題・リスクを適切に管理し、目標達成に導くことができる',
          'Can lead a small project, manage progress, issues and risks, and reach its goals',
        ],
        [
          'ステークホルダーとプロジェクトの成功に向けた良好な関係構築や適切なコミュニケーションがとれる',
          'Builds good relationships and communicates well with stakeholders for the project’s success',
        ],
      ],
      [
        ['大規模なプロジェクトを立ち上げると共に、プロジェクトを成功に導くことができる', 'Can launch a large project and lead it to success'],
        [
          'プロジェクトの潜在的な課題やリスクを事前に把握し、効果的な対策を講じることができる',
          'Spots a project’s latent issues and risks in advance and takes effective measures',
        ],
        ['後進にプロジェクトマネジメントの手法を指導できる', 'Can teach project management methods to junior staff'],
      ],
    ],
  ),
  skill(
    'digital-utilization',
    3,
    { ja: 'デジタル活用', en: 'Digital utilisation' },
    {
      ja: '技術の進歩状況を踏まえたシステム・ツール導入に関する企画、ICTツールの利活用及びシステムの内製化を行える人材',
      en: 'Plans the introduction of systems and tools in light of technical progress, uses ICT tools and builds systems in-house',
    },
    [
      [
        ['Office製品を活用し、文章作成やデータ入力ができる。', 'Can write documents and enter data with Office products.'],
        ['AIの基本的な概念と活用方法を理解している', 'Understands the basic concepts of AI and how to use it'],
        ['区におけるシステム調達方法を理解している', 'Understands how the ward procures systems'],
      ],
      [
        ['区に導入されているローコードツールの設定ができる（RPA、kintone等）', 'Can configure the low-code tools the ward uses (RPA, kintone, etc.)'],
        ['AIの活用方法を把握し、活用方法について他者の模範となることができる', 'Knows how to use AI and can be a model for others in using it'],
        ['システム調達に係る仕様書を作成できる', 'Can write specifications for system procurement'],
      ],
      [
        [
          '業務効率化させるために、複数のローコードツールから最適な手法を選択できる。',
          'Can choose the best of several low-code tools to make work more efficient.',
        ],
        ['AIの最先端技術を理解し、業務に組み込むことができる', 'Understands state-of-the-art AI and can build it into work'],
        ['後進にICTツールの利活用方法を指導できる', 'Can teach junior staff how to use ICT tools'],
        ['大規模なシステムの調達を行える', 'Can procure large systems'],
      ],
    ],
  ),
  skill(
    'data-utilization',
    4,
    { ja: 'データ活用', en: 'Data utilisation' },
    {
      ja: 'データを活用した業務変革や新たな行政サービスの実現に向けて、データを収集・解析する仕組みの設計・実装・運用を担う人材',
      en: 'Designs, builds and runs the means to collect and analyse data for data-driven change and new public services',
    },
    [
      [
        ['データの収集方法を理解している', 'Understands how data is collected'],
        ['数値データを集計し、適切な方法で表やグラフに変換できる。', 'Can aggregate numeric data and turn it into suitable tables and charts.'],
        ['EBPMの意味と必要性を理解している', 'Understands what EBPM means and why it is needed'],
      ],
      [
        ['担当業務におけるデータ蓄積、収集の適正化を図ることができる', 'Can make the storing and collecting of data in their work sound'],
        [
          'BIツール等の活用によりデータ可視化を行い、担当業務における事業立案や課題抽出に活かすことができる',
          'Can visualise data with BI tools and use it to plan work and find issues',
        ],
      ],
      [
        [
          '所属が所持するデータを定期的に収集・可視化し、データドリブンな意思決定や結論を導くことができる',
          'Regularly collects and visualises the section’s data and leads data-driven decisions',
        ],
        ['EBPMの優れた実践例を創出し、その成果を他者に広く共有できる', 'Creates good EBPM practice and shares its results widely'],
        ['後進にデータ利活用、可視化の方法を指導できる', 'Can teach junior staff how to use and visualise data'],
      ],
    ],
  ),
  skill(
    'security',
    5,
    { ja: 'セキュリティ', en: 'Security' },
    {
      ja: '業務プロセスを支えるデジタル環境におけるサイバーセキュリティリスクの影響を抑制する対策を担う人材',
      en: 'Takes measures that limit the impact of cybersecurity risks in the digital environment that supports work',
    },
    [
      [
        [
          '区のセキュリティに関する規定を理解し日ごろから業務を実施する中で適正な行動をとることができる',
          'Understands the ward’s security rules and acts properly in daily work',
        ],
      ],
      [['セキュリティ要件に対する対策手法を理解し、要件を満たしたシステムを選定できる', 'Understands measures for security requirements and can choose systems that meet them']],
      [
        [
          'セキュリティに関する深い知識を持ち、適切なリスク管理や、事前に問題を予防することができる',
          'Has deep security knowledge, manages risk properly and prevents problems in advance',
        ],
        ['適切で迅速なインシデント対応ができる', 'Can respond to incidents properly and quickly'],
        ['後進にセキュリティ対策について指導できる', 'Can teach junior staff about security measures'],
      ],
    ],
  ),
];

export function findSkill(id: SkillId): Skill {
  const found = SKILLS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`unknown skill ${id}`);
  return found;
}

export function findCriterion(id: string): (SkillCriterion & { skillId: SkillId; level: SkillLevel }) | undefined {
  for (const skillDefinition of SKILLS) {
    for (const levelDefinition of skillDefinition.levels) {
      const criterion = levelDefinition.criteria.find((candidate) => candidate.id === id);
      if (criterion) return { ...criterion, skillId: skillDefinition.id, level: levelDefinition.level };
    }
  }
  return undefined;
}
