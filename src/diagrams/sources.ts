/**
 * The diagrams the site shows, from one source: the simulator's ordered
 * message lists. The concept page renders these as inline SVG made at build
 * time (scripts/render-diagrams.ts), and the simulator highlights the message
 * of the current step on the same SVG.
 */
import {
  AUTHN_DIAGRAM_MESSAGES,
  AUTHZ_DIAGRAM_MESSAGES,
  authnDiagramSource,
  authzDiagramSource,
} from '../simulator/format/mermaid';

type DiagramId = 'authn' | 'authz';

export interface DiagramSource {
  id: DiagramId;
  /** Mermaid sequence-diagram text, with accTitle and accDescr. */
  source: string;
  /** Message ids in the order mermaid draws the message arrows. */
  messageIds: string[];
}

export function diagramSources(): DiagramSource[] {
  return [
    {
      id: 'authn',
      source: authnDiagramSource(),
      messageIds: AUTHN_DIAGRAM_MESSAGES.map((m) => m.id),
    },
    {
      id: 'authz',
      source: authzDiagramSource(),
      messageIds: AUTHZ_DIAGRAM_MESSAGES.map((m) => m.id),
    },
  ];
}
