import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

/**
 * One entry of a zip already vetted by the guard (checkOfficePackage: sizes, ratios, encryption),
 * inflated; undefined when the package has no such entry. Rejects on a corrupt stream.
 */
export function readZipEntry(bytes: Buffer, name: string): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('zip'));
      let done = false;
      const finish = (value: Buffer | undefined, failure?: unknown) => {
        if (done) return;
        done = true;
        zip.close();
        if (failure) reject(failure);
        else resolve(value);
      };
      zip.on('error', (e: Error) => finish(undefined, e));
      zip.on('end', () => finish(undefined));
      zip.on('entry', (entry: Entry) => {
        if (entry.fileName.replace(/^\//, '') !== name) return zip.readEntry();
        openEntry(zip, entry).then(
          (data) => finish(data),
          (e: unknown) => finish(undefined, e),
        );
      });
      zip.readEntry();
    });
  });
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('zip entry'));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}
