import { useState, type ReactNode } from 'react';
import { toHar, toMarkdown, type RunSummary } from '../lib/export';
import { copyText } from './CopyButton';
import controls from '../controls.module.css';
import styles from '../styles.module.css';

function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Download the run as HAR 1.2, or copy it as a Markdown transcript. */
export default function ExportBar({
  summary,
}: {
  summary: () => RunSummary;
}): ReactNode {
  const [message, setMessage] = useState('');
  return (
    <section aria-label="Export">
      <div className={controls.controls}>
        <button
          type="button"
          className={controls.button}
          onClick={() => {
            const run = summary();
            download(
              `${run.scenarioId}.har`,
              JSON.stringify(toHar(run), null, 2),
              'application/json',
            );
            setMessage('HAR file downloaded.');
          }}
        >
          Download HAR
        </button>
        <button
          type="button"
          className={controls.button}
          onClick={() => {
            void copyText(toMarkdown(summary())).then((ok) =>
              setMessage(
                ok ? 'Transcript copied as Markdown.' : 'Copy failed.',
              ),
            );
          }}
        >
          Copy transcript
        </button>
      </div>
      <p className={styles.help} role="status">
        {message}
      </p>
    </section>
  );
}
