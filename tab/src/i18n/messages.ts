export type Locale = 'ja' | 'en';

/** Every string the tab shows, Japanese first with its English twin. */
export const MESSAGES = {
  appTitle: { ja: 'マイDXスキル', en: 'My DX skills' },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  devSignInTitle: { ja: '開発用サインイン', en: 'Development sign-in' },
  devSignInIntro: {
    ja: 'Teams の外で開いています。サインインする職員(サンプル)を選んでください。',
    en: 'You are outside Teams. Choose a sample employee to sign in as.',
  },
  openInTeams: { ja: 'このページは Teams で開いてください。', en: 'Please open this page in Teams.' },
  signOut: { ja: '別の職員でサインイン', en: 'Sign in as someone else' },
  department: { ja: '所属', en: 'Department' },
  jobLevel: { ja: '職層', en: 'Job level' },
  notRegistered: { ja: '未登録', en: 'Not registered' },
  general: { ja: '一般職', en: 'Staff' },
  chief: { ja: '係長級', en: 'Chief' },
  manager: { ja: '管理職', en: 'Manager' },
  role_admin: { ja: 'デジタル推進課(管理者)', en: 'Digital Promotion Division (admin)' },
  role_promoter: { ja: 'DX推進委員', en: 'DX promoter' },
  role_employee: { ja: '職員', en: 'Employee' },
  profileHeading: { ja: 'プロフィール', en: 'Profile' },
  errorTitle: { ja: 'エラー', en: 'Error' },
  devChatBanner: { ja: 'ローカル開発用チャット (Teams ではありません)', en: 'Local development chat (not Teams)' },
  chatPlaceholder: { ja: 'メッセージを入力(例: ヘルプ)', en: 'Type a message (e.g. help)' },
  send: { ja: '送信', en: 'Send' },
  you: { ja: 'あなた', en: 'You' },
  skillsHeading: { ja: '専門スキル', en: 'Specialist skills' },
  skillsIntro: {
    ja: '身についている項目にチェックを入れて保存してください。レベルは、そのレベルと下のレベルの項目がすべてそろうと達成になります。',
    en: 'Tick what you can do and save. A level is reached when all its items and those of the levels below are ticked.',
  },
  level0: { ja: '未達成', en: 'Not yet' },
  mindsetHeading: { ja: 'マインドセット', en: 'Mindset' },
  sessionsHeading: { ja: '研修の申し込み', en: 'Training sessions' },
  noSessions: { ja: '受付中の研修はありません。', en: 'No sessions are open.' },
  enroll: { ja: '申し込む', en: 'Sign up' },
  cancelEnrollment: { ja: 'キャンセル', en: 'Cancel' },
  status_enrolled: { ja: '申込済み', en: 'Signed up' },
  status_waitlisted: { ja: 'キャンセル待ち', en: 'Waitlisted' },
  seatsLeft: { ja: '残り{n}席', en: '{n} seats left' },
  full: { ja: '満席(キャンセル待ちで申し込めます)', en: 'Full (you can join the waitlist)' },
  examsHeading: { ja: 'IT試験の合格記録', en: 'IT exam passes' },
  exam: { ja: '試験', en: 'Exam' },
  passedOn: { ja: '合格日', en: 'Passed on' },
  record: { ja: '登録', en: 'Record' },
  remove: { ja: '削除', en: 'Remove' },
  noExams: { ja: 'まだ登録がありません。', en: 'Nothing recorded yet.' },
  goal: { ja: '目標レベル', en: 'Target level' },
  goalEveryone: { ja: '全職員', en: 'everyone' },
  save: { ja: '保存', en: 'Save' },
  saved: { ja: '保存しました', en: 'Saved' },
  recommendationsHeading: { ja: 'おすすめ研修', en: 'Recommended training' },
  noRecommendations: { ja: '目標レベルに到達しています。', en: 'You have reached your target levels.' },
  noCourseYet: { ja: '対応する研修は準備中です', en: 'No course for this yet' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

export function translate(locale: Locale, key: MessageKey): string {
  return MESSAGES[key][locale];
}

export function localeFrom(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'ja';
}
