let last = performance.now();
for (const m of process.argv.slice(2)) { await import(m); const t = performance.now(); process.stdout.write(`${m.replace('./dist/src/','')} ${(t - last).toFixed(0)}  `); last = t; }
console.log();
