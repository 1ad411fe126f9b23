import { useState, type ReactNode } from 'react';
import controls from '../controls.module.css';

/** Writes text to the clipboard; falls back to a hidden textarea selection. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export interface CopyButtonProps {
  text: string;
  /** Visible label, for example "Copy as curl". */
  label: string;
  /** Full accessible name when the visible label is ambiguous. */
  ariaLabel?: string;
}

export default function CopyButton({
  text,
  label,
  ariaLabel,
}: CopyButtonProps): ReactNode {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      className={controls.smallButton}
      aria-label={ariaLabel}
      data-copy-text={text.length < 20000 ? undefined : 'long'}
      onClick={() => {
        void copyText(text).then((ok) => {
          setState(ok ? 'copied' : 'failed');
          window.setTimeout(() => setState('idle'), 2000);
        });
      }}
    >
      {state === 'copied'
        ? 'Copied'
        : state === 'failed'
          ? 'Copy failed'
          : label}
    </button>
  );
}
