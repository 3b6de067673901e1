import MiniSearch from 'minisearch';
import { FAQ_ENTRIES, type FaqEntry } from './faq-entries.js';
import { FAQ_RELEVANCE_FLOOR, minimumRelevantScore, unknownTopicWords } from './faq-relevance.js';

/**
 * FAQ search for free-text questions in Japanese (and English). Japanese has no spaces, so text is normalised
 * (NFKC: full-width ＵＳＢ → usb, half-width ｶﾅ → カナ; lowercase), split into words with the ICU word segmenter,
 * and stripped of particles and filler that say nothing about the topic (の, を, って, したい, ですか…).
 * Kanji runs also yield character bigrams, because the segmenter cuts compounds differently in a question and in
 * an entry (受験料 → 受験|料, 助成率 → 助成|率); bigrams let 受験料 meet 受験料 however each side was cut.
 * Ranking is minisearch's BM25 with the question and keywords weighted above the answer text.
 */
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

// Function words and question filler: frequent in every question, useless for telling topics apart.
const STOPWORDS = new Set([
  'の', 'に', 'は', 'を', 'が', 'で', 'て', 'と', 'も', 'へ', 'や', 'か', 'な', 'ね', 'よ', 'わ', 'だ', 'た', 'し', 'ば', 'ず', 'ん',
  'から', 'まで', 'より', 'など', 'って', 'とか', 'けれど', 'ので', 'のに', 'には', 'では', 'でも', 'とは', 'について',
  'です', 'ます', 'ました', 'ません', 'でしょう', 'でしょ', 'ですか', 'ますか', 'だろう', 'ない', 'なく', 'たい', 'たく', 'ほしい',
  'する', 'した', 'して', 'します', 'しよう', 'しまった', 'しまい', 'いる', 'いい', 'よい', 'ある', 'あり', 'なる', 'なり', 'れる', 'られる',
  'こと', 'もの', 'ところ', 'ため', 'よう', 'これ', 'それ', 'あれ', 'この', 'その', 'あの', 'どの', 'ここ', 'そこ',
  'どう', 'どうやって', 'どうすれば', 'どうしたら', 'どんな', 'なに', '何', 'なん', 'どこ', 'いつ', 'だれ', '誰', 'どれ', 'どれくらい',
  'ください', 'くれ', 'もらえ', 'もらう', 'いただけ', 'できる', 'でき', 'できます', 'できますか', 'ですが', 'けど', 'さん', 'お願い',
  'a', 'an', 'the', 'to', 'of', 'in', 'on', 'for', 'and', 'or', 'is', 'are', 'i', 'we', 'my', 'our', 'how', 'do', 'can', 'what', 'with', 'me',
]);

// Katakana and other spellings of the same product or thing, mapped to the form the FAQ uses. Replaced in the
// text before segmenting, because the segmenter cuts unknown katakana words apart (キントーン → キン|トーン).
const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['キントーン', 'kintone'],
  ['エクセル', 'excel'],
  ['ワード', 'word'],
  ['チームズ', 'teams'],
  ['チャットgpt', 'chatgpt'],
  ['コパイロット', 'copilot'],
  ['スマホ', 'スマートフォン'],
  ['メアド', 'メール'],
  ['ムダ', '無駄'],
]);

const HAN_RUN = /\p{Script=Han}{3,}/gu;
const HIRAGANA_ONLY = /^\p{Script=Hiragana}+$/u;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

// Only whole katakana words: ワード inside パスワード is not Word.
const SYNONYM_PATTERN = new RegExp(`(?<![\\p{Script=Katakana}ー])(?:${[...SYNONYMS.keys()].join('|')})(?![\\p{Script=Katakana}ー])`, 'gu');

function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(SYNONYM_PATTERN, (spelling) => ` ${SYNONYMS.get(spelling) ?? spelling} `);
}

/**
 * The search terms of a text: word segments minus stopwords, with synonyms mapped, plus (for indexed text) the
 * bigrams of kanji runs of three or more characters. Exported for tests.
 */
export function tokenizeJapanese(text: string, options: { kanjiBigrams?: boolean } = {}): string[] {
  const normalized = normalize(text);
  const terms: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(normalized)) {
    if (!isWordLike || !HAS_LETTER_OR_DIGIT.test(segment)) continue;
    if (STOPWORDS.has(segment)) continue;
    // Single hiragana are particles or inflection ends the segmenter split off (作り|ます, わ|から|ない).
    if (HIRAGANA_ONLY.test(segment) && segment.length < 2) continue;
    terms.push(segment);
  }
  if (options.kanjiBigrams) {
    for (const run of normalized.match(HAN_RUN) ?? []) {
      for (let index = 0; index + 2 <= run.length; index++) terms.push(run.slice(index, index + 2));
    }
  }
  return terms;
}

/**
 * The thing a question asks the meaning of: 「RPAとは何ですか」「RPAって何?」「RPAについて教えて」「What is RPA?」 give
 * "rpa" (normalised as the index is); any other question gives undefined.
 */
