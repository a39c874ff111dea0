import { ActivityEntry } from '../activity/activity-log';
import { FlowSpan, FlowStep } from './flow-step-list';
import { flowSteps } from './flow-steps';
import { FLOW_LANES, FlowLane, FlowOutcome } from './flow-words';

/** Sizes in SVG user units (px). */
export interface FlowGeometry {
  readonly laneWidth: number;
  readonly rowHeight: number;
  /** The time axis, left of the first lane. */
  readonly gutter: number;
  /** The lane names, above the first row. */
  readonly header: number;
}

/** For the devtools' column; the `/flow` page uses `WIDE_FLOW`. */
export const COMPACT_FLOW: FlowGeometry = { laneWidth: 104, rowHeight: 22, gutter: 56, header: 44 };
export const WIDE_FLOW: FlowGeometry = { laneWidth: 180, rowHeight: 26, gutter: 64, header: 44 };

export interface FlowArrow extends FlowStep {
  readonly x1: number;
  readonly x2: number;
  readonly y: number;
  /** Where the label sits (centred), just above the line. */
  readonly labelX: number;
  readonly labelY: number;
  /** Requests are solid, answers dashed, what a failed refresh fans out to dotted. */
  readonly dash: string | null;
  /** The head: a triangle (`points`), or for a failure a cross (`d`) instead. */
  readonly head: string | null;
  readonly cross: string | null;
}

