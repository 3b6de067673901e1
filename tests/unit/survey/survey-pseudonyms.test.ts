import { describe, expect, it } from 'vitest';
import { createSurveyPseudonyms } from '../../../bot/src/features/survey/storage/survey-pseudonyms.js';

// Values written by the version before the keys became KeyObjects (e38cadd), under this secret. An upgrade must
// find and open them: otherwise an employee who answered before it could not see or change their answers, and the
// batch would hold every waiting answer.
const SECRET = 'a-survey-secret-of-at-least-32-characters!';
const WRITTEN_BEFORE = {
  participantKey: '942647f17c469022e7682ed6cbbcf36d21ae30846a695431903441e0e734b0be',
  pendingKey: '92c317763447af7fdff3ff813051654e56cb88e6d0219434c1871258fecb3a08',
  keyCheck: 'rHxShPxNOUbnSRtvN3blxrhUKgfKwPFybCCaVoTpI1ve931bAdMTuGPPx3OccUfD_Wi2yw',
  pending: 'Ky2WSnTiHKEkKMkcC71EVHvwKIuhl1fyUmCv687cuUe4LpiW',
  responseId: 'ViqQP8afEQq_55xwLaDkRnSvJoPk1wmJd9VQdG3jDTSPVg',
};

describe('survey pseudonyms across an upgrade', () => {
  it('when the app is upgraded, then the rows an earlier version wrote for a round are found and opened with the same secret', () => {
    const pseudonyms = createSurveyPseudonyms(SECRET);
    expect(pseudonyms.participantKey('2026-H2', 'employee-001')).toBe(WRITTEN_BEFORE.participantKey);
    expect(pseudonyms.pendingKey('2026-H2', 'employee-001')).toBe(WRITTEN_BEFORE.pendingKey);
    expect(pseudonyms.opensKeyCheck('2026-H2', WRITTEN_BEFORE.keyCheck)).toBe(true);
    expect(pseudonyms.openPending('2026-H2', 'abc', WRITTEN_BEFORE.pending)).toBe('{"q1":3}');
    expect(pseudonyms.openResponseId('2026-H2', WRITTEN_BEFORE.participantKey, WRITTEN_BEFORE.responseId)).toBe('resp-1');
  });

  it('when the secret is another, then none of those rows is found or opened', () => {
    const other = createSurveyPseudonyms(`${SECRET}x`);
    expect(other.participantKey('2026-H2', 'employee-001')).not.toBe(WRITTEN_BEFORE.participantKey);
    expect(other.opensKeyCheck('2026-H2', WRITTEN_BEFORE.keyCheck)).toBe(false);
    expect(other.openPending('2026-H2', 'abc', WRITTEN_BEFORE.pending)).toBeUndefined();
    expect(other.openResponseId('2026-H2', WRITTEN_BEFORE.participantKey, WRITTEN_BEFORE.responseId)).toBeUndefined();
  });
});
