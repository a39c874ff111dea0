import { EnvironmentInjector, createEnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { CLOCK_TICK_MS, Clock } from './clock';

describe('Clock', () => {
  beforeEach(() => {
    jasmine.clock().install();
    jasmine.clock().mockDate(new Date(2030, 0, 1));
  });
  afterEach(() => jasmine.clock().uninstall());

  it('ticks once a second and stops when its injector is destroyed', () => {
    const injector = createEnvironmentInjector([Clock], TestBed.inject(EnvironmentInjector));
    const clock = injector.get(Clock);
    const start = clock.now();

    jasmine.clock().tick(CLOCK_TICK_MS - 1);
    expect(clock.now()).toBe(start);
    jasmine.clock().tick(1);
    expect(clock.now()).toBe(start + CLOCK_TICK_MS);

    injector.destroy();
    jasmine.clock().tick(5 * CLOCK_TICK_MS);
    expect(clock.now()).toBe(start + CLOCK_TICK_MS);
  });
});
