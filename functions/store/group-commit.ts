/**
 * Writes what concurrent requests submit as one group: the first entry waits for the event loop's current round
 * of work to finish (setImmediate), every entry arriving meanwhile, or while the previous group is being
 * written, joins it, and the group is written in one transaction. A group that fails is written again one entry
 * at a time, so one bad row never fails the others: each entry gets its own outcome, and nothing is answered
 * before its transaction has committed.
 *
 * One group is written at a time: the next forms while it is. (Writing several at once was measured on
 * PostgreSQL too, and lost: on a machine's few cores the server's own CPU is what a group's wait is made of.)
 * The round matters for the embedded database: a PGlite transaction never yields to the event loop, so without
 * it every group would hold one entry.
 */
export interface GroupCommitOptions<Entry, Result> {
  /** Writes the entries in one transaction, all or none, answering each one's result in order. */
  writeGroup: (entries: readonly Entry[]) => Promise<readonly Result[]>;
  maxGroupSize?: number;
}

interface Waiting<Entry, Result> {
  entry: Entry;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

export function createGroupCommit<Entry, Result>({
  writeGroup,
  maxGroupSize = 100,
}: GroupCommitOptions<Entry, Result>): (entry: Entry) => Promise<Result> {
  let queue: Waiting<Entry, Result>[] = [];
  let scheduled = false;
  let writing = false;

  async function writeAlone(waiting: Waiting<Entry, Result>): Promise<void> {
    try {
      const [result] = await writeGroup([waiting.entry]);
      if (result === undefined) throw new Error('The write answered no result');
      waiting.resolve(result);
    } catch (error) {
      waiting.reject(error);
    }
  }

  async function flush(): Promise<void> {
    scheduled = false;
    writing = true;
    const group = queue.slice(0, maxGroupSize);
    queue = queue.slice(group.length);
    if (group.length === 1 && group[0]) {
      await writeAlone(group[0]);
    } else if (group.length > 1) {
      try {
        const results = await writeGroup(group.map((waiting) => waiting.entry));
        group.forEach((waiting, index) => {
          const result = results[index];
          if (result === undefined) waiting.reject(new Error('The group write answered too few results'));
          else waiting.resolve(result);
        });
      } catch {
        for (const waiting of group) await writeAlone(waiting);
      }
    }
    writing = false;
    if (queue.length > 0) schedule();
  }

  function schedule(): void {
    scheduled = true;
    setImmediate(() => void flush());
  }

  return (entry) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ entry, resolve, reject });
      if (!scheduled && !writing) schedule();
    });
}
