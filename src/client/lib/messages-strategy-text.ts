import type { LocalizedText } from '@/domain/plan';

/** UI strings for the strategy's own structure (issue 19): lead-ins, section targets, dated steps. */
export const STRATEGY_TEXT_MESSAGES = {
  leadInsTitle: { ja: '本文の方針（リード文）', en: 'What the text commits to here (lead-in)' },
  leadInsNote: {
    ja: '以下の施策を導く本文の一文です。進捗は、それが導く施策の進捗で示されます。',
    en: 'Sentences of the text that introduce the measures below; their progress is the progress of those measures.',
  },
  sectionTarget: { ja: '節の目標', en: 'Section target' },
  sectionTargetNote: {
    ja: 'この施策自体の期限ではなく、節全体の目標です。',
    en: 'The target of the whole section, not a deadline of this measure.',
  },
  stepsTitle: { ja: '期日のある段階', en: 'Dated steps' },
} satisfies Record<string, LocalizedText>;
