import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import clsx from 'clsx';
import type { StepRecord } from '../engine-port';
import { LANE_NAMES, layoutRun, type Arrow } from '../lib/run-diagram';
import { sameFields, sameItems } from '../lib/same';
import styles from '../diagram.module.css';

interface RunDiagramProps {
  records: readonly StepRecord[];
  titles: readonly string[];
  /** The step shown: its arrows are highlighted. */
  current: number;
  /** Opens an exchange (switching to its step first when needed). */
  onOpen: (exchangeId: string, stepIndex: number) => void;
}

const LANE_GAP = 140;
const LEFT = 76;
const HEAD = 46;
const BAND = 24;
const ROW = 32;

const STATUS_WORD: Record<Arrow['look'], string> = {
  ok: '',
  error: 'error answer',
  failed: 'the failure',
};

/** Splits a lane name into at most two lines for the header. */
function nameLines(name: string): string[] {
  const words = name.split(' ');
  if (words.length < 2 || name.length <= 14) return [name];
  const half = Math.ceil(words.length / 2);
  return [words.slice(0, half).join(' '), words.slice(half).join(' ')];
}

interface ArrowMarkProps {
  arrow: Arrow;
  top: number;
  x1: number;
  x2: number;
  current: boolean;
  onOpen: RunDiagramProps['onOpen'];
}

/** One exchange's arrow; memoised, so a step draws only what moved. */
const ArrowMark = memo(
  function ArrowMark({
    arrow: a,
    top,
    x1,
    x2,
    current,
    onOpen,
  }: ArrowMarkProps): ReactNode {
    const mid = (x1 + x2) / 2;
    const dir = x2 > x1 ? -1 : 1;
    const name = `Exchange ${a.number}: ${LANE_NAMES[a.from]} to ${LANE_NAMES[a.to]}, ${a.label}, answered ${a.status}${a.look === 'ok' ? '' : ` (${STATUS_WORD[a.look]})`}`;
    return (
      <g
        role="button"
        tabIndex={0}
        aria-label={name}
        data-arrow={a.exchangeId}
        data-look={a.look}
        data-current={current}
        className={clsx(
          styles.arrow,
          styles[a.look],
          current && styles.current,
        )}
        onClick={() => onOpen(a.exchangeId, a.stepIndex)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            onOpen(a.exchangeId, a.stepIndex);
          }
        }}
      >
        <rect
          x={Math.min(x1, x2) - 4}
          y={top}
          width={Math.abs(x2 - x1) + 8}
          height={ROW}
          className={styles.hit}
        />
        <text x={mid} y={top + 13} textAnchor="middle" className={styles.label}>
          {`${a.number}  ${a.label} → ${a.status}`}
        </text>
        <line
          x1={x1}
          x2={x2 + dir * (a.look === 'ok' ? 0 : 7)}
          y1={top + 22}
          y2={top + 22}
          className={styles.line}
          markerEnd={a.look === 'ok' ? 'url(#sim-arrow)' : undefined}
        />
        {a.look === 'failed' && (
          <path
            d={`M${x2 - 5},${top + 17} l10,10 M${x2 + 5},${top + 17} l-10,10`}
            className={styles.cross}
          />
        )}
        {a.look === 'error' && (
          <rect
            x={x2 - 5}
            y={top + 17}
            width={10}
            height={10}
            className={styles.square}
          />
        )}
      </g>
    );
  },
  (a, b) =>
    a.top === b.top &&
    a.x1 === b.x1 &&
    a.x2 === b.x2 &&
    a.current === b.current &&
    a.onOpen === b.onOpen &&
    sameFields(a.arrow, b.arrow),
);

/**
 * The run so far as a sequence diagram drawn from the exchange records: one
 * lane per party that took part, one arrow per exchange, numbered like the
 * exchange log. Failed answers are red, dashed and end in a cross; other
 * error answers are dashed and end in a square; the shown step's arrows sit
 * on a highlighted band.
 */
