import { get } from 'node:http';

// How the CSV export benches download a file over a real socket: every byte read and its lines
// counted, the process's resident memory and heap sampled meanwhile (the bench runs the api in
// process), and one pause of the client after 20 MB (backpressure: the server must stop reading
// pages while the client does not read, not buffer the rest).

export interface Download {
  rows: number;
  bytes: number;
  /** Without the client's pause. */
  ms: number;
  rssStart: number;
  rssPeak: number;
  rssPausePeak: number;
  heapPeak: number;
}

/** Reads the whole answer, counting lines (the header row left out); stops reading for `pauseMs` once 20 MB have come. */
export function downloadCsv(url: string, token: string, pauseMs: number): Promise<Download> {
  const rssStart = process.memoryUsage().rss;
  let rssPeak = rssStart;
  let rssPausePeak = 0;
  let heapPeak = process.memoryUsage().heapUsed;
  let paused = false;
  const sampler = setInterval(() => {
    const { rss, heapUsed } = process.memoryUsage();
    heapPeak = Math.max(heapPeak, heapUsed);
    rssPeak = Math.max(rssPeak, rss);
    if (paused) rssPausePeak = Math.max(rssPausePeak, rss);
  }, 50);
  const started = Date.now();
  return new Promise<Download>((resolve, reject) => {
    get(url, { headers: { authorization: `Bearer ${token}` } }, (response) => {
      if (response.statusCode !== 200) {
        clearInterval(sampler);
        reject(new Error(`export answered ${response.statusCode}`));
        response.resume();
        return;
      }
      let bytes = 0;
      let lines = 0;
      let pausedOnce = false;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
        if (!pausedOnce && pauseMs > 0 && bytes >= 20 * 1024 * 1024) {
          pausedOnce = true;
          paused = true;
          response.pause();
          setTimeout(() => {
            paused = false;
            response.resume();
          }, pauseMs);
        }
      });
      response.on('end', () => {
        clearInterval(sampler);
        // The pause is the client's, not the server's: left out of the time.
        const ms = Date.now() - started - (pausedOnce ? pauseMs : 0);
        resolve({ rows: lines - 1, bytes, ms, rssStart, rssPeak, rssPausePeak, heapPeak });
      });
      response.on('error', (error) => {
        clearInterval(sampler);
        reject(error);
      });
    }).on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
  });
}

export function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}
