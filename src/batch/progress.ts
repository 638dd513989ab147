import { basename } from 'node:path';

export interface Progress {
  update(done: number, total: number, file: string): void;
  /** Clears the bar so the report starts on a clean line. */
  end(): void;
}

const WIDTH = 24;
const NAME_WIDTH = 32;
/** Redraw at most this often (ms), and always for the last file. */
const INTERVAL = 80;

/** One line: bar, count, percentage, the file just finished (shortened). */
export function progressLine(done: number, total: number, file: string): string {
  const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
  const name = basename(file);
  const short = [...name].length > NAME_WIDTH ? `…${[...name].slice(-(NAME_WIDTH - 1)).join('')}` : name;
  return `[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${done}/${total} ${Math.floor((done / Math.max(total, 1)) * 100)}% ${short}`;
}

/** A progress bar redrawn in place with \r on a terminal's stderr. */
export function progressBar(write: (text: string) => void, now: () => number = Date.now): Progress {
  let last = -Infinity;
  let drawn = false;
  return {
    update(done, total, file) {
      const t = now();
      if (done < total && t - last < INTERVAL) return;
      last = t;
      drawn = true;
      write(`\r\x1b[2K${progressLine(done, total, file)}`);
    },
    end() {
      if (drawn) write('\r\x1b[2K');
    },
  };
}