function RunDiagram({
  records,
  titles,
  current,
  onOpen,
}: RunDiagramProps): ReactNode {
  const { lanes, arrows, bands } = layoutRun(records, titles);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  const x = (lane: string): number =>
    LEFT + lanes.indexOf(lane as never) * LANE_GAP;
  const width = LEFT * 2 + (lanes.length - 1) * LANE_GAP;
  // Rows: each band, then its arrows.
  const rowY: number[] = [];
  const bandY: number[] = [];
  let y = HEAD;
  bands.forEach((b, i) => {
    bandY[i] = y;
    y += BAND;
    const next = bands[i + 1]?.firstRow ?? arrows.length;
    for (let r = b.firstRow; r < next; r += 1) {
      rowY[r] = y;
      y += ROW;
    }
  });
  const height = y + 8;

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return undefined;
    const measure = (): void =>
      setOverflows(el.scrollWidth > el.clientWidth + 1);
    if (typeof ResizeObserver === 'undefined') {
      measure();
      return undefined;
    }
    // A new observer reports the element once (it always has a size here:
    // the SVG inside is never empty), after the browser's own layout, so
    // reading its widths then forces no layout of its own. Reading them here,
    // in the effect, forced a layout of the whole page right after the
    // commit.
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [width]);

  if (arrows.length === 0 && bands.length === 0) return null;
  return (
    <figure className={styles.figure} data-testid="sim-run-diagram">
      <figcaption className={styles.caption}>
        The exchanges of this run so far, numbered like the exchange log. Select
        an arrow to open its exchange.
      </figcaption>
      {overflows && (
        <p className={styles.hint} data-testid="sim-diagram-hint">
          <span aria-hidden="true">↔ </span>The diagram is wider than this
          column: scroll sideways to see every lane.
        </p>
      )}
      <div
        ref={scrollRef}
        className={styles.scroll}
        role="region"
        aria-label="Sequence diagram of this run"
        tabIndex={0}
      >
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          className={styles.svg}
          role="group"
          aria-label={`${arrows.length} exchanges between ${lanes.map((l) => LANE_NAMES[l]).join(', ')}`}
        >
          <defs>
            <marker
              id="sim-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="8"
              markerHeight="8"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" className={styles.head} />
            </marker>
          </defs>
          {bands.map((b, i) => (
            <g
              key={`band-${b.stepIndex}`}
              data-band={b.stepIndex}
              className={clsx(b.stepIndex === current && styles.currentBand)}
            >
              <rect
                x={0}
                y={bandY[i]}
                width={width}
                height={
                  BAND +
                  ((bands[i + 1]?.firstRow ?? arrows.length) - b.firstRow) * ROW
                }
                className={styles.bandRect}
              />
              <text x={8} y={(bandY[i] ?? 0) + 16} className={styles.bandText}>
                {`Step ${b.stepIndex + 1}: ${b.title}`}
              </text>
            </g>
          ))}
          {lanes.map((l) => (
            <g key={l}>
              <line
                x1={x(l)}
                x2={x(l)}
                y1={HEAD - 4}
                y2={height}
                className={styles.lifeline}
              />
              {nameLines(LANE_NAMES[l]).map((line, i, all) => (
                <text
                  key={line}
                  x={x(l)}
                  y={all.length === 1 ? 26 : 16 + i * 16}
                  textAnchor="middle"
                  className={styles.laneText}
                >
                  {line}
                </text>
              ))}
            </g>
          ))}
          {arrows.map((a, r) => (
            <ArrowMark
              key={a.exchangeId}
              arrow={a}
              top={rowY[r] ?? 0}
              x1={x(a.from)}
              x2={x(a.to)}
              current={a.stepIndex === current}
              onOpen={onOpen}
            />
          ))}
        </svg>
      </div>
    </figure>
  );
}

/** Memoised: renders again only when the run or the shown step changed. */
export default memo(
  RunDiagram,
  (a, b) =>
    a.current === b.current &&
    a.onOpen === b.onOpen &&
    sameItems(a.records, b.records) &&
    sameItems(a.titles, b.titles),
);
