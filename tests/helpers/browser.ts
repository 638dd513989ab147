import { existsSync } from 'node:fs';

/** Where a system Chromium (or Chrome, Edge) usually is; JUESUAN_CHROMIUM names one explicitly. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** The browser the page's tests drive, or undefined (those tests are then reported as skipped). */
export function findChromium(): string | undefined {
  const named = process.env.JUESUAN_CHROMIUM;
  if (named) return existsSync(named) ? named : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * Headless, offline-minded flags. The profile is a fresh one: playwright launches every browser with
 * its own new --user-data-dir (and refuses the flag from the caller), so nothing of the machine's
 * own browser profile is used.
 */
export function chromiumArgs(): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}
