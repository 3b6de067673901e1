import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import type { ConsultationCategory } from './categories.js';

/**
 * The starter FAQ of the DX相談 desk. Answers describe what the policy and this app provide; anything that
 * depends on the ward's own rules, accounts or budgets points the employee to デジタル推進課 instead of guessing.
 * Keywords hold the words employees actually type (colloquial terms, product names, English) for the search.
 *
 * Seed data only (issue 18): the FAQ the bot answers from lives in storage and デジタル推進課 edits it in the tab
 * (faq-library.ts). These entries are loaded once, the first time the app starts on a storage account, and never
 * again, so edits are never overwritten. Their ids stay the keys of the FAQ counters. `npm run faq:quality`
 * measures the search on them.
 */
export interface FaqEntry {
  id: string;
  category: ConsultationCategory;
  question: LocalizedText;
  answer: LocalizedText;
  keywords: readonly string[];
}

export const FAQ_ENTRIES: readonly FaqEntry[] = [
  {
    id: 'desk-what',
    category: 'other',
    question: { ja: 'DX相談窓口ではどんなことを相談できますか?', en: 'What can I ask the DX consultation desk about?' },
    answer: {
      ja: 'DX相談窓口は、研修などで知識を身につけた職員が自分の職場で業務改善に取り組めるよう、デジタル推進課がサポートする窓口です。RPAやkintoneなどのツール活用、業務改善（BPR）、データ活用・EBPM、セキュリティ、システム調達、AI活用など、DXに関することは何でもご相談いただけます。「相談する」から内容を送ると、デジタル推進課の担当者が対応します。',
      en: 'The DX consultation desk is where the Digital Promotion Division supports staff who want to improve their own work after training. You can ask about tools such as RPA and kintone, business process improvement (BPR), data and EBPM, security, system procurement, AI and anything else about DX. Send your request with "Ask for help" and a member of the division will pick it up.',
    },
    keywords: ['相談窓口', '窓口', '相談', '何を相談', '問い合わせ', 'サポート', '伴走', '支援', 'help desk', 'consult'],
  },
  {
    id: 'desk-how',
    category: 'other',
    question: { ja: '相談したあとはどのように進みますか?', en: 'What happens after I send a request?' },
    answer: {
      ja: '「相談する」で分類・件名・内容・希望する相談方法（チャット/オンライン会議/対面）・緊急度を送ると、DX-2026-0001 のような受付番号が発行されます。デジタル推進課の担当者が決まったとき、コメントがあったとき、解決したときにこのチャットでお知らせします。進み具合は「相談状況」でいつでも確認でき、解決後に満足度（1〜5）を教えていただくと窓口の改善に役立てます。',
      en: 'When you send a category, title, details, how you would like to talk (chat, online meeting or in person) and urgency with "Ask for help", you get a number such as DX-2026-0001. This chat tells you when someone from the Digital Promotion Division takes it, comments, and resolves it. "My requests" shows the progress at any time, and after resolution your 1–5 rating helps improve the desk.',
    },
    keywords: ['受付番号', '流れ', '進み方', '相談状況', '返事', '回答', 'いつ', '連絡', '担当者', '確認', '進捗', '満足度', 'status'],
  },
  {
    id: 'rpa-what',
    category: 'tool',
    question: { ja: 'RPAとは何ですか?どんな業務に向いていますか?', en: 'What is RPA and which tasks suit it?' },
    answer: {
      ja: 'RPA（ロボティック・プロセス・オートメーション）は、パソコン上で人が行っている定型的な操作をソフトウェアのロボットに代行させる仕組みです。システムへのデータ入力や転記、ファイルの集計・加工、定型的なメール送信など、手順が決まっていて繰り返し発生する単純作業に向いています。判断が毎回変わる作業や、手順が頻繁に変わる作業には向きません。自分の業務に使えるか迷ったら、業務の流れを添えてご相談ください。',
      en: 'RPA (robotic process automation) lets a software robot repeat the routine operations people do on a PC. It suits repetitive tasks with fixed steps: entering or copying data into systems, collecting and reshaping files, sending routine emails. It does not suit work where the judgement changes each time or the steps change often. If you are not sure whether your task fits, ask us with a description of the workflow.',
    },
    keywords: ['RPA', 'ロボット', '自動化', '定型作業', '単純作業', '繰り返し', '転記', '入力作業', '効率化', '向いている業務', 'automation'],
  },
  {
    id: 'rpa-start',
    category: 'tool',
    question: { ja: '自分の課でRPAを使い始めるにはどうすればいいですか?', en: 'How do we start using RPA in our section?' },
    answer: {
      ja: 'まずは自動化したい作業の手順（画面・入力項目・件数・頻度）を書き出し、どれくらい時間がかかっているかを整理してください。庁内に導入されているRPAツールの操作は、BPR・RPA等のICTツール活用研修やDXツール操作体験会で学べます。利用の手続きや、ロボット（シナリオ）作成の進め方はデジタル推進課にご相談ください。',
      en: 'First write down the steps you want to automate (screens, fields, volumes, frequency) and how much time they take. You can learn the RPA tool the ward uses in the BPR/RPA ICT tool training and the hands-on DX tool sessions. Ask the Digital Promotion Division about the procedure to use it and how to build the robot (scenario).',
    },
    keywords: ['RPA', '導入', '始め方', '使い始め', 'シナリオ', 'ロボット作成', '利用申請', '作り方', 'start'],
  },
  {
    id: 'rpa-trouble',
    category: 'tool',
    question: { ja: 'RPAのロボットが止まった・エラーになったときは?', en: 'What if an RPA robot stops or fails?' },
    answer: {
      ja: 'まずエラーが出た画面とメッセージ、止まった手順を記録してください。対象システムの画面変更やファイル名・保存場所の変更、ネットワークの一時的な不調が原因であることがよくあります。止まった処理は手作業で補い、二重処理にならないよう処理済みの件数を確認してください。原因がわからない場合は、記録した内容を添えてデジタル推進課にご相談ください。',
      en: 'Note the screen and message of the error and the step where it stopped. Common causes are a changed screen in the target system, a changed file name or folder, or a temporary network problem. Finish the stopped work by hand and check how many items were already processed so nothing is done twice. If you cannot find the cause, ask the Digital Promotion Division with what you recorded.',
    },
    keywords: ['RPA', 'エラー', '止まった', '動かない', '失敗', '不具合', 'トラブル', '修正', 'シナリオ', 'error'],
  },
  {
    id: 'kintone-what',
    category: 'tool',
    question: { ja: 'kintoneでは何ができますか?', en: 'What can I do with kintone?' },
    answer: {
      ja: 'kintoneは、プログラミングをせずに業務用のアプリ（データベース）を作れるローコードツールです。Excelで管理している台帳や一覧、申請・受付の管理、案件の進捗管理などをアプリにして、複数人で同時に入力・検索・集計できます。一覧やグラフで状況を見える化したり、コメントでやり取りを残したりすることもできます。',
      en: 'kintone is a low-code tool for building business apps (databases) without programming. Registers and lists kept in Excel, application and intake tracking, or case progress can become apps that several people enter, search and total at the same time. It can show status in lists and charts and keep discussions as comments.',
    },
    keywords: ['kintone', 'キントーン', 'ローコード', 'アプリ', '台帳', 'データベース', '一覧', '進捗管理', 'Excel', 'エクセル', 'low-code'],
  },
  {
    id: 'kintone-form',
    category: 'tool',
    question: { ja: 'kintoneでアンケートや申込フォームを作れますか?', en: 'Can I build a survey or sign-up form with kintone?' },
    answer: {
      ja: 'はい。kintoneのアプリに質問項目をフィールドとして並べれば、回答を集めて一覧・集計・グラフにできます。庁内の職員向けであれば、まずは小さなアプリを作って試すのがおすすめです。区民など外部の方に回答してもらう場合は、公開の方法や個人情報の扱いについて事前にデジタル推進課にご相談ください。',
      en: 'Yes. Put your questions into a kintone app as fields and the answers can be listed, totalled and charted. For staff inside the ward, start with a small app and try it out. If residents or other outside people are to answer, ask the Digital Promotion Division beforehand about how to publish it and how personal information is handled.',
    },
    keywords: ['kintone', 'アンケート', 'フォーム', '申込', '申し込み', '回答', '集計', '調査', '受付', 'survey', 'form'],
  },
  {
    id: 'kintone-account',
    category: 'tool',
    question: { ja: 'kintoneを使うためのアカウントや利用申請は?', en: 'How do I get a kintone account?' },
    answer: {
      ja: 'kintoneの利用開始やアカウント、アプリを作成できる権限の手続きは、所属や用途によって異なります。利用したい業務の内容と利用する人数を添えて、デジタル推進課にご相談ください。操作に慣れたい場合はDXツール操作体験会も活用してください。',
      en: 'Starting to use kintone, accounts and permission to create apps depend on your section and purpose. Ask the Digital Promotion Division with what you want to use it for and how many people will use it. The hands-on DX tool sessions help you get used to it.',
    },
    keywords: ['kintone', 'アカウント', 'ID', 'ログイン', '利用申請', '権限', '使いたい', '利用開始', 'ライセンス', 'account'],
  },
  {
    id: 'excel-automation',
    category: 'tool',
    question: { ja: 'Excelの集計作業を自動化したいのですが、何を使えばいいですか?', en: 'I want to automate Excel work. Which tool should I use?' },
    answer: {
      ja: '作業の内容によって適した方法が変わります。関数やピボットテーブルで済む集計ならExcelの機能で十分なことが多く、複数の人が入力する台帳ならkintone、システムへの転記など画面操作の繰り返しならRPAが向いています。複数のツールから最適な方法を選ぶのもDXスキルの一つです。迷ったら作業の手順と頻度を添えてご相談ください。',
      en: 'The right tool depends on the work. Totals that functions or pivot tables can do usually need nothing more than Excel; a register several people fill in suits kintone; repeated screen operations such as copying into a system suit RPA. Choosing the best of several tools is itself a DX skill. If unsure, ask us with the steps and how often you do them.',
    },
    keywords: ['Excel', 'エクセル', 'マクロ', 'VBA', '関数', '自動化', '集計', '手作業', '効率化', 'ツール選び', 'automate'],
  },
  {
    id: 'teams-channel',
    category: 'tool',
    question: { ja: 'Teamsのチームやチャネルはどう使い分ければいいですか?', en: 'How should we use Teams teams and channels?' },
    answer: {
      ja: 'チームは課や係、プロジェクトなど一緒に仕事をするメンバーの単位、チャネルはその中の話題や業務ごとの部屋として使うと整理しやすくなります。個人あての短いやり取りはチャット、メンバー全員で共有したい連絡や資料はチャネルに投稿すると、後から経緯を追いやすくなります。チームの作成ルールなど区の運用についてはデジタル推進課にご相談ください。',
      en: 'A team works well as the group you work with (section, unit or project) and channels as rooms for topics or tasks inside it. Use chat for short personal exchanges and post in a channel what everyone should share, so the history is easy to follow later. Ask the Digital Promotion Division about the ward’s rules, such as who may create teams.',
    },
    keywords: ['Teams', 'チームズ', 'チーム', 'チャネル', 'チャット', '使い分け', '投稿', '情報共有', 'channel'],
  },
  {
    id: 'teams-meeting',
    category: 'tool',
    question: { ja: 'Teamsでオンライン会議を開くには?', en: 'How do I hold an online meeting in Teams?' },
    answer: {
      ja: 'Teamsの予定表から会議を作成して参加者を招待するか、チャネルやチャットから「今すぐ会議」を開始できます。会議中は画面共有やチャット、録画や文字起こし（利用できる場合）が使えます。区外の方との会議や録画データの扱いはルールが関わるため、判断に迷う場合はデジタル推進課にご相談ください。',
      en: 'Create a meeting from the Teams calendar and invite people, or start "Meet now" from a channel or chat. During the meeting you can share your screen, chat, and record or transcribe where available. Meetings with people outside the ward and the handling of recordings involve rules, so ask the Digital Promotion Division when unsure.',
    },
    keywords: ['Teams', 'チームズ', '会議', 'オンライン会議', 'Web会議', 'ウェブ会議', '画面共有', '録画', '招待', 'meeting'],
  },
  {
    id: 'teams-files',
    category: 'tool',
    question: { ja: 'Teamsでファイルを共有して同時に編集するには?', en: 'How do we share and co-edit files in Teams?' },
    answer: {
      ja: 'チャネルの「ファイル」にWordやExcelを置くと、メンバーが同じファイルを同時に開いて編集できます。メールに添付して何度も送り合うより、最新版が一つにまとまり、版の食い違いが起きにくくなります。個人情報など機微な情報を含むファイルの置き場所は区の情報セキュリティのルールに従ってください。',
      en: 'Put Word or Excel files in a channel’s Files and members can open and edit the same file at the same time. Compared with emailing attachments back and forth, there is one latest version and fewer conflicting copies. Follow the ward’s information security rules for where files with personal or sensitive information may be stored.',
    },
    keywords: ['Teams', 'ファイル共有', '共同編集', '同時編集', 'Word', 'Excel', '添付', '最新版', 'share files'],
  },
  {
    id: 'bpr-what',
    category: 'bpr',
    question: { ja: 'BPR（業務改革）とは何ですか?どう進めればいいですか?', en: 'What is BPR and how do I go about it?' },
    answer: {
      ja: 'BPR（ビジネス・プロセス・リエンジニアリング）は、業務の目的に立ち返って仕事の流れそのものを見直し、やり方を組み立て直す取組です。まず現在の業務フローを書き出し、時間がかかっている工程や重複・手戻りを洗い出してから、やめる・減らす・まとめる・デジタル化するといった改善案を考えます。BPRに関する研修で手法を学べます。具体的な業務での進め方はデジタル推進課にご相談ください。',
      en: 'BPR (business process re-engineering) goes back to the purpose of the work and redesigns the workflow itself. Start by drawing the current workflow, find the slow steps, duplication and rework, then design improvements: stop, reduce, combine or digitise. BPR training teaches the methods. Ask the Digital Promotion Division how to apply them to your own work.',
    },
    keywords: ['BPR', '業務改革', '業務改善', '見直し', '効率化', '無駄', '改善案', 'やり方', 'business process'],
  },
  {
    id: 'bpr-flow',
    category: 'bpr',
    question: { ja: '業務フローを整理・見える化するにはどうすればいいですか?', en: 'How do I map and visualise a workflow?' },
    answer: {
      ja: '担当者ごとに「誰が・いつ・何を受け取り・何をして・誰に渡すか」を順番に書き出し、一枚の図（業務フロー図）にまとめます。各工程にかかる時間や件数、使っている紙やシステムも書き添えると、ボトルネックや改善の余地が見えてきます。最初から細かく書きすぎず、まず大きな流れをつかむのがコツです。',
      en: 'For each person write down in order who receives what, when, what they do with it and to whom they pass it, and put it on one diagram (a workflow chart). Add the time and volume of each step and the paper or systems used, and bottlenecks and room for improvement become visible. Start with the big picture rather than too much detail.',
    },
    keywords: ['業務フロー', 'フロー図', '流れ', '見える化', '可視化', '整理', '洗い出し', 'ボトルネック', '手順', 'workflow'],
  },
  {
    id: 'paperless',
    category: 'bpr',
    question: { ja: '紙の申請や押印、手作業の回覧をなくしたいです', en: 'We want to get rid of paper forms, seals and manual circulation' },
    answer: {
      ja: '紙や押印が本当に必要か、根拠となる規定や目的から確認するところから始めます。必要がなければ、kintoneなどでの電子的な受付・承認や、Teamsでの共有・回覧に置き換えられることがあります。区民向けの申請の電子化や、規定の見直しが必要なものは関係部署との調整が必要になるため、デジタル推進課にご相談ください。',
      en: 'Start by checking whether the paper or seal is really needed, from the underlying rule and its purpose. If not, electronic intake and approval (for example in kintone) or sharing and circulation in Teams can often replace it. Digitising applications from residents, or changes that need rule revisions, require coordination with other departments, so ask the Digital Promotion Division.',
    },
    keywords: ['ペーパーレス', '紙', '押印', 'はんこ', 'ハンコ', '印鑑', '回覧', '電子化', '申請', '決裁', 'paperless'],
  },
  {
    id: 'ai-rules',
    category: 'ai',
    question: { ja: '生成AIを業務で使ってもいいですか?注意することは?', en: 'May I use generative AI at work? What should I watch out for?' },
    answer: {
      ja: '業務で生成AIを使うときは、区が認めたサービスと区のルールの範囲で利用してください。個人情報や非公開の情報、入力してよいか判断できない情報は入力しないでください。生成AIの回答には誤りが含まれることがあるため、内容は必ず人が確認し、最終的な判断と責任は職員が持ちます。利用できるサービスや具体的なルールはデジタル推進課にご相談ください。',
      en: 'Use generative AI at work only with services the ward has approved and within the ward’s rules. Do not enter personal information, non-public information or anything you are not sure you may enter. AI answers can be wrong, so a person must always check them; staff keep the final judgement and responsibility. Ask the Digital Promotion Division which services you may use and the detailed rules.',
    },
    keywords: ['生成AI', 'AI', 'ChatGPT', 'チャットGPT', 'Copilot', 'コパイロット', 'ルール', '注意', '個人情報', '入力', '使っていい', 'ガイドライン', 'generative AI'],
  },
  {
    id: 'ai-usecases',
    category: 'ai',
    question: { ja: '生成AIはどんな業務に活用できますか?', en: 'Which tasks can generative AI help with?' },
    answer: {
      ja: '文書の下書きや言い回しの改善、長い資料の要約、会議メモの整理、アイデア出し、Excelの関数やマクロの作り方の相談などに役立ちます。一方で、事実や数値、法令の解釈は誤ることがあるため、根拠を自分で確かめる必要があります。まずは公開情報だけを使う小さな作業から試してみてください。',
      en: 'It helps with drafting documents and polishing wording, summarising long material, organising meeting notes, brainstorming, and working out Excel functions or macros. Facts, figures and the interpretation of laws can be wrong, so check the sources yourself. Start with small tasks that use only public information.',
    },
    keywords: ['生成AI', 'AI', '活用', '活用例', '使い道', '文書作成', '要約', '下書き', 'アイデア', '議事録', 'use cases'],
  },
  {
    id: 'ai-prompt',
    category: 'ai',
    question: { ja: '生成AIにうまく答えてもらうコツはありますか?', en: 'How do I get good answers from generative AI?' },
    answer: {
      ja: '役割（例:広報担当として）、目的、読み手、文字数や形式などの条件を具体的に伝えると、期待に近い回答が得やすくなります。一度で完成させようとせず、回答を見ながら追加の指示で修正していくのがコツです。参考にしてほしい文例を示すのも効果的ですが、個人情報や非公開の情報は含めないでください。',
      en: 'State a role (for example "as a PR officer"), the purpose, the readers and conditions such as length and format, and the answer gets closer to what you need. Do not expect it in one go; refine with follow-up instructions. Giving a sample text helps, but never include personal or non-public information.',
    },
    keywords: ['生成AI', 'プロンプト', '指示', '聞き方', 'コツ', '質問の仕方', '精度', 'prompt'],
  },
  {
    id: 'data-excel',
    category: 'data',
    question: { ja: 'データを集計して表やグラフにするには?', en: 'How do I total data and turn it into tables and charts?' },
    answer: {
      ja: 'まずデータを「1行に1件、1列に1項目」の形に整え、セルの結合や空白行、表記ゆれをなくします。そのうえでExcelのピボットテーブルを使うと、項目ごとの件数や合計を簡単に集計でき、そこからグラフも作れます。伝えたいこと（推移・比較・割合）に合わせて折れ線・棒・円などグラフの種類を選ぶのがポイントです。',
      en: 'First shape the data as one record per row and one item per column, removing merged cells, blank rows and inconsistent spellings. Then an Excel pivot table totals counts and sums per item easily, and charts follow from it. Pick the chart type (line, bar, pie) for what you want to show: trend, comparison or share.',
    },
    keywords: ['データ', '集計', 'グラフ', '表', 'ピボット', 'ピボットテーブル', 'Excel', 'エクセル', '統計', '分析', 'chart'],
  },
  {
    id: 'data-bi',
    category: 'data',
    question: { ja: 'BIツールでデータを可視化したいです', en: 'I want to visualise data with a BI tool' },
    answer: {
      ja: 'BIツールを使うと、定期的に集めるデータをダッシュボードとして見える化し、最新の状況を関係者と共有できます。担当業務のデータを可視化して事業立案や課題の発見に活かすことは、データ活用スキルのレベル2に当たります。利用できるツールや元データの準備方法はデジタル推進課にご相談ください。データ利活用研修でも考え方を学べます。',
      en: 'A BI tool turns regularly collected data into dashboards and shares the latest picture with colleagues. Visualising your own work’s data to plan projects and find issues is level 2 of the data skill. Ask the Digital Promotion Division which tools are available and how to prepare the source data; the data utilisation training teaches the approach.',
    },
    keywords: ['BI', 'BIツール', 'ダッシュボード', '可視化', '見える化', 'Power BI', 'データ分析', 'グラフ', 'visualise'],
  },
  {
    id: 'ebpm',
    category: 'data',
    question: { ja: 'EBPMとは何ですか?', en: 'What is EBPM?' },
    answer: {
      ja: 'EBPM（エビデンスに基づく政策立案）は、感覚ではなく、データなどの根拠（ファクト）に基づいて事業を企画・改善する考え方です。事業の目的から成果までの筋道をロジックモデルで整理し、測るべき指標を決めてデータを集めることが出発点になります。データ利活用研修やロジックモデル・プログラム評価研修で学べます。',
      en: 'EBPM (evidence-based policy making) plans and improves projects based on evidence such as data rather than intuition. The starting point is to set out the path from a project’s purpose to its outcomes with a logic model, decide which indicators to measure and collect the data. The data utilisation training and the logic model and programme evaluation training teach it.',
    },
    keywords: ['EBPM', 'エビデンス', '根拠', '政策立案', 'ロジックモデル', '効果測定', '指標', '事業評価', 'evidence'],
  },
  {
    id: 'data-collection',
    category: 'data',
    question: { ja: '業務のデータをうまく集めて蓄積するには?', en: 'How do I collect and keep work data well?' },
    answer: {
      ja: '後から集計・分析できるよう、入力の形式（日付や選択肢の書き方）を決めて統一し、自由記述はなるべく選択式にします。ファイルが担当者ごとに散らばらないよう、保存場所と更新する人を決めておくことも大切です。複数人で入力するならkintoneのようなツールで入力欄を決めておくと、表記ゆれを防げます。',
      en: 'So the data can be totalled later, fix the input format (dates, how choices are written) and prefer choices to free text. Decide where files live and who updates them so they do not scatter across people. When several people enter data, a tool such as kintone with defined fields prevents inconsistent spellings.',
    },
    keywords: ['データ収集', '蓄積', '入力ルール', '表記ゆれ', 'データ整備', '管理', '統一', 'collect data'],
  },
  {
    id: 'security-rules',
    category: 'security',
    question: { ja: '区の情報セキュリティのルールはどこで確認できますか?', en: 'Where can I check the ward’s information security rules?' },
    answer: {
      ja: '職員は区のセキュリティに関する規定を理解し、日ごろの業務で適正な行動をとることが求められます。規定の内容や最新の運用、所属での具体的な扱いについてはデジタル推進課にご相談ください。セキュリティ研修でも、扱う情報やシステムに応じた対策を学べます。',
      en: 'Staff are expected to understand the ward’s security rules and act properly in daily work. Ask the Digital Promotion Division about the rules, their current operation and how they apply in your section. The security training also teaches measures suited to the information and systems you handle.',
    },
    keywords: ['情報セキュリティ', 'セキュリティ', '規定', 'ルール', 'ポリシー', '規則', '情報管理', 'security policy'],
  },
  {
    id: 'security-media',
    category: 'security',
    question: { ja: 'USBメモリや私物のパソコン・スマートフォンを業務で使ってもいいですか?', en: 'May I use USB sticks or my own PC or phone for work?' },
    answer: {
      ja: 'USBメモリなどの外部記録媒体や私物の端末の利用は、情報漏えいやウイルス感染の原因になりやすいため、区の情報セキュリティのルールで認められた方法以外では使わないでください。データの受け渡しが必要な場合は、認められた手段を確認してから行ってください。判断に迷う場合は、実行する前にデジタル推進課にご相談ください。',
      en: 'External media such as USB sticks and personal devices easily cause data leaks and infections, so use them only in ways the ward’s information security rules allow. When you need to hand over data, first check which means are allowed. If unsure, ask the Digital Promotion Division before you do it.',
    },
    keywords: ['USB', 'USBメモリ', '外部記録媒体', '私物', '個人端末', 'スマホ', 'スマートフォン', '持ち出し', 'データ持ち出し', 'BYOD'],
  },
  {
    id: 'security-incident',
    category: 'security',
    question: { ja: '不審なメールを開いてしまった・ウイルスに感染したかもしれません', en: 'I opened a suspicious email or may have a virus' },
    answer: {
      ja: '被害を広げないため、区の規定の手順に従い、すぐに所属長とデジタル推進課に連絡してください。自己判断でファイルを削除したり、そのまま使い続けたりせず、いつ・どのメールや添付ファイル・リンクを開いたかを記録しておきます。急ぎの場合はこのチャットの相談を待たず、直接連絡してください。',
      en: 'To limit the damage, follow the ward’s procedure and tell your manager and the Digital Promotion Division immediately. Do not delete files or keep working on your own judgement; note when and which email, attachment or link you opened. If it is urgent, contact them directly rather than waiting for a reply here.',
    },
    keywords: ['不審メール', '迷惑メール', '標的型', 'フィッシング', 'ウイルス', 'マルウェア', '感染', '添付ファイル', 'インシデント', '開いてしまった', 'phishing'],
  },
  {
    id: 'security-cloud',
    category: 'security',
    question: { ja: 'インターネットの無料サービスやクラウドサービスを業務で使いたいです', en: 'I want to use a free online or cloud service for work' },
    answer: {
      ja: '外部のクラウドサービスは、データの保存場所や利用規約、セキュリティ対策が区の要件を満たすか確認する必要があります。特に個人情報や非公開の情報を扱う場合は、区の情報セキュリティのルールに沿った確認が欠かせません。使い始める前に、サービス名と使いたい業務を添えてデジタル推進課にご相談ください。',
      en: 'For an external cloud service you must check where the data is stored, its terms of use and whether its security meets the ward’s requirements. Checks under the ward’s information security rules are essential especially for personal or non-public information. Before you start, ask the Digital Promotion Division with the service name and the work you want to use it for.',
    },
    keywords: ['クラウド', 'クラウドサービス', '無料サービス', 'フリーソフト', 'ウェブサービス', '外部サービス', '利用規約', 'インストール', 'SaaS', 'cloud'],
  },
  {
    id: 'procurement-spec',
    category: 'procurement',
    question: { ja: 'システム調達の仕様書はどう書けばいいですか?', en: 'How do I write the specification for a system procurement?' },
    answer: {
      ja: '仕様書には、導入の目的と対象業務、必要な機能、データ量や利用者数、セキュリティ要件、運用・保守、スケジュールなどを、事業者が見積りと提案をできる具体さで書きます。特定の製品を前提にした書き方にならないよう注意が必要です。システム調達に係る仕様書を作成できることはデジタル活用スキルのレベル2に当たります。区の様式や手続きを含め、作成の段階でデジタル推進課にご相談ください。',
      en: 'A specification states the purpose and the work covered, the functions needed, data volumes and user numbers, security requirements, operation and maintenance, and the schedule, concretely enough for vendors to quote and propose. Avoid wording that presumes one product. Writing a procurement specification is level 2 of the digital utilisation skill. Ask the Digital Promotion Division while drafting, including the ward’s templates and procedures.',
    },
    keywords: ['仕様書', '調達', 'システム調達', '要件', '要件定義', '機能要件', '入札', '見積', '書き方', 'specification'],
  },
  {
    id: 'procurement-flow',
    category: 'procurement',
    question: { ja: '新しいシステムを導入したいとき、何から始めればいいですか?', en: 'We want a new system. Where do we start?' },
    answer: {
      ja: 'まず解決したい課題と現在の業務フローを整理し、システムを入れなくても業務の見直しやkintone・RPAなど既存のツールで解決できないかを確認します。そのうえで必要な機能やセキュリティ要件をまとめ、予算・調達の手続きに進みます。システム導入は予算や庁内の手続き、他システムとの連携が関わるため、構想の早い段階でデジタル推進課にご相談ください。',
      en: 'First set out the problem and the current workflow, and check whether reviewing the work or existing tools such as kintone or RPA could solve it without a new system. Then summarise the functions and security requirements and move on to budget and procurement. A new system involves budgets, internal procedures and links with other systems, so ask the Digital Promotion Division at an early stage.',
    },
    keywords: ['システム導入', '新システム', '導入', '調達', '予算', '更新', 'リプレース', '改修', '進め方', 'new system'],
  },
  {
    id: 'procurement-security',
    category: 'procurement',
    question: { ja: '調達するシステムのセキュリティ要件はどう決めればいいですか?', en: 'How do we set security requirements for a system we buy?' },
    answer: {
      ja: '扱う情報の種類（個人情報の有無など）と重要度、利用者、接続するネットワークを整理し、それに応じたアクセス管理、通信や保存データの保護、ログ、障害時の対応などを要件にします。要件に対する対策手法を理解して、要件を満たすシステムを選定できることはセキュリティスキルのレベル2に当たります。区のルールに沿った要件の確認はデジタル推進課にご相談ください。',
      en: 'Set out the kind and importance of the information (for example whether it is personal), the users and the networks it connects to, and require access control, protection of data in transit and at rest, logging and incident handling to match. Understanding the measures for each requirement and choosing a system that meets them is level 2 of the security skill. Ask the Digital Promotion Division to check the requirements against the ward’s rules.',
    },
    keywords: ['セキュリティ要件', '調達', '仕様書', '選定', 'アクセス管理', '暗号化', 'ログ', '委託', 'クラウド', 'requirements'],
  },
  {
    id: 'exam-subsidy',
    category: 'other',
    question: { ja: 'ITパスポートなどIT関連試験の受験料や講座に助成はありますか?', en: 'Is there a subsidy for IT exams such as IT Passport or courses?' },
    answer: {
      ja: 'DX人材育成方針では、IT関連試験・講座を受ける職員への助成の充実（人事課と協働）を掲げ、助成率を引き上げることで受験・受講を推進するとしています。対象となる試験・講座や助成の額、申請の方法と時期は年度ごとの案内によるため、デジタル推進課にご相談ください。合格したら「マイDXスキル」タブに記録しておくと、スキルの可視化に役立ちます。',
      en: 'The DX talent-development policy aims to expand subsidies for staff taking IT exams and courses (with the Personnel Division), raising the subsidy rate to encourage them. Which exams and courses qualify, the amount, and how and when to apply depend on each year’s notice, so ask the Digital Promotion Division. Once you pass, record it in the "My DX skills" tab to make your skills visible.',
    },
    keywords: ['助成', '補助', '受験料', '受講料', '費用', 'ITパスポート', '情報セキュリティマネジメント', '基本情報技術者', '資格', '試験', '講座', '人事課', 'subsidy'],
  },
  {
    id: 'exam-record',
    category: 'other',
    question: { ja: 'IT関連の国家試験に合格しました。どこに登録すればいいですか?', en: 'I passed an IT national exam. Where do I record it?' },
    answer: {
      ja: 'DX Naviの「マイDXスキル」タブで、ITパスポートなどIPAの国家試験の合格を記録できます。方針では、研修の受講状況や国家試験の合格状況などを職員ごとに整理し、能力の可視化を図ることとしています。記録した内容を修正・削除したい場合も同じタブから行えます。',
      en: 'Record passes of IPA national exams such as IT Passport in the "My DX skills" tab of DX Navi. The policy organises each employee’s training record and national exam passes to make abilities visible. You can correct or remove a record in the same tab.',
    },
    keywords: ['合格', '登録', '記録', '国家試験', 'IPA', 'ITパスポート', '資格', 'マイDXスキル', '合格実績', 'exam pass'],
  },
  {
    id: 'promoter-role',
    category: 'other',
    question: { ja: 'DX推進委員とは何ですか?どんな役割がありますか?', en: 'What is a DX promoter and what do they do?' },
    answer: {
      ja: 'DX推進委員は、各所属のDX推進の旗振り役です。研修の受講に加えて、所属とデジタル推進課のつなぎ役となることが求められます。方針では、DX推進委員の研修を充実化し、能力を高めることで、どの組織でもDXに取り組めるようにするとしています。所属の推進委員が誰かわからない場合や、委員としての活動の相談はデジタル推進課にご相談ください。',
      en: 'DX promoters lead DX in each section. Besides taking training, they are expected to link their section with the Digital Promotion Division. The policy expands training for DX promoters so that every organisation can work on DX. If you do not know who your section’s promoter is, or want advice on a promoter’s activities, ask the Digital Promotion Division.',
    },
    keywords: ['DX推進委員', '推進委員', '委員', '旗振り役', 'つなぎ役', '役割', '所属', 'promoter'],
  },
  {
    id: 'tool-experience',
    category: 'tool',
    question: { ja: 'DXツール操作体験会とは?参加するには?', en: 'What are the hands-on DX tool sessions and how do I join?' },
    answer: {
      ja: 'DXツール操作体験会は、主に庁内に導入されているDXツール（RPA、kintone等）を職員が体験できる機会です。実際に触ってみることで、自分の業務で何ができそうかをイメージできます。開催日程と申し込みは「研修を探す」やDX Naviのタブで案内します。',
      en: 'The hands-on DX tool sessions let staff try the DX tools the ward has introduced, mainly RPA and kintone. Trying them shows what they could do for your work. Dates and sign-up are announced in "Find training" and the DX Navi tab.',
    },
    keywords: ['体験会', '操作体験', 'ハンズオン', '触ってみたい', '試したい', '体験', 'RPA', 'kintone', 'hands-on'],
  },
  {
    id: 'training-signup',
    category: 'other',
    question: { ja: 'DX関連の研修に申し込むには?', en: 'How do I sign up for DX training?' },
    answer: {
      ja: '「研修を探す」で研修メニューを確認できます。開催回の日程確認と申し込み、キャンセルはDX Naviのタブから行えます。定員に達した回はキャンセル待ちになり、空きが出ると順番に繰り上がります。研修はレベル別に整備されているので、「マイスキル」のおすすめも参考にしてください。',
      en: 'See the training menu with "Find training". Check session dates, sign up and cancel in the DX Navi tab. A full session puts you on the waitlist, and freed seats go to the waitlist in order. Training is organised by level, so see the recommendations in "My skills" too.',
    },
    keywords: ['研修', '申し込み', '申込', '受講', '講座', 'セミナー', '参加', 'キャンセル', '日程', 'training'],
  },
  {
    id: 'skill-levels',
    category: 'other',
    question: { ja: '自分のDXスキルのレベルやおすすめの研修を知りたいです', en: 'I want to know my DX skill levels and recommended training' },
    answer: {
      ja: '「マイスキル」またはDX Naviのタブで、業務改革・サービスデザイン・デジタル活用・データ活用・セキュリティの5つのスキルについて、できることにチェックを付けるとレベルがわかります。次のレベルを目指すためのおすすめ研修も表示されます。目標のレベルを決めておくと、研修を選びやすくなります。',
      en: 'In "My skills" or the DX Navi tab, tick what you can do for the five skills (business reform, service design, digital utilisation, data utilisation, security) to see your levels. Recommended training towards the next level is shown too. Setting a target level makes choosing training easier.',
    },
    keywords: ['スキル', 'レベル', 'スキルレベル', 'おすすめ', '研修受講マップ', '自己評価', 'チェック', '目標', 'skills'],
  },
  {
    id: 'award',
    category: 'other',
    question: { ja: 'DXの取組を表彰してもらえる制度はありますか?', en: 'Is there an award for DX work?' },
    answer: {
      ja: '方針では、DXの推進に資する取組の優良事例をデジタル推進課が表彰し、職員のモチベーションアップを図るとしています。優良事例はインフォメーションでも紹介されます。募集の時期や推薦の方法はデジタル推進課にご相談ください。',
      en: 'Under the policy, the Digital Promotion Division awards good examples of work that advances DX to motivate staff. Good examples are also introduced in the information feed. Ask the Digital Promotion Division about when and how to nominate.',
    },
    keywords: ['表彰', '優良事例', '事例', '評価', 'モチベーション', '推薦', '応募', 'award'],
  },
  {
    id: 'it-literacy',
    category: 'other',
    question: { ja: 'パソコンやITが苦手です。基礎から学べますか?', en: 'I am not good with computers. Can I learn from the basics?' },
    answer: {
      ja: 'はい。職員のITリテラシー向上を目的としたITリテラシー研修があり、研修は初めて学ぶ職員から知識のある職員までレベル別に整備されています。DXツール操作体験会で実際のツールに触れてみるのもおすすめです。「研修を探す」から研修メニューを確認してください。',
      en: 'Yes. The IT literacy training aims to raise staff IT literacy, and training is organised by level from first-time learners to experienced staff. Trying real tools at a hands-on DX tool session also helps. See the menu with "Find training".',
    },
    keywords: ['苦手', '初心者', '基礎', '基本', 'ITリテラシー', 'パソコン', '入門', '初めて', 'わからない', 'beginner'],
  },
];
