import { TabMessage, broadcastTabChannel, parseTabMessage, TAB_CHANNEL_NAME } from './tab-channel';
import { TEST_USER } from './testing/fake-tokens';

describe('TabChannel', () => {
  describe('parseTabMessage', () => {
    const valid: TabMessage[] = [
      { type: 'rotated', sid: 's-1' },
      { type: 'signedIn', sid: 's-1', user: TEST_USER },
      { type: 'signedOut', sid: 's-1' },
      { type: 'ended', sid: 's-1', reason: 'the session was revoked' },
    ];

    for (const message of valid) {
      it(`reads a ${message.type} message`, () => {
        expect(parseTabMessage(structuredClone(message))).toEqual(message);
      });
    }

    it('keeps only the fields of the message type', () => {
      expect(parseTabMessage({ type: 'rotated', sid: 's-1', accessToken: 'x' })).toEqual({
        type: 'rotated',
        sid: 's-1',
      });
    });

    const garbage: [string, unknown][] = [
      ['null', null],
      ['a string', 'signedOut'],
      ['an array', [{ type: 'signedOut', sid: 's-1' }]],
      ['an unknown type', { type: 'hello', sid: 's-1' }],
      ['no sid', { type: 'signedOut' }],
      ['an empty sid', { type: 'signedOut', sid: '' }],
      ['a sid that is not a string', { type: 'rotated', sid: 42 }],
      ['a signedIn without a user', { type: 'signedIn', sid: 's-1' }],
      ['a signedIn with a malformed user', { type: 'signedIn', sid: 's-1', user: { id: 1 } }],
      ['an ended without a reason', { type: 'ended', sid: 's-1' }],
    ];
    for (const [what, data] of garbage) {
      it(`ignores ${what}`, () => expect(parseTabMessage(data)).toBeNull());
    }
  });

  describe('broadcastTabChannel', () => {
    let sender: BroadcastChannel;
    beforeEach(() => (sender = new BroadcastChannel(TAB_CHANNEL_NAME)));
    afterEach(() => sender.close());

    /** The first message a fresh channel's listener gets while `send` posts from elsewhere. */
    function firstHeard(send: () => void): Promise<TabMessage> {
      const channel = broadcastTabChannel();
      return new Promise<TabMessage>((resolve) => {
        const stop = channel.listen((message) => {
          stop();
          resolve(message);
        });
        send();
      });
    }

    it('passes a valid message from another context on', async () => {
      const heard = await firstHeard(() => sender.postMessage({ type: 'signedOut', sid: 's-7' }));
      expect(heard).toEqual({ type: 'signedOut', sid: 's-7' });
    });

    it('hears nothing while the page is in the back/forward cache, and again once it is back', async () => {
      const heard = await firstHeard(() => {
        window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
        sender.postMessage({ type: 'signedOut', sid: 's-while-cached' });
        window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
        sender.postMessage({ type: 'signedOut', sid: 's-back' });
      });
      expect(heard).toEqual({ type: 'signedOut', sid: 's-back' });
    });

    it('drops garbage without an error and goes on with the next message', async () => {
      const errors = spyOn(console, 'error');
      const heard = await firstHeard(() => {
        sender.postMessage('not a message');
        sender.postMessage({ type: 'ended', sid: 's-7' }); // no reason
        sender.postMessage({ type: 'rotated', sid: 's-8' });
      });
      expect(heard).toEqual({ type: 'rotated', sid: 's-8' });
      expect(errors).not.toHaveBeenCalled();
    });
  });
});
