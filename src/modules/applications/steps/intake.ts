/** The steps around the application itself: 确认收到 (第三十一条), 分派, 撤回, 归档 (第四十五条). */
import { assertHandler } from '../handlers.repository.ts';
import { defineStep, type StepHandlers } from './context.ts';
import { stepBody } from '../applications.schemas.ts';

export const intakeSteps: StepHandlers<'confirmReceipt' | 'assign' | 'withdraw' | 'archive'> = {
  confirmReceipt: defineStep(stepBody('date'), ({ date }) => ({
    events: [
      {
        type: 'received',
        date: date(),
        public: true,
        summary: '双方确认收到申请（第三十一条），答复期限起算',
      },
    ],
  })),

  assign: defineStep(stepBody('handlerId'), async ({ deps, rec, input, today }) => {
    await assertHandler(deps.db, rec.agencyId, input.handlerId);
    return {
      patch: { handlerId: input.handlerId! },
      events: [
        {
          type: 'assigned',
          date: today,
          payload: { handlerId: input.handlerId },
          public: false,
          summary: '分派承办人',
        },
      ],
    };
  }),

  withdraw: defineStep(stepBody('date', 'note'), ({ date, input }) => ({
    events: [
      {
        type: 'withdrawn',
        date: date(),
        payload: { note: input.note ?? '' },
        public: true,
        summary: '申请人撤回申请',
      },
    ],
  })),

  archive: defineStep(stepBody(), ({ deps, today }) => ({
    patch: { archivedAt: deps.clock.now().toISOString() },
    events: [{ type: 'archived', date: today, public: false, summary: '归档（第四十五条）' }],
  })),
};
