// The messages every page section's worker shares with its section (plain data only); each
// section's protocol adds its own runs and results.

export type PageBackend = 'auto' | 'gpu' | 'cpu';

/** Which backend the worker descends on, and why when it is the CPU twin. */
export type BackendMessage = { type: 'backend'; kind: 'gpu' | 'cpu'; description: string; reason: string };

/** The run threw: nothing comes back but the reason. */
export type ErrorMessage = { type: 'error'; message: string };

/** Aborts the run in progress; what is already classified comes back as the run's result. */
export type StopMessage = { type: 'stop' };
