/**
 * A rate written against a base that is not last year's figure — a budget before its adjustment, this year's budget,
 * a figure reported earlier — is found wrong with that base named as what it is: calling it "上年" would send a
 * reviewer to the wrong figure.
 */
import { describe, expect, it } from 'vitest';
import { problems } from './helpers.js';

const messages = (paragraphs: string[]) =>
  problems(paragraphs)
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.ruleId} ${f.message}`);

const CASES: { name: string; paragraphs: string[]; says: string; never?: string }[] = [
  {
    name: 'an adjustment: 调整前 and 调整后, not 上年 and 本年',
    paragraphs: ['某县2024年预算调整方案', '调增调入资金6,300万元，增长25%，由年初预算的21,000万元调整为27,300万元。'],
    says: '调整后 27,300万元、调整前 21,000万元，调整幅度应为 30%',
    never: '上年',
  },
  {
    name: 'an adjustment with its amount: 调整前 and 调整后, not 决算 and 预算',
    paragraphs: ['某县2024年预算调整方案', '上级补助收入预算由51300万元调增至55740万元，增加4440万元，增长7%。'],
    says: '调整后 55740万元、调整 4440万元，调整前应为 51300万元，调整幅度应为 8.65%',
    never: '决算',
  },
  {
    name: 'an outturn against its budget written in the comparison',
    paragraphs: ['2023年度支出决算为1,260万元，比年初预算的1,200万元增加8%。'],
    says: '决算 1,260万元、预算 1,200万元，与预算的差额率应为 5%',
    never: '上年',
  },
  {
    name: 'last year: 本年 and 上年, as before',
    paragraphs: ['2023年度支出决算为1,260万元，比上年的1,200万元增加8%。'],
    says: '写本年 1,260万元、上年 1,200万元，变动率应为 5%',
  },
];

describe('the base of a rate is named as the text names it', () => {
  it.each(CASES)('$name', ({ paragraphs, says, never }) => {
    const found = messages(paragraphs);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(says);
    if (never) expect(found[0]).not.toContain(never);
  });
});
