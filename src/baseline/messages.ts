/** The message of the baseline's own rule (rules/baseline.yaml): its entry of the registry of rule implementations. */
export const BASELINE_CHECKS = {
  'baseline.stale': {
    'baseline-stale': '审核说明第 {{line}} 行接受的问题（{{entry}}）已不再出现，可从 {{file}} 中删除该条目。',
  },
} as const;
