import { createHash } from 'node:crypto';
import type { DiagramSource } from './sources';

/** Fingerprint of a diagram's source, stored beside its rendered SVG. */
export function sourceHash(source: DiagramSource): string {
  return createHash('sha256')
    .update(
      JSON.stringify({ source: source.source, messageIds: source.messageIds }),
    )
    .digest('hex')
    .slice(0, 16);
}
