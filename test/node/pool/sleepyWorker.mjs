// A stand-in training worker for pool tests: a job {ms, value} waits ms and
// answers value × the data's factor; {crash: true} exits mid-job.
let factor = 0;
process.on('message', (m) => {
  if (m.type === 'data') factor = m.data.factor;
  if (m.type !== 'job') return;
  if (m.job.crash) process.exit(3);
  process.send({ type: 'progress', jobId: m.jobId, done: 1, total: 2 });
  setTimeout(() => process.send({ type: 'result', jobId: m.jobId, result: m.job.value * factor }), m.job.ms);
});
process.on('disconnect', () => process.exit(0));
