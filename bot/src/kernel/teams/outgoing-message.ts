import { MessageFactory } from 'botbuilder';
import type { CardAttachment } from '../cards/adaptive-card.js';
import { localeFrom } from '../cards/messages.js';
import type { Locale } from '../domain/catalog/localized-text.js';
import type { OutgoingMessage } from '../../delivery/domain/delivery.js';
import type { EmployeeRepository } from '../domain/ports.js';

// The engine stores messages as plain JSON records; botbuilder's Partial<Activity> is one, but its type has no index signature.
const asOutgoing = (activity: object): OutgoingMessage => activity as OutgoingMessage;

/** A card as the message a broadcast sends. */
export const cardMessage = (card: CardAttachment): OutgoingMessage => asOutgoing(MessageFactory.attachment(card));

/** A plain text message for a broadcast. */
export const textMessage = (text: string): OutgoingMessage => asOutgoing(MessageFactory.text(text));

/** Each employee's language as Teams last reported it (Japanese when unknown), for choosing a broadcast variant. */
export async function employeeLocales(employees: EmployeeRepository): Promise<(employeeId: string) => Locale> {
  const localeOf = new Map((await employees.list()).map((employee) => [employee.id, localeFrom(employee.locale)]));
  return (employeeId) => localeOf.get(employeeId) ?? 'ja';
}
