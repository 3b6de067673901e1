import type { LocalizedText, Locale } from '../domain/catalog/localized-text.js';

/** Every command in the bot's menu, in the order Teams and the cards show them. */
export const COMMAND_IDS = [
  'consult',
  'consult-status',
  'survey',
  'find-training',
  'my-skills',
  'notification-settings',
  'help',
] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

/** Menu labels: the Japanese label is also what the Teams command list sends as text. */
export const COMMAND_LABELS: Record<CommandId, LocalizedText> = {
  consult: { ja: '相談する', en: 'Ask for help' },
  'consult-status': { ja: '相談状況', en: 'My requests' },
  survey: { ja: 'アンケート', en: 'Survey' },
  'find-training': { ja: '研修を探す', en: 'Find training' },
  'my-skills': { ja: 'マイスキル', en: 'My skills' },
  'notification-settings': { ja: '通知設定', en: 'Notifications' },
  help: { ja: 'ヘルプ', en: 'Help' },
};

export const COMMAND_DESCRIPTIONS: Record<CommandId, LocalizedText> = {
  consult: {
    ja: 'RPA・kintone・BPR・データ活用などをデジタル推進課に相談します',
    en: 'Ask the Digital Promotion Division about RPA, kintone, BPR, data and more',
  },
  'consult-status': { ja: 'あなたの相談の状況を確認します', en: 'See the status of your requests' },
  survey: { ja: 'DX推進に関するアンケートに回答します', en: 'Answer the DX survey' },
  'find-training': { ja: 'あなたに合った研修を探します', en: 'Find training that fits you' },
  'my-skills': { ja: 'DXスキルのレベルとおすすめ研修を見ます', en: 'See your DX skill levels and recommended training' },
  'notification-settings': { ja: '受け取るお知らせを選びます', en: 'Choose which news you receive' },
  help: { ja: '使い方を表示します', en: 'Show what I can do' },
};

export const MESSAGES = {
  welcomeTitle: { ja: 'DX Navi へようこそ', en: 'Welcome to DX Navi' },
  welcomeGreeting: {
    ja: '{name} さん、こんにちは。品川区 DX人材育成方針にもとづき、DXの相談、研修、スキルアップをお手伝いします。',
    en: 'Hello {name}. Following the Shinagawa City DX talent-development policy, I help you with DX questions, training and skills.',
  },
  menuIntro: {
    ja: '下のボタンを押すか、メッセージで話しかけてください。',
    en: 'Press a button below or send me a message.',
  },
  helpTitle: { ja: 'DX Navi でできること', en: 'What DX Navi can do' },
  unknownCommand: {
    ja: '「{text}」には対応していません。次のメニューからお選びください。',
    en: 'I did not understand "{text}". Please choose from the menu.',
  },
  notYetAvailable: {
    ja: '「{command}」は現在準備中です。公開までしばらくお待ちください。',
    en: '"{command}" is not available yet. It is coming soon.',
  },
  openTab: { ja: 'マイDXスキルを開く', en: 'Open My DX skills' },
  profileTitle: { ja: 'マイスキル', en: 'My skills' },
  profileName: { ja: '氏名', en: 'Name' },
  profileDepartment: { ja: '所属', en: 'Department' },
  profileJobLevel: { ja: '職層', en: 'Job level' },
  notRegistered: { ja: '未登録', en: 'Not registered' },
  profileNotRegisteredNote: {
    ja: '所属・職層は人事データの登録後に表示されます。',
    en: 'Your department and job level appear once HR data has been registered.',
  },
  skillLevelsTitle: { ja: '専門スキルのレベル', en: 'Skill levels' },
  levelNotYet: { ja: '未達成', en: 'Not yet' },
  topRecommendations: { ja: '次に目指すこと', en: 'What to aim for next' },
  coursesTitle: { ja: '研修メニュー', en: 'Training menu' },
  coursesIntro: {
    ja: '品川区 DX人材育成方針の研修メニューです。開催日程と申し込みはタブで案内します。',
    en: 'The training menu of the DX talent-development policy. Dates and sign-up are in the tab.',
  },
  provider: { ja: '主催', en: 'Provider' },
  teaches: { ja: '対象スキル', en: 'Skills' },
  finderTitle: { ja: 'あなたにおすすめの研修', en: 'Training for you' },
  finderIntro: {
    ja: 'スキルの目標に足りない分野を学べる、受付中の研修です(差の大きい分野から)。',
    en: 'Open sessions that teach what your skill goals still need, biggest gap first.',
  },
  finderNoMatch: {
    ja: '目標に合う開催予定はまだありません。受付中の研修はこちらです。',
    en: 'No session matches your goals yet. These sessions are open.',
  },
  finderNone: { ja: '受付中の研修はありません。開催が決まるとお知らせします。', en: 'No session is open. You will hear when one is scheduled.' },
  sessionWhen: { ja: '日時', en: 'When' },
  sessionWhere: { ja: '場所', en: 'Where' },
  sessionSeats: { ja: '空き', en: 'Seats' },
  seatsLeft: { ja: '残り{n}席', en: '{n} seats left' },
  sessionFull: { ja: '満席(キャンセル待ちで申し込めます)', en: 'Full (join the waitlist)' },
  enroll: { ja: '申し込む', en: 'Sign up' },
  statusEnrolled: { ja: '申込済み', en: 'Signed up' },
  statusWaitlisted: { ja: 'キャンセル待ち', en: 'Waitlisted' },
  enrolledNotice: { ja: '「{course}」に申し込みました。', en: 'You are signed up for "{course}".' },
  waitlistedNotice: { ja: '「{course}」は満席のため、キャンセル待ちで受け付けました。', en: '"{course}" is full: you are on the waitlist.' },
  invalidCardData: { ja: 'カードの内容を読み取れませんでした。もう一度お試しください。', en: 'The card data could not be read. Please try again.' },
  unknownCardAction: { ja: 'このボタンは現在使用できません。', en: 'This button is not available.' },
  genericError: {
    ja: '申し訳ありません。問題が発生しました。時間をおいてもう一度お試しください。',
    en: 'Sorry, something went wrong. Please try again later.',
  },
} satisfies Record<string, LocalizedText>;

export type MessageKey = keyof typeof MESSAGES;

/** Looks up a message and fills its {placeholders}. */
export function t(key: MessageKey, locale: Locale, values: Record<string, string> = {}): string {
  return MESSAGES[key][locale].replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

/** A session time as staff read it: JST, with the weekday. */
export function formatJstDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ja-JP', {
    timeZone: 'Asia/Tokyo',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** Teams locales are BCP-47 (ja-JP, en-US, en-GB…): English for any English, Japanese otherwise. */
export function localeFrom(teamsLocale: string | undefined): Locale {
  return teamsLocale?.toLowerCase().startsWith('en') ? 'en' : 'ja';
}
