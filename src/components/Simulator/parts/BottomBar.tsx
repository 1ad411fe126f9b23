import { useEffect, type ReactNode } from 'react';
import clsx from 'clsx';
import controls from '../controls.module.css';
import outcome from '../outcome.module.css';

export interface BottomBarProps {
  busy: boolean;
  canNext: boolean;
  canBack: boolean;
  /** Index of the step shown. */
  index: number;
  total: number;
  cursor: number;
  onNext: () => void;
  onBack: () => void;
}

/** How many bottom bars are mounted; the marker on <html> follows it. */
let mounted = 0;

/**
 * Marks <html> while a bottom bar is mounted, so the page's scroll padding
 * keeps focused and linked elements clear of it. A plain attribute costs the
 * browser less at every style pass than asking html:has(...) of the whole
 * document.
 */
function useHtmlMarker(): void {
  useEffect(() => {
    mounted += 1;
    document.documentElement.setAttribute('data-sim-has-bottom-bar', '');
    return () => {
      mounted -= 1;
      if (mounted === 0)
        document.documentElement.removeAttribute('data-sim-has-bottom-bar');
    };
  }, []);
}

/**
 * Back and Next within thumb reach on narrow screens: it sticks to the bottom
 * of the viewport while the simulator is on screen, so it never moves under
 * the finger. Hidden where the step list stays on screen beside the detail.
 */
export default function BottomBar(props: BottomBarProps): ReactNode {
  useHtmlMarker();
  const { busy } = props;
  const back = !busy && props.canBack;
  const next = !busy && props.canNext;
  return (
    <div
      className={outcome.bottomBar}
      role="group"
      aria-label="Quick navigation"
      data-sim-bottom-bar=""
    >
      <button
        type="button"
        className={controls.button}
        aria-disabled={!back}
        onClick={() => {
          if (back) props.onBack();
        }}
      >
        Back
      </button>
      <span className={outcome.bottomBarStatus} aria-live="off">
        {props.cursor === 0
          ? `${props.total} steps`
          : `Step ${props.index + 1} of ${props.total}`}
      </span>
      <button
        type="button"
        className={clsx(controls.button, controls.buttonPrimary)}
        aria-disabled={!next}
        onClick={() => {
          if (next) props.onNext();
        }}
      >
        Next
      </button>
    </div>
  );
}
