import { describe, expect, it } from 'vitest';
import { highlight } from './highlight';
import { indexText, needleOf } from './normalise';
import { parseQuery, queryNeedles } from './query';
import { rankHits } from './rank';
import { stem } from './stemmer';
import { suggestionCandidates } from './suggest';
import type { SynonymList } from './synonyms';
import type { SearchHit } from './document';

const SYNONYMS: SynonymList = {
  groups: [
    { words: ['CSIRT', 'シーサート'] },
    { words: ['独立行政法人', '独法'] },
    { words: ['インターネットの接続口の集約', 'internet-gateway consolidation'] },
  ],
};

describe('stem (Porter)', () => {
  it.each([
    ['consolidation', 'consolid'],
    ['consolidate', 'consolid'],
    ['consolidating', 'consolid'],
    ['gateways', 'gatewai'],
    ['gateway', 'gatewai'],
    ['strengthening', 'strengthen'],
    ['audits', 'audit'],
    ['agencies', 'agenc'],
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['hopping', 'hop'],
    ['relational', 'relat'],
    ['it', 'it'],
  ])('%s → %s', (word, expected) => expect(stem(word)).toBe(expected));
});

describe('indexText: documents and needles in one form', () => {
  it.each([
    ['ｼｰｻｰﾄ', 'シサト'],
    ['しーさーと', 'シサト'],
    ['シーサート', 'シサト'],
    ['ガバメント', 'ガバメント'.replace('ー', '')],
    ['ｶﾞﾊﾞﾒﾝﾄ', 'ガバメント'.replace('ー', '')],
    ['オリンピック・パラリンピック', 'オリンピックパラリンピック'],
    ['ＧＳＯＣによる', ' gsoc ニヨル'],
    ['Consolidate the Internet gateways', ' consolid the internet gatewai '],
    ['5.2.3(1)ii-7', ' 5.2.3(1)ii-7 '],
  ])('%s → %s', (text, expected) => expect(indexText(text)).toBe(expected));

  it('keeps a prefix needle open and a short word closed', () => {
    expect(needleOf('consolidation')).toBe(' consolid');
    expect(needleOf('AI')).toBe(' ai ');
  });
});

describe('parseQuery', () => {
  const needles = (q: string) => parseQuery(q, SYNONYMS).terms.map((t) => t.alternatives.map((a) => a.needles));
  it.each<[string, string[][][]]>([
    ['接続口 集約', [[['接続口']], [['集約']]]],
    ['インターネットの接続口', [[['インタネット']], [['接続口']]]],
    ['インターネット接続口', [[['インタネット接続口'], ['インタネット', '接続口']]]],
    ['情報収集', [[['情報収集'], ['情報', '収集']]]],
    ['シーサート', [[[' csirt'], ['シサト']]]],
    ['独法 監査', [[['独立行政法人'], ['独法']], [['監査']]]],
    ['the consolidation of gateways', [[[' consolid']], [[' gatewai']]]],
    ['5.2.3(1)ii-7', [[[' 5.2.3(1)ii-7']]]],
  ])('%s', (q, expected) => expect(needles(q)).toEqual(expected));

  it('takes the longest synonym phrase, and Latin members only as whole words', () => {
    const terms = parseQuery('internet-gateway consolidation 予算', SYNONYMS).terms;
    expect(terms.map((t) => t.text)).toEqual(['internet-gateway consolidation', '予算']);
    expect(terms[0]?.alternatives[0]?.needles).toEqual(['インタネット', '接続口', '集約']);
    expect(parseQuery('xcsirtx', SYNONYMS).terms[0]?.alternatives).toHaveLength(1);
  });

  it('has no terms for a query of spaces and particles', () => {
    expect(parseQuery('　 ', SYNONYMS).terms).toEqual([]);
  });
});

describe('rankHits', () => {
  const q = parseQuery('接続口 集約', SYNONYMS);
  const hit = (needle: string, measureId: string, field: SearchHit['field']): SearchHit => ({
    needle,
    measureId,
    field,
  });
  it('requires every term, ranks by field weight, and keeps plan order on ties', () => {
    const hits = [
      hit('接続口', 'a', 'quote'),
      hit('集約', 'a', 'quote'),
      hit('接続口', 'b', 'title'),
      hit('集約', 'b', 'title'),
      hit('接続口', 'c', 'title'), // 集約 nowhere: not a match
      hit('接続口', 'd', 'quote'),
      hit('集約', 'd', 'quote'),
    ];
    const out = rankHits(q, hits, ['a', 'b', 'c', 'd']);
    expect(out.matches.map((m) => [m.measureId, m.score])).toEqual([
      ['b', 25],
      ['a', 6],
      ['d', 6],
    ]);
    expect(out.unmatchedTerms).toEqual([]);
  });

  it('names the terms nothing satisfies', () => {
    const out = rankHits(parseQuery('接続口 ほげ', SYNONYMS), [hit('接続口', 'a', 'title')], ['a']);
    expect(out.matches).toEqual([]);
    expect(out.unmatchedTerms).toEqual(['ほげ']);
    expect(suggestionCandidates(parseQuery('接続口 ほげ', SYNONYMS), out.unmatchedTerms)[0]).toBe('接続口');
  });

  it('asks the store for each needle once', () => {
    expect(queryNeedles(parseQuery('集約 集約', SYNONYMS))).toEqual(['集約']);
  });
});

describe('highlight', () => {
  const marked = (text: string, q: string) => {
    const needles = queryNeedles(parseQuery(q, SYNONYMS));
    return highlight(text, needles)
      .map((s) => (s.hit ? `[${s.text}]` : s.text))
      .join('');
  };
  it.each([
    [
      '政府機関の情報システムにおけるインターネットの接続口の更なる集約',
      '接続口 集約',
      '政府機関の情報システムにおけるインターネットの[接続口]の更なる[集約]',
    ],
    [
      'Further consolidate the internet gateways',
      'consolidation gateway',
      'Further [consolidate] the internet [gateways]',
    ],
    ['オリンピック・パラリンピックCSIRTの整備', 'ｼｰｻｰﾄ', 'オリンピック・パラリンピック[CSIRT]の整備'],
    ['シーサートの整備', 'しさと', '[シーサート]の整備'],
    ['ﾎｯﾄﾗｲﾝ構築', 'ホットライン', '[ﾎｯﾄﾗｲﾝ]構築'],
    ['Aimed at AI', 'AI', 'Aimed at [AI]'],
  ])('%s / %s', (text, q, expected) => expect(marked(text, q)).toBe(expected));
});
