import { parseSeedBundle, type SeedBundle } from '@/domain/seeds';
import { PublicConsultationSchema, type PublicConsultation } from '@/domain/plan';
import { StrategyTextSchema, type StrategyText } from '@/domain/plan';
import { SynonymListSchema, type SynonymList } from '@/domain/search';
import ciSectors from './ci-sectors.json' with { type: 'json' };
import instructions from './instructions.json' with { type: 'json' };
import milestones from './milestones.json' with { type: 'json' };
import organisations from './organisations.json' with { type: 'json' };
import publicComments from './public-comments.json' with { type: 'json' };
import area51 from './strategy/5.1.json' with { type: 'json' };
import area52 from './strategy/5.2.json' with { type: 'json' };
import area53 from './strategy/5.3.json' with { type: 'json' };
import area54 from './strategy/5.4.json' with { type: 'json' };
import area6 from './strategy/6.json' with { type: 'json' };
import area7 from './strategy/7.json' with { type: 'json' };
import searchSynonyms from './search-synonyms.json' with { type: 'json' };
import strengtheningPackage from './strengthening-package.json' with { type: 'json' };
import strategyText from './strategy-text.json' with { type: 'json' };
import structure from './structure.json' with { type: 'json' };

/**
 * The strategy's facts, validated by the domain schemas. Static imports so that the server,
 * the tests and the in-browser mock (Vite) all load the same files the same way.
 */
export function loadSeedBundle(): SeedBundle {
  return parseSeedBundle({
    structure,
    organisations,
    milestones,
    strengtheningPackage,
    instructions,
    ciSectors,
    strategyText,
    strategy: [area51, area52, area53, area54, area6, area7],
  });
}

/** The public consultation on the draft (資料2-4/2-5): reference text, served as published. */
export function loadPublicConsultation(): PublicConsultation {
  return PublicConsultationSchema.parse(publicComments);
}

/** Lead-ins, section targets and dated steps (issue 19): reference text, served as the strategy states it. */
export function loadStrategyText(): StrategyText {
  return StrategyTextSchema.parse(strategyText);
}

/** Search synonyms (decision record 016): katakana readings, abbreviations, the client's English phrases. */
export function loadSearchSynonyms(): SynonymList {
  return SynonymListSchema.parse(searchSynonyms);
}
