// Jobs one process works on at once. A chunk is CPU (rules) then I/O (its writes), so two
// overlap one chunk's writes with the next one's evaluation; more only queue on the CPU.
export const WORKER_CONCURRENCY = 2;
