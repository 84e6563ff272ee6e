/**
 * Queries officials type (issue 18), each with the measures it must find in its first ten results.
 * Measure ids are the strategy's codes (seeds/strategy/*.json); search-queries.test.ts checks they exist.
 * Kinds: the issue's own examples; particles dropped and words reordered; katakana readings and
 * abbreviations; half-width and full-width forms; codes; English with other word forms.
 */
export const SEARCH_QUERIES: readonly { q: string; expect: readonly string[] }[] = [
  // The issue's examples
  { q: 'internet-gateway consolidation', expect: ['5.2.3(1)ii-7'] },
  { q: 'インターネット接続口', expect: ['5.2.3(1)ii-7'] },
  { q: '接続口 集約', expect: ['5.2.3(1)ii-7'] },
  { q: 'GSOC 拡充', expect: ['5.2.3(1)ii-1'] },
  { q: 'シーサート', expect: ['5.1.2(3)-4', '5.2.3(1)ii-2', '6-18'] },
  { q: '独法', expect: ['5.2.3(4)-1', '5.2.3(4)-2', '5.2.3(4)-3', '5.2.3(4)-4'] },
  { q: 'オリパラ', expect: ['6-17', '6-18'] },
  { q: 'ｼｰｻｰﾄ', expect: ['5.1.2(3)-4', '5.2.3(1)ii-2', '6-18'] },
  { q: 'consolidation', expect: ['5.2.3(1)ii-7'] },
  { q: 'consolidate', expect: ['5.2.3(1)ii-7'] },
  // Particles dropped, words reordered, phrases as the text has them
  { q: '集約 接続口', expect: ['5.2.3(1)ii-7'] },
  { q: 'インターネットの接続口の集約', expect: ['5.2.3(1)ii-7'] },
  { q: 'テロ 情報収集', expect: ['5.3.2(3)-1', '5.3.2(3)-2'] },
  { q: '防衛 日米 人材', expect: ['5.3.3(2)-8'] },
  { q: '日米 共同訓練', expect: ['5.3.3(2)-7'] },
  { q: '監査 独法', expect: ['5.2.3(4)-2'] },
  { q: 'オリパラ CSIRT', expect: ['6-18'] },
  { q: 'ホットライン 重要インフラ', expect: ['5.2.2(2)-6'] },
  { q: 'マイナンバー 地方公共団体', expect: ['5.2.2(3)-2'] },
  { q: 'キャリアパス 人材', expect: ['5.1.2(2)-2', '5.4.2(4)-4'] },
  { q: 'ベンチャー 研究開発', expect: ['5.1.3(1)-4', '5.1.3(1)-5', '5.1.3(1)-6'] },
  { q: '国際 捜査', expect: ['5.3.2(1)ii-3', '5.3.2(1)ii-4'] },
  { q: 'サイバー犯罪 人材育成', expect: ['5.2.1(3)-6'] },
  { q: 'クラウド 演習', expect: ['5.4.2(1)-3'] },
  { q: 'IoT ガイドライン', expect: ['5.1.1(3)-1'] },
  { q: '原因究明', expect: ['5.2.3(4)-5', '6-1', '6-12'] },
  { q: '米軍', expect: ['5.3.3(2)-9'] },
  { q: '標的型攻撃', expect: ['5.2.3(1)iii-3'] },
  { q: 'サプライチェーン リスク', expect: ['5.1.3(3)-6', '5.1.3(3)-7', '5.2.3(1)i-3'] },
  // Readings, abbreviations, other names
  { q: '自治体 マイナンバー', expect: ['5.2.2(3)-2'] },
  { q: 'アセアン 制度整備', expect: ['5.1.3(3)-4'] },
  { q: '人工知能', expect: ['5.4.1(2)-3'] },
  { q: '五輪 リスク', expect: ['6-17'] },
  { q: '内閣サイバーセキュリティセンター ホットライン', expect: ['5.2.2(2)-6'] },
  { q: 'NISC 監査', expect: ['5.2.3(4)-5'] },
  { q: 'セキュリティバイデザイン', expect: ['5.1.1(1)-1', '5.1.2(3)-1'] },
  { q: 'しーさーと', expect: ['5.1.2(3)-4', '5.2.3(1)ii-2', '6-18'] },
  // Half-width and full-width forms
  { q: 'ｸﾗｳﾄﾞ 監査', expect: ['5.1.3(1)-3'] },
  { q: 'ＧＳＯＣ 監視対象', expect: ['5.2.3(4)-4'] },
  { q: 'ﾎｯﾄﾗｲﾝ', expect: ['5.2.2(2)-6'] },
  // Codes
  { q: '5.2.3(1)ii-7', expect: ['5.2.3(1)ii-7'] },
  { q: '6-18', expect: ['6-18'] },
  { q: '5.2.3(4)', expect: ['5.2.3(4)-1', '5.2.3(4)-2', '5.2.3(4)-3', '5.2.3(4)-4', '5.2.3(4)-5'] },
  // English, other word forms
  { q: 'consolidating internet gateways', expect: ['5.2.3(1)ii-7'] },
  { q: 'targeted attack', expect: ['5.2.3(1)iii-3'] },
  { q: 'supply chain risks', expect: ['5.1.3(3)-6', '5.1.3(3)-7'] },
  { q: 'security by design', expect: ['5.1.1(1)-1'] },
  { q: 'career paths', expect: ['5.1.2(2)-2', '5.4.2(4)-4'] },
  { q: 'cybercrime investigation', expect: ['5.2.1(3)-2'] },
  { q: 'hotline', expect: ['5.2.2(2)-6'] },
  { q: 'incorporated administrative agencies audits', expect: ['5.2.3(4)-2'] },
  { q: 'Olympic CSIRT', expect: ['6-18'] },
];
