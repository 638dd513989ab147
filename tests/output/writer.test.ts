import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/input-error.js';
import { caseInsensitiveFolder } from '../../src/io/output/identity.js';
import { OutputWriter, type RunInput } from '../../src/io/output/writer.js';
import { workdir } from '../helpers/workdir.js';

const dir = workdir();

function folder(name: string, files: Record<string, string> = {}): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(path, file), text);
  return path;
}

function writer(cwd: string, inputs: RunInput[], caseInsensitive?: (dir: string) => boolean): OutputWriter {
  return new OutputWriter({ cwd, inputs, ...(caseInsensitive ? { caseInsensitive } : {}) });
}

function refusal(action: () => void): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('case-insensitive folders', () => {
  it('are probed without writing: an entry found again under its other case is the same file', () => {
    const sensitive = folder('sensitive', { 'report.xlsx': 'a', 'REPORT.XLSX': 'b' });
    expect(caseInsensitiveFolder(sensitive)).toBe(false);
    // what a folder that folds case shows: one file under both names
    const folding = folder('folding', { 'report.xlsx': 'a' });
    linkSync(join(folding, 'report.xlsx'), join(folding, 'REPORT.XLSX'));
    expect(caseInsensitiveFolder(folding)).toBe(true);
    // no entry with letters: the question goes to the parent folder on the same device
    const digits = folder('folding/2024');
    writeFileSync(join(digits, '1.1'), '');
    expect(caseInsensitiveFolder(digits)).toBe(true);
    expect(readdirSync(sensitive).sort()).toEqual(['REPORT.XLSX', 'report.xlsx']);
  });

  it('refuse an output that differs from an input only in case, before it exists', () => {
    const cwd = folder('ci', { 'a.xlsx': 'input' });
    const inputs: RunInput[] = [{ path: 'a.xlsx', role: 'workbook' }];
    const error = refusal(() => writer(cwd, inputs, () => true).check('A.XLSX', '--annotate'));
    expect(error.code).toBe('output-is-input');
    expect(error.message).toContain('只差大小写');
    // where case matters, it is another file
    expect(() => writer(cwd, inputs, () => false).check('A.XLSX', '--annotate')).not.toThrow();
    // and two outputs that differ in case only are one file there
    const twice = writer(cwd, [], () => true);
    twice.check('out/Report.md', '-o markdown');
    expect(refusal(() => twice.check('OUT/report.MD', '-o json')).message).toContain('写到同一个文件');
  });
});

describe('OutputWriter', () => {
  it('refuses one file named by two outputs: same path, a link to it', () => {
    const cwd = folder('twice', { 'target.json': '{}' });
    symlinkSync(join(cwd, 'target.json'), join(cwd, 'alias.json'));
    const w = writer(cwd, []);
    w.check('target.json', '-o json');
    expect(refusal(() => w.check('./target.json', '-o sarif')).message).toBe(
      '-o json「target.json」与 -o sarif「./target.json」写到同一个文件：每个输出请用不同的路径。',
    );
    expect(refusal(() => w.check('alias.json', '-o sarif')).code).toBe('bad-output');
  });

  it('replaces a file whole, keeping its permissions, and leaves nothing beside it', () => {
    const cwd = folder('replace', { 'out.md': 'old' });
    chmodSync(join(cwd, 'out.md'), 0o640);
    writer(cwd, []).write('out.md', 'new', '-o');
    expect(readFileSync(join(cwd, 'out.md'), 'utf8')).toBe('new');
    expect(statSync(join(cwd, 'out.md')).mode & 0o777).toBe(0o640);
    expect(readdirSync(cwd)).toEqual(['out.md']);
  });

  it.runIf(process.getuid?.() !== 0)('does not replace a file the user may not write (root may: skipped)', () => {
    const cwd = folder('read-only', { 'out.md': 'kept' });
    chmodSync(join(cwd, 'out.md'), 0o444);
    expect(refusal(() => writer(cwd, []).write('out.md', 'new', '-o')).message).toContain('没有写入权限');
    expect(readFileSync(join(cwd, 'out.md'), 'utf8')).toBe('kept');
  });

  it('writes through a symbolic link (not an input) and keeps the link; a dangling one is created', () => {
    const cwd = folder('links', { 'real.md': 'old' });
    symlinkSync('real.md', join(cwd, 'link.md'));
    symlinkSync('made/later.md', join(cwd, 'dangling.md'));
    const w = writer(cwd, []);
    w.write('link.md', 'through', '-o');
    w.write('dangling.md', 'created', '-o');
    expect(lstatSync(join(cwd, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(cwd, 'real.md'), 'utf8')).toBe('through');
    expect(readFileSync(join(cwd, 'made', 'later.md'), 'utf8')).toBe('created');
  });

  it('a loop of links is one sentence', () => {
    const cwd = folder('loop');
    symlinkSync('b.md', join(cwd, 'a.md'));
    symlinkSync('a.md', join(cwd, 'b.md'));
    expect(refusal(() => writer(cwd, []).write('a.md', 'x', '-o')).message).toContain('循环');
  });

  it('a FIFO nobody reads is one sentence, not a hang', () => {
    const cwd = folder('fifo');
    execFileSync('mkfifo', [join(cwd, 'pipe')]);
    expect(refusal(() => writer(cwd, []).write('pipe', 'x', '-o')).message).toContain('没有读取方');
  });

  it('an input that does not exist yet is still refused by its path', () => {
    const cwd = folder('missing-input');
    const error = refusal(() =>
      writer(cwd, [{ path: 'sub/accepted.yaml', role: 'baseline' }]).check('./sub/accepted.yaml', '-o'),
    );
    expect(error.message).toContain('审核说明「sub/accepted.yaml」');
  });
});

describe('a report given in pieces', () => {
  it('is written as it is made, the pieces joined, never held whole before the write', () => {
    const cwd = folder('pieces', { 'a.xlsx': 'input' });
    // while the last piece is made, the earlier ones are already in the file being written
    let writtenBefore = 0;
    function* report(): Generator<string> {
      for (let i = 0; i < 3000; i++) {
        if (i === 2999)
          for (const name of readdirSync(join(cwd, 'out')))
            if (name.endsWith('.tmp')) writtenBefore = statSync(join(cwd, 'out', name)).size;
        yield `第 ${i} 行，${'字'.repeat(40)}\n`;
      }
    }
    writer(cwd, [{ path: 'a.xlsx', role: 'workbook' }]).write('out/r.txt', report(), '-o stylish');
    const expected = Array.from({ length: 3000 }, (_, i) => `第 ${i} 行，${'字'.repeat(40)}\n`).join('');
    expect(readFileSync(join(cwd, 'out', 'r.txt'), 'utf8')).toBe(expected);
    expect(writtenBefore).toBeGreaterThan(300_000);
  });

  it('whose maker fails leaves no file and no temporary file, and the failure is passed on as it is', () => {
    const cwd = folder('pieces-fail', { 'a.xlsx': 'input' });
    const failure = new TypeError('formatter bug');
    function* report(): Generator<string> {
      yield 'x'.repeat(100_000);
      throw failure;
    }
    expect(() => writer(cwd, [{ path: 'a.xlsx', role: 'workbook' }]).write('r.sarif', report(), '-o sarif')).toThrow(
      failure,
    );
    expect(readdirSync(cwd)).toEqual(['a.xlsx']);
  });
});
