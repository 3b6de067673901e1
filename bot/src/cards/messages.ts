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
  surveyTitleAnnual: { ja: 'DX推進に関するアンケート（{year}年度）', en: 'DX survey (fiscal year {year})' },
  surveyTitlePulse: { ja: 'DX推進に関するパルス調査（{year}年度）', en: 'DX pulse survey (fiscal year {year})' },
  surveyIntro: {
    ja: '各設問について、最もあてはまるものを1つ選んでください。回答は匿名で集計され、誰がどう回答したかは職場にも管理者にも分かりません。',
    en: 'For each question, choose the answer that fits best. Answers are counted anonymously: neither your workplace nor the administrators can see who answered what.',
  },
  surveyDeadline: { ja: '締切: {closesAt}', en: 'Closes: {closesAt} JST' },
  surveyAnswerLabel: { ja: '{number}の回答', en: 'Your answer to {number}' },
  surveyAnswerRequired: { ja: '{number}に回答してください。', en: 'Please answer {number}.' },
  surveySubmit: { ja: '送信', en: 'Submit' },
  surveyAnswered: { ja: '回答済み', en: 'Answered' },
  surveyThanks: { ja: 'ご回答ありがとうございました。', en: 'Thank you for answering.' },
  surveyEditUntil: { ja: '{closesAt}までは回答を修正できます。', en: 'You can edit your answers until {closesAt} JST.' },
  surveyClosed: { ja: 'このアンケートは締め切られました。', en: 'This survey has closed.' },
  surveyEdit: { ja: '回答を修正', en: 'Edit my answers' },
  surveyResultsTitle: { ja: 'アンケート結果（{year}年度・{kind}）', en: 'Survey results (fiscal year {year}, {kind})' },
  surveyKindAnnual: { ja: '年次', en: 'annual' },
  surveyKindPulse: { ja: 'パルス調査', en: 'pulse' },
  surveyRespondents: { ja: '回答者数', en: 'Respondents' },
  surveyAudience: { ja: '対象者数', en: 'Audience' },
  surveyResponseRate: { ja: '回答率', en: 'Response rate' },
  surveyReference: { ja: '参考（2024年）', en: 'Reference (2024)' },
  surveyReferenceValue: { ja: '{responses}名・{rate}', en: '{responses} answers, {rate}' },
  surveyN: { ja: '回答数', en: 'n' },
  surveyMean: { ja: '平均', en: 'Mean' },
  surveyBaseline: { ja: '基準値', en: 'Baseline' },
  surveyTarget: { ja: '目標値', en: 'Target' },
  surveyAchievement: { ja: '達成状況', en: 'Target met' },
  surveyAchieved: { ja: '達成', en: 'Met' },
  surveyNotAchieved: { ja: '未達成', en: 'Not met' },
  surveyNextBenchmark: { ja: '次年度ベンチマーク', en: 'Next year’s benchmark' },
  surveySuppressed: { ja: '非表示（回答者5名未満）', en: 'Hidden (fewer than 5 respondents)' },
  surveyNoAnswers: { ja: '回答なし', en: 'No answers' },
  surveyNotApplicable: { ja: '—', en: '—' },
  consultFaqTitle: { ja: 'よくある質問から', en: 'From the FAQ' },
  consultFaqIntro: { ja: '「{query}」に近い質問と回答です。', en: 'Questions and answers close to "{query}".' },
  consultFaqNone: {
    ja: '「{query}」に合うよくある質問は見つかりませんでした。デジタル推進課に相談できます。',
    en: 'No FAQ matched "{query}". You can ask the Digital Promotion Division.',
  },
  consultFaqSolved: { ja: '解決しました', en: 'That solved it' },
  consultFaqAsk: { ja: '相談する', en: 'Ask for help' },
  consultFormTitle: { ja: 'DX相談', en: 'DX consultation' },
  consultFormIntro: {
    ja: 'デジタル推進課に相談内容を送ります。担当者が決まったらこのチャットでお知らせします。',
    en: 'This sends your request to the Digital Promotion Division. This chat tells you when someone takes it.',
  },
  consultFieldCategory: { ja: '相談の分類', en: 'Category' },
  consultFieldTitle: { ja: '件名', en: 'Title' },
  consultFieldTitlePlaceholder: { ja: '例:kintoneで申請受付アプリを作りたい', en: 'e.g. Build an application intake app in kintone' },
  consultFieldDetails: { ja: '相談内容', en: 'Details' },
  consultFieldDetailsPlaceholder: {
    ja: '困っていること、今のやり方、いつまでに何をしたいか',
    en: 'What is wrong, how you work today, what you need by when',
  },
  consultFieldPreferredContact: { ja: '希望する相談方法', en: 'How would you like to talk?' },
  consultFieldUrgency: { ja: '緊急度', en: 'Urgency' },
  consultRequired: { ja: '入力してください', en: 'Required' },
  consultSubmit: { ja: '送信する', en: 'Send' },
  consultConfirmedTitle: { ja: '相談を受け付けました', en: 'Your request was received' },
  consultConfirmedBody: {
    ja: '受付番号は {number} です。担当者が決まったらこのチャットでお知らせします。',
    en: 'Your number is {number}. This chat tells you when someone takes it.',
  },
  consultTicketNumber: { ja: '受付番号', en: 'Number' },
  consultTicketStatus: { ja: '状況', en: 'Status' },
  consultTicketAssignee: { ja: '担当', en: 'Assignee' },
  consultTicketUnassigned: { ja: '未定', en: 'Not yet' },
  consultTicketRequester: { ja: '相談者', en: 'Requester' },
  consultTicketFiled: { ja: '受付日時', en: 'Filed' },
  consultTicketUpdated: { ja: '更新', en: 'Updated' },
  consultTicketRating: { ja: '満足度', en: 'Rating' },
  consultTicketResolution: { ja: '解決内容', en: 'Resolution' },
  consultTicketHistory: { ja: '経過', en: 'History' },
  consultTicketHistoryMore: { ja: 'これより前の経過 {count} 件はタブで確認できます。', en: '{count} earlier entries are in the tab.' },
  consultTextTruncated: { ja: '…(全文はタブで確認できます)', en: '… (full text in the tab)' },
  consultCommentLabel: { ja: 'コメント', en: 'Comment' },
  consultCommentSend: { ja: 'コメントを送る', en: 'Send comment' },
  consultResolutionLabel: { ja: '解決内容(相談者に届きます)', en: 'Resolution (sent to the requester)' },
  consultResolveSend: { ja: '解決にする', en: 'Mark resolved' },
  consultReopenReasonLabel: { ja: '再オープンの理由(任意)', en: 'Reason for reopening (optional)' },
  consultReopenSend: { ja: '再オープンする', en: 'Reopen' },
  consultListEmpty: { ja: 'まだ相談はありません。', en: 'You have no requests yet.' },
  consultListMore: { ja: 'ほか {count} 件はタブで確認できます。', en: '{count} more are in the tab.' },
  consultListOpen: { ja: '{number} を開く', en: 'Open {number}' },
  consultSatisfactionTitle: { ja: '相談が解決しました', en: 'Your request was resolved' },
  consultSatisfactionBody: {
    ja: '「{title}」({number})の対応はいかがでしたか。1(不満)〜5(満足)で教えてください。回答すると相談は完了になります。',
    en: 'How was the help with "{title}" ({number})? Rate it from 1 (poor) to 5 (very good). Rating closes the request.',
  },
  consultSatisfactionThanks: { ja: '満足度 {rating} をいただきました。ありがとうございました。', en: 'Thank you for rating {rating}.' },
  surveyNoneOpen: { ja: '現在回答できるアンケートはありません。', en: 'There is no survey for you to answer right now.' },
  surveyResultsAdminOnly: {
    ja: '申し訳ありません。アンケート結果はデジタル推進課（管理者）のみ確認できます。',
    en: 'Sorry, survey results are only available to the Digital Promotion Division (administrators).',
  },
  surveyNoResults: { ja: '結果を表示できるアンケートはまだありません。', en: 'No survey has opened yet, so there are no results to show.' },
  consultNoDeskNote: {
    ja: '相談窓口のチャネルがまだ設定されていないため、デジタル推進課はタブの「相談窓口」でこの相談を確認します。',
    en: 'No desk channel is set up yet, so the Digital Promotion Division will see this request in the tab’s desk queue.',
  },
  consultNoticeAssigned: { ja: '{number} の担当者が決まりました', en: 'Someone took {number}' },
  consultNoticeAssignedBody: { ja: '{name} さんが担当します。', en: '{name} is handling your request.' },
  consultNoticeComment: { ja: '{number} にコメントが届きました', en: 'New comment on {number}' },
  consultNoticeCommentBody: { ja: '{name} さんからのコメント:', en: 'Comment from {name}:' },
  consultNoticeResolved: { ja: '{number} が解決しました', en: '{number} was resolved' },
  consultNoticeResolvedBody: { ja: '{name} さんからの解決内容:', en: 'Resolution from {name}:' },
  consultFaqThanksTitle: { ja: '解決してよかったです', en: 'Glad that helped' },
  consultFaqThanksBody: {
    ja: 'ほかにも気になることがあれば、いつでも質問を入力してください。デジタル推進課に相談したいときは「相談する」と送ってください。',
    en: 'Type another question any time. To ask the Digital Promotion Division, send "Ask for help".',
  },
  consultDeskSet: {
    ja: 'このチャネルを DX相談の相談窓口に設定しました。新しい相談はここにカードで届きます。',
    en: 'This channel is now the DX consultation desk. New requests arrive here as cards.',
  },
  consultDeskAdminOnly: {
    ja: '申し訳ありません。相談窓口の設定はデジタル推進課(管理者)のみ行えます。',
    en: 'Sorry, only the Digital Promotion Division (administrators) can set the consultation desk.',
  },
  consultChannelHelp: {
    ja: 'このチャネルでは「@DX Navi 相談窓口に設定」で DX相談の窓口に設定できます(デジタル推進課のみ)。相談は個人チャットで「相談する」と送ってください。',
    en: 'In this channel, "@DX Navi set as desk" makes it the DX consultation desk (Digital Promotion Division only). To ask for help, send "Ask for help" in a personal chat.',
  },
  consultReminderTitle: { ja: '担当者が決まっていない相談があります', en: 'Requests still waiting for someone' },
  consultReminderBody: {
    ja: '受付から2営業日、担当者が決まっていません。カードの「担当する」で引き受けてください。',
    en: 'Nobody has taken these for 2 business days. Press "Assign to me" on their cards.',
  },
} satisfies Record<string, LocalizedText>;

export type MessageKey = keyof typeof MESSAGES;

/** Looks up a message and fills its {placeholders}. */
export function t(key: MessageKey, locale: Locale, values: Record<string, string> = {}): string {
  return MESSAGES[key][locale].replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

/** Teams locales are BCP-47 (ja-JP, en-US, en-GB…): English for any English, Japanese otherwise. */
export function localeFrom(teamsLocale: string | undefined): Locale {
  return teamsLocale?.toLowerCase().startsWith('en') ? 'en' : 'ja';
}
