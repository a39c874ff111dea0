/**
 * Runs before Angular starts: decides whether this page can run the demo at all and, when it
 * cannot, replaces the app with a plain explanation instead of booting an app that would break.
 *
 * The in-browser auth server hashes passwords, signs tokens and makes ids with Web Crypto
 * (`crypto.subtle`, `crypto.randomUUID()`). Browsers give Web Crypto only to secure contexts:
 * pages served over https, or from localhost / 127.0.0.1. Plain http on any other host is not one.
 */

/** What the decision needs to know about the page; `readPageEnvironment(window)` reads it. */
export interface PageEnvironment {
  readonly isSecureContext: boolean;
  readonly hasWebCrypto: boolean;
  readonly url: string;
}

/** Why the demo cannot run on this page, and where it would run instead. */
export interface InsecureContextProblem {
  /** `insecure-context`: plain http on a non-localhost host; `no-web-crypto`: an old browser. */
  readonly reason: 'insecure-context' | 'no-web-crypto';
  readonly pageUrl: string;
  /** The same page over https; only offered for plain http on the default port. */
  readonly httpsUrl: string | null;
  /** The same page on localhost (plain http only): works when the server runs on this computer. */
  readonly localhostUrl: string | null;
}

/** Returns `null` when the demo can run here, otherwise what is wrong. */
export function findInsecureContextProblem(env: PageEnvironment): InsecureContextProblem | null {
  if (env.isSecureContext && env.hasWebCrypto) return null;
  const page = new URL(env.url);
  const insecureHttp = !env.isSecureContext && page.protocol === 'http:';
  return {
    reason: env.isSecureContext ? 'no-web-crypto' : 'insecure-context',
    pageUrl: page.href,
    httpsUrl: insecureHttp && page.port === '' ? sameUrlWith(page, { protocol: 'https:' }) : null,
    localhostUrl: insecureHttp ? sameUrlWith(page, { hostname: 'localhost' }) : null,
  };
}

/** Reads the facts `findInsecureContextProblem()` needs from a real window. */
export function readPageEnvironment(win: Window): PageEnvironment {
  const crypto = win.crypto as Partial<Crypto> | undefined;
  return {
    isSecureContext: win.isSecureContext,
    hasWebCrypto:
      typeof crypto?.subtle?.sign === 'function' && typeof crypto.randomUUID === 'function',
    url: win.location.href,
  };
}

/** Puts the explanation where the app would have been, and names it in the document title. */
export function showInsecureContextNotice(doc: Document, problem: InsecureContextProblem): void {
  const notice = buildNotice(doc, problem);
  const root = doc.querySelector('app-root');
  if (root) root.replaceWith(notice);
  else doc.body.append(notice);
  doc.title = `${NOTICE_HEADING[problem.reason]} · ${doc.title}`;
}

const NOTICE_HEADING: Record<InsecureContextProblem['reason'], string> = {
  'insecure-context': 'This demo needs a secure connection',
  'no-web-crypto': 'This browser cannot run the demo',
};

function buildNotice(doc: Document, problem: InsecureContextProblem): HTMLElement {
  const h = elementFactory(doc);
  const insecure = problem.reason === 'insecure-context';
  return h(
    'main',
    { id: 'main-content', class: 'container py-5' },
    h('h1', {}, NOTICE_HEADING[problem.reason]),
    h(
      'p',
      { class: 'lead' },
      insecure
        ? 'You opened this page over plain HTTP on an address other than localhost: '
        : 'This browser does not offer Web Crypto, not even on this secure page: ',
      h('code', {}, problem.pageUrl),
    ),
    h(
      'p',
      {},
      "The demo's auth server runs inside your browser and signs its tokens with Web Crypto. " +
        'Browsers give Web Crypto only to secure contexts: pages served over HTTPS, or from ' +
        'localhost or 127.0.0.1. So the app was not started, and nothing was sent anywhere.',
    ),
    h('h2', { class: 'h4' }, 'What to do'),
    h('ul', {}, ...whatToDo(h, problem)),
  );
}

function whatToDo(h: ElementFactory, problem: InsecureContextProblem): HTMLElement[] {
  if (problem.reason === 'no-web-crypto') {
    return [h('li', {}, 'Open it in a current version of Chrome, Edge, Firefox or Safari.')];
  }
  const steps: HTMLElement[] = [];
  if (problem.httpsUrl) steps.push(h('li', {}, 'Open it over HTTPS: ', link(h, problem.httpsUrl)));
  if (problem.localhostUrl) {
    steps.push(
      h(
        'li',
        {},
        'On the computer that serves it, open ',
        link(h, problem.localhostUrl),
        ' (127.0.0.1 works too)',
      ),
    );
  }
  steps.push(
    h(
      'li',
      {},
      'Or run it yourself: ',
      h('code', {}, 'npm ci && npm start'),
      ', then open ',
      h('code', {}, 'http://localhost:4200/'),
    ),
  );
  return steps;
}

type ElementFactory = (
  tag: string,
  attributes: Record<string, string>,
  ...children: (Node | string)[]
) => HTMLElement;

/** A tiny `createElement` helper: text goes in as text nodes, so a URL can never become markup. */
function elementFactory(doc: Document): ElementFactory {
  return (tag, attributes, ...children) => {
    const element = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    element.append(...children);
    return element;
  };
}

function link(h: ElementFactory, href: string): HTMLElement {
  return h('a', { href }, href);
}

function sameUrlWith(url: URL, parts: Partial<Pick<URL, 'protocol' | 'hostname'>>): string {
  return Object.assign(new URL(url), parts).href;
}
