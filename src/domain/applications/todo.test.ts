import { describe, expect, it } from 'vitest';
import { Calendar } from '../calendar/calendar.ts';
import { loadBundledYears } from '../calendar/bundled.ts';
import { releasedFileMissing } from './decision.ts';
import { dueSoonLimit, isTodo, TODO_KINDS, urgencyOf, type TodoFacts, type TodoKind } from './todo.ts';

const open: TodoFacts = {
  state: 'running',
  handlerId: 'u-handler',
  decisionStatus: null,
  extensionRequested: false,
  archived: false,
};
const kinds = (a: TodoFacts, user: string | null) => TODO_KINDS.filter((k) => isTodo(k, a, user));

describe('待办: what waits for whom', () => {
  it('the clerk confirms and assigns; nothing of a closed or archived application waits', () => {
    expect(kinds({ ...open, state: 'awaitingConfirmation', handlerId: null }, 'u-clerk')).toEqual([
      'confirm',
      'assign',
    ]);
    expect(kinds({ ...open, state: 'closed', handlerId: null }, 'u-clerk')).toEqual([]);
    expect(kinds({ ...open, archived: true, decisionStatus: 'draft' }, 'u-handler')).toEqual([]);
  });
  it("the handler's kinds are theirs only by assignment", () => {
    expect(kinds(open, 'u-handler')).toEqual(['handle']);
    expect(kinds(open, 'u-other')).toEqual([]);
    expect(kinds(open, null)).toEqual([]);
    expect(kinds({ ...open, decisionStatus: 'signed' }, 'u-handler')).toEqual(['deliver']);
    expect(kinds({ ...open, state: 'awaitingCorrection' }, 'u-handler')).toEqual(['correction']);
    expect(kinds({ ...open, state: 'consulting' }, 'u-handler')).toEqual(['consultation']);
    expect(kinds({ ...open, state: 'awaitingFee' }, 'u-handler')).toEqual(['fee']);
    // A draft the 保密审查 sent back is the handler's to revise, not the reviewer's.
    expect(kinds({ ...open, decisionStatus: 'returned' }, 'u-handler')).toEqual(['handle']);
    expect(kinds({ ...open, decisionStatus: 'returned' }, 'u-reviewer')).toEqual([]);
  });
  it('the reviewer reviews drafts, the head signs reviewed replies off and decides on extensions, whoever handles them', () => {
    const draft = { ...open, decisionStatus: 'draft' };
    expect(kinds(draft, 'u-reviewer')).toEqual(['review']);
    expect(kinds({ ...open, decisionStatus: 'reviewed' }, 'u-head')).toEqual(['signOff']);
    expect(kinds({ ...open, extensionRequested: true }, 'u-head')).toEqual(['approveExtension']);
    // The handler still has it to do while the extension waits.
    expect(kinds({ ...open, extensionRequested: true }, 'u-handler')).toEqual(['handle', 'approveExtension']);
  });
  it('every kind is reachable', () => {
    const seen = new Set<TodoKind>();
    for (const state of ['awaitingConfirmation', 'running', 'awaitingCorrection', 'consulting', 'awaitingFee'])
      for (const decisionStatus of [null, 'draft', 'returned', 'reviewed', 'signed'])
        for (const handlerId of [null, 'u'])
          for (const extensionRequested of [false, true])
            for (const k of kinds({ state, decisionStatus, handlerId, extensionRequested, archived: false }, 'u'))
              seen.add(k);
    expect([...seen].sort()).toEqual([...TODO_KINDS].sort());
  });
});

describe('待办 urgency: overdue, due within 3 working days of the official calendar', () => {
  const calendar = Calendar.fromYears(loadBundledYears());
  it('counts working days, 调休 and holidays included', () => {
    // Thursday 2025-01-23 → Friday 24, Sunday 26 (a make-up working day), Monday 27.
    expect(dueSoonLimit('2025-01-23', calendar)).toBe('2025-01-27');
    // Over 国庆节 2025: Sep 30 → Oct 9 (Oct 1–8 off), 10, 11 (Saturday, a make-up working day).
    expect(dueSoonLimit('2025-09-30', calendar)).toBe('2025-10-11');
    // An ordinary week: Monday → Thursday.
    expect(dueSoonLimit('2025-03-03', calendar)).toBe('2025-03-06');
  });
  it('orders overdue, due soon, later, none', () => {
    const limit = '2025-03-06';
    expect(urgencyOf('2025-03-02', '2025-03-03', limit)).toBe('overdue');
    expect(urgencyOf('2025-03-03', '2025-03-03', limit)).toBe('dueSoon');
    expect(urgencyOf('2025-03-06', '2025-03-03', limit)).toBe('dueSoon');
    expect(urgencyOf('2025-03-07', '2025-03-03', limit)).toBe('later');
    expect(urgencyOf(null, '2025-03-03', limit)).toBe('none');
  });
});

describe('签发 needs the released file of 予以公开 and 部分公开', () => {
  it('names what is missing, and only where information is released', () => {
    expect(releasedFileMissing('partial', 0)).toMatch(/部分公开的答复须附.*提供文件（对外版本）.*第三十七条/);
    expect(releasedFileMissing('granted', 0)).toMatch(/予以公开.*第三十六条第二项/);
    expect(releasedFileMissing('partial', 1)).toBeNull();
    expect(releasedFileMissing('withheld_state_secret', 0)).toBeNull();
    expect(releasedFileMissing(null, 0)).toBeNull();
  });
});
