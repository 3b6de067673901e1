/**
 * A typed subset of Adaptive Cards 1.5 (what Teams renders): enough to keep builders honest without pulling a
 * transport SDK into the cards folder.
 */
export type TextSize = 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';

export type CardElement =
  | {
      type: 'TextBlock';
      text: string;
      wrap?: boolean;
      size?: TextSize;
      weight?: 'Default' | 'Bolder' | 'Lighter';
      isSubtle?: boolean;
      spacing?: 'None' | 'Small' | 'Medium' | 'Large';
      style?: 'default' | 'heading';
      color?: 'Default' | 'Accent' | 'Good' | 'Warning' | 'Attention';
    }
  | { type: 'FactSet'; facts: { title: string; value: string }[]; spacing?: 'None' | 'Small' | 'Medium' }
  | { type: 'Container'; items: CardElement[]; separator?: boolean; spacing?: 'None' | 'Small' | 'Medium' | 'Large'; style?: 'emphasis' | 'default' }
  | { type: 'ActionSet'; actions: CardAction[] };

export type CardAction =
  | { type: 'Action.Submit'; title: string; data: Record<string, unknown> }
  | { type: 'Action.Execute'; title: string; verb: string; data?: Record<string, unknown> }
  | { type: 'Action.OpenUrl'; title: string; url: string };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  lang?: string;
  body: CardElement[];
  actions?: CardAction[];
  msteams?: { width: 'Full' };
}

export interface CardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: AdaptiveCard;
}

export function adaptiveCard(parts: { lang: string; body: CardElement[]; actions?: CardAction[] }): CardAttachment {
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      lang: parts.lang,
      body: parts.body,
      ...(parts.actions && parts.actions.length > 0 ? { actions: parts.actions } : {}),
    },
  };
}
