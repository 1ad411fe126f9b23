/** Generates mermaid sequence diagrams from the message lists in content/diagrams.ts. */
import type { DiagramMessage } from '../engine/types';
import {
  AUTHN_ACCESSIBILITY,
  AUTHN_DIAGRAM_MESSAGES,
  AUTHN_PARTICIPANTS,
  AUTHZ_ACCESSIBILITY,
  AUTHZ_DIAGRAM_MESSAGES,
  AUTHZ_PARTICIPANTS,
} from '../content/diagrams';

export { AUTHN_DIAGRAM_MESSAGES, AUTHZ_DIAGRAM_MESSAGES };

function mermaidText(text: string): string {
  // Mermaid treats ; and # specially in message text.
  return text.replace(/;/g, ',').replace(/#/g, '');
}

function sequenceDiagram(
  participants: ReadonlyArray<{ id: string; label: string }>,
  messages: readonly DiagramMessage[],
  a11y: { title: string; description: string },
): string {
  const lines = [
    'sequenceDiagram',
    `  accTitle: ${mermaidText(a11y.title)}`,
    `  accDescr: ${mermaidText(a11y.description)}`,
  ];
  for (const p of participants)
    lines.push(`  participant ${p.id} as ${p.label}`);
  let depth = 0;
  for (const m of messages) {
    if (m.branch?.kind === 'alt') {
      lines.push(`  alt ${m.branch.label}`);
      depth++;
    } else if (m.branch?.kind === 'else') {
      lines.push(`  else ${m.branch.label}`);
    }
    const arrow = m.reply ? '-->>' : '->>';
    lines.push(
      `${'  '.repeat(depth + 1)}${m.from}${arrow}${m.to}: ${mermaidText(m.text)}`,
    );
    if (m.endBranch && depth > 0) {
      lines.push('  end');
      depth--;
    }
  }
  return lines.join('\n') + '\n';
}

export function authnDiagramSource(): string {
  return sequenceDiagram(
    AUTHN_PARTICIPANTS,
    AUTHN_DIAGRAM_MESSAGES,
    AUTHN_ACCESSIBILITY,
  );
}

export function authzDiagramSource(): string {
  return sequenceDiagram(
    AUTHZ_PARTICIPANTS,
    AUTHZ_DIAGRAM_MESSAGES,
    AUTHZ_ACCESSIBILITY,
  );
}