export interface FlowBar {
  readonly kind: FlowSpan['kind'];
  readonly label: string;
  readonly outcome: FlowOutcome;
  readonly refreshId: number | null;
  /** The steps it starts and ends at (null: still open). */
  readonly from: number;
  readonly to: number | null;
  /** In words: `Refresh #1 bar, steps 12 to 14: refused`. */
  readonly description: string;
  /** Still running when the run was drawn: the bar runs to the bottom, without an end. */
  readonly open: boolean;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A retry tied to its 401: a curve left of the interceptor's lane, from one arrow to the other. */
export interface FlowLinkPath {
  readonly from: number;
  readonly to: number;
  readonly refreshId: number | null;
  readonly d: string;
}

export interface FlowLayout {
  readonly width: number;
  readonly height: number;
  readonly lanes: readonly { readonly id: FlowLane; readonly name: string; readonly x: number }[];
  readonly arrows: readonly FlowArrow[];
  readonly bars: readonly FlowBar[];
  readonly links: readonly FlowLinkPath[];
  /** Time since the run began, at the rows where it moved on. */
  readonly ticks: readonly { readonly y: number; readonly label: string }[];
  readonly startedAt: number | null;
}

const HEAD = 6;
const REFRESH_BAR = 10;
const WAIT_BAR = 3;
const SLOTS = 12;

/**
 * Entries (oldest first) → a sequence diagram with coordinates: one column per lane, one row per
 * step, time running down. The rows are in time order but evenly spaced (ten requests sent in the
 * same millisecond stay readable); the axis on the left says when each row happened.
 */
export function flowLayout(
  entries: readonly ActivityEntry[],
  geometry: FlowGeometry = COMPACT_FLOW,
): FlowLayout {
  const { steps, spans, links, startedAt } = flowSteps(entries);
  const lanes = FLOW_LANES.map((lane, index) => ({
    ...lane,
    x: geometry.gutter + geometry.laneWidth * (index + 0.5),
  }));
  const laneX = (id: FlowLane) => lanes.find((lane) => lane.id === id)?.x ?? 0;
  const rowY = (number: number) =>
    geometry.header + geometry.rowHeight * (number - 1) + Math.round(geometry.rowHeight * 0.6);
  const bottom = geometry.header + geometry.rowHeight * steps.length + 8;
  const slots = slotsOf(spans);
  const bars = spans.map((span, index): FlowBar => {
    const y = rowY(span.from);
    const end = span.to === null ? bottom : rowY(span.to);
    const refresh = span.kind === 'refresh';
    const width = refresh ? REFRESH_BAR : WAIT_BAR;
    const x = refresh ? laneX(span.lane) - width / 2 : laneX(span.lane) + 2 + slots[index] * 4;
    const { kind, label, outcome, refreshId, from, to } = span;
    return {
      kind,
      label,
      outcome,
      refreshId,
      from,
      to,
      description: barDescription(span),
      open: to === null,
      x,
      y,
      width,
      height: end - y,
    };
  });
  const interceptor = laneX('interceptor');
  return {
    width: geometry.gutter + geometry.laneWidth * lanes.length + 8,
    height: bottom + 8,
    lanes,
    arrows: steps.map((step) => arrowOf(step, laneX(step.from), laneX(step.to), rowY(step.number))),
    bars,
    links: links.map((link, index) => {
      const [y1, y2] = [rowY(link.from), rowY(link.to)];
      const bend = interceptor - 12 - (index % SLOTS) * 3;
      return {
        ...link,
        d: `M ${interceptor} ${y1} C ${bend} ${y1}, ${bend} ${y2}, ${interceptor} ${y2}`,
      };
    }),
    ticks: ticksOf(steps, rowY),
    startedAt,
  };
}

const BAR_OUTCOME: Readonly<Record<FlowOutcome, string>> = {
  neutral: '',
  ok: 'new pair',
  unauthorized: '401',
  refused: 'refused',
  failed: 'failed',
  pending: 'still running',
};

function barDescription(span: FlowSpan): string {
  const steps =
    span.to === null ? `from step ${span.from}, still open` : `steps ${span.from} to ${span.to}`;
  if (span.kind !== 'refresh') return `${span.label}, ${steps}`;
  return `Refresh #${span.refreshId} bar, ${steps}: ${BAR_OUTCOME[span.outcome]}`;
}

function arrowOf(step: FlowStep, x1: number, x2: number, y: number): FlowArrow {
  const direction = Math.sign(x2 - x1) || 1;
  const fromServer = step.from === 'server' || step.to === 'page';
  const failed = step.outcome === 'failed' || step.outcome === 'refused';
  const dash = step.kind === 'fail-waiter' ? '1 3' : fromServer ? '5 3' : null;
  const back = x2 - direction * HEAD;
  return {
    ...step,
    x1,
    x2,
    y,
    labelX: (x1 + x2) / 2,
    labelY: y - 4,
    dash,
    head: failed ? null : `${x2},${y} ${back},${y - HEAD / 1.5} ${back},${y + HEAD / 1.5}`,
    cross: failed
      ? `M ${x2 - 4} ${y - 4} L ${x2 + 4} ${y + 4} M ${x2 - 4} ${y + 4} L ${x2 + 4} ${y - 4}`
      : null,
  };
}

/** Side-by-side places for bars in one lane that overlap (the ten waits of one burst). */
function slotsOf(spans: readonly FlowSpan[]): number[] {
  const busy: { lane: FlowLane; slot: number; from: number; to: number }[] = [];
  return spans.map((span) => {
    const end = span.to ?? Infinity;
    const taken = busy
      .filter((b) => b.lane === span.lane && b.to >= span.from && b.from <= end)
      .map((b) => b.slot);
    let slot = 0;
    while (taken.includes(slot) && slot < SLOTS - 1) slot++;
    busy.push({ lane: span.lane, slot, from: span.from, to: end });
    return slot;
  });
}

/** `+0 ms` on the first row, then on each row whose time moved on, at least two rows apart. */
function ticksOf(steps: readonly FlowStep[], rowY: (number: number) => number) {
  const ticks: { y: number; label: string; number: number; offsetMs: number }[] = [];
  for (const step of steps) {
    const last = ticks.at(-1);
    if (last && (step.offsetMs === last.offsetMs || step.number - last.number < 2)) continue;
    ticks.push({
      y: rowY(step.number) + 3,
      label: `+${step.offsetMs} ms`,
      number: step.number,
      offsetMs: step.offsetMs,
    });
  }
  return ticks.map(({ y, label }) => ({ y, label }));
}
