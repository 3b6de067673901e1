// adaptivecards' package entry is extensionless ESM that Node cannot load; its UMD bundle parses without a DOM.
import * as AdaptiveCards from 'adaptivecards/dist/adaptivecards.js';

export interface CardParseResult {
  problems: string[];
  bytes: number;
}

/** Parses a card with the official library, collecting every warning and error it reports. */
export function parseAdaptiveCard(content: unknown): CardParseResult {
  const problems: string[] = [];
  const context = new AdaptiveCards.SerializationContext();
  context.onParseElement = () => undefined;
  const card = new AdaptiveCards.AdaptiveCard();
  card.parse(content as never, context);
  for (let index = 0; index < context.eventCount; index++) {
    const event = context.getEventAt(index);
    problems.push(`${AdaptiveCards.ValidationEvent[event.event]}: ${event.message}`);
  }
  const validation = card.validateProperties();
  for (const event of validation.validationEvents) {
    problems.push(`${AdaptiveCards.ValidationEvent[event.event]}: ${event.message}`);
  }
  return { problems, bytes: Buffer.byteLength(JSON.stringify(content), 'utf8') };
}
