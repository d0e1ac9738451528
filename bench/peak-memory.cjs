// Preloaded into a process the benchmark runs (node --require): reports the
// process's peak resident memory, worker threads included, on its last line of stderr.
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-bytes ${process.resourceUsage().maxRSS * 1024}\n`);
});
