// Customers per chunk job: one transaction each. Large enough that a chunk's fixed costs
// (locking, the two statements that write it) are small beside its rows, small enough that a
// worker killed mid-chunk loses seconds, not minutes, and that a chunk's rows fit in memory.
export const RUN_CHUNK_SIZE = 2000;
