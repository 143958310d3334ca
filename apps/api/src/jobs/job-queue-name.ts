/** The one Bull queue every job goes through; jobs are told apart by name. */
export const JOB_QUEUE = 'tierwise-jobs';
