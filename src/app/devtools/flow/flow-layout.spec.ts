import { COMPACT_FLOW, WIDE_FLOW, flowLayout } from './flow-layout';
import { refusedRefreshStorm, tenRequestStorm } from './testing/flow-recordings';

describe('flowLayout', () => {
  const layout = flowLayout(tenRequestStorm(), COMPACT_FLOW);
  const laneX = (id: string) => layout.lanes.find((lane) => lane.id === id)!.x;

  it('puts the five lanes side by side, Page to Server, inside the width', () => {
    expect(layout.lanes.map((lane) => lane.name)).toEqual([
      'Page',
      'Interceptor',
      'Refresh (store and lock)',
      'Other tabs',
      'Server',
    ]);
    const xs = layout.lanes.map((lane) => lane.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs[0]).toBeGreaterThan(COMPACT_FLOW.gutter);
    expect(xs[4]).toBeLessThan(layout.width);
  });

  it('draws every arrow from its lane to its lane, one row each, time running down', () => {
    for (const arrow of layout.arrows) {
      expect([arrow.x1, arrow.x2]).toEqual([laneX(arrow.from), laneX(arrow.to)]);
    }
    const ys = layout.arrows.map((arrow) => arrow.y);
    expect(ys.slice(1).map((y, i) => y - ys[i])).toEqual(
      Array(ys.length - 1).fill(COMPACT_FLOW.rowHeight),
    );
    expect(ys.at(-1)!).toBeLessThan(layout.height);
  });

  it('draws the refresh as one bar in the store lane, from its call to its answer', () => {
    const bars = layout.bars.filter((bar) => bar.kind === 'refresh');
    expect(bars.length).toBe(1);
    const call = layout.arrows.find((arrow) => arrow.kind === 'refresh-call')!;
    const answer = layout.arrows.find((arrow) => arrow.kind === 'refresh-rotated')!;
    expect(bars[0].x + bars[0].width / 2).toBe(laneX('store'));
    expect([bars[0].y, bars[0].y + bars[0].height]).toEqual([call.y, answer.y]);
  });

  it('places the ten waits side by side, and links each 401 to its retry', () => {
    const waits = layout.bars.filter((bar) => bar.kind === 'wait');
    expect(new Set(waits.map((bar) => bar.x)).size).toBe(10);
    expect(layout.links.length).toBe(10);
    for (const link of layout.links) {
      const from = layout.arrows[link.from - 1];
      const to = layout.arrows[link.to - 1];
      expect(link.d).toMatch(new RegExp(`^M ${laneX('interceptor')} ${from.y} C .* ${to.y}$`));
    }
  });

  it('gives answers a dashed line and failures a cross instead of a head', () => {
    const refused = flowLayout(refusedRefreshStorm());
    const fail = refused.arrows.find((arrow) => arrow.kind === 'fail-waiter')!;
    expect([fail.dash, fail.head, fail.cross !== null]).toEqual(['1 3', null, true]);
    const send = layout.arrows.find((arrow) => arrow.kind === 'send')!;
    expect([send.dash, send.head !== null, send.cross]).toEqual([null, true, null]);
    const ok = layout.arrows.find((arrow) => arrow.kind === 'answer')!;
    expect(ok.dash).toBe('5 3');
  });

  it('labels the time axis where the time moves on, starting at +0 ms', () => {
    expect(layout.ticks[0].label).toBe('+0 ms');
    const times = layout.ticks.map((tick) => Number(tick.label.replace(/\D/g, '')));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(times.length);
  });

  it('is wider with the wide geometry, and still draws the lanes for no entries', () => {
    expect(flowLayout(tenRequestStorm(), WIDE_FLOW).width).toBeGreaterThan(layout.width);
    const empty = flowLayout([]);
    expect([empty.arrows.length, empty.lanes.length, empty.startedAt]).toEqual([0, 5, null]);
  });
});
