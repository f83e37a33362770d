// bench/duckdb_features.mjs: the feature computation of the benchmark in
// DuckDB (@duckdb/node-api), for comparison with `mot analyze`.
//
//   node bench/duckdb_features.mjs [--store-joined] DIR [THREADS] [NODE_MODULES_DIR]
//
// DIR holds events.csv and customers.csv (a `mot demo` folder). THREADS
// defaults to 2. NODE_MODULES_DIR is the folder where
// `npm install @duckdb/node-api` was run (default: build/bench-node of this
// repository; bench/run.sh installs it there).
//
// What it computes, in one scan of events.csv:
//   per customer and touchpoint  events, rated events, worst score, last
//                                rated score (by time), mean score; stored
//                                as a table, as mot keeps its features;
//   per touchpoint               events, rated events, mean score,
//                                customers reached (from the table above);
//   the join                     of the first table to customers.csv (left),
//                                computed in full and consumed by a checksum
//                                query; with --store-joined, stored as a
//                                table first (more memory).
// It prints row counts, checksums and the per-touchpoint table as one JSON
// object on stdout, the shape bench/pandas_features.py prints, so that
// bench/compare.py can check that the tools agree. Phase times go to stderr.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const t0 = performance.now();
const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const storeJoined = args[0] === '--store-joined';
if (storeJoined)
  args.shift();
const [dir, threadsArg, modulesArg] = args;
if (!dir) {
  console.error('usage: node bench/duckdb_features.mjs [--store-joined] DIR [THREADS] [NODE_MODULES_DIR]');
  process.exit(64);
}
const threads = threadsArg || '2';
const modules = path.resolve(modulesArg || path.join(here, '..', 'build', 'bench-node'));
const require = createRequire(path.join(modules, 'package.json'));
const { DuckDBInstance } = await import(pathToFileURL(require.resolve('@duckdb/node-api')).href);

const sqlString = (s) => `'${s.replaceAll("'", "''")}'`;
const events = sqlString(path.join(dir, 'events.csv'));
const customers = sqlString(path.join(dir, 'customers.csv'));

const instance = await DuckDBInstance.create(':memory:', { threads });
const con = await instance.connect();
const phases = {};
let last = performance.now();
const lap = (name) => {
  const now = performance.now();
  phases[name] = Number(((now - last) / 1000).toFixed(3));
  last = now;
};
lap('start');

// The per-customer-per-touchpoint features, stored as a table (as mot keeps
// its feature arrays). Types given for the columns used, so that the
// sniffer's guesses play no part.
await con.run(`
CREATE TABLE cf AS
SELECT customer_id, touchpoint,
       count(*)                                              AS n,
       count(score)                                          AS rated,
       min(score)                                            AS worst,
       arg_max(score, time) FILTER (WHERE score IS NOT NULL) AS last,
       avg(score)                                            AS mean,
       sum(score)                                            AS score_sum
FROM read_csv(${events}, header = true,
              types = {'customer_id': 'VARCHAR', 'time': 'TIMESTAMP',
                       'touchpoint': 'VARCHAR', 'score': 'DOUBLE'})
GROUP BY customer_id, touchpoint`);
lap('features');

await con.run(`
CREATE TABLE touchpoints AS
SELECT touchpoint, sum(n) AS n, sum(rated) AS rated,
       sum(score_sum) / nullif(sum(rated), 0) AS mean,
       count(*) AS customers
FROM cf GROUP BY touchpoint ORDER BY touchpoint`);
lap('touchpoints');

// The join to customers.csv (left: no feature row is lost), computed in
// full: stored as a table with --store-joined, else consumed by the
// checksum query as it streams.
const joined = `
SELECT cf.*, c.* EXCLUDE (customer_id), c.customer_id IS NOT NULL AS matched
FROM cf LEFT JOIN read_csv(${customers}, header = true,
                           types = {'customer_id': 'VARCHAR', 'overall': 'DOUBLE'}) c
     USING (customer_id)`;
let source = `(${joined})`;
if (storeJoined) {
  await con.run(`CREATE TABLE features AS ${joined}`);
  source = 'features';
  lap('join (stored)');
}

const num = (v) => (v === null ? null : Number(v));
const sums = (await con.runAndReadAll(`
SELECT count(*), sum(n), sum(rated), sum(worst), sum(last), sum(mean),
       count(*) FILTER (WHERE matched), sum(overall), count(DISTINCT customer_id)
FROM ${source}`)).getRows()[0].map(num);
lap(storeJoined ? 'checksums' : 'join + checksums');
const tp = {};
for (const [id, n, rated, mean, reached] of
     (await con.runAndReadAll('SELECT * FROM touchpoints')).getRows())
  tp[id] = { n: num(n), rated: num(rated), mean: num(mean), customers: num(reached) };
lap('read back');
phases.total = Number(((performance.now() - t0) / 1000).toFixed(3));

const [rows, n, rated, worst, lastSum, mean, matched, overall, ncust] = sums;
console.log(JSON.stringify({
  tool: storeJoined ? 'duckdb-stored' : 'duckdb', threads: Number(threads),
  events: n, rated, customer_touchpoints: rows, customers: ncust,
  joined_rows: rows, matched_rows: matched,
  checksum: { worst, last: lastSum, mean, overall },
  touchpoints: tp,
}));
console.error(`duckdb phases (s): ${JSON.stringify(phases)}`);