export function definitionSubject(question: string): string | undefined {
  const text = normalize(question).replace(/\s+/g, ' ').trim();
  const subject =
    /^(.{1,30}?)\s?(?:とは|って(?:何|なに|なん)|ってなん|について(?:教えて|知りたい)|の意味)/u.exec(text)?.[1] ??
    /^what(?: is|'s| are)(?: an?| the)? (.{1,30}?)[\s?？.!]*$/u.exec(text)?.[1];
  return subject?.trim() || undefined;
}

/**
 * How much of a free-text question is searched. A question longer than this is cut (the chat says so): the FAQ
 * answers topics, and a topic is named in the first sentences; what follows only costs time (issue 14: one
 * 28,000-character message held the event loop for seconds).
 */
export const FAQ_QUERY_MAX_CHARS = 500;

/** The part of a question that is searched: its first FAQ_QUERY_MAX_CHARS characters (code points, never half a pair). */
export function searchableQuery(query: string): { text: string; capped: boolean } {
  // Slicing the UTF-16 string first keeps the code-point split cheap however long the text is.
  const head = [...query.slice(0, FAQ_QUERY_MAX_CHARS * 2)].slice(0, FAQ_QUERY_MAX_CHARS).join('');
  return { text: head, capped: head.length < query.length };
}

// Edit distance and prefix expansion are only for word-sized terms: a 500-letter "word" with a fuzziness of 0.2 would
// let minisearch walk its whole index with an edit budget of 100, which is what stalled the server.
const FUZZY_TERM = /^[a-z]{5,20}$/;
const PREFIX_TERM = /^[a-z]{3,20}$/;

export interface FaqHit {
  entry: FaqEntry;
  score: number;
}

export interface FaqSearch {
  /**
   * The best `limit` entries for a question, best first (for 「Xとは」 or "What is X", the entry that says what X is
   * comes first); an empty or meaningless question finds nothing.
   */
  search(query: string, limit?: number): FaqHit[];
}

interface IndexedEntry {
  id: string;
  question: string;
  keywords: string;
  answer: string;
}

export interface FaqSearchOptions {
  /**
   * Where kanji bigrams are added: 'index' (default) adds them to the FAQ text only, so a question's word 自動
   * also finds 自動化 and 受験 finds 受験料; 'both' adds them to the question too; 'none' measures what they add.
   */
  kanjiBigrams?: 'none' | 'index' | 'both';
  /** The relevance floor (faq-relevance.ts); 0 returns the best entries however weak, to measure what it adds. */
  relevanceFloor?: number;
}

export function createFaqSearch(entries: readonly FaqEntry[] = FAQ_ENTRIES, options: FaqSearchOptions = {}): FaqSearch {
  const mode = options.kanjiBigrams ?? 'index';
  const tokenizeEntry = (text: string) => tokenizeJapanese(text, { kanjiBigrams: mode !== 'none' });
  // Bigrams in the question would each count as a matched term, and minisearch multiplies a score by the number
  // of matched terms: a long kanji compound (基本情報技術者試験) would then outweigh every other word.
  const tokenizeQuestion = (text: string) => tokenizeJapanese(text, { kanjiBigrams: mode === 'both' });
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const index = new MiniSearch<IndexedEntry>({
    fields: ['question', 'keywords', 'answer'],
    tokenize: tokenizeEntry,
    // Terms are already normalised by the tokenizer.
    processTerm: (term) => term,
    searchOptions: {
      boost: { question: 2, keywords: 3, answer: 1 },
      // Only Latin words are close enough to one another for edit-distance matching (kintne → kintone).
      fuzzy: (term) => (FUZZY_TERM.test(term) ? 0.2 : false),
      prefix: (term) => PREFIX_TERM.test(term),
      combineWith: 'OR',
      tokenize: tokenizeQuestion,
    },
  });
  index.addAll(
    entries.map((entry) => ({
      id: entry.id,
      question: `${entry.question.ja} ${entry.question.en}`,
      keywords: entry.keywords.join(' '),
      answer: `${entry.answer.ja} ${entry.answer.en}`,
    })),
  );
  // --- relevance floor (faq-relevance.ts): the FAQ's vocabulary, to see which topic words of a question it lacks.
  const floor = options.relevanceFloor ?? FAQ_RELEVANCE_FLOOR;
  const vocabulary = new Set(entries.flatMap((entry) => tokenizeEntry(`${entry.question.ja} ${entry.question.en} ${entry.keywords.join(' ')} ${entry.answer.ja} ${entry.answer.en}`)));
  const minimumScoreFor = (questionTerms: string[]) => minimumRelevantScore(unknownTopicWords(questionTerms, vocabulary).length, floor);
  // --- end of relevance floor
  // What each entry's question asks the meaning of (「RPAとは何ですか?…」 gives "rpa"): that entry says what it is.
  const subjectOf = new Map(entries.map((entry) => [entry.id, definitionSubject(entry.question.ja)]));
  return {
    search(question, limit = 3) {
      const query = searchableQuery(question).text;
      const questionTerms = tokenizeQuestion(query);
      if (questionTerms.length === 0) return [];
      const minimumScore = minimumScoreFor(questionTerms);
      // minisearch is handed the terms already cut for the floor rather than segmenting the text a second time:
      // on a busy server the ICU segmenter costs about 17 µs a question (cold caches), a fifth of the search.
      const hits = index
        .search(query, { tokenize: () => questionTerms })
        .filter((result) => result.score >= minimumScore)
        .flatMap((result) => {
          const entry = byId.get(String(result.id));
          return entry ? [{ entry, score: result.score }] : [];
        });
      // Someone asking what a thing is gets the entry that says what it is first, however often the other entries
      // about that thing repeat its name (「RPAとは何ですか」 found 「RPAを使い始めるには」 first by term frequency).
      const subject = definitionSubject(query);
      const defining = subject ? hits.filter((hit) => subjectOf.get(hit.entry.id) === subject) : [];
      return [...defining, ...hits.filter((hit) => !defining.includes(hit))].slice(0, limit);
    },
  };
}
