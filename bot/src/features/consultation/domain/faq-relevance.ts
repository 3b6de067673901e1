/**
 * The FAQ search's relevance floor: when does the best entry really answer the question, and when is it only the
 * least bad of unrelated entries (「パスワードを忘れました」 matching an entry that mentions "Word")?
 *
 * BM25 always ranks something first, so a floor on its score alone cannot tell "a short question about a known
 * topic" from "a question about something else that shares a common word". What tells them apart is the
 * question's own vocabulary: an unanswerable question names its topic with words the FAQ never uses (給与, 有給,
 * 駐車, payslip), and only its generic words (申請, 方法, 変更) meet an entry. So an entry's score is discounted by
 * one share for every topic word of the question that appears nowhere in the FAQ, and must still reach the floor:
 *
 *   relevant ⇔ score / (1 + topic words the FAQ does not know) ≥ FAQ_RELEVANCE_FLOOR
 *
 * A topic word is a term of two or more characters without hiragana (a noun or a product name: 休暇, コピー,
 * payslip); terms with hiragana are inflected verbs and particles the segmenter left (使い, 作り, まっ), which say
 * nothing about whether the FAQ knows the subject. Calibrated on tests/support/faq-quality-set.ts (answerable and
 * unanswerable questions written apart from the entries); `npm run faq:quality` prints the figures.
 */
// Floors from 15 to 21 all keep ≥ 95% top-3 and ≥ 90% "no match" on the calibration set; 19 sits inside that range.
export const FAQ_RELEVANCE_FLOOR = 19;

const HAS_HIRAGANA = /\p{Script=Hiragana}/u;

/** Whether a search term names a subject (a noun or a name) rather than inflection or a particle. */
export function isTopicWord(term: string): boolean {
  return [...term].length >= 2 && !HAS_HIRAGANA.test(term);
}

/** The topic words of a question's terms that the FAQ's indexed vocabulary does not contain. */
export function unknownTopicWords(questionTerms: readonly string[], vocabulary: ReadonlySet<string>): string[] {
  return [...new Set(questionTerms)].filter((term) => isTopicWord(term) && !vocabulary.has(term));
}

/** The score an entry needs for a question with `unknownTopics` topic words the FAQ does not know. */
export function minimumRelevantScore(unknownTopics: number, floor = FAQ_RELEVANCE_FLOOR): number {
  return floor * (1 + unknownTopics);
}
