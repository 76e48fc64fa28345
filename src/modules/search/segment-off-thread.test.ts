/** The worker thread segments exactly as the main thread does (the index must not depend on where). */
import { describe, expect, it } from 'vitest';
import { itemWords } from './segment.ts';
import { itemWordsOffThread } from './segment-off-thread.ts';

describe('itemWordsOffThread', () => {
  it('gives the same words as itemWords, in order, for many batches at once', async () => {
    const items = Array.from({ length: 60 }, (_, k) => ({
      title: `关于第${k}批行政复议案件办理情况的通报`,
      docNumber: `洛工信〔2025〕${k}号`,
      summary: k % 2 ? '政府信息公开申请答复' : '',
      bodyText: `各有关单位：现将2025年第${k}季度安全生产检查结果通报如下。`,
    }));
    const batches = await Promise.all([itemWordsOffThread(items.slice(0, 30)), itemWordsOffThread(items.slice(30))]);
    expect(batches.flat()).toEqual(items.map((i) => itemWords(i)));
    expect(batches[0]![1]!.titleWords.split(' ')).toContain('复议');
    expect(await itemWordsOffThread([])).toEqual([]);
  });
});
