import { describeSkew } from './token-inspector';

describe('describeSkew (the token inspector’s clock line)', () => {
  it('says the clocks are in step when the store applies no offset', () => {
    expect(describeSkew(0)).toBe("Server clock: in step with this browser's (within 2 s).");
  });

  it('says by how much and which way the server’s clock differs', () => {
    expect(describeSkew(-600_000)).toBe(
      "Server clock: about 10 min behind this browser's. Countdowns and expiry checks use the " +
        "server's time.",
    );
    expect(describeSkew(61_400)).toContain('about 1 min 1 s ahead of');
    expect(describeSkew(-600_700)).toContain('about 10 min 1 s behind');
    expect(describeSkew(5_000)).toContain('about 5 s ahead of');
  });
});
