// Appending a benchmark's figures to the report `cargo xtask bench` turns
// into docs/benchmarks.md (VESTNIK_BENCH_REPORT names the file).
import { appendFileSync } from 'node:fs';

/** Appends `## title`, a paragraph and a `| figure | value |` table, if a report is being written. */
export function appendSection(title, paragraph, rows) {
  const file = process.env.VESTNIK_BENCH_REPORT;
  if (!file) return;
  const cell = (text) => String(text).replace(/\|/g, '\\|');
  appendFileSync(file, [
    '', `## ${title}`, '', paragraph, '',
    '| figure | value |', '| --- | --- |',
    ...rows.map(([figure, value]) => `| ${cell(figure)} | ${cell(value)} |`),
    '',
  ].join('\n'));
}
