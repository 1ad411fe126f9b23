import type { ReactNode } from 'react';
import stepsCss from '../steps.module.css';

const LOOK = {
  pass: { icon: '✓', word: 'pass', className: stepsCss.pass },
  done: { icon: '✓', word: 'done', className: stepsCss.pass },
  fail: { icon: '✗', word: 'fail', className: stepsCss.fail },
  failed: { icon: '✗', word: 'failed', className: stepsCss.fail },
  skip: { icon: '–', word: 'skipped', className: stepsCss.skip },
  refused: {
    icon: '↩',
    word: 'refused, as expected',
    className: undefined,
  },
  pending: { icon: '○', word: 'pending', className: stepsCss.skip },
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
    <span className={`${stepsCss.statusTag} ${look.className ?? ''}`}>
      <span aria-hidden="true">{look.icon} </span>
      {look.word}
    </span>
  );
}
