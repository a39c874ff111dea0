import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';

import { ActivityLog } from '../activity/activity-log';
import { FlowDetails } from './flow-details';
import { FlowDiagram } from './flow-diagram';
import { COMPACT_FLOW, WIDE_FLOW, flowLayout } from './flow-layout';
import { FlowLegend } from './flow-legend';
import { flowMermaid } from './flow-mermaid';
import { latestRun } from './flow-run';

/**
 * The latest run of the HTTP activity as a sequence diagram, with its legend, the selected step's
 * details, the steps as a list (the diagram's text alternative) and **Copy as Mermaid**. In the
 * devtools (compact, with a link to `/flow`) and on the `/flow` page (`wide`).
 */
@Component({
  selector: 'app-flow-view',
  imports: [FlowDiagram, FlowDetails, FlowLegend, RouterLink],
  templateUrl: './flow-view.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlowView {
  readonly wide = input(false);

  readonly #log = inject(ActivityLog);
  protected readonly layout = computed(() =>
    flowLayout(latestRun(this.#log.rows()), this.wide() ? WIDE_FLOW : COMPACT_FLOW),
  );
  protected readonly empty = computed(() => this.layout().arrows.length === 0);
  protected readonly summary = computed(() => {
    const { arrows, bars } = this.layout();
    const refreshes = bars.filter((bar) => bar.kind === 'refresh').length;
    return `The latest run: ${arrows.length} steps, ${refreshes} refresh ${refreshes === 1 ? 'bar' : 'bars'}.`;
  });
  protected readonly selected = signal<number | null>(null);
  protected readonly selectedArrow = computed(
    () => this.layout().arrows.find((arrow) => arrow.number === this.selected()) ?? null,
  );
  protected readonly copyStatus = signal<string | null>(null);
  /** The Mermaid text, shown to copy by hand when the browser refuses the clipboard. */
  protected readonly refusedText = signal<string | null>(null);

  protected select(step: number): void {
    this.selected.set(step);
  }

  protected async copyMermaid(): Promise<void> {
    const text = flowMermaid(this.layout());
    this.refusedText.set(null);
    try {
      await navigator.clipboard.writeText(text);
      this.copyStatus.set(
        `Copied ${this.layout().arrows.length} steps as a Mermaid sequenceDiagram.`,
      );
    } catch {
      this.copyStatus.set(
        'The browser refused access to the clipboard. Select the Mermaid text below and copy it.',
      );
      this.refusedText.set(text);
    }
  }
}
