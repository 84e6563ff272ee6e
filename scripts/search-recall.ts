/** Prints search recall in the first ten results for the official-query list (tests/support/search-queries.ts). */
import { searchRecall } from '../tests/support/search-recall';

const { queries, recall } = await searchRecall();
for (const r of queries) {
  const mark = r.recall === 1 ? 'ok  ' : 'MISS';
  console.log(`${mark} ${(r.recall * 100).toFixed(0).padStart(3)}%  ${r.q}  → ${r.top.slice(0, 5).join(' ')}`);
}
const perfect = queries.filter((r) => r.recall === 1).length;
console.log(
  `\n${queries.length} queries; recall@10 ${(recall * 100).toFixed(1)}% of expected measures; ${perfect}/${queries.length} queries complete`,
);
