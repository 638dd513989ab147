import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/fixtures.js';
import { workdir } from '../helpers/workdir.js';
import { buildZip, deflatedEntry } from '../helpers/zip.js';
import { cli } from '../formatters/seed-broken.js';
import { isOneChineseSentence, juesuanIntoClosedPipe } from './cli-process.js';

const dir = workdir();
const seed = join(dir, 'seed.xlsx');
copyFileSync(join(FIXTURES, 'seed-2024.xlsx'), seed);

describe('a closed stdout ends the run quietly (item 11)', { timeout: 90_000 }, () => {
  it('check … --format json | head -c 100: no EPIPE, nothing on stderr, the exit code is the check’s (0)', async () => {
    const result = await juesuanIntoClosedPipe(['check', seed, '--format', 'json'], dir, 100);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('inspect | (reader gone at once): exit 0, nothing on stderr', async () => {
    const result = await juesuanIntoClosedPipe(['inspect', seed, '--format', 'json'], dir, 0);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

describe('a corrupt .docx narrative is one Chinese sentence; the parser’s words only with --debug (item 9)', () => {
  const broken = {
    'unclosed markup':
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>',
    'not XML at all': '\u0000\u0001 <<<< &&& ]]>',
    'no body': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
  };
  for (const [name, xml] of Object.entries(broken)) {
    it(name, async () => {
      const docx = join(dir, `${name.replace(/\W/g, '-')}.docx`);
      writeFileSync(
        docx,
        buildZip([deflatedEntry('[Content_Types].xml', CONTENT_TYPES), deflatedEntry('word/document.xml', xml)]),
      );
      const plain = await cli(['check', seed, '--narrative', docx], dir);
      expect(plain.code).toBe(2);
      expect(isOneChineseSentence(plain.err), plain.err).toBe(true);
      expect(plain.err).not.toMatch(/xmldom|Cannot read|properties|undefined|null/);
      expect(plain.out).toBe('');
      const debug = await cli(['check', seed, '--narrative', docx, '--debug'], dir);
      expect(debug.err.split('\n').length).toBeGreaterThan(2);
    });
  }
});
