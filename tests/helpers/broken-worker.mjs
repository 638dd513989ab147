// A batch worker that cannot start (tests/batch.test.ts).
throw new Error('cannot load');
