import * as AdaptiveCards from 'adaptivecards';
import { useEffect, useRef } from 'react';
import { processCardMarkdown } from './card-markdown';

// Teams renders a TextBlock's Markdown subset; the official renderer needs the host to do it.
AdaptiveCards.AdaptiveCard.onProcessMarkdown = processCardMarkdown;

export interface CardActionEvent {
  type: 'submit' | 'execute' | 'open-url';
  verb?: string;
  data?: unknown;
  url?: string;
}

/** Renders one Adaptive Card with the official renderer and reports its actions. */
export function AdaptiveCardView(props: { card: unknown; onAction: (event: CardActionEvent) => void; dark: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const { card, onAction, dark } = props;
  useEffect(() => {
    const adaptiveCard = new AdaptiveCards.AdaptiveCard();
    adaptiveCard.hostConfig = new AdaptiveCards.HostConfig({
      fontFamily: "'Segoe UI', 'Noto Sans CJK JP', sans-serif",
      containerStyles: { default: { backgroundColor: dark ? '#292929' : '#FFFFFF', foregroundColors: { default: { default: dark ? '#FFFFFF' : '#242424', subtle: dark ? '#ADADAD' : '#616161' } } } },
      actions: { maxActions: 6, buttonSpacing: 8, actionsOrientation: 'horizontal', actionAlignment: 'left' },
    });
    adaptiveCard.onExecuteAction = (action) => {
      if (action instanceof AdaptiveCards.ExecuteAction) onAction({ type: 'execute', verb: action.verb, data: action.data });
      else if (action instanceof AdaptiveCards.SubmitAction) onAction({ type: 'submit', data: action.data });
      else if (action instanceof AdaptiveCards.OpenUrlAction) onAction({ type: 'open-url', url: action.url });
    };
    adaptiveCard.parse(card);
    const rendered = adaptiveCard.render();
    const container = host.current;
    if (container && rendered) {
      container.replaceChildren(rendered);
    }
    return () => container?.replaceChildren();
  }, [card, onAction, dark]);
  return <div ref={host} />;
}
