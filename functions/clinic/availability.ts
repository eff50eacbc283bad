/** When a branch can see someone, from the clinic's config: for the booking form and its schema. */
import { type Branch, type BranchId, branches } from './clinic.ts';
import { weekdayOf } from './dates.ts';
import { type TimeWindowId, timeWindowIds, timeWindows } from './time-windows.ts';

export function findBranch(id: BranchId): Branch {
  const branch = branches.find((candidate) => candidate.id === id);
  if (!branch) throw new Error(`Unknown branch ${id}`);
  return branch;
}

/** The time windows in which the branch is open on that date (YYYY-MM-DD); none on a day it is closed. */
export function openTimeWindows(branch: Branch, date: string): TimeWindowId[] {
  const hours = branch.hours[weekdayOf(date)];
  if (!hours) return [];
  // "HH:MM" clock times compare correctly as strings.
  return timeWindowIds.filter((id) => timeWindows[id].from < hours.closes && timeWindows[id].until > hours.opens);
}
