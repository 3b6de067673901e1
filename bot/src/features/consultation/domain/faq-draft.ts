import { AppError } from '../../../kernel/domain/errors.js';
import { isTopicWord } from './faq-relevance.js';
import { tokenizeJapanese } from './faq-search.js';
import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import type { ConsultationCategory } from './categories.js';
import type { Ticket } from './tickets.js';

/**
 * 「FAQにする」 (issue 18): a resolved request becomes a draft FAQ entry — its title as the question, its resolution
 * note as the answer, keywords from its title and details — with the requester's name and personal details
 * removed, for デジタル推進課 to edit before publishing. The draft is never stored; publishing goes through the
 * same validation as any entry.
 */

/** Who filed the request, as far as the records know them: every one of these is taken out of the draft. */
export interface RequesterDetails {
  displayName: string;
  email?: string | undefined;
  staffNumber?: string | undefined;
  /** Other names the records hold for them (the name on the request as filed). */
  otherNames?: readonly string[] | undefined;
}

export const PERSONAL_PLACEHOLDERS = { name: '（氏名）', email: '（メールアドレス）', staffNumber: '（職員番号）', phone: '（電話番号）' } as const;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// A run of digits with the separators phone numbers are written with; it is a phone number when it holds 10 or
// more digits (Japanese numbers have 10 or 11), so dates (2026-04-01) and amounts stay.
const PHONE_CANDIDATE = /\+?\d[\d\s().-]{6,}\d/gu;
const EXTENSION = /内線\s*[:：]?\s*\d{2,6}/gu;
const STAFF_NUMBER_LABELLED = /職員番号\s*[:：は]?\s*[A-Za-z0-9-]+/gu;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The spellings of a name to remove: the whole name with and without its spaces, and each part of two or more letters. */
function nameSpellings(displayName: string): string[] {
  const name = displayName.normalize('NFKC').trim();
  if (!name) return [];
  const parts = name.split(/\s+/u).filter((part) => [...part].length >= 2);
  return [name, name.replace(/\s+/gu, ''), ...parts];
}

/**
 * The text with the requester's name (and its parts), e-mail address or UPN, 職員番号, and anything shaped like an
 * e-mail address or a phone number replaced by a placeholder that says what was there.
 */
export function removePersonalDetails(text: string, requester: RequesterDetails): string {
  let result = text.normalize('NFKC');
  const email = requester.email?.normalize('NFKC').trim();
  if (email) {
    result = result.replace(new RegExp(escapeRegExp(email), 'giu'), PERSONAL_PLACEHOLDERS.email);
    const localPart = email.split('@')[0] ?? '';
    if (localPart.length >= 4) result = result.replace(new RegExp(escapeRegExp(localPart), 'giu'), PERSONAL_PLACEHOLDERS.email);
  }
  result = result.replace(EMAIL, PERSONAL_PLACEHOLDERS.email);
  result = result.replace(STAFF_NUMBER_LABELLED, `職員番号 ${PERSONAL_PLACEHOLDERS.staffNumber}`);
  const staffNumber = requester.staffNumber?.normalize('NFKC').trim();
  if (staffNumber) result = result.replace(new RegExp(escapeRegExp(staffNumber), 'gu'), PERSONAL_PLACEHOLDERS.staffNumber);
  result = result.replace(EXTENSION, PERSONAL_PLACEHOLDERS.phone);
  result = result.replace(PHONE_CANDIDATE, (match) => ((match.match(/\d/g)?.length ?? 0) >= 10 ? PERSONAL_PLACEHOLDERS.phone : match));
  const spellings = [...new Set([requester.displayName, ...(requester.otherNames ?? [])].flatMap(nameSpellings))].sort((a, b) => b.length - a.length);
  for (const spelling of spellings) result = result.replace(new RegExp(escapeRegExp(spelling), 'gu'), PERSONAL_PLACEHOLDERS.name);
  return result;
}

const PLACEHOLDER_WORDS = new Set(Object.values(PERSONAL_PLACEHOLDERS).flatMap((placeholder) => tokenizeJapanese(placeholder)));
const DRAFT_KEYWORDS = 8;

export interface FaqDraft {
  category: ConsultationCategory;
  question: LocalizedText;
  answer: LocalizedText;
  keywords: string[];
  /** The request it came from, for the editor to show. */
  sourceTicket: string;
  /** The request's details with personal details removed, as context while writing (not part of the entry). */
  context: string;
}

/** A draft entry from a resolved (or closed) request with a resolution note; refused for any other. */
export function draftFaqFromTicket(ticket: Ticket, requester: RequesterDetails): FaqDraft {
  if ((ticket.status !== 'resolved' && ticket.status !== 'closed') || !ticket.resolution) {
    throw new AppError('invalid-input', {
      detail: `faq draft from ${ticket.number} in ${ticket.status}`,
      userMessage: { ja: '解決済みで解決メモのある相談だけをFAQにできます。', en: 'Only a resolved request with a resolution note can become an FAQ entry.' },
    });
  }
  const person: RequesterDetails = { ...requester, otherNames: [...(requester.otherNames ?? []), ticket.requesterName] };
  // 「…（大崎 花子）」 becomes 「…（氏名）」, not 「…(（氏名）)」.
  const scrub = (text: string) => removePersonalDetails(text, person).replace(/[(（]\s*(（[^（）]+）)\s*[)）]/gu, '$1');
  const title = scrub(ticket.title);
  const details = scrub(ticket.details);
  const keywords = [...new Set(tokenizeJapanese(`${title} ${details}`).filter((term) => isTopicWord(term) && /\p{L}/u.test(term) && !PLACEHOLDER_WORDS.has(term)))].slice(0, DRAFT_KEYWORDS);
  return {
    category: ticket.category,
    question: { ja: title, en: '' },
    answer: { ja: scrub(ticket.resolution), en: '' },
    keywords,
    sourceTicket: ticket.number,
    context: details,
  };
}
