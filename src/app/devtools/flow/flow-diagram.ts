import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import { FlowLayout } from './flow-layout';

let nextDiagram = 1;

/**
 * Draws a `FlowLayout` as SVG. The arrows are the options of a listbox (one tab stop; the arrow
 * keys, Home and End move the selection, as does a click); bars and links are drawn with their
 * descriptions, lanes and the time axis are decoration. Everything drawn comes from the layout.
 */
@Component({
  selector: 'app-flow-diagram',
  templateUrl: './flow-diagram.html',
  styleUrl: './flow-diagram.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'd-block' },
})
export class FlowDiagram {
  readonly layout = input.required<FlowLayout>();
  readonly selected = input<number | null>(null);
  readonly selectStep = output<number>();

  readonly #prefix = `flow-${nextDiagram++}-step-`;
  protected readonly viewBox = computed(() => `0 0 ${this.layout().width} ${this.layout().height}`);
  protected readonly options = computed(() =>
    this.layout().arrows.map((arrow) => ({
      arrow,
      id: `${this.#prefix}${arrow.number}`,
      selected: arrow.number === this.selected(),
    })),
  );
  protected readonly activeId = computed(() => {
    const selected = this.selected();
    return selected === null ? null : `${this.#prefix}${selected}`;
  });
  protected readonly laneTop = 24;
  protected readonly laneBottom = computed(() => this.layout().height - 4);

  protected pick(event: MouseEvent): void {
    const step = (event.target as Element | null)
      ?.closest('[data-step]')
      ?.getAttribute('data-step');
    if (step) this.selectStep.emit(Number(step));
  }

  protected move(event: KeyboardEvent): void {
    const count = this.layout().arrows.length;
    if (count === 0) return;
    const current = this.selected() ?? 0;
    const next: Record<string, number> = {
      ArrowDown: Math.min(count, current + 1),
      ArrowRight: Math.min(count, current + 1),
      ArrowUp: Math.max(1, current - 1),
      ArrowLeft: Math.max(1, current - 1),
      Home: 1,
      End: count,
    };
    if (!(event.key in next)) return;
    event.preventDefault();
    this.selectStep.emit(next[event.key]);
    const id = `${this.#prefix}${next[event.key]}`;
    // The selection moved out of sight in the scrolling box: bring it in once it is drawn.
    requestAnimationFrame(() =>
      document.getElementById(id)?.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
    );
  }
}
