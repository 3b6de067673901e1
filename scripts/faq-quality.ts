import { createFaqSearch } from '../bot/src/features/consultation/domain/faq-search.js';
import { FAQ_ENTRIES } from '../bot/src/features/consultation/domain/faq-entries.js';
import { measureFaqQuality } from '../tests/support/faq-quality-set.js';

// Prints the FAQ search's hit rates over the fixed question set kept with the tests (npm run faq:quality).
const quality = measureFaqQuality(createFaqSearch(FAQ_ENTRIES));
const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
console.log(`FAQ entries: ${FAQ_ENTRIES.length}, questions: ${quality.total}`);
console.log(`top-1 hit rate: ${percent(quality.top1)}`);
console.log(`top-3 hit rate: ${percent(quality.top3)}`);
const withoutBigrams = measureFaqQuality(createFaqSearch(FAQ_ENTRIES, { kanjiBigrams: 'none' }));
console.log(`(without kanji bigrams: top-1 ${percent(withoutBigrams.top1)}, top-3 ${percent(withoutBigrams.top3)})`);
for (const miss of quality.misses) console.log(`  missed: 「${miss.question}」 expected ${miss.expected}, got ${miss.got.join(', ') || '(nothing)'}`);
