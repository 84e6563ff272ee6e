import * as node from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as browser from './browser-crypto';

/** The browser's node:crypto (mode "mock") must answer exactly as Node's does for what the app calls. */
describe('mocks/browser-crypto against node:crypto', () => {
  it('hash("sha256", text, "hex") matches', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(browser.hash('sha256', text, 'hex')).toBe(node.hash('sha256', text, 'hex'));
      }),
    );
  });

  it('createHmac("sha1") matches for keys shorter and longer than a block', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.uint8Array({ maxLength: 40 }), (key, msg) => {
        const expected = node.createHmac('sha1', key).update(msg).digest();
        expect(Array.from(browser.createHmac('sha1', key).update(msg).digest())).toEqual(Array.from(expected));
      }),
    );
  });

  it('createHmac("sha256") with text key and message matches as base64url (the device cookie)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), fc.string({ maxLength: 80 }), (key, msg) => {
        const expected = node.createHmac('sha256', key).update(msg).digest('base64url');
        expect(browser.createHmac('sha256', key).update(msg).digest('base64url')).toBe(expected);
      }),
    );
  });

  it('timingSafeEqual compares bytes, and refuses different lengths as Node does', () => {
    const a = new TextEncoder().encode('123456');
    expect(browser.timingSafeEqual(a, new TextEncoder().encode('123456'))).toBe(true);
    expect(browser.timingSafeEqual(a, new TextEncoder().encode('123457'))).toBe(false);
    expect(() => browser.timingSafeEqual(a, new Uint8Array(5))).toThrow(RangeError);
    expect(() => node.timingSafeEqual(a, new Uint8Array(5))).toThrow(RangeError);
  });

  it('randomBytes encodes as Buffer does (base64url, hex); randomUUID is a v4 UUID', () => {
    const bytes = browser.randomBytes(32);
    expect(bytes).toHaveLength(32);
    expect(bytes.toString('base64url')).toBe(Buffer.from(bytes).toString('base64url'));
    expect(bytes.toString('hex')).toBe(Buffer.from(bytes).toString('hex'));
    expect(browser.randomUUID()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
