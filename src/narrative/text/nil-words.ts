/**
 * The words that say a figure did not change — against the year before or against a budget: one list every reader
 * of a nil change reads ("与上年持平", "与预算数无增减", "与上年相比没有变化", "保持不变"). A regular-expression
 * alternation, to be wrapped in (?:…) where it is used.
 */
export const NIL_WORDS = '持平|无增减|无变化|没有变化|保持不变';
