// A worker that cannot start (tests/batch.test.ts, tests/readers/pdfjs-thread.test.ts).
throw new Error('cannot load');
