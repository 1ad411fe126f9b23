import { useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import clsx from 'clsx';
import { GENERATED } from '@site/src/diagrams/generated/diagrams';
import styles from './styles.module.css';

export interface FlowDiagramProps {
  /** Which diagram: authentication (`authn`) or authorization (`authz`). */
  id: 'authn' | 'authz';
  /** Message id to highlight, for the simulator's current step. */
  highlight?: string | null;
  /** Optional caption under the diagram. */
  caption?: ReactNode;
}

/**
 * A sequence diagram rendered to SVG at authoring time (see
 * scripts/render-diagrams.ts), inlined so it shows without JavaScript and
 * without mermaid. The SVG carries its own accessible name and description
 * (mermaid's accTitle and accDescr).
 */
export default function FlowDiagram({
  id,
  highlight,
  caption,
}: FlowDiagramProps): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const instance = useId().replace(/[^a-zA-Z0-9]/g, '');
  const diagram = GENERATED.diagrams[id];
  if (!diagram) {
    throw new Error(
      `FlowDiagram: no generated diagram "${id}". Run \`npm run diagrams\`.`,
    );
  }
  // The same diagram may appear twice on a page (prose and simulator): give
  // each copy its own ids so aria references and markers stay unique.
  const svg = useMemo(
    () => diagram.svg.replaceAll(`${id}-diagram`, `${id}-diagram-${instance}`),
    [diagram.svg, id, instance],
  );

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    for (const element of root.querySelectorAll('[data-message]')) {
      const active =
        highlight != null && element.getAttribute('data-message') === highlight;
      if (styles.active) element.classList.toggle(styles.active, active);
    }
  }, [highlight, svg]);

  return (
    <figure className={styles.figure} data-flow-diagram={id}>
      <div
        ref={ref}
        className={clsx(styles.svg, highlight && styles.highlighting)}
        // Trusted markup: generated at authoring time from our own sources.
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      {caption ? (
        <figcaption className={styles.caption}>{caption}</figcaption>
      ) : null}
    </figure>
  );
}
