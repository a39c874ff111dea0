import { DeferBlockBehavior, DeferBlockState, TestBed } from '@angular/core/testing';

import { provideJwtDecoder } from '../auth/provide-auth';
import { clearAuthStorage } from '../auth/testing/auth-testing';
import { clearServerStorage, setUpMockApi } from '../mock-api/testing/mock-api-harness';
import { DevtoolsPanel } from './devtools-panel';
import { DEVTOOLS_OPEN_KEY } from './devtools-visibility';

describe('DevtoolsPanel', () => {
  afterEach(() => {
    localStorage.removeItem(DEVTOOLS_OPEN_KEY);
    clearServerStorage();
    clearAuthStorage();
  });

  /** Renders the panel against the in-browser server, open or closed as stored. */
  async function render(open: boolean) {
    localStorage.setItem(DEVTOOLS_OPEN_KEY, String(open));
    // Components with @defer blocks must be compiled first: that resolves the lazy import.
    await TestBed.configureTestingModule({ imports: [DevtoolsPanel] }).compileComponents();
    await setUpMockApi({ providers: [provideJwtDecoder()] });
    const fixture = TestBed.createComponent(DevtoolsPanel);
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  it('is a landmark named "Auth devtools" that collapses and remembers it', async () => {
    const { fixture, host } = await render(false);
    const toggle = host.querySelector('button')!;

    expect(host.querySelector('aside')?.getAttribute('aria-label')).toBe('Auth devtools');
    expect(toggle.textContent?.trim()).toContain('Auth devtools');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(host.querySelector('#devtools-body')).toBeNull();

    toggle.click();
    await fixture.whenStable();

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-controls')).toBe('devtools-body');
    const headings = Array.from(host.querySelectorAll('h3')).map((h) => h.textContent?.trim());
    expect(headings).toEqual(['Token inspector', 'HTTP activity', 'Demo controls']);
    expect(host.querySelectorAll('details summary').length).toBeGreaterThanOrEqual(3);
    expect(localStorage.getItem(DEVTOOLS_OPEN_KEY)).toBe('true');

    toggle.click();
    await fixture.whenStable();
    expect(host.querySelector('#devtools-body')).toBeNull();
    expect(localStorage.getItem(DEVTOOLS_OPEN_KEY)).toBe('false');
  });

  it('labels every form control', async () => {
    const { host } = await render(true);

    const controls = Array.from(host.querySelectorAll<HTMLInputElement>('input, select'));
    const labels = controls.map((control) => control.labels?.[0]?.textContent?.trim());
    expect(labels).toEqual([
      'List',
      'Flow',
      'Access token lifetime (s)',
      'Refresh token lifetime (s)',
      'Latency (ms)',
      'Reuse grace (s)',
      'Server clock offset (s)',
      'Check the session on every request',
      'Next refresh fails with',
      'Number of requests',
      'Each request',
      'Refresh before expiry',
      'Token storage',
    ]);
  });

  it('loads its sections lazily, and says so while loading or when loading fails', async () => {
    localStorage.setItem(DEVTOOLS_OPEN_KEY, 'true');
    // No server needed: the sections themselves are never rendered here.
    await TestBed.configureTestingModule({
      imports: [DevtoolsPanel],
      deferBlockBehavior: DeferBlockBehavior.Manual,
    }).compileComponents();
    const fixture = TestBed.createComponent(DevtoolsPanel);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const [sections] = await fixture.getDeferBlocks();

    await sections.render(DeferBlockState.Loading);
    expect(host.querySelector('#devtools-body [role="status"]')?.textContent).toContain(
      'Loading the devtools',
    );
    expect(host.querySelector('app-devtools-sections')).toBeNull();

    await sections.render(DeferBlockState.Error);
    expect(host.querySelector('#devtools-body [role="alert"]')?.textContent).toContain(
      'The devtools could not be loaded',
    );
    expect(host.querySelector('app-devtools-sections')).toBeNull();
  });
});
