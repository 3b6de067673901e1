import { createFaqSearch } from '../bot/src/features/consultation/domain/faq-search.js';
import { FAQ_ENTRIES } from '../bot/src/features/consultation/domain/faq-entries.js';
import { FAQ_RELEVANCE_FLOOR } from '../bot/src/features/consultation/domain/faq-relevance.js';
import { measureFaqQuality } from '../tests/support/faq-quality-set.js';

// Prints the FAQ search's quality over the fixed question sets kept with the tests (npm run faq:quality):
// top-1 / top-3 on answerable questions and the share of unanswerable ones told "no FAQ fits".
const quality = measureFaqQuality(createFaqSearch(FAQ_ENTRIES));
const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
console.log(`FAQ entries: ${FAQ_ENTRIES.length}, answerable questions: ${quality.total}, unanswerable questions: ${quality.unanswerable}`);
console.log(`top-1 hit rate: ${percent(quality.top1)}`);
console.log(`top-3 hit rate: ${percent(quality.top3)}`);
console.log(`unanswerable told "no match": ${percent(quality.noMatch)} (relevance floor ${FAQ_RELEVANCE_FLOOR})`);
const withoutFloor = measureFaqQuality(createFaqSearch(FAQ_ENTRIES, { relevanceFloor: 0 }));
console.log(`(without the floor: top-1 ${percent(withoutFloor.top1)}, top-3 ${percent(withoutFloor.top3)}, "no match" ${percent(withoutFloor.noMatch)})`);
const withoutBigrams = measureFaqQuality(createFaqSearch(FAQ_ENTRIES, { kanjiBigrams: 'none' }));
console.log(`(without kanji bigrams: top-1 ${percent(withoutBigrams.top1)}, top-3 ${percent(withoutBigrams.top3)})`);
for (const miss of quality.misses) console.log(`  missed: 「${miss.question}」 expected ${miss.expected}, got ${miss.got.join(', ') || '(nothing)'}`);
for (const answer of quality.falseAnswers) console.log(`  answered although the FAQ does not cover it: 「${answer.question}」 got ${answer.got.join(', ')}`);
