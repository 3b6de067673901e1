import type { FaqSearch } from '../../bot/src/features/consultation/domain/faq-search.js';

/**
 * Questions as employees type them (colloquial, partial, typos of style), each with the FAQ entry that should
 * answer it. Written from the employee's side, not copied from the FAQ: tune the search, never this list.
 */
export const FAQ_QUALITY_SET: readonly { question: string; expected: string }[] = [
  { question: 'kintoneでアンケートを作りたい', expected: 'kintone-form' },
  { question: 'RPAってどんな業務に使えるの', expected: 'rpa-what' },
  { question: 'RPAとは何ですか', expected: 'rpa-what' },
  { question: 'ITパスポートの受験料って補助出ますか', expected: 'exam-subsidy' },
  { question: '課内の研修の出欠をフォームで集めたい', expected: 'kintone-form' },
  { question: '毎月同じデータを別のシステムに手で打ち込んでいてつらい。自動でできない?', expected: 'rpa-what' },
  { question: 'ロボットがエラーで途中で止まってしまった', expected: 'rpa-trouble' },
  { question: '係でRPAを導入したいけど何から手をつければいい?', expected: 'rpa-start' },
  { question: 'キントーンのIDがほしい', expected: 'kintone-account' },
  { question: 'エクセルで管理している名簿をアプリ化したい', expected: 'kintone-what' },
  { question: 'ChatGPTに住民の名前を入れて文章を作らせても大丈夫?', expected: 'ai-rules' },
  { question: '生成AIで議事録の要約ってできる?', expected: 'ai-usecases' },
  { question: 'AIへの指示の出し方がよくわからない', expected: 'ai-prompt' },
  { question: 'ピボットテーブルでグラフを作る方法', expected: 'data-excel' },
  { question: 'ダッシュボードで事業の数字を見える化したい', expected: 'data-bi' },
  { question: 'エビデンスに基づいて事業を見直すってどういうこと?', expected: 'ebpm' },
  { question: '入力する人によって書き方がバラバラで集計できない', expected: 'data-collection' },
  { question: '情報セキュリティポリシーを確認したい', expected: 'security-rules' },
  { question: 'USBで外部の業者にデータを渡していい?', expected: 'security-media' },
  { question: '怪しいメールの添付ファイルを開いちゃった', expected: 'security-incident' },
  { question: '無料のオンラインツールを使って資料を作りたい', expected: 'security-cloud' },
  { question: '業者に出す仕様書の作り方を教えて', expected: 'procurement-spec' },
  { question: '今使ってる業務システムを入れ替えたい', expected: 'procurement-flow' },
  { question: '委託先のシステムにどんなセキュリティ対策を求めればいい?', expected: 'procurement-security' },
  { question: '業務のムダを減らしたいけど、どこから見直せばいい?', expected: 'bpr-what' },
  { question: '仕事の流れを図にしたい', expected: 'bpr-flow' },
  { question: '押印を廃止して電子決裁にしたい', expected: 'paperless' },
  { question: 'Teamsで部署のチームを作ってチャネルを分けたい', expected: 'teams-channel' },
  { question: 'Web会議の開き方がわからない', expected: 'teams-meeting' },
  { question: 'メールでエクセルを何度も送りあうのをやめたい', expected: 'teams-files' },
  { question: '基本情報技術者試験に受かったので登録したい', expected: 'exam-record' },
  { question: 'DX推進委員って何をする人?', expected: 'promoter-role' },
  { question: 'kintoneを実際に触ってみられる機会はありますか', expected: 'tool-experience' },
  { question: 'セキュリティ研修に申し込みたい', expected: 'training-signup' },
  { question: '自分のスキルがどのレベルか知りたい', expected: 'skill-levels' },
  { question: 'いい取り組みをしたら表彰される?', expected: 'award' },
  { question: 'パソコン操作に自信がないので入門の研修を受けたい', expected: 'it-literacy' },
  { question: 'DX相談ではどんなことを聞いていいの?', expected: 'desk-what' },
  { question: '相談の返事はいつ来ますか', expected: 'desk-how' },
  { question: 'マクロを組むのとRPAどっちがいい?', expected: 'excel-automation' },
  { question: 'スマホで業務のメールを見てもいい?', expected: 'security-media' },
  { question: '前に相談した件の進み具合を見たい', expected: 'desk-how' },
  { question: '生成AIは業務で使用禁止ですか', expected: 'ai-rules' },
];

/**
 * Questions staff ask that the FAQ does not cover (IT help desk, HR, facilities, residents' matters, small talk),
 * written apart from the entries, without reading them: the search must say that no FAQ fits rather than offer
 * three unrelated answers. Tune the relevance floor against this list and the one above, never the lists.
 */
export const FAQ_UNANSWERABLE_SET: readonly string[] = [
  'パスワードを忘れました',
  '給与明細はどこで見られますか',
  '有給休暇の申請方法を教えて',
  '庁舎の入館証をなくしてしまった',
  '職員駐車場を使いたい',
  '健康診断の日程はいつですか',
  '出張旅費の精算のやり方',
  '年末調整の書類はどこに出せばいい?',
  '育児休業を取りたいのですが',
  '会議室を予約したい',
  'コピー機の紙が詰まった',
  '通勤手当の変更手続きは?',
  '住民票の写しの交付手数料はいくら?',
  '忘年会の幹事を頼まれました',
  '今日のお昼ご飯のおすすめは?',
  '異動の希望を出したい',
  '名刺を作りたい',
  '粗大ごみの出し方を住民に聞かれた',
  '退職金はいくらもらえますか',
  '残業代の申請はどうする?',
  '防災訓練はいつありますか',
  '職員証を再発行してほしい',
  '保育園の入園申し込みについて教えて',
  '庁内の自動販売機が壊れている',
  'プリンターで印刷できない',
  'Wi-Fiにつながらない',
  'パソコンが起動しない',
  'メールボックスの容量がいっぱいと言われた',
  'I forgot my password',
  'How do I apply for paid leave?',
  'Where can I find my payslip?',
];

export interface FaqQuality {
  total: number;
  top1: number;
  top3: number;
  misses: { question: string; expected: string; got: string[] }[];
  /** Unanswerable questions asked, and the share the search answered with nothing (no FAQ fits). */
  unanswerable: number;
  noMatch: number;
  /** Unanswerable questions that still got entries, with what they got. */
  falseAnswers: { question: string; got: string[] }[];
}

/**
 * Top-1 and top-3 hit rates of a search over the answerable questions, with those it missed in its top 3, and the
 * share of unanswerable questions it correctly answered with nothing.
 */
export function measureFaqQuality(search: FaqSearch, set = FAQ_QUALITY_SET, unanswerableSet = FAQ_UNANSWERABLE_SET): FaqQuality {
  let top1 = 0;
  let top3 = 0;
  const misses: FaqQuality['misses'] = [];
  for (const { question, expected } of set) {
    const got = search.search(question, 3).map((hit) => hit.entry.id);
    if (got[0] === expected) top1++;
    if (got.includes(expected)) top3++;
    else misses.push({ question, expected, got });
  }
  const falseAnswers = unanswerableSet
    .map((question) => ({ question, got: search.search(question, 3).map((hit) => hit.entry.id) }))
    .filter(({ got }) => got.length > 0);
  return {
    total: set.length,
    top1: top1 / set.length,
    top3: top3 / set.length,
    misses,
    unanswerable: unanswerableSet.length,
    noMatch: unanswerableSet.length === 0 ? 1 : (unanswerableSet.length - falseAnswers.length) / unanswerableSet.length,
    falseAnswers,
  };
}
