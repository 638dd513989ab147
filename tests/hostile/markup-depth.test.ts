import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxPackage } from '../../scripts/fixtures/docx.js';
import { docxFlow } from '../../src/io/docx/read-docx.js';
import { htmlFlow } from '../../src/io/html/read-html.js';
import { LIMITS, LimitExceeded } from '../../src/io/limits.js';
import { cli } from '../formatters/seed-broken.js';
import { workdir } from '../helpers/workdir.js';

/**
 * Markup nested thousands deep: the HTML tokenizer keeps its open elements in an array it shifts
 * and unshifts (quadratic in depth: 20,000 nested tables took 8 s), and the Word reader walked
 * nested tables recursively (a stack overflow, said as a corrupt file). Real pages and documents
 * nest a few dozen deep; past LIMITS.markupDepth the file is refused with one sentence.
 */
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const nestedHtml = (depth: number) =>
  `<html><body><p>收入支出决算总表</p>${'<table><tr><td>'.repeat(depth)}x${'</td></tr></table>'.repeat(depth)}</body></html>`;
const nestedDocumentXml = (depth: number) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>` +
  `${'<w:tbl><w:tr><w:tc>'.repeat(depth)}<w:p><w:r><w:t>x</w:t></w:r></w:p>${'</w:tc></w:tr></w:tbl>'.repeat(depth)}` +
  '</w:body></w:document>';

describe('markup nested too deep is refused, not parsed for seconds or overflowed', () => {
  it('HTML within the depth bound reads; past it throws LimitExceeded', () => {
    expect(htmlFlow(nestedHtml(50)).length).toBeGreaterThan(0);
    expect(() => htmlFlow(nestedHtml(LIMITS.markupDepth))).toThrow(LimitExceeded);
    expect(() => htmlFlow(`${'<div>'.repeat(LIMITS.markupDepth + 1)}x`)).toThrow(LimitExceeded);
  });

  it('Word markup within the depth bound reads; past it throws LimitExceeded', () => {
    expect(docxFlow(nestedDocumentXml(50))).toBeDefined();
    expect(() => docxFlow(nestedDocumentXml(LIMITS.markupDepth))).toThrow(LimitExceeded);
  });

  it('checking such a page or document is one sentence naming the limit, exit 2', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'deep.html'), nestedHtml(20_000));
    writeFileSync(join(dir, 'deep.docx'), docxPackage(nestedDocumentXml(3_000)));
    for (const file of ['deep.html', 'deep.docx']) {
      const result = await cli(['check', file], dir);
      expect(result.code).toBe(2);
      expect(result.err.trim().split('\n')).toHaveLength(1);
      expect(result.err).toContain('超出本工具的处理上限');
      expect(result.err).toContain(`嵌套超过 ${LIMITS.markupDepth} 层`);
    }
  });
});
