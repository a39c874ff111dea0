import {
  findInsecureContextProblem,
  readPageEnvironment,
  showInsecureContextNotice,
  type PageEnvironment,
} from './insecure-context';

const secure: PageEnvironment = {
  isSecureContext: true,
  hasWebCrypto: true,
  url: 'https://user.github.io/jwt-demo/profile',
};

describe('findInsecureContextProblem', () => {
  it('lets the app start in a secure context with Web Crypto', () => {
    expect(findInsecureContextProblem(secure)).toBeNull();
  });

  it('reports plain http on a non-localhost host, suggesting the same page on localhost', () => {
    const problem = findInsecureContextProblem({
      isSecureContext: false,
      hasWebCrypto: false,
      url: 'http://192.168.1.20:4200/jwt-demo/admin?tab=users#top',
    });
    expect(problem).toEqual({
      reason: 'insecure-context',
      pageUrl: 'http://192.168.1.20:4200/jwt-demo/admin?tab=users#top',
      httpsUrl: null,
      localhostUrl: 'http://localhost:4200/jwt-demo/admin?tab=users#top',
    });
  });

  it('suggests https only when the page used the default http port', () => {
    const problem = findInsecureContextProblem({
      isSecureContext: false,
      hasWebCrypto: false,
      url: 'http://demo.example/jwt-demo/',
    });
    expect(problem?.httpsUrl).toBe('https://demo.example/jwt-demo/');
    expect(problem?.localhostUrl).toBe('http://localhost/jwt-demo/');
  });

  it('reports a secure page whose browser lacks Web Crypto, without address suggestions', () => {
    const problem = findInsecureContextProblem({ ...secure, hasWebCrypto: false });
    expect(problem).toEqual({
      reason: 'no-web-crypto',
      pageUrl: secure.url,
      httpsUrl: null,
      localhostUrl: null,
    });
  });
});

describe('readPageEnvironment', () => {
  it('reads a secure context with Web Crypto from the Karma page', () => {
    expect(readPageEnvironment(window)).toEqual({
      isSecureContext: true,
      hasWebCrypto: true,
      url: window.location.href,
    });
  });

  it('sees no Web Crypto where crypto.subtle is missing, as on an insecure page', () => {
    const insecureWindow = {
      isSecureContext: false,
      crypto: { getRandomValues: () => undefined },
      location: { href: 'http://insecure.test/' },
    } as unknown as Window;
    expect(readPageEnvironment(insecureWindow)).toEqual({
      isSecureContext: false,
      hasWebCrypto: false,
      url: 'http://insecure.test/',
    });
  });
});

describe('showInsecureContextNotice', () => {
  let doc: Document;

  beforeEach(() => {
    doc = document.implementation.createHTMLDocument('JWT refresh reference');
    doc.body.innerHTML = '<app-root></app-root>';
  });

  it('replaces the app root with an explanation and what to do', () => {
    const problem = findInsecureContextProblem({
      isSecureContext: false,
      hasWebCrypto: false,
      url: 'http://insecure.test:4310/jwt-demo/',
    });
    showInsecureContextNotice(doc, problem!);

    expect(doc.querySelector('app-root')).toBeNull();
    expect(doc.querySelector('main h1')?.textContent).toBe('This demo needs a secure connection');
    expect(doc.body.textContent).toContain('Web Crypto');
    expect(doc.body.textContent).toContain('http://insecure.test:4310/jwt-demo/');
    expect(doc.body.textContent).toContain('npm ci && npm start');
    const links = Array.from(doc.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['http://localhost:4310/jwt-demo/']);
    expect(doc.title).toBe('This demo needs a secure connection · JWT refresh reference');
  });

  it('shows the page address as text, so a crafted URL cannot inject markup', () => {
    showInsecureContextNotice(doc, {
      reason: 'insecure-context',
      pageUrl: 'http://evil.test/<img src=x onerror=alert(1)>',
      httpsUrl: null,
      localhostUrl: null,
    });
    expect(doc.querySelector('img')).toBeNull();
    expect(doc.querySelector('main code')?.textContent).toBe(
      'http://evil.test/<img src=x onerror=alert(1)>',
    );
  });

  it('tells users of a browser without Web Crypto to use a current browser', () => {
    showInsecureContextNotice(doc, findInsecureContextProblem({ ...secure, hasWebCrypto: false })!);
    expect(doc.querySelector('h1')?.textContent).toBe('This browser cannot run the demo');
    expect(doc.querySelector('li')?.textContent).toContain('current version of Chrome');
  });
});
