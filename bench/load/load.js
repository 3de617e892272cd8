// Runs autocannon against one URL and prints JSON: requests, req/s, non-2xx, exact p50/p95/p99 latency (ms) from every
// response's time (autocannon's own summary has p97.5 but no p95).
//   node load.js <url> <connections> <seconds> [cookie]
'use strict';
const autocannon = require('autocannon');

const [url, connections = '50', seconds = '20', cookie = ''] = process.argv.slice(2);
const times = [];
const instance = autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  headers: cookie ? { cookie } : {},
}, (error, result) => {
  if (error) {
    console.error(error);
    process.exit(1);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times.length === 0 ? null : times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  console.log(JSON.stringify({
    url,
    connections: Number(connections),
    seconds: Number(seconds),
    requests: times.length,
    rps: times.length / result.duration,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: times.length === 0 ? null : times[times.length - 1],
  }));
});
instance.on('response', (client, statusCode, bytes, responseTime) => times.push(responseTime));
