import { Card, Subtitle2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** A titled part of a page: an h2 the region is labelled by, and its content on a card unless `bare`. */
export function Section(props: { id: string; title: ReactNode; children: ReactNode; bare?: boolean; headerEnd?: ReactNode }) {
  const headingId = `${props.id}-heading`;
  const heading = (
    <Subtitle2 as="h2" id={headingId}>
      {props.title}
    </Subtitle2>
  );
  return (
    <section aria-labelledby={headingId}>
      {props.headerEnd ? (
        <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: '8px' }}>
          {heading}
          {props.headerEnd}
        </div>
      ) : (
        heading
      )}
      {props.bare ? props.children : <Card>{props.children}</Card>}
    </section>
  );
}
