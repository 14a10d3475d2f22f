// Summarises a V8 .cpuprofile: self and inclusive time per function.
// Usage: node bench/cpuprofile-summary.cjs FILE.cpuprofile [selfRows] [inclusiveRows]
// Self time and inclusive time per function from a .cpuprofile
const p = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const nodes = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = p.timeDeltas; let total = 0;
const counts = new Map();
for (let i = 0; i < p.samples.length; i++) { counts.set(p.samples[i], (counts.get(p.samples[i]) || 0) + (dt[i] || 0)); total += dt[i] || 0; }
const parent = new Map();
for (const n of p.nodes) for (const c of n.children || []) parent.set(c, n.id);
const key = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
const incl = new Map();
for (const [id, t] of counts) {
  const n = nodes.get(id); const k = key(n); self.set(k, (self.get(k) || 0) + t);
  const seen = new Set(); let cur = id;
  while (cur !== undefined) { const kk = key(nodes.get(cur)); if (!seen.has(kk)) { seen.add(kk); incl.set(kk, (incl.get(kk) || 0) + t); } cur = parent.get(cur); }
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, t]) => `${(t / 1000).toFixed(0).padStart(7)} ms ${(100 * t / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
console.log('total', (total / 1000).toFixed(0), 'ms\n-- self'); console.log(top(self, Number(process.argv[3] || 25)));
console.log('-- inclusive'); console.log(top(incl, Number(process.argv[4] || 40)));
