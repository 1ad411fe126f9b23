import type { ReactNode } from 'react';
import styles from '../styles.module.css';

const LOOK = {
  pass: { icon: '✓', word: 'pass', className: styles.pass },
  done: { icon: '✓', word: 'done', className: styles.pass },
  fail: { icon: '✗', word: 'fail', className: styles.fail },
  failed: { icon: '✗', word: 'failed', className: styles.fail },
  skip: { icon: '–', word: 'skipped', className: styles.skip },
  refused: {
    icon: '↩',
    word: 'refused, as expected',
    className: undefined,
  },
  pending: { icon: '○', word: 'pending', className: styles.skip },
  current: { icon: '▶', word: 'next', className: undefined },
} as const;

export type StatusWord = keyof typeof LOOK;

/** A status as an icon and a word, coloured as a third cue only. */
export default function StatusText({
  status,
}: {
  status: StatusWord;
}): ReactNode {
  const look = LOOK[status];
  return (
    <span className={`${styles.statusTag} ${look.className ?? ''}`}>
      <span aria-hidden="true">{look.icon} </span>
      {look.word}
    </span>
  );
}
