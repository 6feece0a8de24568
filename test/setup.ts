import fc from 'fast-check';

// FC_NUM_RUNS raises the number of cases per property for long local or nightly runs.
const runs = Number(process.env['FC_NUM_RUNS'] ?? '');
if (Number.isInteger(runs) && runs > 0) fc.configureGlobal({ numRuns: runs });
