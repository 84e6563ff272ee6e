import { describe, expect, it } from 'vitest';
import { serverText } from './server-text';

describe('serverText', () => {
  it("shows the reader's half of a bilingual message", () => {
    expect(serverText('年度は開始済みです / FY2016 has already been started', 'ja')).toBe('年度は開始済みです');
    expect(serverText('年度は開始済みです / FY2016 has already been started', 'en')).toBe(
      'FY2016 has already been started',
    );
  });

  it('joins several messages in the reader’s way', () => {
    const m = '状況が不正です / Invalid status; 進捗が不正です / Invalid progress';
    expect(serverText(m, 'ja')).toBe('状況が不正です。進捗が不正です');
    expect(serverText(m, 'en')).toBe('Invalid status; Invalid progress');
  });

  it('keeps a semicolon inside the English sentence out of the Japanese one', () => {
    const m =
      '数式のセルは受け付けません。値として貼り付けてください / Formula cells are not accepted; paste the values instead';
    expect(serverText(m, 'ja')).toBe('数式のセルは受け付けません。値として貼り付けてください');
    expect(serverText(m, 'en')).toBe('Formula cells are not accepted; paste the values instead');
  });

  it('shows a message without a separator as it is', () => {
    expect(serverText('HTTP 500', 'en')).toBe('HTTP 500');
  });
});
