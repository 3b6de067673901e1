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
  | { type: 'ActionSet'; actions: CardAction[]; spacing?: 'None' | 'Small' | 'Medium' | 'Large' }
  | {
      type: 'Input.Text';
      id: string;
      label?: string;
      placeholder?: string;
      value?: string;
      isMultiline?: boolean;
      maxLength?: number;
      isRequired?: boolean;
      errorMessage?: string;
    }
  | {
      type: 'Input.ChoiceSet';
      id: string;
      /** Inputs carry a visible label (1.3+); required inputs also need an errorMessage, or the card fails validation. */
      label?: string;
      choices: { title: string; value: string }[];
      style?: 'compact' | 'expanded';
      isRequired?: boolean;
      errorMessage?: string;
      value?: string;
      wrap?: boolean;
      spacing?: 'None' | 'Small' | 'Medium' | 'Large';
    }
  | { type: 'Input.Toggle'; id: string; title: string; label?: string; value?: string; valueOn?: string; valueOff?: string; wrap?: boolean; spacing?: 'None' | 'Small' | 'Medium' | 'Large' }
  | { type: 'Image'; url: string; altText?: string; size?: 'Auto' | 'Stretch' | 'Small' | 'Medium' | 'Large'; spacing?: 'None' | 'Small' | 'Medium' | 'Large' };

/** The card an Action.ShowCard opens in place (no schema or version of its own). */
export interface ShownCard {
  type: 'AdaptiveCard';
  body: CardElement[];
  actions?: CardAction[];
}

export type CardAction =
  | { type: 'Action.Submit'; title: string; data: Record<string, unknown> }
  | { type: 'Action.Execute'; title: string; verb: string; data?: Record<string, unknown>; style?: 'default' | 'positive' | 'destructive' }
  | { type: 'Action.OpenUrl'; title: string; url: string }
  | { type: 'Action.ShowCard'; title: string; card: ShownCard };

/** Universal Actions refresh: Teams asks the bot for the current card when one of `userIds` views it. */
export interface CardRefresh {
  action: { type: 'Action.Execute'; verb: string; data?: Record<string, unknown> };
  userIds?: string[];
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  refresh?: CardRefresh;
  msteams?: { width: 'Full' };
}

/** Teams shows at most 5 actions in one ActionSet; longer lists are split into rows. */
export const MAX_ACTIONS_PER_SET = 5;

export function actionRows(actions: CardAction[], perRow = 4): CardElement[] {
  const rows: CardElement[] = [];
  for (let start = 0; start < actions.length; start += perRow) {
    rows.push({ type: 'ActionSet', actions: actions.slice(start, start + Math.min(perRow, MAX_ACTIONS_PER_SET)) });
  }
  return rows;
}

export interface CardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: AdaptiveCard;
}

export function adaptiveCard(parts: { body: CardElement[]; actions?: CardAction[]; refresh?: CardRefresh }): CardAttachment {
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: parts.body,
      ...(parts.actions && parts.actions.length > 0 ? { actions: parts.actions } : {}),
      ...(parts.refresh ? { refresh: parts.refresh } : {}),
    },
  };
}
