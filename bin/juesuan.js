#!/usr/bin/env node
// The only file that touches `process`: everything else is testable in-process through cli.run().
import module from 'node:module';

// Node ≥ 22 keeps compiled code of the bundle on disk between runs; Node 20 has no cache, and a
// cache that cannot be written (read-only home, no tmp) only means a slower start.
try {
  module.enableCompileCache?.();
} catch {
  // start without the cache
}
// a run that names a PDF starts pdfjs's thread first: pdfjs loads there while this thread loads the CLI
if (process.argv.slice(2).some((arg) => /\.pdf$/i.test(arg)))
  (await import('../dist/bundle/load.js')).startPdfjsThreadEarly();
// the CLI as built by `npm run build` (scripts/bundle.ts): one file plus chunks loaded on demand
const { run } = await import('../dist/bundle/cli.js');

const debug = process.argv.includes('--debug');

// A reader that stops reading (`juesuan check … | head`) closes the pipe: that is not an error of
// the run. The rest of what would have gone there is dropped, and the exit code stays the check's.
const closed = { out: false, err: false };
const onStreamError = (name) => (error) => {
  if (error && error.code === 'EPIPE') {
    closed[name] = true;
    return;
  }
  // any other failure to write to the terminal: nothing more can be said there
  closed[name] = true;
  if (name === 'out' && !closed.err) stderr().write(`juesuan: 无法写入标准输出（${error?.code ?? error}）。\n`);
  process.exitCode = 2;
};
process.stdout.on('error', onStreamError('out'));
// stderr is opened on first use: a run that says nothing there does not set up the stream
// (a pipe's socket machinery is a noticeable part of a short run's start-up)
let errOpen = false;
const stderr = () => {
  if (!errOpen) {
    errOpen = true;
    process.stderr.on('error', onStreamError('err'));
  }
  return process.stderr;
};

// Node's own warnings (deprecations in a dependency …) are not ours to show, except under --debug.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (debug && !closed.err) stderr().write(`调试（Node 警告）：${warning.stack ?? warning}\n`);
});

const io = {
  out: (text) => {
    if (!closed.out) process.stdout.write(text);
  },
  err: (text) => {
    if (!closed.err) stderr().write(text);
  },
  // a pipe that reads slowly: the next piece of a report is made when stdout has taken this one
  // (or is closed: a reader that went away ends the wait, see onStreamError)
  drained: () => {
    const stream = process.stdout;
    if (closed.out || !stream.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        stream.off('error', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('close', done);
      stream.on('error', done);
    });
  },
  isTTY: Boolean(process.stdout.isTTY),
  // asked only by progress display: stderr stays unopened in a run that does not ask
  get errIsTTY() {
    return Boolean(stderr().isTTY);
  },
  // the terminal's width, for reports printed on it
  ...(process.stdout.isTTY && process.stdout.columns > 0 ? { columns: process.stdout.columns } : {}),
  env: process.env,
  cwd: process.cwd(),
};

run(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = process.exitCode === 2 ? 2 : code;
  },
  (error) => {
    io.err(`juesuan: 内部错误：${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
