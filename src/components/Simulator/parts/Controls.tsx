import type { ReactNode } from 'react';
import clsx from 'clsx';
import controls from '../controls.module.css';

export interface ControlsProps {
  busy: boolean;
  canNext: boolean;
  canBack: boolean;
  onNext: () => void;
  onBack: () => void;
  onRunToEnd: () => void;
  onReset: () => void;
  /** Where shortcuts work: the whole page or only inside the simulator. */
  shortcutScope: 'page' | 'simulator';
}

interface ControlButtonProps {
  label: string;
  shortcut: string;
  enabled: boolean;
  primary?: boolean;
  onClick: () => void;
}

/**
 * Disabled buttons use aria-disabled rather than `disabled`, so a button
 * that has focus keeps it while a step runs.
 */
function ControlButton({
  label,
  shortcut,
  enabled,
  primary,
  onClick,
}: ControlButtonProps): ReactNode {
  return (
    <button
      type="button"
      className={clsx(controls.button, primary && controls.buttonPrimary)}
      aria-disabled={!enabled}
      aria-keyshortcuts={shortcut}
      onClick={() => {
        if (enabled) onClick();
      }}
    >
      {label}
    </button>
  );
}

export default function Controls(props: ControlsProps): ReactNode {
  const { busy } = props;
  return (
    <div>
      <div
        className={controls.controls}
        role="group"
        aria-label="Step controls"
      >
        <ControlButton
          label="Next"
          shortcut="N"
          primary
          enabled={!busy && props.canNext}
          onClick={props.onNext}
        />
        <ControlButton
          label="Back"
          shortcut="B"
          enabled={!busy && props.canBack}
          onClick={props.onBack}
        />
        <ControlButton
          label="Run to end"
          shortcut="E"
          enabled={!busy && props.canNext}
          onClick={props.onRunToEnd}
        />
        <ControlButton
          label="Reset"
          shortcut="R"
          enabled={!busy && props.canBack}
          onClick={props.onReset}
        />
      </div>
      <p className={controls.shortcuts}>
        Keys
        {props.shortcutScope === 'simulator'
          ? ' (while focus is in the simulator)'
          : ''}
        : <kbd>N</kbd> next, <kbd>B</kbd> back, <kbd>E</kbd> run to end,{' '}
        <kbd>R</kbd> reset. Not while typing in a text field.
      </p>
    </div>
  );
}
